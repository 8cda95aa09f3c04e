"""When an event happened, from the times the measure stage resolved (see data/dating.yaml).

An event is dated by its own sentence first, then by a day or month in the sentence before
it in the same paragraph, then by the publication date only when the text says the news is
of the day (今天, 當天, 剛結束). Historical years stay as written: 2018 is 2018, never the
document's year. Deadlines (2035年前) date nothing.
"""

from __future__ import annotations

import bisect
import re
import datetime as dt
from typing import cast

from summitry.events.layout import Clause, SentenceLayout, SpanIndex
from summitry.events.lexicon import Cue, DatingLexicon
from summitry.events.triggers import TriggerHit
from summitry.measure.lexicon import time_lexicon
from summitry.model import TimeExpr

_GRANULARITY = {10: "day", 7: "month", 4: "year"}
_CLAUSE_MARKS = "，,；;。！？!?"
_FRAME_REACH = 30  # characters a 繼…後 frame may span


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


_OUTLET_NAME = re.compile(r"[A-Za-z][A-Za-z0-9 .&-]*")
_CREDIT_REACH = 24  # characters a bracketed credit may hold: an outlet and a reporter's name


def opens_with_bracketed_credit(folded: str, lexicon: DatingLexicon) -> bool:
    """Whether the lead credits the copy in brackets, as TV and wire desks do (【有線新聞】,
    【i-CABLE】, 【…記者報導】): such copy is filed the day it is published, like copy opening
    with 新華社…電. A label of another kind (【社論】) credits no desk, and a newspaper's own
    or compiled report (【本報綜合報道】) is printed the day after."""
    lead = folded[: lexicon.publication_lead]
    for pair in lexicon.lead_brackets:
        opened = lead.find(pair[0])
        while opened != -1:
            closed = lead.find(pair[1], opened + 1, opened + 2 + _CREDIT_REACH)
            credit = folded[opened + 1 : closed].strip() if closed != -1 else ""
            if credit and not any(mark in credit for mark in _CLAUSE_MARKS) and not any(
                word in credit for word in lexicon.bracket_credit_not
            ) and (credit.endswith(lexicon.bracket_credit_words) or _OUTLET_NAME.fullmatch(credit)):
                return True
            opened = lead.find(pair[0], opened + 1)
    return False


def _without_range_ends(folded: str, times: list[TimeExpr]) -> list[TimeExpr]:
    """The times less the second end of each range or pair (4月6日至11日, 2月27日與28日): an
    event told with a range of days is dated by the day it opens on, not the nearest end."""
    joiners = time_lexicon().range_joiners
    kept: list[TimeExpr] = []
    for time in sorted(times, key=lambda t: t.start):
        if kept and folded[kept[-1].end : time.start].strip(" \t\u3000") in joiners:
            continue
        kept.append(time)
    return kept


def _names_a_period(time: TimeExpr) -> bool:
    """A span to the document date (近30天, 七年來: since the far end) names how long something
    has gone on, not when the event happened; and days valued only by their year (上週 across
    two months) would date an event more loosely than saying nothing."""
    if time.first is None or time.last is None:
        return False
    return time.relation == "since" or (len(time.first) == 10 and time.value is not None and len(time.value) == 4 and time.first[:7] != time.last[:7])


def _lies_ahead(time: TimeExpr, document_date: dt.date) -> bool:
    """Whether ``time`` lies wholly after the document date: a span from its first day, else
    its value."""
    if time.first is not None and time.last is not None:
        return is_after(time.first, document_date)
    return is_after(cast(str, time.value), document_date)


