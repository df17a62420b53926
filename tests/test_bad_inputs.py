"""Every bad input gets a ValueError or TypeError that says what was given and what was expected.

One table of cases across the public API (network, training, gradient checks, data, costs, descent,
the autograd engine, widgets), each with the exception expected and the words its message must hold.
Then the guarantees that are not about one bad value: same seed, same result; inputs never changed;
no warning and no NaN at |z| = 1000.
"""

import warnings

import numpy as np
import pytest

from nnlib import Network, TrainingDiverged, gradient_check, load_mnist, load_network, one_hot, save_network, train
from nnlib import activations, datasets, descent, losses, nudges
from nnlib.autograd import Value, half_squared_error, sigmoid_layer
from nnlib.gradcheck import numerical_gradient, relative_error

NET = Network([4, 3, 2], seed=0)
X = np.random.default_rng(0).random((5, 4))
Y = np.array([0, 1, 1, 0, 1])
GRADS = NET.gradients(X, Y)


def _grads(**changes):
    """NET's gradients with some fields replaced."""
    g = NET.gradients(X, Y)
    for name, value in changes.items():
        setattr(g, name, value)
    return g


def _saved(tmp_path, **arrays):
    """A file holding NET's saved arrays, with some replaced (None removes one)."""
    path = save_network(NET, tmp_path / "net.npz")
    with np.load(path) as data:
        content = {k: data[k] for k in data.files}
    for key, value in arrays.items():
        if value is None:
            del content[key]
        else:
            content[key] = value
    np.savez(tmp_path / "bad.npz", **content)
    return tmp_path / "bad.npz"


def _write(tmp_path, name, data):
    (tmp_path / name).write_bytes(data)
    return tmp_path / name


def _widgets():
    from nnlib.widgets.descent import LearningRateExplorer, TrainingMonitor
    from nnlib.widgets.neuron import NeuronWidget, TwoPixelNeuronWidget
    from nnlib.widgets.thinking import NetworkThinking
    return LearningRateExplorer, TrainingMonitor, NeuronWidget, TwoPixelNeuronWidget, NetworkThinking


def _train(**changes):
    arguments = dict(epochs=1, batch_size=2, learning_rate=0.1, progress=False)
    arguments.update(changes)
    x, y = arguments.pop("x", X), arguments.pop("y", Y)
    return train(NET.copy(), x, y, **arguments)


PIXELS_255 = (X * 255).astype(np.uint8)
IMAGE_NET = Network([64, 3, 2], seed=0)      # 64 inputs or more: an image, where whole numbers above 1 are raw pixels
X64 = np.random.default_rng(1).random((5, 64))
WHOLE_255 = np.round(X64 * 255)              # raw pixels as floats: whole numbers from 0 to 255

