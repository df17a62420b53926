"""Lesson 5's own functions: its exercise checks (what they accept and what they say), its figures and its
live training monitor."""

import math

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from nnlib.exercises import lesson05  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


# ----------------------------------------------------------------------------- exercise 1
def test_per_digit_accuracy(capsys):
    labels, predictions = np.arange(10).repeat(2), np.arange(10).repeat(2)
    predictions[1] = 5                                             # one 0 taken for a 5
    right = np.array([0.5] + [1.0] * 9)
    assert lesson05.check_per_digit_accuracy(right, labels, predictions)
    assert not lesson05.check_per_digit_accuracy(100 * right, labels, predictions)
    assert "percentages" in capsys.readouterr().out
    by_guess = np.array([1.0, 1, 1, 1, 1, 2 / 3, 1, 1, 1, 1])
    assert not lesson05.check_per_digit_accuracy(by_guess, labels, predictions)
    assert "guessed" in capsys.readouterr().out
    assert lesson05.check_per_digit_accuracy(np.round(right + 0.004, 2), labels, predictions)   # rounded: right
    assert not lesson05.check_per_digit_accuracy(np.array([1.0] + [2.0] * 9), labels, predictions)
    assert not lesson05.check_per_digit_accuracy(right[:9], labels, predictions)
    assert not lesson05.check_per_digit_accuracy(None, labels, predictions)


def test_per_digit_accuracy_says_so_when_a_digit_is_missing(capsys):
    labels = predictions = np.array([0, 1, 2])
    assert not lesson05.check_per_digit_accuracy(np.ones(10), labels, predictions)
    assert "never occurs" in capsys.readouterr().out


def _uneven_labels():
    """Digit 1 occurs 100 times with 10 mistakes (90% right); digit 7 occurs 10 times with 5 (50% right)."""
    labels = np.concatenate([np.full(100, 1), np.full(10, 7)] + [np.full(20, d) for d in (0, 2, 3, 4, 5, 6, 8, 9)])
    predictions = labels.copy()
    predictions[:10] = 4
    predictions[100:105] = 1
    return labels, predictions


def test_hardest_digit_accepts_every_whole_number_form_and_names_the_mistakes(capsys):
    labels, predictions = _uneven_labels()
    for answer in (7, np.int64(7), 7.0, np.float32(7)):
        assert lesson05.check_hardest_digit(answer, labels, predictions), answer
    capsys.readouterr()
    assert not lesson05.check_hardest_digit(1, labels, predictions)           # most mistakes in number
    assert "compare the fractions" in capsys.readouterr().out
    assert not lesson05.check_hardest_digit(0, labels, predictions)           # one of the easiest
    assert "easiest" in capsys.readouterr().out
    for odd in (7.5, True, 12, -1, "7", [7]):
        assert not lesson05.check_hardest_digit(odd, labels, predictions)


# ----------------------------------------------------------------------------- exercise 2
@pytest.fixture
def line():
    from nnlib.descent import line_data
    x, y = line_data(5_000, slope=2.0, intercept=1.0, seed=0, x_mean=1.0)
    return x, y, np.array([-1.0, -2.0])


def _smallest_batch(x, y, start):
    residuals = start[0] * x + start[1] - y
    per_point = np.stack([2 * residuals * x, 2 * residuals], axis=1)
    true = per_point.mean(axis=0)
    sigma = np.sqrt(np.mean(np.sum((per_point - true) ** 2, axis=1)))
    return sigma, np.linalg.norm(true), math.ceil((sigma / (0.1 * np.linalg.norm(true))) ** 2)


