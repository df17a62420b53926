"""Lesson 2 (weights and biases): its exercise checks, its figures and its two-pixel widget."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from nnlib import Network, load_mnist  # noqa: E402
from nnlib.activations import sigmoid  # noqa: E402
from nnlib.exercises import lesson02  # noqa: E402
from nnlib.plots.curves import plot_bias_shift, plot_neuron_curves  # noqa: E402
from nnlib.plots.digits import plot_detector_sums, show_detector, show_templates, show_weighted_sums  # noqa: E402
from nnlib.widgets.neuron import TwoPixelNeuronWidget  # noqa: E402


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def _count(sizes):                      # written independently of the check
    total = 0
    for k in range(len(sizes) - 1):
        total += sizes[k] * sizes[k + 1] + sizes[k + 1]
    return total


# ----------------------------------------------------------------------------------------- exercise checks
def test_side_neuron_accepts_every_correct_form(capsys):
    for answer in [(-4, 14), (-4.0, 14.0), [np.float64(-4), np.float32(14)], np.array([-4.0, 14.0])]:
        assert lesson02.check_side_neuron(answer), answer


def test_side_neuron_names_each_mistake(capsys):
    assert not lesson02.check_side_neuron((4, -14))                 # on above 3.5: the wrong side
    out = capsys.readouterr().out
    assert "on ABOVE" in out and "-4" not in out                    # names the mistake, not the answer
    assert not lesson02.check_side_neuron((-4, -14))                # the sign of b
    assert "x = -b/w = -3.5" in capsys.readouterr().out
    assert not lesson02.check_side_neuron((-2, 7))                  # right side and point, wrong steepness
    assert "|w| should be 4" in capsys.readouterr().out
    assert not lesson02.check_side_neuron((0, 1))
    assert "does not depend on x" in capsys.readouterr().out
    assert not lesson02.check_side_neuron(14)


def _section_2_detector(rows_down=0):      # written independently of the check
    w = np.zeros((28, 28))
    w[5 + rows_down:12 + rows_down, 8:22] = -1.0
    w[7 + rows_down:10 + rows_down, 9:21] = 1.0
    return w


def test_better_detector_accepts_the_detector_one_row_down_in_every_form(capsys):
    w = _section_2_detector(1)
    mnist = load_mnist()
    sums = mnist.x_train.astype(np.float64) @ w.ravel()
    threshold = np.quantile(sums[mnist.y_train == 7], 1 - 0.318)        # the same recall as the detector in section 4
    assert lesson02.check_better_detector((w, -threshold))
    assert lesson02.check_better_detector((w.ravel().tolist(), np.float32(-threshold)))
    assert lesson02.check_better_detector([w.astype(int), np.array([-threshold])])
    assert "measured on the 60,000 training images" in capsys.readouterr().out


def test_better_detector_names_each_mistake_without_the_answer(capsys):
    assert not lesson02.check_better_detector((_section_2_detector(), -10.0))     # not moved
    out = capsys.readouterr().out
    assert "unchanged" in out and "row 8" not in out and "Move" not in out
    assert not lesson02.check_better_detector((_section_2_detector(1), 9.5))      # the sign of the bias
    out = capsys.readouterr().out
    assert "the bias must be -t" in out and "more negative" in out
    assert not lesson02.check_better_detector((_section_2_detector(1), -20.0))    # too strict: recall too low
    assert "less negative" in capsys.readouterr().out
    assert not lesson02.check_better_detector((_section_2_detector(3), -3.0))     # moved too far
    out = capsys.readouterr().out
    assert "no bias makes these weights" in out and "one row" not in out
    assert not lesson02.check_better_detector((np.full(784, 0.5), -3.0))
    assert "only the weights -1, 0" in capsys.readouterr().out


def test_count_parameters(capsys):
    assert lesson02.check_count_parameters(_count)
    assert lesson02.check_count_parameters(lambda sizes: Network(sizes).n_parameters)   # nnlib agrees
    assert lesson02.check_count_parameters(lambda sizes: np.int64(_count(sizes)))       # numpy ints are ints
    assert not lesson02.check_count_parameters(lambda s: sum(i * o for i, o in zip(s[:-1], s[1:])))
    assert "only the weights" in capsys.readouterr().out
    assert not lesson02.check_count_parameters(lambda s: _count(s) + s[0])
    assert "input neurons" in capsys.readouterr().out
    assert not lesson02.check_count_parameters(lambda s: float(_count(s)))
    assert "int(...)" in capsys.readouterr().out
    assert not lesson02.check_count_parameters(lambda s: 13_002)                         # right for one network
    out = capsys.readouterr().out
    assert "[784, 30, 10]" in out and "23,860" not in out              # names the case, not the answer
    assert not lesson02.check_count_parameters(23_860)
    assert "function" in capsys.readouterr().out


def test_majority_neuron_accepts_every_correct_form(capsys):
    for answer in [(10, 10, 10, -15), [10.0, 10.0, 10.0, -15.0], np.array([10, 10, 10, -15]),
                   np.array([8.0, 8.0, 8.0, -12.0], dtype=np.float32), (1e6, 1e6, 1e6, -1.5e6),
                   (12, 10, 11, -16), (np.float64(20), 20, 20, -30)]:          # unequal weights can work too
        assert lesson02.check_majority_neuron(answer), answer
    capsys.readouterr()


def test_majority_neuron_names_each_mistake_without_the_answer(capsys):
    cases = [((10, 10, 10, -5), "an OR"), ((10, 10, 10, -25), "AND of all three"),
             ((10, 10, 10, 5), "no pixel lit"), ((0, 0, 0, -3), "all three weights 0"),
             ((1, 1, 1, -1.5), "scale the weights"), ((10, 10, 10, -20), "boundary"),
             ((5, 5, 20, -12), "single lit pixel"), ((10, 10, 10), "4 numbers")]
    for answer, phrase in cases:
        assert not lesson02.check_majority_neuron(answer), answer
        out = capsys.readouterr().out
        assert phrase in out, (answer, out)
        assert "-15" not in out and "1.5" not in out and "between" not in out, (answer, out)


def test_majority_neuron_never_says_scale_up_to_an_image_on_the_boundary(capsys):
    for factor in (1, 10, 1000):
        for answer in [(1, 1, 1, -1), (1, 1, 1, -2), (1, 1, 1, -1.0005), (2, 2, 2, -3.9999)]:
            assert not lesson02.check_majority_neuron(tuple(factor * v for v in answer))
            out = capsys.readouterr().out
            assert "scale the weights" not in out and "boundary" in out, (factor, answer)
    answer, hints = (1.0, 1.0, 1.0, -1.5), 0
    while not lesson02.check_majority_neuron(answer):          # following the hint ends in a right answer
        assert "scale the weights" in capsys.readouterr().out
        answer, hints = tuple(2 * v for v in answer), hints + 1
        assert hints < 10


def _bar_detector():
    one = np.zeros((28, 28))
    one[4:24, 9:19] = -1.0
    one[4:24, 12:16] = 1.0
    return one


def test_one_detector_accepts_hand_built_weights_in_every_form(capsys):
    assert lesson02.check_one_detector((_bar_detector(), -20.0))
    assert lesson02.check_one_detector((_bar_detector().ravel().tolist(), np.float32(-20)))   # a list, a numpy bias
    assert lesson02.check_one_detector((_bar_detector().astype(int), -19.5))
    assert "measured on the 60,000 training images" in capsys.readouterr().out


def test_one_detector_wants_a_hand_built_template(capsys):
    mnist = load_mnist()
    ones = mnist.y_train == 1
    template = mnist.x_train[ones].mean(axis=0) - mnist.x_train.mean(axis=0)
    assert not lesson02.check_one_detector((template.reshape(28, 28), -2))
    assert "only the weights -1, 0 and +1" in capsys.readouterr().out


def test_one_detector_measures_what_it_says():
    mnist = load_mnist()
    w, bias = _bar_detector(), -20.0
    on = mnist.x_train.astype(np.float64) @ w.ravel() + bias > 0          # independently, in float64
    ones = mnist.y_train == 1
    stats = lesson02.detector_stats(w, bias)
    assert stats["on"] == on.sum() and stats["hits"] == np.sum(on & ones) and stats["total"] == ones.sum()


def test_one_detector_names_each_mistake(capsys):
    w = _bar_detector()
    assert not lesson02.check_one_detector((w, -10.0))        # these weights work, the threshold is too low
    assert "make the bias more negative" in capsys.readouterr().out
    assert not lesson02.check_one_detector((w, -60.0))        # too high
    assert "make the bias less negative" in capsys.readouterr().out
    bar_only = np.where(w > 0, w, 0)
    assert not lesson02.check_one_detector((bar_only, -30.0))  # no negative weights: no bias can make it work
    assert "none of them is negative" in capsys.readouterr().out
    narrow = np.zeros((28, 28))
    narrow[4:24, 13:15], narrow[4:24, 11:13], narrow[4:24, 15:17] = 1, -1, -1
    assert not lesson02.check_one_detector((narrow, 0.0))
    assert "no bias makes these weights work" in capsys.readouterr().out
    for bad in [(np.zeros(10), 1.0), (w, "a"), (np.full(784, np.nan), 0.0), ([[1], [2, 3]], 0.0), w]:
        assert not lesson02.check_one_detector(bad)
        assert capsys.readouterr().out.strip()


# ----------------------------------------------------------------------------------------- figures
def test_show_detector_labels_the_rows_and_columns_of_its_weights():
    w = np.zeros((28, 28))
    w[5:12, 8:22] = -1
    w[7:10, 9:21] = 1
    shown = show_detector(w, title="detector")
    ax = shown.axes
    assert list(ax.get_yticks()) == list(range(5, 12)) and list(ax.get_xticks()) == list(range(8, 22))
    assert shown.get_clim() == (-1.0, 1.0)


def test_show_weighted_sums_draws_one_row_per_detector_and_the_window():
    rng = np.random.default_rng(0)
    images = rng.uniform(size=(3, 784))
    w1, w2 = rng.normal(size=784), rng.normal(size=784)
    fig, sums = show_weighted_sums({"one": w1, "two": w2}, images, labels=[7, 1, 2], window=((5, 11), (8, 21)))
    assert set(sums) == {"one", "two"} and np.allclose(sums["two"], images @ w2)
    assert len(fig.axes) == 3 and len(fig.axes[0].patches) == 3                # digits + 2 rows; a box per digit
    assert len(fig.axes[1].patches) == 6                                      # each product tile: its frame and the box
    assert fig.axes[0].get_ylabel() == "the digits" and "blue" in fig._supxlabel.get_text()
    assert [t.get_text() for t in fig.axes[2].texts] == [f"sum = {v:.1f}" for v in sums["two"]]
    assert [t.get_text() for t in fig.axes[0].texts] == ["a 7", "a 1", "a 2"]
    fig, single = show_weighted_sums(w1, images)                            # one array: one row, an array back
    assert np.allclose(single, images @ w1) and len(fig.axes) == 2
    with pytest.raises(ValueError):
        show_weighted_sums(w1, np.zeros((2, 100)))


def test_show_weighted_sums_can_crop_the_products_to_the_window():
    rng = np.random.default_rng(1)
    images, w = rng.uniform(size=(3, 784)), rng.normal(size=784)
    fig, sums = show_weighted_sums({"w": w}, images, crop=((5, 11), (8, 21)), window=((5, 11), (8, 21)))
    assert np.allclose(sums["w"], images @ w)                                 # still the sum over all 784 pixels
    shown = fig.axes[1].images
    assert len(shown) == 3 and all(im.get_array().shape == (7, 14) for im in shown)
    assert np.allclose(shown[1].get_array(), (images[1] * w).reshape(28, 28)[5:12, 8:22])
    left, right, bottom, top = shown[1].get_extent()
    assert right - left == 28 and bottom - top == 14                        # as wide as a digit: twice as large
    assert len(fig.axes[1].patches) == 3 and len(fig.axes[0].patches) == 3  # a frame per tile; the box on the digits
    with pytest.raises(ValueError):
        show_weighted_sums(w, images, crop=((5, 30), (8, 21)))


def test_plot_detector_sums_draws_each_class_as_a_share_of_its_own_images():
    sums = np.array([1.0, 2.0, 2.5, 8.0, 9.0])
    labels = np.array([3, 3, 7, 7, 1])
    fig = plot_detector_sums({"a": sums, "b": -sums}, labels, digit=7, bins=np.arange(-10, 11),
                             thresholds={"a": [(5.0, "five")]})
    ax = fig.axes[0]
    bins = np.arange(-10, 11)
    outlines = [patch for patch in ax.patches if not patch.get_fill()]
    others, sevens = (patch.get_data().values for patch in outlines)
    assert np.allclose(others, np.histogram(sums[labels != 7], bins)[0] / 3)
    assert np.allclose(sevens, np.histogram(sums[labels == 7], bins)[0] / 2)
    assert np.isclose(others.sum(), 1) and np.isclose(sevens.sum(), 1)
    assert any(line.get_xdata()[0] == 5.0 for line in ax.lines)
    assert "five" in [t.get_text() for t in ax.get_legend().get_texts()]


def test_show_templates_gives_each_its_own_scale():
    small, large = np.linspace(-0.1, 0.1, 784), np.linspace(-3, 3, 784)
    fig = show_templates({"small": small, "large": large})
    scales = [ax.images[0].get_clim() for ax in fig.axes if ax.images]
    assert scales == [(-0.1, 0.1), (-3.0, 3.0)]


def test_neuron_curves_say_on_which_side_and_share_a_marker():
    lines = plot_neuron_curves([(2, -10), (-1, 5)], x=np.linspace(-10, 10, 21))
    assert "on above x = 5" in lines[0].get_label() and "on below x = 5" in lines[1].get_label()
    ax = lines[0].axes
    markers = [line for line in ax.lines if line.get_marker() == "o"]
    assert len(markers) == 1 and any("both" in t.get_text() for t in ax.texts)


def test_bias_shift_draws_each_setting():
    fig, lines = plot_bias_shift([(1, -10), (-1, -5)], x=np.linspace(-20, 20, 81))
    assert np.allclose(lines[1].get_ydata(), sigmoid(-np.linspace(-20, 20, 81) - 5))


# ----------------------------------------------------------------------------------------- widget
def test_two_pixel_widget_draws_its_values_and_corner_outputs():
    widget = TwoPixelNeuronWidget(weight1=4.0, weight2=4.0, bias=-2.0)
    assert "w1 = 4.0, w2 = 4.0, b = \u22122.0" in widget._title.get_text()
    assert [label.get_text() for label in widget._corner_labels] == ["0.12", "0.88", "0.88", "1.00"]
    widget.weight2_slider.value = -3.0
    assert "w2 = \u22123.0" in widget._title.get_text()
    assert widget._corner_labels[2].get_text() == f"{float(sigmoid(-5.0)):.2f}"


# ----------------------------------------------------------------------------------------- odd answers
class _Unreadable:
    def __float__(self):
        raise ValueError("no float here")


def _fails(*args):
    raise RuntimeError("boom")


ODD_ANSWERS = [None, "7", b"x", [], [1, 2], [[1, 2], [3]], (1, 2, 3), np.zeros((2, 3)), np.array("s"), np.nan, np.inf,
               10 ** 400, True, 1e308, 1j, {"a": 1}, _fails, lambda *args: None, lambda *args: [1, [2]],
               lambda *args: 1 / 0, _Unreadable(), (_Unreadable(), 1), (np.nan, "below"), (1e300, -3e300),
               (1e308, 1e308, -1e308), (np.ones((2, 4)), "b"), ([1, [2]], [1]), np.float32(2 / 3),
               np.array([0.0, 0.0]),
               (np.zeros(784), np.nan), (np.zeros((28, 28)), True), (np.zeros(784, dtype=complex), 0.0)]


@pytest.mark.parametrize("check", [lesson02.check_side_neuron, lesson02.check_better_detector,
                                   lesson02.check_count_parameters,
                                   lesson02.check_majority_neuron,
                                   lesson02.check_one_detector])
def test_lesson02_checks_answer_odd_answers_with_a_message(check, capsys):
    for answer in ODD_ANSWERS:
        assert check(answer) is False, answer
        assert capsys.readouterr().out.strip()


@pytest.mark.parametrize("check, digit", [(lesson02.check_better_detector, 7), (lesson02.check_one_detector, 1)])
def test_hand_built_checks_refuse_the_sign_of_the_data_template(check, digit, capsys):
    mnist = load_mnist()
    x, y = mnist.x_train, mnist.y_train
    copied = np.sign(x[y == digit].mean(axis=0) - x.mean(axis=0))      # -1/0/+1, but copied from the data
    assert not check((copied, -float(np.quantile((x @ copied)[y == digit], 0.5))))
    out = capsys.readouterr().out
    assert "one filled bar" in out and "measured" not in out and "row 8" not in out


def test_hand_built_checks_name_a_broken_bar_and_a_frame_too_far_away(capsys):
    gappy = _section_2_detector(1)
    gappy[9, 14] = 0                                                    # a hole in the bar
    assert not lesson02.check_better_detector((gappy, -9.5))
    assert "one filled bar" in capsys.readouterr().out
    far = _section_2_detector(1)
    far[20, 2] = -1                                                     # a -1 far from the bar
    assert not lesson02.check_better_detector((far, -9.5))
    out = capsys.readouterr().out
    assert "only around the bar" in out and "1 of yours" in out
    assert not lesson02.check_one_detector((np.zeros((28, 28)) - (np.arange(784) % 2).reshape(28, 28), -1.0))
    assert "no +1 weight" in capsys.readouterr().out
