"""Curves: where a layer's weighted inputs fall on the sigmoid (lesson 1), the sigmoid and one neuron's response
(lessons 2-3), activation functions, what a network without them cannot fit, and the gradient and the backward signal
reaching each layer (lesson 3)."""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Patch

from ..activations import ACTIVATIONS, sigmoid
from .style import ACTIVATION_CMAP, NEGATIVE, POSITIVE, new_axes

_COLOURS = {"sigmoid": "#1b9e77", "relu": "#7570b3", "tanh": "#d95f02", "identity": "#666666"}


def plot_activations(names=("sigmoid", "relu", "tanh"), z=None, derivatives=True):
    """Plot activation functions (left) and their derivatives (right).

    ReLU's slope has no value at its kink z = 0: the right panel leaves a gap there and marks the two
    one-sided values, an open circle at 1 and a filled one at 0 (the value nnlib uses).

    Parameters
    ----------
    names : sequence of str
        Keys of :data:`nnlib.activations.ACTIVATIONS`.
    z : 1-D array, optional
        Weighted inputs to plot over (default 601 points from -6 to 6).
    derivatives : bool
        Draw the right-hand panel of derivatives.

    Returns
    -------
    matplotlib.figure.Figure
    """
    unknown = [name for name in names if name not in ACTIVATIONS]
    if unknown:
        raise ValueError(f"unknown activation(s) {unknown}; choose from {sorted(ACTIVATIONS)}")
    z = np.linspace(-6, 6, 601) if z is None else np.asarray(z, dtype=float)
    ncols = 2 if derivatives else 1
    fig, axes = plt.subplots(1, ncols, figsize=(5.5 * ncols, 3.8), squeeze=False)
    for name in names:
        act = ACTIVATIONS[name]
        colour = _COLOURS.get(name)
        axes[0, 0].plot(z, act.function(z), label=name, color=colour, lw=2)
        if derivatives:
            z_slope, slope = z, act.prime(z)
            if name == "relu":      # no slope at the kink z = 0: a gap there, not a vertical line from 0 to 1
                kink = np.searchsorted(z, 0.0, side="right")
                z_slope, slope = np.insert(z, kink, np.nan), np.insert(slope, kink, np.nan)
            axes[0, 1].plot(z_slope, slope, label=f"{name}'", color=colour, lw=2)
            if name == "relu":      # the two one-sided values at the kink: 1 (open) and 0 (filled, nnlib's choice)
                axes[0, 1].plot([0], [1], "o", ms=7, mfc="white", color=colour, zorder=3)
                axes[0, 1].plot([0], [0], "o", ms=7, color=colour, zorder=3)
    titles = ["Activation functions a = f(z)", "Their derivatives f'(z) (slopes)"]
    for ax, title in zip(axes[0], titles):
        ax.axhline(0, color="#999999", lw=0.8)
        ax.set_xlabel("weighted input z"), ax.set_title(title), ax.legend(loc="upper left"), ax.grid(alpha=0.3)
    axes[0, 0].axvline(0, color="#999999", lw=0.8)
    axes[0, 0].set_ylabel("activation a")
    axes[0, 0].set_ylim(-1.2, 2.2)
    if derivatives:
        axes[0, 1].set_ylabel("slope da/dz")
        axes[0, 1].set_ylim(-0.1, 1.2)
    fig.tight_layout()
    return fig


NEURON_CURVE_COLOURS = ("#333333", "#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e")
"""One clearly different colour per curve of :func:`plot_neuron_curves` (ColorBrewer's Dark2, black first)."""


