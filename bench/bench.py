"""Time nncli against bare Python imports and print the ratios.

    python bench/bench.py [--runs N]

Each pair of commands runs alternately (so background load hits both alike); the ratio is
the median of the ratios of neighbouring runs, and the median wall time of each is shown.
Targets come from the issues:
  nncli --help        <= 1.3 x  python -c "import click"
  nncli explain conv  <= 1.3 x  python -c "import numpy, rich.console, rich.table, click"
  nncli check (every solution but the slow ones, which train models: train)
                      <= 1.0 x  python -m pytest -q on one trivial NumPy test
  nncli grade (30 such solved students) <= 8.0 x  nncli check of one solved workspace
  nncli grade (300 such solved students) <= 0.1 s of wall time per student
  nncli check of each slow solution alone <= 3 s
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PY = sys.executable


def nncli_command():
    script = Path(PY).with_name("nncli")
    if script.exists():
        return [str(script)]
    found = shutil.which("nncli")
    return [found] if found else [PY, "-m", "nncli"]


def timed(command, cwd=None, env=None) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def compare(label, ours, baseline, runs, target, cwd=None, env=None):
    """Run the two commands alternately `runs` times: the ratio is the median of each run's
    ratio to the baseline run next to it, so a machine whose speed drifts during the bench
    (a VM's often does) moves both sides of every pair alike."""
    timed(ours, cwd, env), timed(baseline, cwd, env)  # warm the file cache
    ours_times, base_times = [], []
    for _ in range(runs):
        ours_times.append(timed(ours, cwd, env))
        base_times.append(timed(baseline, cwd, env))
    a, b = statistics.median(ours_times), statistics.median(base_times)
    ratio = statistics.median(o / t for o, t in zip(ours_times, base_times))
    verdict = "ok" if ratio <= target else "OVER TARGET"
    print(f"{label:<34} {a * 1000:7.0f} ms  vs {b * 1000:7.0f} ms  ratio {ratio:4.2f}  (target <= {target})  {verdict}")
    return ratio <= target


def solutions(slow: bool = False) -> list:
    """The reference solutions of the exercises that are slow (train models) or not."""
    from nncli.catalogue import EXERCISES
    from nncli.exercise_files import solution_path

    return [solution_path(e.name) for e in EXERCISES if e.slow == slow]


def solved_workspace(root: Path, files=None, name: str = "ws") -> Path:
    """A workspace holding `files` (default: every solution but the slow ones), as a learner
    who finished would have."""
    workspace = root / name
    (workspace / ".nncli").mkdir(parents=True)
    for solution in files if files is not None else solutions():
        shutil.copy(solution, workspace / solution.name)
    return workspace


def solved_class(root: Path, students: int = 30) -> Path:
    """A class folder of `students` submissions of every solution but the slow ones."""
    folder = root / "class"
    for number in range(students):
        student = folder / f"student{number:03d}"
        student.mkdir(parents=True)
        for solution in solutions():
            shutil.copy(solution, student / solution.name)
    return folder


def within(label, command, runs, seconds, cwd=None, env=None) -> bool:
    """Time `command` alone: its median wall time against a limit in seconds."""
    times = [timed(command, cwd, env) for _ in range(runs)]
    median = statistics.median(times)
    verdict = "ok" if median <= seconds else "OVER TARGET"
    print(f"{label:<34} {median * 1000:7.0f} ms  (target <= {seconds:g} s)  {verdict}")
    return median <= seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    nncli = nncli_command()
    env = dict(os.environ, NO_COLOR="1")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, {args.runs} runs each, medians")
    ok = compare("nncli --help", nncli + ["--help"], [PY, "-c", "import click"], args.runs, 1.3, env=env)
    ok &= compare("nncli explain conv", nncli + ["explain", "conv"],
                  [PY, "-c", "import numpy, rich.console, rich.table, click"], args.runs, 1.3, env=env)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        workspace = solved_workspace(root)
        trivial = root / "trivial"
        trivial.mkdir()
        (trivial / "test_trivial.py").write_text(
            "import numpy as np\n\ndef test_add():\n    assert np.add(1, 1) == 2\n")
        check = nncli + ["check", "--workspace", str(workspace), "--seed", "1"]
        import importlib.util

        if importlib.util.find_spec("pytest") is None:
            # without pytest the baseline would be an instant "No module named pytest"
            print("nncli check: skipped, pytest is not installed here (pip install '.[test]')")
            ok = False
        else:
            ok &= compare("nncli check (solved, but slow ones)", check,
                          [PY, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(trivial)],
                          args.runs, 1.0, cwd=root, env=env)
        compare("  the same, against import numpy", check, [PY, "-c", "import numpy"],
                args.runs, float("inf"), cwd=root, env=env)
        grade = nncli + ["grade", str(solved_class(root)), "--seed", "1",
                         "--out", str(root / "grades.csv")]
        ok &= compare("nncli grade (30 solved students)", grade, check,
                      max(5, args.runs // 2), 8.0, cwd=root, env=env)
        for solution in solutions(slow=True):
            alone = solved_workspace(root, [solution], name=solution.stem)
            ok &= within(f"nncli check {solution.stem}",
                         nncli + ["check", solution.stem, "--workspace", str(alone), "--seed", "1"],
                         max(3, args.runs // 3), 3.0, cwd=root, env=env)
        ok &= per_student(nncli, root, env)
    sys.exit(0 if ok else 1)


def per_student(nncli, root, env, students=300, target=0.1, runs=3):
    """Wall seconds per student of `nncli grade` on a class of `students`, with feedback."""
    folder = solved_class(root / "large", students)
    command = nncli + ["grade", str(folder), "--seed", "1", "--out", str(root / "large.csv"),
                       "--feedback", str(root / "large-feedback")]
    seconds = statistics.median(timed(command, cwd=root, env=env) for _ in range(runs))
    each = seconds / students
    verdict = "ok" if each <= target else "OVER TARGET"
    print(f"{f'nncli grade ({students} solved students)':<34} {seconds:7.1f} s   "
          f"{each * 1000:5.0f} ms a student  (target <= {target * 1000:.0f} ms)  {verdict}")
    return each <= target


if __name__ == "__main__":
    main()
