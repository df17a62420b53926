"""Self-checks for the exercises of lesson 6 (what backpropagation is doing).

The checks work out the right answers here, independently of the learner's code, for the quadratic
cost ``C0 = sum_j (a_j - y_j)**2`` of one example (averaged over the examples of a batch), and
recognise the usual slips. A failed check names the slip; it never prints the right numbers.
"""

import numpy as np

from ..activations import sigmoid_prime
from ..network import Network
from . import call_answer, not_answered, report

WEIGHT_NUDGE_CASES = (
    ("(a) into the right answer's neuron, which says 0.2", 0.2, 1.0),
    ("(b) into the right answer's neuron, which already says 0.95", 0.95, 1.0),
    ("(c) into a wrong neuron that says 0.7", 0.7, 0.0),
    ("(d) into a wrong neuron that says 0.999", 0.999, 0.0),
)
"""Exercise 1: (case, activation a_j of the output neuron, its target y_j)."""

HIDDEN_ACTIVATION = 0.8
"""Exercise 1: the activation a_k of the hidden neuron that all four weights come from."""


def _sigmoid(z):
    return 1 / (1 + np.exp(-z))


def _right_weight_nudges():
    """Exercise 1's right answer: ``-dC0/dw_jk = a_k sigma'(z_j) 2 (y_j - a_j)`` for the four cases."""
    a = np.array([case[1] for case in WEIGHT_NUDGE_CASES])
    y = np.array([case[2] for case in WEIGHT_NUDGE_CASES])
    return HIDDEN_ACTIVATION * a * (1 - a) * 2 * (y - a)


def _weight_nudge_slips():
    """What the usual slips give, case by case, and what to say about each (the message names the slip)."""
    a = np.array([case[1] for case in WEIGHT_NUDGE_CASES])
    y = np.array([case[2] for case in WEIGHT_NUDGE_CASES])
    right, a_k = _right_weight_nudges(), HIDDEN_ACTIVATION
    slope_at_a = _sigmoid(a) * (1 - _sigmoid(a))
    return [
        (-right, "that is dC0/dw, the derivative; the nudge is MINUS the derivative"),
        (a_k * a, "that is the co-activation a_k * a_j of Hebb's rule, not the gradient's nudge: the nudge "
                  "depends on the error y_j - a_j"),
        (a_k * 2 * (y - a), "the output neuron's slope sigma'(z_j) is missing: a change of w_jk reaches the cost "
                            "only through z_j, and a_j moves by sigma'(z_j) per unit of z_j"),
        (right / 2, "off by a factor 2: the derivative of (a_j - y_j)**2 is 2 (a_j - y_j)"),
        (right / a_k, "the factor a_k is missing: z_j changes by a_k per unit of w_jk"),
        (a_k * slope_at_a * 2 * (y - a), "sigma' is taken at z_j, not at a_j: for the sigmoid, "
                                         "sigma'(z_j) = a_j (1 - a_j)"),
    ]


def _as_four_numbers(answer):
    """The answer as a float array of four finite numbers, or None (any sequence or array of 4 real numbers)."""
    if isinstance(answer, (str, bytes, dict, bool)) or callable(answer):
        return None
    try:
        if np.iscomplexobj(answer) or np.asarray(answer).dtype == bool:
            return None
        values = np.asarray(answer, dtype=float).ravel()
    except (TypeError, ValueError, OverflowError):      # ragged lists, text inside, ...
        return None
    if values.size != 4 or not np.all(np.isfinite(values)):
        return None
    return values


