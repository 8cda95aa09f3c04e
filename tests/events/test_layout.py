"""The shape of a sentence: clauses and the text outside its brackets, as event rules read them."""

from __future__ import annotations

import pytest

from summitry.events.layout import sentence_layouts
from summitry.text import build_view


def _layout(text: str):
    (layout,) = sentence_layouts(build_view(text), 8)
    return layout


@pytest.mark.parametrize(
    "text",
    [
        "川普（右）與習近平（左）握手。",
        "川普（Donald Trump，左）與習近平會面。",
        "李在明（（前排）右）在慶州與川普會晤。",
        "美國總統川普在白宮與日本首相會談。",
    ],
)
def test_the_text_outside_brackets_is_read_character_by_character_the_same(text: str) -> None:
    layout = _layout(text)
    folded = build_view(text).folded
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            by_character = "".join(folded[i] for i in range(start, end) if not layout.in_brackets(i, i + 1))
            assert layout.unbracketed(folded, start, end) == by_character


@pytest.mark.parametrize(
    ("text", "clauses"),
    [
        ("10月29日，川普與習近平會晤。", ["10月29日", "川普與習近平會晤。"]),
        ("韓國將投資3,500億美元，美方降低關稅。", ["韓國將投資3,500億美元", "美方降低關稅。"]),
        ("川普（Donald Trump，左）與習近平會面。", ["川普（Donald Trump，左）與習近平會面。"]),
        ("雙方同意——至少目前——停火。", ["雙方同意", "至少目前", "停火。"]),
        ("雙方同意———停火。", ["雙方同意", "停火。"]),
    ],
)
def test_clauses_break_at_commas_and_dashes_but_not_inside_brackets_or_numbers(text: str, clauses: list[str]) -> None:
    layout = _layout(text)  # a clause of punctuation alone (the comma itself) is no clause
    assert [text[c.start : c.end] for c in layout.clauses] == clauses


@pytest.mark.parametrize(
    ("spans", "start", "end"),
    [
        ([(5, 9), (0, 3), (4, 12), (10, 11)], 0, 12),  # not in start order: the given order is kept
        ([(5, 9), (0, 3), (4, 12), (10, 11)], 4, 11),  # (4, 12) runs past the end
        ([(5, 9), (5, 6), (0, 3)], 5, 9),  # equal starts
        ([(2, 4)], 5, 9),
        ([], 0, 9),
    ],
)
def test_span_index_finds_what_a_full_scan_finds(spans, start, end):
    from summitry.events.layout import SpanIndex

    expected = [span for span in spans if start <= span[0] and span[1] <= end]
    assert SpanIndex(spans, lambda span: span).within(start, end) == expected


def test_an_over_long_sentence_is_read_in_pieces_cut_after_clause_marks() -> None:
    """A run of thousands of characters with no full stop (a flattened list) is read in pieces,
    so the events stage never weighs every party of it against every other; a sentence of
    ordinary length stays whole."""
    from summitry.events.layout import _LONGEST_SENTENCE, _PIECE, _pieces
    from summitry.model import Sentence

    clause = "日本首相與美國總統通電話，"
    text = clause * (2 * _LONGEST_SENTENCE // len(clause))
    pieces = list(_pieces(text, Sentence(0, len(text))))
    assert len(pieces) > 1 and pieces[0].start == 0 and pieces[-1].end == len(text)
    assert all(a.end == b.start for a, b in zip(pieces, pieces[1:]))
    assert all(p.end - p.start <= _PIECE and text[p.end - 1] == "，" for p in pieces[:-1])
    short = clause * 10
    assert list(_pieces(short, Sentence(0, len(short)))) == [Sentence(0, len(short))]
