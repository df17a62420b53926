"""Cost functions (lesson 4; softmax and cross-entropy in lesson 5).

A cost compares the network's outputs ``a`` with the desired outputs ``y`` and gives one number: small
when the outputs are close to the desired ones, large when the network is confidently wrong. The cost
``C_x`` of one example is defined below for each cost; the cost of a batch of n examples is their
average, ``C = (1/n) sum_x C_x``.

Each cost is a small class, in the shape of Nielsen's ``network2.py``, made for the activation of the
output layer it follows:

* ``fn(z, a, y)``: the cost C of a batch, a float;
* ``delta(z, a, y)``: the output error ``delta = dC_x/dz`` of each example, one row per example: where
  backpropagation starts. It is the error of one example: the 1/n of the average is applied once, where
  the network averages its gradients (:meth:`nnlib.network.Network.backprop`).

``z`` is the output layer's weighted input, ``a = activation(z)`` its output and ``y`` the desired output,
all of shape ``(n_examples, n_outputs)``; each cost uses what it needs.

The public functions (:func:`quadratic_cost`, :func:`quadratic_cost_prime`, ...) check their arguments
(real, finite numbers, equal shapes; ``(n_outputs,)`` is one example) and compute with the classes.
(:func:`softmax` itself lives in :mod:`nnlib.activations`: it is the output layer's activation.)
"""

import numpy as np

from . import _validate
from .activations import IDENTITY, SOFTMAX


def _log_softmax(z):
    """``log(softmax(z))`` for each row, computed from ``z`` so that it is never the log of 0."""
    shifted = z - np.max(z, axis=-1, keepdims=True)
    return shifted - np.log(np.sum(np.exp(shifted), axis=-1, keepdims=True))


class QuadraticCost:
    """3Blue1Brown's cost, ``C_x = sum_j (a_j - y_j)**2``, for outputs ``a = activation(z)``."""

    name = "quadratic"

    def __init__(self, activation):
        if activation.prime_from_output is None:
            raise ValueError(f"cost={self.name!r} needs an element-wise output activation, not {activation.name!r} "
                             f"(softmax goes with cost='cross_entropy')")
        self.activation = activation

    def fn(self, z, a, y):
        """The cost of the batch: ``C_x`` averaged over its examples."""
        return float(np.sum((a - y) ** 2)) / len(a)

    def delta(self, z, a, y):
        """``dC_x/dz = dC_x/da * f'(z) = 2 (a - y) * f'(z)`` for each example, f' written from ``a``."""
        return 2 * (a - y) * self.activation.prime_from_output(a)


class HalfQuadraticCost(QuadraticCost):
    """Half the quadratic cost, ``C_x = sum_j 1/2 (a_j - y_j)**2``: many textbooks' cost, and that of the
    step-by-step example of lesson 7. The half cancels the 2 of the derivative; it has the same minima."""

    name = "half_quadratic"

    def fn(self, z, a, y):
        """The cost of the batch: ``C_x`` averaged over its examples."""
        return 0.5 * float(np.sum((a - y) ** 2)) / len(a)

    def delta(self, z, a, y):
        """``dC_x/dz = (a - y) * f'(z)`` for each example, f' written from ``a``."""
        return (a - y) * self.activation.prime_from_output(a)


class CrossEntropyCost:
    """Softmax outputs with the cross-entropy, ``C_x = -sum_j y_j log a_j`` where ``a = softmax(z)`` (lesson 5).

    This is the cross-entropy over several classes that goes with softmax; Nielsen's ``network2.py`` uses the
    name ``CrossEntropyCost`` for another cost, the one for sigmoid outputs, each judged on its own.
    """

    name = "cross_entropy"

    def __init__(self, activation):
        if activation is not SOFTMAX:
            raise ValueError(f"cost='cross_entropy' goes with output_activation='softmax', not {activation.name!r}")
        self.activation = activation

    def fn(self, z, a, y):
        """The cost of the batch, with ``log a`` computed from ``z`` (so never ``log 0``)."""
        return float(-np.sum(y * _log_softmax(z))) / len(z)

    def delta(self, z, a, y):
        """``dC_x/dz = a - y``: the derivatives of the softmax and of the log cancel to this (lesson 5)."""
        return a - y


COSTS = {cost.name: cost for cost in (QuadraticCost, HalfQuadraticCost, CrossEntropyCost)}
"""The cost classes a :class:`~nnlib.network.Network` can use, by name."""


# ----------------------------------------------------------------------------- checked functions
def _examples(output, target, output_name="output"):
    """Check a cost's arguments; return both as float arrays of shape (n_examples, n_outputs)."""
    output = _validate.as_float_array(output, output_name, ndim=(1, 2))
    target = _validate.as_float_array(target, "target", ndim=(1, 2))
    _validate.same_shape(output, target, output_name, "target")
    return np.atleast_2d(output), np.atleast_2d(target)


# With the identity as output activation, a = z and dC/dz is dC/da: the classes above then give the
# derivative with respect to the outputs themselves. Divided by n, it is that of the average over examples.

def quadratic_cost(output, target):
    """3Blue1Brown's cost: sum over the outputs of ``(output - target)**2``, averaged over examples."""
    a, y = _examples(output, target)
    return QuadraticCost(IDENTITY).fn(a, a, y)


def quadratic_cost_prime(output, target):
    """Derivative of :func:`quadratic_cost` with respect to ``output``: ``2 (output - target) / n``."""
    a, y = _examples(output, target)
    return (QuadraticCost(IDENTITY).delta(a, a, y) / len(a)).reshape(np.shape(output))


def half_quadratic_cost(output, target):
    """Half the quadratic cost, ``sum 1/2 (output - target)**2``, averaged over examples."""
    a, y = _examples(output, target)
    return HalfQuadraticCost(IDENTITY).fn(a, a, y)


def half_quadratic_cost_prime(output, target):
    """Derivative of :func:`half_quadratic_cost` with respect to ``output``: ``(output - target) / n``."""
    a, y = _examples(output, target)
    return (HalfQuadraticCost(IDENTITY).delta(a, a, y) / len(a)).reshape(np.shape(output))


def cross_entropy_cost(scores, target):
    """Softmax followed by cross-entropy, from the raw output scores ``z``: ``-sum(target * log(softmax(z)))``
    averaged over examples; ``target`` is one-hot (or any probability distribution per row)."""
    z, y = _examples(scores, target, "scores")
    return CrossEntropyCost(SOFTMAX).fn(z, None, y)


def cross_entropy_cost_prime(scores, target):
    """Derivative of :func:`cross_entropy_cost` with respect to the scores: ``(softmax(z) - target) / n``."""
    z, y = _examples(scores, target, "scores")
    return (CrossEntropyCost(SOFTMAX).delta(z, SOFTMAX.function(z), y) / len(z)).reshape(np.shape(scores))
