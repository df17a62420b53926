"""The self-check of lesson 0's practice exercise, "start here" (notebooks/00_start_here.ipynb).

The exercise shows how every lesson's exercises work: replace ``None``, run the cell, read the verdict.
Its answer is about the learner's own kernel (its Python version), so every machine has its own.
"""

import numbers
import sys

from . import not_answered, report


def _version_of(answer):
    """``(major, minor)`` from (3, 11), [3, 11, 7], (3, np.int64(11)), sys.version_info, sys.version_info[:2],
    ("3", "11", "7") (platform.python_version_tuple()) or a numpy array of whole numbers; None otherwise."""
    if isinstance(answer, (tuple, list)) or type(answer) is type(sys.version_info) or (
            type(answer).__module__ == "numpy" and getattr(answer, "ndim", 0) == 1):
        parts = list(answer)[:2]          # numpy's integers count as whole numbers, its booleans do not
        if len(parts) == 2 and all(isinstance(n, numbers.Integral) and not isinstance(n, bool) for n in parts):
            return int(parts[0]), int(parts[1])
        if len(parts) == 2 and all(isinstance(n, str) and n.strip().isdigit() for n in parts):
            return int(parts[0]), int(parts[1])          # platform.python_version_tuple(): ("3", "11", "7")
    return None


def check_python_version(answer):
    """Lesson 0's exercise: the version of the Python this kernel runs, asked of Python, as a tuple of whole numbers.

    Accepted: a tuple, list or numpy array starting with major and minor as whole numbers (``sys.version_info``,
    ``sys.version_info[:2]``, ``tuple(sys.version_info)``, ``(3, np.int64(11))``, ``np.array([3, 11])``) or as
    strings of digits (``platform.python_version_tuple()``).
    Text (``"3.11"``, ``sys.version``, ``platform.python_version()``) is refused with the reason: the exercise asks
    for the tuple, so that a version typed from section 2's printout does not pass for code. A float is refused with
    its own reason: as numbers, 3.10 and 3.1 are the same.
    """
    exercise = "Exercise (your kernel's Python)"
    if not_answered(exercise, answer):
        return False
    if isinstance(answer, float):
        return report(exercise, ["as a number, 3.10 and 3.1 are the same thing: give the version as a tuple of "
                                 "whole numbers, such as (3, 9)"])
    if callable(answer):
        return report(exercise, ["that is a function itself, not its result: call it, with () after its name"])
    if isinstance(answer, numbers.Integral) and not isinstance(answer, bool):
        return report(exercise, [f"{answer!r} is one whole number; a version has two parts at least, major and "
                                 "minor, such as (3, 9)"[:200]])
    if isinstance(answer, (str, bytes)):
        return report(exercise, ["that is text (like the line section 2 printed, which could simply be copied): "
                                 "ask Python for the version as a tuple of whole numbers, such as (3, 9); "
                                 "the module sys has one"])
    version = _version_of(answer)
    if version is None:
        return report(exercise, [f"the answer should be a version as a tuple of whole numbers, such as (3, 9), "
                                 f"got {answer!r}"[:200]])
    if version != tuple(sys.version_info[:2]):
        return report(exercise, [f"this kernel does not run Python {version[0]}.{version[1]}: look at the Python "
                                 "line the check of section 2 printed"])
    return report(exercise, [])
