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

    def _own(self, times: list[TimeExpr], hit: TriggerHit) -> list[TimeExpr]:
        """Times that may date the trigger: 2020年的選舉 dates the election, not what is said of it."""
        return [
            t for t in times
            if not (self.folded[t.end : t.end + 1] == "的" and not (0 <= hit.start - t.end <= 8))
        ]

    def date(
        self, hit: TriggerHit, layout: SentenceLayout, previous: SentenceLayout | None, hits: list[TriggerHit]
    ) -> tuple[str | None, str]:
        """The event's date and how it was found: clause, sentence, previous, news or none."""
        in_clause = [  # 取消原定下月舉行的軍演: 下月 dates the exercise, not its cancellation
            t for t in self._own(self._within(hit.clause.start, hit.clause.end), hit)
            if not (hit.end <= t.start and t.end <= hit.phrase_end)
        ]
        if in_clause:
            return min(in_clause, key=lambda t: abs(t.start - hit.start)).value, "clause"
        sentence = layout.sentence
        # A time in another clause dates the trigger only when it sets the scene of the whole
        # sentence: a dateline clause (10月29日，川普…) or the sentence's opening words.
        scene = [t for t in self._within(sentence.start, sentence.end) if self._sets_scene(t, layout, hits)]
        if scene:
            return scene[-1].value if all(t.end <= hit.start for t in scene) else scene[0].value, "sentence"
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

    def _sets_scene(self, time: TimeExpr, layout: SentenceLayout, hits: list[TriggerHit]) -> bool:
        """10月29日，…; 當地時間2025年10月30日，…; 新加坡峰會(2018):… — a dateline or the opening
        words, unless the opening clause has a verb of its own (期待明年稍早訪華，邀請…)."""
        clause = layout.clause_at(time.start)
        rest = (self.folded[clause.start : time.start] + self.folded[time.end : clause.end]).strip(" ，,")
        opening = clause == layout.clauses[0] if layout.clauses else True
        verbs = [h for h in hits if clause.holds(h.start, h.end) and not h.group.pattern.attached]
        return len(rest) <= 5 or (opening and time.start - layout.sentence.start <= 8 and not verbs)

    def historical(self, hit: TriggerHit) -> bool:
        """曾經三次和特朗普見面, 第一次總統任內接待: an earlier meeting, not the one in the news."""
        text = self.folded[hit.clause.start : hit.clause.end]
        return any(word in text for word in self.lexicon.historical)

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
