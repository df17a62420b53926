"""The MNIST loader on the real files, and its refusal of damaged copies."""

import gzip
import shutil
import struct
import time

import numpy as np
import pytest

from nnlib import load_mnist, one_hot
from nnlib.datasets import DATA_DIR, LABELS_MAGIC, read_idx

# Sanity figures of the genuine set, from the data's README.
TRAIN_COUNTS = [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]
TEST_COUNTS = [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]


def test_real_data_matches_the_sanity_figures():
    data = load_mnist()
    assert data.x_train.shape == (60_000, 784) and data.x_test.shape == (10_000, 784)
    assert data.x_train.dtype == np.float32 and data.y_train.dtype == np.int64
    assert data.x_train.min() == 0.0 and data.x_train.max() == 1.0
    assert list(np.bincount(data.y_train)) == TRAIN_COUNTS
    assert list(np.bincount(data.y_test)) == TEST_COUNTS
    assert f"{data.x_train.mean(dtype=np.float64):.4f}" == "0.1307"
    assert f"{data.x_train.std(dtype=np.float64):.4f}" == "0.3081"
    assert data.x_val is None


def test_cached_and_read_only():
    load_mnist()
    start = time.perf_counter()
    data = load_mnist()
    assert time.perf_counter() - start < 0.1   # the second call reuses what was read
    with pytest.raises(ValueError, match="read-only"):
        data.x_train[0, 0] = 1.0


@pytest.mark.parametrize("name", ["x_train", "y_train", "x_test", "y_test"])
def test_cache_cannot_be_made_writeable_and_poisoned(name):
    array = getattr(load_mnist(), name)
    for candidate in (array, array.base):
        if isinstance(candidate, np.ndarray):
            with pytest.raises(ValueError, match="WRITEABLE"):
                candidate.setflags(write=True)
    first = array[0].copy()
    assert np.array_equal(getattr(load_mnist(), name)[0], first)


def test_validation_split_is_seeded_and_disjoint():
    a, b, c = load_mnist(validation_size=5000, seed=1), load_mnist(validation_size=5000, seed=1), load_mnist(validation_size=5000, seed=2)
    assert a.x_train.shape == (55_000, 784) and a.x_val.shape == (5000, 784) and a.y_val.shape == (5000,)
    assert np.array_equal(a.y_val, b.y_val) and not np.array_equal(a.y_val, c.y_val)
    full = load_mnist()
    assert np.isclose(a.x_train.sum(dtype=np.float64) + a.x_val.sum(dtype=np.float64), full.x_train.sum(dtype=np.float64))
    with pytest.raises(ValueError, match="between 0 and 59999"):
        load_mnist(validation_size=60_000)
    with pytest.raises(TypeError, match="whole number"):
        load_mnist(validation_size=0.1)


def test_one_hot():
    np.testing.assert_array_equal(one_hot(np.array([3, 0]))[:, [0, 3]], [[0, 1], [1, 0]])
    assert one_hot(np.arange(10)).sum() == 10


LABELS = "t10k-labels-idx1-ubyte.gz"


def _write(path, raw):
    path.write_bytes(gzip.compress(raw))


@pytest.fixture
def genuine_labels():
    return gzip.decompress((DATA_DIR / LABELS).read_bytes())


def test_missing_file_is_named(tmp_path):
    with pytest.raises(FileNotFoundError, match=f"{LABELS} is missing"):
        read_idx(tmp_path / LABELS, LABELS_MAGIC)


def test_wrong_checksum_is_refused(tmp_path, genuine_labels):
    damaged = bytearray(genuine_labels)
    damaged[100] = (damaged[100] + 1) % 10
    _write(tmp_path / LABELS, bytes(damaged))
    with pytest.raises(ValueError, match=rf"{LABELS} has SHA-256 .* expected ff7bcfd4"):
        read_idx(tmp_path / LABELS, LABELS_MAGIC)


def test_truncated_file_is_refused(tmp_path, genuine_labels):
    _write(tmp_path / LABELS, genuine_labels[:-10])
    with pytest.raises(ValueError, match=rf"{LABELS} is truncated .* promises 10,008 bytes"):
        read_idx(tmp_path / LABELS, LABELS_MAGIC)
    (tmp_path / LABELS).write_bytes((DATA_DIR / LABELS).read_bytes()[:2000])   # a cut gzip stream
    with pytest.raises(ValueError, match=f"{LABELS} is not a complete gzip file"):
        read_idx(tmp_path / LABELS, LABELS_MAGIC)


def test_wrong_magic_number_is_refused(tmp_path, genuine_labels):
    _write(tmp_path / LABELS, struct.pack(">i", 2051) + genuine_labels[4:])
    with pytest.raises(ValueError, match=rf"{LABELS} has magic number 2051, expected 2049"):
        read_idx(tmp_path / LABELS, LABELS_MAGIC)


def test_load_mnist_refuses_a_corrupted_copy(tmp_path, genuine_labels):
    for f in DATA_DIR.glob("*.gz"):
        shutil.copy(f, tmp_path / f.name)
    _write(tmp_path / LABELS, genuine_labels[:-1] + b"\x07")
    with pytest.raises(ValueError, match="damaged or not the genuine MNIST file"):
        load_mnist(data_dir=tmp_path)
