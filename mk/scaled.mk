# Several Rasa processes (Redis stores, nginx) and the load benchmark: README.md, "Robustness, load...".
.PHONY: run-scaled bench-load test-scaled

test-scaled: $(MODEL) system-scaled system-metrics ## Redis, nginx, two Rasa processes and Prometheus on loopback (tests/test_scaled.py)
	$(PYTEST) -m "scaled and not destructive" tests
	$(PYTEST) -m "scaled and destructive" tests

run-scaled: $(MODEL) system-scaled ## Redis + 2 Rasa + 2 action servers behind nginx (REST on localhost:5005)
	@scripts/run_scaled.sh

bench-load: $(MODEL) ## load figures: 50 senders x 20 messages, one server and scaled (bench/load.json)
	$(PY) -m bench.load
