"""Regenerate the images in media/ (shown by the README and the notebooks' markdown cells).

    python tools/make_media.py        # or: make media

Every image is drawn by nnlib code from a seeded computation, so running this again gives the same
pictures. ``MEDIA`` maps each file name to the function that draws it (a test checks that every
image in media/ is listed here).
"""

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from nnlib import Network, load_mnist, train  # noqa: E402
from nnlib.plots import draw_network  # noqa: E402
from nnlib.widgets.neuron import NeuronWidget  # noqa: E402

MEDIA_DIR = Path(__file__).resolve().parents[1] / "media"


def network_figure():
    """The 784-16-16-10 network after one epoch of training, reading a test digit."""
    mnist = load_mnist()
    network = Network([784, 16, 16, 10], hidden="relu", output="softmax", cost="cross_entropy", init="he", seed=0)
    train(network, mnist.x_train, mnist.y_train, epochs=1, batch_size=32, learning_rate=0.1, seed=0, progress=False)
    image = mnist.x_test[0]
    activations = network.forward(image, return_all=True).activations
    ax = draw_network(network, activations=activations, image=image,
                      title="784 inputs → 16 → 16 → 10 outputs: the network of the course reading a 7")
    return ax.figure


def neuron_widget_figure():
    """What the slider neuron of lesson 3 shows, at weight 4 and bias -8 (threshold x = 2)."""
    return NeuronWidget(weight=4.0, bias=-8.0, x=3.0).figure


MEDIA = {"network.png": network_figure, "neuron_widget.png": neuron_widget_figure}


def main():
    MEDIA_DIR.mkdir(exist_ok=True)
    for name, draw in MEDIA.items():
        figure = draw()
        figure.savefig(MEDIA_DIR / name, dpi=90, bbox_inches="tight", facecolor=figure.get_facecolor())
        plt.close(figure)
        print(f"media/{name}")


if __name__ == "__main__":
    main()
