"""The events stage: triggers, parties, date, place, amounts and status, sentence by sentence.

Sentences are read in order and each event is remembered, because news prose leans on what
came before: 雙方 means the two sides of the last meeting, 此次訪問 is the visit already
reported, and a meeting mentioned again without a date is the same meeting as before.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache
from typing import Any, Callable, Collection, Mapping, cast

from summitry.actors.kb import KnowledgeBase
from summitry.actors.linker import LinkedActors
from summitry.events.arguments import ActorIndex, Parties, SentenceActors, marker_role
from summitry.events.dating import Dater, as_date, is_after, opens_with_bracketed_credit
from summitry.events.layout import SentenceLayout, SpanIndex, sentence_layouts
from summitry.events.lexicon import EventLexicon, event_lexicon
from summitry.events.status import Attributor, status_cue_index
from summitry.events.summary import summarize
from summitry.events.tables import read_tables, table_events
from summitry.events.triggers import MentionIndex, SentenceTriggers, TriggerHit, find_sentence_triggers
from summitry.model import Entity, Event, Quantity, Span, TextView, TimeExpr

# Types whose events stand for a meeting of their parties: 雙方 refers back to them, and a
# later undated report of the same parties takes their date.
MEETING_TYPES = frozenset({"CONSULT", "AGREE"})
_BOTH_SIDES_LOOKBACK = 8  # sentences
_PRONOUN_LOOKBACK = 3  # sentences
_SPEECH_LOOKBACK = 5  # sentences of one paragraph a reported speech runs on without a new verb of saying
_ATTRIBUTION_LENGTH = 12  # characters of a sentence that only says who spoke (習近平主席說。)
_SCENE_PARAGRAPHS = 2
_OBJECT_GAP = 2
_PLACE_REACH = 6  # characters between a place and the meeting word it names (峇里島會晤共識)
_OPENING_MARKS = " 　“”「」『』\"'"  # marks before a sentence's first word
# How a date was found (events/dating.py) that never dates a plan: only its own sentence does.
_NOT_A_PLAN_DATE = frozenset({"group", "previous", "news"})
# Acts that, as the consequence of a condition, promise rather than threaten.
_PROMISES = frozenset({"CONCEDE", "AGREE", "COOPERATE", "AID", "SUPPORT", "RETREAT"})
# Types whose occurrence is told once however often the text names it (a meeting, a visit, a
# call, an envoy summoned, a deal reached or signed): further reports of it with the same
# parties and agreeing dates are the same event. Two deals of the same sides differ in kind
# (a signing, a deal) or are told as another (再次簽署).
_TOLD_ONCE = frozenset({"CONSULT", "PROTEST", "AGREE"})
_FULL_STOP = "。"
# A text with this many headings after its title is a roundup of separate items (events/extractor.py _sections).
_ROUNDUP_HEADINGS = 3


@dataclass
class _SentenceEvent:
    """An event as one sentence tells it, with what the document-level steps (dates carried
    over, one report per meeting, the document pair) still read: the sentence's index, how its
    date was found (``dated_by``: the dater's answer — its own clause, the sentence, … — or a
    later step's: inherited, scene, setting, publication), and its pattern's flags."""

    event: Event
    sentence: int
    dated_by: str
    symmetric: bool
    historical: bool = False
    again: bool = False  # 再次會見: another occurrence, not the one already told
    clause: int = -1  # the index of its trigger's clause in the sentence (-1: no trigger names it)
    to_other_side: bool = False  # its pattern's to_other_side: checked after the document pair

    @property
    def participants(self) -> frozenset[str]:
        return frozenset(self.event.source) | frozenset(self.event.target)


class _Extraction:
    def __init__(
        self,
        view: TextView,
        linked: LinkedActors,
        quantities: tuple[Quantity, ...],
        times: tuple[TimeExpr, ...],
        kb: KnowledgeBase,
        document_date: dt.date | None,
        lexicon: EventLexicon,
    ) -> None:
        self.view = view
        self.folded = view.folded
        self.lexicon = lexicon
        self.kb = kb
        self.document_date = document_date
        self.quantities = tuple(sorted(quantities, key=lambda q: q.start))
        self.quantity_starts = [q.start for q in self.quantities]
        self.actors = ActorIndex(linked.mentions, _with_text_entities(kb, linked), kb)
        # Copy filed the day it is published opens with a source credit (央视网消息, 新华社…电),
        # or, from TV and wire desks, a credit in brackets (【有線新聞】).
        # A credit in brackets is judged by its own words (綜合報道 is no same-day copy).
        self.filed_copy = any(
            m.how == "credit" and m.start < lexicon.dating.publication_lead and not _in_brackets(self.folded, m.start)
            for m in linked.mentions
        ) or opens_with_bracketed_credit(self.folded, lexicon.dating)
        self.layouts = sentence_layouts(view, lexicon.status.quotation_min_length)
        self.sentence_starts = [layout.sentence.start for layout in self.layouts]
        self.dater = Dater(
            self.folded, times, document_date, lexicon.dating, tuple((m.start, m.end) for m in self.actors.mentions),
            lexicon.status.reporting,
        )
        self.time_spans = tuple((t.start, t.end) for t in times)
        # SentenceActors only reads the spans inside its own sentence.
        self._span_index = SpanIndex(self.time_spans, lambda span: span)
        self._sentence_spans: dict[int, tuple[tuple[int, int], ...]] = {}
        self.times = tuple(sorted(times, key=lambda t: t.start))
        self.time_starts = [t.start for t in self.times]
        self.titles = _titles(kb, lexicon)
        self.tables = read_tables(view)
        # A table's rows are read by columns (events/tables.py), never as sentences. Page chrome
        # (a caption, a byline, a related story's headline: view.chrome) reports nothing.
        mention_index = MentionIndex(self.actors.mentions)
        triggers = [
            SentenceTriggers([], []) if self._in_table(layout) or view.in_chrome(layout.sentence.start, layout.sentence.end)
            else self._outside_chrome(find_sentence_triggers(self.folded, layout, self.actors.mentions, lexicon, mention_index))
            for layout in self.layouts
        ]
        self.hits = [found.kept for found in triggers]
        # Every verb read, the replaced ones too: a party right after one is its object.
        self.verbs = [sorted(found.kept + found.suppressed, key=lambda hit: hit.start) for found in triggers]
        self.found: list[_SentenceEvent] = []
        self._both_sides_kinds: dict[int, tuple[str, ...]] = {}
        self._readers_by_sentence: dict[int, tuple[tuple[Any, ...], SentenceActors, Attributor]] = {}

    def _outside_chrome(self, found: SentenceTriggers) -> SentenceTriggers:
        """A sentence with a chrome span inside it (a credit, a caption after the story's last
        full stop) keeps only the triggers outside that span."""
        if not self.view.chrome:
            return found
        return SentenceTriggers(
            [hit for hit in found.kept if not self.view.in_chrome(hit.start, hit.end)],
            [hit for hit in found.suppressed if not self.view.in_chrome(hit.start, hit.end)],
        )

    def _in_table(self, layout: SentenceLayout) -> bool:
        sentence = layout.sentence
        return any(table.start <= sentence.start and sentence.end <= table.end for table in self.tables)

    # -- context resolvers -------------------------------------------------------------
    def _sentence_of(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.sentence_starts, offset) - 1)

    def _pronoun(self, offset: int) -> str | None:
        """Who 他/她/其 stands for: the speaker when a verb of saying precedes it in the sentence
        (川普表示，習近平已承諾…，他也決定…), else the last person named as a subject before it."""
        here = self._sentence_of(offset)
        layout = self.layouts[here]
        if self.folded[offset : offset + 2] == "后者":
            # The last person named before it: read back from the offset, not the whole text.
            mentions = self.actors.mentions
            for index in range(self.actors.before(offset) - 1, -1, -1):
                if mentions[index].end <= offset and self.actors.type_of(mentions[index].entity_id) == "person":
                    return mentions[index].entity_id
            return None
        speaker = self._speaker_of_sentence(layout, offset)
        if speaker:
            return speaker
        paragraph = layout.paragraph
        own_clause = layout.clause_at(offset)
        # Mentions starting after offset also end after it: only those up to it are read.
        before = self.actors.mentions[: self.actors.before(offset)]
        # 習近平將會見菲利普總理，李克強總理將同他舉行會談: when the pronoun's own clause has a person
        # of one side as its subject, 他 is the last person of another side (the guest), subject or not.
        own_sides = {
            self.actors.country_of(m.entity_id) for m in before
            if m.end <= offset and own_clause.holds(m.start, m.end) and self.actors.type_of(m.entity_id) == "person"
        } - {None}
        for mention in reversed(before):
            if mention.end > offset or self.actors.type_of(mention.entity_id) != "person":
                continue
            if own_clause.holds(mention.start, mention.end):
                continue  # 特朗普會與他見面: 他 is not the clause's own subject
            there = self._sentence_of(mention.start)
            if there < here - _PRONOUN_LOOKBACK or (self.layouts[there].paragraph != paragraph and there < here - 1):
                return None
            if own_sides:
                if self.actors.country_of(mention.entity_id) not in own_sides:
                    return mention.entity_id
                continue
            if self._subject_like(mention.start, there):
                return mention.entity_id
        return None

    def _first_person(self, offset: int) -> str | None:
        """Who 我 stands for: the one speaking. The speaker of a verb of saying before it in the
        sentence or in the paragraph's sentences just before (習近平強調，…。今天我同普京總統
        簽署…), or of a short attribution right after a quotation (「…我對此表示讚賞。」習近平
        說。); no one when nobody is reported speaking."""
        here = self._sentence_of(offset)
        layout = self.layouts[here]
        if layout.quotation_at(offset) is not None:
            # A quotation's speaker named in its sentence is the attribution's to find (it reads
            # scene phrases: 川普在出席李在明主持的晚宴上宣佈「我們…」); only one named in a
            # short sentence right after it is found here.
            following = self.layouts[here + 1] if here + 1 < len(self.layouts) else None
            if self._speaker_of_sentence(layout, layout.sentence.end) or following is None or following.paragraph != layout.paragraph:
                return None
            if following.sentence.end - following.sentence.start > _ATTRIBUTION_LENGTH:
                return None
            return self._speaker_of_sentence(following, following.sentence.end)
        speaker = self._speaker_of_sentence(layout, offset)
        if speaker:
            return speaker
        for there in range(here - 1, max(-1, here - 1 - _SPEECH_LOOKBACK), -1):
            if self.layouts[there].paragraph != layout.paragraph:
                break
            speaker = self._speaker_of_sentence(self.layouts[there], self.layouts[there].sentence.end)
            if speaker:
                return speaker
        return None

    def _subject_like(self, start: int, sentence: int) -> bool:
        """Not after 向/與/對… and not right after a trigger (喊話金正恩: 金正恩 is the object)."""
        layout = self.layouts[sentence]
        clause = layout.clause_at(start)
        # 在川普的描述中: before a person, 在 marks no place, so only other markers count.
        if marker_role(self.folded[clause.start : start].rstrip(" "), self.lexicon.arguments) not in (None, "locative"):
            return False
        return not any(0 <= start - hit.end <= _OBJECT_GAP for hit in self.verbs[sentence])

    def _speaker_of_sentence(self, layout: SentenceLayout, offset: int) -> str | None:
        sentence = layout.sentence
        text = self.folded[sentence.start : offset]
        for cue in self.lexicon.status.reporting:
            position = text.rfind(cue.word)
            if position == -1 or not cue.fits(self.folded, sentence.start + position):
                continue
            verb = sentence.start + position
            clause = layout.clause_at(verb)
            persons = [
                m for m in self.actors.within(clause.start, verb)
                if clause.start <= m.start and m.end <= verb and self.actors.type_of(m.entity_id) == "person"
                and not layout.in_brackets(m.start, m.end)
            ]
            if persons:
                return persons[-1].entity_id
        return None

    def _both_sides(self, sentence: int) -> Callable[[str], tuple[str, ...]]:
        def resolve(kind: str) -> tuple[str, ...]:
            for found in reversed(self.found):
                if found.sentence < sentence - _BOTH_SIDES_LOOKBACK:
                    break
                if found.event.mode == "multilateral":
                    continue  # 雙方, 兩國: two sides met, not a body's summit and who attended it
                if found.event.type in MEETING_TYPES and len(found.participants) >= 2 and found.event.status != "hypothetical":
                    ordered = tuple(dict.fromkeys(found.event.source + found.event.target))
                    if kind == "countries":
                        countries = tuple(dict.fromkeys(self.actors.country_of(i) or i for i in ordered))
                        if len(countries) >= 2:
                            return countries
                        continue  # 兩國 after a meeting of one country's people: an earlier one
                    if kind == "persons":
                        persons = tuple(i for i in ordered if self.actors.type_of(i) == "person")
                        if len(persons) >= 2:
                            return persons
                        if any(self.actors.type_of(i) == "organization" for i in ordered):
                            continue  # 兩國元首 after a leader at a forum (習近平 & APEC): the last meeting of two
                    return ordered
            return ()

        return resolve

    def _sentence_readers(self, layout: SentenceLayout) -> tuple[SentenceActors, Attributor]:
        """The sentence's groups and its attributor, built once and shared by its triggers.

        Only what 雙方/兩人 stand for can change between two triggers of one sentence (the
        first may report the meeting they refer to), so those readings are part of the key.
        """
        resolve = self._both_sides(layout.index)
        key = tuple(resolve(kind) for kind in self._both_sides_kinds_in(layout))
        cached = self._readers_by_sentence.get(layout.index)
        if cached is not None and cached[0] == key:
            return cached[1], cached[2]
        actors = SentenceActors(
            self.folded,
            layout,
            self.actors,
            self.lexicon.arguments,
            self.titles,
            self.hits[layout.index],
            self._pronoun,
            resolve,
            self._time_spans_in(layout),
            self.verbs[layout.index],
            self._first_person,
        )
        attributor = Attributor(self.folded, actors, self.lexicon.status, status_cue_index(self.lexicon))
        self._readers_by_sentence[layout.index] = (key, actors, attributor)
        return actors, attributor

    def _both_sides_kinds_in(self, layout: SentenceLayout) -> tuple[str, ...]:
        """The kinds (parties, persons) of the both-sides words the sentence holds, in lexicon order."""
        kinds = self._both_sides_kinds.get(layout.index)
        if kinds is None:
            sentence = layout.sentence
            kinds = self._both_sides_kinds[layout.index] = tuple(
                kind for word, kind in self.lexicon.arguments.both_sides.items()
                if self.folded.find(word, sentence.start, sentence.end) != -1
            )
        return kinds

    def _time_spans_in(self, layout: SentenceLayout) -> tuple[tuple[int, int], ...]:
        """The time spans wholly inside the sentence, in the order of self.time_spans."""
        spans = self._sentence_spans.get(layout.index)
        if spans is None:
            sentence = layout.sentence
            spans = self._sentence_spans[layout.index] = tuple(self._span_index.within(sentence.start, sentence.end))
        return spans

    # -- one trigger -------------------------------------------------------------------
    def _series_parties(self, hit: TriggerHit, layout: SentenceLayout) -> Parties | None:
        """A summit whose parties the text does not name: one of a series (第二次河內峰會), or the
        next item of a list whose previous item named them (新加坡峰會(2018)… / 河內峰會(2019)…)."""
        if hit.group.type != "CONSULT" or not hit.group.pattern.symmetric:
            return None
        before = self.folded[max(hit.clause.start, hit.start - 10) : hit.start]
        in_series = any(word in before for word in self.lexicon.arguments.series)
        for found in reversed(self.found):
            if found.event.type != "CONSULT" or not found.symmetric or len(found.participants) < 2:
                continue
            if found.event.status in ("planned", "hypothetical", "negated"):
                continue
            if in_series or (found.sentence == layout.index - 1 and self._list_item(hit, layout, found)):
                return Parties(found.event.source, found.event.target)
            return None
        return None

    def _list_item(self, hit: TriggerHit, layout: SentenceLayout, found: _SentenceEvent) -> bool:
        """Both sentences open with the same summit word, as items of one list do."""
        previous = self.layouts[found.sentence]
        opening = [h.cue.word for h in self.hits[found.sentence] if h.start - previous.sentence.start <= 8]
        return hit.start - layout.sentence.start <= 8 and hit.cue.word in opening

    def _place(self, actors: SentenceActors, hit: TriggerHit, parties: Parties) -> str | None:
        # A visit's place is its own clause's or its destination: 在日本…邀請日、韓領袖訪美 is no visit to Japan.
        own_clause = hit.group.mode == "visit" and bool(parties.target)
        places = [p for p in actors.places(hit, own_clause) if p not in parties.source and p not in parties.target]
        if places:
            return self.actors.name(places[0])
        if hit.group.mode == "visit" and len(parties.target) == 1 and self.actors.type_of(parties.target[0]) == "country":
            return self.actors.name(parties.target[0])
        return None

    def _amounts(self, hit: TriggerHit, layout: SentenceLayout) -> tuple[Quantity, ...]:
        """The clause's quantities; with scope ``sentence`` also sums of money later in the
        sentence (韓國購買波音飛機…，總額超500億美元), unless a clause of their own holds a
        trigger that reads amounts: 向美國投資3500億美元，並將採購1000億美元的液化天然氣 is
        two commitments, the 1000億 the purchase's, not the investment's."""
        scope = hit.group.amounts
        if scope == "none":
            return ()
        clause, sentence = hit.clause, layout.sentence
        owners = [
            other.clause for other in self.hits[layout.index]
            if other.group.amounts != "none" and (other.clause.start, other.clause.end) != (clause.start, clause.end)
        ]
        # Both conditions below bound q.start, so only that slice of the sorted quantities is read.
        low = bisect.bisect_left(self.quantity_starts, min(clause.start, hit.end))
        high = bisect.bisect_right(self.quantity_starts, max(clause.end, sentence.end))
        return tuple(
            q for q in self.quantities[low:high]
            if clause.start <= q.start and q.end <= clause.end
            or scope == "sentence" and hit.end <= q.start and q.end <= sentence.end and q.unit.isupper()
            and not any(owner.start <= q.start and q.end <= owner.end for owner in owners)
        )

    def _enough(self, hit: TriggerHit, parties: Parties, layout: SentenceLayout) -> bool:
        pattern = hit.group.pattern
        everyone = set(parties.source) | set(parties.target)
        if len(everyone) < pattern.min_parties:
            return False
        if pattern.require_target and not parties.target and not (pattern.sum_for_target and self._asks_a_sum(hit, layout)):
            return False
        return len({self.actors.side(i) for i in everyone}) >= pattern.min_sides

    def _speaker_goes_on(
        self, hit: TriggerHit, layout: SentenceLayout, previous: SentenceLayout | None, candidates: list[Parties]
    ) -> list[Parties]:
        """秦剛表示，…。希望美方…: a request opening a sentence with no subject goes on with the
        words of the speaker of the sentence before in its paragraph, who asks (the pattern's
        speaker_goes_on); the speaker's own side named after the one asked (希望美方同中方相向
        而行) is its company, not asked."""
        if not hit.group.pattern.speaker_goes_on or previous is None or previous.paragraph != layout.paragraph:
            return candidates
        if any(parties.source for parties in candidates):
            return candidates
        opening = self.folded[layout.sentence.start : hit.start].strip(_OPENING_MARKS)
        if opening and opening not in self.lexicon.arguments.clause_openers:
            return candidates
        speaker = self._speaker_of_sentence(previous, previous.sentence.end)
        if speaker is None:
            return candidates
        side = self.actors.side(speaker)
        return [Parties((speaker,), tuple(i for i in parties.target if self.actors.side(i) != side)) for parties in candidates]

    def _asks_a_sum(self, hit: TriggerHit, layout: SentenceLayout) -> bool:
        """Whether the trigger's clause names a sum of money (要求國會再撥款330億美元): asked for,
        it is a demand the ledger reads even where the text leaves whom it is asked of unsaid."""
        return any(q.unit.isupper() for q in self._amounts(hit, layout))

    def _events_for(self, hit: TriggerHit, layout: SentenceLayout, previous: SentenceLayout | None) -> list[_SentenceEvent]:
        if hit.anaphoric and any(f.event.type == hit.group.type for f in self.found):
            return []  # 此次訪問: the visit is already on record
        actors, attributor = self._sentence_readers(layout)
        if attributor.in_invitation_frame(hit):
            return []  # 應習近平邀請，廷覺將訪華: an invitation made before, named as the visit's reason
        date, how = self.dater.date(hit, layout, previous, self.hits[layout.index], not actors.has_subject(hit))
        if how != "clause" and self.dater.named_by_product(hit) and not self._placed(hit):
            # 落實兩國元首通話共識, 按照元首會晤共識: an earlier meeting cited as the source of what
            # is done now, no meeting reported; a day or a place of its own (峇里島會晤共識) names one.
            return []
        on = as_date(date) or self.document_date
        attribution = attributor.attribute(hit)
        candidates = actors.parties_for(hit, hit.group.pattern, attribution.speaker, on)
        candidates = self._speaker_goes_on(hit, layout, previous, candidates)
        enough = [self._enough(hit, parties, layout) for parties in candidates]
        if not any(enough):
            inherited = self._series_parties(hit, layout)
            candidates = [inherited] if inherited else []
            enough = [self._enough(hit, parties, layout) for parties in candidates]
        status = attribution.status
        if status in ("reported", "claimed") and hit.willed:
            status = "planned"  # 中方願同越方一道，…深化務實合作: the will, however far before, makes it a plan
        if status in ("reported", "claimed") and date and how == "clause" and self.document_date and self.lexicon.dating.future_is_planned:
            if is_after(date, self.document_date):
                status = "planned"
        if how in _NOT_A_PLAN_DATE and status in ("planned", "hypothetical", "negated"):
            # 今年7月達成協議，以交換美國將降稅; 雙方15日通話。雙方約定再次通話: a time of the act
            # before a plan, or of the sentence before it, is not the plan's. (The day a plan was
            # stated in its own sentence may date it: docs/evaluation/GOLD.md.)
            date = None
        claimed_by = attribution.claimed_by
        everyone = set(candidates[0].source + candidates[0].target) if candidates else set()
        if status == "claimed" and len(attribution.speakers) > 1 and set(attribution.speakers) >= everyone:
            status, claimed_by = "reported", None  # 雙方宣佈: a joint statement is no one party's claim
        events = []
        framed = how != "clause" and self._frames_a_time(hit)
        for parties, sufficient in zip(candidates, enough):
            if not sufficient:
                continue
            if framed and self._told_before(hit, parties):
                continue  # 兩人在會面前分別警告: the meeting already on record, named as a time
            place = self._place(actors, hit, parties)
            said = status == "claimed" and self._said_by_its_doer(hit, parties, claimed_by)
            event = Event(
                type=hit.group.type,
                mode=hit.group.mode,
                source=parties.source,
                target=parties.target,
                date=date,
                place=place,
                quantities=self._amounts(hit, layout),
                status="reported" if said else status,
                claimed_by=None if said else claimed_by,
                evidence=layout.sentence,
                # What the summary reads is settled here; later steps only add dates.
                summary=summarize(
                    _summaries(self.lexicon)[(hit.group.type, hit.group.mode, hit.group.pattern.symmetric)],
                    parties.source, parties.target, place, "reported" if said else status,
                    None if said else claimed_by, self.actors.name,
                ),
                cameo=hit.group.cameo,
                date_from="text" if date else None,
            )
            events.append(_SentenceEvent(
                event, layout.index, how, hit.group.pattern.symmetric, self.dater.historical(hit), self._again(hit),
                layout.clauses.index(hit.clause), hit.group.pattern.to_other_side,
            ))
        return events

    def _placed(self, hit: TriggerHit) -> bool:
        """Whether a place the actors stage found stands right before the trigger in its clause."""
        start = max(hit.clause.start, hit.start - _PLACE_REACH)
        return any(
            start <= m.start and m.end <= hit.start and self.actors.type_of(m.entity_id) == "place"
            for m in self.actors.within(start, hit.start)
        )

    def _said_by_its_doer(self, hit: TriggerHit, parties: Parties, claimed_by: str | None) -> bool:
        """Whether the act is one of speech (稱讚, 拒絕, 譴責) told by the side that does it:
        saying it does it, so it is reported, not that side's claim."""
        acts = self.lexicon.status.said_acts
        if hit.group.type not in acts and f"{hit.group.type}/{hit.group.mode}" not in acts:
            return False
        if claimed_by is None or not parties.source:
            return False
        speaker = self.actors.side(claimed_by)
        return all(self.actors.side(party) == speaker for party in parties.source)

    def _again(self, hit: TriggerHit) -> bool:
        """Whether a word of repetition (再次, 再度) stands shortly before the trigger in its clause."""
        reach = self.lexicon.arguments.anaphora_reach
        before = self.folded[max(hit.clause.start, hit.start - reach) : hit.start]
        return any(word in before for word in self.lexicon.again_words)

    def _frames_a_time(self, hit: TriggerHit) -> bool:
        """會面前, 會談結束後, 通話中: a meeting word followed by a frame word (not by a name that
        opens with one, 中國, 上海) names the time of something else."""
        if hit.group.type != "CONSULT":
            return False
        words = [w for w in self.lexicon.frame_words if self.folded.startswith(w, hit.phrase_end)]
        return bool(words) and not self._names_at(hit.phrase_end, hit.phrase_end + len(words[0]))

    def _names_at(self, start: int, end: int) -> bool:
        """Whether a name the actors stage found overlaps [start, end)."""
        return any(m.start < end and start < m.end for m in self.actors.within(max(0, start - 12), end + 12))

    def _told_before(self, hit: TriggerHit, parties: Parties) -> bool:
        """Whether an event of the trigger's type with these participants is already on record
        as held (a plan before 會面時說 is not: the meeting is told for the first time)."""
        participants = frozenset(parties.source) | frozenset(parties.target)
        return any(
            f.event.type == hit.group.type and f.participants == participants and f.event.status in ("reported", "claimed")
            for f in self.found
        )

    # -- the document --------------------------------------------------------------------
    def run(self) -> tuple[Event, ...]:
        previous = None
        for layout in self.layouts:
            # Per identity, the events found so far: (trigger word, position in self.found, amounts).
            seen: dict[tuple[Any, ...], list[tuple[str, int, tuple[Any, ...]]]] = {}
            first = len(self.found)
            told: list[TriggerHit] = []  # the trigger of each event of the sentence, in order
            for hit in self.hits[layout.index]:
                for found in self._events_for(hit, layout, previous):
                    key, amounts = _identity(found)
                    earlier = seen.setdefault(key, [])
                    # 投資3500億美元，並將採購1000億美元: two pledges of the same sides, each
                    # with its amount; a repeat without an amount of its own is the same event.
                    if earlier and (not amounts or any(told in (amounts, ()) for _, _, told in earlier)):
                        continue
                    # 總額3500億美元的對美投資中，現金投資2000億美元: the same word again breaks
                    # one commitment down; its amounts are the first event's details.
                    same_word = next((position for word, position, _ in earlier if word == hit.cue.word), None)
                    if same_word is not None:
                        self._add_amounts(same_word, found.event.quantities)
                        continue
                    earlier.append((hit.cue.word, len(self.found), amounts))
                    self.found.append(found)
                    told.append(hit)
            self._conditional_threat(layout, previous, first, told)
            self._one_event_per_act(first)
            previous = layout
        self._inherit_dates()
        self._scene_dates()
        self._meeting_setting_dates()
        self._publication_dates()
        self._attending_is_taking_part()
        self._one_report_per_meeting()
        self._sides_from_document_pair()
        self.found = [found for found in self.found if not found.to_other_side or self._to_other_side(found.event)]
        from_tables = table_events(
            self.view, self.tables, self.actors.mentions, self.quantities, self.times,
            self.actors.type_of, self.actors.country_of, self.actors.name,
        )
        from_sentences = _without_repeated_captions(tuple(f.event for f in self.found), self.view)
        return tuple(sorted(from_sentences + from_tables, key=lambda e: e.evidence.start))

    def _conditional_threat(self, layout: SentenceLayout, previous: SentenceLayout | None, first: int, told: list[TriggerHit]) -> None:
        """若中國援助俄羅斯，將面臨後果: a threat made by a condition and its consequence, with no
        threat word. The side the condition names is threatened; the consequence's own subject
        threatens, else the sentence's first actor (the one warning). The condition's act and the
        sanction threatened are the threat's content, so they leave the record (triggers.yaml); a
        meeting named as a time in the condition (峰會後仍不同意) stays. A warning word before the
        condition (警告，如果…) dates the threat."""
        lexicon = self.lexicon
        sentence = layout.sentence
        cue = next(
            (position for position in range(sentence.start, sentence.end)
             for c in lexicon.threat_conditions if self.folded.startswith(c.word, position) and c.fits(self.folded, position)),
            None,
        )
        if cue is None:
            return
        condition = layout.clause_at(cue)
        consequence, said_at = None, -1
        for clause in [c for c in layout.clauses if c.start >= condition.end][:2]:
            said_at = min((p for word in lexicon.threat_consequences if (p := self.folded.find(word, clause.start, clause.end)) != -1), default=-1)
            if said_at != -1:
                consequence = clause
                break
        if consequence is None or any(
            consequence.start <= hit.start < consequence.end and hit.group.type in _PROMISES for hit in told
        ):
            return  # 若雙方達成協議，美國將解除制裁: a promise on a condition, no threat
        actors, _ = self._sentence_readers(layout)
        groups = sorted((g for g in actors.groups if g.ids and not any(p.venue for p in g.parties)), key=lambda g: g.start)
        threatened = next((g for g in groups if cue <= g.start and g.end <= condition.end), None)
        if threatened is None:
            return
        sides = {self.actors.side(i) for i in threatened.ids}
        others = [g for g in groups if not sides & {self.actors.side(i) for i in g.ids}]
        threatening = next((g for g in others if consequence.start <= g.start < said_at), None) or next(
            (g for g in others if g.end <= cue), None)
        if threatening is None:
            return
        content = [
            index for index, hit in zip(range(first, len(self.found)), told)
            if self.found[index].event.status == "hypothetical" and not self._frames_a_time(hit)
            and (cue <= hit.start < condition.end or (consequence.start <= hit.start < consequence.end and hit.group.type == "SANCTION"))
        ]
        source, target = tuple(threatening.ids), tuple(threatened.ids)
        if any(f.event.type == "THREATEN" and set(f.event.target) & set(target) for f in self.found[first:]):
            return  # 警告北京，若…: the threat word's own event says it
        hits = self.hits[layout.index]
        warning = next((hit for hit in hits if hit.end <= cue and hit.group.type == "THREATEN"), None)
        date, how = self.dater.date(warning, layout, previous, hits) if warning else (None, "none")
        summary = _summaries(lexicon)[("THREATEN", "threat", False)]
        threat = Event(
            type="THREATEN", mode="threat", source=source, target=target, date=date, place=None, quantities=(),
            status="reported", claimed_by=None, evidence=sentence,
            summary=summarize(summary, source, target, None, "reported", None, self.actors.name), cameo="13",
            date_from="text" if date else None,
        )
        kept = [f for index, f in enumerate(self.found[first:], first) if index not in content]
        self.found[first:] = [*kept, _SentenceEvent(threat, layout.index, how, False)]

    def _one_event_per_act(self, first: int) -> None:
        """One act a sentence names twice is one event: 南韓企業承諾，將在美國投資 (the pledge is
        the investment), 同意購買100架波音飛機 read once with Boeing and once without. Of two
        events of one type whose parties and sums of money lie within the other's, the one with
        more parties (then the more exact mode, people over countries, a status a cue set) stays and takes the
        other's quantities and date; two sums of money of their own are two commitments, and
        different named parties (會見A，會見B) two events."""
        kept: list[_SentenceEvent] = []
        for found in self.found[first:]:
            position = next((i for i, other in enumerate(kept) if self._one_act(other, found)), None)
            if position is None:
                kept.append(found)
            else:
                kept[position] = self._merged(kept[position], found)
        self.found[first:] = self._pledges_framing_acts(kept)

    def _pledges_framing_acts(self, found: list[_SentenceEvent]) -> list[_SentenceEvent]:
        """美方承諾將於11月10日起把關稅調降至10%: a pledge whose clause or the next names the act
        pledged, of another type, is that act; it goes, and each such act without a doer of its own
        takes the pledger (an act with another doer is another side's, and both stay)."""
        pledges = self.lexicon.pledge_modes
        result = list(found)
        for pledge in found:
            event = pledge.event
            if (event.type, event.mode) not in pledges or not event.source:
                continue
            acts = [
                i for i, other in enumerate(result)
                if other.event.type != event.type and 0 <= other.clause - pledge.clause <= 1
                and (not other.event.source or set(other.event.source) <= set(event.source))
                and other.event.status in ("planned", "reported", "claimed")
            ]
            if not acts:
                continue
            # 承諾向烏克蘭提供30億美元，用於採購軍援: the pledge's sums go with the first act
            held = {q for i in acts for q in result[i].event.quantities}
            first = result[acts[0]]
            quantities = tuple(sorted(set(first.event.quantities) | (set(event.quantities) - held), key=lambda q: q.start))
            result[acts[0]] = replace(first, event=replace(first.event, quantities=quantities))
            for act in acts:
                framed = result[act]
                if framed.event.source:
                    continue
                result[act] = replace(framed, event=self._summarized(replace(framed.event, source=event.source), framed.symmetric))
            result.remove(pledge)
        return result

    def _one_act(self, one: _SentenceEvent, other: _SentenceEvent) -> bool:
        a, b = one.event, other.event
        if a.type != b.type or not _statuses_agree(a.status, b.status):
            return False
        general = self.lexicon.general_modes
        if a.mode != b.mode and (a.type, a.mode) not in general and (b.type, b.mode) not in general:
            return False
        money_a, money_b = _money(a), _money(b)
        if not (money_a <= money_b or money_b <= money_a):
            return False
        # Where: one clause, a pledge and the act it frames in the next (承諾，將…投資), or one
        # sum of money both read (採購和進口規模不少於…): 購買飛機，並採購小麥 are two purchases.
        framed = ((a.type, a.mode) in general or (b.type, b.mode) in general) and abs(one.clause - other.clause) <= 1
        if one.clause != other.clause and not framed and not money_a & money_b and not self._same_sides(one, other):
            return False
        if one.symmetric or other.symmetric:
            return self._within(one.participants, other.participants) or self._within(other.participants, one.participants)
        return (self._within(a.source, b.source) and self._within(a.target, b.target)) or (
            self._within(b.source, a.source) and self._within(b.target, a.target)
        )

    def _same_sides(self, one: _SentenceEvent, other: _SentenceEvent) -> bool:
        """Whether both name the same parties, a leader standing for his country (不會對中國加徵
        關稅，美方不會對中國提高關稅: one refusal told twice, as one source and target told twice is)."""
        a, b = one.event, other.event
        return (
            one.symmetric == other.symmetric  # 承諾擴大投資，並深化合作: an investment and a cooperation
            and len(a.source) == len(b.source) and len(a.target) == len(b.target)
            and self._within(a.source, b.source) and self._within(b.source, a.source)
            and self._within(a.target, b.target) and self._within(b.target, a.target)
        )

    def _within(self, parties: Collection[str], others: Collection[str]) -> bool:
        """Whether each party is among the others, or is the country of one of them, or a
        person of one of the countries among them (法國 for 馬克龍, 馬克龍 for 法國): a
        leader and his country name one side of one act. Two people of one country are two."""
        countries = {self.actors.country_of(i) for i in others} - {None}
        return all(
            party in others or party in countries or self.actors.country_of(party) in others
            for party in parties
        )

    def _merged(self, one: _SentenceEvent, other: _SentenceEvent) -> _SentenceEvent:
        """The better reading of one act, with what the other held that it lacks."""
        general = self.lexicon.general_modes

        def rank(found: _SentenceEvent) -> tuple[int, bool, int, bool]:
            # More parties, the exact mode, people over their countries (王毅會見布林肯 over 兩國),
            # then a status a cue set (承諾…將投資: planned).
            event = found.event
            people = sum(1 for i in found.participants if self.actors.type_of(i) != "country")
            return len(found.participants), (event.type, event.mode) not in general, people, event.status != "reported"

        main, lesser = (other, one) if rank(other) > rank(one) else (one, other)
        event = main.event
        quantities = tuple(sorted(set(event.quantities) | set(lesser.event.quantities), key=lambda q: q.start))
        date, date_from, how = event.date, event.date_from, main.dated_by
        if date is None and lesser.event.date is not None:
            date, date_from, how = lesser.event.date, lesser.event.date_from, lesser.dated_by
        return replace(main, event=replace(event, quantities=quantities, date=date, date_from=date_from), dated_by=how)

    def _add_amounts(self, position: int, quantities: tuple[Quantity, ...]) -> None:
        found = self.found[position]
        merged = tuple(sorted(set(found.event.quantities) | set(quantities), key=lambda q: q.start))
        self.found[position] = replace(found, event=replace(found.event, quantities=merged))

    def _one_report_per_meeting(self) -> None:
        """A meeting held that the text tells again (the headline, the lead, 會談中…, 川習會結束後)
        is one occurrence, so one event: reports of one kind and the same participants whose
        dates agree are kept as the first told in prose (a sentence closed by a full stop, not a
        headline), with the most precise date of them all, and another's place when it has none.
        A plan named again (將舉行會談…雙方將就…交換意見) is one plan, never the meeting held."""
        groups: list[list[int]] = []
        for index, found in enumerate(self.found):
            event = found.event
            if event.type not in _TOLD_ONCE or event.status not in ("reported", "claimed", "planned"):
                continue
            if len(found.participants) < 2 and event.mode != "multilateral":
                continue
            if found.historical:
                continue  # 雙方曾多次會面: earlier meetings, undated, are not the one in the news
            # The latest meeting of these participants is the one a report names again.
            group = None if found.again else next(
                (
                    group for group in reversed(groups)
                    if _same_meeting(self.found[group[0]], found, self._bodies, self._sides_matcher(self.found[group[0]], found))
                    and (self.found[group[0]].event.status == "planned") == (event.status == "planned")
                    and all(_dates_agree(self.found[i].event.date, event.date) for i in group)
                ),
                None,
            )
            if group is None:
                groups.append([index])
            else:
                group.append(index)
        dropped: set[int] = set()
        for group in groups:
            if len(group) < 2:
                continue
            kept = next((i for i in group if self._in_prose(self.found[i].sentence)), group[0])
            told = [self.found[i].event for i in group]
            event = self.found[kept].event
            # 老撾外長 in the headline, 老撾外長沙倫賽 in the lead: the report naming the person
            # names the parties (the fewest bare countries among its participants)
            def bare(e: Event) -> int:
                return sum(self.actors.type_of(i) == "country" for i in (*e.source, *e.target))
            named = min(told, key=bare)
            if bare(named) < bare(event):
                event = self._summarized(replace(event, source=named.source, target=named.target), self.found[kept].symmetric)
                self.found[kept] = replace(self.found[kept], event=event)
            # The dates of a group agree, so the most precise (2018-06 over 2018) holds for all; a
            # plan's date may be the day it was stated, which another report's need not share.
            date = event.date if event.status == "planned" else max((e.date for e in told if e.date), key=len, default=None)
            place = event.place or next((e.place for e in told if e.place), None)
            if (date, place) != (event.date, event.place):
                source = next(e for e in told if e.date == date) if date != event.date else event
                event = replace(event, date=date, place=place, date_from=source.date_from)
                self.found[kept] = replace(self.found[kept], event=event)
            if event.mode == "multilateral":  # who each report says attends the summit takes part
                parties = tuple(dict.fromkeys(i for e in told for i in e.source))
                if parties != event.source:
                    self.found[kept] = replace(self.found[kept], event=self._summarized(replace(event, source=parties), self.found[kept].symmetric))
            dropped.update(i for i in group if i != kept)
        self.found = [found for index, found in enumerate(self.found) if index not in dropped]

    def _sections(self) -> list[tuple[int, int]]:
        """The stretches a pair of countries is read in: the whole text, or in a roundup of
        items under headings of their own (国内联播快讯, titled so), each item from its heading
        to the next."""
        rule = self.lexicon.arguments.document_pair
        title = self.folded[: self.folded.find("\n")] if "\n" in self.folded else self.folded
        headings = [layout.sentence.start for layout in self.layouts[1:] if not self._in_prose(layout.index)]
        if rule is None or not any(word in title for word in rule.roundup_titles) or len(headings) < _ROUNDUP_HEADINGS:
            return [(0, len(self.folded))]
        starts = [0, *headings]
        return [(start, end) for start, end in zip(starts, [*starts[1:], len(self.folded)])]

    def _document_pair(self, start: int = 0, end: int | None = None) -> tuple[str, str] | None:
        """The two countries the article (or its item from ``start`` to ``end``) is about, when
        it is about two: those named most (in person or through their people and bodies) hold
        the rule's share of all such mentions and no third comes near the second. Credits and
        page chrome do not count."""
        rule = self.lexicon.arguments.document_pair
        if rule is None:
            return None
        stop = len(self.folded) if end is None else end
        counts = Counter(
            country for m in self.actors.mentions
            if start <= m.start < stop and m.how != "credit" and not self.view.in_chrome(m.start, m.end)
            and (country := self.actors.country_of(m.entity_id)) is not None
        )
        ranked = counts.most_common(3)
        if len(ranked) < 2:
            return None
        (first, n_first), (second, n_second) = ranked[:2]
        total = sum(counts.values())
        if n_second < rule.least or n_second < rule.second_share * total or (n_first + n_second) < rule.share * total:
            return None
        if len(ranked) == 3 and ranked[2][1] > rule.third_at_most * n_second:
            return None
        return first, second

    def _sides_from_document_pair(self) -> None:
        """A directed act whose sentence names one side only (俄方將繼續保證燃料供應 in a story of a
        Russian–Indian summit; 中方宣布反制 in one of a US arms sale) is, in an article about two
        countries, aimed at the other: the sentence leaves it unnamed because the story has named
        it all along. One side must belong to one of the two; a side of a third country, or of
        none, stays as it is, and so do a deal with an amount the ledger reads by its signer and
        an act whose clause aims it at many (向所有貿易夥伴徵收關稅)."""
        rule = self.lexicon.arguments.document_pair
        if rule is None:
            return
        pairs = [(start, end, self._document_pair(start, end)) for start, end in self._sections()]
        for index, found in enumerate(self.found):
            event = found.event
            pair = next((p for start, end, p in pairs if start <= event.evidence.start < end), None)
            if pair is None:
                continue
            other = {pair[0]: pair[1], pair[1]: pair[0]}
            if event.type not in rule.types or (event.type in rule.not_with_amounts and event.quantities):
                continue
            if bool(event.source) == bool(event.target) or (event.target == () and self._aimed_at_many(found)):
                continue
            named = event.source or event.target
            sides = {self.actors.country_of(i) or i for i in named}
            if len(sides) != 1 or (side := next(iter(sides))) not in other:
                continue
            filled = (other[side],)
            event = replace(event, target=filled) if event.source else replace(event, source=filled)
            self.found[index] = replace(found, event=self._summarized(event, found.symmetric))

    def _to_other_side(self, event: Event) -> bool:
        """Whether a grant goes to a side other than its giver's (批准向烏克蘭提供…) or to a firm
        (批准輝達向中國出售晶片: a licence), as read after the story's pair lent the side a
        sentence leaves unsaid: one's own side's plans, bodies or people approved (經中共中央批准,
        大會批准政府工作報告) concede nothing to anyone."""
        givers = {self.actors.side(i) for i in event.source}
        return any(self.actors.side(i) not in givers or self.actors.type_of(i) == "company" for i in event.target)

    def _summarized(self, event: Event, symmetric: bool) -> Event:
        """The event with its summary said anew, after a later step changed its parties."""
        template = _summaries(self.lexicon)[(event.type, event.mode, symmetric)]
        summary = summarize(template, event.source, event.target, event.place, event.status, event.claimed_by, self.actors.name)
        return replace(event, summary=summary)

    def _attending_is_taking_part(self) -> None:
        """出席二十國集團峰會: a visit to a body whose summit the same sentence reports is taking
        part in that summit, one event: the visitor joins the summit's parties."""
        summits = {
            (found.sentence, body): index for index, found in enumerate(self.found)
            if found.event.mode == "multilateral" for body in found.event.source
        }
        dropped: set[int] = set()
        for index, found in enumerate(self.found):
            event = found.event
            if event.mode != "visit" or not event.target:
                continue
            at = [summits.get((found.sentence, body)) for body in event.target]
            if None in at or len(set(at)) != 1:
                continue
            summit = self.found[cast(int, at[0])]
            source = tuple(dict.fromkeys((*event.source, *summit.event.source)))
            joined = replace(summit.event, source=source, date=summit.event.date or event.date)
            self.found[cast(int, at[0])] = replace(summit, event=self._summarized(joined, summit.symmetric))
            dropped.add(index)
        self.found = [found for index, found in enumerate(self.found) if index not in dropped]

    def _aimed_at_many(self, found: _SentenceEvent) -> bool:
        """Whether the trigger's clause aims the act at a set (向所有, 對各國): no one side."""
        rule = self.lexicon.arguments.document_pair
        if found.clause < 0 or rule is None:
            return False
        clause = self.layouts[found.sentence].clauses[found.clause]
        text = self.folded[clause.start:clause.end]
        return any(word in text for word in rule.aimed_at_many)

    def _sides_matcher(self, first: _SentenceEvent, second: _SentenceEvent) -> Callable[[frozenset[str], frozenset[str]], bool]:
        """The same participants; where one report is a headline, also the same but for a country
        it names where the other names its person (老撾外長將訪華 over the lead's 老撾外長沙倫賽):
        never two persons of one country for each other, nor prose's 兩國 for its leaders."""
        if self._in_prose(first.sentence) and self._in_prose(second.sentence):
            return lambda one, other: one == other
        return self._sides_agree

    def _sides_agree(self, one: frozenset[str], other: frozenset[str]) -> bool:
        if one == other:
            return True
        sides = self.actors.side
        if {sides(i) for i in one} != {sides(i) for i in other}:
            return False
        for side in {sides(i) for i in one}:
            mine, theirs = {i for i in one if sides(i) == side}, {i for i in other if sides(i) == side}
            if mine != theirs and {side} not in (mine, theirs):
                return False
        return True

    def _bodies(self, ids: frozenset[str]) -> frozenset[str]:
        return frozenset(i for i in ids if self.actors.international(i))

    def _in_prose(self, sentence: int) -> bool:
        """Whether the sentence is the story's prose: closed by a full stop, as a headline (no
        mark, or 「川習會達共識!」) is not, and no photo caption."""
        span = self.layouts[sentence].sentence
        closed = self.folded[span.start : span.end].rstrip().endswith(_FULL_STOP)
        return closed and not self.view.in_caption(span.start, span.end)

    def _scene_dates(self) -> None:
        """A meeting still undated, in a sentence with no time at all, takes the last day the
        text named before it, within _SCENE_PARAGRAPHS paragraphs (2025年11月1日，…防長擴大會議。
        … 與董軍的非正式會談): news narrative keeps the time it set until it names another.
        """
        for index, found in enumerate(self.found):
            event = found.event
            if event.date is not None or event.type not in MEETING_TYPES or found.historical or len(found.participants) < 2:
                continue
            if event.status in ("planned", "hypothetical", "negated"):
                continue  # 習近平將赴美舉行會晤: a plan happens after the scene's day, if at all
            layout = self.layouts[found.sentence]
            low = bisect.bisect_left(self.time_starts, layout.sentence.start)
            high = bisect.bisect_right(self.time_starts, layout.sentence.end)
            if any(layout.sentence.start <= t.start and t.end <= layout.sentence.end for t in self.times[low:high]):
                continue
            focus = self._last_time_before(layout)
            if focus:
                self.found[index] = replace(found, event=replace(event, date=focus, date_from="text"), dated_by="scene")

    def _meeting_setting_dates(self) -> None:
        """An act the text sets at a meeting (她指在會談上…要求中方, 雙方在會談中同意) took place on
        the meeting's day: an undated act, held or claimed, in a sentence with no time at all and
        naming the meeting as its setting, takes the day of the last dated meeting told before it
        that one of its sides took part in."""
        settings = self.lexicon.dating.meeting_settings
        if not settings:
            return
        for index, found in enumerate(self.found):
            event = found.event
            if event.date is not None or found.historical or event.status not in ("reported", "claimed"):
                continue
            layout = self.layouts[found.sentence]
            span = layout.sentence
            if not any(word in self.folded[span.start : span.end] for word in settings):
                continue
            low = bisect.bisect_left(self.time_starts, span.start)
            high = bisect.bisect_right(self.time_starts, span.end)
            if any(span.start <= t.start and t.end <= span.end for t in self.times[low:high]):
                continue
            sides = {self.actors.side(i) for i in found.participants}
            meeting = next(
                (
                    other for other in reversed(self.found[:index])
                    if other.sentence < found.sentence and other.event.type == "CONSULT" and other.event.date
                    and len(other.event.date) == 10 and other.event.status in ("reported", "claimed")
                    and not other.historical and sides & {self.actors.side(i) for i in other.participants}
                ),
                None,
            )
            if meeting is not None:
                date = cast(str, meeting.event.date)
                self.found[index] = replace(found, event=replace(event, date=date, date_from="text"), dated_by="setting")

    def _publication_dates(self) -> None:
        """A meeting or call the lead of a same-day report states without a day (欢迎仪式后，李强同
        阿比会谈) took place on the publication date; marked so, as the text did not say it. A
        same-day report is filed copy: its lead carries a source credit."""
        dating = self.lexicon.dating
        if self.document_date is None or not dating.publication_lead or not self.filed_copy:
            return
        day = self.document_date.isoformat()
        for index, found in enumerate(self.found):
            event = found.event
            if (
                event.date is not None or f"{event.type}/{event.mode}" not in dating.publication_kinds
                or event.status != "reported" or found.historical or len(found.participants) < 2
                or event.evidence.start >= dating.publication_lead
            ):
                continue
            self.found[index] = replace(found, event=replace(event, date=day, date_from="publication"), dated_by="publication")

    def _last_time_before(self, layout: SentenceLayout) -> str | None:
        """The last time named before the sentence, if it names a day and lies close enough."""
        # The last time (in start order) ending by the sentence: it starts by then too.
        count = bisect.bisect_right(self.time_starts, layout.sentence.start)
        # A page's time stamp (chrome) is when it was posted, not a time the story names.
        last = next(
            (t for t in reversed(self.times[:count]) if t.end <= layout.sentence.start and not self.view.in_chrome(t.start, t.end)),
            None,
        )
        if last is None:
            return None
        there = self.layouts[self._sentence_of(last.start)]
        close = layout.paragraph - there.paragraph <= _SCENE_PARAGRAPHS
        if close and last.value and len(last.value) == 10 and last.relation is None and not self._is_future(last.value):
            return last.value
        return None

    def _is_future(self, value: str) -> bool:
        return self.document_date is not None and is_after(value, self.document_date)

    def _inherit_dates(self) -> None:
        """An undated report of a meeting takes the date of a dated report of the same parties
        (特朗普在基地迎接普京 after 8月15日的峰會), unless the text marks it as an earlier one."""
        # The reports that may lend a date, by parties, visit or not, and type. An entry that
        # inherits had no date before and is marked "inherited" after, so lends none: the
        # lenders are fixed before the loop. self.found is in sentence order, so is each list.
        lenders: dict[tuple[Any, ...], tuple[list[int], list[int]]] = {}
        for position, other in enumerate(self.found):
            if (
                other.event.date and other.event.type in MEETING_TYPES and other.dated_by != "inherited"
                and other.event.status not in ("planned", "hypothetical", "negated") and not other.historical
            ):
                key = (other.participants, other.event.mode == "visit", other.event.type)
                sentences, positions = lenders.setdefault(key, ([], []))
                sentences.append(other.sentence)
                positions.append(position)
        for index, found in enumerate(self.found):
            event = found.event
            if event.date is not None or event.type not in MEETING_TYPES or found.historical or len(found.participants) < 2:
                continue
            if event.status in ("planned", "hypothetical", "negated"):
                continue  # 雙方約定兩週內再次通話: the call planned is not the one held
            # Whose date an undated report may take: a visit a visit's, a meeting a meeting's,
            # an agreement a meeting's or an agreement's.
            types = ("CONSULT", "AGREE") if event.type == "AGREE" else ("CONSULT",)
            here = found.sentence
            best: tuple[float, int] | None = None  # (distance, position): the first nearest wins
            for kind in types:
                lists = lenders.get((found.participants, event.mode == "visit", kind))
                if lists is None:
                    continue
                sentences, positions = lists
                after = bisect.bisect_right(sentences, here)
                if after > 0:  # the nearest at or before, the first report of its sentence
                    first = bisect.bisect_left(sentences, sentences[after - 1])
                    option: tuple[float, int] = (here - sentences[after - 1], positions[first])
                    best = option if best is None else min(best, option)
                if after < len(sentences):  # the nearest after, half a sentence further
                    option = (sentences[after] - here + 0.5, positions[after])
                    best = option if best is None else min(best, option)
            if best is not None:
                nearest = self.found[best[1]]
                date = cast(str, nearest.event.date)  # only dated reports lend their date
                # 六月G7峰會…; 雙方先進行會談: a month or year named in another sentence, and
                # other than the day of the document's main meeting, is an earlier meeting's.
                if len(date) < 10 and nearest.sentence != here:
                    main = self._main_date(lenders, found.participants, event.mode == "visit", types)
                    date = main if main and not main.startswith(date) else date
                self.found[index] = replace(found, event=replace(event, date=date, date_from="text"), dated_by="inherited")

    def _main_date(self, lenders: dict[tuple[Any, ...], tuple[list[int], list[int]]], participants: frozenset[str], visit: bool, types: tuple[str, ...]) -> str | None:
        """The day of the document's main meeting of these parties: the day its dated reports
        name most often, when one day leads (a month or a year names an earlier meeting more
        often than the one in the news)."""
        days: dict[str, int] = {}
        for kind in types:
            for position in (lenders.get((participants, visit, kind)) or ((), ()))[1]:
                date = cast(str, self.found[position].event.date)  # lenders are dated
                if len(date) == 10:
                    days[date] = days.get(date, 0) + 1
        ranked = sorted(days.values(), reverse=True)
        if not ranked or len(ranked) > 1 and ranked[0] == ranked[1]:
            return None
        return max(days, key=days.__getitem__)


