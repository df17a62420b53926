"""Browser-side latency of the sigmoid neuron widget (lesson 3): slider key press to new plot pixels.

    python bench/bench_browser_latency.py [--presses 40]

Starts JupyterLab from this environment and Debian's Chromium headless (as the browser tests do,
see tests/browser/browser_lab.py), runs a one-cell notebook showing
:class:`nnlib.widgets.neuron.NeuronWidget`, and presses an arrow key on the ``weight w`` and the
``bias b`` slider many times (right and left in turn, waiting for the kernel to be idle in between).
For each press, timed in the page from the key event:

- "new image": the plot's ``<img>`` receives the new PNG (kernel round trip included);
- "painted": that PNG is decoded and the frame that shows it starts (what the learner sees).

The kernel-side time of the same moves (the widget's ``update``: recompute, redraw, encode the
PNG) is measured inside the kernel, so the table shows where the time goes.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "browser"))
import browser_lab  # noqa: E402

WIDGET_CELL = """from nnlib.widgets.neuron import NeuronWidget
import time
widget = NeuronWidget()
update_seconds = []
_update = widget.update

def timed_update():
    start = time.perf_counter()
    _update()
    update_seconds.append(time.perf_counter() - start)

widget.update = timed_update   # the sliders call self.update(), so every move is timed
widget"""

# Waits for the next change of the plot's src after a key press on the page, then for the new
# picture to be decoded and for the start of the frame that draws it (requestAnimationFrame).
# Resolves to [ms to new src, ms to that frame].
ARM = """() => {
    const img = document.querySelector('.jp-NotebookPanel .widget-image');
    window.__latency = new Promise(resolve => {
        let pressed = null;
        document.addEventListener('keydown', () => { pressed = performance.now(); },
                                  {once: true, capture: true});
        const observer = new MutationObserver(async () => {
            observer.disconnect();
            const arrived = performance.now();
            await img.decode();
            requestAnimationFrame(() => resolve([arrived - pressed, performance.now() - pressed]));
        });
        observer.observe(img, {attributes: true, attributeFilter: ['src']});
    });
}"""


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[round(fraction * (len(ordered) - 1))]


def summary(name, values):
    return (f"{name:30s} {len(values):7d} {statistics.median(values):8.1f} {percentile(values, 0.1):7.1f} "
            f"{percentile(values, 0.9):7.1f} {min(values):7.1f} {max(values):7.1f}")


def measure(lesson, slider, presses, warmup=3):
    """Press ArrowRight/ArrowLeft alternately; return (ms to new src, ms to painted) per press."""
    arrived, painted = [], []
    for press in range(warmup + presses):
        lesson.page.evaluate(ARM)
        browser_lab.press_slider_key(slider, "ArrowRight" if press % 2 == 0 else "ArrowLeft")
        times = lesson.page.evaluate("() => window.__latency")
        lesson.wait_until_idle(settle=0.2)
        if press >= warmup:
            arrived.append(times[0])
            painted.append(times[1])
    return arrived, painted


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presses", type=int, default=40, help="key presses per slider")
    args = parser.parse_args()
    problem = browser_lab.chromium_problem()
    if problem:
        sys.exit(problem)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(WIDGET_CELL)])
        notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)",
                                           "language": "python"}
        nbformat.write(notebook, folder / "neuron.ipynb")
        (folder / "lab").mkdir()
        with browser_lab.LabServer(folder, folder / "lab") as server, sync_playwright() as playwright:
            browser = browser_lab.launch_chromium(playwright)
            lesson = browser_lab.LessonPage(browser.new_page(viewport=browser_lab.VIEWPORT), server,
                                            "neuron.ipynb")
            lesson.open()
            lesson.run_all()
            rows = []
            for description in ("weight w", "bias b"):
                slider = lesson.sliders().filter(has_text=description).first
                kernel_before = int(lesson.kernel_print("print(len(update_seconds))"))
                arrived, painted = measure(lesson, slider, args.presses)
                kernel = lesson.kernel_print(
                    f"print(*(1000 * s for s in update_seconds[{kernel_before}:]))").split()
                kernel = [float(value) for value in kernel][-args.presses:]
                rows += [summary(f"{description}: key -> new image", arrived),
                         summary(f"{description}: key -> painted", painted),
                         summary(f"{description}: kernel update", kernel)]
            lesson.close()
            browser.close()
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"NeuronWidget in JupyterLab + Chromium headless, {time.strftime('%Y-%m-%d')}, "
          f"{os.cpu_count()} cores, load average {load} (times in ms)")
    print(f"{'':30s} {'presses':>7s} {'median':>8s} {'p10':>7s} {'p90':>7s} {'min':>7s} {'max':>7s}")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
