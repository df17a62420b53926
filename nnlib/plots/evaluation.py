"""Judging a network's answers (lessons 4 and 5): the cost of one example drawn as bars, the
confusion matrix, and galleries of misclassified digits.
"""

import matplotlib.pyplot as plt
import numpy as np

from .. import _validate
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
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 3.8))
    left.bar(digits - 0.2, output, width=0.4, color="#888888", label="network's output")
    left.bar(digits + 0.2, target, width=0.4, color=POSITIVE, label="desired output")
    left.set_ylim(0, 1.3)
    left.set_xlabel("output neuron (digit)"), left.set_ylabel("activation")
    left.set_title("What the network says vs what we want")
    left.legend(fontsize=9, loc="upper center", ncol=2)
    right.bar(digits, squares, color=NEGATIVE)
    right.set_xlabel("output neuron (digit)"), right.set_ylabel("(output - desired)$^2$")
    right.set_title(f"Squared differences: their sum, the cost, is {squares.sum():.2f}")
    for ax in (left, right):
        ax.set_xticks(digits)
        ax.grid(alpha=0.3, axis="y")
    if title:
        fig.suptitle(title)
    fig.tight_layout()
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
            ax.text(col, row, str(count), ha="center", va="center", fontsize=8,
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


def plot_training_runs(runs, held_out="test"):
    """Per-epoch curves of several training runs: held-out accuracy (left) and training cost (right).

    Parameters
    ----------
    runs : dict
        Maps a run's name to ``(history, accuracies)``: the :class:`nnlib.training.History` of
        :func:`nnlib.train` and one held-out accuracy (0 to 1) per epoch.
    held_out : str
        What the accuracies were measured on ("test" or "validation"), written on the axis.

    Returns
    -------
    matplotlib.figure.Figure
    """
    fig, (left, right) = plt.subplots(1, 2, figsize=(12, 4))
    for name, (history, accuracies) in runs.items():
        if len(accuracies) != len(history.epoch):
            raise ValueError(f"run {name!r}: {len(accuracies)} accuracies for {len(history.epoch)} epochs")
        left.plot(history.epoch, 100 * np.asarray(accuracies), "o-", label=name)
        right.plot(history.epoch, history.training_cost, "o-", label=name)
    left.set_ylabel(f"accuracy on the {held_out} images (%)"), left.set_title(f"Accuracy on {held_out} images after each epoch")
    right.set_ylabel("training cost (each network's own cost)"), right.set_title("Training cost (after each epoch)")
    right.set_yscale("log")
    for ax in (left, right):
        ax.set_xlabel("epoch"), ax.grid(alpha=0.3, which="both"), ax.legend(fontsize=9)
    fig.tight_layout()
    return fig
