"""The exercise checks of lessons 6 and 7 accept right answers and reject typical wrong ones, and
never raise, whatever a learner passes."""

import math

import numpy as np
import pytest

from nnlib.activations import sigmoid, sigmoid_prime
from nnlib.autograd import Value
from nnlib.exercises import lesson06, lesson07


# ---------------------------------------------------------------- lesson 6
def first_layer_nudges(network, x, label):
    forward = network.forward(x, return_all=True)
    out_wanted = 2 * (np.eye(network.sizes[-1])[label] - forward.activations[-1])
    hidden2_wanted = network.weights[2].T @ (sigmoid_prime(forward.zs[2]) * out_wanted)
    return network.weights[1].T @ (sigmoid_prime(forward.zs[1]) * hidden2_wanted)


def first_layer_nudges_without_slope(network, x, label):
    forward = network.forward(x, return_all=True)
    out_wanted = 2 * (np.eye(network.sizes[-1])[label] - forward.activations[-1])
    hidden2_wanted = network.weights[2].T @ (sigmoid_prime(forward.zs[2]) * out_wanted)
    return network.weights[1].T @ hidden2_wanted


def second_layer_nudges(network, x, label):
    forward = network.forward(x, return_all=True)
    out_wanted = 2 * (np.eye(network.sizes[-1])[label] - forward.activations[-1])
    return network.weights[2].T @ (sigmoid_prime(forward.zs[2]) * out_wanted)


def batch_nudge(network, x, labels):
    forward = network.forward(x, return_all=True)
    wanted_z = sigmoid_prime(forward.zs[-1]) * 2 * (np.eye(network.sizes[-1])[labels] - forward.activations[-1])
    return wanted_z.T @ forward.activations[-2] / len(labels)


def batch_nudge_by_gradients(network, x, labels):
    return -network.gradients(x, labels).weights[-1]


def batch_nudge_without_slope(network, x, labels):
    forward = network.forward(x, return_all=True)
    return (2 * (np.eye(network.sizes[-1])[labels] - forward.activations[-1])).T @ forward.activations[-2] / len(labels)


def broken(*args):
    raise RuntimeError("oops")


CASES = [
    (lesson06.check_hebbian_signs, [
        (("up", "up", "none"), "(a)"),
        (("down", "down", "none"), "(b)"),
        (("down", "up", "down"), "(c)"),
        (("down", "up", "maybe"), '"up", "down" or "none"'),
        (("down", "up"), "three words"),
        ("down up none", "three words"),
        ((1, 2, 3), "three words"),
        (broken, "three words"),
    ]),
    (lesson06.check_first_layer_nudges, [
        (lambda n, x, l: -first_layer_nudges(n, x, l), "signs are flipped"),
        (first_layer_nudges_without_slope, "sigmoid'(z) of the second hidden layer"),
        (lambda n, x, l: 2 * first_layer_nudges(n, x, l), "factor 2"),
        (second_layer_nudges, "FIRST hidden layer"),
        (lambda n, x, l: np.ones(5), "expected"),
        (lambda n, x, l: "nudges", "should be a numpy array"),
        (lambda n, x, l: [np.nan] * 5, "NaN"),
        (broken, "RuntimeError"),
        ("2 (y - a)", "should be a function"),
    ]),
    (lesson06.check_batch_nudge, [
        (lambda n, x, l: -batch_nudge(n, x, l), "signs are flipped"),
        (lambda n, x, l: batch_nudge(n, x, l) * len(l), "sum"),
        (batch_nudge_without_slope, "sigmoid'(z_j)"),
        (lambda n, x, l: batch_nudge(n, x, l) / 2, "factor 2"),
        (lambda n, x, l: batch_nudge(n, x, l).T, "shape"),
        (batch_nudge_by_gradients, "without network.gradients"),
        (lambda n, x, l: None, "should hold real numbers"),
        (42, "should be a function"),
    ]),
    (lesson07.check_chain_gradients, [
        (lambda w, a, b, y: (1.0, 2.0, 3.0), "expected"),
        (lambda w, a, b, y: (1.0, 2.0), "three numbers"),
        (lambda w, a, b, y: tuple(2 * g for g in chain_gradients(w, a, b, y)), "has a 1/2 this time"),
        (lambda w, a, b, y: sigmoid_half(w, a, b, y), "tanh neuron"),
        (lambda w, a, b, y: sigmoid_without_half(w, a, b, y), "section 1's neuron"),
        (lambda w, a, b, y: 0.5, "not three numbers"),
        (lambda w, a, b, y: ("a", "b", "c"), "not three numbers"),
        (broken, "RuntimeError"),
        ([1, 2, 3], "should be a function"),
    ]),
    (lesson07.check_value_gradients, [
        ((0.1, 0.2), "expected about"),
        ((1.0,), "pair"),
        ("abc", "pair of numbers"),
        (3.5, "pair of numbers"),
        ((Value(0.5), Value(-1.5)), "not the Values"),
    ]),
    (lesson07.check_value_log, [
        (lambda v: Value(math.log(v.data)), "children"),
        (lambda v: math.log(v.data), "should return a Value"),
        (lambda v: Value(math.log10(v.data), (v,), "log"), "should be"),
        (broken, "RuntimeError"),
        ("log", "should be a function"),
    ]),
]


def chain_gradients(w, a_prev, b, y):
    a = math.tanh(w * a_prev + b)
    d_z = (1 - a * a) * (a - y)
    return a_prev * d_z, d_z, w * d_z


def sigmoid_half(w, a_prev, b, y):
    z = w * a_prev + b
    d_z = sigmoid_prime(z) * (sigmoid(z) - y)
    return a_prev * d_z, d_z, w * d_z


def sigmoid_without_half(w, a_prev, b, y):
    return tuple(2 * g for g in sigmoid_half(w, a_prev, b, y))


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


RIGHT = {lesson06.check_hebbian_signs: ("down", "UP ", "none"),
         lesson06.check_first_layer_nudges: first_layer_nudges, lesson06.check_batch_nudge: batch_nudge,
         lesson07.check_chain_gradients: chain_gradients,
         lesson07.check_value_gradients: value_gradients(), lesson07.check_value_log: log}
WRONG = [(check, answer, message) for check, wrongs in CASES for answer, message in wrongs]
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


def test_the_tanh_check_has_the_right_answer_by_finite_differences():
    w, a_prev, b, y, h = 0.7, 0.4, -0.2, 0.3, 1e-6

    def cost(w, a_prev, b):
        return 0.5 * (math.tanh(w * a_prev + b) - y) ** 2

    numeric = ((cost(w + h, a_prev, b) - cost(w - h, a_prev, b)) / (2 * h),
               (cost(w, a_prev, b + h) - cost(w, a_prev, b - h)) / (2 * h),
               (cost(w, a_prev + h, b) - cost(w, a_prev - h, b)) / (2 * h))
    assert np.allclose(chain_gradients(w, a_prev, b, y), numeric, rtol=1e-7)
    factor = lesson07._chain_factors(w, a_prev, b, y)["right"]
    assert math.isclose(factor, chain_gradients(w, a_prev, b, y)[1], rel_tol=1e-12)
