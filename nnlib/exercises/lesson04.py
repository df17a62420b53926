"""Self-checks for the exercises of lesson 4 (cost and gradient descent)."""

import numpy as np

from ..datasets import load_mnist
from ..descent import bowl_gradient, gradient_descent, wavy_slope
from . import array_problems, not_answered, one_number, report

def _curvature(x):
    """f''(x) = 1/5 - 4 sin 2x for wavy."""
    return 0.2 - 4 * np.sin(2 * x)


def _lowest_bottom():
    x = -0.75
    for _ in range(20):                              # Newton's method on f'(x) = 0
        x -= float(wavy_slope(x)) / _curvature(x)
    return x


WAVY_BOTTOM = _lowest_bottom()
"""The bottom of wavy's lowest valley, x = -0.74796...: f'(x) = x/5 + 2 cos 2x = 0 there."""
WAVY_CURVATURE = float(_curvature(WAVY_BOTTOM))
"""f''(x) = 1/5 - 4 sin 2x at that bottom, about 4.19."""
OTHER_CURVATURE = float(_curvature(2.2430756))
"""The curvature of the valley at x = 2.243, about 4.10, which section 5 prints: a tempting number to copy."""
START = -2.0
"""Where exercise 3's walk starts (one of the starts of section 3, in the lowest valley)."""
VALLEY = (-2.482, 0.827)
"""The hilltops on either side of that valley (where f' = 0 and f'' < 0)."""




def _lazy_cost(c):
    """Average cost of a network answering c on all ten outputs: (c - 1)^2 for the right one, c^2 for nine."""
    return (c - 1) ** 2 + 9 * c ** 2


def check_best_constant(best_constant):
    """Exercise 1a: the constant output c (the same on all ten neurons) with the lowest average cost.

    The cost of every image is (c - 1)^2 + 9 c^2, whatever the digit; its slope 2(c - 1) + 18 c is 0 at
    c = 0.1. Accepted within 0.002 (a grid search with steps of 0.001 or 0.01 finds it).
    """
    exercise = "Exercise 1a (the best constant output)"
    if not_answered(exercise, best_constant):
        return False
    c = one_number(best_constant)
    if c is None:
        return report(exercise, [f"the answer should be one number c, got {type(best_constant).__name__}"])
    if abs(c - 0.1) <= 0.002:
        return report(exercise, [])
    if abs(c) > 100:
        return report(exercise, [f"c = {c:g} is far from the wanted outputs, which are all 0 or 1"])
    slope = 2 * (c - 1) + 18 * c
    way = "down" if slope > 0 else "up"
    if abs(c - 0.1) <= 0.01:
        problem = (f"close: at c = {c:g} the average cost is {_lazy_cost(c):.5f} and its slope is {slope:+.4f}, small "
                   f"but not 0. Where exactly is the slope 0?")
    else:
        problem = (f"at c = {c:g} the lazy network's average cost is {_lazy_cost(c):.4f}, and the cost's slope with "
                   f"respect to c is {slope:+.3f} there: a slightly {'smaller' if slope > 0 else 'larger'} c costs "
                   f"less, so move c {way}")
    return report(exercise, [problem])


def check_lazy_accuracy(lazy_accuracy):
    """Exercise 1b: the share of the first 100 test images the lazy network answers right.

    Its ten outputs are equal, and ``np.argmax`` returns the first of equal values, neuron 0: it answers 0 for
    every image and is right for the images of a 0. Accepted as a fraction (0.08) or as the count or the
    percentage out of 100 (8).
    """
    exercise = "Exercise 1b (the lazy network's accuracy)"
    if not_answered(exercise, lazy_accuracy):
        return False
    a = one_number(lazy_accuracy)
    if a is None:
        return report(exercise, [f"the answer should be one number (a fraction such as 0.5, or a count out of "
                                 f"100), got {type(lazy_accuracy).__name__}"])
    labels = load_mnist().y_test[:100]
    right = int(np.sum(labels == 0))
    if np.isclose(a, right / labels.size) or np.isclose(a, right):
        return report(exercise, [])
    if np.isclose(a, 0.1) or np.isclose(a, 10):
        problem = ("that is one in ten, as if a tie were broken at random. It is not: which neuron does np.argmax "
                   "return when all ten values are equal, and how many of the 100 images show that digit?")
    elif not 0 <= a <= 100:
        problem = f"{a:g} cannot be an accuracy: give a fraction from 0 to 1 or a count out of 100"
    else:
        problem = ("count the images whose label equals the lazy network's answer (its brightest neuron, "
                   "np.argmax of its ten outputs) and divide by 100")
    return report(exercise, [problem])


