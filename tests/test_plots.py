"""The course's drawing helpers (nnlib.plots): they draw what they are given and return it."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.collections import LineCollection, PathCollection  # noqa: E402
from matplotlib.colors import to_rgba  # noqa: E402

from nnlib import Network  # noqa: E402
from nnlib.activations import sigmoid, sigmoid_prime  # noqa: E402
from nnlib.plots import NEGATIVE, POSITIVE  # noqa: E402
from nnlib.plots.curves import (plot_activations, plot_layer_gradients, plot_neuron_curves,  # noqa: E402
                                plot_two_pixel_neurons)
from nnlib.plots.diagram import draw_network  # noqa: E402
from nnlib.plots.digits import (show_digit, show_digits, show_weight_image,  # noqa: E402
                                show_weight_images, show_weighted_sums)

RNG = np.random.default_rng(0)
IMAGES = RNG.uniform(size=(6, 784))


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_show_digit_and_values():
    shown = show_digit(IMAGES[0], title="a digit")
    assert shown.get_array().shape == (28, 28)
    assert np.allclose(shown.get_array(), IMAGES[0].reshape(28, 28))
    with pytest.raises(ValueError):
        show_digit(np.zeros(783))


def test_show_digits_gallery_marks_wrong_guesses():
    fig = show_digits(IMAGES, labels=[1, 2, 3, 4, 5, 6], predictions=[1, 2, 0, 4, 5, 6], ncols=3)
    assert len(fig.axes) == 6
    assert fig.axes[2].title.get_color() == "crimson" and fig.axes[0].title.get_color() == "black"


def test_weight_images_use_a_symmetric_scale():
    weights = np.linspace(-2, 1, 784)
    shown = show_weight_image(weights)
    assert shown.get_clim() == (-2.0, 2.0)
    weights = RNG.normal(size=(5, 784))
    mark = np.zeros(784, dtype=bool)
    mark[:28] = True                                                # the top row of pixels
    fig = show_weight_images(weights, ncols=4, mark=mark)
    assert len(fig.axes) == 8 + 1                                   # 2 rows of 4, and one colour bar
    limit = np.abs(weights).max()
    assert all(ax.images[0].get_clim() == (-limit, limit) for ax in fig.axes[:5])    # one symmetric scale
    overlay = fig.axes[0].images[1].get_array()
    assert np.all(overlay[0, :, 3] == 1) and np.all(overlay[1:, :, 3] == 0)          # only marked pixels greyed


def test_show_weighted_sums_returns_the_sums():
    weights = RNG.normal(size=784)
    fig, sums = show_weighted_sums(weights, IMAGES[:3], labels=[7, 1, 2])
    assert np.allclose(sums, IMAGES[:3] @ weights)
    assert fig.axes[1].texts[0].get_text() == f"sum = {sums[0]:.1f}"
    with pytest.raises(ValueError):
        show_weighted_sums(weights, np.zeros((2, 100)))


def test_draw_network_draws_every_connection_coloured_by_sign():
    net = Network([784, 16, 16, 10], seed=0)
    flow = net.forward(IMAGES[0], return_all=True)
    ax = draw_network(net, activations=flow.activations, image=IMAGES[0], title="t")
    lines = [c for c in ax.collections if isinstance(c, LineCollection)]
    assert [len(c.get_segments()) for c in lines] == [784 * 16, 16 * 16, 16 * 10]
    colours = lines[1].get_colors()[:, :3]
    signs = net.weights[1].ravel() >= 0
    assert np.allclose(colours[signs], to_rgba(POSITIVE)[:3]) and np.allclose(colours[~signs], to_rgba(NEGATIVE)[:3])
    circles = [c for c in ax.collections if isinstance(c, PathCollection)]
    assert [len(c.get_offsets()) for c in circles] == [16, 16, 10, 1]     # two hidden layers, outputs, the ring
    assert np.allclose(circles[-1].get_offsets()[0, 1], circles[2].get_offsets()[net.predict(IMAGES[0]), 1])
    column = ax.images[0].get_array()
    assert column.shape == (784, 1) and np.allclose(column[:, 0], IMAGES[0])  # all 784 inputs, in order


def test_draw_network_without_a_network_and_bad_input():
    ax = draw_network(sizes=[4, 3, 2])
    assert len([c for c in ax.collections if isinstance(c, LineCollection)]) == 2
    with pytest.raises(ValueError):
        draw_network()
    with pytest.raises(ValueError):
        draw_network(sizes=[4, 3], activations=[np.zeros(4)])
    with pytest.raises(ValueError):
        draw_network(sizes=[4, 3], activations=[np.zeros(4), np.zeros(2)])


def test_plot_activations_draws_functions_and_derivatives():
    z = np.linspace(-3, 3, 7)
    fig = plot_activations(("sigmoid", "tanh"), z=z)
    left, right = fig.axes
    assert np.allclose(left.lines[0].get_ydata(), sigmoid(z))
    assert np.allclose(right.lines[0].get_ydata(), sigmoid_prime(z))
    assert left.get_xlabel() and left.get_ylabel() and right.get_title()
    with pytest.raises(ValueError):
        plot_activations(("swish",))


def test_plot_activations_leaves_a_gap_at_relus_kink():
    z = np.linspace(-1, 1, 4)                      # 0 is not on this grid: the gap goes between -1/3 and 1/3
    slope = plot_activations(("relu",), z=z).axes[1].lines[0]
    xs, ys = np.asarray(slope.get_xdata(), float), np.asarray(slope.get_ydata(), float)
    assert np.array_equal(np.isnan(ys), [False, False, True, False, False]) and np.isnan(xs[2])
    assert np.array_equal(ys[[0, 1, 3, 4]], [0, 0, 1, 1])


def test_plot_neuron_curves_and_two_pixel_neurons():
    lines = plot_neuron_curves([(2, -4), (1, 0)], x=np.linspace(-5, 5, 11))
    assert np.allclose(lines[0].get_ydata(), sigmoid(2 * np.linspace(-5, 5, 11) - 4))
    assert "on above x = 2" in lines[0].get_label()
    fig = plot_two_pixel_neurons([(10, 10, -5), (1, 0, 0)], titles=["OR", "a1"])
    assert len(fig.axes) == 2 and fig.axes[0].get_title().startswith("OR")
    with pytest.raises(ValueError):
        plot_two_pixel_neurons([(1, 2)])


def test_plot_layer_gradients():
    lines = plot_layer_gradients({"sigmoid": [1e-5, 1e-3, 1e-1], "relu": [1e-2, 2e-2, 3e-2]})
    assert len(lines) == 2 and np.allclose(lines[0].get_xdata(), [1, 2, 3])
    assert lines[0].axes.get_yscale() == "log"


def test_draw_network_leaves_out_lines_from_black_input_pixels():
    net = Network([784, 16, 16, 10], seed=0)
    image = np.zeros(784)
    image[:30] = 0.5
    ax = draw_network(net, activations=net.forward(image, return_all=True).activations)
    lines = [c for c in ax.collections if isinstance(c, LineCollection)]
    assert len(lines[0].get_segments()) == 30 * 16


def test_dependency_tree_writes_each_arrows_local_derivative_only_when_asked():
    from nnlib.plots.graph import DEPENDENCY_TREE, GRADIENT_COLOUR, LOCAL_DERIVATIVES, draw_dependency_tree

    def orange_texts(ax):
        return [t.get_text() for t in ax.texts if to_rgba(t.get_color()) == to_rgba(GRADIENT_COLOUR)]

    assert orange_texts(draw_dependency_tree()) == []
    arrows = [name for name, (_, _, _, feeds) in DEPENDENCY_TREE.items() if feeds is not None and name != "y"]
    assert sorted(LOCAL_DERIVATIVES) == sorted(arrows)                     # every arrow but the target's
    assert sorted(orange_texts(draw_dependency_tree(derivatives=True))) == sorted(LOCAL_DERIVATIVES.values())
    assert LOCAL_DERIVATIVES["z(L)"] == r"$\sigma'(z^{(L)})$" and LOCAL_DERIVATIVES["b(L)"] == "$1$"
