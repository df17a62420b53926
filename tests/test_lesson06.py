"""Lesson 6's own tests: its exercise checks (right answers in every form accepted, each usual slip named,
no failure message giving the answer away) and its figures (nnlib.plots.nudges draw their data)."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from nnlib.activations import sigmoid_prime  # noqa: E402
from nnlib.exercises import lesson06  # noqa: E402
from nnlib.plots.nudges import (plot_cosine_spread, plot_neuron_inputs, plot_output_nudges,  # noqa: E402
                                plot_step_sizes, plot_wanted_nudges)


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


# ---------------------------------------------------------------- exercise 1: the four weight nudges
A_K = 0.8
A_J = np.array([0.2, 0.95, 0.7, 0.999])
Y_J = np.array([1.0, 1.0, 0.0, 0.0])
RIGHT_NUDGES = A_K * A_J * (1 - A_J) * 2 * (Y_J - A_J)


def test_the_right_nudges_match_finite_differences():
    """Independent of the check's formula: differentiate C0 = (sigmoid(w a_k + b) - y)**2 numerically."""
    h = 1e-7
    for a_j, y_j, expected in zip(A_J, Y_J, RIGHT_NUDGES):
        z = np.log(a_j / (1 - a_j))                  # the z_j that gives a_j, with w = 1 and b = z - a_k
        w, b = 1.0, z - A_K

        def cost(w):
            return (1 / (1 + np.exp(-(w * A_K + b))) - y_j) ** 2

        assert np.isclose(-(cost(w + h) - cost(w - h)) / (2 * h), expected, rtol=1e-6)


@pytest.mark.parametrize("answer", [
    tuple(RIGHT_NUDGES), list(RIGHT_NUDGES), RIGHT_NUDGES, RIGHT_NUDGES.reshape(4, 1),
    tuple(np.float32(v) for v in RIGHT_NUDGES), (0.2048, 0.0038, -0.2352, -0.0016), (0.205, 0.0038, -0.235, -0.0016),
    (0.20, 0.0038, -0.24, -0.0016),
], ids=["tuple", "list", "array", "column", "float32", "rounded", "3 digits", "2 significant digits"])
def test_weight_nudges_accepts_every_right_form(answer, capsys):
    assert lesson06.check_weight_nudges(answer) is True
    assert "correct" in capsys.readouterr().out


SLIPS = [
    (-RIGHT_NUDGES, "MINUS"),
    (A_K * A_J, "Hebb"),
    (A_K * 2 * (Y_J - A_J), "slope sigma'(z_j) is missing"),
    (RIGHT_NUDGES / 2, "factor 2"),
    (RIGHT_NUDGES / A_K, "factor a_k is missing"),
    (A_K * (1 / (1 + np.exp(-A_J))) * (1 - 1 / (1 + np.exp(-A_J))) * 2 * (Y_J - A_J), "not at a_j"),
    (np.where([True, True, False, True], RIGHT_NUDGES, -RIGHT_NUDGES), "(c)"),
    (np.where([True, True, True, False], RIGHT_NUDGES, 0.5), "(d)"),
    (np.where([True, False, True, True], RIGHT_NUDGES, 0.004), "rounded too coarsely"),
    (np.where([True, True, True, False], RIGHT_NUDGES, -0.002), "rounded too coarsely"),
    (np.zeros(4), "a nudge of 0"),
    ((1, 2, 3), "four numbers"),
    ("0.2 0.0 -0.2 0.0", "four numbers"),
    ((True, False, True, True), "four numbers"),
]


@pytest.mark.parametrize("answer, message", SLIPS)
def test_weight_nudges_names_the_slip_without_the_answer(answer, message, capsys):
    assert lesson06.check_weight_nudges(answer) is False
    out = capsys.readouterr().out
    assert "not yet" in out and message in out, out
    for value in RIGHT_NUDGES:                       # the right numbers are never printed on a failure
        for digits in (f"{value:.4f}", f"{value:.3g}", f"{value:.4g}"):
            assert digits not in out, (digits, out)


# ---------------------------------------------------------------- exercise 1, part 1: the graded guess
def test_in_each_pair_one_wins_on_the_error_and_the_other_on_the_slope():
    """(a)/(c) and (b)/(d) are real decisions: each weight wins on one factor, and the ratios decide."""
    sizes = np.abs(RIGHT_NUDGES)
    assert sizes[2] > sizes[0] and sizes[1] > sizes[3]
    error = np.abs(Y_J - A_J)
    slope = A_J * (1 - A_J)
    assert error[0] > error[2] and slope[2] > slope[0]
    assert error[3] > error[1] and slope[1] > slope[3]


@pytest.mark.parametrize("answer", [("c", "b"), ["c", "b"], ("(c)", "(b)"), ("C", "B"), "c b", "(c), (b)", "cb",
                                    ("b", "c")])
