"""Self-checks for the exercises of lesson 5 (stochastic gradient descent and training on MNIST)."""

import math

import numpy as np

from ..evaluation import confusion_matrix
from . import array_problems, is_number, not_answered, report, whole_number




def _data_problems(labels, predictions):
    """What is wrong with the ``labels`` and ``predictions`` given to a check (empty list if fine)."""
    labels, predictions = np.asarray(labels), np.asarray(predictions)
    if predictions.ndim == 2:
        return [f"predictions should be the network's answers, one digit per image (network.predict(x)), got "
                f"an array of shape {predictions.shape}: for outputs use np.argmax(outputs, axis=1)"]
    for name, values in (("labels", labels), ("predictions", predictions)):
        if values.ndim != 1 or not np.issubdtype(values.dtype, np.integer) or values.size == 0 \
                or values.min() < 0 or values.max() > 9:
            return [f"{name} should be a 1-D array of digits 0-9, got dtype {values.dtype} of shape {values.shape}"]
    if labels.size != predictions.size:
        return [f"labels has {labels.size} entries but predictions has {predictions.size}: one answer per image"]
    return []


def _per_digit(labels, predictions):
    matrix = confusion_matrix(labels, predictions)
    counts = matrix.sum(axis=1)
    return matrix, counts


def check_per_digit_accuracy(per_digit_accuracy, labels, predictions):
    """Exercise 1a: for each digit 0-9, the fraction of its test images the network got right, shape (10,)."""
    exercise = "Exercise 1a (accuracy per digit)"
    if not_answered(exercise, per_digit_accuracy):
        return False
    problems = _data_problems(labels, predictions) or array_problems(per_digit_accuracy, (10,))
    if not problems:
        matrix, counts = _per_digit(labels, predictions)
        if np.any(counts == 0):
            return report(exercise, [f"digit {int(np.argmin(counts))} never occurs in these labels; "
                                     "use the 10,000 test labels"])
        expected = np.diag(matrix) / counts
        answer = np.asarray(per_digit_accuracy, dtype=float)
        if np.allclose(answer, 100 * expected, atol=1e-3):
            problems.append("give fractions between 0 and 1, not percentages")
        elif np.all(matrix.sum(axis=0) > 0) and np.allclose(answer, np.diag(matrix) / matrix.sum(axis=0), atol=1e-4):
            problems.append("you divided by how often each digit was *guessed* (columns); divide by how often "
                            "it *occurs* (rows of the confusion matrix)")
        elif np.allclose(answer, np.diag(matrix), atol=0.5):
            problems.append("those are counts of correct answers; divide each by the number of images of that digit")
        elif not np.allclose(answer, expected, atol=0.005):         # fractions rounded to 2 decimals pass
            wrong = [d for d in range(10) if not abs(answer[d] - expected[d]) <= 0.005]
            problems.append(f"not yet right for digit{'s' * (len(wrong) > 1)} {', '.join(map(str, wrong))}: each "
                            "entry should be the share of that digit's own test images that the network gets right")
    return report(exercise, problems)


def check_hardest_digit(hardest_digit, labels, predictions):
    """Exercise 1b: the digit whose test images the network gets right least often (an int 0-9)."""
    exercise = "Exercise 1b (the hardest digit)"
    if not_answered(exercise, hardest_digit):
        return False
    problems = _data_problems(labels, predictions)
    if problems:
        return report(exercise, problems)
    digit = whole_number(hardest_digit)
    if digit is None:
        return report(exercise, [f"give one digit as a whole number, e.g. 7; got {hardest_digit!r}"])
    if not 0 <= digit <= 9:
        return report(exercise, [f"digits go from 0 to 9, got {digit}"])
    matrix, counts = _per_digit(labels, predictions)
    if np.any(counts == 0):
        return report(exercise, [f"digit {int(np.argmin(counts))} never occurs in these labels; "
                                 "use the 10,000 test labels"])
    fractions = np.diag(matrix) / counts
    wrong = counts - np.diag(matrix)
    problems = []
    if fractions[digit] > fractions.min():
        if digit == int(np.argmax(fractions)):
            problems.append(f"the network gets {digit} right most often ({100 * fractions[digit]:.1f}% of its images): "
                            "that is the easiest digit, not the hardest")
        elif digit == int(np.argmax(wrong)):
            problems.append(f"{digit} has the most mistakes in number ({wrong[digit]}), but the digits occur different "
                            "numbers of times in the test set: compare the fractions right, not the counts")
        else:
            problems.append(f"the network gets {digit} right in {100 * fractions[digit]:.1f}% of its images; "
                            "another digit does worse")
    return report(exercise, problems)


