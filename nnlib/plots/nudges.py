"""What one training example wants from the network, and how well a mini-batch estimates it (lesson 6).

A *nudge* is minus the derivative of the cost with respect to a quantity: a sensitivity (which way, and
how much it pays, to move it), not a distance to move.

:func:`plot_output_nudges` shows the output layer's activations next to their targets, with an arrow per
neuron for its error ``y_j - a_j`` (the nudge ``-dC0/da_j = 2 (y_j - a_j)`` is twice the arrow).
:func:`plot_neuron_inputs` shows what one neuron's weighted input is made of: the previous layer's
activations and the neuron's weights, the two things its weight and activation nudges scale with.
:func:`plot_wanted_nudges` shows what each output neuron contributes to the nudge of each neuron of the
previous layer, and their sum: the nudges that are then propagated one layer further back.
:func:`plot_cosine_spread` shows how well mini-batch gradients point along the exact gradient, and
:func:`plot_step_sizes` compares one exact gradient step of any size with many mini-batch steps.
"""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle

from .. import _validate
from .descent import PATH_COLOURS
from .style import NEGATIVE, POSITIVE, WEIGHT_CMAP, new_axes

MINI_BATCH, FULL_BATCH = PATH_COLOURS[0], PATH_COLOURS[1]   # as in lesson 5: pink mini-batch, green full batch
BATCH_SIZE_COLOURS = (PATH_COLOURS[0], PATH_COLOURS[2], PATH_COLOURS[3])
ARROW_THRESHOLD = 0.02
"""Errors smaller than this get no arrow in :func:`plot_output_nudges` (it would be all arrow head)."""


def plot_output_nudges(output, target, ax=None, title=None):
    """Bars of the output activations, the targets, and an arrow per neuron for its error ``target - output``.

    Arrows are drawn for errors larger than :data:`ARROW_THRESHOLD`; the legend says so, and that the
    nudge ``-dC0/da_j = 2 (y_j - a_j)`` of the quadratic cost is twice the arrow.

    Parameters
    ----------
    output, target : arrays of shape (n_outputs,)
    title : str, optional

    Returns
    -------
    matplotlib.axes.Axes
        With ``ax.errors``, the array ``target - output`` that the arrows show, and ``ax.nudges``, twice it.
    """
    output, target = np.asarray(output, dtype=float).ravel(), np.asarray(target, dtype=float).ravel()
    _validate.same_shape(output, target, "output", "target")
    ax = new_axes(ax, figsize=(8, 3.8))
    neurons = np.arange(output.size)
    errors = target - output
    ax.bar(neurons, output, width=0.6, color="#bdbdbd", edgecolor="#555555", label="activation $a_j$ now")
    ax.scatter(neurons, target, marker="_", s=500, linewidths=2.5, color="#222222", zorder=3, label="target $y_j$")
    for n, (a, d) in enumerate(zip(output, errors)):
        if abs(d) > ARROW_THRESHOLD:
            ax.annotate("", xy=(n + 0.33, a + d), xytext=(n + 0.33, a),
                        arrowprops={"arrowstyle": "-|>", "color": POSITIVE if d > 0 else NEGATIVE, "lw": 2})
    ax.plot([], [], color=POSITIVE, lw=2, label="error $y_j - a_j$ > 0: should rise")
    ax.plot([], [], color=NEGATIVE, lw=2, label="error $y_j - a_j$ < 0: should fall")
    ax.plot([], [], " ", label=f"(no arrow: |error| < {ARROW_THRESHOLD})")
    ax.plot([], [], " ", label=r"nudge $-\partial C_0/\partial a_j$ = 2 × the arrow")
    ax.set_xticks(neurons)
    ax.set_xlabel("output neuron $j$")
    ax.set_ylabel("activation")
    ax.set_ylim(-0.05, 1.3)
    ax.legend(loc="upper right", fontsize=8, frameon=False)
    if title:
        ax.set_title(title)
    ax.errors, ax.nudges = errors, 2 * errors
    return ax


