"""Self-checks for the exercises of lesson 1, "What is a neuron?" (notebooks/01_neurons.ipynb).

The exercises are about the network itself: what its first hidden layer holds for a page with no ink,
the picture one hidden neuron likes best, the one bias that changes its answer, and a layer that writes
its answer in binary (Nielsen's exercise). The checks grade the ``network`` (and ``image``) they are given,
so an answer that is right for another seed or another digit is accepted too.
"""

import numpy as np

from . import not_answered, one_number, report, whole_number

_N_CHECKED = 10_000       # how many training images the success messages count answers over


def _network_problems(network):
    """Problems with the ``network`` argument: it must be a 784-...-10 nnlib Network (the lesson's)."""
    from ..network import Network
    if not isinstance(network, Network):
        return [f"pass the lesson's network as the second argument, e.g. check(answer, network); "
                f"got {type(network).__name__}"]
    if network.sizes[0] != 784 or network.sizes[-1] != 10:
        return [f"this check needs a network with 784 inputs and 10 outputs, got {network.sizes}"]
    return []


def _image_problems(image):
    """Problems with the ``image`` argument: 784 finite pixels between 0 and 1."""
    try:
        pixels = np.asarray(image, dtype=float)
    except (TypeError, ValueError):
        return [f"pass the lesson's image as the third argument, got {type(image).__name__}"]
    if pixels.size != 784 or not np.all(np.isfinite(pixels)) or pixels.min() < 0 or pixels.max() > 1:
        return ["pass the lesson's image (784 pixels between 0 and 1) as the third argument"]
    return []




def _as_array(answer):
    """``answer`` as a float array, or None if numpy cannot read it as one array of real numbers."""
    if callable(answer) or isinstance(answer, (str, bytes, dict)):
        return None
    try:
        array = np.asarray(answer)
    except Exception:                  # a ragged list, or an object that fails when numpy reads it: not an array
        return None
    if array.dtype == bool:
        array = array.astype(float)
    if not np.issubdtype(array.dtype, np.number) or np.iscomplexobj(array):
        return None
    with np.errstate(over="ignore"):
        return array.astype(float)


def _activations(network, x):
    """The network's activations for one input, as float64 arrays (input first)."""
    return [np.asarray(a, dtype=float) for a in network.forward(np.asarray(x, dtype=np.float32),
                                                                return_all=True).activations]


def _same(values, expected):
    return values.shape == expected.shape and np.allclose(values, expected, rtol=1e-4, atol=1e-5)


# ---------------------------------------------------------------- exercise 1: an empty page
def check_empty_page_hidden(answer, network):
    """Exercise 1 (a): the 16 activations of hidden layer 1 for an empty page (784 zeros).

    Any 16 numbers are accepted (list, tuple or array, shape (16,), (1, 16) or (16, 1)). The reasoning is in
    the lesson's Solutions section.
    """
    exercise = "Exercise 1a (hidden layer 1 for an empty page)"
    if not_answered(exercise, answer):
        return False
    problems = _network_problems(network)
    if problems:
        return report(exercise, problems)
    size = network.sizes[1]
    values = _as_array(answer)
    if values is None:
        return report(exercise, [f"the answer should be {size} numbers (a list or an array), got "
                                 f"{type(answer).__name__}"])
    if values.size != size or values.ndim > 2:
        return report(exercise, [f"the answer should be {size} numbers, one per neuron of hidden layer 1; got "
                                 f"shape {values.shape}"])
    values = values.reshape(size)
    if not np.all(np.isfinite(values)):
        return report(exercise, ["the answer contains NaN or infinity"])
    empty = _activations(network, np.zeros(784))
    biases = np.asarray(network.biases[0], dtype=float)
    if _same(values, empty[1]):
        return report(exercise, [])
    if _same(values, biases):
        problems.append("these are the biases themselves: a neuron's activation is its weighted input "
                        "squashed by the sigmoid")
    elif np.allclose(values, 0.5):
        problems.append("every value is 0.5, the sigmoid of 0: the weighted sum is 0, but the weighted "
                        "input also has the bias added")
    elif np.allclose(values, 0):
        problems.append("all zeros: a neuron of hidden layer 1 is not a pixel; it squashes its weighted "
                        "input, and with no ink that is not 0")
    elif len(network.sizes) > 3 and network.sizes[2] == size and _same(values, empty[2]):
        problems.append("that is hidden layer 2 for the empty page; hidden layer 1 comes first")
    elif np.any(values < 0) or np.any(values > 1):
        problems.append("a sigmoid neuron's activation lies between 0 and 1, and some of your values do not")
    elif np.allclose(values, empty[1], atol=0.006):
        problems.append("close, but not exact: give the values as computed, not rounded")
    else:
        wrong = int(np.sum(~np.isclose(values, empty[1], rtol=1e-4, atol=1e-5)))
        problems.append(f"{wrong} of the {size} values are not right: with 784 zeros coming in, what is left "
                        "of section 4's recipe?")
    return report(exercise, problems)




def check_empty_page_answer(answer, network):
    """Exercise 1 (b): the digit the network answers for an empty page (784 zeros)."""
    exercise = "Exercise 1b (the answer for an empty page)"
    if not_answered(exercise, answer):
        return False
    problems = _network_problems(network)
    if problems:
        return report(exercise, problems)
    digit = whole_number(answer)
    if digit is None:
        return report(exercise, [f"the answer should be a digit 0-9 (a whole number), got {type(answer).__name__}"])
    if not 0 <= digit <= 9:
        return report(exercise, [f"the answer is one of the 10 output neurons, 0 to 9; got {digit}"])
    outputs = _activations(network, np.zeros(784))[-1]
    expected = int(np.argmax(outputs))
    if digit == expected:
        return report(exercise, [])
    if digit == int(np.argmin(outputs)):
        problems.append(f"output {digit} is the dimmest for the empty page; the answer is the brightest")
    else:
        problems.append(f"output {digit} holds {outputs[digit]:.2f} for the empty page, and another output is "
                        "brighter")
    return report(exercise, problems)


# ---------------------------------------------------------------- exercise 2: the favourite picture
def check_favourite_picture(answer, network):
    """Exercise 2: a picture (784 pixels between 0 and 1) giving hidden neuron 0 the largest weighted input.

    Accepted: 784 values or a 28x28 array, of any real or boolean dtype. The reasoning is in the lesson's
    Solutions section.
    """
    exercise = "Exercise 2 (the picture hidden neuron 0 likes best)"
    if not_answered(exercise, answer):
        return False
    problems = _network_problems(network)
    if problems:
        return report(exercise, problems)
    picture = _as_array(answer)
    if picture is None:
        return report(exercise, [f"the answer should be a picture: 784 numbers (or a 28 x 28 array), got "
                                 f"{type(answer).__name__}"])
    if picture.size != 784:
        return report(exercise, [f"the answer should be a picture of 784 pixels (or 28 x 28), got shape "
                                 f"{picture.shape}"])
    picture = picture.reshape(784)
    if not np.all(np.isfinite(picture)):
        return report(exercise, ["the picture contains NaN or infinity"])
    if picture.min() < 0 or picture.max() > 1:
        hint = ": divide 0-255 pixels by 255" if picture.max() > 1 and np.all(picture == np.round(picture)) else ""
        values = (f"every value is {picture.min():g}" if picture.min() == picture.max()
                  else f"its values go from {picture.min():g} to {picture.max():g}")
        return report(exercise, [f"a pixel holds a number between 0 (no ink) and 1 (full ink), and in your picture "
                                 f"{values}{hint}"])
    weights, bias = np.asarray(network.weights[0][0], dtype=float), float(network.biases[0][0])
    z = float(weights @ picture) + bias
    best = float(weights[weights > 0].sum()) + bias
    if z >= best - 1e-6 * max(1.0, abs(best)):
        verdict = report(exercise, [])
        print(f"  your picture gives hidden neuron 0 the weighted input z = {z:.2f}, the largest it can have")
        return verdict
    lowering = int(np.sum((weights < 0) & (picture > 0)))
    short = int(np.sum((weights > 0) & (picture < 1)))
    problems.append(f"your picture gives hidden neuron 0 the weighted input z = {z:.2f}, and a picture with a "
                    "larger z exists")
    if lowering:
        problems.append(f"{lowering} of your inked pixels lower z")
    if short:
        problems.append(f"{short} pixels could raise z more than they do")
    return report(exercise, problems)


# ---------------------------------------------------------------- exercise 3: one knob
def _with_bias(network, bias, digit=5):
    """A copy of ``network`` whose output neuron ``digit`` has the bias ``bias`` (the network itself is unchanged)."""
    changed = network.copy()
    changed.biases[-1][digit] = bias
    return changed


