"""Self-checks for the exercises of lesson 5 (stochastic gradient descent and training on MNIST)."""


import numpy as np

from ..evaluation import confusion_matrix
from . import array_problems, not_answered, numbers_problems, report


def _data_problems(labels, predictions):
    """What is wrong with the ``labels`` and ``predictions`` given to a check (empty list if fine)."""
    labels, predictions = np.asarray(labels), np.asarray(predictions)
    if predictions.ndim == 2:
        return [f"predictions should be the network's answers, one digit per image (network.predict(x)), got "
                f"an array of shape {predictions.shape}: for outputs use np.argmax(outputs, axis=1)"]
    for name, values in (("labels", labels), ("predictions", predictions)):
        if values.ndim != 1 or not np.issubdtype(values.dtype, np.integer) or values.size == 0 \
                or values.min() < 0 or values.max() > 9:
            return [f"{name} should be a 1-D array of digits 0-9, got dtype {values.dtype} of shape {values.shape}"]
    if labels.size != predictions.size:
        return [f"labels has {labels.size} entries but predictions has {predictions.size}: one answer per image"]
    return []


def check_per_digit_accuracy(answer, labels, predictions):
    """Exercise 1: for each digit 0-9, the fraction of its test images the network got right, shape (10,)."""
    exercise = "Exercise 1 (accuracy per digit)"
    if not_answered(exercise, answer):
        return False
    problems = _data_problems(labels, predictions) or array_problems(answer, (10,))
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


def check_most_confused_pair(answer, labels, predictions):
    """Exercise 2: the pair of digits mixed up most often in either direction, as (smaller, larger) ints."""
    exercise = "Exercise 2 (the pair mixed up most often)"
    if not_answered(exercise, answer):
        return False
    problems = _data_problems(labels, predictions) or numbers_problems(answer, 2, "(smaller digit, larger digit)",
                                                                       integer=True)
    if problems:
        return report(exercise, problems)
    a, b = (int(value) for value in answer)
    matrix = confusion_matrix(labels, predictions)
    mistakes = np.where(np.eye(10, dtype=bool), 0, matrix)
    both_ways = np.triu(mistakes + mistakes.T)
    one_way = np.unravel_index(np.argmax(mistakes), mistakes.shape)
    if not (0 <= a <= 9 and 0 <= b <= 9):
        problems.append(f"digits go from 0 to 9, got {(a, b)}")
    elif a == b:
        problems.append("a pair with the same digit twice is a correct answer, not a mistake: ignore the diagonal")
    elif both_ways[min(a, b), max(a, b)] != both_ways.max():
        if (min(a, b), max(a, b)) == tuple(sorted(int(d) for d in one_way)):
            problems.append(f"{(a, b)} is the most frequent mistake in one direction ({mistakes[one_way]} times), but "
                            f"counting both directions another pair is mixed up {both_ways.max()} times: add "
                            "mistakes[a, b] and mistakes[b, a]")
        else:
            problems.append(f"{min(a, b)} and {max(a, b)} are mixed up {both_ways[min(a, b), max(a, b)]} times in both "
                            f"directions together, but another pair {both_ways.max()} times")
    elif a > b:
        problems.append(f"right pair, but give the smaller digit first: ({b}, {a})")
    return report(exercise, problems)
