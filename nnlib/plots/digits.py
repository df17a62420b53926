"""Digit images and weight images (lessons 1, 2 and 5)."""

import matplotlib.pyplot as plt
import numpy as np

from .style import ACTIVATION_CMAP, WEIGHT_CMAP, new_axes


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
    """Show one digit (784 values or 28x28, in [0, 1]) as a grey picture. Returns the AxesImage."""
    ax = new_axes(ax, (3, 3))
    shown = ax.imshow(_as_square(image), cmap=ACTIVATION_CMAP, vmin=0, vmax=1)
    ax.set_xticks([]), ax.set_yticks([])
    if title:
        ax.set_title(title)
    return shown


def show_digit_values(image, label=None, figsize=(14, 7)):
    """A digit as a picture and as its 28x28 grid of activations (one decimal), side by side.

    Every one of the 784 values is printed (zeros dimmed). Returns the figure.
    """
    pixels = _as_square(image)
    fig, (left, right) = plt.subplots(1, 2, figsize=figsize, gridspec_kw={"width_ratios": [1, 2]})
    name = f"a {label}" if label is not None else "a digit"
    show_digit(pixels, left, f"What you see: {name}")
    right.imshow(pixels, cmap=ACTIVATION_CMAP, vmin=0, vmax=1)
    for (row, col), value in np.ndenumerate(pixels):
        colour = "black" if value > 0.5 else ("white" if value >= 0.05 else "#707070")
        right.text(col, row, f"{value:.1f}", ha="center", va="center", fontsize=5.5, color=colour)
    right.set_title("What the network sees: 784 activations between 0 and 1")
    right.set_xlabel("column"), right.set_ylabel("row")
    fig.tight_layout()
    return fig


def show_digits(images, labels=None, predictions=None, confidences=None, ncols=10, size=1.2, title=None):
    """A gallery of digits with optional labels, predictions (red when wrong) and confidences.

    ``images`` has shape (n, 784) or (n, 28, 28). Returns the figure.
    """
    images = np.asarray(images)
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


def show_weight_images(weight_matrix, ncols=8, size=1.6, title=None):
    """Each row of ``weight_matrix`` (shape (n_neurons, 784)) as a 28x28 weight image. Returns the figure."""
    weight_matrix = np.asarray(weight_matrix)
    n = weight_matrix.shape[0]
    nrows = int(np.ceil(n / ncols))
    fig, axes = plt.subplots(nrows, ncols, figsize=(size * ncols, (size + 0.25) * nrows + 0.5), squeeze=False)
    for i, ax in enumerate(axes.flat):
        ax.axis("off")
        if i < n:
            show_weight_image(weight_matrix[i], ax, f"neuron {i}", colorbar=False)
    if title:
        fig.suptitle(title)
    fig.tight_layout()
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
    axes[0, 0].set_ylabel("digit a"), axes[1, 0].set_ylabel("w * a")
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig, sums
