"""nncli: learn how neural networks compute, one real number at a time.

In a notebook: ``nncli.check("lstm")``, ``nncli.explain("conv", padding=1)`` and
``%load_ext nncli`` (the cell magic ``%%nncli lstm``). They load on first use: importing
nncli imports nothing (the grader's learner processes import this package too)."""

__version__ = "0.1.0"

# name -> (module, attribute or None for the module itself: nncli.explain is a callable package)
_LAZY = {"check": ("nncli.notebook.api", "check"), "explain": ("nncli.explain", None),
         "load_ipython_extension": ("nncli.notebook.magic", "load_ipython_extension")}


def __getattr__(name):
    if name not in _LAZY:
        raise AttributeError(f"module 'nncli' has no attribute {name!r}")
    import importlib

    module, attribute = _LAZY[name]
    loaded = importlib.import_module(module)
    return loaded if attribute is None else getattr(loaded, attribute)


def __dir__():
    return sorted(set(globals()) | set(_LAZY))
