"""The MNIST handwritten digits, read from the IDX files shipped with nnlib (lesson 1).

The four original files live in ``nnlib/data/mnist/`` (see the README there for the license).
They are parsed here directly: an IDX file is a big-endian header (a magic number, then the
number of items, then for images the rows and columns) followed by one unsigned byte per pixel or
label. What was read is checked against the known SHA-256 of the genuine files, so a damaged copy
is refused instead of silently teaching from wrong data.
"""

import functools
import gzip
import hashlib
import os
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from . import _validate

DATA_DIR = Path(__file__).resolve().parent / "data" / "mnist"

# SHA-256 of the *uncompressed* IDX bytes of the genuine files.
SHA256 = {
    "train-images-idx3-ubyte.gz": "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
    "train-labels-idx1-ubyte.gz": "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
    "t10k-images-idx3-ubyte.gz": "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
    "t10k-labels-idx1-ubyte.gz": "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2",
}
IMAGES_MAGIC, LABELS_MAGIC = 2051, 2049


@dataclass(frozen=True)
class MNIST:
    """The data set, one image per row.

    ``x_train`` float32 (n, 784) with values in [0, 1] (0 = black background, 1 = white ink);
    ``y_train`` int64 (n,) with digits 0-9; likewise ``x_test``/``y_test`` (10,000 images) and,
    when a validation split was asked for, ``x_val``/``y_val`` (else ``None``).
    The arrays are read-only and cannot be made writeable (they are shared by every call); copy one
    to change it, e.g. ``x = mnist.x_train.copy()``.
    """

    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    x_val: np.ndarray = None
    y_val: np.ndarray = None

    def __repr__(self):
        parts = [f"train {self.x_train.shape[0]:,}", f"test {self.x_test.shape[0]:,}"]
        if self.x_val is not None:
            parts.insert(1, f"validation {self.x_val.shape[0]:,}")
        return f"MNIST({', '.join(parts)} images of 28x28 = 784 pixels)"


def read_idx(path, expected_magic):
    """Read one gzipped IDX file and return its items as a uint8 array.

    Shape (count, rows, cols) for images (magic 2051) or (count,) for labels (magic 2049).
    Raises FileNotFoundError or ValueError naming the file and what was expected.
    """
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"path must be the name of an MNIST file (str or pathlib.Path), got {type(path).__name__}")
    if isinstance(expected_magic, bool) or expected_magic not in (IMAGES_MAGIC, LABELS_MAGIC):
        raise ValueError(f"expected_magic must be the number {IMAGES_MAGIC} (images) or {LABELS_MAGIC} (labels), "
                         f"got {expected_magic!r}")
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"MNIST file {path} is missing; expected the original gzipped IDX file there "
                                f"(a clone of the course repository contains it under nnlib/data/mnist/)")
    try:
        raw = gzip.decompress(path.read_bytes())
    except (OSError, EOFError, zlib.error) as err:
        raise ValueError(f"MNIST file {path} is not a complete gzip file ({err}); expected a gzipped IDX file") from None
    header_size = 16 if expected_magic == IMAGES_MAGIC else 8
    if len(raw) < header_size:
        raise ValueError(f"MNIST file {path} is truncated: {len(raw)} bytes, expected at least a {header_size}-byte header")
    magic, count = struct.unpack(">ii", raw[:8])
    if magic != expected_magic:
        raise ValueError(f"MNIST file {path} has magic number {magic}, expected {expected_magic} "
                         f"({'images' if expected_magic == IMAGES_MAGIC else 'labels'} in IDX format)")
    shape = (count,) + (struct.unpack(">ii", raw[8:16]) if expected_magic == IMAGES_MAGIC else ())
    expected_bytes = header_size + int(np.prod(shape))
    if len(raw) != expected_bytes:
        raise ValueError(f"MNIST file {path} is truncated or padded: its header promises {expected_bytes:,} bytes "
                         f"of shape {shape}, the file holds {len(raw):,}")
    digest = hashlib.sha256(raw).hexdigest()
    if path.name in SHA256 and digest != SHA256[path.name]:
        raise ValueError(f"MNIST file {path} has SHA-256 {digest}, expected {SHA256[path.name]}: "
                         f"the file is damaged or not the genuine MNIST file")
    return np.frombuffer(raw, dtype=np.uint8, offset=header_size).reshape(shape)


