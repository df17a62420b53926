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

Unlike the engine this one is modelled on (Karpathy's micrograd), :meth:`Value.backward` first
resets the gradients of every node of the graph, so the result is always the gradient of *this*
output, however often it is asked for. micrograd resets nothing: a second call adds to every
gradient, intermediate nodes included, which then pass their *accumulated* gradients on; for
f = (x + y) z, df/dz goes from 3 to 6 but x.grad from -4 to -12 (not a doubling; lesson 7 shows it).

The engine is the same backpropagation as :class:`nnlib.Network`, one number at a time: far slower,
but every step can be printed. :func:`sigmoid_layer` and :func:`half_squared_error` build small
networks from values (:mod:`nnlib.step_by_step` builds the 2-2-2 example of lesson 7 with them).
"""

import math
import numbers
import sys


_LARGEST_EXP = math.log(sys.float_info.max)     # 709.78: e ** x is the largest float there


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
        if not math.isfinite(data):
            raise ValueError(f"Value holds one finite number, got {data!r}"
                             + (f" (the result of {op!r} overflowed)" if op else ""))
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
        if self.data < 0 and exponent != int(exponent):
            raise ValueError(f"{self.data:g} ** {exponent:g} has no real value (a negative number to a fractional power)")
        try:
            result = self.data ** exponent
        except (OverflowError, ZeroDivisionError) as error:
            raise ValueError(f"{self.data:g} ** {exponent:g} has no finite value ({error})") from None
        out = Value(result, (self,), f"**{exponent:g}")

        def _backward():                   # d(x^n)/dx = n x^(n-1)
            if self.data == 0 and exponent < 1:
                raise ValueError(f"the derivative of x ** {exponent:g} at x = 0 is infinite")
            self.grad += exponent * self.data ** (exponent - 1) * out.grad
        out._backward = _backward
        return out

    def exp(self):
        """``e ** self``; a ValueError if that is too large for a float (``self`` above about 709.78)."""
        if self.data > _LARGEST_EXP:
            raise ValueError(f"exp({self.data:g}) is too large for a float: e ** x overflows for x above "
                             f"{_LARGEST_EXP:.2f}")
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
    def topological_order(self):
        """Every value this one depends on, itself included, inputs first (a topological order).

        Each value comes after all the values it was computed from. It is micrograd's depth-first search::

            def visit(node):
                if node not in seen:
                    seen.add(node)
                    for child in node.children:
                        visit(child)
                    order.append(node)          # after everything it was computed from

        written with a stack instead of recursion, because Python stops recursing 1,000 calls deep and the
        sum of a 784-pixel neuron is a chain of 784 additions.
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
        order = self.topological_order()
        for node in order:
            node.grad = 0.0
        self.grad = 1.0
        # Outputs first: a value passes its gradient on only after every value computed from it has
        # passed its share back (the reversed topological order guarantees it), so its grad is complete.
        for node in reversed(order):
            node._backward()


def _as_value(x):
    """``x`` if it is a Value, else a constant Value holding the number ``x``."""
    return x if isinstance(x, Value) else Value(x)


# ---------------------------------------------------------------- small networks made of values
def _entries(entries, name):
    """``entries`` as a non-empty list of Values and finite numbers, or an error naming ``name``."""
    if isinstance(entries, (str, bytes, Value)) or not hasattr(entries, "__iter__"):
        raise TypeError(f"{name} must be a list of Values or numbers, got {type(entries).__name__}")
    entries = list(entries)
    if not entries:
        raise ValueError(f"{name} is empty; expected at least one Value or number")
    for i, entry in enumerate(entries):
        if isinstance(entry, Value):
            continue
        if isinstance(entry, bool) or not isinstance(entry, numbers.Real):
            raise TypeError(f"{name}[{i}] must be a Value or a number, got {entry!r} ({type(entry).__name__})")
        if not math.isfinite(entry):
            raise ValueError(f"{name}[{i}] must be a finite number, got {entry!r}")
    return entries


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
    if isinstance(weights, (str, bytes, Value)) or not hasattr(weights, "__iter__"):
        raise TypeError(f"weights must be a list of rows (one list of Values or numbers per neuron), "
                        f"got {type(weights).__name__}")
    weights = [_entries(row, f"weights[{j}]") for j, row in enumerate(weights)]
    inputs, biases = _entries(inputs, "inputs"), _entries(biases, "biases")
    if len(weights) != len(biases) or any(len(row) != len(inputs) for row in weights):
        raise ValueError(f"weights must have one row per bias ({len(biases)}) and one column per input "
                         f"({len(inputs)}); got {len(weights)} rows of lengths {[len(r) for r in weights]}")
    return [sum((w * a for w, a in zip(row, inputs)), _as_value(b)).sigmoid() for row, b in zip(weights, biases)]


def half_squared_error(outputs, targets):
    """``E = sum_j 1/2 (target_j - out_j)**2`` for one example (nnlib's ``cost="half_quadratic"``).

    ``outputs`` and ``targets`` are lists of the same length, of Values or numbers. Returns a Value.
    """
    outputs, targets = _entries(outputs, "outputs"), _entries(targets, "targets")
    if len(outputs) != len(targets):
        raise ValueError(f"outputs and targets must have the same length (one target per output), "
                         f"got {len(outputs)} outputs and {len(targets)} targets")
    return sum(0.5 * (t - o) ** 2 for o, t in zip(outputs, targets))
