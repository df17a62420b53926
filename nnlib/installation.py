"""Checking that the course's environment is complete (lesson 0, "start here").

This module needs nothing but the standard library, so that it can run, and say what is wrong, in an
environment where numpy or anything else is missing. :func:`report` prints the kernel's Python version first,
then every package the course needs with the versions it allows, then what to do about each problem.
The lesson cell prints the path of the kernel's Python before it imports this module, so that the path
shows even when ``nnlib`` itself cannot be imported (a wrong kernel).

:data:`REQUIREMENTS` holds the bounds of ``requirements.txt`` and ``pyproject.toml`` (a test keeps them
equal, so the list cannot fall behind).
"""

import sys
from importlib import metadata

PYTHON = (3, 10)
"""The oldest Python the course runs on."""

REQUIREMENTS = {
    "numpy": ("1.26", "3"),
    "matplotlib": ("3.8", "4"),
    "pillow": ("9.3", "14"),
    "ipywidgets": ("8.1", "9"),
    "anywidget": ("0.11", "1"),
    "threadpoolctl": ("3.1", "4"),
    "jupyterlab": ("4.2", "5"),
    "nbval": ("0.11", "1"),
    "nbclient": ("0.10", "1"),
    "pytest": ("8", "10"),
    "pytest-xdist": ("3.8", "4"),
}
"""Every package the course needs: ``name: (lowest version allowed, first version not allowed)``."""

FOR_TESTS = ("nbval", "nbclient", "pytest", "pytest-xdist")
"""The packages of :data:`REQUIREMENTS` that only the course's own tests use (``make test``)."""

CANNOT_SEE = ("Not visible from here: JupyterLab's own side of the sliders. If the slider further down shows as a "
              'line of text instead, see the README, Troubleshooting: "Sliders show as text".')


def _as_tuple(version):
    """``"3.10.2rc1"`` as ``(3, 10, 2)``: the leading numbers of a version, for comparing."""
    parts = []
    for piece in version.split("."):
        digits = ""
        for character in piece:
            if not character.isdigit():
                break
            digits += character
        if not digits:
            break
        parts.append(int(digits))
        if len(digits) < len(piece):
            break
    return tuple(parts)


def _allowed(found, lowest, too_new):
    return _as_tuple(lowest) <= _as_tuple(found) < _as_tuple(too_new)


def installed_versions():
    """``{package: version or None}`` for every package of :data:`REQUIREMENTS` (None: not installed)."""
    versions = {}
    for package in REQUIREMENTS:
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = None
    return versions


def installation_problems():
    """A list of what is wrong with this environment, in words (empty when everything is right)."""
    problems = []
    if sys.version_info < PYTHON:
        problems.append(f"Python {sys.version.split()[0]} is too old: the course needs Python "
                        f"{'.'.join(map(str, PYTHON))} or newer")
    for package, found in installed_versions().items():
        lowest, too_new = REQUIREMENTS[package]
        if found is None:
            problems.append(f"{package} is not installed in this kernel's environment")
        elif not _allowed(found, lowest, too_new):
            problems.append(f"{package} {found} is installed, but the course needs >={lowest},<{too_new}")
    return problems


README_ENTRIES = {"package": 'README, Troubleshooting: "The installation check marks a package ✗"',
                  "python": 'README, Troubleshooting: "The installation check says Python is too old"'}


def report():
    """Print each requirement, Python first, with the version found and the versions allowed, then a verdict.
    The tools of ``make test`` (:data:`FOR_TESTS`) are checked too but named only when something is wrong with them.

    The path of the kernel's Python is the lesson cell's to print, before it imports anything.
    """
    python = sys.version.split()[0]
    lowest = ".".join(map(str, PYTHON))
    print(f"  {'✓' if sys.version_info >= PYTHON else '✗'} {'Python':<14} version {python}  (allowed: >={lowest})")
    versions = installed_versions()
    for package in (p for p in versions if p not in FOR_TESTS):
        found, (low, too_new) = versions[package], REQUIREMENTS[package]
        mark = "✗" if found is None or not _allowed(found, low, too_new) else "✓"
        print(f"  {mark} {package:<14} version {found or 'missing'}  (allowed: >={low},<{too_new})")
    if not all(versions[p] is not None and _allowed(versions[p], *REQUIREMENTS[p]) for p in FOR_TESTS):
        print(f"  ✗ the tools `make test` uses ({', '.join(FOR_TESTS)}): the lessons run without them")
    problems = installation_problems()
    if problems:
        print(f"✗ {len(problems)} problem{'s' if len(problems) > 1 else ''}:")
        for problem in problems:
            print(f"  - {problem}")
        entry = README_ENTRIES["python" if sys.version_info < PYTHON else "package"]
        print(f"See the {entry}: in short, run `make install` in the course folder, then restart the kernel.")
    else:
        print(f"✓ Python and the {len(REQUIREMENTS) - len(FOR_TESTS)} packages of the lessons are installed, "
              "each within its bounds.")
    print(CANNOT_SEE)
