"""The shape of each sentence that event rules read: clauses, quotations, brackets, paragraphs.

A clause is the stretch between two commas, semicolons or colons (or a double dash, or the
edge of a quotation), never broken inside brackets, where a caption's "（右）" or an English
name "（Donald Trump，左）" may hold a comma of its own. All offsets index ``view.folded``
and so the original text too.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Generic, TypeVar

from summitry.ingest.header import date_header
from summitry.model import Sentence, TextView

_CLAUSE_BREAKS = set("，,；;：:")
_DASHES = ("--", "——", "－－")
_QUOTES = {"「": "」", "『": "』", "“": "”"}
# The only characters the readers below act on, so only their offsets are visited. A
# lookahead finds every offset, so overlapping dashes (———) each start one.
_CLAUSE_MARKS = re.compile("(?=[" + re.escape("".join(sorted(_CLAUSE_BREAKS))) + "]|" + "|".join(map(re.escape, _DASHES)) + ")")
_BRACKET_MARKS = re.compile("[()]")
_QUOTE_MARKS = re.compile("[" + re.escape("".join(_QUOTES) + "".join(_QUOTES.values())) + "]")


@dataclass(frozen=True)
class Clause:
    start: int
    end: int

    def holds(self, start: int, end: int | None = None) -> bool:
        return self.start <= start and (end if end is not None else start + 1) <= self.end


@dataclass(frozen=True)
class Quotation:
    """A quoted stretch; ``speech`` is false for names and terms (「投資工具」)."""

    open: int  # index of the opening mark
    close: int  # index of the closing mark (or the sentence end when unclosed)
    speech: bool

    def holds(self, offset: int) -> bool:
        return self.open < offset < self.close


@dataclass(frozen=True)
class SentenceLayout:
    index: int
    sentence: Sentence
    paragraph: int  # sentences share a paragraph when no line break stands between them
    clauses: tuple[Clause, ...]
    quotations: tuple[Quotation, ...]
    brackets: tuple[tuple[int, int], ...]  # (open, close + 1) of each bracketed stretch

    @cached_property
    def _clause_starts(self) -> list[int]:
        return [clause.start for clause in self.clauses]

    @cached_property
    def _sorted_brackets(self) -> list[tuple[int, int]]:
        return sorted(self.brackets)

    @cached_property
    def _bracket_opens(self) -> list[int]:
        return [open_ for open_, _ in self._sorted_brackets]

    @cached_property
    def _furthest_close(self) -> list[int]:
        """The furthest close of the brackets up to each one, in order of their opening."""
        closes, furthest = [], 0
        for _, close in self._sorted_brackets:
            furthest = max(furthest, close)
            closes.append(furthest)
        return closes

    def clause_at(self, offset: int) -> Clause:
        # Clauses are in order and do not overlap: the one starting last at or before the
        # offset is the only one that can hold it (a bisection, not a scan of a long sentence).
        position = bisect.bisect_right(self._clause_starts, offset) - 1
        if position >= 0 and offset < self.clauses[position].end:
            return self.clauses[position]
        return Clause(self.sentence.start, self.sentence.end)

    def in_brackets(self, start: int, end: int) -> bool:
        # Some pair opening at or before ``start`` closes at or after ``end``: the furthest close
        # of those opening by ``start`` says whether one does.
        if not self.brackets:
            return False
        last = bisect.bisect_right(self._bracket_opens, start) - 1
        return last >= 0 and self._furthest_close[last] >= end

    def unbracketed(self, text: str, start: int, end: int) -> str:
        """``text[start:end]`` without its bracketed stretches, the brackets included."""
        if not self.brackets:
            return text[start:end]
        pieces, position = [], start
        # Those opening before ``start`` add no piece and only move ``position`` to the furthest
        # of their closes: taken at once, so a long sentence is not read for every stretch.
        first = bisect.bisect_left(self._bracket_opens, start)
        if first:
            position = max(position, self._furthest_close[first - 1])
        for open_, close in self._sorted_brackets[first:]:  # an inner pair lies within the outer one before it
            if open_ >= end:
                break
            if open_ > position:
                pieces.append(text[position:open_])
            position = max(position, close)
        if position < end:
            pieces.append(text[position:end])
        return "".join(pieces)

    @cached_property
    def _quotations_by_open(self) -> tuple[list[Quotation], list[int], list[int]]:
        """The quotations in order of opening, their opens, and each one's parent (the
        innermost quotation holding it, -1 for none). Quotations nest or stand apart (a closing
        mark only closes the innermost open one; one left open runs to the sentence's end), so
        the quotations holding an offset are the last one opened before it and its ancestors."""
        ordered = sorted(self.quotations, key=lambda q: q.open)
        parents: list[int] = []
        open_chain: list[int] = []
        for index, quotation in enumerate(ordered):
            while open_chain and ordered[open_chain[-1]].close < quotation.close:
                open_chain.pop()
            parents.append(open_chain[-1] if open_chain else -1)
            open_chain.append(index)
        return ordered, [q.open for q in ordered], parents

    def quotation_at(self, offset: int) -> Quotation | None:
        """The innermost quotation holding ``offset``: up the nesting from the last one opened
        before it, not a reading of every quotation of a long sentence."""
        if not self.quotations:
            return None
        ordered, opens, parents = self._quotations_by_open
        index = bisect.bisect_left(opens, offset) - 1
        while index >= 0 and not ordered[index].holds(offset):
            index = parents[index]
        return ordered[index] if index >= 0 else None


def _brackets(folded: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, stack = [], []
    for mark in _BRACKET_MARKS.finditer(folded, start, end):
        index = mark.start()
        if folded[index] == "(":
            stack.append(index)
        elif stack:
            spans.append((stack.pop(), index + 1))
    return spans


def _quotations(folded: str, start: int, end: int, min_length: int) -> list[Quotation]:
    found, stack = [], []
    for mark in _QUOTE_MARKS.finditer(folded, start, end):
        index = mark.start()
        char = folded[index]
        if char in _QUOTES:
            stack.append((index, _QUOTES[char]))
        elif stack and char == stack[-1][1]:
            opened, _ = stack.pop()
            found.append(Quotation(opened, index, _is_speech(folded[opened + 1 : index], min_length)))
    for opened, _ in stack:
        found.append(Quotation(opened, end, _is_speech(folded[opened + 1 : end], min_length)))
    return found


def _is_speech(inner: str, min_length: int) -> bool:
    return len(inner) >= min_length or any(mark in inner for mark in "，,。！？!?")


def _thousands_separator(folded: str, index: int) -> bool:
    """3,500億: a comma between digits groups them; it ends no clause."""
    return (
        folded[index] == ","
        and 0 < index < len(folded) - 1
        and folded[index - 1].isdigit()
        and folded[index + 1 : index + 4].isdigit()
    )


def _clauses(folded: str, sentence: Sentence, brackets: list[tuple[int, int]], quotations: list[Quotation]) -> list[Clause]:
    cuts = {sentence.start, sentence.end}
    # A dash may run one character past the sentence's end, so the search may see that far.
    for mark in _CLAUSE_MARKS.finditer(folded, sentence.start, sentence.end + 1):
        index = mark.start()
        if index >= sentence.end or brackets and any(open_ <= index < close for open_, close in brackets):
            continue
        if folded[index] in _CLAUSE_BREAKS:
            if not _thousands_separator(folded, index):
                cuts.update((index, index + 1))
        else:
            cuts.update((index, index + 2))
    for quotation in quotations:
        if quotation.speech:
            cuts.update((quotation.open, quotation.open + 1, quotation.close, min(quotation.close + 1, sentence.end)))
    ordered = sorted(cut for cut in cuts if sentence.start <= cut <= sentence.end)
    return [Clause(a, b) for a, b in zip(ordered, ordered[1:]) if folded[a:b].strip(" ，,；;：:-—－「」『』“”")]


# A sentence longer than this with no full stop is a list, a table flattened into a line or a
# transcript, never one act: the events stage reads it in pieces of at most _PIECE characters
# cut after a clause mark, so the parties of one piece are weighed against each other only (the
# stage compares each party of a sentence with the others). The longest of 216,000 sentences
# of mainland evening news has 1,978 characters; the seeds' and articles' are under 500.
_LONGEST_SENTENCE = 2000
_PIECE = 600
_PIECE_CUTS = "，,；;、：:"


def _pieces(folded: str, sentence: Sentence) -> Iterator[Sentence]:
    """The sentence itself, or pieces of an over-long one, each ending after a clause mark
    (at ``_PIECE`` characters where a run has none)."""
    start, end = sentence.start, sentence.end
    if end - start <= _LONGEST_SENTENCE:
        yield sentence
        return
    while end - start > _PIECE:
        limit = start + _PIECE
        cut = max(folded.rfind(mark, start + _PIECE // 2, limit) for mark in _PIECE_CUTS)
        cut = cut + 1 if cut != -1 else limit
        yield Sentence(start, cut)
        start = cut
    if start < end:
        yield Sentence(start, end)


def sentence_layouts(view: TextView, quotation_min_length: int) -> tuple[SentenceLayout, ...]:
    """One layout per sentence of the view (or piece of an over-long one), in text order."""
    folded = view.folded
    layouts: list[SentenceLayout] = []
    paragraph = 0
    previous_end = 0
    _, header_end = date_header(view.original)
    for sentence in (piece for whole in view.sentences for piece in _pieces(folded, whole)):
        if sentence.start < header_end:  # " date 2025-10-28 美國總統…": the header is no part of it
            start = header_end
            while start < sentence.end and view.original[start].isspace():
                start += 1
            if start >= sentence.end:
                continue
            sentence = Sentence(start, sentence.end)
        index = len(layouts)
        if "\n" in view.original[previous_end : sentence.start]:
            paragraph += 1
        previous_end = sentence.end
        brackets = _brackets(folded, sentence.start, sentence.end)
        quotations = _quotations(folded, sentence.start, sentence.end, quotation_min_length)
        layouts.append(
            SentenceLayout(
                index=index,
                sentence=sentence,
                paragraph=paragraph,
                clauses=tuple(_clauses(folded, sentence, brackets, quotations)),
                quotations=tuple(quotations),
                brackets=tuple(brackets),
            )
        )
    return tuple(layouts)


class Stretches:
    """Stretches of text (parties, frames) that others may not meet, asked by bisection: a
    stretch meets [start, end) when one starting before ``end`` ends after ``start``, and the
    furthest end among those starting before ``end`` says whether one does."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        self._furthest = list(itertools.accumulate((end for _, end in ordered), max))

    def meets(self, start: int, end: int) -> bool:
        last = bisect.bisect_left(self._starts, end) - 1
        return last >= 0 and self._furthest[last] > start


Spanned = TypeVar("Spanned")


class SpanIndex(Generic[Spanned]):
    """Items with a span (times, time spans), found by the stretch of text they lie in without
    reading them all: a sentence's or a clause's, asked for once per trigger."""

    def __init__(self, items: Sequence[Spanned], span: Callable[[Spanned], tuple[int, int]]) -> None:
        self.items = items
        self._ends = [span(item)[1] for item in items]
        starts = [span(item)[0] for item in items]
        self._by_start = sorted(range(len(items)), key=starts.__getitem__)
        self._starts = [starts[i] for i in self._by_start]

    def within(self, start: int, end: int) -> list[Spanned]:
        """The items wholly inside [start, end], in their given order."""
        low = bisect.bisect_left(self._starts, start)
        high = bisect.bisect_right(self._starts, end)
        positions = sorted(i for i in self._by_start[low:high] if self._ends[i] <= end)
        return [self.items[i] for i in positions]
