"""Input checks shared by nnlib's public functions (private).

Every public function checks its inputs here, at the boundary, so that a mistake gives a message
that names what was given and what was expected instead of a numpy traceback from deep inside.
"""

import numbers

import numpy as np


def as_array(x, name):
    """``np.asarray(x)``, with a clear message for a ragged list (rows of different lengths)."""
    try:
        return np.asarray(x)
    except ValueError:
        raise ValueError(f"{name} must be a rectangular array of numbers (every row the same length), "
                         f"got a ragged {type(x).__name__}") from None


def finite_array(x, name, dtype=None):
    """``np.asarray(x)`` of finite real numbers, of any shape, or raise a clear error.

    Booleans, strings, None and objects are refused (TypeError), NaN and infinity too (ValueError).
    The array keeps its own dtype (float32 stays float32, integers stay integers) unless ``dtype``
    is given; the conversion comes before the check, so a number too large for ``dtype`` is refused.
    """
    arr = as_array(x, name)
    if arr.dtype == bool or not (np.issubdtype(arr.dtype, np.floating) or np.issubdtype(arr.dtype, np.integer)):
        raise TypeError(f"{name} must hold real numbers (float or int), got dtype {arr.dtype}")
    if dtype is not None:
        arr = arr.astype(dtype, copy=False)
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} contains NaN or infinity; expected finite numbers")
    return arr


def as_float_array(x, name, ndim=None, dtype=None):
    """Return ``x`` as a floating-point numpy array, or raise a clear error.

    Integer arrays are accepted and converted; booleans, strings and objects are refused.
    NaN and infinity are refused because they poison every later computation.
    """
    if isinstance(x, (str, bytes)) or x is None:
        raise TypeError(f"{name} must be an array of numbers, got {type(x).__name__}")
    arr = as_array(x, name)
    if dtype is None and not np.issubdtype(arr.dtype, np.floating):
        dtype = np.float64                       # integers become float64
    arr = finite_array(arr, name, dtype)
    allowed = (ndim,) if isinstance(ndim, int) else ndim
    if ndim is not None and arr.ndim not in allowed:
        wanted = " or ".join(f"{d}-D" for d in allowed)
        raise ValueError(f"{name} must be a {wanted} array, got shape {arr.shape}")
    if arr.size == 0:
        raise ValueError(f"{name} is empty (shape {arr.shape}); expected at least one value")
    return arr


def as_activations(x, name, ndim=None, dtype=None):
    """Like :func:`as_float_array`, for a network's input: activations between 0 and 1.

    The course's networks read pixel brightness from 0 (black) to 1 (white). Raw 0-255 pixels
    (a uint8 image, or any value outside [0, 1]) are refused with the fix: divide by 255.
    """
    if as_array(x, name).dtype == np.uint8:
        raise ValueError(f"{name} is a uint8 array (raw 0-255 pixels?); the network expects activations "
                         f"between 0 and 1: divide by 255 first, e.g. {name} / 255")
    arr = as_float_array(x, name, ndim, dtype)
    low, high = arr.min(), arr.max()
    if low < 0 or high > 1:
        raise ValueError(f"{name} must hold activations between 0 and 1 (pixel brightness, 0 = black, 1 = white), "
                         f"got values from {low:g} to {high:g}; for 0-255 pixels divide by 255 first, e.g. {name} / 255")
    return arr


def same_shape(a, b, name_a, name_b):
    """Check that arrays ``a`` and ``b`` have the same shape: they are compared entry by entry, so
    numpy must not broadcast one against the other."""
    if a.shape != b.shape:
        raise ValueError(f"{name_a} and {name_b} must have the same shape (entry by entry), "
                         f"got {name_a} of shape {a.shape} and {name_b} of shape {b.shape}")


def as_labels(labels, n_classes, name="labels"):
    """Return integer class labels as a 1-D int64 array, each in 0..n_classes-1."""
    arr = as_array(labels, name)
    if arr.ndim != 1:
        raise ValueError(f"{name} must be a 1-D array of class numbers, got shape {arr.shape}")
    if arr.size == 0:
        raise ValueError(f"{name} is empty; expected at least one label")
    if np.issubdtype(arr.dtype, np.floating):
        if not np.all(np.isfinite(arr)) or np.any(arr != np.round(arr)):
            raise TypeError(f"{name} must be whole class numbers 0..{n_classes - 1}, got non-integer values")
        arr = arr.astype(np.int64)
    elif arr.dtype == bool or not np.issubdtype(arr.dtype, np.integer):
        raise TypeError(f"{name} must be integers 0..{n_classes - 1}, got dtype {arr.dtype}")
    if arr.min() < 0 or arr.max() >= n_classes:
        raise ValueError(
            f"{name} must lie in 0..{n_classes - 1}, got values from {arr.min()} to {arr.max()}"
        )
    return arr.astype(np.int64, copy=False)


def positive_number(value, name, integer=False):
    """Check that ``value`` is a positive (finite) number, or a positive integer."""
    kind = numbers.Integral if integer else numbers.Real
    if isinstance(value, bool) or not isinstance(value, kind):
        expected = "a positive integer" if integer else "a positive number"
        raise TypeError(f"{name} must be {expected}, got {value!r} ({type(value).__name__})")
    if not np.isfinite(value) or value <= 0:
        expected = "a positive integer" if integer else "a positive number"
        raise ValueError(f"{name} must be {expected}, got {value!r}")
    return value


def finite_number(value, name):
    """Check that ``value`` is one finite real number (not NaN, not infinity, not a bool)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a number, got {value!r} ({type(value).__name__})")
    if not np.isfinite(value):
        raise ValueError(f"{name} must be a finite number, got {value!r}")
    return value


def number_in(value, name, low, high):
    """Check that ``value`` is a real number from ``low`` to ``high`` (inclusive); return it as a float."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a number from {low:g} to {high:g}, got {value!r} ({type(value).__name__})")
    if not low <= value <= high:          # also False for NaN
        raise ValueError(f"{name} must be a number from {low:g} to {high:g}, got {value!r}")
    return float(value)


def generator(seed, name="seed"):
    """``numpy.random.default_rng(seed)`` for a seed that is a whole number >= 0 or a Generator."""
    if isinstance(seed, np.random.Generator):
        return seed
    if isinstance(seed, bool) or not isinstance(seed, numbers.Integral):
        raise TypeError(f"{name} must be a whole number >= 0 or a numpy Generator, got {seed!r} ({type(seed).__name__})")
    if seed < 0:
        raise ValueError(f"{name} must be a whole number >= 0, got {seed}")
    return np.random.default_rng(seed)


def one_of(value, name, choices):
    """Check that ``value`` is one of the strings in ``choices``."""
    if value not in choices:
        options = ", ".join(repr(c) for c in choices)
        raise ValueError(f"{name} must be one of {options}; got {value!r}")
    return value
