"""How the test suite is spread over processes by pytest-xdist (``-n auto --dist loadscope``).

Work is handed out in units that each run in one process: a notebook (its cells must run in order in
one kernel), the browser tests of one lesson in one test module (they share the lesson opened in
JupyterLab), and a unit-test module. The units that take longest are queued first
(``--no-loadscope-reorder`` keeps the order given here), so the run does not end waiting for one long
notebook while the other workers are idle.
"""

import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent
BROWSER_TESTS = ROOT / "tests" / "browser"
BROWSER_ARTIFACTS = ROOT / "test-artifacts" / "browser"

# The units that take longest, measured: lesson 5 trains its networks (its browser run and its nbval
# run each take several times longer than any other lesson's); the live-widget module drives a
# scratch notebook for about a minute; the website's module builds the site (on a clean clone it
# first creates .venv-site) and visits every page.
LONGEST = ("05_training_on_mnist.ipynb", "tests/browser/test_widgets_in_browser.py",
           "tests/browser/test_site.py")


def unit_of_work(nodeid):
    """The unit a test belongs to: its file, and for a browser test also its lesson (the test's
    parameter), e.g. ``tests/browser/test_lessons_in_browser.py[05_training_on_mnist.ipynb]``."""
    path = nodeid.split("::", 1)[0]
    parameter = re.search(r"(\[[^\]]*\])$", nodeid)
    if path.startswith("tests/browser/") and parameter:
        return path + parameter.group(1)
    return path


def _rank(item):
    unit = unit_of_work(item.nodeid)
    kind = 0 if unit.startswith("tests/browser/") else 1 if unit.endswith(".ipynb") else 2
    return (not any(name in unit for name in LONGEST), kind)


def pytest_collection_modifyitems(items):
    items.sort(key=_rank)  # stable: a notebook's cells keep their order


def pytest_xdist_make_scheduler(config, log):
    from xdist.scheduler import LoadScopeScheduling

    class UnitScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid):
            return unit_of_work(nodeid)

    return UnitScheduling(config, log)


def pytest_sessionstart(session):
    """Empty test-artifacts/browser once per run that includes browser tests (in the main process,
    before any xdist worker writes a screenshot), so it holds this run's screenshots only."""
    config = session.config
    if hasattr(config, "workerinput"):
        return
    paths = [Path(config.invocation_params.dir, arg.partition("::")[0]).resolve() for arg in config.args]
    if any(path == BROWSER_TESTS or path in BROWSER_TESTS.parents or BROWSER_TESTS in path.parents
           for path in paths):
        shutil.rmtree(BROWSER_ARTIFACTS, ignore_errors=True)
