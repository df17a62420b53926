"""Sliders for one neuron: how its weight and bias shape its output (lessons 2 and 3).

* :class:`NeuronWidget` — one input ``x``, output ``a = sigmoid(w x + b)``. The weight sets how steep
  the curve is, the bias shifts it: the neuron switches on around the threshold ``x = -b / w``.
* :class:`TwoPixelNeuronWidget` — two inputs (two pixels ``a1``, ``a2`` between 0 and 1), output
  ``sigmoid(w1 a1 + w2 a2 + b)``. The line ``w1 a1 + w2 a2 + b = 0`` is the neuron's decision
  boundary: where the weighted sum crosses the bias's threshold.

Each widget is an ``ipywidgets.VBox`` (display it by making it the last line of a cell) and also a
plain Python object: move ``weight_slider.value`` etc. and call :meth:`update` (the sliders call it
themselves). The figure is one reused matplotlib figure whose changing artists are blitted
(:class:`~nnlib.widgets.live.LiveFigure`), so a slider move costs a few milliseconds.
The readout below the figure (an ``ipywidgets.HTML`` with CSS class ``nn-readout``) repeats every
slider value formatted exactly as the slider displays it (one decimal, and like the slider's d3-format a
true minus sign "−", U+2212, for negative numbers), inside ``<span>`` elements with stable class names:
``nn-w``, ``nn-b``, ``nn-x``, ``nn-threshold``, ``nn-output`` (and ``nn-w1``, ``nn-w2`` for two pixels).
"""

import ipywidgets
import numpy as np

from .. import _validate
from ..activations import sigmoid
from ..plots.curves import TWO_PIXEL_RANGE, two_pixel_boundary
from ..plots.style import ACTIVATION_CMAP, NEGATIVE, POSITIVE
from .live import LiveFigure, WidgetWithPicture

_FORMAT = ".1f"  # how sliders show their values; the readout uses the same format


def _slider(description, value, low, high, step=0.1):
    """A slider from ``low`` to ``high``; a starting ``value`` outside that range is refused, not clamped."""
    value = _validate.number_in(value, description, low, high)
    return ipywidgets.FloatSlider(value=value, min=low, max=high, step=step, description=description,
                                  readout_format=_FORMAT, continuous_update=True,
                                  style={"description_width": "initial"},
                                  layout=ipywidgets.Layout(width="420px"))


def _shown(value, spec=_FORMAT):
    """``value`` formatted as a slider displays it (d3-format): a true minus sign "−", and no sign on zero."""
    text = format(value, spec)
    if text.startswith("-"):
        text = text[1:] if float(text[1:]) == 0 else "\u2212" + text[1:]
    return text


def _span(css_class, value, spec=_FORMAT):
    return f'<span class="{css_class}">{_shown(value, spec)}</span>'


