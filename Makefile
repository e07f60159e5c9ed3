# The two set-up commands are `make site` and `make test`; both create .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: site test serve golden bench clean venv pdf system score

venv: $(STAMP)

$(STAMP): requirements.txt requirements-test.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(BIN)/python -m compileall -q builder
	touch $(STAMP)

site: $(STAMP)
	$(BIN)/dossier build --site site
	@echo "The site is in site/ (open site/index.html, or run 'make serve' for a live preview)."

test: $(STAMP) system
	$(BIN)/python -m pytest -q

serve: $(STAMP)
	$(BIN)/dossier serve

golden: $(STAMP)
	$(BIN)/python -m tests.golden

clean:
	rm -rf site .site.staging .site.old docs/.dossier-*
	rm -rf pdf .pdf.staging .pdf.old

# Byte-code is compiled first: a shell with PYTHONDONTWRITEBYTECODE set would otherwise
# compile the builder from source on every run, as no installed package does.
bench: $(STAMP)
	$(BIN)/python -m compileall -q builder
	$(BIN)/python -m tests.bench

# System packages outside the venv (Chromium, poppler-utils via apt-get when missing and
# we are root or have sudo) and axe-core (npm ci): for `make pdf` and the browser tests.
system:
	bash scripts/setup-system.sh

# One PDF brief per article in pdf/articles/ and the whole dossier in pdf/dossier.pdf.
pdf: site system
	$(BIN)/dossier pdf --site site --out pdf

# Score the bundled dossier's export against the hand-made gold annotations (../shared/gold).
GOLD ?= ../shared/gold/seeds.yml
score: $(STAMP)
	$(BIN)/dossier build -q --no-cache
	$(BIN)/python ../shared/tools/score.py docs/dossier.json $(GOLD)
