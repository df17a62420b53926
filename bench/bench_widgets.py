"""Kernel-side time of one slider move for the widgets of lessons 2-3 (target: at most 40 ms), and of
one redraw of the drawing widget of lesson 5 after a stroke (target: at most 30 ms).

    python bench/bench_widgets.py [--moves 60]

For each widget the slider is moved many times from Python (what the kernel does when the browser
sends a new value: recompute, redraw, encode the PNG); the table gives the median per move. For the
drawing widget, test digits arrive as the browser sends them (784 float32 bytes): preprocess, forward
pass, redraw, encode. The
reference is the naive way, measured in the same run: a new figure per move, drawn in full and saved
with a tight bounding box, as ``ipywidgets.interact`` with ``plt.show()`` does.
"""

import argparse
import io
import time

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from nnlib import Network, load_mnist
from nnlib.activations import sigmoid
from nnlib.preprocessing import mnist_preprocess
from nnlib.widgets.draw import DrawDigit
from nnlib.widgets.neuron import NeuronWidget, TwoPixelNeuronWidget


def _naive_png(figure):
    FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=90, bbox_inches="tight")
    return buffer.getvalue()


def naive_neuron(w, b, x):
    """What a new-figure-per-move callback draws for :class:`NeuronWidget`."""
    figure = Figure(figsize=(6.4, 3.4))
    ax = figure.add_subplot()
    xs = np.linspace(-10, 10, 401)
    ax.plot(xs, sigmoid(w * xs + b), lw=2.5)
    if w != 0:
        ax.axvline(-b / w, ls="--")
    ax.plot([x], [float(sigmoid(w * x + b))], "o")
    ax.set_xlim(-10, 10), ax.set_ylim(-0.05, 1.05), ax.grid(alpha=0.3)
    ax.set_xlabel("input x"), ax.set_ylabel("activation a"), ax.set_title("One neuron")
    return _naive_png(figure)


def naive_two_pixel(w1, w2, b):
    """What a new-figure-per-move callback draws for :class:`TwoPixelNeuronWidget`."""
    figure = Figure(figsize=(4.6, 4.0))
    ax = figure.add_subplot()
    grid = np.linspace(-0.25, 1.25, 121)
    a1, a2 = np.meshgrid(grid, grid)
    ax.imshow(sigmoid(w1 * a1 + w2 * a2 + b), origin="lower", extent=(-0.25, 1.25, -0.25, 1.25), cmap="gray")
    ends = np.array([-0.25, 1.25])
    if w2 != 0:
        ax.plot(ends, -(w1 * ends + b) / w2, "--")
    corners = np.array([[0, 0], [1, 0], [0, 1], [1, 1]])
    outputs = sigmoid(corners @ np.array([w1, w2]) + b)
    ax.scatter(corners[:, 0], corners[:, 1], c=outputs, cmap="gray", vmin=0, vmax=1)
    for (cx, cy), v in zip(corners, outputs):
        ax.text(cx + 0.05, cy + 0.05, f"{v:.2f}")
    ax.set_xlim(-0.25, 1.25), ax.set_ylim(-0.25, 1.25)
    ax.set_xlabel("pixel a1"), ax.set_ylabel("pixel a2"), ax.set_title("Two-pixel neuron")
    return _naive_png(figure)


def naive_draw_digit(network, drawing):
    """What a new-figure-per-stroke callback draws for :class:`DrawDigit`."""
    figure = Figure(figsize=(8.6, 3.5))
    x = mnist_preprocess(drawing)
    activations = network.forward(x, return_all=True).activations
    axes = figure.subplots(1, 2 + len(activations) - 2 + 1)
    axes[0].imshow(drawing.reshape(28, 28), cmap="gray"), axes[1].imshow(x.reshape(28, 28), cmap="gray")
    for ax, a in zip(axes[2:-1], activations[1:-1]):
        ax.imshow(a.reshape(4, -1), cmap="gray")
    axes[-1].bar(range(10), activations[-1]), axes[-1].set_title(f"the network says {np.argmax(activations[-1])}")
    return _naive_png(figure)


def median_ms(move, values):
    """Median time in ms of ``move(v)`` over ``values`` (after two warm-up calls)."""
    move(values[0]), move(values[1])
    times = []
    for value in values:
        start = time.perf_counter()
        move(value)
        times.append(time.perf_counter() - start)
    return 1000 * float(np.median(times))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--moves", type=int, default=60, help="slider moves per measurement")
    moves = parser.parse_args().moves
    values = [round(v, 1) for v in np.linspace(-5, 5, moves)]

    neuron, pixels = NeuronWidget(), TwoPixelNeuronWidget()
    rows = [
        ("NeuronWidget, weight w", lambda v: setattr(neuron.weight_slider, "value", v),
         lambda v: naive_neuron(v, 0.0, 2.0)),
        ("NeuronWidget, bias b", lambda v: setattr(neuron.bias_slider, "value", v),
         lambda v: naive_neuron(1.0, v, 2.0)),
        ("TwoPixelNeuronWidget, bias b", lambda v: setattr(pixels.bias_slider, "value", v),
         lambda v: naive_two_pixel(1.0, 1.0, v)),
        ("TwoPixelNeuronWidget, weight w1", lambda v: setattr(pixels.weight1_slider, "value", v),
         lambda v: naive_two_pixel(v, 1.0, -0.5)),
    ]
    print(f"median kernel-side time per slider move, {moves} moves each (target <= 40 ms)\n")
    print(f"{'widget, slider':34s} {'ours (ms)':>10s} {'new figure (ms)':>16s} {'speed-up':>9s}")
    for name, ours, naive in rows:
        fast, slow = median_ms(ours, values), median_ms(naive, values)
        print(f"{name:34s} {fast:10.1f} {slow:16.1f} {slow / fast:8.1f}x")

    network = Network([784, 16, 16, 10], hidden_activation="relu", output_activation="softmax", cost="cross_entropy", init="he", seed=0)
    digits = load_mnist().x_test[:moves]                 # float32, as the drawing pad sends them
    drawing = DrawDigit(network)
    fast = median_ms(lambda k: drawing.pad.set_state({"pixels": memoryview(digits[k].tobytes())}), range(moves))
    slow = median_ms(lambda k: naive_draw_digit(network, digits[k]), range(moves))
    print(f"\n{'DrawDigit, a new drawing':34s} {fast:10.1f} {slow:16.1f} {slow / fast:8.1f}x   (target <= 30 ms)")


if __name__ == "__main__":
    main()
