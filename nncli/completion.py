"""Shell completion of exercise names (click's _NNCLI_COMPLETE mechanism: see the README;
topics complete as the subcommands of `nncli explain`). Each function is a click
`shell_complete` callback; the catalogue is read only when the shell asks."""


def complete_exercise(ctx, param, incomplete):
    """Exercise names starting with what is typed."""
    from nncli.catalogue import EXERCISES

    return [e.name for e in EXERCISES if e.name.startswith(incomplete.lower())]


def complete_exercise_list(ctx, param, incomplete):
    """--exercises a,b,…: the names already typed, then each exercise that may come next."""
    from nncli.catalogue import EXERCISES

    done, _, last = incomplete.rpartition(",")
    typed = set(done.split(",")) if done else set()
    prefix = done + "," if done else ""
    return [prefix + e.name for e in EXERCISES
            if e.name.startswith(last.lower()) and e.name not in typed]

