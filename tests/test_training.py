"""Stochastic gradient descent: it learns, its history is complete, schedules and progress work."""

import numpy as np
import pytest

from nnlib import Network, train


def _blobs(n=400, seed=0):
    rng = np.random.default_rng(seed)
    labels = rng.integers(0, 3, n)
    centres = np.array([[0.0, 2.0], [2.0, -1.0], [-2.0, -1.0]])
    return (centres[labels] + 0.5 * rng.normal(size=(n, 2))).astype(np.float32), labels


def test_training_learns_and_records_history(capsys):
    x, y = _blobs()
    net = Network([2, 8, 3], hidden="relu", output="softmax", cost="cross_entropy", init="he", seed=0)
    before = net.cost(x, y)
    history = train(net, x, y, epochs=5, batch_size=16, learning_rate=0.5, validation_data=(x[:100], y[:100]))
    assert net.cost(x, y) < before / 3
    assert history.epoch == [1, 2, 3, 4, 5] and len(history.train_cost) == 5 and len(history.seconds) == 5
    assert history.validation_accuracy[-1] > 0.95
    assert history.train_cost[-1] < history.train_cost[0]
    printed = capsys.readouterr().out.splitlines()
    assert len(printed) == 5 and printed[-1].startswith("epoch   5/5") and "validation accuracy" in printed[-1]


def test_progress_can_be_switched_off_and_callback_sees_history(capsys):
    x, y = _blobs()
    seen = []
    train(Network([2, 3], seed=0), x, y, epochs=3, batch_size=50, learning_rate=0.1, progress=False,
          on_epoch=lambda h: seen.append(len(h.train_cost)))
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
    assert np.isfinite(history.train_cost[0])


def test_divergence_is_reported_not_hidden():
    x, y = _blobs()
    net = Network([2, 8, 3], output="identity", cost="quadratic", hidden="identity", seed=0)
    with pytest.raises(FloatingPointError, match="smaller learning rate"), np.errstate(all="ignore"):
        train(net, x * 1e3, y, epochs=3, batch_size=400, learning_rate=10.0, progress=False)
