"""Guards on what is committed: notebooks stored executed, images present, media reproducible, and
the comparison itself: test plumbing in cell tags only, every ignored output listed, a changed number
caught by strict nbval."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from nbval.plugin import get_sanitize_patterns, metadata_tags

ROOT = Path(__file__).resolve().parents[1]
SANITIZE = ROOT / "tests" / "nbval_sanitize.cfg"
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
IMAGE_LINK = re.compile(r"!\[[^\]]*\]\(([^)\s]+)[^)]*\)|<img[^>]*\bsrc=[\"']([^\"']+)[\"']")


def _cells(path):
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def test_there_are_notebooks():
    assert NOTEBOOKS and NOTEBOOKS[0].name == "00_start_here.ipynb"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_stored_executed_without_errors_or_widget_state(path):
    """Strict nbval compares nothing in a cell whose execution count is null, so every code cell must
    be stored executed, once, top to bottom; error outputs and saved widget state must not be stored."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    counts = [c["execution_count"] for c in notebook["cells"] if c["cell_type"] == "code"]
    assert counts == list(range(1, len(counts) + 1)), f"execution counts {counts}: run tools/refresh_notebooks.py"
    errors = [o for c in notebook["cells"] for o in c.get("outputs", []) if o["output_type"] == "error"]
    assert not errors, f"stored error output: {errors[0].get('ename')}"
    assert "widgets" not in notebook["metadata"], "stored widget state: run tools/refresh_notebooks.py"


def _tags(cell):
    """The cell's tags that change what nbval does (``nbval-ignore-output``, ``nbval-skip``, ...)."""
    return [tag for tag in cell.get("metadata", {}).get("tags", []) if tag in metadata_tags]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_checks_its_numbers(path):
    """A lesson asserts what it claims: at least one lesson check, and compared (not ignored) outputs."""
    code = [c for c in _cells(path) if c["cell_type"] == "code"]
    assert any("assert" in "".join(c["source"]) for c in code)
    compared = [c for c in code if not {"nbval-ignore-output", "nbval-skip"} & set(_tags(c))]
    assert len(compared) >= len(code) / 2, "most cells must have their outputs compared by nbval"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_nbval_comments_in_lesson_cells(path):
    """Test plumbing stays out of the learner's sight: nbval markers are cell tags, not comments."""
    marked = [index for index, cell in enumerate(_cells(path)) if "NBVAL_" in "".join(cell["source"])]
    assert not marked, (f"cells {marked} contain an NBVAL_ comment: use the cell tag instead "
                        "(nbval-ignore-output, nbval-skip, raises-exception) in the cell's metadata")


# Every cell whose output nbval does not compare as usual, as (notebook, tag, first line of the cell).
# Ignoring a cell's output is a decision: it is allowed only for widgets (tests/nbval_sanitize.cfg masks
# a timing or a training outcome number by number instead). A cell tagged or untagged fails
# test_tagged_cells_are_those_listed until this table says so.
TAGGED_CELLS = [
    ('00_start_here.ipynb', 'nbval-ignore-output', 'from nnlib.widgets.neuron import NeuronWidget'),
    ('02_weights_and_biases.ipynb', 'nbval-ignore-output', 'TwoPixelNeuronWidget(weight1=4, weight2=4, bias=-2)'),
    ('03_activation_functions.ipynb', 'nbval-ignore-output',
     'NeuronWidget(weight=1.0, bias=0.0, x=2.0, show_values=True)'),
    ('04_cost_and_gradient_descent.ipynb', 'nbval-ignore-output',
     'from nnlib.widgets.descent import LearningRateExplorer'),
    ('05_training_on_mnist.ipynb', 'nbval-ignore-output', 'from nnlib.widgets.draw import DrawDigit'),
    ('05_training_on_mnist.ipynb', 'nbval-ignore-output',
     'from nnlib.widgets.thinking import NetworkThinking'),
    ('05_training_on_mnist.ipynb', 'nbval-ignore-output',
     'story_monitor = TrainingMonitor(story, mnist.x_val, mnist.y_val, epochs=15, progress=False)'),
    ('07_backprop_calculus.ipynb', 'nbval-ignore-output',
     'from nnlib.widgets.stepper import BackpropStepper'),
]


def _first_line(cell):
    return next((line.strip() for line in "".join(cell["source"]).splitlines() if line.strip()), "")


