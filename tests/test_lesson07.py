"""Tests of lesson 7's own code: the comparison with the lecture (nnlib.lecture), the exercise checks
(nnlib.exercises.lesson07), the graph and backprop figures and the stepper's diagram."""

import math

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from nnlib import lecture  # noqa: E402
from nnlib.activations import sigmoid, sigmoid_prime  # noqa: E402
from nnlib.autograd import Value  # noqa: E402
from nnlib.exercises import lesson07  # noqa: E402
from nnlib.gradcheck import numerical_gradient, relative_error  # noqa: E402
from nnlib.step_by_step import EXAMPLE  # noqa: E402


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


# ---------------------------------------------------------------- nnlib.lecture
# What the lecture author's script printed and computed, run with Python 3.11 from
# github.com/mattm/simple-neural-network: neural-network.py at commit 8e7a7de (14 March 2015, hidden
# deltas from the updated w5..w8; its calculate_total_error divides by the 2 outputs) and at 4b6faac
# (15 March 2015, the fixed order), 10,000 calls of train() on the blog post's example.
SCRIPT_14_MARCH = {"first printed error": 0.14551396195272098, "error after 10,000": 1.7542393148156387e-05,
                   "outputs after 10,000": (0.0159121963260343, 0.9840657344856291)}
SCRIPT_15_MARCH = {"first printed error": 0.29102777369359933, "error after 9,999": 3.510854812251261e-05,
                   "error after 10,000": 3.510187782978859e-05,
                   "outputs after 10,000": (0.01591362044355068, 0.9840642735146238)}


def test_the_port_reproduces_both_versions_of_the_authors_script_bit_for_bit():
    before = lecture.train(10_000, hidden_deltas_from="updated")
    assert before.errors[0] / 2 == SCRIPT_14_MARCH["first printed error"]        # that version divided by 2
    assert before.errors[-1] / 2 == SCRIPT_14_MARCH["error after 10,000"]
    assert before.outputs == SCRIPT_14_MARCH["outputs after 10,000"]
    after = lecture.train(10_000)
    assert after.errors[0] == SCRIPT_15_MARCH["first printed error"]
    assert after.errors[-2] == SCRIPT_15_MARCH["error after 9,999"]
    assert after.errors[-1] == SCRIPT_15_MARCH["error after 10,000"]
    assert after.outputs == SCRIPT_15_MARCH["outputs after 10,000"]


def test_the_first_step_is_the_lessons_and_the_error_function_agrees():
    first = lecture.first_step()
    assert math.isclose(first["E_total"], 0.298371108760, rel_tol=1e-11)
    assert math.isclose(first["dE/dw5"], 0.082167040564, rel_tol=1e-10)
    new = [first[f"w{n}+"] for n in range(1, 9)]
    assert new == list(lecture.train(1).weights)
    assert lecture.error(new) == first["E_total after 1 update"] == lecture.train(1).errors[0]
    assert lecture.error(EXAMPLE["weights"]) == first["E_total"]
    with pytest.raises(ValueError, match="8 weights"):
        lecture.error([0.1] * 7)
    with pytest.raises(ValueError, match="hidden_deltas_from"):
        lecture.train(1, hidden_deltas_from="later")


def test_agrees_rounds_to_the_printed_decimals():
    assert lecture.agrees(0.593269992107, "0.593269992")
    assert not lecture.agrees(-0.019049118258, "-0.019049119")
    assert lecture.agrees(0.3775, "0.3775") and lecture.agrees(0.35891647972, "0.35891648")
    assert lecture.agrees(2.0, "2") and not lecture.agrees(2.6, "2")


