"""Input checks shared by nnlib's public functions (private).

Every public function checks its inputs here, at the boundary, so that a mistake gives a message
that names what was given and what was expected instead of a numpy traceback from deep inside.
"""

import numbers

import numpy as np


def as_float_array(x, name, ndim=None, dtype=None):
    """Return ``x`` as a floating-point numpy array, or raise a clear error.

    Integer arrays are accepted and converted; booleans, strings and objects are refused.
    NaN and infinity are refused because they poison every later computation.
    """
    if isinstance(x, (str, bytes)) or x is None:
        raise TypeError(f"{name} must be an array of numbers, got {type(x).__name__}")
    arr = np.asarray(x)
    if arr.dtype == bool or not (np.issubdtype(arr.dtype, np.floating) or np.issubdtype(arr.dtype, np.integer)):
        raise TypeError(f"{name} must hold real numbers (float or int), got dtype {arr.dtype}")
    if dtype is not None:
        arr = arr.astype(dtype, copy=False)
    elif not np.issubdtype(arr.dtype, np.floating):
        arr = arr.astype(np.float64)
    allowed = (ndim,) if isinstance(ndim, int) else ndim
    if ndim is not None and arr.ndim not in allowed:
        wanted = " or ".join(f"{d}-D" for d in allowed)
        raise ValueError(f"{name} must be a {wanted} array, got shape {arr.shape}")
    if arr.size == 0:
        raise ValueError(f"{name} is empty (shape {arr.shape}); expected at least one value")
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} contains NaN or infinity; expected finite numbers")
    return arr


def as_labels(labels, n_classes, name="labels"):
    """Return integer class labels as a 1-D int64 array, each in 0..n_classes-1."""
    arr = np.asarray(labels)
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


def one_of(value, name, choices):
    """Check that ``value`` is one of the strings in ``choices``."""
    if value not in choices:
        options = ", ".join(repr(c) for c in choices)
        raise ValueError(f"{name} must be one of {options}; got {value!r}")
    return value
