"""The one error type for expected problems; `cli.main` turns it into a one-line message."""

USAGE = 2
FAILED = 1


class NncliError(Exception):
    """An expected problem: printed as one line on stderr, exit with `code`."""

    def __init__(self, message: str, code: int = FAILED):
        super().__init__(message)
        self.message = message
        self.code = code


class UsageProblem(NncliError):
    """Bad input from the user: exit code 2."""

    def __init__(self, message: str):
        super().__init__(message, USAGE)


def did_you_mean(word: str, choices) -> str:
    """' Did you mean "conv"?' or '' when nothing is close."""
    import difflib

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.5)
    return f' Did you mean "{close[0]}"?' if close else ""
