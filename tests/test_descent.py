"""Gradient descent of lessons 4-5: the walks are right, the example functions' derivatives match
finite differences, and bad inputs are refused with clear errors."""

import numpy as np
import pytest

from nnlib import Network
from nnlib.descent import (bowl, bowl_gradient, gradient_descent, line_cost, line_data, line_gradient,
                           minibatch_descent, wavy, wavy_slope)
from nnlib.nudges import largest_components, parameter_name
from nnlib.gradcheck import numerical_gradient


def test_two_steps_by_hand_on_the_bowl():
    point, path = gradient_descent(bowl_gradient, [1.0, 1.0], learning_rate=0.1, n_steps=2, tolerance=0)
    # each step multiplies x by 1 - 3 * 0.1 = 0.7 and y by 1 - 0.1 = 0.9
    np.testing.assert_allclose(path, [[1.0, 1.0], [0.7, 0.9], [0.49, 0.81]], rtol=1e-12)
    np.testing.assert_array_equal(point, path[-1])


def test_descent_converges_and_stops_at_the_tolerance():
    point, path = gradient_descent(bowl_gradient, [-1.8, 1.6], learning_rate=0.3, n_steps=1000, tolerance=1e-8)
    assert np.linalg.norm(point) < 1e-7
    assert len(path) < 1000                                     # stopped early: the last step was tiny
    assert np.linalg.norm(path[-1] - path[-2]) <= 1e-8 < np.linalg.norm(path[-2] - path[-3])


def test_one_variable_start_gives_a_one_dimensional_path_into_the_nearest_valley():
    point, path = gradient_descent(wavy_slope, 1.5, learning_rate=0.1, n_steps=200)
    assert path.ndim == 1 and path[0] == 1.5 and point == path[-1]
    assert abs(wavy_slope(point)) < 1e-4 and abs(point - 2.243) < 1e-3
    assert np.all(np.diff(np.abs(np.diff(path))) < 0)          # steps shrink as the slope flattens


def test_too_large_learning_rate_diverges_visibly_and_overflow_stops_the_walk():
    _, path = gradient_descent(bowl_gradient, [1.0, 1.0], learning_rate=0.7, n_steps=30, tolerance=0)
    assert len(path) == 31 and np.all(np.diff(np.abs(path[:, 0])) > 0)   # x grows every step
    with np.errstate(all="raise"):
        point, path = gradient_descent(lambda p: p ** 3, [10.0], learning_rate=1.0, n_steps=50, tolerance=0)
    assert np.all(np.isfinite(path)) and len(path) < 51


@pytest.mark.parametrize("kwargs, error, words", [
    ({"start": [[1.0, 1.0]]}, ValueError, "start"),
    ({"start": "origin"}, TypeError, "start"),
    ({"start": [np.nan, 1.0]}, ValueError, "NaN"),
    ({"learning_rate": 0}, ValueError, "learning_rate"),
    ({"learning_rate": -0.1}, ValueError, "learning_rate"),
    ({"learning_rate": "0.1"}, TypeError, "learning_rate"),
    ({"n_steps": 0}, ValueError, "n_steps"),
    ({"n_steps": 2.5}, TypeError, "n_steps"),
    ({"tolerance": -1e-6}, ValueError, "tolerance"),
    ({"tolerance": None}, TypeError, "tolerance"),
])
def test_bad_arguments_are_refused(kwargs, error, words):
    arguments = {"start": [1.0, 1.0], "learning_rate": 0.1, "n_steps": 5, "tolerance": 1e-6} | kwargs
    with pytest.raises(error, match=words):
        gradient_descent(bowl_gradient, **arguments)


def test_a_gradient_of_the_wrong_shape_is_refused():
    with pytest.raises(ValueError, match="gradient returned shape"):
        gradient_descent(lambda p: np.zeros(3), [1.0, 1.0], learning_rate=0.1)


def test_derivatives_of_the_example_functions_match_finite_differences():
    for x0 in (-4.0, -1.0, 0.3, 2.0, 5.0):
        p = np.array([x0])
        np.testing.assert_allclose(wavy_slope(x0), numerical_gradient(lambda: float(wavy(p[0])), p)[0], rtol=1e-7)
    p = np.array([1.0, 1.0])
    np.testing.assert_allclose(bowl_gradient(p), [3.0, 1.0])
    np.testing.assert_allclose(numerical_gradient(lambda: bowl(p), p), [3.0, 1.0], rtol=1e-8)
    x, y = line_data(500, seed=1)
    q = np.array([0.4, -1.3])
    np.testing.assert_allclose(line_gradient(q, x, y), numerical_gradient(lambda: line_cost(q, x, y), q), rtol=1e-7)


