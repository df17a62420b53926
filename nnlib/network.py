"""The multilayer perceptron: layers of neurons, weights, biases, forward pass, backpropagation and a
step of gradient descent (lessons 1-2 build it, lesson 4 gives it a cost, lessons 6-7 derive its
backpropagation).

Layers and shapes, used everywhere in the course
------------------------------------------------
* The layers of neurons are numbered from 0, the input, to L, the output: ``sizes[0]`` is 784 and
  ``sizes[3]`` is 10 for 784-16-16-10 (L = 3 layers of weights; Nielsen's ``num_layers`` counts the
  layers of neurons, 4).
* ``weights[l]`` and ``biases[l]`` compute neuron layer ``l + 1`` from neuron layer ``l``.
  ``weights[l]`` has shape ``(sizes[l + 1], sizes[l])``: **one row per neuron of the next layer**, so that
  for one example (a column vector) the layer computes ``a_next = f(W @ a + b)``, exactly as in lesson 2.
  ``biases[l]`` has shape ``(sizes[l + 1],)``.
* A mini-batch stores **one example per row**: ``x`` has shape ``(n_examples, sizes[0])``. The same
  formula for all examples at once reads ``z = a @ W.T + b`` (row ``i`` of ``z`` is ``W @ a_i + b``).
* Every list that follows the layers of weights counts the same way: ``zs[l]`` is the weighted input of
  neuron layer ``l + 1``, ``deltas[l]`` its error, ``dW[l]`` and ``db[l]`` the gradients of ``weights[l]``
  and ``biases[l]``; ``activations[l]`` is neuron layer ``l`` itself (``activations[0]`` is the input).

The checked methods (:meth:`Network.forward`, :meth:`~Network.predict`, :meth:`~Network.accuracy`,
:meth:`~Network.cost`, :meth:`~Network.gradients`) refuse bad input with a ValueError or TypeError that
says what is wrong (see ``nnlib._validate``). The algorithm itself, :meth:`Network.feedforward`,
:meth:`Network.backprop` and :meth:`Network.step`, is what the training loop calls at every step, on
arrays it has checked once.
"""

import copy
from dataclasses import dataclass

import numpy as np

from . import _validate
from ._threads import one_blas_thread
from .activations import ACTIVATIONS, SOFTMAX
from .losses import COSTS

OUTPUT_ACTIVATIONS = {**ACTIVATIONS, "softmax": SOFTMAX}
INIT_SCALES = {"standard": lambda n_in: 1.0, "scaled": lambda n_in: np.sqrt(1 / n_in),
               "he": lambda n_in: np.sqrt(2 / n_in)}
"""The spread of the initial weights of a layer with ``n_in`` inputs, by the name of the initialisation."""


def _flatten(weights, biases):
    """Weights and biases in one 1-D array: W of layer 1 (row by row), b of layer 1, W of layer 2, ..."""
    return np.concatenate([p.ravel() for w, b in zip(weights, biases) for p in (w, b)])


@dataclass
class ForwardPass:
    """Everything the forward pass computed: ``zs[l]`` is the weighted input of neuron layer ``l + 1``,
    shape ``(n_examples, sizes[l + 1])``; ``activations[0]`` is the input and ``activations[l + 1]`` is
    ``f(zs[l])``."""

    zs: list
    activations: list


