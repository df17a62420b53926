"""Self-checks for the exercises of lesson 7 (the calculus of backpropagation).

The checks work out the right answers independently of the learner's code: with the chain rule written
out here, with the graph engine, and with centred finite differences. A wrong answer gets a message that
names the likely slip, never the right formula, the right code or the right numbers.
"""

import math

import numpy as np

from ..activations import sigmoid, sigmoid_prime
from ..autograd import Value
from ..gradcheck import numerical_gradient, relative_error
from ..lecture import error as lecture_error
from ..lecture import train as lecture_train
from ..step_by_step import EXAMPLE, build_network
from . import is_number, not_answered, report


def _pair(answer):
    """``answer`` as two floats if it is a pair of finite real numbers (tuple, list or array), else None."""
    if isinstance(answer, np.ndarray):
        if answer.shape != (2,) or not np.issubdtype(answer.dtype, np.number):
            return None
        answer = answer.tolist()
    if isinstance(answer, (tuple, list)) and len(answer) == 2 and all(is_number(a) for a in answer):
        return float(answer[0]), float(answer[1])
    return None


# ---------------------------------------------------------------- exercise 1: a tanh neuron, the 1/2 cost
def _chain_factors(w, a_prev, b, y):
    """The common factor dC0/dz of exercise 1 and of the likely wrong versions of it."""
    z = w * a_prev + b
    t, s = math.tanh(z), float(sigmoid(z))
    return {"right": (1 - t * t) * (t - y),                 # tanh'(z) * dC0/da with C0 = 1/2 (a - y)^2
            "without the 1/2": (1 - t * t) * 2 * (t - y),
            "sigmoid": float(sigmoid_prime(z)) * (s - y),
            "sigmoid, without the 1/2": float(sigmoid_prime(z)) * 2 * (s - y),
            "tanh' written as 1 - z^2": (1 - z * z) * (t - y)}


_CHAIN_HINTS = {
    "without the 1/2": "the cost has a 1/2 this time: differentiate 1/2 (a - y)**2 again, the 2 does not survive",
    "sigmoid": "the neuron is a tanh neuron: the middle factor is the slope of tanh at z, not of the sigmoid",
    "sigmoid, without the 1/2": "that is section 1's neuron (sigmoid, cost without the 1/2); "
                                "here a = tanh(z) and C0 = 1/2 (a - y)**2",
    "tanh' written as 1 - z^2": "the slope of tanh is written with tanh(z) itself, not with z",
}