def check_bowl_gradient(gradient):
    """Exercise 2: the gradient of the tilted bowl C(x, y) = x^2 + x y + y^2 at (-2, 3), two numbers.

    ``(dC/dx, dC/dy) = (2x + y, x + 2y)``, which is (-1, 4) there. Any sequence of two numbers is accepted.
    """
    exercise = "Exercise 2 (gradient of the tilted bowl at (-2, 3))"
    if not_answered(exercise, gradient):
        return False
    problems = array_problems(gradient, (2,))
    if not problems:
        x, y = -2.0, 3.0
        expected = np.array([2 * x + y, x + 2 * y])
        answer = np.asarray(gradient, dtype=float)
        if np.allclose(answer, expected, atol=1e-3):
            return report(exercise, [])
        if np.allclose(answer, 0, atol=1e-9):
            problems.append("(0, 0) is what numerical_gradient returns when the function you give it does not read "
                            "the array it nudges (for example a lambda with the numbers -2 and 3 written in): the "
                            "function must compute C from that array, p[0] and p[1]")
        elif np.allclose(answer, -expected, atol=1e-3):
            problems.append("that is the negative gradient (downhill); the gradient points uphill")
        elif np.allclose(answer, expected[::-1], atol=1e-3):
            problems.append("the two components are swapped: the first is dC/dx, the second dC/dy")
        elif np.allclose(answer, [2 * x, 2 * y], atol=1e-3):
            problems.append("those are the derivatives of x^2 and y^2 only: the term x y depends on both variables, "
                            "so it adds something to both partial derivatives")
        elif np.allclose(answer, bowl_gradient(np.array([x, y])), atol=1e-3):
            problems.append("that is the gradient of section 4's bowl 3/2 x^2 + 1/2 y^2; this exercise's bowl is "
                            "x^2 + x y + y^2")
        else:
            problems.append(f"got {np.round(answer, 4).tolist()}; the gradient is (dC/dx, dC/dy): differentiate with "
                            "respect to x holding y fixed, then the other way round, and evaluate at x = -2, y = 3")
    return report(exercise, problems)


def check_tilted_limit(rate_limit):
    """Exercise 2, second part: the largest learning rate with which descent on x^2 + x y + y^2 converges.

    The curvature along the x axis is 2, but the bowl's own axes are its diagonals, with curvatures 3 and 1 (its
    Hessian [[2, 1], [1, 2]] has eigenvalues 3 and 1), so the limit is 2/3. Accepted within 1% (0.66, 0.667, 2/3).
    Named slips (1, 0.5, 2, 1/3) get their own message; any other wrong answer is told what to decide, never
    whether the limit is higher or lower (that would let a few tries bisect to it).
    """
    exercise = "Exercise 2b (the tilted bowl's learning-rate limit)"
    if not_answered(exercise, rate_limit):
        return False
    value = one_number(rate_limit)
    if value is None:
        return report(exercise, [f"the answer should be one number, a learning rate, got {type(rate_limit).__name__}"])
    if value <= 0:
        return report(exercise, ["a learning rate must be positive: with a negative one each step goes uphill"])
    if abs(1.5 * value - 1) <= 0.0101:
        return report(exercise, [])
    if abs(value - 1) <= 0.01:
        return report(exercise, ["1 is 2 over the curvature along the x axis, but the term x y tilts the bowl: which "
                                 "directions are its own axes, and how much does it curve along them?"])
    if abs(value - 0.5) <= 0.005:
        return report(exercise, ["0.5 would be the fastest rate in the long run if the curvatures were those of "
                                 "section 5's bowl; the question asks for the largest rate that still converges"])
    if abs(value - 2) <= 0.02:
        return report(exercise, ["that is 2 over the curvature of the flattest direction; the walk must settle in "
                                 "every direction at once, and the most curved one gives up first"])
    if abs(3 * value - 1) <= 0.01:
        return report(exercise, ["that is 1/k, where the walk starts to zig-zag in the most curved direction; a "
                                 "zig-zagging walk can still converge. Where does it stop converging?"])
    return report(exercise, [f"{value:g} is not the limit. Do not search for it: the limit is 2/k with k the "
                             f"largest curvature in any direction, so compute how much C curves along a few "
                             f"directions through (0, 0), not only along the axes x and y, and decide"])


