"""Annotations wrapped at their offsets, however they overlap; the text itself never changes."""

from __future__ import annotations

import re

import pytest

from summitry.web.highlight import Annotation, highlight

SENTENCE = "南韓總統李在明29日在慶州會見川普，承諾投資3500億美元。"


def _plain(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replace("&#x27;", "'").replace("&quot;", '"')


def span(start: int, end: int, layer: int, name: str) -> Annotation:
    return Annotation(start, end, layer, "span", (("id", name),))


def test_nested_annotations_nest() -> None:
    html = highlight(SENTENCE, [span(0, 17, 1, "event"), span(4, 7, 2, "lee"), span(15, 17, 2, "trump")])
    assert html.startswith('<span id="event">南韓總統<span id="lee">李在明</span>')
    assert _plain(html) == SENTENCE


def test_crossing_annotation_is_cut_at_the_outer_boundary() -> None:
    # The focus (layer 0) ends inside the amount: the amount is cut, the focus stays whole.
    html = highlight(SENTENCE, [Annotation(18, 24, 0, "mark", (("id", "evidence"),)), span(22, 29, 2, "amount")])
    assert '<mark id="evidence">承諾投資<span id="amount">35</span></mark><span>00億美元</span>' in html
    assert _plain(html) == SENTENCE


def test_the_span_asked_for_is_one_element_holding_exactly_its_text() -> None:
    pieces = [span(0, 2, 2, "korea"), span(4, 7, 2, "lee"), span(0, 30, 1, "event"), span(22, 29, 2, "amount")]
    html = highlight(SENTENCE, [Annotation(2, 23, 0, "mark", (("id", "evidence"),)), *pieces])
    inside = re.search(r'<mark id="evidence">(.*?)</mark>', html).group(1)
    assert _plain(inside) == SENTENCE[2:23]


@pytest.mark.parametrize("text", ["a < b & c > d", '川普說"OK"', "\n\n空行\n"])
def test_text_is_escaped_and_kept(text: str) -> None:
    html = highlight(text, [span(0, 1, 0, "x")])
    assert "<" not in _plain(html).replace(text, "")
    assert _plain(html) == text


def test_spans_outside_the_text_are_skipped() -> None:
    assert highlight("abc", [span(2, 9, 0, "x"), span(1, 1, 0, "y")]) == "abc"
