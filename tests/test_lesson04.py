"""Lesson 4 (cost and gradient descent): its exercise checks, its figures, its widget, and the facts its
prose derives (checked here against independent computations, not the notebook's own code path)."""

import re

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from nnlib import load_mnist  # noqa: E402
from nnlib.descent import bowl, bowl_gradient, gradient_descent, wavy, wavy_slope  # noqa: E402
from nnlib.exercises import lesson04  # noqa: E402
from nnlib.gradcheck import numerical_gradient  # noqa: E402
from nnlib.plots.descent import (RATE_COLOURS, X_COLOUR, Y_COLOUR, frame_exit, plot_contour,  # noqa: E402
                                 plot_coordinates, plot_cost_curves, plot_descent_1d, plot_directional_slopes,
                                 mark_gradient, plot_gradient_arrows, plot_path, plot_step_factors,
                                 plot_surface, plot_walks_on_maps)
from nnlib.plots.nudges import plot_nudge_sizes_by_layer  # noqa: E402
from nnlib.widgets.descent import LearningRateExplorer  # noqa: E402

START = np.array([-1.8, 1.6])


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


# ----------------------------------------------------------------------------- exercise 1
def test_best_constant_accepts_every_form_of_0_1(capsys):
    for right in (0.1, 1 / 10, np.float32(0.1), np.array(0.1), 0.1001, np.linspace(0, 1, 1001)[100]):
        assert lesson04.check_best_constant(right), right
    assert not lesson04.check_best_constant(None)
    assert "not answered" in capsys.readouterr().out


@pytest.mark.parametrize("slip, words", [
    (0.0, "move c up"), (0.5, "move c down"), (1 / 9, "move c down"), (0.105, "close"), (0.095, "close"),
])
def test_best_constant_names_the_direction_not_the_answer(slip, words, capsys):
    assert not lesson04.check_best_constant(slip)
    out = capsys.readouterr().out
    assert words in out and not re.search(r"\b0\.1\b(?!\d)", out)          # never the answer itself


def test_the_best_constant_is_where_the_lazy_cost_is_lowest():
    labels = load_mnist().y_test[:100]
    c = np.linspace(0, 1, 2001)[:, None, None]
    targets = np.eye(10)[labels]
    costs = np.mean(np.sum((c - targets) ** 2, axis=2), axis=1)
    assert np.isclose(c.ravel()[np.argmin(costs)], 0.1) and np.isclose(costs.min(), 0.9)


def test_lazy_accuracy(capsys):
    labels = load_mnist().y_test[:100]
    assert np.sum(labels == 0) == 8                          # np.argmax of a ten-way tie is 0: 8 right
    for right in (0.08, 8, 8.0, np.int64(8), np.float64(0.08)):
        assert lesson04.check_lazy_accuracy(right), right
    for slip, words in [(0.1, "np.argmax"), (10, "np.argmax"), (0.11, "count the images"), (150, "cannot be")]:
        assert not lesson04.check_lazy_accuracy(slip)
        assert words in capsys.readouterr().out


# ----------------------------------------------------------------------------- exercise 2
def test_bowl_gradient(capsys):
    for right in ([-1.0, 4.0], (-1, 4), np.array([-1.0, 4.0]), np.array([-1, 4])):
        assert lesson04.check_bowl_gradient(right)
    p = np.array([-2.0, 3.0])
    assert np.allclose(numerical_gradient(lambda: p[0] ** 2 + p[0] * p[1] + p[1] ** 2, p), [-1.0, 4.0], atol=1e-6)
    # the natural mistake: a function that does not read the array being nudged
    lost = numerical_gradient(lambda: (-2.0) ** 2 + (-2.0) * 3.0 + 3.0 ** 2, p)
    assert np.allclose(lost, 0)
    for slip, words in [(lost, "does not read"), ([1.0, -4.0], "negative gradient"), ([4.0, -1.0], "swapped"),
                        ([-4.0, 6.0], "x y depends on both"), ([-6.0, 3.0], "section 4's bowl"),
                        ([2.0, 2.0], "holding y fixed")]:
        assert not lesson04.check_bowl_gradient(np.array(slip))
        out = capsys.readouterr().out
        assert words in out and "= y" not in out
    assert not lesson04.check_bowl_gradient([-1.0, 4.0, 0.0])
    assert not lesson04.check_bowl_gradient(None)


