"""The chat widget in Debian's Chromium, against the real Rasa and action servers."""
import re
import time

import requests
from playwright.sync_api import expect

from tests.browser.harness import (axe_source, bot_messages, choose, open_chat, say,
                                   wait_for_answer, widget_server)
from tooling.processes import free_port
from vigie.directory import COUNTRIES, country

SERVER_DOWN_BE = "Le serveur ne répond pas, appelle le 116 000 ou le 112 ou le 101 en cas de danger"
XSS = "<img src=x onerror=alert(1)>"


def notice(page):
    return page.locator(".vigie-notice")


def first_new_bubble_is_at_the_top(page) -> bool:
    """The start of the latest answer (its key line) is at the top of the log, in view."""
    return page.locator(".vigie-log").evaluate("""log => {
        const user = [...log.querySelectorAll('.vigie-msg--user')].pop();
        const first = user.nextElementSibling;
        const top = first.getBoundingClientRect().top - log.getBoundingClientRect().top;
        return log.scrollHeight > log.clientHeight && Math.abs(top) <= 2; }""")


def senders(page) -> list:
    """Sender ids the page sends to Rasa, filled as requests go out."""
    seen = []

    def record(request):
        if request.url.endswith("/webhooks/rest/webhook") and request.method == "POST":
            seen.append(request.post_data_json["sender"])
    page.on("request", record)
    return seen


def server_user_messages(bot, sender: str) -> list:
    """What the server still holds of this conversation (Rasa's HTTP API)."""
    tracker = requests.get(f"{bot.url}/conversations/{sender}/tracker", timeout=10).json()
    return [e.get("text") for e in tracker.get("events", []) if e.get("event") == "user"]


def wait_until(check, timeout: float = 10) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.2)
    return False


def deep_focus(page) -> dict:
    """The focused element, through the widget's shadow root, and its focus ring."""
    return page.evaluate("""() => {
        let node = document.activeElement;
        while (node && node.shadowRoot && node.shadowRoot.activeElement)
            node = node.shadowRoot.activeElement;
        const style = getComputedStyle(node);
        return {text: node.textContent.trim(), label: node.getAttribute('aria-label'),
                tag: node.tagName, outline: style.outlineStyle, width: style.outlineWidth};
    }""")


# ---------- conversation ----------

def test_scenario_message_and_quick_reply_get_the_right_numbers(page, demo_url):
    welcome = open_chat(page, demo_url)
    assert "Je suis un robot" in welcome
    expect(notice(page)).to_have_text("Vigie est un robot. Urgence\xa0: 112 ou 101.")

    answer = say(page, "quelqu un menace de publier mes photos")
    key_line = answer.replace("Vigie :", "").strip().split("\n")[0]
    assert key_line.startswith("Stop : ne paie pas") and "116 000" in key_line
    expect(page.locator('.vigie-msg--bot a[href="tel:116000"]').first).to_be_visible()
    card = page.locator(".vigie-contacts").last
    expect(card).to_contain_text("Tu peux contacter, en Belgique")
    expect(card).to_contain_text("Police")
    assert "• Child Focus" not in answer, "the helplines are shown once: as the card, not as text"
    assert first_new_bubble_is_at_the_top(page), "the answer's key line must be in view"

    answer = choose(page, "J'ai déjà payé")
    assert "Ne paie plus rien" in answer
    expect(page.locator(".vigie-msg--user").last).to_have_text(re.compile(re.escape("J'ai déjà payé")))
    say(page, "qui appeler")
    expect(page.locator(".vigie-contacts").last.get_by_role(
        "link", name="Appeler le 116 000")).to_have_attribute("href", "tel:116000")
    assert page.locator('a[href="tel:24"]').count() == 0, "opening hours are not phone numbers"


def test_words_to_say_no_come_with_copy_buttons(page, demo_url):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_chat(page, demo_url)
    answer = say(page, "je lui réponds quoi pour refuser ?")
    assert "Des mots à copier" in answer
    copies = page.locator(".vigie-copy")
    expect(copies.first).to_contain_text("Non, je tiens à toi mais je n'envoie pas ça.")
    copies.first.click()
    expect(copies.first).to_contain_text("Copié")
    assert page.evaluate("navigator.clipboard.readText()") == "Non, je tiens à toi mais je n'envoie pas ça."
    assert page.locator(".vigie-copy", has_text="si tu m'aimais »").count() == 0, "the question is not a reply"


def test_country_button_switches_numbers(page, demo_url):
    open_chat(page, demo_url)
    page.get_by_role("button", name=re.compile("^Pays : Belgique")).click()
    answer = choose(page, "France")
    assert "urgence : 17 ou 112" in answer
    expect(notice(page)).to_contain_text("Urgence\xa0: 17 ou 112.")
    expect(page.get_by_role("button", name=re.compile("^Pays : France"))).to_be_visible()

    answer = say(page, "il y a un homme qui me suit jusque chez moi j'ai peur")
    assert "Appelle le 17 ou le 112" in answer
    expect(page.locator('.vigie-msg--bot a[href="tel:17"]').first).to_be_visible()


