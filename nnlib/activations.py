"""Activation functions and their derivatives (lesson 3; softmax in lesson 5).

An activation function squishes a neuron's weighted input ``z`` into its activation ``a = f(z)``.
Each one is an :class:`Activation` with two formulas, each written once:

* ``function(z)``, the activation itself;
* ``prime_from_output(a)``, its derivative f'(z) written with the *output* ``a = f(z)``: the sigmoid's
  is ``a (1 - a)``, tanh's ``1 - a**2``, ReLU's 1 where ``a > 0``. Backpropagation has ``a`` at hand from
  the forward pass, so no exponential is computed twice. Careful: it takes ``a``, not ``z``
  (``SIGMOID.prime_from_output(0.5)`` is sigma'(0) = 0.25); :meth:`Activation.prime` takes ``z``.

The public functions (:func:`sigmoid`, :func:`sigmoid_prime`, :func:`relu`, ...) check their input once
(real, finite numbers: NaN, infinity, booleans and text are refused with a ValueError or TypeError naming
``z``) and then call the :class:`Activation`. The network calls the :class:`Activation` itself, on weighted
inputs it computed: training pays nothing for the checks.

Every function works element by element on arrays of any shape (except :data:`SOFTMAX`, which works on
each row), keeps float32 as float32, and is numerically stable. For z below about -88 (float32) or -709
(float64), ``exp(-z)`` is too large for a float and becomes infinity, and ``1 / (1 + inf)`` is 0, the right
answer. numpy warns when that happens; the public functions and the network switch that warning off
around the formula (``np.errstate``), so ``sigmoid(-1000.0)`` is 0 and ``sigmoid(1000.0)`` is 1, with no
warning and no NaN.
"""

from dataclasses import dataclass
from typing import Callable, Optional

import numpy as np

from . import _validate


@dataclass(frozen=True)
class Activation:
    """An activation function ``a = function(z)`` and its derivative, written with the output ``a``."""

    name: str
    function: Callable
    prime_from_output: Optional[Callable]

    def prime(self, z):
        """The derivative f'(z) at the weighted input ``z``, from the output ``a = f(z)``."""
        return self.prime_from_output(self.function(z))


def logistic(z):
    return 1 / (1 + np.exp(-z))


def logistic_prime_from_output(a):
    return a * (1 - a)


def rectifier(z):
    return np.maximum(z, 0)


def rectifier_prime_from_output(a):
    return (a > 0).astype(a.dtype)


def tanh_prime_from_output(a):
    return 1 - a * a


def unchanged(z):
    return z


def one_everywhere(a):
    return np.ones_like(a)


def softmax_rows(z):
    shifted = z - np.max(z, axis=-1, keepdims=True)       # changes nothing, but exp never overflows
    e = np.exp(shifted)
    return e / np.sum(e, axis=-1, keepdims=True)


SIGMOID = Activation("sigmoid", logistic, logistic_prime_from_output)
"""The logistic curve ``1 / (1 + exp(-z))``, from (-inf, inf) into (0, 1); its derivative ``a (1 - a)``."""

RELU = Activation("relu", rectifier, rectifier_prime_from_output)
"""The rectified linear unit ``max(0, z)``; its derivative is 1 where the neuron is active (a > 0), else 0
(we take 0 at the kink z = 0)."""

TANH = Activation("tanh", np.tanh, tanh_prime_from_output)
"""The hyperbolic tangent, from (-inf, inf) into (-1, 1), equal to ``2 sigmoid(2z) - 1``; derivative ``1 - a**2``."""

IDENTITY = Activation("identity", unchanged, one_everywhere)
"""No squishing at all, ``a = z`` (for outputs that are plain numbers); derivative 1."""

ACTIVATIONS = {f.name: f for f in (SIGMOID, RELU, TANH, IDENTITY)}
"""The element-wise activations, by name: what a network's layers can use (softmax too, for the output)."""

SOFTMAX = Activation("softmax", softmax_rows, None)
"""The softmax output layer: ``a_j = exp(z_j) / sum_k exp(z_k)`` for each row, positive outputs that add up
to 1. It is not element-wise (each output depends on every z), so it has no derivative of one variable:
it goes with :class:`nnlib.losses.CrossEntropyCost`, whose output error needs none."""


def _checked(z):
    return _validate.as_float_array(z, "z", allow_empty=True)


def sigmoid(z):
    """The logistic curve ``1 / (1 + exp(-z))``, from (-inf, inf) into (0, 1).

    ``sigmoid(-1000.0)`` is 0 and ``sigmoid(1000.0)`` is 1, without a warning (see the module's notes).
    float32 stays float32; integers are computed in float64.
    """
    with np.errstate(over="ignore"):
        return SIGMOID.function(_checked(z))


def sigmoid_prime(z):
    """Derivative of the sigmoid, ``sigmoid(z) (1 - sigmoid(z))``: at most 0.25, at z = 0."""
    with np.errstate(over="ignore"):
        return SIGMOID.prime(_checked(z))


def relu(z):
    """The rectified linear unit ``max(0, z)`` (integers are computed in float64)."""
    return RELU.function(_checked(z))


def relu_prime(z):
    """Derivative of ReLU: 1 where ``z > 0``, else 0 (we take 0 at the kink z = 0)."""
    return RELU.prime(_checked(z))


def tanh(z):
    """The hyperbolic tangent, from (-inf, inf) into (-1, 1); equals ``2 sigmoid(2z) - 1``."""
    return TANH.function(_checked(z))


def tanh_prime(z):
    """Derivative of tanh: ``1 - tanh(z)**2``."""
    return TANH.prime(_checked(z))


def identity(z):
    """No squishing at all: ``a = z`` (for outputs that are plain numbers)."""
    return IDENTITY.function(_checked(z))


def identity_prime(z):
    """Derivative of the identity: 1 everywhere."""
    return IDENTITY.prime(_checked(z))


def softmax(z):
    """Turn each row of scores ``z`` into probabilities that are positive and add up to 1.

    Subtracting each row's maximum first changes nothing mathematically and keeps ``exp`` from
    overflowing, so scores of 1000 are fine. NaN or infinity is refused with a ValueError.
    """
    return SOFTMAX.function(_validate.as_float_array(z, "z (scores)"))
