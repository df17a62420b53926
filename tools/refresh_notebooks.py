"""Re-execute the course notebooks in place, top to bottom in a fresh kernel, and store their outputs.

    python tools/refresh_notebooks.py                 # every notebook in notebooks/
    python tools/refresh_notebooks.py notebooks/03_activation_functions.ipynb

Run it whenever code a notebook depends on changes, then commit the notebooks: strict nbval
compares the stored outputs with fresh ones. Widget state is stripped after execution (it bloats
the file, and JupyterLab does not restore it anyway).
"""

import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]


def refresh(path):
    notebook = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    NotebookClient(notebook, timeout=900, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    notebook.metadata.pop("widgets", None)
    nbformat.write(notebook, path)
    print(f"{path.relative_to(ROOT)}: executed in {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    paths = [Path(p).resolve() for p in sys.argv[1:]] or sorted((ROOT / "notebooks").glob("*.ipynb"))
    for notebook_path in paths:
        refresh(notebook_path)
