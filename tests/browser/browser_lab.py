"""Drive the course in JupyterLab in a real browser, as a learner does (used by tests/browser and bench/).

A :class:`LabServer` starts JupyterLab from this environment (127.0.0.1, a free port, settings and
runtime files in a temporary folder so a learner's own Jupyter configuration does not interfere) and
stops it by its pid. :func:`launch_chromium` starts Debian's Chromium headless through Playwright.
A :class:`LessonPage` opens one notebook, runs all its cells, waits for the kernel to be idle, and
reads back what the learner sees: outputs, widgets, sliders and plot images.

Nothing is ever saved: autosave is off and no save command is sent, so the notebooks on disk stay
exactly as committed.
"""

import hashlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "browser"  # screenshots (git-ignored)
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-dev-shm-usage"]
VIEWPORT = {"width": 1400, "height": 1000}

# User settings that make the browser session a faithful, side-effect-free copy of a learner's:
# no autosave (the notebooks on disk stay untouched) and every cell kept in the page (JupyterLab 4 can
# render only the cells in view). Everything else is the course's own configuration: `make install`
# disables NEWS_PLUGIN in the environment, for the learner's JupyterLab and for this one alike.
LAB_SETTINGS = {
    "@jupyterlab/docmanager-extension/plugin": {"autosave": False},
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
}
NEWS_PLUGIN = "@jupyterlab/apputils-extension:announcements"  # asks about news, checks for updates

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"


def free_port():
    """A TCP port on 127.0.0.1 that is free right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def chromium_problem():
    """Why the browser tests cannot run here, or None when they can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return ("Python Playwright is not installed: run `make install` "
                "(it installs requirements-browser.txt)")
    if not CHROMIUM.exists():
        return (f"{CHROMIUM} is missing: install Debian's Chromium with `sudo apt-get install chromium` "
                "(never `playwright install`)")
    return None


def launch_chromium(playwright):
    """Debian's Chromium, headless, driven by Playwright."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                      args=CHROMIUM_ARGS)


class LabServer:
    """A JupyterLab server for ``root_dir``, isolated in ``work_dir``; use as a context manager.

    Parameters
    ----------
    root_dir : Path
        The folder JupyterLab serves (the repository, so notebooks open as ``notebooks/NN.ipynb``).
    work_dir : Path
        An empty temporary folder for JupyterLab's configuration, runtime files, settings,
        workspaces and log.
    """

    def __init__(self, root_dir, work_dir):
        self.root_dir = Path(root_dir)
        self.work_dir = Path(work_dir)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = self.work_dir / "jupyterlab.log"
        self.process = None

    def environment(self):
        env = {key: value for key, value in os.environ.items()
               if not key.startswith(("JUPYTER", "IPYTHON")) and key != "MPLBACKEND"}
        folders = {"JUPYTER_CONFIG_DIR": "config", "JUPYTER_DATA_DIR": "data",
                   "JUPYTER_RUNTIME_DIR": "runtime", "JUPYTERLAB_SETTINGS_DIR": "settings",
                   "JUPYTERLAB_WORKSPACES_DIR": "workspaces", "IPYTHONDIR": "ipython"}
        for key, name in folders.items():
            env[key] = str(self.work_dir / name)
        return env

    def write_settings(self):
        for plugin, values in LAB_SETTINGS.items():
            path = self.work_dir / "settings" / f"{plugin}.jupyterlab-settings"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(values))

    def command(self):
        command = [sys.executable, "-m", "jupyterlab", "--no-browser",
                   "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={self.port}",
                   "--ServerApp.port_retries=0", "--ServerApp.token=", "--ServerApp.password=",
                   f"--ServerApp.root_dir={self.root_dir}", "--LabApp.expose_app_in_browser=True",
                   # checkpoints (JupyterLab makes one when it opens a file) go to the work folder
                   f"--FileCheckpoints.checkpoint_dir={self.work_dir / 'checkpoints'}"]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            command.append("--allow-root")
        return command

    def start(self, timeout=90):
        self.write_settings()
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(self.command(), cwd=self.root_dir, env=self.environment(),
                                            stdout=log, stderr=subprocess.STDOUT,
                                            start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"JupyterLab exited with code {self.process.returncode}:\n"
                                   + self.log_tail())
            try:
                self.get("/api/status")
                return self
            except OSError:
                time.sleep(0.25)
        self.stop()
        raise RuntimeError(f"JupyterLab did not answer within {timeout} s:\n" + self.log_tail())

    def get(self, path):
        with urllib.request.urlopen(self.url + path, timeout=10) as response:
            return json.load(response)

    def stop(self):
        """SIGTERM to the server's pid (it shuts its kernels down), SIGKILL to its group if stuck."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def log_tail(self, lines=40):
        """The last ``lines`` lines of the server's log (all of it for None)."""
        text = self.log_path.read_text(errors="replace")
        return text if lines is None else "\n".join(text.splitlines()[-lines:])

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc_info):
        self.stop()


# JavaScript run in the page. `window.jupyterapp` is JupyterLab itself (expose_app_in_browser).
_JS_NOTEBOOK = "window.jupyterapp.shell.currentWidget"

_JS_WAIT_FOR_KERNEL = f"""async () => {{
    const panel = {_JS_NOTEBOOK};
    await panel.context.ready;
    await panel.sessionContext.ready;
    return panel.sessionContext.session.kernel.name;
}}"""

_JS_IS_IDLE = f"""() => {{
    const panel = {_JS_NOTEBOOK};
    const kernel = panel && panel.sessionContext.session && panel.sessionContext.session.kernel;
    if (!kernel || kernel.status !== 'idle' || window.__lessonRunning) return false;
    const prompts = panel.node.querySelectorAll('.jp-InputArea-prompt');
    return !Array.from(prompts).some(prompt => prompt.textContent.includes('*'));
}}"""

