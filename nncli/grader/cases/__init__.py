"""Hidden cases, one module per exercise: ``cases(rng) -> list[Case]``."""
