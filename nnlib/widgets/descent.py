"""Watching gradient descent: choose a learning rate and a number of steps and see the walk
(lesson 4), and live training curves while a network learns (lesson 5).

The contour map is drawn once; each slider move only recomputes the walk and redraws its line and
the title on top of the stored map (blitting, see :mod:`nnlib.widgets.live`).
"""

import ipywidgets
import numpy as np

from .. import _validate
from ..descent import bowl, bowl_gradient, gradient_descent
from ..plots.descent import frame_exit, plot_contour
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
    curvatures : (float, float) or None
        The landscape's curvatures along x and y, if it is a bowl aligned with the axes: the title then
        gives the factors ``1 - rate k`` one step multiplies x and y by. Default: the lesson's bowl's
        (3, 1) when ``function`` is that bowl, else None.

    A walk that leaves the map is drawn up to the frame, and the title says at which step it left.

    Attributes
    ----------
    learning_rate : ipywidgets.FloatLogSlider
    n_steps : ipywidgets.IntSlider
    widget : ipywidgets.VBox
        The sliders above the figure; displaying the explorer displays it.
    """

    def __init__(self, function=bowl, gradient=bowl_gradient, start=(-1.8, 1.6), xlim=(-2.0, 2.0),
                 ylim=(-2.0, 2.0), curvatures="auto"):
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
        if isinstance(curvatures, str) and curvatures == "auto":
            curvatures = (3.0, 1.0) if function is bowl else None
        if curvatures is not None:
            curvatures = _validate.as_float_array(curvatures, "curvatures", ndim=1, dtype=np.float64)
            if curvatures.shape != (2,):
                raise ValueError(f"curvatures must be a pair of numbers (along x, along y), got {curvatures!r}")
        self.function, self.gradient, self.start, self.curvatures = function, gradient, start, curvatures
        self.xlim, self.ylim = tuple(xlim), tuple(ylim)
        style = {"description_width": "initial"}
        layout = ipywidgets.Layout(width="420px")
        self.learning_rate = ipywidgets.FloatLogSlider(value=0.1, base=10, min=-2, max=0, step=0.02,
                                                    readout_format=".3f", description="learning rate",
                                                    style=style, layout=layout)
        self.n_steps = ipywidgets.IntSlider(value=20, min=1, max=60, description="number of steps",
                                           style=style, layout=layout)
        self.live = LiveFigure(figsize=(6, 5.2), dpi=90)
        self.ax = self.live.figure.add_subplot()
        plot_contour(function, xlim, ylim, ax=self.ax)
        (self.line,) = self.ax.plot([], [], "o-", color="#e7298a", ms=4, lw=1.4, zorder=4)
        self.ax.plot(*self.start, "s", color="#e7298a", ms=8, mec="black", zorder=5)
        (self.exit_marker,) = self.ax.plot([], [], "X", color="#e7298a", ms=10, mec="black", zorder=6, clip_on=False)
        self.ax.set_title("three lines\nof\ntitle")
        self.live.figure.subplots_adjust(left=0.16, right=0.975, bottom=0.15, top=0.85)   # room for a 3-line title
        self.live.animate(self.line, self.exit_marker, self.ax.title)   # only these change: blit them on the map
        for slider in (self.learning_rate, self.n_steps):
            slider.observe(self.update, names="value")
        self.widget = ipywidgets.VBox([self.learning_rate, self.n_steps, self.live.image])
        self.update()

    def update(self, change=None):
        """Recompute the walk for the sliders' values and redraw it (called on every slider move)."""
        rate = self.learning_rate.value
        point, path = gradient_descent(self.gradient, self.start, rate, self.n_steps.value, tolerance=0.0)
        step, exit_point = frame_exit(path, self.xlim, self.ylim)
        shown = path if step is None else np.vstack([path[:step], exit_point])
        self.line.set_data(shown[:, 0], shown[:, 1])
        self.line.set_markevery(slice(0, step))
        self.exit_marker.set_data(*([[exit_point[0]], [exit_point[1]]] if step is not None else [[], []]))
        factors = ("" if self.curvatures is None else
                   f"one step: x × {1 - rate * self.curvatures[0]:+.2f}, y × {1 - rate * self.curvatures[1]:+.2f}\n")
        where = f", left the map at step {step}" if step is not None else ""
        self.ax.set_title(f"learning rate {rate:.3f}, {len(path) - 1} steps{where}\n{factors}"
                          f"end ({point[0]:.3g}, {point[1]:.3g}), cost {float(self.function(point)):.3g}")
        self.live.refresh()

    def _repr_mimebundle_(self, **kwargs):
        return bundle_with_picture(self.widget, self.live.render(compress_level=6),
                                   "LearningRateExplorer(sliders for the learning rate and the number of steps)")


