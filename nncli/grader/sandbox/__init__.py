"""Where learner code runs: only in processes that never held anything of nncli's.

    nncli (check, watch, grade: runner.py)          judges; holds cases, expected values
      │  exec, `python -I`, minimal environment
      └─ host (host.py)                              a fresh interpreter: NumPy + inputs
           └─ student process (host.py, one per student and per check)
                │  joins the student's control groups (limits.py), and for `grade` enters
                │  the student's namespaces (isolation.py)
                └─ learner (learner.py, one per file)    limits, the file, its calls

The invariant: learner code runs only in processes descended from an interpreter started
fresh, which never held expected values, reference or case code (`nncli.maths`,
`nncli.grader.cases`), another student's file or the teacher's environment. nncli sends the
host the calls' inputs (wire.py frames over channel.py sockets); each learner sends its
results straight back to nncli on its own pipe, bounded by a budget counted before anything
is allocated (wire.Budget), and nncli makes the verdicts. So nothing needs hiding from a
learner: there is nothing there to find.

Limits: a wall-clock deadline per file (runner.py), CPU time, address space and file size
per process (learner.py); per student, memory and process count for all of its processes
together where control groups can be made (limits.py), otherwise the student's own uid with
a process limit (as root) and address space per process, and the weaker limit is said.

Where there is no fork (Windows), spawn.py runs each file in a fresh process of its own
instead; everything else is the same.
"""
