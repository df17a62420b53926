"""Fixtures for the end-to-end tests: JupyterLab from this environment and Debian's Chromium headless.

Without Chromium (or Playwright) these tests skip with a message saying how to enable them, except
under CI (CI=true), where a missing browser is a failure: CI must prove the lessons in a browser.
Screenshots go to test-artifacts/browser/ (git-ignored; emptied once per run by conftest.py).

One JupyterLab server and one Chromium serve all browser tests of a process (with pytest-xdist: of a
worker that runs browser tests; started on first use, stopped at the end of the run). Each lesson
gets its own tab, in its own browser context, and its own kernel, shut down when its tests are done.
"""

import os

import pytest

import browser_lab
from browser_lab import ARTIFACTS, ROOT


@pytest.fixture(scope="session")
def lab_server(tmp_path_factory):
    problem = browser_lab.chromium_problem()
    if problem:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but the browser tests cannot run: {problem}", pytrace=False)
        pytest.skip(f"browser tests skipped: {problem}")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with browser_lab.LabServer(ROOT, tmp_path_factory.mktemp("jupyterlab")) as server:
        yield server


@pytest.fixture(scope="session")
def browser(lab_server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = browser_lab.launch_chromium(playwright)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def lesson(request, lab_server, browser):
    """The notebook ``request.param`` opened in JupyterLab with all its cells run, kernel idle.

    Its setup time, shown by ``--durations``, is the time to open the lesson and run all its cells
    (for a worker's first lesson, plus starting JupyterLab and Chromium).
    On teardown the kernel is shut down and the tab closed without saving.
    """
    page = browser.new_page(viewport=browser_lab.VIEWPORT)
    lesson = browser_lab.LessonPage(page, lab_server, f"notebooks/{request.param}")
    lesson.open()
    lesson.run_all()
    yield lesson
    lesson.close()
