"""Reading a network's negative gradient: which of its 13,002 parameters want the biggest nudges (lesson 4).

The gradient of the cost has one component per parameter, in the order of
:meth:`nnlib.network.Network.parameter_vector` (W of layer 1 row by row, b of layer 1, W of layer 2, ...).
:func:`parameter_name` says which parameter an entry is; :func:`largest_components` lists the entries
largest in size, each with its name.
"""

import numbers

import numpy as np

from . import _validate


def parameter_name(network, index):
    """The name of entry ``index`` of ``network.parameter_vector()``, e.g. ``"W1[3, 405]"`` or ``"b2[7]"``.

    Layers count from 1 as in the lessons: ``W1`` and ``b1`` compute hidden layer 1 from the input;
    ``W1[j, k]`` is the weight from neuron k of the previous layer to neuron j of the next.
    """
    _validate.network(network)
    if isinstance(index, bool) or not isinstance(index, numbers.Integral) or not 0 <= index < network.n_parameters:
        raise ValueError(f"index must be a whole number from 0 to {network.n_parameters - 1:,}, got {index!r}")
    offset = 0
    for layer, (w, b) in enumerate(zip(network.weights, network.biases), start=1):
        if index < offset + w.size:
            row, col = divmod(int(index - offset), w.shape[1])
            return f"W{layer}[{row}, {col}]"
        offset += w.size
        if index < offset + b.size:
            return f"b{layer}[{int(index - offset)}]"
        offset += b.size


def largest_components(vector, network, k=15):
    """The ``k`` components of ``vector`` (one per parameter of ``network``) largest in size.

    Returns ``(indices, values, names)``: arrays of shape (k,), largest ``|value|`` first, and the
    parameter names from :func:`parameter_name`.
    """
    _validate.network(network)
    vector = _validate.as_float_array(vector, "vector", ndim=1)
    if vector.size != network.n_parameters:
        raise ValueError(f"vector must have one value per parameter ({network.n_parameters:,}), got {vector.size:,}")
    _validate.positive_number(k, "k", integer=True)
    indices = np.argsort(-np.abs(vector), kind="stable")[:k]
    return indices, vector[indices], [parameter_name(network, i) for i in indices]
