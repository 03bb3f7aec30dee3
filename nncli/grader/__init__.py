"""Grading learner files: hidden cases (cases/), the sandbox that runs untrusted code,
and the comparison that decides verdicts in nncli's own process."""
