"""Figures of gradient descent (lessons 4 and 5): walks on a curve, paths on a contour map,
gradient arrows, cost curves, the coordinates of a walk step by step, and the largest components of
a network's negative gradient.
"""

import matplotlib.pyplot as plt
import numpy as np

from .style import NEGATIVE, POSITIVE, new_axes

PATH_COLOURS = ("#e7298a", "#1b9e77", "#d95f02", "#7570b3", "#66a61e", "#a6761d")


def plot_descent_1d(function, paths, x_range=(-5.0, 6.0), labels=None, ax=None, title=None):
    """A function of one variable and gradient-descent walks on it, one colour per walk.

    Parameters
    ----------
    function : callable
        Evaluated element-wise on an array of x values.
    paths : list of arrays of shape (n_steps + 1,)
        The points each walk visited (``gradient_descent(...).path``).
    x_range : (float, float)
    labels : list of str, optional
        One legend entry per walk.

    Returns
    -------
    matplotlib.axes.Axes
    """
    ax = new_axes(ax, (9, 4.5))
    xs = np.linspace(*x_range, 600)
    ax.plot(xs, function(xs), color="#444444", lw=2, zorder=1)
    for k, path in enumerate(paths):
        colour = PATH_COLOURS[k % len(PATH_COLOURS)]
        path = np.asarray(path, dtype=float)
        label = labels[k] if labels is not None else f"start {path[0]:.1f}"
        ax.plot(path, function(path), "o-", color=colour, ms=4, lw=1, alpha=0.85, label=label, zorder=2)
        ax.plot(path[0], function(path[0]), "s", color=colour, ms=9, mec="black", zorder=3)
        ax.plot(path[-1], function(path[-1]), "*", color=colour, ms=16, mec="black", zorder=3)
    ax.set_xlabel("x (the one parameter)")
    ax.set_ylabel("cost f(x)")
    ax.set_title(title or "Gradient descent from several starts (square = start, star = end)")
    ax.grid(alpha=0.3)
    ax.legend(fontsize=9)
    return ax


def _grid(xlim, ylim, n):
    xs, ys = np.linspace(*xlim, n), np.linspace(*ylim, n)
    gx, gy = np.meshgrid(xs, ys)
    return gx, gy, np.stack([gx, gy], axis=-1)


def plot_contour(function, xlim=(-2.0, 2.0), ylim=(-2.0, 2.0), levels=15, ax=None, title=None,
                 labels=("x", "y")):
    """Contour map of a function of two variables (``function(points)`` with points of shape (..., 2)).

    The axes keep these limits afterwards, so a path that runs away (divergence) leaves the map.
    Returns the Axes.
    """
    ax = new_axes(ax, (6, 5))
    gx, gy, points = _grid(xlim, ylim, 201)
    values = function(points)
    ax.contourf(gx, gy, values, levels=levels, cmap="Greys", alpha=0.45)
    ax.contour(gx, gy, values, levels=levels, colors="#777777", linewidths=0.6)
    ax.set_xlim(xlim), ax.set_ylim(ylim)
    ax.set_xlabel(labels[0]), ax.set_ylabel(labels[1])
    ax.set_aspect("equal")
    ax.set_autoscale_on(False)
    if title:
        ax.set_title(title)
    return ax


def plot_gradient_arrows(gradient, xlim=(-2.0, 2.0), ylim=(-2.0, 2.0), n=9, ax=None, colour=POSITIVE):
    """Arrows of the gradient (direction of steepest ascent) on an ``n`` x ``n`` grid of points.

    Arrow lengths are proportional to the gradient's length (how steep). Returns the Quiver.
    """
    ax = new_axes(ax, (6, 5))
    gx, gy, points = _grid(xlim, ylim, n)
    g = gradient(points)
    return ax.quiver(gx, gy, g[..., 0], g[..., 1], color=colour, angles="xy", width=0.004, zorder=3)


def plot_path(path, ax, label=None, colour=None, marker="o"):
    """A walk on a contour map: points joined by lines, start as a square. Returns the Line2D."""
    path = np.asarray(path, dtype=float)
    (line,) = ax.plot(path[:, 0], path[:, 1], marker=marker, ms=3.5, lw=1.3, color=colour, label=label, zorder=4)
    ax.plot(path[0, 0], path[0, 1], "s", color=line.get_color(), ms=8, mec="black", zorder=5)
    return line


def plot_cost_curves(curves, ax=None, xlabel="step", title="Cost after each step", log=True):
    """Cost per step of several descents: ``curves`` maps a label to a 1-D array of costs.

    A logarithmic y axis (``log=True``) shows both fast convergence and divergence. Returns the Axes.
    """
    ax = new_axes(ax, (6, 4))
    for k, (label, costs) in enumerate(curves.items()):
        ax.plot(np.arange(len(costs)), costs, "-", color=PATH_COLOURS[k % len(PATH_COLOURS)], lw=1.5, label=label)
    if log:
        ax.set_yscale("log")
    ax.set_xlabel(xlabel), ax.set_ylabel("cost"), ax.set_title(title)
    ax.grid(alpha=0.3, which="both")
    ax.legend(fontsize=9)
    return ax


def plot_gradient_components(values, names, ax=None, title="Largest nudges of the negative gradient"):
    """Horizontal bars of some gradient components, blue for positive (nudge up), red for negative.

    ``values`` (k,) and ``names`` (k,) as given by :func:`nnlib.nudges.largest_components`.
    Returns the Axes.
    """
    values = np.asarray(values, dtype=float)
    ax = new_axes(ax, (7, 0.32 * len(values) + 1.2))
    rows = np.arange(len(values))[::-1]
    ax.barh(rows, values, color=[POSITIVE if v >= 0 else NEGATIVE for v in values])
    ax.set_yticks(rows, names, fontsize=8)
    ax.axvline(0, color="#555555", lw=0.8)
    ax.set_xlabel("component of -gradient (positive: nudge this parameter up)")
    ax.set_title(title)
    ax.grid(alpha=0.3, axis="x")
    plt.setp(ax.get_yticklabels(), family="monospace")
    return ax


def plot_coordinates(path, labels=("x", "y"), ax=None, title="The walk's coordinates after each step"):
    """Each coordinate of a walk against the step number, one line per coordinate.

    Unlike a contour map, this shows a whole walk whatever its size, so a divergence (a coordinate
    that grows without end) stays in the picture.

    Parameters
    ----------
    path : array of shape (n_steps + 1, n)
        The points the walk visited (``gradient_descent(...).path``).
    labels : sequence of n str
        The coordinates' names, for the legend.
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    list of matplotlib.lines.Line2D
        One line per coordinate.
    """
    path = np.asarray(path, dtype=float)
    if path.ndim != 2 or path.shape[1] != len(labels):
        raise ValueError(f"path must have shape (n_steps + 1, {len(labels)}) for the labels {tuple(labels)}, "
                         f"got {path.shape}")
    ax = new_axes(ax, (8, 3.6))
    steps = np.arange(path.shape[0])
    lines = [ax.plot(steps, path[:, k], "o-", ms=3.5, lw=1.3, color=PATH_COLOURS[(k + 3) % len(PATH_COLOURS)],
                     label=label)[0] for k, label in enumerate(labels)]
    ax.axhline(0, color="#555555", lw=0.8)
    ax.set_xlabel("step"), ax.set_ylabel("coordinate"), ax.set_title(title)
    ax.grid(alpha=0.3), ax.legend(fontsize=9)
    return lines
