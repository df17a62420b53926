"""The network: sizes and parameters, forward pass, backpropagation against gradient checking,
the step-by-step example of lesson 7, reproducibility, saving and loading."""

import numpy as np
import pytest

from nnlib import Network, gradient_check, load_network, save_network, train

HIDDEN = ["sigmoid", "relu", "tanh", "identity"]
OUTPUTS = [("sigmoid", "quadratic"), ("sigmoid", "half_quadratic"), ("tanh", "quadratic"),
           ("identity", "half_quadratic"), ("relu", "quadratic"), ("softmax", "cross_entropy")]


def test_parameter_count_of_the_course_network():
    net = Network([784, 16, 16, 10])
    assert net.n_parameters == 13_002
    assert net.parameter_counts() == [(12_544, 16), (256, 16), (160, 10)]
    assert [w.shape for w in net.weights] == [(16, 784), (16, 16), (10, 16)]
    assert [b.shape for b in net.biases] == [(16,), (16,), (10,)]
    assert net.parameter_vector().shape == (13_002,)


def test_initialisation_schemes():
    rng_net = {init: Network([400, 300, 10], init=init, seed=1) for init in ("standard", "scaled", "he")}
    assert np.std(rng_net["standard"].weights[0]) == pytest.approx(1.0, rel=0.02)
    assert np.std(rng_net["scaled"].weights[0]) == pytest.approx(np.sqrt(1 / 400), rel=0.02)
    assert np.std(rng_net["he"].weights[0]) == pytest.approx(np.sqrt(2 / 400), rel=0.02)
    assert not np.any(rng_net["he"].biases[0])
    assert rng_net["standard"].weights[0].dtype == np.float32


@pytest.mark.parametrize("hidden", HIDDEN)
@pytest.mark.parametrize("output,cost", OUTPUTS)
def test_backprop_matches_gradient_check(hidden, output, cost):
    net = Network([5, 4, 3, 3], hidden_activation=hidden, output_activation=output, cost=cost, init="scaled", seed=2, dtype=np.float64)
    rng = np.random.default_rng(0)
    x = rng.uniform(0, 1, size=(6, 5))
    labels = np.array([0, 2, 1, 2, 0, 1])
    check = gradient_check(net, x, labels)
    assert check.overall <= 1e-7, str(check)
    assert max(check.weights + check.biases) <= 1e-7, str(check)


def test_gradient_check_catches_a_wrong_gradient(monkeypatch):
    net = Network([3, 4, 2], seed=0, dtype=np.float64)
    x, y = np.random.default_rng(0).uniform(0, 1, size=(5, 3)), np.array([0, 1, 1, 0, 1])
    original = Network.backprop

    def broken(self, x, t):
        g = original(self, x, t)
        g.dW[0] = g.dW[0] * 1.1
        return g

    monkeypatch.setattr(Network, "backprop", broken)
    check = gradient_check(net, x, y)
    assert check.weights[0] > 1e-2 and check.weights[1] < 1e-7


def test_forward_returns_every_layer():
    net = Network([4, 3, 2], seed=0, dtype=np.float64)
    x = np.array([[0.1, 0.2, 0.3, 0.4], [1.0, 0.0, 0.9, 0.5]])
    fp = net.forward(x, return_all=True)
    assert [a.shape for a in fp.activations] == [(2, 4), (2, 3), (2, 2)]
    assert [z.shape for z in fp.zs] == [(2, 3), (2, 2)]
    hand = 1 / (1 + np.exp(-(x @ net.weights[0].T + net.biases[0])))      # a' = sigmoid(W a + b), row form
    np.testing.assert_allclose(fp.activations[1], hand, rtol=1e-12)
    np.testing.assert_allclose(net.forward(x), fp.activations[-1])
    single = net.forward(x[1], return_all=True)
    assert single.activations[-1].shape == (2,)
    np.testing.assert_allclose(single.activations[-1], fp.activations[-1][1])
    np.testing.assert_allclose(net.forward(x[1]), fp.activations[-1][1])


def test_predict_and_accuracy():
    net = Network([2, 2], output_activation="identity", cost="half_quadratic", seed=0, dtype=np.float64)
    net.weights[0][:] = [[1, 0], [0, 1]]
    net.biases[0][:] = 0
    x = np.array([[0.4, 0.2], [0.0, 0.6], [1.0, 0.8]])
    assert list(net.predict(x)) == [0, 1, 0]
    assert net.predict(x[1]) == 1
    assert net.accuracy(x, [0, 1, 1]) == pytest.approx(2 / 3)