def test_tilted_limit_check(capsys):
    """Independently: walks on x^2 + x y + y^2 converge just below 2/3 and diverge just above it."""
    hessian = np.array([[2.0, 1.0], [1.0, 2.0]])
    assert np.allclose(np.linalg.eigvalsh(hessian), [1.0, 3.0])
    for rate, grows in ((0.66, False), (0.674, True)):
        p = np.array([-2.0, 3.0])
        for _ in range(300):
            p = p - rate * hessian @ p
        assert (np.linalg.norm(p) > 3.7) == grows, rate
    for right in (2 / 3, 0.667, 0.66, 0.67, np.float32(2 / 3), np.array(2 / 3)):
        assert lesson04.check_tilted_limit(right), right
    capsys.readouterr()
    for slip, words in [(1.0, "curvature along the x axis"), (0.5, "fastest rate"), (0.9, "Do not search"),
                        (0.3, "Do not search"), (0.001, "Do not search"), (2.0, "flattest"), (1 / 3, "zig-zag"),
                        (-1, "positive"), ("0.6", "one number")]:
        assert not lesson04.check_tilted_limit(slip), slip
        out = capsys.readouterr().out
        assert words in out and "2/3" not in out and "0.667" not in out and "eigen" not in out, (slip, out)
        assert "lower" not in out and "higher" not in out, (slip, out)         # no direction to bisect with


# ----------------------------------------------------------------------------- exercise 3
def test_predicted_steps_check(capsys):
    """The prediction from the factor, ln(1e-6) / ln(1 - 0.1 k) = 25.5, against the walk (26 steps)."""
    k = lesson04.WAVY_CURVATURE
    assert 25 < np.log(1e-6) / np.log(1 - 0.1 * k) < 26
    path = gradient_descent(wavy_slope, lesson04.WAVY_BOTTOM + 0.01, 0.1, 100, tolerance=0).path
    assert int(np.argmax(np.abs(path - lesson04.WAVY_BOTTOM) < 1e-8)) == 26
    for right in (26, 25.45, 25, 27, np.int64(26), np.array(26.0)):
        assert lesson04.check_predicted_steps(right), right
    capsys.readouterr()
    for slip, words in [(6, "the rate itself"), (10, "needs far more"), (60, "needs far fewer"), (20, "Solve"),
                        (30, "Solve"), (0, "takes some"),
                        ("26", "one number")]:
        assert not lesson04.check_predicted_steps(slip), slip
        out = capsys.readouterr().out
        assert words in out and "26" not in out and "0.581" not in out, (slip, out)


def test_fastest_rate_is_one_over_the_curvature():
    """Independently: the valley's bottom by bisection, its curvature by finite differences of the slope, and the
    rate whose step beside the bottom shrinks the distance most, by a scan."""
    low, high = -1.0, -0.5
    for _ in range(100):
        middle = (low + high) / 2
        low, high = (middle, high) if wavy_slope(middle) < 0 else (low, middle)
    bottom = (low + high) / 2
    curvature = (wavy_slope(bottom + 1e-5) - wavy_slope(bottom - 1e-5)) / 2e-5
    assert np.isclose(bottom, lesson04.WAVY_BOTTOM) and np.isclose(curvature, lesson04.WAVY_CURVATURE, rtol=1e-8)
    rates = np.linspace(0.05, 0.45, 4001)
    beside = bottom + 1e-4
    factors = (beside - rates * wavy_slope(beside) - bottom) / 1e-4
    np.testing.assert_allclose(factors, 1 - rates * curvature, atol=1e-3)        # the derivation's factor 1 - ηk
    assert abs(rates[np.argmin(np.abs(factors))] * curvature - 1) < 1e-3
    # the check accepts exactly the rates whose factor is at most 0.015 in size
    for rate in rates[::20]:
        accepted = lesson04.check_fastest_rate(rate)
        assert accepted == (abs(lesson04._factor_near_bottom(rate)) <= 0.015), rate


