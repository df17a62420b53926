"""Computational graphs drawn with matplotlib alone (lesson 7).

:func:`draw_graph` draws the graph of a :class:`nnlib.autograd.Value`: inputs on the left, the
output on the right, every value in a box with its name, its number (forward pass, green) and its
gradient (backward pass, orange), every operation as a small circle. :func:`draw_dependency_tree`
draws the chain "one neuron per layer" of lesson 7: which quantity the cost depends on through which.
No graph-layout program is needed: each value sits one column right of the values it is made from, an
input (a value made from nothing) just left of its first use, and the chain from the output back to
the inputs runs along one row with the other inputs above and below it.
"""

import textwrap
from collections import deque

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Circle, FancyBboxPatch
from matplotlib.textpath import TextPath

from .style import new_axes

VALUE_COLOUR = "#1b7837"      # numbers of the forward pass
GRADIENT_COLOUR = "#b35806"   # gradients of the backward pass
EDGE_COLOUR = "#7a7a7a"
OP_SYMBOLS = {"sigmoid": "σ", "**2": "x²", "**-1": "1/x", "**3": "x³", "**0.5": "√x"}
"""Shorter names of operations, to fit in their circles."""
FONT_SIZE = 12                # points, at the size the figure is shown
ROW_INCH = 0.95               # one row of the layout, in inches
OP_GAP_INCH = 0.42            # the space between two columns, where the operation's circle sits
LINE_STEP = 0.24              # rows between two lines of text in a box
MAX_WIDTH_INCH = 10.0         # wider graphs get smaller (a notebook shows about 10 inches at full size)
MIN_WIDTH_INCH = 6.5          # narrower graphs get margins, so that the title and the key fit


def _columns(order):
    """Column of every value: an operation one right of its highest input, an input (no children) just
    left of the first operation that uses it."""
    column, parents = {}, {id(n): [] for n in order}
    for node in order:
        for child in node.children:
            parents[id(child)].append(node)
        column[id(node)] = 1 + max((column[id(c)] for c in node.children), default=-1)
    for node in order:
        if not node.children and parents[id(node)]:
            column[id(node)] = min(column[id(p)] for p in parents[id(node)]) - 1
    return column


def _rows(root, column):
    """Row of every value: the output on row 0; from each value back, its deepest operand continues on its
    row (the spine), the others take the rows just above and below; then values sharing a column are
    pushed apart to at least one row."""
    row, queue = {id(root): 0.0}, deque([root])
    while queue:
        node = queue.popleft()
        children = list(dict.fromkeys(node.children))              # a value used twice is placed once
        spine = max(children, key=lambda c: (bool(c.children), column[id(c)]), default=None)
        offsets = iter([-1.0, 1.0, -2.0, 2.0, -3.0, 3.0])
        for child in children:
            if id(child) in row:
                continue
            if child is spine and child.children:
                row[id(child)] = row[id(node)]
            else:
                row[id(child)] = row[id(node)] + next(offsets)
            queue.append(child)
    by_column = {}
    for key, col in column.items():
        by_column.setdefault(col, []).append(key)
    for keys in by_column.values():
        keys.sort(key=lambda k: row[k])
        for above, below in zip(keys, keys[1:]):
            row[below] = max(row[below], row[above] + 1.0)
    return row


def _box(ax, x, y, lines, colours, width, height, face="white", fontsize=FONT_SIZE):
    """A rounded box centred at (x, y) with one text line per entry of ``lines``."""
    ax.add_patch(FancyBboxPatch((x - width / 2, y - height / 2), width, height,
                                boxstyle="round,pad=0.02,rounding_size=0.06",
                                facecolor=face, edgecolor="#444444", linewidth=1.0, zorder=2))
    offsets = (np.arange(len(lines)) - (len(lines) - 1) / 2) * -LINE_STEP
    for text, colour, dy in zip(lines, colours, offsets):
        ax.text(x, y + dy, text, ha="center", va="center", fontsize=fontsize, color=colour, zorder=3)


