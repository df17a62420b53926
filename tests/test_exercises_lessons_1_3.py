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


def test_lesson01_ink_box(digit, capsys):
    grid = digit.reshape(28, 28)
    rows, cols = np.flatnonzero(grid.sum(axis=1) > 0), np.flatnonzero(grid.sum(axis=0) > 0)
    box = (rows[0], rows[-1], cols[0], cols[-1])                # found independently of the check
    assert lesson01.check_ink_box(tuple(int(v) for v in box))
    assert lesson01.check_ink_box([np.int64(v) for v in box])
    assert not lesson01.check_ink_box((box[2], box[3], box[0], box[1]))
    assert "swapped" in capsys.readouterr().out
    assert not lesson01.check_ink_box((box[0], box[1] + 1, box[2], box[3] + 1))
    assert "inclusive" in capsys.readouterr().out
    assert not lesson01.check_ink_box((box[0] + 1, box[1], box[2], box[3]))
    assert "top is not right" in capsys.readouterr().out
    assert not lesson01.check_ink_box(box[:3])
    assert not lesson01.check_ink_box(None)


@pytest.mark.parametrize("check", [lesson01.check_lit_pixels, lesson01.check_brightest_row, lesson01.check_ink_box,
                                   lesson02.check_bias, lesson02.check_half_on_bias, lesson02.check_parameter_count,
                                   lesson02.check_and_neuron])
@pytest.mark.parametrize("answer", [None, "7", [1, 2], [[1, 2], [3]], np.zeros((2, 3)), np.array(np.nan), 10 ** 400,
                                    float("inf"), True, lambda: 1 / 0, {"a": 1}, (1e308, 1e308, -1e308)],
                         ids=["None", "str", "list", "ragged", "array", "nan", "hugeint", "inf", "bool", "function",
                              "dict", "huge-tuple"])
def test_lessons_1_2_checks_never_raise(check, answer, capsys):
    assert check(answer) is False
    assert capsys.readouterr().out.strip()                    # always a message


def test_lesson02_bias(capsys):
    assert lesson02.check_bias(-14) and lesson02.check_bias(-4 * 3.5)
    assert np.isclose(sigmoid(4 * 3.5 + -14.0), 0.5)                 # the right bias really switches at x = 3.5
    assert not lesson02.check_bias(14)
    assert "sign is wrong" in capsys.readouterr().out
    assert not lesson02.check_bias(-3.5)                              # the weight forgotten
    assert "4 x" in capsys.readouterr().out
    assert not lesson02.check_bias(-3.5 / 4)                          # divided instead of multiplied
    assert "multiply" in capsys.readouterr().out
    assert not lesson02.check_bias(-13)
    assert "3.25" in capsys.readouterr().out                          # where that bias really switches
    assert not lesson02.check_bias("-14")
    assert not lesson02.check_bias(True)


def test_lesson02_half_on_bias(capsys):
    W, a, b = lesson02.layer_exercise_data()
    assert W.shape == (3, 4) and a.shape == (4,) and b.shape == (3,)
    right = -float(W[0] @ a)
    assert np.isclose(sigmoid(W[0] @ a + right), 0.5)           # the right bias really gives half on
    assert lesson02.check_half_on_bias(right) and lesson02.check_half_on_bias(np.array([right]))
    assert not lesson02.check_half_on_bias(-right)
    assert "sign is wrong" in capsys.readouterr().out
    assert not lesson02.check_half_on_bias(right - b[0])
    assert "change" in capsys.readouterr().out
    assert not lesson02.check_half_on_bias(-float(W[1] @ a))
    assert "row 0" in capsys.readouterr().out
    assert not lesson02.check_half_on_bias(right + 1)
    assert "0.731" in capsys.readouterr().out                   # sigmoid(1): what that bias gives


def test_lesson02_parameter_count(capsys):
    assert lesson02.check_parameter_count(Network([784, 30, 10]).n_parameters)
    assert not lesson02.check_parameter_count(784 * 30 + 30 * 10)
    assert "only the weights" in capsys.readouterr().out
    assert not lesson02.check_parameter_count(784 * 30 + 30 * 10 + 40 + 784)
    assert not lesson02.check_parameter_count(13002)
    assert not lesson02.check_parameter_count(23860.0)


