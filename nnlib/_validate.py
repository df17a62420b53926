"""Input checks shared by nnlib's public functions (private).

Every public function checks its inputs here, at the boundary, so that a mistake gives a message
that names what was given and what was expected instead of a numpy traceback from deep inside.
"""

import math
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


def as_float_array(x, name, ndim=None, dtype=None, allow_empty=False):
    """Return ``x`` as a float32 or float64 numpy array, or raise a clear error.

    float32 and float64 stay as they are (unless ``dtype`` is given); integers and other floats become
    float64; booleans, strings and objects are refused. NaN and infinity are refused because they poison
    every later computation; so is an empty array unless ``allow_empty``.
    """
    if isinstance(x, (str, bytes)) or x is None:
        raise TypeError(f"{name} must be an array of numbers, got {type(x).__name__}")
    arr = as_array(x, name)
    if dtype is None and arr.dtype not in (np.float32, np.float64):
        dtype = np.float64
    arr = finite_array(arr, name, dtype)
    allowed = (ndim,) if isinstance(ndim, int) else ndim
    if ndim is not None and arr.ndim not in allowed:
        wanted = " or ".join(f"{d}-D" for d in allowed)
        raise ValueError(f"{name} must be a {wanted} array, got shape {arr.shape}")
    if arr.size == 0 and not allow_empty:
        raise ValueError(f"{name} is empty (shape {arr.shape}); expected at least one value")
    return arr


def _looks_like_raw_pixels(arr):
    """True if the float array ``arr`` holds only whole numbers from 0 to 255, some above 1."""
    if not (arr.max() > 1 and arr.max() <= 255 and arr.min() >= 0):
        return False
    flat = arr.ravel()
    sample = flat[:1000]
    if not np.all(sample == np.round(sample)):        # a quick look settles most real inputs
        return False
    return bool(np.all(flat == np.round(flat)))


IMAGE_SIZE = 64
"""Inputs with at least this many values per example (8x8 pixels) are taken for images when checking for
raw pixels; smaller inputs (a toy regression, XOR) may hold any whole numbers."""


def as_inputs(x, name, ndim=None, dtype=None):
    """Like :func:`as_float_array`, for what a network reads: any finite real numbers, except raw pixels.

    Pixel brightness from 0 to 1 is the course's input, but standardised inputs (mean 0, variance 1) and
    -1/+1 codings are fine too. What is refused is the common mistake, raw 0-255 pixels, with the fix
    (divide by 255): a uint8 array, or, in inputs of :data:`IMAGE_SIZE` values or more per example, whole
    numbers from 0 to 255 with some above 1.
    """
    fix = f"The network expects pixel brightness from 0 to 1: divide by 255 first, e.g. {name} / 255"
    if as_array(x, name).dtype == np.uint8:
        raise ValueError(f"{name} is a uint8 array (raw 0-255 pixels?). {fix}")
    arr = as_float_array(x, name, ndim, dtype)
    if arr.ndim and arr.shape[-1] >= IMAGE_SIZE and _looks_like_raw_pixels(arr):
        raise ValueError(f"{name} holds whole numbers up to {arr.max():g} (raw 0-255 pixels?). {fix}")
    return arr


def as_image(x, name, ndim=None, dtype=None):
    """Like :func:`as_inputs`, for a picture drawn in shades of grey: brightness from 0 (no ink) to 1 (ink)."""
    arr = as_inputs(x, name, ndim, dtype)
    low, high = arr.min(), arr.max()
    if low < 0 or high > 1:
        raise ValueError(f"{name} must hold pixel brightness from 0 (no ink) to 1 (full ink), "
                         f"got values from {low:g} to {high:g}")
    return arr


def network_inputs(x, n_inputs, dtype, name="x"):
    """Check a network's input; return it as a 2-D array of ``dtype`` (one example per row) and whether
    it was a single example (1-D)."""
    x = as_inputs(x, name, ndim=(1, 2), dtype=dtype)
    single = x.ndim == 1
    x2 = x[None, :] if single else x
    if x2.shape[1] != n_inputs:
        raise ValueError(f"{name} must have {n_inputs} values per example (the network's input size), "
                         f"got shape {x.shape}")
    return x2, single


