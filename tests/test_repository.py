"""Guards on what is committed: notebooks stored executed, images present, media reproducible."""

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
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


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_checks_its_numbers(path):
    """A lesson asserts what it claims: at least one lesson check, and compared (not ignored) outputs."""
    code = ["".join(c["source"]) for c in _cells(path) if c["cell_type"] == "code"]
    assert any("assert" in source for source in code)
    compared = [s for s in code if "NBVAL_IGNORE_OUTPUT" not in s and "NBVAL_SKIP" not in s]
    assert len(compared) >= len(code) / 2, "most cells must have their outputs compared by nbval"


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


def test_installation_check_mirrors_requirements():
    from nnlib.installation import MINIMUM_VERSIONS, installation_problems

    bounds = dict(re.findall(r"^([A-Za-z_]+)>=([\d.]+)", (ROOT / "requirements.txt").read_text(), re.M))
    for package, minimum in MINIMUM_VERSIONS.items():
        if package in bounds:
            assert bounds[package] == minimum, package
    assert installation_problems() == []
