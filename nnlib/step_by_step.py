"""The step-by-step example of lesson 7: a 2-2-2 sigmoid network, carried out number by number.

A classic worked example of backpropagation (after Matt Mazur's "A Step by Step Backpropagation
Example"): inputs i1, i2; hidden sigmoid neurons h1, h2; sigmoid outputs o1, o2 with targets t1, t2;
weights w1..w4 from the inputs to the hidden layer (w1, w2 feed h1; w3, w4 feed h2) and w5..w8 from
the hidden layer to the outputs (w5, w6 feed o1; w7, w8 feed o2); one bias per layer (b1, b2),
never updated; error E = sum 1/2 (target - out)^2; learning rate eta.

* :data:`STEP_BY_STEP` holds the example's numbers;
* :func:`step_by_step_network` builds the network from :class:`~nnlib.autograd.Value` s;
* :func:`walk` carries out one training step on that network as a list of :class:`Step` s (forward
  pass, backward pass, update), each with its formula in the lesson's notation, the numbers
  substituted and the value, read from the graph engine. The backprop stepper widget shows them.
"""

from dataclasses import dataclass

from nnlib.autograd import Value, half_squared_error, sigmoid_layer

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

WEIGHT_EDGES = {"w1": ("i1", "h1"), "w2": ("i2", "h1"), "w3": ("i1", "h2"), "w4": ("i2", "h2"),
                "w5": ("h1", "o1"), "w6": ("h2", "o1"), "w7": ("h1", "o2"), "w8": ("h2", "o2")}
"""Which neuron each weight comes from and which it feeds: ``"w5": ("h1", "o1")``."""


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


@dataclass(frozen=True)
class Step:
    """One computation of the step-by-step example.

    Attributes
    ----------
    phase : str
        ``"forward"``, ``"backward"`` or ``"update"``.
    name : str
        What is computed, in plain text: ``"net_h1"``, ``"delta_o1"``, ``"dE/dw5"``, ``"w5+"``.
    symbol : str
        The same in the lesson's notation (matplotlib mathtext / LaTeX, without ``$``).
    formula : str
        Its formula in symbols (LaTeX): ``"w_1 i_1 + w_2 i_2 + b_1"``.
    numbers : str
        The formula with the numbers substituted (LaTeX): ``"0.15 \\cdot 0.05 + ..."``.
    value : float
        The result, read from the graph engine.
    node : str or None
        The neuron it concerns (``"i1"``, ``"h1"``, ``"o2"``, ``"E"`` for the error), None for a weight.
    edges : tuple of str
        The weights involved (``"w5"``, ...), to highlight on the network diagram.
    """

    phase: str
    name: str
    symbol: str
    formula: str
    numbers: str
    value: float
    node: object
    edges: tuple


def _n(x):
    """A number as the lesson prints it: up to 9 significant digits, in parentheses if negative."""
    return f"{x:.9g}" if x >= 0 else f"({x:.9g})"


