"""The widgets of lesson 5, driven from Python: moving a slider recomputes and redraws (lesson 4's
explorer: tests/test_lesson04.py)."""

import numpy as np
import pytest

from nnlib import Network
from nnlib.widgets.thinking import NetworkThinking, display_activations


def _tiny_network():
    return Network([784, 5, 10], hidden_activation="relu", output_activation="softmax", cost="cross_entropy", init="he", seed=0)


def test_network_thinking_feeds_the_chosen_digit_through():
    rng = np.random.default_rng(0)
    images, labels = rng.random((3, 784)), np.array([4, 2, 7])
    net = _tiny_network()
    viewer = NetworkThinking(net, images, labels)
    assert viewer.index.description == "test digit number" and viewer.index.max == 2
    first = viewer.live.image.value
    viewer.index.value = 2
    guess = net.predict(images[2])
    assert viewer.ax.get_title().startswith("Test digit 2, a 7.") and f"says {guess}" in viewer.ax.get_title()
    assert viewer.live.image.value != first


def test_network_thinking_refuses_bad_inputs():
    with pytest.raises(ValueError, match="labels"):
        NetworkThinking(_tiny_network(), np.zeros((2, 784)), np.array([3, 12]))


def test_display_activations_scales_only_layers_above_one():
    sigmoid_like, relu_like = np.array([0.2, 0.9]), np.array([0.0, 2.0, 4.0])
    shown = display_activations([sigmoid_like, relu_like])
    np.testing.assert_array_equal(shown[0], sigmoid_like)
    np.testing.assert_allclose(shown[1], [0.0, 0.5, 1.0])


def test_training_monitor_draws_a_point_per_epoch(capsys):
    from nnlib import train
    from nnlib.widgets.descent import TrainingMonitor
    rng = np.random.default_rng(0)
    x, labels = rng.random((200, 784)).astype(np.float32), rng.integers(0, 10, 200)
    net = _tiny_network()
    monitor = TrainingMonitor(net, x[:50], labels[:50], held_out="validation", epochs=3)
    first = monitor.live.image.value
    history = train(net, x, labels, epochs=3, batch_size=20, learning_rate=0.1, progress=False,
                    on_epoch=monitor.on_epoch)
    assert len(monitor.accuracies) == 4 and monitor.accuracies[-1] == net.accuracy(x[:50], labels[:50])   # epoch 0 too
    np.testing.assert_allclose(monitor.cost_line.get_ydata(), history.training_cost)
    np.testing.assert_allclose(monitor.accuracy_line.get_ydata(), 100 * np.array(monitor.accuracies))
    assert monitor.live.image.value != first
    low, high = monitor.cost_ax.get_ylim()                     # after the last epoch the axis fits the curve
    costs = np.asarray(history.training_cost)
    assert low < costs.min() < costs.max() < high <= 1.25 * costs.max() * 1.0001
    assert monitor.cost_ax.get_ylabel() == "cross entropy cost"
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3 and "validation accuracy" in lines[-1]