def _gradient_spread_at(start, x, y):
    """(sigma_1, length of the true gradient): the spread of single-point gradients of the line's cost
    around the true gradient at ``start``, and the true gradient's length."""
    w, b = float(start[0]), float(start[1])
    residuals = w * x + b - y
    per_point = np.stack([2 * residuals * x, 2 * residuals], axis=1)
    true = per_point.mean(axis=0)
    sigma = float(np.sqrt(np.mean(np.sum((per_point - true) ** 2, axis=1))))
    return sigma, float(np.linalg.norm(true))


def check_batch_size(batch_size, x_line, y_line, start):
    """Exercise 2: the smallest mini-batch size whose gradient at ``start`` has a spread of at most 10% of
    the true gradient's length, by the 1/sqrt(B) rule."""
    exercise = "Exercise 2 (a batch size for a precise gradient)"
    if not_answered(exercise, batch_size):
        return False
    size = whole_number(batch_size)
    if size is None or size < 1:
        return report(exercise, [f"a batch size is a whole number of at least 1, got {batch_size!r}"])
    sigma, length = _gradient_spread_at(np.asarray(start, dtype=float), np.asarray(x_line, dtype=float),
                                        np.asarray(y_line, dtype=float))
    target = 0.1 * length
    smallest = math.ceil((sigma / target) ** 2 - 1e-9)

    def share(b):
        return 100 * sigma / math.sqrt(b) / length

    problems = []
    if size < smallest:
        if abs(size - sigma / target) <= 1:
            problems.append(f"with B = {size} the spread is {share(size):.0f}% of the gradient's length: the spread "
                            "of a mean of B gradients falls as 1/√B, not as 1/B")
        elif size == smallest - 1:
            problems.append(f"close: with B = {size} the spread is {share(size):.2f}% of the gradient's length, just "
                            "above the 10% asked (did you round down?)")
        else:
            problems.append(f"with B = {size} the spread is σ₁/√B = {sigma / math.sqrt(size):.2f}, "
                            f"{share(size):.0f}% of the gradient's length: more than 10%")
    elif size > smallest:
        problems.append(f"B = {size} works (spread {share(size):.1f}% of the gradient's length), but a smaller "
                        "batch does too: find the smallest")
    return report(exercise, problems)