def _least_working_bias(network, image, digit=5):
    """The least bias of output neuron ``digit`` for which the network answers ``digit`` for ``image``, or None.

    Found by bisection on the network's own (float32) arithmetic, so that ties between outputs that the
    sigmoid has rounded to exactly 1.0 are decided as ``argmax`` decides them (the lower digit wins).
    """
    x = np.asarray(image, dtype=np.float32)
    answers = lambda bias: int(np.argmax(_with_bias(network, bias, digit).forward(x))) == digit  # noqa: E731
    high = float(network.biases[-1][digit]) + 100.0
    if not answers(high):
        return None
    low = float(network.biases[-1][digit]) - 100.0
    if answers(low):
        return low
    for _ in range(60):
        middle = (low + high) / 2
        low, high = (low, middle) if answers(middle) else (middle, high)
    return high


def check_smallest_bias(answer, network, image):
    """Exercise 3: the smallest bias of output neuron 5, with 2 decimals, that makes the network answer 5 for ``image``.

    Right: a bias for which the network answers 5, at most 0.01 above the least such bias. The reasoning is
    in the lesson's Solutions section.
    """
    exercise = "Exercise 3 (one knob)"
    if not_answered(exercise, answer):
        return False
    problems = _network_problems(network) + _image_problems(image)
    if problems:
        return report(exercise, problems)
    bias = one_number(answer)
    if bias is None:
        try:
            not_finite = (not isinstance(answer, (str, bytes)) and np.size(answer) == 1
                          and not np.isfinite(np.asarray(answer, dtype=float)).all())
        except Exception:              # text, None-like objects...: not a number at all
            not_finite = False
        if not_finite:
            return report(exercise, [f"the answer is {np.asarray(answer, dtype=float).reshape(())!s}, not a finite "
                                     "number: a computation on the way gave it (nan comes from 0/0 or inf − inf, "
                                     "or from a nan in its inputs); check each step of your expression"])
        return report(exercise, [f"the answer should be one number (the new bias of output neuron 5), got "
                                 f"{type(answer).__name__}"])
    if abs(bias) > 1e6:
        return report(exercise, [f"a bias of {bias:g} is far more than any answer needs; the smallest one that "
                                 "works is a modest number"])
    least = _least_working_bias(network, image)
    if least is None:
        outputs = np.asarray(network.forward(np.asarray(image, dtype=np.float32)), dtype=float)
        return report(exercise, [f"no bias makes this network answer 5 for this image: output "
                                 f"{int(np.argmax(outputs))} already holds exactly {outputs.max():.1f} (the sigmoid "
                                 "of a z above about 17 is 1.0 in float32), and of two equal outputs the lower "
                                 "digit is the answer. Try another image or another network"])
    changed = _with_bias(network, bias)
    x = np.asarray(image, dtype=np.float32)
    outputs = np.asarray(changed.forward(x), dtype=float)
    digit = int(np.argmax(outputs))
    if digit != 5:
        shown = ".4f" if f"{outputs[5]:.4f}" != f"{outputs[digit]:.4f}" else ".8f"
        problems = [f"with a bias of {bias:g}, output 5 holds {outputs[5]:{shown}}, still below output {digit}'s "
                    f"{outputs[digit]:{shown}}: the network answers {digit}"]
        if outputs[5] == outputs[digit]:
            problems.append("the two are exactly equal: the network computes in float32 (about 7 digits), where "
                            "the sigmoid rounds near 1 (above z = 17 it is exactly 1.0), and of two equal outputs the "
                            "lower digit wins; so near 1 the z's alone no longer decide: try your bias on the network")
        return report(exercise, problems)
    if bias > least + 0.01:
        return report(exercise, [f"with a bias of {bias:g} the network answers 5, but a smaller bias would do: "
                                 "find the smallest number with 2 decimals that works"])
    if abs(bias * 100 - round(bias * 100)) > 1e-4:
        return report(exercise, [f"a bias of {bias:g} works and is close to the smallest, but give it with 2 decimals "
                                 "(like 1.23): the smallest number with 2 decimals that works"])
    images = _training_images()
    answers_before, answers_after = network.predict(images), changed.predict(images)
    before, after = int(np.sum(answers_before == 5)), int(np.sum(answers_after == 5))
    verdict = report(exercise, [])
    print(f"  with this bias the network answers 5 for {after:,} of the first {len(images):,} training images "
          f"(it did for {before:,}): one knob changes the answer for many images, not only for this one")
    return verdict


# ---------------------------------------------------------------- exercise 4: a layer that writes in binary
BITS = (8, 4, 2, 1)
"""The four bit neurons of exercise 4, in order: the bit worth 8 first."""


