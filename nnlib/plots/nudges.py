"""What one training example wants from the network: nudges to activations (lesson 6).

:func:`plot_output_nudges` shows the output layer's activations next to their targets, with an
arrow per neuron for the nudge it wants (blue up, red down, as long as the error).
:func:`plot_neuron_inputs` shows what one neuron's weighted input is made of: the previous layer's
activations and the neuron's weights, the two things its weight and activation nudges scale with.
:func:`plot_wanted_nudges` shows what each output neuron wants from each neuron of the previous
layer, and their sum: the nudges that are then propagated one layer further back.
"""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Rectangle

from .. import _validate
from .style import NEGATIVE, POSITIVE, WEIGHT_CMAP, new_axes


def plot_output_nudges(output, target, ax=None, title=None):
    """Bars of the output activations, the targets, and arrows for the wanted nudges ``target - output``.

    Arrows are drawn for nudges larger than 0.02.

    Parameters
    ----------
    output, target : arrays of shape (n_outputs,)
    title : str, optional

    Returns
    -------
    matplotlib.axes.Axes
        With ``ax.nudges``, the array ``target - output`` that the arrows show.
    """
    output, target = np.asarray(output, dtype=float).ravel(), np.asarray(target, dtype=float).ravel()
    _validate.same_shape(output, target, "output", "target")
    ax = new_axes(ax, figsize=(8, 3.8))
    neurons = np.arange(output.size)
    nudges = target - output
    ax.bar(neurons, output, width=0.6, color="#bdbdbd", edgecolor="#555555", label="activation now")
    ax.scatter(neurons, target, marker="_", s=500, linewidths=2.5, color="#222222", zorder=3, label="target")
    for n, (a, d) in enumerate(zip(output, nudges)):
        if abs(d) > 0.02:                  # smaller nudges would be all arrow head
            ax.annotate("", xy=(n + 0.33, a + d), xytext=(n + 0.33, a),
                        arrowprops={"arrowstyle": "-|>", "color": POSITIVE if d > 0 else NEGATIVE, "lw": 2})
    ax.plot([], [], color=POSITIVE, lw=2, label="wanted nudge up")
    ax.plot([], [], color=NEGATIVE, lw=2, label="wanted nudge down")
    ax.set_xticks(neurons)
    ax.set_xlabel("output neuron")
    ax.set_ylabel("activation")
    ax.set_ylim(-0.05, 1.3)
    ax.legend(loc="upper right", fontsize=8, ncol=2, frameon=False)
    if title:
        ax.set_title(title)
    ax.nudges = nudges
    return ax


def plot_wanted_nudges(contributions, ax=None, title=None, highlight=None):
    """What every output neuron wants from every previous-layer neuron, and the sum over outputs.

    Parameters
    ----------
    contributions : array of shape (n_outputs, n_previous)
        Row ``j`` is the nudge output neuron ``j`` wants for each previous-layer activation
        (``w_jk`` times how much neuron ``j`` wants to move, as in lesson 6).
    highlight : int, optional
        An output neuron whose row is outlined (the neuron of the right answer).
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
    ax = new_axes(ax, figsize=(0.45 * n_prev + 2.5, 0.4 * (n_out + 1) + 1.5))
    limit = np.max(np.abs(table)) or 1.0
    image = ax.imshow(table, cmap=WEIGHT_CMAP, vmin=-limit, vmax=limit, aspect="auto")
    ax.axhline(n_out - 0.5, color="#222222", lw=2)
    ax.set_yticks(np.arange(n_out + 1), [f"output {j} wants" for j in range(n_out)] + ["sum: nudge wanted"])
    ax.set_xticks(np.arange(n_prev))
    ax.set_xlabel("neuron k of the previous layer")
    if highlight is not None:
        ax.add_patch(Rectangle((-0.5, highlight - 0.5), n_prev, 1, fill=False, edgecolor="#222222", lw=1.8))
    ax.figure.colorbar(image, ax=ax, label="wanted change of activation (blue up, red down)", shrink=0.8)
    if title:
        ax.set_title(title)
    ax.total = total
    return ax



def plot_neuron_inputs(prev_activations, weights, neuron_name="the neuron", axes=None):
    """Two bar charts side by side: the previous layer's activations ``a_k`` and one neuron's weights ``w_k``.

    The change of the neuron's weighted input ``z = sum_k w_k a_k + b`` is ``a_k`` per unit of
    weight ``w_k`` (left) and ``w_k`` per unit of activation ``a_k`` (right).

    Parameters
    ----------
    prev_activations, weights : arrays of shape (n_previous,)
    neuron_name : str
        Used in the titles.
    axes : pair of matplotlib Axes, optional

    Returns
    -------
    pair of matplotlib.axes.Axes
    """
    prev_activations = np.asarray(prev_activations, dtype=float).ravel()
    weights = np.asarray(weights, dtype=float).ravel()
    _validate.same_shape(prev_activations, weights, "prev_activations", "weights")
    if axes is None:
        _, axes = plt.subplots(1, 2, figsize=(11, 3.6), layout="constrained")
    k = np.arange(weights.size)
    left, right = axes
    left.bar(k, prev_activations, color="#9e9e9e", edgecolor="#555555")
    left.set_ylim(0, 1.05)
    left.set_title(f"previous activations $a_k$\n(how much each weight of {neuron_name} counts)")
    left.set_ylabel("activation $a_k$")
    right.bar(k, weights, color=[POSITIVE if w >= 0 else NEGATIVE for w in weights])
    right.axhline(0, color="#444444", lw=0.8)
    right.set_title(f"weights $w_k$ of {neuron_name}\n(how much each activation $a_k$ counts)")
    right.set_ylabel("weight $w_k$")
    for ax in axes:
        ax.set_xticks(k)
        ax.set_xlabel("neuron k of the previous layer")
    return axes