def test_25_of_the_30_printed_numbers_are_rounding_only_and_the_other_five_are_each_explained():
    comparisons = lecture.compare()
    assert [c.name for c in comparisons] == list(lecture.PRINTED)
    explained = {c.name: c.reproduced_by for c in comparisons if "correct" not in c.reproduced_by}
    assert len(comparisons) == 30 and len(explained) == 5
    assert explained == {
        "dE_o2/dout_h1": ("delta_o2 rounded to 9 decimals first",),
        "E_total after 1 update": ("script of 14 March 2015",),
        "E_total after 10,000 updates": ("error after 9,999 updates",),
        "out_o1 after 10,000": ("script of 14 March 2015",),
        "out_o2 after 10,000": ("script of 14 March 2015",),
    }
    script = lecture.procedures()["script of 14 March 2015"]
    assert not any(lecture.agrees(script[f"w{n}+"], lecture.PRINTED[f"w{n}+"]) for n in range(1, 5))
    table = lecture.comparison_table(comparisons)
    assert table.count("\n") == 30 and "rounding only" in table and "script of 14 March 2015" in table


def test_the_printed_error_and_outputs_after_10000_updates_cannot_be_one_state():
    o1, o2 = float(lecture.PRINTED["out_o1 after 10,000"]), float(lecture.PRINTED["out_o2 after 10,000"])
    from_outputs = 0.5 * ((0.01 - o1) ** 2 + (0.99 - o2) ** 2)
    assert f"{from_outputs:.10f}" == "0.0000350848" != lecture.PRINTED["E_total after 10,000 updates"]


# ---------------------------------------------------------------- the exercise checks
def chain_gradients(w, a_prev, b, y):
    a = math.tanh(w * a_prev + b)
    d_z = (1 - a * a) * (a - y)
    return a_prev * d_z, d_z, w * d_z


def sigmoid_half(w, a_prev, b, y):
    z = w * a_prev + b
    d_z = sigmoid_prime(z) * (sigmoid(z) - y)
    return a_prev * d_z, d_z, w * d_z


def broken(*args):
    raise RuntimeError("the learner's bug")


def value_div(a, b):
    out = Value(a.data / b.data, (a, b), "/")

    def _backward():
        a.grad += out.grad / b.data
        b.grad += -out.grad * a.data / b.data ** 2
    out._backward = _backward
    return out


def div_variant(local_a, local_b, accumulate=True, use_out_grad=True):
    def make(a, b):
        out = Value(a.data / b.data, (a, b), "/")

        def _backward():
            g = out.grad if use_out_grad else 1.0
            share_a, share_b = local_a(a.data, b.data) * g, local_b(a.data, b.data) * g
            if accumulate:
                a.grad += share_a
            else:
                a.grad = share_a
            b.grad += share_b
        out._backward = _backward
        return out
    return make


RIGHT_A, RIGHT_B = (lambda x, y: 1 / y), (lambda x, y: -x / y ** 2)


def cross_entropy_delta(z, y):
    return sigmoid(np.asarray(z, dtype=np.float64)) - y


def ce_variant(delta_of_a):
    """A learner's cross_entropy_delta written as a function of a = sigmoid(z) and y."""
    return lambda z, y: delta_of_a(sigmoid(np.asarray(z, dtype=np.float64)), y)


DELTAS = {"h": (0.008771355, 0.009954255), "o": (0.138498562, -0.038098237)}   # as the lesson prints them
BY_HAND = (sum(DELTAS["h"]), sum(DELTAS["o"]))


def script_check():
    start = np.array(EXAMPLE["weights"], dtype=np.float64)
    script = (start - np.array(lecture.train(1, hidden_deltas_from="updated").weights)) / EXAMPLE["learning_rate"]
    p = start.copy()
    numeric = numerical_gradient(lambda: lecture.error(p), p)
    return relative_error(script[:4], numeric[:4]), relative_error(script[4:], numeric[4:])


