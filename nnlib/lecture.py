"""The step-by-step lecture's printed numbers, and where each of them comes from (lesson 7).

Matt Mazur's post "A Step by Step Backpropagation Example" (17 March 2015; *the lecture* in lesson 7)
carries out one training step of a 2-2-2 sigmoid network by hand and prints 30 numbers on the way,
then the error and the two outputs after 10,000 updates. :data:`PRINTED` holds them as printed.
:func:`compare` recomputes each one with exact float64 arithmetic and tells which procedure
reproduces it when the correct one does not:

* ``"correct"``: the forward pass, every delta from the weights the pass used, then all updates;
* ``"script of 14 March 2015"``: the author's script (github.com/mattm/simple-neural-network,
  commits 31576f6 and 8e7a7de) updated w5..w8 first and computed the hidden deltas from the updated
  ones; commit 4b6faac of 15 March fixed the order (:func:`train` replays both orders);
* ``"delta_o2 rounded to 9 decimals first"``: working by hand with a rounded intermediate;
* ``"error after 9,999 updates"``: the correct procedure, measured one update early.

Everything is computed in plain Python floats in the order the script computes, so the numbers are
the same on every machine.
"""

import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from .step_by_step import EXAMPLE

PRINTED = {
    "net_h1": "0.3775", "out_h1": "0.593269992", "out_h2": "0.596884378", "net_o1": "1.105905967",
    "out_o1": "0.75136507", "out_o2": "0.772928465", "E_o1": "0.274811083", "E_o2": "0.023560026",
    "E_total": "0.298371109", "dE/dout_o1": "0.74136507", "dout_o1/dnet_o1": "0.186815602",
    "dE/dw5": "0.082167041", "w5+": "0.35891648", "w6+": "0.408666186", "w7+": "0.511301270",
    "w8+": "0.561370121", "delta_o1": "0.138498562", "dE_o1/dout_h1": "0.055399425",
    "dE_o2/dout_h1": "-0.019049119", "dE/dout_h1": "0.036350306", "dout_h1/dnet_h1": "0.241300709",
    "dE/dw1": "0.000438568", "w1+": "0.149780716", "w2+": "0.19956143", "w3+": "0.24975114",
    "w4+": "0.29950229", "E_total after 1 update": "0.291027924",
    "E_total after 10,000 updates": "0.0000351085", "out_o1 after 10,000": "0.015912196",
    "out_o2 after 10,000": "0.984065734",
}
"""Every number the lecture computes for its example, as printed there, in its order (the given inputs,
weights and biases left out, and values printed twice, such as out_h1 shortened to 0.59326999)."""


def _sigmoid(x):
    return 1 / (1 + math.exp(-x))


@dataclass
class Run:
    """What :func:`train` did: ``errors[k]`` is E_total after k + 1 updates; ``weights`` w1..w8 and
    ``outputs`` (out_o1, out_o2) after the last update."""

    errors: list
    weights: tuple
    outputs: tuple


def _forward(w, x, b1, b2):
    h = [_sigmoid(w[0] * x[0] + w[1] * x[1] + b1), _sigmoid(w[2] * x[0] + w[3] * x[1] + b1)]
    o = [_sigmoid(w[4] * h[0] + w[5] * h[1] + b2), _sigmoid(w[6] * h[0] + w[7] * h[1] + b2)]
    return h, o


def _error(outputs, targets):
    return sum(0.5 * (t - o) ** 2 for t, o in zip(targets, outputs))


def error(weights, example=EXAMPLE):
    """E_total of the example's network for the weights w1..w8 (any sequence of 8 numbers), biases fixed."""
    if len(weights) != 8:
        raise ValueError(f"the example has 8 weights w1..w8, got {len(weights)}")
    return _error(_forward(weights, example["inputs"], example["b1"], example["b2"])[1], example["targets"])


def train(n_updates, hidden_deltas_from="original", example=EXAMPLE):
    """``n_updates`` training steps of the example (biases fixed), as the lecture's author's script did them.

    ``hidden_deltas_from="original"`` computes every delta before changing any weight (the script since
    commit 4b6faac, 15 March 2015, and the lecture's text); ``"updated"`` updates w5..w8 first and computes
    the hidden deltas from the updated ones (the script of 14 March 2015). The arithmetic is the script's,
    operation for operation, so the numbers are the script's to the last bit (``tests/test_lesson07.py``
    records what the script itself printed). The script of 14 March printed ``errors[k] / 2``: it divided
    the total error by the number of outputs.

    Returns
    -------
    Run
    """
    if hidden_deltas_from not in ("original", "updated"):
        raise ValueError(f'hidden_deltas_from must be "original" or "updated", got {hidden_deltas_from!r}')
    x, t, eta = example["inputs"], example["targets"], example["learning_rate"]
    b1, b2 = example["b1"], example["b2"]
    w = list(example["weights"])
    errors = []
    for _ in range(n_updates):
        h, o = _forward(w, x, b1, b2)
        delta_o = [-(t[k] - o[k]) * (o[k] * (1 - o[k])) for k in range(2)]   # dE/dout * dout/dnet

        def update_output_weights():
            for k in range(2):
                for j in range(2):
                    w[4 + 2 * k + j] -= eta * (delta_o[k] * h[j])

        if hidden_deltas_from == "updated":
            update_output_weights()
        delta_h = []
        for j in range(2):
            d_error_d_out = 0
            for k in range(2):
                d_error_d_out += delta_o[k] * w[4 + 2 * k + j]
            delta_h.append(d_error_d_out * (h[j] * (1 - h[j])))
        if hidden_deltas_from == "original":
            update_output_weights()
        for j in range(2):
            for i in range(2):
                w[2 * j + i] -= eta * (delta_h[j] * x[i])
        errors.append(_error(_forward(w, x, b1, b2)[1], t))
    return Run(errors, tuple(w), tuple(_forward(w, x, b1, b2)[1]))


