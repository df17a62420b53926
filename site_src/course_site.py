"""Sphinx extension that shows the course's notebooks as lesson pages.

Each notebook is changed as Sphinx reads it (the ``source-read`` event), in memory only: the files
stay as committed, and the link to a lesson's notebook downloads the committed file. On the page:

- under the lesson's title, a box naming its notebook (a download link) with the course's set-up
  commands, the first code block of the README's "Quick start";
- after each widget cell (its stored picture is shown), a note that the widget runs live in
  JupyterLab, and how;
- solutions collapsed behind a "Show the solution" button: every cell of a section headed
  "Solutions" (or "Solution", "Solutions to ..."), and every cell tagged ``solution``; a cell that
  JupyterLab shows collapsed (cell metadata ``jupyter.source_hidden`` / ``jupyter.outputs_hidden``)
  is collapsed the same way;
- a lesson's name in a code span (`` `05_training_on_mnist.ipynb` ``) links to that lesson.
"""

import json
import re
from pathlib import Path

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
SOLUTION_TAG = "solution"
SOLUTION_PROMPTS = ("Show the solution", "Hide the solution")
TEXT_PROMPTS = ("Show the hidden text", "Hide the text")

FENCED_CODE = re.compile(r"^(```|~~~).*?^\1", re.M | re.S)
HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$", re.M)
SOLUTIONS_HEADING = re.compile(r"solutions?(\s+to\s.+)?", re.I)  # "Solutions", "Solutions to the exercises"
LESSON_IN_CODE = re.compile(r"(?<!\[)`(?:notebooks/)?(\d\d_\w+?)(?:\.ipynb)?`(?!\])")


def setup_commands(readme):
    """The first fenced code block of the README's "Quick start" section, fences included."""
    section = readme.split("\n## Quick start", 1)[-1]
    block = re.search(r"^```.*?^```$", section, re.M | re.S)
    if block is None:
        raise ValueError("the README's Quick start section has no code block of set-up commands")
    return block.group(0)


def run_it_box(title, text, commands):
    """A MyST admonition: ``text``, then the set-up commands."""
    return f"````{{admonition}} {title}\n:class: tip course-run\n\n{text}\n\n{commands}\n````"


def headings(markdown):
    """(level, text) of every heading in a markdown cell, fenced code left out."""
    return [(len(hashes), text) for hashes, text in HEADING.findall(FENCED_CODE.sub("", markdown))]


def link_lessons(markdown, lessons):
    """Turn each code span naming one of ``lessons`` (notebook names without suffix) into a link."""
    def link(match):
        name = match.group(1)
        return f"[{match.group(0)}]({name}.ipynb)" if name in lessons else match.group(0)
    return LESSON_IN_CODE.sub(link, markdown)


def _source(cell):
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def _is_collapsed(cell):
    jupyter = cell.get("metadata", {}).get("jupyter", {})
    return jupyter.get("source_hidden", False), jupyter.get("outputs_hidden", False)


def _collapse_code(cell, solution):
    """Tag a code cell for MyST-NB: a solution hides whole; otherwise as JupyterLab collapses it."""
    source_hidden, outputs_hidden = _is_collapsed(cell)
    metadata = cell.setdefault("metadata", {})
    tags = metadata.setdefault("tags", [])
    if solution or (source_hidden and outputs_hidden):
        tags.append("hide-cell")
    elif source_hidden:
        tags.append("hide-input")
    elif outputs_hidden:
        tags.append("hide-output")
    if solution:
        show, hide = SOLUTION_PROMPTS
        metadata["mystnb"] = {"code_prompt_show": show, "code_prompt_hide": hide}


def _collapse_markdown(markdown, prompts):
    """A markdown cell folded in an HTML <details> behind ``prompts`` (show, hide), with the markup
    of MyST-NB's hidden code cells (so it looks the same)."""
    show, hide = prompts
    return ('<div class="cell docutils container">\n<details class="admonition hide above-input">\n'
            '<summary aria-label="Toggle hidden content">\n'
            f'<p class="collapsed admonition-title">{show}</p>\n'
            f'<p class="expanded admonition-title">{hide}</p>\n</summary>\n\n'
            f"{markdown}\n\n</details>\n</div>")