RIGHT = [
    (lesson07.check_chain_gradients, chain_gradients),
    (lesson07.check_shared_bias_gradients, BY_HAND),
    (lesson07.check_shared_bias_gradients, list(BY_HAND)),
    (lesson07.check_shared_bias_gradients, np.array(BY_HAND)),
    (lesson07.check_shared_bias_gradients, tuple(np.float64(v) for v in BY_HAND)),
    (lesson07.check_value_div, value_div),
    (lesson07.check_value_div, div_variant(lambda x, y: y ** -1, lambda x, y: -x * y ** -2)),
    (lesson07.check_script_prediction, "w1..w4"),
    (lesson07.check_script_prediction, " W1..W4 "),
    (lesson07.check_script_gradient_check, (*script_check(), "w1..w4")),
    (lesson07.check_script_gradient_check, [*script_check(), " W1..W4 "]),
    (lesson07.check_script_gradient_check, (round(script_check()[0], 3), 0.0, "w1..w4")),
    (lesson07.check_script_gradient_check, (np.float64(script_check()[0]), np.float64(1e-11), "w1..w4")),
    (lesson07.check_cross_entropy_delta, cross_entropy_delta),
    (lesson07.check_cross_entropy_delta, lambda z, y: list(cross_entropy_delta(z, y))),
    (lesson07.check_cross_entropy_delta, ce_variant(lambda a, y: (-y / a + (1 - y) / (1 - a)) * a * (1 - a))),
]

