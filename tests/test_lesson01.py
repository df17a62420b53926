"""Lesson 1's exercise checks: every correct form accepted, the learner's own network and image graded,
each named mistake reported, no failure message giving the answer away, odd answers never raising."""

import numpy as np
import pytest

import nnlib
from nnlib.activations import sigmoid
from nnlib.exercises import lesson01

MNIST = nnlib.load_mnist()
IMAGE = MNIST.x_train[0]


@pytest.fixture(scope="module")
def network():
    return nnlib.Network([784, 16, 16, 10], seed=0)


def _verdict(check, capsys, *args):
    verdict = check(*args)
    return verdict, capsys.readouterr().out


# ------------------------------------------------------------------ exercise 1a
def _empty_hidden(network):
    return np.asarray(sigmoid(network.biases[0].astype(np.float64)))


@pytest.mark.parametrize("form", [lambda v: v, lambda v: v.astype(np.float32), list, tuple,
                                  lambda v: v[None, :], lambda v: v[:, None]],
                         ids=["float64", "float32", "list", "tuple", "row", "column"])
def test_empty_hidden_accepts_every_form(network, form, capsys):
    assert lesson01.check_empty_page_hidden(form(_empty_hidden(network)), network)
    assert "✓" in capsys.readouterr().out


def test_empty_hidden_grades_the_learners_network(capsys):
    other = nnlib.Network([784, 16, 16, 10], seed=3)
    assert lesson01.check_empty_page_hidden(_empty_hidden(other), other)
    assert not lesson01.check_empty_page_hidden(_empty_hidden(other), nnlib.Network([784, 16, 16, 10], seed=0))


@pytest.mark.parametrize("mistake, words", [
    (lambda n: n.biases[0], "biases themselves"),
    (lambda n: np.full(16, 0.5), "sigmoid of 0"),
    (lambda n: np.zeros(16), "all zeros"),
    (lambda n: n.forward(np.zeros(784), return_all=True).activations[2], "hidden layer 2"),
    (lambda n: n.forward(IMAGE, return_all=True).activations[1], "not right"),
    (lambda n: np.zeros(784), "shape (784,)"),
])
def test_empty_hidden_names_the_mistake_without_the_answer(network, mistake, words, capsys):
    verdict, printed = _verdict(lesson01.check_empty_page_hidden, capsys, mistake(network), network)
    assert verdict is False and words in printed
    assert f"{_empty_hidden(network)[0]:.2f}" not in printed and f"{_empty_hidden(network)[0]:.3f}" not in printed


# ------------------------------------------------------------------ exercise 1b
@pytest.mark.parametrize("form", [int, np.int64, np.int32, float, np.array, lambda d: np.array([d])],
                         ids=["int", "int64", "int32", "whole float", "0-d array", "1-element array"])
def test_empty_answer_accepts_every_form(network, form, capsys):
    right = network.predict(np.zeros(784))
    assert lesson01.check_empty_page_answer(form(right), network)


def test_empty_answer_mistakes(network, capsys):
    outputs = network.forward(np.zeros(784))
    verdict, printed = _verdict(lesson01.check_empty_page_answer, capsys, int(np.argmin(outputs)), network)
    assert verdict is False and "dimmest" in printed
    wrong = int(np.argsort(outputs)[-2])
    verdict, printed = _verdict(lesson01.check_empty_page_answer, capsys, wrong, network)
    assert verdict is False and "another output is brighter" in printed
    for bad in (10, -1, 1.5, True, "1"):
        verdict, printed = _verdict(lesson01.check_empty_page_answer, capsys, bad, network)
        assert verdict is False and printed.strip()


# ------------------------------------------------------------------ exercise 2
def _favourite(network):
    return network.weights[0][0] > 0


@pytest.mark.parametrize("form", [lambda m: m, lambda m: m.astype(float), lambda m: m.astype(np.float32),
                                  lambda m: m.astype(int), lambda m: m.reshape(28, 28), lambda m: list(m.astype(float))],
                         ids=["bool", "float", "float32", "int", "28x28", "list"])
