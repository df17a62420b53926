"""Figures of gradient descent (lessons 4 and 5): walks on a curve, paths on a contour map,
gradient arrows, the slope in every direction, the factor a step multiplies each coordinate by, cost
curves, the coordinates of a walk step by step, and the largest components of a network's negative
gradient.
"""

import matplotlib
import matplotlib.pyplot as plt
import numpy as np

from .style import NEGATIVE, POSITIVE, new_axes

PATH_COLOURS = ("#e7298a", "#1b9e77", "#d95f02", "#7570b3", "#66a61e", "#a6761d")
X_COLOUR, Y_COLOUR = PATH_COLOURS[3], PATH_COLOURS[4]
"""The coordinates x (purple) and y (green) of a walk, in :func:`plot_coordinates` and :func:`plot_step_factors`."""
RATE_COLOURS = (PATH_COLOURS[0], PATH_COLOURS[1], PATH_COLOURS[2], PATH_COLOURS[5])
"""Walks compared by learning rate (pink, teal, orange, brown): purple and green stay for x and y."""


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

    Walks that end at the same point (to 3 decimals) draw their stars on top of each other; a label
    above such a star says how many walks end there.

    Returns
    -------
    matplotlib.axes.Axes
    """
    ax = new_axes(ax, (9, 4.5))
    xs = np.linspace(*x_range, 600)
    ax.plot(xs, function(xs), color="#444444", lw=2, zorder=1)
    ends = {}                                    # end point (to 3 decimals) -> the walks that end there
    for k, path in enumerate(paths):
        colour = PATH_COLOURS[k % len(PATH_COLOURS)]
        path = np.asarray(path, dtype=float)
        label = labels[k] if labels is not None else f"start {path[0]:.1f}"
        ax.plot(path, function(path), "o-", color=colour, ms=4, lw=1, alpha=0.85, label=label, zorder=2)
        ax.plot(path[0], function(path[0]), "s", color=colour, ms=9, mec="black", zorder=3)
        ax.plot(path[-1], function(path[-1]), "*", color=colour, ms=16, mec="black", zorder=3)
        ends.setdefault(round(float(path[-1]), 3), []).append(k)
    for end, walkers in ends.items():            # stars drawn on top of each other: say so
        if len(walkers) > 1:
            ax.annotate(f"{len(walkers)} walks end here", (end, float(function(np.array([end]))[0])),
                        textcoords="offset points", xytext=(0, 16), ha="center", va="bottom", fontsize=8, zorder=4,
                        bbox=dict(boxstyle="round,pad=0.2", fc="white", ec="#999999", alpha=0.9))
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
                 labels=("x", "y"), colorbar=False, resolution=201):
    """Contour map of a function of two variables (``function(points)`` with points of shape (..., 2)).

    The axes keep these limits afterwards, so a path that runs away (divergence) leaves the map.
    ``colorbar=True`` adds a key of the grey levels labelled "cost" (a string: that label instead);
    ``resolution`` is the number of grid points per axis (fewer draw faster, for small maps).
    Returns the Axes.
    """
    ax = new_axes(ax, (6, 5))
    gx, gy, points = _grid(xlim, ylim, resolution)
    values = function(points)
    filled = ax.contourf(gx, gy, values, levels=levels, cmap="Greys", alpha=0.45)
    ax.contour(gx, gy, values, levels=levels, colors="#777777", linewidths=0.6)
    ax.set_xlim(xlim), ax.set_ylim(ylim)
    ax.set_xlabel(labels[0]), ax.set_ylabel(labels[1])
    ax.set_aspect("equal")
    ax.set_autoscale_on(False)
    if colorbar:
        key = ax.figure.colorbar(filled, ax=ax, shrink=0.85, pad=0.03)
        key.set_label(colorbar if isinstance(colorbar, str) else "cost")
    if title:
        ax.set_title(title)
    return ax


def plot_surface(function, xlim=(-2.0, 2.0), ylim=(-2.0, 2.0), ax=None, title=None, labels=("x", "y", "cost"),
                 resolution=41, levels=15):
    """A function of two variables drawn as a 3-D surface, the landscape a contour map shows from above.

    Parameters
    ----------
    function : callable
        ``function(points)`` with points of shape (..., 2), returning shape (...) (as for :func:`plot_contour`).
    xlim, ylim : (float, float)
        The square of the plane drawn.
    ax : a 3-D Axes (``projection="3d"``), optional
        Made in a new figure when not given.
    labels : (str, str, str)
        The names of the two inputs and of the height.
    resolution : int
        Grid points per axis (41 x 41: a smooth surface that renders quickly).
    levels : int
        The number of contour levels drawn on the floor below the surface, as on the contour map. The floor lies
        below the lowest value; the height axis is labelled only over the values the function takes.

    Returns
    -------
    The 3-D Axes.
    """
    if ax is None:
        ax = plt.figure(figsize=(6, 5)).add_subplot(projection="3d")
    gx, gy, points = _grid(xlim, ylim, resolution)
    values = function(points)
    floor = float(np.min(values)) - 0.35 * float(np.ptp(values))
    ax.plot_surface(gx, gy, values, cmap="Greys", alpha=0.8, linewidth=0.25, edgecolor="#666666",
                    rstride=2, cstride=2, vmin=floor)
    ax.contour(gx, gy, values, levels=levels, colors="#777777", linewidths=0.6, offset=floor)
    ax.set_zlim(floor, float(np.max(values)))
    # the floor only carries the contours: label heights the function takes, not the negative ones below it
    ticks = [tick for tick in ax.get_zticks() if float(np.min(values)) - 1e-9 <= tick <= float(np.max(values)) + 1e-9]
    ax.set_zticks(ticks)
    ax.set_xlim(xlim), ax.set_ylim(ylim)
    ax.set_xticks(np.linspace(*xlim, 5)), ax.set_yticks(np.linspace(*ylim, 5))
    ax.set_xlabel(labels[0]), ax.set_ylabel(labels[1]), ax.set_zlabel(labels[2])
    ax.view_init(elev=28, azim=-58)
    if title:
        ax.set_title(title)
    return ax


def plot_gradient_arrows(gradient, xlim=(-2.0, 2.0), ylim=(-2.0, 2.0), n=9, ax=None, colour=POSITIVE, key=True,
                         mark=None):
    """Arrows of the gradient (direction of steepest ascent) at the centres of an ``n`` x ``n`` grid of cells.

    Each arrow is centred on its point, and its length is proportional to the gradient's length (how
    steep), scaled so that the longest fills 0.9 of a cell: every arrow stays inside the frame.
    ``key`` adds an arrow key below the map (the length of a round gradient); ``mark`` a point (x, y)
    drawn as a black dot with its own gradient as a black arrow starting there (same scale), labelled
    with both. Returns the Quiver.
    """
    ax = new_axes(ax, (6, 5))
    cell_x, cell_y = (xlim[1] - xlim[0]) / n, (ylim[1] - ylim[0]) / n
    gx, gy = np.meshgrid(xlim[0] + cell_x * (np.arange(n) + 0.5), ylim[0] + cell_y * (np.arange(n) + 0.5))
    g = gradient(np.stack([gx, gy], axis=-1))
    longest = float(np.max(np.hypot(g[..., 0], g[..., 1])))
    scale = longest / (0.9 * min(cell_x, cell_y)) if longest > 0 else 1.0      # gradient units per axis unit
    quiver = ax.quiver(gx, gy, g[..., 0], g[..., 1], color=colour, angles="xy", scale_units="xy", scale=scale,
                       pivot="mid", width=0.005, zorder=3)
    if key and longest > 0:
        size = float(np.round(longest / 2)) or longest / 2
        ax.quiverkey(quiver, 0.97, -0.17, size, f"arrow key: a gradient of length {size:g}", labelpos="W",
                     coordinates="axes", fontproperties={"size": 9})
    if mark is not None:
        at = gradient(np.asarray(mark, dtype=float))
        ax.quiver(*mark, *at, color="black", angles="xy", scale_units="xy", scale=scale, width=0.008, zorder=5)
        ax.plot(*mark, "o", color="black", ms=5, zorder=5)
        ax.annotate(f"({mark[0]:g}, {mark[1]:g}), ∇C = ({at[0]:g}, {at[1]:g})", mark, xytext=(-6, 9),
                    textcoords="offset points", ha="right", fontsize=10, zorder=5,
                    bbox={"fc": "white", "ec": "none", "alpha": 0.85, "pad": 1})
    return quiver


def plot_directional_slopes(angles, slopes, gradient, ax=None, title="Slope in every direction"):
    """Slopes measured in many directions (dots) against the derived ``‖∇C‖ cos θ`` (a thick line).

    Parameters
    ----------
    angles : array of shape (n,)
        The directions, in degrees from the x axis (0 to 360).
    slopes : array of shape (n,)
        The slope measured in each direction.
    gradient : array of shape (2,)
        The gradient at that point; θ is the angle between a direction and it.

    Returns
    -------
    matplotlib.axes.Axes
    """
    ax = new_axes(ax, (6, 4))
    angles, slopes = np.asarray(angles, dtype=float), np.asarray(slopes, dtype=float)
    gradient = np.asarray(gradient, dtype=float)
    length = float(np.linalg.norm(gradient))
    along = float(np.degrees(np.arctan2(gradient[1], gradient[0]))) % 360
    fine = np.linspace(0, 360, 721)
    ax.plot(fine, length * np.cos(np.radians(fine - along)), "-", color=POSITIVE, lw=6, alpha=0.45, zorder=2,
            label="‖∇C‖ cos θ (derived)")
    ax.plot(angles, slopes, "o", color="black", ms=1.6, zorder=3, label="measured")
    ax.axhline(0, color="#555555", lw=0.8)
    for offset, text in ((0, "along ∇C"), (90, "along the contour"), (180, "against ∇C")):
        angle = (along + offset) % 360
        ax.axvline(angle, color="#999999", lw=0.8, ls="--")
        if offset == 180:                                       # each label where the curve is not
            ax.text(angle - 3, -0.6 * length, f"{text}\n({angle:.1f}°)", fontsize=9, va="bottom", ha="right")
        elif offset == 90:
            ax.text(angle + 3, 0.45 * length, f"{text}\n({angle:.1f}°)", fontsize=9, va="center", ha="left")
        else:
            ax.text(angle + 3, -0.97 * length, f"{text}\n({angle:.1f}°)", fontsize=9, va="bottom", ha="left")
    ax.set_xlim(0, 360)
    ax.set_xticks(np.arange(0, 361, 45))
    ax.set_xlabel("direction u (degrees from the x axis)")
    ax.set_ylabel("slope of C in direction u")
    ax.set_title(title)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=9, loc="upper center", bbox_to_anchor=(0.56, 1.0))
    return ax


def plot_step_factors(curvatures=(3.0, 1.0), rates=None, labels=("x", "y"), ax=None, max_rate=1.0,
                      title="What one step multiplies each coordinate by"):
    """The size of the factor ``|1 - rate k|`` a step multiplies each coordinate by, against the learning rate.

    On a bowl of curvatures ``k`` (one per coordinate, e.g. 3 and 1 for 3/2 x^2 + 1/2 y^2) a step of
    gradient descent multiplies each coordinate by ``1 - rate k``. A grey band shows the larger factor,
    which sets how fast the walk goes; dashed lines mark where the steepest coordinate starts to zig-zag
    (1/k_max), the best rate (2/(k_max + k_min)) and the limit (2/k_max). ``rates`` are marked with dots in
    :data:`RATE_COLOURS`, in order. Returns the Axes.
    """
    ax = new_axes(ax, (6, 4))
    eta = np.linspace(0, max_rate, 801)
    factors = [np.abs(1 - eta * k) for k in curvatures]
    ax.plot(eta, np.max(factors, axis=0), "-", color="#bbbbbb", lw=7, zorder=1,
            label="the larger of the two: sets the walk's speed")
    for k, factor, colour, name in zip(curvatures, factors, (X_COLOUR, Y_COLOUR), labels):
        term = "η" if k == 1 else f"{k:g}η"
        ax.plot(eta, factor, "-", color=colour, lw=1.6, zorder=2, label=f"|1 − {term}|: one step's factor on {name}")
    ax.axhline(1, color="#555555", lw=0.8)
    ax.text(0.04 * max_rate, 1.03, "above 1: the walk grows", ha="left", va="bottom", fontsize=9, color="#555555")
    k_max, k_min = max(curvatures), min(curvatures)
    for value, text in ((1 / k_max, "zig-zag starts"), (2 / (k_max + k_min), "best"), (2 / k_max, "limit")):
        ax.axvline(value, color="#999999", ls="--", lw=0.8, zorder=0)
        ax.text(value, 1.41, f"{text}\nη = {value:.3g}", ha="center", va="bottom", fontsize=9.5)
    for rate, colour in zip(rates if rates is not None else (), RATE_COLOURS):
        ax.plot([rate], [max(abs(1 - rate * k) for k in curvatures)], "o", color=colour, mec="black", ms=7, zorder=4)
    ax.set_xlim(0, max_rate), ax.set_ylim(0, 1.4)
    ax.set_xlabel("learning rate η"), ax.set_ylabel("size of the factor per step")
    ax.set_title(title, pad=30)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=9, loc="upper center", bbox_to_anchor=(0.5, -0.15))      # below the axes: clear of every line
    return ax


def frame_exit(path, xlim, ylim):
    """Where a walk on a map first leaves the frame ``xlim`` x ``ylim``.

    Returns ``(step, point)``: the index of the first point of ``path`` (shape (n, 2)) outside the
    frame and the point where the segment to it crosses the frame; ``(None, None)`` if the walk stays
    inside (or starts outside).
    """
    path = np.asarray(path, dtype=float)
    low, high = np.array([xlim[0], ylim[0]], dtype=float), np.array([xlim[1], ylim[1]], dtype=float)
    outside = np.any((path < low) | (path > high), axis=1)
    if not outside.any() or outside[0]:
        return None, None
    step = int(np.argmax(outside))
    inside, delta = path[step - 1], path[step] - path[step - 1]
    with np.errstate(divide="ignore", invalid="ignore"):       # a coordinate that does not move never crosses
        crossings = np.concatenate([(low - inside) / delta, (high - inside) / delta])
    fraction = np.min(crossings[(crossings > 0) & (crossings <= 1)])
    return step, inside + fraction * delta


def plot_path(path, ax, label=None, colour=None, marker="o", stop_at_frame=False):
    """A walk on a contour map: points joined by lines, start as a square. Returns the Line2D.

    With ``stop_at_frame=True`` a walk that leaves the map is drawn only up to the frame, with a cross
    where it leaves and the step number: the lines between later points, all off the map, would
    otherwise cross the map as if the walk travelled there.
    """
    path = np.asarray(path, dtype=float)
    step, exit_point = frame_exit(path, ax.get_xlim(), ax.get_ylim()) if stop_at_frame else (None, None)
    shown = path if step is None else np.vstack([path[:step], exit_point])
    (line,) = ax.plot(shown[:, 0], shown[:, 1], marker=marker, ms=3.5, lw=1.3, color=colour, label=label, zorder=4,
                      markevery=slice(0, step))
    ax.plot(path[0, 0], path[0, 1], "s", color=line.get_color(), ms=8, mec="black", zorder=5)
    if step is not None:
        right_half = exit_point[0] > np.mean(ax.get_xlim())
        ax.plot(*exit_point, "X", color=line.get_color(), ms=10, mec="black", zorder=6, clip_on=False)
        ax.annotate(f"leaves the map\nat step {step}", exit_point, textcoords="offset points",
                    xytext=(-10 if right_half else 10, 12), ha="right" if right_half else "left", fontsize=8, zorder=6,
                    bbox=dict(boxstyle="round,pad=0.2", fc="white", ec="none", alpha=0.85))
    return line


def plot_walks_on_maps(function, walks, xlim=(-2.0, 2.0), ylim=(-2.0, 2.0), ncols=2, size=4.2, resolution=61,
                       colours=RATE_COLOURS):
    """One small contour map per walk, each walk drawn up to the frame (see :func:`plot_path`).

    ``walks`` maps each map's title to a path of shape (n_steps + 1, 2). Returns the Figure.
    """
    if not walks:
        raise ValueError("walks must map at least one title to a path")
    nrows = -(-len(walks) // ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(size * ncols, size * nrows), squeeze=False, sharex=True,
                             sharey=True, gridspec_kw={"wspace": 0.06, "hspace": 0.14})
    for k, (ax, (title, path)) in enumerate(zip(axes.flat, walks.items())):
        plot_contour(function, xlim, ylim, ax=ax, title=title, resolution=resolution)
        line = plot_path(path, ax, colour=colours[k % len(colours)], stop_at_frame=True)
        line.set_clip_on(False)              # a point on the frame shows in full (the line already stops there)
        ax.label_outer()                     # shared axes: tick labels on the outer maps only
    for ax in axes.flat[len(walks):]:
        ax.set_visible(False)
    return fig


def plot_cost_curves(curves, ax=None, xlabel="step", title="Cost after each step", log=True, predicted=None,
                     colours=PATH_COLOURS, fast=False):
    """Cost per step of several descents: ``curves`` maps a label to a 1-D array of costs.

    A logarithmic y axis (``log=True``) shows both fast convergence and divergence. ``predicted``
    (optional) maps some of the same labels to costs from a formula, drawn as open circles on the
    curve of that label. ``colours`` are used in order. ``fast=True`` draws a log axis without minor ticks
    and with plain-text tick labels (10⁻³ instead of typeset mathematics): the same picture, several
    times quicker to render when the axis spans many decades. Returns the Axes.
    """
    ax = new_axes(ax, (6, 4))
    for k, (label, costs) in enumerate(curves.items()):
        colour = colours[k % len(colours)]
        ax.plot(np.arange(len(costs)), costs, "-", color=colour, lw=1.5, label=label)
        if predicted is not None and label in predicted:
            ax.plot(np.arange(len(predicted[label])), predicted[label], "o", color=colour, ms=3.5, mfc="none", mew=0.9)
    if predicted:
        ax.plot([], [], "o", color="#555555", ms=3.5, mfc="none", mew=0.9, label="from the formula")
    if log:
        ax.set_yscale("log")
    ax.set_xlabel(xlabel), ax.set_ylabel("cost"), ax.set_title(title)
    if fast and log:
        ax.yaxis.set_minor_locator(matplotlib.ticker.NullLocator())
        ax.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(_power_of_ten))
    ax.grid(alpha=0.3, which="major" if fast else "both")
    ax.legend(fontsize=9)
    return ax


_SUPERSCRIPTS = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def _power_of_ten(value, position=None):
    """A log-axis tick label as plain text: 10⁻³ (or the number itself when it is not a power of ten)."""
    exponent = np.log10(value) if value > 0 else np.nan
    if np.isfinite(exponent) and np.isclose(exponent, round(exponent)):
        return "10" + str(int(round(exponent))).translate(_SUPERSCRIPTS)
    return f"{value:g}"


def plot_gradient_components(values, names, ax=None, title="Largest nudges of the negative gradient"):
    """Horizontal bars of some gradient components, blue for positive (nudge up), red for negative.

    ``values`` (k,) and ``names`` (k,) as given by :func:`nnlib.nudges.largest_components`.
    Returns the Axes.
    """
    values = np.asarray(values, dtype=float)
    ax = new_axes(ax, (7, 0.32 * len(values) + 1.2))
    rows = np.arange(len(values))[::-1]
    ax.barh(rows, values, color=[POSITIVE if v >= 0 else NEGATIVE for v in values])
    ax.set_yticks(rows, names, fontsize=10)
    ax.axvline(0, color="#555555", lw=0.8)
    ax.set_xlabel("component of -gradient (positive: nudge this parameter up)")
    ax.set_title(title)
    ax.grid(alpha=0.3, axis="x")
    plt.setp(ax.get_yticklabels(), family="monospace")
    return ax


def plot_coordinates(path, labels=("x", "y"), ax=None, title="The walk's coordinates after each step", reference=0.0):
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
    reference : float
        A value drawn as a grey horizontal line (the minimum's coordinate; 0 for the bowl), labelled
        in the legend unless it is 0.

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
    ax.axhline(reference, color="#555555", lw=0.8, label=f"the bottom, {reference:.3f}" if reference else None)
    ax.set_xlabel("step"), ax.set_ylabel("coordinate"), ax.set_title(title)
    ax.grid(alpha=0.3), ax.legend(fontsize=9)
    return lines


def mark_gradient(quiver, point, gradient, ax=None):
    """Draw the gradient at one point as a bold black arrow starting at that point, to the scale of ``quiver``.

    ``quiver`` is what :func:`plot_gradient_arrows` returns (called without ``mark``); ``gradient`` is the
    gradient function. The arrow starts at the point, as a step from there would, has the same length as a blue
    arrow of that gradient would have, and is drawn thicker so that it stands out among the blue ones. Its label goes below the map, under the arrow key, so that no label covers the map.
    Returns the arrow (a matplotlib Annotation).
    """
    ax = quiver.axes if ax is None else ax
    point = np.asarray(point, dtype=float)
    at = np.asarray(gradient(point), dtype=float)
    tip = point + at / quiver.scale
    arrow = ax.annotate("", xy=tuple(tip), xytext=tuple(point), zorder=6,
                        arrowprops={"arrowstyle": "-|>,head_length=0.55,head_width=0.3", "color": "black", "lw": 2.4,
                                    "shrinkA": 0, "shrinkB": 0})
    ax.plot(*point, "o", color="black", mec="white", mew=1.2, ms=7, zorder=7)
    ax.text(1.0, -0.245, f"black: the point ({point[0]:g}, {point[1]:g}) and its gradient ({at[0]:g}, {at[1]:g}), "
                         f"drawn from the point", transform=ax.transAxes, ha="right", va="center", fontsize=9)
    arrow.tip = tip
    return arrow


def plot_cost_slice(rates, costs, start_cost, squared_length, ax=None, title="The cost along the step -η∇C"):
    """The cost along one straight line through the parameters, ``p - η ∇C`` for a range of η, with its tangent line.

    The tangent line is the prediction ``ΔC ≈ -η‖∇C‖²``: it starts at the cost at η = 0 with slope ``-‖∇C‖²`` (the
    slope of the cost along ``-∇C``, per unit of η). Where the curve lies above it the ground bends up along the
    step, and the step falls less than predicted. The line is drawn down to a cost of 0 (a cost of squares is never
    negative).

    Parameters
    ----------
    rates, costs : arrays of the same length
        The learning rates (positive, increasing) and the cost after one step at each.
    start_cost : float
        The cost before the step (η = 0).
    squared_length : float
        ``‖∇C‖²``, the gradient's squared length.
    ax : matplotlib Axes, optional

    Returns
    -------
    The Axes.
    """
    rates, costs = np.asarray(rates, dtype=float), np.asarray(costs, dtype=float)
    if ax is None:
        ax = new_axes(figsize=(7.5, 4.2))
    ax.plot(np.concatenate([[0.0], rates]), np.concatenate([[start_cost], costs]), color="black", linewidth=2,
            label="the cost after a step of rate η (measured)")
    reach = min(float(rates.max()), start_cost / squared_length)           # where the line would reach 0
    line = np.array([0.0, reach])
    ax.plot(line, start_cost - line * squared_length, color=POSITIVE, linestyle="--", linewidth=2,
            label="tangent line: prediction cost − η‖∇C‖²")
    ax.plot([0.0], [start_cost], "o", color="black")
    ax.set_xlim(0, float(rates.max())), ax.set_ylim(0, start_cost * 1.08)
    ax.set_xlabel("learning rate η (how far along -∇C)"), ax.set_ylabel("cost")
    ax.legend(loc="upper right", frameon=False)
    if title:
        ax.set_title(title)
    return ax
