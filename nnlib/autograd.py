"""A computational-graph engine for scalars: automatic backpropagation in one page (lesson 7).

A :class:`Value` holds one number and remembers how it was made: from which values (its
``children``) and by which operation. Every operation computes its result *and*, right beside it,
its local backward step: how the result's gradient flows back to its inputs.
:meth:`Value.backward` then visits the graph from the output back to the inputs (a topological
order) and applies the chain rule one node at a time.

Two rules of the computational graph are visible in the code:

* the **add gate distributes** the gradient unchanged to both inputs, the **multiply gate swaps**
  the inputs (d(xy)/dx = y);
* a value used several times **receives the sum** of the gradients of its uses (``+=``).

Unlike the engine this one is modelled on (Karpathy's micrograd), calling :meth:`Value.backward`
twice does not silently double the gradients: each call first resets the gradients of every node of
the graph, so the result is always the gradient of *this* output, however often it is asked for.

The engine is the same backpropagation as :class:`nnlib.Network`, one number at a time: far slower,
but every step can be printed. :func:`sigmoid_layer` and :func:`half_squared_error` build small
networks from values; :func:`step_by_step_network` builds the 2-2-2 example of lesson 7.
"""

import math
import numbers
from dataclasses import dataclass


class Value:
    """A scalar in a computational graph, with the gradient of some output with respect to it.

    Parameters
    ----------
    data : float
        The number.
    children : tuple of Value
        The values this one was computed from (empty for inputs and parameters).
    op : str
        The operation that made it ("+", "*", "exp", ...; "" for inputs), shown in drawings.
    label : str
        A name to show in drawings, e.g. ``"w5"``.

    Attributes
    ----------
    grad : float
        d(output)/d(this value) after ``output.backward()``; 0 before.

    A new operation follows the pattern of the ones below: it makes its result with
    ``out = Value(result, (inputs...), "name")`` and sets ``out._backward`` to a function that adds
    each input's share of ``out.grad`` (local derivative times ``out.grad``) to that input's ``grad``.
    """

    def __init__(self, data, children=(), op="", label=""):
        if isinstance(data, bool) or not isinstance(data, numbers.Real):
            raise TypeError(f"Value holds one real number, got {data!r} ({type(data).__name__})")
        self.data = float(data)
        self.grad = 0.0
        self.children = tuple(children)
        if not all(isinstance(child, Value) for child in self.children):
            raise TypeError(f"children must be Values, got {[type(c).__name__ for c in self.children]}")
        self.op = op
        self.label = label
        self._backward = lambda: None      # how to pass self.grad on to the children

    def __repr__(self):
        name = f"{self.label}: " if self.label else ""
        return f"Value({name}data={self.data:.6g}, grad={self.grad:.6g})"

    # ------------------------------------------------------------ operations: forward and backward
    def __add__(self, other):
        other = _as_value(other)
        out = Value(self.data + other.data, (self, other), "+")

        def _backward():                   # the add gate distributes
            self.grad += out.grad
            other.grad += out.grad
        out._backward = _backward
        return out

    def __mul__(self, other):
        other = _as_value(other)
        out = Value(self.data * other.data, (self, other), "*")

        def _backward():                   # the multiply gate swaps
            self.grad += other.data * out.grad
            other.grad += self.data * out.grad
        out._backward = _backward
        return out

    def __sub__(self, other):
        other = _as_value(other)
        out = Value(self.data - other.data, (self, other), "-")

        def _backward():                   # like add, with a minus sign for what is subtracted
            self.grad += out.grad
            other.grad -= out.grad
        out._backward = _backward
        return out

    def __pow__(self, exponent):
        if isinstance(exponent, bool) or not isinstance(exponent, numbers.Real):
            raise TypeError(f"a Value can only be raised to a plain number, got {type(exponent).__name__}")
        out = Value(self.data ** exponent, (self,), f"**{exponent:g}")

        def _backward():                   # d(x^n)/dx = n x^(n-1)
            self.grad += exponent * self.data ** (exponent - 1) * out.grad
        out._backward = _backward
        return out

    def exp(self):
        """``e ** self``."""
        out = Value(math.exp(self.data), (self,), "exp")

        def _backward():                   # d(e^x)/dx = e^x
            self.grad += out.data * out.grad
        out._backward = _backward
        return out

    def sigmoid(self):
        """``1 / (1 + e ** -self)``, as one node (its derivative is ``s (1 - s)``)."""
        x = self.data
        s = 1.0 / (1.0 + math.exp(-x)) if x >= 0 else math.exp(x) / (1.0 + math.exp(x))
        out = Value(s, (self,), "sigmoid")

        def _backward():
            self.grad += s * (1.0 - s) * out.grad
        out._backward = _backward
        return out

    def tanh(self):
        """The hyperbolic tangent, as one node (its derivative is ``1 - t**2``)."""
        t = math.tanh(self.data)
        out = Value(t, (self,), "tanh")

        def _backward():
            self.grad += (1.0 - t * t) * out.grad
        out._backward = _backward
        return out

    def relu(self):
        """``max(0, self)`` (derivative 1 for positive inputs, 0 otherwise, also at 0)."""
        out = Value(max(self.data, 0.0), (self,), "ReLU")

        def _backward():
            self.grad += (self.data > 0) * out.grad
        out._backward = _backward
        return out

    # The other operators are made from the ones above.
    def __neg__(self):
        return self * -1

    def __truediv__(self, other):
        return self * _as_value(other) ** -1

    def __radd__(self, other):
        return self + other

    def __rmul__(self, other):
        return self * other

    def __rsub__(self, other):
        return _as_value(other) - self

    def __rtruediv__(self, other):
        return _as_value(other) / self

    # ------------------------------------------------------------ backpropagation
    def graph(self):
        """Every value this one depends on, itself included, inputs first (a topological order).

        Each value comes after all the values it was computed from.
        """
        order, seen, stack = [], set(), [(self, False)]
        while stack:                       # depth-first search, without recursion limits
            node, children_done = stack.pop()
            if children_done:
                order.append(node)
            elif id(node) not in seen:
                seen.add(id(node))
                stack.append((node, True))
                stack.extend((child, False) for child in reversed(node.children) if id(child) not in seen)
        return order

    def backward(self):
        """Fill in ``grad`` of every value in this one's graph with d(self)/d(value).

        The gradients of the whole graph are first reset to 0, so calling ``backward`` again gives
        the same gradients instead of adding them up a second time. (Gradients are therefore not
        accumulated across different outputs: to combine two outputs, backpropagate their sum.)
        """
        order = self.graph()
        for node in order:
            node.grad = 0.0
        self.grad = 1.0
        for node in reversed(order):       # outputs first: each node passes its gradient on
            node._backward()


