"""Tests of the step-by-step example of lesson 7 (nnlib.step_by_step)."""

import math
import re

import numpy as np
import pytest

import nnlib
from nnlib.step_by_step import EXAMPLE, WEIGHT_EDGES, build_network
from nnlib.widgets.stepper import walk


def example_as_nnlib_network(weights=EXAMPLE["weights"]):
    """The example as an nnlib Network([2, 2, 2], cost="half_quadratic") in float64."""
    s = EXAMPLE
    net = nnlib.Network([2, 2, 2], cost="half_quadratic", dtype=np.float64)
    net.weights = [np.reshape(weights[:4], (2, 2)).astype(np.float64),
                   np.reshape(weights[4:], (2, 2)).astype(np.float64)]
    net.biases = [np.full(2, s["b1"]), np.full(2, s["b2"])]
    return net


def test_build_network_matches_nnlib_half_quadratic():
    s = EXAMPLE
    example = build_network()
    example.error.backward()
    net = example_as_nnlib_network()
    g = net.gradients(np.array(s["inputs"]), np.array(s["targets"]))
    assert example.error.data == pytest.approx(net.cost(np.array(s["inputs"]), np.array(s["targets"])), rel=1e-15)
    assert example.error.data == pytest.approx(0.298371109, abs=5e-10)
    np.testing.assert_allclose([w.grad for w in example.w],
                               np.concatenate([g.dW[0].ravel(), g.dW[1].ravel()]), rtol=1e-13)
    assert [v.data for v in example.o] == pytest.approx(net.forward(np.array(s["inputs"])), rel=1e-15)


def test_build_network_refuses_a_wrong_number_of_weights():
    with pytest.raises(ValueError, match="8 weights"):
        build_network(weights=(0.1,) * 7)


def by_name(steps):
    return {step.name: step for step in steps}


def test_walk_goes_forward_then_backward_then_update_in_the_lessons_order():
    steps = walk()
    phases = [step.phase for step in steps]
    assert phases == sorted(phases, key=["forward", "backward", "update"].index)
    names = [step.name for step in steps]
    assert names[:9] == ["net_h1", "out_h1", "net_h2", "out_h2", "net_o1", "out_o1", "net_o2", "out_o2", "E_total"]
    # each output's delta before the gradients it gives; the hidden sums after both output deltas
    assert names.index("delta_o1") < names.index("dE/dw5") < names.index("delta_o2") < names.index("dE/dout_h1")
    assert names.index("dE/dout_h1") < names.index("delta_h1") < names.index("dE/dw1")
    assert names[-9:] == [f"w{k}+" for k in range(1, 9)] + ["E_total+"]
    assert len(set(names)) == len(names)


def test_walk_values_match_nnlib_network_and_the_lecture():
    s = EXAMPLE
    step = by_name(walk())
    net = example_as_nnlib_network()
    x, t = np.array(s["inputs"]), np.array(s["targets"])
    fp = net.forward(x, return_all=True)
    g = net.gradients(x, t)
    for k, neuron in enumerate(("h1", "h2")):
        assert step[f"net_{neuron}"].value == pytest.approx(fp.zs[0][k], rel=1e-15)
        assert step[f"out_{neuron}"].value == pytest.approx(fp.activations[1][k], rel=1e-15)
        assert step[f"delta_{neuron}"].value == pytest.approx(g.deltas[0][0][k], rel=1e-12)
    for k, neuron in enumerate(("o1", "o2")):
        assert step[f"out_{neuron}"].value == pytest.approx(fp.activations[2][k], rel=1e-15)
    gradients = np.concatenate([g.dW[0].ravel(), g.dW[1].ravel()])
    np.testing.assert_allclose([step[f"dE/dw{k}"].value for k in range(1, 9)], gradients, rtol=1e-13)
    net.step(g, learning_rate=s["learning_rate"])
    new = np.concatenate([net.weights[0].ravel(), net.weights[1].ravel()])
    np.testing.assert_allclose([step[f"w{k}+"].value for k in range(1, 9)], new, rtol=1e-14)
    # the lecture's printed numbers
    assert f"{step['net_h1'].value:.4f}" == "0.3775"
    assert f"{step['E_total'].value:.9f}" == "0.298371109"
    assert f"{step['dE/dw5'].value:.9f}" == "0.082167041"
    assert f"{step['w5+'].value:.8f}" == "0.35891648"
    assert step["E_total+"].value == pytest.approx(0.291027774, abs=5e-10)   # exact arithmetic (lesson 7)


def test_hidden_sum_is_the_sum_over_both_outputs_with_the_original_weights():
    step = by_name(walk())
    w5, w6, w7, w8 = EXAMPLE["weights"][4:]
    d1, d2 = step["delta_o1"].value, step["delta_o2"].value
    assert step["dE/dout_h1"].value == pytest.approx(d1 * w5 + d2 * w7, rel=1e-14)
    assert step["dE/dout_h2"].value == pytest.approx(d1 * w6 + d2 * w8, rel=1e-14)
    assert step["dE/dout_h1"].edges == ("w5", "w7")


def as_python(numbers):
    """The LaTeX of a step's substituted numbers as a Python expression."""
    expression = numbers.replace(r"\frac{1}{2}", "0.5 * ").replace(r"\cdot", "*").replace("^2", "**2")
    expression = re.sub(r"\)\(", ")*(", expression)
    expression = re.sub(r"([0-9])\(", r"\1*(", expression)              # 0.59(1 - 0.59)
    return expression.replace(r"\sigma", "sigmoid")


def sigmoid(z):
    return 1 / (1 + math.exp(-z))


@pytest.mark.parametrize("step", walk(), ids=lambda s: s.name)
def test_the_substituted_numbers_give_the_value(step):
    """Each step's formula with its numbers substituted (9 significant digits) evaluates to its value."""
    assert eval(as_python(step.numbers), {"sigmoid": sigmoid}) == pytest.approx(step.value, rel=1e-7)
    assert "\\" not in as_python(step.numbers)


def test_each_step_concerns_a_node_or_known_edges():
    nodes = {"i1", "i2", "h1", "h2", "o1", "o2", "E"}
    for step in walk():
        assert step.node in nodes or (step.node is None and step.edges)
        assert set(step.edges) <= set(WEIGHT_EDGES)
    step = by_name(walk())
    assert step["net_o1"].edges == ("w5", "w6") and step["dE/dw5"].edges == ("w5",)


def test_walk_follows_other_numbers():
    example = dict(EXAMPLE, weights=(0.1, -0.2, 0.3, 0.4, -0.5, 0.6, 0.7, 0.8), learning_rate=1.0)
    step = by_name(walk(example))
    net = example_as_nnlib_network(example["weights"])
    g = net.gradients(np.array(example["inputs"]), np.array(example["targets"]))
    assert step["w5+"].value == pytest.approx(-0.5 - g.dW[1][0, 0], rel=1e-14)
