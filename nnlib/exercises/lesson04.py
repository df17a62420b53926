"""Self-checks for the exercises of lesson 4 (cost and gradient descent)."""

import numpy as np

from ..datasets import load_mnist, one_hot
from ..descent import bowl_gradient
from ..network import Network
from . import array_problems, is_number, not_answered, report


def exercise_network():
    """The random 784-16-16-10 network of exercise 1 (sigmoid, quadratic cost, seed 0)."""
    return Network([784, 16, 16, 10], seed=0)


def check_average_cost(answer):
    """Exercise 1: the average quadratic cost of :func:`exercise_network` on the first 100 test images."""
    exercise = "Exercise 1 (average cost over 100 test images)"
    if not_answered(exercise, answer):
        return False
    if isinstance(answer, np.ndarray) and answer.ndim == 0:
        answer = answer.item()                      # a numpy scalar in an array, e.g. np.array(4.87)
    if not is_number(answer):
        return report(exercise, [f"the answer should be one finite number, got {type(answer).__name__} "
                                 f"{np.shape(answer) if isinstance(answer, np.ndarray) else repr(answer)[:60]}"])
    mnist = load_mnist()
    outputs = exercise_network().forward(mnist.x_test[:100])
    per_example = np.sum((outputs - one_hot(mnist.y_test[:100])) ** 2, axis=1, dtype=np.float64)
    problems = []
    if np.isclose(float(answer), per_example.sum(), rtol=1e-4):
        problems.append("that is the sum over the 100 examples; the average divides by their number")
    elif np.isclose(float(answer), per_example.mean() / 10, rtol=1e-4):
        problems.append("that divides by the 10 outputs too; the cost of one example is a sum over the outputs")
    elif not np.isclose(float(answer), per_example.mean(), rtol=1e-4):
        problems.append(f"got {float(answer):.4f}. For each image sum the squared differences over the 10 "
                        "outputs, then average over the 100 images")
    return report(exercise, problems)


def check_bowl_gradient(answer):
    """Exercise 2: the gradient of C(x, y) = 3/2 x^2 + 1/2 y^2 at (-2, 3), as an array of shape (2,)."""
    exercise = "Exercise 2 (gradient of the bowl at (-2, 3))"
    if not_answered(exercise, answer):
        return False
    problems = array_problems(answer, (2,))
    if not problems:
        expected = bowl_gradient(np.array([-2.0, 3.0]))
        answer = np.asarray(answer, dtype=float)
        if np.allclose(answer, -expected, atol=1e-3):
            problems.append("that is the negative gradient (downhill); the gradient points uphill")
        elif np.allclose(answer, [1.5 * 4, 0.5 * 9], atol=1e-3) or np.allclose(answer, [-3.0, 1.5], atol=1e-3):
            problems.append("differentiate: d/dx (3/2 x^2) = 3x and d/dy (1/2 y^2) = y")
        elif not np.allclose(answer, expected, atol=1e-3):
            problems.append(f"got {np.round(answer, 4).tolist()}; the gradient is (dC/dx, dC/dy) evaluated at x=-2, y=3")
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
