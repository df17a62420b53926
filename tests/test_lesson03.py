"""Lesson 3 (activation functions): its exercise checks and its figures."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from nnlib.exercises import lesson03  # noqa: E402
from nnlib.plots.curves import (plot_activations, plot_backward_signal, plot_layer_gradients,  # noqa: E402
                                plot_neuron_curves, plot_sigmoid)


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def _sigmoid(z):                        # independent of nnlib
    return 1 / (1 + np.exp(-np.asarray(z, dtype=float)))


# ----------------------------------------------------------------------------------------- exercise checks
def test_three_layers(capsys):
    W1, b1, W2, b2, W3, b3 = lesson03.exercise_layers()
    W, b = W3 @ W2 @ W1, W3 @ (W2 @ b1 + b2) + b3
    assert lesson03.check_three_layers((W, b)) and lesson03.check_three_layers([W.tolist(), b.tolist()])
    assert not lesson03.check_three_layers((W, W3 @ W2 @ b1 + b3))
    assert "leaves out b2" in capsys.readouterr().out
    assert not lesson03.check_three_layers((W, W3 @ b2 + b3))
    assert "leaves out b1" in capsys.readouterr().out
    assert not lesson03.check_three_layers((W, W3 @ (W2 @ b1 + b2)))
    assert "leaves out b3" in capsys.readouterr().out
    assert not lesson03.check_three_layers((W1.T @ W2.T @ W3.T, b))
    assert "shape (2, 4)" in capsys.readouterr().out
    assert not lesson03.check_three_layers((W1[:2] @ np.eye(4), b))              # right shape, wrong matrix
    out = capsys.readouterr().out
    assert "W is not right" in out and "W3 @ W2 @ W1" not in out                # no answer handed over
    assert not lesson03.check_three_layers(W) and not lesson03.check_three_layers(([1, [2]], b))


def test_bump(capsys):
    for answer in [(10, -10, 10, -40), (6.0, -6.0, 6.0, -24.0), np.array([1e4, -1e4, 1e4, -4e4]), [20, -20, 8, -32]]:
        assert lesson03.check_bump(answer), answer
    assert not lesson03.check_bump((10, -40, 10, -10))                    # swapped: the bump points down
    assert "points down" in capsys.readouterr().out
    assert not lesson03.check_bump((10, -20, 10, -50))                    # section 3's bump: 2 and 5
    out = capsys.readouterr().out
    assert "x = -b/w = 2" in out and "x = -b/w = 5" in out
    assert not lesson03.check_bump((5, -5, 5, -20))                       # the right points, too gentle
    out = capsys.readouterr().out
    assert "too gentle" in out and "5.9" not in out and "ln" not in out  # no answer handed over
    for edge in [(10, -5, 10, -40), (100, -150, 100, -400), (100, -100, 100, -350), (100, -100, 100, -450)]:
        assert not lesson03.check_bump(edge), edge                        # a switching point on an edge: impossible
        out = capsys.readouterr().out
        assert "half on" in out and "between" not in out and "too gentle" not in out, edge
    assert lesson03.check_bump((1000, -510, 1000, -4490))                     # just inside the edges, steep enough
    assert not lesson03.check_bump((-10, 10, 10, -40))
    assert "negative weight" in capsys.readouterr().out
    assert not lesson03.check_bump((0, 1, 10, -40)) and not lesson03.check_bump((10, -10, 10))


def test_silu_prime(capsys):
    def right(z):
        s = _sigmoid(z)
        return s + z * s * (1 - s)

    h = 1e-5
    assert lesson03.check_silu_prime(right)
    assert lesson03.check_silu_prime(lambda z: 1 / (1 + np.exp(-z)) * (1 + z - z / (1 + np.exp(-z))))  # another form
    assert not lesson03.check_silu_prime(lambda z: ((z + h) * _sigmoid(z + h) - (z - h) * _sigmoid(z - h)) / (2 * h))
    assert "finite difference" in capsys.readouterr().out
    import math
    assert not lesson03.check_silu_prime(lambda z: math.exp(z))
    assert "np.exp" in capsys.readouterr().out
    assert not lesson03.check_silu_prime(_sigmoid)                       # what `answer = sigmoid` used to pass with
    assert "second term" in capsys.readouterr().out
    assert not lesson03.check_silu_prime(lambda z: z * _sigmoid(z) * (1 - _sigmoid(z)))
    assert "one term" in capsys.readouterr().out
    assert not lesson03.check_silu_prime(lambda z: _sigmoid(z) * (1 - _sigmoid(z)))
    assert "sigmoid alone" in capsys.readouterr().out
    assert not lesson03.check_silu_prime(lambda z: z * _sigmoid(z))
    assert "SiLU itself" in capsys.readouterr().out
    assert not lesson03.check_silu_prime(lambda z: _sigmoid(z) + 2 * z)
    assert "finite difference" in capsys.readouterr().out
    assert not lesson03.check_silu_prime(lambda z: z[:3])


def test_chain_factors(capsys):
    x, weights, biases = lesson03.chain_exercise()
    factors, a = [], x
    for w, b in zip(weights, biases):                    # independently of the check
        z = w * a + b
        a = float(_sigmoid(z))
        factors.append(w * a * (1 - a))
    assert lesson03.check_chain_factors(tuple(factors)) and lesson03.check_chain_factors(np.array(factors))
    assert "their product" in capsys.readouterr().out
    slopes = [f / w for f, w in zip(factors, weights)]
    assert not lesson03.check_chain_factors(tuple(slopes))
    assert "without the weight" in capsys.readouterr().out
    assert not lesson03.check_chain_factors(tuple(0.25 * w for w in weights))
    assert "1/4" in capsys.readouterr().out
    assert not lesson03.check_chain_factors((factors[0], -factors[1], factors[2]))
    out = capsys.readouterr().out
    assert "factor 2 has the wrong sign" in out and "factor 1" not in out
    assert not lesson03.check_chain_factors((factors[0], factors[1], 0.5))
    out = capsys.readouterr().out
    assert "factor 3 is not right" in out and f"{factors[2]:.3f}" not in out
    assert not lesson03.check_chain_factors(np.prod(factors))                 # the product alone is not the answer
    assert not lesson03.check_chain_factors(tuple(round(f, 2) for f in factors))    # two digits: right, too rounded
    out = capsys.readouterr().out
    assert out.count("round less") == 3 and f"{factors[0]:.4f}" not in out
    assert not lesson03.check_chain_factors((round(factors[0], 1), factors[1], factors[2]))
    out = capsys.readouterr().out
    assert "factor 1 is right but rounded" in out and "factor 2" not in out


def test_leaky_spread(capsys):
    right = np.sqrt(2 / (1 + 0.2 ** 2))                   # var(z) per layer times c^2 (1 + leak^2) / 2
    factors = []                                          # and independently, by simulation: one layer's
    for draw in range(20):                                # variance factor, averaged over 20 draws
        rng = np.random.default_rng(100 + draw)
        z = rng.standard_normal((2000, 200))
        z_next = np.where(z > 0, z, 0.2 * z) @ (right / np.sqrt(200) * rng.standard_normal((200, 200)))
        factors.append(np.mean(z_next ** 2) / np.mean(z ** 2))
    assert abs(np.mean(factors) - 1) < 0.01
    for answer in (right, float(f"{right:.4f}"), 1.387, np.float32(right), [right], np.array([right]), np.array(right)):
        assert lesson03.check_leaky_spread(answer), answer
    for wrong, words in [(np.sqrt(2), "He's factor"), (2 / 1.04, "square root"), (np.sqrt(2 / 1.2), "squared"),
                         (1.0, "fades"), (1.39, "round less"), (3.0, "grow"), (0.5, "fade"), (1.2, "is not right"),
                         (1.6, "is not right"), (-right, "positive")]:
        assert not lesson03.check_leaky_spread(wrong), wrong
        out = capsys.readouterr().out
        assert words in out and "1.387" not in out and "1.04" not in out, (wrong, out)
    for near in (1.2, 1.3, 1.45, 1.6, 1.9):                     # between 1 and 2: no direction to bisect with
        assert not lesson03.check_leaky_spread(near)
        out = capsys.readouterr().out
        assert "grow" not in out and "fade" not in out, (near, out)


# ----------------------------------------------------------------------------------------- figures
def test_plot_activations_marks_the_kink_without_a_vertical_line():
    z = np.linspace(-2, 2, 41)
    fig = plot_activations(("relu",), z=z)
    slope_panel = fig.axes[1]
    vertical = [line for line in slope_panel.lines if len(set(np.atleast_1d(line.get_xdata()))) == 1
                and len(np.atleast_1d(line.get_xdata())) > 1]
    assert not vertical                                                       # no z = 0 line through the gap
    dots = [line for line in slope_panel.lines if line.get_marker() == "o"]
    assert sorted(float(line.get_ydata()[0]) for line in dots) == [0.0, 1.0]


def test_plot_neuron_curves_shares_one_marker_where_all_switch():
    lines = plot_neuron_curves([(0.5, 0), (1, 0), (4, 0), (-2, 0)])
    ax = lines[0].axes
    assert len([line for line in ax.lines if line.get_marker() == "o"]) == 1
    assert any("all 4" in t.get_text() for t in ax.texts)
    assert "on below x = 0" in lines[3].get_label()


def test_plot_layer_gradients_draws_the_geometric_mean_and_a_band():
    runs = np.array([[1e-6, 1e-3, 1e-1], [4e-6, 4e-3, 1e-1]])
    lines = plot_layer_gradients({"sigmoid": runs, "relu": [1e-2, 2e-2, 3e-2]})
    assert np.allclose(lines[0].get_ydata(), [2e-6, 2e-3, 1e-1])
    assert len(lines[0].axes.collections) == 1                                # one band: only sigmoid has runs


def test_plot_sigmoid_keeps_its_labels_off_the_frame():
    line = plot_sigmoid(np.linspace(-8, 8, 101))
    ax = line.axes
    left, right = ax.get_xlim()
    for text in ax.texts:
        x = text.get_position()[0]
        inside = left < x < right and min(x - left, right - x) > 0.02 * (right - left)
        assert inside or text.get_text().startswith("σ(0)")


# ----------------------------------------------------------------------------------------- odd answers
class _Unreadable:
    def __float__(self):
        raise ValueError("no float here")


def _fails(*args):
    raise RuntimeError("boom")


ODD_ANSWERS = [None, "2/3", b"x", [], [1, [2, 3]], (1, 2, 3), np.array("s"), np.nan, np.inf, 10 ** 400, True, 1e308,
               1j, np.ones((2, 4)), np.ones(2, dtype=complex), {}, _fails, lambda z: None, lambda z: [1, [2]],
               lambda z: np.exp(1000 * z), _Unreadable(), (_Unreadable(), 1), (np.nan, 1.0), (1e300, -3e300),
               (np.ones((2, 4)), "b"), ([1, [2]], [1]), np.float32(2 / 3)]


@pytest.mark.parametrize("check", [lesson03.check_three_layers, lesson03.check_bump, lesson03.check_silu_prime,
                                   lesson03.check_chain_factors, lesson03.check_leaky_spread])
def test_lesson03_checks_answer_odd_answers_with_a_message(check, capsys):
    for answer in ODD_ANSWERS:
        assert check(answer) in (True, False), answer
        assert capsys.readouterr().out.strip()


def test_plot_backward_signal_draws_two_panels():
    runs = np.array([[1e-6, 1e-3, 1e-1], [4e-6, 4e-3, 1e-1]])
    fig = plot_backward_signal({"sigmoid": runs}, {"sigmoid": np.hstack([runs, runs[:, :1]])}, title="t")
    left, right = fig.axes
    assert "hidden layer" in left.get_xlabel() and "layer of weights" in right.get_xlabel()
    assert np.allclose(left.lines[0].get_ydata(), [2e-6, 2e-3, 1e-1]) and len(right.lines[0].get_ydata()) == 4


def test_neuron_widget_can_write_its_values_into_its_picture():
    from nnlib.widgets.neuron import NeuronWidget

    assert NeuronWidget(weight=1.0, bias=0.0, x=2.0)._label.get_text().startswith("x = 2.0")    # as before
    shown = NeuronWidget(weight=1.0, bias=-2.5, x=2.0, show_values=True)
    assert shown._label.get_text().startswith("w = 1.0, b = -2.5:")
    shown.weight_slider.value = 3.0
    assert shown._label.get_text().startswith("w = 3.0, b = -2.5:")
