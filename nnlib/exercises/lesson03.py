"""Self-checks for the exercises of lesson 3, "Activation functions" (notebooks/03_activation_functions.ipynb)."""


import numpy as np

from ..activations import sigmoid, sigmoid_prime
from . import call_answer, not_answered, numbers_problems, report

_Z = np.linspace(-8, 8, 161)


def check_sigmoid_prime(answer):
    """Exercise 1: a function ``answer(z)`` computing sigmoid'(z) element by element, from ``sigmoid``."""
    exercise = "Exercise 1 (the sigmoid's slope)"
    if not_answered(exercise, answer):
        return False
    values, problems = call_answer(answer, (_Z.copy(),), _Z.shape, "your function")
    if problems:
        return report(exercise, problems)
    if np.allclose(values, sigmoid(_Z)):
        problems.append("that is the sigmoid itself; its slope is sigmoid(z) * (1 - sigmoid(z))")
    elif np.allclose(values, sigmoid(_Z) * (1 + sigmoid(_Z))):
        problems.append("check the sign: sigmoid(z) * (1 - sigmoid(z))")
    elif not np.allclose(values, sigmoid_prime(_Z), atol=1e-7):
        worst = int(np.argmax(np.abs(values - sigmoid_prime(_Z))))
        problems.append(f"at z = {_Z[worst]:g} it gives {values[worst]:.6f}, the slope there is "
                        f"{sigmoid_prime(_Z[worst]):.6f}")
    return report(exercise, problems)


def check_sharp_neuron(answer):
    """Exercise 2: ``(w, b)`` with threshold at x = 3, output below 0.01 at x = 2 and above 0.99 at x = 4."""
    exercise = "Exercise 2 (a sharp switch at x = 3)"
    if not_answered(exercise, answer):
        return False
    problems = numbers_problems(answer, 2, "(w, b)")
    if not problems:
        w, b = answer
        if w == 0:
            problems.append("with w = 0 the output does not depend on x at all")
        else:
            if not np.isclose(-b / w, 3.0):
                problems.append(f"the threshold -b/w is {-b / w:.3g}, not 3: choose b = -3 w")
            if w < 0:
                problems.append("with a negative weight the neuron switches OFF as x grows; make w positive")
            low, high = float(sigmoid(2 * w + b)), float(sigmoid(4 * w + b))
            if w > 0 and not (low < 0.01 and high > 0.99):
                problems.append(f"outputs {low:.3f} at x = 2 and {high:.3f} at x = 4: make the weight larger "
                                "(steeper curve), keeping b = -3 w")
    return report(exercise, problems)


def check_tanh_from_sigmoid(answer):
    """Exercise 3: a function ``answer(z)`` computing tanh(z) from the sigmoid only (no ``np.tanh``)."""
    exercise = "Exercise 3 (tanh from the sigmoid)"
    if not_answered(exercise, answer):
        return False
    values, problems = call_answer(answer, (_Z.copy(),), _Z.shape, "your function")
    if problems:
        return report(exercise, problems)
    if np.allclose(values, 2 * sigmoid(_Z) - 1):
        problems.append("close: the sigmoid must be taken at 2z, 2 * sigmoid(2 * z) - 1")
    elif np.allclose(values, 2 * sigmoid(2 * _Z)):
        problems.append("that ranges over (0, 2): subtract 1")
    elif not np.allclose(values, np.tanh(_Z), atol=1e-9):
        worst = int(np.argmax(np.abs(values - np.tanh(_Z))))
        problems.append(f"at z = {_Z[worst]:g} it gives {values[worst]:.6f}, tanh is {np.tanh(_Z[worst]):.6f}")
    return report(exercise, problems)