def check_weight_nudges(answer):
    """Exercise 1: four numbers, the nudges ``-dC0/dw_jk`` of the four weights of :data:`WEIGHT_NUDGE_CASES`.

    Any sequence or array of four numbers is accepted; each is compared with a relative tolerance of 3%
    (two significant digits, or sigma' rounded by hand, are right).
    """
    exercise = "Exercise 1, part 2 (the four weight nudges)"
    if not_answered(exercise, answer):
        return False
    values = _as_four_numbers(answer)
    if values is None:
        shown = repr(answer) if len(repr(answer)) <= 80 else repr(answer)[:77] + "..."
        return report(exercise, [f"the answer should be four numbers, one per case (a) to (d), e.g. a tuple "
                                 f"(0.1, 0.2, 0.3, 0.4); got {shown}"])
    right = _right_weight_nudges()
    close = np.isclose(values, right, rtol=0.03, atol=1e-5)
    if close.all():
        c, d = right[2], right[3]
        print(f"  (d)'s neuron is the most wrong of the four, yet its weight moves {abs(c / d):.0f} times less than "
              "(c)'s: at 0.999 the sigmoid is flat, sigma'(z_j) = a_j (1 - a_j) is about 0.001, so the cost hardly "
              "depends on z_j and the gradient leaves it almost alone.\n"
              f"  (b)'s neuron fires more than (a)'s (0.95 against 0.2), so Hebb's rule would strengthen (b)'s weight "
              f"more; the gradient raises it {right[0] / right[1]:.0f} times less than (a)'s: (b) is nearly right "
              "(error 0.05) and on a flat stretch of its sigmoid (slope 0.0475).\n"
              "  With the quadratic cost a confidently wrong sigmoid neuron learns slowly; the cross-entropy cost "
              "of lesson 5's modern recipe removes the factor sigma'(z_j) from the output layer's nudges "
              "(Nielsen, chapter 3).")
        return report(exercise, [])
    problems = []
    for slip, message in _weight_nudge_slips():
        if np.allclose(values, slip, rtol=0.02, atol=1e-5):
            return report(exercise, [f"all four: {message}"])
    for (case, a_j, y_j), value, ok, expected in zip(WEIGHT_NUDGE_CASES, values, close, right):
        if ok:
            continue
        hint = ("one factor per link of the chain w_jk -> z_j -> a_j -> C0 (section 3): which factor did you leave "
                "out or get wrong?")
        index = [c[0] for c in WEIGHT_NUDGE_CASES].index(case)
        rounded = {float(f"{expected:.1g}")} | {round(float(expected), digits) for digits in (1, 2, 3)}
        slip_message = next((message for slip, message in _weight_nudge_slips()
                             if np.isclose(value, slip[index], rtol=0.02, atol=1e-5)), None)
        coarse = any(np.isclose(value, r, rtol=1e-9, atol=1e-12) for r in rounded)
        if coarse:
            hint = ("rounded too coarsely: keep at least two significant digits (the small nudges are the point "
                    "of this exercise)" + (f"; or else {slip_message}" if slip_message else ""))
        elif slip_message:
            hint = slip_message
        elif value == 0:
            hint = ("a nudge of 0 would mean the cost does not depend on this weight at all; here a_k = 0.8 "
                    "and the neuron is not at its target")
        elif np.sign(value) != np.sign(expected):
            hint = ("wrong sign: should this weight go up or down? Look at the sign of the error y_j - a_j "
                    "(target 1 for the right answer's neuron, 0 for a wrong one)")
        problems.append(f"{case}: not {value:.4g}; {hint}")
    return report(exercise, problems)


NUDGE_GUESS_HINT = ("in at least one of the two pairs the other weight moves more. For each pair, work out by how "
                    "many times the errors |y_j - a_j| differ and by how many times the slopes a_j (1 - a_j) differ: "
                    "the factor that differs by more times decides")
"""Exercise 1, part 1: what to say after a wrong pick. It names neither the pair nor the letter."""

NUDGE_GUESS_PAIRS = (("a", "c"), ("b", "d"))
"""Exercise 1, part 1: the two pairs to decide. In each, one weight wins on the error and the other on the slope."""


def _letters(answer):
    """The choice as two letters from "a" to "d" (a pair of strings such as ("a", "c") or "(a)", or "a c"), or None."""
    if isinstance(answer, str):
        parts = [c for c in answer.lower() if c.isalpha()]
    elif isinstance(answer, (tuple, list)) and len(answer) == 2 and all(isinstance(v, str) for v in answer):
        parts = [v.lower().strip().strip("()").strip() for v in answer]
    else:
        return None
    if len(parts) != 2 or not all(part in ("a", "b", "c", "d") for part in parts):
        return None
    return parts


def check_nudge_guess(answer):
    """Exercise 1, part 1: ``(first, second)``, the weight that moves more of (a) and (c), then of (b) and (d), in the
    cases of :data:`WEIGHT_NUDGE_CASES`. Any pair of strings ("a", "(a)", "A") or a string of two letters is
    accepted, and the two letters in either order."""
    exercise = "Exercise 1, part 1 (which weight of each pair moves more?)"
    if not_answered(exercise, answer):
        return False
    letters = _letters(answer)
    if letters is None:
        shown = repr(answer) if len(repr(answer)) <= 80 else repr(answer)[:77] + "..."
        return report(exercise, [f"the answer should be two letters, one of (a) and (c), then one of (b) and (d), "
                                 f"e.g. (\"a\", \"d\"); got {shown}"])
    chosen = [next((letter for letter in letters if letter in pair), None) for pair in NUDGE_GUESS_PAIRS]
    if None in chosen or len(set(letters)) != 2:
        return report(exercise, ["one letter from each pair: (a) or (c), and (b) or (d)"])
    sizes = dict(zip("abcd", np.abs(_right_weight_nudges())))
    wrong = any(sizes[letter] < sizes[pair[1] if letter == pair[0] else pair[0]]
                for letter, pair in zip(chosen, NUDGE_GUESS_PAIRS))
    problems = [NUDGE_GUESS_HINT] if wrong else []
    if not problems:
        print("  Now compute the four nudges (part 2) to see by how much.")
    return report(exercise, problems)


