"""Saving a trained network to a file and loading it back.

A network is stored as a ``.npz`` archive of plain arrays (numpy's own format; no pickle, so loading a
file can never run code): its layer sizes, its settings and one array per weight matrix and bias vector.
Train a network in lesson 5, ``save_network(network, "my_network")``, and load it in another notebook
with ``load_network("my_network.npz")``.
"""

import os
import zipfile
from pathlib import Path

import numpy as np

from . import _validate
from .network import Network


def _as_path(path):
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"path must be a file name (str or pathlib.Path), got {type(path).__name__}")
    return Path(path)


def save_network(network, path):
    """Save ``network`` to a ``.npz`` file and return the path written.

    As numpy does, ``.npz`` is appended to a name that does not end with it: ``save_network(net, "model")``
    writes and returns ``model.npz``.
    """
    _validate.network(network)
    path = _as_path(path)
    if path.suffix != ".npz":
        path = path.with_name(path.name + ".npz")
    arrays = {"sizes": np.array(network.sizes),
              "config": np.array([network.hidden_activation.name, network.output_activation.name,
                                  network.cost_function.name, network.init, network.dtype.name])}
    for layer, (w, b) in enumerate(zip(network.weights, network.biases)):
        arrays[f"weights_{layer}"], arrays[f"biases_{layer}"] = w, b
    np.savez(path, **arrays)
    return path


def load_network(path):
    """Load a network saved by :func:`save_network`, checking the whole file first.

    A file that is not a saved network (not a ``.npz`` archive, a missing or extra array, a wrong shape or
    type, NaN or infinity) raises one ValueError saying what is wrong; a missing file FileNotFoundError.
    """
    path = _as_path(path)
    if not path.is_file():
        raise FileNotFoundError(f"no saved network at {path}: the file does not exist")
    if not zipfile.is_zipfile(path):
        raise ValueError(f"{path} is not a network saved by save_network: not a .npz archive")
    try:
        with np.load(path, allow_pickle=False) as data:
            return _from_arrays(data)
    except (KeyError, TypeError, ValueError, OSError, zipfile.BadZipFile) as error:
        message = error.args[0] if error.args else repr(error)
        raise ValueError(f"{path} is not a valid saved network: {message}") from None


def _from_arrays(data):
    """Build a network from the arrays of a file written by :func:`save_network`, checking every one."""
    for key in ("sizes", "config"):
        if key not in data.files:
            raise ValueError(f"the array {key!r} is missing")
    sizes, config = data["sizes"], data["config"]
    if sizes.ndim != 1 or not np.issubdtype(sizes.dtype, np.integer):
        raise ValueError(f"'sizes' must be a 1-D array of whole numbers, got {sizes.dtype} of shape {sizes.shape}")
    if config.shape != (5,) or config.dtype.kind != "U":
        raise ValueError(f"'config' must hold 5 names (hidden activation, output activation, cost, init, dtype), "
                         f"got {config!r}")
    hidden, output, cost, init, dtype = (str(s) for s in config)
    network = Network([int(s) for s in sizes], hidden, output, cost, init, seed=0, dtype=dtype)
    expected = {"sizes", "config"} | {f"{name}_{layer}" for layer in range(network.n_layers)
                                      for name in ("weights", "biases")}
    if set(data.files) != expected:
        missing, extra = sorted(expected - set(data.files)), sorted(set(data.files) - expected)
        raise ValueError(f"for sizes {network.sizes} the file should hold {sorted(expected)}; "
                         f"missing {missing}, extra {extra}")
    for layer in range(network.n_layers):
        for name, params in (("weights", network.weights), ("biases", network.biases)):
            stored = data[f"{name}_{layer}"]
            if stored.shape != params[layer].shape:
                raise ValueError(f"{name}_{layer} has shape {stored.shape}, expected {params[layer].shape}")
            if stored.dtype != network.dtype:
                raise ValueError(f"{name}_{layer} has dtype {stored.dtype}, expected {network.dtype} (as in 'config')")
            if not np.all(np.isfinite(stored)):
                raise ValueError(f"{name}_{layer} contains NaN or infinity")
            params[layer] = stored.copy()
    return network
