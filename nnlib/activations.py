"""Activation functions and their derivatives (lesson 3).

An activation function squishes a neuron's weighted input ``z`` into its activation ``a``.
Every function here works element by element on arrays of any shape, and is numerically stable:
``sigmoid(1000.0)`` and ``sigmoid(-1000.0)`` give 1 and 0 without an overflow warning.

Each derivative is offered in two forms:

* ``sigmoid_prime(z)`` takes the weighted input, as in the formulas of lesson 7;
* ``Activation.prime_from_output(a)`` takes the activation already computed in the forward pass,
  which is what backpropagation uses (``sigmoid'(z) = a (1 - a)``, ``tanh'(z) = 1 - a**2``), so no
  exponential is computed twice.

Each public function checks ``z`` once per call and refuses what has no activation: NaN, infinity,
booleans, text (a ValueError or TypeError naming ``z``); then its private twin right below it
(``_sigmoid`` for ``sigmoid``) computes. The network's forward and backward passes call the twins,
through :data:`ACTIVATIONS`, on weighted inputs they computed themselves: training pays nothing for
the checks.
"""

from dataclasses import dataclass
from typing import Callable

import numpy as np

from . import _validate


# exp(-z) overflows for z just below -log(largest float): -88.7 for float32, -709.8 for float64.
# The lowest z the sigmoid uses, by float type (a numpy scalar of that type: the fastest to compare with).
_LOWEST_Z = {np.dtype(t): t(1.0 - np.log(np.finfo(t).max)) for t in (np.float32, np.float64)}


def sigmoid(z):
    """The logistic curve ``1 / (1 + exp(-z))``, from (-inf, inf) into (0, 1).

    ``exp(-z)`` would overflow for z below about -88 (float32) or -709 (float64), so z is first
    raised to just above that limit, where the sigmoid is 0 to within 1e-38 (float32) or 1e-307
    (float64): ``sigmoid(-1000.0)`` and ``sigmoid(1000.0)`` give (almost) 0 and 1 without a warning.
    float32 stays float32; any other input (integers, float16) is computed in float64.
    """
    return _sigmoid(_validate.finite_array(z, "z"))


def _sigmoid(z):
    z = np.asarray(z)
    if z.dtype not in _LOWEST_Z:
        z = z.astype(np.float64)
    return 1 / (1 + np.exp(-np.maximum(z, _LOWEST_Z[z.dtype])))


def sigmoid_prime(z):
    """Derivative of the sigmoid: ``sigmoid(z) * (1 - sigmoid(z))``; at most 0.25, at z = 0."""
    return _sigmoid_prime(_validate.finite_array(z, "z"))


def _sigmoid_prime(z):
    s = _sigmoid(z)
    return s * (1.0 - s)


def relu(z):
    """The rectified linear unit ``max(0, z)``."""
    return _relu(_validate.finite_array(z, "z"))


def _relu(z):
    return np.maximum(z, 0)


def relu_prime(z):
    """Derivative of ReLU: 1 where ``z > 0``, else 0 (we take 0 at the kink z = 0)."""
    return _relu_prime(_validate.finite_array(z, "z"))


def _relu_prime(z):
    z = np.asarray(z)
    return (z > 0).astype(z.dtype if np.issubdtype(z.dtype, np.floating) else np.float64)


def tanh(z):
    """The hyperbolic tangent, from (-inf, inf) into (-1, 1); equals ``2 sigmoid(2z) - 1``."""
    return _tanh(_validate.finite_array(z, "z"))


def _tanh(z):
    return np.tanh(z)


def tanh_prime(z):
    """Derivative of tanh: ``1 - tanh(z)**2``."""
    return _tanh_prime(_validate.finite_array(z, "z"))


def _tanh_prime(z):
    return 1.0 - np.tanh(z) ** 2


def identity(z):
    """No squishing at all: ``a = z`` (for outputs that are plain numbers)."""
    return _identity(_validate.finite_array(z, "z"))


def _identity(z):
    return np.asarray(z)


def identity_prime(z):
    """Derivative of the identity: 1 everywhere."""
    return _identity_prime(_validate.finite_array(z, "z"))


def _identity_prime(z):
    return np.ones_like(np.asarray(z, dtype=float))


@dataclass(frozen=True)
class Activation:
    """An activation function with its derivative, by weighted input and by output."""

    name: str
    function: Callable
    prime: Callable
    prime_from_output: Callable


ACTIVATIONS = {
    "sigmoid": Activation("sigmoid", _sigmoid, _sigmoid_prime, lambda a: a * (1 - a)),
    "relu": Activation("relu", _relu, _relu_prime, lambda a: (a > 0).astype(a.dtype)),
    "tanh": Activation("tanh", _tanh, _tanh_prime, lambda a: 1 - a * a),
    "identity": Activation("identity", _identity, _identity_prime, lambda a: np.ones_like(a)),
}
"""The activations a :class:`~nnlib.network.Network` can use, by name: the unchecked forms, for arrays
of real numbers the network computed itself (call the public functions above on anything else)."""
