"""Stochastic gradient descent over shuffled mini-batches (lesson 5).

Each epoch shuffles the training set (with a seeded generator), cuts it into mini-batches, and takes one
gradient-descent step per mini-batch: "a drunk man walking downhill, but faster". The heart of
:func:`train` is three lines::

    for x_batch, y_batch in minibatches(x, targets, batch_size, rng):
        gradients = network.backprop(x_batch, y_batch)
        network.step(gradients, rate)

Around it, after each epoch, the network is measured (:class:`History`), a run that has diverged is
stopped (:class:`TrainingDiverged`) and a line is printed.

Training runs the linear-algebra library (BLAS) on one thread: its matrices are too small to gain from
more (see ``nnlib._threads``).
"""

import sys
import time
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np
from . import _validate
from ._threads import one_blas_thread

MONITOR_SIZE = 10_000
"""The most training examples :func:`train` measures the training cost on after each epoch: all of them
up to 10,000, else every k-th (the fewest k that gives at most 10,000), spread over the whole set and the
same every epoch. 10,000 examples measure the cost to within about 1% at a few percent of an epoch's time."""

DIVERGENCE_FACTOR = 100
"""A run has diverged when its training cost is NaN or infinite, or more than this many times the cost
before training: no run that learns comes close (a cost only grows that much when the steps overshoot
further and further)."""


def minibatches(x, y, batch_size, rng):
    """One epoch's mini-batches: the examples in a random order, ``batch_size`` at a time.

    ``x`` and ``y`` are arrays with one example per row; yields ``(x_batch, y_batch)`` pairs, the last one
    smaller if ``batch_size`` does not divide the number of examples. ``rng`` is a numpy Generator.
    """
    if batch_size >= len(x):                  # one batch of everything: the order changes nothing
        yield x, y
        return
    order = rng.permutation(len(x))
    for start in range(0, len(x), batch_size):
        batch = order[start:start + batch_size]
        yield x[batch], y[batch]


@dataclass
class History:
    """What happened during training, one entry per epoch.

    ``training_cost`` is measured after each epoch on the training set (every k-th example when there
    are more than :data:`MONITOR_SIZE`),
    ``validation_cost`` and ``validation_accuracy`` (0 to 1) on the validation data (empty lists when none
    was given); ``seconds`` is the time of the epoch's gradient steps, measuring excluded.
    """

    epoch: list = field(default_factory=list)
    learning_rate: list = field(default_factory=list)
    training_cost: list = field(default_factory=list)
    validation_cost: list = field(default_factory=list)
    validation_accuracy: list = field(default_factory=list)
    seconds: list = field(default_factory=list)


class TrainingDiverged(ValueError):
    """Training ran away: the cost became NaN or infinite, or grew :data:`DIVERGENCE_FACTOR` times larger
    than before training. The learning rate is too large.

    The network is left as it was at the start of the epoch that diverged. ``epoch``, ``learning_rate``
    and ``history`` (the epochs completed before) say where it happened.
    """

    def __init__(self, epoch, learning_rate, cost, cost_before, history):
        super().__init__(f"training diverged in epoch {epoch} with learning rate {learning_rate:g}: the training "
                         f"cost went from {cost_before:.4g} before training to {cost:.4g}. The network was put "
                         f"back as it was at the start of epoch {epoch}; try a smaller learning rate, "
                         f"e.g. {learning_rate / 10:g}")
        self.epoch, self.learning_rate, self.history = epoch, learning_rate, history


