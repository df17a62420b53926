"""Gradient checking: backpropagation against centred finite differences (lesson 7).

For each parameter p, the slope of the cost is estimated as ``(C(p + eps) - C(p - eps)) / (2 eps)``
and compared with what backpropagation says. The comparison is done in float64, where a correct
implementation agrees to a relative error of about 1e-7 or better; above about 1e-2 something is wrong.

The relative error here is one number for a whole layer (or the whole gradient), from vector norms:
``|a - b| / (|a| + |b|)``. CS231n states its thresholds for the error of each entry; the norm is dominated by
the large entries, so one wrong small entry can hide in it: a check that matters looks at the layers one by
one (:class:`GradientCheck` does) and, to find a culprit, at the entries.
"""

from dataclasses import dataclass

import numpy as np

from . import _validate
from ._threads import one_blas_thread


EPSILON_RANGE = (1e-12, 0.1)
"""The finite-difference steps accepted. Lesson 7 sweeps this whole range to show both failures: too
large a step feels how the slope itself changes (the centred difference cancels the curvature, but not
the third derivative: error ~ eps**2 C_third / 6), too small a one drowns in rounding (error ~ 1e-16 / eps);
outside it, the estimate is meaningless. The two errors balance near eps ~ (1e-16)**(1/3), about 1e-5,
the default."""


def relative_error(a, b):
    """``|a - b| / (|a| + |b|)`` with Euclidean norms; 0 when both are zero.

    ``a`` and ``b`` must have the same shape (no broadcasting: a gradient is compared entry by entry).
    """
    a = _validate.as_float_array(a, "a", dtype=np.float64)
    b = _validate.as_float_array(b, "b", dtype=np.float64)
    _validate.same_shape(a, b, "a", "b")
    a, b = a.ravel(), b.ravel()
    denominator = np.linalg.norm(a) + np.linalg.norm(b)
    return 0.0 if denominator == 0 else float(np.linalg.norm(a - b) / denominator)


def _check_epsilon(epsilon):
    _validate.positive_number(epsilon, "epsilon")
    low, high = EPSILON_RANGE
    if not low <= epsilon <= high:
        raise ValueError(f"epsilon must lie between {low:g} and {high:g} (a finite-difference step), got {epsilon!r}")
    return float(epsilon)


@dataclass
class GradientCheck:
    """Result of :func:`gradient_check`.

    ``weights[l]`` and ``biases[l]`` are the relative errors of layer ``l``'s gradients; ``overall``
    is the relative error of all gradient components together.
    """

    weights: list
    biases: list
    overall: float

    def __str__(self):
        rows = [f"layer {l + 1}: weights {w:.2e}, biases {b:.2e}" for l, (w, b) in enumerate(zip(self.weights, self.biases))]
        return "\n".join(rows + [f"overall: {self.overall:.2e}"])


def numerical_gradient(f, p, epsilon=1e-5):
    """Centred finite-difference gradient of the scalar function ``f()`` with respect to the array ``p``.

    ``p`` is the float64 array ``f`` reads: it is changed in place one entry at a time and restored, so
    ``f`` must compute from ``p`` itself (``lambda: cost(p)``, not ``lambda: cost(p.copy())`` or a copy made
    before). The quotient is taken with the steps ``p`` really took. ``epsilon`` must lie in
    :data:`EPSILON_RANGE`.
    Returns a float64 array shaped like ``p``.
    """
    if not callable(f):
        raise TypeError(f"f must be a function of no arguments returning the cost, got {type(f).__name__}")
    if not isinstance(p, np.ndarray) or p.dtype != np.float64:
        kind = f"an array of dtype {p.dtype}" if isinstance(p, np.ndarray) else type(p).__name__
        raise TypeError(f"p must be a float64 numpy array that f reads (it is nudged in place), got {kind}. "
                        f"Finite differences need float64: in float32 the cost itself is rounded to about 1e-7, as "
                        f"much as the change being measured. For a network use network.copy(dtype=np.float64); "
                        f"for other arrays p.astype(np.float64)")
    epsilon = _check_epsilon(epsilon)
    grad = np.zeros(p.shape, dtype=np.float64)
    with one_blas_thread():
        for i in np.ndindex(p.shape):
            original = p[i]
            p[i] = original + epsilon
            up, up_at = _scalar(f(), "f()"), np.float64(p[i])
            p[i] = original - epsilon
            down, down_at = _scalar(f(), "f()"), np.float64(p[i])
            p[i] = original
            grad[i] = (up - down) / (up_at - down_at)       # p +- eps is rounded: divide by the step taken
    return grad


def _scalar(value, name):
    """``value`` as a float64 number, or a TypeError naming ``name``."""
    if np.ndim(value) != 0 or isinstance(value, (bool, str, bytes)):
        raise TypeError(f"{name} must return one number, got {type(value).__name__}")
    try:
        return np.float64(value)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must return one number, got {value!r}") from None


def gradient_check(network, x, y, epsilon=1e-5):
    """Compare ``network.gradients(x, y)`` with finite differences, in float64.

    The network itself is not changed (a float64 copy is checked). Every parameter is perturbed,
    so keep the network and the batch small (a few hundred parameters, a few examples).
    ``epsilon`` must lie in :data:`EPSILON_RANGE`.

    Returns
    -------
    GradientCheck
    """
    _validate.network(network)
    epsilon = _check_epsilon(epsilon)
    net = network.copy(dtype=np.float64)
    backprop = net.gradients(x, y)

    def cost():
        return net.cost(x, y)

    errors_w, errors_b, all_bp, all_fd = [], [], [], []
    for layer in range(net.n_layers):
        for params, grads, errors in ((net.weights, backprop.dW, errors_w), (net.biases, backprop.db, errors_b)):
            numeric = numerical_gradient(cost, params[layer], epsilon)
            errors.append(relative_error(grads[layer], numeric))
            all_bp.append(grads[layer].ravel())
            all_fd.append(numeric.ravel())
    return GradientCheck(errors_w, errors_b, relative_error(np.concatenate(all_bp), np.concatenate(all_fd)))