def plot_neuron_curves(settings, x=None, ax=None, title="One neuron a = sigmoid(w·x + b) for a few weights and biases"):
    """Curves ``sigmoid(w x + b)`` for several ``(w, b)`` pairs, each with its switching point ``x = -b/w`` marked.

    The legend says on which side of its switching point each neuron is on (above 0.5): above it for
    ``w > 0``, below it for ``w < 0``. Neurons that switch at the same point share one black marker,
    labelled with how many meet there.

    Parameters
    ----------
    settings : sequence of (float, float)
        ``(weight, bias)`` pairs, one curve each.
    x : 1-D array, optional
        Inputs to plot over (default 401 points from -10 to 10).
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    list of matplotlib.lines.Line2D
        The curves, in the order of ``settings``.
    """
    settings = [(float(w), float(b)) for w, b in settings]
    x = np.linspace(-10, 10, 401) if x is None else np.asarray(x, dtype=float)
    own_figure = ax is None
    if own_figure:
        _, ax = plt.subplots(figsize=(7.5, 3.8))
    colours = [NEURON_CURVE_COLOURS[k % len(NEURON_CURVE_COLOURS)] for k in range(len(settings))]
    lines, points = [], {}
    for (w, b), colour in zip(settings, colours):
        label = f"w = {w:g}, b = {b:g}"
        if w != 0:
            threshold = -b / w + 0.0                  # + 0.0 turns -0.0 into 0.0
            label += f" (on {'above' if w > 0 else 'below'} x = {threshold:g})"
            points.setdefault(round(threshold, 9), []).append(colour)
        lines.append(ax.plot(x, sigmoid(w * x + b), color=colour, lw=2.2, label=label)[0])
    for threshold, point_colours in points.items():
        shared = len(point_colours) > 1
        ax.plot([threshold], [0.5], "o", color="black" if shared else point_colours[0], ms=7 if shared else 6,
                zorder=3)
        if shared:
            text = "both are 0.5 here" if len(point_colours) == 2 else f"all {len(point_colours)} are 0.5 here"
            ax.annotate(text, (threshold, 0.5), xytext=(8, -14), textcoords="offset points", fontsize=9)
    ax.axhline(0.5, color="#aaaaaa", lw=0.8, ls=":")
    ax.set_xlim(x[0], x[-1]), ax.set_ylim(-0.05, 1.05)
    ax.set_xlabel("input x"), ax.set_ylabel("activation a")
    ax.set_title(title), ax.grid(alpha=0.3), ax.legend(fontsize=8, loc="center left", bbox_to_anchor=(1.01, 0.5))
    if own_figure:                  # a caller that passed its axes lays out its own figure, once
        ax.figure.tight_layout()
    return lines


def plot_bias_shift(settings=((1, 0), (1, -10), (1, 10), (2, -10)), x=None):
    """The sigmoid itself (left), and how a neuron's bias shifts it and its weight steepens it (right).

    Left: ``sigmoid(z)`` with its midpoint ``sigmoid(0) = 0.5`` marked. Right: a neuron with one input,
    ``sigmoid(w x + b)``, for each ``(w, b)`` of ``settings``, drawn by :func:`plot_neuron_curves`
    with its switching point ``x = -b / w`` marked. With ``w = 1`` the input ``x`` can stand for a
    whole weighted sum ``w·a``, so ``b = -10`` switches the neuron on where the sum passes 10 (lesson 2).

    Parameters
    ----------
    settings : sequence of (float, float)
        ``(weight, bias)`` pairs for the right panel.
    x : 1-D array, optional
        Inputs of the right panel (default 401 points from -20 to 20).

    Returns
    -------
    (matplotlib.figure.Figure, list of matplotlib.lines.Line2D)
        The figure and the right panel's curves, in the order of ``settings``.
    """
    x = np.linspace(-20, 20, 401) if x is None else np.asarray(x, dtype=float)
    fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.6), gridspec_kw={"width_ratios": [1, 1.45]})
    z = np.linspace(-8, 8, 321)
    left.plot(z, sigmoid(z), color=_COLOURS["sigmoid"], lw=2.2)
    left.plot([0], [0.5], "o", color="black", ms=6)
    left.annotate("σ(0) = 0.5", xy=(0, 0.5), xytext=(1.2, 0.35), fontsize=9)
    left.axhline(0.5, color="#aaaaaa", lw=0.8, ls=":")
    left.set_xlim(z[0], z[-1]), left.set_ylim(-0.05, 1.05)
    left.set_xlabel("z"), left.set_ylabel("σ(z)"), left.grid(alpha=0.3)
    left.set_title(r"The sigmoid $\sigma(z) = 1\,/\,(1 + e^{-z})$", fontsize=11)
    lines = plot_neuron_curves(settings, x=x, ax=right, title="A neuron a = σ(w x + b): switches at x = −b/w")
    right.title.set_fontsize(11)
    fig.tight_layout()
    return fig, lines


