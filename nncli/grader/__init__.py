"""Grading learner files: hidden cases (cases/), the sandbox that runs untrusted code in
fresh interpreters (sandbox/), the comparison that decides verdicts in nncli's own process
(compare.py), one check (session.py) and a whole class (classroom/)."""