CASES = {
    # ------------------------------------------------------------ Network: construction
    "sizes one layer": (lambda: Network([784]), ValueError, ["at least two layer sizes"]),
    "sizes None": (lambda: Network(None), ValueError, ["sizes", "None"]),
    "sizes text": (lambda: Network("784-10"), ValueError, ["sizes", "'784-10'"]),
    "size 0": (lambda: Network([784, 0, 10]), ValueError, ["positive integer", "0"]),
    "size negative": (lambda: Network([784, -3, 10]), ValueError, ["positive integer", "-3"]),
    "size float": (lambda: Network([784, 16.5, 10]), TypeError, ["positive integer", "16.5"]),
    "size text": (lambda: Network([784, "16", 10]), TypeError, ["positive integer", "'16'"]),
    "hidden unknown": (lambda: Network([4, 2], hidden_activation="sigmoidal"), ValueError, ["hidden_activation must be one of", "'sigmoidal'"]),
    "output unknown": (lambda: Network([4, 2], output_activation="max"), ValueError, ["output_activation must be one of", "'max'"]),
    "cost unknown": (lambda: Network([4, 2], cost="l1"), ValueError, ["cost must be one of", "'l1'"]),
    "softmax without cross-entropy": (lambda: Network([4, 2], output_activation="softmax"), ValueError, ["cross_entropy"]),
    "init unknown": (lambda: Network([4, 2], init="xavier"), ValueError, ["init must be one of"]),
    "dtype int": (lambda: Network([4, 2], dtype=np.int32), TypeError, ["float32 or float64"]),
    "dtype nonsense": (lambda: Network([4, 2], dtype="fast"), TypeError, ["float32 or float64", "'fast'"]),
    "seed text": (lambda: Network([4, 2], seed="abc"), TypeError, ["seed", "whole number", "'abc'"]),
    "seed float": (lambda: Network([4, 2], seed=1.5), TypeError, ["seed", "1.5"]),
    "seed negative": (lambda: Network([4, 2], seed=-1), ValueError, ["seed", ">= 0", "-1"]),
    "copy to int64": (lambda: NET.copy(dtype=np.int64), TypeError, ["float32 or float64", "int64"]),
    # ------------------------------------------------------------ forward and friends: x
    "x wrong width": (lambda: NET.forward(np.ones((5, 3)) / 2), ValueError, ["4 values per example", "(5, 3)"]),
    "x 3-D": (lambda: NET.forward(np.ones((2, 2, 4)) / 2), ValueError, ["1-D or 2-D", "(2, 2, 4)"]),
    "x empty": (lambda: NET.forward(np.ones((0, 4))), ValueError, ["empty"]),
    "x NaN": (lambda: NET.forward(np.array([[1.0, np.nan, 0, 0]])), ValueError, ["NaN"]),
    "x inf": (lambda: NET.forward(np.array([[1.0, np.inf, 0, 0]])), ValueError, ["infinity"]),
    "x strings": (lambda: NET.forward(np.array([["a", "b", "c", "d"]])), TypeError, ["dtype <U1"]),
    "x bool": (lambda: NET.forward(np.ones((1, 4), dtype=bool)), TypeError, ["dtype bool"]),
    "x text": (lambda: NET.forward("pixels"), TypeError, ["str"]),
    "x None": (lambda: NET.forward(None), TypeError, ["x", "NoneType"]),
    "x ragged": (lambda: NET.forward([[0.1, 0.2], [0.3]]), ValueError, ["x", "every row the same length"]),
    "labels ragged": (lambda: NET.cost(X, [[0], [1, 1]]), ValueError, ["y", "ragged"]),
    "x uint8 pixels forward": (lambda: NET.forward(PIXELS_255), ValueError, ["uint8", "divide by 255"]),
    "x 0-255 floats forward": (lambda: IMAGE_NET.forward(WHOLE_255), ValueError, ["whole numbers up to 25", "divide by 255"]),
    "x 0-255 predict": (lambda: IMAGE_NET.predict(WHOLE_255), ValueError, ["divide by 255"]),
    "x uint8 accuracy": (lambda: NET.accuracy(PIXELS_255, Y), ValueError, ["divide by 255"]),
    "x 0-255 cost": (lambda: IMAGE_NET.cost(WHOLE_255, Y), ValueError, ["divide by 255"]),
    "x 0-255 gradients": (lambda: IMAGE_NET.gradients(WHOLE_255, Y), ValueError, ["divide by 255"]),
    "x 0-255 train": (lambda: train(IMAGE_NET.copy(), WHOLE_255, Y, epochs=1, batch_size=2, learning_rate=0.1), ValueError, ["divide by 255"]),
    "x uint8 train": (lambda: _train(x=PIXELS_255), ValueError, ["uint8", "divide by 255"]),
    "return_all text": (lambda: NET.forward(X, return_all="yes"), TypeError, ["return_all", "'yes'"]),
    # ------------------------------------------------------------ labels and targets
    "label too large": (lambda: NET.cost(X, np.array([0, 1, 2, 0, 1])), ValueError, ["0..1", "from 0 to 2"]),
    "label negative": (lambda: NET.cost(X, np.array([0, 1, -1, 0, 1])), ValueError, ["0..1", "-1"]),
    "labels as floats": (lambda: NET.cost(X, np.array([0.0, 1, 1, 0, 1])), ValueError,
                         ["floats mean target vectors", "for class labels give integers"]),
    "label NaN": (lambda: NET.cost(X, np.array([0, 1, np.nan, 0, 1])), ValueError, ["floats mean target vectors"]),
    "label strings": (lambda: NET.cost(X, np.array(list("abcde"))), TypeError, ["integer class labels", "<U1"]),
    "accuracy labels as floats": (lambda: NET.accuracy(X, Y.astype(float)), TypeError,
                                  ["integer type", "astype(int)"]),
    "labels too few": (lambda: NET.cost(X, np.array([0, 1, 1])), ValueError, ["5 examples", "3"]),
    "targets wrong width": (lambda: NET.cost(X, np.ones((5, 3))), ValueError, ["2 values per example", "(5, 3)"]),
    "one output, 1-D float targets": (lambda: Network([4, 1]).cost(X, np.ones(5)), ValueError,
                                      ["one row per example", "y.reshape(-1, 1)"]),
    "Value negative ** 0.5": (lambda: Value(-2.0) ** 0.5, ValueError, ["-2 ** 0.5", "no real value"]),
    "Value 0 ** 0.5 backward": (lambda: (Value(0.0) ** 0.5).backward(), ValueError, ["derivative", "x = 0", "infinite"]),
    "forward of overflowed weights": (lambda: _huge().forward(X), ValueError, ["outputs are infinite or NaN"]),
    "cost of overflowed weights": (lambda: _huge().cost(X, Y), ValueError, ["cost is infinite or NaN"]),
    "targets NaN": (lambda: NET.cost(X, np.full((5, 2), np.nan)), ValueError, ["y (target vectors)", "NaN"]),
    "gradients labels too few": (lambda: NET.gradients(X, Y[:4]), ValueError, ["5 examples", "4"]),
    "accuracy labels too few": (lambda: NET.accuracy(X, [0, 1]), ValueError, ["5 examples", "2"]),
    "accuracy labels None": (lambda: NET.accuracy(X, None), TypeError, ["labels", "object"]),
    # ------------------------------------------------------------ step
    "step negative rate": (lambda: NET.copy().step(GRADS, -0.1), ValueError, ["positive number", "-0.1"]),
    "step rate text": (lambda: NET.copy().step(GRADS, "fast"), TypeError, ["positive number", "'fast'"]),
    "step rate NaN": (lambda: NET.copy().step(GRADS, float("nan")), ValueError, ["learning_rate", "nan"]),
    "step rate inf": (lambda: NET.copy().step(GRADS, float("inf")), ValueError, ["learning_rate", "inf"]),
    "step not gradients": (lambda: NET.copy().step({"dW": []}, 0.1), TypeError, ["Gradients", "dict"]),
    "step wrong shapes": (lambda: NET.copy().step(Network([4, 5, 2]).gradients(X, Y), 0.1),
                          ValueError, ["layer 0", "(5, 4)", "(3, 4)"]),
    "step wrong layer count": (lambda: NET.copy().step(Network([4, 3, 2, 2]).gradients(X, Y), 0.1),
                               ValueError, ["3 layers of weights", "this network has 2"]),
    "step gradients a list": (lambda: NET.copy().step(_grads(dW=[[[0.0] * 4] * 3, GRADS.dW[1]]), 0.1), TypeError,
                              ["layer 0", "numpy arrays", "list"]),
    "gradients of overflowed weights": (lambda: _huge().gradients(X, Y), ValueError,
                                        ["infinite or NaN", "too large", "learning rate"]),
    # ------------------------------------------------------------ train
    "batch_size 0": (lambda: _train(batch_size=0), ValueError, ["batch_size", "0"]),
    "batch_size larger than data": (lambda: _train(batch_size=6), ValueError, ["batch_size", "at most", "5", "6"]),
    "batch_size float": (lambda: _train(batch_size=2.5), TypeError, ["batch_size", "2.5"]),
    "epochs 0": (lambda: _train(epochs=0), ValueError, ["epochs", "0"]),
    "epochs negative": (lambda: _train(epochs=-2), ValueError, ["epochs", "-2"]),
    "epochs float": (lambda: _train(epochs=1.5), TypeError, ["epochs", "1.5"]),
    "learning_rate 0": (lambda: _train(learning_rate=0), ValueError, ["learning_rate", "positive"]),
    "learning_rate negative": (lambda: _train(learning_rate=-1.0), ValueError, ["learning_rate", "-1.0"]),
    "learning_rate NaN": (lambda: _train(learning_rate=float("nan")), ValueError, ["learning_rate", "nan"]),
    "learning_rate text": (lambda: _train(learning_rate="0.1"), TypeError, ["learning_rate", "'0.1'"]),
    "schedule reaches 0": (lambda: _train(epochs=2, learning_rate=lambda e: 0.1 - 0.1 * e), ValueError,
                           ["learning rate (epoch 1)", "0.0"]),
    "schedule NaN in epoch 3": (lambda: _train(epochs=3, learning_rate=lambda e: 0.1 if e < 3 else float("nan")),
                                ValueError, ["learning rate (epoch 3)", "nan"]),
    "validation_data not a pair": (lambda: _train(validation_data=X), TypeError, ["pair"]),
    "validation labels mismatch": (lambda: _train(validation_data=(X, Y[:3])), ValueError, ["validation", "5", "3"]),
    "validation pixels 0-255": (lambda: train(IMAGE_NET.copy(), X64, Y, epochs=1, batch_size=2, learning_rate=0.1, progress=False, validation_data=(WHOLE_255, Y)), ValueError, ["divide by 255"]),
    "train x wrong width": (lambda: _train(x=X[:, :3]), ValueError, ["4 values per example"]),
    "train empty batch of data": (lambda: _train(x=X[:0], y=Y[:0]), ValueError, ["empty"]),
    "train network None": (lambda: train(None, X, Y, epochs=1, batch_size=2, learning_rate=0.1), TypeError,
                           ["network", "NoneType"]),
    "train seed text": (lambda: _train(seed="abc"), TypeError, ["seed", "'abc'"]),
    "train on_epoch not callable": (lambda: _train(on_epoch=3), TypeError, ["on_epoch", "int"]),
    "train progress text": (lambda: _train(progress="yes"), TypeError, ["progress", "'yes'"]),
    "train diverges": (lambda: train(Network([4, 3, 2], output_activation="identity", hidden_activation="identity", seed=0), X, Y, epochs=3,
                                     batch_size=1, learning_rate=1e6, progress=False),
                       TrainingDiverged, ["epoch 1", "learning rate 1e+06", "smaller learning rate"]),
    "train cost grows 1e20 times, finite": (lambda: train(Network([4, 16, 2], hidden_activation="relu",
                                                                  output_activation="softmax", cost="cross_entropy",
                                                                  init="he", seed=0), X, Y, epochs=5, batch_size=1,
                                                          learning_rate=1e4, progress=False),
                                            TrainingDiverged, ["epoch 1", "before training to", "smaller learning rate"]),
    "train schedule x100 per epoch": (lambda: train(Network([4, 16, 2], hidden_activation="relu",
                                                            output_activation="softmax", cost="cross_entropy", init="he",
                                                            seed=0), X, Y, epochs=8, batch_size=1,
                                                    learning_rate=lambda e: 0.1 * 100.0 ** (e - 1), progress=False),
                                      TrainingDiverged, ["diverged in epoch", "smaller learning rate"]),
    # ------------------------------------------------------------ saving and loading
    "save to a number": (lambda: save_network(NET, 42), TypeError, ["path", "int"]),
    "save not a network": (lambda tmp_path: save_network("net", tmp_path / "x"), TypeError, ["network", "str"]),
    "load not a zip": (lambda tmp_path: load_network(_write(tmp_path, "x.npz", b"not a zip file")), ValueError,
                       ["not a network saved by save_network", "not a .npz archive"]),
    "load a single array": (lambda tmp_path: load_network(_npy(tmp_path)), ValueError, ["not a .npz archive"]),
    "load a number": (lambda: load_network(3), TypeError, ["path", "int"]),
    "load missing sizes": (lambda tmp_path: load_network(_saved(tmp_path, sizes=None)), ValueError,
                           ["not a valid saved network", "'sizes' is missing"]),
    "load missing layer": (lambda tmp_path: load_network(_saved(tmp_path, weights_1=None)), ValueError,
                           ["missing ['weights_1']"]),
    "load extra layer": (lambda tmp_path: load_network(_saved(tmp_path, weights_2=np.zeros((2, 2), np.float32))),
                         ValueError, ["extra ['weights_2']"]),
    "load wrong shape": (lambda tmp_path: load_network(_saved(tmp_path, weights_0=np.zeros((3, 5), np.float32))),
                         ValueError, ["weights_0", "(3, 5)", "(3, 4)"]),
    "load wrong dtype": (lambda tmp_path: load_network(_saved(tmp_path, biases_0=np.zeros(3, np.float64))),
                         ValueError, ["biases_0", "float64", "float32"]),
    "load NaN": (lambda tmp_path: load_network(_saved(tmp_path, biases_1=np.full(2, np.nan, np.float32))),
                 ValueError, ["biases_1", "NaN"]),
    "load bad config": (lambda tmp_path: load_network(_saved(tmp_path, config=np.array(["sigmoid", "x", "quadratic",
                                                                                        "standard", "float32"]))),
                        ValueError, ["not a valid saved network", "output_activation must be one of"]),
    "load pickled object": (lambda tmp_path: load_network(_saved(tmp_path, sizes=np.array([{"a": 1}], dtype=object))),
                            ValueError, ["pickle"]),
    "load missing file": (lambda tmp_path: load_network(tmp_path / "nothing.npz"), FileNotFoundError, ["nothing.npz"]),
    # ------------------------------------------------------------ gradient checks
    "gradient_check epsilon 0": (lambda: gradient_check(NET, X, Y, epsilon=0), ValueError, ["epsilon"]),
    "gradient_check epsilon 1e-30": (lambda: gradient_check(NET, X, Y, epsilon=1e-30), ValueError,
                                     ["epsilon", "between 1e-12 and 0.1", "1e-30"]),
    "gradient_check epsilon 1": (lambda: gradient_check(NET, X, Y, epsilon=1.0), ValueError, ["between 1e-12 and 0.1"]),
    "gradient_check not a network": (lambda: gradient_check("net", X, Y), TypeError, ["network", "str"]),
    "numerical_gradient int point": (lambda: numerical_gradient(lambda: 0.0, np.array([1, 2])), TypeError,
                                     ["float64 numpy array", "int64", "astype(np.float64)"]),
    "numerical_gradient float32 point": (lambda: numerical_gradient(lambda: 0.0, np.ones(2, np.float32)), TypeError,
                                         ["float64", "float32", "network.copy(dtype=np.float64)"]),
    "numerical_gradient list point": (lambda: numerical_gradient(lambda: 0.0, [1.0, 2.0]), TypeError, ["list"]),
    "numerical_gradient f not callable": (lambda: numerical_gradient(3.0, np.ones(2)), TypeError, ["f must be a function"]),
    "numerical_gradient f gives array": (lambda: numerical_gradient(lambda: np.ones(2), np.ones(2)), TypeError,
                                         ["f() must return one number"]),
    "numerical_gradient epsilon 1e-30": (lambda: numerical_gradient(lambda: 0.0, np.ones(2), 1e-30), ValueError,
                                         ["between 1e-12 and 0.1"]),
    "relative_error shapes differ": (lambda: relative_error(np.ones(3), np.ones(1)), ValueError, ["same shape", "(3,)", "(1,)"]),
    "relative_error NaN": (lambda: relative_error(np.ones(2), np.array([1.0, np.nan])), ValueError, ["b", "NaN"]),
    # ------------------------------------------------------------ data
    "one_hot label too large": (lambda: one_hot([0, 10], 10), ValueError, ["0..9", "10"]),
    "one_hot 2-D": (lambda: one_hot(np.array([[1, 2]]), 10), ValueError, ["1-D"]),
    "one_hot n_classes 0": (lambda: one_hot([0], 0), ValueError, ["n_classes", "0"]),
    "one_hot text": (lambda: one_hot("3"), TypeError, ["whole class numbers 0..9", "<U1"]),
    "one_hot dtype dict": (lambda: one_hot([0], 3, dtype=dict), TypeError, ["dtype", "numeric"]),
    "one_hot ragged": (lambda: one_hot([[0], [1, 2]]), ValueError, ["labels", "ragged"]),
    "load_mnist validation float": (lambda: load_mnist(validation_size=0.1), TypeError, ["validation_size", "0.1"]),
    "load_mnist validation too large": (lambda: load_mnist(validation_size=60_000), ValueError,
                                        ["validation_size", "between 0 and 59999", "60000"]),
    "load_mnist validation negative": (lambda: load_mnist(validation_size=-5), ValueError, ["validation_size", "-5"]),
    "load_mnist missing folder": (lambda tmp_path: load_mnist(data_dir=tmp_path), FileNotFoundError, ["missing"]),
    "load_mnist data_dir number": (lambda: load_mnist(data_dir=3), TypeError, ["data_dir", "int"]),
    "load_mnist seed text": (lambda: load_mnist(validation_size=10, seed="x"), TypeError, ["seed", "'x'"]),
    "read_idx None": (lambda: datasets.read_idx(None, datasets.LABELS_MAGIC), TypeError, ["path", "MNIST file", "NoneType"]),
    "read_idx magic as text": (lambda: datasets.read_idx(datasets.DATA_DIR / "t10k-labels-idx1-ubyte.gz", "2049"),
                               ValueError, ["expected_magic", "2051 (images) or 2049 (labels)", "'2049'"]),
    # ------------------------------------------------------------ costs
    "softmax inf": (lambda: activations.softmax(np.array([[1.0, np.inf]])), ValueError, ["z (scores)", "infinity"]),
    "softmax NaN": (lambda: activations.softmax(np.array([np.nan, 1.0])), ValueError, ["NaN"]),
    "softmax text": (lambda: activations.softmax("scores"), TypeError, ["str"]),
    "sigmoid None": (lambda: activations.sigmoid(None), TypeError, ["z", "array of numbers", "NoneType"]),
    "sigmoid NaN": (lambda: activations.sigmoid(np.array([0.0, np.nan])), ValueError, ["z", "NaN or infinity"]),
    "sigmoid_prime inf": (lambda: activations.sigmoid_prime(np.inf), ValueError, ["z", "NaN or infinity"]),
    "sigmoid_prime text": (lambda: activations.sigmoid_prime("0.5"), TypeError, ["z", "array of numbers", "str"]),
    "sigmoid_prime text array": (lambda: activations.sigmoid_prime(np.array(["0.5"])), TypeError, ["z", "real numbers", "<U3"]),
    "relu -inf": (lambda: activations.relu([1.0, -np.inf]), ValueError, ["z", "NaN or infinity"]),
    "relu bool": (lambda: activations.relu(True), TypeError, ["z", "real numbers", "bool"]),
    "relu_prime NaN": (lambda: activations.relu_prime(np.full((2, 2), np.nan)), ValueError, ["z", "NaN or infinity"]),
    "relu_prime ragged": (lambda: activations.relu_prime([[1.0], [1.0, 2.0]]), ValueError, ["z", "ragged"]),
    "tanh NaN float32": (lambda: activations.tanh(np.array([np.nan], np.float32)), ValueError, ["z", "NaN or infinity"]),
    "tanh None": (lambda: activations.tanh(None), TypeError, ["z", "array of numbers", "NoneType"]),
    "tanh_prime inf": (lambda: activations.tanh_prime(float("inf")), ValueError, ["z", "NaN or infinity"]),
    "tanh_prime bool array": (lambda: activations.tanh_prime(np.array([True, False])), TypeError, ["z", "bool"]),
    "identity inf": (lambda: activations.identity(np.array([np.inf])), ValueError, ["z", "NaN or infinity"]),
    "identity text": (lambda: activations.identity("z"), TypeError, ["z", "array of numbers"]),
    "identity_prime NaN": (lambda: activations.identity_prime(float("nan")), ValueError, ["z", "NaN or infinity"]),
    "identity_prime complex": (lambda: activations.identity_prime(1j), TypeError, ["z", "real numbers", "complex"]),
    "quadratic_cost shapes differ": (lambda: losses.quadratic_cost(np.ones((5, 10)), np.ones((5, 1))), ValueError,
                                     ["same shape", "output of shape (5, 10)", "target of shape (5, 1)"]),
    "quadratic_cost NaN target": (lambda: losses.quadratic_cost(np.ones((2, 3)), np.full((2, 3), np.nan)), ValueError,
                                  ["target", "NaN or infinity"]),
    "quadratic_cost_prime shapes differ": (lambda: losses.quadratic_cost_prime(np.ones((5, 10)), np.ones(10)),
                                           ValueError, ["same shape", "(5, 10)", "(10,)"]),
    "quadratic_cost_prime inf output": (lambda: losses.quadratic_cost_prime(np.array([[np.inf, 0.0]]), np.ones((1, 2))),
                                        ValueError, ["output", "NaN or infinity"]),
    "quadratic_cost_prime text": (lambda: losses.quadratic_cost_prime("out", np.ones(2)), TypeError,
                                  ["output", "array of numbers", "str"]),
    "half_quadratic_cost shapes differ": (lambda: losses.half_quadratic_cost(np.ones((5, 10)), np.ones((10, 5))),
                                          ValueError, ["same shape", "(5, 10)", "(10, 5)"]),
    "half_quadratic_cost 3-D": (lambda: losses.half_quadratic_cost(np.ones((2, 2, 2)), np.ones((2, 2, 2))), ValueError,
                                ["output", "1-D or 2-D", "(2, 2, 2)"]),
    "half_quadratic_cost_prime NaN": (lambda: losses.half_quadratic_cost_prime(np.ones(3), [0.0, np.nan, 1.0]),
                                      ValueError, ["target", "NaN or infinity"]),
    "half_quadratic_cost_prime shapes differ": (lambda: losses.half_quadratic_cost_prime(np.ones((4, 2)), np.ones((2, 2))),
                                                ValueError, ["same shape", "(4, 2)", "(2, 2)"]),
    "cross_entropy_cost shapes differ": (lambda: losses.cross_entropy_cost(np.ones((5, 10)), np.ones((5, 1))), ValueError,
                                         ["same shape", "scores of shape (5, 10)", "target of shape (5, 1)"]),
    "cross_entropy_cost inf scores": (lambda: losses.cross_entropy_cost(np.array([[np.inf, 0.0]]), np.eye(2)[:1]),
                                      ValueError, ["scores", "NaN or infinity"]),
    "cross_entropy_cost_prime labels for targets": (lambda: losses.cross_entropy_cost_prime(np.ones((3, 4)), [0, 1, 3]),
                                                    ValueError, ["same shape", "(3, 4)", "(3,)"]),
    "cross_entropy_cost_prime None": (lambda: losses.cross_entropy_cost_prime(np.ones((1, 2)), None), TypeError,
                                      ["target", "NoneType"]),
    "cross_entropy_cost_prime NaN": (lambda: losses.cross_entropy_cost_prime(np.array([[np.nan, 1.0]]), np.eye(2)[:1]),
                                     ValueError, ["scores", "NaN or infinity"]),
    "cross_entropy_cost empty": (lambda: losses.cross_entropy_cost(np.ones((0, 2)), np.ones((0, 2))), ValueError,
                                 ["scores", "empty"]),
    "softmax bool": (lambda: activations.softmax(np.array([True])), TypeError, ["z (scores)", "bool"]),
    # ------------------------------------------------------------ descent
    "gradient_descent NaN gradient": (lambda: descent.gradient_descent(lambda p: np.nan * p, np.ones(2), 0.1),
                                      ValueError, ["gradient returned NaN"]),
    "gradient_descent gradient text": (lambda: descent.gradient_descent(lambda p: "up", np.ones(2), 0.1), TypeError,
                                       ["gradient must return numbers", "'up'"]),
    "gradient_descent not callable": (lambda: descent.gradient_descent(3, np.ones(2), 0.1), TypeError,
                                      ["gradient must be a function"]),
    "gradient_descent start NaN": (lambda: descent.gradient_descent(descent.bowl_gradient, [np.nan, 1.0], 0.1),
                                   ValueError, ["start", "NaN"]),
    "gradient_descent rate inf": (lambda: descent.gradient_descent(descent.bowl_gradient, [1.0, 1.0], np.inf),
                                  ValueError, ["learning_rate", "inf"]),
    "gradient_descent n_steps float": (lambda: descent.gradient_descent(descent.bowl_gradient, [1.0, 1.0], 0.1, 2.5),
                                      TypeError, ["n_steps", "2.5"]),
    "gradient_descent wrong slope shape": (lambda: descent.gradient_descent(lambda p: np.ones(3), np.ones(2), 0.1),
                                           ValueError, ["shape (3,)", "(2,)"]),
    "minibatch x NaN": (lambda: descent.minibatch_descent(descent.line_gradient, [0.0, 0.0], 0.1,
                                                          np.array([1.0, np.nan]), np.ones(2), 1), ValueError, ["x", "NaN"]),
    "minibatch x/y mismatch": (lambda: descent.minibatch_descent(descent.line_gradient, [0.0, 0.0], 0.1,
                                                                 np.ones(3), np.ones(2), 1), ValueError, ["3", "2"]),
    "largest_components wrong length": (lambda: nudges.largest_components(np.ones(5), NET), ValueError,
                                        ["one value per parameter", "5"]),
    "parameter_name out of range": (lambda: nudges.parameter_name(NET, 10_000), ValueError, ["index", "10000"]),
    "line_data slope NaN": (lambda: descent.line_data(10, slope=np.nan), ValueError, ["slope", "finite", "nan"]),
    "line_data noise text": (lambda: descent.line_data(10, noise="big"), TypeError, ["noise", "'big'"]),
    "wavy NaN": (lambda: descent.wavy(np.nan), ValueError, ["x", "NaN"]),
    "bowl inf": (lambda: descent.bowl(np.array([np.inf, 0.0])), ValueError, ["point", "infinity"]),
    "line_cost text": (lambda: descent.line_cost("w, b", np.ones(3), np.ones(3)), TypeError, ["point", "str"]),
    # ------------------------------------------------------------ autograd
    "Value NaN": (lambda: Value(float("nan")), ValueError, ["finite", "nan"]),
    "Value inf": (lambda: Value(float("inf")), ValueError, ["finite", "inf"]),
    "Value text": (lambda: Value("1"), TypeError, ["real number", "'1'"]),
    "Value exp overflow": (lambda: Value(1000).exp(), ValueError, ["exp(1000)", "too large", "709.78"]),
    "Value product overflow": (lambda: Value(1e200) * Value(1e200), ValueError, ["finite", "overflowed"]),
    "Value 0 ** -1": (lambda: Value(0.0) ** -1, ValueError, ["0 ** -1", "no finite value"]),
    "Value pow overflow": (lambda: Value(10.0) ** 400, ValueError, ["no finite value"]),
    "sigmoid_layer too few weights per row": (lambda: sigmoid_layer([[1.0, 2.0]], [1.0, 2.0, 3.0], [0.0]), ValueError,
                                              ["one column per input (3)", "lengths [2]"]),
    "sigmoid_layer biases mismatch": (lambda: sigmoid_layer([[1.0], [2.0]], [1.0], [0.0]), ValueError,
                                      ["one row per bias (1)", "2 rows"]),
    "sigmoid_layer row is a number": (lambda: sigmoid_layer([1.0, 2.0], [1.0, 2.0], [0.0, 0.0]), TypeError,
                                      ["weights[0]", "list of Values or numbers", "float"]),
    "sigmoid_layer weights a number": (lambda: sigmoid_layer(2.0, [1.0], [0.0]), TypeError, ["weights", "list of rows", "float"]),
    "sigmoid_layer text entry": (lambda: sigmoid_layer([[1.0, "2"]], [1.0, 2.0], [0.0]), TypeError,
                                 ["weights[0][1]", "Value or a number", "'2'"]),
    "sigmoid_layer NaN input": (lambda: sigmoid_layer([[1.0]], [float("nan")], [0.0]), ValueError,
                                ["inputs[0]", "finite", "nan"]),
    "sigmoid_layer biases None": (lambda: sigmoid_layer([[1.0]], [1.0], None), TypeError, ["biases", "NoneType"]),
    "sigmoid_layer no inputs": (lambda: sigmoid_layer([[]], [], [0.0]), ValueError, ["weights[0]", "empty"]),
    "half_squared_error lengths differ": (lambda: half_squared_error([Value(1.0)], [1.0, 0.0]), ValueError,
                                          ["same length", "1 outputs", "2 targets"]),
    "half_squared_error target None": (lambda: half_squared_error([Value(1.0)], [None]), TypeError,
                                       ["targets[0]", "Value or a number", "None"]),
    "half_squared_error target bool": (lambda: half_squared_error([Value(1.0)], [True]), TypeError, ["targets[0]", "bool"]),
    "half_squared_error target inf": (lambda: half_squared_error([Value(1.0)], [float("inf")]), ValueError,
                                      ["targets[0]", "finite", "inf"]),
    "half_squared_error one Value": (lambda: half_squared_error(Value(1.0), [1.0]), TypeError,
                                     ["outputs", "list of Values or numbers", "Value"]),
    "half_squared_error empty": (lambda: half_squared_error([], []), ValueError, ["outputs", "empty"]),
    # ------------------------------------------------------------ widgets
    "NeuronWidget weight 50": (lambda: _widgets()[2](weight=50), ValueError, ["weight w", "-10 to 10", "50"]),
    "NeuronWidget bias inf": (lambda: _widgets()[2](bias=float("inf")), ValueError, ["bias b", "inf"]),
    "NeuronWidget x text": (lambda: _widgets()[2](x="2"), TypeError, ["input x", "'2'"]),
    "TwoPixelNeuronWidget weight NaN": (lambda: _widgets()[3](weight1=float("nan")), ValueError, ["weight w1", "nan"]),
    "NetworkThinking labels mismatch": (lambda: _widgets()[4](NET, X, labels=Y[:3]), ValueError,
                                        ["one digit per image", "5 images", "3 labels"]),
    "NetworkThinking index out of range": (lambda: _widgets()[4](NET, X, index=5), ValueError, ["index", "0 to 4", "5"]),
    "NetworkThinking pixels 0-255": (lambda: _widgets()[4](IMAGE_NET, WHOLE_255), ValueError, ["images", "divide by 255"]),
    "NetworkThinking not a network": (lambda: _widgets()[4]("net", X), TypeError, ["network", "str"]),
    "TrainingMonitor labels mismatch": (lambda: _widgets()[1](NET, X, Y[:2]), ValueError, ["x_held has 5", "2"]),
    "TrainingMonitor wrong width": (lambda: _widgets()[1](NET, X[:, :3], Y), ValueError, ["x_held", "4 values per example"]),
    "show_digit uint8": (lambda: _show_digit(PIXELS_255[0]), ValueError, ["uint8", "divide by 255"]),
    "show_digit 0-255 floats": (lambda: _show_digit(WHOLE_255[0]), ValueError, ["divide by 255"]),
    "show_digits 0-255": (lambda: _show_digits(WHOLE_255), ValueError, ["divide by 255"]),
    "TrainingMonitor epochs 0": (lambda: _widgets()[1](NET, X, Y, epochs=0), ValueError, ["epochs", "0"]),
    "LearningRateExplorer start NaN": (lambda: _widgets()[0](start=(np.nan, 1.0)), ValueError, ["start", "NaN"]),
    "LearningRateExplorer xlim reversed": (lambda: _widgets()[0](xlim=(2.0, -2.0)), ValueError, ["xlim", "low < high"]),
    "LearningRateExplorer gradient not callable": (lambda: _widgets()[0](gradient=None), TypeError, ["gradient", "NoneType"]),
}