def check_weight_spread(weight_spread, images):
    """Exercise 3: the spread s of zero-mean weights (biases 0) for which the variance s^2 sum(a^2) of a
    first-layer weighted input is at most 1 for 90% of ``images``: s = 1 / sqrt(90th percentile of sum(a^2))."""
    exercise = "Exercise 3 (a starting spread for the weights)"
    if not_answered(exercise, weight_spread):
        return False
    if isinstance(weight_spread, (bool, np.bool_)) or not is_number(weight_spread):
        return report(exercise, [f"give one number, the spread s, got {weight_spread!r}"])
    s = float(weight_spread)
    if not s > 0 or not math.isfinite(s):
        return report(exercise, [f"a spread is a positive number, got {s}"])
    images = np.asarray(images)
    images = images.reshape(len(images), -1)
    sums = np.concatenate([np.sum(np.asarray(chunk, dtype=np.float64) ** 2, axis=1)     # in pieces: no float64 copy
                           for chunk in np.array_split(images, max(1, len(images) // 5_000))])
    right = 1 / math.sqrt(np.quantile(sums, 0.9))
    n_pixels = images.shape[1]
    lit = float(np.mean(np.sum(images > 0, axis=1)))

    def near(value, tolerance=0.01):
        return abs(s - value) <= tolerance * value

    def share_within(spread):
        with np.errstate(over="ignore"):
            return 100 * float(np.mean(np.float64(spread) ** 2 * sums <= 1))

    problems = []
    if near(right, 0.02):
        print(f"(with this spread, s² Σa² is at most 1 for {share_within(s):.1f}% of these images)")
    elif near(1 / math.sqrt(sums.mean())):
        problems.append("that spread makes the variance 1 on *average*: every image with more ink than the average "
                        f"gets more (it keeps only {share_within(s):.0f}% of the images at or below 1)")
    elif near(1 / math.sqrt(np.quantile(sums, 0.1))):
        problems.append("that spread suits the dimmest digits: it keeps only the 10% with the least ink at or "
                        "below 1; the question asks for 90% of the images")
    elif near(1 / np.quantile(sums, 0.9)) or near(1 / sums.mean()):
        problems.append(f"{s:.4g} makes s, not s², equal to 1/Σa²: the variance of z is s² Σa², so s is a square root")
    elif near(math.sqrt(1 / n_pixels)):
        problems.append(f"√(1/{n_pixels}) is the smaller start of section 3: it counts all {n_pixels} pixels as if "
                        "each were fully lit (a = 1); use the images' own Σa²")
    elif near(1 / math.sqrt(lit)):
        problems.append(f"that counts the lit pixels ({lit:.0f} on average) as if each were 1: a pixel of brightness "
                        "a adds s²a² to the variance, and most lit pixels are grey")
    elif near(math.sqrt(2) * right):
        problems.append("the factor 2 (He's) is for inputs that have passed through a ReLU, which cuts about half "
                        "of them to 0; pixels have not")
    else:
        problems.append(f"not yet: with s = {s:.4g}, s² Σa² is at most 1 for {share_within(s):.1f}% of these images, "
                        "not 90%")
    return report(exercise, problems)


def _difference(right_constant, right_drop):
    a = np.asarray(right_constant, dtype=float).ravel()
    b = np.asarray(right_drop, dtype=float).ravel()
    return a, b, b - a


def check_difference_standard_error(difference_standard_error, right_constant, right_drop):
    """Exercise 4a: the standard error of the difference between the two accuracies, std(d) / sqrt(n) with
    d = right_drop - right_constant (per image: +1, 0 or -1), as a fraction."""
    exercise = "Exercise 4a (the standard error of the difference)"
    if not_answered(exercise, difference_standard_error):
        return False
    if isinstance(difference_standard_error, (bool, np.bool_)) or not is_number(difference_standard_error):
        return report(exercise, [f"give one number, a fraction such as 0.0123, got {difference_standard_error!r}"])
    se = float(difference_standard_error)
    a, b, d = _difference(right_constant, right_drop)
    n = d.size
    right = d.std() / math.sqrt(n)

    def near(value, tolerance=0.01):
        return value > 0 and abs(se - value) <= tolerance * value

    problems = []
    if right > 0 and 0.995 * right <= se <= 1.005 * right:     # std with ddof 0 or 1 both land here
        pass
    elif near(np.abs(d).std() / math.sqrt(n), 0.004):
        problems.append("that is the spread of |d|: d keeps its sign, +1 where only the drop is right, -1 where "
                        "only the constant rate is")
    elif near(d.std(ddof=0)) or near(d.std(ddof=1)):
        problem = ("that is std(d), how much d varies from one image to the next; the mean of n images varies "
                   "√n times less")
        if near(100 * right, 0.03):                  # with n = 10,000, std(d) is also 100 times the answer
            problem += " (or, if you gave percentage points: give a fraction)"
        problems.append(problem)
    elif near(100 * right, 0.03):
        problems.append("that is in percentage points; give a fraction (divide by 100)")
    elif near(d.std() / n):
        problems.append("you divided by n; the spread of a mean of n values falls as 1/√n")
    elif any(near(math.sqrt(p * (1 - p) / n)) for p in (a.mean(), b.mean())):
        problems.append("that is the standard error of one accuracy; the question is about the difference of two "
                        "accuracies, whose per-image values are d")
    elif near(math.sqrt(a.mean() * (1 - a.mean()) / n + b.mean() * (1 - b.mean()) / n)):
        problems.append("that would be right for two accuracies measured on different images; these share the same "
                        "10,000 images, and d uses that: most images are right (or wrong) for both")
    elif se <= 0:
        problems.append("a standard error is positive")
    else:
        problems.append(f"not yet: {se:.4g} is not the standard error of the mean of d; check how d is formed "
                        "from the two candidates, and by how much a mean of n values varies less than one value")
    return report(exercise, problems)


def check_standard_errors_of_difference(advantage_in_standard_errors, right_constant, right_drop):
    """Exercise 4b: the drop's advantage mean(d) in standard errors of the difference, mean(d) / (std(d) / sqrt(n))."""
    exercise = "Exercise 4b (the advantage in standard errors)"
    if not_answered(exercise, advantage_in_standard_errors):
        return False
    if isinstance(advantage_in_standard_errors, (bool, np.bool_)) or not is_number(advantage_in_standard_errors):
        return report(exercise, [f"give one number (how many standard errors), got {advantage_in_standard_errors!r}"])
    z = float(advantage_in_standard_errors)
    a, b, d = _difference(right_constant, right_drop)
    n = d.size
    spread = d.std()
    if spread == 0:
        return report(exercise, ["the two candidates answered every image alike: there is no difference to measure"])
    right = d.mean() / (spread / math.sqrt(n))

    def near(value, tolerance=0.01):
        return value != 0 and abs(z - value) <= tolerance * abs(value)

    problems = []
    if near(right):
        pass
    elif near(-right):
        problems.append("the sign is reversed: the advantage of the drop is (right after the drop) minus (right at "
                        "a constant rate)")
    elif near(d.mean() / spread):
        problems.append("that divides by std(d), the spread of one image's d; the mean of n images has a spread "
                        "√n times smaller")
    elif any(near(d.mean() / math.sqrt(p * (1 - p) / n)) for p in (a.mean(), b.mean()) if 0 < p < 1):
        problems.append("that uses the standard error of one accuracy; use the standard error of the difference, "
                        "from d (exercise 4a)")
    elif near(100 * right) or near(right / 100):
        problems.append("the difference and its standard error must be in the same units (both fractions, or both "
                        "percentage points)")
    else:
        problems.append("divide the difference of the accuracies, mean(d), by its standard error from exercise 4a")
    return report(exercise, problems)


def check_softmax_gains(softmax_gains, story_first, softmax_first):
    """Exercise 5a: five gains, seed by seed (seeds 1-5): the softmax variant's validation accuracy minus the story
    network's, the first three from ``softmax_first - story_first``."""
    exercise = "Exercise 5a (the gains, seed by seed)"
    if not_answered(exercise, softmax_gains):
        return False
    problems = array_problems(softmax_gains, (5,), "softmax_gains")
    if problems:
        return report(exercise, problems)
    gains = np.asarray(softmax_gains, dtype=float)
    first = np.asarray(softmax_first, dtype=float) - np.asarray(story_first, dtype=float)
    if np.all(gains > 0.5):
        problems.append("those look like accuracies; give the differences: softmax's accuracy minus the story's, "
                        "seed by seed")
    elif np.allclose(gains[:3], 100 * first, atol=1e-6):
        problems.append("give the gains as fractions (0.012), not percentage points")
    elif np.allclose(gains[:3], -first, atol=1e-9) and not np.allclose(first, 0):
        problems.append("the sign is reversed: softmax's accuracy minus the story network's")
    elif not np.allclose(gains[:3], first, atol=1e-9):
        problems.append("the first three gains should be softmax_first - story_first (seeds 1, 2 and 3), in that "
                        "order")
    elif np.any(np.abs(gains[3:]) > 0.2):
        problems.append("a gain of more than 20 points between two short runs of the same seed is not plausible: "
                        "check that each difference pairs the two variants trained with the same seed")
    return report(exercise, problems)


def check_gain_in_standard_errors(gain_in_standard_errors, softmax_gains):
    """Exercise 5b: the mean of the gains in standard errors, mean / (std / sqrt(n)) (std with ddof 0 or 1)."""
    exercise = "Exercise 5b (the gain in standard errors)"
    if not_answered(exercise, gain_in_standard_errors):
        return False
    if array_problems(softmax_gains, (5,), "softmax_gains"):
        return report(exercise, ["answer exercise 5a first: softmax_gains should be an array of 5 gains"])
    if isinstance(gain_in_standard_errors, (bool, np.bool_)) or not is_number(gain_in_standard_errors):
        return report(exercise, [f"give one number (how many standard errors), got {gain_in_standard_errors!r}"])
    z = float(gain_in_standard_errors)
    gains = np.asarray(softmax_gains, dtype=float)
    n = gains.size
    if gains.std() == 0:
        return report(exercise, ["all five gains are equal: their spread is 0, so there is no standard error"])
    answers = [gains.mean() / (gains.std(ddof=ddof) / math.sqrt(n)) for ddof in (0, 1)]

    def near(value, tolerance=0.01):
        return value != 0 and abs(z - value) <= tolerance * abs(value)

    problems = []
    if any(near(value) for value in answers):
        pass
    elif any(near(gains.mean() / gains.std(ddof=ddof)) for ddof in (0, 1)):
        problems.append("that divides by the spread of one gain; the mean of 5 gains has a spread √5 times smaller")
    elif any(near(gains.mean() / (gains.std(ddof=ddof) / n)) for ddof in (0, 1)):
        problems.append("you divided the spread by n; the standard error of a mean is the spread divided by √n")
    elif any(near(-value) for value in answers):
        problems.append("the sign is reversed: the mean gain is softmax minus story")
    else:
        problems.append("divide the mean of your five gains by their standard error, std(gains) / √5")
    return report(exercise, problems)
