"""The self-checks of the lessons' exercises (``check_...`` functions), one module per lesson.

Every check prints a plain verdict (what is right, or what is wrong and a hint) and returns
``True`` or ``False``; it never raises on a wrong answer, so "run all" always reaches the end of a
lesson. An answer left as ``None`` is reported as not answered yet.
"""

import numbers

import numpy as np


def report(exercise, problems):
    """Print the verdict for ``exercise`` from a list of problems (empty = correct); return True if correct."""
    if problems:
        print(f"✗ {exercise}: not yet.")
        for problem in problems:
            print(f"  - {problem}")
        return False
    print(f"✓ {exercise}: correct!")
    return True


def not_answered(exercise, answer):
    """Print a nudge and return True if the learner has not answered yet (``answer is None``)."""
    if answer is None:
        print(f"… {exercise}: not answered yet. Replace None with your answer and run the cell again.")
        return True
    return False


def is_number(value, integer=False):
    """True for one finite real number (a whole number if ``integer``); never for True or False."""
    kind = numbers.Integral if integer else numbers.Real
    if not isinstance(value, kind) or isinstance(value, bool):
        return False
    try:
        return bool(np.isfinite(value))
    except (TypeError, OverflowError):   # e.g. an int too large for any float: not a sensible answer
        return False


def one_number(answer):
    """One real number as a float, from a number, a numpy scalar or a one-element array; None if it is not one."""
    if isinstance(answer, np.ndarray) and answer.size == 1 and np.issubdtype(answer.dtype, np.number):
        answer = answer.reshape(()).item()
    if isinstance(answer, np.generic):
        answer = answer.item()
    return float(answer) if is_number(answer) else None


def whole_number(answer):
    """A whole number as an int (from an int, a numpy integer, a float such as 5.0 or a one-element array of one);
    None if it is not one."""
    if isinstance(answer, np.ndarray) and answer.size == 1 and np.issubdtype(answer.dtype, np.number):
        answer = answer.reshape(()).item()
    if isinstance(answer, np.generic):
        answer = answer.item()
    if not is_number(answer):
        return None
    if isinstance(answer, numbers.Integral):
        return int(answer)
    return int(answer) if float(answer).is_integer() else None


def as_tuple(answer):
    """A 1-D numpy array of numbers as a tuple, so that ``np.array([w1, w2, b])`` is read like ``(w1, w2, b)``;
    anything else unchanged."""
    if isinstance(answer, np.ndarray) and answer.ndim == 1 and np.issubdtype(answer.dtype, np.number):
        return tuple(answer.tolist())
    return answer


def numbers_problems(answer, count, what="", integer=False):
    """Problems with an answer that should be a tuple of ``count`` finite numbers (empty list if fine).

    ``what`` names the entries for the message, e.g. ``"(w, b)"``; ``integer`` asks for whole numbers.
    """
    expected = f"a tuple of {count} {'whole numbers' if integer else 'numbers'}" + (f" {what}" if what else "")
    if not isinstance(answer, (tuple, list)) or len(answer) != count or not all(is_number(v, integer) for v in answer):
        return [f"the answer should be {expected}, got {answer!r}"]
    return []


def array_problems(answer, expected_shape, name="your answer"):
    """Problems with an answer that should be a numeric array of ``expected_shape`` (empty list if fine)."""
    if callable(answer) or isinstance(answer, (str, bytes)):
        return [f"{name} should be a numpy array, got {type(answer).__name__}"]
    try:
        arr = np.asarray(answer)
    except (ValueError, TypeError):     # e.g. a ragged list such as [1, [2, 3]]
        return [f"{name} should be a numpy array of numbers, got {type(answer).__name__} that numpy cannot read "
                "as one array (rows of different lengths?)"]
    if not np.issubdtype(arr.dtype, np.number) or np.iscomplexobj(arr):
        return [f"{name} should hold real numbers, got dtype {arr.dtype}"]
    if arr.shape != tuple(expected_shape):
        return [f"{name} should have shape {tuple(expected_shape)}, got {arr.shape}"]
    if not np.all(np.isfinite(arr)):
        return [f"{name} contains NaN or infinity"]
    return []


def call_answer(function, args, shape, name):
    """Call the learner's function ``name(*args)`` and check it returned numbers of ``shape``.

    Returns ``(result, problems)``: the result as a float array when all went well (else None), and
    what went wrong (not a function, an error raised, a wrong shape). Never raises.
    """
    if not callable(function):
        return None, [f"the answer should be a function {name}(...), got {type(function).__name__}"]
    try:
        result = function(*args)
    except Exception as error:  # the learner's code may fail in any way: report it, never raise
        return None, [f"{name} raised {type(error).__name__}: {error}"]
    problems = array_problems(result, shape, f"what {name} returned")
    return (None if problems else np.asarray(result, dtype=float)), problems
