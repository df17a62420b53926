"""The step-by-step example of lesson 7: a 2-2-2 sigmoid network, carried out number by number.

A classic worked example of backpropagation (after Matt Mazur's "A Step by Step Backpropagation
Example"): inputs i1, i2; hidden sigmoid neurons h1, h2; sigmoid outputs o1, o2 with targets t1, t2;
weights w1..w4 from the inputs to the hidden layer (w1, w2 feed h1; w3, w4 feed h2) and w5..w8 from
the hidden layer to the outputs (w5, w6 feed o1; w7, w8 feed o2); one bias per layer (b1, b2),
never updated; error E = sum 1/2 (target - out)^2; learning rate eta.

* :data:`EXAMPLE` holds the example's numbers and :data:`WEIGHT_EDGES` which neurons each weight joins;
* :func:`build_network` builds the network and its error from :class:`~nnlib.autograd.Value` s, so that
  ``error.backward()`` gives every gradient.

:func:`nnlib.widgets.stepper.walk` carries out one training step on that network, one computation at a
time, for the backprop stepper.
"""

from dataclasses import dataclass

from nnlib.autograd import Value, half_squared_error, sigmoid_layer

EXAMPLE = {
    "inputs": (0.05, 0.10),
    "targets": (0.01, 0.99),
    "weights": (0.15, 0.20, 0.25, 0.30, 0.40, 0.45, 0.50, 0.55),
    "b1": 0.35,
    "b2": 0.60,
    "learning_rate": 0.5,
}
"""The step-by-step example of lesson 7: w1..w4 input -> hidden (w1, w2 feed h1; w3, w4 feed h2),
w5..w8 hidden -> output (w5, w6 feed o1; w7, w8 feed o2), one bias per layer, never updated."""

WEIGHT_EDGES = {"w1": ("i1", "h1"), "w2": ("i2", "h1"), "w3": ("i1", "h2"), "w4": ("i2", "h2"),
                "w5": ("h1", "o1"), "w6": ("h2", "o1"), "w7": ("h1", "o2"), "w8": ("h2", "o2")}
"""Which neuron each weight comes from and which it feeds: ``"w5": ("h1", "o1")``."""


@dataclass
class ExampleNetwork:
    """The 2-2-2 network of lesson 7 built from values: weights ``w[0..7]`` (w1..w8), hidden
    outputs ``h``, outputs ``o`` and the total error ``error`` (call ``error.backward()``)."""

    w: list
    h: list
    o: list
    error: Value


def build_network(weights=EXAMPLE["weights"], inputs=EXAMPLE["inputs"],
                  targets=EXAMPLE["targets"], b1=EXAMPLE["b1"], b2=EXAMPLE["b2"]):
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
    ExampleNetwork
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
    return ExampleNetwork(w, h, o, error)
