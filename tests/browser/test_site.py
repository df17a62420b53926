"""The course's website (``make site``) in a real browser, as a reader meets it.

``make site`` builds the site (and creates its environment, .venv-site, on first use); it is served
from site/ on 127.0.0.1, and Debian's Chromium opens the home page and every lesson once, at laptop
width and then narrowed to phone width, recording what the tests below check:

- each page has its lesson's title (the notebook's first line, ``# <title>``);
- every image has loaded, and math is typeset by MathJax: no ``$`` or ``$$`` left in the prose;
- no console error, and no request to any host but the local server (nothing from a CDN);
- at phone width nothing is wider than the screen (figures scale, code scrolls inside its box);
- each lesson links to its notebook and shows the set-up commands, a note follows each widget's
  picture, and the solutions are collapsed;
- the previous/next links lead through the lessons in order, and every link between pages (the
  lesson table, the navigation, the contents, links in the text) reaches a file and an anchor that
  exist.

Then the dark theme shows light text on a dark page, and a search for a word that only one lesson
has finds that lesson. Screenshots go to test-artifacts/site/: each page at laptop and at phone
width (the top of the page), a lesson in the dark theme, and the search results.
Without Chromium these tests are skipped, except under CI (CI=true), where they fail.

The last tests check, without a browser, how site_src/course_site.py turns made-up cells into a page.
"""

import importlib.util
import json
import os
import re
import shutil
import subprocess
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urldefrag, urlsplit

import pytest

import browser_lab
from browser_lab import ROOT

SITE = ROOT / "site"
SCREENSHOTS = ROOT / "test-artifacts" / "site"
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
WIDGET_MIME = browser_lab.WIDGET_MIME
LAPTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
TIMEOUT_MS = 120_000

# What a page shows, read in the page once MathJax has typeset it.
_JS_FACTS = """async () => {
    if (window.MathJax && MathJax.startup) await MathJax.startup.promise;
    const article = document.querySelector('article.bd-article');
    const title = article.querySelector('h1').cloneNode(true);
    title.querySelectorAll('.headerlink').forEach(e => e.remove());
    const prose = article.cloneNode(true);
    prose.querySelectorAll('pre, code, mjx-container, script, style').forEach(e => e.remove());
    const body = getComputedStyle(document.body);
    return {
        title: title.textContent.trim(),
        images: [...document.images].map(img => ({
            src: img.getAttribute('src'), loaded: img.complete && img.naturalWidth > 0,
            right: img.getBoundingClientRect().right, width: img.getBoundingClientRect().width})),
        typeset: document.querySelectorAll('mjx-container').length,
        untypeset: document.querySelectorAll('.math:not(:has(mjx-container))').length,
        prose: prose.textContent,
        links: [...document.querySelectorAll('a[href]')].map(a => a.href),
        ids: [...document.querySelectorAll('[id]')].map(e => e.id),
        previous: document.querySelector('a.left-prev')?.href || null,
        next: document.querySelector('a.right-next')?.href || null,
        page_width: document.documentElement.scrollWidth,
        notebook_links: [...article.querySelectorAll('a[href$=".ipynb"]')].map(a => a.href),
        run_box: article.querySelector('.course-run pre')?.textContent || '',
        widget_notes: article.querySelectorAll('.course-widget').length,
        solutions: [...article.querySelectorAll('section')]
            .filter(s => /^solutions?$/i.test(
                s.querySelector(':scope > h2, :scope > h3')?.firstChild?.textContent.trim()))
            .flatMap(s => [...s.querySelectorAll('.cell')])
            .map(cell => !!cell.querySelector(':scope > details.hide:not([open])')),
        colors: [body.color, body.backgroundColor,
                 getComputedStyle(document.querySelector('.bd-main')).backgroundColor],
    };
}"""


@dataclass
class Page:
    """A page of the site and what it must show, read from its notebook (the README for the home
    page): its title, whether it has math, how many widget cells and whether a "Solutions" section."""
    path: str
    title: str
    has_math: bool = False
    widgets: int = 0
    has_solutions: bool = False