class NeuronWidget(WidgetWithPicture, ipywidgets.VBox):
    """One neuron ``a = sigmoid(w x + b)`` with sliders for the weight, the bias and the input.

    Parameters
    ----------
    weight, bias, x : float
        Starting values of the sliders ``weight w`` (-10..10), ``bias b`` (-10..10), ``input x`` (-10..10).
    show_values : bool
        Also write ``w`` and ``b`` in the figure, so that its static picture (what a reader without a kernel
        sees) says which neuron it shows. Off by default.

    Attributes
    ----------
    weight_slider, bias_slider, input_slider : ipywidgets.FloatSlider
    readout : ipywidgets.HTML
        ``w``, ``b``, the threshold ``-b/w`` and the output for the chosen input.
    live : LiveFigure
        The figure (``live.figure``) and its PNG (``live.image``).
    """

    X_RANGE = (-10.0, 10.0)

    def __init__(self, weight=1.0, bias=0.0, x=2.0, show_values=False):
        self.show_values = bool(show_values)
        self.weight_slider = _slider("weight w", weight, -10, 10)
        self.bias_slider = _slider("bias b", bias, -30, 30)
        self.input_slider = _slider("input x", x, *self.X_RANGE)
        self.readout = ipywidgets.HTML()
        self.readout.add_class("nn-readout")
        self.live = LiveFigure(figsize=(6.4, 3.4), dpi=90)
        self._build_figure()
        super().__init__([self.weight_slider, self.bias_slider, self.input_slider, self.live.image, self.readout])
        self.add_class("nn-neuron-widget")
        for slider in (self.weight_slider, self.bias_slider, self.input_slider):
            slider.observe(lambda change: self.update(), names="value")
        self.update()

    @property
    def figure(self):
        """The matplotlib figure redrawn on every slider move."""
        return self.live.figure

    def _build_figure(self):
        ax = self.live.figure.add_axes((0.1, 0.16, 0.86, 0.72))
        xs = np.linspace(*self.X_RANGE, 401)
        self._xs = xs
        ax.axhline(0.5, color="#bbbbbb", lw=0.8, ls=":")
        ax.set_xlim(*self.X_RANGE), ax.set_ylim(-0.05, 1.05)
        ax.set_xlabel("input x"), ax.set_ylabel("activation a")
        ax.set_title("One neuron: a = sigmoid(w·x + b)")
        ax.grid(alpha=0.3)
        (self._curve,) = ax.plot(xs, xs, color=POSITIVE, lw=2.5)
        self._threshold_line = ax.axvline(0, color=NEGATIVE, lw=1.2, ls="--")
        (self._point,) = ax.plot([0], [0], "o", color="black", ms=8)
        self._label = ax.text(0.02, 0.93, "", transform=ax.transAxes, va="top", fontsize=10, zorder=5,
                              bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.85, "pad": 2})
        self.live.animate(self._curve, self._threshold_line, self._point, self._label)

    def __repr__(self):
        return "NeuronWidget(sliders for the weight w, the bias b and the input x of a = sigmoid(w x + b))"

    @property
    def threshold(self):
        """The input where the neuron is half on, ``-b / w`` (None when ``w = 0``: no threshold)."""
        w, b = self.weight_slider.value, self.bias_slider.value
        return None if w == 0 else -b / w + 0.0  # + 0.0 turns -0.0 into 0.0

    @property
    def output(self):
        """The activation for the chosen input: ``sigmoid(w x + b)``."""
        w, b, x = self.weight_slider.value, self.bias_slider.value, self.input_slider.value
        return float(sigmoid(w * x + b))

    def update(self):
        """Redraw the curve, the threshold and the output point for the current slider values."""
        w, b, x = self.weight_slider.value, self.bias_slider.value, self.input_slider.value
        self._curve.set_ydata(sigmoid(w * self._xs + b))
        threshold = self.threshold
        shown = threshold is not None and self.X_RANGE[0] <= threshold <= self.X_RANGE[1]
        self._threshold_line.set_visible(shown)
        if shown:
            self._threshold_line.set_xdata([threshold, threshold])
        self._point.set_data([x], [self.output])
        values = f"w = {w:{_FORMAT}}, b = {b:{_FORMAT}}:  " if self.show_values else ""
        self._label.set_text(f"{values}x = {x:{_FORMAT}}  →  a = {self.output:.3f}")
        self.live.refresh()
        threshold_text = ('<span class="nn-threshold">none (w = 0)</span>' if threshold is None
                          else _span("nn-threshold", threshold, ".2f"))
        self.readout.value = (
            f"weight w = {_span('nn-w', w)}, bias b = {_span('nn-b', b)}, threshold −b/w = {threshold_text}; "
            f"input x = {_span('nn-x', x)} gives output a = sigmoid(w·x + b) = {_span('nn-output', self.output, '.3f')}"
        )


