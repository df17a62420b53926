"""Digit images and weight images (lessons 1, 2 and 5), and what a hand-built detector does over many digits
(lesson 2)."""

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


def show_weight_images(weight_matrix, ncols=8, size=1.6, title=None, mark=None, colorbar_label="weight"):
    """Each row of ``weight_matrix`` (shape (n_neurons, 784)) as a 28x28 weight image. Returns the figure.

    All images share one colour scale, symmetric around zero (white 0, blue positive, red negative),
    shown by one colour bar named ``colorbar_label`` (e.g. "change of weight" for a difference of two
    weight matrices). ``mark`` (784 booleans, optional) paints those pixels grey in every image, e.g. the
    pixels that are dark in every training image.
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
    fig.colorbar(shown, ax=axes, fraction=0.02, pad=0.01, label=colorbar_label)
    return fig


def show_weighted_sums(weights, images, labels=None, size=1.7, title=None, window=None, key=True, crop=None):
    """How one neuron's weights meet several digits: each digit above its products ``w * a``.

    Top row: the digits (grey). Below, one row per weight image: the pixel-by-pixel products of the
    weights with the digit, blue where a bright pixel meets a positive weight, red where it meets a
    negative one. The sum of a product image is the neuron's weighted sum for that digit, printed above it.
    Each row is one image of n tiles side by side (one axes per row, which draws fast).

    Parameters
    ----------
    weights : array of 784 values (or 28x28), or dict of str -> such an array
        One neuron's weights, or several neurons' by name (one row of products each, named at the left).
    images : array, shape (n, 784) or (n, 28, 28)
    labels : sequence of int, optional
    window : ((int, int), (int, int)), optional
        ``((first_row, last_row), (first_column, last_column))``, a box drawn on every digit and every
        product tile (the region the weights look at), rows and columns counted from 0, both ends included.
    key : bool
        Write what blue and red mean under the figure.
    crop : ((int, int), (int, int)), optional
        ``((first_row, last_row), (first_column, last_column))``: draw only this part of each product tile,
        magnified to the width of a digit (the digits stay whole), so that small products are visible.
        The sums are still over all pixels.

    Returns
    -------
    (matplotlib.figure.Figure, numpy.ndarray or dict of str -> numpy.ndarray)
        The figure (its axes: the digits, then one per weight image, each with one text per tile: the
        digit's name or the sum) and the n weighted sums (a dict of them, by name, when ``weights`` is a dict).
    """
    named = dict(weights) if isinstance(weights, dict) else {"w * a": weights}
    flat = {name: _as_square(w, "weights").ravel() for name, w in named.items()}
    images = np.asarray(images, dtype=float).reshape(len(images), -1)
    for w in flat.values():
        if images.shape[1] != w.size:
            raise ValueError(f"images must have {w.size} pixels each like the weights, got shape {images.shape}")
    side = int(round(np.sqrt(images.shape[1])))
    limit = max(float(np.max(np.abs(w))) for w in flat.values()) or 1.0
    n, rows, gap = len(images), len(flat), max(side // 7, 2)
    starts = np.arange(n) * (side + gap)

    def mosaic(tiles):
        canvas = np.full((side, n * side + (n - 1) * gap), np.nan)
        for start, tile in zip(starts, tiles):
            canvas[:, start:start + side] = tile.reshape(side, side)
        return canvas

    if crop is not None:
        (r0, r1), (c0, c1) = crop
        if not (0 <= r0 <= r1 < side and 0 <= c0 <= c1 < side):
            raise ValueError(f"crop must lie inside the {side}x{side} image, got {crop}")
    zoom = side / (c1 - c0 + 1) if crop is not None else 1.0          # a cropped tile is drawn this much larger
    tile_height = (r1 - r0 + 1) * zoom if crop is not None else side
    height = (size + 0.3) + rows * (size * tile_height / side + 0.3) + 0.4
    fig, axes = plt.subplots(1 + rows, 1, figsize=(size * n + 0.4, height), squeeze=False,
                             gridspec_kw={"height_ratios": [side + 2] + [tile_height + 2] * rows})
    axes = axes[:, 0]
    grey = plt.get_cmap(ACTIVATION_CMAP).with_extremes(bad="white")
    axes[0].imshow(mosaic(images), cmap=grey, vmin=0, vmax=1, interpolation="nearest")

    def draw_window(ax, start):
        if window is not None:
            (r0, r1), (c0, c1) = window
            ax.add_patch(plt.Rectangle((start + c0 - 0.5, r0 - 0.5), c1 - c0 + 1, r1 - r0 + 1, fill=False,
                                       edgecolor=ZOOM, lw=1.5))

    for k, start in enumerate(starts):
        name = f"a {labels[k]}" if labels is not None else f"digit {k}"
        axes[0].text(start + side / 2 - 0.5, -1.5, name, ha="center", va="bottom", fontsize=10)
        draw_window(axes[0], start)
    sums = {}
    weight_cmap = WEIGHT_CMAP.with_extremes(bad="white")
    for ax, (label, w) in zip(axes[1:], flat.items()):
        products = images * w
        sums[label] = products.sum(axis=1)
        if crop is None:
            ax.imshow(mosaic(products), cmap=weight_cmap, vmin=-limit, vmax=limit, interpolation="nearest")
        else:
            for start, tile in zip(starts, products):
                ax.imshow(tile.reshape(side, side)[r0:r1 + 1, c0:c1 + 1], cmap=weight_cmap, vmin=-limit, vmax=limit,
                          interpolation="nearest", extent=(start - 0.5, start - 0.5 + side, tile_height - 0.5, -0.5))
            ax.set_xlim(-0.5, starts[-1] + side - 0.5), ax.set_ylim(tile_height - 0.5, -0.5)
            ax.set_aspect("equal")
        for k, start in enumerate(starts):
            ax.add_patch(plt.Rectangle((start - 0.5, -0.5), side, tile_height, fill=False, edgecolor="#999999",
                                       lw=0.8))
            ax.text(start + side / 2 - 0.5, -1.5, f"sum = {sums[label][k]:.1f}", ha="center", va="bottom", fontsize=10)
            if crop is None:
                draw_window(ax, start)
        ax.set_ylabel(label, fontsize=10, rotation=0, ha="right", va="center", labelpad=4)
    axes[0].set_ylabel("the digits", fontsize=10, rotation=0, ha="right", va="center", labelpad=4)
    for ax in axes:
        ax.set_xticks([]), ax.set_yticks([])
        for spine in ax.spines.values():
            spine.set_visible(False)
    if title:
        fig.suptitle(title)
    if key:
        fig.supxlabel("products w * a:  blue, ink on a positive weight (adds);  "
                      "red, ink on a negative weight (subtracts)", fontsize=10)
    fig.tight_layout()
    return fig, (sums if isinstance(weights, dict) else sums["w * a"])


def show_detector(weights, ax=None, title=None):
    """A hand-built neuron's weights as a 28x28 image, with the rows and columns of its non-zero part labelled.

    Like :func:`show_weight_image` (blue positive, red negative, white 0, colour bar), plus tick labels on
    every row and column where some weight is not 0, and faint lines between those pixels, so that a
    caption can name rows and columns. Returns the AxesImage.
    """
    grid = _as_square(weights, "weights")
    shown = show_weight_image(grid, new_axes(ax, (5.0, 4.2)), title)
    ax = shown.axes
    rows, cols = np.flatnonzero(np.any(grid != 0, axis=1)), np.flatnonzero(np.any(grid != 0, axis=0))
    if rows.size:
        ax.set_yticks(rows), ax.set_xticks(cols)
        ax.tick_params(labelsize=8, length=2, pad=1)
        ax.set_xticklabels(cols, rotation=90)
        ax.set_xticks(np.arange(cols[0], cols[-1] + 2) - 0.5, minor=True)
        ax.set_yticks(np.arange(rows[0], rows[-1] + 2) - 0.5, minor=True)
        ax.grid(which="minor", color="white", lw=0.4)
        ax.tick_params(which="minor", length=0)
        ax.set_xlabel("column", fontsize=8), ax.set_ylabel("row", fontsize=8)
    return shown


DIGIT_COLOUR = "#e08214"   # the digit a detector looks for, in histograms of its weighted sums
OTHER_COLOUR = "#b8b8b8"   # every other digit


def plot_detector_sums(sums_by_name, labels, digit=7, thresholds=None, bins=None):
    """How a detector's weighted sums spread over many images: the wanted digit against all the others.

    Each class is drawn as the share of its own images in each bin (the wanted digit orange, all other digits
    grey), so the two shapes are comparable although the other digits are nine times as many: the area of a
    class to the right of a threshold is the share of that class that switches the neuron on.

    Parameters
    ----------
    sums_by_name : dict of str -> array of shape (n,)
        For each detector (one panel each), its weighted sum ``w . a`` for every image.
    labels : array of int, shape (n,)
        The digit each image shows.
    digit : int
        The digit the detectors look for.
    thresholds : dict of str -> list of (float, str), optional
        For each detector, vertical lines ``(value, label)`` marking thresholds (solid, dashed, dotted, named
        in the panel's key): the neuron is on for the sums to the right of a line.
    bins : array, optional
        Bin edges shared by all panels (default: 1 wide, over the range of all sums).

    Returns
    -------
    matplotlib.figure.Figure
    """
    labels = np.asarray(labels)
    everything = np.concatenate([np.asarray(s, dtype=float) for s in sums_by_name.values()])
    if bins is None:
        bins = np.arange(np.floor(everything.min()), np.ceil(everything.max()) + 2, 1.0)
    n = len(sums_by_name)
    fig, axes = plt.subplots(1, n, figsize=(5.2 * n, 4.2), sharex=True, sharey=True, squeeze=False)
    for ax, (name, sums) in zip(axes[0], sums_by_name.items()):
        sums = np.asarray(sums, dtype=float)
        for chosen, colour, label in ((labels != digit, OTHER_COLOUR, "other digits"),
                                      (labels == digit, DIGIT_COLOUR, f"{digit}s")):
            share = np.histogram(sums[chosen], bins)[0] / max(int(np.sum(chosen)), 1)
            ax.stairs(share, bins, fill=True, color=colour, alpha=0.45)
            ax.stairs(share, bins, color=colour, lw=1.8, label=label)
        ax.set_title(name, fontsize=11), ax.set_xlabel("weighted sum w·a"), ax.grid(alpha=0.3)
        for k, (value, text) in enumerate((thresholds or {}).get(name, [])):
            ax.axvline(value, color="black", lw=1.4, ls=("-", "--", ":")[k % 3], label=text)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=2, fontsize=9.5, frameon=False)   # clear of the lines
    width = float(np.diff(bins)[0])
    axes[0, 0].set_ylabel(f"share of each class's images\nper bin of width {width:g}")
    fig.tight_layout()
    return fig


def show_templates(templates, title=None, size=3.0):
    """Several weight images side by side, each with its own symmetric colour scale and colour bar.

    ``templates`` maps a name (the panel's title) to 784 weights (or 28x28), e.g. the average 7 and the average 7
    minus the average digit. Blue positive, red negative, white 0, as everywhere. Returns the figure.
    """
    n = len(templates)
    fig, axes = plt.subplots(1, n, figsize=(size * 1.25 * n, size), squeeze=False)
    for ax, (name, weights) in zip(axes[0], templates.items()):
        show_weight_image(weights, ax, name)
        ax.title.set_fontsize(10)
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig
