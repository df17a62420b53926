"""Self-checks for the exercises of lesson 2, "Weights and biases" (notebooks/02_weights_and_biases.ipynb)."""


import numpy as np

from ..activations import SIGMOID
from . import as_tuple, is_number, not_answered, numbers_problems, one_number, report






def check_side_neuron(answer):
    """Exercise 1: ``(w, b)`` for a neuron ``sigmoid(w x + b)`` of steepness ``|w| = 4`` that is on only below 3.5.

    Half on at ``x = -b/w = 3.5`` and on below it: that needs ``w < 0`` (the weighted input falls as x grows),
    so ``w = -4`` and ``b = -3.5 w = 14``.
    """
    exercise = "Exercise 1 (a neuron that is on below 3.5)"
    if not_answered(exercise, answer):
        return False
    answer = as_tuple(answer)
    problems = numbers_problems(answer, 2, "(w, b)")
    if problems:
        return report(exercise, problems)
    w, b = float(answer[0]), float(answer[1])
    if w == 0:
        return report(exercise, ["with w = 0 the output does not depend on x at all"])
    if not np.isclose(abs(w), 4.0):
        problems.append(f"the steepness |w| should be 4, got |w| = {abs(w):g}")
    if w > 0:
        problems.append("with a positive weight the weighted input w x + b grows with x, so this neuron is on ABOVE "
                        "its switching point; it should be on below it")
    if not np.isclose(-b / w, 3.5):
        problems.append(f"with these numbers the neuron is half on at x = -b/w = {-b / w:g}, not at 3.5")
    return report(exercise, problems)


_COUNT_CASES = ([784, 16, 16, 10], [784, 30, 10], [2, 3, 1], [10, 10, 10, 10])


def _count(sizes):
    return sum(n_in * n_out + n_out for n_in, n_out in zip(sizes[:-1], sizes[1:]))


def _weights_only(sizes):
    return sum(n_in * n_out for n_in, n_out in zip(sizes[:-1], sizes[1:]))


def check_count_parameters(answer):
    """Exercise 3: a function ``answer(sizes)`` giving the number of weights and biases of a network.

    For layer sizes ``[n0, n1, ..., nL]`` each pair of neighbouring layers has ``n_in * n_out`` weights and
    ``n_out`` biases. Tried on several networks, including the course's 784-16-16-10 (13,002).
    """
    exercise = "Exercise 3 (parameters of any network)"
    if not_answered(exercise, answer):
        return False
    if not callable(answer):
        return report(exercise, [f"the answer should be a function count_parameters(sizes), got "
                                 f"{type(answer).__name__}"])
    problems = []
    for sizes in _COUNT_CASES:
        try:
            result = answer(list(sizes))
        except Exception as error:   # the learner's code may fail in any way: report it, never raise
            return report(exercise, [f"count_parameters({sizes}) raised {type(error).__name__}: {error}"])
        if isinstance(result, np.integer):
            result = int(result)
        if not is_number(result, integer=True):
            whole = isinstance(result, (float, np.floating)) and float(result).is_integer()
            problems.append(f"count_parameters({sizes}) returned {result!r}: a count should be a whole number (int)"
                            + (", e.g. int(...) around it" if whole else ""))
            break
        right = _count(sizes)
        if result == right:
            continue
        if result == _weights_only(sizes):
            problems.append(f"count_parameters({sizes}) gives {result:,}, which counts only the weights: every neuron "
                            "after the input layer also has a bias")
        elif result == right + sizes[0]:
            problems.append(f"count_parameters({sizes}) gives {result:,}: that gives the input layer biases too, but "
                            "input neurons just hold the pixels")
        else:
            problems.append(f"count_parameters({sizes}) gives {result:,}, which is not right. Draw the network "
                            "[2, 3, 1] and count: how many lines join neighbouring layers, and how many neurons "
                            "come after the input layer?")
        break
    return report(exercise, problems)


_THREE_PIXELS = [(a1, a2, a3) for a1 in (0, 1) for a2 in (0, 1) for a3 in (0, 1)]


def check_majority_neuron(answer):
    """Exercise 4: ``(w1, w2, w3, b)`` for a neuron on three pixels that is on when at least two of them are lit.

    Above 0.9 for the four images with two or three lit pixels, below 0.1 for the four with none or one. The
    hints follow each image's weighted input ``z``: "scale up" only when every image
    is strictly on its right side, and an image on the boundary (``|z|`` within 1% of the largest number) is
    named, since scaling cannot move it off. The answer (e.g. equal weights, a bias between one and two of them)
    is never printed.
    """
    exercise = "Exercise 4 (two of three pixels)"
    if not_answered(exercise, answer):
        return False
    answer = as_tuple(answer)
    problems = numbers_problems(answer, 4, "(w1, w2, w3, b)")
    if problems:
        return report(exercise, problems)
    weights, b = [float(v) for v in answer[:3]], float(answer[3])
    wanted = {c: sum(c) >= 2 for c in _THREE_PIXELS}
    with np.errstate(over="ignore", invalid="ignore"):   # huge numbers may add up to inf: saturated
        z = {c: sum(w * p for w, p in zip(weights, c)) + b for c in _THREE_PIXELS}
        out = {c: float(SIGMOID.function(z[c])) for c in _THREE_PIXELS}
    not_far = [c for c in _THREE_PIXELS if (out[c] <= 0.9 if wanted[c] else out[c] >= 0.1)]
    if not not_far:
        return report(exercise, [])
    problems = [f"pixels {c} ({sum(c)} lit) give {out[c]:.3f}; it should be {'above 0.9' if wanted[c] else 'below 0.1'}"
                for c in not_far]
    size = max(abs(v) for v in (*weights, b))
    on_line = [c for c in _THREE_PIXELS if not abs(z[c]) > 0.01 * size]       # also catches z = NaN (inf - inf)
    wrong_side = [c for c in _THREE_PIXELS if not (z[c] > 0 if wanted[c] else z[c] < 0)]
    singles = [c for c in _THREE_PIXELS if sum(c) == 1]
    pairs = [c for c in _THREE_PIXELS if sum(c) == 2]
    if all(w == 0 for w in weights):
        problems.append("with all three weights 0 the output is the same for every image: the pixels must count")
    elif out[(0, 0, 0)] > 0.5:
        problems.append("with no pixel lit it is already on: the bias alone decides the black image")
    elif on_line:
        problems.append("the image" + ("s " if len(on_line) > 1 else " ") + ", ".join(str(c) for c in on_line)
                        + (" lie" if len(on_line) > 1 else " lies") + " on the boundary or right next to it "
                        "(weighted input " + ", ".join(f"{z[c]:.2g}" for c in on_line) + "), where the output is "
                        "about 0.5. Scaling everything up together does not move the boundary, so it cannot help: "
                        "change the bias (or the weights) until every image is clearly on its own side")
    elif all(out[c] > 0.5 for c in singles):
        problems.append("that is an OR: one lit pixel is already enough; the bias must demand more than one pixel")
    elif all(out[c] <= 0.5 for c in pairs) and out[(1, 1, 1)] > 0.5:
        problems.append("that is an AND of all three: it demands three lit pixels where two should do")
    elif not wrong_side:
        problems.append("every image is on the right side of 0.5, but not beyond 0.9 and 0.1: scale the weights and "
                        "the bias up together (the boundary stays where it is, the switch gets sharper)")
    else:
        lone = [c for c in singles if z[c] > 0]
        missed = [c for c in pairs if z[c] <= 0]
        if lone:
            problems.append("a single lit pixel, " + ", ".join(str(c) for c in lone) + ", switches it on: one pixel "
                            "alone must never reach the threshold")
        if missed:
            problems.append("the pair" + ("s " if len(missed) > 1 else " ") + ", ".join(str(c) for c in missed)
                            + " should switch it on but do" + ("" if len(missed) > 1 else "es") + " not: every two "
                            "pixels together must pass the threshold")
        if not (lone or missed):
            problems.append("which side of the boundary is each image on? Write down the weighted input for "
                            "0, 1, 2 and 3 lit pixels")
    return report(exercise, problems)


def _training_set():
    from ..datasets import load_mnist   # here, so that importing the checks does not read MNIST

    mnist = load_mnist()
    return mnist.x_train, mnist.y_train


def detector_stats(weights, bias, digit=1):
    """How a neuron ``sigmoid(w . a + b)`` does as a detector of ``digit`` over the 60,000 training images.

    Returns a dict: ``on`` (how many images switch it more than half on), ``hits`` (how many of those show
    ``digit``), ``total`` (images of ``digit``), ``recall`` (hits / total), ``precision`` (hits / on), and
    ``others`` (for each other digit, how many of its images switch the neuron on).
    """
    x, y = _training_set()
    sums = x @ np.asarray(weights, dtype=np.float32).ravel()
    on = sums + np.float32(bias) > 0
    is_digit = y == digit
    hits, n_on = int(np.sum(on & is_digit)), int(np.sum(on))
    return {"on": n_on, "hits": hits, "total": int(np.sum(is_digit)), "recall": hits / int(np.sum(is_digit)),
            "precision": hits / n_on if n_on else 0.0, "n_images": int(y.size),
            "others": np.bincount(y[on & ~is_digit], minlength=10)}


def _feasible_on_counts(weights, digit, min_recall, min_precision):
    """The range (fewest, most) of images switched on over which some threshold meets both marks, or None.

    Switching on the ``n`` images with the largest weighted sums is what a threshold between the n-th and the
    (n+1)-th largest sum does; every n is tried at once with cumulative counts.
    """
    x, y = _training_set()
    sums = x @ np.asarray(weights, dtype=np.float32).ravel()
    hits = np.cumsum(y[np.argsort(-sums, kind="stable")] == digit)
    n_on = np.arange(1, hits.size + 1)
    good = np.flatnonzero((hits >= min_recall * hits[-1]) & (hits >= min_precision * n_on))
    return (int(n_on[good[0]]), int(n_on[good[-1]])) if good.size else None


def _fail(exercise, problems):
    """Report ``problems`` for ``exercise``; None, what :func:`_hand_built` gives for an answer it cannot read."""
    report(exercise, problems)
    return None


def _hand_built(exercise, answer, hint):
    """``answer`` as (weights as 784 floats, bias as a float), or None after reporting what is wrong with it."""
    if not isinstance(answer, (tuple, list)) or len(answer) != 2:
        return _fail(exercise, [f"the answer should be a pair (weights, bias), got {type(answer).__name__}"])
    weights, bias = answer
    try:
        weights = np.asarray(weights)
    except (TypeError, ValueError):     # e.g. a ragged list
        weights = np.asarray(None)
    if not (np.issubdtype(weights.dtype, np.floating) or np.issubdtype(weights.dtype, np.integer)):
        return _fail(exercise, ["the weights should be 784 real numbers (or a 28x28 array), got something numpy "
                                "cannot read as real numbers"])
    weights = weights.astype(float)
    if weights.size != 784 or weights.shape not in ((784,), (28, 28), (1, 784), (784, 1)):
        return _fail(exercise, [f"the weights should be 784 numbers or a 28x28 array, got shape {weights.shape}"])
    if not np.all(np.isfinite(weights)):
        return _fail(exercise, ["the weights contain NaN or infinity"])
    if not np.all(np.isin(weights, (-1.0, 0.0, 1.0))):
        return _fail(exercise, ["build it by hand, as section 2 built its detector: use only the weights -1, 0 "
                                "and +1 " + hint])
    bias = one_number(bias)
    if bias is None:
        return _fail(exercise, [f"the bias should be one number, got {answer[1]!r}"])
    problems = _bar_and_frame_problems(weights.reshape(28, 28))
    if problems:
        return _fail(exercise, problems)
    return weights.reshape(784), bias


FRAME_REACH = 3     # how far (rows or columns) from the bar a -1 weight may lie


def _bar_and_frame_problems(weights):
    """What keeps a 28x28 array of -1/0/+1 from being a bar of +1 with -1 weights only around it; [] if nothing.

    The +1 weights must fill one rectangle (no gaps, nothing else inside it), and every -1 weight must lie within
    ``FRAME_REACH`` rows and columns of that rectangle. A template copied from the data passes neither.
    """
    rows, cols = np.nonzero(weights > 0)
    if rows.size == 0:
        return ["there is no +1 weight: put +1 on a bar where the digit has ink"]
    r0, r1, c0, c1 = rows.min(), rows.max() + 1, cols.min(), cols.max() + 1
    problems = []
    if not np.all(weights[r0:r1, c0:c1] == 1):
        problems.append("the +1 weights should form one filled bar, a rectangle of rows and columns that are all "
                        f"+1; yours are spread over rows {r0}-{r1 - 1} and columns {c0}-{c1 - 1} with "
                        f"{int(np.sum(weights[r0:r1, c0:c1] != 1))} other weights in between. Build it by hand, "
                        "as section 2 did")
    reach = np.zeros((28, 28), dtype=bool)
    reach[max(r0 - FRAME_REACH, 0):r1 + FRAME_REACH, max(c0 - FRAME_REACH, 0):c1 + FRAME_REACH] = True
    far = int(np.sum((weights < 0) & ~reach))
    if far:
        problems.append(f"the -1 weights should lie only around the bar, at most {FRAME_REACH} rows or columns "
                        f"from it, like section 2's frame; {far} of yours lie further out")
    return problems


def check_one_detector(answer):
    """Exercise 5: ``(weights, bias)`` of a hand-built neuron that detects the 1s of the training set.

    ``weights`` has 784 values (or 28x28), each -1, 0 or +1: one filled rectangle of +1 with -1 weights only
    around it (see :func:`_bar_and_frame_problems`). Right when, over the 60,000 training images, at
    least half of the 1s switch it more than half on (``w . a + b > 0``) and at least 80% of the images that
    switch it on are 1s. The check prints what it measured, then what to change.
    """
    exercise = "Exercise 5 (a detector for the 1s)"
    digit, min_recall, min_precision = 1, 0.5, 0.8
    if not_answered(exercise, answer):
        return False
    parsed = _hand_built(exercise, answer, "(+1 where a 1 has ink, -1 where it has none but other digits do)")
    if parsed is None:
        return False
    weights, bias = parsed
    stats = detector_stats(weights, bias, digit)
    commonest = [d for d in np.argsort(-stats["others"], kind="stable") if stats["others"][d] > 0][:3]
    others = ", ".join(f"{d}s: {stats['others'][d]:,}" for d in commonest) or "none"
    print(f"  measured on the {stats['n_images']:,} training images: on for {stats['on']:,} of them; "
          f"{stats['hits']:,} of the {stats['total']:,} {digit}s ({stats['recall']:.1%}); "
          f"{stats['precision']:.1%} of the images it is on for are {digit}s (others: {others})")
    if stats["recall"] >= min_recall and stats["precision"] >= min_precision:
        return report(exercise, [])
    feasible = _feasible_on_counts(weights, digit, min_recall, min_precision)
    problems = []
    if stats["recall"] < min_recall:
        problems.append(f"fewer than half of the {digit}s switch it on")
    if stats["precision"] < min_precision:
        problems.append(f"fewer than {min_precision:.0%} of the images it is on for are {digit}s")
    if feasible is not None:
        _, highest = feasible
        direction = ("more negative (a higher threshold -b)" if stats["on"] > highest
                     else "less negative (a lower threshold -b)")
        problems.append(f"these weights can do it with the right bias: make the bias {direction}")
    elif np.all(weights >= 0):
        problems.append("no bias makes these weights work, and none of them is negative: nothing lowers the sum of a "
                        f"digit that has ink beside the stroke. Give negative weights where {digit}s have no ink, as "
                        "the frame of the lesson's detector does")
    else:
        problems.append(f"no bias makes these weights work: where do the commonest others "
                        f"({', '.join(str(d) for d in commonest)}) have ink that a {digit} has not? And {digit}s lean "
                        "at different angles: does your positive region catch them?")
    return report(exercise, problems)


def _section_2_detector():
    """The bar detector of section 2: +1 on rows 7-9, columns 9-20; -1 on the frame, rows 5-11, columns 8-21."""
    detector = np.zeros((28, 28))
    detector[5:12, 8:22] = -1.0
    detector[7:10, 9:21] = 1.0
    return detector


def check_better_detector(answer):
    """Exercise 2: ``(weights, bias)`` of a hand-built 7-detector that beats section 4's at the same recall.

    ``weights`` has 784 values (or 28x28), each -1, 0 or +1: one filled rectangle of +1 with -1 weights only
    around it (see :func:`_bar_and_frame_problems`). Right when, over the 60,000 training images, at
    least 30% of the 7s switch it more than half on (``w . a + b > 0``; section 4's detector with b = -10:
    31.8%) and at least 70% of the images that switch it on are 7s (section 4's: 58%). Moving section 2's
    detector down by one row does it (about 77% at 30%); the check prints what it measured, then what to change.
    """
    exercise = "Exercise 2 (a better bar detector)"
    digit, min_recall, min_precision = 7, 0.3, 0.7
    if not_answered(exercise, answer):
        return False
    parsed = _hand_built(exercise, answer, "(a bar of +1 and a frame of -1, like the lesson's detector)")
    if parsed is None:
        return False
    weights, bias = parsed
    stats = detector_stats(weights, bias, digit)
    print(f"  measured on the {stats['n_images']:,} training images: on for {stats['on']:,} of them; "
          f"{stats['hits']:,} of the {stats['total']:,} {digit}s (recall {stats['recall']:.1%}); "
          f"{stats['precision']:.1%} of the images it is on for are {digit}s (precision)")
    if stats["recall"] >= min_recall and stats["precision"] >= min_precision:
        return report(exercise, [])
    problems = []
    if stats["recall"] < min_recall:
        problems.append(f"fewer than {min_recall:.0%} of the {digit}s switch it on")
    if stats["precision"] < min_precision:
        problems.append(f"fewer than {min_precision:.0%} of the images it is on for are {digit}s")
    if bias > 0:
        problems.append("the bias is added to the weighted sum: to be on only for sums above a threshold t, "
                        "the bias must be -t")
    feasible = _feasible_on_counts(weights, digit, min_recall, min_precision)
    if feasible is not None:
        _, highest = feasible
        direction = ("more negative (a higher threshold -b)" if stats["on"] > highest
                     else "less negative (a lower threshold -b)")
        problems.append(f"these weights can do it with the right bias: make the bias {direction}. The threshold "
                        f"that lets a share r of the {digit}s through is np.quantile of the {digit}s' weighted sums "
                        "at 1 - r")
    elif np.array_equal(weights.reshape(28, 28), _section_2_detector()):
        problems.append("these are section 2's weights unchanged: no bias gives them 70% at a recall of 30%. "
                        "Change the weights (section 4 says which 7s they miss)")
    else:
        problems.append(f"no bias makes these weights reach {min_precision:.0%} at a recall of {min_recall:.0%}. "
                        f"Section 4 counted on which rows the {digit}s write their top bar, and which of them the "
                        "old detector caught: where should the +1 rows lie, and the -1 rows around them?")
    return report(exercise, problems)