def plot_wanted_nudges(contributions, ax=None, title=None, highlight=None, answer=None,
                       layer_name="the previous layer"):
    """What every output neuron contributes to the nudge of every previous-layer neuron, and the sum.

    Parameters
    ----------
    contributions : array of shape (n_outputs, n_previous)
        Row ``j``, column ``k``: output neuron ``j``'s contribution ``w_jk sigma'(z_j) 2 (y_j - a_j)`` to the
        nudge ``-dC0/da_k`` of previous-layer neuron ``k`` (lesson 6).
    highlight : int, optional
        The right answer's output neuron: its row is outlined (solid).
    answer : int, optional
        The network's answer, if different: its row is outlined dashed.
    layer_name : str
        Names the previous layer on the x axis.
    title : str, optional

    Returns
    -------
    matplotlib.axes.Axes
        With ``ax.total``, the column sums that the bottom row shows.
    """
    contributions = np.asarray(contributions, dtype=float)
    if contributions.ndim != 2:
        raise ValueError(f"contributions must be a 2-D array (n_outputs, n_previous), got shape {contributions.shape}")
    n_out, n_prev = contributions.shape
    total = contributions.sum(axis=0)
    table = np.vstack([contributions, total])
    ax = new_axes(ax, figsize=(0.45 * n_prev + 3.2, 0.4 * (n_out + 1) + 2.0))
    limit = np.max(np.abs(table)) or 1.0
    image = ax.imshow(table, cmap=WEIGHT_CMAP, vmin=-limit, vmax=limit, aspect="auto")
    ax.axhline(n_out - 0.5, color="#222222", lw=2)
    ax.set_yticks(np.arange(n_out + 1), [f"from output {j}" for j in range(n_out)]
                  + [r"sum: nudge $-\partial C_0/\partial a_k$"])
    ax.set_xticks(np.arange(n_prev))
    ax.set_xlabel(f"neuron $k$ of {layer_name}")
    handles = []
    for row, style, inset, what in ((highlight, "-", 0.0, "the right answer"),
                                    (answer, "--", 0.08, "the network's answer")):
        if row is not None:                 # the dashed outline sits a little inside, so that both show
            ax.add_patch(Rectangle((-0.5 + inset, row - 0.5 + inset), n_prev - 2 * inset, 1 - 2 * inset,
                                   fill=False, edgecolor="#222222", lw=2.0, linestyle=style, zorder=3))
            handles.append(Patch(facecolor="none", edgecolor="#222222", lw=2.0, linestyle=style,
                                 label=f"output {row}: {what}"))
    if handles:
        ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.09 - 0.5 / (n_out + 1)),
                  ncol=len(handles), fontsize=9, frameon=False)
    ax.figure.colorbar(image, ax=ax, shrink=0.8,
                       label="contribution $w_{jk}\\,\\sigma'(z_j)\\,2(y_j - a_j)$\n"
                             "blue: a brighter $a_k$ lowers $C_0$; red: a dimmer one")
    if title:
        ax.set_title(title)
    ax.total = total
    return ax


def plot_neuron_inputs(prev_activations, weights, neuron=None, neuron_name="the neuron",
                       layer_name="the previous layer", axes=None):
    """Two bar charts side by side: the previous layer's activations ``a_k`` and one neuron's weights.

    The change of the neuron's weighted input ``z_j = sum_k w_jk a_k + b_j`` is ``a_k`` per unit of
    weight ``w_jk`` (left) and ``w_jk`` per unit of activation ``a_k`` (right).

    Parameters
    ----------
    prev_activations, weights : arrays of shape (n_previous,)
    neuron : int, optional
        The neuron's index ``j``: the weights are then written ``w_jk`` (``w_k`` without it).
    neuron_name : str
        Used in the titles.
    layer_name : str
        Names the previous layer on the x axes.
    axes : pair of matplotlib Axes, optional

    Returns
    -------
    pair of matplotlib.axes.Axes
    """
    prev_activations = np.asarray(prev_activations, dtype=float).ravel()
    weights = np.asarray(weights, dtype=float).ravel()
    _validate.same_shape(prev_activations, weights, "prev_activations", "weights")
    new_figure = axes is None
    if new_figure:
        _, axes = plt.subplots(1, 2, figsize=(11, 3.6))
    w = "w_{k}" if neuron is None else f"w_{{{neuron}k}}"
    k = np.arange(weights.size)
    left, right = axes
    left.bar(k, prev_activations, color="#9e9e9e", edgecolor="#555555")
    left.set_ylim(0, 1.05)
    left.set_title(f"activations $a_k$ of {layer_name}\n(how much each weight ${w}$ counts)")
    left.set_ylabel("activation $a_k$")
    right.bar(k, weights, color=[POSITIVE if v >= 0 else NEGATIVE for v in weights])
    right.axhline(0, color="#444444", lw=0.8)
    right.set_title(f"weights ${w}$ into {neuron_name}, blue positive, red negative\n"
                    "(how much each activation $a_k$ counts)")
    right.set_ylabel(f"weight ${w}$")
    for ax in axes:
        ax.set_xticks(k)
        ax.set_xlabel(f"neuron $k$ of {layer_name}")
    if new_figure:
        left.figure.tight_layout()
    return axes