def test_favourite_accepts_every_form(network, form, capsys):
    assert lesson01.check_favourite_picture(form(_favourite(network)), network)


def test_favourite_grades_the_learners_network(capsys):
    other = nnlib.Network([784, 16, 16, 10], seed=5)
    assert lesson01.check_favourite_picture(_favourite(other), other)
    assert not lesson01.check_favourite_picture(_favourite(other), nnlib.Network([784, 16, 16, 10], seed=0))


def test_favourite_mistakes(network, capsys):
    best = _favourite(network).astype(float)
    verdict, printed = _verdict(lesson01.check_favourite_picture, capsys, np.ones(784), network)
    assert verdict is False and "inked pixels lower z" in printed
    verdict, printed = _verdict(lesson01.check_favourite_picture, capsys, best * 0.5, network)
    assert verdict is False and "could raise z more" in printed
    verdict, printed = _verdict(lesson01.check_favourite_picture, capsys, best * 255, network)
    assert verdict is False and "divide 0-255 pixels by 255" in printed
    verdict, printed = _verdict(lesson01.check_favourite_picture, capsys, np.zeros(10), network)
    assert verdict is False and "784 pixels" in printed
    weights, bias = network.weights[0][0].astype(float), float(network.biases[0][0])
    assert f"{weights[weights > 0].sum() + bias:.2f}" not in printed


# ------------------------------------------------------------------ exercise 3
def _least_bias(network, image):
    z = network.forward(image, return_all=True).zs[-1].astype(float)
    return float(network.biases[-1][5]) + float(np.delete(z, 5).max() - z[5])


@pytest.mark.parametrize("form", [float, np.float32, np.float64, np.array, lambda v: np.array([v])],
                         ids=["float", "float32", "float64", "0-d array", "1-element array"])
def test_smallest_bias_accepts_every_form(network, form, capsys):
    answer = np.ceil(_least_bias(network, IMAGE) * 100) / 100
    assert lesson01.check_smallest_bias(form(answer), network, IMAGE)
    assert "training images" in capsys.readouterr().out


def test_smallest_bias_grades_the_learners_image_and_does_not_change_the_network(capsys):
    image = MNIST.x_train[1]
    network = nnlib.Network([784, 16, 16, 10], seed=0)
    before = network.biases[-1].copy()
    answer = np.ceil(_least_bias(network, image) * 100) / 100
    assert lesson01.check_smallest_bias(answer, network, image)
    assert np.array_equal(network.biases[-1], before)


def test_smallest_bias_mistakes(network, capsys):
    least = _least_bias(network, IMAGE)
    verdict, printed = _verdict(lesson01.check_smallest_bias, capsys, least - 0.05, network, IMAGE)
    assert verdict is False and "still below output" in printed and f"{least:.2f}" not in printed
    verdict, printed = _verdict(lesson01.check_smallest_bias, capsys, least - 1e-4, network, IMAGE)
    assert verdict is False and "still below output" in printed and "float32" not in printed   # equal to 4 decimals, not near 1
    verdict, printed = _verdict(lesson01.check_smallest_bias, capsys, least + 0.0099, network, IMAGE)
    assert verdict is False and "with 2 decimals" in printed                  # works, but not given to 2 decimals
    verdict, printed = _verdict(lesson01.check_smallest_bias, capsys, least + 1, network, IMAGE)
    assert verdict is False and "a smaller bias would do" in printed
    verdict, printed = _verdict(lesson01.check_smallest_bias, capsys, 12345, network, IMAGE)
    assert verdict is False


# ------------------------------------------------------------------ odd answers
ODD = [None, "7", [1, 2], [[1, 2], [3]], np.zeros((2, 3)), np.array(np.nan), 10 ** 400, float("inf"), True,
       lambda: 1 / 0, {"a": 1}, (1e308, 1e308, -1e308)]


@pytest.mark.parametrize("answer", ODD, ids=[repr(a)[:20] for a in ODD])
@pytest.mark.parametrize("name", ["check_empty_page_hidden", "check_empty_page_answer", "check_favourite_picture",
                                  "check_smallest_bias", "check_binary_layer"])
def test_odd_answers_never_raise(network, name, answer, capsys):
    check = getattr(lesson01, name)
    extra = {"check_smallest_bias": (network, IMAGE), "check_binary_layer": ()}.get(name, (network,))
    assert check(answer, *extra) is False
    assert capsys.readouterr().out.strip()


@pytest.mark.parametrize("name", ["check_empty_page_hidden", "check_empty_page_answer", "check_favourite_picture",
                                  "check_smallest_bias"])
@pytest.mark.parametrize("bad_network", [None, "network", nnlib.Network([4, 3, 2], seed=0)], ids=["None", "str", "4-3-2"])
def test_a_wrong_network_argument_is_reported(name, bad_network, capsys):
    check = getattr(lesson01, name)
    extra = (bad_network, IMAGE) if name == "check_smallest_bias" else (bad_network,)
    assert check(np.zeros(16), *extra) is False
    assert "network" in capsys.readouterr().out


# ------------------------------------------------------------------ the diagram's key and ring (lesson 1's figure)
def test_draw_network_key_and_ring(network):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.colors import to_rgba

    from nnlib.plots.diagram import RING, draw_network
    from nnlib.plots.style import POSITIVE_ON_DARK

    flow = network.forward(IMAGE, return_all=True)
    plain = draw_network(network, activations=flow.activations, image=IMAGE)
    assert plain.get_legend() is None                                    # the defaults draw as before
    ax = draw_network(network, activations=flow.activations, image=IMAGE, key=True, ring=(1, 3),
                      ring_label="neuron 3", positive_colour=POSITIVE_ON_DARK)
    labels = [text.get_text() for text in ax.get_legend().get_texts()]
    assert labels == ["positive weight", "negative weight", "fainter: a smaller weight", "activation 0, 0.5, 1",
                      "the answer", "neuron 3"]
    rings = [c for c in ax.collections if c.get_facecolors().size == 0 and np.allclose(c.get_edgecolors()[0], to_rgba(RING))]
    from nnlib.plots.diagram import LAYER_GAP, _neuron_y
    assert len(rings) == 1 and np.allclose(rings[0].get_offsets()[0], (LAYER_GAP, _neuron_y(16, 16)[3]))
    inked = int(np.sum(IMAGE > 0))
    strong = [c for c in ax.collections if hasattr(c, "get_segments") and len(c.get_segments()) == inked]
    assert len(strong) == 1                                              # the 166 lines into the ringed neuron
    colours = {tuple(np.round(c[:3], 3)) for c in ax.collections[0].get_colors()}
    assert tuple(np.round(to_rgba(POSITIVE_ON_DARK)[:3], 3)) in colours
    with pytest.raises(ValueError, match="ring must be"):
        draw_network(network, ring=(1, 16))
    plt.close("all")


def test_smallest_bias_follows_float32_where_the_sigmoid_saturates(capsys):
    """Seed 13, image 0: output 1 holds 0.99999994 in float32, so output 5 wins only where its sigmoid rounds to 1.0;
    the bias worked out from the z's alone is refused, with the reason, and the float32 answer is accepted."""
    network = nnlib.Network([784, 16, 16, 10], seed=13)
    from_zs = np.ceil(_least_bias(network, IMAGE) * 100) / 100
    verdict, printed = _verdict(lesson01.check_smallest_bias, capsys, from_zs, network, IMAGE)
    assert verdict is False and "float32" in printed
    least = lesson01._least_working_bias(network, IMAGE)
    assert least is not None and lesson01.check_smallest_bias(np.ceil(least * 100) / 100, network, IMAGE)


def test_smallest_bias_says_when_no_bias_can_work(capsys):
    network = nnlib.Network([784, 16, 16, 10], seed=0)
    network.biases[-1][1] = 100.0                   # output 1 holds exactly 1.0 in float32, and 1 < 5 wins a tie
    verdict, printed = _verdict(lesson01.check_smallest_bias, capsys, 50.0, network, IMAGE)
    assert verdict is False and "no bias makes this network answer 5" in printed


# ------------------------------------------------------------------ exercise 4
SIGNS = np.array([[1 if digit & bit else -1 for digit in range(10)] for bit in (8, 4, 2, 1)])


@pytest.mark.parametrize("layer", [(10 * SIGNS, np.zeros(4)), ((SIGNS > 0).astype(float), np.full(4, -0.5)),
                                   [(10 * SIGNS).tolist(), [0, 0, 0, 0]], (SIGNS.astype(np.float32), np.zeros((4, 1)))],
                         ids=["plus-minus 10", "0/1 and -0.5", "lists", "float32, column b"])
def test_binary_layer_accepts_every_right_layer(layer, capsys):
    assert lesson01.check_binary_layer(layer)


@pytest.mark.parametrize("bias", [-0.99, -0.991, -0.995])
def test_binary_layer_is_checked_at_its_worst_case_not_at_random_outputs(bias, capsys):
    """0/1 weights with a bias near -0.99: right for 0.99/0.01 outputs, wrong when the right output is exactly 0.99
    and the others 0 (allowed), where z is at most 0."""
    verdict, printed = _verdict(lesson01.check_binary_layer, capsys, ((SIGNS > 0).astype(float), np.full(4, bias)))
    assert verdict is False and "not for every output layer allowed" in printed and "at 0.99 and all the others at 0" in printed


def test_binary_layer_mistakes(capsys):
    verdict, printed = _verdict(lesson01.check_binary_layer, capsys, (SIGNS.T, np.zeros(4)))
    assert verdict is False and "(10, 4)" in printed
    verdict, printed = _verdict(lesson01.check_binary_layer, capsys, ((SIGNS > 0).astype(float), np.zeros(4)))
    assert verdict is False and "writes 1111, not 0000" in printed            # all on: the bias is missing
    reversed_bits = (10 * SIGNS[::-1], np.zeros(4))                          # bit worth 1 first
    verdict, printed = _verdict(lesson01.check_binary_layer, capsys, reversed_bits)
    assert verdict is False and "not 0001" in printed
    weak = ((SIGNS > 0).astype(float), np.full(4, -0.0))                     # 0/1 weights, no bias: fails at 0.01s
    assert not lesson01.check_binary_layer(weak)
    for bad in (SIGNS, (SIGNS, np.zeros(3)), (SIGNS[:3], np.zeros(4)), ("W", "b")):
        verdict, printed = _verdict(lesson01.check_binary_layer, capsys, bad)
        assert verdict is False and printed.strip()




def test_plot_weighted_inputs():
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from nnlib.plots.curves import plot_weighted_inputs

    z = np.random.default_rng(0).normal(0, 9, (1000, 16))
    ax = plot_weighted_inputs(z, marked=z[0], marked_label="one digit's 16 z's", flat=6)
    bars = [patch for patch in ax.patches if isinstance(patch, matplotlib.patches.Rectangle)]   # not the shading
    heights = [patch.get_height() for patch in bars if patch.get_width() == 1.0]
    assert np.isclose(sum(heights), 100)                                   # the bars cover every z
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == ["the 16,000 z's", "|z| > 6: σ within 0.0025 of 0 or 1", "one digit's 16 z's", "σ(z), right axis"]
    assert ax.get_xlim()[1] >= np.abs(z).max()
    for bad in (np.array([np.nan]), np.array([])):
        with pytest.raises(ValueError):
            plot_weighted_inputs(bad)
    plt.close("all")


@pytest.mark.parametrize("answer", [float("nan"), np.float32("nan"), np.array([np.nan]), float("inf")])
def test_smallest_bias_names_a_value_that_is_not_finite(network, answer, capsys):
    assert lesson01.check_smallest_bias(answer, network, IMAGE) is False
    assert "not a finite number" in capsys.readouterr().out