TWO_PIXEL_RANGE = (-0.25, 1.25)
"""The stretch of pixel values drawn around the unit square in two-pixel pictures."""


def two_pixel_boundary(w1, w2, b):
    """The decision boundary ``w1 a1 + w2 a2 + b = 0`` across :data:`TWO_PIXEL_RANGE`, as ``(a1s, a2s)``.

    Both are lists of two coordinates (the line's ends), or empty when ``w1 = w2 = 0`` (no boundary).
    """
    ends = list(TWO_PIXEL_RANGE)
    if w2 != 0:
        return ends, [-(w1 * end + b) / w2 for end in ends]
    if w1 != 0:
        return [-b / w1] * 2, ends
    return [], []


def plot_two_pixel_neurons(settings, titles=None, size=2.8):
    """Small pictures of a neuron on two pixels, ``sigmoid(w1 a1 + w2 a2 + b)``, one per ``(w1, w2, b)``.

    Each panel shades the output over the unit square (black 0, white 1), draws the decision boundary
    ``w1 a1 + w2 a2 + b = 0`` dashed and prints the output at the four black/white corner images.

    Returns
    -------
    matplotlib.figure.Figure
    """
    settings = [tuple(float(v) for v in s) for s in settings]
    if any(len(s) != 3 for s in settings):
        raise ValueError("each setting must be (w1, w2, b)")
    fig, axes = plt.subplots(1, len(settings), figsize=(size * len(settings), size + 0.5), squeeze=False)
    grid = np.linspace(*TWO_PIXEL_RANGE, 121)
    a1, a2 = np.meshgrid(grid, grid)
    corners = np.array([[0, 0], [1, 0], [0, 1], [1, 1]], dtype=float)
    for k, (ax, (w1, w2, b)) in enumerate(zip(axes[0], settings)):
        ax.imshow(sigmoid(w1 * a1 + w2 * a2 + b), origin="lower", extent=TWO_PIXEL_RANGE * 2,
                  cmap=ACTIVATION_CMAP, vmin=0, vmax=1)
        ax.plot(*two_pixel_boundary(w1, w2, b), "--", color=NEGATIVE, lw=2)
        outputs = sigmoid(corners @ np.array([w1, w2]) + b)
        ax.scatter(corners[:, 0], corners[:, 1], s=60, c=outputs, cmap=ACTIVATION_CMAP, vmin=0, vmax=1,
                   edgecolors=POSITIVE, linewidths=2, zorder=3)
        for (cx, cy), value in zip(corners, outputs):
            ax.text(cx + (-0.07 if cx else 0.07), cy + (-0.07 if cy else 0.07), f"{value:.2f}", fontsize=9,
                    ha="right" if cx else "left", va="top" if cy else "bottom",
                    bbox={"facecolor": "white", "edgecolor": POSITIVE, "alpha": 0.9, "pad": 1.5})
        ax.set_xlim(*TWO_PIXEL_RANGE), ax.set_ylim(*TWO_PIXEL_RANGE)
        ax.set_xlabel("pixel a1"), ax.set_ylabel("pixel a2")
        name = titles[k] if titles else ""
        ax.set_title(f"{name}\nw1 = {w1:g}, w2 = {w2:g}, b = {b:g}".strip(), fontsize=9)
    fig.tight_layout()
    return fig


