"""Colours shared by every figure of the course."""

import matplotlib.pyplot as plt
from matplotlib.colors import LinearSegmentedColormap

POSITIVE = "#2166ac"   # positive weights: blue
NEGATIVE = "#d6604d"   # negative weights: red
POSITIVE_ON_DARK = "#4393c3"   # the same blue, lighter: on a dark background as visible as the red
ACTIVATION_CMAP = "gray"  # activations and pixels: 0 black, 1 white
WEIGHT_CMAP = LinearSegmentedColormap.from_list("weights", [NEGATIVE, "#f7f7f7", POSITIVE])
"""Diverging colour map for weights: red negative, white zero, blue positive."""


def new_axes(ax=None, figsize=(4, 4)):
    """Return ``ax``, or the axes of a new figure of the given size."""
    if ax is None:
        _, ax = plt.subplots(figsize=figsize)
    return ax
