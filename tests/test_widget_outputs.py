"""Widgets that read everywhere: every stored widget output also holds a picture.

On GitHub and nbviewer widgets cannot run. A cell that displays a widget must therefore also store a
static PNG of it (nnlib's widgets put one in the same output as the widget: see
nnlib.widgets.live.bundle_with_picture), and no output may be only a widget's text fallback such as
``interactive(children=(...`` or ``Image(value=b'\\x89PNG...``, which is all such a reader would see.
"""

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"

# The text ipywidgets (and Python) give a widget that has no better representation.
FALLBACK = re.compile(r"^(interactive|[A-Za-z]*Box|[A-Za-z]*Widget|[A-Za-z]*Slider|Image|Output|Button|Label|HTML)"
                      r"\((children=|value=|layout=|description=)|<[\w.]+ object at 0x[0-9a-f]+>")


def text_of(output):
    text = output.get("data", {}).get("text/plain", "")
    return "".join(text) if isinstance(text, list) else text


def widget_cells(notebook):
    """(cell number, outputs) of every code cell with at least one widget output."""
    for number, cell in enumerate(notebook["cells"]):
        outputs = cell.get("outputs", [])
        if any(WIDGET_VIEW in output.get("data", {}) for output in outputs):
            yield number, outputs


def problems(notebook):
    """What a reader without a kernel would miss, one line per cell."""
    found = []
    for number, outputs in widget_cells(notebook):
        if not any("image/png" in output.get("data", {}) for output in outputs):
            found.append(f"cell {number}: a widget output but no image/png output")
    for number, cell in enumerate(notebook["cells"]):
        for output in cell.get("outputs", []):
            shown = set(output.get("data", {})) - {WIDGET_VIEW}
            if shown == {"text/plain"} and FALLBACK.search(text_of(output)):
                found.append(f"cell {number}: only a widget's text fallback: {text_of(output)[:60]!r}")
    return found


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_every_widget_output_has_a_picture_and_no_output_is_only_widget_text(path):
    assert problems(json.loads(path.read_text())) == []


def output(data):
    return {"output_type": "display_data", "data": data, "metadata": {}}


def notebook_with(*outputs):
    return {"cells": [{"cell_type": "code", "source": "", "outputs": list(outputs)}]}


@pytest.mark.parametrize("text", ["interactive(children=(FloatSlider(value=1.0),))",
                                  "VBox(children=(IntSlider(value=0),))", "Image(value=b'\\x89PNG\\r\\n')",
                                  "<nnlib.widgets.draw.DrawingPad object at 0x7f3a2c1b2d90>",
                                  "NeuronWidget(children=(FloatSlider(value=1.0),))"])
def test_the_check_catches_widget_text_without_a_picture(text):
    widget = {"text/plain": text, WIDGET_VIEW: {"model_id": "abc", "version_major": 2, "version_minor": 0}}
    assert len(problems(notebook_with(output(widget)))) == 2          # no picture, and only text
    assert len(problems(notebook_with(output({"text/plain": text})))) == 1   # a widget shown as text only


def test_the_check_accepts_a_widget_with_its_picture():
    bundle = {"text/plain": "NeuronWidget(sliders for the weight w, ...)", "image/png": "iVBORw0KGgo=",
              WIDGET_VIEW: {"model_id": "abc", "version_major": 2, "version_minor": 0}}
    assert problems(notebook_with(output(bundle))) == []
    text_only = {"text/plain": "VBox(children=(IntSlider(value=0),))"}
    assert problems(notebook_with(output(text_only), output({"image/png": "iVBORw0KGgo="}))) != []
