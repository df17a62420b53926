"""The multilayer perceptron: layers of neurons, weights, biases, forward pass and backpropagation
(lessons 1-2 build it, lesson 4 gives it a cost, lessons 6-7 derive its backpropagation).

Matrix convention, used everywhere in the course
------------------------------------------------
* Layer ``l`` has a weight matrix ``weights[l]`` of shape ``(n_out, n_in)``: **one row per neuron of
  the next layer**, so that for one example (a column vector) the layer computes
  ``a_next = activation(W @ a + b)``, exactly as in lesson 2.
* A mini-batch stores **one example per row**: ``x`` has shape ``(n_examples, n_in)``. The same
  formula for all examples at once reads ``z = a @ W.T + b`` (row ``i`` of ``z`` is ``W @ a_i + b``).
* ``biases[l]`` has shape ``(n_out,)``.
"""

import os
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from . import _validate
from .activations import ACTIVATIONS
from .losses import COSTS, COSTS_AND_PRIMES, _softmax

INITIALISATIONS = ("standard", "scaled", "he")
OUTPUTS = tuple(ACTIVATIONS) + ("softmax",)


@dataclass
class ForwardPass:
    """Everything the forward pass computed, layer by layer.

    ``zs[l]`` is the weighted input of layer ``l + 1``, shape ``(n_examples, sizes[l + 1])``;
    ``activations[0]`` is the input ``x`` and ``activations[l + 1] = activation(zs[l])``.
    """

    zs: list
    activations: list


@dataclass
class Gradients:
    """The gradient of the cost, in the same shapes as the network's parameters.

    ``weights[l]`` and ``biases[l]`` are dC/dW and dC/db of layer ``l``; ``deltas[l]`` is dC/dz of
    that layer, shape ``(n_examples, sizes[l + 1])``; ``cost`` is the cost they belong to.
    """

    weights: list
    biases: list
    deltas: list
    cost: float

    def as_vector(self):
        """All gradient components in one 1-D array, in the order of :meth:`Network.parameter_vector`."""
        return np.concatenate([p.ravel() for w, b in zip(self.weights, self.biases) for p in (w, b)])


def _float_dtype(dtype):
    """``dtype`` as numpy's float32 or float64, or a TypeError naming what was given."""
    try:
        checked = np.dtype(dtype)
    except TypeError:
        checked = None
    if checked not in (np.float32, np.float64):
        raise TypeError(f"dtype must be float32 or float64, got {dtype!r}")
    return checked


