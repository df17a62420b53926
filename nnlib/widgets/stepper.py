"""Step through backpropagation on the 2-2-2 example of lesson 7, one computation at a time.

:class:`BackpropStepper` shows the steps of :func:`nnlib.step_by_step.walk`: the forward pass, the
backward pass and the update. At each step the network diagram highlights the neuron or the weights
being computed, and the formula is shown in the lesson's notation, then with the numbers
substituted, then its value. Every number comes from :mod:`nnlib.step_by_step` (the graph engine).
Controls: "previous" and "next" buttons and a step slider (click its handle, then the arrow keys).
"""

import re

import ipywidgets

from ..plots.style import POSITIVE
from ..step_by_step import STEP_BY_STEP, WEIGHT_EDGES, walk
from .live import LiveFigure, WidgetWithPicture

HIGHLIGHT = "#e08214"   # orange: what the current step computes
POSITIONS = {"i1": (0.0, 1.0), "i2": (0.0, 0.0), "h1": (1.0, 1.0), "h2": (1.0, 0.0),
             "o1": (2.0, 1.0), "o2": (2.0, 0.0), "E": (2.9, 0.5)}
PHASES = {"forward": "forward pass", "backward": "backward pass", "update": "update"}

_HTML = [(r"\frac{1}{2}", "½"), (r"\cdot", "·"), (r"\sigma", "σ"), (r"\delta", "δ"), (r"\eta", "η"),
         (r"\partial", "∂"), ("^2", "²"), ("^+", "<sup>+</sup>")]


def latex_to_html(latex):
    """The small LaTeX of :mod:`nnlib.step_by_step` as HTML: ``net_{h1}`` -> ``net<sub>h1</sub>``."""
    for old, new in _HTML:
        latex = latex.replace(old, new)
    latex = re.sub(r"_\{([^}]*)\}", r"<sub>\1</sub>", latex)
    return re.sub(r"_([A-Za-z0-9])", r"<sub>\1</sub>", latex).replace(" - ", " − ")


def _value(x):
    """A value as the lesson prints it (up to 9 significant digits)."""
    return f"{x:.9g}"


class BackpropStepper(WidgetWithPicture, ipywidgets.VBox):
    """Previous / next buttons and a step slider over the steps of the 2-2-2 example.

    Parameters
    ----------
    example : dict
        The example's numbers (keys of :data:`nnlib.step_by_step.STEP_BY_STEP`).
    step : int
        The step shown first (1 = the first computation).

    Attributes
    ----------
    steps : list of nnlib.step_by_step.Step
    slider : ipywidgets.IntSlider
        The current step, 1..len(steps).
    previous_button, next_button : ipywidgets.Button
    readout : ipywidgets.HTML
        The current step as text (CSS classes ``nn-step``, ``nn-formula``, ``nn-value``, ``nn-weights``).
    live : LiveFigure
        The network diagram and the formula.
    """

    def __init__(self, example=STEP_BY_STEP, step=1):
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
        self.live = LiveFigure(figsize=(8.4, 4.6), dpi=80)
        self.ax = self.live.figure.add_axes((0.0, 0.0, 1.0, 1.0))
        controls = ipywidgets.HBox([self.previous_button, self.next_button, self.slider])
        super().__init__([controls, self.live.image, self.readout])
        self.add_class("nn-backprop-stepper")
        self.update()

    @property
    def step(self):
        """The step shown now (a :class:`~nnlib.step_by_step.Step`)."""
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
        ax.set_xlim(-0.55, 3.3), ax.set_ylim(-1.55, 1.5), ax.axis("off")
        weights = dict(zip(WEIGHT_EDGES, self.example["weights"]))
        for name, (start, end) in WEIGHT_EDGES.items():        # edges, labelled with the weights' values
            (x0, y0), (x1, y1) = POSITIONS[start], POSITIONS[end]
            lit = name in step.edges
            ax.plot([x0, x1], [y0, y1], color=HIGHLIGHT if lit else "#b0b0b0", lw=4 if lit else 1.3, zorder=1)
            value = known.get(f"{name}+", weights[name])
            t = 0.5 if y0 == y1 else 0.22 if y0 < y1 else 0.7   # crossing edges: labels clear of the crossing
            ax.text(x0 + t * (x1 - x0), y0 + t * (y1 - y0), f"w{name[1]} = {value:.4g}", fontsize=9,
                    ha="center", va="center", color=HIGHLIGHT if lit else "#333333", zorder=3,
                    weight="bold" if lit else "normal",
                    bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none"})
        for o in ("o1", "o2"):
            (x0, y0), (x1, y1) = POSITIONS[o], POSITIONS["E"]
            ax.plot([x0, x1], [y0, y1], color="#b0b0b0", lw=1, ls=":", zorder=1)
        inputs = dict(zip(("i1", "i2"), self.example["inputs"]))
        targets = dict(zip(("o1", "o2"), self.example["targets"]))
        for node, (x, y) in POSITIONS.items():                  # neurons, with what is known of them
            lit = node == step.node
            ax.scatter([x], [y], s=900, c="#fde0c5" if lit else "white", edgecolors=HIGHLIGHT if lit else "#333333",
                       linewidths=3 if lit else 1.2, zorder=2)
            ax.text(x, y, node, ha="center", va="center", fontsize=10, weight="bold", zorder=4)
            below = []
            if node in inputs:
                below.append(f"{node} = {inputs[node]:g}")
            elif node == "E":
                below += [f"E = {known[k]:.6f}" for k in ("E_total", "E_total+") if k in known][-1:]
            else:
                below += [f"net = {known[f'net_{node}']:.4f}"] if f"net_{node}" in known else []
                below += [f"out = {known[f'out_{node}']:.4f}"] if f"out_{node}" in known else []
                below += [f"δ = {known[f'delta_{node}']:.4g}"] if f"delta_{node}" in known else []
            if node in targets:
                below.append(f"target {targets[node]:g}")
            ax.text(x, y - 0.2, "\n".join(below), ha="center", va="top", fontsize=9, zorder=4, linespacing=1.2,
                    bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.9})
        for x, label in ((0.0, "inputs"), (1.0, f"hidden (bias b1 = {self.example['b1']:g})"),
                         (2.0, f"outputs (bias b2 = {self.example['b2']:g})")):
            ax.text(x, 1.3, label, ha="center", fontsize=9, color="#555555")
        ax.text(-0.4, -0.72, f"step {self.slider.value} of {len(self.steps)}: {PHASES[step.phase]}",
                fontsize=11, color=POSITIVE, weight="bold")
        ax.text(-0.4, -0.98, f"${step.symbol} = {step.formula}$", fontsize=12)
        ax.text(-0.4, -1.22, f"$= {step.numbers}$", fontsize=12)
        ax.text(-0.4, -1.46, f"$= {_value(step.value)}$", fontsize=12, color=HIGHLIGHT)

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
