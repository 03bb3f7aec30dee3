"""`nncli grade`: a whole class graded with the hidden tests of `nncli check`.

engine.py grades the students; files.py finds each student's exercise files in their folder
or zip; output.py writes the gradebook (CSV, JSON, feedback) and the summary.
"""
