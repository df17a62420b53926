"""Interactive widgets of the course (sliders and live figures), built on ipywidgets.

Every widget redraws one reused matplotlib figure into an ``ipywidgets.Image`` (see
:mod:`nnlib.widgets.live`), which keeps a slider move fast and avoids a new figure per move.
Displayed in a notebook, every widget also leaves a PNG picture of its figure in the same output, so
that a reader without a kernel (GitHub, nbviewer) sees the picture instead of the widget's text.

* :mod:`~nnlib.widgets.live`     the reusable live figure
* :mod:`~nnlib.widgets.neuron`   one sigmoid neuron with weight and bias sliders; a neuron on two pixels (lessons 2-3)
* :mod:`~nnlib.widgets.descent`  gradient descent with a learning-rate slider; live training curves (lessons 4-5)
* :mod:`~nnlib.widgets.thinking` pick a test digit and watch every layer light up (lesson 5)
* :mod:`~nnlib.widgets.draw`     draw a digit and watch your network read it (lesson 5; JavaScript in ``draw.js``)
* :mod:`~nnlib.widgets.stepper`  step through backpropagation on the 2-2-2 example (lesson 7)
"""