WRONG = [
    (lesson07.check_chain_gradients, lambda w, a, b, y: (1.0, 2.0, 3.0), "is not right"),
    (lesson07.check_chain_gradients, lambda w, a, b, y: (1.0, 2.0), "three numbers"),
    (lesson07.check_chain_gradients, lambda w, a, b, y: tuple(2 * g for g in chain_gradients(w, a, b, y)),
     "has a 1/2 this time"),
    (lesson07.check_chain_gradients, sigmoid_half, "tanh neuron"),
    (lesson07.check_chain_gradients, lambda w, a, b, y: tuple(2 * g for g in sigmoid_half(w, a, b, y)),
     "section 1's neuron"),
    (lesson07.check_chain_gradients, lambda w, a, b, y: (chain_gradients(w, a, b, y)[1],) * 3, "dC0/db is right"),
    (lesson07.check_chain_gradients, lambda w, a, b, y: ("a", "b", "c"), "not three numbers"),
    (lesson07.check_chain_gradients, broken, "RuntimeError"),
    (lesson07.check_chain_gradients, [1, 2, 3], "should be a function"),
    (lesson07.check_shared_bias_gradients, (DELTAS["h"][0], DELTAS["o"][0]), "one neuron's delta only"),
    (lesson07.check_shared_bias_gradients, (BY_HAND[0] / 2, BY_HAND[1] / 2), "not their average"),
    (lesson07.check_shared_bias_gradients, (-BY_HAND[0], -BY_HAND[1]), "sign"),
    (lesson07.check_shared_bias_gradients, tuple(reversed(BY_HAND)), "wrong order"),
    (lesson07.check_shared_bias_gradients, (BY_HAND[0], 0.138498562 * 0.593269992 - 0.038098237 * 0.593269992),
     "multiplied by 1"),
    (lesson07.check_shared_bias_gradients, (Value(0.1), Value(0.2)), "not Values"),
    (lesson07.check_shared_bias_gradients, (0.1,), "pair of numbers"),
    (lesson07.check_value_div, div_variant(RIGHT_A, RIGHT_B, use_out_grad=False), "out.grad"),
    (lesson07.check_value_div, div_variant(RIGHT_A, RIGHT_B, accumulate=False), "+="),
    (lesson07.check_value_div, div_variant(lambda x, y: 0.0, RIGHT_B), "passes nothing on to a"),
    (lesson07.check_value_div, div_variant(RIGHT_B, RIGHT_A), "swapped"),
    (lesson07.check_value_div, div_variant(RIGHT_A, lambda x, y: x / y ** 2), "sign"),
    (lesson07.check_value_div, div_variant(RIGHT_A, lambda x, y: 0.0), "passes nothing on to b"),
    (lesson07.check_value_div, div_variant(RIGHT_A, lambda x, y: -1 / y ** 2), "b's local derivative"),
    (lesson07.check_value_div, div_variant(RIGHT_A, lambda x, y: -x / y), "b's local derivative"),
    (lesson07.check_value_div, div_variant(lambda x, y: 1.0, RIGHT_B), "a's local derivative"),
    (lesson07.check_value_div, div_variant(lambda x, y: 1.0, lambda x, y: 1.0), "both local derivatives"),
    (lesson07.check_value_div, lambda a, b: a / b, "children"),
    (lesson07.check_value_div, lambda a, b: Value(a.data / b.data), "children"),
    (lesson07.check_value_div, lambda a, b: a.data / b.data, "should return a Value"),
    (lesson07.check_value_div, lambda a, b: Value(b.data / a.data, (a, b), "/"), "should be"),
    (lesson07.check_value_div, lambda a: a, "TypeError"),
    (lesson07.check_value_div, broken, "RuntimeError"),
    (lesson07.check_value_div, 1.5, "should be a function"),
    (lesson07.check_script_prediction, "w5..w8", "used"),
    (lesson07.check_script_prediction, "both", "which gradients"),
    (lesson07.check_script_prediction, "neither", "finite differences"),
    (lesson07.check_script_prediction, 2, "one of"),
    (lesson07.check_script_gradient_check, (script_check()[1], script_check()[0], "w1..w4"), "wrong order"),
    (lesson07.check_script_gradient_check, (0.2, 1 / 3, "w1..w4"), "divide w - w+ by eta"),
    (lesson07.check_script_gradient_check, (1e-10, 1e-10, "neither"), "fixed order"),
    (lesson07.check_script_gradient_check, (-0.1, 0.0, "w1..w4"), "never negative"),
    (lesson07.check_script_gradient_check, (0.5, 0.5, "both"), "not yet"),
    (lesson07.check_script_gradient_check, (*script_check(), "both"), "rule of thumb"),
    (lesson07.check_script_gradient_check, (*script_check(), "w5..w8"), "rule of thumb"),
    (lesson07.check_script_gradient_check, (*script_check(), 2), "one of"),
    (lesson07.check_script_gradient_check, script_check(), "three things"),
    (lesson07.check_shared_bias_gradients, (0.0187, 0.1004), "close"),
    (lesson07.check_cross_entropy_delta, ce_variant(lambda a, y: (a - y) * a * (1 - a)), "quadratic cost with its 1/2"),
    (lesson07.check_cross_entropy_delta, ce_variant(lambda a, y: 2 * (a - y) * a * (1 - a)), "section 2's quadratic"),
    (lesson07.check_cross_entropy_delta, ce_variant(lambda a, y: -y / a + (1 - y) / (1 - a)), "dC0/da_j"),
    (lesson07.check_cross_entropy_delta, ce_variant(lambda a, y: (-y / a + (1 - y) / (1 - a)) * sigmoid_prime(a)),
     "taken at z_j"),
    (lesson07.check_cross_entropy_delta, ce_variant(lambda a, y: -y * (1 - a)), "(1 - y_j) ln(1 - a_j) term"),
    (lesson07.check_cross_entropy_delta, ce_variant(lambda a, y: y - a), "sign"),
    (lesson07.check_cross_entropy_delta, ce_variant(lambda a, y: a), "numerical_gradient"),
    (lesson07.check_cross_entropy_delta, lambda z, y: float(np.sum(cross_entropy_delta(z, y))), "shape"),
    (lesson07.check_cross_entropy_delta, lambda z, y: cross_entropy_delta(z, y) + np.inf, "NaN or infinity"),
    (lesson07.check_cross_entropy_delta, broken, "RuntimeError"),
    (lesson07.check_cross_entropy_delta, 0.5, "should be a function"),
]


@pytest.mark.parametrize("check, answer", RIGHT, ids=lambda value: getattr(value, "__name__", type(value).__name__))
def test_right_answers_in_every_form_are_accepted(check, answer, capsys):
    assert check(answer) is True, capsys.readouterr().out
    assert "correct" in capsys.readouterr().out


@pytest.mark.parametrize("check, answer, message", WRONG)
def test_wrong_answers_are_rejected_naming_the_slip(check, answer, message, capsys):
    assert check(answer) is False
    out = capsys.readouterr().out
    assert "not yet" in out and message in out, out


