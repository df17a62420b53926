"""The widgets of lessons 4-5, driven from Python: moving a slider recomputes and redraws."""

import numpy as np
import pytest

from nnlib import Network
from nnlib.descent import bowl_gradient, gradient_descent
from nnlib.widgets.descent import LearningRateExplorer
from nnlib.widgets.thinking import NetworkThinking, display_activations


def test_learning_rate_explorer_redraws_the_walk_of_its_sliders():
    explorer = LearningRateExplorer()
    assert explorer.learn_rate.description == "learning rate" and explorer.n_iter.description == "number of steps"
    first = explorer.live.image.value
    explorer.learn_rate.value = 0.3
    explorer.n_iter.value = 12
    expected = gradient_descent(bowl_gradient, [-1.8, 1.6], 0.3, 12, tolerance=0).path
    np.testing.assert_allclose(explorer.line.get_xydata(), expected)
    assert "12 steps" in explorer.ax.get_title()
    assert explorer.live.image.value != first and bytes(explorer.live.image.value).startswith(b"\x89PNG")


def test_learning_rate_explorer_shows_divergence():
    explorer = LearningRateExplorer()
    explorer.learn_rate.value = 1.0
    explorer.n_iter.value = 40
    assert abs(explorer.line.get_xydata()[-1, 0]) > 1e6       # the walk ran away, and is drawn as such


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
    assert len(monitor.accuracies) == 3 and monitor.accuracies[-1] == net.accuracy(x[:50], labels[:50])
    np.testing.assert_allclose(monitor.cost_line.get_ydata(), history.training_cost)
    np.testing.assert_allclose(monitor.accuracy_line.get_ydata(), 100 * np.array(monitor.accuracies))
    assert monitor.live.image.value != first
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3 and "validation accuracy" in lines[-1]
