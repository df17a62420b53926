"""Computational graphs drawn with matplotlib alone (lesson 7).

:func:`draw_graph` draws the graph of a :class:`nnlib.autograd.Value`: inputs on the left, the
output on the right, every value in a box with its number (forward pass, green) and its gradient
(backward pass, orange), every operation as a small circle. :func:`draw_dependency_tree` draws the
chain "one neuron per layer" of lesson 7: which quantity the cost depends on through which.
No graph-layout program is needed: values are placed in columns by how many operations separate
them from the inputs.
"""

import numpy as np
from matplotlib.patches import Circle, FancyBboxPatch

from .style import new_axes

VALUE_COLOUR = "#1b7837"      # numbers of the forward pass
GRADIENT_COLOUR = "#b35806"   # gradients of the backward pass
EDGE_COLOUR = "#7a7a7a"
ROW_SPACING = 1.25
OP_SYMBOLS = {"sigmoid": "σ"}    # shorter names inside the operation circles
OP_RADIUS = 0.2
INCH = 1.05                   # figure inches per unit of the layout (about 0.8 inside matplotlib's margins)
FONT_SIZE = 11


def _layout(order):
    """Column and row of every value of a graph given in topological order (inputs first).

    Inputs get column 0, any other value one more than its highest child. Inputs are stacked in
    the order they are first met; every other value sits at the mean height of its children, then
    values sharing a column are pushed apart to at least one row.
    """
    column, row = {}, {}
    for node in order:
        column[id(node)] = 1 + max((column[id(c)] for c in node.children), default=-1)
    leaves = [n for n in order if not n.children]
    for i, node in enumerate(leaves):
        row[id(node)] = float(i)
    for col in range(1, max(column.values()) + 1):
        nodes = [n for n in order if column[id(n)] == col]
        for node in nodes:
            row[id(node)] = float(np.mean([row[id(c)] for c in node.children]))
        nodes.sort(key=lambda n: row[id(n)])
        for above, below in zip(nodes, nodes[1:]):
            row[id(below)] = max(row[id(below)], row[id(above)] + 1.0)
    return column, row


def _box(ax, x, y, lines, colours, width, height, face="white"):
    """A rounded box centred at (x, y) with one text line per entry of ``lines``."""
    ax.add_patch(FancyBboxPatch((x - width / 2, y - height / 2), width, height,
                                boxstyle="round,pad=0.02,rounding_size=0.08",
                                facecolor=face, edgecolor="#444444", linewidth=1.0, zorder=2))
    offsets = np.linspace(height / 4, -height / 4, len(lines)) if len(lines) > 1 else [0.0]
    for text, colour, dy in zip(lines, colours, offsets):
        ax.text(x, y + dy, text, ha="center", va="center", fontsize=FONT_SIZE, color=colour, zorder=3)