@dataclass
class Gradients:
    """The gradient of the cost C (the average over a batch of n examples), shaped like the parameters.

    ``dW[l]`` is dC/dW of ``weights[l]`` and ``db[l]`` is dC/db of ``biases[l]``; ``deltas[l]`` is the
    error ``dC_x/dz`` of neuron layer ``l + 1`` for each example x, shape ``(n_examples, sizes[l + 1])``:
    ``dW[l]`` and ``db[l]`` are averages over the examples made from it.
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
    weights, biases : lists of arrays, one per layer of weights (see the module's notes on shapes)
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
        _validate.one_of(init, "init", tuple(INIT_SCALES))
        self.sizes = [int(s) for s in sizes]
        self.hidden_activation = ACTIVATIONS[hidden_activation]
        self.output_activation = OUTPUT_ACTIVATIONS[output_activation]
        self.cost_function = COSTS[cost](self.output_activation)     # refuses a cost that does not fit
        self.init, self.dtype = init, _validate.float_dtype(dtype)
        rng = _validate.generator(seed)
        self.weights, self.biases = [], []
        for n_in, n_out in zip(self.sizes[:-1], self.sizes[1:]):
            self.weights.append((INIT_SCALES[init](n_in) * rng.standard_normal((n_out, n_in))).astype(self.dtype))
            b = np.zeros(n_out) if init == "he" else rng.standard_normal(n_out)
            self.biases.append(b.astype(self.dtype))

    def __repr__(self):
        return (f"Network({self.sizes}, hidden_activation={self.hidden_activation.name!r}, "
                f"output_activation={self.output_activation.name!r}, cost={self.cost_function.name!r}, "
                f"init={self.init!r}, dtype={self.dtype.name}) with {self.n_parameters:,} parameters")

    @property
    def n_layers(self):
        """Number of layers of weights, L (3 for 784-16-16-10: the input layer has none)."""
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
        """An independent copy (its own arrays), optionally converted to another float type."""
        other = copy.copy(self)
        other.sizes = list(self.sizes)
        other.dtype = _validate.float_dtype(self.dtype if dtype is None else dtype)
        other.weights = [w.astype(other.dtype) for w in self.weights]
        other.biases = [b.astype(other.dtype) for b in self.biases]
        return other

    # ----------------------------------------------------------------- the algorithm
    def feedforward(self, x):
        """The forward pass of a batch ``x``, as a :class:`ForwardPass`. Unchecked: ``x`` must be a 2-D
        array of the network's dtype (use :meth:`forward` for your own arrays)."""
        zs, activations = [], [x]
        for layer, (w, b) in enumerate(zip(self.weights, self.biases)):
            f = self.output_activation if layer == self.n_layers - 1 else self.hidden_activation
            zs.append(activations[-1] @ w.T + b)                     # z = a W^T + b, one example per row
            activations.append(f.function(zs[-1]))
        return ForwardPass(zs, activations)

    def backprop(self, x, targets):
        """Backpropagation over a batch: the gradient of the average cost, as :class:`Gradients`.
        Unchecked: ``x`` and ``targets`` must be 2-D arrays of the network's dtype, one example per row
        (use :meth:`gradients` for your own arrays and labels). Nothing is changed: :meth:`step` does that.
        """
        forward = self.feedforward(x)
        zs, activations = forward.zs, forward.activations
        n = len(x)
        delta = self.cost_function.delta(zs[-1], activations[-1], targets)    # dC_x/dz of the output layer
        dW, db, deltas = [None] * self.n_layers, [None] * self.n_layers, [None] * self.n_layers
        for layer in reversed(range(self.n_layers)):
            deltas[layer] = delta
            share = delta / n                            # C is the average of the C_x: each example counts 1/n
            dW[layer] = share.T @ activations[layer]     # dC/dW = (1/n) sum_x delta_x a_x^T
            db[layer] = share.sum(axis=0)                # dC/db = (1/n) sum_x delta_x
            if layer > 0:                                # the error one layer down: delta W, times f'(z) there
                delta = (delta @ self.weights[layer]) * self.hidden_activation.prime_from_output(activations[layer])
        return Gradients(dW, db, deltas)

    def step(self, gradients, learning_rate):
        """One step of gradient descent: every parameter moves by ``-learning_rate * gradient``.

        ``gradients`` is what :meth:`gradients` (or :meth:`backprop`) returned for this network; the step
        checks that it fits (a few microseconds) before changing anything.
        """
        if not isinstance(gradients, Gradients):
            raise TypeError(f"gradients must be what network.gradients(x, y) returns (a Gradients), "
                            f"got {type(gradients).__name__}")
        _validate.positive_number(learning_rate, "learning_rate")
        if len(gradients.dW) != self.n_layers or len(gradients.db) != self.n_layers:
            raise ValueError(f"gradients has {len(gradients.dW)} layers of weights, this network has {self.n_layers}")
        for layer, (w, b, dw, db) in enumerate(zip(self.weights, self.biases, gradients.dW, gradients.db)):
            if not (isinstance(dw, np.ndarray) and isinstance(db, np.ndarray)):
                raise TypeError(f"gradients of layer {layer} must be numpy arrays, got {type(dw).__name__} "
                                f"and {type(db).__name__}")
            if dw.shape != w.shape or db.shape != b.shape:
                raise ValueError(f"gradients of layer {layer} have shapes {dw.shape}, {db.shape}; "
                                 f"this network's are {w.shape}, {b.shape}")
        for w, b, dw, db in zip(self.weights, self.biases, gradients.dW, gradients.db):
            w -= learning_rate * dw
            b -= learning_rate * db

    # ----------------------------------------------------------------- checked entry points
    def forward(self, x, return_all=False):
        """Feed ``x`` through the network.

        Parameters
        ----------
        x : array, shape (n_examples, sizes[0]) or (sizes[0],)
            One example per row, or a single example: finite real numbers (pixel brightness from 0 to 1
            in the course; standardised inputs work too). Raw 0-255 pixels are refused with a
            ValueError (divide them by 255); see :func:`nnlib._validate.as_inputs`. The same holds for
            every method that takes ``x``.
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
        with one_blas_thread(), np.errstate(over="ignore", invalid="ignore"):
            result = self.feedforward(x2)
        _check_finite([result.activations[-1]], "the outputs are")
        if not return_all:
            return result.activations[-1][0] if single else result.activations[-1]
        # Arrays the caller may change without changing anything else: the input may be the caller's own
        # x, and the identity activation returns z itself.
        activations = [a.copy() if l == 0 or a is result.zs[l - 1] else a for l, a in enumerate(result.activations)]
        if single:
            return ForwardPass([z[0] for z in result.zs], [a[0] for a in activations])
        return ForwardPass(result.zs, activations)

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
        with one_blas_thread(), np.errstate(over="ignore", invalid="ignore"):
            result = self.feedforward(x2)
            cost = self.cost_function.fn(result.zs[-1], result.activations[-1], targets)
        _check_finite([np.asarray(cost)], "the cost is")
        return cost

    def gradients(self, x, y):
        """dC/dW and dC/db of every layer by backpropagation over the whole batch at once.

        ``y`` as in :meth:`cost`. Returns :class:`Gradients` (``.dW``, ``.db``, ``.deltas``).
        """
        x2, targets = _validate.examples(self, x, y)
        with one_blas_thread(), np.errstate(over="ignore", invalid="ignore"):
            gradients = self.backprop(x2, targets)
        _check_finite(gradients.dW + gradients.db, "the gradient is")
        return gradients


def _check_finite(arrays, what):
    """A clear error if the network computed infinity or NaN (``what``: "the outputs are", ...)."""
    if not all(np.all(np.isfinite(a)) for a in arrays):
        raise ValueError(f"{what} infinite or NaN: the network's weights have grown too large (overflow), "
                         f"probably from steps with too large a learning rate")
