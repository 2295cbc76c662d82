# Debian packages the servers and tests need, installed on first use (scripts/system-packages.sh:
# apt-get when root, otherwise it stops with the command to run).
.PHONY: system-browser system-scaled system-metrics

system-browser: ## Chromium and npm, for the widget's browser tests
	@scripts/system-packages.sh chromium npm

system-scaled: ## Redis and nginx, for make run-scaled and the scaled tests
	@scripts/system-packages.sh redis-server nginx

system-metrics: ## Prometheus, for the metrics tests
	@scripts/system-packages.sh prometheus
