"""Meetings and calls as mainland official readouts report them: credits, datelines, headlines.

Sentences are our own, in the register of evening-news readouts (国家主席…在…会见…).
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.events.support import facts

DAY = dt.date(2025, 1, 11)


@pytest.mark.parametrize(
    "text",
    [
        "央视网消息（新闻联播）：1月11日，国家副主席韩正在北京会见英国财政大臣里夫斯。",
        "**央视网消息**（新闻联播）：国家副主席韩正11日在北京会见英国财政大臣里夫斯。",
        "新华社北京1月11日电 国家副主席韩正11日在北京会见英国财政大臣里夫斯。",
    ],
)
def test_a_source_credit_is_never_a_party(text):
    meetings = [f for f in facts(text, DAY) if f.type == "CONSULT"]
    assert [(f.parties, f.date) for f in meetings] == [(frozenset({"Han Zheng", "Rachel Reeves"}), "2025-01-11")]
