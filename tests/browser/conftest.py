"""Fixtures for the end-to-end tests: JupyterLab from this environment and Debian's Chromium headless.

Without Chromium (or Playwright) these tests skip with a message saying how to enable them, except
under CI (CI=true), where a missing browser is a failure: CI must prove the lessons in a browser.
Screenshots go to test-artifacts/browser/ (git-ignored).
"""

import os
import time

import pytest

import browser_lab
from browser_lab import ARTIFACTS, ROOT

TIMINGS = {}  # notebook name -> seconds for open + run all cells, for the summary


# Module scope: all browser tests live in one module, and the server and browser are gone before
# the notebooks run under nbval in the same pytest session.
@pytest.fixture(scope="module")
def lab_server(tmp_path_factory):
    problem = browser_lab.chromium_problem()
    if problem:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but the browser tests cannot run: {problem}", pytrace=False)
        pytest.skip(f"browser tests skipped: {problem}")
    browser_lab.reset_folder(ARTIFACTS)
    with browser_lab.LabServer(ROOT, tmp_path_factory.mktemp("jupyterlab")) as server:
        yield server


@pytest.fixture(scope="module")
def browser(lab_server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = browser_lab.launch_chromium(playwright)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def lesson(request, lab_server, browser):
    """The notebook ``request.param`` opened in JupyterLab with all its cells run, kernel idle.

    On teardown the kernel is shut down and the tab closed without saving.
    """
    page = browser.new_page(viewport=browser_lab.VIEWPORT)
    lesson = browser_lab.LessonPage(page, lab_server, f"notebooks/{request.param}")
    start = time.perf_counter()
    lesson.open()
    lesson.run_all()
    TIMINGS[request.param] = time.perf_counter() - start
    yield lesson
    lesson.close()


def pytest_terminal_summary(terminalreporter):
    if TIMINGS:
        terminalreporter.section("lessons in JupyterLab + Chromium: open and run all cells")
        for name, seconds in TIMINGS.items():
            terminalreporter.write_line(f"{name:45s} {seconds:6.1f} s")