@pytest.mark.parametrize("check, answer, message", WRONG)
def test_no_message_gives_the_answer_away(check, answer, message, capsys):
    check(answer)
    out = capsys.readouterr().out.replace(repr(answer), "")       # the learner's own answer, echoed, is fine
    right_bias = [f"{v:.6f}"[:7] for v in BY_HAND]                # 0.01872, 0.10040
    right_script = f"{script_check()[0]:.3f}"
    assert not any(r in out for r in right_bias) and right_script not in out
    assert "flags w1..w4" not in out                               # the decision is the learner's
    assert "1 / b" not in out and "/ b ** 2" not in out and "b**2" not in out and "a.grad +=" not in out
    assert "only w1..w4" not in out
    if check is lesson07.check_cross_entropy_delta:
        assert "a - y" not in out and "a_j - y_j" not in out and "cancel" not in out


def test_unanswered_exercises_say_so(capsys):
    for check in (lesson07.check_chain_gradients, lesson07.check_shared_bias_gradients, lesson07.check_value_div,
                  lesson07.check_script_prediction, lesson07.check_script_gradient_check,
                  lesson07.check_cross_entropy_delta):
        assert check(None) is False
        assert "not answered yet" in capsys.readouterr().out


def test_the_checks_right_answers_are_right():
    w, a_prev, b, y, h = 0.7, 0.4, -0.2, 0.3, 1e-6

    def cost(w, a_prev, b):
        return 0.5 * (math.tanh(w * a_prev + b) - y) ** 2

    numeric = ((cost(w + h, a_prev, b) - cost(w - h, a_prev, b)) / (2 * h),
               (cost(w, a_prev, b + h) - cost(w, a_prev, b - h)) / (2 * h),
               (cost(w, a_prev + h, b) - cost(w, a_prev - h, b)) / (2 * h))
    assert np.allclose(chain_gradients(w, a_prev, b, y), numeric, rtol=1e-7)
    db1, db2 = lesson07._bias_gradients_by_engine()[:2]
    biases = np.array([EXAMPLE["b1"], EXAMPLE["b2"]])

    def error_with(biases_):
        return lecture.error(EXAMPLE["weights"], {**EXAMPLE, "b1": biases_[0], "b2": biases_[1]})
    numeric_b = numerical_gradient(lambda: error_with(biases), biases)
    assert np.allclose([db1, db2], numeric_b, rtol=1e-8)
    assert np.allclose(BY_HAND, [db1, db2], rtol=1e-6)
    hidden, output = lesson07._script_check()
    assert 0.08 < hidden < 0.09 and output < 1e-8
    z, y_ce = np.array([-2.0, 0.3, 1.5]), np.array([0.0, 1.0, 0.4])
    z_nudged = z.copy()
    numeric_ce = numerical_gradient(lambda: lesson07._cross_entropy(z_nudged, y_ce), z_nudged)
    assert np.allclose(cross_entropy_delta(z, y_ce), numeric_ce, rtol=1e-8)
    assert math.isclose(lesson07._cross_entropy(z, y_ce),
                        -sum(t * math.log(1 / (1 + math.exp(-v))) + (1 - t) * math.log(1 - 1 / (1 + math.exp(-v)))
                             for v, t in zip(z, y_ce)), rel_tol=1e-12)


# ---------------------------------------------------------------- figures
def test_draw_graph_places_every_value_once_and_writes_values_and_gradients():
    from nnlib.plots.graph import draw_graph

    x, y, z = Value(-2.0, label="x"), Value(5.0, label="y"), Value(-4.0, label="z")
    q = x + y
    f = q * z
    f.backward()
    ax = draw_graph(f)
    positions = ax.graph_positions
    assert len(positions) == 5 and len(set(positions.values())) == 5
    assert positions[x][0] < positions[q][0] < positions[f][0]
    assert positions[z][0] == positions[q][0] < positions[f][0]          # an input sits just left of its use
    shown = [t.get_text() for t in ax.texts]
    for expected in ("-12", "-4", "3", "+", "*", "x"):
        assert expected in shown
    ax = draw_graph(f, show_grad=False)
    assert "orange" not in " ".join(t.get_text() for t in ax.texts)