def _walk_report(rate, n_steps=2000):
    """What descent on wavy from START at ``rate`` does: (steps to within 1e-8 of the bottom or None, kind)."""
    walk = gradient_descent(wavy_slope, START, rate, n_steps, tolerance=0.0)
    offsets = walk.path - WAVY_BOTTOM
    near = np.flatnonzero(np.abs(offsets) < 1e-8)
    if near.size:
        before = offsets[1:near[0] + 1]
        signs = np.sign(before[np.abs(before) > 1e-12])
        zigzag = signs.size > 1 and np.mean(signs[1:] != signs[:-1]) > 0.5
        return int(near[0]), "zig-zag" if zigzag else "one side"
    if not np.all(np.isfinite(walk.path)) or np.abs(walk.path).max() > 1e6:
        return None, "runs off"
    tail = walk.path[-50:]
    if np.all((tail > VALLEY[0]) & (tail < VALLEY[1])):          # still in the valley, between its two hilltops
        return None, "swing"
    return None, "leaves"


def _factor_near_bottom(rate, offset=1e-4):
    """What one step at ``rate`` multiplies the distance to the bottom by, measured from ``offset`` beside it.

    Close to the bottom this is 1 - rate f''(x*) (the derivation of section 5), up to terms of the size of ``offset``.
    """
    x0 = WAVY_BOTTOM + offset
    x1 = x0 - rate * float(wavy_slope(x0))
    return (x1 - WAVY_BOTTOM) / offset


def check_fastest_rate(rate):
    """Exercise 3: the learning rate with which the walk closes in fastest on the bottom of wavy's lowest valley.

    Close to the bottom x* every step multiplies the distance to it by 1 - rate k, with k = f''(x*) = 4.19; the rate
    whose factor is smallest in size makes it 0: rate = 1 / k = 0.2387. Accepted when the factor, measured with one
    step taken 1e-4 beside the bottom, is at most 0.015 in size (rates within 1.5% of 1 / k: rounding k or the rate
    to two digits passes; 1 over the other valley's curvature, 0.2440, gives -0.022 and does not).
    Wrong answers are never told the factor's value (two of them would give k by interpolation); within 30% of
    1 / k (factor at most 0.3 in size) they are told they are close, without a direction, so that a few tries
    cannot bisect to the answer; further away, whether the steps fall short or overshoot. The exercise's open part
    uses 0.98 x 2/k and 1.02 x 2/k with the learner's k, not twice the accepted rate: at exactly 2/k the walk is on
    a knife-edge (just below it settles, just above it swings for ever), and rounding would decide.
    """
    exercise = "Exercise 3 (the fastest learning rate for wavy's lowest valley)"
    if not_answered(exercise, rate):
        return False
    value = one_number(rate)
    if value is None:
        return report(exercise, [f"the answer should be one number, the learning rate, got {type(rate).__name__}"])
    if value <= 0:
        return report(exercise, ["a learning rate must be positive: with a negative one each step goes uphill, and 0 "
                                 "does not move"])
    if value > 1e3:
        return report(exercise, [f"{value:g} is far too large a step for a valley a few units wide"])
    factor = _factor_near_bottom(value)
    if abs(factor) <= 0.015:
        steps, _ = _walk_report(value, n_steps=100)
        verdict = report(exercise, [])
        print(f"  At {value:.4g} one step beside the bottom multiplies the distance to it by {factor:+.3f}; the walk from {START} is within 1e-8 of the bottom after {steps} "
              f"steps.")
        return verdict
    if abs(value * OTHER_CURVATURE - 1) <= 0.002:
        return report(exercise, ["that rate comes from the curvature of the valley at x = 2.243 (section 5); this "
                                 "exercise's valley is the lowest one, at x = -0.748, whose curvature differs"])
    if abs(value - 0.5) <= 1e-3:
        return report(exercise, ["0.5 is the best rate for section 5's bowl, whose curvatures are 3 and 1; this "
                                 "valley has one curvature of its own: measure it"])
    if abs(factor) <= 0.3:
        return report(exercise, [f"close, but not yet the rate whose factor is 0: at {value:g} one step beside the "
                                 f"bottom does not land on it. Do not search: compute k more accurately (finite "
                                 f"differences with a small h, or f'' from its formula) and reason from 1 - ηk"])
    beside = f"at {value:g} one step beside the bottom"
    if abs(factor + 1) <= 0.03:
        return report(exercise, [f"{beside} multiplies the distance to it by about -1, the limit of section 5, where "
                                 f"the walk swings across the bottom and hardly closes in at all. That is about the "
                                 f"largest rate that still settles (and only barely), not the fastest"])
    if factor > 0:
        return report(exercise, [f"{beside} falls well short, so the walk creeps up on the bottom from one side: "
                                 f"which rate would make the factor 1 - ηk zero?"])
    if factor > -1:
        return report(exercise, [f"{beside} overshoots it by much, so the walk zig-zags across the bottom: which rate "
                                 f"would make the factor 1 - ηk zero?"])
    _, kind = _walk_report(value)
    what = {"swing": "never settles at the bottom: it keeps swinging across it",
            "leaves": "leaves this valley for another one",
            "runs off": "runs off to infinity"}.get(kind, "overshoots the bottom further and further")
    return report(exercise, [f"{beside} overshoots so far that a swing across the bottom grows at every step, and the walk from {START} "
                             f"{what}"])


