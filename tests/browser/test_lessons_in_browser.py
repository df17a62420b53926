"""Every lesson as a learner meets it: opened in JupyterLab in Chromium, all cells run, widgets moved.

JupyterLab's first start shows no "Jupyter news" question and makes no news or update request.
For each notebook in notebooks/ (a lesson that does not exist yet has no test):

- the kernel is this environment's Python;
- running all cells leaves no error or warning output, and every cell has run;
- widgets render as widgets (never as ``interactive(children=...`` text), their plots are not
  stretched past their own size, and the controls found are exactly those listed for the lesson in
  ``WIDGETS`` below;
- each slider, moved with the keyboard and then dragged with the mouse, changes the pixels of the
  plot next to it, and once the kernel is idle the lesson's readout shows the slider's value;
- the notebook on disk is unchanged (nothing is saved).

To cover a new widget, add its controls to ``WIDGETS``; a control on the page that the table does
not list fails the test, so no widget goes untested.
"""

import re
import sys
from dataclasses import dataclass

import browser_lab
from browser_lab import ARTIFACTS, ROOT

NUMBER = r"[-+\u2212]?\d+(?:\.\d+)?"


@dataclass(frozen=True)
class Slider:
    """A slider as the learner sees it.

    Parameters
    ----------
    description : str
        The label left of the slider, e.g. ``"weight w"``.
    readout : str or None
        A regular expression with one group capturing a number in the widget's text (outside the
        slider) that must equal the slider's value once the kernel is idle, e.g.
        ``r"w = (NUMBER)"`` (``NUMBER`` is replaced by a number pattern). None: no readout.
    plot : bool
        Moving the slider must change the pixels of an image in the same widget.
    """

    description: str
    readout: str | None = None
    plot: bool = True


# notebook -> its controls in page order. Lessons not listed must have no interactive controls.
NEURON = [  # nnlib.widgets.neuron.NeuronWidget
    Slider("weight w", readout=r"weight w = (NUMBER)"),
    Slider("bias b", readout=r"bias b = (NUMBER)"),
    Slider("input x", readout=r"input x = (NUMBER)"),
]
TWO_PIXEL_NEURON = [  # nnlib.widgets.neuron.TwoPixelNeuronWidget
    Slider("weight w1", readout=r"weight w1 = (NUMBER)"),
    Slider("weight w2", readout=r"weight w2 = (NUMBER)"),
    Slider("bias b", readout=r"bias b = (NUMBER)"),
]
WIDGETS = {
    "00_start_here.ipynb": NEURON,     # lesson 0 shows the slider neuron of lesson 3 as its slider check
    "02_weights_and_biases.ipynb": TWO_PIXEL_NEURON,
    "03_activation_functions.ipynb": NEURON,
    # nnlib.widgets.descent.LearningRateExplorer: the values are in the plot's title
    "04_cost_and_gradient_descent.ipynb": [Slider("learning rate"), Slider("number of steps")],
    # nnlib.widgets.thinking.NetworkThinking
    "05_training_on_mnist.ipynb": [Slider("test digit number")],
    # nnlib.widgets.stepper.BackpropStepper: the readout names the step
    "07_backprop_calculus.ipynb": [Slider("step", readout=r"step (NUMBER) of")],
}
# Buttons pressed by tests/browser/test_widgets_in_browser.py (the stepper's "previous" and "next");
# the drawing pad's canvas and "clear" button are plain HTML, drawn on there too.
BUTTONS_TESTED_ELSEWHERE = {"07_backprop_calculus.ipynb": 2}

# Interactive controls other than sliders; any found must be listed in WIDGETS.
OTHER_CONTROLS = (".widget-button, .widget-dropdown, .widget-toggle-buttons, .widget-checkbox, "
                  ".widget-radio-box, .widget-play, .widget-text, .widget-vslider")

NOTEBOOKS = sorted(path.name for path in (ROOT / "notebooks").glob("*.ipynb"))


def pytest_generate_tests(metafunc):
    if "lesson" in metafunc.fixturenames:
        metafunc.parametrize("lesson", NOTEBOOKS, indirect=True, scope="module")


