"""Self-checks for the exercises of lesson 3, "Activation functions" (notebooks/03_activation_functions.ipynb)."""


import numpy as np

from ..activations import SIGMOID, sigmoid, sigmoid_prime
from . import array_problems, as_tuple, call_answer, is_number, not_answered, numbers_problems, report

_Z = np.linspace(-8, 8, 161)


def exercise_layers():
    """The three linear layers of exercise 1: ``(W1, b1, W2, b2, W3, b3)``, sizes 4 -> 3 -> 5 -> 2.

    ``W1`` has shape (3, 4), ``W2`` (5, 3), ``W3`` (2, 5); each bias has one entry per neuron of its
    layer. Fresh copies on every call, drawn with seed 3.
    """
    rng = np.random.default_rng(3)
    sizes = [4, 3, 5, 2]
    layers = []
    for n_in, n_out in zip(sizes[:-1], sizes[1:]):
        layers += [rng.standard_normal((n_out, n_in)), rng.standard_normal(n_out)]
    return tuple(layers)


def check_three_layers(answer):
    """Exercise 1: ``(W, b)``, one layer computing what the three linear layers of :func:`exercise_layers` compute.

    Three layers without activation compute ``W3 (W2 (W1 a + b1) + b2) + b3``, which is ``W a + b`` with
    ``W = W3 W2 W1`` and ``b = W3 (W2 b1 + b2) + b3``.
    """
    exercise = "Exercise 1 (three linear layers as one)"
    if not_answered(exercise, answer):
        return False
    if not isinstance(answer, (tuple, list)) or len(answer) != 2:
        return report(exercise, [f"the answer should be a pair (W, b), got {type(answer).__name__}"
                                 + (f" of length {len(answer)}" if isinstance(answer, (tuple, list)) else "")])
    W1, b1, W2, b2, W3, b3 = exercise_layers()
    expected_w, expected_b = W3 @ W2 @ W1, W3 @ (W2 @ b1 + b2) + b3
    problems = array_problems(answer[0], expected_w.shape, "W") + array_problems(answer[1], expected_b.shape, "b")
    if problems:
        if any("shape" in problem for problem in problems):
            problems.append("one layer from the 4 inputs to the 2 outputs needs W of shape (2, 4) and b of shape (2,)")
        return report(exercise, problems)
    w, b = np.asarray(answer[0], dtype=float), np.asarray(answer[1], dtype=float)
    if not np.allclose(w, expected_w):
        problems.append("W is not right: feed a through the layers one at a time and write down which matrix acts "
                        "on a first; in a product of matrices, the one that acts first stands on the right")
    if np.allclose(b, W3 @ (W2 @ b1 + b2)):
        problems.append("b leaves out b3: layer 3 adds it at the end")
    elif np.allclose(b, W3 @ W2 @ b1 + b3):
        problems.append("b leaves out b2: layer 2 adds it, and W3 multiplies it")
    elif np.allclose(b, W3 @ b2 + b3):
        problems.append("b leaves out b1: W2 and then W3 multiply it")
    elif not np.allclose(b, expected_b):
        problems.append("b is not right: work out what the three layers give for the input a = 0 (all zeros)")
    return report(exercise, problems)




BUMP_INSIDE = np.linspace(1.5, 3.5, 41)
BUMP_OUTSIDE = np.concatenate([np.linspace(-3.0, 0.5, 36), np.linspace(4.5, 8.0, 36)])


def bump(x, w1, b1, w2, b2):
    """Two sigmoid neurons, the second subtracted from the first: ``sigmoid(w1 x + b1) - sigmoid(w2 x + b2)``."""
    with np.errstate(over="ignore"):     # huge weights are fine answers: the sigmoids saturate
        return SIGMOID.function(w1 * x + b1) - SIGMOID.function(w2 * x + b2)


