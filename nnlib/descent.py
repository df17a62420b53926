"""Gradient descent on small functions you can draw (lessons 4 and 5).

Before descending a cost of 13,002 parameters, lesson 4 walks downhill on functions of one and two
variables, where every step can be drawn:

* :func:`gradient_descent` is the plain routine: from ``start``, step ``-learning_rate * gradient``
  until the step is shorter than ``tolerance`` or ``n_steps`` steps are done.
* :func:`wavy` (one variable, several valleys) and :func:`bowl` (two variables,
  ``C(x, y) = 3/2 x^2 + 1/2 y^2``) are the landscapes it is shown on, with their derivatives.

Lesson 5 compares full-batch descent with mini-batch (stochastic) descent on a cost that also has
only two parameters, fitting a line ``y = w x + b`` to noisy points: :func:`line_data`,
:func:`line_cost`, :func:`line_gradient` and :func:`minibatch_descent` (which cuts the data into
mini-batches as :func:`nnlib.train` does). On the MNIST network itself, :func:`nnlib.training.train_for`
gives both walks the same time.

Points of two variables are arrays whose last axis has length 2, so the same function evaluates
one point (shape ``(2,)``) or a whole grid for a contour plot (shape ``(rows, cols, 2)``).
"""

import numbers
from typing import NamedTuple

import numpy as np

from . import _validate
from .training import minibatches


class Descent(NamedTuple):
    """Result of a descent: the final ``point`` and the ``path`` of every point visited.

    ``path[0]`` is the start and ``path[-1]`` equals ``point``; ``path`` has shape
    ``(n_steps + 1,) + start.shape``. It unpacks as ``point, path = gradient_descent(...)``.
    """

    point: np.ndarray
    path: np.ndarray


def _check_descent_arguments(start, learning_rate, count, count_name, tolerance=0.0):
    """Validate the arguments shared by both descents; return ``start`` as a float64 array."""
    start = _validate.as_float_array(start, "start", ndim=(0, 1), dtype=np.float64)
    _validate.positive_number(learning_rate, "learning_rate")
    _validate.positive_number(count, count_name, integer=True)
    if isinstance(tolerance, bool) or not isinstance(tolerance, numbers.Real):
        raise TypeError(f"tolerance must be a number >= 0, got {tolerance!r} ({type(tolerance).__name__})")
    if not np.isfinite(tolerance) or tolerance < 0:
        raise ValueError(f"tolerance must be a finite number >= 0, got {tolerance!r}")
    return start


def _gradient_at(gradient, point, *args):
    """Call ``gradient(point, *args)`` and check it returned one finite-or-infinite slope per coordinate.

    Infinity is let through (a walk running off to infinity stops at its last finite point); NaN,
    which no slope can be, is refused.
    """
    if not callable(gradient):
        raise TypeError(f"gradient must be a function gradient(point) returning the slope(s), got {type(gradient).__name__}")
    answer = gradient(point, *args)
    try:
        slope = np.asarray(answer, dtype=np.float64)
    except (TypeError, ValueError):
        raise TypeError(f"gradient must return numbers (one slope per coordinate), got {answer!r}") from None
    if np.any(np.isnan(slope)):
        raise ValueError(f"gradient returned NaN at the point {point}; it must return one number per coordinate")
    if slope.shape != point.shape:
        raise ValueError(f"gradient returned shape {slope.shape} for a point of shape {point.shape}; "
                         "it must return one slope per coordinate")
    return slope


def gradient_descent(gradient, start, learning_rate, n_steps=50, tolerance=1e-6):
    """Walk downhill: repeat ``point = point - learning_rate * gradient(point)``.

    Parameters
    ----------
    gradient : callable
        ``gradient(point)`` returns the slope(s) of the function at ``point``, in ``point``'s shape.
    start : float or array of shape (n,)
        Where the walk begins (a number for a function of one variable).
    learning_rate : float > 0
        How far to step, as a multiple of the gradient.
    n_steps : int > 0
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
    point = _check_descent_arguments(start, learning_rate, n_steps, "n_steps", tolerance)
    path = [point]
    for _ in range(n_steps):
        with np.errstate(over="ignore", invalid="ignore"):
            step = -learning_rate * _gradient_at(gradient, point)
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
    x = _validate.as_float_array(x, "x", dtype=np.float64)
    return x ** 2 / 10 + np.sin(2 * x)


def wavy_slope(x):
    """The derivative of :func:`wavy`: ``f'(x) = x / 5 + 2 cos(2 x)``."""
    x = _validate.as_float_array(x, "x", dtype=np.float64)
    return x / 5 + 2 * np.cos(2 * x)