def check_chain_gradients(answer):
    """Exercise 1: ``chain_gradients(w, a_prev, b, y)`` returns ``(dC0/dw, dC0/db, dC0/da_prev)`` for a
    tanh neuron with the lecture's cost: ``a = tanh(w a_prev + b)``, ``C0 = 1/2 (a - y)**2``.

    Compared with the chain rule written out here at three random points; the usual slips (sigmoid
    instead of tanh, the 2 of the cost without its 1/2) are recognised by the common factor dC0/dz.
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
        if not all(math.isfinite(r) for r in result):
            return report(exercise, [f"chain_gradients returned {result}: NaN or infinity"])
        wrong = [f"{name} is not right (yours: {r:.6f})" for name, e, r in zip(names, expected, result)
                 if not math.isclose(e, r, rel_tol=1e-6, abs_tol=1e-12)]
        if wrong:
            for slip, hint in _CHAIN_HINTS.items():
                if math.isclose(result[1], factors[slip], rel_tol=1e-6, abs_tol=1e-12):
                    wrong.append(f"hint: {hint}")
                    break
            else:
                if math.isclose(result[1], factors["right"], rel_tol=1e-6, abs_tol=1e-12):
                    wrong.append("hint: dC0/db is right, so your dC0/dz is right; the slip is in the last step, the "
                                 "one that turns dC0/dz into dC0/dw and into dC0/da_prev")
            return report(exercise, [f"at w={w:.3f}, a_prev={a_prev:.3f}, b={b:.3f}, y={y:.3f}"] + wrong)
    return report(exercise, [])


# ---------------------------------------------------------------- exercise 2: the shared biases, by hand
def _bias_gradients_by_engine(example=EXAMPLE):
    """dE/db1 and dE/db2 of the step-by-step network, from the graph engine (each bias is one Value
    shared by the two neurons of its layer), with the deltas they are made of."""
    network = build_network(example["weights"], example["inputs"], example["targets"], example["b1"], example["b2"])
    network.error.backward()
    order = network.error.topological_order()
    bias = {v.label: v.grad for v in order if v.label in ("b1", "b2")}
    delta_h = [h.children[0].grad for h in network.h]            # out = sigmoid(net): net is the child
    delta_o = [o.children[0].grad for o in network.o]
    return bias["b1"], bias["b2"], delta_h, delta_o, [h.data for h in network.h]


def _times_an_activation(given, deltas, activations, close):
    """True if ``given`` looks like deltas multiplied by activations (what a weight's gradient is)."""
    candidates = [d * a for d in deltas for a in activations]
    candidates += [sum(deltas) * a for a in activations] + [sum(d * a for d, a in zip(deltas, activations))]
    return any(close(given, c) for c in candidates)


def check_shared_bias_gradients(answer):
    """Exercise 2: ``(dE/db1, dE/db2)`` of the step-by-step network, worked out by hand from its deltas.

    ``b1`` is one number shared by both hidden neurons, ``b2`` one shared by both output neurons.
    """
    exercise = "Exercise 2 (the gradients of the shared biases, by hand)"
    if not_answered(exercise, answer):
        return False
    if isinstance(answer, (tuple, list)) and any(isinstance(a, Value) for a in answer):
        return report(exercise, ["give two numbers (dE/db1, dE/db2), not Values"])
    pair = _pair(answer)
    if pair is None:
        return report(exercise, [f"the answer should be a pair of numbers (dE/db1, dE/db2), got {answer!r}"])
    db1, db2 = pair
    right1, right2, delta_h, delta_o, out_h = _bias_gradients_by_engine()

    def close(x, y):
        return math.isclose(x, y, rel_tol=1e-6, abs_tol=1e-12)

    if close(db1, right1) and close(db2, right2):
        return report(exercise, [])
    if close(db1, right2) and close(db2, right1):
        return report(exercise, ["the two numbers are in the wrong order: dE/db1 (the hidden layer's bias) first"])
    if all(math.isclose(given, right, rel_tol=2e-3) for given, right in ((db1, right1), (db2, right2))):
        return report(exercise, ["close: your reasoning gives the right numbers, but rounded. Work with the deltas "
                                 "as printed (9 decimals) and give at least 6 significant digits"])
    problems = []
    for name, given, right, deltas, layer, other in (("dE/db1", db1, right1, delta_h, "hidden", "h2"),
                                                      ("dE/db2", db2, right2, delta_o, "output", "o2")):
        if close(given, right):
            continue
        if any(close(given, d) for d in deltas):
            problems.append(f"{name}: that is one neuron's delta only: it counts one of the paths by which "
                            f"b{name[-1]} reaches the error, and misses the others")
        elif close(given, sum(deltas) / 2):
            problems.append(f"{name}: a value used in two places receives the sum of the gradients of its uses, "
                            "not their average")
        elif close(given, -right):
            problems.append(f"{name}: the sign is wrong: the gradient of E, where delta = (out - target) out (1 - out)")
        elif _times_an_activation(given, deltas, out_h if name == "dE/db2" else EXAMPLE["inputs"], close):
            problems.append(f"{name}: a bias is multiplied by 1 in net = ... + b * 1, so its local derivative "
                            "is 1, not an activation")
        else:
            problems.append(f"{name}: not yet. Which neurons does b{name[-1]} feed, and what does "
                            "net change by per unit of b?")
    return report(exercise, problems)


# ---------------------------------------------------------------- exercise 3: a new operation, log
def check_value_div(answer):
    """Exercise 3: ``value_div(a, b)`` returns a new Value holding ``a.data / b.data`` with ``a`` and ``b``
    among its children, whose backward step passes ``out.grad / b`` to ``a`` and ``-out.grad * a / b**2``
    to ``b``.

    The check backpropagates ``value_div(a, b) * a`` (a is used twice; the gradients are ``2a/b`` and
    ``-a**2/b**2``) and recognises the usual slips by the gradients they give.
    """
    exercise = "Exercise 3 (a new operation: division)"
    if not_answered(exercise, answer):
        return False
    if not callable(answer):
        return report(exercise, [f"the answer should be a function value_div(a, b), got {type(answer).__name__}"])
    for x, y in ((3.0, 2.0), (-1.5, 0.5)):
        a, b = Value(x), Value(y)
        try:
            out = answer(a, b)
            if not isinstance(out, Value):
                return report(exercise, [f"value_div(a, b) should return a Value, got {type(out).__name__}"])
            if not math.isclose(out.data, x / y, rel_tol=1e-12):
                return report(exercise, [f"value_div(Value({x}), Value({y})).data should be {x} / {y}, "
                                         f"got {out.data:.6f}"])
            if a not in out.children or b not in out.children:
                return report(exercise, ["the new Value must list both a and b among its children (the second "
                                         "argument of Value(...)), or backward() never reaches them directly; "
                                         "Value's own a / b goes through b ** -1, so write the operation yourself"])
            loss = out * a                 # d(a^2/b)/da = 2a/b, d(a^2/b)/db = -a^2/b^2; a is used twice
            loss.backward()
            loss.backward()                # twice: ours resets, so the same gradients
        except Exception as error:  # the learner's code may fail in any way: report it, never raise
            return report(exercise, [f"value_div(Value({x}), Value({y})) or backward() failed: "
                                     f"{type(error).__name__}: {error}"])
        (da, db), q = (a.grad, b.grad), x / y
        right_a, right_b = 2 * x / y, -x * x / (y * y)
        a_ok, b_ok = math.isclose(da, right_a, rel_tol=1e-9), math.isclose(db, right_b, rel_tol=1e-9)
        if a_ok and b_ok:
            continue
        close = lambda u, v: math.isclose(u, v, rel_tol=1e-9, abs_tol=1e-12)
        if close(da, q + 1 / y) and close(db, -x / (y * y)):
            hint = "multiply each local derivative by out.grad (the gradient arriving from above)"
        elif close(da, q - x * x / (y * y)) and close(db, q):
            hint = "the two partial derivatives are swapped: which one belongs to a, the number divided?"
        elif a_ok and close(db, -right_b):
            hint = "the sign of b's share: does a / b grow or shrink when b grows (for a > 0, b > 0)?"
        elif a_ok and close(db, 0.0):
            hint = "the backward step of your division passes nothing on to b"
        elif a_ok:
            hint = "a's share is right; b's local derivative is not: what is d(a / b) / db, with a held fixed?"
        elif b_ok and close(da, q):
            hint = ("a received only the gradient of its other use: your division passes nothing on to a, or "
                    "overwrites a.grad with = instead of adding to it with += (a is used twice here)")
        elif b_ok:
            hint = "b's share is right; a's local derivative is not: what is d(a / b) / da, with b held fixed?"
        else:
            hint = ("check both local derivatives, d(a / b) / da and d(a / b) / db, and that the backward step "
                    "adds each, times out.grad, to a.grad and b.grad")
        return report(exercise, [f"for a = {x}, b = {y}, backpropagating value_div(a, b) * a gave da = {da:.6f}, "
                                 f"db = {db:.6f}, which are not the derivatives of a * a / b; hint: {hint}"])
    return report(exercise, [])


# ---------------------------------------------------------------- exercise 4: a gradient check of the script
def _script_check():
    """Relative errors of the 14 March 2015 script's first-step gradients, w1..w4 and w5..w8, and the
    gradients themselves, against finite differences of the lecture's error at the starting weights."""
    eta, start = EXAMPLE["learning_rate"], np.array(EXAMPLE["weights"], dtype=np.float64)
    script = (start - np.array(lecture_train(1, hidden_deltas_from="updated").weights)) / eta
    p = start.copy()
    numeric = numerical_gradient(lambda: lecture_error(p), p, epsilon=1e-5)
    return relative_error(script[:4], numeric[:4]), relative_error(script[4:], numeric[4:])


SCRIPT_CHECK_CHOICES = ("w1..w4", "w5..w8", "both", "neither")
"""Exercise 4's third entry: which weights a gradient check would flag as wrong."""


def check_script_prediction(answer):
    """Exercise 4, first part: before computing anything, which weights would a gradient check flag in the
    script of 14 March (one of :data:`SCRIPT_CHECK_CHOICES`)? The feedback asks for the reasoning; the
    second part, :func:`check_script_gradient_check`, tests the prediction with numbers."""
    exercise = "Exercise 4a (predict which weights a gradient check would flag)"
    if not_answered(exercise, answer):
        return False
    choices = ", ".join(repr(c) for c in SCRIPT_CHECK_CHOICES)
    flagged = answer.strip().lower() if isinstance(answer, str) else None
    if flagged not in SCRIPT_CHECK_CHOICES:
        return report(exercise, [f"the prediction should be one of {choices}, got {answer!r}"])
    reasons = {
        "w5..w8": "the slip *used* the moved w5..w8, but a weight being used wrongly is not the same as its own "
                  "gradient being wrong: which gradients are built from the quantity the slip computed?",
        "both": "the slip changed one step of the backward pass: which gradients use the quantity that step "
                "computed, and which do not?",
        "neither": "the slip used weights that had already moved: would finite differences at the starting "
                   "weights agree with a gradient computed from other weights?",
    }
    if flagged in reasons:
        return report(exercise, [f"not the prediction the reasoning gives; ask yourself: {reasons[flagged]}"])
    print("  That is the prediction the reasoning gives: the hidden deltas were computed from w5..w8 after their "
          "update, and only w1..w4's gradients use the hidden deltas. Now test it with numbers below.")
    return report(exercise, [])


def check_script_gradient_check(answer):
    """Exercise 4: ``(relative error of w1..w4, relative error of w5..w8, flagged)`` for the gradients the
    lecture author's script of 14 March 2015 used in its first step, against finite differences;
    ``flagged`` is one of :data:`SCRIPT_CHECK_CHOICES`, the weights a gradient check would call wrong."""
    exercise = "Exercise 4 (would a gradient check have caught the script of 14 March?)"
    if not_answered(exercise, answer):
        return False
    choices = ", ".join(repr(c) for c in SCRIPT_CHECK_CHOICES)
    if not isinstance(answer, (tuple, list)) or len(answer) != 3:
        return report(exercise, [f"the answer should be three things: (relative error of w1..w4, relative error of "
                                 f"w5..w8, which weights the check flags: one of {choices}), got {answer!r}"])
    pair = _pair(list(answer[:2]))
    if pair is None:
        return report(exercise, [f"the first two entries should be numbers (the two relative errors), "
                                 f"got {answer[0]!r} and {answer[1]!r}"])
    hidden, output = pair
    flagged = answer[2].strip().lower() if isinstance(answer[2], str) else None
    if flagged not in SCRIPT_CHECK_CHOICES:
        return report(exercise, [f"the third entry should be one of {choices}, got {answer[2]!r}"])
    right_hidden, right_output = _script_check()
    if not (hidden >= 0 and output >= 0):
        return report(exercise, ["a relative error |a - b| / (|a| + |b|) is never negative"])
    if math.isclose(output, right_hidden, rel_tol=0.02) and hidden < 1e-6:
        return report(exercise, ["the two numbers are in the wrong order: w1..w4 (the hidden layer) first"])
    if math.isclose(hidden, 1 / 3, rel_tol=0.01) or math.isclose(output, 1 / 3, rel_tol=0.01):
        return report(exercise, ["1/3 is what a gradient half (or twice) the right size gives: the update "
                                 "moved each weight by eta * gradient, so divide w - w+ by eta"])
    if hidden < 1e-6 and output < 1e-6:
        return report(exercise, ["both layers agree: that is the fixed order. The script of 14 March is "
                                 "lecture.train(1, hidden_deltas_from='updated')"])
    if not (math.isclose(hidden, right_hidden, rel_tol=0.02) and output < 1e-6):
        return report(exercise, ["not yet: compare the script's first-step gradients (w - w+) / eta with "
                                 "numerical_gradient of the lecture's error at the starting weights, w1..w4 and "
                                 "w5..w8 separately, each with relative_error"])
    if flagged != "w1..w4":
        return report(exercise, ["your two numbers are right; now read them with section 5's rule of thumb: about "
                                 "1e-7 or less is right, above 1e-2 is wrong"])
    print(f"  Right: the check passes w5..w8 (an error at the level of rounding) and flags w1..w4 ({hidden:.3f}). "
          "The flagged layer is the one whose gradient was computed from something else, as with the missing "
          "sigma': here the hidden deltas were computed from w5..w8 after their update, not from the weights "
          "the forward pass used.")
    return report(exercise, [])


# ---------------------------------------------------------------- exercise 5: the cross-entropy's delta
def _cross_entropy(z, y):
    """The cross-entropy cost of sigmoid outputs, -sum(y ln a + (1 - y) ln(1 - a)) with a = sigmoid(z)."""
    a = sigmoid(z)
    return float(-np.sum(y * np.log(a) + (1 - y) * np.log(1 - a)))


def check_cross_entropy_delta(answer):
    """Exercise 5: ``cross_entropy_delta(z, y)`` returns ``dC0/dz`` (the output layer's delta) for the
    cross-entropy cost of sigmoid outputs, ``C0 = -sum(y ln a + (1 - y) ln(1 - a))`` with ``a = sigmoid(z)``.

    Compared with centred finite differences of that cost at two random points (one-hot targets and
    targets between 0 and 1); the usual slips (the quadratic cost's delta, dC0/da instead of dC0/dz, the
    sign, one of the two terms of the cost only) are recognised by the vector they give.
    """
    exercise = "Exercise 5 (the output delta of the cross-entropy cost)"
    if not_answered(exercise, answer):
        return False
    if not callable(answer):
        return report(exercise, [f"the answer should be a function cross_entropy_delta(z, y), "
                                 f"got {type(answer).__name__}"])
    rng = np.random.default_rng(75)
    for y in (np.array([0.0, 1.0, 0.0, 0.0]), np.array([1.0, 0.0, 0.3, 0.9])):
        z = rng.uniform(-3, 3, size=4)
        z_nudged = z.copy()
        numeric = numerical_gradient(lambda: _cross_entropy(z_nudged, y), z_nudged)
        try:
            result = np.asarray(answer(z.copy(), y.copy()), dtype=np.float64)
        except Exception as error:  # the learner's code may fail in any way: report it, never raise
            return report(exercise, [f"cross_entropy_delta raised or returned something that is not numbers: "
                                     f"{type(error).__name__}: {error}"])
        if result.shape != z.shape:
            return report(exercise, [f"return one delta per output neuron: an array of shape {z.shape} for z of "
                                     f"shape {z.shape}, got shape {result.shape}"])
        if not np.all(np.isfinite(result)):
            return report(exercise, ["cross_entropy_delta returned NaN or infinity"])
        if np.allclose(result, numeric, rtol=1e-6, atol=1e-8):
            continue
        a = sigmoid(z)
        slope = a * (1 - a)
        slips = [((a - y) * slope, "that is the delta of the quadratic cost with its 1/2; here the cost is the "
                                   "cross-entropy: start from its derivative with respect to a_j"),
                 (2 * (a - y) * slope, "that is the delta of section 2's quadratic cost; here the cost is the "
                                       "cross-entropy: start from its derivative with respect to a_j"),
                 ((a - y) / slope, "that is dC0/da_j; the delta is dC0/dz_j, so one more factor of the chain rule "
                                   "is missing: how does a_j change with z_j?"),
                 ((a - y) / slope * sigmoid_prime(a), "the sigmoid's slope is taken at z_j, not at a_j"),
                 (-y * (1 - a), "both terms of the cost depend on a_j: the (1 - y_j) ln(1 - a_j) term has a "
                                "derivative too"),
                 ((1 - y) * a, "both terms of the cost depend on a_j: the y_j ln a_j term has a derivative too")]
        hint = next((h for value, h in slips if np.allclose(result, value, rtol=1e-6, atol=1e-8)), None)
        if hint is None and np.allclose(result, -numeric, rtol=1e-6, atol=1e-8):
            hint = "the sign is wrong: mind the minus in front of the sum, and d ln(1 - a)/da"
        if hint is None:
            hint = ("compare your formula with numerical_gradient of the cost at one point, entry by entry, and "
                    "check each factor of the chain rule dC0/dz_j = dC0/da_j * da_j/dz_j")
        return report(exercise, [f"for z = {np.array2string(z, precision=3)} and y = {np.array2string(y, precision=2)} "
                                 f"your deltas differ from the slopes of the cost; hint: {hint}"])
    return report(exercise, [])