def draw_graph(root, ax=None, show_grad=True, title=None, digits=4):
    """Draw the computational graph that produced ``root``.

    Parameters
    ----------
    root : nnlib.autograd.Value
        The output; every value it was computed from is drawn.
    show_grad : bool
        Also write each value's gradient (call ``root.backward()`` first).
    title : str, optional
    digits : int
        Significant digits of the numbers shown.

    Returns
    -------
    matplotlib.axes.Axes
        With ``ax.graph_positions``: a dict from each drawn value to its (x, y) centre.
    """
    order = root.topological_order()
    column, row = _layout(order)
    n_columns, n_rows = max(column.values()) + 1, max(row.values()) + 1
    # compact, so that a deep graph shrunk to the width of a page keeps its text readable
    ax = new_axes(ax, figsize=(INCH * (2.0 * n_columns - 0.2), INCH * (ROW_SPACING * n_rows + 0.6) + 0.5))
    width, height = 1.4, 0.78 if show_grad else 0.5
    position = {id(n): (2.0 * column[id(n)], -ROW_SPACING * row[id(n)]) for n in order}

    for node in order:
        x, y = position[id(node)]
        if node.children:                                  # the operation, just left of its result
            ox, oy = x - 0.95, y
            for child in node.children:
                cx, cy = position[id(child)]
                ax.annotate("", xy=(ox - OP_RADIUS, oy), xytext=(cx + width / 2, cy), zorder=1,
                            arrowprops={"arrowstyle": "-|>", "color": EDGE_COLOUR, "lw": 1.0,
                                        "shrinkA": 0, "shrinkB": 0, "connectionstyle": "arc3,rad=0.0"})
            ax.annotate("", xy=(x - width / 2, y), xytext=(ox + OP_RADIUS, oy), zorder=1,
                        arrowprops={"arrowstyle": "-|>", "color": EDGE_COLOUR, "lw": 1.0, "shrinkA": 0, "shrinkB": 0})
            ax.add_patch(_circle(ox, oy))
            symbol = OP_SYMBOLS.get(node.op, node.op)
            ax.text(ox, oy, symbol, ha="center", va="center", fontsize=8.5 if len(symbol) > 2 else 12, zorder=4)
        name = node.label or ("constant" if not node.children else "")
        lines = ([name] if name else []) + [f"{node.data:.{digits}g}"]
        colours = (["#222222"] if name else []) + [VALUE_COLOUR]
        if show_grad:
            lines.append(f"grad {node.grad:.{digits}g}")
            colours.append(GRADIENT_COLOUR)
        _box(ax, x, y, lines, colours, width, height + (0.18 if name else 0.0),
             face="#f3f3f3" if not node.children else "white")

    ax.set_xlim(-0.9, 2.0 * (n_columns - 1) + 0.9)
    bottom = -ROW_SPACING * (n_rows - 1) - 0.9
    ax.set_ylim(bottom, 0.9)
    ax.set_aspect("equal")
    ax.axis("off")
    legend = "green: value (forward pass)"
    if show_grad:
        legend += f"   orange: gradient d{root.label or 'out'}/d(value) (backward pass)"
    ax.text(-0.9, bottom, legend, fontsize=10, color="#444444", va="top")
    if title:
        ax.set_title(title)
    ax.graph_positions = {node: position[id(node)] for node in order}
    return ax


def _circle(x, y, radius=OP_RADIUS):
    """The small circle that stands for an operation."""
    return Circle((x, y), radius, facecolor="#fff7bc", edgecolor="#444444", linewidth=1.0, zorder=3)


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


def draw_dependency_tree(values=None, ax=None, title=None):
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

    Returns
    -------
    matplotlib.axes.Axes
    """
    values = values or {}
    unknown = set(values) - set(DEPENDENCY_TREE)
    if unknown:
        raise ValueError(f"unknown node names {sorted(unknown)}; expected some of {list(DEPENDENCY_TREE)}")
    ax = new_axes(ax, figsize=(11, 3.6))
    for name, (label, x, y, feeds) in DEPENDENCY_TREE.items():
        if feeds is not None:
            _, fx, fy, _ = DEPENDENCY_TREE[feeds]
            ax.annotate("", xy=(fx - 0.45, fy), xytext=(x + 0.45, y), zorder=1,
                        arrowprops={"arrowstyle": "-|>", "color": EDGE_COLOUR, "lw": 1.2, "shrinkA": 0, "shrinkB": 0})
        earlier = name.endswith("(L-1)") and name != "a(L-1)" or name == "a(L-2)"
        _box(ax, x, y, [label], ["#222222"], 0.9, 0.5, face="#eeeeee" if earlier else "white")
        if name in values:
            ax.text(x, y - 0.36, f"{values[name]:.4g}", ha="center", va="top", fontsize=9, color=VALUE_COLOUR)
    ax.text(0.75, 2.55, "layer L-1", ha="center", fontsize=10, color="#555555")
    ax.text(4.5, 2.55, "layer L (the last)", ha="center", fontsize=10, color="#555555")
    ax.set_xlim(-0.6, 8.1)
    ax.set_ylim(-0.75, 2.8)
    ax.set_aspect("equal")
    ax.axis("off")
    if title:
        ax.set_title(title)
    return ax