def _huge():
    """A network whose weights grew far too large, as after steps with a huge learning rate."""
    net = NET.copy()
    for w in net.weights:
        w[...] = np.inf
        w[::2] = -np.inf
    return net


def _show_digit(image):
    from nnlib.plots.digits import show_digit
    return show_digit(image)


def _show_digits(images):
    from nnlib.plots.digits import show_digits
    return show_digits(images)


def _npy(tmp_path):
    np.save(tmp_path / "one.npy", np.ones(3))
    return tmp_path / "one.npy"


def test_the_table_is_large():
    assert len(CASES) >= 80


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_is_refused_with_a_helpful_message(case, tmp_path):
    call, error, words = CASES[case]
    with warnings.catch_warnings():
        warnings.simplefilter("error")                 # refused cleanly: no warning on the way
        with pytest.raises(error) as raised:
            call(tmp_path) if call.__code__.co_argcount else call()
    for word in words:
        assert word in str(raised.value), f"{word!r} missing from message: {raised.value}"


# ---------------------------------------------------------------------------- not about one bad value
def test_small_inputs_may_hold_any_whole_numbers():
    """A toy regression or XOR is not an image: whole numbers above 1 are fine there."""
    line = Network([1, 1], output_activation="identity", seed=0)
    assert line.forward([[1.0], [2.0], [3.0]]).shape == (3, 1)
    assert line.cost(np.array([[1.0], [2.0]]), np.array([[2.0], [4.0]])) >= 0


