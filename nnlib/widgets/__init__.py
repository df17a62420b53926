"""Interactive widgets of the course (sliders and live figures), built on ipywidgets.

Every widget redraws one reused matplotlib figure into an ``ipywidgets.Image`` (see
:mod:`nnlib.widgets.live`), which keeps a slider move fast and avoids a new figure per move.
Each lesson that has a widget shows a static figure before it, for readers without a kernel.
"""
