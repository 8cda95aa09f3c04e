"""The list pages as an analyst uses them in Debian's Chromium (Playwright): paging, filtering
through the form, downloading what is on screen, sorting from the keyboard, and the ledger on
a 390 px phone."""

from __future__ import annotations

import csv
import io
import json

import pytest


def test_next_page_shows_the_following_rows(page, client) -> None:
    everything = client.get("/meetings", params={"format": "json", "per": 500}).json()
    page.goto("/meetings?per=5")
    assert page.locator("nav.pager .summary").first.inner_text() == f"1–5 of {len(everything)} meetings"
    first = page.locator("#meetings tbody tr").evaluate_all("rows => rows.map(r => r.dataset.id)")
    page.locator("nav.pager a[rel=next]").first.click()
    page.wait_for_url("**/meetings?*page=2*")
    second = page.locator("#meetings tbody tr").evaluate_all("rows => rows.map(r => r.dataset.id)")
    assert first + second == [m["id"] for m in everything[:10]]
    assert page.locator("nav.pager .summary").first.inner_text() == f"6–10 of {len(everything)} meetings"
    assert page.problems == []


def test_the_filter_form_puts_its_values_in_the_url(page, client) -> None:
    page.goto("/ledger")
    page.select_option("form#list select[name=kind]", "tariff")
    page.fill("form#list input[name=pledger]", "川普")
    page.locator("form#list button", has_text="Filter").click()
    page.wait_for_url("**/ledger?*kind=tariff*")
    assert "pledger=%E5%B7%9D%E6%99%AE" in page.url
    expected = client.get("/ledger", params={"kind": "tariff", "pledger": "川普", "format": "json"}).json()
    shown = page.locator("#rows tbody tr").evaluate_all("rows => rows.map(r => r.dataset.id)")
    assert shown == [r["id"] for r in expected] and shown
    # The bookmarked URL opens the same view.
    page.goto(page.url)
    assert page.locator("#rows tbody tr").evaluate_all("rows => rows.map(r => r.dataset.id)") == shown


def test_a_bad_date_in_the_form_gets_a_page_saying_what_works(page) -> None:
    page.goto("/meetings")
    page.fill("form#list input[name=since]", "Oct 2025")
    page.locator("form#list button", has_text="Filter").click()
    page.wait_for_url("**/meetings?*since=Oct*")
    assert page.locator("h1").inner_text() == "Cannot use this filter"
    assert "YYYY-MM" in page.locator("#expected").inner_text()


@pytest.mark.parametrize("kind", ["csv", "json"])
def test_download_holds_the_rows_on_screen(page, kind: str) -> None:
    page.goto("/ledger?status=claimed&per=4&page=2&sort=-amount")
    shown = page.locator("#rows tbody tr").evaluate_all("rows => rows.map(r => r.dataset.id)")
    with page.expect_download() as pending:
        page.locator("nav.pager a.download", has_text=kind.upper()).first.click()
    download = pending.value
    assert download.suggested_filename == f"ledger.{kind}"
    body = open(download.path(), encoding="utf-8-sig").read()
    rows = json.loads(body) if kind == "json" else list(csv.DictReader(io.StringIO(body)))
    assert [r["id"] for r in rows] == shown and len(shown) == 4


def test_sorting_from_the_keyboard(page) -> None:
    """Tab reaches a column heading's button; Enter sorts; aria-sort says which way."""
    page.goto("/actors")
    # Tab from the heading before it proves the button is in the tab order.
    page.locator("#actors th button", has_text="Actor").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Meetings"
    page.keyboard.press("Enter")
    page.wait_for_url("**/actors?*sort=meetings*")
    header = page.locator("#actors th", has=page.locator("button", has_text="Meetings"))
    assert header.get_attribute("aria-sort") == "ascending"
    counts = page.locator("#actors a.meetings").evaluate_all("links => links.map(a => Number(a.textContent))")
    assert counts == sorted(counts)
    page.locator("#actors th button", has_text="Meetings").focus()
    page.keyboard.press("Space")
    page.wait_for_url("**/actors?*sort=-meetings*")
    assert page.locator("#actors th", has=page.locator("button", has_text="Meetings")).get_attribute("aria-sort") == "descending"


def test_totals_sort_in_place_from_the_keyboard(page) -> None:
    page.goto("/ledger")
    button = page.locator("#totals-pledger th button", has_text="Total")
    button.focus()
    page.keyboard.press("Enter")
    assert page.locator("#totals-pledger th", has=page.locator("button", has_text="Total")).get_attribute("aria-sort") == "ascending"


def test_ledger_on_a_390px_phone(browser, base_url: str) -> None:
    """Nothing wider than the screen: no sideways scrolling, every amount on screen, the filter
    form and the pager usable."""
    context = browser.new_context(base_url=base_url, viewport={"width": 390, "height": 844}, is_mobile=True)
    phone = context.new_page()
    try:
        phone.goto("/ledger")
        assert phone.evaluate("document.documentElement.scrollWidth") <= 390
        amounts = phone.locator("#rows a.amount")
        assert amounts.count() > 3
        for index in range(amounts.count()):
            box = amounts.nth(index).bounding_box()
            assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
        label = phone.locator("#rows tbody tr").first.locator("td").nth(3).evaluate("td => getComputedStyle(td, '::before').content")
        assert label == '"Amount"'  # each field of a card says what it is
        filter_button = phone.locator("form#list button", has_text="Filter").bounding_box()
        assert filter_button["x"] + filter_button["width"] <= 390
        # The headings remain, as sort buttons above the cards, and still sort.
        sort = phone.locator("#rows th button", has_text="Amount")
        box = sort.bounding_box()
        assert sort.is_visible() and box["x"] + box["width"] <= 390
        sort.click()
        phone.wait_for_url("**/ledger?*sort=amount*")
        assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        context.close()