def test_valid_single_example_forms_are_accepted():
    assert NET.cost(X[0], 1) >= 0
    assert NET.cost(X[0], np.array([0.0, 1.0])) == pytest.approx(NET.cost(X[:1], np.array([1])))
    np.testing.assert_array_equal(one_hot([2, 0], 3), [[0, 0, 1], [1, 0, 0]])
    assert NET.forward(np.array([[0, 1, 1, 0]])).shape == (1, 2)          # integer 0/1 inputs are activations


def test_save_returns_the_path_it_wrote(tmp_path):
    assert save_network(NET, tmp_path / "model") == tmp_path / "model.npz" and (tmp_path / "model.npz").is_file()
    assert save_network(NET, str(tmp_path / "other.npz")) == tmp_path / "other.npz"
    back = load_network(tmp_path / "model.npz")
    assert all(np.array_equal(p, q) for p, q in zip(back.weights + back.biases, NET.weights + NET.biases))


def test_a_file_that_is_not_a_network_gets_no_advice_about_pickles(tmp_path):
    with pytest.raises(ValueError) as raised:
        load_network(_write(tmp_path, "x.npz", b"not a zip file"))
    assert "pickle" not in str(raised.value)


def test_a_manual_training_loop_that_overflows_stops_with_one_clear_error_and_no_warning():
    net = Network([4, 3, 2], hidden_activation="identity", output_activation="identity", seed=0)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(ValueError, match="infinite or NaN"):
            for _ in range(200):
                net.step(net.gradients(X, Y), 100.0)