def test_twice_the_fastest_rate_settles_slowly():
    """At 2/k the linear factor is -1, but the walk still settles, slowly: this bottom sits next to the valley's most
    curved point (-π/4), so every swing averages a curvature below k."""
    k = lesson04.WAVY_CURVATURE
    assert abs(lesson04.WAVY_BOTTOM + np.pi / 4) < 0.04 and 0.2 - 4 * np.sin(2 * -np.pi / 4) > k
    path = gradient_descent(wavy_slope, -2.0, 2 / k, 4000, tolerance=0).path
    away = np.abs(path - lesson04.WAVY_BOTTOM)
    assert 0.05 < away[40] < 0.2 and away[4000] < away[400] < away[40] and away[4000] < 0.02
    assert 2.5 < away[400] / away[4000] < 4                          # about 1/√t: ten times the steps, a third


def test_fastest_rate_check(capsys):
    best = 1 / lesson04.WAVY_CURVATURE
    for right in (best, 0.2387, 0.24, 0.2375, 0.2352, np.float32(best), np.array(best), [best][0]):
        assert lesson04.check_fastest_rate(right), right
        out = capsys.readouterr().out
        assert "after 5 steps" in out or "after 6 steps" in out or "after 7 steps" in out
    for slip, words in [(0.1, "falls well short"), (0.4, "zig-zags"), (2 * best, "limit"), (0.5, "bowl"),
                        (1 / 4.098, "x = 2.243"), (0.2, "close"), (0.235, "close"), (0.245, "close"),
                        (0.29, "close"),
                        (0.52, "swinging"), (3.0, "another one"), (-0.1, "uphill"), (0, "positive"),
                        (1e5, "far too large"), (True, "one number"), ("0.24", "one number")]:
        assert not lesson04.check_fastest_rate(slip), slip
        out = capsys.readouterr().out
        assert words in out, (slip, out)
        assert "0.238" not in out and "4.19" not in out and "the best rate needs" not in out
        assert not re.search(r"by [+-]\d", out), (slip, out)                 # no factor value to interpolate k from
        if words == "close":
            assert "short" not in out and "overshoot" not in out, (slip, out)      # no direction near the answer


@pytest.mark.parametrize("check", [lesson04.check_best_constant, lesson04.check_lazy_accuracy,
                                   lesson04.check_bowl_gradient, lesson04.check_fastest_rate,
                                   lesson04.check_tilted_limit, lesson04.check_predicted_steps])
def test_lesson04_checks_never_raise(check, capsys):
    odd = [None, "2/3", b"x", [], [1, [2, 3]], (1, 2, 3), np.array("s"), np.array(4.87), np.nan, np.inf, 10 ** 400,
           True, 1e308, -1e308, 1j, np.ones(2, dtype=complex), np.ones((2, 4)), {}, lambda: 1, ([1, [2]], [1]),
           -np.inf, np.float32(np.nan)]
    for answer in odd:
        assert check(answer) in (True, False)


