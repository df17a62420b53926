"""The course's figures, drawn with matplotlib (used from lesson 1 on).

Every function draws into a matplotlib ``Axes`` (a new figure if none is given) and returns what it
drew, so that a notebook cell stays short and a test can check the result. Colours keep one meaning
in every lesson: :data:`POSITIVE` (blue) for positive weights, :data:`NEGATIVE` (red) for negative
ones, and grey levels for activations (black 0, white 1), as on the MNIST images themselves.

Submodules, in lesson order:

* :mod:`~nnlib.plots.style`      colours shared by every figure
* :mod:`~nnlib.plots.digits`     digit images, weight images, weighted sums (lessons 1-2, 5)
* :mod:`~nnlib.plots.diagram`    the network drawn as neurons and connections (lessons 1, 5)
* :mod:`~nnlib.plots.curves`     neuron and activation curves, gradients per layer (lessons 2-3)
* :mod:`~nnlib.plots.descent`    gradient-descent paths, contours and cost curves (lessons 4-5)
* :mod:`~nnlib.plots.evaluation` cost of one output, training curves, confusion matrix, misclassified digits (lessons 4-5)
* :mod:`~nnlib.plots.training`   mini-batch walks, full batch against mini-batches in time, saturation, ablation (lesson 5)
* :mod:`~nnlib.plots.nudges`     what each output neuron wants from the layer before (lesson 6)
* :mod:`~nnlib.plots.graph`      computational graphs with values and gradients (lesson 7)
* :mod:`~nnlib.plots.backprop`   the step-by-step network's error per update, the gradient check's step (lesson 7)

The most used functions are available from ``nnlib.plots`` directly.
"""

from .curves import plot_activations
from .diagram import draw_network
from .digits import show_digit, show_digit_values, show_digits, show_weight_image, show_weight_images
from .style import NEGATIVE, POSITIVE, WEIGHT_CMAP

__all__ = ["NEGATIVE", "POSITIVE", "WEIGHT_CMAP", "draw_network", "plot_activations",
           "show_digit", "show_digit_values", "show_digits", "show_weight_image", "show_weight_images"]