def plot_layer_gradients(sizes_by_name, ax=None, title="How much gradient reaches each layer",
                         ylabel="mean |dC/dw| (log scale)", xlabel="layer of weights (1 = next to the input)"):
    """Average gradient size per layer of weights, one line per network, on a log scale.

    Parameters
    ----------
    sizes_by_name : dict of str -> array of shape (n_layers,) or (n_runs, n_layers)
        For each network (e.g. "sigmoid", "relu") the mean |dC/dw| of layer 1, 2, ... (input side first).
        With several runs (one row per seed), the line is their geometric mean and a shaded band spans
        their smallest to largest value.
    ax : matplotlib.axes.Axes, optional
    ylabel, xlabel : str
        The axis labels (the defaults name the weights' gradient and the layers of weights).

    Returns
    -------
    list of matplotlib.lines.Line2D
    """
    own_figure = ax is None
    if own_figure:
        _, ax = plt.subplots(figsize=(6.5, 3.8))
    lines, banded = [], 0                    # banded: the most runs (seeds) of one network
    for k, (name, sizes) in enumerate(sizes_by_name.items()):
        sizes = np.atleast_2d(np.asarray(sizes, dtype=float))
        layers = np.arange(1, sizes.shape[1] + 1)
        colour = _COLOURS.get(name, plt.get_cmap("viridis")(0.15 + 0.3 * k))
        middle = np.exp(np.mean(np.log(sizes), axis=0))
        lines.append(ax.semilogy(layers, middle, "o-", lw=2, color=colour, label=name)[0])
        if sizes.shape[0] > 1:
            ax.fill_between(layers, sizes.min(axis=0), sizes.max(axis=0), color=colour, alpha=0.2, lw=0)
            banded = max(banded, sizes.shape[0])
        ax.set_xticks(layers)
    ax.set_xlabel(xlabel), ax.set_ylabel(ylabel)
    ax.set_title(title), ax.grid(alpha=0.3)
    ax.legend(title=f"line: geometric mean over the {banded} seeds; band: range" if banded else None,
              title_fontsize=9, fontsize=9)
    if own_figure:                  # a caller that passed its axes lays out its own figure, once
        ax.figure.tight_layout()
    return lines


def plot_backward_signal(delta_sizes, weight_sizes, title=None):
    """Two views of the gradient in a deep network, one line per network, log scales (see :func:`plot_layer_gradients`).

    Left: the backward signal, the mean |dC/dz| of each hidden layer (how much the cost changes per unit
    nudge of a neuron's weighted input). Right: the mean |dC/dw| of each layer of weights, which is the
    backward signal of its neurons times the activations feeding them.

    Parameters
    ----------
    delta_sizes : dict of str -> array of shape (n_hidden,) or (n_runs, n_hidden)
    weight_sizes : dict of str -> array of shape (n_layers,) or (n_runs, n_layers)
    title : str, optional

    Returns
    -------
    matplotlib.figure.Figure
    """
    fig, (left, right) = plt.subplots(1, 2, figsize=(12, 4.0))
    plot_layer_gradients(delta_sizes, ax=left, title="Backward signal of each hidden layer",
                         ylabel="mean |dC/dz| (log scale)", xlabel="hidden layer (1 = next to the input)")
    plot_layer_gradients(weight_sizes, ax=right, title="Gradient of each layer of weights")
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig


