"""The content book (scripts/content_book.py, `make content-book`): written from the real
servers' answers, opened in Debian's Chromium, printed to PDF."""
import pytest
from playwright.sync_api import sync_playwright

from scripts import content_book
from tooling.browser import launch_chromium
from tooling.content import COUNTRIES, TABLE, TIMES
from vigie import directory


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    return content_book.main(tmp_path_factory.mktemp("book") / "content-book.html")


def test_the_book_has_every_answer_and_every_source_in_a_browser(book):
    page_html, pdf = book
    assert pdf.read_bytes().startswith(b"%PDF")
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        page = browser.new_page()
        page.goto(page_html.as_uri())
        assert page.title() == "Vigie : les réponses"
        entries = sum(len(TABLE[section]) for section, _ in content_book.SECTIONS)
        assert page.locator("h3").count() == entries
        # one row per country in each entry, one column per hour
        assert page.locator("h3 + p + table tr th:first-child").count() == entries * (len(COUNTRIES) + 1)
        assert page.locator("table").first.locator("tr").first.locator("th").count() == len(TIMES) + 1
        blackmail = page.locator("#scenarios-chantage + p + table").inner_text()
        assert "ne paie pas" in blackmail.lower() and "3018" in blackmail and "116 000" in blackmail
        # the French sextortion line closed at night and open at noon, both shown
        assert "rouvre à 9 h" in blackmail and "jusqu'à 23 h" in blackmail
        sources = page.locator("#sources + table").inner_text()
        for code in COUNTRIES:
            for service in directory.country(code)["services"]:
                assert service["source"] in sources, service["id"]
        browser.close()