def _text_inch(text, fontsize):
    """How wide ``text`` is, in inches, at ``fontsize`` points (matplotlib's default font)."""
    return TextPath((0, 0), text, size=fontsize).get_extents().width / 72


def _number(x, digits):
    return f"{x:.{digits}g}"


def draw_graph(root, ax=None, show_grad=True, title=None, digits=3):
    """Draw the computational graph that produced ``root``.

    Parameters
    ----------
    root : nnlib.autograd.Value
        The output; every value it was computed from is drawn.
    ax : matplotlib.axes.Axes, optional
        Where to draw; by default a new figure sized so that the text is readable.
    show_grad : bool
        Also write each value's gradient, in orange (call ``root.backward()`` first).
    title : str, optional
    digits : int
        Significant digits of the numbers shown.

    Returns
    -------
    matplotlib.axes.Axes
        With ``ax.graph_positions``: a dict from each drawn value to its (x, y) centre.
    """
    order = root.topological_order()
    column = _columns(order)
    row = _rows(root, column)
    lines = {}
    for node in order:
        text = ([node.label] if node.label else []) + [_number(node.data, digits)]
        colours = (["#222222"] if node.label else []) + [VALUE_COLOUR]
        if show_grad:
            text.append(_number(node.grad, digits))
            colours.append(GRADIENT_COLOUR)
        lines[id(node)] = (text, colours)
    widest = max(_text_inch(t, FONT_SIZE) for text, _ in lines.values() for t in text)
    n_columns = max(column.values()) + 1
    top, bottom = min(row.values()), max(row.values())
    box_inch = max(widest + 0.2, 0.75)
    graph_inch = n_columns * box_inch + (n_columns - 1) * OP_GAP_INCH + 0.3
    width_inch = max(graph_inch, MIN_WIDTH_INCH)
    scale = min(1.0, MAX_WIDTH_INCH / width_inch)               # shrink a very wide graph, text and all
    fontsize = FONT_SIZE * scale
    # layout units: one row = 1; a column step = box + gap, in the same units
    unit = ROW_INCH * scale
    box_w = box_inch * scale / unit
    step = (box_inch + OP_GAP_INCH) * scale / unit
    box_h = LINE_STEP * (3 if show_grad else 2) + 0.1           # three lines: name, value, gradient
    graph_chars = (width_inch - 0.3) / (_text_inch("0123456789", FONT_SIZE * 0.92) / 10)   # legend characters across
    legend = ["grey boxes: inputs and parameters", "green: value (forward pass)"]
    if show_grad:
        legend.append(f"orange: gradient d{root.label or 'out'}/d(value) (backward pass)")
    legend = "   ".join(legend) if len("   ".join(legend)) <= graph_chars else "\n".join(legend)
    title = "\n".join(textwrap.wrap(title, max(20, int(graph_chars / 1.08)))) if title else None
    legend_rows = 0.2 + 0.28 * (legend.count("\n") + 1)
    title_rows = 0.35 * (title.count("\n") + 1) + 0.1 if title else 0.0
    if ax is None:
        height = (bottom - top + 1 + legend_rows + title_rows + 0.12) * unit
        fig = plt.figure(figsize=(width_inch * scale, height))
        ax = fig.add_axes((0, 0, 1, 1))
    position = {id(n): (step * column[id(n)], -row[id(n)]) for n in order}

    for node in order:
        x, y = position[id(node)]
        if node.children:                                   # the operation's circle, just left of its result
            ox, oy, radius = x - box_w / 2 - (step - box_w) / 2, y, 0.15 / ROW_INCH
            for child in dict.fromkeys(node.children):
                cx, cy = position[id(child)]
                ax.annotate("", xy=(ox, oy), xytext=(cx + box_w / 2, cy), zorder=1,
                            arrowprops={"arrowstyle": "-|>", "color": EDGE_COLOUR, "lw": 1.0,
                                        "shrinkA": 0, "shrinkB": radius * 72 * unit, "mutation_scale": 12})
            ax.annotate("", xy=(x - box_w / 2, y), xytext=(ox + radius, oy), zorder=1,
                        arrowprops={"arrowstyle": "-|>", "color": EDGE_COLOUR, "lw": 1.0, "shrinkA": 0,
                                    "shrinkB": 0, "mutation_scale": 12})
            ax.add_patch(Circle((ox, oy), radius, facecolor="#fff7bc", edgecolor="#444444", linewidth=1.0, zorder=3))
            symbol = OP_SYMBOLS.get(node.op, node.op)
            ax.text(ox, oy, symbol, ha="center", va="center", fontsize=fontsize * (0.9 if len(symbol) > 1 else 1.05),
                    zorder=4)
        text, colours = lines[id(node)]
        _box(ax, x, y, text, colours, box_w, box_h, face="#f3f3f3" if not node.children else "white",
             fontsize=fontsize)

    margin = (width_inch - graph_inch) * scale / unit / 2          # centre a narrow graph
    left = -box_w / 2 - 0.15 - margin
    ax.set_xlim(left, step * (n_columns - 1) + box_w / 2 + 0.15 + margin)
    low = -bottom - 0.5 - legend_rows
    ax.set_ylim(low, -top + 0.5 + title_rows + 0.12)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.text(left + 0.1, low + 0.1, legend, fontsize=fontsize * 0.92, color="#444444", va="bottom", linespacing=1.3)
    if title:
        ax.text(left + 0.1, -top + 0.5 + title_rows, title, fontsize=fontsize * 1.08, va="top")
    ax.graph_positions = {node: position[id(node)] for node in order}
    return ax


