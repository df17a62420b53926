"""The figures added for lessons 3 and 4 build and draw the data they claim to draw."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from nnlib.activations import sigmoid, sigmoid_prime  # noqa: E402
from nnlib.descent import bowl_gradient, gradient_descent  # noqa: E402
from nnlib.plots.curves import plot_fits, plot_sigmoid, plot_step_and_sigmoid  # noqa: E402
from nnlib.plots.descent import plot_coordinates  # noqa: E402


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_plot_sigmoid_draws_the_sigmoid_and_its_midpoint():
    z = np.linspace(-4, 4, 9)
    line = plot_sigmoid(z)
    np.testing.assert_allclose(line.get_ydata(), sigmoid(z))
    midpoints = [other for other in line.axes.lines if list(other.get_xdata()) == [0]]
    assert midpoints and list(midpoints[0].get_ydata()) == [0.5]


def test_plot_fits_draws_the_target_and_each_model():
    x = np.linspace(0, 1, 5)
    target = (x > 0.5).astype(float)
    lines = plot_fits(x, target, {"line": 0.4 + 0 * x, "steps": target})
    assert [line.get_label() for line in lines] == ["line", "steps"]
    np.testing.assert_allclose(lines[1].get_ydata(), target)
    dots = lines[0].axes.lines[0]
    assert dots.get_label() == "wanted" and np.allclose(dots.get_ydata(), target)


def test_plot_step_and_sigmoid_draws_zero_slope_for_the_step():
    z = np.linspace(-2, 2, 9)
    fig = plot_step_and_sigmoid(z)
    left, right = fig.axes
    step_parts = [line for line in left.lines if line.get_color() != left.lines[-1].get_color()]
    assert {tuple(np.unique(line.get_ydata())) for line in step_parts} == {(0.0,), (1.0,)}
    np.testing.assert_allclose(right.lines[-1].get_ydata(), sigmoid_prime(z))
    assert all(np.all(line.get_ydata() == 0) for line in right.lines[:-1])


def test_plot_coordinates_shows_a_whole_diverging_walk():
    walk = gradient_descent(bowl_gradient, [-1.8, 1.6], 0.7, n_steps=30, tolerance=0)
    x_line, y_line = plot_coordinates(walk.path)
    np.testing.assert_allclose(x_line.get_xdata(), np.arange(31))
    np.testing.assert_allclose(x_line.get_ydata(), walk.path[:, 0])
    np.testing.assert_allclose(y_line.get_ydata(), walk.path[:, 1])
    low, high = x_line.axes.get_ylim()
    assert low <= walk.path[:, 0].min() and high >= walk.path[:, 0].max()     # nothing leaves the picture
    with pytest.raises(ValueError, match="shape"):
        plot_coordinates(walk.path[:, 0])
