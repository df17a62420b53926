"""Digit images and weight images (lessons 1, 2 and 5)."""

import matplotlib.pyplot as plt
import numpy as np

from .. import _validate
from .style import ACTIVATION_CMAP, WEIGHT_CMAP, new_axes

ZOOM = "#f0a202"   # outline of a zoomed-in part of a digit


def _as_square(image, name="image"):
    arr = np.asarray(image, dtype=float)
    if arr.size == 784:
        return arr.reshape(28, 28)
    side = int(round(np.sqrt(arr.size)))
    if arr.ndim == 2 or side * side != arr.size:
        if arr.ndim == 2:
            return arr
        raise ValueError(f"{name} must have 784 values (28x28) or be square, got shape {arr.shape}")
    return arr.reshape(side, side)


def show_digit(image, ax=None, title=None):
    """Show one digit (784 values or 28x28, brightness from 0 to 1) as a grey picture. Returns the AxesImage.

    Raw 0-255 pixels are refused (divide them by 255), as the network refuses them.
    """
    ax = new_axes(ax, (3, 3))
    shown = ax.imshow(_as_square(_validate.as_image(image, "image")), cmap=ACTIVATION_CMAP, vmin=0, vmax=1)
    ax.set_xticks([]), ax.set_yticks([])
    if title:
        ax.set_title(title)
    return shown


def show_digit_values(image, label=None, rows=(4, 14), cols=(6, 24), fontsize=9):
    """A digit as a picture, beside a zoomed crop of its grid of activations printed to one decimal.

    All 784 numbers would be far too small to read, so the left panel shows the whole digit with the
    crop outlined, and the right panel shows the pixels of ``rows`` x ``cols`` (start included, end
    excluded) with each value printed in it: exact zeros as a dim "0", the others to one decimal.
    Axis ticks give the real row and column numbers of the 28x28 grid.

    Parameters
    ----------
    image : array of 784 values (or 28x28), in [0, 1]
    label : int, optional
        Named in the left panel's title.
    rows, cols : (int, int)
        The crop, as ``range``-style bounds inside 0..28.
    fontsize : float
        Size of the printed numbers, in points (about 9 points as displayed at the default size).

    Returns
    -------
    matplotlib.figure.Figure
    """
    pixels = _as_square(image)
    (top, bottom), (left_col, right_col) = rows, cols
    if not (0 <= top < bottom <= pixels.shape[0] and 0 <= left_col < right_col <= pixels.shape[1]):
        raise ValueError(f"rows and cols must be (start, end) inside the {pixels.shape} grid, got {rows}, {cols}")
    crop = pixels[top:bottom, left_col:right_col]
    fig, (left, right) = plt.subplots(1, 2, figsize=(9, 4.3), gridspec_kw={"width_ratios": [1, 1.9]})
    name = f"a {label}" if label is not None else "a digit"
    show_digit(pixels, left, f"What you see: {name}")
    left.add_patch(plt.Rectangle((left_col - 0.5, top - 0.5), right_col - left_col, bottom - top, fill=False,
                                 edgecolor=ZOOM, linewidth=2))
    left.set_xlabel("the outlined part is zoomed in on the right", fontsize=9)
    extent = (left_col - 0.5, right_col - 0.5, bottom - 0.5, top - 0.5)
    right.imshow(crop, cmap=ACTIVATION_CMAP, vmin=0, vmax=1, extent=extent)
    for (row, col), value in np.ndenumerate(crop):
        text = "0" if value == 0 else f"{value:.1f}"
        colour = "black" if value > 0.5 else ("white" if value > 0 else "#8a8a8a")
        right.text(left_col + col, top + row, text, ha="center", va="center", fontsize=fontsize, color=colour)
    right.set_xticks(range(left_col, right_col, 2)), right.set_yticks(range(top, bottom))
    right.tick_params(labelsize=9)
    right.set_title(f"What the network sees (rows {top}-{bottom - 1}, columns {left_col}-{right_col - 1})",
                    fontsize=11)
    right.set_xlabel("column"), right.set_ylabel("row")
    for spine in right.spines.values():
        spine.set_edgecolor(ZOOM), spine.set_linewidth(2)
    fig.tight_layout()
    return fig


