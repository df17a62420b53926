"""Self-checks for the exercises of lesson 1, "What is a neuron?" (notebooks/01_neurons.ipynb).

The exercises look at the first training image of MNIST (a 5) as 784 activations and as a 28x28 grid.
"""

import numpy as np

from ..datasets import load_mnist
from . import is_number, not_answered, numbers_problems, report


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
    elif answer != expected and grid[answer].sum() > grid[expected].sum() - 0.1:
        problems.append(f"close: row {answer} holds {grid[answer].sum():.2f}, but another row holds a little more; "
                        "compare the totals with two decimals, or let np.argmax pick")
    elif answer != expected:
        problems.append(f"row {answer} is not the brightest: reshape to (28, 28), sum each row, take np.argmax")
    return report(exercise, problems)


def _ink_box(image, threshold=0.0):
    """(top, bottom, left, right): the first and last rows and columns (inclusive) with a pixel above ``threshold``."""
    grid = np.asarray(image).reshape(28, 28) > threshold
    rows, cols = np.flatnonzero(grid.any(axis=1)), np.flatnonzero(grid.any(axis=0))
    return int(rows[0]), int(rows[-1]), int(cols[0]), int(cols[-1])


def check_ink_box(answer):
    """Exercise 3: the smallest box holding all the ink of the first digit, as ``(top, bottom, left, right)``.

    ``top``/``bottom`` are the first and last rows, ``left``/``right`` the first and last columns
    (all inclusive, 0-27) that contain at least one pixel above 0.
    """
    exercise = "Exercise 3 (the ink's box)"
    if not_answered(exercise, answer):
        return False
    problems = numbers_problems(answer, 4, "(top, bottom, left, right)", integer=True)
    if problems:
        return report(exercise, problems)
    answer = tuple(int(v) for v in answer)
    image = _first_digit()
    expected = _ink_box(image)
    top, bottom, left, right = expected
    if answer == expected:
        return report(exercise, [])
    if answer == (left, right, top, bottom):
        problems.append("rows and columns are swapped: rows come first, (top, bottom, left, right)")
    elif answer == (top, bottom + 1, left, right + 1):
        problems.append("bottom and right should be the last row and column with ink (inclusive), not one past them")
    elif answer == _ink_box(image, 0.5):
        problems.append("that box holds only the pixels above 0.5; count every pixel with some ink (above 0)")
    elif not all(0 <= v <= 27 for v in answer):
        problems.append(f"rows and columns are numbered 0 to 27, got {answer}")
    else:
        wrong = [name for name, got, want in zip(("top", "bottom", "left", "right"), answer, expected) if got != want]
        problems.append(f"{', '.join(wrong)} {'is' if len(wrong) == 1 else 'are'} not right: reshape to (28, 28), "
                        "find which rows and which columns hold any ink (np.any, np.flatnonzero), take the first and last")
    return report(exercise, problems)
