"""The drawing widget and the backprop stepper, driven from Python (their JavaScript side is tested in
tests/browser/test_widgets_in_browser.py), the MNIST-style preprocessing of a drawing, and the static
picture every widget of the course leaves in a notebook output."""

import base64
import io
import re
import tomllib
from fnmatch import fnmatch
from pathlib import Path

import matplotlib.image
import numpy as np
import pytest
from PIL import Image

import nnlib
from nnlib import Network
from nnlib.preprocessing import BOX, SIDE, centre_of_mass, mnist_preprocess
from nnlib.step_by_step import WEIGHT_EDGES
from nnlib.widgets.stepper import walk
from nnlib.widgets.descent import LearningRateExplorer, TrainingMonitor
from nnlib.widgets.draw import DrawDigit, DrawingPad
from nnlib.widgets.neuron import NeuronWidget, TwoPixelNeuronWidget
from nnlib.widgets.stepper import HIGHLIGHT, BackpropStepper, latex_to_html
from nnlib.widgets.thinking import NetworkThinking

ROOT = Path(__file__).resolve().parents[1]
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


@pytest.fixture(scope="module")
def mnist():
    return nnlib.load_mnist()


@pytest.fixture(scope="module")
def trained(mnist):
    """A 784-16-16-10 network after one quick epoch on 20,000 images (about 90% right on test digits)."""
    net = Network([784, 16, 16, 10], hidden_activation="relu", output_activation="softmax", cost="cross_entropy", init="he", seed=0)
    nnlib.train(net, mnist.x_train[:20000], mnist.y_train[:20000], epochs=1, batch_size=32, learning_rate=0.1,
                seed=0, progress=False)
    return net


def shrink_into_corner(image, size=12, top=1, left=2):
    """A digit scaled down to size x size and moved towards the top-left corner of a 28x28 image."""
    small = np.asarray(Image.fromarray(image.reshape(SIDE, SIDE).astype(np.float32)).resize((size, size)))
    moved = np.zeros((SIDE, SIDE))
    moved[top:top + size, left:left + size] = np.clip(small, 0, 1)
    return moved


# ---------------------------------------------------------------- preprocessing like MNIST
def test_mnist_digits_are_already_preprocessed(mnist):
    for image in mnist.x_test[:100]:
        np.testing.assert_allclose(mnist_preprocess(image), image, atol=1e-6)


def test_a_shrunk_and_shifted_digit_comes_back_to_the_centre_at_the_right_size(mnist):
    before, after = [], []
    for image in mnist.x_test[:50]:
        moved = shrink_into_corner(image)
        assert np.linalg.norm(np.subtract(centre_of_mass(moved), (14, 14))) > 5       # far off before
        out = mnist_preprocess(moved).reshape(SIDE, SIDE)
        row, col = centre_of_mass(out)
        assert abs(row - 14) <= 0.5 and abs(col - 14) <= 0.5
        rows, cols = np.nonzero(out.any(axis=1))[0], np.nonzero(out.any(axis=0))[0]
        assert max(rows[-1] - rows[0] + 1, cols[-1] - cols[0] + 1) == BOX     # longer side 20 pixels
        before.append(np.corrcoef(moved.ravel(), image)[0, 1])
        after.append(np.corrcoef(out.ravel(), image)[0, 1])
    assert max(before) < 0.3 < 0.5 < np.median(after)      # mostly the original digit again (blurred by the resizing)


def test_preprocessing_keeps_the_aspect_ratio_and_scales_up_small_drawings():
    bar = np.zeros((SIDE, SIDE))
    bar[10:14, 5:7] = 1.0                     # 4 tall, 2 wide
    out = mnist_preprocess(bar).reshape(SIDE, SIDE)
    rows, cols = np.nonzero(out.any(axis=1))[0], np.nonzero(out.any(axis=0))[0]
    assert (rows[-1] - rows[0] + 1, cols[-1] - cols[0] + 1) == (20, 10)
    assert out.dtype == np.float32 and out.min() >= 0 and out.max() <= 1


