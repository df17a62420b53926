"""Regenerate the images in media/ (shown by the README and the notebooks' markdown cells).

    python tools/make_media.py        # or: make media

Every image is drawn by nnlib code from a seeded computation, so running this again gives the same
pictures. ``MEDIA`` maps each file name to the function that draws it (a test checks that every
image in media/ is listed here).
"""

import io
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.image  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from nnlib import Network, load_mnist, train  # noqa: E402
from nnlib.plots import draw_network  # noqa: E402
from nnlib.plots.style import POSITIVE_ON_DARK  # noqa: E402
from nnlib.widgets.draw import DrawDigit  # noqa: E402
from nnlib.widgets.neuron import NeuronWidget  # noqa: E402

MEDIA_DIR = Path(__file__).resolve().parents[1] / "media"


def trained_network(mnist):
    """The course's 784-16-16-10 network (modern recipe) after one epoch of training."""
    network = Network([784, 16, 16, 10], hidden_activation="relu", output_activation="softmax", cost="cross_entropy", init="he", seed=0)
    train(network, mnist.x_train, mnist.y_train, epochs=1, batch_size=32, learning_rate=0.1, seed=0, progress=False)
    return network


def story_network(mnist):
    """3Blue1Brown's 784-16-16-10 network (sigmoid neurons, quadratic cost) after three epochs of training."""
    network = Network([784, 16, 16, 10], seed=0)     # sigmoid neurons throughout, as lesson 1 describes them
    train(network, mnist.x_train, mnist.y_train, epochs=3, batch_size=10, learning_rate=3.0, seed=0, progress=False)
    return network


def network_figure():
    """The story network after training, reading the first test digit (a 7): every shade is an activation in (0, 1)."""
    mnist = load_mnist()
    network = story_network(mnist)
    image = mnist.x_test[0]
    activations = network.forward(image, return_all=True).activations
    ax = draw_network(network, activations=activations, image=image, key=True, positive_colour=POSITIVE_ON_DARK,
                      title="784 inputs → 16 → 16 → 10 outputs: the story network after training, reading a 7")
    return ax.figure


def neuron_widget_figure():
    """What the slider neuron of lesson 3 shows, at weight 4 and bias -8 (threshold x = 2)."""
    return NeuronWidget(weight=4.0, bias=-8.0, x=3.0).figure


def draw_digit_widget_figure():
    """The drawing widget of lesson 5 as a learner sees it: the pad (left, 28x28 pixels shown large)
    holding a test digit drawn small in the top-left corner, and the widget's live figure (right)."""
    mnist = load_mnist()
    drawn = np.zeros((28, 28), dtype=np.float32)
    drawn[1:15, 2:16] = mnist.x_test[1].reshape(14, 2, 14, 2).mean(axis=(1, 3))   # a 2 at half size, in a corner
    widget = DrawDigit(trained_network(mnist), image=drawn)
    live = matplotlib.image.imread(io.BytesIO(widget.live.image.value), format="png")
    height, width = live.shape[:2]                 # shown pixel for pixel at the 90 dpi of main()
    pad_size, gap, title = 280, 20, 30
    figure = plt.figure(figsize=((pad_size + gap + width) / 90, (height + title) / 90))
    total_width, total_height = pad_size + gap + width, height + title
    pad = figure.add_axes((0, 0, pad_size / total_width, pad_size / total_height))
    shown = figure.add_axes(((pad_size + gap) / total_width, 0, width / total_width, height / total_height))
    pad.imshow(drawn, cmap="gray", vmin=0, vmax=1, interpolation="nearest")
    pad.set_xticks([]), pad.set_yticks([])
    pad.set_title("draw here (mouse, pen or finger)", fontsize=10)
    shown.imshow(live, interpolation="none")
    shown.axis("off")
    return figure


MEDIA = {"network.png": network_figure, "neuron_widget.png": neuron_widget_figure,
         "draw_digit_widget.png": draw_digit_widget_figure}


def main():
    MEDIA_DIR.mkdir(exist_ok=True)
    for name, draw in MEDIA.items():
        figure = draw()
        figure.savefig(MEDIA_DIR / name, dpi=90, bbox_inches="tight", facecolor=figure.get_facecolor())
        plt.close(figure)
        print(f"media/{name}")


if __name__ == "__main__":
    main()