def test_nudge_guess_accepts_every_right_form(answer, capsys):
    assert lesson06.check_nudge_guess(answer) is True
    assert "correct" in capsys.readouterr().out


@pytest.mark.parametrize("answer, message", [
    (("c", "d"), "in at least one of the two pairs"),
    (("a", "b"), "in at least one of the two pairs"),
    (("a", "d"), "in at least one of the two pairs"),
    (("a", "c"), "one letter from each pair"),
    (("b", "d"), "one letter from each pair"),
    (("c", "e"), "two letters"),
    ((1, 2), "two letters"),
    ("most c", "two letters"),
])
def test_nudge_guess_names_the_mistake_without_the_answer(answer, message, capsys):
    assert lesson06.check_nudge_guess(answer) is False
    out = capsys.readouterr().out
    assert "not yet" in out and message in out, out
    assert "(c) moves more" not in out and "(b) moves more" not in out
    assert "not (" not in out and "(c)'s" not in out and "(d)'s" not in out


# ---------------------------------------------------------------- exercises 2 and 3
def first_layer_nudges(network, x, label):
    forward = network.forward(x, return_all=True)
    out_nudges = 2 * (np.eye(network.sizes[-1])[label] - forward.activations[-1])
    hidden2_nudges = network.weights[2].T @ (sigmoid_prime(forward.zs[2]) * out_nudges)
    return network.weights[1].T @ (sigmoid_prime(forward.zs[1]) * hidden2_nudges)


def first_layer_nudges_without_slope(network, x, label):
    forward = network.forward(x, return_all=True)
    out_nudges = 2 * (np.eye(network.sizes[-1])[label] - forward.activations[-1])
    hidden2_nudges = network.weights[2].T @ (sigmoid_prime(forward.zs[2]) * out_nudges)
    return network.weights[1].T @ hidden2_nudges


def second_layer_nudges(network, x, label):
    forward = network.forward(x, return_all=True)
    out_nudges = 2 * (np.eye(network.sizes[-1])[label] - forward.activations[-1])
    return network.weights[2].T @ (sigmoid_prime(forward.zs[2]) * out_nudges)


def batch_nudge(network, x, labels):
    forward = network.forward(x, return_all=True)
    z_nudges = sigmoid_prime(forward.zs[-1]) * 2 * (np.eye(network.sizes[-1])[labels] - forward.activations[-1])
    return z_nudges.T @ forward.activations[-2] / len(labels)


def batch_nudge_by_gradients(network, x, labels):
    return -network.gradients(x, labels).dW[-1]


def batch_nudge_by_backprop(network, x, labels):
    return -network.backprop(np.asarray(x, dtype=float), np.eye(network.sizes[-1])[labels]).dW[-1]


def first_layer_nudges_by_deltas(network, x, label):
    return -(network.gradients(x, label).deltas[1] @ network.weights[1])[0]


def first_layer_nudges_for_ten_outputs(network, x, label):
    forward = network.forward(x, return_all=True)
    out_nudges = 2 * (np.eye(10)[label] - forward.activations[-1])          # the course's 10 outputs, hard-coded
    hidden2_nudges = network.weights[2].T @ (sigmoid_prime(forward.zs[2]) * out_nudges)
    return network.weights[1].T @ (sigmoid_prime(forward.zs[1]) * hidden2_nudges)


def first_layer_nudges_without_output_slope(network, x, label):
    forward = network.forward(x, return_all=True)
    out_nudges = 2 * (np.eye(network.sizes[-1])[label] - forward.activations[-1])
    return network.weights[1].T @ (sigmoid_prime(forward.zs[1]) * (network.weights[2].T @ out_nudges))


def batch_nudge_without_slope(network, x, labels):
    forward = network.forward(x, return_all=True)
    return (2 * (np.eye(network.sizes[-1])[labels] - forward.activations[-1])).T @ forward.activations[-2] / len(labels)


def first_layer_nudges_wrong_slope(network, x, label):
    forward = network.forward(x, return_all=True)
    out_nudges = 2 * (np.eye(network.sizes[-1])[label] - forward.activations[-1])
    hidden2_nudges = network.weights[2].T @ (sigmoid_prime(forward.zs[2]) * out_nudges)
    return network.weights[1].T @ (sigmoid_prime(forward.zs[0]) * hidden2_nudges)   # zs[0]: the wrong layer's slopes


def first_layer_z_nudges(network, x, label):
    return sigmoid_prime(network.forward(x, return_all=True).zs[0]) * first_layer_nudges(network, x, label)


def broken(*args):
    raise RuntimeError("oops")


