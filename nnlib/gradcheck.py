"""Gradient checking: backpropagation against centred finite differences (lesson 7).

For each parameter p, the slope of the cost is estimated as ``(C(p + eps) - C(p - eps)) / (2 eps)``
and compared with what backpropagation says. The comparison is done in float64, where a correct
implementation agrees to a relative error of about 1e-7 or better; above about 1e-2 something is wrong.
"""

from dataclasses import dataclass

import numpy as np

from . import _validate


def relative_error(a, b):
    """``|a - b| / (|a| + |b|)`` with Euclidean norms; 0 when both are zero."""
    a, b = np.ravel(a), np.ravel(b)
    denominator = np.linalg.norm(a) + np.linalg.norm(b)
    return 0.0 if denominator == 0 else float(np.linalg.norm(a - b) / denominator)


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


def numerical_gradient(f, p, epsilon=1e-6):
    """Centred finite-difference gradient of the scalar function ``f()`` with respect to the array ``p``.

    ``p`` is changed in place one entry at a time and restored; returns an array shaped like ``p``.
    """
    grad = np.zeros_like(p, dtype=np.float64)
    for i in np.ndindex(p.shape):
        original = p[i]
        p[i] = original + epsilon
        up = f()
        p[i] = original - epsilon
        down = f()
        p[i] = original
        grad[i] = (up - down) / (2 * epsilon)
    return grad


def gradient_check(network, x, y, epsilon=1e-6):
    """Compare ``network.gradients(x, y)`` with finite differences, in float64.

    The network itself is not changed (a float64 copy is checked). Every parameter is perturbed,
    so keep the network and the batch small (a few hundred parameters, a few examples).

    Returns
    -------
    GradientCheck
    """
    _validate.positive_number(epsilon, "epsilon")
    net = network.copy(dtype=np.float64)
    x2, single = net._inputs(x)
    targets = net._targets(y, x2.shape[0], single)
    backprop = net._backprop(x2, targets)

    def cost():
        zs, activations = net._forward(x2)
        return net._cost_of(zs, activations, targets)

    errors_w, errors_b, all_bp, all_fd = [], [], [], []
    for layer in range(net.n_layers):
        for params, grads, errors in ((net.weights, backprop.weights, errors_w), (net.biases, backprop.biases, errors_b)):
            numeric = numerical_gradient(cost, params[layer], epsilon)
            errors.append(relative_error(grads[layer], numeric))
            all_bp.append(grads[layer].ravel())
            all_fd.append(numeric.ravel())
    return GradientCheck(errors_w, errors_b, relative_error(np.concatenate(all_bp), np.concatenate(all_fd)))
