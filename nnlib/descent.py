"""Gradient descent on small functions you can draw (lessons 4 and 5).

Before descending a cost of 13,002 parameters, lesson 4 walks downhill on functions of one and two
variables, where every step can be drawn:

* :func:`gradient_descent` is the plain routine: from ``start``, step ``-learn_rate * gradient``
  until the step is shorter than ``tolerance`` or ``n_iter`` steps are done.
* :func:`wavy` (one variable, several valleys) and :func:`bowl` (two variables,
  ``C(x, y) = 3/2 x^2 + 1/2 y^2``) are the landscapes it is shown on, with their derivatives.

:func:`largest_components` reads a network's negative gradient: which of its parameters want the
biggest nudges, and in which direction.

Lesson 5 compares full-batch descent with mini-batch (stochastic) descent on a cost that also has
only two parameters, fitting a line ``y = w x + b`` to noisy points: :func:`line_data`,
:func:`line_cost`, :func:`line_gradient` and :func:`minibatch_descent`.

Points of two variables are arrays whose last axis has length 2, so the same function evaluates
one point (shape ``(2,)``) or a whole grid for a contour plot (shape ``(rows, cols, 2)``).
"""

import numbers
from typing import NamedTuple

import numpy as np

from . import _validate


class Descent(NamedTuple):
    """Result of a descent: the final ``point`` and the ``path`` of every point visited.

    ``path[0]`` is the start and ``path[-1]`` equals ``point``; ``path`` has shape
    ``(n_steps + 1,) + start.shape``. It unpacks as ``point, path = gradient_descent(...)``.
    """

    point: np.ndarray
    path: np.ndarray


def _check_descent_arguments(start, learn_rate, n_iter, tolerance=0.0):
    """Validate the arguments shared by both descents; return ``start`` as a float64 array."""
    start = _validate.as_float_array(start, "start", ndim=(0, 1), dtype=np.float64)
    _validate.positive_number(learn_rate, "learn_rate")
    _validate.positive_number(n_iter, "n_iter", integer=True)
    if isinstance(tolerance, bool) or not isinstance(tolerance, numbers.Real):
        raise TypeError(f"tolerance must be a number >= 0, got {tolerance!r} ({type(tolerance).__name__})")
    if not np.isfinite(tolerance) or tolerance < 0:
        raise ValueError(f"tolerance must be a finite number >= 0, got {tolerance!r}")
    return start


def _gradient_at(gradient, point, *args):
    """Call ``gradient(point, *args)`` and check it returned one finite-or-infinite slope per coordinate."""
    slope = np.asarray(gradient(point, *args), dtype=np.float64)
    if slope.shape != point.shape:
        raise ValueError(f"gradient returned shape {slope.shape} for a point of shape {point.shape}; "
                         "it must return one slope per coordinate")
    return slope


def gradient_descent(gradient, start, learn_rate, n_iter=50, tolerance=1e-6):
    """Walk downhill: repeat ``point = point - learn_rate * gradient(point)``.

    Parameters
    ----------
    gradient : callable
        ``gradient(point)`` returns the slope(s) of the function at ``point``, in ``point``'s shape.
    start : float or array of shape (n,)
        Where the walk begins (a number for a function of one variable).
    learn_rate : float > 0
        How far to step, as a multiple of the gradient.
    n_iter : int > 0
        Most steps taken.
    tolerance : float >= 0
        Stop early once a step is shorter than this (the ground is flat: a minimum, or a saddle).

    Returns
    -------
    Descent
        ``(point, path)``; ``path`` has shape ``(n_steps + 1,)`` for a number, ``(n_steps + 1, n)``
        for an array. If the walk runs off to infinity (learning rate far too large), it stops at
        the last finite point instead of filling the path with overflow.
    """
    point = _check_descent_arguments(start, learn_rate, n_iter, tolerance)
    path = [point]
    for _ in range(n_iter):
        with np.errstate(over="ignore", invalid="ignore"):
            step = -learn_rate * _gradient_at(gradient, point)
            new_point = point + step
            step_length = np.linalg.norm(step)
        if not np.all(np.isfinite(new_point)):
            break
        point = new_point
        path.append(point)
        if step_length <= tolerance:
            break
    return Descent(point, np.array(path))


# ----------------------------------------------------------------------------- one variable
def wavy(x):
    """A one-variable landscape with several valleys: ``f(x) = x^2 / 10 + sin(2 x)``.

    Between -5 and 6 its local minima lie near x = -3.74, -0.75, 2.24 and 5.22; the one near -0.75
    is the lowest (the global minimum).
    Works element-wise on arrays.
    """
    x = np.asarray(x, dtype=np.float64)
    return x ** 2 / 10 + np.sin(2 * x)


def wavy_slope(x):
    """The derivative of :func:`wavy`: ``f'(x) = x / 5 + 2 cos(2 x)``."""
    x = np.asarray(x, dtype=np.float64)
    return x / 5 + 2 * np.cos(2 * x)


# ----------------------------------------------------------------------------- two variables
def _xy(point):
    point = np.asarray(point, dtype=np.float64)
    if point.ndim == 0 or point.shape[-1] != 2:
        raise ValueError(f"a point of two variables must have a last axis of length 2, got shape {point.shape}")
    return point[..., 0], point[..., 1]


