"""Self-checks for the exercises of lesson 7 (the calculus of backpropagation).

The checks work out the right answers independently of the learner's code: with the chain rule
written out here, and with centred finite differences.
"""

import math

import numpy as np

from ..activations import sigmoid, sigmoid_prime
from ..autograd import Value
from . import not_answered, report


def _chain_factors(w, a_prev, b, y):
    """The common factor dC0/dz of exercise 1 and of the likely wrong versions of it."""
    z = w * a_prev + b
    t, s = math.tanh(z), float(sigmoid(z))
    return {"right": (1 - t * t) * (t - y),                 # tanh'(z) * dC0/da with C0 = 1/2 (a - y)^2
            "without the 1/2": (1 - t * t) * 2 * (t - y),
            "sigmoid": float(sigmoid_prime(z)) * (s - y),
            "sigmoid, without the 1/2": float(sigmoid_prime(z)) * 2 * (s - y),
            "tanh' written as 1 - z^2": (1 - z * z) * (t - y)}


def check_chain_gradients(answer):
    """Exercise 1: ``chain_gradients(w, a_prev, b, y)`` returns ``(dC0/dw, dC0/db, dC0/da_prev)`` for a
    tanh neuron with the lecture's cost: ``a = tanh(w a_prev + b)``, ``C0 = 1/2 (a - y)**2``.

    The checker compares with the chain rule written out here at random points, and recognises the
    usual slips (sigmoid instead of tanh, the 2 of the cost without its 1/2).
    """
    exercise = "Exercise 1 (chain rule for a tanh neuron with the 1/2 cost)"
    if not_answered(exercise, answer):
        return False
    if not callable(answer):
        return report(exercise, [f"the answer should be a function chain_gradients(w, a_prev, b, y), "
                                 f"got {type(answer).__name__}"])
    rng = np.random.default_rng(71)
    names = ("dC0/dw", "dC0/db", "dC0/da_prev")
    for _ in range(3):
        w, a_prev, b, y = rng.normal(), rng.uniform(0, 1), rng.normal(), rng.uniform(-1, 1)
        factors = _chain_factors(w, a_prev, b, y)
        expected = (a_prev * factors["right"], factors["right"], w * factors["right"])
        try:
            result = tuple(float(r) for r in answer(w, a_prev, b, y))
        except Exception as error:  # the learner's code may fail in any way: report it, never raise
            return report(exercise, [f"chain_gradients raised or returned something that is not three numbers: "
                                     f"{type(error).__name__}: {error}"])
        if len(result) != 3:
            return report(exercise, [f"return three numbers (dC0/dw, dC0/db, dC0/da_prev), got {len(result)}"])
        wrong = [f"{name}: expected {e:.6f}, got {r:.6f}" for name, e, r in zip(names, expected, result)
                 if not math.isclose(e, r, rel_tol=1e-6, abs_tol=1e-12)]
        if wrong:
            hints = {"without the 1/2": "the cost has a 1/2 this time: dC0/da = a - y, not 2 (a - y)",
                     "sigmoid": "the neuron is a tanh neuron: da/dz = 1 - tanh(z)**2, not sigmoid'(z)",
                     "sigmoid, without the 1/2": "that is section 1's neuron (sigmoid, cost without 1/2); "
                                                 "here a = tanh(z) and C0 = 1/2 (a - y)**2",
                     "tanh' written as 1 - z^2": "da/dz = 1 - tanh(z)**2: square the activation, not z"}
            for slip, hint in hints.items():
                if math.isclose(result[1], factors[slip], rel_tol=1e-6, abs_tol=1e-12):
                    wrong.append(f"hint: {hint}")
                    break
            return report(exercise, [f"at w={w:.3f}, a_prev={a_prev:.3f}, b={b:.3f}, y={y:.3f}"] + wrong)
    return report(exercise, [])


EXERCISE_2_POINT = {"a": 0.5, "b": -1.5}
"""Where exercise 2 asks for the gradient of ``g(a, b) = tanh(a * b + b**3) / b``."""


def _g(a, b):
    return math.tanh(a * b + b ** 3) / b


def check_value_gradients(answer):
    """Exercise 2: ``(dg/da, dg/db)`` of ``g(a, b) = tanh(a b + b**3) / b`` at a = 0.5, b = -1.5."""
    exercise = "Exercise 2 (gradients with Value)"
    if not_answered(exercise, answer):
        return False
    if isinstance(answer, (tuple, list)) and any(isinstance(r, Value) for r in answer):
        return report(exercise, ["give the gradients as numbers (a.grad, b.grad), not the Values themselves"])
    try:
        result = tuple(float(r) for r in answer)
    except Exception:  # anything that is not a pair of numbers
        return report(exercise, [f"the answer should be a pair of numbers (dg/da, dg/db), got {answer!r}"])
    if len(result) != 2:
        return report(exercise, [f"the answer should be a pair of numbers (dg/da, dg/db), got {len(result)} values"])
    a, b, h = EXERCISE_2_POINT["a"], EXERCISE_2_POINT["b"], 1e-6
    expected = ((_g(a + h, b) - _g(a - h, b)) / (2 * h), (_g(a, b + h) - _g(a, b - h)) / (2 * h))
    problems = [f"{name}: expected about {e:.6f}, got {r:.6f}"
                for name, e, r in zip(("dg/da", "dg/db"), expected, result)
                if not math.isclose(e, r, rel_tol=1e-6, abs_tol=1e-9)]
    if problems and math.isclose(result[0], expected[1], rel_tol=1e-6):
        problems.append("hint: are the two gradients in the right order (dg/da first)?")
    return report(exercise, problems)


def check_value_log(answer):
    """Exercise 3: ``log(v)`` returns a new Value holding ``ln(v.data)`` that backpropagates ``1/v``."""
    exercise = "Exercise 3 (a new operation: log)"
    if not_answered(exercise, answer):
        return False
    if not callable(answer):
        return report(exercise, [f"the answer should be a function log(v), got {type(answer).__name__}"])
    problems = []
    for x in (2.0, 0.25):
        v = Value(x)
        try:
            out = answer(v)
            if not isinstance(out, Value):
                return report(exercise, [f"log(v) should return a Value, got {type(out).__name__}"])
            loss = out * v                 # d(v ln v)/dv = ln v + 1, and v is used twice
            loss.backward()
            loss.backward()                # twice: must give the same gradient
        except Exception as error:  # the learner's code may fail in any way: report it, never raise
            return report(exercise, [f"log(Value({x})) failed: {type(error).__name__}: {error}"])
        if not math.isclose(out.data, math.log(x), rel_tol=1e-12):
            problems.append(f"log(Value({x})).data should be {math.log(x):.6f}, got {out.data:.6f}")
        elif v not in out.children:
            problems.append("the new Value must list v among its children, e.g. Value(math.log(v.data), (v,), 'log')")
        elif not math.isclose(v.grad, math.log(x) + 1, rel_tol=1e-9):
            problems.append(f"for v = {x}, the gradient of v * log(v) should be ln(v) + 1 = {math.log(x) + 1:.6f}, "
                            f"got {v.grad:.6f}: the local backward step is v.grad += (1 / v.data) * out.grad")
        if problems:
            break
    return report(exercise, problems)