def lesson_name(lesson):
    return lesson.notebook.rsplit("/", 1)[-1]


def test_first_start_asks_nothing_about_news(lab_server, browser):
    """JupyterLab's first start in a fresh browser: no "Jupyter news" question, no update check.

    ``make install`` disables the plugin that asks, fetches news and checks for updates, in the
    course's environment; this server is started from it, as ``make lab`` is.
    """
    page = browser.new_page(viewport=browser_lab.VIEWPORT)
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{lab_server.url}/lab?reset")
    page.wait_for_function("() => window.jupyterapp && window.jupyterapp.shell.currentWidget")
    page.evaluate("() => window.jupyterapp.restored")
    page.wait_for_timeout(3000)  # the question came up about a second after the start
    page.screenshot(path=ARTIFACTS / "first-start.png")
    disabled = page.evaluate("() => JSON.parse(document.getElementById('jupyter-config-data')"
                             ".textContent).disabledExtensions || []")
    text = page.locator("body").inner_text()
    page.close()
    assert browser_lab.NEWS_PLUGIN in disabled, (
        f"{browser_lab.NEWS_PLUGIN} is enabled: run `make install`, or "
        f"`jupyter labextension disable --level=sys_prefix {browser_lab.NEWS_PLUGIN}`")
    assert "news" not in text.lower(), "JupyterLab shows something about news on its first start"
    calls = [url for url in requests if "/lab/api/news" in url or "/lab/api/update" in url]
    assert not calls, f"JupyterLab asked for news or updates: {calls}"


def test_kernel_is_this_environments_python(lesson):
    printed = lesson.kernel_print("import sys; print(sys.prefix)").strip()
    assert lesson.kernel_name == "python3"
    assert printed == sys.prefix, f"the kernel runs {printed}, not this environment ({sys.prefix})"


def test_all_cells_run_without_error_output(lesson):
    problems = []
    for index, cell in enumerate(lesson.notebook_json()["cells"]):
        if cell["cell_type"] != "code":
            continue
        if cell.get("execution_count") is None:
            problems.append(f"cell {index} did not run")
        expected_error = "raises-exception" in cell.get("metadata", {}).get("tags", [])
        for output in cell.get("outputs", []):
            if output["output_type"] == "error" and not expected_error:
                problems.append(f"cell {index} raised {output['ename']}: {output['evalue']}")
            if output["output_type"] == "stream" and output["name"] == "stderr":
                problems.append(f"cell {index} wrote to stderr: {output['text'][:500]}")
    if problems:
        first = int(re.search(r"cell (\d+)", problems[0]).group(1))
        lesson.hide_side_panels()
        lesson.cells().nth(first).scroll_into_view_if_needed()
        lesson.page.screenshot(path=ARTIFACTS / f"{lesson_name(lesson)[:-6]}-error.png")
    assert not problems, "\n".join(problems)


def test_widgets_render_as_widgets(lesson):
    text = lesson.output_text()
    for fallback in ("(children=", "Error displaying widget", "Loading widget"):
        assert fallback not in text, f"a widget shows as text: {fallback!r} is in the outputs"
    widget_outputs = sum(browser_lab.WIDGET_MIME in output.get("data", {})
                         for cell in lesson.notebook_json()["cells"] for output in cell.get("outputs", []))
    assert lesson.widget_outputs().count() == widget_outputs, "not every widget output rendered"


def test_widget_plots_are_not_stretched(lesson):
    """A plot image blown up past its own size is blurry and pushes the sliders out of view."""
    sizes = lesson.page.evaluate(
        "() => Array.from(document.querySelectorAll('.jp-NotebookPanel .jp-OutputArea-output img"
        ".widget-image')).map(img => [img.naturalWidth, img.clientWidth])")
    stretched = [f"widget image {index}: {natural} px wide shown at {shown} px"
                 for index, (natural, shown) in enumerate(sizes) if shown > 1.02 * natural]
    assert not stretched, "\n".join(stretched)