def bowl(point):
    """``C(x, y) = 3/2 x^2 + 1/2 y^2``, a bowl three times steeper along x than along y.

    ``point`` has shape (..., 2); returns shape (...).
    """
    x, y = _xy(point)
    return 1.5 * x ** 2 + 0.5 * y ** 2


def bowl_gradient(point):
    """The gradient of :func:`bowl`: ``(dC/dx, dC/dy) = (3 x, y)``, shape (..., 2)."""
    x, y = _xy(point)
    return np.stack([3 * x, y], axis=-1)


# ----------------------------------------------------------------------------- a network's gradient
def parameter_name(network, index):
    """The name of entry ``index`` of ``network.parameter_vector()``, e.g. ``"W1[3, 405]"`` or ``"b2[7]"``.

    Layers count from 1 as in the lessons: ``W1`` and ``b1`` compute hidden layer 1 from the input;
    ``W1[j, k]`` is the weight from neuron k of the previous layer to neuron j of the next.
    """
    if isinstance(index, bool) or not isinstance(index, numbers.Integral) or not 0 <= index < network.n_parameters:
        raise ValueError(f"index must be a whole number from 0 to {network.n_parameters - 1:,}, got {index!r}")
    offset = 0
    for layer, (w, b) in enumerate(zip(network.weights, network.biases), start=1):
        if index < offset + w.size:
            row, col = divmod(int(index - offset), w.shape[1])
            return f"W{layer}[{row}, {col}]"
        offset += w.size
        if index < offset + b.size:
            return f"b{layer}[{int(index - offset)}]"
        offset += b.size


def largest_components(vector, network, k=15):
    """The ``k`` components of ``vector`` (one per parameter of ``network``) largest in size.

    Returns ``(indices, values, names)``: arrays of shape (k,), largest ``|value|`` first, and the
    parameter names from :func:`parameter_name`.
    """
    vector = _validate.as_float_array(vector, "vector", ndim=1)
    if vector.size != network.n_parameters:
        raise ValueError(f"vector must have one value per parameter ({network.n_parameters:,}), got {vector.size:,}")
    _validate.positive_number(k, "k", integer=True)
    indices = np.argsort(-np.abs(vector), kind="stable")[:k]
    return indices, vector[indices], [parameter_name(network, i) for i in indices]


# ----------------------------------------------------------------------------- fitting a line (lesson 5)
def line_data(n_points=10_000, slope=2.0, intercept=1.0, noise=1.0, seed=0):
    """Noisy points around the line ``y = slope x + intercept``, with x drawn from N(0, 1).

    Returns ``(x, y)``, two arrays of shape (n_points,).
    """
    _validate.positive_number(n_points, "n_points", integer=True)
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(n_points)
    y = slope * x + intercept + noise * rng.standard_normal(n_points)
    return x, y


def line_cost(params, x, y):
    """Mean squared error of the line ``w x + b`` on the points (x, y): ``mean((w x + b - y)^2)``.

    ``params`` = (w, b) with shape (..., 2), so a whole grid of lines can be evaluated; returns (...).
    For a grid the square is expanded, ``w^2 mean(x^2) + 2 w b mean(x) + b^2 - 2 w mean(x y)
    - 2 b mean(y) + mean(y^2)``, so that memory does not grow with the number of points.
    """
    w, b = _xy(params)
    x, y = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
    return (w ** 2 * np.mean(x ** 2) + 2 * w * b * np.mean(x) + b ** 2
            - 2 * w * np.mean(x * y) - 2 * b * np.mean(y) + np.mean(y ** 2))


def line_gradient(params, x, y):
    """Gradient of :func:`line_cost` for one line: ``(mean(2 r x), mean(2 r))`` with ``r = w x + b - y``."""
    w, b = _xy(params)
    residuals = w * x + b - y
    return np.array([np.mean(2 * residuals * x), np.mean(2 * residuals)])


def minibatch_descent(gradient, start, learn_rate, x, y, batch_size, n_epochs=1, seed=0):
    """Stochastic gradient descent: shuffle the data, cut it into mini-batches, step on each.

    Parameters
    ----------
    gradient : callable
        ``gradient(point, x_batch, y_batch)``: the gradient of the cost on those examples only.
    start : array of shape (n,)
    learn_rate : float > 0
    x, y : arrays with the same first dimension (the examples)
    batch_size : int > 0
        Examples per step; ``len(x)`` gives full-batch descent, one step per epoch.
    n_epochs : int > 0
        Passes over the data.
    seed : int or numpy.random.Generator
        Seeds the shuffling.

    Returns
    -------
    Descent
        ``(point, path)`` with one row per step: ``n_epochs * ceil(len(x) / batch_size) + 1`` rows.
    """
    point = _check_descent_arguments(start, learn_rate, n_epochs)
    _validate.positive_number(batch_size, "batch_size", integer=True)
    x, y = np.asarray(x), np.asarray(y)
    if x.shape[0] != y.shape[0]:
        raise ValueError(f"x has {x.shape[0]} examples but y has {y.shape[0]}; they must match")
    rng = np.random.default_rng(seed)
    path = [point]
    for _ in range(n_epochs):
        order = rng.permutation(x.shape[0])
        for begin in range(0, x.shape[0], batch_size):
            batch = order[begin:begin + batch_size]
            point = point - learn_rate * _gradient_at(gradient, point, x[batch], y[batch])
            path.append(point)
    return Descent(point, np.array(path))