def check_bump(answer):
    """Exercise 2: ``(w1, b1, w2, b2)`` making ``sigmoid(w1 x + b1) - sigmoid(w2 x + b2)`` a bump.

    Above 0.95 for every x from 1.5 to 3.5, and between -0.05 and 0.05 for x up to 0.5 and from 4.5 on. One
    answer: switching points 1 and 4 (``-b/w``), both weights positive and large enough (10: ``b1 = -10``,
    ``b2 = -40``).
    """
    exercise = "Exercise 2 (a bump from two sigmoid neurons)"
    if not_answered(exercise, answer):
        return False
    answer = as_tuple(answer)
    problems = numbers_problems(answer, 4, "(w1, b1, w2, b2)")
    if problems:
        return report(exercise, problems)
    w1, b1, w2, b2 = (float(v) for v in answer)
    inside, outside = bump(BUMP_INSIDE, w1, b1, w2, b2), bump(BUMP_OUTSIDE, w1, b1, w2, b2)
    if np.all(inside > 0.95) and np.all(np.abs(outside) < 0.05):
        return report(exercise, [])
    if w1 == 0 or w2 == 0:
        return report(exercise, ["with a weight of 0 that neuron does not depend on x: it cannot switch anywhere"])
    if np.mean(inside) < -0.5:
        problems.append("your bump points down: the neuron that is subtracted switches on first. The first neuron "
                        "should switch on at the left edge of the bump, the second at the right edge")
    for name, w, b, low, high in (("first", w1, b1, 0.5, 1.5), ("second", w2, b2, 3.5, 4.5)):
        point = -b / w
        if w < 0:
            problems.append(f"the {name} neuron has a negative weight, so it switches OFF as x grows")
        if not low < point < high:      # at low or high itself the neuron is only half on there
            if point <= low:
                x, state = low, "already at least half on"
            else:
                x, state = high, "at most half on"
            must = "near 0" if (name, x) in (("first", low), ("second", high)) else "nearly 1"
            problems.append(f"the {name} neuron switches at x = -b/w = {point:.3g}, so at x = {x:g}, where the bump "
                            f"must be {must}, it is {state}, however steep it is")
    if not problems:
        worst_inside, worst_outside = float(inside.min()), float(outside[np.argmax(np.abs(outside))])
        problems.append(f"the switching points are fine but the switches are too gentle: the output goes down to "
                        f"{worst_inside:.3f} inside [1.5, 3.5] and reaches {worst_outside:+.3f} outside [0.5, 4.5]. "
                        "Make the weights larger, keeping each switching point -b/w where it is")
    return report(exercise, problems)


def silu(z):
    """SiLU ("swish"), ``z * sigmoid(z)``: close to 0 for very negative z, close to z for large z."""
    return z * sigmoid(z)


def _silu_prime(z):
    s = sigmoid(z)
    return s * (1 + z * (1 - s))


def check_silu_prime(answer):
    """Exercise 3: a function ``answer(z)`` computing the slope of SiLU, ``z * sigmoid(z)``, for an array z.

    By the product rule and ``sigmoid' = sigmoid (1 - sigmoid)``: ``sigmoid(z) (1 + z (1 - sigmoid(z)))``.
    """
    exercise = "Exercise 3 (the slope of SiLU)"
    if not_answered(exercise, answer):
        return False
    with np.errstate(all="ignore"):       # the learner's formula may overflow: the comparison below says so
        values, problems = call_answer(answer, (_Z.copy(),), _Z.shape, "your function")
    if problems:
        if any("TypeError" in problem for problem in problems):
            problems.append("compute with numpy (np.exp, not math.exp), so that the function works on a whole array")
        return report(exercise, problems)
    right = _silu_prime(_Z)
    if np.allclose(values, right, rtol=1e-12, atol=1e-13):
        return report(exercise, [])
    if np.allclose(values, right, rtol=1e-6, atol=1e-8):
        return report(exercise, ["your values agree with the slope to about 6-10 digits but not to 12: that is what a "
                                 "finite difference (or float32 arithmetic) gives, not the formula. Work out the "
                                 "derivative with the product rule and write it in float64"])
    s = sigmoid(_Z)
    if np.allclose(values, s):
        problems.append("that is sigmoid(z): the derivative of z times something that does not change; but "
                        "sigmoid(z) changes with z too: the product rule has a second term")
    elif np.allclose(values, _Z * s * (1 - s)):
        problems.append("that is z sigmoid'(z), one term of the product rule; the other one comes from the factor z")
    elif np.allclose(values, s * (1 - s)):
        problems.append("that is the slope of the sigmoid alone; SiLU is z times the sigmoid")
    elif np.allclose(values, silu(_Z)):
        problems.append("that is SiLU itself, not its slope")
    elif np.allclose(values, s + _Z * s):
        problems.append("the second term of the product rule needs the sigmoid's slope, sigmoid (1 - sigmoid), not "
                        "the sigmoid")
    else:
        worst = int(np.argmax(np.abs(values - right)))
        h = 1e-5
        numerical = (silu(_Z[worst] + h) - silu(_Z[worst] - h)) / (2 * h)
        problems.append(f"at z = {_Z[worst]:g} it gives {values[worst]:.6f}; a centred finite difference of "
                        f"z sigmoid(z) there gives {numerical:.6f}")
    return report(exercise, problems)


