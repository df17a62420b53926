# Two commands for a newcomer:  make lab  (open the course)  and  make test  (check everything).
# Both create the virtual environment .venv inside the repository on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# JupyterLab refuses to run as root (e.g. in a container) unless told it may
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root)
# No "Jupyter news" question and no update check (no network calls) in the course's JupyterLab:
# the plugin that asks, fetches news and checks for updates is disabled in the venv only.
NEWS_PLUGIN := @jupyterlab/apputils-extension:announcements

.PHONY: lab test test-lowest install refresh media bench clean

$(VENV)/installed: requirements.txt requirements-browser.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade pip
	$(BIN)/python -m pip install -r requirements.txt -r requirements-browser.txt
	$(BIN)/jupyter labextension disable --level=sys_prefix "$(NEWS_PLUGIN)"
	touch $@

install: $(VENV)/installed

lab: install          ## install everything and open the course in JupyterLab
	$(BIN)/jupyter lab $(ALLOW_ROOT) notebooks/00_start_here.ipynb

test: install         ## install everything and run the unit tests, every notebook under strict nbval and in a browser
	$(BIN)/python -m pytest

# The same suite at the lowest versions requirements.txt allows (constraints-lowest.txt), in .venv-lowest
.venv-lowest/installed: requirements.txt requirements-browser.txt constraints-lowest.txt pyproject.toml
	$(PYTHON) -m venv .venv-lowest
	.venv-lowest/bin/python -m pip install --upgrade pip
	.venv-lowest/bin/python -m pip install -r requirements.txt -r requirements-browser.txt -c constraints-lowest.txt
	.venv-lowest/bin/jupyter labextension disable --level=sys_prefix "$(NEWS_PLUGIN)"
	touch $@

test-lowest: .venv-lowest/installed   ## run the whole suite at the lowest declared versions
	.venv-lowest/bin/python -m pytest

refresh: install      ## re-execute every notebook in place (after changing nnlib)
	$(BIN)/python tools/refresh_notebooks.py

media: install        ## regenerate the images in media/
	$(BIN)/python tools/make_media.py

bench: install        ## the speed benchmarks (print tables)
	$(BIN)/python bench/bench_training.py
	$(BIN)/python bench/bench_widgets.py
	$(BIN)/python bench/bench_notebooks.py

# The course as a static website in site/ (README: "Read the course as a website"), built offline from
# the committed notebooks in its own environment, .venv-site: Sphinx from PyPI, MathJax from npm.
SITE_VENV := .venv-site
.PHONY: site

$(SITE_VENV)/installed: requirements-site.txt site_src/package.json
	$(PYTHON) -m venv $(SITE_VENV)
	$(SITE_VENV)/bin/python -m pip install --upgrade pip
	$(SITE_VENV)/bin/python -m pip install -r requirements-site.txt
	cp site_src/package.json $(SITE_VENV)/package.json
	npm install --prefix $(SITE_VENV) --no-package-lock --no-audit --no-fund
	touch $@

site/index.html: $(SITE_VENV)/installed tools/build_site.py site_src/conf.py site_src/course_site.py \
		$(wildcard site_src/_static/*) README.md $(wildcard notebooks/*.ipynb media/*)
	$(SITE_VENV)/bin/python tools/build_site.py

site: site/index.html   ## build the course's website into site/

clean:
	rm -rf $(VENV) .venv-lowest
	rm -rf $(SITE_VENV) site build/site-src build/site-html build/site-doctrees
