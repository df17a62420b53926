"""Tests of the figures of lessons 6 and 7: nnlib.plots.nudges and nnlib.plots.graph."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from nnlib.autograd import Value  # noqa: E402
from nnlib.plots.graph import DEPENDENCY_TREE, draw_dependency_tree, draw_graph  # noqa: E402
from nnlib.plots.nudges import plot_neuron_inputs, plot_output_nudges, plot_wanted_nudges  # noqa: E402


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def texts(ax):
    return [t.get_text() for t in ax.texts]


def test_draw_graph_places_every_value_and_writes_values_and_gradients():
    x, y, z = Value(-2.0, label="x"), Value(5.0, label="y"), Value(-4.0, label="z")
    f = (x + y) * z
    f.backward()
    ax = draw_graph(f)
    assert len(ax.graph_positions) == 5
    assert ax.graph_positions[f][0] > ax.graph_positions[x][0]          # output right of the inputs
    shown = texts(ax)
    for expected in ("-12", "grad -4", "grad 3", "+", "*", "x"):
        assert expected in shown
    assert len({pos for pos in ax.graph_positions.values()}) == 5       # no two boxes on the same spot


def test_draw_graph_without_gradients():
    a = Value(2.0)
    ax = draw_graph(a.exp() * a, show_grad=False)
    assert not any(t.startswith("grad") for t in texts(ax))


def test_dependency_tree_writes_given_values_and_refuses_unknown_names():
    ax = draw_dependency_tree({"w(L)": 0.8, "C0": 0.125})
    assert "0.8" in texts(ax) and "0.125" in texts(ax)
    assert len(ax.patches) == len(DEPENDENCY_TREE)
    with pytest.raises(ValueError, match="unknown node names"):
        draw_dependency_tree({"w(L+1)": 1.0})


def test_output_nudges_are_target_minus_output():
    output = np.array([0.1, 0.2, 0.9])
    target = np.array([0.0, 1.0, 0.0])
    ax = plot_output_nudges(output, target)
    np.testing.assert_allclose(ax.nudges, target - output)
    np.testing.assert_allclose([bar.get_height() for bar in ax.patches[:3]], output)
    with pytest.raises(ValueError, match="same shape"):
        plot_output_nudges(output, target[:2])


def test_wanted_nudges_sum_over_outputs():
    contributions = np.arange(12.0).reshape(3, 4) - 5
    ax = plot_wanted_nudges(contributions, highlight=1)
    np.testing.assert_allclose(ax.total, contributions.sum(axis=0))
    np.testing.assert_allclose(ax.images[0].get_array()[-1], contributions.sum(axis=0))
    with pytest.raises(ValueError, match="2-D"):
        plot_wanted_nudges(np.ones(4))


def test_neuron_inputs_bars_show_activations_and_weights():
    activations, weights = np.array([0.1, 0.9, 0.5]), np.array([-1.0, 2.0, 0.5])
    left, right = plot_neuron_inputs(activations, weights)
    np.testing.assert_allclose([b.get_height() for b in left.patches], activations)
    np.testing.assert_allclose([b.get_height() for b in right.patches], weights)
    with pytest.raises(ValueError, match="same shape"):
        plot_neuron_inputs(activations, weights[:2])


def test_error_per_update_and_epsilon_sweep_draw_their_data():
    from nnlib.plots.backprop import plot_epsilon_sweep, plot_error_per_update

    errors = np.array([0.3, 0.2, 0.1])
    ax = plot_error_per_update(errors)
    assert ax.get_yscale() == "log" and np.array_equal(ax.lines[0].get_ydata(), errors)
    epsilons, sweep = 10.0 ** -np.arange(1, 4), np.array([1e-3, 1e-7, 1e-5])
    ax = plot_epsilon_sweep(epsilons, sweep)
    assert ax.get_xscale() == "log" and ax.xaxis_inverted()
    assert np.array_equal(ax.lines[0].get_xdata(), epsilons) and np.array_equal(ax.lines[0].get_ydata(), sweep)
    plt.close("all")
