"""See the network think: pick a digit and watch every layer's activations light up (lesson 5)."""

import ipywidgets
import numpy as np

from .. import _validate
from ..plots.diagram import draw_network
from .live import LiveFigure, bundle_with_picture

NEURON_EDGE = "#5f5f66"
"""The neurons' outline: dark enough that a neuron at 0 reads as black (not as a light ring), light enough
to find it on the dark background."""


def display_activations(activations):
    """Activations ready for shading the diagram: layers whose values exceed 1 (ReLU) are divided
    by their largest value, so the brightest neuron is white; sigmoid and softmax layers are unchanged."""
    return [a / a.max() if a.max() > 1 else a for a in (np.asarray(a, dtype=float) for a in activations)]


class NetworkThinking:
    """A slider over ``images``; the network diagram shows the chosen digit's activations and answer.

    Parameters
    ----------
    network : nnlib.network.Network
    images : array of shape (n, 784)
    labels : array of shape (n,), optional
        The true digits, shown in the title.

    Attributes
    ----------
    index : ipywidgets.IntSlider
        Which image is fed through the network.
    widget : ipywidgets.VBox
        The slider above the figure; displaying the viewer displays it.
    """

    def __init__(self, network, images, labels=None, index=0):
        self.network = _validate.network(network)
        self.images, _ = _validate.network_inputs(images, network.sizes[0], network.dtype, "images")
        if np.ndim(images) != 2:
            raise ValueError(f"images must be a 2-D array, one image per row, got shape {np.shape(images)}")
        self.labels = None if labels is None else _validate.as_labels(labels, network.sizes[-1], "labels")
        if self.labels is not None and self.labels.size != len(self.images):
            raise ValueError(f"labels must give one digit per image: {len(self.images)} images, {self.labels.size} labels")
        _validate.number_in(index, "index", 0, len(self.images) - 1)
        if not isinstance(index, (int, np.integer)):
            raise TypeError(f"index must be a whole number from 0 to {len(self.images) - 1}, got {index!r}")
        self.index = ipywidgets.IntSlider(value=index, min=0, max=len(self.images) - 1, description="test digit number",
                                          continuous_update=False,   # a redraw takes ~0.2 s: redraw on release
                                          style={"description_width": "initial"},
                                          layout=ipywidgets.Layout(width="500px"))
        self.live = LiveFigure(figsize=(10, 5.6), dpi=80)
        self.ax = self.live.figure.add_subplot()
        self.index.observe(self.update, names="value")
        self.widget = ipywidgets.VBox([self.index, self.live.image])
        self.update()

    def update(self, change=None):
        """Feed the chosen image through the network and redraw the diagram."""
        image = self.images[self.index.value]
        activations = self.network.forward(image, return_all=True).activations
        guess = int(np.argmax(activations[-1]))
        title = f"The network says {guess} (output {activations[-1][guess]:.2f})"
        if self.labels is not None:
            truth = self.labels[self.index.value]
            title = f"Test digit {self.index.value}, a {truth}. " + title + (" ✓" if guess == truth else " ✗")
        self.ax.clear()
        draw_network(self.network, activations=display_activations(activations), image=image, ax=self.ax,
                     title=title, neuron_edge=NEURON_EDGE)
        self.live.figure.subplots_adjust(left=0.01, right=0.99, bottom=0.01, top=0.93)
        self.live.refresh()

    def _repr_mimebundle_(self, **kwargs):
        return bundle_with_picture(self.widget, self.live.render(compress_level=6),
                                   "NetworkThinking(a slider over test digits and the network's activations)")
