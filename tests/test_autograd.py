"""Tests of the scalar computational-graph engine nnlib.autograd (lesson 7)."""

import math

import numpy as np
import pytest

import nnlib
from nnlib.autograd import Value, half_squared_error, sigmoid_layer


def finite_difference(f, x, h=1e-6):
    """Centred slope of the plain-float function f at x."""
    return (f(x + h) - f(x - h)) / (2 * h)


UNARY = [
    ("exp", lambda v: v.exp(), math.exp, 0.7),
    ("sigmoid", lambda v: v.sigmoid(), lambda x: 1 / (1 + math.exp(-x)), -1.3),
    ("tanh", lambda v: v.tanh(), math.tanh, 0.4),
    ("relu positive", lambda v: v.relu(), lambda x: max(x, 0.0), 0.8),
    ("relu negative", lambda v: v.relu(), lambda x: max(x, 0.0), -0.8),
    ("square", lambda v: v ** 2, lambda x: x ** 2, -1.5),
    ("cube root", lambda v: v ** (1 / 3), lambda x: x ** (1 / 3), 2.0),
    ("inverse", lambda v: v ** -1, lambda x: 1 / x, 0.6),
    ("negation", lambda v: -v, lambda x: -x, 2.5),
    ("number minus value", lambda v: 3 - v, lambda x: 3 - x, 1.0),
    ("number over value", lambda v: 2 / v, lambda x: 2 / x, 1.7),
    ("number plus value", lambda v: 2 + v, lambda x: 2 + x, 1.7),
    ("number times value", lambda v: 2 * v, lambda x: 2 * x, 1.7),
]


@pytest.mark.parametrize("name, on_value, on_float, x", UNARY, ids=[u[0] for u in UNARY])
def test_unary_operations_match_floats_and_finite_differences(name, on_value, on_float, x):
    v = Value(x)
    out = on_value(v)
    out.backward()
    assert out.data == pytest.approx(on_float(x), rel=1e-14)
    assert v.grad == pytest.approx(finite_difference(on_float, x), rel=1e-7, abs=1e-10)


def tanh(v):
    """tanh of a Value or of a float."""
    return v.tanh() if isinstance(v, Value) else math.tanh(v)


BINARY = [
    ("add", lambda a, b: a + b),
    ("subtract", lambda a, b: a - b),
    ("multiply", lambda a, b: a * b),
    ("divide", lambda a, b: a / b),
    ("mixed", lambda a, b: tanh(a * b + b ** 3) / b),
]


@pytest.mark.parametrize("name, f", BINARY, ids=[b[0] for b in BINARY])
def test_binary_operations_match_finite_differences(name, f):
    x, y = 0.5, -1.5
    a, b = Value(x), Value(y)
    out = f(a, b)
    out.backward()
    assert out.data == pytest.approx(f(x, y), rel=1e-14)
    assert a.grad == pytest.approx(finite_difference(lambda t: f(t, y), x), rel=1e-7)
    assert b.grad == pytest.approx(finite_difference(lambda t: f(x, t), y), rel=1e-7)


def test_cs231n_example_add_distributes_multiply_swaps():
    x, y, z = Value(-2.0), Value(5.0), Value(-4.0)
    q = x + y
    f = q * z
    f.backward()
    assert (q.data, f.data) == (3.0, -12.0)
    assert (x.grad, y.grad, z.grad, q.grad) == (-4.0, -4.0, 3.0, -4.0)


def test_backward_twice_gives_the_same_gradients():
    x, y = Value(1.5), Value(-0.5)
    f = (x * y + x).sigmoid()
    f.backward()
    first = (x.grad, y.grad)
    f.backward()
    assert (x.grad, y.grad) == first


def test_backward_of_another_output_replaces_gradients_of_shared_inputs():
    x = Value(2.0)
    (x * x).backward()
    assert x.grad == 4.0
    (x * 3).backward()
    assert x.grad == 3.0