def _worst_case(weights, biases, digit, bit_on):
    """The allowed output layer (the right output in [0.99, 1], every other in [0, 0.01]) that pushes each bit
    neuron's z furthest the wrong way, for ``digit``: returns ``(z, outputs)``, one z and one output layer per bit.

    z is linear in the outputs, so its smallest (for a bit that should be on) or largest (off) value over the
    allowed outputs is found output by output, at an end of each one's interval."""
    sign = np.where(bit_on, 1.0, -1.0)[:, None]          # minimise sign * z
    low = np.where(np.arange(10) == digit, 0.99, 0.0)
    high = np.where(np.arange(10) == digit, 1.0, 0.01)
    outputs = np.where(sign * weights >= 0, low, high)  # for each bit: each output at the end that lowers sign * z
    z = np.sum(weights * outputs, axis=1) + biases
    return z, outputs


def _code(digit):
    return "".join(str(int(bool(digit & bit))) for bit in BITS)


def check_binary_layer(answer):
    """Exercise 4 (Nielsen, chapter 1): weights ``W`` (4, 10) and biases ``b`` (4,) of a layer of four sigmoid
    neurons that writes the digit in binary, the bit worth 8 first.

    Bit neuron ``j`` computes ``sigmoid(W[j] @ a + b[j])`` from the 10 outputs ``a`` and counts as on when
    that is above 0.5, i.e. when its z is above 0. It must be right for every output layer with the right
    output between 0.99 and 1 and each other output between 0 and 0.01: z is linear in the outputs, so the
    check tests, for each digit and bit, the allowed output layer that pushes z furthest the wrong way
    (z must then be strictly on the right side of 0). A solution is in the lesson's Solutions section.
    """
    exercise = "Exercise 4 (a layer that writes the answer in binary)"
    if not_answered(exercise, answer):
        return False
    if not isinstance(answer, (tuple, list)) or len(answer) != 2:
        return report(exercise, [f"the answer should be a pair (W, b), got {type(answer).__name__}"
                                 + (f" of length {len(answer)}" if isinstance(answer, (tuple, list)) else "")])
    weights, biases = _as_array(answer[0]), _as_array(answer[1])
    if weights is None or biases is None:
        return report(exercise, ["W and b should be arrays (or lists) of numbers"])
    if weights.shape == (10, 4):
        return report(exercise, ["W has one row per bit neuron, each with one weight per output neuron: shape "
                                 "(4, 10); yours is (10, 4)"])
    if weights.shape != (4, 10):
        return report(exercise, [f"W should have shape (4, 10), one row per bit neuron; got {weights.shape}"])
    if biases.size != 4:
        return report(exercise, [f"b should hold 4 numbers, one per bit neuron; got shape {biases.shape}"])
    biases = biases.reshape(4)
    if not (np.all(np.isfinite(weights)) and np.all(np.isfinite(biases))):
        return report(exercise, ["W or b contains NaN or infinity"])
    with np.errstate(over="ignore", invalid="ignore"):
        failures = []
        for digit in range(10):
            bit_on = np.array([bool(digit & bit) for bit in BITS])
            clean = np.where(np.arange(10) == digit, 0.99, 0.01)
            clean_on = weights @ clean + biases > 0
            z, worst = _worst_case(weights, biases, digit, bit_on)
            wrong = np.flatnonzero(np.where(bit_on, z <= 0, z >= 0))
            if wrong.size:
                failures.append((digit, clean_on, bit_on, wrong, worst, z))
    if not failures:
        return report(exercise, [])
    digit, clean_on, bit_on, wrong, worst, z = failures[0]
    bit = BITS[wrong[0]]
    written = "".join(str(int(v)) for v in clean_on)
    if not np.array_equal(clean_on, bit_on):
        problems = [f"for a {digit} with the right output at 0.99 and the others at 0.01, your layer writes {written}, "
                    f"not {_code(digit)}"]
    else:
        example = worst[wrong[0]]
        at_001 = [k for k in range(10) if k != digit and example[k] == 0.01]
        problems = [f"right for a {digit} with the right output at 0.99 and the others at 0.01, but not for every "
                    f"output layer allowed: with output {digit} at {example[digit]:g}"
                    + (f", output{'s' if len(at_001) > 1 else ''} {', '.join(map(str, at_001))} at 0.01 and the "
                       "others at 0" if at_001 else " and all the others at 0")
                    + f", the bit worth {bit} has z = {z[wrong[0]]:.3g}, which is not "
                    + ("above 0 (it should be on)" if bit_on[wrong[0]] else "below 0 (it should be off)")]
    problems.append(f"digits it gets wrong: {', '.join(str(f[0]) for f in failures)}")
    return report(exercise, problems)


def _training_images():
    """The first training images the success message of exercise 3 counts answers over."""
    from ..datasets import load_mnist
    return load_mnist().x_train[:_N_CHECKED]