def _markdown_cell(cell_id, source):
    return {"cell_type": "markdown", "id": cell_id, "metadata": {}, "source": source}


def lesson_page(notebook, path, lessons, commands):
    """The notebook (nbformat 4, as a dict) at ``path`` ("notebooks/NN_name.ipynb") as its page shows it.

    ``lessons`` holds the names of all lessons' notebooks, without suffix; ``commands`` is the
    markdown code block of set-up commands.
    """
    name = Path(path).name
    box = run_it_box(
        "Run this lesson yourself",
        f"This page is the notebook `{path}` ({{download}}`download it <{name}>`), shown with the "
        "outputs stored in it. To run it, change it and use its widgets, get the course and, in its "
        "folder, run:", commands)
    widget_note = ("```{admonition} Live in JupyterLab\n:class: note course-widget\n\nThis is a picture of "
                   "the widget as it starts. The widget runs live in JupyterLab: run `make lab` in the "
                   f"course's folder, open `{path}` and run its cells.\n```")
    cells = []
    solutions_level = None  # the level of the "Solutions" heading whose section this is, if any
    for index, cell in enumerate(notebook["cells"]):
        tagged = SOLUTION_TAG in cell.get("metadata", {}).get("tags", [])
        if cell["cell_type"] == "markdown":
            markdown = _source(cell)
            found = headings(markdown)
            for level, text in found:
                if solutions_level is not None and level <= solutions_level:
                    solutions_level = None
                if SOLUTIONS_HEADING.fullmatch(text):
                    solutions_level = level
            markdown = link_lessons(markdown, lessons)
            if index == 0:  # the box goes right under the lesson's title, its first line
                title, _, rest = markdown.partition("\n")
                markdown = f"{title}\n\n{box}\n\n{rest}"
            solution = tagged or (solutions_level is not None and not found)
            if solution or _is_collapsed(cell)[0]:
                markdown = _collapse_markdown(markdown, SOLUTION_PROMPTS if solution else TEXT_PROMPTS)
            cell["source"] = markdown
        elif cell["cell_type"] == "code":
            _collapse_code(cell, solution=tagged or solutions_level is not None)
        cells.append(cell)
        if any(WIDGET_MIME in output.get("data", {}) for output in cell.get("outputs", [])):
            cells.append(_markdown_cell(f"{cell.get('id', index)}-live-widget", widget_note))
    notebook["cells"] = cells
    return notebook


def home_page(readme, commands):
    """The home page (MyST markdown): the README's introduction, the set-up box and its section on the
    lessons (the table, class ``course-lessons``), with every lesson in the site's navigation."""
    introduction = readme.split("\n## ", 1)[0]
    lessons = readme.split("\n## The lessons\n", 1)[1].split("\n## ", 1)[0]
    box = run_it_box(
        "Run the course yourself",
        "These pages show every lesson with the outputs stored in its notebook. To run the lessons, "
        "change them and use their widgets, get the course and, in its folder, run:", commands)
    toctree = "```{toctree}\n:hidden:\n:glob:\n:caption: Lessons\n\nnotebooks/*\n```"
    return (f"{introduction.strip()}\n\n{box}\n\n## The lessons\n\n<div class=\"course-lessons\">\n\n"
            f"{lessons.strip()}\n\n</div>\n\n{toctree}\n")


def _read_lesson(app, docname, source):
    if not docname.startswith("notebooks/"):
        return
    lessons = {doc.removeprefix("notebooks/") for doc in app.env.found_docs if doc.startswith("notebooks/")}
    commands = setup_commands(Path(app.config.course_readme).read_text(encoding="utf-8"))
    notebook = lesson_page(json.loads(source[0]), f"{docname}.ipynb", lessons, commands)
    source[0] = json.dumps(notebook)


def setup(app):
    app.add_config_value("course_readme", "", "env")
    app.connect("source-read", _read_lesson)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
