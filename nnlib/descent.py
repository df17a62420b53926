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
:func:`line_cost`, :func:`line_gradient` and :func:`minibatch_descent`; then, on the MNIST network,
where a full gradient is really expensive, :func:`descend_for` gives both walks the same time.

Points of two variables are arrays whose last axis has length 2, so the same function evaluates
one point (shape ``(2,)``) or a whole grid for a contour plot (shape ``(rows, cols, 2)``).
"""

import numbers
import time
from typing import NamedTuple

import numpy as np
from threadpoolctl import threadpool_limits

from . import _validate
from .network import Network


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


# ----------------------------------------------------------------------------- a network's gradient
def _check_network(network):
    if not isinstance(network, Network):
        raise TypeError(f"network must be an nnlib Network, got {type(network).__name__}")


def parameter_name(network, index):
    """The name of entry ``index`` of ``network.parameter_vector()``, e.g. ``"W1[3, 405]"`` or ``"b2[7]"``.

    Layers count from 1 as in the lessons: ``W1`` and ``b1`` compute hidden layer 1 from the input;
    ``W1[j, k]`` is the weight from neuron k of the previous layer to neuron j of the next.
    """
    _check_network(network)
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
    _check_network(network)
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
    for name, value in (("slope", slope), ("intercept", intercept), ("noise", noise)):
        _validate.finite_number(value, name)
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
    x, y = _validate.as_float_array(x, "x", dtype=np.float64), _validate.as_float_array(y, "y", dtype=np.float64)
    return (w ** 2 * np.mean(x ** 2) + 2 * w * b * np.mean(x) + b ** 2
            - 2 * w * np.mean(x * y) - 2 * b * np.mean(y) + np.mean(y ** 2))


def line_gradient(params, x, y):
    """Gradient of :func:`line_cost` for one line: ``(mean(2 r x), mean(2 r))`` with ``r = w x + b - y``."""
    w, b = _xy(params)
    residuals = w * x + b - y
    return np.array([np.mean(2 * residuals * x), np.mean(2 * residuals)])


def minibatch_descent(gradient, start, learn_rate, x, y, batch_size, n_epochs=1, seed=0, n_steps=None):
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
    n_steps : int > 0, optional
        Stop after this many steps, even within an epoch (by default all the epochs are walked).

    Returns
    -------
    Descent
        ``(point, path)`` with one row per step: ``n_epochs * ceil(len(x) / batch_size) + 1`` rows
        (``n_steps + 1`` if that is fewer).
    """
    point = _check_descent_arguments(start, learn_rate, n_epochs)
    _validate.positive_number(batch_size, "batch_size", integer=True)
    x = _validate.as_float_array(x, "x", ndim=(1, 2), dtype=np.float64)
    y = _validate.as_float_array(y, "y", ndim=(1, 2), dtype=np.float64)
    if x.shape[0] != y.shape[0]:
        raise ValueError(f"x has {x.shape[0]} examples but y has {y.shape[0]}; they must match")
    if n_steps is not None:
        _validate.positive_number(n_steps, "n_steps", integer=True)
    rng = np.random.default_rng(seed)
    path = [point]
    for _ in range(n_epochs):
        order = rng.permutation(x.shape[0])
        for begin in range(0, x.shape[0], batch_size):
            if n_steps is not None and len(path) > n_steps:
                return Descent(point, np.array(path))
            batch = order[begin:begin + batch_size]
            point = point - learn_rate * _gradient_at(gradient, point, x[batch], y[batch])
            path.append(point)
    return Descent(point, np.array(path))


# ----------------------------------------------------------------------------- the same time, two walks (lesson 5)
class TimedDescent(NamedTuple):
    """What :func:`descend_for` saw: ``steps`` taken, and at each checkpoint the training ``seconds``
    spent so far and the held-out ``accuracies`` (0 to 1) reached; checkpoint 0 is the start."""

    steps: int
    seconds: np.ndarray
    accuracies: np.ndarray


def descend_for(network, x, labels, batch_size, learn_rate, seconds, x_held, labels_held, seed=0, n_checks=8):
    """Train ``network`` in place by (mini-batch) gradient descent for ``seconds`` of wall-clock time.

    Full-batch descent is ``batch_size=len(x)``: one exact step per pass. The clock runs only while
    gradients are computed and steps taken; measuring the held-out accuracy at the ``n_checks``
    checkpoints is not counted. BLAS runs on one thread, as in :func:`nnlib.train`, so that both
    kinds of step are timed alike on a busy machine.

    Parameters
    ----------
    network : nnlib.network.Network
    x : array, shape (n_examples, network.sizes[0]); labels : int array, shape (n_examples,)
    batch_size : int > 0
    learn_rate : float > 0
    seconds : float > 0
        Training time allowed.
    x_held, labels_held : arrays, shapes (n_held, network.sizes[0]) and (n_held,)
        Images the network does not train on, for the accuracy at each checkpoint.
    seed : int or numpy.random.Generator
        Seeds the shuffling.
    n_checks : int > 0
        Checkpoints, evenly spaced in time.

    Returns
    -------
    TimedDescent
    """
    _check_network(network)
    x2, _ = network._inputs(x)
    targets = network._targets(labels, x2.shape[0], single=False)
    _validate.positive_number(batch_size, "batch_size", integer=True)
    _validate.positive_number(learn_rate, "learn_rate")
    _validate.positive_number(seconds, "seconds")
    _validate.positive_number(n_checks, "n_checks", integer=True)
    rng = np.random.default_rng(seed)
    steps, spent, times, accuracies = 0, 0.0, [0.0], [network.accuracy(x_held, labels_held)]
    with threadpool_limits(limits=1, user_api="blas"):
        while spent < seconds:
            order = rng.permutation(x2.shape[0])
            for begin in range(0, x2.shape[0], batch_size):
                start = time.perf_counter()
                # a full batch needs no shuffling, and copying all the images for each step would dominate its time
                batch = order[begin:begin + batch_size] if batch_size < x2.shape[0] else slice(None)
                network._backprop(x2[batch], targets[batch], learn_rate)      # gradients and step
                spent += time.perf_counter() - start
                steps += 1
                if spent >= seconds * len(times) / n_checks:
                    times.append(spent)
                    accuracies.append(network.accuracy(x_held, labels_held))
                if spent >= seconds:
                    break
    return TimedDescent(steps, np.array(times), np.array(accuracies))
