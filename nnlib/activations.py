"""Activation functions and their derivatives (lesson 3).

An activation function squishes a neuron's weighted input ``z`` into its activation ``a = f(z)``.
Each one is an :class:`Activation` with two formulas, each written once:

* ``function(z)``, the activation itself;
* ``slope(a)``, its derivative f'(z) written with the *output* a = f(z): the sigmoid's is
  ``a (1 - a)``, tanh's ``1 - a**2``, ReLU's 1 where ``a > 0``. Backpropagation has ``a`` at hand from the
  forward pass, so no exponential is computed twice; :meth:`Activation.prime` gives f'(z) from ``z`` by
  computing ``a`` first.

The public functions (:func:`sigmoid`, :func:`sigmoid_prime`, :func:`relu`, ...) check their input once
(real, finite numbers: NaN, infinity, booleans and text are refused with a ValueError or TypeError naming
``z``) and then call the :class:`Activation`. The network calls the :class:`Activation` itself, on weighted
inputs it computed: training pays nothing for the checks.

Every function works element by element on arrays of any shape, keeps float32 as float32, and is
numerically stable: for z below about -88 (float32) or -709 (float64), ``exp(-z)`` is too large for a
float and becomes infinity, and ``1 / (1 + inf)`` is 0, the right answer. numpy warns when that happens;
the public functions and the network switch that warning off around the formula (``np.errstate``), so
``sigmoid(-1000.0)`` is 0 and ``sigmoid(1000.0)`` is 1, with no warning and no NaN.
"""

from dataclasses import dataclass
from typing import Callable

import numpy as np

from . import _validate


@dataclass(frozen=True)
class Activation:
    """An activation function ``a = function(z)`` and its derivative, written with the output ``a``."""

    name: str
    function: Callable
    slope: Callable

    def __call__(self, z):
        return self.function(z)

    def prime(self, z):
        """The derivative f'(z) at the weighted input ``z``: the slope at the output ``a = f(z)``."""
        return self.slope(self.function(z))


def _floats(z):
    """``z`` as an array of floats: float32 and float64 stay as they are, anything else becomes float64."""
    z = np.asarray(z)
    return z if z.dtype in (np.float32, np.float64) else z.astype(np.float64)


SIGMOID = Activation("sigmoid", lambda z: 1 / (1 + np.exp(-z)), lambda a: a * (1 - a))
"""The logistic curve ``1 / (1 + exp(-z))``, from (-inf, inf) into (0, 1); its slope ``a (1 - a)``."""

RELU = Activation("relu", lambda z: np.maximum(z, 0), lambda a: (a > 0).astype(a.dtype))
"""The rectified linear unit ``max(0, z)``; its slope is 1 where the neuron is active (a > 0), else 0
(we take 0 at the kink z = 0)."""

TANH = Activation("tanh", np.tanh, lambda a: 1 - a * a)
"""The hyperbolic tangent, from (-inf, inf) into (-1, 1), equal to ``2 sigmoid(2z) - 1``; slope ``1 - a**2``."""

IDENTITY = Activation("identity", lambda z: z, np.ones_like)
"""No squishing at all, ``a = z`` (for outputs that are plain numbers); slope 1."""

ACTIVATIONS = {f.name: f for f in (SIGMOID, RELU, TANH, IDENTITY)}
"""The element-wise activations a network's layers can use, by name."""


def _checked(z):
    return _floats(_validate.finite_array(z, "z"))


def sigmoid(z):
    """The logistic curve ``1 / (1 + exp(-z))``, from (-inf, inf) into (0, 1).

    ``sigmoid(-1000.0)`` is 0 and ``sigmoid(1000.0)`` is 1, without a warning (see the module's notes).
    float32 stays float32; integers are computed in float64.
    """
    with np.errstate(over="ignore"):
        return SIGMOID(_checked(z))


def sigmoid_prime(z):
    """Derivative of the sigmoid, ``sigmoid(z) (1 - sigmoid(z))``: at most 0.25, at z = 0."""
    with np.errstate(over="ignore"):
        return SIGMOID.prime(_checked(z))


def relu(z):
    """The rectified linear unit ``max(0, z)`` (integers are computed in float64)."""
    return RELU(_checked(z))


def relu_prime(z):
    """Derivative of ReLU: 1 where ``z > 0``, else 0 (we take 0 at the kink z = 0)."""
    return RELU.prime(_checked(z))


def tanh(z):
    """The hyperbolic tangent, from (-inf, inf) into (-1, 1); equals ``2 sigmoid(2z) - 1``."""
    return TANH(_checked(z))


def tanh_prime(z):
    """Derivative of tanh: ``1 - tanh(z)**2``."""
    return TANH.prime(_checked(z))


def identity(z):
    """No squishing at all: ``a = z`` (for outputs that are plain numbers)."""
    return IDENTITY(_checked(z))


def identity_prime(z):
    """Derivative of the identity: 1 everywhere."""
    return IDENTITY.prime(_checked(z))
