"""Self-checks for the exercises of lesson 6 (what backpropagation is doing).

The checks work out the right answers here, independently of the learner's code, for the quadratic
cost ``C0 = sum_j (a_j - y_j)**2`` of one example (averaged over the examples of a batch), and
recognise the usual slips.
"""

import numpy as np

from ..network import Network
from . import call_answer, not_answered, report

HEBBIAN_CASES = (
    ("(a) a_k = 0.9 into a WRONG output neuron that says 0.7", "down"),
    ("(b) a_k = 0.1 into the RIGHT answer's neuron, which says 0.2", "up"),
    ("(c) a_k = 0 into a wrong output neuron that says 0.7", "none"),
)
"""Exercise 1: the three weights described in the lesson, and the right answer for each."""

_HEBBIAN_REASONS = {
    "down": "the neuron fires but should not: y_j - a_j < 0, so the weight from a bright neuron goes DOWN "
            "(Hebb's rule would strengthen it)",
    "up": "the neuron should fire and does not yet: y_j - a_j > 0 and a_k > 0, so the weight goes UP, "
          "even though the two hardly fire together",
    "none": "the change is proportional to a_k, and a_k = 0: the weight does not change",
}


def check_hebbian_signs(answer):
    """Exercise 1: a tuple of three words, "up", "down" or "none", one per case of :data:`HEBBIAN_CASES`."""
    exercise = "Exercise 1 (fire together, wire together?)"
    if not_answered(exercise, answer):
        return False
    if not isinstance(answer, (tuple, list)) or len(answer) != 3 or not all(isinstance(a, str) for a in answer):
        return report(exercise, [f'the answer should be three words, each "up", "down" or "none", '
                                 f'e.g. ("none", "up", "up"); got {answer!r}'])
    problems = []
    for (case, right), given in zip(HEBBIAN_CASES, answer):
        given = given.strip().lower()
        if given not in ("up", "down", "none"):
            problems.append(f'{case}: answer "up", "down" or "none", got {given!r}')
        elif given != right:
            problems.append(f"{case}: not {given!r}. Look at the sign of a_k * sigmoid'(z_j) * 2 (y_j - a_j)")
    if not problems:
        print("  " + "\n  ".join(f"{case}: {right}, because {_HEBBIAN_REASONS[right]}" for case, right in HEBBIAN_CASES))
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
        result, problems = call_answer(answer, (net.copy(), x.copy(), label), expected.shape, "first_layer_nudges")
        if result is None and problems and "shape" in problems[0]:
            problems.append("hint: one number per neuron of the FIRST hidden layer: take the second hidden "
                            "layer's nudges one layer further back")
        if result is not None and not np.allclose(result, expected, rtol=1e-6, atol=1e-12):
            forward = net.forward(x, return_all=True)
            hidden2_nudges = -(g.deltas[2] @ net.weights[2])[0]
            if np.allclose(result, -expected, rtol=1e-6, atol=1e-12):
                hint = "the signs are flipped: a nudge is MINUS the derivative"
            elif np.allclose(result, net.weights[1].T @ hidden2_nudges, rtol=1e-6, atol=1e-12):
                hint = ("you forgot sigmoid'(z) of the second hidden layer: its nudges must go through its "
                        "neurons' slopes before being passed back")
            elif np.allclose(result, expected * 2, rtol=1e-6) or np.allclose(result, expected / 2, rtol=1e-6):
                hint = "off by a factor 2: the output nudges are 2 (y_j - a_j)"
            else:
                hint = ("nudge_k = sum_j w_jk sigmoid'(z_j) * (nudge of neuron j of hidden layer 2), with "
                        "network.weights[1] and the z of hidden layer 2 "
                        f"(forward(x, return_all=True).zs[1] has shape {forward.zs[1].shape})")
            problems.append(f"expected {np.round(expected, 5)}, got {np.round(result, 5)}; {hint}")
        if problems:
            break
    return report(exercise, problems)


def _no_gradients(*args, **kwargs):
    raise RuntimeError("this exercise asks you to compute the nudges without network.gradients")


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
    learner_net = net.copy()
    learner_net.gradients = _no_gradients           # the point of the exercise: do it yourself
    result, problems = call_answer(answer, (learner_net, x.copy(), labels.copy()), expected.shape, "batch_nudge")
    if result is not None and not np.allclose(result, expected, rtol=1e-6, atol=1e-12):
        forward = net.forward(x, return_all=True)
        a_prev, out = forward.activations[-2], forward.activations[-1]
        error = np.eye(3)[labels] - out
        hint = ("for each example, the nudge of w_jk is a_k sigmoid'(z_j) 2 (y_j - a_j); average over the "
                "examples (a matrix product of the deltas with the previous activations, divided by the batch size)")
        if np.allclose(result, -expected, rtol=1e-6):
            hint = "the signs are flipped: the nudge is MINUS the gradient"
        elif np.allclose(result, expected * len(labels), rtol=1e-6):
            hint = "that is the sum over the examples; divide by the number of examples"
        elif np.allclose(result, (2 * error).T @ a_prev / len(labels), rtol=1e-6):
            hint = "you forgot the factor sigmoid'(z_j) of the output neurons"
        elif np.allclose(result, expected / 2, rtol=1e-6):
            hint = "off by a factor 2: the derivative of (a - y)**2 is 2 (a - y)"
        problems.append(f"your average differs from the expected one; {hint}")
    return report(exercise, problems)
