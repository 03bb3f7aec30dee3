"""The isolation plan of a grading run (Linux namespaces, sandbox/isolation.py), or why there is
none: shared by `nncli grade` (a class) and `nncli autograde` (one submission)."""

import os

OFF_VARIABLE = "NNCLI_GRADE_ISOLATION"


def make_plan(hidden, workdir, off=False):
    """(plan, None) when the students' code can be shut in its own namespaces, else (None,
    isolation.Unavailable saying what is missing). hidden: the paths the students' code must
    not see; workdir: nncli's private folder (the staging root is made in it); off: the
    caller does not want isolation (so does $NNCLI_GRADE_ISOLATION=off)."""
    from nncli.grader.sandbox import isolation

    staging = os.path.join(workdir, "root")
    os.mkdir(staging, 0o755)
    try:
        if off:
            raise isolation.Unavailable("platform", "turned off by --isolation off")
        if os.environ.get(OFF_VARIABLE, "").lower() in ("off", "0", "no"):
            raise isolation.Unavailable("platform", f"turned off by {OFF_VARIABLE}")
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
