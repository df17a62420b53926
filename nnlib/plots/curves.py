"""Curves: one neuron's response (lessons 2-3), activation functions and the gradient reaching each layer (lesson 3)."""

import matplotlib.pyplot as plt
import numpy as np

from ..activations import ACTIVATIONS, sigmoid
from .style import ACTIVATION_CMAP, NEGATIVE, POSITIVE

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
            axes[0, 1].plot(z, act.prime(z), label=f"{name}'", color=_COLOURS.get(name), lw=2)
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
