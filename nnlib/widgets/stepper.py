"""Step through backpropagation on the 2-2-2 example of lesson 7, one computation at a time.

:class:`BackpropStepper` shows the steps of :func:`walk`: the forward pass, the
backward pass and the update. At each step the network diagram highlights the neuron or the weights
being computed, and the formula is shown in the lesson's notation, then with the numbers
substituted, then its value. Every number comes from :mod:`nnlib.step_by_step` (the graph engine).
Controls: "previous" and "next" buttons and a step slider (click its handle, then the arrow keys).
"""

import re
from dataclasses import dataclass

import ipywidgets

from ..plots.style import POSITIVE
from ..step_by_step import EXAMPLE, WEIGHT_EDGES, build_network
from .live import LiveFigure, WidgetWithPicture

HIGHLIGHT = "#e08214"   # orange: what the current step computes
POSITIONS = {"i1": (0.0, 1.0), "i2": (0.0, 0.0), "h1": (1.0, 1.0), "h2": (1.0, 0.0),
             "o1": (2.0, 1.0), "o2": (2.0, 0.0), "E": (2.9, 0.5)}
"""Where the diagram draws each neuron (and the error E)."""
CROSSING_LABEL_AT = 0.24   # a crossing edge's label sits this far along it from its source, clear of the crossing
PHASES = {"forward": "forward pass", "backward": "backward pass", "update": "update"}

_HTML = [(r"\frac{1}{2}", "½"), (r"\cdot", "·"), (r"\sigma", "σ"), (r"\delta", "δ"), (r"\eta", "η"),
         (r"\partial", "∂"), ("^2", "²"), ("^+", "<sup>+</sup>")]


def label_position(name):
    """Where the diagram writes the value of weight ``name`` ("w1".."w8"): in the middle of a straight
    edge, a quarter of the way along a crossing one (both crossing edges of a layer from their source
    side), so that no label sits where two edges cross."""
    (x0, y0), (x1, y1) = (POSITIONS[node] for node in WEIGHT_EDGES[name])
    t = 0.5 if y0 == y1 else CROSSING_LABEL_AT
    return x0 + t * (x1 - x0), y0 + t * (y1 - y0)


def latex_to_html(latex):
    """The small LaTeX of :mod:`nnlib.step_by_step` as HTML: ``net_{h1}`` -> ``net<sub>h1</sub>``."""
    for old, new in _HTML:
        latex = latex.replace(old, new)
    latex = re.sub(r"_\{([^}]*)\}", r"<sub>\1</sub>", latex)
    return re.sub(r"_([A-Za-z0-9])", r"<sub>\1</sub>", latex).replace(" - ", " − ")


def _value(x):
    """A value as the lesson prints it (up to 9 significant digits)."""
    return f"{x:.9g}"


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


def walk(example=EXAMPLE):
    """One training step of the 2-2-2 example, one computation at a time.

    The values come from the graph engine: :func:`build_network` computes the forward pass,
    ``error.backward()`` the gradients (``net_o1.grad`` is delta_o1, ``out_h1.grad`` is
    dE/dout_h1, ...). The order is the lesson's: forward (net and out of each neuron, then E_total),
    backward (the delta of each output, the four gradients it gives, then each hidden neuron's sum over
    the outputs, its delta and its two gradients), then the update of all eight weights at once and
    the error after it.

    Parameters
    ----------
    example : dict
        The numbers, with the keys of :data:`EXAMPLE`.

    Returns
    -------
    list of Step
    """
    i1, i2 = example["inputs"]
    t1, t2 = example["targets"]
    b1, b2, eta = example["b1"], example["b2"], example["learning_rate"]
    graph = build_network(example["weights"], example["inputs"], example["targets"], b1, b2)
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
    after = build_network(new_weights, example["inputs"], example["targets"], b1, b2)
    o1, o2 = (v.data for v in after.o)
    add("update", "E_total+", "E_{total}^+",
        r"\frac{1}{2}(t_1 - out_{o1}^+)^2 + \frac{1}{2}(t_2 - out_{o2}^+)^2",
        rf"\frac{{1}}{{2}}({_n(t1)} - {_n(o1)})^2 + \frac{{1}}{{2}}({_n(t2)} - {_n(o2)})^2",
        after.error.data, node="E", edges=list(w))
    return steps


