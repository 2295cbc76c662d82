"""Registers Vigie's webhook with Telegram: `make telegram-webhook`.

The channel itself never calls Telegram at start; this explicit command does, once per
deployment: setWebhook with the public HTTPS URL and the secret token Telegram will send in
every update (the channel refuses updates without it). It reads the channel's settings from
the environment: TELEGRAM_TOKEN, TELEGRAM_SECRET_TOKEN, TELEGRAM_API_BASE_URL (optional) and
TELEGRAM_WEBHOOK_URL. It never prints the token or the secret.
"""
import argparse
import asyncio
import os
import sys
from typing import List, Optional
from urllib.parse import urlparse


from rasa.shared.exceptions import RasaException

from channels.telegram import (ALLOWED_UPDATES, DEFAULT_API_BASE_URL, ENV_VARS, ApiReply,
                               TelegramApi, TelegramSettings)

WEBHOOK_URL_VAR = "TELEGRAM_WEBHOOK_URL"
WEBHOOK_PATH = "/webhooks/telegram/webhook"
USAGE_ERROR = 2


def parse_args(argv: Optional[List[str]]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Set, show or delete Vigie's Telegram webhook.")
    parser.add_argument("--url", default=os.environ.get(WEBHOOK_URL_VAR, ""),
                        help=f"public HTTPS address of Vigie (default: ${WEBHOOK_URL_VAR}); "
                             f"{WEBHOOK_PATH} is added when only the host is given")
    parser.add_argument("--drop-pending-updates", action="store_true",
                        help="forget the updates Telegram kept while the webhook was down")
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--info", action="store_true", help="show the webhook Telegram knows")
    action.add_argument("--delete", action="store_true", help="remove the webhook")
    return parser.parse_args(argv)


def webhook_url(given: str) -> str:
    """'https://vigie.example.org' -> 'https://vigie.example.org/webhooks/telegram/webhook'."""
    given = given.strip()
    return given.rstrip("/") + WEBHOOK_PATH if urlparse(given).path in ("", "/") else given


def url_problem(url: str, api_base_url: str) -> Optional[str]:
    if not url:
        return f"{WEBHOOK_URL_VAR} (or --url) is needed: the public HTTPS address of Vigie."
    if not url.startswith("https://") and api_base_url == DEFAULT_API_BASE_URL:
        return "Telegram only calls HTTPS webhooks: the URL must start with https://."
    return None


async def call(settings: TelegramSettings, method: str, payload: dict) -> ApiReply:
    api = TelegramApi(settings.token, settings.api_base_url)
    try:
        return await api.call(method, payload)
    finally:
        await api.close()


def set_webhook_payload(args: argparse.Namespace, settings: TelegramSettings) -> dict:
    return {"url": webhook_url(args.url), "secret_token": settings.secret_token,
            "allowed_updates": ALLOWED_UPDATES,
            "drop_pending_updates": args.drop_pending_updates}


def show_info(reply: ApiReply) -> None:
    info = reply.result or {}
    for key in ("url", "pending_update_count", "last_error_date", "last_error_message",
                "allowed_updates"):
        if key in info:
            print(f"{key}: {info[key]}")


def load_settings() -> Optional[TelegramSettings]:
    try:
        settings = TelegramSettings.load({}, os.environ)
    except RasaException as error:
        print(error, file=sys.stderr)
        return None
    if not settings.enabled:
        print(f"{ENV_VARS['token']} is not set (the token BotFather gave).", file=sys.stderr)
        return None
    return settings


def main(argv: Optional[List[str]] = None) -> int:
    args = parse_args(argv)
    settings = load_settings()
    if settings is None:
        return USAGE_ERROR
    if args.info:
        reply = asyncio.run(call(settings, "getWebhookInfo", {}))
        show_info(reply)
    elif args.delete:
        reply = asyncio.run(call(settings, "deleteWebhook",
                                 {"drop_pending_updates": args.drop_pending_updates}))
    else:
        problem = url_problem(webhook_url(args.url) if args.url else "", settings.api_base_url)
        if problem:
            print(problem, file=sys.stderr)
            return USAGE_ERROR
        reply = asyncio.run(call(settings, "setWebhook", set_webhook_payload(args, settings)))
    print(reply.description or ("OK" if reply.ok else "Telegram did not answer."),
          file=sys.stdout if reply.ok else sys.stderr)
    return 0 if reply.ok else 1


if __name__ == "__main__":
    sys.exit(main())
