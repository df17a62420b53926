"""A matplotlib figure shown as an ``ipywidgets.Image`` and redrawn in place (lesson 3 on).

Creating a new figure for every slider move is slow (about 100 ms) and flickers. Instead a widget
keeps one bare :class:`matplotlib.figure.Figure` (never registered with pyplot, so it is never shown
twice), changes the data of its lines, and sends the re-rendered PNG to the browser.

Faster still is *blitting*: the parts of the figure that never move (axes, ticks, labels, fixed
curves) are rendered once and kept as a background picture; a slider move then only pastes that
background back and draws the few artists that changed on top of it. Mark those artists with
:meth:`LiveFigure.animate`; :meth:`LiveFigure.refresh` then blits instead of redrawing everything.

Widgets cannot run where a notebook is only read (GitHub, nbviewer, a notebook opened before its
cells have run). :func:`bundle_with_picture` therefore puts, in the same output as the live widget, a
PNG picture of the widget's figure as it was displayed: JupyterLab shows the live widget when the cell
has run (and the picture for a stored, not yet trusted output), GitHub and nbconvert/nbviewer show
the picture (nbconvert skips widget views whose state is not stored in the notebook).
"""

import base64
import io

import ipywidgets
import matplotlib.image
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure


class LiveFigure:
    """One figure, rendered to PNG into ``self.image`` (an ``ipywidgets.Image``) on :meth:`refresh`.

    Parameters
    ----------
    figsize : (float, float)
        Size in inches.
    dpi : int
        Pixels per inch of the rendered image.
    """

    def __init__(self, figsize=(6, 3.5), dpi=90):
        self.figure = Figure(figsize=figsize, dpi=dpi)
        self.canvas = FigureCanvasAgg(self.figure)
        width, height = (round(size * dpi) for size in figsize)
        # a fixed CSS width: inside a VBox an image would otherwise be stretched to the box's full width (blurry)
        self.image = ipywidgets.Image(format="png", layout=ipywidgets.Layout(width=f"{width}px", height="auto"))
        self._animated = []
        self._background = None

    def animate(self, *artists):
        """Mark ``artists`` as the ones that change between refreshes (they are then blitted).

        Everything else is drawn once into a background picture, reused until :meth:`invalidate`.
        """
        for artist in artists:
            artist.set_animated(True)
            self._animated.append(artist)
        self._background = None

    def invalidate(self):
        """Forget the background (call after changing a non-animated artist, e.g. axis limits)."""
        self._background = None

    def render(self, compress_level=1):
        """The figure as PNG bytes (background plus animated artists).

        ``compress_level`` 1 is the fastest PNG compression, right for a slider move (a plot is mostly
        flat colour anyway); 6 gives a file about 10% smaller, for a picture stored in a notebook.
        """
        if self._background is None or not self._animated:
            self.canvas.draw()                     # draws everything except animated artists
            self._background = self.canvas.copy_from_bbox(self.figure.bbox)
        else:
            self.canvas.restore_region(self._background)
        for artist in self._animated:
            artist.axes.draw_artist(artist) if artist.axes is not None else self.figure.draw_artist(artist)
        buffer = io.BytesIO()
        matplotlib.image.imsave(buffer, np.asarray(self.canvas.buffer_rgba()), format="png",
                                pil_kwargs={"compress_level": compress_level})
        return buffer.getvalue()

    def refresh(self):
        """Re-render the figure and send it to the browser."""
        self.image.value = self.render()


def bundle_with_picture(widget, png, text):
    """The display data of ``widget`` plus a static picture of it, for one notebook output.

    Parameters
    ----------
    widget : ipywidgets.DOMWidget
        The live widget (its view is what JupyterLab shows once the cell has run).
    png : bytes
        The picture shown where widgets cannot run.
    text : str
        The plain-text representation (instead of a widget's ``VBox(children=...`` text).

    Returns
    -------
    dict
        MIME type -> data, as ``_repr_mimebundle_`` returns it.
    """
    bundle = ipywidgets.DOMWidget._repr_mimebundle_(widget)
    bundle["image/png"] = base64.b64encode(png).decode("ascii")
    bundle["text/plain"] = text
    return bundle


class WidgetWithPicture:
    """Mixin for an ipywidgets container with a :class:`LiveFigure` ``live``: displayed, it shows the
    live widget and, in the same output, a PNG of its figure (see :func:`bundle_with_picture`)."""

    def _repr_mimebundle_(self, **kwargs):
        return bundle_with_picture(self, self.live.render(compress_level=6), repr(self))
