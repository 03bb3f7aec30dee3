"""The files `nncli autograder` writes, as str.format templates (braces doubled). Values:
version, arguments (the options of `nncli autograde`), points, files, seed, and per platform
visibility, timeout, steps, reporter_env, runners."""

BLAS = "OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1"

# ---------------------------------------------------------------- Gradescope

GRADESCOPE_SETUP = """\
#!/usr/bin/env bash
# Gradescope runs this once, when it builds the autograder image (nncli {version}).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends python3 python3-venv python3-pip
python3 -m venv /opt/nncli
/opt/nncli/bin/pip install --no-cache-dir "nncli=={version}"
"""

GRADESCOPE_RUN = """\
#!/usr/bin/env bash
# Gradescope runs this for every submission: nncli {version} grades /autograder/submission
# into /autograder/results/results.json (partial credit per function, seed {seed}).
# NNCLI_AUTOGRADER_ROOT and NNCLI_PYTHON let you try it elsewhere (see README.md).
set -u
root="${{NNCLI_AUTOGRADER_ROOT:-/autograder}}"
python="${{NNCLI_PYTHON:-/opt/nncli/bin/python}}"
mkdir -p "$root/results"
export """ + BLAS + """
exec "$python" -m nncli autograde "$root/submission" --format gradescope \\
    --out "$root/results/results.json" --visibility {visibility} {arguments}
"""

GRADESCOPE_README = """\
# nncli autograder for Gradescope (nncli {version})

1. Create a programming assignment worth {points} points and upload this zip as its
   autograder (base image: Ubuntu). `setup.sh` installs Python and nncli {version}.
2. Students submit {files} (a zip or the files; folders inside do not matter).
3. For every submission `run_autograder` runs `nncli autograde` with the seed {seed}: one
   test per graded function, with partial credit and the message `nncli check` would show.

The students' code runs in its own Linux namespaces (no network, no other files). If your
first test submission says isolation is not available in Gradescope's container, write the
zip again with `nncli autograder gradescope --isolation auto` (the container then is the only
wall around the code).

Try it on your machine before uploading:

    mkdir -p try/submission && cp lstm.py try/submission/
    NNCLI_AUTOGRADER_ROOT=$PWD/try NNCLI_PYTHON=$(command -v python3) bash run_autograder
    cat try/results/results.json
"""

# ---------------------------------------------------------------- PrairieLearn

PRAIRIELEARN_RUN = """\
#!/usr/bin/env bash
# PrairieLearn's entry point: nncli {version} grades /grade/student into
# /grade/results/results.json (seed {seed}). NNCLI_AUTOGRADER_ROOT replaces /grade to try it.
set -u
root="${{NNCLI_AUTOGRADER_ROOT:-/grade}}"
mkdir -p "$root/results"
export """ + BLAS + """
exec nncli autograde "$root/student" --format prairielearn \\
    --out "$root/results/results.json" {arguments}
"""

PRAIRIELEARN_INFO = """\
{{
  "gradingMethod": "External",
  "externalGradingOptions": {{
    "enabled": true,
    "image": "YOUR-REGISTRY/nncli-grader:{version}",
    "entrypoint": "/grade/tests/run.sh",
    "timeout": {timeout}
  }}
}}
"""

PRAIRIELEARN_DOCKERFILE = """\
# The external grader image of nncli {version} for PrairieLearn.
FROM python:3.12-slim
ENV """ + BLAS + """ PYTHONDONTWRITEBYTECODE=1
RUN pip install --no-cache-dir "nncli=={version}"
"""

PRAIRIELEARN_README = """\
# nncli as a PrairieLearn external grader (nncli {version})

1. Build and push the grader image: `docker build -t YOUR-REGISTRY/nncli-grader:{version} .`
2. Copy `tests/` into the question's folder and merge `info.json` into the question's
   `info.json` (with your image's name).
3. In `question.html`, let students hand in {files}, for example with
   `<pl-file-editor file-name="lstm.py">` or `<pl-file-upload file-names="{files}">`,
   and show the results with `<pl-external-grader-results>`.

The score is the share of the {points} points earned, per function; a submission without any
exercise file is marked not gradable (no attempt is used up).
"""

# ---------------------------------------------------------------- GitHub Classroom

CLASSROOM_WORKFLOW = """\
# GitHub Classroom autograding with nncli {version}: one step per exercise (partial credit
# per function, seed {seed}), then the reporter adds up the points ({points} in all).
name: Autograding Tests
'on':
  - push
  - repository_dispatch
permissions:
  checks: write
  actions: read
  contents: read
jobs:
  run-autograding-tests:
    runs-on: ubuntu-latest
    if: github.actor != 'github-classroom[bot]'
    steps:
      - name: Checkout code
        uses: actions/checkout@v4
      - name: Set up Python
        uses: actions/setup-python@v5
        with:
          python-version: '3.12'
      - name: Install nncli
        run: python -m pip install "nncli=={version}"
{steps}      - name: Autograding Reporter
        uses: classroom-resources/autograding-grading-reporter@v1
        env:
{reporter_env}        with:
          runners: {runners}
"""

CLASSROOM_STEP = """\
      - name: {name} ({points} points)
        id: {name}
        env:
          OPENBLAS_NUM_THREADS: '1'
        run: |
          nncli autograde . --format classroom --out "$RUNNER_TEMP/{name}.b64" {arguments} || true
          echo "result=$(cat "$RUNNER_TEMP/{name}.b64")" >> "$GITHUB_OUTPUT"
"""

CLASSROOM_REPORTER_ENV = """\
          {variable}_RESULTS: "${{{{steps.{name}.outputs.result}}}}"
"""