PREDICT_RATE, PREDICT_FROM, PREDICT_TO = 0.1, 0.01, 1e-8
"""Exercise 3b: a walk at rate 0.1 started 0.01 beside the bottom, until it is within 1e-8 of it."""


def _steps_needed(rate=PREDICT_RATE, offset=PREDICT_FROM, within=PREDICT_TO):
    """The number of steps the walk from ``offset`` beside wavy's lowest bottom needs to come within ``within``."""
    walk = gradient_descent(wavy_slope, WAVY_BOTTOM + offset, rate, 1000, tolerance=0.0)
    near = np.flatnonzero(np.abs(walk.path - WAVY_BOTTOM) < within)
    return int(near[0]) if near.size else None


def check_predicted_steps(predicted_steps):
    """Exercise 3b: the steps a walk at rate 0.1, started 0.01 beside the lowest bottom, needs to come within 1e-8.

    Each step multiplies the distance by about 1 - 0.1 k = 0.581, so n steps shrink it by 0.581^n, and
    0.01 x 0.581^n < 1e-8 needs n > ln(1e-6) / ln(0.581) = 25.5: 26 steps, as the walk measures. Accepted from 25
    to 27 (whole or not: 25.45 passes). Wrong answers are told the factor idea, and the direction only when they
    are more than 1.5 times off; never the count.
    """
    exercise = "Exercise 3b (steps at rate 0.1, predicted from the factor)"
    if not_answered(exercise, predicted_steps):
        return False
    n = one_number(predicted_steps)
    if n is None:
        return report(exercise, [f"the answer should be one number of steps, got {type(predicted_steps).__name__}"])
    measured = _steps_needed()
    if measured is not None and measured - 1 <= n <= measured + 1:
        verdict = report(exercise, [])
        print(f"  The walk itself needs {measured} steps.")
        return verdict
    if n <= 0:
        return report(exercise, ["the walk starts 0.01 away and must come within 1e-8: that takes some steps"])
    if abs(n - 6) <= 0.5:
        return report(exercise, ["that would be right if each step multiplied the distance by 0.1, the rate itself; "
                                 "the factor is 1 - ηk, with this valley's curvature k"])
    if measured is not None and measured / 1.5 <= n <= 1.5 * measured:
        return report(exercise, [f"{n:g} is not it. Each step multiplies the distance to the bottom by the same factor "
                                 f"1 - 0.1 k: after n steps it is 0.01 times that factor to the power n. Solve for "
                                 f"the n at which that reaches 1e-8, with k from the valley's curvature"])
    way = "far fewer" if measured is not None and n > measured else "far more"
    return report(exercise, [f"the walk needs {way} steps than {n:g}. Each step multiplies the distance to the bottom "
                             f"by the same factor 1 - 0.1 k: after n steps it is 0.01 times that factor to the power "
                             f"n. For which n is that below 1e-8?"])


