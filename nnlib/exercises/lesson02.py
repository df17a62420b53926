"""Self-checks for the exercises of lesson 2, "Weights and biases" (notebooks/02_weights_and_biases.ipynb)."""


import numpy as np

from ..activations import SIGMOID, sigmoid
from . import is_number, not_answered, numbers_problems, report


def check_bias(answer):
    """Exercise 1: the bias of a one-input neuron with weight 4 that should switch on when its input exceeds 3.5.

    The neuron ``sigmoid(4 x + b)`` is half on at ``x = -b / 4``, so the answer is ``b = -4 * 3.5 = -14``.
    """
    exercise = "Exercise 1 (bias as a threshold)"
    if not_answered(exercise, answer):
        return False
    weight, threshold = 4.0, 3.5
    expected = -weight * threshold
    problems = []
    if not is_number(answer):
        problems.append(f"the answer should be a number, got {type(answer).__name__}")
    elif np.isclose(answer, -expected):
        problems.append(f"the sign is wrong: with b = +{-expected:g}, the neuron switches at x = -b/w = "
                        f"{expected / weight:g}. The bias is added, so to demand 4 x > 3.5 it must subtract")
    elif np.isclose(answer, -threshold):
        problems.append(f"with b = {answer:g} the neuron is half on where 4 x = 3.5, at x = {threshold / weight:g}: "
                        "the weighted sum here is 4 x, not x, so the switching point is x = -b/w")
    elif np.isclose(answer, -threshold / weight):
        problems.append(f"with b = {answer:g} the neuron is half on at x = -b/w = {threshold / weight ** 2:g}: "
                        "solve -b/4 = 3.5 for b (multiply, do not divide)")
    elif not np.isclose(answer, expected):
        problems.append(f"with b = {answer:g}, the neuron is half on at x = -b/w = {-answer / weight:g}, not 3.5")
    return report(exercise, problems)


def layer_exercise_data(seed=2):
    """A small layer: ``W`` (3, 4), ``a`` (4,), ``b`` (3,), drawn with ``seed`` (rounded to be easy to read)."""
    rng = np.random.default_rng(seed)
    return rng.normal(size=(3, 4)).round(1), rng.uniform(size=4).round(2), rng.normal(size=3).round(1)


def check_half_on_bias(answer):
    """Exercise 2: the bias ``b_0`` that puts neuron 0 of the small layer exactly at 0.5 for its input ``a``.

    The layer is :func:`layer_exercise_data`'s ``W`` (3, 4), ``a`` (4,), ``b`` (3,); neuron 0's weights
    are row 0 of ``W``, so the answer is ``-(W[0] @ a)``.
    """
    exercise = "Exercise 2 (a bias for exactly half on)"
    if not_answered(exercise, answer):
        return False
    W, a, b = layer_exercise_data()
    weighted_sum = float(W[0] @ a)
    expected = -weighted_sum
    problems = []
    if isinstance(answer, np.ndarray) and answer.size == 1:
        answer = answer.item()
    if not is_number(answer):
        problems.append(f"the answer should be one number (the new b_0), got {type(answer).__name__}")
    elif np.isclose(answer, expected):
        return report(exercise, [])
    elif np.isclose(answer, weighted_sum):
        problems.append("the sign is wrong: sigmoid(z) = 0.5 needs z = 0, and z is the weighted sum PLUS the bias")
    elif np.isclose(answer, expected - b[0]):
        problems.append("that is how much b_0 must change from its old value b[0]; give the new bias itself")
    elif any(np.isclose(answer, -(W[j] @ a)) for j in (1, 2)):
        problems.append("that is the bias for another neuron: neuron 0's weights are row 0 of W (one row per neuron)")
    else:
        z = weighted_sum + answer
        problems.append(f"with b_0 = {answer:g}, neuron 0's weighted input is {z:.3f} and its activation "
                        f"{float(sigmoid(z)):.3f}; half on needs a weighted input of exactly 0")
    return report(exercise, problems)


def check_parameter_count(answer):
    """Exercise 3: the number of weights and biases of a 784-30-10 network (Nielsen's book)."""
    exercise = "Exercise 3 (parameters of 784-30-10)"
    if not_answered(exercise, answer):
        return False
    weights, biases = 784 * 30 + 30 * 10, 30 + 10
    problems = []
    if not is_number(answer, integer=True):
        problems.append(f"the answer should be a whole number (an int), got {type(answer).__name__}")
    elif answer == weights:
        problems.append("that counts only the weights: every neuron after the input layer also has a bias")
    elif answer == weights + biases + 784:
        problems.append("input neurons have no bias: they just hold the pixels")
    elif answer != weights + biases:
        problems.append(f"{answer:,} is not right: add n_in * n_out weights and n_out biases for each layer, "
                        "or ask nnlib: Network([784, 30, 10]).n_parameters")
    return report(exercise, problems)


def check_and_neuron(answer):
    """Exercise 4: ``(w1, w2, b)`` making a neuron on two pixels an AND: above 0.9 only when both are 1."""
    exercise = "Exercise 4 (an AND neuron)"
    if not_answered(exercise, answer):
        return False
    problems = numbers_problems(answer, 3, "(w1, w2, b)")
    if problems:
        return report(exercise, problems)
    w1, w2, b = answer
    problems = []
    for (a1, a2), wanted in {(0, 0): False, (1, 0): False, (0, 1): False, (1, 1): True}.items():
        with np.errstate(over="ignore", invalid="ignore"):   # huge weights may add up to inf: saturated
            out = float(SIGMOID.function(w1 * a1 + w2 * a2 + b))
        if wanted and out <= 0.9:
            problems.append(f"pixels ({a1}, {a2}) give {out:.3f}; it should be above 0.9")
        if not wanted and out >= 0.1:
            problems.append(f"pixels ({a1}, {a2}) give {out:.3f}; it should be below 0.1")
    if problems:
        problems.append("hint: two equal, large weights w and a bias between -2w and -w (the middle is -1.5 w)")
    return report(exercise, problems)
