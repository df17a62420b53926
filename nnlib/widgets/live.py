"""A matplotlib figure shown as an ``ipywidgets.Image`` and redrawn in place (lesson 3 on).

Creating a new figure for every slider move is slow (about 100 ms) and flickers. Instead a widget
keeps one bare :class:`matplotlib.figure.Figure` (never registered with pyplot, so it is never shown
twice), changes the data of its lines, and sends the re-rendered PNG to the browser.
"""

import io

import ipywidgets
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
        FigureCanvasAgg(self.figure)
        self.image = ipywidgets.Image(format="png")

    def render(self):
        """The figure as PNG bytes."""
        buffer = io.BytesIO()
        self.figure.canvas.print_png(buffer)
        return buffer.getvalue()

    def refresh(self):
        """Re-render the figure and send it to the browser."""
        self.image.value = self.render()