def _markdown(notebook):
    return ["".join(cell["source"]) for cell in notebook["cells"] if cell["cell_type"] == "markdown"]


def site_pages():
    """The home page (titled as the README) and one page per notebook (titled by its first line)."""
    readme_title = (ROOT / "README.md").read_text(encoding="utf-8").partition("\n")[0]
    pages = [Page("index.html", readme_title.lstrip("# ").strip())]
    for path in NOTEBOOKS:
        notebook = json.loads(path.read_text(encoding="utf-8"))
        markdown = _markdown(notebook)
        widgets = sum(any(WIDGET_MIME in output.get("data", {}) for output in cell.get("outputs", []))
                      for cell in notebook["cells"])
        pages.append(Page(
            f"notebooks/{path.stem}.html",
            title=re.sub(r"[`*]", "", markdown[0].partition("\n")[0].lstrip("# ").strip()),
            has_math=any("$" in text for text in markdown), widgets=widgets,
            has_solutions=any(re.search(r"^#+\s+Solutions\s*$", text, re.M) for text in markdown)))
    return pages


PAGES = site_pages()
IN_THE_DARK = PAGES[2]  # lesson 1: prose, code and figures; the theme is the same on every page


def _unique_word(notebook):
    """A long word of the lesson's prose that no other lesson's prose has."""
    def words(path):
        text = " ".join(_markdown(json.loads(path.read_text(encoding="utf-8"))))
        return set(re.findall(r"\b[a-z]{9,}\b", re.sub(r"`[^`]*`|\$[^$]*\$|\(http[^)]*\)", " ", text)))
    others = set().union(*(words(path) for path in NOTEBOOKS if path != notebook))
    return min(words(notebook) - others, key=lambda word: (-len(word), word))


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="module")
def site():
    """site/, built by `make site` (nothing to do when it is up to date)."""
    problem = browser_lab.chromium_problem() or (None if shutil.which("make") else "`make` is missing")
    if problem:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but the website tests cannot run: {problem}", pytrace=False)
        pytest.skip(f"website tests skipped: {problem}")
    build = subprocess.run(["make", "site"], cwd=ROOT, capture_output=True, text=True)
    assert build.returncode == 0, f"`make site` failed:\n{build.stdout[-3000:]}\n{build.stderr[-3000:]}"
    return SITE


@pytest.fixture(scope="module")
def server(site):
    """The site served over HTTP on 127.0.0.1 (a free port); yields its base URL."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def screenshots():
    """test-artifacts/site/, emptied: this run's screenshots only."""
    shutil.rmtree(SCREENSHOTS, ignore_errors=True)
    SCREENSHOTS.mkdir(parents=True)
    return SCREENSHOTS


@dataclass
class Visit:
    """What one page showed at laptop and at phone width, with every request and console error."""
    page: Page
    url: str
    status: int
    laptop: dict
    phone: dict
    requests: list
    errors: list


@dataclass
class Browsed:
    """What the browser saw: every page's :class:`Visit`, ``IN_THE_DARK`` in the dark theme (its
    text and page colours, requests and console errors), and what a search for a word found."""
    visits: list
    dark: dict
    search_word: str
    search_found: list


def _context(browser, **options):
    """A new browser context, patient enough for a busy machine (as the lesson tests are)."""
    context = browser.new_context(**options)
    context.set_default_timeout(TIMEOUT_MS)
    return context


def _open(context, url):
    """A new tab of ``context`` showing ``url``, loaded; returns the tab, the HTTP response, and the
    lists (filled as the tab goes on) of the URLs it requests and of its console errors."""
    tab = context.new_page()
    requests, errors = [], []
    tab.on("request", lambda request: requests.append(request.url))
    tab.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    tab.on("pageerror", lambda error: errors.append(str(error)))
    return tab, tab.goto(url, wait_until="load"), requests, errors


def _shot(tab, screenshots, page, kind):
    tab.screenshot(path=screenshots / f"{page.path.rsplit('/', 1)[-1].removesuffix('.html')}-{kind}.png",
                   animations="disabled")