# ----------------------------------------------------------------------------- the facts the prose derives
def test_bowl_factors_zigzag_best_rate_and_limit():
    for rate in (0.02, 0.3, 0.5, 0.7, 2 / 3):
        path = gradient_descent(bowl_gradient, START, rate, 30, tolerance=0).path
        t = np.arange(31)
        np.testing.assert_allclose(path[:, 0], START[0] * (1 - 3 * rate) ** t)
        np.testing.assert_allclose(path[:, 1], START[1] * (1 - rate) ** t)
    x_signs = lambda rate: np.sign(gradient_descent(bowl_gradient, START, rate, 5, tolerance=0).path[:, 0])
    assert np.all(x_signs(0.33) == -1) and np.all(np.diff(x_signs(0.34)) != 0)        # zig-zag above 1/3
    def best_rate_after(n_steps, rates):
        costs = [bowl(gradient_descent(bowl_gradient, START, rate, n_steps, tolerance=0).point) for rate in rates]
        return rates[int(np.argmin(costs))]
    # from this start a hair below 0.5 leads, and the best rate creeps toward 0.5 as the walk gets longer
    assert best_rate_after(30, np.round(np.arange(0.490, 0.500, 0.0001), 4)) == pytest.approx(0.4949)
    assert best_rate_after(100, np.round(np.arange(0.495, 0.502, 0.0001), 4)) == pytest.approx(0.4985)
    assert abs(gradient_descent(bowl_gradient, START, 2 / 3 - 1e-3, 3000, tolerance=0).point[0]) < 1e-3
    assert abs(gradient_descent(bowl_gradient, START, 2 / 3 + 1e-3, 3000, tolerance=0).point[0]) > 1e3


def test_wavy_swings_just_above_its_limit():
    bottom = gradient_descent(wavy_slope, 1.5, 0.1, 500, tolerance=0).point
    curvature = 0.2 - 4 * np.sin(2 * bottom)
    assert 0.48 < 2 / curvature < 0.5
    path = gradient_descent(wavy_slope, 1.5, 0.5, 400, tolerance=0).path
    assert np.allclose(path[-1], path[-3]) and np.allclose(path[-2], path[-4]) and abs(path[-1] - path[-2]) > 0.3
    assert min(path[-2:]) < bottom < max(path[-2:])
    low, high = sorted(path[-2:])                    # a two-point swing: its average curvature is exactly 2/η
    assert (wavy_slope(high) - wavy_slope(low)) / (high - low) == pytest.approx(2 / 0.5, abs=1e-6)
    assert 0.2 - 4 * np.sin(2 * low) < 4 < curvature < 0.2 - 4 * np.sin(2 * high)
    assert np.allclose(gradient_descent(wavy_slope, 1.5, 0.45, 400, tolerance=0).point, bottom)


def test_either_side_of_two_over_k_one_walk_settles_and_one_swings():
    """Exercise 3's open part: 2% below 2/k the factor is -0.96 and the walk from -2.0 settles; 2% above it settles
    on a swing whose average curvature is 2/η, whatever the rounding of the fastest rate."""
    k = lesson04.WAVY_CURVATURE
    below = gradient_descent(wavy_slope, -2.0, 0.98 * 2 / k, 4000, tolerance=0).path
    assert abs(below[-1] - lesson04.WAVY_BOTTOM) < 1e-9
    rate = 1.02 * 2 / k
    above = gradient_descent(wavy_slope, -2.0, rate, 4000, tolerance=0).path
    low, high = sorted(above[-2:])
    assert np.isclose(above[-1], above[-3]) and high - low > 0.3
    assert (wavy_slope(high) - wavy_slope(low)) / (high - low) == pytest.approx(2 / rate, abs=1e-6)
    factors = 1 - rate * (0.2 - 4 * np.sin(2 * np.array([low, high])))
    assert abs(np.prod(factors)) < 1                          # the swing attracts


def test_every_rate_above_one_half_costs_more_on_the_bowl():
    """Section 5: with 3A > B, dC_t/dη > 0 for every η > 0.5 (numerically, on a grid, for several t)."""
    a, b = 1.5 * START[0] ** 2, 0.5 * START[1] ** 2
    rates = np.linspace(0.5, 1.2, 7001)
    for t in (1, 3, 30, 100):
        cost = a * (1 - 3 * rates) ** (2 * t) + b * (1 - rates) ** (2 * t)
        assert np.all(np.diff(cost) > 0), t