def test_preprocessing_helps_the_network_read_digits_drawn_small_in_a_corner(mnist, trained):
    images, labels = mnist.x_test[:500], mnist.y_test[:500]
    moved = np.array([shrink_into_corner(image, size=16).ravel() for image in images])
    fixed = np.array([mnist_preprocess(image) for image in moved])
    # about 10% right in the corner, about 70% once preprocessed (90% for the original digits: resizing blurs)
    assert trained.accuracy(moved, labels) < 0.3 < 0.6 < trained.accuracy(fixed, labels)


def test_preprocessing_of_an_empty_drawing_and_bad_input():
    assert not mnist_preprocess(np.zeros(784)).any()
    with pytest.raises(ValueError, match="784 pixels"):
        mnist_preprocess(np.zeros(100))
    with pytest.raises(TypeError, match="image"):
        mnist_preprocess("a digit")
    with pytest.raises(ValueError, match="empty"):
        centre_of_mass(np.zeros((3, 3)))


# ---------------------------------------------------------------- the drawing widget
def test_drawing_pad_reads_back_what_is_set_and_what_the_browser_sends():
    pad = DrawingPad()
    assert not pad.get_pixels().any() and pad.get_pixels().shape == (SIDE, SIDE)
    image = np.linspace(0, 1, 784).reshape(SIDE, SIDE)
    pad.set_pixels(image)
    np.testing.assert_allclose(pad.get_pixels(), image, atol=1e-7)
    # the browser sends a memoryview: the trait must turn it into bytes (else the update is lost)
    sent = np.full(784, 0.5, dtype=np.float32)
    pad.set_state({"pixels": memoryview(sent.tobytes())})
    np.testing.assert_array_equal(pad.get_pixels().ravel(), sent)
    with pytest.raises(ValueError, match="784 pixels"):
        pad.set_pixels(np.zeros(10))
    assert "0x" not in repr(pad)


def test_draw_digit_shows_what_the_network_computes(mnist, trained):
    widget = DrawDigit(trained, shrink_into_corner(mnist.x_test[0]))
    x = mnist_preprocess(widget.pixels)
    np.testing.assert_array_equal(widget.input, x)
    forward = trained.forward(x, return_all=True)
    assert widget.guess == int(np.argmax(forward.activations[-1])) == mnist.y_test[0]
    np.testing.assert_allclose([bar.get_height() for bar in widget._bars], forward.activations[-1], rtol=1e-6)
    np.testing.assert_array_equal(widget._input.get_array(), x.reshape(SIDE, SIDE))
    for image, a in zip(widget._hidden, forward.activations[1:-1]):
        shown = np.asarray(image.get_array()).ravel()[:a.size]
        np.testing.assert_allclose(shown, a / a.max(), rtol=1e-6)       # ReLU layers scaled to their largest
    assert f'class="nn-guess">{mnist.y_test[0]}<' in widget.readout.value


def test_draw_digit_follows_new_pixels_and_clears(mnist, trained):
    widget = DrawDigit(trained)
    assert widget.guess is None and "draw a digit" in widget.readout.value
    empty_picture = widget.live.image.value
    guesses = []
    for k in range(1, 4):
        sent = memoryview(mnist.x_test[k].astype(np.float32).tobytes())       # as the browser sends it
        widget.pad.set_state({"pixels": sent})
        guesses.append(widget.guess)
    assert guesses == list(trained.predict(mnist.x_test[1:4]))
    assert widget.live.image.value != empty_picture
    widget.clear()
    assert widget.guess is None and not widget.pixels.any()
    assert all(bar.get_height() == 0 for bar in widget._bars)


def test_draw_digit_refuses_a_network_that_does_not_read_digits():
    with pytest.raises(TypeError, match="network must be an nnlib Network"):
        DrawDigit("my network")
    with pytest.raises(ValueError, match="784 inputs and 10 outputs"):
        DrawDigit(Network([784, 16, 2]))