def visit(context, server, screenshots, page):
    """Open ``page`` at laptop width, then narrow it to phone width, reading its facts and taking a
    screenshot of the top of the page at each width."""
    tab, response, requests, errors = _open(context, server + page.path)
    laptop = tab.evaluate(_JS_FACTS)
    _shot(tab, screenshots, page, "laptop")
    tab.set_viewport_size(PHONE)
    phone = tab.evaluate(_JS_FACTS)
    tab.evaluate("() => window.scrollTo(0, 0)")
    _shot(tab, screenshots, page, "phone")
    tab.close()
    return Visit(page, server + page.path, response.status, laptop, phone, requests, errors)


def visit_in_the_dark(browser, server, screenshots, page):
    """``page`` for a reader whose system is dark, at its first figure: colours, requests, errors."""
    context = _context(browser, viewport=LAPTOP, color_scheme="dark")
    tab, _, requests, errors = _open(context, server + page.path)
    colors = tab.evaluate(_JS_FACTS)["colors"]
    figures = tab.locator(".cell_output img")
    if figures.count():
        figures.first.scroll_into_view_if_needed()
    _shot(tab, screenshots, page, "dark")
    context.close()
    return {"colors": colors, "requests": requests, "errors": errors}


def search(browser, server, screenshots, word):
    """The paths of the pages that the site's search page lists for ``word``."""
    context = _context(browser, viewport=LAPTOP)
    tab = context.new_page()
    tab.goto(f"{server}search.html?q={word}")
    tab.wait_for_selector("#search-results .search-summary")
    found = [urlsplit(href).path for href in
             tab.eval_on_selector_all("#search-results ul.search a", "links => links.map(a => a.href)")]
    tab.screenshot(path=screenshots / "search.png")
    context.close()
    return found


def browse(server, screenshots):
    """One pass of Debian's Chromium over the site, for all the tests below; returns plain data."""
    from playwright.sync_api import sync_playwright

    word = _unique_word(NOTEBOOKS[-1])
    with sync_playwright() as playwright:
        browser = browser_lab.launch_chromium(playwright)
        context = _context(browser, viewport=LAPTOP)
        visits = [visit(context, server, screenshots, page) for page in PAGES]
        context.close()
        browsed = Browsed(visits, visit_in_the_dark(browser, server, screenshots, IN_THE_DARK), word,
                          search(browser, server, screenshots, word))
        browser.close()
    return browsed