# ----------------------------------------------------------------------------- figures
def test_nudge_sizes_by_layer_counts_zeros_and_the_half_share():
    layers = [np.array([0.0, 0.0, 1e-12, 1e-6, 0.01]), np.array([0.1, -0.05]), np.array([-0.3, 0.2, 1e-4])]
    ax = plot_nudge_sizes_by_layer(layers, title="t")
    assert ax.summary["zeros"] == [2, 0, 0]
    assert ax.summary["largest"] == pytest.approx([0.01, 0.1, 0.3])
    assert ax.summary["half"] == (1, pytest.approx(0.3))     # 0.09 of a squared length 0.1526
    assert ax.get_xscale() == "log" and ax.get_yscale() == "log" and len(ax.get_legend().get_texts()) == 3
    assert "2 exactly 0" in ax.get_legend().get_texts()[0].get_text()
    with pytest.raises(ValueError):
        plot_nudge_sizes_by_layer([np.zeros(3)])


def test_mark_gradient_starts_at_the_point_to_the_arrows_scale():
    ax = plot_contour(bowl, (-2, 2), (-2, 2))
    quiver = plot_gradient_arrows(bowl_gradient, (-2, 2), (-2, 2), n=7, ax=ax)
    arrow = mark_gradient(quiver, (1, 1), bowl_gradient)
    np.testing.assert_allclose(arrow.xyann, (1, 1))
    np.testing.assert_allclose(arrow.tip, np.array([1, 1]) + np.array([3, 1]) / quiver.scale)
    assert any("(3, 1)" in text.get_text() for text in ax.texts)


def test_every_gradient_arrow_stays_inside_the_frame():
    ax = plot_contour(bowl, (-2, 2), (-2, 2))
    quiver = plot_gradient_arrows(bowl_gradient, (-2, 2), (-2, 2), n=9, ax=ax, mark=(1, 1))
    points = quiver.get_offsets()
    g = np.column_stack([quiver.U.ravel(), quiver.V.ravel()])
    np.testing.assert_allclose(g, bowl_gradient(points))
    half = g / quiver.scale / 2                                   # arrows are centred on their points
    tips, tails = points + half, points - half
    assert len(points) == 81 and np.all(np.abs(tips) <= 2) and np.all(np.abs(tails) <= 2)
    assert np.max(np.hypot(*(tips - tails).T)) == pytest.approx(0.9 * 4 / 9)
    marked = [q for q in ax.collections if isinstance(q, type(quiver)) and q is not quiver]   # the mark's own arrow
    assert len(marked) == 1 and np.allclose([marked[0].U[0], marked[0].V[0]], bowl_gradient(np.array([1.0, 1.0])))
    assert marked[0].scale == quiver.scale and "∇C = (3, 1)" in ax.texts[-1].get_text()


def test_contour_colorbar_is_optional():
    ax = plot_contour(bowl, colorbar=True)
    assert len(ax.figure.axes) == 2 and ax.figure.axes[1].get_ylabel() == "cost"
    ax = plot_contour(bowl)
    assert len(ax.figure.axes) == 1


def test_a_walk_leaving_the_map_is_drawn_up_to_the_frame():
    path = gradient_descent(bowl_gradient, START, 0.7, 30, tolerance=0).path
    step, point = frame_exit(path, (-2, 2), (-2, 2))
    assert step == 2 and point[0] == pytest.approx(-2.0) and -2 < point[1] < 2
    ax = plot_contour(bowl)
    line = plot_path(path, ax, stop_at_frame=True)
    drawn = line.get_xydata()
    assert len(drawn) == 3 and np.all(np.abs(drawn) <= 2 + 1e-12)
    np.testing.assert_allclose(drawn[:2], path[:2])
    assert any("step 2" in text.get_text() for text in ax.texts)
    ax = plot_contour(bowl)
    np.testing.assert_allclose(plot_path(path, ax).get_xydata(), path)          # the default draws everything
    assert frame_exit(path[:2], (-2, 2), (-2, 2)) == (None, None)


