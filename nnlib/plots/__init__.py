"""The course's figures, drawn with matplotlib (used from lesson 1 on).

Every function draws into a matplotlib ``Axes`` (a new figure if none is given) and returns what it
drew, so that a notebook cell stays short and a test can check the result. Colours keep one meaning
in every lesson: :data:`POSITIVE` (blue) for positive weights, :data:`NEGATIVE` (red) for negative
ones, and grey levels for activations (black 0, white 1), as on the MNIST images themselves.

Submodules: :mod:`~nnlib.plots.style` (colours), :mod:`~nnlib.plots.digits` (digit and weight
images), :mod:`~nnlib.plots.diagram` (the network drawn as neurons and connections),
:mod:`~nnlib.plots.curves` (activation functions and training curves).
"""

from .curves import plot_activations, plot_history
from .diagram import draw_network
from .digits import show_digit, show_digit_values, show_digits, show_weight_image, show_weight_images
from .style import NEGATIVE, POSITIVE, WEIGHT_CMAP

__all__ = ["NEGATIVE", "POSITIVE", "WEIGHT_CMAP", "draw_network", "plot_activations", "plot_history",
           "show_digit", "show_digit_values", "show_digits", "show_weight_image", "show_weight_images"]
