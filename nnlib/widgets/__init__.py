"""Interactive widgets of the course (sliders and live figures), built on ipywidgets.

Every widget redraws one reused matplotlib figure into an ``ipywidgets.Image`` (see
:mod:`nnlib.widgets.live`), which keeps a slider move fast and avoids a new figure per move.
Each lesson that has a widget shows a static figure before it, for readers without a kernel.

* :mod:`~nnlib.widgets.live`     the reusable live figure
* :mod:`~nnlib.widgets.neuron`   one sigmoid neuron with weight and bias sliders; a neuron on two pixels (lessons 2-3)
* :mod:`~nnlib.widgets.descent`  gradient descent with a learning-rate slider; live training curves (lessons 4-5)
* :mod:`~nnlib.widgets.thinking` pick a test digit and watch every layer light up (lesson 5)
"""