def test_site_config_sets_country_and_colours(page, demo_url):
    """The embed options (data-* on the script tag, set here by the demo page's query string):
    the site's country, its colour, and the chat open from the start."""
    page.goto(demo_url + "?country=FR&primary=%23ffd400&open=true")
    welcome = wait_for_answer(page, 0)
    assert "Salut" in welcome and "C'est noté" not in welcome, "the site's country is set silently"
    expect(notice(page)).to_contain_text("Urgence\xa0: 17 ou 112.")
    header = page.locator(".vigie-header")
    expect(header).to_have_css("background-color", "rgb(255, 212, 0)")
    expect(header).to_have_css("color", "rgb(17, 17, 17)")  # dark text on a light colour: AA
    choose(page, "Qui appeler ?")
    expect(page.locator(".vigie-contacts").last).to_contain_text("en France")


# ---------- privacy and quick exit ----------

def test_nothing_of_the_conversation_is_kept_in_the_browser(page, context, demo_url):
    open_chat(page, demo_url)
    say(page, "quelqu un menace de publier mes photos")
    storage = page.evaluate("""async () => ({
        local: localStorage.length, session: sessionStorage.length,
        databases: (await indexedDB.databases()).length, cookie: document.cookie})""")
    assert storage == {"local": 0, "session": 0, "databases": 0, "cookie": ""}
    assert context.cookies() == []
    expect(page.get_by_label("Ton message à Vigie")).to_have_attribute("autocomplete", "off")


def test_quitter_wipes_the_conversation_and_back_does_not_return(page, bot, demo_url):
    sent_by = senders(page)
    page.goto(demo_url + "neutre.html?avant")  # the page the teen was on before the chat
    open_chat(page, demo_url)
    say(page, "on me demande des photos de moi")
    sender = sent_by[-1]
    assert server_user_messages(bot, sender), "the server had the conversation"

    page.get_by_role("button", name="Quitter").click()
    page.wait_for_url(demo_url + "neutre.html")
    expect(page).to_have_title("Recette des crêpes")
    page.go_back()
    assert page.url == demo_url + "neutre.html?avant", "Back skips the chat page"
    assert wait_until(lambda: not server_user_messages(bot, sender)), "erased on the server too"


def test_escape_twice_is_a_quick_exit_but_once_is_not(page, demo_url):
    page.goto(demo_url + "neutre.html?avant")
    open_chat(page, demo_url)
    page.keyboard.press("Escape")
    assert say(page, "salut"), "a single Escape does not leave: the chat still answers"
    assert page.url == demo_url
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_url(demo_url + "neutre.html")
    page.go_back()
    assert page.url == demo_url + "neutre.html?avant"


# ---------- security ----------

def test_html_typed_by_the_user_is_shown_as_text(page, demo_url):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_chat(page, demo_url)
    answer = say(page, XSS)
    expect(page.locator(".vigie-msg--user").last).to_contain_text(XSS)
    assert "Je n'ai rien reçu" in answer, "markup alone has no words: the bot says so"
    # no <img> in the page (shadow root included), so no onerror can ever fire
    assert page.locator("img").count() == 0 and dialogs == []


def test_html_and_script_links_in_bot_answers_stay_inert(page, demo_url):
    """The real answer, with a hostile message appended on its way to the page: the bot never
    sends one, but the widget must stay safe if a response ever carried user input back."""
    def add_hostile_message(route):
        answers = route.fetch().json()
        answers.append({"text": f"{XSS} voir javascript:alert(1) ou https://exemple.be/aide.",
                        "custom": {"contacts": [{"name": "<b>X</b>", "phone": "<i>1</i>",
                                                 "web": "javascript:alert(1)"}]},
                        "buttons": [{"title": "<em>ok</em>", "payload": "/saluer"}]})
        route.fulfill(json=answers)
    page.route("**/webhooks/rest/webhook", add_hostile_message)
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    welcome = open_chat(page, demo_url)
    assert XSS in welcome
    expect(page.get_by_role("button", name="<em>ok</em>")).to_be_visible()
    expect(page.locator(".vigie-contacts").last).to_contain_text("<b>X</b>")
    hrefs = page.locator(".vigie-log a").evaluate_all("links => links.map(a => a.href)")
    assert "https://exemple.be/aide" in hrefs
    assert not [h for h in hrefs if not re.match(r"(https?|tel|sms):", h)]
    assert page.locator(".vigie-log").locator("img, b, i, em, script").count() == 0
    assert dialogs == []