CASES = [
    (lesson06.check_first_layer_nudges, [
        (lambda n, x, l: -first_layer_nudges(n, x, l), "signs are flipped"),
        (first_layer_nudges_without_slope, "sigma'(z) of the second hidden layer"),
        (lambda n, x, l: 2 * first_layer_nudges(n, x, l), "factor 2"),
        (second_layer_nudges, "FIRST hidden layer"),
        (lambda n, x, l: np.ones(5), "differ from backpropagation's"),
        (lambda n, x, l: "nudges", "should be a numpy array"),
        (lambda n, x, l: [np.nan] * 5, "NaN"),
        (broken, "RuntimeError"),
        ("2 (y - a)", "should be a function"),
        (first_layer_nudges_by_deltas, "yourself, without network.gradients"),
        (first_layer_nudges_for_ten_outputs, "take every size from network.sizes"),
        (first_layer_nudges_without_output_slope, "output neurons' slopes"),
        (first_layer_nudges_wrong_slope, "the layer whose nudges it multiplies"),
        (first_layer_z_nudges, "nudges of hidden layer 1's weighted inputs z"),
    ]),
    (lesson06.check_batch_nudge, [
        (lambda n, x, l: -batch_nudge(n, x, l), "signs are flipped"),
        (lambda n, x, l: batch_nudge(n, x, l) * len(l), "sum"),
        (batch_nudge_without_slope, "sigma'(z_j)"),
        (lambda n, x, l: batch_nudge(n, x, l) / 2, "factor 2"),
        (lambda n, x, l: batch_nudge(n, x, l).T, "shape"),
        (batch_nudge_by_gradients, "without network.gradients"),
        (batch_nudge_by_backprop, "network.backprop"),
        (lambda n, x, l: np.zeros((3, 4)), "differs from backpropagation's"),
        (lambda n, x, l: None, "should hold real numbers"),
        (42, "should be a function"),
    ]),
]
RIGHT = {lesson06.check_nudge_guess: ("c", "b"), lesson06.check_weight_nudges: tuple(RIGHT_NUDGES), lesson06.check_first_layer_nudges: first_layer_nudges,
         lesson06.check_batch_nudge: batch_nudge,
         lesson06.check_smallest_batch: lambda variance, norm2, cosine: int(np.ceil(variance / (norm2 * (1 / cosine ** 2 - 1))))}


@pytest.mark.parametrize("check", list(RIGHT), ids=lambda c: c.__name__)
def test_right_answer_is_accepted(check, capsys):
    assert check(RIGHT[check]) is True
    assert "correct" in capsys.readouterr().out


@pytest.mark.parametrize("check", list(RIGHT), ids=lambda c: c.__name__)
def test_unanswered_exercise_says_so(check, capsys):
    assert check(None) is False
    assert "not answered yet" in capsys.readouterr().out


@pytest.mark.parametrize("check, answer, message", [(c, a, m) for c, wrongs in CASES for a, m in wrongs])
def test_wrong_answer_is_rejected_with_a_useful_message(check, answer, message, capsys):
    assert check(answer) is False
    out = capsys.readouterr().out
    assert "not yet" in out and message in out, out
    assert "expected" not in out, out                # the check never prints backpropagation's numbers


# ---------------------------------------------------------------- figures
def texts(ax):
    return [t.get_text() for t in ax.texts]


def legend_texts(ax):
    return [t.get_text() for t in ax.get_legend().get_texts()]


def test_output_nudges_arrows_are_the_errors_and_the_key_says_so():
    output = np.array([0.1, 0.2, 0.9, 0.01])
    target = np.array([0.0, 1.0, 0.0, 0.0])
    ax = plot_output_nudges(output, target)
    np.testing.assert_allclose(ax.errors, target - output)
    np.testing.assert_allclose(ax.nudges, 2 * (target - output))
    np.testing.assert_allclose([bar.get_height() for bar in ax.patches[:4]], output)
    arrows = [a for a in ax.texts if getattr(a, "arrow_patch", None) is not None]
    assert len(arrows) == 3                          # no arrow for the error of 0.01
    key = " ".join(legend_texts(ax))
    assert "error" in key and "2 ×" in key and "no arrow" in key
    with pytest.raises(ValueError, match="same shape"):
        plot_output_nudges(output, target[:2])


def test_wanted_nudges_sum_over_outputs_and_outline_both_answers():
    contributions = np.arange(12.0).reshape(3, 4) - 5
    ax = plot_wanted_nudges(contributions, highlight=1, answer=2)
    np.testing.assert_allclose(ax.total, contributions.sum(axis=0))
    np.testing.assert_allclose(ax.images[0].get_array()[-1], contributions.sum(axis=0))
    outlines = [p for p in ax.patches if not p.get_fill()]
    assert len(outlines) == 2 and {p.get_linestyle() for p in outlines} == {"-", "--"}
    assert len(legend_texts(ax)) == 2
    with pytest.raises(ValueError, match="2-D"):
        plot_wanted_nudges(np.ones(4))