def _small_network(seed):
    """A small float64 network 7-5-4-3, an input and a label, for the checks."""
    rng = np.random.default_rng(seed)
    return Network([7, 5, 4, 3], seed=seed, dtype=np.float64), rng.uniform(0, 1, 7), int(rng.integers(3))


def check_first_layer_nudges(answer):
    """Exercise 2: ``first_layer_nudges(network, x, label)`` returns ``-dC0/da`` of the FIRST hidden layer.

    ``x`` has shape (n_inputs,); the result has one entry per neuron of the first hidden layer.
    """
    exercise = "Exercise 2 (the recipe once more: the first hidden layer)"
    if not_answered(exercise, answer):
        return False
    problems = []
    for seed in (61, 62):
        net, x, label = _small_network(seed)
        g = net.gradients(x, label)
        expected = -(g.deltas[1] @ net.weights[1])[0]                   # -dC0/da of hidden layer 1
        result, problems = call_answer(answer, (_do_it_yourself(net), x.copy(), label), expected.shape,
                                       "first_layer_nudges")
        problems = _hint_for_errors(problems, net, layers=True)
        if result is None and problems and problems[0].startswith("what first_layer_nudges returned") \
                and "shape" in problems[0]:
            problems.append("hint: one number per neuron of the FIRST hidden layer: take the second hidden "
                            "layer's nudges one layer further back")
        if result is not None and not np.allclose(result, expected, rtol=1e-6, atol=1e-12):
            hidden2_nudges = -(g.deltas[2] @ net.weights[2])[0]
            forward = net.forward(x, return_all=True)
            out_error = 2 * (np.eye(net.sizes[-1])[label] - forward.activations[-1])
            without_output_slope = net.weights[1].T @ (sigmoid_prime(forward.zs[1]) * (net.weights[2].T @ out_error))
            if np.allclose(result, -expected, rtol=1e-6, atol=1e-12):
                hint = "the signs are flipped: a nudge is MINUS the derivative"
            elif np.allclose(result, net.weights[1].T @ hidden2_nudges, rtol=1e-6, atol=1e-12):
                hint = ("sigma'(z) of the second hidden layer is missing: its nudges reach its weighted inputs "
                        "through its neurons' slopes before they are passed back")
            elif np.allclose(result, without_output_slope, rtol=1e-6, atol=1e-12):
                hint = ("the output neurons' slopes sigma'(z_j) are missing in the first step: the nudge of z_j is "
                        "sigma'(z_j) 2 (y_j - a_j) (section 4)")
            elif np.allclose(result, expected * sigmoid_prime(forward.zs[0]), rtol=1e-6, atol=1e-12):
                hint = ("those are the nudges of hidden layer 1's weighted inputs z (its activations' nudges times "
                        "sigma'(z)); the exercise asks for the nudges of its activations a, one step earlier")
            elif np.allclose(result, expected * 2, rtol=1e-6) or np.allclose(result, expected / 2, rtol=1e-6):
                hint = "off by a factor 2: the output nudges are 2 (y_j - a_j)"
            else:
                hint = ("apply section 4's sum once more: which weights join hidden layer 1 to hidden layer 2, "
                        "and whose slopes sigma'(z) does a nudge of hidden layer 2 pass through?")
            problems.append(f"your nudges differ from backpropagation's on a small test network "
                            f"(largest difference {np.max(np.abs(result - expected)):.2g}); {hint}")
        if problems:
            break
    return report(exercise, problems)


def _no_gradients(*args, **kwargs):
    raise RuntimeError("this exercise asks you to compute the nudges yourself, without network.gradients or "
                       "network.backprop")


def _do_it_yourself(net):
    """A copy of ``net`` whose ``gradients`` and ``backprop`` refuse to run: the exercises ask for the recipe."""
    copy = net.copy()
    copy.gradients = copy.backprop = _no_gradients
    return copy


def _hint_for_errors(problems, net, layers=False):
    """Add a hint when the learner's function failed on a shape: the test networks are small, and (``layers``) each
    sigma'(z) belongs to one layer."""
    if problems and " raised " in problems[0] and any(word in problems[0] for word in ("shape", "broadcast",
                                                                                        "index", "size")):
        hints = []
        if layers:
            hints.append("hint: a shape did not fit. Is each sigma'(z) taken at the layer whose nudges it multiplies? "
                         "forward.zs[l] holds the weighted inputs of the layer that network.weights[l] feeds, and "
                         f"the test network's layers have {', '.join(str(n) for n in net.sizes[1:])} neurons")
        hints.append(f"hint: the check's test network has sizes {net.sizes}, not the course's "
                     "784-16-16-10: take every size from network.sizes (e.g. network.sizes[-1] outputs) "
                     "rather than writing 10 or 16")
        problems = problems + hints
    return problems