class Dater:
    def __init__(
        self, folded: str, times: tuple[TimeExpr, ...], document_date: dt.date | None, lexicon: DatingLexicon,
        names: tuple[tuple[int, int], ...] = (), speech: tuple[Cue, ...] = (),
    ) -> None:
        self.folded = folded
        self.speech = speech  # 表示, 說: a clause of these dates the saying, not what is said
        self.document_date = document_date
        self.lexicon = lexicon
        # The spans of the names the actors stage found, by start: a cue inside one (秦剛, 李剛)
        # is part of the name, not a word of the sentence, and a time that overlaps one (安倍晉三
        # 日前: 三日前) is read across the name's end.
        self._names = sorted(names)
        self._name_starts = [start for start, _ in self._names]
        self.times = _without_range_ends(folded, [
            t for t in times
            if t.value and t.relation not in lexicon.skip_relations and not self._overlaps_name(t.start, t.end) and not _names_a_period(t)
            and not folded.startswith(lexicon.baseline_words, t.end)
        ])
        self._times = SpanIndex(self.times, lambda time: (time.start, time.end))
        # Spans wholly ahead of the document too loose to date an event themselves (下週 across
        # two months): they still say that what follows them lies ahead, so the day the plan was
        # told does not date it. A deadline (兩週內) bounds the plan and does not move it: such
        # a plan may keep the day it was stated (docs/evaluation/GOLD.md).
        ahead = [
            t for t in times
            if t not in self.times and t.value and t.relation not in lexicon.skip_relations
            and document_date is not None and _lies_ahead(t, document_date)
        ]
        self._ahead = SpanIndex(ahead, lambda time: (time.start, time.end))
        self._contexts: dict[tuple[int, int], tuple[bool, int | None, bool]] = {}
        self._news_of_the_day_in: dict[int, bool] = {}
        self._frames: dict[int, tuple[int, int] | None] = {}
        # Whether a clause holds a verb of its own, for the hits of the sentence last asked
        # about: asked for every time and every trigger of a sentence, read once per clause.
        self._verbs_of: tuple[list[TriggerHit] | None, dict[Clause, bool]] = (None, {})

    def _within(self, start: int, end: int) -> list[TimeExpr]:
        return self._times.within(start, end)

    def _own(self, times: list[TimeExpr], hit: TriggerHit) -> list[TimeExpr]:
        """Times that may date the trigger: 2020年的選舉 dates the election, not what is said of it."""
        return [
            t for t in times
            if not (self.folded[t.end : t.end + 1] == "的" and not (0 <= hit.start - t.end <= 8))
            and not self._dates_something_else(t, hit)
        ]

    def _dates_something_else(self, time: TimeExpr, hit: TriggerHit) -> bool:
        """二○一一年十二月李明博以來 (since when), 去年五月就任總統 (another verb's time)."""
        frame = self._earlier_frame(time.start)
        if frame is not None and not (frame[0] <= hit.start < frame[1]):
            return True  # 繼六月G7峰會後，再度和石破會談: June is the summit's month
        since_inside, since_end, other_verb_near = self._context_of(time)
        if (since_inside or since_end is not None) and time.end <= hit.start and hit.cue.word in self.lexicon.since_dated_changes:
            return False  # 自7月底以來，關稅已降至15%: the level changed when the span opened
        if since_inside:
            return True  # the time stage read 以來 into the time itself
        # Only what stands between the time and a trigger after it counts: a since word
        # ending there, the first of which ends first.
        if since_end is not None and (hit.start < time.end or since_end <= hit.start - time.end):
            return True
        return other_verb_near and not (0 <= hit.start - time.end <= 1)

    def _earlier_frame(self, offset: int) -> tuple[int, int] | None:
        """The 繼…後 stretch around ``offset`` in its clause of punctuation, if any: it names an
        event earlier than the one the clause reports."""
        if offset in self._frames:
            return self._frames[offset]
        self._frames[offset] = frame = self._find_earlier_frame(offset)
        return frame

    def _find_earlier_frame(self, offset: int) -> tuple[int, int] | None:
        start = offset
        while start > 0 and self.folded[start - 1] not in _CLAUSE_MARKS and offset - start < _FRAME_REACH:
            start -= 1
        for cue in self.lexicon.earlier_opens:
            opened = self.folded.rfind(cue.word, start, offset + 1)
            if opened == -1 or not cue.fits(self.folded, opened):
                continue
            after = opened + len(cue.word)
            window = self.folded[after : after + _FRAME_REACH]
            for mark in _CLAUSE_MARKS:
                window = window.split(mark, 1)[0]
            closes = [window.find(word) + len(word) for word in self.lexicon.earlier_closes if word in window]
            if closes and offset < after + min(closes):
                return opened, after + min(closes)
        return None

    def _context_of(self, time: TimeExpr) -> tuple[bool, int | None, bool]:
        """What the words around a time say, whatever the trigger: whether a since word is
        inside it; where the first since word after it (before the next punctuation) ends,
        counted from its end; and whether another verb follows it closely."""
        key = (time.start, time.end)
        context = self._contexts.get(key)
        if context is None:
            since_inside = any(word in self.folded[time.start : time.end] for word in self.lexicon.since_words)
            after = self.folded[time.end : time.end + self.lexicon.since_reach]
            for mark in _CLAUSE_MARKS:
                after = after.split(mark, 1)[0]
            since_end = min((after.find(word) + len(word) for word in self.lexicon.since_words if word in after), default=None)
            # 六月就任: the verb right after the time; 明年初就會上台: after an adverb or modal
            nears = [self.folded[time.end : time.end + 3]]
            for word in self.lexicon.other_verb_adverbs:  # longest first: 就會 before 就
                if self.folded.startswith(word, time.end):
                    nears.append(self.folded[time.end + len(word) : time.end + len(word) + 3])
                    break
            other_verb_near = any(word in near for near in nears for word in self.lexicon.other_verbs)
            context = self._contexts[key] = (since_inside, since_end, other_verb_near)
        return context

    def _in_content(self, time: TimeExpr, hit: TriggerHit) -> bool:
        """川普威脅自8月1日起對日本加徵關稅: a time after a threat or a demand is the time of what
        is threatened or demanded, whether or not that act is read as an event of its own."""
        return time.start >= hit.end and hit.group.type in self.lexicon.content_acts

    def _in_object_modifier(self, time: TimeExpr, hit: TriggerHit) -> bool:
        """會見來華出席2022年冬奧會開幕式的埃及總統: a time after the verb and before a 的 of its
        clause modifies the object, so it does not date the verb."""
        return time.start >= hit.end and "的" in self.folded[time.end : hit.clause.end]

    def date(
        self, hit: TriggerHit, layout: SentenceLayout, previous: SentenceLayout | None, hits: list[TriggerHit],
        subjectless: bool = False,
    ) -> tuple[str | None, str]:
        """The event's date and how it was found: clause, sentence, previous, news or none."""
        in_clause = [  # 取消原定下月舉行的軍演: 下月 dates the exercise, not its cancellation
            t for t in self._own(self._within(hit.clause.start, hit.clause.end), hit)
            if not (hit.end <= t.start and t.end <= hit.phrase_end) and not self._next_verbs(t, hit, hits)
            and not self._in_object_modifier(t, hit) and not self._in_content(t, hit)
        ]
        if in_clause:
            nearest = cast(str, min(in_clause, key=lambda t: abs(t.start - hit.start)).value)
            return self._refined(nearest, hit, layout, hits), "clause"
        if self._ahead.within(hit.clause.start, hit.clause.end):
            return None, "none"  # 魯比歐21日說，他下週將在吉隆坡會見王毅: next week's, not the 21st
        if self.named_by_product(hit):
            return None, "none"  # 落實兩國元首會晤共識: an earlier meeting, not the scene's
        if self._requested(hit, hits):
            return None, "none"  # 5月21日…邀請日、韓領袖訪美: the day of the invitation, not of the visit
        if self._prior_act(hit):
            return None, "none"  # 29日說，…類似日本與美國達成的協議: the deal is older than the saying
        sentence = layout.sentence
        # A time in another clause dates the trigger only when it sets the scene of the whole
        # sentence: a dateline clause (10月29日，川普…) or the sentence's opening words.
        scene = [
            t for t in self._within(sentence.start, sentence.end)
            if self._sets_scene(t, layout, hits) and not self._dates_something_else(t, hit)
        ]
        if scene:
            chosen = scene[-1] if all(t.end <= hit.start for t in scene) else scene[0]
            if chosen.end <= hit.start and self._ahead.within(chosen.end, hit.start):
                return None, "none"  # 今天表示，他下週出席峰會期間，預期達成協議: the time moved ahead
            return chosen.value, "sentence"
        if subjectless:
            carried = self.carried(hit, layout, hits)
            if carried:
                return carried, "carried"
        elif not self._breaks_group(hit):
            grouped = self.carried(hit, layout, hits, time_first=True)
            if grouped:
                return grouped, "group"
        if self.historical(hit):
            return None, "none"  # 曾與…見面, 日前與…通話: an earlier meeting takes no neighbour's day
        if previous is not None and previous.paragraph == layout.paragraph:
            earlier = [
                t
                for t in self._within(previous.sentence.start, previous.sentence.end)
                if granularity(cast(str, t.value)) in self.lexicon.previous_sentence_granularity and t.relation is None
                and not self._dates_something_else(t, hit)
            ]
            if earlier:
                return earlier[-1].value, "previous"
        if self.document_date is not None and self._news_of_the_day(layout):
            return self.document_date.isoformat(), "news"
        return None, "none"

    def _refined(self, value: str, hit: TriggerHit, layout: SentenceLayout, hits: list[TriggerHit]) -> str:
        """9月4日至6日，2024年中非合作論壇峰會將在北京舉行: a year in the clause (the summit's
        edition) that holds the finer day setting the scene of the sentence is that day, unless
        the day is a saying's (9月4日，習近平表示，2024年…峰會將…)."""
        if len(value) != 4:
            return value
        finer = [
            t for t in self._within(layout.sentence.start, layout.sentence.end)
            if not hit.clause.holds(t.start, t.end) and len(cast(str, t.value)) > 4
            and cast(str, t.value).startswith(value) and self._sets_scene(t, layout, hits)
            and not self._dates_something_else(t, hit) and not self._says(t.end, hit.clause.start)
        ]
        return cast(str, finer[0].value) if finer else value

    def _requested(self, hit: TriggerHit, hits: list[TriggerHit]) -> bool:
        """An act asked for by a request earlier in its clause (邀請X訪美, 要求X撤軍) happens
        later than the request: only a time written after the request may date it."""
        return any(
            other is not hit and other.clause == hit.clause and other.end <= hit.start and other.group.type == "REQUEST"
            for other in hits
        )

    def _next_verbs(self, time: TimeExpr, hit: TriggerHit, hits: list[TriggerHit]) -> bool:
        """邀請尹錫悅8月訪美: a time after the trigger and before a later one dates the later."""
        return any(
            other is not hit and other.clause == hit.clause and hit.end <= time.start and time.end <= other.start
            for other in hits
        )

    def carried(self, hit: TriggerHit, layout: SentenceLayout, hits: list[TriggerHit], time_first: bool = False) -> str | None:
        """尹錫悅十六日起訪問日本，在東京和岸田舉行高峰會: a clause with no subject and no time of
        its own goes on with the clause before it, and with the time of that clause's event.

        With ``time_first`` only a time written before that clause's first trigger counts, as
        one that sets the scene of the clauses after it (今年7月美韓達成…，韓國同意投資…).
        """
        for clause in reversed([c for c in layout.clauses if c.end <= hit.clause.start]):
            verbs = [h for h in hits if clause.holds(h.start, h.end)]
            if not verbs:
                continue
            own = [t for h in verbs for t in self._own(self._within(clause.start, clause.end), h)]
            if time_first:
                if self._prior_act(verbs[0]):
                    return None  # 據美韓7月達成的協議，南韓還要…: a source named, not a scene set
                own = [
                    t for t in own
                    if t.end <= verbs[0].start and not self._dates_something_else(t, hit)
                    and "。" not in self.folded[t.end : hit.start]
                ]
            if own:
                return min(own, key=lambda t: abs(t.start - verbs[0].start)).value
            return None
        return None

    def _breaks_group(self, hit: TriggerHit) -> bool:
        """A clause opening with 但/此後/目前… or turning with 卻: what it reports keeps no time
        from before."""
        before = self.folded[hit.clause.start : hit.start]
        return before.lstrip(" ，,；;").startswith(self.lexicon.group_breaks) or any(
            word in before for word in self.lexicon.group_turns
        )

    def _prior_act(self, hit: TriggerHit) -> bool:
        """日本與美國達成的協議: an agreement named as a noun is one made before; only a time in
        its own clause dates it, never the time of the saying around it."""
        if hit.group.type != "AGREE":
            return False
        return self.folded.startswith("的", hit.end) and self.folded.startswith(self.lexicon.prior_deal_nouns, hit.end + 1)

    def _sets_scene(self, time: TimeExpr, layout: SentenceLayout, hits: list[TriggerHit]) -> bool:
        """10月29日，…; 當地時間2025年10月30日，…; 新加坡峰會(2018):… — a dateline or the opening
        words, unless the opening clause has a verb of its own (期待明年稍早訪華，邀請…)."""
        clause = layout.clause_at(time.start)
        rest = (self.folded[clause.start : time.start] + self.folded[time.end : clause.end]).strip(" ，,")
        opening = clause == layout.clauses[0] if layout.clauses else True
        # 央视网消息（新闻联播）：当地时间16日上午，…: after a lead-in that ends in a colon and
        # reports nothing (a source credit), the clause opens the sentence.
        lead = self.folded[layout.sentence.start : clause.start].rstrip(" ")
        led = lead.endswith(("：", ":")) and not any(layout.sentence.start <= h.start < clause.start for h in hits)
        start = clause.start if led else layout.sentence.start
        credit_end = self._lead_credit_end(start, time.start)
        if credit_end is not None:  # 【…綜合報道】9月19日晚，…: the credit reports nothing
            rest = (self.folded[credit_end : time.start] + self.folded[time.end : clause.end]).strip(" ，,")
            start = credit_end
        if len(rest) <= 5:
            return True
        if not (opening or led) or self._has_verb(clause, hits):
            return False
        if time.start - start <= 8:
            return True
        return self._right_after_name(time.start, start) and not self._says(time.end, clause.end)

    def _says(self, start: int, end: int) -> bool:
        """Whether a reporting verb stands in [start, end) (郭嘉昆24日說，…: the day is the saying's)."""
        return self._cue_within(self.speech, start, end)

    def _cue_within(self, cues: tuple[Cue, ...], start: int, end: int, outside_names: bool = False) -> bool:
        """Whether one of ``cues`` is written in [start, end) as itself (``Cue.fits``), and, with
        ``outside_names``, not inside a name (秦剛也表示: 剛 is no "just now")."""
        for cue in cues:
            at = self.folded.find(cue.word, start, end)
            while at != -1:
                if cue.fits(self.folded, at) and not (outside_names and self._inside_name(at, at + len(cue.word))):
                    return True
                at = self.folded.find(cue.word, at + 1, end)
        return False

    def _right_after_name(self, offset: int, start: int) -> bool:
        """美國國務卿魯比歐(Marco Rubio)28日在…陪同下，與…會晤: the time written right after the
        opening subject's name (and its bracketed gloss) is the scene's, however long the
        titles before the name run."""
        before = self.folded[start:offset].rstrip(" ")
        if before.endswith((")", "）")):
            opened = max(before.rfind("("), before.rfind("（"))
            if opened == -1:
                return False
            before = before[:opened].rstrip(" ")
        end = start + len(before)
        last = bisect.bisect_left(self._name_starts, end)
        return any(name_end == end for _, name_end in self._names[max(0, last - 8) : last])

    def _lead_credit_end(self, start: int, before: int) -> int | None:
        """Where a bracketed credit opening the text at ``start`` ends (【環球時報綜合報道】), if
        one does before ``before``."""
        opened = self.folded[start:before].lstrip(" ")
        for pair in self.lexicon.lead_brackets:
            if opened.startswith(pair[0]) and pair[1] in opened:
                return before - len(opened) + opened.index(pair[1]) + 1
        return None

    def _has_verb(self, clause: Clause, hits: list[TriggerHit]) -> bool:
        if self._verbs_of[0] is not hits:
            self._verbs_of = (hits, {})
        known = self._verbs_of[1]
        if clause not in known:
            known[clause] = any(clause.holds(h.start, h.end) and not h.group.pattern.attached for h in hits)
        return known[clause]

    def historical(self, hit: TriggerHit) -> bool:
        """曾經三次和特朗普見面, 第一次總統任內接待, 繼G7峰會後, 會晤共識: an earlier meeting,
        not the one in the news."""
        text = self.folded[hit.clause.start : hit.clause.end]
        return (
            any(word in text for word in self.lexicon.historical) or self._earlier_frame(hit.start) is not None
            or self.named_by_product(hit)
        )

    def named_by_product(self, hit: TriggerHit) -> bool:
        """會晤共識, 通話達成的共識: a meeting named as what it produced."""
        return hit.group.type == "CONSULT" and self.folded.startswith(self.lexicon.meeting_products, hit.end)

    def _news_of_the_day(self, layout: SentenceLayout) -> bool:
        """Whether the sentence says its news is of the day (今天, 當天…), read once per sentence."""
        if layout.index not in self._news_of_the_day_in:
            self._news_of_the_day_in[layout.index] = self._says_news_of_the_day(layout)
        return self._news_of_the_day_in[layout.index]

    def _says_news_of_the_day(self, layout: SentenceLayout) -> bool:
        return self._cue_within(self.lexicon.news_of_the_day, layout.sentence.start, layout.sentence.end, outside_names=True)

    def _overlaps_name(self, start: int, end: int) -> bool:
        """Whether [start, end) shares a character with a name."""
        last = bisect.bisect_left(self._name_starts, end)
        return any(name_end > start for _, name_end in self._names[max(0, last - 8) : last])

    def _inside_name(self, start: int, end: int) -> bool:
        """Whether [start, end) lies inside a name (秦剛也表示: 剛 is no "just now")."""
        last = bisect.bisect_right(self._name_starts, start)
        return any(name_end >= end for _, name_end in self._names[max(0, last - 8) : last])
