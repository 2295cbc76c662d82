# Telegram channel (channels/telegram.py; how to connect a bot: README.md, "Telegram").
# Needs TELEGRAM_TOKEN, TELEGRAM_SECRET_TOKEN and TELEGRAM_WEBHOOK_URL in the environment.
.PHONY: telegram-webhook telegram-webhook-info test-telegram

test-telegram: $(MODEL) ## the Telegram channel against a fake Bot API and real servers (tests/telegram)
	$(PYTEST) -m telegram tests

telegram-webhook: ## register Vigie's webhook with Telegram (setWebhook with the secret token)
	@$(PY) scripts/telegram_webhook.py

telegram-webhook-info: ## what Telegram knows of the webhook (pending updates, last error)
	@$(PY) scripts/telegram_webhook.py --info