def plot_sigmoid(z=None, ax=None):
    """The sigmoid ``1 / (1 + exp(-z))`` with its limits 0 and 1 dashed and its midpoint ``(0, 1/2)`` marked.

    Parameters
    ----------
    z : 1-D array, optional
        Weighted inputs to plot over (default 401 points from -8 to 8).
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.lines.Line2D
        The curve.
    """
    z = np.linspace(-8, 8, 401) if z is None else np.asarray(z, dtype=float)
    ax = new_axes(ax, (7.5, 3.6))
    (line,) = ax.plot(z, sigmoid(z), color=_COLOURS["sigmoid"], lw=2.5)
    for level in (0.0, 1.0):
        ax.axhline(level, color="#777777", lw=1, ls="--")
    ax.plot([0], [0.5], "o", color=_COLOURS["sigmoid"], ms=7)
    ax.annotate("σ(0) = 0.5: the steepest point", (0, 0.5), xytext=(0.6, 0.3), fontsize=10)
    span = z[-1] - z[0]
    ax.text(z[0] + 0.03 * span, 0.06, "very negative z: σ(z) near 0", fontsize=10, ha="left", va="bottom")
    ax.text(z[-1] - 0.03 * span, 0.94, "very positive z: σ(z) near 1", fontsize=10, ha="right", va="top")
    ax.set_xlim(z[0], z[-1]), ax.set_ylim(-0.08, 1.08)
    ax.set_xlabel("weighted input z"), ax.set_ylabel("activation σ(z)")
    ax.set_title("The sigmoid σ(z) = 1 / (1 + e^(-z)) squishes every number into (0, 1)")
    ax.grid(alpha=0.3)
    ax.figure.tight_layout()
    return line


def plot_fits(x, target, fits, ax=None, title="What each model can fit"):
    """Points to fit (dots) and the outputs of several models over the same inputs (lines).

    Parameters
    ----------
    x : 1-D array, shape (n,)
        The inputs, in increasing order.
    target : 1-D array, shape (n,)
        The outputs wanted.
    fits : dict of str -> 1-D array of shape (n,)
        For each model (legend label) its outputs at ``x``.
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    list of matplotlib.lines.Line2D
        The models' lines, in the order of ``fits``.
    """
    x, target = np.asarray(x, dtype=float), np.asarray(target, dtype=float)
    ax = new_axes(ax, (7.5, 3.6))
    ax.plot(x, target, ".", color="#444444", ms=5, label="wanted")
    colours = [NEGATIVE, POSITIVE, _COLOURS["tanh"], _COLOURS["relu"]]
    lines = [ax.plot(x, np.asarray(values, dtype=float), lw=2.2, color=colours[k % len(colours)], label=label)[0]
             for k, (label, values) in enumerate(fits.items())]
    low, high = min(target.min(), 0.0), max(target.max(), 1.0)
    ax.set_ylim(low - 0.08 * (high - low), high + 0.45 * (high - low))     # room for the legend above the data
    ax.set_xlabel("input x"), ax.set_ylabel("output")
    ax.set_title(title), ax.grid(alpha=0.3), ax.legend(fontsize=9, loc="upper center", ncol=3)
    ax.figure.tight_layout()
    return lines


def plot_step_and_sigmoid(z=None):
    """A step function against the sigmoid (left) and their slopes (right).

    The step is 0 for ``z < 0`` and 1 for ``z > 0``; its slope is 0 on both sides, and at ``z = 0``,
    where it jumps, it has none (an open circle marks the gap).

    Parameters
    ----------
    z : 1-D array, optional
        Weighted inputs to plot over (default 601 points from -6 to 6).

    Returns
    -------
    matplotlib.figure.Figure
    """
    z = np.linspace(-6, 6, 601) if z is None else np.asarray(z, dtype=float)
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 3.6))
    step_colour, sigmoid_colour = _COLOURS["identity"], _COLOURS["sigmoid"]
    negative, positive = z[z < 0], z[z > 0]
    left.plot(negative, np.zeros_like(negative), color=step_colour, lw=2.5, label="step")
    left.plot(positive, np.ones_like(positive), color=step_colour, lw=2.5)
    left.plot(z, sigmoid(z), color=sigmoid_colour, lw=2, label="sigmoid")
    right.plot(negative, np.zeros_like(negative), color=step_colour, lw=2.5, label="step' (0, none at the jump)")
    right.plot(positive, np.zeros_like(positive), color=step_colour, lw=2.5)
    right.plot([0], [0], "o", ms=8, mfc="white", color=step_colour)
    right.plot(z, sigmoid(z) * (1 - sigmoid(z)), color=sigmoid_colour, lw=2, label="sigmoid'")
    left.set_title("A step and the sigmoid"), left.set_ylabel("activation a")
    right.set_title("Their slopes: the step's is 0 wherever it exists"), right.set_ylabel("slope da/dz")
    right.set_ylim(-0.03, 0.36)
    for ax in (left, right):
        ax.set_xlabel("weighted input z"), ax.grid(alpha=0.3), ax.legend(fontsize=9, loc="upper left")
    fig.tight_layout()
    return fig


