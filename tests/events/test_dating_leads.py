"""Dating rules for how news copy opens and what it names: a bracketed credit before the day
of a lead. Our own sentences, written in the HK, TW and mainland styles we meet."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.events.support import facts

FILED = dt.date(2025, 9, 20)


def dates(text: str, kind: str, on: dt.date = FILED) -> list[str | None]:
    return [f.date for f in facts(text, on) if kind in (f.type, f"{f.type}/{f.mode}")]


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        # a bracketed credit (【…綜合報道】, 〔編譯…／綜合報導〕) reports nothing: the day
        # right after it opens the sentence and dates its events
        ("【環球時報綜合報道】9月19日晚，國家主席習近平同美國總統特朗普通電話，就中美關係交換意見。", "CONSULT/call", ["2025-09-19"]),
        ("【本報綜合報道】19日上午，李在明在首爾會見日本首相石破茂。", "CONSULT/meeting", ["2025-09-19"]),
        ("〔編譯魏國金／綜合報導〕十九日，美國國務卿魯比歐與中國外長王毅通電話。", "CONSULT/call", ["2025-09-19"]),
        # ... but it makes no day in a later clause of its own verb the scene of the sentence
        ("【環球時報綜合報道】國家主席習近平同美國總統特朗普通電話，雙方同意自9月25日起恢復經貿磋商。", "CONSULT/call", [None]),
        ("【本報綜合報道】國家主席習近平同美國總統特朗普通電話。", "CONSULT/call", [None]),
    ],
)
def test_a_bracketed_credit_does_not_hide_the_day_of_the_lead(text: str, kind: str, expected: list[str | None]) -> None:
    assert dates(text, kind) == expected
