"""Draw a digit and watch your network read it (lesson 5, usable in any later lesson).

:class:`DrawDigit` puts a 28x28 drawing pad (:class:`DrawingPad`, a small anywidget whose
JavaScript, ``draw.js``, only draws and sends the pixels) beside a live figure computed in Python:
the drawing as drawn, the same drawing preprocessed as the MNIST digits were
(:func:`nnlib.preprocessing.mnist_preprocess`), the activations of every hidden layer, and the ten
outputs with the network's guess. Every stroke sends the pixels to Python, which runs the forward
pass and redraws the figure (blitting, see :mod:`nnlib.widgets.live`).
"""

import math
from pathlib import Path

import anywidget
import ipywidgets
import numpy as np
import traitlets

from .. import _validate
from ..plots.style import ACTIVATION_CMAP, NEGATIVE, POSITIVE
from ..preprocessing import SIDE, mnist_preprocess
from .live import LiveFigure, WidgetWithPicture
from .thinking import display_activations


def _bytes_from_json(value, widget):
    """The browser sends binary data as a memoryview; a ``Bytes`` trait needs ``bytes``."""
    return bytes(value) if value is not None else b""


class DrawingPad(anywidget.AnyWidget):
    """A 28x28 canvas drawn with mouse, pen or touch, and a "clear" button.

    Attributes
    ----------
    pixels : bytes
        The drawing, 784 float32 values row by row (0 background, 1 ink), synchronised with the
        browser. Use :meth:`get_pixels` and :meth:`set_pixels` to work with arrays.
    """

    _esm = Path(__file__).with_name("draw.js")
    pixels = traitlets.Bytes(b"").tag(sync=True, from_json=_bytes_from_json, echo_update=False)

    def get_pixels(self):
        """The drawing as an array of shape (28, 28), values 0..1."""
        values = np.frombuffer(self.pixels, dtype=np.float32)
        if values.size != SIDE * SIDE:           # nothing drawn yet
            return np.zeros((SIDE, SIDE), dtype=np.float32)
        return values.reshape(SIDE, SIDE).copy()

    def set_pixels(self, image):
        """Show ``image`` (shape (28, 28) or (784,), values 0..1) on the pad."""
        image = _validate.as_image(image, "image", ndim=(1, 2), dtype=np.float32)
        if image.size != SIDE * SIDE:
            raise ValueError(f"image must have {SIDE * SIDE} pixels (28x28), got shape {image.shape}")
        self.pixels = image.reshape(-1).tobytes()

    def __repr__(self):
        return "DrawingPad(a 28x28 canvas to draw on)"


def _grid_shape(n):
    """Rows and columns of the most square grid that holds ``n`` neurons."""
    columns = math.ceil(math.sqrt(n))
    return math.ceil(n / columns), columns


def _as_grid(values, shape):
    """``values`` laid out in a grid of ``shape``, the unused cells NaN (drawn as background)."""
    grid = np.full(shape[0] * shape[1], np.nan)
    grid[:len(values)] = values
    return grid.reshape(shape)


