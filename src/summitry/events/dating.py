"""When an event happened, from the times the measure stage resolved (see data/dating.yaml).

An event is dated by its own sentence first, then by a day or month in the sentence before
it in the same paragraph, then by the publication date only when the text says the news is
of the day (今天, 當天, 剛結束). Historical years stay as written: 2018 is 2018, never the
document's year. Deadlines (2035年前) date nothing.
"""

from __future__ import annotations

import datetime as dt

from summitry.events.layout import SentenceLayout
from summitry.events.lexicon import DatingLexicon
from summitry.events.triggers import TriggerHit
from summitry.model import TimeExpr

_GRANULARITY = {10: "day", 7: "month", 4: "year"}


def granularity(value: str) -> str:
    return _GRANULARITY.get(len(value), "day")


def as_date(value: str | None) -> dt.date | None:
    """A representative day for a date of any precision: mid-month, mid-year."""
    if not value:
        return None
    try:
        if len(value) == 4:
            return dt.date(int(value), 7, 1)
        if len(value) == 7:
            return dt.date(int(value[:4]), int(value[5:7]), 15)
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def is_after(value: str, document_date: dt.date) -> bool:
    """Whether ``value`` lies wholly after the publication date, at ``value``'s precision."""
    return value > document_date.isoformat()[: len(value)]


class Dater:
    def __init__(self, folded: str, times: tuple[TimeExpr, ...], document_date: dt.date | None, lexicon: DatingLexicon) -> None:
        self.folded = folded
        self.times = [t for t in times if t.value and t.relation not in lexicon.skip_relations]
        self.document_date = document_date
        self.lexicon = lexicon

    def _within(self, start: int, end: int) -> list[TimeExpr]:
        return [t for t in self.times if start <= t.start and t.end <= end]

    def date(self, hit: TriggerHit, layout: SentenceLayout, previous: SentenceLayout | None) -> tuple[str | None, str]:
        """The event's date and how it was found: clause, sentence, previous, news or none."""
        in_clause = self._within(hit.clause.start, hit.clause.end)
        if in_clause:
            return min(in_clause, key=lambda t: abs(t.start - hit.start)).value, "clause"
        sentence = layout.sentence
        in_sentence = self._within(sentence.start, sentence.end)
        if in_sentence:
            before = [t for t in in_sentence if t.end <= hit.start]
            chosen = before[-1] if before else in_sentence[0]
            return chosen.value, "sentence"
        if previous is not None and previous.paragraph == layout.paragraph:
            earlier = [
                t
                for t in self._within(previous.sentence.start, previous.sentence.end)
                if granularity(t.value) in self.lexicon.previous_sentence_granularity and t.relation is None
            ]
            if earlier:
                return earlier[-1].value, "previous"
        if self.document_date is not None and self._news_of_the_day(layout):
            return self.document_date.isoformat(), "news"
        return None, "none"

    def _news_of_the_day(self, layout: SentenceLayout) -> bool:
        sentence = layout.sentence
        text = self.folded[sentence.start : sentence.end]
        for cue in self.lexicon.news_of_the_day:
            position = text.find(cue.word)
            while position != -1:
                if cue.fits(self.folded, sentence.start + position):
                    return True
                position = text.find(cue.word, position + 1)
        return False