def plot_weighted_inputs(z, marked=None, marked_label="one digit's z's", flat=6.0, ax=None,
                         title="Where the weighted inputs of hidden layer 1 fall on the sigmoid"):
    """How a layer's weighted inputs ``z`` are spread (grey bars, left axis), against the sigmoid (right axis).

    Lesson 1: with the standard random start most ``z`` of the first hidden layer land where the sigmoid
    is flat. The stretches ``|z| > flat`` are shaded; ``marked`` (e.g. the ``z`` of one digit) are drawn as
    ticks under the bars. The bars are one unit of ``z`` wide and cover every value.

    Parameters
    ----------
    z : array
        Weighted inputs, any shape (e.g. 10,000 digits x 16 neurons).
    marked : 1-D array, optional
        A few ``z`` to mark, e.g. one digit's 16.
    marked_label : str
        What the key calls them.
    flat : float
        Where the shading starts: ``sigmoid(flat)`` is within ``1 - sigmoid(flat)`` of 1.
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes
        The axes of the bars (the sigmoid is on a twin axis).
    """
    z = np.asarray(z, dtype=float).ravel()
    if z.size == 0 or not np.all(np.isfinite(z)):
        raise ValueError("z must hold finite numbers")
    flat = float(flat)
    if not flat > 0:
        raise ValueError(f"flat must be positive, got {flat}")
    ax = new_axes(ax, (9, 3.8))
    edge = float(np.ceil(max(np.abs(z).max(), flat + 1)))
    bins = np.arange(-edge, edge + 1)
    counts, _ = np.histogram(z, bins)
    bars = ax.bar(bins[:-1] + 0.5, 100 * counts / z.size, width=1.0, color="#9a9a9a")
    handles, labels = [bars], [f"the {z.size:,} z's"]
    shade = "#fdd9b5"
    for low, high in ((-edge, -flat), (flat, edge)):
        ax.axvspan(low, high, color=shade, alpha=0.45, lw=0, zorder=0)
    handles.append(Patch(color=shade, alpha=0.45))
    labels.append(f"|z| > {flat:g}: σ within {1 - float(sigmoid(flat)):.4f} of 0 or 1")
    if marked is not None:
        marked = np.asarray(marked, dtype=float).ravel()
        (ticks,) = ax.plot(marked, np.zeros_like(marked), ls="", marker="|", ms=16, mew=2, color="black",
                           clip_on=False)
        handles.append(ticks), labels.append(marked_label)
    ax.set_xlim(-edge, edge)
    ax.set_xlabel("weighted input z"), ax.set_ylabel("share of the z's (%)")
    curve_axis = ax.twinx()
    grid = np.linspace(-edge, edge, 801)
    (curve,) = curve_axis.plot(grid, sigmoid(grid), color=_COLOURS["sigmoid"], lw=2.2)
    curve_axis.set_ylim(-0.02, 1.02), curve_axis.set_ylabel("σ(z)")
    handles.append(curve), labels.append("σ(z), right axis")
    ax.legend(handles, labels, fontsize=9, loc="upper left")
    ax.set_title(title)
    ax.figure.tight_layout()
    return ax
