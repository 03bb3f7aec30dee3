"""The isolation plan of a grading run (Linux namespaces, sandbox/isolation.py), or why there is
none: shared by `nncli grade` (a class) and `nncli autograde` (one submission)."""

import os
import sys


def needs_linux(mode) -> bool:
    """True when --isolation `mode` asks for namespaces on a system that has none (not
    Linux): grading there is refused unless the teacher says --isolation off."""
    return mode != "off" and not sys.platform.startswith("linux")


def make_plan(hidden, workdir, off=False):
    """(plan, None) when the students' code can be shut in its own namespaces, else (None,
    isolation.Unavailable saying what is missing). hidden: the paths the students' code must
    not see; workdir: nncli's private folder (the staging root is made in it); off: the
    caller does not want isolation."""
    from nncli.grader.sandbox import isolation

    staging = os.path.join(workdir, "root")
    os.mkdir(staging, 0o755)
    try:
        if off:
            raise isolation.Unavailable("platform", "turned off by --isolation off")
        plan = isolation.make_plan(hidden, staging)
        failure = isolation.probe(plan)
    except isolation.Unavailable as error:
        plan, failure = None, error
    except OSError as error:
        plan, failure = None, isolation.Unavailable("root", str(error))
    return (plan, None) if failure is None else (None, failure)


def summary(plan, failure, t) -> dict:
    """{"enabled", "missing", "user"?}, as the JSON outputs report it (t: grade texts)."""
    if failure is None:
        return {"enabled": True, "missing": None,
                "user": "user namespace" if plan.rootless else "nobody"}
    return {"enabled": False, "missing": f"{t(f'isolation.what.{failure.what}')}: {failure.detail}"}