@functools.lru_cache(maxsize=8)
def _load_split(directory, prefix, _stamp):
    """Images as read-only float32 (n, 784) in [0, 1] and labels as read-only int64 (n,)."""
    images = read_idx(Path(directory) / f"{prefix}-images-idx3-ubyte.gz", IMAGES_MAGIC)
    labels = read_idx(Path(directory) / f"{prefix}-labels-idx1-ubyte.gz", LABELS_MAGIC)
    if images.shape[0] != labels.shape[0]:
        raise ValueError(f"MNIST {prefix} files disagree: {images.shape[0]} images but {labels.shape[0]} labels")
    x = images.reshape(images.shape[0], -1).astype(np.float32) / np.float32(255)
    return _frozen(x), _frozen(labels.astype(np.int64))


def _frozen(array):
    """A copy of ``array`` that nobody can change: it lives in an immutable ``bytes`` object, so
    ``setflags(write=True)`` raises instead of letting one caller poison every later ``load_mnist()``."""
    return np.frombuffer(array.tobytes(), dtype=array.dtype).reshape(array.shape)


def _stamp(directory, prefix):
    """Sizes and modification times of a split's files, so an edited file is read afresh."""
    files = [Path(directory) / f"{prefix}-{kind}-idx{n}-ubyte.gz" for kind, n in (("images", 3), ("labels", 1))]
    return tuple((os.stat(f).st_size, os.stat(f).st_mtime_ns) if f.is_file() else None for f in files)


def load_mnist(validation_size=0, seed=0, data_dir=None):
    """Load the 60,000 training and 10,000 test images of MNIST.

    Parameters
    ----------
    validation_size : int
        If positive, this many images are taken out of the training set at random (with ``seed``)
        and returned as ``x_val``/``y_val``; the training set keeps the rest.
    seed : int or numpy.random.Generator
        Chooses the validation images.
    data_dir : path, optional
        Folder with the four IDX files; by default the copy shipped inside nnlib.

    Returns
    -------
    MNIST
        Read once per process and cached: later calls take milliseconds.
    """
    if data_dir is not None and not isinstance(data_dir, (str, os.PathLike)):
        raise TypeError(f"data_dir must be a folder name (str or pathlib.Path), got {type(data_dir).__name__}")
    directory = str(Path(data_dir) if data_dir is not None else DATA_DIR)
    if isinstance(validation_size, bool) or not isinstance(validation_size, (int, np.integer)):
        raise TypeError(f"validation_size must be a whole number, got {validation_size!r}")
    x_train, y_train = _load_split(directory, "train", _stamp(directory, "train"))
    x_test, y_test = _load_split(directory, "t10k", _stamp(directory, "t10k"))
    if validation_size == 0:
        return MNIST(x_train, y_train, x_test, y_test)
    if not 0 < validation_size < x_train.shape[0]:
        raise ValueError(f"validation_size must be between 0 and {x_train.shape[0] - 1}, got {validation_size}")
    order = _validate.generator(seed).permutation(x_train.shape[0])
    val, keep = np.sort(order[:validation_size]), np.sort(order[validation_size:])
    return MNIST(x_train[keep], y_train[keep], x_test, y_test, x_train[val], y_train[val])


def one_hot(labels, n_classes=10, dtype=np.float32):
    """Desired output vectors: row ``i`` is all zeros except a 1 at position ``labels[i]``.

    ``labels`` int array of shape (n,); returns an array of shape (n, n_classes).
    """
    _validate.positive_number(n_classes, "n_classes", integer=True)
    labels = _validate.as_labels(np.atleast_1d(_validate.as_array(labels, "labels")), n_classes)
    if np.dtype(dtype).kind not in "iuf":
        raise TypeError(f"dtype must be a numeric type such as np.float32, got {dtype!r}")
    return _validate.one_hot(labels, n_classes, dtype)