def test_functions_of_two_variables_work_on_grids():
    grid = np.stack(np.meshgrid(np.linspace(-1, 1, 4), np.linspace(0, 2, 3)), axis=-1)   # shape (3, 4, 2)
    assert bowl(grid).shape == (3, 4) and bowl_gradient(grid).shape == (3, 4, 2)
    x, y = line_data(300, seed=2)
    direct = np.array([[np.mean((w * x + b - y) ** 2) for w, b in row] for row in grid])
    np.testing.assert_allclose(line_cost(grid, x, y), direct, rtol=1e-12)
    with pytest.raises(ValueError, match="last axis of length 2"):
        bowl(np.ones(3))


def test_line_data_is_seeded_and_around_the_line():
    x, y = line_data(20_000, slope=2.0, intercept=1.0, noise=0.5, seed=3)
    x2, y2 = line_data(20_000, slope=2.0, intercept=1.0, noise=0.5, seed=3)
    np.testing.assert_array_equal(y, y2)
    np.testing.assert_allclose(np.polyfit(x, y, 1), [2.0, 1.0], atol=0.02)


def test_minibatch_descent_with_one_batch_is_full_batch_descent():
    x, y = line_data(1000, seed=0)
    start = np.array([-1.0, -2.0])
    mini = minibatch_descent(line_gradient, start, 0.1, x, y, batch_size=1000, epochs=20, seed=0)
    full = gradient_descent(lambda p: line_gradient(p, x, y), start, 0.1, n_steps=20, tolerance=0)
    np.testing.assert_allclose(mini.path, full.path, rtol=1e-10)


def test_minibatch_descent_steps_once_per_batch_and_is_seeded():
    x, y = line_data(1000, seed=0)
    first = minibatch_descent(line_gradient, [0.0, 0.0], 0.05, x, y, batch_size=32, epochs=2, seed=4)
    again = minibatch_descent(line_gradient, [0.0, 0.0], 0.05, x, y, batch_size=32, epochs=2, seed=4)
    other = minibatch_descent(line_gradient, [0.0, 0.0], 0.05, x, y, batch_size=32, epochs=2, seed=5)
    assert first.path.shape == (2 * 32 + 1, 2)                # ceil(1000 / 32) = 32 steps per epoch
    np.testing.assert_array_equal(first.path, again.path)
    assert not np.array_equal(first.path, other.path)
    assert line_cost(first.point, x, y) < 1.05 * line_cost(np.polyfit(x, y, 1), x, y)
    with pytest.raises(ValueError, match="must match"):
        minibatch_descent(line_gradient, [0.0, 0.0], 0.05, x, y[:10], batch_size=32)
    with pytest.raises(ValueError, match="batch_size"):
        minibatch_descent(line_gradient, [0.0, 0.0], 0.05, x, y, batch_size=0)


def test_parameter_names_follow_the_parameter_vector():
    net = Network([784, 16, 16, 10], seed=0)
    vector = net.parameter_vector()
    assert parameter_name(net, 0) == "W1[0, 0]"
    assert parameter_name(net, 785) == "W1[1, 1]"
    assert parameter_name(net, 784 * 16) == "b1[0]"
    assert parameter_name(net, 784 * 16 + 16) == "W2[0, 0]"
    assert parameter_name(net, 13_001) == "b3[9]"
    for index in (5, 12_543, 12_600, 12_990):
        name = parameter_name(net, index)
        layer = int(name[1]) - 1                                    # e.g. "W2[3, 4]" -> layer 1, (3, 4)
        position = tuple(int(i) for i in name[3:-1].split(","))
        params = net.weights if name[0] == "W" else net.biases
        assert params[layer][position] == vector[index]
    for bad in (-1, 13_002, 2.0, True):
        with pytest.raises(ValueError, match="index"):
            parameter_name(net, bad)


def test_largest_components_are_sorted_by_size():
    net = Network([4, 3, 2], seed=0)
    vector = np.zeros(net.n_parameters)
    vector[[0, 7, 20]] = [0.5, -2.0, 1.0]
    indices, values, names = largest_components(vector, net, k=3)
    assert list(indices) == [7, 20, 0] and list(values) == [-2.0, 1.0, 0.5]
    assert names == [parameter_name(net, i) for i in (7, 20, 0)]
    with pytest.raises(ValueError, match="one value per parameter"):
        largest_components(np.zeros(5), net)


def test_minibatch_descent_stops_after_n_steps():
    x, y = line_data(1000, seed=0)
    whole = minibatch_descent(line_gradient, [0.0, 0.0], 0.1, x, y, batch_size=8, seed=1)
    short = minibatch_descent(line_gradient, [0.0, 0.0], 0.1, x, y, batch_size=8, seed=1, n_steps=10)
    assert short.path.shape == (11, 2)
    np.testing.assert_array_equal(short.path, whole.path[:11])                 # the same walk, cut short
    with pytest.raises(ValueError, match="n_steps"):
        minibatch_descent(line_gradient, [0.0, 0.0], 0.1, x, y, batch_size=8, n_steps=0)
