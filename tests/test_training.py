"""Stochastic gradient descent: it learns, its history is complete, schedules and progress work."""

import warnings

import numpy as np
import pytest

from nnlib import Network, TrainingDiverged, train
from nnlib.training import MONITOR_SIZE, minibatches, train_for


def _blobs(n=400, seed=0):
    rng = np.random.default_rng(seed)
    labels = rng.integers(0, 3, n)
    centres = np.array([[0.5, 0.8], [0.8, 0.35], [0.2, 0.35]])                  # inputs lie in [0, 1]
    return np.clip(centres[labels] + 0.08 * rng.normal(size=(n, 2)), 0, 1).astype(np.float32), labels


def test_training_learns_and_records_history(capsys):
    x, y = _blobs()
    net = Network([2, 8, 3], hidden_activation="relu", output_activation="softmax", cost="cross_entropy", init="he", seed=0)
    before = net.cost(x, y)
    history = train(net, x, y, epochs=5, batch_size=16, learning_rate=0.5, validation_data=(x[:100], y[:100]))
    assert net.cost(x, y) < before / 3
    assert history.epoch == [1, 2, 3, 4, 5] and len(history.training_cost) == 5 and len(history.seconds) == 5
    assert history.validation_accuracy[-1] > 0.95
    assert history.training_cost[-1] < history.training_cost[0]
    printed = capsys.readouterr().out.splitlines()
    assert len(printed) == 5 and printed[-1].startswith("epoch   5/5") and "validation accuracy" in printed[-1]


def test_progress_can_be_switched_off_and_callback_sees_history(capsys):
    x, y = _blobs()
    seen = []
    train(Network([2, 3], seed=0), x, y, epochs=3, batch_size=50, learning_rate=0.1, progress=False,
          on_epoch=lambda h: seen.append(len(h.training_cost)))
    assert capsys.readouterr().out == "" and seen == [1, 2, 3]


def test_learning_rate_schedule_is_used():
    x, y = _blobs()
    history = train(Network([2, 3], seed=0), x, y, epochs=4, batch_size=50,
                    learning_rate=lambda epoch: 1.0 / epoch, progress=False)
    assert history.learning_rate == [1.0, 0.5, pytest.approx(1 / 3), 0.25]


def test_last_partial_batch_is_used():
    x, y = _blobs(n=25)
    net = Network([2, 3], seed=0)
    history = train(net, x, y, epochs=1, batch_size=10, learning_rate=0.1, progress=False)   # 10 + 10 + 5
    assert np.isfinite(history.training_cost[0])


def test_divergence_stops_with_one_clear_error_and_leaves_the_network_finite():
    x, y = _blobs()
    net = Network([2, 8, 3], output_activation="identity", cost="quadratic", hidden_activation="identity", seed=0)
    with warnings.catch_warnings():
        warnings.simplefilter("error")                       # no flood of RuntimeWarnings, not even one
        train(net, x, y, epochs=1, batch_size=400, learning_rate=0.01, progress=False)   # a finite epoch first
        before = [p.copy() for p in net.weights + net.biases]
        held = net.weights[0]
        with pytest.raises(TrainingDiverged) as raised:
            train(net, x, y, epochs=5, batch_size=1, learning_rate=1e4, progress=False)
    message = str(raised.value)
    assert "epoch 1" in message and "learning rate 10000" in message and "smaller learning rate" in message
    assert isinstance(raised.value, ValueError) and raised.value.epoch == 1 and raised.value.history.epoch == []
    for p, q in zip(net.weights + net.biases, before):
        assert np.array_equal(p, q)                           # as at the start of the epoch that diverged
    assert net.weights[0] is held                             # restored in place


def test_divergence_in_a_later_epoch_keeps_the_last_finite_state():
    x, y = _blobs()
    net = Network([2, 8, 3], output_activation="identity", cost="quadratic", hidden_activation="identity", seed=0)
    seen = []
    schedule = lambda epoch: 0.01 if epoch <= 2 else 1e4
    with pytest.raises(TrainingDiverged, match="epoch 3"):
        train(net, x, y, epochs=4, batch_size=10, learning_rate=schedule, progress=False,
              on_epoch=lambda h: seen.append([p.copy() for p in net.weights + net.biases]))
    for p, q in zip(net.weights + net.biases, seen[-1]):
        assert np.array_equal(p, q) and np.all(np.isfinite(p))


def test_same_seed_gives_identical_weights_and_history():
    x, y = _blobs()
    runs = []
    for _ in range(2):
        net = Network([2, 8, 3], seed=3)
        history = train(net, x, y, epochs=3, batch_size=16, learning_rate=1.0, seed=5, progress=False,
                        validation_data=(x[:50], y[:50]))
        runs.append((net, history))
    (a, ha), (b, hb) = runs
    for p, q in zip(a.weights + a.biases, b.weights + b.biases):
        assert np.array_equal(p, q)
    assert ha.training_cost == hb.training_cost and ha.validation_accuracy == hb.validation_accuracy


