"""Self-checks for the exercises of lesson 1, "What is a neuron?" (notebooks/01_neurons.ipynb).

The exercises look at the first training image of MNIST (a 5) as 784 activations, and at what an
untrained 784-16-16-10 network answers for it.
"""

import numpy as np

from ..datasets import load_mnist
from ..network import Network
from . import array_problems, is_number, not_answered, report


def _first_digit():
    """The first training image, shape (784,), values in [0, 1]."""
    return load_mnist().x_train[0]


def check_lit_pixels(answer):
    """Exercise 1: how many of the first digit's 784 input neurons have an activation above 0.5?"""
    exercise = "Exercise 1 (lit pixels)"
    if not_answered(exercise, answer):
        return False
    expected = int(np.sum(_first_digit() > 0.5))
    problems = []
    if not is_number(answer, integer=True):
        problems.append(f"the answer should be a whole number (an int), got {type(answer).__name__}")
    elif answer == int(np.sum(_first_digit() >= 0.5)) and answer != expected:
        problems.append("count activations strictly above 0.5 (> 0.5), not 0.5 or more")
    elif answer == int(np.sum(_first_digit() > 0)):
        problems.append("that counts every pixel that is not black; count only those above 0.5")
    elif answer == 784 - expected:
        problems.append("that counts the dark pixels; count the bright ones (activation > 0.5)")
    elif answer != expected:
        problems.append(f"{answer} is not right: try np.sum(image > 0.5) on the 784 activations")
    return report(exercise, problems)


def check_brightest_row(answer):
    """Exercise 2: which row (0-27) of the first digit's 28x28 grid has the largest total activation?"""
    exercise = "Exercise 2 (brightest row)"
    if not_answered(exercise, answer):
        return False
    grid = _first_digit().reshape(28, 28)
    expected = int(np.argmax(grid.sum(axis=1)))
    problems = []
    if not is_number(answer, integer=True):
        problems.append(f"the answer should be a row number (an int), got {type(answer).__name__}")
    elif not 0 <= answer < 28:
        problems.append(f"rows are numbered 0 to 27, got {answer}")
    elif answer == int(np.argmax(grid.sum(axis=0))) and answer != expected:
        problems.append("that is the brightest column: sum along each row, grid.sum(axis=1)")
    elif answer != expected:
        problems.append(f"row {answer} is not the brightest: reshape to (28, 28), sum each row, take np.argmax")
    return report(exercise, problems)


def check_untrained_outputs(answer):
    """Exercise 3: the 10 output activations of ``Network([784, 16, 16, 10], seed=1)`` for the first digit."""
    exercise = "Exercise 3 (an untrained network's outputs)"
    if not_answered(exercise, answer):
        return False
    problems = array_problems(answer, (10,))
    if not problems:
        expected = Network([784, 16, 16, 10], seed=1).forward(_first_digit())
        if np.allclose(answer, Network([784, 16, 16, 10], seed=0).forward(_first_digit()), atol=1e-5):
            problems.append("those are the outputs of the network with seed=0; build it with seed=1")
        elif not np.allclose(answer, expected, atol=1e-5):
            problems.append("the values differ from Network([784, 16, 16, 10], seed=1).forward(image)")
    return report(exercise, problems)