def _in_brackets(text: str, offset: int) -> bool:
    """Whether ``offset`` lies inside 【…】 or 〔…〕 (a desk's credit)."""
    opened = max(text.rfind("【", 0, offset), text.rfind("〔", 0, offset))
    return opened >= 0 and max(text.rfind("】", 0, offset), text.rfind("〕", 0, offset)) < opened


def _with_text_entities(kb: KnowledgeBase, linked: LinkedActors) -> Mapping[str, Entity]:
    """The knowledge base's entities and those only the text knows; the knowledge base wins.

    The knowledge base is shared, not copied, when the text adds no entity (most documents).
    """
    only_in_text = {e.id: e for e in linked.entities if e.id not in kb.entities}
    return {**only_in_text, **kb.entities} if only_in_text else kb.entities


@cache
def _titles(kb: KnowledgeBase, lexicon: EventLexicon) -> tuple[str, ...]:
    """Every title word and leader word, longest first: what may stand between a country and a person."""
    return tuple(sorted(set(kb.titles) | set(lexicon.arguments.leader_words), key=len, reverse=True))


@cache
def _summaries(lexicon: EventLexicon) -> Mapping[tuple[str, str | None, bool], str]:
    """The summary template of each (type, mode, symmetric): the first group's that has it."""
    summaries: dict[tuple[str, str | None, bool], str] = {}
    for group in lexicon.groups:
        summaries.setdefault((*group.key, group.pattern.symmetric), group.summary)
    return summaries