def test_numerical_gradient_refuses_float32_which_would_be_percents_off():
    """In float32 the cost itself is rounded to about 1e-7 relative, as much as the change measured."""
    net = Network([4, 3, 2], seed=0)                   # float32, as the course's networks are
    with pytest.raises(TypeError, match="float64"):
        numerical_gradient(lambda: net.cost(X, Y), net.weights[0])
    net64 = net.copy(dtype=np.float64)
    numeric = numerical_gradient(lambda: net64.cost(X, Y), net64.weights[0])
    assert relative_error(numeric, net64.gradients(X, Y).dW[0]) < 1e-7


def test_same_seed_gives_the_same_network_and_training():
    a, b = Network([4, 3, 2], seed=11), Network([4, 3, 2], seed=np.random.default_rng(11))
    assert all(np.array_equal(p, q) for p, q in zip(a.weights + a.biases, b.weights + b.biases))
    ha = train(a, X, Y, epochs=2, batch_size=2, learning_rate=0.5, seed=3, progress=False)
    hb = train(b, X, Y, epochs=2, batch_size=2, learning_rate=0.5, seed=3, progress=False)
    assert ha.training_cost == hb.training_cost
    assert all(np.array_equal(p, q) for p, q in zip(a.weights + a.biases, b.weights + b.biases))


