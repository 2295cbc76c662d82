# Prometheus metrics (vigie/metrics.py, docs/metrics.md): a real Prometheus scrapes real servers.
.PHONY: test-metrics

test-metrics: $(MODEL) system-metrics ## Prometheus scrapes a real server after scripted conversations (tests/metrics)
	$(PYTEST) -m metrics tests
