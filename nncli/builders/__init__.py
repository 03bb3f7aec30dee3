"""Trace builders: plain NumPy in, a `nncli.trace.Trace` out. They never print."""