def test_no_function_changes_its_inputs():
    x, y = X.copy(), Y.copy()
    net = NET.copy()
    before = [p.copy() for p in net.weights + net.biases]
    net.forward(x), net.predict(x), net.accuracy(x, y), net.cost(x, y), gradient_check(net, x, y)
    grads = net.gradients(x, y)
    saved = [g.copy() for g in grads.dW + grads.db]
    net.copy().step(grads, 0.5)
    activations.softmax(x), activations.sigmoid(x), one_hot(y, 2)
    assert np.array_equal(x, X) and np.array_equal(y, Y)
    assert all(np.array_equal(p, q) for p, q in zip(net.weights + net.biases, before))
    assert all(np.array_equal(g, s) for g, s in zip(grads.dW + grads.db, saved))


def test_forward_return_all_does_not_alias_the_input_or_the_parameters():
    x = X.astype(np.float32)                      # the network's own dtype: no conversion copy on the way in
    net = NET.copy()
    flow = net.forward(x, return_all=True)
    for array in flow.activations + flow.zs:
        array[...] = 0.5
    assert np.array_equal(x, X.astype(np.float32))
    np.testing.assert_array_equal(net.forward(x), NET.forward(x))
    linear = Network([4, 3, 2], hidden_activation="identity", output_activation="identity", seed=0)
    flow = linear.forward(x, return_all=True)
    flow.zs[0][...] = 7.0                         # the identity's a = z: still two arrays, not one
    assert not np.any(flow.activations[1] == 7.0)


