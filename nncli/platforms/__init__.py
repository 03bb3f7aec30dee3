"""Where courses run: one submission graded as `nncli grade` grades one student, written in
the results format of a platform (formats.py), and the ready-made setups a teacher uploads
to Gradescope, PrairieLearn or GitHub Classroom (setups.py)."""