def test_training_does_not_change_its_inputs():
    x, y = _blobs()
    x_before, y_before = x.copy(), y.copy()
    train(Network([2, 3], seed=0), x, y, epochs=1, batch_size=10, learning_rate=0.1, progress=False,
          validation_data=(x, y))
    assert np.array_equal(x, x_before) and np.array_equal(y, y_before)


def test_training_steps_are_gradients_then_step_on_the_shuffled_batches():
    """An epoch of train is: shuffle, cut into mini-batches, and for each gradients then one step."""
    x, y = _blobs(n=30)
    a, b = Network([2, 5, 4, 3], seed=1, dtype=np.float64), Network([2, 5, 4, 3], seed=1, dtype=np.float64)
    train(a, x, y, epochs=1, batch_size=8, learning_rate=0.7, seed=4, progress=False)
    order = np.random.default_rng(4).permutation(30)
    for start in range(0, 30, 8):
        batch = order[start:start + 8]
        b.step(b.gradients(x[batch], y[batch]), 0.7)
    for p, q in zip(a.weights + a.biases, b.weights + b.biases):
        np.testing.assert_allclose(p, q, rtol=1e-13, atol=1e-15)


def test_minibatches_cover_every_example_once_per_epoch():
    x, y = np.arange(23.0)[:, None], np.arange(23)
    batches = list(minibatches(x, y, 5, np.random.default_rng(0)))
    assert [len(b[1]) for b in batches] == [5, 5, 5, 5, 3]
    assert sorted(np.concatenate([b[1] for b in batches])) == list(range(23))
    assert all(np.array_equal(bx[:, 0], by) for bx, by in batches)          # rows stay paired
    (whole_x, whole_y), = minibatches(x, y, 23, np.random.default_rng(0))   # one batch: no shuffling needed
    assert whole_x is x and whole_y is y


def test_training_cost_is_measured_on_a_spread_sample_of_the_training_set():
    x, y = _blobs(n=400)
    net = Network([2, 3], seed=0)
    history = train(net, x, y, epochs=1, batch_size=50, learning_rate=0.1, progress=False)
    assert history.training_cost[0] == pytest.approx(net.cost(x, y))                 # 400: all of them
    big = np.tile(x, (300, 1))                                                      # 120,000 examples
    history = train(net, big, np.tile(y, 300), epochs=1, batch_size=1000, learning_rate=0.1, progress=False)
    assert history.training_cost[0] == pytest.approx(net.cost(big[::12], np.tile(y, 300)[::12]))   # 10,000
    assert MONITOR_SIZE == 10_000


def test_a_cost_that_grows_a_hundredfold_is_divergence_even_while_finite():
    """ReLU + softmax at a huge rate: the cost grows by orders of magnitude but stays finite."""
    x, y = _blobs()
    net = Network([2, 16, 3], hidden_activation="relu", output_activation="softmax", cost="cross_entropy",
                  init="he", seed=0)
    with pytest.raises(TrainingDiverged) as raised:
        train(net, x, y, epochs=5, batch_size=10, learning_rate=1e4, progress=False)
    assert "before training" in str(raised.value)
    schedule = lambda epoch: 0.1 * 100 ** (epoch - 1)                       # 100 times larger every epoch
    with pytest.raises(TrainingDiverged):
        train(Network([2, 16, 3], hidden_activation="relu", output_activation="softmax", cost="cross_entropy",
                      init="he", seed=0), x, y, epochs=6, batch_size=10, learning_rate=schedule, progress=False)


def test_float32_training_stays_float32_even_with_a_numpy_float64_rate():
    x, y = _blobs(n=40)
    net = Network([2, 4, 3], seed=0)
    train(net, x, y, epochs=2, batch_size=8, learning_rate=lambda epoch: np.float64(0.5), progress=False)
    assert all(p.dtype == np.float32 for p in net.weights + net.biases)


def test_train_for_spends_about_the_time_given_and_learns():
    from nnlib import load_mnist
    mnist = load_mnist()
    network = Network([784, 16, 10], hidden_activation="relu", output_activation="softmax", cost="cross_entropy",
                      init="he", seed=0)
    run = train_for(network, mnist.x_train[:5000], mnist.y_train[:5000], seconds=0.3, batch_size=32,
                    learning_rate=0.1, validation_data=(mnist.x_test[:1000], mnist.y_test[:1000]), n_checks=3)
    assert run.seconds[0] == 0 and len(run.seconds) == len(run.accuracies) == 4
    assert 0.3 <= run.seconds[-1] < 0.6 and np.all(np.diff(run.seconds) > 0)
    assert run.accuracies[-1] > 0.5 > run.accuracies[0]
    full = train_for(network.copy(), mnist.x_train[:500], mnist.y_train[:500], seconds=0.05, batch_size=500,
                     learning_rate=0.1, validation_data=(mnist.x_test[:100], mnist.y_test[:100]))
    assert full.steps >= 1
    with pytest.raises(ValueError, match="seconds"):
        train_for(network, mnist.x_train[:10], mnist.y_train[:10], seconds=0, batch_size=5, learning_rate=0.1,
                  validation_data=(mnist.x_test[:10], mnist.y_test[:10]))