class BackpropStepper(WidgetWithPicture, ipywidgets.VBox):
    """Previous / next buttons and a step slider over the steps of the 2-2-2 example.

    Parameters
    ----------
    example : dict
        The example's numbers (keys of :data:`nnlib.step_by_step.EXAMPLE`).
    step : int
        The step shown first (1 = the first computation).

    Attributes
    ----------
    steps : list of Step
    slider : ipywidgets.IntSlider
        The current step, 1..len(steps).
    previous_button, next_button : ipywidgets.Button
    readout : ipywidgets.HTML
        The current step as text (CSS classes ``nn-step``, ``nn-formula``, ``nn-value``, ``nn-weights``).
    live : LiveFigure
        The network diagram and the formula.
    """

    def __init__(self, example=EXAMPLE, step=1):
        self.example = example
        self.steps = walk(example)
        if isinstance(step, bool) or not isinstance(step, int) or not 1 <= step <= len(self.steps):
            raise ValueError(f"step must be a whole number from 1 to {len(self.steps)}, got {step!r}")
        self.previous_button = ipywidgets.Button(description="◀ previous", layout=ipywidgets.Layout(width="120px"))
        self.next_button = ipywidgets.Button(description="next ▶", layout=ipywidgets.Layout(width="120px"))
        self.slider = ipywidgets.IntSlider(value=step, min=1, max=len(self.steps), description="step",
                                           layout=ipywidgets.Layout(width="420px"))
        self.previous_button.on_click(lambda button: self.go(-1))
        self.next_button.on_click(lambda button: self.go(+1))
        self.slider.observe(lambda change: self.update(), names="value")
        self.readout = ipywidgets.HTML()
        self.readout.add_class("nn-readout")
        self.live = LiveFigure(figsize=(9.0, 5.8), dpi=90)
        self.ax = self.live.figure.add_axes((0.0, 0.0, 1.0, 1.0))
        controls = ipywidgets.HBox([self.previous_button, self.next_button, self.slider])
        super().__init__([controls, self.live.image, self.readout])
        self.add_class("nn-backprop-stepper")
        self.update()

    @property
    def step(self):
        """The step shown now (a :class:`~Step`)."""
        return self.steps[self.slider.value - 1]

    def go(self, offset):
        """Move ``offset`` steps (kept between the first and the last step)."""
        self.slider.value = min(max(self.slider.value + offset, 1), len(self.steps))

    def _known(self):
        """name -> value of every step up to the current one."""
        return {s.name: s.value for s in self.steps[:self.slider.value]}

    def _draw(self):
        ax, step, known = self.ax, self.step, self._known()
        ax.clear()
        ax.set_xlim(-0.42, 3.2), ax.set_ylim(-1.75, 2.2), ax.axis("off")
        weights = dict(zip(WEIGHT_EDGES, self.example["weights"]))
        for name, (start, end) in WEIGHT_EDGES.items():        # edges, labelled with the weights' values
            (x0, y0), (x1, y1) = POSITIONS[start], POSITIONS[end]
            lit = name in step.edges
            ax.plot([x0, x1], [y0, y1], color=HIGHLIGHT if lit else "#b0b0b0", lw=4 if lit else 1.4, zorder=1)
            value = known.get(f"{name}+", weights[name])
            x, y = label_position(name)
            ax.text(x, y, f"w{name[1]} = {value:.4g}", fontsize=11, ha="center", va="center",
                    color=HIGHLIGHT if lit else "#333333", zorder=3, weight="bold" if lit else "normal",
                    bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none"})
        for o in ("o1", "o2"):
            (x0, y0), (x1, y1) = POSITIONS[o], POSITIONS["E"]
            ax.plot([x0, x1], [y0, y1], color="#b0b0b0", lw=1, ls=":", zorder=1)
        inputs = dict(zip(("i1", "i2"), self.example["inputs"]))
        targets = dict(zip(("o1", "o2"), self.example["targets"]))
        for node, (x, y) in POSITIONS.items():                  # neurons, with what is known of them
            lit = node == step.node
            ax.scatter([x], [y], s=1100, c="#fde0c5" if lit else "white", edgecolors=HIGHLIGHT if lit else "#333333",
                       linewidths=3 if lit else 1.2, zorder=2)
            ax.text(x, y, node, ha="center", va="center", fontsize=12, weight="bold", zorder=4)
            lines = []
            if node in inputs:
                lines.append(f"{node} = {inputs[node]:g}")
            elif node == "E":
                lines += [f"E = {known[k]:.6f}" for k in ("E_total", "E_total+") if k in known][-1:]
            else:
                lines += [f"net = {known[f'net_{node}']:.4f}"] if f"net_{node}" in known else []
                lines += [f"out = {known[f'out_{node}']:.4f}"] if f"out_{node}" in known else []
                lines += [f"δ = {known[f'delta_{node}']:.4g}"] if f"delta_{node}" in known else []
            if node in targets:
                lines.append(f"target {targets[node]:g}")
            top = y > 0.75              # the top row's readouts above it, the bottom row's below it:
            ax.text(x, y + 0.2 if top else y - 0.2, "\n".join(lines), ha="center",   # the middle keeps the edges
                    va="bottom" if top else "top", fontsize=11, zorder=4, linespacing=1.15)
        for x, label in ((0.0, "inputs"), (1.0, f"hidden (bias b1 = {self.example['b1']:g})"),
                         (2.0, f"outputs (bias b2 = {self.example['b2']:g})")):
            ax.text(x, 2.15, label, ha="center", va="top", fontsize=11, color="#555555")
        ax.text(-0.37, -0.86, f"step {self.slider.value} of {len(self.steps)}: {PHASES[step.phase]}",
                fontsize=13, color=POSITIVE, weight="bold")
        ax.text(-0.37, -1.16, f"${step.symbol} = {step.formula}$", fontsize=14)
        ax.text(-0.37, -1.42, f"$= {step.numbers}$", fontsize=14)
        ax.text(-0.37, -1.68, f"$= {_value(step.value)}$", fontsize=14, color=HIGHLIGHT)

    def update(self):
        """Show the step the slider is on (called when it moves)."""
        step = self.step
        self.previous_button.disabled = self.slider.value == 1
        self.next_button.disabled = self.slider.value == len(self.steps)
        self._draw()
        self.live.refresh()
        known = self._known()
        updated = [f"w<sub>{name[1]}</sub><sup>+</sup> = {_value(known[f'{name}+'])}" for name in WEIGHT_EDGES
                   if f"{name}+" in known]
        self.readout.value = (
            f'<span class="nn-step">step {self.slider.value} of {len(self.steps)}, {PHASES[step.phase]}</span>: '
            f'<span class="nn-formula">{latex_to_html(step.symbol)} = {latex_to_html(step.formula)}'
            f' = {latex_to_html(step.numbers)}</span> = <b class="nn-value">{_value(step.value)}</b>'
            + (f'<br><span class="nn-weights">new weights: {", ".join(updated)}</span>' if updated else ""))

    def __repr__(self):
        return f"BackpropStepper({len(self.steps)} steps of the 2-2-2 example: forward, backward, update)"
