"""Sphinx configuration of the course's website (built by ``make site``, see tools/build_site.py).

The pages are the committed notebooks with their stored outputs (MyST-NB, nothing is executed),
in the book theme, with MathJax served from the site itself: a built page loads nothing from
any other host.
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # the course_site extension

project = "Neural networks from scratch"

extensions = ["myst_nb", "sphinx.ext.githubpages", "course_site"]  # githubpages: a .nojekyll file
course_readme = str(HERE.parent / "README.md")  # the set-up commands shown on every page

# The notebooks as committed: their stored outputs, never executed.
nb_execution_mode = "off"
nb_merge_streams = True
# A widget shows its stored picture (the widget view itself needs a running kernel), and no widget
# script is loaded from a CDN.
nb_mime_priority_overrides = [("html", "application/vnd.jupyter.widget-view+json", None)]
nb_ipywidgets_js = {}
# The lessons' $...$ and $$...$$, and their bare web addresses ("Further reading") as links.
myst_enable_extensions = ["dollarmath", "amsmath", "linkify"]
myst_heading_anchors = 3

# MathJax 3 from the npm package installed by `make site`, copied into _static/mathjax by the build.
mathjax_path = "mathjax/tex-chtml.js"

html_theme = "sphinx_book_theme"
html_title = project
html_static_path = ["_static"]
html_css_files = ["course.css"]
html_logo = html_favicon = "_static/favicon.svg"
html_context = {"default_mode": "auto"}  # light or dark as the reader's system is; a switch in the header
html_copy_source = False  # each lesson links to its notebook itself (course_site)
html_show_sphinx = False
html_theme_options = {
    "logo": {"text": project},
    "navbar_persistent": [],  # search is in the sidebar (and Ctrl+K), not in a header bar as well
    "show_toc_level": 2,
    "use_download_button": False,
    "use_fullscreen_button": False,
    "footer_content_items": ["extra-footer.html"],
    "extra_footer": "<p>The handwritten digits are from the MNIST database by Yann LeCun, Corinna Cortes "
                    "and Christopher J.C. Burges (CC BY-SA 3.0).</p>",
}
