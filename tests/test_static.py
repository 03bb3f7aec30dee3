"""The static check reads a learner's syntax tree: syntax errors, forbidden imports (however
spelled), forbidden calls (through aliases and helpers), defined functions and stubs."""

import textwrap
from pathlib import Path

import pytest

from nncli.grader.static import Problem, analyse

HOSTILE = Path(__file__).parent / "hostile"
MODULES = ("torch", "tensorflow", "jax", "scipy", "sklearn", "nncli", "solutions")
CONV = ("np.convolve", "numpy.convolve", "np.correlate", "numpy.correlate")


def check(source, calls=None, modules=MODULES):
    return analyse("learner.py", modules, calls, source=textwrap.dedent(source))


def imports(source):
    return [(p.line, p.name, p.detail) for p in check(source).forbidden]


def calls(source, function="conv1d", forbidden=CONV):
    return [(p.line, p.name, p.function, p.via)
            for p in check(source, {function: forbidden}).forbidden]


# ---- syntax -------------------------------------------------------------------------------

def test_syntax_error_file():
    analysis = analyse(HOSTILE / "syntax_error.py", MODULES, {"relu": ("np.maximum",)})
    assert analysis.syntax_error == Problem("syntax_error", 3, detail="expected ':'")
    assert analysis.forbidden == [] and analysis.defined == set()


@pytest.mark.parametrize("source", ["x = (", "def f():\nreturn 1", "x = 1\0", "(" * 500,
                                    b"x = '\xff\xfe'", "\tif True:\n        pass"])
def test_unparseable_sources_are_syntax_errors_not_exceptions(source):
    analysis = analyse("learner.py", MODULES, {}, source=source)
    assert analysis.syntax_error is not None and analysis.syntax_error.kind == "syntax_error"


def test_a_too_large_file_is_refused_without_reading_it(tmp_path):
    big = tmp_path / "big.py"
    big.write_bytes(b"#" * (3 << 20))
    assert "larger than" in analyse(big, MODULES, {}).syntax_error.detail


def test_a_correct_file_has_no_problem():
    analysis = analyse(HOSTILE / "correct.py", MODULES,
                       {"relu": ("np.tanh",), "softmax": ("scipy.special.softmax",)})
    assert analysis.syntax_error is None and analysis.forbidden == []
    assert {"relu", "softmax", "dense", "stub"} <= analysis.functions
    assert analysis.stubs == {"stub"} and "np" in analysis.defined


# ---- forbidden imports ---------------------------------------------------------------------

def test_every_spelling_of_a_forbidden_import():
    source = """\
        import numpy as np
        import torch
        import scipy.signal as ss
        from sklearn.linear_model import Ridge
        from jax import numpy as jnp
        import os, tensorflow
        m = __import__("nncli.maths")
        import importlib
        s = importlib.import_module("solutions.conv")
        from importlib import import_module as im
        t = im(name="torch.nn")
        exec("import scipy")

        def f(x):
            import torch.nn.functional as F
            return F.relu(x)
        """
    assert imports(source) == [
        (2, "torch", "torch"), (3, "scipy.signal", "scipy"),
        (4, "sklearn.linear_model", "sklearn"), (5, "jax", "jax"),
        (6, "tensorflow", "tensorflow"), (7, "nncli.maths", "nncli"),
        (9, "solutions.conv", "solutions"), (11, "torch.nn", "torch"), (12, "scipy", "scipy"),
        (15, "torch.nn.functional", "torch")]
    assert all(p.function is None and p.kind == "forbidden_import"
               for p in check(source).forbidden)


def test_allowed_imports_and_lookalike_names_pass():
    source = """\
        import numpy as np
        import math, itertools
        from numpy.lib.stride_tricks import sliding_window_view
        import torchvision_notes_are_not_torch
        scipy = "a string named scipy"
        __import__(name_from_a_variable)
        """
    assert imports(source) == []


# ---- forbidden calls -----------------------------------------------------------------------

def test_direct_calls_under_any_numpy_alias():
    assert calls("""\
        import numpy as np
        def conv1d(f, g):
            return np.convolve(f, g)
        """) == [(3, "np.convolve", "conv1d", None)]
    assert calls("""\
        import numpy
        def conv1d(f, g):
            return numpy.correlate(f, g[::-1], "full")
        """) == [(3, "numpy.correlate", "conv1d", None)]
    assert calls("""\
        import numpy as xp
        def conv1d(f, g):
            return xp.convolve(f, g)
        """) == [(3, "numpy.convolve", "conv1d", None)]