def walk(example=STEP_BY_STEP):
    """One training step of the 2-2-2 example, one computation at a time.

    The values come from the graph engine: :func:`step_by_step_network` computes the forward pass,
    ``error.backward()`` the gradients (``net_o1.grad`` is delta_o1, ``out_h1.grad`` is
    dE/dout_h1, ...). The order is the lesson's: forward (net and out of each neuron, then E_total),
    backward (the delta of each output, the four gradients it gives, then each hidden neuron's sum over
    the outputs, its delta and its two gradients), then the update of all eight weights at once and
    the error after it.

    Parameters
    ----------
    example : dict
        The numbers, with the keys of :data:`STEP_BY_STEP`.

    Returns
    -------
    list of Step
    """
    i1, i2 = example["inputs"]
    t1, t2 = example["targets"]
    b1, b2, eta = example["b1"], example["b2"], example["learning_rate"]
    graph = step_by_step_network(example["weights"], example["inputs"], example["targets"], b1, b2)
    graph.error.backward()
    w = {f"w{k + 1}": v for k, v in enumerate(graph.w)}
    out = {"h1": graph.h[0], "h2": graph.h[1], "o1": graph.o[0], "o2": graph.o[1]}
    net = {name: v.children[0] for name, v in out.items()}      # out = sigmoid(net): the node before
    x = {"i1": i1, "i2": i2}
    bias = {"h": ("b_1", b1), "o": ("b_2", b2)}
    steps = []

    def add(phase, name, symbol, formula, numbers, value, node=None, edges=()):
        steps.append(Step(phase, name, symbol, formula, numbers, value, node, tuple(edges)))

    def into(neuron):
        """The two weights that feed ``neuron``, in order."""
        return [name for name, (_, to) in WEIGHT_EDGES.items() if to == neuron]

    def source(name):
        """Symbol and value of the activation a weight comes from (an input or a hidden output)."""
        frm = WEIGHT_EDGES[name][0]
        return (f"i_{frm[1]}", x[frm]) if frm in x else (f"out_{{{frm}}}", out[frm].data)

    def weight_gradients(neuron):
        """dE/dw of the two weights that feed ``neuron``: its delta times the activation each carries."""
        for name in into(neuron):
            s_symbol, s_value = source(name)
            add("backward", f"dE/d{name}", rf"\partial E / \partial w_{name[1]}",
                rf"\delta_{{{neuron}}} \cdot {s_symbol}",
                rf"{_n(net[neuron].grad)} \cdot {_n(s_value)}", w[name].grad, edges=[name])

    for neuron in ("h1", "h2", "o1", "o2"):                    # forward pass
        b_symbol, b_value = bias[neuron[0]]
        ws = into(neuron)
        terms = [(f"w_{name[1]}", w[name].data, *source(name)) for name in ws]
        add("forward", f"net_{neuron}", f"net_{{{neuron}}}",
            " + ".join(f"{ws_} {s}" for ws_, _, s, _ in terms) + f" + {b_symbol}",
            " + ".join(rf"{_n(wv)} \cdot {_n(sv)}" for _, wv, _, sv in terms) + f" + {_n(b_value)}",
            net[neuron].data, node=neuron, edges=ws)
        add("forward", f"out_{neuron}", f"out_{{{neuron}}}", rf"\sigma(net_{{{neuron}}})",
            rf"\sigma({_n(net[neuron].data)})", out[neuron].data, node=neuron)
    add("forward", "E_total", "E_{total}",
        r"\frac{1}{2}(t_1 - out_{o1})^2 + \frac{1}{2}(t_2 - out_{o2})^2",
        rf"\frac{{1}}{{2}}({_n(t1)} - {_n(out['o1'].data)})^2 + \frac{{1}}{{2}}({_n(t2)} - {_n(out['o2'].data)})^2",
        graph.error.data, node="E")

    for neuron, t in (("o1", t1), ("o2", t2)):                 # backward: output layer
        o = out[neuron].data
        add("backward", f"delta_{neuron}", rf"\delta_{{{neuron}}}",
            rf"(out_{{{neuron}}} - t_{neuron[1]}) \cdot out_{{{neuron}}}(1 - out_{{{neuron}}})",
            rf"({_n(o)} - {_n(t)}) \cdot {_n(o)}(1 - {_n(o)})", net[neuron].grad, node=neuron)
        weight_gradients(neuron)
    for hidden in ("h1", "h2"):                                # backward: hidden layer
        ws_out = [name for name, (frm, _) in WEIGHT_EDGES.items() if frm == hidden]
        add("backward", f"dE/dout_{hidden}", rf"\partial E / \partial out_{{{hidden}}}",
            " + ".join(rf"\delta_{{{WEIGHT_EDGES[n][1]}}} w_{n[1]}" for n in ws_out),
            " + ".join(rf"{_n(net[WEIGHT_EDGES[n][1]].grad)} \cdot {_n(w[n].data)}" for n in ws_out),
            out[hidden].grad, node=hidden, edges=ws_out)
        h = out[hidden].data
        add("backward", f"delta_{hidden}", rf"\delta_{{{hidden}}}",
            rf"\partial E / \partial out_{{{hidden}}} \cdot out_{{{hidden}}}(1 - out_{{{hidden}}})",
            rf"{_n(out[hidden].grad)} \cdot {_n(h)}(1 - {_n(h)})", net[hidden].grad, node=hidden)
        weight_gradients(hidden)

    new_weights = []
    for name, v in w.items():                                   # update: all at once, after the backward pass
        new_weights.append(v.data - eta * v.grad)
        add("update", f"{name}+", rf"w_{name[1]}^+", rf"w_{name[1]} - \eta \cdot \partial E / \partial w_{name[1]}",
            rf"{_n(v.data)} - {_n(eta)} \cdot {_n(v.grad)}", new_weights[-1], edges=[name])
    after = step_by_step_network(new_weights, example["inputs"], example["targets"], b1, b2)
    o1, o2 = (v.data for v in after.o)
    add("update", "E_total+", "E_{total}^+",
        r"\frac{1}{2}(t_1 - out_{o1}^+)^2 + \frac{1}{2}(t_2 - out_{o2}^+)^2",
        rf"\frac{{1}}{{2}}({_n(t1)} - {_n(o1)})^2 + \frac{{1}}{{2}}({_n(t2)} - {_n(o2)})^2",
        after.error.data, node="E", edges=list(w))
    return steps