def test_walks_on_maps_one_map_per_walk():
    walks = {f"rate {r}": gradient_descent(bowl_gradient, START, r, 30, tolerance=0).path for r in (0.02, 0.3, 0.5)}
    fig = plot_walks_on_maps(bowl, walks)
    shown = [ax for ax in fig.axes if ax.get_visible()]
    assert [ax.get_title() for ax in shown] == list(walks)
    for ax, colour in zip(shown, RATE_COLOURS):
        assert any(matplotlib.colors.same_color(line.get_color(), colour) for line in ax.get_lines())


def test_one_variable_walks_say_when_they_end_together():
    paths = [gradient_descent(wavy_slope, s, 0.1, 200).path for s in (-2.0, 0.5, 1.5)]
    ax = plot_descent_1d(wavy, paths)
    assert [t.get_text() for t in ax.texts] == ["2 walks end here"]


def test_directional_slopes_draw_the_derived_curve_and_the_measurements():
    angles = np.arange(0, 360, 10)
    gradient = np.array([3.0, 1.0])
    slopes = np.linalg.norm(gradient) * np.cos(np.radians(angles) - np.arctan2(1, 3))
    ax = plot_directional_slopes(angles, slopes, gradient)
    derived, measured = ax.get_lines()[:2]
    assert derived.get_ydata().max() == pytest.approx(np.sqrt(10), rel=1e-4)
    np.testing.assert_allclose(measured.get_ydata(), slopes)
    assert any("18.4°" in t.get_text() for t in ax.texts)


def test_surface_is_the_function_over_the_square():
    ax = plot_surface(bowl, (-2, 2), (-1, 1), resolution=21, title="bowl")
    assert ax.name == "3d" and ax.get_title() == "bowl" and ax.get_zlabel() == "cost"
    assert ax.get_xlim() == pytest.approx((-2, 2)) and ax.get_ylim() == pytest.approx((-1, 1))
    low, high = ax.get_zlim()
    assert high == pytest.approx(bowl(np.array([2.0, 1.0]))) and low < 0    # the contour floor lies below the bottom


def test_step_factors_legend_is_below_the_axes():
    ax = plot_step_factors((3, 1))
    ax.figure.canvas.draw()
    legend = ax.get_legend().get_window_extent()
    assert legend.y1 < ax.get_window_extent().y0                  # it covers no line, not the V's tip at 1/3


def test_step_factors_mark_zigzag_best_and_limit():
    ax = plot_step_factors((3, 1), rates=[0.3, 0.7])
    lines = ax.get_lines()
    eta = lines[1].get_xdata()
    x_line = next(line for line in lines if matplotlib.colors.same_color(line.get_color(), X_COLOUR))
    y_line = next(line for line in lines if matplotlib.colors.same_color(line.get_color(), Y_COLOUR))
    np.testing.assert_allclose(x_line.get_ydata(), np.abs(1 - 3 * eta))
    np.testing.assert_allclose(y_line.get_ydata(), np.abs(1 - eta))
    texts = " ".join(t.get_text() for t in ax.texts)
    assert "η = 0.333" in texts and "η = 0.5" in texts and "η = 0.667" in texts
    dots = [line for line in lines if line.get_marker() == "o"]
    assert [tuple(d.get_ydata()) for d in dots] == [(pytest.approx(0.7),), (pytest.approx(1.1),)]


def test_cost_curves_with_a_formula_and_colours():
    ax = plot_cost_curves({"a": [4.0, 2.0, 1.0]}, predicted={"a": [4.0, 2.0, 1.0]}, colours=RATE_COLOURS[1:])
    walked, formula = ax.get_lines()[:2]
    assert matplotlib.colors.same_color(walked.get_color(), RATE_COLOURS[1]) and formula.get_marker() == "o"
    assert "from the formula" in [t.get_text() for t in ax.get_legend().get_texts()]