class DrawDigit(WidgetWithPicture, ipywidgets.HBox):
    """Draw a digit; see the input the network gets, its hidden layers and its answer, live.

    Parameters
    ----------
    network : nnlib.network.Network
        A network with 784 inputs and 10 outputs (trained, for sensible answers).
    image : array of shape (28, 28) or (784,), optional
        A drawing to start with (e.g. a test digit); default an empty pad.

    Attributes
    ----------
    pad : DrawingPad
        The canvas. ``pad.get_pixels()`` / ``pad.set_pixels(image)`` read and set the drawing.
    readout : ipywidgets.HTML
        The guess and the ten outputs as text (CSS classes ``nn-guess``, ``nn-outputs``).
    live : LiveFigure
        The figure: drawing, preprocessed input, hidden layers, outputs.
    guess : int or None
        The network's answer for the drawing (None while the pad is empty).
    outputs : array of shape (10,)
        The output activations for the drawing.
    """

    def __init__(self, network, image=None):
        _validate.network(network)
        if network.sizes[0] != SIDE * SIDE or network.sizes[-1] != 10:
            raise ValueError(f"network must have {SIDE * SIDE} inputs and 10 outputs, got sizes {network.sizes}")
        self.network = network
        self.pad = DrawingPad()
        self.readout = ipywidgets.HTML()
        self.readout.add_class("nn-readout")
        self.live = LiveFigure(figsize=(8.6, 3.5), dpi=80)
        self._build_figure()
        super().__init__([self.pad, ipywidgets.VBox([self.live.image, self.readout])])
        self.add_class("nn-draw-digit")
        self.pad.observe(lambda change: self.update(), names="pixels")
        if image is not None:
            self.pad.set_pixels(image)          # the observer redraws
        else:
            self.update()

    @property
    def pixels(self):
        """The drawing as it is on the pad, shape (28, 28)."""
        return self.pad.get_pixels()

    @pixels.setter
    def pixels(self, image):
        self.pad.set_pixels(image)

    def clear(self):
        """Empty the pad (as its "clear" button does)."""
        self.pad.set_pixels(np.zeros((SIDE, SIDE)))

    def _build_figure(self):
        figure = self.live.figure
        hidden = self.network.sizes[1:-1]
        widths = [1.0, 1.0] + [0.75] * len(hidden) + [1.9]
        axes = figure.subplots(1, len(widths), gridspec_kw={"width_ratios": widths})
        figure.subplots_adjust(left=0.01, right=0.985, bottom=0.17, top=0.8, wspace=0.25)
        blank = np.zeros((SIDE, SIDE))
        self._raw = axes[0].imshow(blank, cmap=ACTIVATION_CMAP, vmin=0, vmax=1, interpolation="none")
        self._input = axes[1].imshow(blank, cmap=ACTIVATION_CMAP, vmin=0, vmax=1, interpolation="none")
        axes[0].set_title("your drawing", fontsize=10)
        axes[1].set_title("what the network\nsees (centred)", fontsize=10)
        self._hidden, self._grids = [], []
        for k, (ax, size) in enumerate(zip(axes[2:-1], hidden), start=1):
            shape = _grid_shape(size)
            self._grids.append(shape)
            self._hidden.append(ax.imshow(np.zeros(shape), cmap=ACTIVATION_CMAP, vmin=0, vmax=1, interpolation="none"))
            ax.set_title(f"hidden layer {k}\n({size} neurons)", fontsize=10)
        for ax in axes[:-1]:
            ax.set_xticks([]), ax.set_yticks([])
            ax.set_facecolor("#dddddd")
        bars_ax = axes[-1]
        self._bars = bars_ax.bar(range(10), np.zeros(10), color=POSITIVE)
        bars_ax.set_xticks(range(10)), bars_ax.set_ylim(0, 1.05), bars_ax.set_xlim(-0.6, 9.6)
        bars_ax.tick_params(labelsize=9)
        bars_ax.set_xlabel("output neuron (digit)", fontsize=9)
        bars_ax.spines[["top", "right"]].set_visible(False)
        self._verdict = bars_ax.set_title("two lines\nof title", fontsize=10)
        self.live.animate(self._raw, self._input, *self._hidden, *self._bars, self._verdict)

    @property
    def input(self):
        """The preprocessed drawing the network reads, shape (784,)."""
        return mnist_preprocess(self.pixels)

    def update(self):
        """Preprocess the drawing, run the forward pass and redraw (called after every stroke)."""
        raw = self.pixels
        x = mnist_preprocess(raw)
        empty = not x.any()
        activations = display_activations(self.network.forward(x, return_all=True).activations)
        outputs = np.asarray(activations[-1], dtype=float)
        self.guess = None if empty else int(np.argmax(outputs))
        self.outputs = outputs
        self._raw.set_data(raw)
        self._input.set_data(x.reshape(SIDE, SIDE))
        for image, shape, a in zip(self._hidden, self._grids, activations[1:-1]):
            image.set_data(_as_grid(np.zeros_like(a) if empty else a, shape))
        for digit, bar in enumerate(self._bars):
            bar.set_height(0.0 if empty else outputs[digit])
            bar.set_color(NEGATIVE if digit == self.guess else POSITIVE)
        self._verdict.set_text("draw a digit\n " if empty else
                               f"the network says {self.guess}\n(output {outputs[self.guess]:.2f})")
        self.live.refresh()
        if empty:
            self.readout.value = '<span class="nn-guess">draw a digit on the black square</span>'
        else:
            numbers = " ".join(f"{d}:&nbsp;{v:.2f}" for d, v in enumerate(outputs))
            self.readout.value = (f'guess: <b class="nn-guess">{self.guess}</b> &nbsp; '
                                  f'outputs <span class="nn-outputs">{numbers}</span>')

    def __repr__(self):
        return f"DrawDigit(network with sizes {self.network.sizes}: draw a digit and watch the network read it)"
