"""One BLAS thread for nncli's own NumPy.

nncli's arrays hold a few hundred numbers: a pool of BLAS threads costs more to start (its
threads spin while NumPy imports) than it could ever save, and on a busy machine it takes
cores from the learners' processes. The user's own setting wins.
"""

import os
import sys

VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def one_thread() -> None:
    """Ask BLAS for one thread unless the environment says otherwise. BLAS reads these once,
    when NumPy is imported: after that, this changes nothing."""
    if "numpy" in sys.modules:
        return
    for name in VARIABLES:
        os.environ.setdefault(name, "1")