def test_coordinates_reference_line():
    path = gradient_descent(wavy_slope, 1.5, 0.5, 40, tolerance=0).path
    (line,) = plot_coordinates(path[:, None], labels=("x",), reference=2.243)
    labels = [t.get_text() for t in line.axes.get_legend().get_texts()]
    assert labels == ["x", "the bottom, 2.243"]


# ----------------------------------------------------------------------------- the widget
def test_learning_rate_explorer_redraws_the_walk_of_its_sliders():
    explorer = LearningRateExplorer()
    assert explorer.learning_rate.description == "learning rate"
    assert explorer.n_steps.description == "number of steps"
    first = explorer.live.image.value
    explorer.learning_rate.value = 0.3
    explorer.n_steps.value = 12
    expected = gradient_descent(bowl_gradient, START, 0.3, 12, tolerance=0).path
    np.testing.assert_allclose(explorer.line.get_xydata(), expected)
    title = explorer.ax.get_title()
    assert "12 steps" in title and "x × +0.10, y × +0.70" in title
    assert explorer.live.image.value != first and bytes(explorer.live.image.value).startswith(b"\x89PNG")


def test_learning_rate_explorer_stops_a_runaway_walk_at_the_frame():
    explorer = LearningRateExplorer()
    explorer.learning_rate.value = 1.0
    explorer.n_steps.value = 40
    drawn = explorer.line.get_xydata()
    assert np.all(np.abs(drawn) <= 2 + 1e-12) and "left the map at step 1" in explorer.ax.get_title()
    assert len(explorer.exit_marker.get_xdata()) == 1


def test_learning_rate_explorer_factors_only_for_a_known_bowl():
    tilted = LearningRateExplorer(function=lambda p: bowl(p) + 0.1, gradient=bowl_gradient)
    assert "one step" not in tilted.ax.get_title()
    with pytest.raises(ValueError, match="curvatures"):
        LearningRateExplorer(curvatures=(1.0, 2.0, 3.0))


def test_the_tilted_bowl_has_curvatures_3_and_1_along_its_diagonals():
    """Section 5's remark: x^2 + xy + y^2 curves by 2 along x, but by 3 and 1 along its own axes, the diagonals,
    so its learning-rate limit is 2/3, not 1."""
    tilted = lambda p: p[..., 0] ** 2 + p[..., 0] * p[..., 1] + p[..., 1] ** 2
    tilted_gradient = lambda p: np.stack([2 * p[..., 0] + p[..., 1], p[..., 0] + 2 * p[..., 1]], axis=-1)
    for direction, curvature in (((1, 1), 3.0), ((1, -1), 1.0), ((1, 0), 2.0)):
        u = np.array(direction, dtype=float) / np.linalg.norm(direction)
        t = 1e-3
        second = (tilted(t * u) - 2 * tilted(0 * u) + tilted(-t * u)) / t ** 2
        assert second == pytest.approx(curvature, rel=1e-6)
    assert abs(gradient_descent(tilted_gradient, [1.0, 0.5], 0.6, 500, tolerance=0).point).max() < 1e-6
    assert abs(gradient_descent(tilted_gradient, [1.0, 0.5], 0.7, 500, tolerance=0).point).max() > 1e3


def test_fast_cost_curves_label_powers_of_ten_as_plain_text():
    from nnlib.plots.descent import _power_of_ten
    assert _power_of_ten(1e-18) == "10⁻¹⁸" and _power_of_ten(1000.0) == "10³" and _power_of_ten(1.0) == "10⁰"
    assert _power_of_ten(0.5) == "0.5" and _power_of_ten(0.0) == "0"
    ax = plot_cost_curves({"a": [1e3, 1.0, 1e-9]}, fast=True)
    plt.gcf().canvas.draw()
    labels = [t.get_text() for t in ax.get_yticklabels() if t.get_text()]
    assert labels and all("$" not in text for text in labels) and not ax.yaxis.get_minorticklocs().size