def test_the_lessons_chain_graph_fits_ten_inches_with_text_of_at_least_10_points():
    from nnlib.plots.graph import MAX_WIDTH_INCH, draw_graph

    w_prev, a_prev2, b_prev, w, b, y = (Value(v, label=n) for v, n in zip(
        (1.2, 0.8, -0.3, -0.7, 0.4, 1.0), ("w(L-1)", "a(L-2)", "b(L-1)", "w(L)", "b(L)", "y")))
    cost = ((w * (w_prev * a_prev2 + b_prev).sigmoid() + b).sigmoid() - y) ** 2
    cost.backward()
    ax = draw_graph(cost, title="the chain")
    assert ax.figure.get_figwidth() <= MAX_WIDTH_INCH + 1e-9
    assert min(t.get_fontsize() for t in ax.texts) >= 9.5
    positions = ax.graph_positions
    assert positions[b][0] > positions[b_prev][0] and positions[y][0] > positions[b][0]   # each input by its use


def test_dependency_tree_writes_given_values_and_refuses_unknown_names():
    from nnlib.plots.graph import DEPENDENCY_TREE, draw_dependency_tree

    ax = draw_dependency_tree({"w(L)": 0.8, "C0": 0.125})
    shown = [t.get_text() for t in ax.texts]
    assert "0.8" in shown and "0.125" in shown
    assert len(ax.patches) == len(DEPENDENCY_TREE)
    with pytest.raises(ValueError, match="unknown node names"):
        draw_dependency_tree({"w(L+1)": 1.0})


def test_error_per_update_draws_its_data_on_a_log_scale():
    from nnlib.plots.backprop import plot_error_per_update

    errors = np.array([0.3, 0.2, 0.1])
    ax = plot_error_per_update(errors)
    assert ax.get_yscale() == "log" and np.array_equal(ax.lines[0].get_ydata(), errors)
    assert ax.get_xlabel() and ax.get_ylabel() and ax.get_title()


def test_epsilon_sweep_draws_the_data_the_two_slopes_and_the_markers():
    from nnlib.plots.backprop import plot_epsilon_sweep

    epsilons = 10.0 ** -np.arange(1, 13)
    errors = np.minimum(1e-1 * epsilons ** 2 / 1e-2, 1e-16 / epsilons) + 1e-12
    ax = plot_epsilon_sweep(epsilons, errors, default_epsilon=1e-6)
    assert ax.xaxis_inverted() and ax.get_xscale() == "log" and ax.get_yscale() == "log"
    assert np.array_equal(ax.lines[0].get_ydata(), errors)
    labels = [line.get_label() for line in ax.lines]
    assert any("ε²" in label for label in labels) and any("ε_mach/ε" in label for label in labels)
    assert any("1e-06" in label for label in labels) and any("8.7e-06" in label for label in labels)
    with pytest.raises(ValueError, match="same length"):
        plot_epsilon_sweep(epsilons, errors[:3])


def _distance_to_segment(point, start, end):
    p, a, b = (np.asarray(v, dtype=float) for v in (point, start, end))
    t = np.clip(np.dot(p - a, b - a) / np.dot(b - a, b - a), 0, 1)
    return float(np.linalg.norm(p - (a + t * (b - a))))


def test_the_steppers_weight_labels_sit_clear_of_the_other_edges():
    from nnlib.step_by_step import WEIGHT_EDGES
    from nnlib.widgets.stepper import POSITIONS, label_position

    for name in WEIGHT_EDGES:
        here = label_position(name)
        for other, (start, end) in WEIGHT_EDGES.items():
            if other != name:
                assert _distance_to_segment(here, POSITIONS[start], POSITIONS[end]) > 0.2, (name, other)
