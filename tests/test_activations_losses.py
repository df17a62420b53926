"""Activations and costs: values, stability, and every derivative against finite differences."""

import warnings

import numpy as np
import pytest

from nnlib import activations as act
from nnlib import losses
from nnlib.gradcheck import numerical_gradient, relative_error

Z = np.linspace(-6, 6, 121) + 0.013   # avoids ReLU's kink at exactly 0


@pytest.mark.parametrize("name", ["sigmoid", "relu", "tanh", "identity"])
def test_derivative_matches_finite_differences(name):
    """The slope written with the output, a (1 - a) for the sigmoid, is f'(z): against centred differences."""
    f = act.ACTIVATIONS[name]
    numeric = (f.function(Z + 1e-6) - f.function(Z - 1e-6)) / 2e-6
    assert np.max(np.abs(f.prime(Z) - numeric)) < 1e-8
    np.testing.assert_array_equal(f.prime_from_output(f.function(Z)), f.prime(Z))


@pytest.mark.parametrize("public, prime, name", [(act.sigmoid, act.sigmoid_prime, "sigmoid"), (act.relu, act.relu_prime, "relu"),
                                                 (act.tanh, act.tanh_prime, "tanh"),
                                                 (act.identity, act.identity_prime, "identity")])
def test_public_functions_are_the_activations(public, prime, name):
    np.testing.assert_array_equal(public(Z), act.ACTIVATIONS[name].function(Z))
    np.testing.assert_array_equal(prime(Z), act.ACTIVATIONS[name].prime(Z))


@pytest.mark.parametrize("f", [act.sigmoid, act.sigmoid_prime, act.tanh, act.tanh_prime, act.relu, act.softmax])
def test_stable_for_huge_inputs(f):
    z = np.array([[-1000.0, 0.0, 1000.0]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = f(z)
    assert np.all(np.isfinite(out))


def test_sigmoid_values_and_identities():
    assert act.sigmoid(0.0) == 0.5
    np.testing.assert_allclose(act.sigmoid(np.array([-1000.0, 1000.0])), [0.0, 1.0], atol=1e-300)
    assert act.sigmoid(np.float32(-1000.0)) < 1e-37 and act.sigmoid(np.float32(1000.0)) == 1
    np.testing.assert_allclose(act.sigmoid(-30.0), 1 / (1 + np.exp(30.0)), rtol=1e-12)
    np.testing.assert_allclose(act.tanh(Z), 2 * act.sigmoid(2 * Z) - 1, atol=1e-12)
    assert act.sigmoid_prime(Z).max() <= 0.25 and act.sigmoid_prime(0.0) == 0.25


def test_float32_stays_float32():
    z = np.ones(3, dtype=np.float32)
    for a in act.ACTIVATIONS.values():
        assert a.function(z).dtype == np.float32 and a.prime(z).dtype == np.float32
    for public in (act.sigmoid, act.sigmoid_prime, act.relu, act.relu_prime, act.tanh, act.tanh_prime):
        assert public(z).dtype == np.float32


def test_quadratic_cost_is_3blue1brown_definition():
    out = np.array([[0.2, 0.9], [0.5, 0.5]])
    target = np.array([[0.0, 1.0], [1.0, 0.0]])
    # example 1: 0.04 + 0.01 = 0.05; example 2: 0.25 + 0.25 = 0.5; average 0.275
    assert losses.quadratic_cost(out, target) == pytest.approx(0.275)
    assert losses.half_quadratic_cost(out, target) == pytest.approx(0.1375)


@pytest.mark.parametrize("cost, prime", [(losses.quadratic_cost, losses.quadratic_cost_prime),
                                         (losses.half_quadratic_cost, losses.half_quadratic_cost_prime),
                                         (losses.cross_entropy_cost, losses.cross_entropy_cost_prime)])
def test_cost_derivative_matches_finite_differences(cost, prime):
    rng = np.random.default_rng(3)
    out = rng.uniform(0.05, 0.95, (4, 3)) if cost is not losses.cross_entropy_cost else rng.normal(size=(4, 3))
    target = np.eye(3)[[0, 2, 1, 1]]
    numeric = numerical_gradient(lambda: cost(out, target), out)
    assert relative_error(prime(out, target), numeric) < 1e-7


@pytest.mark.parametrize("cost_class, activation", [(losses.QuadraticCost, act.SIGMOID), (losses.QuadraticCost, act.TANH),
                                                    (losses.HalfQuadraticCost, act.RELU),
                                                    (losses.CrossEntropyCost, losses.SOFTMAX)])
def test_output_error_delta_is_the_derivative_of_the_example_cost(cost_class, activation):
    """delta(z, a, y) is dC_x/dz of each example: n times the derivative of the batch's average cost fn."""
    rng = np.random.default_rng(4)
    z, y = rng.normal(size=(5, 3)) + 0.01, np.eye(3)[[0, 2, 1, 1, 0]]
    cost = cost_class(activation)
    numeric = numerical_gradient(lambda: cost.fn(z, activation.function(z), y), z)
    assert relative_error(cost.delta(z, activation.function(z), y) / len(z), numeric) < 1e-7


def test_a_cost_refuses_an_output_activation_it_does_not_fit():
    with pytest.raises(ValueError, match="softmax"):
        losses.QuadraticCost(losses.SOFTMAX)
    with pytest.raises(ValueError, match="output_activation='softmax'"):
        losses.CrossEntropyCost(act.SIGMOID)


def test_softmax_and_cross_entropy_are_stable_and_correct():
    z = np.array([[1000.0, 0.0, -1000.0], [1.0, 2.0, 3.0]])
    p = act.softmax(z)
    np.testing.assert_allclose(p.sum(axis=1), 1.0)
    np.testing.assert_allclose(p[1], np.exp([1, 2, 3]) / np.exp([1, 2, 3]).sum())
    target = np.array([[0.0, 0.0, 1.0], [0.0, 0.0, 1.0]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        c = losses.cross_entropy_cost(z, target)
    expected = (2000.0 + -np.log(p[1, 2])) / 2
    assert c == pytest.approx(expected)
