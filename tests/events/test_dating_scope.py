"""Dating: what a time in the sentence says about the event, beyond the day it names. Our own
sentences, in the styles we meet.

- A time that belongs to another verb (上台, 就任) dates that verb, not the event of the clause,
  even with an adverb or modal between them (明年初就會上台).
- A plan whose own words put it ahead of the document (下週, running into next month) is not
  dated by the day it was told (今天表示, 21日說).
- An act the text sets at a meeting (在會談上) took place on that meeting's day.
- A year naming a summit's edition (2024年中非合作論壇峰會) gives way to the finer day that
  opens the sentence within that year.
- A year an amount is measured against (在2017年基數之上) dates nothing.
- A time after a threat or a demand (威脅自8月1日起加徵關稅) is the time of its content.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.events.support import NEWS_DAY, facts

TOLD = dt.date(2025, 10, 22)  # a Wednesday: next week runs into November
EVE = dt.date(2024, 9, 3)


def dates(text: str, kind: str, on: dt.date = NEWS_DAY) -> list[str | None]:
    return [f.date for f in facts(text, on) if kind in (f.type, f"{f.type}/{f.mode}")]


@pytest.mark.parametrize(
    ("text", "kind", "on", "expected"),
    [
        # the time is when the government takes office, not when the cooperation happens
        ("他在會談中提醒新政府明年初就會上台，期待繼續與日韓合作。", "COOPERATE", NEWS_DAY, [None]),
        ("他說新總統明年初將會上任，希望與日本加強合作。", "COOPERATE", NEWS_DAY, [None]),
        ("新政府明年初即將上台，美國希望與日本擴大合作。", "COOPERATE", NEWS_DAY, [None]),
        # twins: with no verb of office after the adverb, the time still dates the event
        ("他說美國明年初就會與日本加強合作。", "COOPERATE", NEWS_DAY, ["2026"]),
        ("拜登明年初將會與習近平會晤。", "CONSULT", NEWS_DAY, ["2026"]),
        # and a verb of office right after the time (no adverb) is read as before
        ("這是六月就任的李在明第二次出訪，再度和石破茂會談。", "CONSULT", NEWS_DAY, [None]),
        # a span ahead, in the plan's clause or between the saying and it: next week's plan
        ("川普16日表示，預計下週在布達佩斯會晤普丁。", "CONSULT", TOLD, [None]),
        ("川普今天表示，他下週出席亞太經合會峰會期間，預期與習近平達成貿易協議。", "AGREE", TOLD, [None]),
        ("魯比歐21日說，他下週將在吉隆坡會見王毅。", "CONSULT", TOLD, [None]),
        # twins: a deadline (兩週內) bounds the plan and leaves it the day it was told
        # (test_earlier_meetings.py), and a day ahead that resolves dates the plan itself
        ("川普16日表示，預計兩週內在布達佩斯會晤普丁。", "CONSULT", TOLD, ["2025-10-16"]),
        ("川普16日表示，預計本月28日在布達佩斯會晤普丁。", "CONSULT", TOLD, ["2025-10-28"]),
        # and with nothing ahead written, a sentence's opening day still dates what it tells
        ("10月16日，川普在白宮會晤澤倫斯基。", "CONSULT", TOLD, ["2025-10-16"]),
        # an act set at the meeting (在會談上) a paragraph later takes the meeting's day ...
        ("10月29日，習近平在慶州與日本首相高市早苗舉行會談。\n高市早苗表示，她在會談上要求中方盡快恢復進口日本水產品。", "REQUEST", NEWS_DAY, ["2025-10-29"]),
        # ... not one set nowhere, nor one at a meeting none of its sides is told to attend
        ("10月29日，習近平在慶州與日本首相高市早苗舉行會談。\n高市早苗表示，她要求中方盡快恢復進口日本水產品。", "REQUEST", NEWS_DAY, [None]),
        ("10月29日，習近平在慶州與日本首相高市早苗舉行會談。\n菲律賓總統在峰會上譴責北韓試射飛彈。", "ACCUSE", NEWS_DAY, [None]),
        # the edition's year holds the day opening the sentence: that day dates the summit
        ("9月4日至6日，2024年中非合作論壇峰會將在北京舉行。", "CONSULT", EVE, ["2024-09-04"]),
        ("11月15日，2024年亞太經合組織領導人非正式會議在利馬舉行。", "CONSULT", dt.date(2024, 11, 17), ["2024-11-15"]),
        # ... not with no day, nor with the day of a saying
        ("2024年中非合作論壇峰會將在北京舉行。", "CONSULT", EVE, ["2024"]),
        ("9月2日，習近平表示，2024年中非合作論壇峰會將在北京舉行。", "CONSULT", EVE, ["2024"]),
        # a baseline year is no time of the purchase; the year of the purchase is
        ("在2017年基數之上，中國2020年自美採購規模不少於125億美元。", "COOPERATE", dt.date(2020, 1, 16), ["2020"]),
        ("在2017年基數之上，中國自美採購規模不少於125億美元。", "COOPERATE", dt.date(2020, 1, 16), [None]),
        # twin: a year of its own dates the purchase
        ("中國2017年自美採購規模達125億美元。", "COOPERATE", dt.date(2020, 1, 16), ["2017"]),
        # the day the threatened tariff or the demanded opening starts is not the threat's
        ("川普威脅自8月1日起對日本產品加徵25%關稅。", "THREATEN", NEWS_DAY, [None]),
        ("川普要求日本自8月1日起開放稻米市場。", "REQUEST", NEWS_DAY, [None]),
        # twins: a day before the verb dates the threat; a tariff announced from a day is that day's
        ("川普7月7日威脅自8月1日起對日本產品加徵25%關稅。", "THREATEN", NEWS_DAY, ["2025-07-07"]),
        ("川普宣布自8月1日起對日本產品加徵25%關稅。", "SANCTION", NEWS_DAY, ["2025-08-01"]),
    ],
)
def test_what_a_time_says_of_the_event(text: str, kind: str, on: dt.date, expected: list[str | None]) -> None:
    assert dates(text, kind, on) == expected