def chain_exercise():
    """The chain of exercise 4: ``(x, weights, biases)``: one input and three sigmoid neurons in a row.

    ``a1 = sigmoid(w1 x + b1)``, ``a2 = sigmoid(w2 a1 + b2)``, ``a3 = sigmoid(w3 a2 + b3)``.
    """
    return 1.0, (3.0, -2.0, 4.0), (-1.0, 0.5, -2.0)


def _chain_factors():
    x, weights, biases = chain_exercise()
    a, zs, activations = x, [], []
    for w, b in zip(weights, biases):
        z = w * a + b
        zs.append(z)
        a = float(sigmoid(z))
        activations.append(a)
    slopes = [float(sigmoid_prime(z)) for z in zs]
    return weights, zs, activations, slopes


def _rounded_from(value, right):
    """True if ``value`` is ``right`` rounded (or cut off) to fewer than 4 significant digits."""
    if value == 0 or np.sign(value) != np.sign(right):
        return False
    return (any(np.isclose(value, float(f"{right:.{digits}g}"), rtol=1e-9) for digits in (1, 2, 3))
            or np.isclose(value, right, rtol=0.02))


def check_chain_factors(answer):
    """Exercise 4: the three factors ``(w1 sigmoid'(z1), w2 sigmoid'(z2), w3 sigmoid'(z3))`` of the chain.

    Each neuron passes on a tiny change of its input multiplied by its weight and by the sigmoid's slope at its own
    weighted input; their product is how much ``a3`` moves per unit move of ``x``.
    """
    exercise = "Exercise 4 (the slope through a chain)"
    if not_answered(exercise, answer):
        return False
    answer = as_tuple(answer)
    problems = numbers_problems(answer, 3, "(factor 1, factor 2, factor 3)")
    if problems:
        return report(exercise, problems)
    weights, zs, activations, slopes = _chain_factors()
    right = [w * s for w, s in zip(weights, slopes)]
    for k, (value, w, z, a, s, good) in enumerate(zip(answer, weights, zs, activations, slopes, right), start=1):
        value = float(value)
        if np.isclose(value, good, rtol=1e-4, atol=0):
            continue
        if _rounded_from(value, good):
            problems.append(f"factor {k} is right but rounded too much: round less (keep at least 4 significant "
                            "digits, or do not round at all)")
            continue
        if np.isclose(value, s, rtol=1e-3):
            problems.append(f"factor {k} is sigmoid'(z{k}) without the weight w{k}: a change reaches z{k} multiplied "
                            f"by w{k}")
        elif np.isclose(value, 0.25 * w, rtol=1e-3):
            problems.append(f"factor {k} uses the sigmoid's largest slope, 1/4; use the slope at this neuron's own "
                            f"weighted input z{k}")
        elif np.isclose(value, w * a, rtol=1e-3):
            problems.append(f"factor {k} multiplies the weight by the activation; the factor uses the slope "
                            f"sigmoid'(z{k}) = a{k} (1 - a{k})")
        elif np.isclose(value, -good, rtol=1e-3):
            problems.append(f"factor {k} has the wrong sign: look at the sign of w{k}")
        else:
            problems.append(f"factor {k} is not right: compute z{k} from the activation before it "
                            f"({'x' if k == 1 else f'a{k - 1}'}), then w{k} sigmoid'(z{k})")
    correct = report(exercise, problems)
    if correct:
        print(f"  their product, how much a3 moves per unit move of x: {np.prod(right):+.6f}")
    return correct