def test_lesson03_three_layers(capsys):
    W1, b1, W2, b2, W3, b3 = lesson03.exercise_layers()
    a = np.random.default_rng(0).standard_normal(4)
    W, b = W3 @ W2 @ W1, W3 @ (W2 @ b1 + b2) + b3
    assert np.allclose(W @ a + b, W3 @ (W2 @ (W1 @ a + b1) + b2) + b3)      # the answer is right: test the test
    assert lesson03.check_three_layers((W, b))
    assert lesson03.check_three_layers([W.tolist(), b.tolist()])              # lists are fine too
    assert not lesson03.check_three_layers((W, W3 @ W2 @ b1 + b3))            # b2 left out
    assert "leaves out b2" in capsys.readouterr().out
    assert not lesson03.check_three_layers((W, W3 @ b2 + b3))                 # b1 left out
    assert "leaves out b1" in capsys.readouterr().out
    assert not lesson03.check_three_layers((W, W3 @ (W2 @ b1 + b2)))          # b3 left out
    assert "leaves out b3" in capsys.readouterr().out
    assert not lesson03.check_three_layers((W1.T @ W2.T @ W3.T, b))           # the wrong order: (4, 2)
    assert "shape (2, 4)" in capsys.readouterr().out
    assert not lesson03.check_three_layers((W + 1, b))
    assert "W is not right" in capsys.readouterr().out
    assert not lesson03.check_three_layers(W)
    assert not lesson03.check_three_layers(None)
    assert not lesson03.check_three_layers(([1, [2]], b))                      # ragged: a message, no error
    assert "cannot read" in capsys.readouterr().out


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


def test_lesson03_softplus_prime(capsys):
    assert lesson03.check_softplus_prime(sigmoid)
    assert lesson03.check_softplus_prime(lambda z: np.exp(z) / (1 + np.exp(z)))
    assert not lesson03.check_softplus_prime(lambda z: np.log(1 + np.exp(z)))   # the softplus itself
    assert "softplus itself" in capsys.readouterr().out
    assert not lesson03.check_softplus_prime(lambda z: 1 / (1 + np.exp(z)))     # sign slip
    assert "sign" in capsys.readouterr().out
    assert not lesson03.check_softplus_prime(np.exp)
    assert "chain rule" in capsys.readouterr().out
    assert not lesson03.check_softplus_prime(lambda z: (z > 0).astype(float))
    assert "ReLU" in capsys.readouterr().out
    assert not lesson03.check_softplus_prime(lambda z: z[:3])
    assert not lesson03.check_softplus_prime(lambda z: 1 / 0)
    assert "ZeroDivisionError" in capsys.readouterr().out
    assert not lesson03.check_softplus_prime(lambda z: np.exp(1000 * z))       # overflows: a message, no warning
    assert not lesson03.check_softplus_prime("sigmoid")


class _Unreadable:
    def __float__(self):
        raise ValueError("no float here")


def _fails(*args):
    raise RuntimeError("boom")


ODD_ANSWERS = [None, "2/3", b"x", [], [1, [2, 3]], (1, 2, 3), np.array("s"), np.nan, np.inf, 10 ** 400, True, 1e308,
               1j, np.ones((2, 4)), np.ones(2, dtype=complex), {}, _fails, lambda z: None, lambda z: [1, [2]],
               _Unreadable(), (_Unreadable(), 1), (np.nan, 1.0), (1e300, -3e300), (np.ones((2, 4)), "b"),
               ([1, [2]], [1]), np.float32(2 / 3)]


@pytest.mark.parametrize("check", [lesson03.check_three_layers, lesson03.check_sharp_neuron,
                                   lesson03.check_softplus_prime])
def test_lesson03_checks_never_raise(check, capsys):
    for answer in ODD_ANSWERS:
        assert check(answer) in (True, False)