def _tagged_cells():
    return sorted((path.name, tag, _first_line(cell))
                  for path in NOTEBOOKS for cell in _cells(path) for tag in _tags(cell))


def test_tagged_cells_are_those_listed():
    found = _tagged_cells()
    table = "".join(f"    {entry!r},\n" for entry in found)
    assert found == sorted(TAGGED_CELLS), (
        "the cells tagged for nbval differ from TAGGED_CELLS in tests/test_repository.py; "
        f"if each change is intended, the table is now:\nTAGGED_CELLS = [\n{table}]")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_only_widget_outputs_are_ignored(path):
    """``nbval-ignore-output`` hides a whole output from the comparison: only widgets' may be hidden."""
    ignored = [(index, _first_line(cell)) for index, cell in enumerate(_cells(path))
               if "nbval-ignore-output" in _tags(cell)
               and not any(WIDGET_MIME in output.get("data", {}) for output in cell.get("outputs", []))]
    assert not ignored, (f"cells {ignored} ignore an output that is not a widget: mask only the varying "
                         "number with a pattern in tests/nbval_sanitize.cfg and assert its range")


def _sanitize(text):
    """``text`` as nbval compares it, after the replacements of tests/nbval_sanitize.cfg."""
    for regex, replace in get_sanitize_patterns(SANITIZE.read_text(encoding="utf-8")):
        text = re.sub(regex, replace, text)
    return text


def test_sanitizer_file_is_well_formed():
    """nbval silently skips a ``regex:`` line not directly followed by a ``replace:`` line."""
    text = SANITIZE.read_text(encoding="utf-8")
    pairs = get_sanitize_patterns(text)
    regexes, replaces = (len(re.findall(f"^{key}: ", text, re.M)) for key in ("regex", "replace"))
    assert len(pairs) == regexes == replaces, "each regex: line must be followed directly by its replace: line"
    for regex, _ in pairs:
        re.compile(regex)


@pytest.mark.parametrize("text, expected", [
    ("<Figure at 0x7f3a2c1d0e50>", "<Figure at 0xADDRESS>"),
    ("<function f at 0x55d0c3a1b2e0>", "<function f at 0xADDRESS>"),
    ("a 300x300 image, 28x28 pixels, 0x10 and 0xFF", "a 300x300 image, 28x28 pixels, 0x10 and 0xFF"),
    ("weights of shape 16x784", "weights of shape 16x784"),
])
def test_sanitizer_masks_memory_addresses_only(text, expected):
    assert _sanitize(text) == expected


# The mutation check runs a real lesson that executes in a few seconds.
MUTATED_NOTEBOOK = ROOT / "notebooks" / "02_weights_and_biases.ipynb"


def _number_to_mutate(notebook):
    """(code cell number, output, digit position) of the first digit in a compared printed output."""
    code = [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]
    for number, cell in enumerate(code):
        if _tags(cell):
            continue
        for output in cell.get("outputs", []):
            if output["output_type"] != "stream" or output["name"] != "stdout":
                continue
            text = "".join(output["text"])
            for match in re.finditer(r"\d", text):
                mutated = text[:match.start()] + str((int(match.group()) + 1) % 10) + text[match.end():]
                if _sanitize(mutated) != _sanitize(text):
                    return number, output, match.start()
    raise AssertionError(f"{notebook} prints no compared number")


