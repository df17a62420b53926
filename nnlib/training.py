"""Stochastic gradient descent over shuffled mini-batches (lesson 5).

Each epoch shuffles the training set (with a seeded generator), cuts it into mini-batches, and
takes one gradient-descent step per mini-batch: "a drunk man walking downhill, but faster".

The matrices of one step are small (a mini-batch times a few hundred weights), too small for the
linear-algebra library (BLAS) to gain from several threads: on a busy 2-core machine its threads
waited for each other and made batch-128 epochs ten times slower. Training therefore runs BLAS on one
thread (with ``threadpoolctl``), and the threads are given back when training ends.
"""

import sys
import time
from dataclasses import dataclass, field

import numpy as np
from threadpoolctl import threadpool_limits

from . import _validate


@dataclass
class History:
    """What happened during training, one entry per epoch.

    ``train_cost`` is the average of the mini-batch costs seen during the epoch; the validation
    lists stay empty when no validation data was given.
    """

    epoch: list = field(default_factory=list)
    learning_rate: list = field(default_factory=list)
    train_cost: list = field(default_factory=list)
    validation_cost: list = field(default_factory=list)
    validation_accuracy: list = field(default_factory=list)
    seconds: list = field(default_factory=list)

    @property
    def total_seconds(self):
        """Training time of all epochs together (evaluation excluded)."""
        return float(sum(self.seconds))


def _learning_rate_at(learning_rate, epoch):
    rate = learning_rate(epoch) if callable(learning_rate) else learning_rate
    return _validate.positive_number(rate, f"learning rate (epoch {epoch})")


def train(network, x, y, *, epochs, batch_size, learning_rate, validation_data=None, seed=0,
          progress=True, on_epoch=None):
    """Train ``network`` in place by mini-batch stochastic gradient descent.

    Parameters
    ----------
    network : nnlib.network.Network
    x : array, shape (n_examples, network.sizes[0])
        Training inputs, one example per row.
    y : array, shape (n_examples,)
        Integer labels 0..n_outputs-1 (or target vectors, shape (n_examples, n_outputs)).
    epochs : int
        Passes over the whole training set.
    batch_size : int
        Examples per gradient step (the last batch of an epoch may be smaller).
    learning_rate : float or callable
        Step size, or a schedule ``learning_rate(epoch) -> float`` with epochs counted from 1.
    validation_data : (x_val, labels_val), optional
        Evaluated after every epoch (cost and accuracy).
    seed : int or numpy.random.Generator
        Seeds the shuffling: the same seed and network give bit-identical results.
    progress : bool
        Print one line per epoch (works in JupyterLab and in a terminal); False for silence.
    on_epoch : callable, optional
        Called as ``on_epoch(history)`` after each epoch, e.g. to redraw a live plot.

    Returns
    -------
    History
    """
    x2, _ = network._inputs(x)
    targets = network._targets(y, x2.shape[0], single=False)
    _validate.positive_number(epochs, "epochs", integer=True)
    _validate.positive_number(batch_size, "batch_size", integer=True)
    if not callable(learning_rate):
        _validate.positive_number(learning_rate, "learning_rate")
    if validation_data is not None:
        if not isinstance(validation_data, (tuple, list)) or len(validation_data) != 2:
            raise TypeError("validation_data must be a pair (x_val, labels_val)")
        x_val, _ = network._inputs(validation_data[0])
        labels_val = _validate.as_labels(np.asarray(validation_data[1]), network.sizes[-1], "validation labels")
        if labels_val.size != x_val.shape[0]:
            raise ValueError(f"validation x has {x_val.shape[0]} examples but its labels {labels_val.size}")
        val_targets = network._targets(labels_val, x_val.shape[0], single=False)
    if on_epoch is not None and not callable(on_epoch):
        raise TypeError(f"on_epoch must be a function, got {type(on_epoch).__name__}")

    with threadpool_limits(limits=1, user_api="blas"):
        return _sgd(network, x2, targets, epochs, batch_size, learning_rate,
                    (x_val, labels_val, val_targets) if validation_data is not None else None,
                    np.random.default_rng(seed), progress, on_epoch)


def _sgd(network, x, targets, epochs, batch_size, learning_rate, validation, rng, progress, on_epoch):
    """The training loop of :func:`train`, on checked inputs."""
    n = x.shape[0]
    history = History()
    for epoch in range(1, epochs + 1):
        rate = _learning_rate_at(learning_rate, epoch)
        start = time.perf_counter()
        order = rng.permutation(n)
        cost_sum = 0.0
        for begin in range(0, n, batch_size):
            batch = order[begin:begin + batch_size]
            gradients = network._backprop(x[batch], targets[batch])
            network._update(gradients, rate)
            cost_sum += gradients.cost * batch.size
        history.seconds.append(time.perf_counter() - start)
        history.epoch.append(epoch)
        history.learning_rate.append(rate)
        history.train_cost.append(cost_sum / n)
        line = f"epoch {epoch:>3}/{epochs}  train cost {history.train_cost[-1]:.4f}"
        if validation is not None:
            x_val, labels_val, val_targets = validation
            zs, activations = network._forward(x_val)
            history.validation_cost.append(network._cost_of(zs, activations, val_targets))
            history.validation_accuracy.append(float(np.mean(np.argmax(activations[-1], axis=1) == labels_val)))
            line += f"  validation accuracy {100 * history.validation_accuracy[-1]:.2f}%"
        if not np.isfinite(history.train_cost[-1]):
            raise FloatingPointError(f"training diverged in epoch {epoch} (cost {history.train_cost[-1]}): "
                                     f"try a smaller learning rate than {rate}")
        if progress:
            print(f"{line}  ({history.seconds[-1]:.2f} s)", file=sys.stdout, flush=True)
        if on_epoch is not None:
            on_epoch(history)
    return history
