# Website chat widget (widget/): its browser tests are a layer of `make test`.
.PHONY: widget-deps test-widget widget-screenshot widget-facts

AXE_CORE := tests/browser/node_modules/axe-core/axe.min.js

$(AXE_CORE): tests/browser/package.json tests/browser/package-lock.json | system-browser
	cd tests/browser && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

widget-deps: $(AXE_CORE) ## axe-core from npm, for the widget's accessibility test

test-widget: $(MODEL) $(AXE_CORE) system-browser ## the widget in Debian's Chromium (Playwright), against real servers
	$(PYTEST) -m browser tests

widget-screenshot: $(MODEL) ## docs/widget.png from a real conversation (emoji: fonts-noto-color-emoji)
	$(PY) -m tests.browser.screenshot

widget-facts: $(VENV)/.installed ## write the directory's countries and numbers into widget/vigie-widget.js
	$(PY) -m tooling.widget_facts