class TwoPixelNeuronWidget(WidgetWithPicture, ipywidgets.VBox):
    """A neuron looking at two pixels: ``a = sigmoid(w1 a1 + w2 a2 + b)`` over the unit square.

    The background shows the output for every pair of pixel values (dark 0, light 1); the dashed line
    is the decision boundary ``w1 a1 + w2 a2 + b = 0`` where the output is exactly 0.5; the four
    corner dots are the four black/white images, shaded by their output, which is printed beside each
    dot and in the readout. The title shows the slider values, so that the static picture of the widget
    (what a reader without a kernel sees) says which neuron it is.

    Attributes
    ----------
    weight1_slider, weight2_slider, bias_slider : ipywidgets.FloatSlider
    readout : ipywidgets.HTML
    live : LiveFigure
    """

    CORNERS = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])

    def __init__(self, weight1=1.0, weight2=1.0, bias=-0.5):
        self.weight1_slider = _slider("weight w1", weight1, -10, 10)
        self.weight2_slider = _slider("weight w2", weight2, -10, 10)
        self.bias_slider = _slider("bias b", bias, -30, 30)
        self.readout = ipywidgets.HTML()
        self.readout.add_class("nn-readout")
        self.live = LiveFigure(figsize=(4.6, 4.0), dpi=90)
        self._build_figure()
        super().__init__([self.weight1_slider, self.weight2_slider, self.bias_slider, self.live.image, self.readout])
        self.add_class("nn-two-pixel-widget")
        for slider in self.sliders:
            slider.observe(lambda change: self.update(), names="value")
        self.update()

    def __repr__(self):
        return "TwoPixelNeuronWidget(sliders for w1, w2 and b of a neuron looking at two pixels)"

    @property
    def sliders(self):
        """The three sliders, in the order w1, w2, b."""
        return (self.weight1_slider, self.weight2_slider, self.bias_slider)

    @property
    def figure(self):
        """The matplotlib figure redrawn on every slider move."""
        return self.live.figure

    def _build_figure(self):
        ax = self.live.figure.add_axes((0.14, 0.13, 0.8, 0.76))
        grid = np.linspace(*TWO_PIXEL_RANGE, 76)
        self._a1, self._a2 = np.meshgrid(grid, grid)
        self._field = ax.imshow(np.zeros_like(self._a1), origin="lower", extent=TWO_PIXEL_RANGE * 2,
                                cmap=ACTIVATION_CMAP, vmin=0, vmax=1, interpolation="nearest")
        (self._boundary,) = ax.plot([], [], "--", color=NEGATIVE, lw=2)
        self._corners = ax.scatter(self.CORNERS[:, 0], self.CORNERS[:, 1], s=90, c=[0.0] * 4, cmap=ACTIVATION_CMAP,
                                   vmin=0, vmax=1, edgecolors=POSITIVE, linewidths=2, zorder=3)
        self._corner_labels = [
            ax.text(cx + (-0.07 if cx else 0.07), cy + (-0.07 if cy else 0.07), "", fontsize=9, zorder=4,
                    ha="right" if cx else "left", va="top" if cy else "bottom",
                    bbox={"facecolor": "white", "edgecolor": POSITIVE, "alpha": 0.9, "pad": 1.5})
            for cx, cy in self.CORNERS]
        ax.set_xlim(*TWO_PIXEL_RANGE), ax.set_ylim(*TWO_PIXEL_RANGE)
        ax.set_xlabel("pixel a1"), ax.set_ylabel("pixel a2")
        self._title = ax.set_title("", fontsize=10)
        self.live.animate(self._field, self._boundary, self._corners, *ax.spines.values(), *self._corner_labels,
                          self._title)   # frame on top of the field; the title changes with the sliders

    def outputs(self):
        """The neuron's output for the four black/white images (0,0), (1,0), (0,1), (1,1), shape (4,)."""
        w = np.array([self.weight1_slider.value, self.weight2_slider.value])
        return sigmoid(self.CORNERS @ w + self.bias_slider.value)

    def update(self):
        """Redraw the output field, the boundary line and the corner outputs for the slider values."""
        w1, w2, b = (s.value for s in self.sliders)
        self._field.set_data(sigmoid(w1 * self._a1 + w2 * self._a2 + b))
        self._boundary.set_data(*two_pixel_boundary(w1, w2, b))
        outputs = self.outputs()
        self._corners.set_array(outputs)
        for label, value in zip(self._corner_labels, outputs):
            label.set_text(f"{value:.2f}")
        self._title.set_text(f"sigmoid(w1·a1 + w2·a2 + b), boundary where it is 0.5\n"
                             f"w1 = {_shown(w1)}, w2 = {_shown(w2)}, b = {_shown(b)}")
        self.live.refresh()
        corner_text = ", ".join(f"({int(x)},{int(y)}) → {_span('nn-output', v, '.2f')}"
                                for (x, y), v in zip(self.CORNERS, outputs))
        self.readout.value = (
            f"weight w1 = {_span('nn-w1', w1)}, weight w2 = {_span('nn-w2', w2)}, bias b = {_span('nn-b', b)}; "
            f"outputs {corner_text}"
        )