def one_hot(labels, n_classes, dtype):
    """Desired output vectors for checked labels: row ``i`` is 0 except for a 1 at ``labels[i]``."""
    out = np.zeros((labels.size, n_classes), dtype=dtype)
    out[np.arange(labels.size), labels] = 1
    return out


def network_targets(y, n_outputs, n_examples, single, dtype, name="y"):
    """The desired outputs, shape (n_examples, n_outputs), from class labels or target vectors.

    ``y`` is class labels exactly when it holds integers (one per example, or one number for a single
    example); a float array is target vectors (one row of ``n_outputs`` values per example, or one row
    for a single example).
    """
    y = as_array(y, name)
    if np.issubdtype(y.dtype, np.integer) and y.dtype != bool:
        labels = as_labels(y[None] if single and y.ndim == 0 else y, n_outputs, f"{name} (class labels)")
        targets = one_hot(labels, n_outputs, dtype)
    elif np.issubdtype(y.dtype, np.floating):
        if single and y.ndim == 1:
            y = y[None, :]
        if y.ndim != 2 or y.shape[1] != n_outputs:
            if n_outputs == 1 and y.shape == (n_examples,):
                hint = f"with one output, give one row per example: {name}.reshape(-1, 1)"
            else:
                hint = f"for class labels give integers, e.g. {name}.astype(int)"
            raise ValueError(f"{name} is a float array of shape {y.shape}: floats mean target vectors, one row of "
                             f"{n_outputs} values per example (the network's output size); {hint}")
        targets = as_float_array(y, f"{name} (target vectors)", dtype=dtype)
    else:
        raise TypeError(f"{name} must be integer class labels or float target vectors, got dtype {y.dtype}")
    if targets.shape[0] != n_examples:
        raise ValueError(f"x has {n_examples} examples but {name} has {targets.shape[0]}; they must match")
    return targets


def examples(network, x, y, x_name="x", y_name="y"):
    """``x`` and ``y`` checked for ``network``: ``x`` as a 2-D array of its dtype (one example per row)
    and ``y`` as the 2-D desired outputs (see :func:`network_targets`), what backpropagation takes."""
    x2, single = network_inputs(x, network.sizes[0], network.dtype, x_name)
    return x2, network_targets(y, network.sizes[-1], len(x2), single, network.dtype, y_name)


def network(value, name="network"):
    """Check that ``value`` is an nnlib Network."""
    from .network import Network       # here, not at the top: network.py itself imports this module

    if not isinstance(value, Network):
        raise TypeError(f"{name} must be an nnlib Network, got {type(value).__name__}")
    return value


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
    if arr.dtype == bool or not np.issubdtype(arr.dtype, np.integer):
        hint = f", e.g. {name.split()[0]}.astype(int)" if np.issubdtype(arr.dtype, np.floating) else ""
        raise TypeError(f"{name} must be whole class numbers 0..{n_classes - 1} of an integer type{hint}; "
                        f"got dtype {arr.dtype}")
    if arr.min() < 0 or arr.max() >= n_classes:
        raise ValueError(
            f"{name} must lie in 0..{n_classes - 1}, got values from {arr.min()} to {arr.max()}"
        )
    return arr.astype(np.int64, copy=False)


def positive_number(value, name, integer=False):
    """Check that ``value`` is a positive (finite) number, or a positive integer."""
    if type(value) is float and 0 < value < math.inf and not integer:     # the common case, checked fast
        return value
    kind = numbers.Integral if integer else numbers.Real
    expected = "a positive integer" if integer else "a positive number"
    if isinstance(value, bool) or not isinstance(value, kind):
        raise TypeError(f"{name} must be {expected}, got {value!r} ({type(value).__name__})")
    if not math.isfinite(value) or value <= 0:
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


def float_dtype(dtype):
    """``dtype`` as numpy's float32 or float64, or a TypeError naming what was given."""
    try:
        checked = np.dtype(dtype)
    except TypeError:
        checked = None
    if checked not in (np.float32, np.float64):
        raise TypeError(f"dtype must be float32 or float64, got {dtype!r}")
    return checked
