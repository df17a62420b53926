"""Judging a network's answers (lessons 4 and 5): the cost of one example drawn as bars, the
confusion matrix, galleries of misclassified digits, training curves of several runs side by side, and
how sure a network is of its answers (its confidence) for different groups of images.
"""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import MaxNLocator, PercentFormatter

from .. import _validate
from ..training import History
from .digits import show_digits
from .style import NEGATIVE, POSITIVE


def plot_output_cost(output, target, title=None):
    """The ten outputs of one example against the desired ones (left) and their squared differences (right).

    Parameters
    ----------
    output : array of shape (n_outputs,)
        The network's output activations for one example.
    target : array of shape (n_outputs,)
        The desired outputs (one-hot: 1 for the right digit, 0 elsewhere).

    Returns
    -------
    matplotlib.figure.Figure
    """
    output = _validate.as_float_array(output, "output", ndim=1)
    target = _validate.as_float_array(target, "target", ndim=1)
    _validate.same_shape(output, target, "output", "target")
    squares = (output - target) ** 2
    digits = np.arange(output.size)
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 3.8), gridspec_kw={"wspace": 0.22})
    left.bar(digits - 0.2, output, width=0.4, color="#888888", label="network's output")
    left.bar(digits + 0.2, target, width=0.4, color=POSITIVE, label="desired output")
    left.set_ylim(0, 1.3)
    left.set_xlabel("output neuron (digit)"), left.set_ylabel("activation")
    left.set_title("What the network says vs what we want")
    left.legend(fontsize=9, loc="upper center", ncol=2)
    right.bar(digits, squares, color=NEGATIVE)
    right.set_xlabel("output neuron (digit)"), right.set_ylabel("(output − desired)²")
    right.set_title(f"Squared differences: their sum, the cost, is {squares.sum():.2f}")
    for ax in (left, right):
        ax.set_xticks(digits)
        ax.grid(alpha=0.3, axis="y")
    if title:
        fig.suptitle(title, y=1.02)
    return fig


def plot_confusion_matrix(matrix, ax=None, title="Confusion matrix (test images)"):
    """Draw a confusion matrix with its counts; mistakes (off the diagonal) in red. Returns the Axes."""
    matrix = np.asarray(matrix)
    if ax is None:
        _, ax = plt.subplots(figsize=(6.5, 6))
    n = matrix.shape[0]
    mistakes = np.where(np.eye(n, dtype=bool), 0, matrix)
    ax.imshow(mistakes, cmap="Reds", vmin=0, vmax=max(int(mistakes.max()), 1))
    for (row, col), count in np.ndenumerate(matrix):
        if count:
            colour = POSITIVE if row == col else ("white" if count > 0.6 * mistakes.max() else "black")
            ax.text(col, row, str(count), ha="center", va="center", fontsize=10 if row == col else 8.5,
                    color=colour, fontweight="bold" if row == col else "normal")
    ax.set_xticks(range(n)), ax.set_yticks(range(n))
    ax.set_xlabel("network's guess"), ax.set_ylabel("true digit")
    ax.set_title(title)
    return ax


def show_misclassified(images, labels, outputs, n=20, ncols=10, title=None):
    """A gallery of the first ``n`` misclassified digits, with the true label, guess and confidence.

    ``outputs`` (shape (n_examples, n_classes)) are the network's output activations; the
    confidence shown is the output of the guessed class. Returns the figure.
    """
    outputs = _validate.as_float_array(outputs, "outputs", ndim=2)
    labels = _validate.as_labels(labels, outputs.shape[1], "labels")
    guesses = np.argmax(outputs, axis=1)
    wrong = np.flatnonzero(guesses != labels)[:n]
    if wrong.size == 0:
        raise ValueError("there are no misclassified examples to show")
    fig = show_digits(np.asarray(images)[wrong], labels=labels[wrong], predictions=guesses[wrong],
                      confidences=outputs[wrong, guesses[wrong]], ncols=ncols,
                      title=title or f"{wrong.size} misclassified digits (red: the network's wrong guess)")
    return fig