class TrainingMonitor:
    """Live curves while :func:`nnlib.train` runs: held-out accuracy (left) and training cost (right) after
    each epoch, in the panel order of :func:`nnlib.plots.evaluation.plot_training_runs`.

    Show it with :meth:`show` (or as a cell's last expression), then pass :meth:`on_epoch` as
    ``train(..., on_epoch=monitor.on_epoch)``. The accuracy before training is measured at once (epoch 0).
    Where widgets cannot run (GitHub, nbviewer) a notebook shows the monitor's picture instead; a monitor
    shown with :meth:`show` replaces that picture by the finished curves after its last epoch, so the
    stored notebook shows a real run rather than empty axes.

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
    progress : bool
        Print one line per epoch (False: nothing; :meth:`summary` gives one line at the end).

    Attributes
    ----------
    accuracies : list of float
        Held-out accuracy (0 to 1) before training (entry 0) and after each epoch so far.
    """

    def __init__(self, network, x_held, labels_held, held_out="validation", epochs=10, progress=True):
        _validate.network(network)
        x_checked, _ = _validate.network_inputs(x_held, network.sizes[0], network.dtype, "x_held")
        labels_checked = _validate.as_labels(np.atleast_1d(labels_held), network.sizes[-1], "labels_held")
        if labels_checked.size != x_checked.shape[0]:
            raise ValueError(f"x_held has {x_checked.shape[0]} examples but labels_held has {labels_checked.size}; "
                             "they must match")
        if not isinstance(held_out, str):
            raise TypeError(f"held_out must be a word such as 'test' or 'validation', got {held_out!r}")
        _validate.positive_number(epochs, "epochs", integer=True)
        if not isinstance(progress, (bool, np.bool_)):
            raise TypeError(f"progress must be True or False, got {progress!r}")
        self.network, self.x_held, self.labels_held, self.held_out = network, x_checked, labels_checked, held_out
        self.epochs, self.progress = int(epochs), bool(progress)
        self.accuracies = [self._accuracy()]
        self.seconds = 0.0
        self._handle = None
        self.live = LiveFigure(figsize=(10, 3.2), dpi=80)
        self.accuracy_ax, self.cost_ax = self.live.figure.subplots(1, 2)
        (self.accuracy_line,) = self.accuracy_ax.plot([0], [100 * self.accuracies[0]], "o-", color="#1b9e77")
        (self.cost_line,) = self.cost_ax.plot([], [], "o-", color="#7570b3")
        self.accuracy_ax.set_title(f"Accuracy on the {held_out} images")
        self.accuracy_ax.set_ylabel("accuracy (%)"), self.accuracy_ax.set_ylim(0, 100)
        self.cost_ax.set_title("Training cost after each epoch (log scale)")
        self.cost_ax.set_ylabel(f"{network.cost_function.name.replace('_', ' ')} cost")
        self.cost_ax.set_yscale("log"), self.cost_ax.set_ylim(0.01, 1)
        for ax in (self.accuracy_ax, self.cost_ax):
            ax.set_xlim(-0.5, self.epochs + 0.5), ax.set_xlabel("epoch (0 = before training)"), ax.grid(alpha=0.3)
        self.live.figure.tight_layout()
        self.live.animate(self.accuracy_line, self.cost_line)      # only the lines change: blit them
        self.live.refresh()

    def _accuracy(self):
        activations = self.network.feedforward(self.x_held).activations[-1]
        return float(np.mean(np.argmax(activations, axis=1) == self.labels_held))

    def show(self):
        """Display the monitor so that its stored picture can be replaced by the finished run."""
        from IPython.display import display
        self._handle = display(self, display_id=True)
        return None

    def on_epoch(self, history):
        """Measure the held-out accuracy, print a progress line, redraw the curves; after the last epoch,
        replace the picture shown where widgets cannot run."""
        self.accuracies.append(self._accuracy())
        self.seconds = float(sum(history.seconds))
        if self.progress:
            print(f"epoch {history.epoch[-1]:>2}: training cost {history.training_cost[-1]:.4f}, "
                  f"{self.held_out} accuracy {100 * self.accuracies[-1]:.2f}%  ({history.seconds[-1]:.1f} s)",
                  flush=True)
        self.accuracy_line.set_data(np.arange(len(self.accuracies)), 100 * np.asarray(self.accuracies))
        self.cost_line.set_data(history.epoch, history.training_cost)
        low, high = self.cost_ax.get_ylim()
        costs = np.asarray(history.training_cost, dtype=float)
        costs = costs[np.isfinite(costs) & (costs > 0)]
        if costs.size and (costs.min() < low or costs.max() > high):     # new limits: redraw the axes once
            self.cost_ax.set_ylim(10 ** np.floor(np.log10(costs.min())), 10 ** np.ceil(np.log10(costs.max())))
            self.live.invalidate()
        self.live.refresh()
        if len(self.accuracies) == self.epochs + 1 and costs.size:         # the last epoch: fit the axis to the curve
            self.cost_ax.set_ylim(costs.min() / 1.25, costs.max() * 1.25)
            self.live.figure.tight_layout()                              # room for the new tick labels
            self.live.invalidate()
            self.live.refresh()
        if self._handle is not None and len(self.accuracies) == self.epochs + 1:
            self._handle.update(self)

    def summary(self):
        """One line: epochs trained, training time, accuracy before and after."""
        return (f"{len(self.accuracies) - 1} epochs in {self.seconds:.1f} s of training: {self.held_out} accuracy "
                f"{100 * self.accuracies[0]:.1f}% before, {100 * self.accuracies[-1]:.2f}% after")

    def _repr_mimebundle_(self, **kwargs):
        return bundle_with_picture(self.live.image, self.live.render(compress_level=6),
                                   "TrainingMonitor(live learning curves, redrawn after each epoch of training)")