# ----------------------------------------------------------------------------- two variables
def _xy(point):
    point = _validate.as_float_array(point, "point", dtype=np.float64)
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


# ----------------------------------------------------------------------------- fitting a line (lesson 5)
def line_data(n_points=10_000, slope=2.0, intercept=1.0, noise=1.0, seed=0, x_mean=0.0):
    """Noisy points around the line ``y = slope x + intercept``, with x drawn from N(x_mean, 1).

    With ``x_mean = 0`` the cost of the line (:func:`line_cost`) is a round bowl; away from 0 it is a
    stretched valley, as the costs of networks are.

    Returns ``(x, y)``, two arrays of shape (n_points,).
    """
    _validate.positive_number(n_points, "n_points", integer=True)
    for name, value in (("slope", slope), ("intercept", intercept), ("noise", noise), ("x_mean", x_mean)):
        _validate.finite_number(value, name)
    rng = np.random.default_rng(seed)
    x = x_mean + rng.standard_normal(n_points)
    y = slope * x + intercept + noise * rng.standard_normal(n_points)
    return x, y


def line_cost(params, x, y):
    """Mean squared error of the line ``w x + b`` on the points (x, y): ``mean((w x + b - y)^2)``.

    ``params`` = (w, b) with shape (..., 2), so a whole grid of lines can be evaluated; returns (...).
    For a grid the square is expanded, ``w^2 mean(x^2) + 2 w b mean(x) + b^2 - 2 w mean(x y)
    - 2 b mean(y) + mean(y^2)``, so that memory does not grow with the number of points.
    """
    w, b = _xy(params)
    x, y = _validate.as_float_array(x, "x", dtype=np.float64), _validate.as_float_array(y, "y", dtype=np.float64)
    return (w ** 2 * np.mean(x ** 2) + 2 * w * b * np.mean(x) + b ** 2
            - 2 * w * np.mean(x * y) - 2 * b * np.mean(y) + np.mean(y ** 2))


def line_gradient(params, x, y):
    """Gradient of :func:`line_cost` for one line: ``(mean(2 r x), mean(2 r))`` with ``r = w x + b - y``."""
    w, b = _xy(params)
    residuals = w * x + b - y
    return np.array([np.mean(2 * residuals * x), np.mean(2 * residuals)])


def minibatch_descent(gradient, start, learning_rate, x, y, batch_size, epochs=1, seed=0, n_steps=None):
    """Stochastic gradient descent: shuffle the data, cut it into mini-batches, step on each.

    Parameters
    ----------
    gradient : callable
        ``gradient(point, x_batch, y_batch)``: the gradient of the cost on those examples only.
    start : array of shape (n,)
    learning_rate : float > 0
    x, y : arrays with the same first dimension (the examples)
    batch_size : int > 0
        Examples per step; ``len(x)`` gives full-batch descent, one step per epoch.
    epochs : int > 0
        Passes over the data.
    seed : int or numpy.random.Generator
        Seeds the shuffling.
    n_steps : int > 0, optional
        Stop after this many steps, even within an epoch (by default all the epochs are walked).

    Returns
    -------
    Descent
        ``(point, path)`` with one row per step: ``epochs * ceil(len(x) / batch_size) + 1`` rows
        (``n_steps + 1`` if that is fewer).
    """
    point = _check_descent_arguments(start, learning_rate, epochs, "epochs")
    _validate.positive_number(batch_size, "batch_size", integer=True)
    x = _validate.as_float_array(x, "x", ndim=(1, 2), dtype=np.float64)
    y = _validate.as_float_array(y, "y", ndim=(1, 2), dtype=np.float64)
    if x.shape[0] != y.shape[0]:
        raise ValueError(f"x has {x.shape[0]} examples but y has {y.shape[0]}; they must match")
    if n_steps is not None:
        _validate.positive_number(n_steps, "n_steps", integer=True)
    rng = _validate.generator(seed)
    path = [point]
    for _ in range(epochs):
        for x_batch, y_batch in minibatches(x, y, batch_size, rng):
            if n_steps is not None and len(path) > n_steps:
                return Descent(point, np.array(path))
            point = point - learning_rate * _gradient_at(gradient, point, x_batch, y_batch)
            path.append(point)
    return Descent(point, np.array(path))
