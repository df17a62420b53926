"""Cost functions and their derivatives (lesson 4; softmax and cross-entropy in lesson 5).

A cost compares the network's outputs with the desired outputs and gives one number: small when
the network is right, large when it is confidently wrong. Every cost here is **averaged over the
examples** of a batch, and its derivative is the derivative of that average.

Shapes: ``output`` and ``target`` are ``(n_examples, n_outputs)``, one example per row, or
``(n_outputs,)`` for a single example; the two must have the same shape. Each derivative has the
shape of ``output``.

Each public function checks its arguments once per call (real, finite numbers, equal shapes) and
then calls its private twin right below it (``_quadratic_cost`` for ``quadratic_cost``). Training
calls the twins, through :data:`COSTS` and :data:`COSTS_AND_PRIMES`, on arrays it built itself: it
pays nothing for the checks.
"""

import numpy as np

from . import _validate


def _examples(output, target, output_name="output"):
    """Check a cost's arguments; return both as float arrays of shape (n_examples, n_outputs)."""
    output = _validate.as_float_array(output, output_name, ndim=(1, 2))
    target = _validate.as_float_array(target, "target", ndim=(1, 2))
    _validate.same_shape(output, target, output_name, "target")
    return np.atleast_2d(output), np.atleast_2d(target)


def quadratic_cost(output, target):
    """3Blue1Brown's cost: sum over the outputs of ``(output - target)**2``, averaged over examples.

    Returns a float.
    """
    return _quadratic_cost(*_examples(output, target))


def _quadratic_cost(output, target):
    return float(np.sum((output - target) ** 2) / output.shape[0])


def quadratic_cost_prime(output, target):
    """Derivative of :func:`quadratic_cost` with respect to ``output``: ``2 (output - target) / n``."""
    return _quadratic_cost_prime(*_examples(output, target)).reshape(np.shape(output))


def _quadratic_cost_prime(output, target):
    return 2.0 * (output - target) / output.shape[0]


def quadratic_cost_and_prime(output, target):
    """:func:`quadratic_cost` and :func:`quadratic_cost_prime` together, sharing ``output - target``.

    What training computes every step. Returns ``(cost, derivative)``.
    """
    cost, prime = _quadratic_cost_and_prime(*_examples(output, target))
    return cost, prime.reshape(np.shape(output))


def _quadratic_cost_and_prime(output, target):
    error = output - target
    cost = float(np.vdot(error, error)) / output.shape[0]
    error *= 2.0 / output.shape[0]
    return cost, error


def half_quadratic_cost(output, target):
    """Half the quadratic cost, ``sum 1/2 (target - output)**2``, averaged over examples.

    This is the convention of many textbooks and of the step-by-step example of lesson 7; the half
    cancels the 2 of the derivative. It is the same cost up to a factor, so it has the same minima.
    """
    return _half_quadratic_cost(*_examples(output, target))


def _half_quadratic_cost(output, target):
    return 0.5 * _quadratic_cost(output, target)


def half_quadratic_cost_prime(output, target):
    """Derivative of :func:`half_quadratic_cost`: ``(output - target) / n``."""
    return _half_quadratic_cost_prime(*_examples(output, target)).reshape(np.shape(output))


def _half_quadratic_cost_prime(output, target):
    return (output - target) / output.shape[0]


def half_quadratic_cost_and_prime(output, target):
    """:func:`half_quadratic_cost` and its derivative together: ``(cost, derivative)``."""
    cost, prime = _half_quadratic_cost_and_prime(*_examples(output, target))
    return cost, prime.reshape(np.shape(output))


def _half_quadratic_cost_and_prime(output, target):
    cost, prime = _quadratic_cost_and_prime(output, target)
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
    return _log_softmax(_validate.as_float_array(z, "z (scores)"))


def _log_softmax(z):
    shifted = z - np.max(z, axis=-1, keepdims=True)
    return shifted - np.log(np.sum(np.exp(shifted), axis=-1, keepdims=True))


def cross_entropy_cost(scores, target):
    """Softmax followed by cross-entropy, from the raw output scores ``z`` (logits).

    ``-sum(target * log(softmax(scores)))`` averaged over examples; ``target`` is one-hot (or any
    probability distribution per row). Returns a float.
    """
    return _cross_entropy_cost(*_examples(scores, target, "scores"))


def _cross_entropy_cost(scores, target):
    return float(-np.sum(target * _log_softmax(scores)) / scores.shape[0])


def cross_entropy_cost_prime(scores, target):
    """Derivative of :func:`cross_entropy_cost` with respect to the scores: ``(softmax - target) / n``.

    The famously simple result of pairing softmax with cross-entropy.
    """
    return _cross_entropy_cost_prime(*_examples(scores, target, "scores")).reshape(np.shape(scores))


def _cross_entropy_cost_prime(scores, target):
    return (_softmax(scores) - target) / scores.shape[0]


def cross_entropy_cost_and_prime(scores, target):
    """:func:`cross_entropy_cost` and its derivative together: ``(cost, derivative)``."""
    cost, prime = _cross_entropy_cost_and_prime(*_examples(scores, target, "scores"))
    return cost, prime.reshape(np.shape(scores))


def _cross_entropy_cost_and_prime(scores, target):
    return _cross_entropy_cost(scores, target), _cross_entropy_cost_prime(scores, target)


COSTS = {
    "quadratic": (_quadratic_cost, _quadratic_cost_prime),
    "half_quadratic": (_half_quadratic_cost, _half_quadratic_cost_prime),
    "cross_entropy": (_cross_entropy_cost, _cross_entropy_cost_prime),
}
"""Costs by name: ``(cost, derivative)``. The quadratic costs take activations; cross-entropy takes
the output layer's weighted inputs and applies softmax itself. These are the unchecked twins, for
2-D float arrays of equal shape (call the public functions above on anything else)."""

COSTS_AND_PRIMES = {
    "quadratic": _quadratic_cost_and_prime,
    "half_quadratic": _half_quadratic_cost_and_prime,
    "cross_entropy": _cross_entropy_cost_and_prime,
}
"""Each cost and its derivative in one call, ``(cost, derivative)``: what backpropagation uses
(unchecked, like :data:`COSTS`)."""