def test_unreachable_server_is_explained_with_numbers(browser):
    dead_server = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    demo = widget_server(dead_server).start()
    try:
        page = browser.new_page(locale="fr-FR")
        welcome = open_chat(page, demo.url)
        assert SERVER_DOWN_BE in welcome
        expect(page.locator('.vigie-msg--error a[href="tel:116000"]')).to_be_visible()
        assert SERVER_DOWN_BE in say(page, "tu es là ?"), "each failed message says it again"
        page.close()
    finally:
        demo.stop()


def test_server_refuses_pages_from_other_origins(browser, bot, demo_url):
    other = widget_server(bot.url).start()  # same widget, another origin: not configured
    try:
        preflight = requests.options(f"{bot.url}/webhooks/rest/webhook", timeout=10, headers={
            "Origin": other.url.rstrip("/"), "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type"})
        assert "Access-Control-Allow-Origin" not in preflight.headers
        page = browser.new_page(locale="fr-FR")
        assert SERVER_DOWN_BE in open_chat(page, other.url), "the browser blocks the answer"
        page.close()
    finally:
        other.stop()


# ---------- accessibility ----------

def test_no_serious_accessibility_violation(page, demo_url):
    axe_url = demo_url + "axe.min.js"  # served from the page's origin, as its CSP requires
    page.route(axe_url, lambda route: route.fulfill(body=axe_source(),
                                                    content_type="text/javascript"))
    open_chat(page, demo_url)
    say(page, "quelqu un menace de publier mes photos")
    choose(page, "J'ai déjà payé")
    page.add_script_tag(url=axe_url)
    violations = page.evaluate("async () => (await axe.run(document)).violations.map(v => "
                               "({id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help}))")
    grave = [v for v in violations if v["impact"] in ("serious", "critical")]
    assert grave == [], grave
    log = page.get_by_role("log")
    expect(log).to_have_attribute("aria-live", "polite")
    expect(log).to_contain_text("Tu peux contacter")


def test_usable_with_the_keyboard_only(page, demo_url):
    page.goto(demo_url)
    for _ in range(20):
        page.keyboard.press("Tab")
        if deep_focus(page)["text"] == "Parler à Vigie":
            break
    assert deep_focus(page)["text"] == "Parler à Vigie"
    page.keyboard.press("Enter")
    wait_for_answer(page, 0)
    assert deep_focus(page)["tag"] == "INPUT", "opening puts the focus in the message field"

    page.keyboard.type("quelqu un menace de publier mes photos")
    seen = bot_messages(page).count()
    page.keyboard.press("Enter")
    wait_for_answer(page, seen)
    page.keyboard.press("Shift+Tab")  # back from the field to the latest quick reply
    focused = deep_focus(page)
    assert focused["text"] == "Que se passe-t-il si je porte plainte ?"
    assert focused["outline"] == "solid" and focused["width"] != "0px", "focus is visible"
    seen = bot_messages(page).count()
    page.keyboard.press("Enter")
    assert "commissariat" in wait_for_answer(page, seen)


def test_fits_a_360_pixel_wide_phone(browser, demo_url):
    context = browser.new_context(locale="fr-FR", viewport={"width": 360, "height": 640},
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        open_chat(page, demo_url)
        page.get_by_role("button", name=re.compile("^Pays")).click()
        choose(page, "France")  # the longest emergency notice
        say(page, "quelqu un menace de publier mes photos")
        assert first_new_bubble_is_at_the_top(page), "the key line, not the last bubble, is in view"
        expect(page.locator(".vigie-msg--bot", has_text="ne paie pas").first).to_be_in_viewport()
        expect(page.locator(".vigie-escape-hint")).to_be_hidden()  # no Escape key on a phone
        choose(page, "J'ai déjà payé")
        widest = page.locator(".vigie-panel").evaluate("""panel => Math.max(
            ...[panel, ...panel.querySelectorAll('*')].map(e => e.getBoundingClientRect().right))""")
        assert widest <= 360
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        for name in ("Quitter", "Envoyer"):
            box = page.get_by_role("button", name=name).bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 360 and box["y"] + box["height"] <= 640
        expect(notice(page)).to_be_in_viewport()
        lines = notice(page).evaluate("""n => { const s = getComputedStyle(n);
            return (n.clientHeight - parseFloat(s.paddingTop) - parseFloat(s.paddingBottom))
                   / parseFloat(s.lineHeight); }""")
        assert round(lines) == 1, "the emergency notice stays on one line"
    finally:
        context.close()


# ---------- the widget's own numbers ----------

def test_fallback_numbers_come_from_the_directory(page, demo_url):
    """The numbers the widget shows without the server are the directory's."""
    page.goto(demo_url)
    widget = page.evaluate("window.VigieWidget.countries")
    assert set(widget) == set(COUNTRIES)
    for code, numbers in widget.items():
        place = country(code)
        phones = {s["phone"] for s in place["services"] if s.get("phone")}
        assert numbers["name"] == place["name"]
        assert numbers["emergency"][0] == place["emergency"]["number"], code
        assert set(numbers["emergency"]) <= phones and numbers["helpline"] in phones, code