def test_drawing_javascript_is_one_self_contained_module_shipped_in_the_package():
    source = (ROOT / "nnlib" / "widgets" / "draw.js").read_text()
    assert not re.search(r"^\s*import\b", source, flags=re.M)     # loaded from a blob: URL, imports fail
    assert "export default" in source and "http" not in source    # nothing from a CDN
    package_data = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["nnlib"]
    assert any(fnmatch("widgets/draw.js", pattern) for pattern in package_data)


# ---------------------------------------------------------------- the backprop stepper
def test_stepper_walks_every_step_with_buttons_and_slider():
    stepper = BackpropStepper()
    steps = walk()
    assert stepper.slider.max == len(steps) and stepper.previous_button.disabled
    pictures = {stepper.live.image.value}
    for k, step in enumerate(steps, start=1):
        assert stepper.slider.value == k and stepper.step == step
        assert f'class="nn-value">{step.value:.9g}<' in stepper.readout.value
        assert latex_to_html(step.numbers) in stepper.readout.value
        stepper.next_button.click()
        pictures.add(stepper.live.image.value)
    assert stepper.slider.value == len(steps) and stepper.next_button.disabled
    assert len(pictures) == len(steps)                       # every step draws a different picture
    stepper.previous_button.click()
    assert stepper.slider.value == len(steps) - 1 and not stepper.next_button.disabled


def test_stepper_last_step_shows_the_lessons_updated_w5():
    stepper = BackpropStepper(step=len(walk()))
    assert "w<sub>5</sub><sup>+</sup> = 0.35891648" in stepper.readout.value
    assert "0.291027774" in stepper.readout.value            # E_total after the update


def highlighted_segments(stepper):
    return {tuple(map(tuple, line.get_xydata())) for line in stepper.ax.lines if line.get_color() == HIGHLIGHT}


def test_stepper_highlights_the_weights_of_the_step():
    stepper = BackpropStepper()
    positions = {"i1": (0.0, 1.0), "i2": (0.0, 0.0), "h1": (1.0, 1.0), "h2": (1.0, 0.0), "o1": (2.0, 1.0),
                 "o2": (2.0, 0.0)}
    for k, step in enumerate(walk(), start=1):
        stepper.slider.value = k
        expected = {(positions[a], positions[b]) for a, b in (WEIGHT_EDGES[name] for name in step.edges)}
        assert highlighted_segments(stepper) == expected, step.name


def test_stepper_refuses_a_step_out_of_range():
    with pytest.raises(ValueError, match="step must be a whole number from 1 to"):
        BackpropStepper(step=0)


def test_latex_to_html():
    assert latex_to_html(r"\partial E / \partial w_5") == "∂ E / ∂ w<sub>5</sub>"
    assert latex_to_html(r"\frac{1}{2}(t_1 - out_{o1})^2") == "½(t<sub>1</sub> − out<sub>o1</sub>)²"


# ---------------------------------------------------------------- a picture in every widget's output
def every_widget(trained, mnist):
    monitor = TrainingMonitor(trained, mnist.x_test[:50], mnist.y_test[:50], epochs=2)
    return [TwoPixelNeuronWidget(), NeuronWidget(), LearningRateExplorer(), monitor,
            NetworkThinking(trained, mnist.x_test[:3], mnist.y_test[:3]), DrawDigit(trained, mnist.x_test[0]),
            BackpropStepper()]


def test_every_widget_displays_as_a_widget_with_a_picture_and_a_helpful_text(trained, mnist):
    for widget in every_widget(trained, mnist):
        bundle = widget._repr_mimebundle_()
        name = type(widget).__name__
        assert bundle[WIDGET_VIEW]["model_id"], name
        picture = matplotlib.image.imread(io.BytesIO(base64.b64decode(bundle["image/png"])), format="png")
        assert picture.shape[0] > 100 and picture.shape[1] > 200 and picture.std() > 0, name
        text = bundle["text/plain"]
        assert text.startswith(name) and "0x" not in text and "children=" not in text, text
