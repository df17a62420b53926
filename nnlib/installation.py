"""Checking that the course's environment is complete (lesson 0, "start here").

The minimum versions below are the lower bounds of ``requirements.txt`` (a test keeps them equal).
"""

import sys
from importlib import metadata

MINIMUM_VERSIONS = {
    "numpy": "1.26",
    "matplotlib": "3.8",
    "ipywidgets": "8.1",
    "jupyterlab": "4.2",
    "jupyterlab_widgets": "3.0",   # the JupyterLab side of ipywidgets: without it sliders show as text
}


def _as_tuple(version):
    parts = []
    for piece in version.split(".")[:3]:
        digits = "".join(ch for ch in piece if ch.isdigit())
        if not digits:
            break
        parts.append(int(digits))
    return tuple(parts)


def installation_problems():
    """Return a list of problems with this environment (empty when everything needed is there).

    Checks the Python version (3.10 or newer) and that each package of :data:`MINIMUM_VERSIONS` is
    installed in at least that version.
    """
    problems = []
    if sys.version_info < (3, 10):
        problems.append(f"Python {sys.version.split()[0]} is too old: the course needs Python 3.10 or newer")
    for package, minimum in MINIMUM_VERSIONS.items():
        try:
            found = metadata.version(package)
        except metadata.PackageNotFoundError:
            problems.append(f"{package} is not installed in this kernel's environment ({sys.executable})")
            continue
        if _as_tuple(found) < _as_tuple(minimum):
            problems.append(f"{package} {found} is older than the {minimum} the course needs")
    return problems


def installed_versions():
    """``{package: version}`` for Python and the course's packages, for a quick look."""
    versions = {"python": sys.version.split()[0]}
    for package in MINIMUM_VERSIONS:
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = "missing"
    return versions
