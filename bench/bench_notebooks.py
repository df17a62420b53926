"""How long each lesson takes to run top to bottom in a fresh kernel, as a learner's "Run All" does.

    python bench/bench_notebooks.py                 # every lesson, one after the other (about 2 minutes)
    python bench/bench_notebooks.py notebooks/05_training_on_mnist.ipynb

Each notebook is executed in memory (nothing is written back) with the course's kernel; the table gives
the wall time of running the cells, the kernel's CPU time (user + system of the kernel process, its start
and imports included; a busy machine inflates the wall time more than this), the slowest cell, and the
budget for the wall time on a quiet machine: at most 10 s per lesson, 40 s for lesson 5, which trains its
networks.
"""

import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
BUDGET_SECONDS = {"05_training_on_mnist.ipynb": 40.0}
DEFAULT_BUDGET = 10.0

KERNEL_CPU = "import os as _os; _t = _os.times(); print(_t.user + _t.system)"


def run(path):
    """Execute ``path``; return (wall seconds, kernel CPU seconds, slowest cell's seconds and number)."""
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, timeout=900, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    slowest, slowest_index = 0.0, None
    with client.setup_kernel():
        start = time.perf_counter()
        for index, cell in enumerate(notebook.cells):
            began = time.perf_counter()
            client.execute_cell(cell, index)
            if time.perf_counter() - began > slowest:
                slowest, slowest_index = time.perf_counter() - began, index
        wall = time.perf_counter() - start
        notebook.cells.append(nbformat.v4.new_code_cell(KERNEL_CPU))
        client.execute_cell(notebook.cells[-1], len(notebook.cells) - 1)
        cpu = float(notebook.cells[-1].outputs[0]["text"])
    return wall, cpu, slowest, slowest_index


def main(paths):
    print(f"{'lesson':<38} {'wall s':>7} {'kernel CPU s':>13} {'slowest cell':>17} {'budget s':>9}")
    for path in paths:
        wall, cpu, slowest, index = run(path)
        budget = BUDGET_SECONDS.get(path.name, DEFAULT_BUDGET)
        verdict = "" if wall <= budget else "  over budget"
        print(f"{path.name:<38} {wall:>7.1f} {cpu:>13.1f} {f'cell {index}: {slowest:.1f} s':>17} {budget:>9.0f}{verdict}",
              flush=True)


if __name__ == "__main__":
    main([Path(p).resolve() for p in sys.argv[1:]] or sorted((ROOT / "notebooks").glob("*.ipynb")))
