"""The exercise templates and reference solutions shipped with nncli, file for file."""

from nncli.resources import data_dir


def template_path(name: str):
    return data_dir("exercises") / f"{name}.py"


def solution_path(name: str):
    return data_dir("solutions") / f"{name}.py"


def has_exercise(name: str) -> bool:
    return template_path(name).is_file()