def test_training_pays_for_the_checks_once_per_call_not_per_step(monkeypatch):
    """The training loop calls backprop and step on checked arrays: more steps, no more checks."""
    from nnlib import _validate
    calls, check = [], _validate.finite_array
    monkeypatch.setattr(_validate, "finite_array", lambda *args, **kwargs: calls.append(1) or check(*args, **kwargs))
    networks = (NET, Network([4, 3, 2], hidden_activation="relu", output_activation="softmax", cost="cross_entropy", seed=0),
                Network([4, 3, 2], hidden_activation="tanh", output_activation="identity", cost="half_quadratic", seed=0))
    checks = []
    for batch_size in (5, 1):                     # one step per epoch, then five
        calls.clear()
        for net in networks:
            train(net.copy(), X, Y, epochs=2, batch_size=batch_size, learning_rate=0.01, progress=False)
        checks.append(len(calls))
    assert checks[0] == checks[1] > 0


def test_public_functions_compute_what_the_network_uses():
    z = np.linspace(-5, 5, 12).reshape(3, 4)
    for name, public in [("sigmoid", activations.sigmoid), ("relu", activations.relu), ("tanh", activations.tanh),
                         ("identity", activations.identity)]:
        np.testing.assert_array_equal(public(z), activations.ACTIVATIONS[name].function(z))
        np.testing.assert_array_equal(getattr(activations, name + "_prime")(z), activations.ACTIVATIONS[name].prime(z))
    target = np.eye(4)[[0, 3, 1]]
    for name, cost in (("quadratic", losses.QuadraticCost(activations.IDENTITY)),
                       ("half_quadratic", losses.HalfQuadraticCost(activations.IDENTITY))):
        assert getattr(losses, name + "_cost")(z, target) == cost.fn(z, z, target)
        np.testing.assert_array_equal(getattr(losses, name + "_cost_prime")(z, target), cost.delta(z, z, target) / 3)
    cross_entropy = losses.CrossEntropyCost(losses.SOFTMAX)
    assert losses.cross_entropy_cost(z, target) == cross_entropy.fn(z, activations.softmax(z), target)
    np.testing.assert_array_equal(losses.cross_entropy_cost_prime(z, target),
                                  cross_entropy.delta(z, activations.softmax(z), target) / 3)


