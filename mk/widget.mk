# Website chat widget (widget/): its browser tests run in `make test` through test-py.
.PHONY: widget-deps test-widget widget-screenshot

AXE_CORE := tests/browser/node_modules/axe-core/axe.min.js

$(AXE_CORE): tests/browser/package.json tests/browser/package-lock.json
	cd tests/browser && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

widget-deps: $(AXE_CORE) ## axe-core from npm, for the widget's accessibility test

# pytest tests (test-py) includes tests/browser, which needs axe-core.
test-py: $(AXE_CORE)

test-widget: $(MODEL) $(AXE_CORE) ## the widget in Debian's Chromium (Playwright), against real servers
	$(PY) -m pytest -q tests/browser

widget-screenshot: $(MODEL) ## docs/widget.png from a real conversation (emoji: fonts-noto-color-emoji)
	$(PY) tests/browser/screenshot.py