def plot_cosine_spread(cosines, ax=None, title=None):
    """Histograms of the cosines between mini-batch gradients and the exact gradient, one per batch size.

    Parameters
    ----------
    cosines : dict
        ``{batch_size: array of cosines, one per random batch}``, at most three sizes.
    title : str, optional

    Returns
    -------
    matplotlib.axes.Axes
        With ``ax.summary``: ``{batch_size: (mean, smallest, largest, share of cosines <= 0)}``.
    """
    if not isinstance(cosines, dict) or not 1 <= len(cosines) <= len(BATCH_SIZE_COLOURS):
        raise ValueError(f"cosines must be a dict of 1 to {len(BATCH_SIZE_COLOURS)} batch sizes -> arrays of cosines")
    ax = new_axes(ax, figsize=(9, 4.0))
    bins = np.linspace(-0.5, 1.0, 61)
    ax.axvspan(bins[0], 0, color="#e3e3e3", zorder=0, lw=0)
    ax.text(-0.25, 0.45, "uphill:\ncosine ≤ 0", transform=ax.get_xaxis_transform(), ha="center", va="top",
            fontsize=10, color="#444444")
    summary = {}
    for colour, (size, values) in zip(BATCH_SIZE_COLOURS, cosines.items()):
        values = np.asarray(values, dtype=float).ravel()
        if values.size == 0 or not np.all(np.isfinite(values)) or np.any(np.abs(values) > 1 + 1e-9):
            raise ValueError(f"the cosines for batch size {size} must be finite numbers between -1 and 1")
        summary[size] = (values.mean(), values.min(), values.max(), float(np.mean(values <= 0)))
        ax.hist(values, bins=bins, weights=np.full(values.size, 1 / values.size), histtype="step", lw=2,
                color=colour, label=f"batches of {size:,} ({values.size} batches): mean {values.mean():.2f}, "
                                    f"{np.mean(values <= 0):.0%} uphill")
        ax.axvline(values.mean(), color=colour, ls="--", lw=1.2)
    ax.plot([], [], color="#555555", ls="--", lw=1.2, label="dashed: the mean of each size")
    ax.set_xlim(bins[0], bins[-1])
    ax.set_xlabel(r"cosine between a mini-batch's gradient and the exact gradient (1: the same direction)")
    ax.set_ylabel("fraction of the batches")
    ax.set_ylim(0, 1.45 * ax.get_ylim()[1])            # room for the key above the bars
    ax.legend(fontsize=8.5, loc="upper left", frameon=True, framealpha=0.95, edgecolor="none")
    if title:
        ax.set_title(title)
    ax.summary = summary
    return ax


