"""The network drawn as layers of neurons joined by weighted connections (lessons 1, 5 and 6).

Neurons are circles shaded by their activation (black 0, white 1); connections are blue for a
positive weight and red for a negative one, more opaque the larger the weight.

A layer too big to draw as circles (the 784 inputs) is drawn honestly as a thin column of all its
neurons, one thin bar each, in the order of the unrolled image (the image's top row on top). Its bars
show the input's activations, so a digit's ink appears as bright bands, one per image row it crosses.
Every connection is drawn, except that when activations are given, connections leaving an input
neuron with activation 0 are left out: they pass on nothing. On request the figure gets a key (what the
line colours and the shades mean) and one neuron ringed, with the lines into it drawn stronger.
"""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.colors import to_rgba
from matplotlib.legend_handler import HandlerTuple
from matplotlib.lines import Line2D

from .digits import show_digit
from .style import ACTIVATION_CMAP, NEGATIVE, POSITIVE

BACKGROUND = "#1b1b1f"
TEXT = "#dddddd"
HIGHLIGHT = "#ffd54f"   # ring around the network's answer
RING = "#e040fb"        # ring around a neuron the text looks at closely (draw_network's ``ring``)
LAYER_GAP = 3.0         # horizontal distance between layers, in data units
HEIGHT = 10.0           # height of the tallest layer, in data units
FONT_SIZE = 11.5        # drawn at 80 dpi, so about 9.5 points as displayed at full size


def _neuron_y(count, tallest):
    """Vertical positions of ``count`` circles, top first, centred on 0."""
    spacing = HEIGHT / max(tallest - 1, 1)
    return ((count - 1) / 2 - np.arange(count)) * spacing


def _strip_y(count):
    """Vertical centres of ``count`` bars filling the full height, top first."""
    return HEIGHT / 2 - (np.arange(count) + 0.5) * HEIGHT / count


def _connection_colours(weights, max_alpha, positive=POSITIVE, floor=0.03, power=1.5):
    """RGBA per weight: blue positive, red negative, opacity growing with the weight's size."""
    strength = np.abs(weights) / (np.max(np.abs(weights)) or 1.0)
    colours = np.where((weights >= 0)[:, None], to_rgba(positive), to_rgba(NEGATIVE))
    colours[:, 3] = floor + max_alpha * strength ** power
    return colours


def _draw_key(ax, positive, ringed_label):
    """A one-line legend under the diagram: line colours, three shades of activation, the rings."""
    shades = tuple(Line2D([], [], ls="", marker="o", ms=9, mfc=str(shade), mec="#bbbbbb") for shade in (0.0, 0.5, 1.0))
    handles = [Line2D([], [], color=positive, lw=2.5), Line2D([], [], color=NEGATIVE, lw=2.5),
               (Line2D([], [], color=positive, lw=2.5, alpha=0.3), Line2D([], [], color=NEGATIVE, lw=2.5, alpha=0.3)),
               shades, Line2D([], [], ls="", marker="o", ms=13, mfc="none", mec=HIGHLIGHT, mew=2.2)]
    labels = ["positive weight", "negative weight", "fainter: a smaller weight", "activation 0, 0.5, 1", "the answer"]
    if ringed_label:
        handles.append(Line2D([], [], ls="", marker="o", ms=13, mfc="none", mec=RING, mew=2.2))
        labels.append(ringed_label)
    ax.legend(handles, labels, loc="upper center", bbox_to_anchor=(0.5, 0.0), ncol=3, frameon=False,
              fontsize=FONT_SIZE + 1, labelcolor=TEXT, handlelength=3.4, columnspacing=2.0, handletextpad=0.6,
              handler_map={tuple: HandlerTuple(ndivide=None, pad=0.3)})


