"""Write a file so that a reader sees the old content or the new, never half of it."""

import os
import tempfile


def write_atomic(path, write, newline=None) -> None:
    """Call write(stream) on a temporary text file beside `path` (UTF-8), flush it to disk,
    then rename it over `path`. On any failure the temporary file is removed and `path` is
    left as it was."""
    folder = os.path.dirname(os.path.abspath(path)) or "."
    handle, temporary = tempfile.mkstemp(prefix=f".{os.path.basename(path)}.", suffix=".part",
                                         dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline=newline) as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise
