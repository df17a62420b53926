"""Figures of lessons 4-5: they draw the data they are given (checked in the artists, not pixels)."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from nnlib.descent import bowl, bowl_gradient, gradient_descent, wavy, wavy_slope  # noqa: E402
from nnlib.plots.descent import (plot_contour, plot_cost_curves, plot_descent_1d, plot_gradient_arrows,  # noqa: E402
                                 plot_gradient_components, plot_path)
from nnlib.evaluation import confusion_matrix  # noqa: E402
from nnlib.plots.evaluation import (plot_confusion_matrix, plot_output_cost,  # noqa: E402
                                    plot_training_runs, show_misclassified)
from nnlib.plots.style import NEGATIVE, POSITIVE  # noqa: E402
from nnlib.training import History  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_one_variable_walks_are_drawn_on_the_curve():
    paths = [gradient_descent(wavy_slope, s, 0.1, 50).path for s in (-2.0, 1.5)]
    ax = plot_descent_1d(wavy, paths, labels=["a", "b"])
    walk_lines = [line for line in ax.get_lines() if line.get_label() in ("a", "b")]
    for line, path in zip(walk_lines, paths):
        np.testing.assert_allclose(line.get_xdata(), path)
        np.testing.assert_allclose(line.get_ydata(), wavy(path))
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["a", "b"]


def test_contour_arrows_and_path_on_the_bowl():
    ax = plot_contour(bowl, (-2, 2), (-1, 1), title="bowl")
    assert ax.get_xlim() == (-2, 2) and ax.get_ylim() == (-1, 1) and ax.get_title() == "bowl"
    quiver = plot_gradient_arrows(bowl_gradient, (-2, 2), (-1, 1), n=5, ax=ax)
    points = quiver.get_offsets()
    np.testing.assert_allclose(np.column_stack([quiver.U.ravel(), quiver.V.ravel()]), bowl_gradient(points))
    path = gradient_descent(bowl_gradient, [-1.8, 0.9], 0.7, 20, tolerance=0).path   # diverges
    line = plot_path(path, ax, label="walk")
    np.testing.assert_allclose(line.get_xydata(), path)
    assert ax.get_xlim() == (-2, 2)               # the runaway walk leaves the map, the map stays


def test_cost_curves_and_gradient_components():
    ax = plot_cost_curves({"one": [4.0, 2.0, 1.0], "two": [4.0, 8.0, 16.0]})
    assert [line.get_label() for line in ax.get_lines()] == ["one", "two"] and ax.get_yscale() == "log"
    ax = plot_gradient_components([0.5, -0.25], ["b3[1]", "W3[0, 2]"])
    bars = ax.patches
    assert [bar.get_width() for bar in bars] == [0.5, -0.25]
    assert matplotlib.colors.same_color(bars[0].get_facecolor(), POSITIVE)
    assert matplotlib.colors.same_color(bars[1].get_facecolor(), NEGATIVE)
    by_height = sorted((tick, label.get_text()) for tick, label in zip(ax.get_yticks(), ax.get_yticklabels()))
    assert [name for _, name in by_height] == ["W3[0, 2]", "b3[1]"]          # the largest on top
    assert bars[0].get_y() > bars[1].get_y()


def test_output_cost_shows_the_squared_differences_and_their_sum():
    output, target = np.array([0.5, 0.2, 0.9]), np.array([0.0, 0.0, 1.0])
    fig = plot_output_cost(output, target)
    right = fig.axes[1]
    np.testing.assert_allclose([bar.get_height() for bar in right.patches], [0.25, 0.04, 0.01])
    assert "0.30" in right.get_title()
    with pytest.raises(ValueError, match="same shape"):
        plot_output_cost(output, target[:2])


def test_confusion_matrix_counts_and_validates():
    labels, predictions = np.array([0, 0, 1, 2, 2, 2]), np.array([0, 1, 1, 2, 0, 2])
    matrix = confusion_matrix(labels, predictions, n_classes=3)
    np.testing.assert_array_equal(matrix, [[1, 1, 0], [0, 1, 0], [1, 0, 2]])
    ax = plot_confusion_matrix(matrix)
    assert sorted(t.get_text() for t in ax.texts) == ["1", "1", "1", "1", "2"]
    with pytest.raises(ValueError, match="must match"):
        confusion_matrix(labels, predictions[:3], n_classes=3)
    with pytest.raises(ValueError, match="0..2"):
        confusion_matrix(labels, predictions + 1, n_classes=3)


def test_misclassified_gallery_shows_only_the_mistakes():
    rng = np.random.default_rng(0)
    images = rng.random((6, 784))
    labels = np.array([0, 1, 2, 3, 4, 5])
    outputs = np.eye(10)[[0, 7, 2, 9, 4, 1]] * 0.8
    fig = show_misclassified(images, labels, outputs, ncols=5)
    titles = [ax.get_title() for ax in fig.axes if ax.get_title()]
    assert titles == ["label 1\nguess 7 (80%)", "label 3\nguess 9 (80%)", "label 5\nguess 1 (80%)"]
    with pytest.raises(ValueError, match="no misclassified"):
        show_misclassified(images, labels, np.eye(10)[labels])


def test_training_runs_plot_one_curve_per_run():
    history = History(epoch=[1, 2], training_cost=[0.5, 0.3], seconds=[1.0, 1.0])
    fig = plot_training_runs({"run": (history, [0.9, 0.95])}, held_out="validation")
    left, right = fig.axes
    np.testing.assert_allclose(left.get_lines()[0].get_ydata(), [90.0, 95.0])
    np.testing.assert_allclose(right.get_lines()[0].get_ydata(), [0.5, 0.3])
    assert "validation" in left.get_ylabel()
    with pytest.raises(ValueError, match="accuracies"):
        plot_training_runs({"run": (history, [0.9])})


def test_lesson5_training_figures_draw_their_data():
    from nnlib.descent import line_cost, line_data
    from nnlib.training import TimedTraining
    from nnlib.plots.training import plot_ablation, plot_race, plot_saturation, plot_walks
    x, y = line_data(100, seed=0)
    paths = {"a": np.array([[0.0, 0.0], [1.0, 0.5]]), "b": np.array([[0.0, 0.0], [2.0, 1.0], [1.5, 1.0]])}
    fig = plot_walks(lambda p: line_cost(p, x, y), paths, (-1, 3), (-1, 2), best=(2.0, 1.0))
    assert [ax.get_title() for ax in fig.axes] == ["a", "b"]
    np.testing.assert_allclose(fig.axes[1].get_lines()[0].get_xdata(), [0.0, 2.0, 1.5])
    run = TimedTraining(7, np.array([0.0, 1.0, 2.0]), np.array([0.1, 0.5, 0.8]))
    ax = plot_race({"mini": run})
    np.testing.assert_allclose(ax.get_lines()[0].get_ydata(), [10, 50, 80])
    assert "7 steps" in ax.get_lines()[0].get_label()
    ax = plot_saturation({"story": [[0.6, 0.1], [0.8, 0.3]]})
    np.testing.assert_allclose(ax.get_lines()[1].get_ydata(), [10, 30])           # layer 2 in percent
    ax = plot_ablation([[0.5, 0.9], [0.95, 0.2]], ["v1", "v2"], (0.1, 1.0))
    assert [t.get_text() for t in ax.texts] == ["50.0%", "90.0%", "95.0%", "20.0%"]
    assert [t.get_fontweight() for t in ax.texts] == ["normal", "bold", "bold", "normal"]   # each row's best
    ax = plot_ablation([[0.5, np.nan]], ["v1"], (0.1, 1.0))
    assert [t.get_text() for t in ax.texts] == ["50.0%", "diverged"]
    with pytest.raises(ValueError, match="shape"):
        plot_ablation([[0.5]], ["v1", "v2"], (0.1,))