def plot_step_sizes(learning_rates, exact_costs, before, minibatch_costs, gradient_norm2=None, ax=None,
                    title=None, ylim=None, minibatch_label="mini-batch steps", curvature=None):
    """The cost after one exact gradient step of each learning rate, against many mini-batch steps.

    Parameters
    ----------
    learning_rates, exact_costs : arrays of shape (n,)
        The learning rates of the exact step and the cost after it.
    before : float
        The cost before any step.
    minibatch_costs : array
        The cost after the mini-batch steps, one per shuffle: drawn as their mean and their range (a band).
    gradient_norm2 : float, optional
        ``||grad C||**2``: draws the first-order prediction ``before - learning_rate * gradient_norm2``.
    ylim : (low, high), optional
        Costs above ``high`` are drawn as a triangle on the top edge, with their value.
    minibatch_label : str
        What the mini-batch steps were, for the legend.
    curvature : float, optional
        ``c2`` of the second-order prediction ``before - learning_rate * gradient_norm2 + c2 * learning_rate**2``
        (needs ``gradient_norm2``): drawn as a dash-dotted parabola.

    The legend sits below the axes, off the curves.

    Returns
    -------
    matplotlib.axes.Axes
        With ``ax.off_frame``, the learning rates whose cost lies above the frame.
    """
    rates = np.asarray(learning_rates, dtype=float).ravel()
    costs = np.asarray(exact_costs, dtype=float).ravel()
    _validate.same_shape(rates, costs, "learning_rates", "exact_costs")
    mini = np.asarray(minibatch_costs, dtype=float).ravel()
    if rates.size == 0 or mini.size == 0 or np.any(rates <= 0):
        raise ValueError("learning_rates must be positive, and there must be at least one mini-batch cost")
    if curvature is not None and gradient_norm2 is None:
        raise ValueError("the second-order prediction (curvature) needs gradient_norm2")
    ax = new_axes(ax, figsize=(8.5, 5.2))
    low, high = ylim if ylim is not None else (min(mini.min(), costs.min()) - 0.02, max(costs.max(), before) + 0.02)
    ax.axhline(before, color="#444444", ls=":", lw=1.5, label=f"before any step: {before:.4f}")
    ax.axhspan(mini.min(), mini.max(), color=MINI_BATCH, alpha=0.25, lw=0)
    spread = f"{mini.min():.4f} to {mini.max():.4f}" if mini.size > 1 else f"{mini[0]:.4f}"
    ax.axhline(mini.mean(), color=MINI_BATCH, lw=2.2,
               label=f"{minibatch_label}: mean {mini.mean():.4f} ({mini.size} shuffles: {spread})")
    if gradient_norm2 is not None:
        fine = np.geomspace(rates.min(), rates.max(), 200)
        ax.plot(fine, before - fine * gradient_norm2, color=FULL_BATCH, ls="--", lw=1.2,
                label=r"first-order prediction $C - \eta\,\|\nabla C\|^2$")
        if curvature is not None:
            ax.plot(fine, before - fine * gradient_norm2 + curvature * fine ** 2, color=FULL_BATCH, ls="-.", lw=1.2,
                    alpha=0.8, label=r"second-order prediction $C - \eta\,\|\nabla C\|^2 + c_2\,\eta^2$")
    ax.plot(rates, costs, "o-", color=FULL_BATCH, lw=2, ms=7, label=r"one exact step of learning rate $\eta$")
    above = costs > high
    for rate, cost in zip(rates[above], costs[above]):
        ax.plot(rate, high, "^", color=FULL_BATCH, ms=11, clip_on=False, zorder=5)
        ax.annotate(f"{cost:.3f}\n(off the chart)", (rate, high), xytext=(-10, -6), textcoords="offset points",
                    ha="right", va="top", fontsize=9, color=FULL_BATCH)
    ax.set_xscale("log")
    ax.set_xticks(rates, [f"{r:g}" for r in rates])
    ax.minorticks_off()
    ax.set_ylim(low, high)
    ax.set_xlabel(r"learning rate $\eta$ of the exact step")
    ax.set_ylabel("cost $C$ on the training images")
    ax.legend(fontsize=8.5, loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=2, frameon=False)
    if title:
        ax.set_title(title)
    ax.off_frame = rates[above]
    return ax


def plot_first_layer_nudge(image, weight_nudges, neuron, axes=None):
    """One example's digit next to the nudges of the 784 weights into one first-hidden-layer neuron.

    Parameters
    ----------
    image : array of 784 values
        The example's pixels (0 to 1).
    weight_nudges : array of 784 values
        ``-dC0/dw`` of the weights from each pixel into the neuron, drawn as a 28x28 picture on a colour
        scale symmetric around 0 (blue: up, red: down, near-white, the scale's middle: no nudge).
    neuron : int
        The neuron's index in the first hidden layer, for the titles.
    axes : pair of matplotlib Axes, optional

    Returns
    -------
    pair of matplotlib.axes.Axes
    """
    from .digits import show_digit

    nudges = np.asarray(weight_nudges, dtype=float).ravel()
    if nudges.size != 784:
        raise ValueError(f"weight_nudges must hold 784 values (one per pixel), got {nudges.size}")
    if axes is None:
        _, axes = plt.subplots(1, 2, figsize=(7.4, 3.4), layout="constrained")
    left, right = axes
    show_digit(image, left, title="the digit (its pixels $x_p$)")
    limit = float(np.max(np.abs(nudges))) or 1.0
    shown = right.imshow(nudges.reshape(28, 28), cmap=WEIGHT_CMAP, vmin=-limit, vmax=limit)
    right.set_xticks([]), right.set_yticks([])
    right.set_title(f"nudges of the 784 weights into\nneuron {neuron} of hidden layer 1")
    right.figure.colorbar(shown, ax=right, shrink=0.85, label="nudge (blue: up, red: down, near-white: none)")
    return axes


