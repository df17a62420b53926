"""Figures of lessons 1-2: the digit's grid of numbers (zoomed so they are readable) and the bias shifting a sigmoid."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from nnlib.activations import sigmoid  # noqa: E402
from nnlib.plots.curves import plot_bias_shift  # noqa: E402
from nnlib.plots.digits import show_digit_values  # noqa: E402

IMAGE = np.random.default_rng(0).uniform(size=784) * (np.random.default_rng(1).uniform(size=784) > 0.5)
DISPLAY_WIDTH_PX = 900      # a notebook column: figures up to this wide are shown at their own size


def _displayed_points(fig, fontsize):
    """Size in points of ``fontsize`` text as shown in a notebook column (1 CSS px = 0.75 pt)."""
    width_px = fig.get_figwidth() * fig.dpi
    return fontsize * fig.dpi / 72 * min(1.0, DISPLAY_WIDTH_PX / width_px) * 0.75


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_digit_values_prints_the_crop_readably():
    fig = show_digit_values(IMAGE, label=3, rows=(4, 14), cols=(6, 24))
    grid = fig.axes[1]
    assert len(grid.texts) == 10 * 18                       # one number per pixel of the crop
    crop = IMAGE.reshape(28, 28)[4:14, 6:24]
    expected = ["0" if v == 0 else f"{v:.1f}" for v in crop.ravel()]
    assert [t.get_text() for t in grid.texts] == expected
    first = grid.texts[0]
    assert first.get_position() == (6, 4)                   # placed at its real column and row
    assert min(_displayed_points(fig, t.get_fontsize()) for t in grid.texts) >= 8
    assert np.array_equal(grid.images[0].get_array(), crop)
    assert len(fig.axes[0].patches) == 1                    # the crop outlined on the whole digit
    with pytest.raises(ValueError, match="rows and cols"):
        show_digit_values(IMAGE, rows=(20, 30))


def test_bias_shift_draws_the_sigmoid_and_each_neuron():
    settings = [(1, 0), (1, -10), (2, -10)]
    fig, lines = plot_bias_shift(settings, x=np.linspace(-20, 20, 81))
    left, right = fig.axes[:2]
    z, a = left.lines[0].get_data()
    assert np.allclose(a, sigmoid(z))
    for (w, b), line in zip(settings, lines):
        x, y = line.get_data()
        assert np.allclose(y, sigmoid(w * x + b))
    marked = [line.get_xdata()[0] for line in right.lines if len(line.get_xdata()) == 1]
    assert marked == [0.0, 10.0, 5.0]                        # the switching points -b/w
    assert _displayed_points(fig, min(t.get_fontsize() for t in right.get_legend().get_texts())) >= 8