def _joined(run, name):
    """``(epochs, training costs, held-out accuracies)`` of one run given as ``(history, accuracies)``,
    as a list of Histories trained one after the other (their validation accuracies), or one History."""
    if isinstance(run, tuple) and len(run) == 2 and not isinstance(run[1], History):
        history, accuracies = run
        if len(accuracies) != len(history.epoch):
            raise ValueError(f"run {name!r}: {len(accuracies)} accuracies for {len(history.epoch)} epochs")
        return np.asarray(history.epoch), np.asarray(history.training_cost), np.asarray(accuracies, dtype=float)
    parts = [run] if isinstance(run, History) else list(run)
    if not parts or not all(isinstance(part, History) for part in parts):
        raise TypeError(f"run {name!r} must be (history, accuracies), a History or a list of Histories")
    costs = np.concatenate([part.training_cost for part in parts])
    accuracies = np.concatenate([part.validation_accuracy for part in parts])
    if len(accuracies) != len(costs):
        raise ValueError(f"run {name!r}: every History must have been trained with validation_data")
    return np.arange(1, len(costs) + 1), costs, accuracies


def plot_training_runs(runs, held_out="validation", show_cost=True):
    """Per-epoch curves of several training runs: held-out accuracy (left) and training cost (right).

    Parameters
    ----------
    runs : dict
        Maps a run's name to ``(history, accuracies)`` (the :class:`nnlib.training.History` of
        :func:`nnlib.train` and one held-out accuracy, 0 to 1, per epoch), or to a History trained with
        validation data, or to a list of such Histories trained one after the other on the same network
        (epochs are then numbered on from one part to the next).
    held_out : str
        What the accuracies were measured on ("test" or "validation"), written on the axis.
    show_cost : bool
        Draw the training cost too (right panel). Leave it out when the runs' costs are different functions
        (a quadratic cost and a cross-entropy are not comparable).

    Returns
    -------
    matplotlib.figure.Figure
    """
    fig, axes = plt.subplots(1, 2 if show_cost else 1, figsize=(12, 4) if show_cost else (7.5, 4.2), squeeze=False)
    left = axes[0, 0]
    for k, (name, run) in enumerate(runs.items()):
        epochs, costs, accuracies = _joined(run, name)
        style = dict(color=f"C{k}", label=name, ms=5)
        left.plot(epochs, 100 * accuracies, "o-", **style)
        if show_cost:
            axes[0, 1].plot(epochs, costs, "o-", **style)
    left.set_ylabel(f"accuracy on the {held_out} images (%)")
    left.set_title(f"Accuracy on {held_out} images after each epoch")
    if show_cost:
        right = axes[0, 1]
        right.set_ylabel("training cost (each network's own cost)"), right.set_title("Training cost after each epoch")
        right.set_yscale("log")
    for ax in axes.flat:
        ax.set_xlabel("epoch"), ax.grid(alpha=0.3, which="both"), ax.legend(fontsize=9)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    fig.tight_layout()
    return fig


def plot_confidence(groups, title="How sure is the network? The probability of its guess"):
    """Histograms of confidences (the probability a network gave its guess), one panel per group, one x axis.

    ``groups`` maps a label to an array of confidences between 0 and 1 (e.g. right answers, mistakes,
    noise). Each histogram shows the percent of its own group per bin (each panel has its own y scale,
    so that a group piled into one bin does not flatten the others), with a dashed line at the group's
    median. Returns the figure.
    """
    if not groups:
        raise ValueError("groups must map at least one label to confidences")
    checked = {}
    for label, values in groups.items():
        values = _validate.as_float_array(values, f"groups[{label!r}]", ndim=1)
        if values.size == 0:
            raise ValueError(f"groups[{label!r}] is empty")
        checked[label] = values
    fig, axes = plt.subplots(len(checked), 1, figsize=(8, 1.6 * len(checked) + 0.9), sharex=True, squeeze=False)
    bins = np.linspace(0, 1, 41)
    colours = ("#1b9e77", "#d95f02", "#7570b3", "#e7298a")
    for k, (ax, (label, values)) in enumerate(zip(axes[:, 0], checked.items())):
        colour = colours[k % len(colours)]
        ax.hist(values, bins=bins, weights=np.full(values.size, 100 / values.size), color=colour, alpha=0.85)
        median = float(np.median(values))
        ax.axvline(median, color="black", ls="--", lw=1.2)
        ax.set_title(f"{label}: {values.size:,} images, median {100 * median:.1f}%", fontsize=10, loc="left")
        ax.set_ylabel("% of them")
        ax.grid(alpha=0.3)
    last = axes[-1, 0]
    last.set_xlim(0, 1)
    last.xaxis.set_major_formatter(PercentFormatter(1.0))
    last.set_xlabel("confidence: the probability of the guessed digit (dashed: median)")
    fig.suptitle(title)
    fig.tight_layout()
    return fig
