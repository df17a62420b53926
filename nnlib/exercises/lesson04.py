"""Self-checks for the exercises of lesson 4 (cost and gradient descent)."""

import numpy as np

from ..datasets import load_mnist, one_hot
from ..descent import bowl_gradient
from . import array_problems, is_number, not_answered, report


def check_average_cost(answer):
    """Exercise 1: the average cost, on the first 100 test images, of a lazy network (0.1 on every output).

    The lazy network ignores the image and answers 0.1 on all ten output neurons. Every image costs
    (0.1 - 1)^2 + 9 (0.1 - 0)^2 = 0.81 + 0.09 = 0.9, so the average is 0.9 (computed here from the real
    labels all the same).
    """
    exercise = "Exercise 1 (the average cost of a lazy network)"
    if not_answered(exercise, answer):
        return False
    if isinstance(answer, np.ndarray) and answer.ndim == 0:
        answer = answer.item()                      # a numpy scalar in an array, e.g. np.array(0.9)
    if not is_number(answer):
        return report(exercise, [f"the answer should be one finite number, got {type(answer).__name__} "
                                 f"{np.shape(answer) if isinstance(answer, np.ndarray) else repr(answer)[:60]}"])
    labels = load_mnist().y_test[:100]
    per_example = np.sum((np.full((labels.size, 10), 0.1) - one_hot(labels)) ** 2, axis=1)
    value, problems = float(answer), []
    if np.isclose(value, per_example.sum(), rtol=1e-4):
        problems.append("that is the sum over the 100 examples; the average divides by their number")
    elif np.isclose(value, per_example.mean() / 10, rtol=1e-4):
        problems.append("that is a tenth of the cost: either you averaged over the 10 outputs (the cost of one "
                        "example is their sum) or you left out the right neuron, which says 0.1 but should say 1")
    elif np.isclose(value, 0.81, rtol=1e-4):
        problems.append("that counts only the right neuron, (0.1 - 1)^2; the nine wrong ones add (0.1 - 0)^2 each")
    elif not np.isclose(value, per_example.mean(), rtol=1e-4):
        problems.append(f"got {value:.4f}. For each image sum the squared differences between the lazy outputs "
                        "(0.1 ten times) and the one-hot target over the 10 outputs, then average over the 100 images")
    return report(exercise, problems)


def check_bowl_gradient(answer):
    """Exercise 2: the gradient of the tilted bowl C(x, y) = x^2 + x y + y^2 at (-2, 3), as an array of shape (2,).

    ``(dC/dx, dC/dy) = (2x + y, x + 2y)``, which is (-1, 4) there.
    """
    exercise = "Exercise 2 (gradient of the tilted bowl at (-2, 3))"
    if not_answered(exercise, answer):
        return False
    problems = array_problems(answer, (2,))
    if not problems:
        x, y = -2.0, 3.0
        expected = np.array([2 * x + y, x + 2 * y])
        answer = np.asarray(answer, dtype=float)
        if np.allclose(answer, -expected, atol=1e-3):
            problems.append("that is the negative gradient (downhill); the gradient points uphill")
        elif np.allclose(answer, expected[::-1], atol=1e-3):
            problems.append("the two components are swapped: the first is dC/dx, the second dC/dy")
        elif np.allclose(answer, [2 * x, 2 * y], atol=1e-3):
            problems.append("the x y term is missing: as x changes, x y changes at the rate y, so d/dx (x y) = y; "
                            "likewise d/dy (x y) = x")
        elif np.allclose(answer, bowl_gradient(np.array([x, y])), atol=1e-3):
            problems.append("that is the gradient of section 4's bowl 3/2 x^2 + 1/2 y^2; this exercise's bowl is "
                            "x^2 + x y + y^2")
        elif not np.allclose(answer, expected, atol=1e-3):
            problems.append(f"got {np.round(answer, 4).tolist()}; the gradient is (dC/dx, dC/dy): differentiate with "
                            "respect to x holding y fixed, then the other way round, and evaluate at x = -2, y = 3")
    return report(exercise, problems)


def check_learn_rate_limit(answer):
    """Exercise 3: the smallest learning rate at which descent on the bowl from (-1.8, 1.6) no longer converges.

    Each step multiplies x by ``1 - 3 rate`` and y by ``1 - rate``; x stops shrinking once
    ``|1 - 3 rate| = 1``, at exactly 2/3, where it flips between -1.8 and 1.8 for ever. Only 2/3 is
    accepted (to within 1e-7, so that a float32 2/3 passes but 0.67 or 0.666667 do not).
    """
    exercise = "Exercise 3 (the learning rate where descent on the bowl stops converging)"
    if not_answered(exercise, answer):
        return False
    if not is_number(answer):
        return report(exercise, [f"the answer should be one finite number, got {answer!r} ({type(answer).__name__})"])
    rate, problems = float(answer), []
    if abs(rate - 2 / 3) <= 1e-7:
        return report(exercise, problems)
    x_factor, y_factor = abs(1 - 3 * rate), abs(1 - rate)
    if abs(rate - 2.0) < 0.02:
        problems.append("that is where the y direction stops converging; the x direction, 3 times steeper, stops earlier")
    elif abs(rate - 2 / 3) < 0.01:
        verdict = "diverges, slowly" if x_factor > 1 else "still converges, slowly"
        problems.append(f"close, but at {rate} each step multiplies x by {1 - 3 * rate:+.4f}, so the walk {verdict}. "
                        "The limit is the rate where |1 - 3 rate| is exactly 1: give that number exactly "
                        "(Python turns a fraction such as 5/7 into a number)")
    elif rate < 2 / 3:
        problems.append(f"at {rate} each step multiplies x by {1 - 3 * rate:+.3f} and y by {1 - rate:+.3f}, both of "
                        "size below 1, so the walk still converges: look at larger rates")
    else:
        problems.append(f"at {rate} the walk does not converge (each step multiplies x by {1 - 3 * rate:+.3f}, of size "
                        f"{x_factor:.3f} >= 1), but neither does it at some smaller rates: find the smallest")
    return report(exercise, problems)
