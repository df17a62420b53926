"""nnlib: the small numpy neural-network library of the course "Neural networks from scratch".

One concept per module, in the order the lessons meet them:

* :mod:`nnlib.installation` the check that the course's environment is complete (lesson 0)
* :mod:`nnlib.datasets`    the MNIST digits (lesson 1)
* :mod:`nnlib.network`     the multilayer perceptron, forward pass and backpropagation (lessons 1-2, 6-7)
* :mod:`nnlib.activations` sigmoid, ReLU, tanh and their derivatives (lesson 3)
* :mod:`nnlib.losses`      quadratic cost, softmax and cross-entropy (lessons 4-5)
* :mod:`nnlib.descent`     plain gradient descent on small functions (lessons 4-5)
* :mod:`nnlib.training`    stochastic gradient descent over mini-batches (lesson 5)
* :mod:`nnlib.autograd`    a scalar computational-graph engine (lesson 7)
* :mod:`nnlib.step_by_step` the 2-2-2 example of lesson 7, walked one computation at a time
* :mod:`nnlib.gradcheck`   finite-difference gradient checking (lesson 7)
* :mod:`nnlib.plots`       the course's figures; :mod:`nnlib.widgets` its sliders
* :mod:`nnlib.exercises`   the ``check_...`` functions of each lesson's exercises

Bad input is refused at once, with a ValueError or TypeError naming the argument, what was expected
and what was given (NaN, infinity, ragged lists, wrong shapes, 0-255 pixels where activations between
0 and 1 are expected), because a silent wrong answer teaches the wrong thing. A training run whose
cost becomes infinite stops with :class:`TrainingDiverged` and leaves the network as it was before.
"""

from .datasets import load_mnist, one_hot
from .gradcheck import gradient_check
from .network import Network
from .training import TrainingDiverged, train

__version__ = "0.1.0"
__all__ = ["Network", "TrainingDiverged", "gradient_check", "load_mnist", "one_hot", "train"]