def test_surface_labels_only_the_heights_the_function_takes():
    ax = plot_surface(bowl, (-2, 2), (-2, 2), resolution=21)
    low, high = ax.get_zlim()
    assert low < 0 and min(ax.get_zticks()) >= 0 and max(ax.get_zticks()) <= high


def test_cost_slice_draws_the_measured_cost_and_its_tangent_line_down_to_zero():
    from nnlib.plots.descent import plot_cost_slice
    rates = np.linspace(0.5, 6, 12)
    costs = 4 - 3 * (1 - np.exp(-rates / 2))                 # bends up: above its tangent 4 - 1.5 η
    ax = plot_cost_slice(rates, costs, 4.0, 1.5, title="slice")
    measured, tangent = ax.lines[0], ax.lines[1]
    np.testing.assert_allclose(measured.get_xdata(), np.concatenate([[0], rates]))
    np.testing.assert_allclose(measured.get_ydata(), np.concatenate([[4.0], costs]))
    np.testing.assert_allclose(tangent.get_xdata(), [0, 4 / 1.5])
    np.testing.assert_allclose(tangent.get_ydata(), [4.0, 0.0], atol=1e-12)
    assert ax.get_ylim()[0] == 0 and ax.get_title() == "slice"


def test_averaged_gradient_step_falls_as_predicted_for_small_rates():
    from nnlib import Network
    mnist = load_mnist()
    x, labels = mnist.x_train[:2000], mnist.y_train[:2000]
    for seed in (3, 4):
        net = Network([784, 16, 16, 10], seed=seed, dtype=np.float64)
        g = net.gradients(x, labels)
        squared, before = np.sum(g.as_vector() ** 2), net.cost(x, labels)
        errors = []
        for rate in (0.5, 0.05):
            moved = net.copy()
            moved.step(g, learning_rate=rate)
            errors.append(abs(1 - (moved.cost(x, labels) - before) / (-rate * squared)))
        assert errors[1] < 0.02 and errors[1] < errors[0]


def _walk(f_prime, x0, rate, steps, sign=-1):
    path = [np.asarray(x0, dtype=float)]
    for _ in range(steps):
        path.append(path[-1] + sign * rate * f_prime(path[-1]))
    return path


def _in_place(f_prime, x0, rate, steps):
    point = np.array(x0, dtype=float)
    path = [point]
    for _ in range(steps):
        point -= rate * f_prime(point)
        path.append(point)
    return path


@pytest.mark.parametrize("descend, words", [
    (lambda f, x0, r, n: _walk(f, x0, r, n)[1:], "leaves out the start"),
    (lambda f, x0, r, n: _walk(f, x0, r, n, sign=+1), "uphill"),
    (_in_place, "in place"),
    (lambda f, x0, r, n: _walk(f, x0, r, n)[-1], "one point"),
    (lambda f, x0, r, n: None, "returns None"),
    (lambda f, x0, r, n: _walk(f, x0, r / 2, n), "point 1"),
])
def test_descend_check_names_the_slip(descend, words, capsys):
    assert lesson04.check_descend(descend) is False
    assert words in capsys.readouterr().out


def test_descend_check_accepts_a_path_an_array_or_a_point_and_path(capsys):
    assert lesson04.check_descend(_walk)
    assert lesson04.check_descend(lambda f, x0, r, n: np.array(_walk(f, x0, r, n)))
    assert lesson04.check_descend(lambda f, x0, r, n: (_walk(f, x0, r, n)[-1], _walk(f, x0, r, n)))


def test_wavy_swings_through_2_4_8_points_then_never_repeats():
    def period(path):
        tail = path[-64:]
        return next((p for p in range(1, 33) if np.allclose(tail[p:], tail[:-p], atol=1e-6)), None)
    found = [period(gradient_descent(wavy_slope, 1.5, learning_rate=rate, n_steps=6000, tolerance=0).path)
             for rate in (0.5, 0.65, 0.68, 0.75)]
    assert found == [2, 4, 8, None]
