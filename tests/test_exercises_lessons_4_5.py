"""The exercise checks of lessons 4-5 accept right answers and reject typical wrong ones, without raising."""

import numpy as np
import pytest

from nnlib import load_mnist, one_hot
from nnlib.exercises import lesson04, lesson05
from nnlib.gradcheck import numerical_gradient


def test_average_cost_of_the_lazy_network(capsys):
    """A network answering 0.1 on all ten outputs costs 0.81 + 9 x 0.01 = 0.9 on every image."""
    labels = load_mnist().y_test[:100]
    per_example = np.sum((np.full((100, 10), 0.1) - one_hot(labels)) ** 2, axis=1)
    assert np.allclose(per_example, 0.9)
    assert lesson04.check_average_cost(float(per_example.mean()))
    assert lesson04.check_average_cost(np.float32(0.9))
    assert not lesson04.check_average_cost(None)
    for slip, words in [(90.0, "sum over the 100 examples"), (0.09, "a tenth"), (0.81, "only the right neuron"),
                        (4.87, "one-hot target")]:
        assert not lesson04.check_average_cost(slip)
        assert words in capsys.readouterr().out
    assert not lesson04.check_average_cost(per_example)          # an array, not one number
    assert not lesson04.check_average_cost("0.9")


def test_bowl_gradient(capsys):
    """The tilted bowl x^2 + x y + y^2 at (-2, 3): gradient (2x + y, x + 2y) = (-1, 4), and typical slips."""
    assert lesson04.check_bowl_gradient(np.array([-1.0, 4.0]))
    p = np.array([-2.0, 3.0])
    assert np.allclose(numerical_gradient(lambda: p[0] ** 2 + p[0] * p[1] + p[1] ** 2, p), [-1.0, 4.0], atol=1e-6)
    for slip, words in [([1.0, -4.0], "negative gradient"), ([4.0, -1.0], "swapped"), ([-4.0, 6.0], "x y term"),
                        ([-6.0, 3.0], "section 4's bowl"), ([2.0, 2.0], "holding y fixed")]:
        assert not lesson04.check_bowl_gradient(np.array(slip))
        assert words in capsys.readouterr().out
    assert not lesson04.check_bowl_gradient([-1.0, 4.0, 0.0])
    assert not lesson04.check_bowl_gradient(None)


def test_learn_rate_limit(capsys):
    assert lesson04.check_learn_rate_limit(2 / 3)
    assert lesson04.check_learn_rate_limit(np.float32(2 / 3))            # 2/3 rounded to float32 is still 2/3
    for close in (0.67, 0.666667, 0.6667, 0.66):
        assert not lesson04.check_learn_rate_limit(close)
        assert "exactly" in capsys.readouterr().out
    assert not lesson04.check_learn_rate_limit(2.0)
    assert "y direction" in capsys.readouterr().out
    assert not lesson04.check_learn_rate_limit(0.9)
    assert "smallest" in capsys.readouterr().out
    assert not lesson04.check_learn_rate_limit(0.5)
    assert "still converges" in capsys.readouterr().out
    assert not lesson04.check_learn_rate_limit("2/3")
    assert not lesson04.check_learn_rate_limit(None)


def test_the_limit_is_where_the_walk_stops_converging():
    """What the check accepts is right: at 2/3 x flips sign for ever; just below it shrinks, just above it grows."""
    from nnlib.descent import bowl_gradient, gradient_descent
    walk = gradient_descent(bowl_gradient, [-1.8, 1.6], 2 / 3, n_steps=1000, tolerance=0)
    assert np.allclose(np.abs(walk.path[:, 0]), 1.8) and abs(walk.point[1]) < 1e-12
    assert abs(gradient_descent(bowl_gradient, [-1.8, 1.6], 2 / 3 - 1e-3, n_steps=3000, tolerance=0).point[0]) < 1e-3
    assert abs(gradient_descent(bowl_gradient, [-1.8, 1.6], 2 / 3 + 1e-3, n_steps=3000, tolerance=0).point[0]) > 1e3


@pytest.mark.parametrize("check", [lesson04.check_average_cost, lesson04.check_bowl_gradient,
                                   lesson04.check_learn_rate_limit])
def test_lesson04_checks_never_raise(check, capsys):
    odd = [None, "2/3", b"x", [], [1, [2, 3]], (1, 2, 3), np.array("s"), np.array(4.87), np.nan, np.inf, 10 ** 400,
           True, 1e308, -1e308, 1j, np.ones(2, dtype=complex), np.ones((2, 4)), {}, lambda: 1, ([1, [2]], [1])]
    for answer in odd:
        assert check(answer) in (True, False)


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


def test_most_confused_pair(capsys):
    # one way, a 2 taken for a 1 is the top mistake (3 times); both ways, 3 and 4 are mixed up most (2 + 2 times)
    labels = np.array([2, 2, 2, 3, 3, 4, 4] + list(range(10)))
    predictions = np.array([1, 1, 1, 4, 4, 3, 3] + list(range(10)))
    assert lesson05.check_most_confused_pair((3, 4), labels, predictions)
    assert not lesson05.check_most_confused_pair((4, 3), labels, predictions)
    assert "smaller digit first" in capsys.readouterr().out
    assert not lesson05.check_most_confused_pair((2, 1), labels, predictions)
    assert "one direction" in capsys.readouterr().out
    assert not lesson05.check_most_confused_pair((1, 2), labels, predictions)
    assert "one direction" in capsys.readouterr().out
    assert not lesson05.check_most_confused_pair((0, 5), labels, predictions)
    assert "another pair 4 times" in capsys.readouterr().out
    assert not lesson05.check_most_confused_pair((2, 2), labels, predictions)
    assert not lesson05.check_most_confused_pair((2, 11), labels, predictions)
    assert not lesson05.check_most_confused_pair("3,4", labels, predictions)
    assert not lesson05.check_most_confused_pair(None, labels, predictions)


@pytest.mark.parametrize("check", [lesson05.check_per_digit_accuracy, lesson05.check_most_confused_pair])
def test_lesson05_checks_never_raise(check, capsys):
    labels, predictions = np.arange(10).repeat(2), np.arange(10).repeat(2)
    odd = [None, "3,4", b"x", [], [1, [2, 3]], (1, 2, 3), np.array("s"), np.array(4.87), np.nan, np.inf, 10 ** 400,
           True, 1e308, 1j, np.ones(2, dtype=complex), np.ones((2, 4)), np.ones(10) * np.nan, {}, lambda: 1,
           (3.5, 4), (np.int64(3), np.int64(4)), (-1, 4)]
    for answer in odd:
        assert check(answer, labels, predictions) in (True, False)


def test_per_digit_accuracy_says_so_when_a_digit_is_missing(capsys):
    labels = predictions = np.array([0, 1, 2])
    assert not lesson05.check_per_digit_accuracy(np.ones(10), labels, predictions)
    assert "never occurs" in capsys.readouterr().out
