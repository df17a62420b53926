"""Self-checks for the exercises of lesson 3, "Activation functions" (notebooks/03_activation_functions.ipynb)."""


import numpy as np

from ..activations import SIGMOID, relu_prime, sigmoid
from . import array_problems, call_answer, not_answered, numbers_problems, report

_Z = np.linspace(-8, 8, 161)


def exercise_layers():
    """The three linear layers of exercise 1: ``(W1, b1, W2, b2, W3, b3)``, sizes 4 -> 3 -> 5 -> 2.

    ``W1`` has shape (3, 4), ``W2`` (5, 3), ``W3`` (2, 5); each bias has one entry per neuron of its
    layer. Fresh copies on every call, drawn with seed 3.
    """
    rng = np.random.default_rng(3)
    sizes = [4, 3, 5, 2]
    layers = []
    for n_in, n_out in zip(sizes[:-1], sizes[1:]):
        layers += [rng.standard_normal((n_out, n_in)), rng.standard_normal(n_out)]
    return tuple(layers)


def check_three_layers(answer):
    """Exercise 1: ``(W, b)``, one layer computing what the three linear layers of :func:`exercise_layers` compute.

    Three layers without activation compute ``W3 (W2 (W1 a + b1) + b2) + b3``, which is ``W a + b`` with
    ``W = W3 W2 W1`` and ``b = W3 (W2 b1 + b2) + b3``.
    """
    exercise = "Exercise 1 (three linear layers as one)"
    if not_answered(exercise, answer):
        return False
    if not isinstance(answer, (tuple, list)) or len(answer) != 2:
        return report(exercise, [f"the answer should be a pair (W, b), got {type(answer).__name__}"
                                 + (f" of length {len(answer)}" if isinstance(answer, (tuple, list)) else "")])
    W1, b1, W2, b2, W3, b3 = exercise_layers()
    expected_w, expected_b = W3 @ W2 @ W1, W3 @ (W2 @ b1 + b2) + b3
    problems = array_problems(answer[0], expected_w.shape, "W") + array_problems(answer[1], expected_b.shape, "b")
    if problems:
        if any("shape" in problem for problem in problems):
            problems.append("one layer from the 4 inputs to the 2 outputs needs W of shape (2, 4) and b of shape (2,)")
        return report(exercise, problems)
    w, b = np.asarray(answer[0], dtype=float), np.asarray(answer[1], dtype=float)
    if not np.allclose(w, expected_w):
        problems.append("W is not right: feed a through the layers one at a time; the matrices multiply, "
                        "the one nearest the output on the left (W3 @ W2 @ W1)")
    if np.allclose(b, W3 @ (W2 @ b1 + b2)):
        problems.append("b leaves out b3: layer 3 adds it at the end")
    elif np.allclose(b, W3 @ W2 @ b1 + b3):
        problems.append("b leaves out b2: layer 2 adds it, and W3 multiplies it")
    elif np.allclose(b, W3 @ b2 + b3):
        problems.append("b leaves out b1: W2 and then W3 multiply it")
    elif not np.allclose(b, expected_b):
        problems.append("b is not right: work out what the three layers give for the input a = 0 (all zeros)")
    return report(exercise, problems)


def check_sharp_neuron(answer):
    """Exercise 2: ``(w, b)`` with threshold at x = 3, output below 0.01 at x = 2 and above 0.99 at x = 4."""
    exercise = "Exercise 2 (a sharp switch at x = 3)"
    if not_answered(exercise, answer):
        return False
    problems = numbers_problems(answer, 2, "(w, b)")
    if not problems:
        w, b = float(answer[0]), float(answer[1])
        if w == 0:
            problems.append("with w = 0 the output does not depend on x at all")
        else:
            if not np.isclose(-b / w, 3.0):
                problems.append(f"the threshold -b/w is {-b / w:.3g}, not 3: choose b = -3 w")
            if w < 0:
                problems.append("with a negative weight the neuron switches OFF as x grows; make w positive")
            with np.errstate(over="ignore"):     # a huge weight is a fine answer: the sigmoid saturates
                # unchecked sigmoid: 4 w + b may overflow to inf for a huge w, where the sigmoid is 1
                low, high = float(SIGMOID.function(2 * w + b)), float(SIGMOID.function(4 * w + b))
            if w > 0 and not (low < 0.01 and high > 0.99):
                problems.append(f"outputs {low:.3f} at x = 2 and {high:.3f} at x = 4: make the weight larger "
                                "(steeper curve), keeping b = -3 w")
    return report(exercise, problems)


def check_softplus_prime(answer):
    """Exercise 3: a function ``answer(z)`` computing the slope of softplus(z) = log(1 + e^z), which is sigmoid(z)."""
    exercise = "Exercise 3 (the slope of the softplus)"
    if not_answered(exercise, answer):
        return False
    with np.errstate(all="ignore"):       # the learner's formula may overflow: the comparison below says so
        values, problems = call_answer(answer, (_Z.copy(),), _Z.shape, "your function")
    if problems:
        return report(exercise, problems)
    softplus = np.log1p(np.exp(_Z))
    if np.allclose(values, softplus):
        problems.append("that is the softplus itself; its slope is the derivative of log(1 + e^z)")
    elif np.allclose(values, sigmoid(-_Z)):
        problems.append("check the sign: the slope must grow with z (the softplus rises faster and faster)")
    elif np.allclose(values, np.exp(_Z)):
        problems.append("that is the derivative of e^z alone; by the chain rule the derivative of log(u) is u'/u")
    elif np.allclose(values, relu_prime(_Z)):
        problems.append("that is ReLU's slope (0 or 1); the softplus is smooth, so its slope changes gradually")
    elif not np.allclose(values, sigmoid(_Z), atol=1e-7):
        worst = int(np.argmax(np.abs(values - sigmoid(_Z))))
        problems.append(f"at z = {_Z[worst]:g} it gives {values[worst]:.6f}; a centred finite difference of "
                        f"log(1 + e^z) there gives {sigmoid(_Z[worst]):.6f}")
    return report(exercise, problems)
