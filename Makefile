# Vigie — `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help
export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 2
export SQLALCHEMY_SILENCE_UBER_WARNING := 1

# Python 3.10 (Rasa 3.6 refuses 3.11): pyenv's, found even when pyenv is not on PATH
PY_VERSION := $(shell cat .python-version)
PY310 ?= $(firstword $(wildcard $(shell pyenv prefix $(PY_VERSION) 2>/dev/null)/bin/python \
           $(HOME)/.pyenv/versions/$(PY_VERSION)/bin/python /root/.pyenv/versions/$(PY_VERSION)/bin/python) \
           $(shell command -v python3.10))
VENV := .venv
PY := $(VENV)/bin/python
RASA := $(PY) -m vigie.server
MODEL := models/vigie.tar.gz
# Rasa merges every file of the domain folder; countries.yml is generated from the directory
DOMAIN := domain
COUNTRY_ANSWERS := $(DOMAIN)/countries.yml
TRAIN_INPUTS := config.yml $(sort $(wildcard $(DOMAIN)/*.yml) $(COUNTRY_ANSWERS)) \
                $(shell find data lexicon vigie -type f \( -name '*.y*ml' -o -name '*.py' \) 2>/dev/null)

.PHONY: help venv generate train run shell stop test test-fast lint unit test-data test-stories test-nlu test-e2e bench \
        content-report content-book

help: ## this list
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-18s %s\n", $$1, $$2}'

$(VENV)/.installed: requirements.txt requirements.lock pyproject.toml
	@test -x $(PY) || $(PY310) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements.txt -c requirements.lock
	$(PY) -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

venv: $(VENV)/.installed ## build .venv (Python 3.10, pinned versions)

# What comes from directory/helplines.yml; the unit tests fail when it is out of date.
generate: $(VENV)/.installed ## rewrite what the directory generates: domain/countries.yml, the widget's numbers
	$(PY) -m scripts.country_answers
	$(PY) -m tooling.widget_facts

$(COUNTRY_ANSWERS): directory/helplines.yml directory/answers.yml scripts/country_answers.py vigie/directory.py \
                    | $(VENV)/.installed
	$(PY) -m scripts.country_answers

# The lexicons' hash is part of TextCleaner's configuration, hence of Rasa's fingerprint: a
# changed lexicon retrains. `touch` for the case where Rasa finds nothing to retrain.
$(MODEL): $(VENV)/.installed $(TRAIN_INPUTS)
	$(RASA) train --domain $(DOMAIN) --fixed-model-name vigie --out models --quiet && touch $@

train: $(MODEL) ## train the model if data or config changed

run: $(MODEL) ## start Rasa (REST on localhost:5005) and the widget's demo page
	@scripts/run.sh

shell: $(MODEL) ## chat with Vigie in the terminal (the actions run inside Rasa)
	$(RASA) shell -m $(MODEL)

# Layers: test-fast needs neither a model nor a server; the others share one stack per layer.
PYTEST := $(PY) -m pytest -q -p no:cacheprovider

test: test-fast test-data test-stories test-nlu test-e2e test-widget test-telegram test-metrics test-scaled ## everything, fast layer first

test-fast: lint unit ## ruff + unit tests of pure functions (no model, no server, < 60 s)

lint: $(VENV)/.installed
	$(PY) -m ruff check .

unit: $(VENV)/.installed
	$(PYTEST) tests/unit

test-data: $(MODEL)
	$(RASA) data validate --domain $(DOMAIN) --quiet

test-stories: $(MODEL)
	$(RASA) test core -m $(MODEL) --stories tests/test_stories.yml --fail-on-prediction-errors --out results/core --quiet

test-nlu: $(MODEL) ## blind NLU gate (tests/test_nlu_blind.py)
	$(PYTEST) -m nlu tests

test-e2e: $(MODEL) ## end-to-end over REST on one shared stack, then the destructive tests on their own
	$(PYTEST) -m "e2e and not destructive" tests
	$(PYTEST) -m "e2e and destructive" tests

content-report: $(MODEL) ## words per answer, every scenario x country, on the real servers (VIGIE_LOCAL_TIME=HH:MM)
	$(PY) -m scripts.content_report

content-book: $(MODEL) system-browser ## every answer, country and hour in build/content-book.html (+ .pdf) for review
	$(PY) -m scripts.content_book

bench: $(MODEL) ## figures: held-out NLU, latency, throughput, memory, vs the stock Rasa pipeline
	$(PY) -m bench.run $(BENCH_ARGS)

# Targets of the channels and deployment pieces (widget, Telegram, metrics, scaled run) live in mk/.
-include mk/*.mk