@pytest.fixture(scope="module")
def browsed(server, screenshots):
    """:func:`browse`, in a thread of its own: Playwright's sync API cannot start in a thread where
    it already runs (the other browser tests' Chromium may be open in this process)."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(browse, server, screenshots).result()


@pytest.fixture(scope="module")
def visits(browsed):
    return browsed.visits


def test_every_lesson_has_a_page_with_its_title(visits):
    for visit in visits:
        assert visit.status == 200, f"{visit.url}: HTTP {visit.status}"
        assert visit.laptop["title"] == visit.page.title, f"{visit.url}: wrong title"


def test_every_image_has_loaded(visits):
    for visit in visits:
        broken = [image["src"] for image in visit.laptop["images"] if not image["loaded"]]
        assert not broken, f"{visit.url}: images not loaded: {broken}"


def test_math_is_typeset(visits):
    for visit in visits:
        facts = visit.laptop
        if visit.page.has_math:
            assert facts["typeset"], f"{visit.url}: the lesson has math but MathJax typeset none"
        assert not facts["untypeset"], f"{visit.url}: {facts['untypeset']} formulas left untypeset"
        raw = re.findall(r"\$\$|\$[^\s$][^$]*\$", facts["prose"])
        assert not raw, f"{visit.url}: raw TeX left in the text: {raw[:3]}"


def test_every_page_shows_where_it_comes_from_and_the_set_up_commands(visits):
    for visit in visits:
        assert "make lab" in visit.laptop["run_box"], f"{visit.url}: no set-up commands"
        if visit.page.path.startswith("notebooks/"):
            notebook = visit.page.path.removeprefix("notebooks/").replace(".html", ".ipynb")
            assert any(link.endswith("/" + notebook) for link in visit.laptop["notebook_links"]), (
                f"{visit.url} does not link to {notebook}")


def test_widgets_show_their_picture_and_say_they_run_in_jupyterlab(visits):
    for visit in visits:
        assert visit.laptop["widget_notes"] == visit.page.widgets, (
            f"{visit.url}: {visit.laptop['widget_notes']} notes for {visit.page.widgets} widgets")


def test_solutions_are_collapsed(visits):
    for visit in visits:
        solutions = visit.laptop["solutions"]
        assert solutions or not visit.page.has_solutions, f"{visit.url}: no solution cells found"
        assert all(solutions), f"{visit.url}: solution cells shown open: {solutions}"


def test_no_console_error(visits):
    for visit in visits:
        assert not visit.errors, f"{visit.url}: console errors {visit.errors}"


def test_no_request_to_another_host(visits, server):
    for visit in visits:
        foreign = [url for url in visit.requests if not url.startswith((server, "data:", "blob:"))]
        assert not foreign, f"{visit.url} asked another host for {foreign}"


def test_pages_fit_a_phone_screen(visits):
    for visit in visits:
        facts = visit.phone
        assert facts["page_width"] <= PHONE["width"], (
            f"{visit.url} is {facts['page_width']} px wide on a {PHONE['width']} px phone screen")
        wide = [image["src"] for image in facts["images"]
                if image["width"] and image["right"] > PHONE["width"] + 1]
        assert not wide, f"{visit.url}: images wider than the phone screen: {wide}"


def _luminance(css_color):
    red, green, blue = (int(value) for value in re.findall(r"\d+", css_color)[:3])
    return (0.2126 * red + 0.7152 * green + 0.0722 * blue) / 255


def test_dark_theme_is_dark_with_light_text(browsed, server):
    """The theme follows the reader's system; in the dark, text is light on a dark page."""
    dark, url = browsed.dark, server + IN_THE_DARK.path
    text, _, main = dark["colors"]
    assert _luminance(text) > 0.6 and _luminance(main) < 0.3, f"{url} in the dark: {text} on {main}"
    assert not dark["errors"], f"{url} in the dark: console errors {dark['errors']}"
    assert all(request.startswith(server) for request in dark["requests"]), f"{url} asked another host"


def test_previous_and_next_lead_through_the_lessons_in_order(visits, server):
    urls = [server + page.path for page in PAGES]
    for index, visit in enumerate(visits):
        expected_previous = urls[index - 1] if index else None
        expected_next = urls[index + 1] if index + 1 < len(urls) else None
        assert visit.laptop["previous"] == expected_previous, f"{visit.url}: previous link"
        assert visit.laptop["next"] == expected_next, f"{visit.url}: next link"


def test_every_link_between_pages_reaches_a_page_and_anchor(visits, server):
    """Every link to the site itself (lesson table, navigation, contents, text) reaches a file, and a
    link to a page's section reaches an element with that id."""
    ids = {visit.url: set(visit.laptop["ids"]) for visit in visits}
    for visit in visits:
        for link in visit.laptop["links"]:
            target, anchor = urldefrag(link)
            if not target.startswith(server):
                continue
            path = urlsplit(target).path.lstrip("/") or "index.html"
            assert (SITE / path).is_file(), f"{visit.url} links to {link}: no such file"
            if anchor and target in ids:
                assert anchor in ids[target], f"{visit.url} links to {link}: no such anchor"


def test_search_finds_the_lesson_with_the_word(browsed):
    """The site's search page, asked for a word that only the last lesson has."""
    expected = f"/notebooks/{NOTEBOOKS[-1].stem}.html"
    assert expected in browsed.search_found, f"searching {browsed.search_word!r} found {browsed.search_found}"


# How course_site (the Sphinx extension in site_src/) turns a notebook into a page, on made-up cells.