def test_batch_size_accepts_the_smallest_and_explains_the_rest(line, capsys):
    x, y, start = line
    sigma, length, smallest = _smallest_batch(x, y, start)
    assert lesson05.check_batch_size(smallest, x, y, start)
    assert lesson05.check_batch_size(float(smallest), x, y, start)
    assert lesson05.check_batch_size(np.int64(smallest), x, y, start)
    assert lesson05.check_batch_size(np.array(smallest), x, y, start)
    capsys.readouterr()
    assert not lesson05.check_batch_size(round(sigma / (0.1 * length)), x, y, start)    # the 1/B slip
    assert "1/√B" in capsys.readouterr().out
    assert not lesson05.check_batch_size(smallest - 1, x, y, start)
    assert "round" in capsys.readouterr().out
    assert not lesson05.check_batch_size(2 * smallest, x, y, start)
    assert "smaller" in capsys.readouterr().out
    for odd in (0, -5, 12.5, True, "123"):
        assert not lesson05.check_batch_size(odd, x, y, start)


# ----------------------------------------------------------------------------- exercise 3
@pytest.fixture
def images():
    rng = np.random.default_rng(0)
    x = np.zeros((200, 784), dtype=np.float32)
    x[:, 300:450] = rng.random((200, 150)).astype(np.float32)        # 150 lit, mostly grey pixels
    x *= rng.uniform(0.5, 1.0, (200, 1)).astype(np.float32)          # some digits dimmer than others
    return x


def test_weight_spread_accepts_the_right_spread_and_names_each_slip(images, capsys):
    sums = np.sum(images.astype(np.float64) ** 2, axis=1)
    right = 1 / math.sqrt(np.quantile(sums, 0.9))
    assert lesson05.check_weight_spread(right, images)
    assert "90" in capsys.readouterr().out                               # the share within 1 is shown
    assert lesson05.check_weight_spread(np.float32(right * 1.01), images)
    assert lesson05.check_weight_spread(1 / math.sqrt(np.percentile(sums, 90, method="lower")), images)
    for wrong, word in ((1 / math.sqrt(sums.mean()), "average"), (1 / math.sqrt(np.quantile(sums, 0.1)), "dimmest"),
                        (1 / np.quantile(sums, 0.9), "square root"), (math.sqrt(1 / 784), "fully lit"),
                        (1 / math.sqrt(150), "grey"), (math.sqrt(2) * right, "ReLU"), (0.5, "not 90%")):
        capsys.readouterr()
        assert not lesson05.check_weight_spread(wrong, images)
        out = capsys.readouterr().out
        assert word in out, word
        assert "quantile" not in out and "percentile" not in out      # names the mistake, not the method
    for odd in (0, -0.1, True, "0.1", [0.1], float("inf"), float("nan")):
        assert not lesson05.check_weight_spread(odd, images)


# ----------------------------------------------------------------------------- exercise 4
@pytest.fixture
def answers():
    rng = np.random.default_rng(1)
    constant = rng.random(10_000) < 0.95
    drop = constant.copy()
    flip = rng.random(10_000) < 0.04
    drop[flip] = rng.random(flip.sum()) < 0.97
    return constant, drop


def test_difference_standard_error(answers, capsys):
    constant, drop = answers
    d = drop.astype(float) - constant
    right = d.std() / math.sqrt(d.size)
    for answer in (right, d.std(ddof=1) / math.sqrt(d.size), np.float32(right)):
        assert lesson05.check_difference_standard_error(answer, constant, drop)
    p = drop.mean()
    for wrong, word in ((100 * right, "percentage"), (d.std(), "√n times"), (d.std() / d.size, "divided by n"),
                        (math.sqrt(p * (1 - p) / d.size), "one accuracy"),
                        (math.sqrt((p * (1 - p) + constant.mean() * (1 - constant.mean())) / d.size),
                         "different images")):
        capsys.readouterr()
        assert not lesson05.check_difference_standard_error(wrong, constant, drop)
        assert word in capsys.readouterr().out, word


def test_advantage_in_standard_errors(answers, capsys):
    constant, drop = answers
    d = drop.astype(float) - constant
    z = d.mean() / (d.std() / math.sqrt(d.size))
    assert lesson05.check_standard_errors_of_difference(z, constant, drop)
    assert lesson05.check_standard_errors_of_difference(np.float64(z), constant, drop)
    p = drop.mean()
    for wrong, word in ((-z, "reversed"), (d.mean() / d.std(), "√n times"),
                        (d.mean() / math.sqrt(p * (1 - p) / d.size), "one accuracy"), (100 * z, "same units")):
        capsys.readouterr()
        assert not lesson05.check_standard_errors_of_difference(wrong, constant, drop)
        assert word in capsys.readouterr().out, word
    assert not lesson05.check_standard_errors_of_difference(True, constant, drop)


