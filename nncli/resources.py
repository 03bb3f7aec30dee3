"""Where the files nncli reads at run time live, installed or in a checkout."""

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(kind: str) -> Path:
    """The folder of `kind` ("exercises" or "solutions").

    In a wheel they are packed under ``nncli/_data/``; in a source checkout they sit at
    the top of the repository beside the package.
    """
    packed = _PACKAGE / "_data" / kind
    if packed.is_dir():
        return packed
    return _PACKAGE.parent / kind