def _identity(found: _SentenceEvent) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    """What makes two triggers of one sentence one event (type, mode, parties, status), and
    the sums of money that may still make them two (a percentage or a count in each clause
    is one event's detail, as before)."""
    event = found.event
    parties = (found.participants,) if found.symmetric else (event.source, event.target)
    money = tuple((q.start, q.end) for q in event.quantities if q.unit.isupper())
    return (event.type, event.mode, parties, event.status), money


def _without_repeated_captions(events: tuple[Event, ...], view: TextView) -> tuple[Event, ...]:
    """A photo caption's event that the story reports too (same type, mode and parties, dates
    that agree) is a second report of it, and goes; one only the caption tells is kept."""
    if not view.captions:
        return events

    def key(event: Event) -> tuple[Any, ...]:
        return event.type, event.mode, frozenset(event.source) | frozenset(event.target)

    in_caption = [view.in_caption(e.evidence.start, e.evidence.end) for e in events]
    told: dict[tuple[Any, ...], list[str | None]] = {}
    for event, caption in zip(events, in_caption):
        if not caption:
            told.setdefault(key(event), []).append(event.date)
    return tuple(
        event for event, caption in zip(events, in_caption)
        if not caption or not any(_dates_agree(event.date, date) for date in told.get(key(event), ()))
    )