def train(network, x, y, *, epochs, batch_size, learning_rate, validation_data=None, seed=0,
          progress=True, on_epoch=None):
    """Train ``network`` in place by mini-batch stochastic gradient descent.

    Parameters
    ----------
    network : nnlib.network.Network
    x : array, shape (n_examples, network.sizes[0])
        Training inputs, one example per row (raw 0-255 pixels are refused: divide them by 255).
    y : array
        Integer class labels, shape (n_examples,), or float target vectors, shape (n_examples, n_outputs).
    epochs : int
        Passes over the whole training set.
    batch_size : int
        Examples per gradient step, at most n_examples (the last batch of an epoch may be smaller).
    learning_rate : float or callable
        Step size, or a schedule ``learning_rate(epoch) -> float`` with epochs counted from 1 (it is
        called for every epoch before training starts, so a bad value is refused up front).
    validation_data : (x_val, labels_val), optional
        Measured after every epoch (cost and accuracy).
    seed : int or numpy.random.Generator
        Seeds the shuffling: the same seed and network give bit-identical results.
    progress : bool
        Print one line per epoch (works in JupyterLab and in a terminal); False for silence.
    on_epoch : callable, optional
        Called as ``on_epoch(history)`` after each epoch, e.g. to redraw a live plot.

    Returns
    -------
    History

    Raises
    ------
    TrainingDiverged
        If the training cost becomes NaN or infinite, or more than :data:`DIVERGENCE_FACTOR` times its
        value before training; the network is then left as it was at the start of that epoch.
    """
    _validate.network(network)
    x, targets = _validate.examples(network, x, y)
    _validate.positive_number(epochs, "epochs", integer=True)
    _validate.positive_number(batch_size, "batch_size", integer=True)
    if batch_size > len(x):
        raise ValueError(f"batch_size must be at most the number of examples ({len(x)}), got {batch_size}")
    rates = _learning_rates(learning_rate, epochs)
    validation = None if validation_data is None else _validation(network, validation_data)
    if not isinstance(progress, (bool, np.bool_)):
        raise TypeError(f"progress must be True or False, got {progress!r}")
    if on_epoch is not None and not callable(on_epoch):
        raise TypeError(f"on_epoch must be a function, got {type(on_epoch).__name__}")
    rng = _validate.generator(seed)
    every = -(-len(x) // MONITOR_SIZE)                    # 1 up to MONITOR_SIZE examples, then 2, 3, ...
    monitor = (x[::every], targets[::every])              # a fixed sample: every k-th training example

    history = History()
    with one_blas_thread(), np.errstate(over="ignore", invalid="ignore"):
        cost_before = _evaluate(network, *monitor)[0]
        for epoch, rate in enumerate(rates, start=1):
            start_of_epoch = network.copy()
            started = time.perf_counter()
            for x_batch, y_batch in minibatches(x, targets, batch_size, rng):
                gradients = network.backprop(x_batch, y_batch)
                network.step(gradients, rate)
            seconds = time.perf_counter() - started
            cost = _evaluate(network, *monitor)[0]
            if not cost <= DIVERGENCE_FACTOR * cost_before:        # also true for NaN
                _restore(network, start_of_epoch)
                raise TrainingDiverged(epoch, rate, cost, cost_before, history)
            _record(history, network, epoch, rate, cost, seconds, validation)
            if progress:
                _print_epoch(history, len(rates))
            if on_epoch is not None:
                on_epoch(history)
    return history


def _learning_rates(learning_rate, epochs):
    """The learning rate of each epoch, each checked: a number, or a schedule called for every epoch."""
    if callable(learning_rate):
        return [float(_validate.positive_number(learning_rate(epoch), f"learning rate (epoch {epoch})"))
                for epoch in range(1, epochs + 1)]
    return [float(_validate.positive_number(learning_rate, "learning_rate"))] * epochs


def _validation(network, validation_data):
    """``(x_val, labels_val, targets_val)``, checked, from the pair ``validation_data``."""
    if not isinstance(validation_data, (tuple, list)) or len(validation_data) != 2:
        raise TypeError(f"validation_data must be a pair (x_val, labels_val), got {type(validation_data).__name__}")
    x_val, labels_val = validation_data
    labels = _validate.as_labels(_validate.as_array(labels_val, "validation labels"), network.sizes[-1],
                                 "validation labels")
    x_val, targets = _validate.examples(network, x_val, labels, "validation x", "validation labels")
    return x_val, labels, targets


def _evaluate(network, x, targets, labels=None):
    """The cost of checked examples and, given their ``labels``, the accuracy (0 to 1): ``(cost, accuracy)``."""
    forward = network.feedforward(x)
    cost = network.cost_function.fn(forward.zs[-1], forward.activations[-1], targets)
    if labels is None:
        return cost, None
    return cost, float(np.mean(np.argmax(forward.activations[-1], axis=1) == labels))


def _restore(network, saved):
    """Put the parameters of ``saved`` back into ``network``, in place (arrays the caller holds too)."""
    for params, saved_params in zip(network.weights + network.biases, saved.weights + saved.biases):
        params[...] = saved_params


def _record(history, network, epoch, rate, cost, seconds, validation):
    history.epoch.append(epoch)
    history.learning_rate.append(rate)
    history.training_cost.append(cost)
    history.seconds.append(seconds)
    if validation is not None:
        x_val, labels, targets = validation
        validation_cost, validation_accuracy = _evaluate(network, x_val, targets, labels)
        history.validation_cost.append(validation_cost)
        history.validation_accuracy.append(validation_accuracy)


def _print_epoch(history, epochs):
    line = f"epoch {history.epoch[-1]:>3}/{epochs}  training cost {history.training_cost[-1]:.4f}"
    if history.validation_accuracy:
        line += f"  validation accuracy {100 * history.validation_accuracy[-1]:.2f}%"
    print(f"{line}  ({history.seconds[-1]:.2f} s)", file=sys.stdout, flush=True)


# ----------------------------------------------------------------------------- the same time for two walks (lesson 5)
class TimedTraining(NamedTuple):
    """What :func:`train_for` saw: ``steps`` taken, and at each checkpoint the training ``seconds`` spent so
    far and the validation ``accuracies`` (0 to 1) reached; checkpoint 0 is the start."""

    steps: int
    seconds: np.ndarray
    accuracies: np.ndarray


def train_for(network, x, y, *, seconds, batch_size, learning_rate, validation_data, seed=0, n_checks=8):
    """Train ``network`` in place by (mini-batch) gradient descent for ``seconds`` of training time.

    The same steps as :func:`train`, for a time budget instead of a number of epochs, so that two ways of
    walking downhill can be compared at equal time: full-batch descent is ``batch_size=len(x)``, one exact
    step per pass. The clock runs only while mini-batches are gathered, gradients computed and steps taken;
    measuring the validation accuracy at the checkpoints is not counted. A checkpoint is taken after the
    first step that ends past each of ``n_checks`` evenly spaced times (fewer when one step is longer than
    ``seconds / n_checks``), and the run ends with the step that passes ``seconds``.

    Parameters
    ----------
    network, x, y, batch_size, learning_rate, seed : as for :func:`train` (``learning_rate`` a number)
    seconds : float > 0
        Training time allowed.
    validation_data : (x_val, labels_val)
        Examples the network does not train on, for the accuracy at each checkpoint.
    n_checks : int > 0
        How many checkpoints to aim for, evenly spaced in time.

    Returns
    -------
    TimedTraining
    """
    _validate.network(network)
    x, targets = _validate.examples(network, x, y)
    _validate.positive_number(batch_size, "batch_size", integer=True)
    _validate.positive_number(learning_rate, "learning_rate")
    _validate.positive_number(seconds, "seconds")
    _validate.positive_number(n_checks, "n_checks", integer=True)
    x_val, labels, targets_val = _validation(network, validation_data)
    rng = _validate.generator(seed)

    def accuracy():
        return _evaluate(network, x_val, targets_val, labels)[1]

    steps, spent, times, accuracies = 0, 0.0, [0.0], [accuracy()]
    with one_blas_thread(), np.errstate(over="ignore", invalid="ignore"):
        while spent < seconds:
            started = time.perf_counter()
            for x_batch, y_batch in minibatches(x, targets, batch_size, rng):
                network.step(network.backprop(x_batch, y_batch), learning_rate)
                steps += 1
                spent += time.perf_counter() - started
                if spent >= seconds * len(times) / n_checks:         # a checkpoint: measure, off the clock
                    times.append(spent)
                    accuracies.append(accuracy())
                if spent >= seconds:
                    break
                started = time.perf_counter()
    return TimedTraining(steps, np.array(times), np.array(accuracies))
