"""Self-checks for the exercises of lesson 6 (what backpropagation is doing).

Each exercise asks for a small function; its check calls it on random examples (fixed seed) and
compares the result with the answer worked out here, for the quadratic cost
``C0 = sum_j (a_j - y_j)**2`` of one example.
"""

import numpy as np

from ..activations import sigmoid, sigmoid_prime
from ..network import Network
from . import call_answer, not_answered, report


def _function_problems(answer, name):
    if not callable(answer):
        return [f"the answer should be a function {name}(...), got {type(answer).__name__}"]
    return []


def check_output_nudges(answer):
    """Exercise 1: ``output_nudges(output, label)`` returns the nudges ``-dC0/da = 2 (y - a)``.

    ``output`` has shape (10,); ``label`` is the right digit; the result has shape (10,).
    """
    exercise = "Exercise 1 (output nudges)"
    if not_answered(exercise, answer):
        return False
    problems = _function_problems(answer, "output_nudges")
    rng = np.random.default_rng(6)
    for _ in range(3 if not problems else 0):
        output, label = rng.uniform(0, 1, 10), int(rng.integers(10))
        expected = 2 * (np.eye(10)[label] - output)
        result, call_problems = call_answer(answer, (output.copy(), label), (10,), "output_nudges")
        problems += call_problems
        if result is not None and np.allclose(result, -expected):
            problems.append("the signs are flipped: the nudge is MINUS the derivative, 2 (y - a), "
                            "so the right answer's neuron is nudged up")
        elif result is not None and np.allclose(result, expected / 2):
            problems.append("off by a factor 2: the derivative of (a - y)**2 is 2 (a - y)")
        elif result is not None and not np.allclose(result, expected):
            problems.append(f"for output {np.round(output, 2)} and label {label} expected "
                            f"{np.round(expected, 3)}, got {np.round(result, 3)}")
        if problems:
            break
    return report(exercise, problems)


def check_previous_layer_nudges(answer):
    """Exercise 2: ``previous_layer_nudges(weights, z, target)`` returns ``-dC0/da(L-1)``.

    ``weights`` (n_out, n_prev), ``z`` (n_out,) the output layer's weighted inputs, ``target``
    (n_out,); the result, shape (n_prev,), is the sum over output neurons j of
    ``w_jk sigmoid'(z_j) 2 (y_j - a_j)`` with ``a_j = sigmoid(z_j)``.
    """
    exercise = "Exercise 2 (previous layer's nudges)"
    if not_answered(exercise, answer):
        return False
    problems = _function_problems(answer, "previous_layer_nudges")
    rng = np.random.default_rng(7)
    for _ in range(3 if not problems else 0):
        weights, z, target = rng.normal(size=(4, 5)), rng.normal(size=4), rng.uniform(0, 1, 4)
        wanted = sigmoid_prime(z) * 2 * (target - sigmoid(z))
        expected = weights.T @ wanted
        result, call_problems = call_answer(answer, (weights.copy(), z.copy(), target.copy()), (5,), "previous_layer_nudges")
        problems += call_problems
        if result is not None and not np.allclose(result, expected):
            hint = "the result should have one entry per neuron of the PREVIOUS layer, a sum over the output neurons j"
            if np.allclose(result, weights.T @ (2 * (target - sigmoid(z)))):
                hint = "you forgot the factor sigmoid'(z_j)"
            elif np.allclose(result, -expected):
                hint = "the signs are flipped: a nudge is minus the derivative"
            problems.append(f"expected {np.round(expected, 4)}, got {np.round(result, 4)}; {hint}")
        if problems:
            break
    return report(exercise, problems)


def check_average_nudge(answer):
    """Exercise 3: ``average_nudge(network, x, labels)`` averages the per-example nudges of the
    output layer's weights, ``-dC_i/dW``, over the examples; shape ``network.weights[-1].shape``."""
    exercise = "Exercise 3 (average nudge)"
    if not_answered(exercise, answer):
        return False
    problems = _function_problems(answer, "average_nudge")
    if not problems:
        rng = np.random.default_rng(8)
        net = Network([6, 4, 3], seed=8, dtype=np.float64)
        x, labels = rng.uniform(0, 1, (5, 6)), rng.integers(0, 3, 5)
        expected = -net.gradients(x, labels).weights[-1]
        result, problems = call_answer(answer, (net, x.copy(), labels.copy()), expected.shape, "average_nudge")
        if result is not None and not np.allclose(result, expected):
            hint = "average -gradient over the examples (one call of network.gradients per example)"
            if np.allclose(result, -expected):
                hint = "the signs are flipped: the nudge is MINUS the gradient"
            elif np.allclose(result, expected * len(labels)):
                hint = "that is the sum; divide by the number of examples"
            problems.append(f"your average differs from the expected one; {hint}")
    return report(exercise, problems)
