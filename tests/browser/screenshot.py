"""docs/widget.png: the widget in Debian's Chromium after a short real conversation.

    make widget-screenshot   (python -m tests.browser.screenshot)

Emoji need a colour emoji font: apt-get install fonts-noto-color-emoji.
"""
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser.harness import bot_for, open_chat, say, widget_server
from tooling.browser import launch_chromium
from tooling.processes import ROOT, free_port

OUTPUT = ROOT / "docs" / "widget.png"


def take(output: Path = OUTPUT, height: int = 700) -> Path:
    port = free_port()
    bot = bot_for(f"http://127.0.0.1:{port}").start()
    demo = widget_server(bot.url, port).start()
    try:
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            page = browser.new_page(locale="fr-FR", viewport={"width": 360, "height": height},
                                    device_scale_factor=2)
            open_chat(page, demo.url)
            say(page, "quelqu'un menace de publier mes photos si je paie pas")
            # The widget itself scrolls the start of the answer (its key line) to the top.
            output.parent.mkdir(exist_ok=True)
            page.screenshot(path=str(output))
            browser.close()
    finally:
        demo.stop()
        bot.stop()
    return output


if __name__ == "__main__":
    print(take(*([Path(sys.argv[1]), int(sys.argv[2])] if len(sys.argv) > 2 else [])))