def draw_network(network=None, sizes=None, activations=None, max_neurons=16, ax=None, title=None, image=None,
                 layer_names=None, key=False, ring=None, ring_label="computed below", positive_colour=POSITIVE,
                 neuron_edge="#bbbbbb"):
    """Draw a network's layers, neurons and connections.

    Parameters
    ----------
    network : nnlib.network.Network, optional
        Gives the sizes and the weights that colour the connections.
    sizes : list of int, optional
        Layer sizes, when no network is given (connections are then drawn plain grey).
    activations : list of arrays, optional
        One array of ``sizes[l]`` values per layer, for one example
        (``network.forward(x, return_all=True).activations``): shades each neuron. Without it
        neurons are drawn hollow.
    max_neurons : int
        Layers with more neurons than this are drawn as a column of thin bars (all neurons shown).
    ax : matplotlib.axes.Axes, optional
        Where to draw (a new, suitably sized figure if None).
    title : str, optional
    image : array of 784 values, optional
        The input digit, drawn left of the input layer.
    layer_names : list of str, optional
        Captions under the layers (default: "input", "hidden 1", ..., "output").
    key : bool
        Add a key under the diagram: the line colours, three shades of activation and the rings.
    ring : (int, int), optional
        ``(layer, neuron)``: ring that neuron (magenta) and draw the lines into it stronger, e.g.
        ``(1, 3)`` for neuron 3 of the first hidden layer (layer 0 is the input).
    ring_label : str
        What the key calls the ringed neuron.
    positive_colour : colour
        The colour of positive weights; :data:`~nnlib.plots.style.POSITIVE_ON_DARK` is the same blue,
        lighter, as visible on the dark background as the red.
    neuron_edge : colour
        The outline of each neuron. The light default shows hollow neurons (no activations); with
        activations, a darker one lets a neuron at 0 read as black rather than as a light ring.

    Returns
    -------
    matplotlib.axes.Axes
    """
    if network is not None:
        sizes = network.sizes
    if sizes is None:
        raise ValueError("draw_network needs a network or a list of layer sizes")
    sizes = [int(s) for s in sizes]
    if activations is not None:
        if len(activations) != len(sizes):
            raise ValueError(f"activations must have one array per layer ({len(sizes)}), got {len(activations)}")
        activations = [np.asarray(a, dtype=float).ravel() for a in activations]
        for layer, (a, size) in enumerate(zip(activations, sizes)):
            if a.size != size:
                raise ValueError(f"activations[{layer}] must have {size} values, got {a.size}")
    if layer_names is not None and len(layer_names) != len(sizes):
        raise ValueError(f"layer_names must have one name per layer ({len(sizes)}), got {len(layer_names)}")
    if ring is not None:
        if (not isinstance(ring, (tuple, list)) or len(ring) != 2
                or not all(isinstance(v, (int, np.integer)) and not isinstance(v, bool) for v in ring)
                or not 0 <= ring[0] < len(sizes) or not 0 <= ring[1] < sizes[ring[0]]):
            raise ValueError(f"ring must be (layer, neuron) of a neuron of the network {sizes}, got {ring!r}")
    if ax is None:
        width = 2.3 * len(sizes) + (2.6 if image is not None else 0) + 0.6
        _, ax = plt.subplots(figsize=(width, 5.6), dpi=80)  # 80 dpi: thousands of lines make big PNGs
        ax.figure.subplots_adjust(left=0.01, right=0.99, bottom=0.01, top=0.92 if title else 0.99)
    ax.set_facecolor(BACKGROUND)
    ax.figure.set_facecolor(BACKGROUND)

    strip = [size > max_neurons for size in sizes]
    tallest = max([size for size, s in zip(sizes, strip) if not s] or [2])
    xs = np.arange(len(sizes)) * LAYER_GAP
    ys = [_strip_y(size) if s else _neuron_y(size, tallest) for size, s in zip(sizes, strip)]

    for layer in range(len(sizes) - 1):
        y_from, y_to = ys[layer], ys[layer + 1]
        x_from = xs[layer] + (0.25 if strip[layer] else 0.0)
        # from a bar layer with known activations, draw only the connections of active neurons: the others
        # carry 0 (weight times activation 0), and thousands of idle lines would hide the ones that matter
        keep = (activations[layer] > 0) if (strip[layer] and activations is not None) else np.ones(len(y_from), bool)
        starts = np.column_stack([np.full(y_from.size, x_from), y_from])[keep]
        ends = np.column_stack([np.full(y_to.size, xs[layer + 1]), y_to])
        segments = np.stack([np.repeat(ends, len(starts), axis=0), np.tile(starts, (len(ends), 1))], axis=1)
        if network is not None:
            max_alpha = 0.3 if strip[layer] else 0.8
            colours = _connection_colours(np.asarray(network.weights[layer], dtype=float)[:, keep].ravel(), max_alpha,
                                          positive_colour)
        else:
            colours = [to_rgba("#9a9a9a", 0.05 if strip[layer] else 0.35)]
        ax.add_collection(LineCollection(segments, colors=colours, linewidths=0.6, zorder=1))
        if ring is not None and ring[0] == layer + 1 and network is not None:     # the ringed neuron's lines, stronger
            weights = np.asarray(network.weights[layer], dtype=float)[ring[1], keep]
            into = np.stack([np.repeat(ends[ring[1]:ring[1] + 1], len(starts), axis=0), starts], axis=1)
            ax.add_collection(LineCollection(into, colors=_connection_colours(weights, 0.75, positive_colour, 0.25, 1.0),
                                             linewidths=1.0, zorder=1.5))

    bottom, top = -HEIGHT / 2 - 2.0, HEIGHT / 2 + 0.7
    points_per_unit = ax.get_position().height * ax.figure.get_figheight() * 72 / (top - bottom)
    diameter = 2 * 0.36 * min(HEIGHT / max(tallest - 1, 1), 1.2) * points_per_unit  # of a neuron, in points
    names = layer_names or (["input"] + [f"hidden {i}" for i in range(1, len(sizes) - 1)] + ["output"])
    for layer, (x, y, size) in enumerate(zip(xs, ys, sizes)):
        values = None if activations is None else np.clip(activations[layer], 0, 1)
        if strip[layer]:
            column = np.full((size, 1), 0.35) if values is None else values[:, None]
            ax.imshow(column, cmap=ACTIVATION_CMAP, vmin=0, vmax=1, aspect="auto", interpolation="nearest",
                      extent=(x - 0.25, x + 0.25, -HEIGHT / 2, HEIGHT / 2), zorder=2)
            ax.add_patch(plt.Rectangle((x - 0.25, -HEIGHT / 2), 0.5, HEIGHT, fill=False, edgecolor="#bbbbbb",
                                       linewidth=1.0, zorder=3))
        else:
            faces = "none" if values is None else [str(v) for v in values]
            ax.scatter(np.full(size, x), y, s=diameter ** 2, facecolors=faces, edgecolors=neuron_edge, linewidths=1.0,
                       zorder=2)
            if layer == len(sizes) - 1 and size == 10:
                for digit, y_k in enumerate(y):
                    ax.text(x + 0.6, y_k, str(digit), color=TEXT, va="center", fontsize=FONT_SIZE)
        caption = f"{names[layer]}\n{size} neurons"
        if strip[layer]:
            caption += "\n(one thin bar each)"
        ax.text(x, -HEIGHT / 2 - 0.6, caption, color=TEXT, ha="center", va="top", fontsize=FONT_SIZE)

    if activations is not None and sizes[-1] == 10 and not strip[-1]:
        best = int(np.argmax(activations[-1]))
        ax.scatter([xs[-1]], [ys[-1][best]], s=(1.5 * diameter) ** 2, facecolors="none", edgecolors=HIGHLIGHT,
                   linewidths=2.2, zorder=3)
    if ring is not None:
        ax.scatter([xs[ring[0]]], [ys[ring[0]][ring[1]]], s=(1.6 * diameter) ** 2, facecolors="none", edgecolors=RING,
                   linewidths=2.4, zorder=3)
    left = xs[0] - 0.9
    if image is not None:
        picture = ax.inset_axes((xs[0] - 4.0, -2.0, 3.0, 4.0), transform=ax.transData)
        show_digit(image, picture)
        for spine in picture.spines.values():
            spine.set_color("#bbbbbb")
        ax.annotate("", xy=(xs[0] - 0.4, 0), xytext=(xs[0] - 0.95, 0),
                    arrowprops={"arrowstyle": "->", "color": TEXT, "lw": 1.5})
        note = "unrolled row by row\ninto 784 inputs"
        if activations is not None and strip[0]:
            note += "\n\nlines are drawn only from\nnon-black pixels: the\nothers pass on 0"
        ax.text(xs[0] - 2.5, -2.2, note, color=TEXT, ha="center", va="top", fontsize=FONT_SIZE - 0.5)
        left = xs[0] - 4.1
    ax.set_xlim(left, xs[-1] + 1.0)
    ax.set_ylim(bottom, top)
    ax.axis("off")
    if key:
        _draw_key(ax, positive_colour, ring_label if ring is not None else None)
    if title:
        ax.set_title(title, color="#eeeeee", fontsize=FONT_SIZE + 2)
    return ax