def test_neuron_inputs_bars_show_activations_and_weights_in_the_lessons_notation():
    activations, weights = np.array([0.1, 0.9, 0.5]), np.array([-1.0, 2.0, 0.5])
    left, right = plot_neuron_inputs(activations, weights, neuron=2, layer_name="hidden layer 2")
    np.testing.assert_allclose([b.get_height() for b in left.patches], activations)
    np.testing.assert_allclose([b.get_height() for b in right.patches], weights)
    assert "w_{2k}" in right.get_ylabel() and "hidden layer 2" in right.get_xlabel()
    with pytest.raises(ValueError, match="same shape"):
        plot_neuron_inputs(activations, weights[:2])


def test_cosine_spread_summarises_each_batch_size():
    cosines = {10: np.array([-0.2, 0.1, 0.3, 0.4]), 100: np.array([0.3, 0.5])}
    ax = plot_cosine_spread(cosines)
    mean, low, high, uphill = ax.summary[10]
    assert (round(mean, 3), low, high, uphill) == (0.15, -0.2, 0.4, 0.25)
    assert ax.summary[100][3] == 0.0
    assert any("25% uphill" in t for t in legend_texts(ax))
    with pytest.raises(ValueError, match="between -1 and 1"):
        plot_cosine_spread({10: np.array([1.5])})
    with pytest.raises(ValueError, match="dict"):
        plot_cosine_spread([0.1, 0.2])


def test_step_sizes_marks_costs_above_the_frame():
    ax = plot_step_sizes([1, 10, 100], [0.38, 0.37, 1.4], before=0.39, minibatch_costs=[0.34, 0.35],
                         gradient_norm2=0.002, ylim=(0.3, 0.45))
    assert list(ax.off_frame) == [100]
    assert any("1.400" in t for t in texts(ax))
    assert any("0.3400 to 0.3500" in t for t in legend_texts(ax))
    with pytest.raises(ValueError, match="same shape"):
        plot_step_sizes([1, 10], [0.3], before=0.4, minibatch_costs=[0.3])


def test_step_sizes_draws_the_parabola_and_keeps_the_legend_below():
    ax = plot_step_sizes([1, 10, 100], [0.38, 0.37, 1.4], before=0.39, minibatch_costs=[0.34, 0.35],
                         gradient_norm2=0.002, ylim=(0.3, 0.45), curvature=1e-4)
    parabola = [line for line in ax.get_lines() if line.get_linestyle() == "-."]
    assert len(parabola) == 1
    eta, cost = parabola[0].get_data()
    assert np.allclose(cost, 0.39 - 0.002 * eta + 1e-4 * eta ** 2)
    assert any("second-order" in t for t in legend_texts(ax))
    assert ax.get_legend().get_bbox_to_anchor().transformed(ax.transAxes.inverted()).y1 < 0   # under the axes
    plain = plot_step_sizes([1, 10], [0.38, 0.37], before=0.39, minibatch_costs=[0.34], gradient_norm2=0.002)
    assert not [line for line in plain.get_lines() if line.get_linestyle() == "-."]
    with pytest.raises(ValueError, match="gradient_norm2"):
        plot_step_sizes([1, 10], [0.38, 0.37], before=0.39, minibatch_costs=[0.34], curvature=1e-4)


def test_weight_nudges_feedback_compares_b_with_a(capsys):
    """(d), not (b), fires most of the four; the point of (b) is against (a): it fires more and moves 54 times less."""
    lesson06.check_weight_nudges(tuple(RIGHT_NUDGES))
    out = capsys.readouterr().out
    assert "(b)'s neuron fires more than (a)'s" in out and "54 times less" in out and "the most, yet" not in out


@pytest.mark.parametrize("answer, message", [
    (lambda s, g, c: s / (g * (1 / c ** 2 - 1)), "whole number"),
    (lambda s, g, c: np.floor(s / (g * (1 / c ** 2 - 1))), "round up"),
    (lambda s, g, c: np.ceil(s / (g * (1 / c ** 2 - 1))) + 1, "not the smallest"),
    (lambda s, g, c: s / (g * (1 / c - 1)), "not squared"),
    (lambda s, g, c: np.ceil(s / (g * (1 / c - 1))), "forget to square"),
    (lambda s, g, c: 0, "at least one image"),
    (lambda s, g, c: np.ones(2), "one number"),
    (lambda s, g, c: 1 / 0, "raised ZeroDivisionError"),
    (398, "should be a function"),
])
def test_smallest_batch_names_the_slip(answer, message, capsys):
    assert lesson06.check_smallest_batch(answer) is False
    out = capsys.readouterr().out
    assert "not yet" in out and message in out, out
    assert "398" not in out.replace("gives 398", ""), out            # the answer for the lesson's numbers is not given
