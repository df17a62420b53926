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
    f, prime = act.ACTIVATIONS[name].function, act.ACTIVATIONS[name].prime
    numeric = (f(Z + 1e-6) - f(Z - 1e-6)) / 2e-6
    assert np.max(np.abs(prime(Z) - numeric)) < 1e-8


@pytest.mark.parametrize("name", ["sigmoid", "relu", "tanh", "identity"])
def test_derivative_from_output_agrees(name):
    a = act.ACTIVATIONS[name]
    np.testing.assert_allclose(a.prime_from_output(a.function(Z)), a.prime(Z), atol=1e-12)


@pytest.mark.parametrize("f", [act.sigmoid, act.sigmoid_prime, act.tanh, act.tanh_prime, act.relu, losses.softmax])
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
        assert a.function(z).dtype == np.float32


def test_quadratic_cost_is_3blue1brown_definition():
    out = np.array([[0.2, 0.9], [0.5, 0.5]])
    target = np.array([[0.0, 1.0], [1.0, 0.0]])
    # example 1: 0.04 + 0.01 = 0.05; example 2: 0.25 + 0.25 = 0.5; average 0.275
    assert losses.quadratic_cost(out, target) == pytest.approx(0.275)
    assert losses.half_quadratic_cost(out, target) == pytest.approx(0.1375)


@pytest.mark.parametrize("name", ["quadratic", "half_quadratic", "cross_entropy"])
def test_cost_derivative_matches_finite_differences(name):
    cost, prime = losses.COSTS[name]
    rng = np.random.default_rng(3)
    out = rng.uniform(0.05, 0.95, (4, 3)) if name != "cross_entropy" else rng.normal(size=(4, 3))
    target = np.eye(3)[[0, 2, 1, 1]]
    numeric = numerical_gradient(lambda: cost(out, target), out)
    assert relative_error(prime(out, target), numeric) < 1e-7


def test_softmax_and_cross_entropy_are_stable_and_correct():
    z = np.array([[1000.0, 0.0, -1000.0], [1.0, 2.0, 3.0]])
    p = losses.softmax(z)
    np.testing.assert_allclose(p.sum(axis=1), 1.0)
    np.testing.assert_allclose(p[1], np.exp([1, 2, 3]) / np.exp([1, 2, 3]).sum())
    target = np.array([[0.0, 0.0, 1.0], [0.0, 0.0, 1.0]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        c = losses.cross_entropy_cost(z, target)
    expected = (2000.0 + -np.log(p[1, 2])) / 2
    assert c == pytest.approx(expected)