def test_difference_standard_error_refuses_the_spread_of_the_absolute_difference(capsys):
    constant, drop = np.ones(10_000, bool), np.ones(10_000, bool)
    constant[:800], drop[800:1100] = False, False            # 800 images only the drop gets, 300 only the constant
    d = drop.astype(float) - constant
    assert not lesson05.check_difference_standard_error(np.abs(d).std() / math.sqrt(d.size), constant, drop)
    assert "keeps its sign" in capsys.readouterr().out


# ----------------------------------------------------------------------------- exercise 5
def test_softmax_gains_checks_the_seeds_it_can_and_the_pairing(capsys):
    story, softmax = np.array([0.867, 0.881, 0.864]), np.array([0.882, 0.896, 0.878])
    gains = np.concatenate([softmax - story, [-0.01, 0.004]])
    assert lesson05.check_softmax_gains(gains, story, softmax)
    assert lesson05.check_softmax_gains(list(gains), story, softmax)
    for wrong, word in ((-gains, "reversed"), (100 * gains, "percentage"),
                        (np.concatenate([softmax, [0.88, 0.87]]), "accuracies"),
                        (np.concatenate([softmax - story, [0.5, 0.0]]), "plausible"),
                        (gains[::-1], "seeds 1, 2 and 3")):
        capsys.readouterr()
        assert not lesson05.check_softmax_gains(wrong, story, softmax)
        assert word in capsys.readouterr().out, word
    assert not lesson05.check_softmax_gains(gains[:4], story, softmax)


def test_gain_in_standard_errors(capsys):
    gains = np.array([0.015, 0.015, 0.014, -0.01, 0.004])
    for ddof in (0, 1):
        assert lesson05.check_gain_in_standard_errors(gains.mean() / (gains.std(ddof=ddof) / math.sqrt(5)), gains)
    capsys.readouterr()
    for wrong, word in ((gains.mean() / gains.std(ddof=1), "√5"), (gains.mean() / (gains.std(ddof=1) / 5), "√n"),
                        (-gains.mean() / (gains.std(ddof=1) / math.sqrt(5)), "reversed")):
        assert not lesson05.check_gain_in_standard_errors(wrong, gains)
        assert word in capsys.readouterr().out, word
    assert not lesson05.check_gain_in_standard_errors(1.0, None)
    assert "5a first" in capsys.readouterr().out


# ----------------------------------------------------------------------------- figures
def test_plot_race_takes_one_colour_per_run():
    from nnlib.plots.training import plot_race
    from nnlib.training import TimedTraining
    run = TimedTraining(10, np.array([0.0, 0.5, 1.0]), np.array([0.1, 0.5, 0.8]))
    ax = plot_race({"a": run, "b": run}, colours=["#000000", "#ff0000"])
    assert [line.get_color() for line in ax.get_lines()] == ["#000000", "#ff0000"]
    with pytest.raises(ValueError, match="one colour per run"):
        plot_race({"a": run}, colours=["red", "blue"])


def test_plot_confidence_draws_one_panel_with_its_median_per_group():
    from nnlib.plots.evaluation import plot_confidence
    fig = plot_confidence({"right": np.full(50, 0.99), "noise": np.linspace(0.2, 0.9, 30)})
    assert [ax.get_title(loc="left") for ax in fig.axes] == ["right: 50 images, median 99.0%",
                                                          "noise: 30 images, median 55.0%"]
    assert [ax.get_lines()[0].get_xdata()[0] for ax in fig.axes] == [0.99, pytest.approx(0.55)]
    heights = [sum(patch.get_height() for patch in ax.patches) for ax in fig.axes]
    np.testing.assert_allclose(heights, [100, 100])                    # each group in percent of itself
    with pytest.raises(ValueError):
        plot_confidence({"empty": np.array([])})


