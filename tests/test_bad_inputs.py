"""Every bad input gets a ValueError or TypeError that says what was given and what was expected."""

import numpy as np
import pytest

from nnlib import Network, gradient_check, one_hot, train

NET = Network([4, 3, 2], seed=0)
X = np.random.default_rng(0).random((5, 4))
Y = np.array([0, 1, 1, 0, 1])


@pytest.mark.parametrize("call, error, words", [
    (lambda: NET.forward(np.ones((5, 3))), ValueError, ["4 values per example", "(5, 3)"]),
    (lambda: NET.forward(np.ones((2, 2, 4))), ValueError, ["1-D or 2-D", "(2, 2, 4)"]),
    (lambda: NET.forward(np.ones((0, 4))), ValueError, ["empty"]),
    (lambda: NET.forward(np.array([[1.0, np.nan, 0, 0]])), ValueError, ["NaN"]),
    (lambda: NET.forward(np.array([[1.0, np.inf, 0, 0]])), ValueError, ["infinity"]),
    (lambda: NET.forward(np.array([["a", "b", "c", "d"]])), TypeError, ["dtype <U1"]),
    (lambda: NET.forward(np.ones((1, 4), dtype=bool)), TypeError, ["dtype bool"]),
    (lambda: NET.forward("pixels"), TypeError, ["str"]),
    (lambda: NET.cost(X, np.array([0, 1, 2, 0, 1])), ValueError, ["0..1", "from 0 to 2"]),
    (lambda: NET.cost(X, np.array([0, 1, -1, 0, 1])), ValueError, ["0..1", "-1"]),
    (lambda: NET.cost(X, np.array([0, 1, 0.5, 0, 1])), TypeError, ["whole class numbers"]),
    (lambda: NET.cost(X, np.array([0, 1, 1])), ValueError, ["5 examples", "3"]),
    (lambda: NET.cost(X, np.ones((5, 3))), ValueError, ["2 target values", "(5, 3)"]),
    (lambda: NET.gradients(X, Y[:4]), ValueError, ["5 examples", "4"]),
    (lambda: NET.accuracy(X, [0, 1]), ValueError, ["5 examples", "2"]),
    (lambda: NET.update(NET.gradients(X, Y), -0.1), ValueError, ["positive number", "-0.1"]),
    (lambda: NET.update(NET.gradients(X, Y), "fast"), TypeError, ["positive number", "'fast'"]),
    (lambda: Network([784]), ValueError, ["at least two layer sizes"]),
    (lambda: Network([784, 0, 10]), ValueError, ["positive integer", "0"]),
    (lambda: Network([784, 16.5, 10]), TypeError, ["positive integer", "16.5"]),
    (lambda: Network([4, 2], hidden="sigmoidal"), ValueError, ["hidden must be one of", "'sigmoidal'"]),
    (lambda: Network([4, 2], output="softmax"), ValueError, ["cross_entropy"]),
    (lambda: Network([4, 2], init="xavier"), ValueError, ["init must be one of"]),
    (lambda: Network([4, 2], dtype=np.int32), TypeError, ["float32 or float64"]),
    (lambda: train(NET, X, Y, epochs=1, batch_size=0, learning_rate=0.1), ValueError, ["batch_size", "0"]),
    (lambda: train(NET, X, Y, epochs=1, batch_size=2, learning_rate=0), ValueError, ["learning_rate", "positive"]),
    (lambda: train(NET, X, Y, epochs=1, batch_size=2, learning_rate=-1.0), ValueError, ["learning_rate", "-1.0"]),
    (lambda: train(NET, X, Y, epochs=0, batch_size=2, learning_rate=0.1), ValueError, ["epochs", "0"]),
    (lambda: train(NET, X, Y, epochs=1, batch_size=2.5, learning_rate=0.1), TypeError, ["batch_size", "2.5"]),
    (lambda: train(NET, X, Y, epochs=2, batch_size=2, learning_rate=lambda e: 0.1 - 0.1 * e, progress=False),
     ValueError, ["learning rate (epoch 1)", "0.0"]),
    (lambda: train(NET, X, Y, epochs=1, batch_size=2, learning_rate=0.1, validation_data=X), TypeError, ["pair"]),
    (lambda: train(NET, X[:, :3], Y, epochs=1, batch_size=2, learning_rate=0.1), ValueError, ["4 values per example"]),
    (lambda: gradient_check(NET, X, Y, epsilon=0), ValueError, ["epsilon"]),
    (lambda: one_hot([0, 10], 10), ValueError, ["0..9", "10"]),
    (lambda: one_hot(np.array([[1, 2]]), 10), ValueError, ["1-D"]),
])
def test_bad_input_is_refused_with_a_helpful_message(call, error, words):
    with pytest.raises(error) as raised:
        call()
    for word in words:
        assert word in str(raised.value), f"{word!r} missing from message: {raised.value}"


def test_valid_single_example_forms_are_accepted():
    assert NET.cost(X[0], 1) >= 0
    assert NET.cost(X[0], np.array([0.0, 1.0])) == pytest.approx(NET.cost(X[:1], np.array([1])))
    np.testing.assert_array_equal(one_hot([2, 0], 3), [[0, 0, 1], [1, 0, 0]])
