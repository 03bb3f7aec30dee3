# nncli as a grader image: `docker run --rm -v "$PWD:/work" nncli-grader:0.1.0
#   /work/submission --format gradescope --out /work/results.json --seed 0`
# grades one submission per container (any queue: Kubernetes jobs, a platform's fleet).
FROM python:3.12-slim
LABEL org.opencontainers.image.title="nncli-grader" org.opencontainers.image.version="0.1.0"
# the exercises' matrices are tiny: BLAS threads would only cost time on a shared machine
ENV OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 \
    PYTHONDONTWRITEBYTECODE=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
# nncli pinned to this checkout's version (the build fails if the source says otherwise)
COPY pyproject.toml README.md /src/
COPY nncli /src/nncli
COPY exercises /src/exercises
COPY solutions /src/solutions
RUN pip install /src && rm -rf /src \
    && python -c "import nncli, sys; sys.exit(nncli.__version__ != '0.1.0')"
RUN useradd --create-home --uid 10001 grader
USER grader
WORKDIR /home/grader
ENTRYPOINT ["nncli", "autograde"]
CMD ["--help"]
