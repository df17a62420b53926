"""Build the course's website into site/; run by `make site` with the site's own environment (.venv-site).

1. Stage a Sphinx source folder, build/site-src: the home page made from the README (its introduction
   and lesson table), the notebooks as committed and the images they show (media/).
2. Build it with the configuration in site_src/ (MyST-NB and the book theme; nothing is executed, the
   pages show the outputs stored in the notebooks) into build/site-html.
3. Copy MathJax, from the npm package `make site` installs into .venv-site, into the built site,
   and leave out the theme's source maps (for debugging the theme only).
4. Put the built site in place of site/ (a failed build leaves the previous site as it was).

Usage: .venv-site/bin/python tools/build_site.py
"""

import shutil
import sys
from pathlib import Path

from sphinx.cmd.build import build_main

ROOT = Path(__file__).resolve().parents[1]
SITE_SRC = ROOT / "site_src"
STAGING = ROOT / "build" / "site-src"
OUTPUT = ROOT / "build" / "site-html"
DOCTREES = ROOT / "build" / "site-doctrees"
SITE = ROOT / "site"
MATHJAX = ROOT / ".venv-site" / "node_modules" / "mathjax" / "es5"
# What the pages' MathJax (tex-chtml.js) loads: its fonts, the TeX extensions it loads on demand,
# and the menu's accessibility tools (speech, explorer) with the speech rule engine they load.
MATHJAX_PARTS = ["tex-chtml.js", "output/chtml/fonts/woff-v2", "input/tex/extensions", "ui", "a11y", "sre"]

sys.path.insert(0, str(SITE_SRC))
from course_site import home_page, setup_commands  # noqa: E402


def stage():
    """Write the Sphinx source folder: the home page, the notebooks and media/."""
    shutil.rmtree(STAGING, ignore_errors=True)
    STAGING.mkdir(parents=True)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (STAGING / "index.md").write_text(home_page(readme, setup_commands(readme)), encoding="utf-8")
    (STAGING / "notebooks").mkdir()
    for notebook in sorted((ROOT / "notebooks").glob("*.ipynb")):
        shutil.copy2(notebook, STAGING / "notebooks")
    shutil.copytree(ROOT / "media", STAGING / "media")


def copy_mathjax(static):
    """Copy the parts of MathJax the pages use into ``static``/mathjax."""
    if not (MATHJAX / "tex-chtml.js").exists():
        sys.exit(f"MathJax is missing from {MATHJAX}: run `make site` (it installs it with npm)")
    for part in MATHJAX_PARTS:
        source, target = MATHJAX / part, static / "mathjax" / part
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)


def main():
    stage()
    shutil.rmtree(OUTPUT, ignore_errors=True)
    status = build_main(["-b", "html", "-E", "-q", "-j", "auto", "-c", str(SITE_SRC),
                         "-d", str(DOCTREES), str(STAGING), str(OUTPUT)])
    if status:
        return status
    copy_mathjax(OUTPUT / "_static")
    for source_map in OUTPUT.rglob("*.map"):  # the theme's source maps: for debugging it, 3 MB
        source_map.unlink()
    shutil.rmtree(SITE, ignore_errors=True)
    OUTPUT.rename(SITE)
    print(f"The course's website is in {SITE.relative_to(ROOT)}/. To read it: "
          f"python3 -m http.server --directory {SITE.relative_to(ROOT)} --bind 127.0.0.1 8000")
    return 0


if __name__ == "__main__":
    sys.exit(main())