def test_imported_names_aliases_getattr_and_star_imports():
    assert calls("""\
        from numpy import convolve as c
        def conv1d(f, g):
            return c(f, g)
        """) == [(1, "numpy.convolve", "conv1d", "c"), (3, "numpy.convolve", "conv1d", None)]
    assert calls("""\
        import numpy as np
        conv = np.convolve
        def conv1d(f, g):
            return conv(f, g)
        """) == [(2, "np.convolve", "conv1d", "conv"), (4, "numpy.convolve", "conv1d", None)]
    assert calls("""\
        import numpy as np
        def conv1d(f, g):
            return getattr(np, "convolve")(f, g)
        """) == [(3, "numpy.convolve", "conv1d", None)]
    assert calls("""\
        from numpy import *
        def conv1d(f, g):
            return convolve(f, g)
        """) == [(3, "numpy.convolve", "conv1d", None)]


def test_helpers_are_followed_but_other_functions_are_not_blamed():
    source = """\
        import numpy as np
        def _flip(g):
            return np.correlate(g, [1.0])
        def conv1d(f, g):
            return _flip(f) + g
        def pad2d(x, p):
            return np.convolve(x, [1.0])
        """
    assert calls(source) == [(3, "np.correlate", "conv1d", "_flip")]
    assert check(source, {"pad2d": ("np.tanh",)}).forbidden == []


def test_a_forbidden_function_referenced_but_not_called_still_counts():
    assert calls("""\
        import numpy as np
        def tanh(x, f=np.tanh):
            return f(x)
        """, "tanh", ("np.tanh", "numpy.tanh")) == [(2, "np.tanh", "tanh", None)]
    assert calls("""\
        from numpy import tanh
        """, "tanh", ("np.tanh", "numpy.tanh")) == [(1, "numpy.tanh", "tanh", None)]


def test_local_names_and_the_main_guard_are_not_followed():
    source = """\
        import numpy as np
        out = np.convolve([1.0], [2.0])
        def conv1d(f, g):
            out = np.zeros(len(f) + len(g) - 1)
            for i, a in enumerate(f):
                out[i:i + len(g)] += a * g
            return out
        if __name__ == "__main__":
            conv1d = np.convolve
            print(np.allclose(conv1d([1.0], [2.0]), np.convolve([1.0], [2.0])))
        """
    assert calls(source) == []
    analysis = check(source, {"conv1d": CONV})
    assert "conv1d" in analysis.functions and analysis.stubs == set()


def test_similar_names_are_not_forbidden():
    assert calls("""\
        import numpy as np
        def tanh(x):
            e = np.exp(-2 * x)
            return (1 - e) / (1 + e) + np.tanh_table_not_numpy_tanh * 0
        """, "tanh", ("np.tanh",)) == []


# ---- defined functions and stubs ---------------------------------------------------------------

def test_stubs_are_functions_that_still_raise_not_implemented():
    analysis = check('''\
        import numpy as np
        def stub(x):
            """Docstring."""
            raise NotImplementedError
        def stub_with_message(x):
            raise NotImplementedError("write this")
        def started(x):
            y = x + 1
            raise NotImplementedError
        def done(x):
            if x is None:
                raise NotImplementedError
            return x
        def redefined(x):
            raise NotImplementedError
        def redefined(x):
            return x
        def wrong_exception(x):
            raise NotImplemented
        relu = lambda x: np.maximum(x, 0)
        class Layer:
            def forward(self):
                raise NotImplementedError
        ''')
    assert analysis.stubs == {"stub", "stub_with_message", "started"}
    assert analysis.functions == {"stub", "stub_with_message", "started", "done", "redefined",
                                  "wrong_exception"}
    assert {"relu", "Layer", "np"} <= analysis.defined
    assert "forward" not in analysis.defined


def test_the_hostile_files_all_read_without_error():
    for path in sorted(HOSTILE.glob("*.py")):
        analysis = analyse(path, MODULES, {"relu": ("np.maximum",)})
        assert (analysis.syntax_error is None) == (path.name != "syntax_error.py"), path.name
