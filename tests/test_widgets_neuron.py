"""The slider widgets of lessons 2-3: driven from Python, they redraw and report what they show."""

import re

import numpy as np
import pytest

from nnlib.activations import sigmoid
from nnlib.widgets.live import LiveFigure
from nnlib.widgets.neuron import NeuronWidget, TwoPixelNeuronWidget


def _spans(html):
    return dict(re.findall(r'<span class="(nn-[a-z0-9]+)">([^<]*)</span>', html))


def test_live_figure_blits_only_animated_artists():
    live = LiveFigure(figsize=(3, 2), dpi=50)
    ax = live.figure.add_subplot()
    ax.set_xlim(0, 1), ax.set_ylim(0, 1)
    (line,) = ax.plot([0, 1], [0, 0])
    live.animate(line)
    live.refresh()
    first = live.image.value
    line.set_ydata([1, 1])
    live.refresh()
    assert live.image.value != first and bytes(live.image.value).startswith(b"\x89PNG")
    line.set_ydata([0, 0])
    live.refresh()
    assert live.image.value == first   # the background was restored, not drawn over


def test_neuron_widget_follows_its_sliders():
    widget = NeuronWidget(weight=2.0, bias=-4.0, x=3.0)
    assert widget.threshold == pytest.approx(2.0)
    assert widget.output == pytest.approx(float(sigmoid(2.0)))
    before = widget.live.image.value
    widget.bias_slider.value = 4.0
    assert widget.live.image.value != before
    assert widget.threshold == pytest.approx(-2.0)
    curve = widget._curve.get_ydata()
    assert np.allclose(curve, sigmoid(2.0 * widget._xs + 4.0))
    spans = _spans(widget.readout.value)
    assert spans["nn-w"] == "2.0" and spans["nn-b"] == "4.0" and spans["nn-x"] == "3.0"
    assert spans["nn-threshold"] == "\u22122.00" and spans["nn-output"] == f"{float(sigmoid(10.0)):.3f}"


def test_readout_formats_numbers_like_the_slider_shows_them():
    from nnlib.widgets.neuron import _shown
    assert _shown(-1.5) == "\u22121.5" and _shown(2.0) == "2.0" and _shown(-0.0) == "0.0" and _shown(-0.04) == "0.0"
    widget = NeuronWidget(weight=-2.5, bias=0.0)
    spans = _spans(widget.readout.value)
    assert spans["nn-w"] == "\u22122.5" and spans["nn-threshold"] == "0.00"


def test_neuron_widget_without_weight_has_no_threshold():
    widget = NeuronWidget(weight=0.0, bias=1.0)
    assert widget.threshold is None
    assert not widget._threshold_line.get_visible()
    assert "none" in _spans(widget.readout.value)["nn-threshold"]
    assert widget.weight_slider.description == "weight w" and widget.bias_slider.description == "bias b"


def test_two_pixel_widget_outputs_and_boundary():
    widget = TwoPixelNeuronWidget(weight1=10.0, weight2=10.0, bias=-15.0)
    assert np.allclose(widget.outputs(), sigmoid(np.array([-15.0, -5.0, -5.0, 5.0])))
    xs, ys = widget._boundary.get_data()
    assert np.allclose(10 * np.asarray(xs) + 10 * np.asarray(ys) - 15, 0)   # the line where the output is 0.5
    before = widget.live.image.value
    widget.weight2_slider.value = 0.0
    assert widget.live.image.value != before
    xs, _ = widget._boundary.get_data()
    assert np.allclose(xs, 1.5)                                            # vertical line a1 = -b/w1
    spans = _spans(widget.readout.value)
    assert spans["nn-w1"] == "10.0" and spans["nn-w2"] == "0.0" and spans["nn-b"] == "\u221215.0"
