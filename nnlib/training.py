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
from .network import Network


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


class TrainingDiverged(ValueError):
    """Training ran off to infinity (the cost became NaN or infinite): the learning rate is too large.

    The network is left as it was at the start of the epoch that diverged. ``epoch``,
    ``learning_rate`` and ``history`` (the epochs completed before) say where it happened.
    """

    def __init__(self, epoch, learning_rate, history):
        super().__init__(f"training diverged in epoch {epoch} with learning rate {learning_rate:g}: the cost became "
                         f"infinite or NaN. The network was put back as it was at the start of epoch {epoch}; "
                         f"try a smaller learning rate, e.g. {learning_rate / 10:g}")
        self.epoch, self.learning_rate, self.history = epoch, learning_rate, history


def train(network, x, y, *, epochs, batch_size, learning_rate, validation_data=None, seed=0,
          progress=True, on_epoch=None):
    """Train ``network`` in place by mini-batch stochastic gradient descent.

    Parameters
    ----------
    network : nnlib.network.Network
    x : array, shape (n_examples, network.sizes[0])
        Training inputs, one example per row, activations between 0 and 1 (0-255 pixels are refused:
        divide them by 255).
    y : array, shape (n_examples,)
        Integer labels 0..n_outputs-1 (or target vectors, shape (n_examples, n_outputs)).
    epochs : int
        Passes over the whole training set.
    batch_size : int
        Examples per gradient step, at most n_examples (the last batch of an epoch may be smaller).
    learning_rate : float or callable
        Step size, or a schedule ``learning_rate(epoch) -> float`` with epochs counted from 1 (it is
        called for every epoch before training starts, so a bad value is refused up front).
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

    Raises
    ------
    TrainingDiverged
        If the cost becomes infinite or NaN (learning rate too large); the network is then left as
        it was at the start of that epoch, never full of NaN.
    """
    if not isinstance(network, Network):
        raise TypeError(f"network must be an nnlib Network, got {type(network).__name__}")
    x2, _ = network._inputs(x)
    targets = network._targets(y, x2.shape[0], single=False)
    _validate.positive_number(epochs, "epochs", integer=True)
    _validate.positive_number(batch_size, "batch_size", integer=True)
    if batch_size > x2.shape[0]:
        raise ValueError(f"batch_size must be at most the number of examples ({x2.shape[0]}), got {batch_size}")
    if callable(learning_rate):
        rates = [float(_validate.positive_number(learning_rate(epoch), f"learning rate (epoch {epoch})"))
                 for epoch in range(1, epochs + 1)]
    else:
        rates = [float(_validate.positive_number(learning_rate, "learning_rate"))] * epochs
    validation = None
    if validation_data is not None:
        if not isinstance(validation_data, (tuple, list)) or len(validation_data) != 2:
            raise TypeError(f"validation_data must be a pair (x_val, labels_val), got {type(validation_data).__name__}")
        x_val, _ = network._inputs(validation_data[0])
        labels_val = _validate.as_labels(np.asarray(validation_data[1]), network.sizes[-1], "validation labels")
        if labels_val.size != x_val.shape[0]:
            raise ValueError(f"validation x has {x_val.shape[0]} examples but its labels {labels_val.size}")
        validation = (x_val, labels_val, network._targets(labels_val, x_val.shape[0], single=False))
    if not isinstance(progress, (bool, np.bool_)):
        raise TypeError(f"progress must be True or False, got {progress!r}")
    if on_epoch is not None and not callable(on_epoch):
        raise TypeError(f"on_epoch must be a function, got {type(on_epoch).__name__}")
    rng = _validate.generator(seed)

    with threadpool_limits(limits=1, user_api="blas"):
        return _sgd(network, x2, targets, rates, batch_size, validation, rng, progress, on_epoch)


def _sgd(network, x, targets, rates, batch_size, validation, rng, progress, on_epoch):
    """The training loop of :func:`train`, on checked inputs; ``rates[e]`` is the rate of epoch e + 1."""
    n = x.shape[0]
    history = History()
    for epoch, rate in enumerate(rates, start=1):
        saved = network.copy()                            # to go back to if this epoch diverges
        start = time.perf_counter()
        order = rng.permutation(n)
        cost_sum = 0.0
        with np.errstate(over="ignore", invalid="ignore"):    # a diverging run is detected below, once
            for begin in range(0, n, batch_size):
                batch = order[begin:begin + batch_size]
                cost_sum += network._backprop(x[batch], targets[batch], rate).cost * batch.size
            seconds = time.perf_counter() - start
            if validation is not None:
                x_val, labels_val, val_targets = validation
                zs, activations = network._forward(x_val)
                val_cost = network._cost_of(zs, activations, val_targets)
                val_accuracy = float(np.mean(np.argmax(activations[-1], axis=1) == labels_val))
        costs = [cost_sum] if validation is None else [cost_sum, val_cost]
        if not (np.all(np.isfinite(costs)) and np.all(np.isfinite(network.parameter_vector()))):
            for params, finite in zip(network.weights + network.biases, saved.weights + saved.biases):
                params[...] = finite                      # in place: arrays the caller holds are restored too
            raise TrainingDiverged(epoch, rate, history)
        history.seconds.append(seconds)
        history.epoch.append(epoch)
        history.learning_rate.append(rate)
        history.train_cost.append(cost_sum / n)
        line = f"epoch {epoch:>3}/{len(rates)}  train cost {history.train_cost[-1]:.4f}"
        if validation is not None:
            history.validation_cost.append(val_cost)
            history.validation_accuracy.append(val_accuracy)
            line += f"  validation accuracy {100 * val_accuracy:.2f}%"
        if progress:
            print(f"{line}  ({history.seconds[-1]:.2f} s)", file=sys.stdout, flush=True)
        if on_epoch is not None:
            on_epoch(history)
    return history