def test_strict_nbval_fails_on_a_changed_number(tmp_path):
    """Change one printed digit of a stored output in a copy of a lesson: strict nbval, run with the
    project's options, fails on that cell and on no other (the other cells passing is the control:
    the copy runs and compares cleanly where nothing was changed)."""
    notebook = json.loads(MUTATED_NOTEBOOK.read_text(encoding="utf-8"))
    number, output, position = _number_to_mutate(notebook)
    text = "".join(output["text"])
    output["text"] = text[:position] + str((int(text[position]) + 1) % 10) + text[position + 1:]
    copy = tmp_path / MUTATED_NOTEBOOK.name
    copy.write_text(json.dumps(notebook), encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTEST_")}
    run = subprocess.run([sys.executable, "-m", "pytest", "-c", str(ROOT / "pyproject.toml"), str(copy),
                          "-n", "0", "-p", "no:cacheprovider", "-q", "-rA"],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    report = run.stdout + run.stderr
    failed = re.findall(r"^FAILED .*::Cell (\d+)", report, re.M)
    passed = re.findall(r"^PASSED .*::Cell (\d+)", report, re.M)
    code_cells = sum(cell["cell_type"] == "code" for cell in notebook["cells"])
    assert failed == [str(number)], f"changed a digit in the output of Cell {number}:\n{report[-3000:]}"
    assert len(passed) == code_cells - 1, report[-3000:]


def _image_links():
    sources = [(ROOT / "README.md", (ROOT / "README.md").read_text(encoding="utf-8"))]
    for path in NOTEBOOKS:
        sources += [(path, "".join(c["source"])) for c in _cells(path) if c["cell_type"] == "markdown"]
    for path, text in sources:
        for match in IMAGE_LINK.finditer(text):
            link = match.group(1) or match.group(2)
            if not link.startswith(("http:", "https:", "data:", "attachment:")):
                yield path, link


def test_every_referenced_image_exists():
    links = list(_image_links())
    assert links, "the README shows at least one image from media/"
    missing = [f"{path.name}: {link}" for path, link in links if not (path.parent / link).is_file()]
    assert not missing, f"missing images: {missing}"


def test_every_media_image_has_a_generator():
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_media", ROOT / "tools" / "make_media.py")
    make_media = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_media)
    on_disk = {p.name for p in (ROOT / "media").glob("*.png")}
    assert on_disk == set(make_media.MEDIA), "each image in media/ is made by tools/make_media.py"


def _version(text):
    numbers = [int(part) for part in text.split(".")]
    return numbers + [0] * (3 - len(numbers))


def test_lowest_constraints_pin_every_lower_bound():
    """constraints-lowest.txt (make test-lowest) pins exactly the lower bound of every requirement."""
    bounds = {}
    for name in ("requirements.txt", "requirements-browser.txt"):
        bounds.update(re.findall(r"^([A-Za-z0-9_-]+)>=([\d.]+)", (ROOT / name).read_text(), re.M))
    pins = dict(re.findall(r"^([A-Za-z0-9_-]+)==([\d.]+)", (ROOT / "constraints-lowest.txt").read_text(),
                           re.M))
    assert bounds.keys() == pins.keys()
    different = {name: (bounds[name], pins[name]) for name in bounds
                 if _version(bounds[name]) != _version(pins[name])}
    assert not different, f"lower bound and pin differ: {different}"


def _declared_requirements():
    """``{package: (lowest, too_new)}`` from requirements.txt and pyproject.toml's dependencies."""
    text = (ROOT / "requirements.txt").read_text() + "\n".join(
        re.findall(r'"([^"]+)"', re.search(r"dependencies = \[(.*?)\]", (ROOT / "pyproject.toml").read_text()).group(1)))
    found = re.findall(r"^([A-Za-z0-9_-]+)>=([\d.]+),<([\d.]+)$", text, re.M)
    return {name.lower(): (low, high) for name, low, high in found}


def test_installation_check_lists_every_requirement_with_both_bounds():
    """The check of lesson 0 knows every package the project's files require, with the same bounds."""
    from nnlib.installation import REQUIREMENTS, installation_problems

    declared = _declared_requirements()
    assert len(declared) >= 11 and "pillow" in declared and "threadpoolctl" in declared and "anywidget" in declared
    assert REQUIREMENTS == declared
    assert installation_problems() == []


def test_installation_check_runs_with_the_standard_library_alone(tmp_path):
    """Lesson 0 runs the check first: it must work, and say what is missing, where numpy is not installed."""
    script = ("import sys; sys.modules['numpy'] = None\n"          # importing numpy now fails
              "import nnlib.installation as i\n"
              "i.REQUIREMENTS['numpy-not-there'] = ('1', '2')\n"
              "i.report()\n")
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split()[:2] == ["✓", "Python"] and lines[1].split()[:2] == ["✓", "numpy"]
    assert "numpy-not-there is not installed" in result.stdout and "Not visible from here" in result.stdout


def test_installation_check_names_the_test_tools_only_when_one_is_wrong(capsys, monkeypatch):
    from nnlib import installation

    installation.report()
    assert "make test" not in capsys.readouterr().out                      # all fine: the lessons' packages only
    found = installation.installed_versions()
    monkeypatch.setattr(installation, "installed_versions", lambda: {**found, "nbval": None})
    monkeypatch.setattr(installation, "installation_problems", lambda: ["nbval is not installed"])
    installation.report()
    out = capsys.readouterr().out
    assert "✗ the tools `make test` uses" in out and "nbval is not installed" in out
