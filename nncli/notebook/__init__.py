"""nncli in Jupyter: `api.py` (nncli.check, nncli.explain, shown as rich HTML) and
`magic.py` (%load_ext nncli, then %%nncli EXERCISE)."""