DEPENDENCY_TREE = {
    # name: (label, x, y, parents it feeds)
    "w(L-1)": (r"$w^{(L-1)}$", 0.0, 2.0, "z(L-1)"),
    "a(L-2)": (r"$a^{(L-2)}$", 0.0, 1.0, "z(L-1)"),
    "b(L-1)": (r"$b^{(L-1)}$", 0.0, 0.0, "z(L-1)"),
    "z(L-1)": (r"$z^{(L-1)}$", 1.5, 1.0, "a(L-1)"),
    "w(L)": (r"$w^{(L)}$", 3.0, 2.0, "z(L)"),
    "a(L-1)": (r"$a^{(L-1)}$", 3.0, 1.0, "z(L)"),
    "b(L)": (r"$b^{(L)}$", 3.0, 0.0, "z(L)"),
    "z(L)": (r"$z^{(L)}$", 4.5, 1.0, "a(L)"),
    "a(L)": (r"$a^{(L)}$", 6.0, 1.0, "C0"),
    "y": (r"$y$", 6.0, 0.0, "C0"),
    "C0": (r"$C_0$", 7.5, 1.0, None),
}
"""The nodes of :func:`draw_dependency_tree`: label, position and the node each one feeds."""

LOCAL_DERIVATIVES = {
    "w(L-1)": r"$a^{(L-2)}$", "a(L-2)": r"$w^{(L-1)}$", "b(L-1)": r"$1$", "z(L-1)": r"$\sigma'(z^{(L-1)})$",
    "w(L)": r"$a^{(L-1)}$", "a(L-1)": r"$w^{(L)}$", "b(L)": r"$1$", "z(L)": r"$\sigma'(z^{(L)})$",
    "a(L)": r"$2(a^{(L)}-y)$",
}
"""The local derivative on each arrow of :func:`draw_dependency_tree`: d(node it feeds) / d(node)."""