_JS_RUN_ALL = """() => {
    window.__lessonRunning = true;
    window.jupyterapp.commands.execute('notebook:run-all-cells')
        .finally(() => { window.__lessonRunning = false; });
}"""

_JS_KERNEL_PRINT = f"""async (code) => {{
    const kernel = {_JS_NOTEBOOK}.sessionContext.session.kernel;
    const future = kernel.requestExecute({{code, silent: false, store_history: false}});
    let text = '';
    future.onIOPub = message => {{
        if (message.header.msg_type === 'stream') text += message.content.text;
    }};
    await future.done;
    return text;
}}"""

_JS_NOTEBOOK_JSON = f"() => {_JS_NOTEBOOK}.content.model.toJSON()"

_JS_IMAGE_DIGESTS = """async element => {
    const digests = [];
    for (const img of element.querySelectorAll('img')) {
        await img.decode();
        const bytes = await (await fetch(img.src)).arrayBuffer();
        const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
        digests.push(Array.from(hash, byte => byte.toString(16).padStart(2, '0')).join(''));
    }
    return digests;
}"""


class LessonPage:
    """One notebook opened in JupyterLab in a browser tab.

    Parameters
    ----------
    page : playwright.sync_api.Page
        A fresh browser tab.
    server : LabServer
        The running JupyterLab.
    notebook : str
        The notebook's path relative to the server's root, e.g. ``"notebooks/03_x.ipynb"``.

    Attributes
    ----------
    path : Path
        The notebook file.
    digest : str
        SHA-256 of the file when this object was made (before the browser opened it).
    kernel_name : str or None
        The kernel's name, once :meth:`open` has run.
    """

    def __init__(self, page, server, notebook):
        self.page = page
        self.server = server
        self.notebook = notebook
        self.path = server.root_dir / notebook
        self.digest = file_digest(self.path)
        self.kernel_name = None

    def open(self, timeout=120):
        """Open the notebook and wait until its kernel has started; returns the kernel's name."""
        self.page.set_default_timeout(timeout * 1000)
        self.page.goto(f"{self.server.url}/lab/tree/{self.notebook}?reset")
        self.page.wait_for_function(
            "() => window.jupyterapp && window.jupyterapp.shell.currentWidget"
            " && window.jupyterapp.shell.currentWidget.sessionContext")
        self.kernel_name = self.page.evaluate(_JS_WAIT_FOR_KERNEL)
        self.wait_until_idle(timeout)
        return self.kernel_name

    def run_all(self, timeout=600):
        """Run all cells (Run > Run All Cells) and wait until every cell has run and the kernel is idle."""
        self.page.evaluate(_JS_RUN_ALL)
        self.wait_until_idle(timeout)

    def wait_until_idle(self, timeout=60, settle=0.3):
        """Wait until no cell is queued or running and the kernel has stayed idle for ``settle`` s.

        ipywidgets keeps one message in flight, so after slider moves the kernel can go busy again
        right after an idle moment; the settle time covers that.
        """
        deadline = time.monotonic() + timeout
        while True:
            self.page.wait_for_function(_JS_IS_IDLE, polling=50,
                                        timeout=max(deadline - time.monotonic(), 0.1) * 1000)
            time.sleep(settle)
            if self.page.evaluate(_JS_IS_IDLE):
                return

    def kernel_print(self, code):
        """What ``code`` prints when run in the notebook's kernel, outside the notebook's cells."""
        return self.page.evaluate(_JS_KERNEL_PRINT, code)

    def notebook_json(self):
        """The notebook as the browser holds it now (nbformat JSON, with the new outputs)."""
        return self.page.evaluate(_JS_NOTEBOOK_JSON)

    def cells(self):
        """The cell elements, in notebook order."""
        return self.page.locator(".jp-NotebookPanel .jp-Notebook .jp-Cell")

    def widget_outputs(self):
        """Outputs that are rendered widgets (a widget that failed to render shows as text instead)."""
        return self.page.locator(".jp-NotebookPanel .jp-OutputArea-output:has(> .jupyter-widgets)")

    def sliders(self):
        """Every rendered horizontal slider (FloatSlider, IntSlider, ...)."""
        return self.page.locator(".jp-NotebookPanel .widget-hslider")

    def image_digests(self, element):
        """SHA-256 of the bytes of every loaded image inside ``element`` (what the learner sees)."""
        return element.evaluate(_JS_IMAGE_DIGESTS)

    def hide_side_panels(self):
        self.page.evaluate("() => { window.jupyterapp.shell.collapseLeft();"
                           " window.jupyterapp.shell.collapseRight(); }")

    def close(self):
        """Shut the kernel down and close the tab, without saving."""
        self.page.evaluate(f"async () => {{ await {_JS_NOTEBOOK}.sessionContext.shutdown(); }}")
        self.page.close()

    def output_text(self):
        """The text of every cell output, as shown."""
        return "\n".join(self.page.locator(".jp-NotebookPanel .jp-OutputArea").all_inner_texts())


def slider_description(slider):
    return slider.locator(".widget-label").first.inner_text().strip()


def slider_readout(slider):
    return slider.locator(".widget-readout").first.inner_text().strip()


def press_slider_key(slider, key):
    """Focus the slider's handle and press ``key`` (``"ArrowRight"``, ``"ArrowLeft"``, ...)."""
    handle = slider.locator(".noUi-handle").first
    handle.focus()
    handle.press(key)


def widget_output_of(element):
    """The output element (a whole widget cell's output) that contains ``element``."""
    return element.locator("xpath=ancestor::div[contains(@class, 'jp-OutputArea-output')][1]")


def file_digest(path):
    """SHA-256 of a file's bytes."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()
