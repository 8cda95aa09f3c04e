"""The one word index the events stage looks up trigger words and status cues with."""

from __future__ import annotations

import pytest

from summitry.wordindex import WordIndex

INDEX = WordIndex([("會談", "meeting"), ("會談", "talks"), ("會", "meet"), ("簽署", "sign")])


@pytest.mark.parametrize(
    ("text", "start", "end", "found"),
    [
        # offsets are the whole text's, and a word filed twice gives both values at once
        ("兩國元首舉行會談。", 0, 9, [(6, 7, ("meet",)), (6, 8, ("meeting", "talks"))]),
        ("前一句。兩國簽署協議。", 4, 11, [(6, 8, ("sign",))]),
        # only words wholly inside the window: 會談 cut by its end is no occurrence of 會談
        ("兩國元首舉行會談。", 0, 7, [(6, 7, ("meet",))]),
        ("兩國元首舉行會談。", 7, 9, []),
    ],
)
def test_occurrences_inside_the_window(text: str, start: int, end: int, found: list) -> None:
    assert list(INDEX.find(text, start, end)) == found
