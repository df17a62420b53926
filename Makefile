# Two commands for a newcomer:  make lab  (open the course)  and  make test  (check everything).
# Both create the virtual environment .venv inside the repository on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# JupyterLab refuses to run as root (e.g. in a container) unless told it may
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root)

.PHONY: lab test install refresh media bench clean

$(VENV)/installed: requirements.txt requirements-browser.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade pip
	$(BIN)/python -m pip install -r requirements.txt -r requirements-browser.txt
	touch $@

install: $(VENV)/installed

lab: install          ## install everything and open the course in JupyterLab
	$(BIN)/jupyter lab $(ALLOW_ROOT) notebooks/00_start_here.ipynb

test: install         ## install everything and run the unit tests and every notebook under strict nbval
	$(BIN)/python -m pytest

refresh: install      ## re-execute every notebook in place (after changing nnlib)
	$(BIN)/python tools/refresh_notebooks.py

media: install        ## regenerate the images in media/
	$(BIN)/python tools/make_media.py

bench: install        ## the speed benchmarks (print tables)
	$(BIN)/python bench/bench_training.py
	$(BIN)/python bench/bench_widgets.py

clean:
	rm -rf $(VENV)