def _as_value(x):
    """``x`` if it is a Value, else a constant Value holding the number ``x``."""
    return x if isinstance(x, Value) else Value(x)


# ---------------------------------------------------------------- small networks made of values
def sigmoid_layer(weights, inputs, biases):
    """One layer of sigmoid neurons: ``a_j = sigmoid(sum_k weights[j][k] inputs[k] + biases[j])``.

    Parameters
    ----------
    weights : list of lists of Value (or numbers), shape (n_out, n_in), one row per neuron
    inputs : list of Value (or numbers), length n_in
    biases : list of Value (or numbers), length n_out

    Returns
    -------
    list of Value, length n_out
    """
    if len(weights) != len(biases) or any(len(row) != len(inputs) for row in weights):
        raise ValueError(f"weights must have one row per bias ({len(biases)}) and one column per input "
                         f"({len(inputs)}); got {len(weights)} rows of lengths {[len(r) for r in weights]}")
    return [sum((w * a for w, a in zip(row, inputs)), _as_value(b)).sigmoid() for row, b in zip(weights, biases)]


def half_squared_error(outputs, targets):
    """``E = sum_j 1/2 (target_j - out_j)**2`` for one example (nnlib's ``cost="half_quadratic"``)."""
    if len(outputs) != len(targets):
        raise ValueError(f"outputs and targets must have the same length, got {len(outputs)} and {len(targets)}")
    return sum(0.5 * (t - o) ** 2 for o, t in zip(outputs, targets))


STEP_BY_STEP = {
    "inputs": (0.05, 0.10),
    "targets": (0.01, 0.99),
    "weights": (0.15, 0.20, 0.25, 0.30, 0.40, 0.45, 0.50, 0.55),
    "b1": 0.35,
    "b2": 0.60,
    "learning_rate": 0.5,
}
"""The step-by-step example of lesson 7: w1..w4 input -> hidden (w1, w2 feed h1; w3, w4 feed h2),
w5..w8 hidden -> output (w5, w6 feed o1; w7, w8 feed o2), one bias per layer, never updated."""


@dataclass
class StepByStep:
    """The 2-2-2 network of lesson 7 built from values: weights ``w[0..7]`` (w1..w8), hidden
    outputs ``h``, outputs ``o`` and the total error ``error`` (call ``error.backward()``)."""

    w: list
    h: list
    o: list
    error: Value


def step_by_step_network(weights=STEP_BY_STEP["weights"], inputs=STEP_BY_STEP["inputs"],
                         targets=STEP_BY_STEP["targets"], b1=STEP_BY_STEP["b1"], b2=STEP_BY_STEP["b2"]):
    """Build the 2-2-2 sigmoid network of the step-by-step example and its error from values.

    Parameters
    ----------
    weights : 8 numbers
        w1..w8 in the example's order.
    inputs, targets : 2 numbers each
    b1, b2 : float
        The bias shared by the hidden layer and the one shared by the output layer.

    Returns
    -------
    StepByStep
    """
    if len(weights) != 8:
        raise ValueError(f"the step-by-step network has 8 weights w1..w8, got {len(weights)}")
    w = [Value(v, label=f"w{i + 1}") for i, v in enumerate(weights)]
    x = [Value(v, label=f"i{i + 1}") for i, v in enumerate(inputs)]
    h = sigmoid_layer([w[0:2], w[2:4]], x, [Value(b1, label="b1")] * 2)
    o = sigmoid_layer([w[4:6], w[6:8]], h, [Value(b2, label="b2")] * 2)
    for name, v in zip(("out_h1", "out_h2", "out_o1", "out_o2"), h + o):
        v.label = name
    error = half_squared_error(o, targets)
    error.label = "E_total"
    return StepByStep(w, h, o, error)