def draw_dependency_tree(values=None, ax=None, title=None, derivatives=False):
    """Draw what the cost of one example depends on, for a chain of one neuron per layer.

    ``w(L)``, ``a(L-1)`` and ``b(L)`` make ``z(L) = w(L) a(L-1) + b(L)``, which makes
    ``a(L) = sigmoid(z(L))``, which with the target ``y`` makes ``C0 = (a(L) - y)**2``; ``a(L-1)``
    is made the same way one layer further back.

    Parameters
    ----------
    values : dict, optional
        Numbers to write under the nodes, keyed by the names of :data:`DEPENDENCY_TREE`
        (``"w(L)"``, ``"a(L-1)"``, ``"z(L)"``, ``"C0"``, ...).
    title : str, optional
    derivatives : bool, default False
        Write on each arrow its local derivative (:data:`LOCAL_DERIVATIVES`): how much the box at
        the arrow's head changes per unit change of the box at its tail, the others held fixed,
        e.g. ``sigma'(z(L))`` on the arrow from ``z(L)`` to ``a(L)``. The arrow from ``y`` has none:
        the target is not a knob.

    Returns
    -------
    matplotlib.axes.Axes
    """
    values = values or {}
    unknown = set(values) - set(DEPENDENCY_TREE)
    if unknown:
        raise ValueError(f"unknown node names {sorted(unknown)}; expected some of {list(DEPENDENCY_TREE)}")
    spread, width = (1.7, 1.2) if derivatives else (1.0, 0.95)   # wider columns leave room for the arrows' labels
    ax = new_axes(ax, figsize=(10, 3.9))
    for name, (label, x, y, feeds) in DEPENDENCY_TREE.items():
        x = x * spread
        if feeds is not None:
            _, fx, fy, _ = DEPENDENCY_TREE[feeds]
            tail, head = (x + width / 2 + 0.005, y), (fx * spread - width / 2 - 0.025, fy)   # tip outside the box
            ax.annotate("", xy=head, xytext=tail, zorder=3,
                        arrowprops={"arrowstyle": "-|>", "color": EDGE_COLOUR, "lw": 1.2, "shrinkA": 0, "shrinkB": 0})
            if derivatives and name in LOCAL_DERIVATIVES:
                _label_arrow(ax, LOCAL_DERIVATIVES[name], tail, head)
        earlier = name.endswith("(L-1)") or name == "a(L-2)"       # made in layer L-1, or before
        _box(ax, x, y, [label], ["#222222"], width, 0.52, face="#eeeeee" if earlier else "white",
             fontsize=FONT_SIZE + 1)
        if name in values:
            ax.text(x, y - 0.33, f"{values[name]:.4g}", ha="center", va="top", fontsize=FONT_SIZE - 0.5,
                    color=VALUE_COLOUR)
    key = "grey boxes: made in layer L-1 (or before);  white boxes: layer L, the last"
    if derivatives:
        key += "\non each arrow (orange): its local derivative, d(head) / d(tail)"
    ax.text(3.75 * spread, 2.45, key, ha="center", va="bottom", fontsize=FONT_SIZE, color="#555555",
            linespacing=1.4)
    ax.set_xlim(-width / 2 - 0.12, 7.5 * spread + width / 2 + 0.12)
    ax.set_ylim(-0.75, 3.15 if derivatives else 2.8)
    ax.set_aspect("equal")
    ax.axis("off")
    if title:
        ax.set_title(title, fontsize=FONT_SIZE + 1)
    return ax


def _label_arrow(ax, text, tail, head):
    """Write ``text`` beside the arrow from ``tail`` to ``head``: above a level arrow, on the right of a
    sloping one."""
    (x0, y0), (x1, y1) = tail, head
    if y0 == y1:
        along = 0.42 if len(text) < 14 else 0.5             # short labels keep clear of the arrowheads
        ax.text(x0 + along * (x1 - x0), y0 + 0.06, text, ha="center", va="bottom", fontsize=FONT_SIZE - 1,
                color=GRADIENT_COLOUR, zorder=4)
    else:                                                 # sloping: at its middle, on the right of the line
        ax.text((x0 + x1) / 2 + 0.06, (y0 + y1) / 2 + (0.04 if y1 < y0 else -0.04), text,
                ha="left", va="bottom" if y1 < y0 else "top", fontsize=FONT_SIZE - 1, color=GRADIENT_COLOUR,
                zorder=4)
