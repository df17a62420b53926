"""Figures of backpropagation at work (lesson 7): the error of the step-by-step network update after
update, and how the finite-difference step of a gradient check decides what it measures.
"""

import numpy as np

from .style import new_axes


def plot_error_per_update(errors, ax=None, title="the step-by-step network learns its one example"):
    """The error before each update, on a log scale (lesson 7).

    Parameters
    ----------
    errors : array of shape (n_updates,)
        ``errors[k]`` is the error after ``k`` updates.

    Returns
    -------
    matplotlib.axes.Axes
    """
    ax = new_axes(ax, figsize=(7, 3.5))
    ax.semilogy(np.arange(len(errors)), errors)
    ax.set_xlabel("updates so far")
    ax.set_ylabel("total error E (log scale)")
    ax.set_title(title)
    ax.grid(True, which="both", alpha=0.3)
    return ax


def plot_epsilon_sweep(epsilons, errors, ax=None):
    """Relative error of a gradient check against its finite-difference step, both on log scales,
    the step shrinking from left to right (lesson 7).

    Parameters
    ----------
    epsilons, errors : arrays of shape (n,)
        The steps tried and the relative error (backpropagation vs finite differences) of each.

    Returns
    -------
    matplotlib.axes.Axes
    """
    ax = new_axes(ax, figsize=(6.5, 3.8))
    ax.loglog(epsilons, errors, "o-")
    ax.set_xlabel("finite-difference step epsilon")
    ax.set_ylabel("relative error (backprop vs finite differences)")
    ax.set_title("epsilon too big: formula error (~eps²); too small: rounding (~1e-16/eps)", fontsize=10)
    ax.invert_xaxis()
    ax.grid(True, which="both", alpha=0.3)
    return ax