def first_step(example=EXAMPLE):
    """Every quantity of the lecture's first step (keys of :data:`PRINTED`), by the correct procedure."""
    x, t, eta = example["inputs"], example["targets"], example["learning_rate"]
    b1, b2 = example["b1"], example["b2"]
    w = example["weights"]
    net_h1 = w[0] * x[0] + w[1] * x[1] + b1
    (out_h1, out_h2), (out_o1, out_o2) = _forward(w, x, b1, b2)
    net_o1 = w[4] * out_h1 + w[5] * out_h2 + b2
    E_o1, E_o2 = 0.5 * (t[0] - out_o1) ** 2, 0.5 * (t[1] - out_o2) ** 2
    d_out_o1, slope_o1 = -(t[0] - out_o1), out_o1 * (1 - out_o1)
    delta_o1 = d_out_o1 * slope_o1
    delta_o2 = -(t[1] - out_o2) * out_o2 * (1 - out_o2)
    d_out_h1 = delta_o1 * w[4] + delta_o2 * w[6]
    slope_h1 = out_h1 * (1 - out_h1)
    delta_h1 = d_out_h1 * slope_h1
    delta_h2 = (delta_o1 * w[5] + delta_o2 * w[7]) * out_h2 * (1 - out_h2)
    grads = [delta_h1 * x[0], delta_h1 * x[1], delta_h2 * x[0], delta_h2 * x[1],
             delta_o1 * out_h1, delta_o1 * out_h2, delta_o2 * out_h1, delta_o2 * out_h2]
    new = [wi - eta * g for wi, g in zip(w, grads)]
    values = {"net_h1": net_h1, "out_h1": out_h1, "out_h2": out_h2, "net_o1": net_o1, "out_o1": out_o1,
              "out_o2": out_o2, "E_o1": E_o1, "E_o2": E_o2, "E_total": E_o1 + E_o2, "dE/dout_o1": d_out_o1,
              "dout_o1/dnet_o1": slope_o1, "dE/dw5": grads[4], "delta_o1": delta_o1,
              "dE_o1/dout_h1": delta_o1 * w[4], "dE_o2/dout_h1": delta_o2 * w[6], "dE/dout_h1": d_out_h1,
              "dout_h1/dnet_h1": slope_h1, "dE/dw1": grads[0], "delta_o2": delta_o2}
    values.update({f"w{n}+": v for n, v in enumerate(new, start=1)})
    values["E_total after 1 update"] = _error(_forward(new, x, b1, b2)[1], t)
    return values


def agrees(value, printed):
    """True if ``value`` rounded to as many decimals as the string ``printed`` has is ``printed``."""
    decimals = len(printed.split(".")[1]) if "." in printed else 0
    return f"{value:.{decimals}f}" == printed


@dataclass(frozen=True)
class Comparison:
    """One printed number next to exact arithmetic: ``reproduced_by`` names the procedures whose value,
    rounded to the printed digits, is the printed one (``"correct"`` first when it does)."""

    name: str
    printed: str
    exact: float
    reproduced_by: tuple

    @property
    def difference(self):
        """Exact minus printed."""
        return self.exact - float(self.printed)


def procedures(example=EXAMPLE):
    """name -> {quantity: value} for the procedures of the module docstring (only the quantities each gives)."""
    first = first_step(example)
    correct, script = train(10_000, "original", example), train(10_000, "updated", example)
    # by hand: delta_o2 as printed (9 decimals) times w7, exactly, then rounded to 9 decimals with ties
    # away from zero (Decimal's ROUND_HALF_UP), as one rounds by hand
    rounded = Decimal(f"{first['delta_o2']:.9f}") * Decimal(repr(example["weights"][6]))
    return {
        "correct": {**{k: v for k, v in first.items() if k in PRINTED},
                    "E_total after 10,000 updates": correct.errors[-1],
                    "out_o1 after 10,000": correct.outputs[0], "out_o2 after 10,000": correct.outputs[1]},
        "script of 14 March 2015": {**{f"w{n}+": v for n, v in enumerate(train(1, "updated", example).weights, 1)},
                                    "E_total after 1 update": script.errors[0],
                                    "E_total after 10,000 updates": script.errors[-1],
                                    "out_o1 after 10,000": script.outputs[0], "out_o2 after 10,000": script.outputs[1]},
        "delta_o2 rounded to 9 decimals first": {
            "dE_o2/dout_h1": float(rounded.quantize(Decimal("1e-9"), ROUND_HALF_UP))},
        "error after 9,999 updates": {"E_total after 10,000 updates": correct.errors[-2]},
    }


def compare(example=EXAMPLE):
    """A :class:`Comparison` for every entry of :data:`PRINTED`, in the lecture's order."""
    found = procedures(example)
    return [Comparison(name, printed, found["correct"][name],
                       tuple(p for p, values in found.items() if name in values and agrees(values[name], printed)))
            for name, printed in PRINTED.items()]


def comparison_table(comparisons):
    """The comparisons as a text table: printed, exact float64, their difference (exact minus printed), what the print agrees with."""
    lines = [f"{'quantity':>29}  {'printed':<13} {'exact float64':<16} {'exact − printed':>15}  agrees with"]
    for c in comparisons:
        digits = len(c.printed.split(".")[1]) + 3
        verdict = ("rounding only" if "correct" in c.reproduced_by else
                   " / ".join(c.reproduced_by) if c.reproduced_by else "no procedure tried")
        lines.append(f"{c.name:>29}  {c.printed:<13} {c.exact:<16.{digits}f} {c.difference:>+15.1e}  {verdict}")
    return "\n".join(lines)
