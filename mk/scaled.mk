# Several Rasa processes (Redis stores, nginx) and the load benchmark: README.md, "Robustness, load...".
.PHONY: run-scaled bench-load

run-scaled: $(MODEL) ## Redis + 2 Rasa + 2 action servers behind nginx (REST on localhost:5005)
	@scripts/run_scaled.sh

bench-load: $(MODEL) ## load figures: 50 senders x 20 messages, one server and scaled (bench/load.json)
	$(PY) bench/load.py
