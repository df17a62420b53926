"""Curves: the sigmoid and one neuron's response (lessons 2-3), activation functions, what a network without them cannot
fit, and the gradient reaching each layer (lesson 3)."""

import matplotlib.pyplot as plt
import numpy as np

from ..activations import ACTIVATIONS, sigmoid
from .style import ACTIVATION_CMAP, NEGATIVE, POSITIVE, new_axes

_COLOURS = {"sigmoid": "#1b9e77", "relu": "#7570b3", "tanh": "#d95f02", "identity": "#666666"}


def plot_activations(names=("sigmoid", "relu", "tanh"), z=None, derivatives=True):
    """Plot activation functions (left) and their derivatives (right).

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
        axes[0, 0].plot(z, act.function(z), label=name, color=_COLOURS.get(name), lw=2)
        if derivatives:
            z_slope, slope = z, act.prime(z)
            if name == "relu":      # no slope at the kink z = 0: a gap there, not a vertical line from 0 to 1
                kink = np.searchsorted(z, 0.0, side="right")
                z_slope, slope = np.insert(z, kink, np.nan), np.insert(slope, kink, np.nan)
            axes[0, 1].plot(z_slope, slope, label=f"{name}'", color=_COLOURS.get(name), lw=2)
    titles = ["Activation functions a = f(z)", "Their derivatives f'(z) (slopes)"]
    for ax, title in zip(axes[0], titles):
        ax.axhline(0, color="#999999", lw=0.8), ax.axvline(0, color="#999999", lw=0.8)
        ax.set_xlabel("weighted input z"), ax.set_title(title), ax.legend(), ax.grid(alpha=0.3)
    axes[0, 0].set_ylabel("activation a")
    axes[0, 0].set_ylim(-1.2, 2.2)
    if derivatives:
        axes[0, 1].set_ylabel("slope da/dz")
        axes[0, 1].set_ylim(-0.1, 1.2)
    fig.tight_layout()
    return fig


def plot_neuron_curves(settings, x=None, ax=None, title="One neuron a = sigmoid(w·x + b) for a few weights and biases"):
    """Curves ``sigmoid(w x + b)`` for several ``(w, b)`` pairs, each with its threshold ``x = -b/w`` marked.

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
    if ax is None:
        _, ax = plt.subplots(figsize=(7.5, 3.8))
    colours = plt.get_cmap("viridis")(np.linspace(0, 0.85, len(settings)))
    lines = []
    for (w, b), colour in zip(settings, colours):
        label = f"w = {w:g}, b = {b:g}"
        if w != 0:
            threshold = -b / w + 0.0
            label += f" (threshold x = {threshold:g})"
            ax.plot([threshold], [0.5], "o", color=colour, ms=6)
        lines.append(ax.plot(x, sigmoid(w * x + b), color=colour, lw=2.2, label=label)[0])
    ax.axhline(0.5, color="#aaaaaa", lw=0.8, ls=":")
    ax.set_xlim(x[0], x[-1]), ax.set_ylim(-0.05, 1.05)
    ax.set_xlabel("input x"), ax.set_ylabel("activation a")
    ax.set_title(title), ax.grid(alpha=0.3), ax.legend(fontsize=8, loc="center left", bbox_to_anchor=(1.01, 0.5))
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


def plot_layer_gradients(sizes_by_name, ax=None, title="How much gradient reaches each layer"):
    """Average gradient size per layer of weights, one line per network, on a log scale.

    Parameters
    ----------
    sizes_by_name : dict of str -> sequence of float
        For each network (e.g. "sigmoid", "relu") the mean |dC/dw| of layer 1, 2, ... (input side first).
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    list of matplotlib.lines.Line2D
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(6.5, 3.8))
    lines = []
    for name, sizes in sizes_by_name.items():
        sizes = np.asarray(sizes, dtype=float)
        layers = np.arange(1, sizes.size + 1)
        lines.append(ax.semilogy(layers, sizes, "o-", lw=2, color=_COLOURS.get(name), label=name)[0])
        ax.set_xticks(layers)
    ax.set_xlabel("layer of weights (1 = next to the input)"), ax.set_ylabel("mean |dC/dw| (log scale)")
    ax.set_title(title), ax.grid(alpha=0.3, which="both"), ax.legend()
    ax.figure.tight_layout()
    return lines


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
    ax.text(z[0], 0.06, "very negative z: σ(z) near 0", fontsize=10, ha="left", va="bottom")
    ax.text(z[-1], 0.94, "very positive z: σ(z) near 1", fontsize=10, ha="right", va="top")
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