LEAK = 0.2


def leaky_relu(z, leak=LEAK):
    """The leaky ReLU of exercise 5: ``z`` for ``z > 0``, ``leak * z`` for ``z <= 0``."""
    z = np.asarray(z, dtype=float)
    return np.where(z > 0, z, leak * z)


def check_leaky_spread(answer):
    """Exercise 5: the factor ``c`` of the starting spread ``c / sqrt(n_in)`` that keeps a leaky-ReLU network's
    weighted inputs at one size from layer to layer.

    A leaky ReLU keeps the positive half of a symmetric ``z`` and ``LEAK`` times the negative half, so the mean
    of ``a**2`` is ``(1 + LEAK**2) / 2`` times the variance of ``z``; each layer multiplies that variance by
    ``c**2 (1 + LEAK**2) / 2``, which is 1 for ``c = sqrt(2 / (1 + LEAK**2))``, about 1.387.
    """
    exercise = "Exercise 5 (a starting spread for leaky ReLU)"
    if not_answered(exercise, answer):
        return False
    if isinstance(answer, (tuple, list)) and len(answer) == 1:
        answer = answer[0]                                           # [1.39] is one number
    if isinstance(answer, np.ndarray) and answer.size == 1:
        answer = answer.reshape(-1)[0]                               # so is np.array([1.39])
    if isinstance(answer, np.generic):
        answer = answer.item()
    if not is_number(answer):
        return report(exercise, [f"the answer should be one number, the factor c, got {answer!r}"])
    c = float(answer)
    right = np.sqrt(2 / (1 + LEAK ** 2))
    if abs(c - right) < 5e-4:
        return report(exercise, [])
    problems = []
    if c <= 0:
        problems.append("c is a spread's factor: give the positive number (the sign of random weights does not matter)")
    elif np.isclose(c, np.sqrt(2), rtol=1e-3):
        problems.append("that is He's factor for ReLU, whose negative side gives nothing; the leaky ReLU's negative "
                        "side gives something: how much does it add to the mean of a²?")
    elif np.isclose(c, 2 / (1 + LEAK ** 2), rtol=1e-3):
        problems.append("that number makes the variance per layer right when it is c², not c: the spread is its "
                        "square root")
    elif np.isclose(c, np.sqrt(2 / (1 + LEAK)), rtol=1e-3) or np.isclose(c, 2 / (1 + LEAK), rtol=1e-3):
        problems.append(f"on the negative side a = {LEAK:g} z, so a² = ({LEAK:g} z)²: the leak enters a² squared")
    elif np.isclose(c, 1, rtol=1e-3):
        problems.append("with c = 1 each layer multiplies the variance of z by the mean of a² over the variance of z, "
                        "and for a leaky ReLU that is below 1: the signal fades")
    elif _rounded_from(c, right):
        problems.append("right, but rounded too much: round less (keep at least 3 decimals)")
    elif 1 <= c <= 2:                                 # no direction here: it would let a learner bisect
        problems.append(f"c = {c:g} is not right: work out what one layer does to the variance of z, for z > 0 and "
                        "for z < 0, and check it with the one-layer test, averaged over 20 draws")
    else:                                             # far off: the direction helps and gives nothing away
        problems.append(f"with c = {c:g} the weighted inputs {'grow' if c > 2 else 'fade'} fast from layer to layer: "
                        "work out what one layer does to the variance of z, for z > 0 and for z < 0, and check "
                        "it with the one-layer test, averaged over 20 draws")
    return report(exercise, problems)
