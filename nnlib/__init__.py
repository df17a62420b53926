"""nnlib: the small numpy neural-network library of the course "Neural networks from scratch".

One concept per module, in the order the lessons meet them:

* :mod:`nnlib.installation` the check that the course's environment is complete (lesson 0)
* :mod:`nnlib.datasets`    the MNIST digits (lesson 1)
* :mod:`nnlib.network`     the multilayer perceptron: forward pass, backpropagation, a gradient step (lessons 1-2, 6-7)
* :mod:`nnlib.activations` sigmoid, ReLU, tanh and their derivatives (lesson 3)
* :mod:`nnlib.losses`      the quadratic cost, softmax and cross-entropy (lessons 4-5)
* :mod:`nnlib.descent`     plain and mini-batch gradient descent on small functions (lessons 4-5)
* :mod:`nnlib.nudges`      reading a network's negative gradient, parameter by parameter (lesson 4)
* :mod:`nnlib.training`    stochastic gradient descent over mini-batches (lesson 5)
* :mod:`nnlib.evaluation`  counting a trained network's answers: the confusion matrix (lesson 5)
* :mod:`nnlib.preprocessing` making a drawing look like an MNIST digit (lesson 5)
* :mod:`nnlib.saving`      saving a trained network to a file and loading it back
* :mod:`nnlib.autograd`    a scalar computational-graph engine (lesson 7)
* :mod:`nnlib.step_by_step` the 2-2-2 example of lesson 7, built from the graph engine's values
* :mod:`nnlib.gradcheck`   finite-difference gradient checking (lesson 7)
* :mod:`nnlib.plots`       the course's figures; :mod:`nnlib.widgets` its sliders and views
* :mod:`nnlib.exercises`   the ``check_...`` functions of each lesson's exercises

Bad input is refused at once, with a ValueError or TypeError naming the argument, what was expected
and what was given (NaN, infinity, ragged lists, wrong shapes, raw 0-255 pixels where brightness from 0
to 1 is expected), because a silent wrong answer teaches the wrong thing. A training run whose cost runs
away stops with :class:`TrainingDiverged` and leaves the network as it was before that epoch.

The names below are imported when first used, so that ``import nnlib.installation`` needs nothing but
the standard library: lesson 0 checks the environment before anything else is imported.
"""

import importlib

__version__ = "0.1.0"

_WHERE = {"Network": "network", "TrainingDiverged": "training", "train": "training",
          "gradient_check": "gradcheck", "load_mnist": "datasets", "one_hot": "datasets",
          "save_network": "saving", "load_network": "saving"}
__all__ = sorted(_WHERE)


def __getattr__(name):
    if name in _WHERE:
        return getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
    try:
        return importlib.import_module(f".{name}", __name__)          # a module, e.g. nnlib.gradcheck
    except ModuleNotFoundError as error:
        if error.name != f"{__name__}.{name}":
            raise                                                     # the module exists, something it needs does not
        raise AttributeError(f"module 'nnlib' has no attribute {name!r}") from None


def __dir__():
    return sorted(list(globals()) + __all__)