def show_digits(images, labels=None, predictions=None, confidences=None, ncols=10, size=1.2, title=None):
    """A gallery of digits with optional labels, predictions (red when wrong) and confidences.

    ``images`` has shape (n, 784) or (n, 28, 28), brightness from 0 to 1. Returns the figure.
    """
    images = _validate.as_image(images, "images")
    n = images.shape[0]
    ncols = min(ncols, n)
    nrows = int(np.ceil(n / ncols))
    title_lines = (labels is not None) + (predictions is not None)      # room for each digit's title
    fig, axes = plt.subplots(nrows, ncols, figsize=(size * ncols, nrows * (size + 0.2 * title_lines) + 0.3),
                             squeeze=False)
    for i, ax in enumerate(axes.flat):
        ax.axis("off")
        if i >= n:
            continue
        show_digit(images[i], ax)
        parts, colour = [], "black"
        if labels is not None:
            parts.append(f"label {labels[i]}")
        if predictions is not None:
            guess = f"guess {predictions[i]}"
            if confidences is not None:
                guess += f" ({100 * confidences[i]:.0f}%)"
            parts.append(guess)
            if labels is not None and predictions[i] != labels[i]:
                colour = "crimson"
        if parts:
            ax.set_title("\n".join(parts), fontsize=8, color=colour)
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig


def show_weight_image(weights, ax=None, title=None, colorbar=True, limit=None):
    """Show 784 weights (or any square number) as an image: blue positive, red negative, white 0.

    The colour scale is symmetric around zero (``limit`` = largest magnitude shown). Returns the AxesImage.
    """
    grid = _as_square(weights, "weights")
    if limit is None:
        limit = float(np.max(np.abs(grid))) or 1.0
    ax = new_axes(ax, (3.6, 3))
    shown = ax.imshow(grid, cmap=WEIGHT_CMAP, vmin=-limit, vmax=limit)
    ax.set_xticks([]), ax.set_yticks([])
    if title:
        ax.set_title(title)
    if colorbar:
        ax.figure.colorbar(shown, ax=ax, fraction=0.046, pad=0.04, label="weight")
    return shown


def show_weight_images(weight_matrix, ncols=8, size=1.6, title=None, mark=None):
    """Each row of ``weight_matrix`` (shape (n_neurons, 784)) as a 28x28 weight image. Returns the figure.

    All images share one colour scale, symmetric around zero (white 0, blue positive, red negative),
    shown by one colour bar. ``mark`` (784 booleans, optional) paints those pixels grey in every
    image, e.g. the pixels that are dark in every training image.
    """
    weight_matrix = np.asarray(weight_matrix)
    n = weight_matrix.shape[0]
    limit = float(np.max(np.abs(weight_matrix))) or 1.0
    nrows = int(np.ceil(n / ncols))
    fig, axes = plt.subplots(nrows, ncols, figsize=(size * ncols + 0.9, (size + 0.25) * nrows + 0.5), squeeze=False)
    overlay = None
    if mark is not None:
        mark = _as_square(np.asarray(mark, dtype=bool), "mark") != 0
        overlay = np.zeros(mark.shape + (4,))
        overlay[mark] = (0.55, 0.55, 0.55, 1.0)
    for i, ax in enumerate(axes.flat):
        ax.axis("off")
        if i < n:
            shown = show_weight_image(weight_matrix[i], ax, f"neuron {i}", colorbar=False, limit=limit)
            if overlay is not None:
                ax.imshow(overlay)
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    fig.colorbar(shown, ax=axes, fraction=0.02, pad=0.01, label="weight")
    return fig


def show_weighted_sums(weights, images, labels=None, size=1.7, title=None):
    """How one neuron's weights meet several digits: each digit above its products ``w * a``.

    Top row: the digits (grey). Bottom row: the pixel-by-pixel products of the weights with the
    digit, blue where a bright pixel meets a positive weight, red where it meets a negative one.
    The sum of a bottom image is the neuron's weighted sum for that digit, printed above it.

    Parameters
    ----------
    weights : array of 784 values (or 28x28)
    images : array, shape (n, 784) or (n, 28, 28)
    labels : sequence of int, optional

    Returns
    -------
    (matplotlib.figure.Figure, numpy.ndarray)
        The figure and the n weighted sums.
    """
    w = _as_square(weights, "weights").ravel()
    images = np.asarray(images, dtype=float).reshape(len(images), -1)
    if images.shape[1] != w.size:
        raise ValueError(f"images must have {w.size} pixels each like the weights, got shape {images.shape}")
    products = images * w
    sums = products.sum(axis=1)
    limit = float(np.max(np.abs(w))) or 1.0
    n = len(images)
    fig, axes = plt.subplots(2, n, figsize=(size * n, 2 * size + 0.9), squeeze=False)
    for k in range(n):
        name = f"a {labels[k]}" if labels is not None else f"digit {k}"
        show_digit(images[k], axes[0, k], name)
        show_weight_image(products[k], axes[1, k], f"sum = {sums[k]:.1f}", colorbar=False, limit=limit)
        axes[0, k].title.set_fontsize(10), axes[1, k].title.set_fontsize(10)
    axes[0, 0].set_ylabel("digit a"), axes[1, 0].set_ylabel("w * a")
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig, sums