def test_plot_training_runs_numbers_on_the_epochs_of_a_run_in_two_parts():
    from nnlib.plots.evaluation import plot_training_runs
    from nnlib.training import History
    first = History(epoch=[1, 2], training_cost=[0.5, 0.3], validation_accuracy=[0.8, 0.9])
    second = History(epoch=[1], training_cost=[0.2], validation_accuracy=[0.95])
    fig = plot_training_runs({"joined": [first, second], "plain": (first, [0.7, 0.75])})
    left = fig.axes[0]
    np.testing.assert_array_equal(left.get_lines()[0].get_xdata(), [1, 2, 3])
    np.testing.assert_allclose(left.get_lines()[0].get_ydata(), [80, 90, 95])
    with pytest.raises(ValueError, match="accuracies for"):
        plot_training_runs({"bad": (first, [0.7])})
    assert len(plot_training_runs({"joined": [first, second]}, show_cost=False).axes) == 1


# ----------------------------------------------------------------------------- the live monitor
def test_monitor_draws_accuracy_left_from_epoch_0_and_replaces_its_stored_picture_at_the_end(monkeypatch, capsys):
    from nnlib import Network, train
    from nnlib.widgets import descent
    updates = []

    class Handle:
        def update(self, obj):
            updates.append(obj._repr_mimebundle_()["image/png"])

    monkeypatch.setattr("IPython.display.display", lambda obj, display_id=False: Handle())
    rng = np.random.default_rng(0)
    x, labels = rng.random((200, 784)).astype(np.float32), rng.integers(0, 10, 200)
    net = Network([784, 5, 10], seed=0)
    monitor = descent.TrainingMonitor(net, x[:50], labels[:50], held_out="validation", epochs=3, progress=False)
    assert monitor.accuracy_ax.get_position().x0 < monitor.cost_ax.get_position().x0
    first = monitor._repr_mimebundle_()["image/png"]
    monitor.show()
    history = train(net, x, labels, epochs=3, batch_size=20, learning_rate=0.1, progress=False,
                    on_epoch=monitor.on_epoch)
    assert len(monitor.accuracies) == 4 and monitor.accuracies[-1] == net.accuracy(x[:50], labels[:50])
    np.testing.assert_array_equal(monitor.accuracy_line.get_xdata(), [0, 1, 2, 3])
    np.testing.assert_allclose(monitor.cost_line.get_ydata(), history.training_cost)
    assert len(updates) == 1 and updates[0] != first               # the finished curves, once, at the end
    assert capsys.readouterr().out == ""
    assert "3 epochs" in monitor.summary()


# ----------------------------------------------------------------------------- odd answers
ODD = [None, "3,4", b"x", [], [1, [2, 3]], (1, 2, 3), np.array("s"), np.array(4.87), np.nan, np.inf, 10 ** 400,
       True, 1e308, -1e308, 1j, np.ones(2, dtype=complex), np.ones((2, 4)), np.ones(10) * np.nan, {}, lambda: 1,
       (3.5, 4), (np.int64(3), np.int64(4)), (-1, 4), -3, 0.0]


def test_every_check_answers_odd_answers_with_true_or_false(line, images, answers, capsys):
    x, y, start = line
    labels, predictions = np.arange(10).repeat(2), np.arange(10).repeat(2)
    calls = [(lesson05.check_per_digit_accuracy, (labels, predictions)),
             (lesson05.check_hardest_digit, (labels, predictions)),
             (lesson05.check_batch_size, (x, y, start)), (lesson05.check_weight_spread, (images,)),
             (lesson05.check_difference_standard_error, answers),
             (lesson05.check_standard_errors_of_difference, answers),
             (lesson05.check_softmax_gains, (np.array([0.86, 0.88, 0.86]), np.array([0.88, 0.89, 0.87]))),
             (lesson05.check_gain_in_standard_errors, (np.array([0.01, 0.02, -0.01, 0.0, 0.015]),))]
    for check, extra in calls:
        for answer in ODD:
            assert check(answer, *extra) in (True, False), (check.__name__, answer)
