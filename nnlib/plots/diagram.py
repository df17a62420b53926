"""The network drawn as layers of neurons joined by weighted connections (lessons 1, 2 and 5).

Neurons are circles shaded by their activation (black 0, white 1); connections are blue for a
positive weight and red for a negative one, more opaque the larger the weight. Layers with many
neurons (the 784 inputs) are drawn with a few evenly spaced neurons and a note of how many there are.
"""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.colors import to_rgba

from .style import NEGATIVE, POSITIVE

BACKGROUND = "#1b1b1f"


def _shown_neurons(size, max_neurons):
    """Indices of the neurons drawn for a layer of ``size`` neurons."""
    if size <= max_neurons:
        return np.arange(size)
    return np.unique(np.linspace(0, size - 1, max_neurons).round().astype(int))


def draw_network(network=None, sizes=None, activations=None, max_neurons=16, ax=None, title=None, image=None,
                 layer_names=None):
    """Draw a network's layers, neurons and connections.

    Parameters
    ----------
    network : nnlib.network.Network, optional
        Gives the sizes and the weights that colour the connections.
    sizes : list of int, optional
        Layer sizes, when no network is given (connections are then drawn plain grey).
    activations : list of arrays, optional
        One 1-D array per layer (``network.forward(x, return_all=True).activations`` for one
        example): shades each neuron. Without it neurons are drawn hollow.
    max_neurons : int
        Most neurons drawn per layer; larger layers show evenly spaced neurons and their size.
    image : array of 784 values, optional
        The input digit, drawn left of the input layer.
    layer_names : list of str, optional
        Captions under the layers (default: "input", "hidden 1", ..., "output").

    Returns
    -------
    matplotlib.axes.Axes
    """
    if network is not None:
        sizes = network.sizes
    if sizes is None:
        raise ValueError("draw_network needs a network or a list of layer sizes")
    if activations is not None and len(activations) != len(sizes):
        raise ValueError(f"activations must have one array per layer ({len(sizes)}), got {len(activations)}")
    if ax is None:
        _, ax = plt.subplots(figsize=(2.6 * len(sizes) + (2 if image is not None else 0), 6))
    ax.set_facecolor(BACKGROUND)
    ax.figure.set_facecolor(BACKGROUND)
    shown = [_shown_neurons(s, max_neurons) for s in sizes]
    tallest = max(len(s) for s in shown)
    xs = np.arange(len(sizes), dtype=float) * 3.0

    def y_positions(count):
        return (np.arange(count) - (count - 1) / 2) * (10.0 / max(tallest - 1, 1))

    positions = [np.column_stack([np.full(len(s), x), y_positions(len(s))[::-1]]) for s, x in zip(shown, xs)]

    for layer in range(len(sizes) - 1):
        start, end = positions[layer], positions[layer + 1]
        segments = [(start[i], end[j]) for j in range(len(end)) for i in range(len(start))]
        if network is not None:
            w = network.weights[layer][np.ix_(shown[layer + 1], shown[layer])].ravel()
            strength = np.abs(w) / (np.max(np.abs(w)) or 1.0)
            colours = [to_rgba(POSITIVE if v >= 0 else NEGATIVE, 0.05 + 0.75 * s) for v, s in zip(w, strength)]
        else:
            colours = [to_rgba("#9a9a9a", 0.35)] * len(segments)
        ax.add_collection(LineCollection(segments, colors=colours, linewidths=0.8, zorder=1))

    radius = 0.32 * min(1.0, 10.0 / max(tallest - 1, 1) / 0.75)
    names = layer_names or (["input"] + [f"hidden {i}" for i in range(1, len(sizes) - 1)] + ["output"])
    for layer, (pos, idx) in enumerate(zip(positions, shown)):
        values = None if activations is None else np.asarray(activations[layer], dtype=float).ravel()[idx]
        for k, (x, y) in enumerate(pos):
            face = "none" if values is None else str(float(np.clip(values[k], 0, 1)))
            ax.add_patch(plt.Circle((x, y), radius, facecolor=face, edgecolor="#bbbbbb", linewidth=1.0, zorder=2))
            if layer == len(sizes) - 1 and sizes[-1] == 10:
                ax.text(x + 0.55, y, str(idx[k]), color="#dddddd", va="center", fontsize=9)
        caption = f"{names[layer]}\n{sizes[layer]} neurons"
        if len(idx) < sizes[layer]:
            caption += f"\n({len(idx)} drawn)"
        ax.text(pos[0, 0], -6.6, caption, color="#dddddd", ha="center", va="top", fontsize=9)
    if activations is not None and sizes[-1] == 10:
        best = int(np.argmax(activations[-1]))
        x, y = positions[-1][list(shown[-1]).index(best)] if best in shown[-1] else (xs[-1], 0)
        ax.add_patch(plt.Circle((x, y), radius * 1.45, facecolor="none", edgecolor="#ffd54f", linewidth=2, zorder=3))
    left = xs[0] - 1.2
    if image is not None:
        ax.imshow(np.asarray(image, dtype=float).reshape(28, 28), cmap="gray", vmin=0, vmax=1,
                  extent=(xs[0] - 4.4, xs[0] - 1.2, -1.6, 1.6), zorder=2)
        ax.annotate("", xy=(xs[0] - 0.5, 0), xytext=(xs[0] - 1.1, 0),
                    arrowprops={"arrowstyle": "->", "color": "#dddddd"})
        left = xs[0] - 4.6
    ax.set_xlim(left, xs[-1] + 1.2)
    ax.set_ylim(-8.2, 6.0)
    ax.set_aspect("equal")
    ax.axis("off")
    if title:
        ax.set_title(title, color="#eeeeee")
    return ax