def test_a_single_example_is_one_example_for_every_cost():
    """A 1-D output is one example (as in Network.forward and softmax): the same cost as a batch of one row."""
    out, target = np.array([0.2, 0.9, 0.4]), np.array([0.0, 1.0, 0.0])
    for name in ("quadratic", "half_quadratic", "cross_entropy"):
        cost, prime = getattr(losses, name + "_cost"), getattr(losses, name + "_cost_prime")
        assert cost(out, target) == cost(out[None], target[None])
        np.testing.assert_array_equal(prime(out, target), prime(out[None], target[None])[0])
        assert prime(out, target).shape == (3,)
    assert losses.quadratic_cost(out, target) == pytest.approx(0.04 + 0.01 + 0.16)
    assert losses.quadratic_cost([[1, 0]], [[0, 0]]) == 1.0          # integer lists are numbers too


def test_activations_accept_scalars_and_lists_and_keep_their_types():
    assert activations.sigmoid(0.0) == 0.5 and activations.relu(-3.0) == 0 and activations.relu(2.5) == 2.5
    assert activations.relu(3) == 3 and activations.relu(np.array([3])).dtype == np.float64   # integers: float64
    np.testing.assert_array_equal(activations.relu_prime([-1.0, 0.0, 2.0]), [0.0, 0.0, 1.0])
    assert activations.tanh_prime(0) == 1.0 and activations.identity(2.0) == 2.0
    for f in (activations.sigmoid, activations.sigmoid_prime, activations.relu, activations.relu_prime,
              activations.tanh, activations.tanh_prime, activations.identity):
        assert f(np.ones(2, np.float32)).dtype == np.float32
    assert np.array_equal(activations.sigmoid(np.array([])), [])      # element by element: nothing in, nothing out


def test_exercise_checks_with_huge_weights_still_answer():
    """The checks compute the sigmoid of a learner's sums, which may overflow to inf: a saturated neuron, not an error."""
    from nnlib.exercises import lesson02, lesson03
    assert lesson03.check_bump((1e308, -1e308, 1e307, -4e307))     # w x + b overflows to +-inf: outputs 1 and 0
    assert lesson02.check_majority_neuron((1e308, 1e308, 1e308, -1.5e308))   # two lit: 1e308 + 1e308 overflows to inf


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_large_weighted_inputs_give_no_warning_and_no_nan(dtype):
    """exp(-z) overflows to infinity for z = -1000 and 1 / (1 + inf) = 0, the right value: the public
    functions and the network switch numpy's warning off around it, and nothing becomes NaN."""
    z = np.array([[-1000.0, -100.0, 0.0, 100.0, 1000.0]], dtype=dtype)
    target = np.array([[0.0, 0.0, 1.0, 0.0, 0.0]], dtype=dtype)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        results = [f(z) for f in (activations.sigmoid, activations.sigmoid_prime, activations.relu,
                                  activations.relu_prime, activations.tanh, activations.tanh_prime)]
        results += [activations.softmax(z), np.asarray(losses.cross_entropy_cost(z, target)),
                    losses.cross_entropy_cost_prime(z, target)]
        for hidden in ("sigmoid", "tanh", "relu"):
            net = Network([5, 3, 5], hidden_activation=hidden, dtype=dtype, seed=0)
            net.weights[0][...] = 1000.0 / 5
            results += [net.forward(z / 1000 + 0.5), net.gradients(z / 1000 + 0.5, [2]).dW[0]]
    for r in results:
        assert np.all(np.isfinite(r))
    assert all(np.asarray(r).dtype == dtype for r in results[:6])


def test_exercise_checks_answer_when_given_outputs_instead_of_predictions(capsys):
    """A learner who passes the network's (n, 10) outputs where its answers belong is told so, not a traceback."""
    from nnlib.exercises.lesson05 import check_hardest_digit, check_per_digit_accuracy
    labels = np.arange(100) % 10
    outputs = np.random.default_rng(0).random((100, 10))
    assert check_per_digit_accuracy(np.zeros(10), labels, outputs) is False
    assert check_hardest_digit(5, labels, outputs) is False
    assert capsys.readouterr().out.count("np.argmax(outputs, axis=1)") == 2
