"""Watching gradient descent: choose a learning rate and a number of steps and see the walk
(lesson 4), and live training curves while a network learns (lesson 5).

The contour map is drawn once; each slider move only recomputes the walk and redraws its line and
the title on top of the stored map (blitting, see :mod:`nnlib.widgets.live`).
"""

import ipywidgets
import numpy as np

from .. import _validate
from ..descent import bowl, bowl_gradient, gradient_descent
from ..plots.descent import plot_contour
from .live import LiveFigure, bundle_with_picture


class LearningRateExplorer:
    """Sliders for the learning rate and the number of steps of :func:`~nnlib.descent.gradient_descent`.

    Parameters
    ----------
    function, gradient : callable
        The landscape (points of shape (..., 2)) and its gradient; default the lesson's bowl.
    start : (float, float)
        Where every walk begins.
    xlim, ylim : (float, float)
        The part of the plane shown.

    Attributes
    ----------
    learn_rate : ipywidgets.FloatLogSlider
    n_iter : ipywidgets.IntSlider
    widget : ipywidgets.VBox
        The sliders above the figure; displaying the explorer displays it.
    """

    def __init__(self, function=bowl, gradient=bowl_gradient, start=(-1.8, 1.6), xlim=(-2.0, 2.0),
                 ylim=(-2.0, 2.0)):
        for name, f in (("function", function), ("gradient", gradient)):
            if not callable(f):
                raise TypeError(f"{name} must be a function of a point (x, y), got {type(f).__name__}")
        start = _validate.as_float_array(start, "start", ndim=1, dtype=np.float64)
        for name, pair in (("start", start), ("xlim", xlim), ("ylim", ylim)):
            if np.shape(pair) != (2,):
                raise ValueError(f"{name} must be a pair of numbers, got {pair!r}")
        for name, (low, high) in (("xlim", _validate.as_float_array(xlim, "xlim")),
                                  ("ylim", _validate.as_float_array(ylim, "ylim"))):
            if not low < high:
                raise ValueError(f"{name} must be (low, high) with low < high, got {(low, high)}")
        self.function, self.gradient, self.start = function, gradient, start
        style = {"description_width": "initial"}
        layout = ipywidgets.Layout(width="420px")
        self.learn_rate = ipywidgets.FloatLogSlider(value=0.1, base=10, min=-2, max=0, step=0.02,
                                                    readout_format=".3f", description="learning rate",
                                                    style=style, layout=layout)
        self.n_iter = ipywidgets.IntSlider(value=20, min=1, max=60, description="number of steps",
                                           style=style, layout=layout)
        self.live = LiveFigure(figsize=(6, 5.2), dpi=90)
        self.ax = self.live.figure.add_subplot()
        plot_contour(function, xlim, ylim, ax=self.ax)
        (self.line,) = self.ax.plot([], [], "o-", color="#e7298a", ms=4, lw=1.4, zorder=4)
        self.ax.plot(*self.start, "s", color="#e7298a", ms=8, mec="black", zorder=5)
        self.ax.set_title("two lines\nof title")            # room for the real title set by update()
        self.live.figure.tight_layout()
        self.live.animate(self.line, self.ax.title)          # only these change: blit them on the contour map
        for slider in (self.learn_rate, self.n_iter):
            slider.observe(self.update, names="value")
        self.widget = ipywidgets.VBox([self.learn_rate, self.n_iter, self.live.image])
        self.update()

    def update(self, change=None):
        """Recompute the walk for the sliders' values and redraw it (called on every slider move)."""
        point, path = gradient_descent(self.gradient, self.start, self.learn_rate.value, self.n_iter.value,
                                       tolerance=0.0)
        self.line.set_data(path[:, 0], path[:, 1])
        self.ax.set_title(f"learning rate {self.learn_rate.value:.3f}, {len(path) - 1} steps:\n"
                          f"end ({point[0]:.3f}, {point[1]:.3f}), cost {float(self.function(point)):.3g}")
        self.live.refresh()

    def _repr_mimebundle_(self, **kwargs):
        return bundle_with_picture(self.widget, self.live.render(compress_level=6),
                                   "LearningRateExplorer(sliders for the learning rate and the number of steps)")


class TrainingMonitor:
    """Live curves while :func:`nnlib.train` runs: training cost and held-out accuracy after each epoch.

    Pass :meth:`on_epoch` as ``train(..., on_epoch=monitor.on_epoch)``; display the monitor first.

    Parameters
    ----------
    network : nnlib.network.Network
        The network being trained (its accuracy is measured after every epoch).
    x_held, labels_held : arrays of shape (n, 784) and (n,)
        Images the network does not train on.
    held_out : str
        What those images are ("test" or "validation"), written on the plot and in the progress lines.
    epochs : int
        How many epochs will run (fixes the x axis).

    Attributes
    ----------
    accuracies : list of float
        Held-out accuracy (0 to 1) after each epoch so far.
    """

    def __init__(self, network, x_held, labels_held, held_out="test", epochs=10):
        _validate.network(network)
        x_checked, _ = _validate.network_inputs(x_held, network.sizes[0], network.dtype, "x_held")
        labels_checked = _validate.as_labels(np.atleast_1d(labels_held), network.sizes[-1], "labels_held")
        if labels_checked.size != x_checked.shape[0]:
            raise ValueError(f"x_held has {x_checked.shape[0]} examples but labels_held has {labels_checked.size}; "
                             "they must match")
        if not isinstance(held_out, str):
            raise TypeError(f"held_out must be a word such as 'test' or 'validation', got {held_out!r}")
        _validate.positive_number(epochs, "epochs", integer=True)
        self.network, self.x_held, self.labels_held, self.held_out = network, x_held, labels_held, held_out
        self.accuracies = []
        self.live = LiveFigure(figsize=(10, 3.2), dpi=80)
        self.cost_ax, self.accuracy_ax = self.live.figure.subplots(1, 2)
        (self.cost_line,) = self.cost_ax.plot([], [], "o-", color="#7570b3")
        (self.accuracy_line,) = self.accuracy_ax.plot([], [], "o-", color="#1b9e77")
        self.cost_ax.set_title("Training cost (after each epoch)"), self.cost_ax.set_ylabel("cost")
        self.accuracy_ax.set_title(f"Accuracy on the {held_out} images"), self.accuracy_ax.set_ylabel("accuracy (%)")
        for ax in (self.cost_ax, self.accuracy_ax):
            ax.set_xlim(0.5, epochs + 0.5), ax.set_xlabel("epoch"), ax.grid(alpha=0.3)
        self.live.figure.tight_layout()
        self.live.refresh()

    def on_epoch(self, history):
        """Measure the held-out accuracy, print a progress line and redraw the curves."""
        self.accuracies.append(self.network.accuracy(self.x_held, self.labels_held))
        print(f"epoch {history.epoch[-1]:>2}: training cost {history.training_cost[-1]:.4f}, "
              f"{self.held_out} accuracy {100 * self.accuracies[-1]:.2f}%  ({history.seconds[-1]:.1f} s)", flush=True)
        self.cost_line.set_data(history.epoch, history.training_cost)
        self.accuracy_line.set_data(history.epoch, 100 * np.asarray(self.accuracies))
        for ax in (self.cost_ax, self.accuracy_ax):
            ax.relim(), ax.autoscale_view(scalex=False)
        self.live.refresh()

    def _repr_mimebundle_(self, **kwargs):
        return bundle_with_picture(self.live.image, self.live.render(compress_level=6),
                                   "TrainingMonitor(live learning curves, redrawn after each epoch of training)")
