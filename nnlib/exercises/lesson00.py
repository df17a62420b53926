"""The self-check of lesson 0's practice exercise, "start here" (notebooks/00_start_here.ipynb).

The exercise shows how every lesson's exercises work: replace ``None``, run the cell, read the verdict.
Its answer is about the learner's own kernel (its Python version), so every machine has its own.
"""

import numbers
import sys

from . import not_answered, report


def _version_of(answer):
    """``(major, minor)`` from "3.11", "3.11.7", sys.version, (3, 11), [3, 11, 7], ("3", "11", "7"), sys.version_info or a numpy array of whole
    numbers; None otherwise."""
    if isinstance(answer, str):
        pieces = answer.strip().split(".")
        if len(pieces) < 2 or not all(piece.isdigit() for piece in pieces[:2]):
            return None
        return int(pieces[0]), int(pieces[1])
    if isinstance(answer, (tuple, list)) or type(answer) is type(sys.version_info) or (
            type(answer).__module__ == "numpy" and getattr(answer, "ndim", 0) == 1):
        parts = list(answer)[:2]          # numpy's integers count as whole numbers, its booleans do not
        if len(parts) == 2 and all(isinstance(n, numbers.Integral) and not isinstance(n, bool) for n in parts):
            return int(parts[0]), int(parts[1])
        if len(parts) == 2 and all(isinstance(n, str) and n.strip().isdigit() for n in parts):
            return int(parts[0]), int(parts[1])          # platform.python_version_tuple(): ("3", "11", "7")
    return None


def check_python_version(answer):
    """Lesson 0's exercise: the version of the Python this kernel runs, as ``"3.11"`` or ``(3, 11)``.

    Accepted: a string starting with at least major and minor (``"3.11"``, ``"3.11.7"``,
    ``platform.python_version()``, ``sys.version``), a tuple, list or numpy array starting with them as whole numbers
    (``(3, 11)``, ``[3, 11, 7]``, ``(3, np.int64(11))``, ``np.array([3, 11])``, ``sys.version_info``,
    ``sys.version_info[:2]``) or as strings of digits (``platform.python_version_tuple()``).
    A float is refused with the reason: as numbers, 3.10 and 3.1 are the same.
    """
    exercise = "Exercise (your kernel's Python)"
    if not_answered(exercise, answer):
        return False
    if isinstance(answer, float):
        return report(exercise, ["as a number, 3.10 and 3.1 are the same thing: give the version as text, "
                                 "such as \"3.9\", or as a pair of whole numbers, such as (3, 9)"])
    if callable(answer):
        return report(exercise, ["that is a function itself, not its result: call it, with () after its name"])
    if isinstance(answer, numbers.Integral) and not isinstance(answer, bool):
        return report(exercise, [f"{answer!r} is one whole number; a version has two parts at least, major and "
                                 "minor, such as \"3.9\" or (3, 9)"[:200]])
    version = _version_of(answer)
    if version is None:
        return report(exercise, [f"the answer should be a version such as \"3.9\" or (3, 9), got {answer!r}"[:200]])
    if version != tuple(sys.version_info[:2]):
        return report(exercise, [f"this kernel does not run Python {version[0]}.{version[1]}: look at the Python "
                                 "line the check of section 2 printed"])
    return report(exercise, [])