def _same_meeting(
    one: _SentenceEvent, other: _SentenceEvent, bodies: Callable[[frozenset[str]], frozenset[str]],
    same_sides: Callable[[frozenset[str], frozenset[str]], bool],
) -> bool:
    """Two reports of one kind (type and mode) between the same participants, in the same
    direction unless the act is symmetric (召見 China -> Japan is not Japan -> China). Two reports
    of a body's summit are one whoever each says attends it (G20峰會閉幕; 習近平出席G20峰會)."""
    if (one.event.type, one.event.mode, one.symmetric) != (other.event.type, other.event.mode, other.symmetric):
        return False
    if one.event.mode == "multilateral" and bodies(one.participants) & bodies(other.participants):
        return True
    if one.symmetric:
        return same_sides(one.participants, other.participants)
    return all(same_sides(frozenset(a), frozenset(b)) for a, b in ((one.event.source, other.event.source), (one.event.target, other.event.target)))


def _money(event: Event) -> set[tuple[int, int]]:
    """The spans of the event's sums of money (a currency's unit is upper case)."""
    return {(q.start, q.end) for q in event.quantities if q.unit.isupper()}


def _statuses_agree(one: str, other: str) -> bool:
    """A pledge reported and the act planned in it are one; a denial or a condition is another reading."""
    firm = ("reported", "claimed", "planned")
    return one == other or (one in firm and other in firm)


def _dates_agree(one: str | None, other: str | None) -> bool:
    return one is None or other is None or one.startswith(other) or other.startswith(one)


def extract_events(
    view: TextView,
    linked: LinkedActors,
    quantities: tuple[Quantity, ...],
    times: tuple[TimeExpr, ...],
    kb: KnowledgeBase,
    document_date: dt.date | None,
) -> tuple[Event, ...]:
    """The one entry point: every event the document reports, each pointing to its sentence."""
    return _Extraction(view, linked, quantities, times, kb, document_date, event_lexicon()).run()
