"""Ready-made autograders (`nncli autograder`): the files a teacher uploads to Gradescope,
builds for PrairieLearn or commits for GitHub Classroom. Each one runs `nncli autograde` on
one submission with a fixed seed and this exact version of nncli.

Every script reads NNCLI_AUTOGRADER_ROOT (default: the platform's own root, /autograder or
/grade) so it can be tried on a laptop, and the Gradescope one NNCLI_PYTHON (the Python with
nncli installed, default: the one setup.sh made)."""

import os
import shlex

from nncli import __version__
from nncli.platforms import scripts


class Settings:
    """What every submission is graded with: exercises (catalogue entries), seed, timeout
    (seconds per file), isolation ("required" or "auto"), lang."""

    def __init__(self, exercises, seed, timeout, isolation, lang):
        self.exercises, self.seed, self.timeout = list(exercises), seed, timeout
        self.isolation, self.lang = isolation, lang

    def arguments(self, names=None) -> str:
        """The options of `nncli autograde` (shell words), for the exercises `names`."""
        names = names or [e.name for e in self.exercises]
        return (f"--seed {self.seed} --timeout {self.timeout:g} --isolation {self.isolation} "
                f"--lang {self.lang} --exercises {shlex.quote(','.join(names))}")

    @property
    def points(self) -> int:
        return sum(e.max_points for e in self.exercises)

    @property
    def file_names(self) -> str:
        return ", ".join(f"{e.name}.py" for e in self.exercises)


def _values(settings, **more) -> dict:
    return dict(version=__version__, arguments=settings.arguments(), points=settings.points,
                files=settings.file_names, seed=settings.seed, **more)


def gradescope(out_path, settings, visibility="visible"):
    """Write Gradescope's autograder zip; returns (what to upload, [paths written])."""
    import zipfile

    values = _values(settings, visibility=visibility)
    members = [("setup.sh", scripts.GRADESCOPE_SETUP, 0o755),
               ("run_autograder", scripts.GRADESCOPE_RUN, 0o755),
               ("README.md", scripts.GRADESCOPE_README, 0o644)]
    temporary = f"{out_path}.part"
    with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, template, mode in members:
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            info.external_attr = (0o100000 | mode) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, template.format(**values))
    os.replace(temporary, out_path)
    return out_path, [out_path]


def prairielearn(out_dir, settings):
    """Write a question's tests/run.sh, info.json (the externalGradingOptions to merge), the
    grader image's Dockerfile and a README; returns (out_dir, [paths written])."""
    timeout = min(600, int(settings.timeout * len(settings.exercises) + 30))
    values = _values(settings, timeout=timeout)
    return out_dir, _write_tree(out_dir, [
        ("tests/run.sh", scripts.PRAIRIELEARN_RUN, 0o755),
        ("info.json", scripts.PRAIRIELEARN_INFO, 0o644),
        ("Dockerfile", scripts.PRAIRIELEARN_DOCKERFILE, 0o644),
        ("README.md", scripts.PRAIRIELEARN_README, 0o644),
    ], values)


def classroom(out_dir, settings):
    """Write .github/workflows/classroom.yml into the template repository `out_dir`;
    returns (out_dir, [paths written])."""
    steps = "".join(scripts.CLASSROOM_STEP.format(
        name=e.name, points=e.max_points, arguments=settings.arguments([e.name]))
        for e in settings.exercises)
    reporter_env = "".join(scripts.CLASSROOM_REPORTER_ENV.format(
        variable=e.name.upper(), name=e.name) for e in settings.exercises)
    values = _values(settings, steps=steps, reporter_env=reporter_env,
                     runners=",".join(e.name for e in settings.exercises))
    return out_dir, _write_tree(out_dir, [
        (".github/workflows/classroom.yml", scripts.CLASSROOM_WORKFLOW, 0o644)], values,
        may_exist=True)


def _write_tree(root, members, values, may_exist=False):
    from nncli.errors import NncliError, command_lang
    from nncli.texts import Texts

    t = Texts("platforms", command_lang())
    paths = [os.path.join(root, name) for name, _, _ in members]
    if not may_exist and os.path.exists(root):
        raise NncliError(t("setup.exists", path=root), 2)
    for path in paths:
        if may_exist and os.path.exists(path):
            raise NncliError(t("setup.exists", path=path), 2)
    for path, (_, template, mode) in zip(paths, members):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as stream:
            stream.write(template.format(**values))
        os.chmod(path, mode)
    return paths
