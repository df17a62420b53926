"""Figures about how training goes (lesson 5): mini-batch walks side by side, full batch against
mini-batches for the same time, saturated sigmoid neurons, the one-change-at-a-time ablation.
"""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import MaxNLocator

from .descent import PATH_COLOURS, plot_contour, plot_path


def plot_walks(function, paths, xlim, ylim, best=None, labels=("x", "y"), size=4.2):
    """Several walks on the same contour map, one panel each, side by side.

    Parameters
    ----------
    function : callable
        The cost, ``function(points)`` for points of shape (..., 2).
    paths : dict
        Maps a panel's title to a walk, an array of shape (n_steps + 1, 2).
    xlim, ylim : (float, float)
        The map's extent (the same for every panel).
    best : (float, float), optional
        The minimum, marked with a star.

    Returns
    -------
    matplotlib.figure.Figure
    """
    fig, axes = plt.subplots(1, len(paths), figsize=(size * len(paths), size), squeeze=False)
    for k, (ax, (title, path)) in enumerate(zip(axes.flat, paths.items())):
        plot_contour(function, xlim, ylim, levels=20, ax=ax, labels=labels, title=title)
        plot_path(path, ax, colour=PATH_COLOURS[k % len(PATH_COLOURS)])
        if best is not None:
            ax.plot(*best, "*", color="gold", ms=16, mec="black", zorder=6)
    fig.tight_layout()
    return fig


def plot_race(runs, held_out="validation", ax=None, colours=None,
              title="The same training time, different ways to spend it"):
    """Held-out accuracy against training time for several :class:`nnlib.training.TimedTraining` runs.

    ``runs`` maps a label to a run; ``colours`` (optional) gives one colour per run, in order. Returns the Axes.
    """
    if colours is not None and len(colours) != len(runs):
        raise ValueError(f"colours must give one colour per run ({len(runs)}), got {len(colours)}")
    if ax is None:
        _, ax = plt.subplots(figsize=(7.5, 4.2))
    for k, (label, run) in enumerate(runs.items()):
        colour = colours[k] if colours is not None else PATH_COLOURS[k % len(PATH_COLOURS)]
        ax.plot(run.seconds, 100 * np.asarray(run.accuracies), "o-", color=colour,
                label=f"{label}: {run.steps:,} steps")
    ax.set_xlabel("training time (s)"), ax.set_ylabel(f"accuracy on the {held_out} images (%)")
    ax.set_ylim(0, 100)
    ax.set_title(title)
    ax.grid(alpha=0.3), ax.legend(fontsize=9, loc="center right")
    return ax


def plot_saturation(shares, ax=None, title="Saturated hidden neurons: slope of the sigmoid below 0.01"):
    """The share of saturated hidden neurons after each epoch, one colour per run, one line style per layer.

    ``shares`` maps a label to an array of shape (n_epochs + 1, n_hidden_layers) of fractions
    (0 to 1), row 0 measured before training. Returns the Axes.
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(7.5 if len(shares) == 1 else 10, 4.2))
    styles = ("o-", "s--", "^:", "d-.")
    for k, (label, share) in enumerate(shares.items()):
        share = np.asarray(share, dtype=float)
        if share.ndim != 2:
            raise ValueError(f"shares[{label!r}] must have shape (epochs + 1, hidden layers), got {share.shape}")
        for layer in range(share.shape[1]):
            ax.plot(np.arange(share.shape[0]), 100 * share[:, layer], styles[layer % len(styles)],
                    color=PATH_COLOURS[k % len(PATH_COLOURS)], label=f"{label}, hidden layer {layer + 1}")
    ax.set_xlabel("epoch (0 = before training)"), ax.set_ylabel("saturated (% of image-neuron pairs)")
    ax.set_ylim(0, 100)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_title(title)
    ax.grid(alpha=0.3)
    if len(shares) == 1:
        ax.legend(fontsize=9, loc="lower right")
    else:                                       # several runs: the key beside the axes, not over the lines
        ax.legend(fontsize=9, loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0)
        ax.figure.tight_layout()
    return ax


def plot_ablation(accuracies, variants, rates, ax=None, title=None, chosen=None):
    """A grid of held-out accuracies: one row per network variant, one column per learning rate.

    ``accuracies`` has shape (len(variants), len(rates)), fractions 0 to 1, NaN for a run that
    diverged (written "diverged"); each row's best is framed. ``chosen`` (optional, one rate per row)
    marks with a dashed frame the rate used afterwards where it is not the best one. Returns the Axes.
    """
    accuracies = np.asarray(accuracies, dtype=float)
    if accuracies.shape != (len(variants), len(rates)):
        raise ValueError(f"accuracies must have shape ({len(variants)}, {len(rates)}), got {accuracies.shape}")
    if chosen is not None and (len(chosen) != len(variants) or not all(rate in rates for rate in chosen)):
        raise ValueError(f"chosen must give one of the rates {tuple(rates)} for each of the {len(variants)} rows")
    if ax is None:
        _, ax = plt.subplots(figsize=(2.2 + 1.3 * len(rates), 0.9 + 0.55 * len(variants)))
    ax.imshow(100 * accuracies, cmap="Greens", vmin=0, vmax=100, aspect="auto")
    for (row, col), value in np.ndenumerate(accuracies):
        best = not np.all(np.isnan(accuracies[row])) and col == np.nanargmax(accuracies[row])
        ax.text(col, row, "diverged" if np.isnan(value) else f"{100 * value:.1f}%", ha="center", va="center",
                fontsize=10, fontweight="bold" if best else "normal", color="white" if value > 0.6 else "black")
        if best:
            ax.add_patch(plt.Rectangle((col - 0.5, row - 0.5), 1, 1, fill=False, lw=2.5, color="black"))
        elif chosen is not None and rates[col] == chosen[row]:
            ax.add_patch(plt.Rectangle((col - 0.46, row - 0.44), 0.92, 0.88, fill=False, lw=2, ls="--", color="black"))
    ax.set_xticks(range(len(rates)), [f"rate {r:g}" for r in rates])
    ax.set_yticks(range(len(variants)), variants)
    if title:
        ax.set_title(title)
    return ax