class Network:
    """A fully connected feed-forward network (multilayer perceptron).

    Parameters
    ----------
    sizes : list of int
        Neurons per layer, input first: ``[784, 16, 16, 10]`` is the network of the course.
    hidden : {"sigmoid", "relu", "tanh", "identity"}
        Activation function of the hidden layers.
    output : {"sigmoid", "relu", "tanh", "identity", "softmax"}
        Activation function of the output layer; ``"softmax"`` goes with ``cost="cross_entropy"``.
    cost : {"quadratic", "half_quadratic", "cross_entropy"}
        ``"quadratic"`` is 3Blue1Brown's sum of squared differences; see :mod:`nnlib.losses`.
    init : {"standard", "scaled", "he"}
        ``"standard"``: every weight and bias drawn from N(0, 1), as in Nielsen's ``network.py``.
        ``"scaled"``: weights from N(0, 1/n_in), biases from N(0, 1).
        ``"he"``: weights from N(0, 2/n_in), biases 0 (made for ReLU).
    seed : int or numpy.random.Generator
        Where the random initial weights come from; the same seed gives the same network.
    dtype : numpy float type
        ``float32`` (fast, for training) or ``float64`` (for gradient checks).
    """

    def __init__(self, sizes, hidden="sigmoid", output="sigmoid", cost="quadratic", init="standard",
                 seed=0, dtype=np.float32):
        sizes = list(sizes) if isinstance(sizes, (list, tuple, np.ndarray)) else sizes
        if not isinstance(sizes, list) or len(sizes) < 2:
            raise ValueError(f"sizes must be a list of at least two layer sizes, e.g. [784, 16, 16, 10]; got {sizes!r}")
        for s in sizes:
            _validate.positive_number(s, "every layer size", integer=True)
        _validate.one_of(hidden, "hidden", tuple(ACTIVATIONS))
        _validate.one_of(output, "output", OUTPUTS)
        _validate.one_of(cost, "cost", tuple(COSTS))
        _validate.one_of(init, "init", INITIALISATIONS)
        if (output == "softmax") != (cost == "cross_entropy"):
            raise ValueError(
                f"output='softmax' goes with cost='cross_entropy' and only with it; got output={output!r}, cost={cost!r}"
            )
        dtype = _float_dtype(dtype)
        self.sizes = [int(s) for s in sizes]
        self.hidden, self.output, self.cost_name, self.init, self.dtype = hidden, output, cost, init, dtype
        rng = _validate.generator(seed)
        self.weights, self.biases = [], []
        for n_in, n_out in zip(self.sizes[:-1], self.sizes[1:]):
            scale = {"standard": 1.0, "scaled": np.sqrt(1.0 / n_in), "he": np.sqrt(2.0 / n_in)}[init]
            self.weights.append((scale * rng.standard_normal((n_out, n_in))).astype(dtype))
            b = np.zeros(n_out) if init == "he" else rng.standard_normal(n_out)
            self.biases.append(b.astype(dtype))

    # ----------------------------------------------------------------- description
    def __repr__(self):
        return (f"Network({self.sizes}, hidden={self.hidden!r}, output={self.output!r}, cost={self.cost_name!r}, "
                f"init={self.init!r}, dtype={self.dtype.name}) with {self.n_parameters:,} parameters")

    @property
    def n_layers(self):
        """Number of layers of weights (3 for 784-16-16-10)."""
        return len(self.weights)

    @property
    def n_parameters(self):
        """Number of weights and biases together (13,002 for 784-16-16-10)."""
        return sum(w.size + b.size for w, b in zip(self.weights, self.biases))

    def parameter_counts(self):
        """``[(n_weights, n_biases), ...]``, one pair per layer of weights."""
        return [(w.size, b.size) for w, b in zip(self.weights, self.biases)]

    def parameter_vector(self):
        """All parameters in one 1-D array: W of layer 1 (row by row), b of layer 1, W of layer 2, ..."""
        return np.concatenate([p.ravel() for w, b in zip(self.weights, self.biases) for p in (w, b)])

    def copy(self, dtype=None):
        """An independent copy, optionally converted to another float type."""
        other = object.__new__(type(self))
        other.__dict__.update(self.__dict__)
        other.dtype = _float_dtype(self.dtype if dtype is None else dtype)
        other.weights = [w.astype(other.dtype, copy=True) for w in self.weights]
        other.biases = [b.astype(other.dtype, copy=True) for b in self.biases]
        return other

    # ----------------------------------------------------------------- checking inputs
    def _inputs(self, x):
        """Validate ``x`` and return it as a 2-D array of the network's dtype, and whether it was 1-D."""
        x = _validate.as_activations(x, "x", ndim=(1, 2), dtype=self.dtype)
        single = x.ndim == 1
        x2 = x[None, :] if single else x
        if x2.shape[1] != self.sizes[0]:
            raise ValueError(
                f"x must have {self.sizes[0]} values per example (the network's input size), got shape {x.shape}"
            )
        return x2, single

    def _targets(self, y, n_examples, single):
        """Turn labels or target vectors into a 2-D target array of shape (n_examples, n_outputs)."""
        n_out = self.sizes[-1]
        y_arr = _validate.as_array(y, "y (labels)")
        if single and y_arr.ndim == 0:
            y_arr = y_arr[None]
        elif single and y_arr.ndim == 1 and y_arr.shape[0] == n_out and np.issubdtype(y_arr.dtype, np.floating):
            y_arr = y_arr[None, :]
        if y_arr.ndim == 1:
            labels = _validate.as_labels(y_arr, n_out, "y (labels)")
            targets = np.zeros((labels.size, n_out), dtype=self.dtype)
            targets[np.arange(labels.size), labels] = 1
        else:
            targets = _validate.as_float_array(y_arr, "y (targets)", ndim=2, dtype=self.dtype)
            if targets.shape[1] != n_out:
                raise ValueError(f"y must have {n_out} target values per example (the network's output size), "
                                 f"got shape {targets.shape}")
        if targets.shape[0] != n_examples:
            raise ValueError(f"x has {n_examples} examples but y has {targets.shape[0]}; they must match")
        return targets

    # ----------------------------------------------------------------- forward
    def _forward(self, x):
        """Forward pass without input checks: returns ``(zs, activations)`` lists."""
        hidden = ACTIVATIONS[self.hidden].function
        output = _softmax if self.output == "softmax" else ACTIVATIONS[self.output].function
        last = len(self.weights) - 1
        zs, activations = [], [x]
        a = x
        for layer, (w, b) in enumerate(zip(self.weights, self.biases)):
            z = a @ w.T
            z += b                                        # z = a @ W.T + b, without a temporary
            a = hidden(z) if layer < last else output(z)
            zs.append(z)
            activations.append(a)
        return zs, activations

    def forward(self, x, return_all=False):
        """Feed ``x`` through the network.

        Parameters
        ----------
        x : array, shape (n_examples, sizes[0]) or (sizes[0],)
            One example per row, or a single example, as activations between 0 and 1 (pixel
            brightness). Anything outside [0, 1], e.g. raw 0-255 pixels, is refused with a
            ValueError (divide such pixels by 255); so are :meth:`predict`, :meth:`accuracy`,
            :meth:`cost`, :meth:`gradients` and :func:`nnlib.train`.
        return_all : bool
            If True, return a :class:`ForwardPass` with every layer's weighted inputs ``zs`` and
            activations (for drawing the network at work); otherwise only the output activations.

        Returns
        -------
        array of shape (n_examples, sizes[-1]) (or (sizes[-1],) for a single example), or ForwardPass
        """
        if not isinstance(return_all, (bool, np.bool_)):
            raise TypeError(f"return_all must be True or False, got {return_all!r}")
        x2, single = self._inputs(x)
        zs, activations = self._forward(x2)
        if return_all:
            activations[0] = activations[0].copy()        # never hand the caller's own array back
            if single:
                zs, activations = [z[0] for z in zs], [a[0] for a in activations]
            return ForwardPass(zs, activations)
        return activations[-1][0] if single else activations[-1]

    def predict(self, x):
        """The network's answer for each example: the index of the brightest output neuron.

        Returns an int array of shape (n_examples,), or an int for a single example.
        """
        out = self.forward(x)
        return int(np.argmax(out)) if out.ndim == 1 else np.argmax(out, axis=1)

    def accuracy(self, x, labels):
        """Fraction (0 to 1) of the examples ``x`` whose prediction equals ``labels``."""
        x2, _ = self._inputs(x)
        labels = _validate.as_labels(np.atleast_1d(_validate.as_array(labels, "labels")), self.sizes[-1])
        if labels.size != x2.shape[0]:
            raise ValueError(f"x has {x2.shape[0]} examples but labels has {labels.size}; they must match")
        return float(np.mean(np.argmax(self._forward(x2)[1][-1], axis=1) == labels))

    # ----------------------------------------------------------------- cost and gradients
    def _cost_of(self, zs, activations, targets):
        cost, _ = COSTS[self.cost_name]
        return cost(zs[-1] if self.output == "softmax" else activations[-1], targets)

    def cost(self, x, y):
        """The cost averaged over the examples.

        ``y`` holds integer labels, shape (n_examples,), or target vectors, shape (n_examples, sizes[-1]).
        """
        x2, single = self._inputs(x)
        targets = self._targets(y, x2.shape[0], single)
        zs, activations = self._forward(x2)
        return self._cost_of(zs, activations, targets)

    def _output_delta(self, zs, activations, targets):
        """The cost of the batch and dC/dz of the output layer, from one pass over the outputs."""
        cost_and_prime = COSTS_AND_PRIMES[self.cost_name]
        if self.output == "softmax":                      # softmax + cross-entropy: dC/dz = (p - y) / n
            return cost_and_prime(zs[-1], targets)
        cost, delta = cost_and_prime(activations[-1], targets)
        delta *= ACTIVATIONS[self.output].prime_from_output(activations[-1])   # dC/dz = dC/da * activation'(z)
        return cost, delta

    def _backprop(self, x, targets, learning_rate=None):
        """Backpropagation over a whole mini-batch, without input checks; returns :class:`Gradients`.

        Given a ``learning_rate`` (training does), each layer also takes its gradient-descent step as
        soon as its gradient is known and its weights have sent the error one layer back: the update
        costs no second pass over the layers.
        """
        zs, activations = self._forward(x)
        cost, delta = self._output_delta(zs, activations, targets)
        hidden_prime = ACTIVATIONS[self.hidden].prime_from_output
        n_layers = len(self.weights)
        grad_w, grad_b, deltas = [None] * n_layers, [None] * n_layers, [None] * n_layers
        for layer in range(n_layers - 1, -1, -1):
            deltas[layer] = delta
            grad_w[layer] = delta.T @ activations[layer]
            grad_b[layer] = delta.sum(axis=0)
            if layer > 0:                                 # send the sensitivity one layer back
                delta = delta @ self.weights[layer]
                delta *= hidden_prime(activations[layer])
            if learning_rate is not None:                 # this layer's weights are no longer needed: step
                self.weights[layer] -= learning_rate * grad_w[layer]
                self.biases[layer] -= learning_rate * grad_b[layer]
        return Gradients(grad_w, grad_b, deltas, cost)

    def gradients(self, x, y):
        """dC/dW and dC/db for every layer by backpropagation over the whole batch at once.

        ``y`` as in :meth:`cost`. Returns :class:`Gradients` (``.weights``, ``.biases``, ``.deltas``,
        ``.cost``), each gradient in the shape of the parameter it belongs to.
        """
        x2, single = self._inputs(x)
        return self._backprop(x2, self._targets(y, x2.shape[0], single))

    def update(self, gradients, learning_rate):
        """One step of gradient descent: every parameter moves by ``-learning_rate * gradient``.

        ``gradients`` is what :meth:`gradients` returned (a :class:`Gradients`), for this network's shapes.
        """
        if not isinstance(gradients, Gradients):
            raise TypeError(f"gradients must be what network.gradients(x, y) returns (a Gradients), "
                            f"got {type(gradients).__name__}")
        _validate.positive_number(learning_rate, "learning_rate")
        if len(gradients.weights) != self.n_layers or len(gradients.biases) != self.n_layers:
            raise ValueError(f"gradients has {len(gradients.weights)} layers of weights, the network {self.n_layers}")
        for layer in range(self.n_layers):
            gw = _validate.as_float_array(gradients.weights[layer], f"gradients.weights[{layer}]")
            gb = _validate.as_float_array(gradients.biases[layer], f"gradients.biases[{layer}]")
            if gw.shape != self.weights[layer].shape or gb.shape != self.biases[layer].shape:
                raise ValueError(f"gradients of layer {layer} have shapes {gw.shape}, {gb.shape}; "
                                 f"expected {self.weights[layer].shape}, {self.biases[layer].shape}")
        for w, b, gw, gb in zip(self.weights, self.biases, gradients.weights, gradients.biases):
            w -= learning_rate * gw
            b -= learning_rate * gb

    # ----------------------------------------------------------------- saving
    def save(self, path):
        """Save the network to a ``.npz`` file (plain arrays, no pickle) and return the path written.

        As numpy does, ``.npz`` is appended to a name that does not end with it: ``save("model")``
        writes and returns ``model.npz``; ``save("model.npz")`` writes ``model.npz``.
        """
        if not isinstance(path, (str, os.PathLike)):
            raise TypeError(f"path must be a file name (str or pathlib.Path), got {type(path).__name__}")
        path = Path(path)
        if path.suffix != ".npz":
            path = path.with_name(path.name + ".npz")
        arrays = {"sizes": np.array(self.sizes),
                  "config": np.array([self.hidden, self.output, self.cost_name, self.init, self.dtype.name])}
        for layer, (w, b) in enumerate(zip(self.weights, self.biases)):
            arrays[f"weights_{layer}"], arrays[f"biases_{layer}"] = w, b
        np.savez(path, **arrays)
        return path

    @classmethod
    def load(cls, path):
        """Load a network saved by :meth:`save`, checking the whole file first.

        Pickled objects are never loaded (``allow_pickle=False``). A file that is not a saved network
        (not a ``.npz`` archive, a missing or extra array, a wrong shape or type, NaN or infinity)
        raises one ValueError saying what is wrong; a missing file raises FileNotFoundError.
        """
        if not isinstance(path, (str, os.PathLike)):
            raise TypeError(f"path must be a file name (str or pathlib.Path), got {type(path).__name__}")
        try:
            data = np.load(path, allow_pickle=False)
        except FileNotFoundError:
            raise
        except (OSError, ValueError, EOFError, zipfile.BadZipFile) as error:
            raise ValueError(f"{path} is not a network saved by Network.save (a .npz archive): {error}") from None
        if not isinstance(data, np.lib.npyio.NpzFile):
            raise ValueError(f"{path} holds a single array, not a network saved by Network.save (a .npz archive)")
        with data:
            try:
                return cls._from_arrays(data)
            except (KeyError, TypeError, ValueError, OSError, zipfile.BadZipFile) as error:
                message = error.args[0] if error.args else repr(error)
                raise ValueError(f"{path} is not a valid saved network: {message}") from None

    @classmethod
    def _from_arrays(cls, data):
        """Build a network from the arrays of a file written by :meth:`save`, checking every one."""
        for key in ("sizes", "config"):
            if key not in data.files:
                raise ValueError(f"the array {key!r} is missing")
        sizes, config = data["sizes"], data["config"]
        if sizes.ndim != 1 or not np.issubdtype(sizes.dtype, np.integer):
            raise ValueError(f"'sizes' must be a 1-D array of whole numbers, got {sizes.dtype} of shape {sizes.shape}")
        if config.shape != (5,) or config.dtype.kind != "U":
            raise ValueError(f"'config' must hold 5 names (hidden, output, cost, init, dtype), got {config!r}")
        hidden, output, cost, init, dtype = (str(s) for s in config)
        net = cls([int(s) for s in sizes], hidden, output, cost, init, seed=0, dtype=dtype)
        expected = {"sizes", "config"} | {f"{name}_{layer}" for layer in range(net.n_layers)
                                          for name in ("weights", "biases")}
        if set(data.files) != expected:
            missing, extra = sorted(expected - set(data.files)), sorted(set(data.files) - expected)
            raise ValueError(f"for sizes {net.sizes} the file should hold {sorted(expected)}; "
                             f"missing {missing}, extra {extra}")
        for layer in range(net.n_layers):
            for name, params in (("weights", net.weights), ("biases", net.biases)):
                stored = data[f"{name}_{layer}"]
                if stored.shape != params[layer].shape:
                    raise ValueError(f"{name}_{layer} has shape {stored.shape}, expected {params[layer].shape}")
                if stored.dtype != net.dtype:
                    raise ValueError(f"{name}_{layer} has dtype {stored.dtype}, expected {net.dtype} (as in 'config')")
                if not np.all(np.isfinite(stored)):
                    raise ValueError(f"{name}_{layer} contains NaN or infinity")
                params[layer] = stored.copy()
        return net
