"""Figures of backpropagation at work (lesson 7): the error of the step-by-step network update after
update, and how the finite-difference step of a gradient check decides what it measures.
"""

import numpy as np

from .style import new_axes

FONT_SIZE = 12


def plot_error_per_update(errors, ax=None, title="the step-by-step network learns its one example"):
    """The error after each number of updates, on a log scale (lesson 7).

    Parameters
    ----------
    errors : array of shape (n_updates,)
        ``errors[k]`` is the error after ``k`` updates.

    Returns
    -------
    matplotlib.axes.Axes
    """
    ax = new_axes(ax, figsize=(7.5, 3.8))
    ax.semilogy(np.arange(len(errors)), errors, lw=2)
    ax.set_xlabel("updates so far", fontsize=FONT_SIZE)
    ax.set_ylabel("total error E (log scale)", fontsize=FONT_SIZE)
    ax.set_title(title, fontsize=FONT_SIZE + 1)
    ax.tick_params(labelsize=FONT_SIZE - 1)
    ax.grid(True, which="both", alpha=0.3)
    return ax


def plot_epsilon_sweep(epsilons, errors, ax=None, default_epsilon=None, guides=True):
    """Relative error of a gradient check against its finite-difference step, both on log scales,
    the step shrinking from left to right (lesson 7).

    Parameters
    ----------
    epsilons, errors : arrays of shape (n,)
        The steps tried and the relative error (backpropagation vs finite differences) of each.
    default_epsilon : float, optional
        A step to mark with a vertical line (nnlib's default, say).
    guides : bool
        Draw the two errors that explain the V as lines, each through one end of the measured points:
        the formula's error, proportional to eps**2 (it comes from the third derivative of the cost), and
        rounding, proportional to eps_mach / eps; and mark (3 eps_mach) ** (1/3), where their sum
        eps**2 |C'''| / 6 + eps_mach |C| / eps is smallest when the cost and its third derivative have the
        same size: the derivation's estimate of the best step, not a measurement. The measured points are
        drawn as dots on top, the lowest one ringed.

    Returns
    -------
    matplotlib.axes.Axes
    """
    epsilons, errors = np.asarray(epsilons, dtype=float), np.asarray(errors, dtype=float)
    if epsilons.shape != errors.shape or epsilons.ndim != 1 or len(epsilons) < 2:
        raise ValueError(f"epsilons and errors must be 1-D arrays of the same length (at least 2), "
                         f"got shapes {epsilons.shape} and {errors.shape}")
    ax = new_axes(ax, figsize=(7.5, 5.0))
    ax.loglog(epsilons, errors, "o", color="#2166ac", ms=7, label="measured", zorder=4)
    if guides:
        big, small = np.argmax(epsilons), np.argmin(epsilons)
        span = np.geomspace(epsilons.min(), epsilons.max(), 100)
        ax.loglog(span, errors[big] * (span / epsilons[big]) ** 2, "--", color="#d6604d", lw=2, zorder=2,
                  label="formula error ∝ ε² (step too big)")
        ax.loglog(span, errors[small] * epsilons[small] / span, "-", color="#1b7837", lw=2, alpha=0.8, zorder=2,
                  label="rounding ∝ ε_mach/ε (step too small)")
        optimum = (3 * np.finfo(float).eps) ** (1 / 3)     # where eps^2 |C'''|/6 + eps_mach |C|/eps is least
        ax.axvline(optimum, color="#555555", lw=1.8, ls="-.", alpha=0.7, zorder=1,
                   label=f"the derivation's estimate (3 ε_mach)^(1/3) = {optimum:.1e}")
        # the two lines nearly coincide: name each at the top, on its own side (the x axis is reversed)
        ax.annotate("estimate", (optimum, 1.0), xycoords=("data", "axes fraction"), xytext=(4, -12),
                    textcoords="offset points", ha="left", fontsize=FONT_SIZE - 2, color="#555555")
        lowest = np.argmin(errors)
        ax.loglog(epsilons[lowest], errors[lowest], "o", ms=15, mfc="none", mec="black", mew=1.6, zorder=5,
                  label=f"lowest measured, ε = {epsilons[lowest]:.1e}")
        ax.set_ylim(errors.min() / 10, errors.max() * 10)
    if default_epsilon is not None:
        # drawn on top of the estimate's line, dashed, so that it shows where the two overlap
        ax.axvline(default_epsilon, color="#e08214", lw=2.2, ls=(0, (4, 3)), alpha=1.0, zorder=3,
                   label=f"nnlib's default ε = {default_epsilon:g}")
        ax.annotate("default", (default_epsilon, 1.0), xycoords=("data", "axes fraction"), xytext=(-4, -26),
                    textcoords="offset points", ha="right", fontsize=FONT_SIZE - 2, color="#e08214")
    ax.set_xlabel("finite-difference step ε (smaller to the right)", fontsize=FONT_SIZE)
    ax.set_ylabel("relative error, backprop vs differences", fontsize=FONT_SIZE)
    ax.set_title("too big a step: the formula's error; too small: rounding", fontsize=FONT_SIZE + 1)
    ax.tick_params(labelsize=FONT_SIZE - 1)
    ax.invert_xaxis()
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=FONT_SIZE - 2, loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=2, frameon=False)
    ax.figure.subplots_adjust(bottom=0.3)
    return ax
