"""The exercise checks of lessons 4-5 accept right answers and reject typical wrong ones, without raising."""

import numpy as np
import pytest

from nnlib import load_mnist, one_hot
from nnlib.exercises import lesson04, lesson05


@pytest.fixture(scope="module")
def average_cost():
    mnist = load_mnist()
    outputs = lesson04.exercise_network().forward(mnist.x_test[:100])
    return np.sum((outputs - one_hot(mnist.y_test[:100])) ** 2, axis=1)


def test_average_cost(average_cost, capsys):
    assert lesson04.check_average_cost(float(average_cost.mean()))
    assert not lesson04.check_average_cost(None)
    assert not lesson04.check_average_cost(float(average_cost.sum()))
    assert "sum over the 100 examples" in capsys.readouterr().out
    assert not lesson04.check_average_cost(float(average_cost.mean() / 10))
    assert not lesson04.check_average_cost(average_cost)          # an array, not one number
    assert not lesson04.check_average_cost("4.87")


def test_bowl_gradient(capsys):
    assert lesson04.check_bowl_gradient(np.array([-6.0, 3.0]))
    assert not lesson04.check_bowl_gradient(np.array([6.0, -3.0]))
    assert "negative gradient" in capsys.readouterr().out
    assert not lesson04.check_bowl_gradient(np.array([-3.0, 1.5]))
    assert not lesson04.check_bowl_gradient([-6.0, 3.0, 0.0])
    assert not lesson04.check_bowl_gradient(None)


def test_largest_learn_rate(capsys):
    assert lesson04.check_largest_learn_rate(2 / 3)
    assert lesson04.check_largest_learn_rate(0.67)
    assert not lesson04.check_largest_learn_rate(2.0)
    assert "y direction" in capsys.readouterr().out
    assert not lesson04.check_largest_learn_rate(0.9)
    assert not lesson04.check_largest_learn_rate(0.5)
    assert not lesson04.check_largest_learn_rate("2/3")
    assert not lesson04.check_largest_learn_rate(None)


@pytest.fixture()
def answers():
    labels = np.array([0, 0, 0, 1, 1, 2, 2, 2, 2, 3])
    predictions = np.array([0, 0, 1, 1, 1, 2, 1, 1, 2, 3])
    return labels, predictions


def test_per_digit_accuracy(capsys):
    labels, predictions = np.arange(10).repeat(2), np.arange(10).repeat(2)
    predictions[1] = 5                                             # one 0 taken for a 5
    right = np.array([0.5] + [1.0] * 9)
    assert lesson05.check_per_digit_accuracy(right, labels, predictions)
    assert not lesson05.check_per_digit_accuracy(100 * right, labels, predictions)
    assert "percentages" in capsys.readouterr().out
    by_guess = np.array([1.0, 1, 1, 1, 1, 2 / 3, 1, 1, 1, 1])
    assert not lesson05.check_per_digit_accuracy(by_guess, labels, predictions)
    assert "guessed" in capsys.readouterr().out
    assert not lesson05.check_per_digit_accuracy(np.array([1.0] + [2.0] * 9), labels, predictions)
    assert not lesson05.check_per_digit_accuracy(right[:9], labels, predictions)
    assert not lesson05.check_per_digit_accuracy(None, labels, predictions)


def test_most_confused(answers, capsys):
    labels, predictions = answers                                  # the 2 taken for a 1 twice is the top mistake
    assert lesson05.check_most_confused((2, 1), labels, predictions)
    assert not lesson05.check_most_confused((1, 2), labels, predictions)
    assert "swapped" in capsys.readouterr().out
    assert not lesson05.check_most_confused((0, 1), labels, predictions)
    assert not lesson05.check_most_confused((2, 2), labels, predictions)
    assert not lesson05.check_most_confused((2, 11), labels, predictions)
    assert not lesson05.check_most_confused("2,1", labels, predictions)
    assert not lesson05.check_most_confused(None, labels, predictions)


def test_per_digit_accuracy_says_so_when_a_digit_is_missing(capsys):
    labels = predictions = np.array([0, 1, 2])
    assert not lesson05.check_per_digit_accuracy(np.ones(10), labels, predictions)
    assert "never occurs" in capsys.readouterr().out
