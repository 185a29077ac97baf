# Two commands on a fresh machine (see README):  make run   and   make test
VENV ?= .venv
PY := $(VENV)/bin/python
SAMPLES := resources/samples
STAMP := $(VENV)/.installed

.PHONY: setup run lint test check-samples bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml setup.py
	@# Text inside images needs Tesseract (French data) from the system; installed when we can.
	@command -v tesseract >/dev/null && tesseract --list-langs 2>/dev/null | grep -qx fra || \
	  { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
	    { apt-get update -qq; apt-get install -y -qq --no-install-recommends tesseract-ocr tesseract-ocr-fra >/dev/null; }; } || \
	  echo "Tesseract absent : lecture du texte des images désactivée (sudo apt-get install tesseract-ocr tesseract-ocr-fra)."
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[gui,images,test]'
	touch $(STAMP)

# Opens the editor on the bundled sample posts (checks them when no display is available).
run: setup
	@$(PY) -m editor open || { echo "Pas d'écran disponible : vérification des publications d'exemple."; \
		$(PY) -m editor check $(SAMPLES); true; }

check-samples: setup
	$(PY) -m editor check $(SAMPLES)

# Lint and import order (ruff), then types of the core packages (mypy, src/editor but ui/);
# both configured in pyproject.toml.
lint: setup
	$(PY) -m ruff check .
	$(PY) -m mypy

test: setup lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

bench: setup
	-$(PY) -m pip install --quiet proselint   # the baseline peer, where it installs
	$(PY) benchmarks/run_all.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