def _parabola_slope(x):
    """f'(x) = 2 (x - 3), the slope of f(x) = (x - 3)^2: a known function with its bottom at 3."""
    return 2 * (x - 3)


def _as_path(result, steps):
    """The learner's returned path as a float array of shape (steps + 1, ...), or a message saying what it is."""
    if result is None:
        return None, ("your function returns None: write its body (or, if you did, end it with `return path`, "
                      "the list of every point from x0 on)")
    if isinstance(result, tuple) and len(result) == 2:      # (point, path), as nnlib's gradient_descent returns
        result = result[1]
    try:
        path = np.array(result, dtype=float)
    except (TypeError, ValueError):
        return None, f"your function returns {type(result).__name__}, not a list of points"
    if path.ndim == 0 or (path.ndim == 1 and path.size == 2 and steps != 1):
        return None, "your function returns one point; return the whole path, every point from x0 on"
    return path, None


def check_descend(descend):
    """Build-it exercise: ``descend(f_prime, x0, rate, steps)`` returns the path of ``steps`` gradient-descent steps.

    The path is the list (or array) of the ``steps + 1`` points x0, x1, ..., each ``x - rate * f_prime(x)`` of the
    one before; a pair ``(point, path)`` is accepted too. Checked on f(x) = (x - 3)^2 from 0 (rate 0.25: each step
    halves the distance to 3) and on the bowl from (-1.8, 1.6), a start given as a numpy array. Named slips: no
    return, one point returned, the start left out, a step up the slope, the in-place ``+=`` that makes every point
    of the path one array, and a changed x0.
    """
    exercise = "Build it (your own descent loop)"
    if not_answered(exercise, descend):
        return False
    if not callable(descend):
        return report(exercise, [f"pass your function itself (my_descend, no brackets), got "
                                 f"{type(descend).__name__}"])
    cases = [(_parabola_slope, 0.0, 0.25, 6, 3 - 3 * 0.5 ** np.arange(7)),
             (bowl_gradient, np.array([-1.8, 1.6]), 0.1, 5,
              gradient_descent(bowl_gradient, [-1.8, 1.6], learning_rate=0.1, n_steps=5, tolerance=0).path)]
    for f_prime, x0, rate, steps, expected in cases:
        where = "on f(x) = (x - 3)², from 0" if np.ndim(x0) == 0 else "on the bowl, from np.array([-1.8, 1.6])"
        start = np.array(x0, dtype=float)
        try:
            result = descend(f_prime, x0, rate, steps)
        except Exception as error:                        # the learner's bug: name it, never raise
            return report(exercise, [f"{where}, your function raised {type(error).__name__}: {error}"])
        if np.ndim(x0) and not np.array_equal(x0, start):
            return report(exercise, [f"{where}, your function changed the array x0 it was given: make new arrays "
                                     "(point = point - ...) rather than changing one in place"])
        path, problem = _as_path(result, steps)
        if problem:
            return report(exercise, [f"{where}, {problem}"])
        if path.shape == expected[1:].shape and np.allclose(path, expected[1:], atol=1e-9):
            return report(exercise, [f"{where}, the path leaves out the start: it should begin with x0 itself and "
                                     f"have steps + 1 = {steps + 1} points"])
        if path.shape != expected.shape:
            return report(exercise, [f"{where}, {steps} steps should give a path of {steps + 1} points of shape "
                                     f"{expected.shape[1:] or 'one number'}, got an array of shape {path.shape}"])
        if np.allclose(path, expected, atol=1e-9):
            continue
        if np.allclose(path, path[-1], atol=1e-12):
            return report(exercise, [f"{where}, every point of the path is the same: they are one array, changed in "
                                     "place at every step (as `point += step` does); make a new array at each step"])
        uphill = [start]
        for _ in range(steps):
            uphill.append(uphill[-1] + rate * f_prime(uphill[-1]))
        if np.allclose(path, np.array(uphill), atol=1e-9):
            return report(exercise, [f"{where}, your walk goes uphill: each step should go against the slope"])
        wrong = int(np.argmax(np.any(np.abs(np.reshape(path - expected, (steps + 1, -1))) > 1e-9, axis=1)))
        return report(exercise, [f"{where}, point {wrong} of the path is not x - rate · f'(x) of the one before "
                                 "(check that each step uses the slope at the point you stand on, times rate)"])
    return report(exercise, [])