def test_step_by_step_example_of_lesson_7():
    """The 2-2-2 example: E_total = 0.298371109 and, after one step at rate 0.5, w5 = 0.35891648."""
    net = Network([2, 2, 2], cost="half_quadratic", dtype=np.float64)
    net.weights = [np.array([[0.15, 0.20], [0.25, 0.30]]), np.array([[0.40, 0.45], [0.50, 0.55]])]
    net.biases = [np.array([0.35, 0.35]), np.array([0.60, 0.60])]
    x, target = np.array([0.05, 0.10]), np.array([0.01, 0.99])
    fp = net.forward(x, return_all=True)
    assert f"{fp.zs[0][0]:.4f}" == "0.3775"
    assert f"{fp.activations[1][0]:.9f}" == "0.593269992"
    assert f"{fp.activations[2][0]:.8f}" == "0.75136507"
    assert f"{net.cost(x, target):.9f}" == "0.298371109"
    grads = net.gradients(x, target)
    assert f"{grads.dW[1][0, 0]:.9f}" == "0.082167041"
    net.step(grads, learning_rate=0.5)
    assert f"{net.weights[1][0, 0]:.8f}" == "0.35891648"


def _train_a_little(seed, data_seed=0):
    rng = np.random.default_rng(data_seed)
    x = rng.random((600, 20), dtype=np.float32)
    y = (x[:, :10].sum(axis=1) > x[:, 10:].sum(axis=1)).astype(int)
    net = Network([20, 8, 2], seed=seed)
    train(net, x, y, epochs=3, batch_size=10, learning_rate=1.0, seed=seed, progress=False)  # 180 steps
    return net


def test_same_seed_gives_bit_identical_weights_different_seeds_differ():
    a, b, c = _train_a_little(7), _train_a_little(7), _train_a_little(8)
    for wa, wb in zip(a.weights + a.biases, b.weights + b.biases):
        assert np.array_equal(wa, wb)
    assert not np.array_equal(a.weights[0], c.weights[0])


def test_save_and_load_round_trip(tmp_path):
    net = Network([6, 5, 3], hidden_activation="relu", output_activation="softmax", cost="cross_entropy", init="he", seed=4)
    save_network(net, tmp_path / "net.npz")
    back = load_network(tmp_path / "net.npz")
    assert repr(back) == repr(net)
    for p, q in zip(net.weights + net.biases, back.weights + back.biases):
        assert np.array_equal(p, q) and p.dtype == q.dtype
    with np.load(tmp_path / "net.npz", allow_pickle=False) as data:
        assert all(data[k].dtype != object for k in data.files)


def test_copy_is_independent():
    net = Network([3, 2], seed=0)
    twin = net.copy(dtype=np.float64)
    twin.weights[0][0, 0] += 1
    assert net.weights[0][0, 0] != twin.weights[0][0, 0] and twin.weights[0].dtype == np.float64


def test_deltas_are_the_error_of_each_example_whatever_the_batch():
    """Gradients.deltas[l] is dC_x/dz of each example: the same row for an example alone or in a batch;
    dW and db are the averages over the batch made from them."""
    net = Network([4, 3, 2], seed=1, dtype=np.float64)
    x = np.random.default_rng(0).uniform(0, 1, size=(5, 4))
    y = np.array([0, 1, 1, 0, 1])
    batch = net.gradients(x, y)
    alone = [net.gradients(x[i], int(y[i])) for i in range(5)]
    for layer in range(2):
        for i in range(5):
            np.testing.assert_allclose(batch.deltas[layer][i], alone[i].deltas[layer][0], rtol=1e-12)
        np.testing.assert_allclose(batch.dW[layer], np.mean([g.dW[layer] for g in alone], axis=0), rtol=1e-12)
        np.testing.assert_allclose(batch.db[layer], batch.deltas[layer].mean(axis=0), rtol=1e-12)


def test_labels_are_integers_and_target_vectors_are_floats():
    net = Network([3, 2], seed=0, dtype=np.float64)
    x = np.array([[0.1, 0.2, 0.3], [0.3, 0.2, 0.1]])
    assert net.cost(x, [0, 1]) == pytest.approx(net.cost(x, np.array([[1.0, 0.0], [0.0, 1.0]])))
    assert net.cost(x[0], 1) == pytest.approx(net.cost(x[0], np.array([0.0, 1.0])))
    with pytest.raises(ValueError, match="floats mean target vectors"):
        net.cost(x, np.array([0.0, 1.0]))


def test_standardised_and_plus_minus_one_inputs_are_accepted():
    net = Network([3, 2], seed=0)
    assert net.forward(np.array([[-1.3, 0.2, 2.7], [0.0, -0.5, 1.5]])).shape == (2, 2)
    assert net.forward(np.array([-1, 1, 1])).shape == (2,)


def test_backprop_only_backpropagates_and_step_takes_the_step():
    net = Network([3, 4, 2], seed=0, dtype=np.float64)
    before = [p.copy() for p in net.weights + net.biases]
    x, t = np.random.default_rng(1).uniform(size=(6, 3)), np.eye(2)[[0, 1, 1, 0, 0, 1]]
    g = net.backprop(x, t)
    assert all(np.array_equal(p, q) for p, q in zip(before, net.weights + net.biases))
    net.step(g, 0.5)
    for p, q, d in zip(net.weights + net.biases, before, g.dW + g.db):
        np.testing.assert_allclose(p, q - 0.5 * d, rtol=1e-12)