def test_controls_are_those_listed(lesson):
    name = lesson_name(lesson)
    sliders = lesson.sliders()
    found = [browser_lab.slider_description(sliders.nth(i)) for i in range(sliders.count())]
    listed = [slider.description for slider in WIDGETS.get(name, [])]
    assert found == listed, (f"{name} has sliders {found}; tests/browser/{__name__}.py WIDGETS "
                             f"lists {listed}: update the table so every widget is tested")
    others = lesson.page.locator(f".jp-NotebookPanel :is({OTHER_CONTROLS})")
    assert others.count() == BUTTONS_TESTED_ELSEWHERE.get(name, 0), (
        f"{name} has controls no browser test moves yet: add them")


def as_number(text):
    """A number as a widget shows it (ipywidgets writes minus signs as U+2212)."""
    return float(text.replace("\u2212", "-"))


def move_and_check(lesson, slider, spec, move):
    """Move ``slider`` with ``move()``, wait for the kernel, check value, plot and readout changed."""
    output = browser_lab.widget_output_of(slider)
    value_before = browser_lab.slider_readout(slider)
    images_before = lesson.image_digests(output)
    move()
    lesson.wait_until_idle()
    value = browser_lab.slider_readout(slider)
    assert value != value_before, f"slider {spec.description!r} did not move"
    if spec.plot:
        images = lesson.image_digests(output)
        assert images, f"no image next to slider {spec.description!r}"
        assert images != images_before, f"moving {spec.description!r} did not change the plot"
    if spec.readout:
        pattern = spec.readout.replace("NUMBER", NUMBER)
        text = output.inner_text()
        match = re.search(pattern, text)
        assert match, f"no readout {pattern!r} in the widget's text {text!r}"
        shown = as_number(match.group(1))
        decimals = len(value.partition(".")[2])
        assert abs(shown - as_number(value)) <= 0.5 * 10.0 ** -decimals + 1e-9, (
            f"readout says {match.group(0)!r} but slider {spec.description!r} is at {value}")


def room_to_the_right(slider):
    """+1 if the slider's handle can move right, -1 if it is at its maximum."""
    handle = slider.locator(".noUi-handle").first
    now, top = (float(handle.get_attribute(name)) for name in ("aria-valuenow", "aria-valuemax"))
    return 1 if now < top else -1


def drag(lesson, slider, pixels):
    handle = slider.locator(".noUi-handle").first
    box = handle.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    lesson.page.mouse.move(x, y)
    lesson.page.mouse.down()
    lesson.page.mouse.move(x + pixels, y, steps=8)
    lesson.page.mouse.up()


def test_sliders_update_plot_and_readout(lesson):
    """Each slider: one arrow-key press, then a mouse drag; screenshots of the result."""
    name = lesson_name(lesson)
    lesson.hide_side_panels()
    sliders = lesson.sliders()
    specs = WIDGETS.get(name, [])
    assert sliders.count() == len(specs), "see test_controls_are_those_listed"
    for index, spec in enumerate(specs):
        slider = sliders.nth(index)
        slider.scroll_into_view_if_needed()
        key = "ArrowRight" if room_to_the_right(slider) > 0 else "ArrowLeft"
        move_and_check(lesson, slider, spec, lambda: browser_lab.press_slider_key(slider, key))
        move_and_check(lesson, slider, spec, lambda: drag(lesson, slider, 40 * room_to_the_right(slider)))
    outputs = lesson.widget_outputs()
    for index in range(outputs.count()):
        outputs.nth(index).screenshot(path=ARTIFACTS / f"{name[:-6]}-widget-{index}.png")
    if specs:
        sliders.first.scroll_into_view_if_needed()
        lesson.page.screenshot(path=ARTIFACTS / f"{name[:-6]}.png")


def test_notebook_on_disk_is_unchanged(lesson, lab_server):
    """Running a lesson in the browser never saves it: the committed notebook stays as it is."""
    name = lesson_name(lesson)
    saves = [line for line in lab_server.log_tail(lines=None).splitlines()
             if "Saving file at" in line and name in line]
    assert not saves, f"JupyterLab saved {name}:\n" + "\n".join(saves)
    assert browser_lab.file_digest(lesson.path) == lesson.digest, (
        f"{name} changed on disk during the test, though JupyterLab did not save it: "
        "did another process rewrite it?")