def test_value_used_twice_receives_the_sum_of_its_gradients():
    a = Value(3.0)
    (a * a).backward()
    assert a.grad == 6.0
    (a + a).backward()
    assert a.grad == 2.0
    b = a * 2
    (b * b + b).backward()          # d/da (4a^2 + 2a) = 8a + 2
    assert a.grad == 26.0


def test_graph_is_topologically_ordered_and_deep_graphs_do_not_recurse():
    x = Value(1.0)
    out = x
    for _ in range(5000):           # deeper than Python's recursion limit
        out = out + x
    order = out.topological_order()
    position = {id(v): i for i, v in enumerate(order)}
    assert all(position[id(c)] < position[id(v)] for v in order for c in v.children)
    out.backward()
    assert x.grad == 5001.0


def test_relu_has_zero_gradient_at_zero_and_sigmoid_is_stable():
    v = Value(0.0)
    v.relu().backward()
    assert v.grad == 0.0
    assert Value(-1000.0).sigmoid().data == 0.0 and Value(1000.0).sigmoid().data == 1.0


def test_invalid_inputs_are_refused():
    with pytest.raises(TypeError, match="real number"):
        Value("3")
    with pytest.raises(TypeError, match="real number"):
        Value(True)
    with pytest.raises(TypeError, match="children must be Values"):
        Value(1.0, (2.0,), "log")
    with pytest.raises(TypeError, match="plain number"):
        Value(2.0) ** Value(2.0)
    with pytest.raises(ValueError, match="one row per bias"):
        sigmoid_layer([[1.0, 2.0]], [1.0], [0.0])
    with pytest.raises(ValueError, match="same length"):
        half_squared_error([Value(1.0)], [1.0, 0.0])


def values_network_cost(net, x, targets):
    """The quadratic cost of an nnlib sigmoid network rebuilt from Values; returns (cost, weights, biases)."""
    weights = [[[Value(w) for w in row] for row in W] for W in net.weights]
    biases = [[Value(b) for b in B] for B in net.biases]
    total = 0
    for example, target in zip(x, targets):
        a = list(example)
        for W, B in zip(weights, biases):
            a = sigmoid_layer(W, a, B)
        total = total + 2 * half_squared_error(a, target)
    return total / len(x), weights, biases


def test_engine_agrees_with_nnlib_vectorised_backprop():
    rng = np.random.default_rng(3)
    net = nnlib.Network([4, 3, 2], seed=3, dtype=np.float64)
    x, labels = rng.uniform(0, 1, (5, 4)), rng.integers(0, 2, 5)
    targets = nnlib.one_hot(labels, 2)
    cost, weights, biases = values_network_cost(net, x, targets)
    cost.backward()
    expected = net.gradients(x, labels)
    assert cost.data == pytest.approx(net.cost(x, labels), rel=1e-13)
    for layer in range(net.n_layers):
        grad_w = np.array([[w.grad for w in row] for row in weights[layer]])
        grad_b = np.array([b.grad for b in biases[layer]])
        np.testing.assert_allclose(grad_w, expected.dW[layer], rtol=1e-12, atol=1e-15)
        np.testing.assert_allclose(grad_b, expected.db[layer], rtol=1e-12, atol=1e-15)


def test_engine_agrees_with_finite_differences_on_a_small_network():
    net = nnlib.Network([3, 2, 2], seed=5, dtype=np.float64)
    x, targets = np.array([[0.2, 0.7, 0.1]]), np.array([[1.0, 0.0]])
    cost, weights, _ = values_network_cost(net, x, targets)
    cost.backward()
    numeric = nnlib.gradcheck.numerical_gradient(lambda: net.cost(x, targets), net.weights[0])
    grad = np.array([[w.grad for w in row] for row in weights[0]])
    assert nnlib.gradcheck.relative_error(grad, numeric) < 1e-7

