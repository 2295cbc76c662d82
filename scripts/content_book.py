"""`make content-book`: every answer Vigie can give, for review and sign-off, in one
self-contained HTML page (build/content-book.html) and a PDF when Chromium prints it.

Each situation, follow-up and two-situation message of the content table
(tests/content_table.yml), in each country, at 03:00, 12:00 and 23:30 local time, as the real
servers answer it (the same code that answers teens: nothing is copied), with its word counts
and buttons; then every service of the directory with the source of its number and labels."""
import html
import os
import sys
from pathlib import Path
from typing import Dict, List, Tuple

from actions.orienter import LOCAL_TIME_VARIABLE
from tooling.content import COUNTRIES, TABLE, TIMES, Answer, first_contact, table_answers, words
from vigie import directory
from tooling.processes import ROOT, Stack

OUTPUT = ROOT / "build" / "content-book.html"
SECTIONS = (("scenarios", "Situations (premier message)"), ("pairs", "Deux situations dans un message"),
            ("followups", "Questions qui suivent (bouton)"))
STYLE = """
body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1100px;color:#222}
h1{font-size:1.6em}h2{margin-top:2.2em;border-bottom:2px solid #345}h3{margin:1.4em 0 .3em}
table{border-collapse:collapse;width:100%;table-layout:fixed}
td,th{border:1px solid #bbb;padding:.4em;vertical-align:top}th{background:#eef2f6;text-align:left}
.bubble{background:#f4f7fb;border-radius:8px;padding:.3em .5em;margin:.2em 0;white-space:pre-wrap}
.card{font-size:.9em;white-space:pre-wrap;border-left:3px solid #4a7;padding-left:.5em;margin:.3em 0}
.buttons{font-size:.85em;color:#345}.count{font-size:.8em;color:#666}.same{color:#666;font-style:italic}
@media print{h2{page-break-before:always}tr{page-break-inside:avoid}}
"""


def collect() -> Dict[Tuple[str, str, str, str], Answer]:
    """(section, name, country, time) -> the answer the real servers give."""
    answers, clock = {}, os.environ.get(LOCAL_TIME_VARIABLE)
    try:
        for time in TIMES:
            os.environ[LOCAL_TIME_VARIABLE] = time   # the actions' clock, read by the servers started now
            stack = Stack().start()
            try:
                for section, _ in SECTIONS:
                    for name, _, country, answer in table_answers(stack, section, f"book-{time}"):
                        answers[section, name, country, time] = answer
            finally:
                stack.stop()
    finally:  # the caller's clock as it was (a test session starts other servers after this)
        if clock is None:
            os.environ.pop(LOCAL_TIME_VARIABLE, None)
        else:
            os.environ[LOCAL_TIME_VARIABLE] = clock
    return answers


def answer_html(answer: Answer) -> str:
    counts = answer.counts or [0]
    parts = [f'<div class="bubble">{html.escape(b)}</div>' for b in answer.bubbles]
    if answer.card:
        parts.insert(1 if answer.bubbles else 0, f'<div class="card">{html.escape(answer.card)}</div>')
    if answer.buttons:
        parts.append('<div class="buttons">Boutons : ' + " · ".join(html.escape(b) for b in answer.buttons) + "</div>")
    parts.append(f'<div class="count">mots : 1re bulle {counts[0]}, plus longue {max(counts)}, '
                 f'avant les boutons {sum(counts)}, en premier contact {first_contact(counts)}</div>')
    return "".join(parts)


def entry_html(section: str, name: str, answers) -> str:
    rows = []
    for country in COUNTRIES:
        cells, shown = [], {}
        for time in TIMES:
            answer = answers[section, name, country, time]
            key = (tuple(answer.bubbles), answer.card, tuple(answer.buttons))
            cells.append(f'<td class="same">comme à {shown[key]}</td>' if key in shown
                         else f"<td>{answer_html(answer)}</td>")
            shown.setdefault(key, time)
        rows.append(f"<tr><th>{country}</th>{''.join(cells)}</tr>")
    message = TABLE[section][name].get("message") or f"/{name}"
    return (f'<h3 id="{section}-{html.escape(name)}">{html.escape(name)}</h3>'
            f'<p>Message envoyé : <code>{html.escape(message)}</code></p>'
            f"<table><tr><th style=\"width:4em\">pays</th>{''.join(f'<th>{t}</th>' for t in TIMES)}</tr>"
            + "".join(rows) + "</table>")


def sources_html() -> str:
    rows = []
    for code in COUNTRIES:
        place = directory.country(code)
        medical = place["medical"]
        rows.append(f"<tr><td>{code}</td><td>Urgence médicale</td><td>{html.escape(medical['label'])}</td>"
                    f"<td>{html.escape(str(medical['source']))}</td><td>{medical['checked']}</td></tr>")
        for service in place["services"]:
            contact = " · ".join(str(service[k]) for k in ("phone", "sms", "web", "chat") if service.get(k))
            rows.append(f"<tr><td>{code}</td><td>{html.escape(service['name'])}</td><td>{html.escape(contact)}</td>"
                        f"<td>{html.escape(str(service['source']))}</td><td>{service['checked']}</td></tr>")
    return ("<table><tr><th style=\"width:3em\">pays</th><th>service</th><th>contact</th><th>source</th>"
            "<th style=\"width:6em\">vérifié</th></tr>" + "".join(rows) + "</table>")


def book(answers) -> str:
    toc = "".join(f'<li><a href="#{section}">{title}</a></li>' for section, title in SECTIONS)
    body = []
    for section, title in SECTIONS:
        body.append(f'<h2 id="{section}">{title}</h2>')
        body += [entry_html(section, name, answers) for name in TABLE[section]]
    return (f'<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Vigie : les réponses</title>'
            f"<style>{STYLE}</style></head><body><h1>Vigie : toutes les réponses, pour relecture</h1>"
            f"<p>Chaque réponse telle que les serveurs de Vigie la donnent, dans les {len(COUNTRIES)} pays, "
            f"à {', '.join(TIMES)} (heure locale : les lignes fermées la nuit le disent). La liste des numéros "
            f"de chaque réponse vient de l'annuaire ; ses sources sont à la fin.</p><ul>{toc}"
            f'<li><a href="#sources">Sources des numéros</a></li></ul>{"".join(body)}'
            f'<h2 id="sources">Sources des numéros et des mentions</h2>{sources_html()}</body></html>')


def print_pdf(page_html: Path) -> Path:
    """The PDF as Debian's Chromium prints the page, and a view of the sextortion answers."""
    from playwright.sync_api import sync_playwright

    from tooling.browser import launch_chromium
    output = page_html.with_suffix(".pdf")
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        page = browser.new_page()
        page.goto(page_html.as_uri())
        page.pdf(path=str(output), format="A4", landscape=True)
        page.set_viewport_size({"width": 1200, "height": 900})
        page.goto(page_html.as_uri() + "#scenarios-chantage")
        page.screenshot(path=str(page_html.with_suffix(".png")))
        browser.close()
    return output


def main(output: Path = OUTPUT) -> List[Path]:
    answers = collect()
    output.parent.mkdir(exist_ok=True)
    output.write_text(book(answers), encoding="utf-8")
    written = [output]
    try:
        written.append(print_pdf(output))
    except Exception as error:  # no Chromium here: the HTML page is the book
        print(f"no PDF: {error}", file=sys.stderr)
    print(f"{len(answers)} answers, {sum(words(b) for a in answers.values() for b in a.bubbles)} words")
    return written


if __name__ == "__main__":
    print("\n".join(str(p) for p in main(*(Path(a) for a in sys.argv[1:2]))))
