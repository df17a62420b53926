"""Self-checks for the exercises of lesson 4 (cost and gradient descent)."""

import numbers

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
    if isinstance(answer, bool) or not isinstance(answer, (numbers.Real, np.ndarray)) or np.ndim(answer) != 0:
        return report(exercise, [f"the answer should be one number, got {type(answer).__name__} {np.shape(answer)}"])
    mnist = load_mnist()
    outputs = exercise_network().forward(mnist.x_test[:100])
    per_example = np.sum((outputs - one_hot(mnist.y_test[:100])) ** 2, axis=1)
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


def check_largest_learn_rate(answer):
    """Exercise 3: the largest learning rate for which descent on the bowl still converges (2/3)."""
    exercise = "Exercise 3 (largest learning rate that converges on the bowl)"
    if not_answered(exercise, answer):
        return False
    if not is_number(answer):
        return report(exercise, [f"the answer should be one number, got {type(answer).__name__}"])
    problems = []
    if abs(answer - 2.0) < 0.02:
        problems.append("that is where the y direction starts to diverge; the x direction is 3 times steeper")
    elif answer > 2 / 3 + 0.01:
        problems.append(f"with a learning rate of {answer} each step multiplies x by 1 - 3 * {answer}, "
                        f"whose size is {abs(1 - 3 * answer):.2f} > 1: the walk runs away")
    elif answer < 2 / 3 - 0.01:
        problems.append(f"{answer} still converges, but larger rates do too: find where |1 - 3 * rate| reaches 1")
    return report(exercise, problems)
