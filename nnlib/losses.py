"""Cost functions and their derivatives (lesson 4; softmax and cross-entropy in lesson 5).

A cost compares the network's outputs with the desired outputs and gives one number: small when
the network is right, large when it is confidently wrong. Every cost here is **averaged over the
examples** of a batch, and its derivative is the derivative of that average.

Shapes: ``output`` and ``target`` are ``(n_examples, n_outputs)``, one example per row.
"""

import numpy as np

from . import _validate


def quadratic_cost(output, target):
    """3Blue1Brown's cost: sum over the outputs of ``(output - target)**2``, averaged over examples.

    Returns a float.
    """
    return float(np.sum((output - target) ** 2) / output.shape[0])


def quadratic_cost_prime(output, target):
    """Derivative of :func:`quadratic_cost` with respect to ``output``: ``2 (output - target) / n``."""
    return 2.0 * (output - target) / output.shape[0]


def quadratic_cost_and_prime(output, target):
    """:func:`quadratic_cost` and :func:`quadratic_cost_prime` together, sharing ``output - target``.

    What training computes every step. Returns ``(cost, derivative)``.
    """
    error = output - target
    cost = float(np.vdot(error, error)) / output.shape[0]
    error *= 2.0 / output.shape[0]
    return cost, error


def half_quadratic_cost(output, target):
    """Half the quadratic cost, ``sum 1/2 (target - output)**2``, averaged over examples.

    This is the convention of many textbooks and of the step-by-step example of lesson 7; the half
    cancels the 2 of the derivative. It is the same cost up to a factor, so it has the same minima.
    """
    return 0.5 * quadratic_cost(output, target)


def half_quadratic_cost_prime(output, target):
    """Derivative of :func:`half_quadratic_cost`: ``(output - target) / n``."""
    return (output - target) / output.shape[0]


def half_quadratic_cost_and_prime(output, target):
    """:func:`half_quadratic_cost` and its derivative together: ``(cost, derivative)``."""
    cost, prime = quadratic_cost_and_prime(output, target)
    prime *= 0.5
    return 0.5 * cost, prime


def softmax(z):
    """Turn each row of scores ``z`` into probabilities that are positive and add up to 1.

    Subtracting each row's maximum first changes nothing mathematically and keeps ``exp`` from
    overflowing, so scores of 1000 are fine. Scores must be finite (an infinite score has no
    probability distribution to give): NaN or infinity is refused with a ValueError.
    """
    return _softmax(_validate.as_float_array(z, "z (scores)"))


def _softmax(z):
    """:func:`softmax` without the input check (the network's forward pass uses it on checked data)."""
    shifted = z - np.max(z, axis=-1, keepdims=True)
    e = np.exp(shifted)
    return e / np.sum(e, axis=-1, keepdims=True)


def log_softmax(z):
    """``log(softmax(z))`` computed without ever taking the log of an underflowed 0."""
    shifted = z - np.max(z, axis=-1, keepdims=True)
    return shifted - np.log(np.sum(np.exp(shifted), axis=-1, keepdims=True))


def cross_entropy_cost(scores, target):
    """Softmax followed by cross-entropy, from the raw output scores ``z`` (logits).

    ``-sum(target * log(softmax(scores)))`` averaged over examples; ``target`` is one-hot (or any
    probability distribution per row). Returns a float.
    """
    return float(-np.sum(target * log_softmax(scores)) / scores.shape[0])


def cross_entropy_cost_prime(scores, target):
    """Derivative of :func:`cross_entropy_cost` with respect to the scores: ``(softmax - target) / n``.

    The famously simple result of pairing softmax with cross-entropy.
    """
    return (_softmax(scores) - target) / scores.shape[0]


def cross_entropy_cost_and_prime(scores, target):
    """:func:`cross_entropy_cost` and its derivative together: ``(cost, derivative)``."""
    return cross_entropy_cost(scores, target), cross_entropy_cost_prime(scores, target)


COSTS = {
    "quadratic": (quadratic_cost, quadratic_cost_prime),
    "half_quadratic": (half_quadratic_cost, half_quadratic_cost_prime),
    "cross_entropy": (cross_entropy_cost, cross_entropy_cost_prime),
}
"""Costs by name: ``(cost, derivative)``. The quadratic costs take activations; cross-entropy takes
the output layer's weighted inputs and applies softmax itself."""

COSTS_AND_PRIMES = {
    "quadratic": quadratic_cost_and_prime,
    "half_quadratic": half_quadratic_cost_and_prime,
    "cross_entropy": cross_entropy_cost_and_prime,
}
"""Each cost and its derivative in one call, ``(cost, derivative)``: what backpropagation uses."""
