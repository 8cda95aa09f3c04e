"""Dating: a time that belongs to another verb (上台, 就任) dates that verb, not the event of
the clause, even with an adverb or modal between them (明年初就會上台). Our own sentences."""

from __future__ import annotations

import pytest

from tests.events.support import facts


def dates(text: str, kind: str) -> list[str | None]:
    return [f.date for f in facts(text) if kind in (f.type, f"{f.type}/{f.mode}")]


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        # the time is when the government takes office, not when the cooperation happens
        ("他在會談中提醒新政府明年初就會上台，期待繼續與日韓合作。", "COOPERATE", [None]),
        ("他說新總統明年初將會上任，希望與日本加強合作。", "COOPERATE", [None]),
        ("新政府明年初即將上台，美國希望與日本擴大合作。", "COOPERATE", [None]),
        # twins: with no verb of office after the adverb, the time still dates the event
        ("他說美國明年初就會與日本加強合作。", "COOPERATE", ["2026"]),
        ("拜登明年初將會與習近平會晤。", "CONSULT", ["2026"]),
        # and a verb of office right after the time (no adverb) is read as before
        ("這是六月就任的李在明第二次出訪，再度和石破茂會談。", "CONSULT", [None]),
    ],
)
def test_a_time_of_taking_office_does_not_date_the_event(text: str, kind: str, expected: list[str | None]) -> None:
    assert dates(text, kind) == expected