def _course_site():
    spec = importlib.util.spec_from_file_location("course_site", ROOT / "site_src" / "course_site.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _cell(cell_id, kind, source, **metadata):
    cell = {"cell_type": kind, "id": cell_id, "metadata": metadata, "source": source}
    if kind == "code":
        cell.update(execution_count=1, outputs=[])
    return cell


def _page(cells):
    """The cells of a made-up lesson ``notebooks/09_example.ipynb`` as its page shows them, by id."""
    notebook = _course_site().lesson_page({"cells": cells}, "notebooks/09_example.ipynb",
                                          {"09_example", "01_neurons"}, "```bash\nmake lab\n```")
    return {cell["id"]: cell for cell in notebook["cells"]}


def test_solutions_are_collapsed_by_section_tag_and_jupyterlab_metadata():
    cells = _page([
        _cell("title", "markdown", "# Lesson 9: a title\n\nWhat you will learn."),
        _cell("howto", "markdown", "## 7. Solutions, and getting a lesson back"),  # not a Solutions section
        _cell("shown", "code", "x = 1"),
        _cell("tagged", "code", "x = 1", tags=["solution"]),
        _cell("source_hidden", "code", "x = 1", jupyter={"source_hidden": True}),
        _cell("outputs_hidden", "code", "x = 1", jupyter={"outputs_hidden": True}),
        _cell("text_hidden", "markdown", "A long aside.", jupyter={"source_hidden": True}),
        _cell("heading", "markdown", "## Further reading\n\nA book.\n\n## Solutions\n\nTry them first."),
        _cell("solution", "code", "x = 1"),
        _cell("reasoning", "markdown", "Exercise 2 goes so:\n\n```python\n## not a heading\n```"),
        _cell("solution_2", "code", "x = 1"),
        _cell("appendix", "markdown", "## Appendix"),
        _cell("shown_after", "code", "x = 1"),
    ])
    tags = {cell_id: cell["metadata"].get("tags", []) for cell_id, cell in cells.items()
            if cell["cell_type"] == "code"}
    assert tags == {"shown": [], "tagged": ["solution", "hide-cell"], "source_hidden": ["hide-input"],
                    "outputs_hidden": ["hide-output"], "solution": ["hide-cell"], "solution_2": ["hide-cell"],
                    "shown_after": []}
    assert cells["solution"]["metadata"]["mystnb"]["code_prompt_show"] == "Show the solution"
    folded = {cell_id for cell_id, cell in cells.items()
              if cell["cell_type"] == "markdown" and cell["source"].startswith('<div class="cell docutils')}
    assert folded == {"text_hidden", "reasoning"}
    assert "Show the solution" in cells["reasoning"]["source"]
    assert "Show the hidden text" in cells["text_hidden"]["source"]


def test_title_box_widget_note_and_links_to_lessons():
    widget = _cell("widget", "code", "Widget()")
    widget["outputs"] = [{"output_type": "display_data",
                          "data": {WIDGET_MIME: {}, "image/png": "", "text/plain": "Widget()"}}]
    cells = _page([_cell("title", "markdown", "# Lesson 9: a title\n\nOpen `01_neurons.ipynb`, not `99_x`."),
                   widget, _cell("after", "code", "x = 1")])
    title = cells["title"]["source"]
    assert title.startswith("# Lesson 9: a title\n\n````{admonition} Run this lesson yourself")
    assert "{download}`download it <09_example.ipynb>`" in title and "make lab" in title
    assert "[`01_neurons.ipynb`](01_neurons.ipynb)" in title and "not `99_x`." in title
    assert list(cells) == ["title", "widget", "widget-live-widget", "after"]
    assert "Live in JupyterLab" in cells["widget-live-widget"]["source"]


def test_set_up_commands_and_home_page_come_from_the_readme():
    course_site = _course_site()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = course_site.setup_commands(readme)
    assert commands.startswith("```") and "make lab" in commands
    home = course_site.home_page(readme, commands)
    assert home.startswith(readme.partition("\n")[0]) and commands in home
    assert all(f"notebooks/{path.name}" in home for path in NOTEBOOKS), "the lesson table links every lesson"
