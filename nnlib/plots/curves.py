"""Curves: activation functions (lesson 3) and training histories (lesson 5)."""

import matplotlib.pyplot as plt
import numpy as np

from ..activations import ACTIVATIONS

_COLOURS = {"sigmoid": "#1b9e77", "relu": "#7570b3", "tanh": "#d95f02", "identity": "#666666"}


def plot_activations(names=("sigmoid", "relu", "tanh"), z=None, derivatives=True):
    """Plot activation functions (left) and their derivatives (right). Returns the figure."""
    z = np.linspace(-6, 6, 601) if z is None else np.asarray(z)
    ncols = 2 if derivatives else 1
    fig, axes = plt.subplots(1, ncols, figsize=(5.5 * ncols, 3.8), squeeze=False)
    for name in names:
        act = ACTIVATIONS[name]
        axes[0, 0].plot(z, act.function(z), label=name, color=_COLOURS.get(name), lw=2)
        if derivatives:
            axes[0, 1].plot(z, act.prime(z), label=f"{name}'", color=_COLOURS.get(name), lw=2)
    titles = ["activation a = f(z)", "derivative f'(z)"]
    for ax, title in zip(axes[0], titles):
        ax.axhline(0, color="#999999", lw=0.8), ax.axvline(0, color="#999999", lw=0.8)
        ax.set_xlabel("weighted input z"), ax.set_title(title), ax.legend(), ax.grid(alpha=0.3)
    axes[0, 0].set_ylabel("activation")
    axes[0, 0].set_ylim(-1.2, 2.2)
    fig.tight_layout()
    return fig


def plot_history(history, title=None):
    """Training cost (left) and validation accuracy (right) per epoch from a training History.

    Returns the figure.
    """
    has_val = bool(history.validation_accuracy)
    fig, axes = plt.subplots(1, 2 if has_val else 1, figsize=(11 if has_val else 5.5, 3.6), squeeze=False)
    axes[0, 0].plot(history.epoch, history.train_cost, "o-", label="training (mean over mini-batches)")
    if history.validation_cost:
        axes[0, 0].plot(history.epoch, history.validation_cost, "s--", label="validation")
    axes[0, 0].set_xlabel("epoch"), axes[0, 0].set_ylabel("cost"), axes[0, 0].set_title("Cost")
    axes[0, 0].legend(), axes[0, 0].grid(alpha=0.3)
    if has_val:
        axes[0, 1].plot(history.epoch, 100 * np.asarray(history.validation_accuracy), "o-", color="#1b9e77")
        axes[0, 1].set_xlabel("epoch"), axes[0, 1].set_ylabel("accuracy (%)")
        axes[0, 1].set_title("Accuracy on held-out images"), axes[0, 1].grid(alpha=0.3)
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig
