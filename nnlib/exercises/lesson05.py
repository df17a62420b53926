"""Self-checks for the exercises of lesson 5 (stochastic gradient descent and training on MNIST)."""


import numpy as np

from ..plots.evaluation import confusion_matrix
from . import array_problems, not_answered, numbers_problems, report


def check_per_digit_accuracy(answer, labels, predictions):
    """Exercise 1: for each digit 0-9, the fraction of its test images the network got right, shape (10,)."""
    exercise = "Exercise 1 (accuracy per digit)"
    if not_answered(exercise, answer):
        return False
    problems = array_problems(answer, (10,))
    if not problems:
        matrix = confusion_matrix(labels, predictions)
        counts = matrix.sum(axis=1)
        if np.any(counts == 0):
            return report(exercise, [f"digit {int(np.argmin(counts))} never occurs in these labels; "
                                     "use the 10,000 test labels"])
        expected = np.diag(matrix) / counts
        answer = np.asarray(answer, dtype=float)
        if np.allclose(answer, 100 * expected, atol=1e-3):
            problems.append("give fractions between 0 and 1, not percentages")
        elif np.all(matrix.sum(axis=0) > 0) and np.allclose(answer, np.diag(matrix) / matrix.sum(axis=0), atol=1e-4):
            problems.append("you divided by how often each digit was *guessed* (columns); divide by how often "
                            "it *occurs* (rows of the confusion matrix)")
        elif np.allclose(answer, np.diag(matrix), atol=0.5):
            problems.append("those are counts of correct answers; divide each by the number of images of that digit")
        elif not np.allclose(answer, expected, atol=1e-4):
            problems.append("for digit d: (images of d guessed as d) / (images of d)")
    return report(exercise, problems)


def check_most_confused(answer, labels, predictions):
    """Exercise 2: the pair (true digit, guess) of the most frequent mistake, as a tuple of two ints."""
    exercise = "Exercise 2 (the most frequent mistake)"
    if not_answered(exercise, answer):
        return False
    problems = numbers_problems(answer, 2, "(true digit, guess)", integer=True)
    if problems:
        return report(exercise, problems)
    true, guess = answer
    matrix = confusion_matrix(labels, predictions)
    mistakes = np.where(np.eye(10, dtype=bool), 0, matrix)
    problems = []
    if not (0 <= true <= 9 and 0 <= guess <= 9):
        problems.append(f"digits go from 0 to 9, got {tuple(answer)}")
    elif true == guess:
        problems.append("a pair with the same digit twice is a correct answer, not a mistake: ignore the diagonal")
    elif mistakes[true, guess] != mistakes.max():
        if mistakes[guess, true] == mistakes.max():
            problems.append("the order is swapped: rows are the true digit, columns the guess")
        else:
            problems.append(f"{tuple(answer)} happened {mistakes[true, guess]} times, but another mistake happened "
                            f"{mistakes.max()} times: look for the largest count off the diagonal")
    return report(exercise, problems)
