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

The public methods check what they are given (shapes, NaN, raw 0-255 pixels, ...; see ``nnlib._validate``)
and raise a ValueError or TypeError that says what is wrong. :meth:`Network.backprop` and
:meth:`Network.feedforward` are the algorithm itself, on arrays already checked: the training loop
calls them at every step.
"""

from dataclasses import dataclass

import numpy as np

from . import _validate
from ._threads import one_blas_thread
from .activations import ACTIVATIONS
from .losses import COSTS, SOFTMAX

OUTPUT_ACTIVATIONS = {**ACTIVATIONS, "softmax": SOFTMAX}
INITIALISATIONS = ("standard", "scaled", "he")


def _flatten(weights, biases):
    """Weights and biases in one 1-D array: W of layer 1 (row by row), b of layer 1, W of layer 2, ..."""
    return np.concatenate([p.ravel() for w, b in zip(weights, biases) for p in (w, b)])


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
    """The gradient of the cost C (the average over a batch of n examples), shaped like the parameters.

    ``dW[l]`` is dC/dW of layer ``l`` (the shape of ``weights[l]``), ``db[l]`` is dC/db (the shape of
    ``biases[l]``), and ``deltas[l]`` is the error ``dC_x/dz`` of that layer for each example x, shape
    ``(n_examples, sizes[l + 1])``: ``dW[l]`` and ``db[l]`` are averages over the examples made from it.
    """

    dW: list
    db: list
    deltas: list

    def as_vector(self):
        """All components in one 1-D array, in the order of :meth:`Network.parameter_vector`."""
        return _flatten(self.dW, self.db)


class Network:
    """A fully connected feed-forward network (multilayer perceptron).

    Parameters
    ----------
    sizes : list of int
        Neurons per layer, input first: ``[784, 16, 16, 10]`` is the network of the course.
    hidden_activation : {"sigmoid", "relu", "tanh", "identity"}
        The activation function of the hidden layers (see :mod:`nnlib.activations`).
    output_activation : {"sigmoid", "relu", "tanh", "identity", "softmax"}
        The activation function of the output layer; ``"softmax"`` goes with ``cost="cross_entropy"``.
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

    Attributes
    ----------
    weights, biases : lists of arrays, one per layer of weights (see the module's matrix convention)
    hidden_activation, output_activation : :class:`~nnlib.activations.Activation`
    cost_function : the cost's class from :mod:`nnlib.losses`, made for the output activation
    """

    def __init__(self, sizes, hidden_activation="sigmoid", output_activation="sigmoid", cost="quadratic",
                 init="standard", seed=0, dtype=np.float32):
        sizes = list(sizes) if isinstance(sizes, (list, tuple, np.ndarray)) else sizes
        if not isinstance(sizes, list) or len(sizes) < 2:
            raise ValueError(f"sizes must be a list of at least two layer sizes, e.g. [784, 16, 16, 10]; got {sizes!r}")
        for size in sizes:
            _validate.positive_number(size, "every layer size", integer=True)
        _validate.one_of(hidden_activation, "hidden_activation", tuple(ACTIVATIONS))
        _validate.one_of(output_activation, "output_activation", tuple(OUTPUT_ACTIVATIONS))
        _validate.one_of(cost, "cost", tuple(COSTS))
        _validate.one_of(init, "init", INITIALISATIONS)
        self.sizes = [int(s) for s in sizes]
        self.hidden_activation = ACTIVATIONS[hidden_activation]
        self.output_activation = OUTPUT_ACTIVATIONS[output_activation]
        self.cost_function = COSTS[cost](self.output_activation)     # refuses a cost that does not fit
        self.init, self.dtype = init, _validate.float_dtype(dtype)
        rng = _validate.generator(seed)
        self.weights, self.biases = [], []
        for n_in, n_out in zip(self.sizes[:-1], self.sizes[1:]):
            scale = {"standard": 1.0, "scaled": np.sqrt(1 / n_in), "he": np.sqrt(2 / n_in)}[init]
            self.weights.append((scale * rng.standard_normal((n_out, n_in))).astype(self.dtype))
            b = np.zeros(n_out) if init == "he" else rng.standard_normal(n_out)
            self.biases.append(b.astype(self.dtype))

    def __repr__(self):
        return (f"Network({self.sizes}, hidden_activation={self.hidden_activation.name!r}, "
                f"output_activation={self.output_activation.name!r}, cost={self.cost_function.name!r}, "
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
        return _flatten(self.weights, self.biases)

    def copy(self, dtype=None):
        """An independent copy, optionally converted to another float type."""
        other = object.__new__(type(self))
        other.__dict__.update(self.__dict__)
        other.dtype = _validate.float_dtype(self.dtype if dtype is None else dtype)
        other.weights = [w.astype(other.dtype) for w in self.weights]
        other.biases = [b.astype(other.dtype) for b in self.biases]
        return other

    # ----------------------------------------------------------------- the algorithm, on checked arrays
    def feedforward(self, x):
        """The forward pass for a batch ``x`` (2-D, the network's dtype): returns ``(zs, activations)``.

        ``zs[l] = activations[l] @ weights[l].T + biases[l]`` and ``activations[l + 1] = f(zs[l])``, with
        the hidden activation f for every layer but the last.
        """
        zs, activations = [], [x]
        last = len(self.weights) - 1
        for layer, (w, b) in enumerate(zip(self.weights, self.biases)):
            z = activations[-1] @ w.T
            z += b                                                    # z = a @ W.T + b, without a temporary
            f = self.output_activation if layer == last else self.hidden_activation
            zs.append(z)
            activations.append(f.function(z))
        return zs, activations

    def backprop(self, x, targets):
        """Backpropagation over a batch: the gradient of the average cost, as :class:`Gradients`.

        ``x`` and ``targets`` are 2-D arrays of the network's dtype, one example per row (what
        :meth:`gradients` checks and builds from labels). Nothing is changed: :meth:`step` does that.
        """
        zs, activations = self.feedforward(x)
        n, n_layers = len(x), len(self.weights)
        delta = self.cost_function.delta(zs[-1], activations[-1], targets)    # dC_x/dz of the output layer
        dW, db, deltas = [None] * n_layers, [None] * n_layers, [None] * n_layers
        for layer in reversed(range(n_layers)):
            deltas[layer] = delta
            share = delta / n                            # C is the average of the C_x: each example counts 1/n
            dW[layer] = share.T @ activations[layer]     # dC/dW = (1/n) sum_x delta_x a_x^T
            db[layer] = share.sum(axis=0)                # dC/db = (1/n) sum_x delta_x
            if layer > 0:                                # the error of the layer below: back through W, then
                below = activations[layer]               # times f'(z) of that layer, from its output
                delta = (delta @ self.weights[layer]) * self.hidden_activation.slope(below)
        return Gradients(dW, db, deltas)

    def step(self, gradients, learning_rate):
        """One step of gradient descent: every parameter moves by ``-learning_rate * gradient``.

        ``gradients`` is what :meth:`gradients` (or :meth:`backprop`) returned for this network.
        """
        if not isinstance(gradients, Gradients):
            raise TypeError(f"gradients must be what network.gradients(x, y) returns (a Gradients), "
                            f"got {type(gradients).__name__}")
        _validate.positive_number(learning_rate, "learning_rate")
        if len(gradients.dW) != len(self.weights) or len(gradients.db) != len(self.biases):
            raise ValueError(f"gradients has {len(gradients.dW)} layers of weights, this network has {len(self.weights)}")
        for layer, (w, b, dw, db) in enumerate(zip(self.weights, self.biases, gradients.dW, gradients.db)):
            if not (isinstance(dw, np.ndarray) and isinstance(db, np.ndarray)):
                raise TypeError(f"gradients of layer {layer} must be numpy arrays, got {type(dw).__name__} "
                                f"and {type(db).__name__}")
            if dw.shape != w.shape or db.shape != b.shape:
                raise ValueError(f"gradients of layer {layer} have shapes {dw.shape}, {db.shape}; "
                                 f"this network's are {w.shape}, {b.shape}")
            w -= learning_rate * dw
            b -= learning_rate * db

    # ----------------------------------------------------------------- checked entry points
    def forward(self, x, return_all=False):
        """Feed ``x`` through the network.

        Parameters
        ----------
        x : array, shape (n_examples, sizes[0]) or (sizes[0],)
            One example per row, or a single example: any finite real numbers (pixel brightness from 0
            to 1 in the course). Raw 0-255 pixels (a uint8 array, or whole numbers above 1) are refused
            with a ValueError: divide them by 255. The same holds for every method that takes ``x``.
        return_all : bool
            If True, return a :class:`ForwardPass` with every layer's weighted inputs ``zs`` and
            activations (for drawing the network at work); otherwise only the output activations.

        Returns
        -------
        array of shape (n_examples, sizes[-1]) (or (sizes[-1],) for a single example), or ForwardPass
        """
        if not isinstance(return_all, (bool, np.bool_)):
            raise TypeError(f"return_all must be True or False, got {return_all!r}")
        x2, single = _validate.network_inputs(x, self.sizes[0], self.dtype)
        with one_blas_thread(), np.errstate(over="ignore"):
            zs, activations = self.feedforward(x2)
        if not return_all:
            return activations[-1][0] if single else activations[-1]
        activations = [activations[0].copy()] + [a if a is not z else a.copy() for a, z in zip(activations[1:], zs)]
        if single:
            zs, activations = [z[0] for z in zs], [a[0] for a in activations]
        return ForwardPass(zs, activations)

    def predict(self, x):
        """The network's answer for each example: the index of the brightest output neuron.

        Returns an int array of shape (n_examples,), or an int for a single example.
        """
        out = self.forward(x)
        return int(np.argmax(out)) if out.ndim == 1 else np.argmax(out, axis=1)

    def accuracy(self, x, labels):
        """Fraction (0 to 1) of the examples ``x`` whose prediction equals ``labels`` (integers)."""
        predictions = np.atleast_1d(self.predict(x))
        labels = _validate.as_labels(np.atleast_1d(_validate.as_array(labels, "labels")), self.sizes[-1])
        if labels.size != predictions.size:
            raise ValueError(f"x has {predictions.size} examples but labels has {labels.size}; they must match")
        return float(np.mean(predictions == labels))

    def cost(self, x, y):
        """The cost averaged over the examples.

        ``y`` is integer class labels, shape (n_examples,), or float target vectors, shape
        (n_examples, sizes[-1]) (for a single example ``x``: one label, or one target vector).
        """
        x2, targets = _validate.examples(self, x, y)
        with one_blas_thread(), np.errstate(over="ignore"):
            zs, activations = self.feedforward(x2)
        return self.cost_function.fn(zs[-1], activations[-1], targets)

    def gradients(self, x, y):
        """dC/dW and dC/db of every layer by backpropagation over the whole batch at once.

        ``y`` as in :meth:`cost`. Returns :class:`Gradients` (``.dW``, ``.db``, ``.deltas``). If the
        weights have grown so large that the gradient overflows, a ValueError says so (the learning rate
        of the steps that made them was too large).
        """
        x2, targets = _validate.examples(self, x, y)
        with one_blas_thread(), np.errstate(over="ignore", invalid="ignore"):
            gradients = self.backprop(x2, targets)
        if not all(np.all(np.isfinite(g)) for g in gradients.dW + gradients.db):
            raise ValueError("the gradient is infinite or NaN: the weights have grown too large (overflow), "
                             "probably from steps with too large a learning rate")
        return gradients
