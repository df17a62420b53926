"""The check_... functions of lessons 1-3 accept right answers and reject typical wrong ones."""

import numpy as np
import pytest

from nnlib import Network, load_mnist
from nnlib.activations import sigmoid
from nnlib.exercises import lesson01, lesson02, lesson03


@pytest.fixture(scope="module")
def digit():
    return load_mnist().x_train[0]


def test_lesson01_lit_pixels(digit, capsys):
    right = int(np.sum(digit > 0.5))
    assert lesson01.check_lit_pixels(right)
    assert not lesson01.check_lit_pixels(int(np.sum(digit > 0)))
    assert not lesson01.check_lit_pixels(784 - right)
    assert not lesson01.check_lit_pixels(float(right))
    assert not lesson01.check_lit_pixels(None)
    assert "not answered yet" in capsys.readouterr().out


def test_lesson01_brightest_row(digit, capsys):
    grid = digit.reshape(28, 28)
    assert lesson01.check_brightest_row(int(np.argmax(grid.sum(axis=1))))
    assert not lesson01.check_brightest_row(int(np.argmax(grid.sum(axis=0))))
    assert "brightest column" in capsys.readouterr().out
    assert not lesson01.check_brightest_row(28)
    assert not lesson01.check_brightest_row("7")


def test_lesson01_untrained_outputs(digit, capsys):
    assert lesson01.check_untrained_outputs(Network([784, 16, 16, 10], seed=1).forward(digit))
    assert not lesson01.check_untrained_outputs(Network([784, 16, 16, 10], seed=0).forward(digit))
    assert "seed=0" in capsys.readouterr().out
    assert not lesson01.check_untrained_outputs(np.zeros(10))
    assert not lesson01.check_untrained_outputs(np.zeros(9))


def test_lesson02_bias(capsys):
    assert lesson02.check_bias(-3.5)
    assert not lesson02.check_bias(3.5)
    assert "sign is wrong" in capsys.readouterr().out
    assert not lesson02.check_bias(-3)
    assert not lesson02.check_bias("-3.5")
    assert not lesson02.check_bias(True)


def test_lesson02_layer(capsys):
    W, a, b = lesson02.layer_exercise_data()
    assert W.shape == (3, 4) and a.shape == (4,) and b.shape == (3,)
    assert lesson02.check_layer(sigmoid(W @ a + b))
    assert not lesson02.check_layer(W @ a + b)
    assert "weighted input" in capsys.readouterr().out
    assert not lesson02.check_layer(sigmoid(W @ a))
    assert not lesson02.check_layer(sigmoid(W @ a - b))
    assert not lesson02.check_layer(sigmoid(W.T[:3, :3] @ a[:3] + b))
    assert not lesson02.check_layer(sigmoid(W @ a + b)[:2])


def test_lesson02_parameter_count(capsys):
    assert lesson02.check_parameter_count(Network([784, 30, 10]).n_parameters)
    assert not lesson02.check_parameter_count(784 * 30 + 30 * 10)
    assert "only the weights" in capsys.readouterr().out
    assert not lesson02.check_parameter_count(784 * 30 + 30 * 10 + 40 + 784)
    assert not lesson02.check_parameter_count(13002)
    assert not lesson02.check_parameter_count(23860.0)


def test_lesson03_sigmoid_prime(capsys):
    assert lesson03.check_sigmoid_prime(lambda z: sigmoid(z) * (1 - sigmoid(z)))
    assert not lesson03.check_sigmoid_prime(sigmoid)
    assert not lesson03.check_sigmoid_prime(lambda z: sigmoid(z) * (1 + sigmoid(z)))
    assert not lesson03.check_sigmoid_prime(lambda z: np.exp(-z))
    assert not lesson03.check_sigmoid_prime(lambda z: 0.25)
    assert not lesson03.check_sigmoid_prime(lambda z: 1 / 0)
    assert "ZeroDivisionError" in capsys.readouterr().out
    assert not lesson03.check_sigmoid_prime(0.25)


def test_lesson03_sharp_neuron(capsys):
    assert lesson03.check_sharp_neuron((10, -30))
    assert not lesson03.check_sharp_neuron((1, -3))       # right threshold, too gentle
    assert "larger" in capsys.readouterr().out
    assert not lesson03.check_sharp_neuron((10, 30))      # the sign slip: threshold at -3
    assert not lesson03.check_sharp_neuron((-10, 30))     # switches off
    assert not lesson03.check_sharp_neuron((0, 0))
    assert not lesson03.check_sharp_neuron(10)


def test_lesson02_and_neuron(capsys):
    assert lesson02.check_and_neuron((10, 10, -15))
    assert not lesson02.check_and_neuron((10, 10, -5))    # an OR
    assert "below 0.1" in capsys.readouterr().out
    assert not lesson02.check_and_neuron((1, 1, -1.5))    # right shape, too soft
    assert not lesson02.check_and_neuron((10, 10))
    assert not lesson02.check_and_neuron(None)


def test_lesson03_tanh_from_sigmoid(capsys):
    assert lesson03.check_tanh_from_sigmoid(lambda z: 2 * sigmoid(2 * z) - 1)
    assert not lesson03.check_tanh_from_sigmoid(lambda z: 2 * sigmoid(z) - 1)
    assert "2z" in capsys.readouterr().out
    assert not lesson03.check_tanh_from_sigmoid(lambda z: 2 * sigmoid(2 * z))
    assert not lesson03.check_tanh_from_sigmoid(sigmoid)
    assert not lesson03.check_tanh_from_sigmoid(lambda z: z[:3])
    assert not lesson03.check_tanh_from_sigmoid("tanh")
