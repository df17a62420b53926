"""The exercise checks of lessons 6 and 7 accept right answers and reject typical wrong ones."""

import math

import numpy as np
import pytest

from nnlib.activations import sigmoid, sigmoid_prime
from nnlib.autograd import Value
from nnlib.exercises import lesson06, lesson07


# ---------------------------------------------------------------- lesson 6
def output_nudges(output, label):
    return 2 * (np.eye(10)[label] - output)


def previous_layer_nudges(weights, z, target):
    return weights.T @ (sigmoid_prime(z) * 2 * (target - sigmoid(z)))


def average_nudge(network, x, labels):
    return np.mean([-network.gradients(x[i], labels[i]).weights[-1] for i in range(len(labels))], axis=0)


def broken(*args):
    raise RuntimeError("oops")


CASES = [
    (lesson06.check_output_nudges, output_nudges, [
        (lambda o, l: -output_nudges(o, l), "signs are flipped"),
        (lambda o, l: output_nudges(o, l) / 2, "factor 2"),
        (lambda o, l: np.eye(10)[l] - o * 2, "expected"),
        (lambda o, l: output_nudges(o, l)[:9], "shape"),
        (broken, "RuntimeError"),
        ("2 (y - a)", "should be a function"),
    ]),
    (lesson06.check_previous_layer_nudges, previous_layer_nudges, [
        (lambda w, z, t: w.T @ (2 * (t - sigmoid(z))), "sigmoid'"),
        (lambda w, z, t: -previous_layer_nudges(w, z, t), "signs are flipped"),
        (lambda w, z, t: w @ np.ones(5), "shape"),
        (broken, "RuntimeError"),
    ]),
    (lesson06.check_average_nudge, average_nudge, [
        (lambda n, x, l: -average_nudge(n, x, l), "signs are flipped"),
        (lambda n, x, l: average_nudge(n, x, l) * len(l), "sum"),
        (lambda n, x, l: -n.gradients(x[:1], l[:1]).weights[-1], "differs"),
        (lambda n, x, l: average_nudge(n, x, l).T, "shape"),
    ]),
    (lesson07.check_chain_gradients, None, [
        (lambda w, a, b, y: (1.0, 2.0, 3.0), "expected"),
        (lambda w, a, b, y: (1.0, 2.0), "three numbers"),
        (lambda w, a, b, y: tuple(g / 2 for g in chain_gradients(w, a, b, y)), "2 (a - y)"),
        (broken, "RuntimeError"),
    ]),
    (lesson07.check_value_gradients, None, [
        ((0.1, 0.2), "expected about"),
        ((1.0,), "pair"),
        ("abc", "pair of numbers"),
        ((Value(0.5), Value(-1.5)), "not the Values"),
    ]),
    (lesson07.check_value_log, None, [
        (lambda v: Value(math.log(v.data)), "children"),
        (lambda v: math.log(v.data), "should return a Value"),
        (lambda v: Value(math.log10(v.data), (v,), "log"), "should be"),
        (broken, "RuntimeError"),
    ]),
]


def chain_gradients(w, a_prev, b, y):
    z = w * a_prev + b
    d_z = sigmoid_prime(z) * 2 * (sigmoid(z) - y)
    return a_prev * d_z, d_z, w * d_z


def value_gradients():
    a, b = Value(0.5), Value(-1.5)
    g = (a * b + b ** 3).tanh() / b
    g.backward()
    return a.grad, b.grad


def log(v):
    out = Value(math.log(v.data), (v,), "log")

    def _backward():
        v.grad += (1 / v.data) * out.grad
    out._backward = _backward
    return out


def log_without_gradient(v):
    return Value(math.log(v.data), (v,), "log")


RIGHT = {lesson06.check_output_nudges: output_nudges, lesson06.check_previous_layer_nudges: previous_layer_nudges,
         lesson06.check_average_nudge: average_nudge, lesson07.check_chain_gradients: chain_gradients,
         lesson07.check_value_gradients: value_gradients(), lesson07.check_value_log: log}
WRONG = [(check, answer, message) for check, _, wrongs in CASES for answer, message in wrongs]
WRONG.append((lesson07.check_value_log, log_without_gradient, "local backward step"))
WRONG.append((lesson07.check_value_gradients, tuple(reversed(value_gradients())), "right order"))


@pytest.mark.parametrize("check", list(RIGHT), ids=lambda c: c.__name__)
def test_right_answer_is_accepted(check, capsys):
    assert check(RIGHT[check]) is True
    assert "correct" in capsys.readouterr().out


@pytest.mark.parametrize("check", list(RIGHT), ids=lambda c: c.__name__)
def test_unanswered_exercise_says_so(check, capsys):
    assert check(None) is False
    assert "not answered yet" in capsys.readouterr().out


@pytest.mark.parametrize("check, answer, message", WRONG)
def test_wrong_answer_is_rejected_with_a_useful_message(check, answer, message, capsys):
    assert check(answer) is False
    out = capsys.readouterr().out
    assert "not yet" in out and message in out, out