def check_batch_nudge(answer):
    """Exercise 3: ``batch_nudge(network, x, labels)`` returns the average over the examples of
    ``-dC_i/dW`` for the output layer's weights, computed from ``network.forward(x, return_all=True)``
    without ``network.gradients``; shape ``network.weights[-1].shape``."""
    exercise = "Exercise 3 (the average nudge of a batch, in matrix form)"
    if not_answered(exercise, answer):
        return False
    rng = np.random.default_rng(63)
    net, _, _ = _small_network(63)
    x, labels = rng.uniform(0, 1, (5, 7)), rng.integers(0, 3, 5)
    expected = -net.gradients(x, labels).dW[-1]
    result, problems = call_answer(answer, (_do_it_yourself(net), x.copy(), labels.copy()), expected.shape,
                                   "batch_nudge")
    problems = _hint_for_errors(problems, net)
    if result is not None and not np.allclose(result, expected, rtol=1e-6, atol=1e-12):
        forward = net.forward(x, return_all=True)
        a_prev, out = forward.activations[-2], forward.activations[-1]
        error = np.eye(3)[labels] - out
        hint = ("for one example the nudge of w_jk is a_k sigma'(z_j) 2 (y_j - a_j) (section 3); the batch's is "
                "the average of these over the examples: which matrix product sums over the examples?")
        if np.allclose(result, -expected, rtol=1e-6):
            hint = "the signs are flipped: the nudge is MINUS the gradient"
        elif np.allclose(result, expected * len(labels), rtol=1e-6):
            hint = "that is the sum over the examples; divide by the number of examples"
        elif np.allclose(result, (2 * error).T @ a_prev / len(labels), rtol=1e-6):
            hint = "the factor sigma'(z_j) of the output neurons is missing"
        elif np.allclose(result, expected / 2, rtol=1e-6):
            hint = "off by a factor 2: the derivative of (a - y)**2 is 2 (a - y)"
        problems.append(f"your average differs from backpropagation's (largest difference "
                        f"{np.max(np.abs(result - expected)):.2g}); {hint}")
    return report(exercise, problems)


def _predicted_cosine(ratio, size):
    """Section 7's mean cosine of a batch of ``size`` drawn with repetition, ``ratio = variance / gradient_norm2``."""
    return 1 / np.sqrt(1 + ratio / size)


def check_smallest_batch(answer):
    """Exercise 4: ``smallest_batch(variance, gradient_norm2, cosine)`` returns the smallest whole batch size B whose
    predicted mean cosine ``1 / sqrt(1 + variance / (B * gradient_norm2))`` (batches drawn with repetition) is at least
    ``cosine``. An int, a float with a whole value or a numpy number are accepted."""
    exercise = "Exercise 4 (the smallest batch that points well enough)"
    if not_answered(exercise, answer):
        return False
    cases = [(0.879, 0.002124, 0.7), (2.5, 0.01, 0.9), (0.3, 0.05, 0.6), (1.0, 1.0, 0.1)]
    for variance, norm2, cosine in cases:
        ratio = variance / norm2
        result, problems = call_answer(answer, (variance, norm2, cosine), (), "smallest_batch")
        if problems:
            return report(exercise, problems + ["hint: return one number, a batch size, for one target cosine"])
        result = float(result)
        where = f"for variance = {variance}, gradient_norm2 = {norm2}, cosine = {cosine} your function gives {result:.6g}"
        if not np.isfinite(result) or result != np.floor(result):
            unsquared = ratio / (1 / cosine - 1)
            why = ("the cosine was not squared: 1 + v / (B ||grad C||^2) must be at most 1 / cosine^2"
                   if np.isfinite(result) and np.isclose(result, unsquared, rtol=1e-6) else
                   "a batch holds a whole number of images: round the bound you solved for, in the right direction")
            return report(exercise, [f"{where}; {why}"])
        size = int(result)
        if size < 1:
            return report(exercise, [f"{where}; a batch holds at least one image"])
        if _predicted_cosine(ratio, size) < cosine * (1 - 1e-12):
            why = ("too small: its predicted cosine is below the target. Did you round down? The bound you solved "
                   "for is a smallest size, so round up")
            return report(exercise, [f"{where}; {why}"])
        if size > 1 and _predicted_cosine(ratio, size - 1) >= cosine:
            unsquared = int(np.ceil(ratio / (1 / cosine - 1)))
            why = ("not the smallest: a smaller batch already reaches the target"
                   + ("; did you forget to square the cosine? 1 + v / (B ||grad C||^2) must be at most "
                      "1 / cosine^2" if size == unsquared else ""))
            return report(exercise, [f"{where}; {why}"])
    print("  Now use it on the lesson's variance and gradient_norm2, and measure batches of that size.")
    return report(exercise, [])