LAYER_COLOURS = (PATH_COLOURS[3], PATH_COLOURS[1], PATH_COLOURS[2])
"""Layers 1, 2 and 3 in :func:`plot_nudge_sizes_by_layer` (purple, teal, orange)."""


def plot_nudge_sizes_by_layer(nudges_by_layer, ax=None, title=None, half_share=True):
    """How many nudges of each size each layer has: one histogram of |nudge| per layer, on log-log axes.

    The sizes span many powers of ten, so the bins are 4 per power of ten; nudges of exactly 0 cannot sit on a
    log axis and are counted in the legend instead. With ``half_share``, a dashed line marks the size above
    which the largest nudges (of all layers) carry half of the gradient's squared length, with their count.

    Parameters
    ----------
    nudges_by_layer : sequence of arrays
        The nudges (or gradient components) of each layer, weights and biases together, at most three layers.
    title : str, optional

    Returns
    -------
    matplotlib.axes.Axes
        With ``ax.summary``: ``{"zeros": [exact zeros per layer], "largest": [largest |nudge| per layer],
        "half": (number of largest nudges that carry half the squared length, the smallest of them)}``.
    """
    layers = [np.abs(np.asarray(v, dtype=float).ravel()) for v in nudges_by_layer]
    if not 1 <= len(layers) <= len(LAYER_COLOURS) or any(v.size == 0 or not np.all(np.isfinite(v)) for v in layers):
        raise ValueError(f"nudges_by_layer must be 1 to {len(LAYER_COLOURS)} non-empty arrays of finite numbers")
    everything = np.concatenate(layers)
    if not np.any(everything > 0):
        raise ValueError("all nudges are 0: there is nothing to draw on a log axis")
    ax = new_axes(ax, figsize=(9, 4.4))
    low = np.floor(np.log10(everything[everything > 0].min()))
    high = np.ceil(np.log10(everything.max()))
    bins = 10.0 ** np.arange(low, high + 0.125, 0.25)
    summary = {"zeros": [], "largest": []}
    tallest = 1
    for number, (colour, sizes) in enumerate(zip(LAYER_COLOURS, layers), start=1):
        counts, _ = np.histogram(sizes[sizes > 0], bins=bins)
        zeros = int(np.sum(sizes == 0))
        tallest = max(tallest, int(counts.max()))
        summary["zeros"].append(zeros)
        summary["largest"].append(float(sizes.max()))
        ax.stairs(np.where(counts > 0, counts, 0.5), bins, color=colour, lw=2, baseline=0.5,
                  label=f"layer {number}: {sizes.size:,} nudges, largest {sizes.max():.2g}"
                        + (f", {zeros:,} exactly 0 (not drawn)" if zeros else ""))
    if half_share:
        squares = np.sort(everything ** 2)[::-1]
        needed = int(np.searchsorted(np.cumsum(squares) / squares.sum(), 0.5)) + 1
        edge = float(np.sqrt(squares[needed - 1]))
        summary["half"] = (needed, edge)
        ax.axvline(edge, color="black", ls="--", lw=1.2)
        ax.text(edge / 1.15, 0.97, f"right of the dashed line:\nthe {needed} largest nudges,\n"
                                   f"half of the squared length", transform=ax.get_xaxis_transform(), ha="right",
                va="top", fontsize=9, bbox={"fc": "white", "ec": "none", "alpha": 0.85, "pad": 1})
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlim(bins[0], bins[-1])
    ax.set_ylim(0.7, 12 * tallest)                   # room for the legend above the tallest bin
    ax.set_xlabel("size of the nudge, |−∂C/∂w| (log scale: each tick 10 times the last)")
    ax.set_ylabel("number of nudges of that size (log scale)")
    ax.legend(fontsize=9, loc="upper left", frameon=True, framealpha=0.95, edgecolor="none")
    if title:
        ax.set_title(title)
    ax.summary = summary
    return ax
