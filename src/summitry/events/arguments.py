"""Who did what to whom: the parties of a trigger, read from the actors around it.

The actor mentions of a sentence are gathered into *groups*: mentions joined by 、/和/與,
or by a title (日本首相高市早苗 is one party: the person wins over her country). Each group
gets a role from the word before it (與 comitative, 向/對 prep, 被 passive, 將 ba-object,
在/於 locative). A trigger's pattern (triggers.yaml) then says which groups are its source
and its target. No parser: word order and these small words carry the roles in news prose,
and where a clause names no subject, the subject of an earlier clause carries over.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Callable, Iterator, Mapping, Sequence

from summitry.actors.kb import KnowledgeBase
from summitry.actors.lookup import EntityLookup
from summitry.events.layout import Clause, Quotation, SentenceLayout, SpanIndex, Stretches
from summitry.events.lexicon import ArgumentLexicon, ArgumentPattern, Cue
from summitry.events.triggers import TriggerHit
from summitry.model import Entity, Mention
from summitry.text import fold

_OWN_TITLE_REACH = 30  # characters of body and titles between a country and its person (actors' title_run_reach)
_OBJECT_REACH = 8  # characters between a verb and its object (釋放最後20名在世以色列人質)
# Between a verb of asking and whom it asks: quotation marks, spaces, or 包括 opening the
# addressee's phrase (呼籲「美方」, 呼籲包括中國在內的各國)
_ADDRESSEE_GAP_MARKS = " 「」『』“”\"'"
_ADDRESSEE_OPENERS = ("包括",)
_OBJECT_GAP = 2  # a party this close after another trigger is that trigger's object
# 購買100架美國波音飛機: a count before the party leaves it the verb's object
_COUNT_REACH = 24  # the longest count looked for between a verb and its object
_COUNT_BEFORE_OBJECT = re.compile(fold(r"^[0-9０-９.,一二三四五六七八九十百千萬億两兩多餘]+[架艘輛台枚噸個家座套批]"))
_MARKER_ORDER = ("passive", "ba", "prep", "comitative", "locative", "direction", "instrument", "received")
_CLAUSE_PUNCTUATION = set("，,；;：:。！？!?「」『』")
_NUMERALS = frozenset("0123456789０１２３４５６７８９一二三四五六七八九十两兩")  # 8日和9日: 和 joins two dates
_SHORT_FORMS = ("short_form", "compound")  # the linker's `how` for 美, 中 in 美中, 訪美
_PREP_PHRASE_REACH = 16  # 對價值2500億美元的: a 對 phrase's modifiers before its party
# Constants compared with the folded (Simplified) text are folded too: 與 is 与 there.
_PHRASE_MARKS = frozenset(fold("與同跟就對向把將被的在於等"))  # a word of another phrase between a place and 方面
_JOINERS = frozenset(fold("、和及與"))  # join coordinated parties (日本、北韓; 美國與日本)
_LOCATIVE_MARKS = fold("在於")
_PLACE_SUFFIXES = fold("市州省縣區 ，,:：")
# 在…會談後/晚宴上/訪問期間: a party inside such a phrase sets the scene; it does not speak.
_ENUMERATOR = re.compile(r"^[0-9０-９一二三四五六七八九十]{1,2}[.．、)）]")  # 2.北京將…: an item's number
_COMPANION_REACH = 40  # characters of a 在…陪同下 frame
_SCENE_OPENERS = tuple(map(fold, ("在", "於", "出席")))
_SCENE_CLOSERS = tuple(map(fold, ("後", "時", "上", "中", "期間", "之際")))
_SUMMING_WORDS = tuple(map(fold, ("兩國", "三國", "四國", "雙方")))  # 中美兩國元首: the run summed up
_HEADS_OF_STATE = fold("元首")
# 第十二輪, 最新一輪, 本輪, 上一輪, 首輪: a round held, named (not 新一輪, 下一輪: one to come)
_HELD_ROUND = re.compile(fold("(第[0-9０-９一二三四五六七八九十]+|最新一|本|上一|首)輪"))


@dataclass(frozen=True)
class Party:
    """One actor slot in the text: a mention, or a pronoun/雙方 standing for mentioned actors."""

    start: int
    end: int
    ids: tuple[str, ...]
    kind: str = "mention"  # mention, short_form, pronoun, both_sides
    venue: bool = False
    locates: bool = True  # a venue that says where the event was (not 前往日本, a destination)
    topic: bool = False  # what is talked about (阿富汗局勢, 在北韓方面): neither party nor place


@dataclass
class Group:
    """Coordinated parties (柬埔寨和泰國) with the role the word before them gives."""

    parties: list[Party]
    sides: list[list[str]] = field(default_factory=list)  # split at joiners: [[KHM], [THA]]
    role: str | None = None
    leader: bool = False
    head: bool = True  # may act as a subject (美韓 in 美韓關稅爭端 may not)
    heads_of_bodies: bool = False  # 世界银行、国际货币基金组织负责人: each body stands for its head

    @property
    def start(self) -> int:
        return self.parties[0].start

    @property
    def end(self) -> int:
        return self.parties[-1].end

    @property
    def ids(self) -> list[str]:
        return [entity_id for side in self.sides for entity_id in side]


@dataclass(frozen=True)
class Parties:
    source: tuple[str, ...]
    target: tuple[str, ...]


class ActorIndex(EntityLookup):
    """The document's actors, as event rules need them: types, countries, leaders by date."""

    def __init__(self, mentions: Sequence[Mention], entities: Mapping[str, Entity], kb: KnowledgeBase) -> None:
        super().__init__(entities)
        self.kb = kb
        ordered = sorted(mentions, key=lambda m: (m.start, -(m.end - m.start)))
        kept: list[Mention] = []
        # Every kept mention starts at or before this one (sorted by start), so one of them
        # holds it exactly when the furthest end kept so far reaches this one's end.
        furthest: int | None = None
        for mention in ordered:
            if mention.how == "credit":
                continue  # 央视网消息: a source credit names who reports, never who acts
            if furthest is not None and mention.end <= furthest:
                continue  # 朝 inside 朝領導人: the longer mention already names the actor
            kept.append(mention)
            furthest = mention.end if furthest is None else max(furthest, mention.end)
        self.mentions = tuple(kept)
        self._starts = [m.start for m in self.mentions]

    def within(self, start: int, end: int) -> list[Mention]:
        """The mentions wholly inside [start, end], in document order."""
        low = bisect.bisect_left(self._starts, start)
        high = bisect.bisect_right(self._starts, end)
        return [m for m in self.mentions[low:high] if start <= m.start and m.end <= end]

    def before(self, offset: int) -> int:
        """How many mentions start at or before ``offset``: none after them ends by ``offset``."""
        return bisect.bisect_right(self._starts, offset)

    def leader(self, country: str, roles: tuple[str, ...], on: dt.date | None) -> str | None:
        if on is None or self.type_of(country) != "country":
            return None
        holders = self.kb.holders(country, roles, on)
        return holders[0].id if holders else None

    def head_of_body(self, body: str, roles: tuple[str, ...], on: dt.date | None) -> str | None:
        """The holder on ``on`` of the first of ``roles`` in an international body with offices
        (the IMF's managing director), or None. A seat of government (the White House) heads no body."""
        code = self.kb.body_codes.get(body)
        if on is None or code is None or code in self.kb.entities:
            return None
        holders = self.kb.holders(code, roles, on)
        return holders[0].id if holders else None

    def international(self, entity_id: str) -> bool:
        """Whether the actor is an international body: an organisation of no country (G20, NATO)."""
        return self.type_of(entity_id) == "organization" and self.country_of(entity_id) is None


def prefer_persons(ids: Sequence[str], actors: ActorIndex) -> list[str]:
    """Drop a country when a person of it stands on the same side (日本首相高市早苗 -> Takaichi)."""
    if len(ids) == 1:
        return [ids[0]]  # one id: no person stands beside it to be preferred
    countries_with_person = {actors.country_of(i) for i in ids if actors.type_of(i) == "person"}
    unique = list(dict.fromkeys(ids))
    return [i for i in unique if not (actors.type_of(i) == "country" and i in countries_with_person)]


def _as_venue(party: Party, locates: bool = True) -> Party:
    return Party(party.start, party.end, party.ids, party.kind, True, locates)


def marker_role(text_before: str, lexicon: ArgumentLexicon) -> str | None:
    """The role the words right before a party give it (與 comitative, 向 prep, ...)."""
    if text_before.endswith(lexicon.not_markers):  # a tuple: any of its words
        return None
    if text_before.endswith(lexicon.quantifiers):  # 對所有中國商品: the marker is before the quantifier
        text_before = text_before[: -len(next(q for q in lexicon.quantifiers if text_before.endswith(q)))]
    for role in _MARKER_ORDER:
        if text_before.endswith(lexicon.markers.get(role, ())):
            return role
    return None


def _consume(text: str, words: tuple[str, ...]) -> str:
    if not text.startswith(words):  # one call in C for the usual case: none of them
        return text
    for word in words:
        if text.startswith(word):
            return text[len(word) :]
    return text


def starts_of(text: str, words: Sequence[str], start: int, end: int) -> list[int]:
    """Every offset in [start, end) where one of the words is written, in order; a word may
    run past ``end``, as ``text.startswith(word, offset)`` would read it."""
    found: set[int] = set()
    for word in words:
        position = text.find(word, start, end + len(word) - 1)
        while position != -1 and position < end:
            found.add(position)
            position = text.find(word, position + 1, end + len(word) - 1)
    return sorted(found)


class SentenceActors:
    """The groups of one sentence, and the rules that pick a trigger's parties from them."""

    def __init__(
        self,
        folded: str,
        layout: SentenceLayout,
        actors: ActorIndex,
        lexicon: ArgumentLexicon,
        titles: tuple[str, ...],
        hits: Sequence[TriggerHit],
        resolve_pronoun: Callable[[int], str | None],
        resolve_both_sides: Callable[[str], tuple[str, ...]],
        time_spans: Sequence[tuple[int, int]] = (),
        verbs: Sequence[TriggerHit] | None = None,
        resolve_speaker: Callable[[int], str | None] | None = None,
    ) -> None:
        self.folded = folded
        self.layout = layout
        self.actors = actors
        self.lexicon = lexicon
        self.titles = titles
        self.hits = hits
        self.verbs = hits if verbs is None else verbs  # with the triggers another one replaced
        self.time_spans = time_spans
        self._time_index: SpanIndex[tuple[int, int]] | None = None
        self._hit_starts: list[int] | None = None
        self._verb_ends: list[int] | None = None
        self._verbs_by_end: list[TriggerHit] = []
        self._group_starts: list[int] | None = None
        self._captions: dict[int, bool] = {}
        self._locatives: dict[int, bool] = {}
        sentence = layout.sentence
        parties = [
            Party(m.start, m.end, (m.entity_id,), "short_form" if m.how in _SHORT_FORMS else "mention")
            for m in actors.within(sentence.start, sentence.end)
            if not layout.in_brackets(m.start, m.end)
        ]
        parties = self._with_pairs(parties)
        parties += self._pronouns(resolve_pronoun, parties)
        if resolve_speaker is not None:
            parties += self._pronouns(resolve_speaker, parties, lexicon.speaker_pronouns)  # 我/我們: who speaks
        parties += self._both_sides(resolve_both_sides, parties)
        parties.sort(key=lambda p: p.start)
        # Venues change no span, so the text before a party is the same before and after them.
        self._spans = [(p.start, p.end) for p in parties]
        self._span_starts = [p.start for p in parties]  # sorted: bisected instead of scanned
        self._party_starts = {p.start for p in parties}
        self._roles_before: dict[int, str | None] = {}
        self._subjects: dict[int, Group | None] = {}
        self.parties = [self._with_venue(p, parties) for p in parties]
        self.groups = self._groups()

    # -- parties -----------------------------------------------------------------------
    def _free(self, start: int, end: int, taken: Stretches, found: list[Party]) -> bool:
        return not taken.meets(start, end) and not any(p.start < end and start < p.end for p in found) and not self.layout.in_brackets(start, end)

    def _with_pairs(self, parties: list[Party]) -> list[Party]:
        """兩韓, 南北韓: a word naming two actors at once is one party of both, in place of a
        mention inside it (北韓 in 南北韓)."""
        sentence = self.layout.sentence
        pairs: list[Party] = []
        for word, ids in self.lexicon.pair_words.items():
            start = self.folded.find(word, sentence.start, sentence.end)
            while start != -1:
                end = start + len(word)
                if not any(p.start < end and start < p.end for p in pairs) and not self.layout.in_brackets(start, end):
                    pairs.append(Party(start, end, ids, "mention"))
                start = self.folded.find(word, end, sentence.end)
        if not pairs:
            return parties
        kept = [p for p in parties if not any(q.start < p.end and p.start < q.end for q in pairs)]
        return kept + pairs

    def _pronouns(self, resolve: Callable[[int], str | None], parties: list[Party], cues: Sequence[Cue] | None = None) -> list[Party]:
        found: list[Party] = []
        cues = self.lexicon.pronouns if cues is None else cues
        taken = Stretches((p.start, p.end) for p in parties)
        sentence = self.layout.sentence
        words = [cue.word for cue in cues]
        for index in starts_of(self.folded, words, sentence.start, sentence.end):
            for cue in cues:
                if self.folded.startswith(cue.word, index) and cue.fits(self.folded, index):
                    end = index + len(cue.word)
                    person = resolve(index)
                    if person and self._free(index, end, taken, found):
                        found.append(Party(index, end, (person,), "pronoun"))
                    break
        return found

    def _both_sides(self, resolve: Callable[[str], tuple[str, ...]], parties: list[Party]) -> list[Party]:
        found: list[Party] = []
        taken = Stretches((p.start, p.end) for p in parties)
        ends = {p.end for p in parties}
        sentence = self.layout.sentence
        for word, kind in self.lexicon.both_sides.items():
            start = self.folded.find(word, sentence.start, sentence.end)
            while start != -1:
                end = start + len(word)
                ids = resolve(kind)
                if kind == "countries" and start in ends:
                    pass  # 日中兩國: the countries just named, not those of the last meeting
                elif ids and self._free(start, end, taken, found):
                    found.append(Party(start, end, ids, "both_sides"))
                start = self.folded.find(word, end, sentence.end)
        return found

    def _with_venue(self, party: Party, parties: list[Party]) -> Party:
        """Places are never parties; a country is a venue after 在/於, before a city or 峰會."""
        if party.kind not in ("mention", "short_form") or len(party.ids) != 1:
            return party
        kind = self.actors.type_of(party.ids[0])
        if kind == "person":
            return party
        role = self._role_before(party)
        if self._topic(party, parties, role):
            return Party(party.start, party.end, party.ids, party.kind, True, False, True)
        if role == "direction" and kind in ("place", "country"):
            return _as_venue(party, locates=False)
        if kind == "place":
            country = self._government_seat(party, role)
            if country is not None:
                return Party(party.start, party.end, (country,), party.kind)
            return _as_venue(party)
        if kind != "country":
            if party.kind == "mention" and self.folded.startswith(self.lexicon.venue_nouns, self._past_host_city(party, parties)):
                return _as_venue(party, locates=False)  # APEC峰會, 中非合作論壇北京峰會: the forum
            if role == "locative" and self._hit_starting_within(party.end, party.end + 1):
                return _as_venue(party)  # 在白宮會晤
            if party.kind == "mention" and self._located_after_marker(party, parties):
                return _as_venue(party)  # 在東京首相官邸與…舉行會談: where they met, not who met
            return party
        if role == "locative":
            return _as_venue(party)
        after = self._place_right_after(party, parties)
        if after is not None and not self._titles_to_own_person(party, parties[after:]):
            return _as_venue(party)  # 日本東京, 馬來西亞吉隆坡
        if party.kind == "mention" and self.folded.startswith(self.lexicon.venue_nouns, party.end):
            return _as_venue(party)  # 新加坡峰會; a short form (美俄峰會) names the parties instead
        return party

    def _place_right_after(self, party: Party, parties: list[Party]) -> int | None:
        """The index in ``parties`` of a place written right after ``party`` (日本東京,
        中非合作論壇北京峰會), if one is."""
        after = bisect.bisect_left(self._span_starts, party.end)
        following = parties[after] if after < len(parties) else None
        if following is not None and self._adjoins(party, following) and following.kind == "mention" and self.actors.type_of(following.ids[0]) == "place":
            return after
        return None

    def _adjoins(self, left: Party, right: Party) -> bool:
        """Whether ``right`` is written right after ``left`` (日本東京), or after a seat word
        between them (秘魯首都利馬): one run of places, the later inside the earlier."""
        return right.start == left.end or self.folded[left.end : right.start] in self.lexicon.place_joiners

    def _past_host_city(self, party: Party, parties: list[Party]) -> int:
        """Where a forum's name goes on after the city hosting this session of it (中非合作論壇
        北京峰會: after 北京), or right after the party when no place follows it at once."""
        after = self._place_right_after(party, parties)
        return party.end if after is None else parties[after].end

    def _government_seat(self, party: Party, role: str | None) -> str | None:
        """北京將頒發許可證, 華府表示: a seat of government opening its clause before a word a
        subject takes (short_form_heads) stands for its country's government, not a place; so
        does one right after a verb of urging (促請北京約束平壤, 敦促華府停止…: seat_addressing)."""
        if role is not None or self.folded[party.start : party.end] not in self.lexicon.government_seats:
            return None
        if self._plain(max(0, party.start - 4), party.start).endswith(self.lexicon.seat_addressing):
            return self.actors.country_of(party.ids[0])
        end = party.end
        for start, stop in self.time_spans:  # 北京4日召見: a time between the seat and its verb
            if start == end:
                end = stop
                break
        if not self.folded.startswith(self.lexicon.short_form_heads, end) and not self._hit_starting_within(end, end):
            return None
        clause = self.layout.clause_at(party.start)
        opening = _consume(_ENUMERATOR.sub("", self._plain(clause.start, party.start)), self.lexicon.clause_openers)
        if len(opening) > 1:
            return None  # a party after other words of its clause may be an object (訪問北京)
        return self.actors.country_of(party.ids[0])

    def _titles_to_own_person(self, country: Party, following: Sequence[Party]) -> bool:
        """A country, a town of it and titles, then a person of that country (美国加利福尼亚州州长
        纽森, 英国伦敦金融城市长梅睿孟): the town is part of the person's titles, so the country
        stays the person's, not a venue."""
        person = next((p for p in following if self.actors.type_of(p.ids[0]) != "place"), None)
        if person is None or person.kind != "mention" or self.actors.type_of(person.ids[0]) != "person":
            return False
        gap = self._plain(country.end, person.start)
        if not gap or len(gap) > _OWN_TITLE_REACH or "的" in gap or not all("\u4e00" <= char <= "\u9fff" for char in gap):
            return False
        return self.actors.country_of(person.ids[0]) == country.ids[0] and self._ends_in_title(gap)

    def _hit_starting_within(self, start: int, end: int) -> bool:
        """Whether a trigger of the sentence starts in [start, end]."""
        if self._hit_starts is None:
            self._hit_starts = sorted(hit.start for hit in self.hits)
        at = bisect.bisect_left(self._hit_starts, start)
        return at < len(self._hit_starts) and self._hit_starts[at] <= end

    _TOPIC_REACH = 10

    def _topic(self, party: Party, parties: list[Party], role: str | None) -> bool:
        """阿富汗局勢, 北韓問題: a topic noun right after the party; after 在/於 also an aspect
        noun closing the phrase (在北韓、造船方面, 在伊朗議題上)."""
        if self.folded.startswith(self.lexicon.topic_nouns, party.end):
            return True
        gap = self.folded[party.end : party.end + 1]  # 伊朗核問題: one word of the topic between
        if "\u4e00" <= gap <= "\u9fff" and gap not in _PHRASE_MARKS and gap not in _JOINERS:
            if self.folded.startswith(self.lexicon.topic_nouns, party.end + 1) and party.end + 1 not in self._party_starts:
                return True
        if role != "locative" and not (role is None and self._after_locative_run(party, parties)):
            return False
        window = self.folded[party.end : min(self.layout.clause_at(party.start).end, party.end + self._TOPIC_REACH)]
        found = [window.find(noun) for noun in self.lexicon.aspect_nouns]
        found = [position for position in found if position != -1]
        if not found:
            return False
        until = party.end + min(found)
        if any(party.end <= hit.start < until for hit in self.hits):
            return False  # 在日本會談方面: the place of a verb, not an aspect
        prefix = self.folded[party.end : until]
        for other in parties:
            if party.end <= other.start and other.end <= until:
                prefix = prefix.replace(self.folded[other.start : other.end], "")
        prefix = "".join(character for character in prefix if character not in _JOINERS)
        return len(prefix) <= 4 and not set(prefix) & _PHRASE_MARKS

    def _after_locative_run(self, party: Party, parties: list[Party]) -> bool:
        """在日本、北韓方面: a party joined by 、/和 to one after 在/於."""
        previous = next(self._ended_before(party, parties), None)
        if previous is None:
            return False
        gap = self._plain(previous.end, party.start)
        if gap not in _JOINERS:
            return False
        return self._role_before(previous) == "locative"

    def _located_after_marker(self, party: Party, parties: Sequence[Party]) -> bool:
        """在/於 X, or 在 + places + X (在東京首相官邸): X names where, as a venue does."""
        first = party
        for other in self._ended_before(party, parties):
            if self._adjoins(other, first) and self.actors.type_of(other.ids[0]) in ("place", "country"):
                first = other
            else:
                break
        clause = self.layout.clause_at(party.start)
        if marker_role(self._plain(clause.start, first.start), self.lexicon) != "locative":
            return False
        return not self.folded.startswith("的", party.end)  # 在白宮的壓力下: a party after all

    def _ended_before(self, party: Party, parties: Sequence[Party]) -> Iterator[Party]:
        """The parties ending at or before ``party`` starts, last first. ``parties`` are in order
        of their starts (those of ``_spans``), and one starting at or after ``party`` cannot end
        before it: the search starts where they begin instead of reading the whole sentence."""
        for index in range(bisect.bisect_left(self._span_starts, party.start) - 1, -1, -1):
            if parties[index].end <= party.start:
                yield parties[index]

    def _role_before(self, party: Party) -> str | None:
        """The marker role of the words between the party and the one before it in its clause."""
        if party.start not in self._roles_before:
            text = self._text_before(party.start)
            role = marker_role(text, self.lexicon)
            if role is None and party.kind == "mention" and self.actors.type_of(party.ids[0]) == "person":
                role = marker_role(self._before_titles(text), self.lexicon)  # 30日與國家主席習近平: 與 before the title
            if role is None and text.endswith("的") and len(text) <= _PREP_PHRASE_REACH and text.startswith(self.lexicon.prep_phrase_openers) and not text.startswith(self.lexicon.prep_phrase_not):
                role = "prep"  # 美國對價值2500億美元的中國貨品加徵關稅: China stands in the 對 phrase
            self._roles_before[party.start] = role
        return self._roles_before[party.start]

    def _before_titles(self, text: str) -> str:
        """``text`` without the titles it ends in (與前國家主席 -> 與): a person's titles stand
        between the marker and the name when no country is written before them, and a day or a
        place before the marker keeps the subject out of the person's group."""
        deputy = self.lexicon.deputy_prefix
        stripped = text
        while True:
            title = next((t for t in self.titles if stripped.endswith(t)), None)
            if title is None:
                return stripped
            stripped = stripped[: -len(title)]
            if deputy:
                stripped = stripped.removesuffix(deputy)
            stripped = next((stripped[: -len(p)] for p in self.lexicon.title_prefixes if stripped.endswith(p)), stripped)
            joiner = next((j for j in self.lexicon.title_joiners if stripped.endswith(j)), None)
            if joiner is not None and any(stripped[: -len(joiner)].endswith(t) for t in self.titles):
                stripped = stripped[: -len(joiner)]  # 黨主席兼國家主席: titles held together

    def _text_before(self, start: int) -> str:
        clause = self.layout.clause_at(start)
        first = bisect.bisect_left(self._span_starts, clause.start)
        last = bisect.bisect_left(self._span_starts, start)  # a span ending by ``start`` starts before it
        previous_end = max([e for s, e in self._spans[first:last] if e <= start] + [clause.start])
        return self._plain(previous_end, start)

    def _plain(self, start: int, end: int) -> str:
        """The text between two offsets without its bracketed asides (（右）, （Donald Trump，左）)."""
        return self.layout.unbracketed(self.folded, start, end).strip(" \u3000")

    # -- groups ------------------------------------------------------------------------
    def _glue(self, gap: str, following: Party | None = None, after_person: bool = False) -> tuple[bool, str | None]:
        """Whether a gap keeps two parties in one group, and the joiner it holds. After a person, a
        title may stand before the joiner (李克强总理、栗战书委员长: mainland papers put it after the name)."""
        if gap == "的" and following is not None and following.kind == "mention" and self.actors.type_of(following.ids[0]) == "person":
            return True, None  # 委內瑞拉的馬杜洛
        rest = _consume(gap, self.lexicon.party_suffixes)
        held = next((j for j in self.lexicon.title_joiners if rest.startswith(j) and j not in self.lexicon.joiners), None)
        if after_person and held and following is not None and following.kind == "mention" and self.actors.type_of(following.ids[0]) == "person" \
                and self._titles_held(_consume(rest[len(held) :], self.lexicon.title_prefixes)) == "":
            return True, None  # 沙特王储兼首相穆罕默德: a title read as the person, the next title they hold, then their name
        titled = self._titles_held(rest)
        if after_person and titled != rest and titled.startswith(self.lexicon.joiners):
            rest = titled  # 李克强总理、栗战书委员长: a title after a name, then the next name
        joiner = next((j for j in self.lexicon.joiners if rest.startswith(j)), None) if rest.startswith(self.lexicon.joiners) else None
        if joiner:
            rest = rest[len(joiner) :]
        rest = _consume(rest, self.lexicon.title_prefixes)
        rest = self._titles_held(rest)
        return rest == "", joiner

    def _own_title_run(self, gap: str, current: Group, following: Party) -> bool:
        """A country, then words without punctuation ending in a title or person marker, then a
        person of that country (巴基斯坦参议院主席桑吉拉尼, 新西兰总督基罗): the body and title
        are that person's, whatever the words; the person is glued to the country."""
        if not gap or len(gap) > _OWN_TITLE_REACH or following.kind != "mention" or len(following.ids) != 1:
            return False
        if "的" in gap:
            return False  # 美國總統特朗普的特使威特科夫: the envoy of the one before is someone else
        person = following.ids[0]
        # 柬埔寨人民黨主席、參議院主席洪森: titles held together are joined by 、, each ending in a
        # title (not 財長葉倫、氣候特使克里、商務部長: a name between them is someone else)
        pieces = gap.split("、")
        if self.actors.type_of(person) != "person" or not all(piece and all("\u4e00" <= char <= "\u9fff" for char in piece) for piece in pieces):
            return False
        if any(not self._ends_in_title(piece) for piece in pieces[:-1]):
            return False
        # 世界银行行长彭安杰: a body of no country is headed by a person of any
        international = any(self.actors.type_of(i) == "organization" and self.actors.country_of(i) is None for i in current.ids)
        if self.actors.country_of(person) not in self._countries_of(current) and not international:
            return False
        return self._ends_in_title(gap)

    def _countries_of(self, group: Group) -> set[str]:
        """The countries a group's countries, bodies, parties and firms belong to (越共: Vietnam)."""
        return {c for i in group.ids if self.actors.type_of(i) != "person" and (c := self.actors.country_of(i)) is not None}

    def _titles_then_own_country(self, gap: str, current: Group, following: Party) -> bool:
        """A body's titles, then 、 and the body's own country, or another body of it, opening the
        next title (越共中央政治局委员、越南总理范明政; 中共中央政治局委员、国务院副总理刘鹤): titles
        one person holds together, so the country or body joins the group."""
        if not gap.endswith("、") or following.kind != "mention" or len(following.ids) != 1:
            return False
        country = following.ids[0]
        if self.actors.type_of(country) == "organization":
            country = self.actors.country_of(country) or country  # 中共中央政治局委员、国务院副总理刘鹤
        elif self.actors.type_of(country) != "country":
            return False
        if country not in self._countries_of(current):
            return False
        pieces = gap[:-1].split("、")
        return all(piece and all("\u4e00" <= char <= "\u9fff" for char in piece) and self._ends_in_title(piece) for piece in pieces)

    def _titles_then_joiner(self, gap: str, current: Group) -> str | None:
        """A country or body, then titles no holder was found for, then a joiner (古巴总理、澳大利亚
        总理; 巴西总统府首席部长、英国外交发展大臣): the title names that side's guest, and the
        joiner opens the next side of the list. Returns the joiner, or None."""
        last = current.parties[-1]
        if last.kind != "mention" or self.actors.type_of(last.ids[0]) not in ("country", "organization"):
            return None
        joiner = next((j for j in self.lexicon.joiners if gap.endswith(j)), None)
        titles = gap[: -len(joiner)] if joiner else ""
        if not titles or len(titles) > _OWN_TITLE_REACH or not all("\u4e00" <= char <= "\u9fff" for char in titles):
            return None
        return joiner if self._ends_in_title(titles) else None

    def _ends_in_title(self, text: str) -> bool:
        kb = self.actors.kb
        return any(text.endswith(word) for word in kb.person_markers) or any(text.endswith(word) for word in kb.titles)

    def _title_across_body(self, current: Group, following: Party) -> bool:
        """A body whose name ends inside a title, then a person of the body's country (中國外交部長
        王毅, 美國財政部長貝森特: the mention is 外交部, the title 外交部長, and the gap only 長):
        the title is the person's, so the person is glued to the body as after a whole title."""
        if following.kind != "mention" or len(following.ids) != 1:
            return False
        body, person = current.parties[-1], following.ids[0]
        gap = self._plain(body.end, following.start)
        if not gap or body.kind != "mention" or self.actors.type_of(person) != "person":
            return False
        if self.actors.country_of(person) not in {self.actors.country_of(i) for i in body.ids}:
            return False
        run = self.folded[body.start : following.start]
        return any(run.endswith(title) and len(title) > len(gap) for title in self.titles)

    def _titles_held(self, text: str) -> str:
        """``text`` after its titles: one, or several joined by 兼 or 、 (副首相兼外交大臣)."""
        deputy = self.lexicon.deputy_prefix
        for _ in range(4):
            if deputy and text.startswith(deputy) and _consume(text[len(deputy) :], self.titles) != text[len(deputy) :]:
                text = text[len(deputy) :]
            after = _consume(text, self.titles)
            if after == text:
                return text
            text = after
            joined = _consume(text, self.lexicon.title_joiners)
            if joined == text or _consume(joined.removeprefix(deputy) if deputy else joined, self.titles) == (joined.removeprefix(deputy) if deputy else joined):
                return text
            text = joined
        return text

    def _groups(self) -> list[Group]:
        groups: list[Group] = []
        venue_starts = [p.start for p in self.parties if p.venue]
        for party in self.parties:
            if party.venue:
                continue
            current = groups[-1] if groups else None
            if current is not None and self.layout.clause_at(current.end - 1) == self.layout.clause_at(party.start):
                gap = self._plain(current.end, party.start)
                last = current.parties[-1]
                after_person = last.kind == "mention" and self.actors.type_of(last.ids[0]) == "person"
                glued, joiner = self._glue(gap, party, after_person)
                own_run = not glued and self._own_title_run(gap, current, party)
                if own_run or not glued and (self._title_across_body(current, party) or self._titles_then_own_country(gap, current, party)):
                    glued, joiner = True, None  # 哈萨克斯坦议会下院议长科沙诺夫: the country's own person
                elif not glued and (listed := self._titles_then_joiner(gap, current)) is not None:
                    glued, joiner = True, listed  # 古巴总理、澳大利亚总理: the next guest of a list
                after = bisect.bisect_left(venue_starts, current.end)
                venue_between = after < len(venue_starts) and venue_starts[after] < party.start
                # 河内市委书记, 加利福尼亚州州长: a town inside the person's titles is no venue between
                if glued and (not venue_between or own_run):
                    current.parties.append(party)
                    if joiner:
                        current.sides.append(list(party.ids))
                    else:
                        current.sides[-1].extend(party.ids)
                    continue
            role = self._role_before(party)
            if role in ("locative", "direction"):
                role = None  # 在川普訪問南韓期間: before a person, 在 marks no place
            groups.append(Group([party], [list(party.ids)], role))
        for group in groups:
            if any(p.kind == "both_sides" for p in group.parties):
                group.sides = [prefer_persons(side, self.actors) for side in group.sides]  # 雙方: both stay
            else:
                group.sides = [self._person_of_side(side) for side in group.sides]
            group.leader = self._leader_word_after(group)
            group.heads_of_bodies = self._body_leader_word_after(group)
            group.head = self._may_act(group)
            if group.role is None and self._accompanying(group):
                group.role = "companion"
        self._relative_clauses = self._comitative_relatives(groups)
        return groups

    def _accompanying(self, group: Group) -> bool:
        """在國務卿布林肯陪同下，與…會晤: the parties of a 在…陪同下 frame go along; they are
        neither the subject nor a co-party of the clause's act. No verb stands inside the frame."""
        if not self.lexicon.companion_closers or not self.lexicon.companion_opens:
            return False
        clause = self.layout.clause_at(group.start)
        closers = [at for word in self.lexicon.companion_closers if (at := self.folded.find(word, group.end, clause.end)) != -1]
        openers = [at for word in self.lexicon.companion_opens if (at := self.folded.rfind(word, clause.start, group.start)) != -1]
        if not closers or not openers:
            return False
        opened, closed = max(openers), min(closers)
        if closed - opened > _COMPANION_REACH:
            return False
        return not any(opened < hit.start < closed for hit in self.verbs)

    def _person_of_side(self, side: list[str]) -> list[str]:
        """One side of a group is one party: a person written after a country or an organisation
        and a title (中共總書記習近平, 中國外交部副部長劉振民) is that person, not also the body."""
        persons = [i for i in side if self.actors.type_of(i) == "person"]
        if persons and len(side) > len(persons):
            return list(dict.fromkeys(persons))
        return prefer_persons(side, self.actors)

    def _comitative_relatives(self, groups: list[Group]) -> list[tuple[int, Group]]:
        """與 + a relative clause ending in 的 + its head (與來華進行國事訪問的法國總統馬克龍):
        the head is the co-party, and the actors inside the clause (華) lead nothing outside it.
        Returns (where the relative clause starts, its head) for each."""
        found: list[tuple[int, Group]] = []
        markers = self.lexicon.markers["comitative"]
        for group in groups:
            if group.role is not None or self.folded[group.start - 1 : group.start] != "的":
                continue
            clause = self.layout.clause_at(group.start)
            window_start = max(clause.start, group.start - self.lexicon.relative_reach)
            opening = None
            for position in range(group.start - 2, window_start - 1, -1):
                marker = next((m for m in markers if self.folded.startswith(m, position)), None)
                if marker is None or self._not_comitative(position) or self.folded[position + len(marker) : position + len(marker) + 1] in _NUMERALS:
                    continue  # 8日和9日在京會見: a marker before a numeral joins dates or counts, no co-party
                opening = position + len(marker)
                break
            if opening is None or opening >= group.start - 1 or any(p.start == opening for p in self.parties):
                continue  # 與中國的: the party after 與 is itself the co-party
            if self.layout.in_brackets(opening, group.start):
                continue
            inner = [g for g in groups if opening <= g.start and g.end <= group.start]
            for other in inner:
                other.head = False  # 來華: 華 is where the head came, not who acts
            group.role = "comitative"
            found.append((opening, group))
        return found

    def _not_comitative(self, position: int) -> bool:
        """參與, 與會, 和平: the marker character is part of a word here."""
        for word in self.lexicon.not_comitative:
            start = self.folded.find(word, max(0, position - len(word) + 1), position + len(word))
            if start != -1 and start <= position:
                return True
        return False

    def relative_head(self, hit: TriggerHit) -> Group | None:
        """The head of the comitative relative clause the trigger stands in (來華進行國事訪問的
        法國總統馬克龍: Macron is the one visiting)."""
        for opening, head in self._relative_clauses:
            if opening <= hit.start and hit.end <= head.start:
                return head
        return None

    def _may_act(self, group: Group) -> bool:
        if any(p.kind != "short_form" for p in group.parties):
            return True
        end = group.end
        for start, stop in self.time_spans:  # 美韓7月達成的協議: a time between the run and its verb
            if start == end:
                end = stop
                break
        return self.folded[end : end + 4].startswith(self.lexicon.short_form_heads)

    def _leader_word_after(self, group: Group) -> bool:
        """美中元首, 美國領導人: the countries' leaders. After a word summing the run up (中美兩國
        元首) only 元首 does: 意大利、西班牙…四國領導人 are prime ministers, whom the first
        leader role (the president) would not name."""
        after = self.folded[group.end : group.end + 6].lstrip(" ")
        last = self.folded[group.parties[-1].start : group.end]
        summed = _consume(after, _SUMMING_WORDS)
        return after.startswith(self.lexicon.leader_words) or last.endswith(self.lexicon.leader_words) or (
            summed != after and summed.startswith(_HEADS_OF_STATE)
        )

    def _body_leader_word_after(self, group: Group) -> bool:
        """A word for the head after a run of international bodies only (世界银行负责人); 北约领导人
        stays the alliance's leaders, not its secretary general."""
        if not all(i in self.actors.kb.body_codes for i in group.ids):
            return False
        after = self.folded[group.end : group.end + 6].lstrip(" ")
        return after.startswith(self.lexicon.body_leader_words)

    def ids_of(self, group: Group | None, on: dt.date | None) -> list[list[str]]:
        """The group's sides, countries (and international bodies) standing for their leaders
        (heads) where a leader word follows."""
        if group is None:
            return []
        if self.lexicon.body_head_titles and (holder := self._titled_head(group, on)) is not None:
            return [[holder]]  # 李強會見歐盟委員會主席: its president, not the commission
        if not group.leader and not group.heads_of_bodies:
            return group.sides
        sides = []
        for side in group.sides:
            mapped = [
                (self.actors.leader(i, self.lexicon.leader_roles, on) if group.leader else None)
                or (self.actors.head_of_body(i, self.lexicon.body_leader_roles, on) if group.heads_of_bodies else None)
                or i
                for i in side
            ]
            sides.append(prefer_persons(mapped, self.actors))
        return sides

    def _titled_head(self, group: Group, on: dt.date | None) -> str | None:
        """The holder on ``on`` of the office a body's head title names, the title written right
        after the body with no name of its own (歐盟委員會主席, arguments.yaml body_head_titles)."""
        head = self.lexicon.body_head_titles.get(group.parties[-1].ids[0]) if len(group.parties) == 1 and group.parties[0].ids else None
        if head is None or on is None:
            return None
        after = self.folded[group.end : group.end + 6]
        role = next((role for title, role in head[1].items() if after.startswith(title)), None)
        holders = self.actors.kb.holders(head[0], (role,), on) if role is not None else ()
        return holders[0].id if holders else None

    def _groups_in(self, clause: Clause) -> list[Group]:
        """The groups a clause holds, in order: those starting within it, by bisection."""
        if self._group_starts is None:
            self._group_starts = [g.start for g in self.groups]  # in order: made party by party
        nearby = self.groups[bisect.bisect_left(self._group_starts, clause.start) : bisect.bisect_right(self._group_starts, clause.end)]
        return [g for g in nearby if clause.holds(g.start, g.end)]

    def _flat(self, group: Group | None, on: dt.date | None) -> list[str]:
        return [i for side in self.ids_of(group, on) for i in side]

    # -- subjects ------------------------------------------------------------------------
    def _object_of_other(self, group: Group, hit: TriggerHit | None) -> bool:
        """A party right after another trigger is its object (會見日本天皇), not a subject,
        unless that trigger is a pivot verb whose object acts next (邀請習近平訪問美國)."""
        if self._verb_ends is None:
            self._verbs_by_end = sorted(self.verbs, key=lambda verb: verb.end)
            self._verb_ends = [verb.end for verb in self._verbs_by_end]
        # Only a verb ending within the gap's reach before the group can take it as object (a
        # count between them, 購買100架美國波音飛機, does not count against the gap).
        nearby = self._verbs_by_end[
            bisect.bisect_left(self._verb_ends, group.start - _OBJECT_GAP - _COUNT_REACH) : bisect.bisect_right(self._verb_ends, group.start)
        ]
        for other in nearby:
            if other is hit or other.end > group.start or other.group.pattern.attached:
                continue  # a summit noun (峰會舉行美中元首會談) takes no object
            gap = _COUNT_BEFORE_OBJECT.sub("", self.folded[other.end : group.start])
            if len(gap) > _OBJECT_GAP or gap.startswith("的") or set(gap) & _CLAUSE_PUNCTUATION or "、" in gap:
                # 討論經濟合作、川普可能…: a party after 、 starts the next item, no verb's object
                continue
            pivot = hit is not None and hit.start >= group.end and self.folded[other.start : other.end] in self.lexicon.pivot_verbs
            if not pivot:
                return True
        return False

    def _can_lead(self, group: Group, hit: TriggerHit | None) -> bool:
        return group.role is None and group.head and not self._object_of_other(group, hit)

    def _opens_clause(self, group: Group, clause: Clause) -> bool:
        """Only times, titles and words like 而/但/早在 stand before a clause's subject."""
        text = self.folded[clause.start : group.start]
        for start, end in self.time_spans:
            if clause.start <= start and end <= group.start:
                text = text.replace(self.folded[start:end], "")
        for party in self.parties:
            if party.venue and clause.start <= party.start and party.end <= group.start:
                text = text.replace(self.folded[party.start : party.end], "")
        text = "".join(c for c in text if c not in " ，,　的")
        previous = None
        while text and text != previous:
            previous = text
            text = _consume(_consume(_consume(text, self.lexicon.clause_openers), self.titles), self.lexicon.title_prefixes)
            text = text.lstrip(_LOCATIVE_MARKS)
        return len(text) <= 1

    def topic(self, hit: TriggerHit | None) -> Group | None:
        """The subject a clause without one inherits: the nearest earlier clause's subject.

        In 以色列議會…歡迎特朗普，議長奧哈納當場鞠躬，在講話中將特朗普稱為巨人 the praise
        belongs to 奧哈納, the subject of the clause before, not to the sentence's first actor.
        """
        position = hit.start if hit else self.layout.sentence.end
        clause_start = hit.clause.start if hit else position
        quotation = self._speech_at(position)
        for clause in reversed([c for c in self.layout.clauses if c.end <= clause_start]):
            lead = next(
                (g for g in self._groups_in(clause) if self._can_lead(g, hit) and self._speech_at(g.start) == quotation),
                None,
            )
            if lead is not None and self._opens_clause(lead, clause):
                return self._embedded_subject(lead, clause, hit, quotation) or lead
        plain = [g for g in self.groups if self._can_lead(g, hit) and self._speech_at(g.start) == quotation]
        before = [g for g in plain if g.end <= position]
        return next(iter(before or plain), None)

    def _embedded_subject(self, lead: Group, clause: Clause, hit: TriggerHit | None, quotation: Quotation | None) -> Group | None:
        """他應是指美國希望…，並制裁印度: after a verb of saying or thinking, the party that
        follows it is the subject of the clauses after it, not the one who speaks."""
        following = next(
            (g for g in self.groups if clause.holds(g.start, g.end) and g.start >= lead.end and g is not lead),
            None,
        )
        if following is None or not self._can_lead(following, hit) or self._speech_at(following.start) != quotation:
            return None
        gap = self._plain(lead.end, following.start)
        if len(gap) > 6 or not gap.endswith(self.lexicon.complement_verbs):
            return None
        return following

    def _speech_at(self, offset: int) -> Quotation | None:
        """The quotation of speech around an offset: words inside it have their own subjects."""
        quotation = self.layout.quotation_at(offset)
        return quotation if quotation is not None and quotation.speech else None

    def _subject(self, before: list[Group], hit: TriggerHit) -> Group | None:
        """The nearest group before the trigger in its clause that may act."""
        candidates = [g for g in before if self._can_lead(g, hit)]
        if len(candidates) > 1 and any(p.kind == "both_sides" for p in candidates[-1].parties):
            # 美方希望促進兩國經貿合作: the side named before 兩國/雙方 is the one that acts.
            both = set(candidates[-1].ids)
            named = [g for g in candidates[:-1] if g.ids and set(g.ids) < both]
            if named:
                return named[-1]
        return candidates[-1] if candidates else None

    def has_subject(self, hit: TriggerHit) -> bool:
        """Whether the trigger's own clause names who acts, before the trigger."""
        return self._own_clause_subject(hit) is not None

    def _own_clause_subject(self, hit: TriggerHit) -> Group | None:
        """The subject before the trigger in its clause, read once per trigger (by identity:
        the sentence's hits live as long as this object)."""
        key = id(hit)
        if key not in self._subjects:
            scope = self.scope(hit)
            before = [g for g in self._groups_in(scope) if g.end <= hit.start]
            self._subjects[key] = self._subject(before, hit)
        return self._subjects[key]

    def scope(self, hit: TriggerHit) -> Clause:
        """The clause whose parties the trigger reads: its own, or with the clause before when
        its own opens with a light verb and names no one (高市早苗與習近平在慶州，舉行會談)."""
        clause = hit.clause
        if not self._plain(clause.start, hit.end).startswith(self.lexicon.opening_light_verbs):
            return clause
        if any(clause.holds(g.start, g.end) and g.end <= hit.start for g in self.groups):
            return clause
        previous = [c for c in self.layout.clauses if c.end <= clause.start]
        if not previous or self._speech_at(previous[-1].start) != self._speech_at(hit.start):
            return clause
        return Clause(previous[-1].start, clause.end)

    def speaker_before(self, position: int) -> Group | None:
        """Who speaks the verb of saying at ``position``: the nearest party before it in its
        clause that is not inside a modifier or a scene phrase on the way to the verb —
        川普在出席李在明主持的晚宴上宣佈 (of 晚宴), 劉振民在中菲元首會談後表示 (of 會談後)."""
        clause = self.layout.clause_at(position)
        groups = [g for g in self.groups if g.end <= position and g.start >= clause.start and g.role is None]
        for index in range(len(groups) - 1, 0, -1):
            group, before = groups[index], groups[index - 1]
            rest = self.folded[group.end : position]
            opened = any(word in self.folded[before.end : group.start] for word in _SCENE_OPENERS)
            modifier = "的" in rest and not rest.startswith("的")  # 總統府的消息人士稱: the speaker's side
            if not modifier and not (opened and any(word in rest for word in _SCENE_CLOSERS)):
                return group
        return groups[0] if groups else None

    # -- roles around a trigger --------------------------------------------------------
    def parties_for(self, hit: TriggerHit, pattern: ArgumentPattern, speaker: str | None, on: dt.date | None) -> list[Parties]:
        """Source and target of one trigger (several pairs when the pattern is distributive)."""
        clause = self.scope(hit)
        in_clause = self._groups_in(clause)
        before = [g for g in in_clause if g.end <= hit.start]
        after = [g for g in in_clause if g.start >= hit.end]
        subject = self._own_clause_subject(hit)
        passive = next((g for g in reversed(before) if g.role == "passive"), None)
        prep = next((g for g in reversed(before) if g.role == "prep"), None)
        ba = next((g for g in reversed(before) if g.role == "ba"), None)
        comitatives = [g for g in before if g.role == "comitative"]
        comitatives_after = [g for g in after if g.role == "comitative"]  # 取消與南韓的聯合軍演
        # 拒絕接受美方的要求: the maker of what is received is the object of the verb before 接受
        obj = self._relative_object(hit, after) or self._object_after_meeting_name(hit, after) or next(
            (g for g in after if g.role in (None, "received") and self._object_gap(self.folded[hit.end : g.start], pattern)), None
        )
        recipient = next((g for g in after if g.role == "prep"), None)  # 交付…巡防艦給越南海警
        if recipient is not None and obj is not None and obj.end <= recipient.start and not self.folded[: recipient.start].endswith("给"):
            recipient = None  # 指責澤連斯基對普京的仇恨: 對普京 belongs to the object's phrase (not 交付…給越南)
        if obj is not None and self.folded[hit.end : obj.start].lstrip(" 了").startswith("的"):
            subject, obj = subject or obj, None  # 會晤的美國總統川普: the head of a relative clause
        if pattern.bodies:
            return self._body_meeting(hit, before, subject, on)
        if pattern.attached:
            attached = self._attached(hit, before)
            if attached is None and subject is not None and self._light_verb_between(subject, hit):
                attached = subject  # 川普與金正恩在新加坡舉行首次峰會
            subject = attached
            if subject is None and not comitatives:
                return []
        if pattern.noun and passive is None and not comitatives and obj is None and prep is None:
            # 中美經貿磋商15日在倫敦舉行; 王毅就第十二輪中美經貿磋商表示: the talks' own parties,
            # not the one who speaks of them
            subject = self._talks_named_after(hit, before) or subject
        if subject is None and passive is None and not self._own_subject(hit):
            wants_topic = pattern.topic == "always" or (pattern.topic == "comitative" and bool(comitatives or obj))
            if wants_topic and speaker and self.layout.quotation_at(hit.start):
                subject = Group([Party(hit.start, hit.start, (speaker,), "pronoun")], [[speaker]])
            elif wants_topic:
                topic = self.topic(hit)
                if topic is not None and topic not in comitatives and topic is not obj and topic is not prep:
                    subject = self._first_side(topic) if comitatives or not pattern.symmetric else topic
        relative_head = self.relative_head(hit)
        if relative_head is not None:
            subject = relative_head  # 來華進行國事訪問的法國總統: the head of the clause acts in it
            comitatives = [g for g in comitatives if g is not relative_head]
            comitatives_after = [g for g in comitatives_after if g is not relative_head]
            others = [g for g in (*comitatives, obj, prep) if g is not None and g is not relative_head]
            if pattern.symmetric and not others and len(relative_head.sides) > 1 and self._separately(hit, None):
                # 分别会见来华出席圆桌对话会的世界银行行长、国际货币基金组织总裁: guests met one by one;
                # the clause says why they came, and the story reports no meeting among them
                return []
        taxed = self._taxed(subject, hit, on)
        if taxed is not None:
            return [taxed]
        maker = self._maker_of_received(hit, before, pattern)
        if maker is not None:
            receiver = self._receiver_ahead(maker, hit) or subject
            return [Parties(tuple(prefer_persons(self._flat(maker, on), self.actors)), tuple(i for i in self._flat(receiver, on) if i not in maker.ids))]
        if self._bare_passive(hit):
            return [Parties((), tuple(self._flat(subject, on)))]  # 受到批評: the critic is not named
        if pattern.symmetric:
            found = self._symmetric(pattern, subject, comitatives, obj, prep, on)
            if found and self._separately(hit, subject):
                hosts = self.ids_of(subject, on)
                # 李強、趙樂際先後與來訪總統會晤, 李强总理、赵乐际委员长将分别会见来访总统: one meeting per host
                guests = [i for group in [*comitatives, *([obj] if obj is not None else [])] for i in self._flat(group, on)]
                if len(hosts) > 1 and guests:
                    return [Parties(tuple(host), tuple(i for i in guests if i not in host)) for host in hosts]
                listed = [i for group in self._listed_after(clause) for i in self._flat(group, on) if i not in found[0].target]
                if listed:
                    found = [Parties(found[0].source, found[0].target + tuple(listed))]
                if len(found[0].target) > 1:
                    found = [Parties(found[0].source, (t,)) for t in found[0].target]  # 分別與日本首相和南韓總統會談
        else:
            found = self._directed(hit, pattern, subject, passive, comitatives + comitatives_after, obj, prep or recipient, ba, clause, on)
            if len(found) == 1 and self._separately(hit, subject):
                hosts = self.ids_of(subject, on)
                if len(hosts) > 1 and set(found[0].source) == {i for host in hosts for i in host}:
                    found = [Parties(tuple(host), found[0].target) for host in hosts]  # 布林肯、耶倫相繼訪華: a visit each
            elif pattern.distributive and len(found) == 1 and len({self.actors.side(i) for i in found[0].source}) > 1:
                # 高克总统和奥利总理都是首次访华: leaders of two countries make a visit each
                by_side: dict[str, list[str]] = {}
                for i in found[0].source:
                    by_side.setdefault(self.actors.side(i), []).append(i)
                found = [Parties(tuple(side), found[0].target) for side in by_side.values()]
        if not pattern.symmetric and len(found) == 1 and not found[0].target and self._mutual(hit, subject):
            sides = [side for side in self.ids_of(subject, on) if side]
            if len(sides) == 1:
                sides = [[i] for i in sides[0]]  # 日中兩國: one run, two sides
            return [Parties(tuple(one), tuple(other)) for one in sides for other in sides if one is not other]
        if pattern.min_parties == 1 and not pattern.attached and not pattern.addressee_only and passive is None:
            found = [self._with_counterpart(hit, parties, subject, on) for parties in found]
        return found

    def _maker_of_received(self, hit: TriggerHit, before: list[Group], pattern: ArgumentPattern) -> Group | None:
        """接受習近平邀請: the party between 接受/應 and the trigger made the invitation (or the
        demand), and the subject who accepts it is its target."""
        if pattern.symmetric or not before or before[-1].role != "received":
            return None
        return before[-1] if self._plain(before[-1].end, hit.start) in ("", "的") else None

    def _receiver_ahead(self, maker: Group, hit: TriggerHit) -> Group | None:
        """應芬蘭總統邀請，習近平將訪問芬蘭: a phrase opened by 應 stands before its clause, so
        the one who received the invitation is the subject of the next clause of the sentence."""
        if not self._plain(self.layout.clause_at(maker.start).start, maker.start).endswith(self.lexicon.received_ahead):
            return None
        following = [c for c in self.layout.clauses if c.start >= hit.clause.end and self._speech_at(c.start) == self._speech_at(hit.start)]
        if not following:
            return None
        return next((g for g in self._groups_in(following[0]) if self._can_lead(g, None) and self._opens_clause(g, following[0])), None)

    def _mutual(self, hit: TriggerHit, subject: Group | None) -> bool:
        """日中兩國互召大使抗議, 美俄相互制裁: a word of reciprocity between a subject of two
        sides and the trigger makes the act go each way, one event per direction."""
        if subject is None or len(subject.ids) < 2 or subject.end > hit.start or not self.lexicon.mutual:
            return False
        return any(word in self.folded[subject.end : hit.start] for word in self.lexicon.mutual)

    def _first_side(self, topic: Group) -> Group:
        """川普與習近平通話後，接著與高市早苗通電話: a subject carried over from a clause where
        與/同 joined it to the co-party of a meeting or call carries over alone when the new
        clause names a co-party of its own or acts towards someone (會晤後，宣布對墨西哥加徵
        關稅); the earlier co-party takes no part in the later act."""
        if len(topic.sides) < 2:
            return topic
        first = set(topic.sides[0])
        lead = [p for p in topic.parties if set(p.ids) & first]
        rest = [p for p in topic.parties if not set(p.ids) & first]
        if not lead or not rest or self._plain(lead[-1].end, rest[0].start) not in self.lexicon.comitative:
            return topic
        clause = self.layout.clause_at(topic.start)
        if not any(h.group.type == "CONSULT" and topic.end <= h.start and clause.holds(h.start, h.end) for h in self.hits):
            return topic  # 美國與日本發表聯合聲明，並同意與印度…: the two act together
        return Group(lead, [list(topic.sides[0])], None, topic.leader, topic.head, topic.heads_of_bodies)

    def _relative_object(self, hit: TriggerHit, after: list[Group]) -> Group | None:
        """會見來華出席開幕式的埃及總統塞西: the head of a relative clause right after the verb is
        its object, not the actors inside the clause (華). The clause has a verb of its own and
        no party right after the trigger; 會晤的美國總統 (the trigger inside the clause) is not one."""
        reach = self.lexicon.object_relative_reach
        if hit.group.type not in self.lexicon.object_relative_types:
            return None
        if not after or after[0].start == hit.end or self.folded[hit.end : hit.end + 1] == "的":
            return None
        for group in after:
            stretch = self.folded[hit.end : group.start]
            if len(stretch) > reach:
                return None
            if group.role is None and stretch.endswith("的") and len(stretch) > 2:
                # A verb inside the clause (來華進行國事訪問) is the head's, as after 與 (relative_head).
                if (hit.end, group) not in self._relative_clauses:
                    self._relative_clauses.append((hit.end, group))
                return self._delegation_leader(hit, stretch, after) or group
        return None

    def _object_after_meeting_name(self, hit: TriggerHit, after: list[Group]) -> Group | None:
        """會見第六屆中法二軌高級別對話會議法方代表團: the name of the meeting a delegation came for
        (ending in a venue noun: 會議, 峰會) stands between the verb and its object, as long as a
        relative clause may; the actors inside the name (中法) are not the object."""
        if hit.group.type not in self.lexicon.object_relative_types:
            return None
        for group in after:
            stretch = self.folded[hit.end : group.start]
            if len(stretch) > self.lexicon.object_relative_reach:
                return None
            if group.role is None and stretch.endswith(self.lexicon.venue_nouns):
                return group
        return None

    def _delegation_leader(self, hit: TriggerHit, stretch: str, after: list[Group]) -> Group | None:
        """由…率领的代表团: the party right after 由 in a clause of leading, when a person leads."""
        opener = self.lexicon.led_by_opener
        if not opener or not stretch.startswith(opener) or not stretch[:-1].endswith(self.lexicon.led_by_verbs):
            return None
        leader = after[0]
        if leader.start != hit.end + len(opener) or not any(self.actors.type_of(i) == "person" for i in leader.ids):
            return None
        return leader

    def _taxed(self, subject: Group | None, hit: TriggerHit, on: dt.date | None) -> Parties | None:
        """韓國對等關稅已降至15%: a country right before the name of a tariff another country
        levies is the one taxed; the levier is the source (the subject when it is the levier)."""
        if subject is None or subject.end > hit.start or hit.group.mode != "tariff":
            return None
        noun = next((n for n in self.lexicon.taxed_nouns if self.folded.startswith(n, subject.end)), None)
        if noun is None:
            return None
        taxed = self._flat(subject, on)
        levier = self.lexicon.taxed_nouns[noun]
        if not taxed or any(self.actors.type_of(i) != "country" or i == levier for i in taxed):
            return None  # 川普的對等關稅, 美國對等關稅: the levier's own tariff
        return Parties((levier,) if levier else (), tuple(taxed))

    def _with_counterpart(self, hit: TriggerHit, parties: Parties, subject: Group | None, on: dt.date | None) -> Parties:
        """A target the words after the trigger do not name, read from the rest of the sentence:
        a 對/向/針對 phrase of the trigger's clause or of the clauses since its subject
        (韓國同意…對美投資中，現金投資2000億美元), else the other side of a compound or of
        兩國/雙方 that holds the source and names a relation (韓中之間的經濟合作, 中菲關係;
        not 柬泰邊境衝突)."""
        if parties.target or not parties.source:
            return parties
        sentence_groups = [g for g in self.groups if self._speech_at(g.start) == self._speech_at(hit.start)]
        quotation = self._speech_at(hit.start)
        if subject is not None and self.layout.sentence.start <= subject.start < hit.start:
            reach_start = self.layout.clause_at(subject.start).start
        elif subject is not None and quotation is not None and subject.start == hit.start:
            reach_start = quotation.open  # the speaker stands for the quotation's subject: its clauses are read
        else:
            reach_start = hit.clause.start
        if any(p.venue and hit.clause.holds(p.start, p.end) and self._role_before(p) == "prep" for p in self.parties):
            return parties  # 對加薩進行人道援助: the act is aimed at a place, no party is missing
        preps = [
            g for g in sentence_groups
            if g.role == "prep" and (hit.clause.holds(g.start, g.end) or reach_start <= g.start and g.end <= hit.start)
            and self._prep_may_lend(g, hit)
        ]
        preps.sort(key=lambda g: (not hit.clause.holds(g.start, g.end), abs(g.start - hit.start)))
        for group in preps:
            target = [i for i in prefer_persons(self._flat(group, on), self.actors) if i not in parties.source]
            if target:
                return Parties(parties.source, tuple(target))
        for group in [*self._waiting_comitatives(hit, reach_start, sentence_groups), *self._scene_comitatives(hit)]:
            target = [i for i in prefer_persons(self._flat(group, on), self.actors) if i not in parties.source]
            if target:
                return Parties(parties.source, tuple(target))
        countries = {self.actors.country_of(i) or i for i in parties.source}
        compounds = [
            g for g in sentence_groups
            if g is not subject and g.start >= reach_start and len({self.actors.country_of(i) or i for i in self._flat(g, on)}) >= 2
            and (any(p.kind == "both_sides" for p in g.parties) or self._plain(g.end, g.end + 6).startswith(self.lexicon.relation_nouns))
        ]
        compounds.sort(key=lambda g: (not hit.clause.holds(g.start, g.end), abs(g.start - hit.start)))
        for group in compounds:
            ids = self._flat(group, on)
            if not countries & {self.actors.country_of(i) or i for i in ids}:
                continue  # the compound must hold the source: 韓中 for Korea, not 美日 for Korea
            target = [i for i in ids if (self.actors.country_of(i) or i) not in countries and i not in parties.source]
            if target:
                return Parties(parties.source, tuple(dict.fromkeys(prefer_persons(target, self.actors))))
        return parties

    def _waiting_comitatives(self, hit: TriggerHit, reach_start: int, groups: list[Group]) -> list[Group]:
        """與/同 phrases of the clauses since the subject whose own clause holds no verb after
        them (中方願同越方一道，深化戰略溝通，擴大務實合作): the co-party waits for a verb in a
        later clause, nearest first. One whose clause goes on to a verb is that verb's, unless
        the verb is a meeting and the later act a joint one (會談，簽署協議: both sign)."""
        waiting = []
        for group in groups:
            if group.role != "comitative" or group.start < reach_start or group.end > hit.start or hit.clause.holds(group.start, group.end):
                continue
            clause = self.layout.clause_at(group.start)
            verbs = [other for other in self.verbs if group.end <= other.start and other.end <= clause.end]
            if verbs and not (hit.group.pattern.symmetric and all(v.group.type == "CONSULT" for v in verbs)):
                continue  # but 艾班尼斯與莫迪舉行會談，簽署協議: who met sign together
            waiting.append(group)
        return waiting[::-1]

    def _scene_comitatives(self, hit: TriggerHit) -> list[Group]:
        """在與習近平的通話中，「…達成了協議」: the co-party of a meeting that sets the scene of
        the sentence (a 在…中/時/期間 phrase) is the co-party of a joint act reported in it."""
        if not hit.group.pattern.symmetric:
            return []
        found = []
        for group in self.groups:
            if group.role != "comitative" or group.end > hit.start:
                continue
            clause = self.layout.clause_at(group.start)
            if clause.holds(hit.start, hit.end):
                continue  # its own clause's verb is read as comitative already
            opening = _consume(self._plain(clause.start, group.start), self.lexicon.clause_openers)
            closing = self._plain(group.end, clause.end)
            if not opening.startswith(_SCENE_OPENERS[0]) or not closing.endswith(_SCENE_CLOSERS):
                continue
            if any(group.end <= v.start and v.end <= clause.end and v.group.type == "CONSULT" for v in self.verbs):
                found.append(group)
        return found[::-1]

    def _prep_may_lend(self, group: Group, hit: TriggerHit) -> bool:
        """Whether a 對/向 phrase not written right before the trigger may still name its target:
        not when it addresses a verb of saying (向美國廣播公司說), modifies a noun (對普京的仇恨),
        or belongs to another verb that has a party object of its own (向委員會提名特朗普);
        after the trigger only when another trigger follows it (同意…對美投資)."""
        after = self._plain(group.end, min(self.layout.sentence.end, group.end + 16))
        if after.startswith(self.lexicon.addressed_verbs):
            return False
        following = next((h for h in self.hits if h.start >= group.end and h is not hit), None)
        next_hit = hit if hit.start >= group.end and (following is None or hit.start <= following.start) else following
        if after.startswith("的") and (next_hit is None or next_hit.start - group.end > 3):
            return False
        if group.start > hit.start:
            return following is not None and following.start - group.end <= 2
        if next_hit is not None and next_hit is not hit and self.layout.clause_at(next_hit.start) == self.layout.clause_at(group.start):
            clause = self.layout.clause_at(group.start)
            owned = any(
                g.start >= next_hit.end and clause.holds(g.start, g.end) and g.start - next_hit.end <= _OBJECT_REACH and not g.parties[0].venue
                for g in self.groups
            )
            return not owned
        return True

    def _own_subject(self, hit: TriggerHit) -> bool:
        """中國承諾反毒，芬太尼關稅降為10%: the tariff is the clause's own subject, so the
        actor of the clause before does not carry over as the one who cut it."""
        before = self.folded[hit.clause.start : hit.start]
        return any(word in before for word in hit.group.own_subjects)

    def _light_verb_between(self, group: Group, hit: TriggerHit) -> bool:
        return any(word in self.folded[group.end : hit.start] for word in self.lexicon.light_verbs)

    def _separately(self, hit: TriggerHit, subject: Group | None) -> bool:
        start = subject.end if subject is not None and subject.end <= hit.start else hit.clause.start
        text = self.folded[start : hit.start]
        return any(word in text for word in self.lexicon.separately)

    def _listed_after(self, clause: Clause) -> list[Group]:
        """分别会见古巴总理马雷罗，澳大利亚总理阿尔巴尼斯: after a clause of separate meetings,
        the clauses of the sentence that hold one party and nothing else (its titles aside) go
        on with the list of guests."""
        listed: list[Group] = []
        for following in (c for c in self.layout.clauses if c.start >= clause.end):
            groups = self._groups_in(following)
            if len(groups) != 1 or groups[0].role is not None:
                break
            group = groups[0]
            before = self._plain(following.start, group.start).strip("".join(_CLAUSE_PUNCTUATION))
            after = self._plain(group.end, following.end).strip("".join(_CLAUSE_PUNCTUATION))
            if before or after:
                break
            listed.append(group)
        return listed

    def _bare_passive(self, hit: TriggerHit) -> bool:
        before = self.folded[max(hit.clause.start, hit.start - 6) : hit.start]
        return before.endswith(self.lexicon.passive_before_trigger)

    def _body_meeting(self, hit: TriggerHit, before: list[Group], subject: Group | None, on: dt.date | None) -> list[Parties]:
        """An international body's summit (大阪G20峰會閉幕, 亞太經合組織第31次領導人非正式會議在利馬
        舉行, 東協在吉隆坡召開年度峰會): the body named right before the word, its ordinal and
        kind between (第31次, 領導人非正式), or the clause's subject before a verb of holding. Who
        attends it (習近平出席…峰會) takes part too. No body, no event: 美中峰會 is a meeting."""
        def bodies(ids: Sequence[str]) -> list[str]:
            return [i for i in ids if self.actors.international(i)]

        def next_to_word(end: int) -> bool:
            gap = re.sub(r"[0-9０-９〇零一二三四五六七八九十百]+", "", self._gap_before(end, hit, self.lexicon.summit_modifiers))
            return len(gap.strip("的 ")) <= 2

        # the body right before the word; read as the occasion of the clause (北約峰會…開幕), it
        # may stand among the clause's venues rather than its groups
        named = [p for p in self.parties if hit.clause.start <= p.start and p.end <= hit.start and bodies(p.ids)]
        host: list[str] = bodies(named[-1].ids) if named and next_to_word(named[-1].end) else []
        if not host and subject is not None and self._light_verb_between(subject, hit):
            host = bodies(self._flat(subject, on))  # 東協在吉隆坡召開年度峰會
        if not host:
            return []
        reach = self.folded[(subject.end if subject is not None else hit.clause.start) : hit.start]
        if any(word in reach for word in (*self.lexicon.pivot_verbs, *self.lexicon.welcome_verbs)):
            return []  # 呂特歡迎特朗普出席北約峰會: the welcome is the event told, one occasion
        attendees: list[str] = []
        attendee = subject
        if attendee is not None and bodies(self._flat(attendee, on)):
            # 李強將出席在里約熱內盧舉行的金磚國家領導人會晤: the body read as the subject of the
            # relative clause; who attends stands before it
            attendee = next((g for g in reversed(before) if g.end <= attendee.start and self._can_lead(g, hit) and not bodies(self._flat(g, on))), None)
        if attendee is not None and not bodies(self._flat(attendee, on)) and any(
            word in self.folded[attendee.end : hit.start] for word in self.lexicon.attending_verbs
        ):  # 習近平出席…峰會 (not 印尼舉辦峰會: the host is no attendee named so)
            attendees = prefer_persons(self._flat(attendee, on), self.actors)
        return [Parties(tuple(dict.fromkeys([*attendees, *host])), ())]

    def _gap_before(self, end: int, hit: TriggerHit, words: Sequence[str]) -> str:
        """The text from ``end`` to the trigger without the venues in it and ``words``: what
        stands between a party and the summit noun it names (美俄阿拉斯加峰會, G20第19次峰會)."""
        gap = self.folded[end : hit.start]
        if gap.startswith("(") and ")" in gap:
            gap = gap[gap.index(")") + 1 :]  # 亞太經合組織(APEC)第29次…峰會: the party's name restated in an aside
        for venue in (p for p in self.parties if p.venue and end <= p.start and p.end <= hit.start):
            gap = gap.replace(self.folded[venue.start : venue.end], "")
        for word in words:
            gap = gap.replace(word, "")
        return gap

    def _talks_named_after(self, hit: TriggerHit, before: list[Group]) -> Group | None:
        """The parties that name talks written as a noun (中美經貿磋商15日在倫敦舉行, 美日外交安全
        2+2對話登場, 美中16日在日內瓦舉行高層會談): the run of two sides or more right before the
        word, only its kind, level, round, a time, a venue or a verb of holding between, when a
        verb of holding stands in the clause. A run of short forms may head no clause by itself
        (中美 before 經貿), so only the noun's own name makes it the talks' parties; without a
        verb of holding the noun names the talks as a topic (推動中美經貿磋商): none."""
        if not before or len(before[-1].ids) < 2:
            return None  # one side alone (美方的磋商) names no talks between sides
        group = before[-1]
        clause = self.folded[hit.clause.start : hit.clause.end]
        if group.role is not None:
            return None
        if not any(verb in clause for verb in self.lexicon.talks_held_verbs) and not self._round_named(group, hit):
            return None
        gap = self._gap_before(group.end, hit, (*self.lexicon.talks_modifiers, *self.lexicon.light_verbs))
        for start, end in self.time_spans:
            if group.end <= start and end <= hit.start:
                gap = gap.replace(self.folded[start:end], "")
        gap = re.sub(r"[0-9０-９一二三四五六七八九十两兩的在於 ]", "", gap)
        return group if not gap else None

    def _round_named(self, group: Group, hit: TriggerHit) -> bool:
        """第十二輪中美經貿高級別磋商, 中美最新一輪經貿磋商: a round that took place, named by its
        number, is talks held even with no verb of holding (王毅就第十二輪中美經貿高級別磋商表示…).
        Not 新一輪 or 下一輪: a round to come, or any."""
        before = self.folded[max(hit.clause.start, group.start - 8) : group.start]
        between = self.folded[group.end : hit.start]
        return any(_HELD_ROUND.search(text) for text in (before, between))

    def _attached(self, hit: TriggerHit, before: list[Group]) -> Group | None:
        """The group written right before a summit noun (美俄阿拉斯加峰會, 川習會)."""
        if not before:
            return None
        group = before[-1]
        gap = self._gap_before(group.end, hit, self.lexicon.leader_words)
        if group.role == "comitative" and any(word in gap for word in self.lexicon.light_verbs):
            return None  # 和日本首相舉行高峰會: the co-party, the summit's subject stands before 和
        return group if len(gap.strip("的 ")) <= 2 and group.role in (None, "comitative") else None

    @staticmethod
    def _object_gap(gap: str, pattern: ArgumentPattern) -> bool:
        """Whether the text between a trigger and a party lets the party be its object: up to
        _OBJECT_REACH characters, or for an addressee (addressee_only) only marks and 包括."""
        if not pattern.addressee_only:
            return len(gap) <= _OBJECT_REACH
        gap = gap.strip(_ADDRESSEE_GAP_MARKS)
        return gap == "" or gap in _ADDRESSEE_OPENERS

    def _symmetric(
        self, pattern: ArgumentPattern, subject: Group | None, comitatives: list[Group], obj: Group | None, prep: Group | None, on: dt.date | None
    ) -> list[Parties]:
        groups = [subject, *comitatives]
        if "object" in pattern.target_from:
            groups.append(obj)
        if "prep" in pattern.target_from:
            groups.append(prep)
        sides = [side for group in groups for side in self.ids_of(group, on) if side]
        if len(sides) == 1 and len(sides[0]) > 1:
            sides = [[i] for i in sides[0]]  # 川習會, 美中元首會談: one run, two sides
        if not sides:
            return []
        source = sides[0]
        target = [i for side in sides[1:] for i in side if i not in source]
        return [Parties(tuple(source), tuple(dict.fromkeys(target)))]

    def _directed(
        self, hit: TriggerHit, pattern: ArgumentPattern, subject: Group | None, passive: Group | None, comitatives: list[Group],
        obj: Group | None, prep: Group | None, ba: Group | None, clause: Clause, on: dt.date | None,
    ) -> list[Parties]:
        if passive is not None:
            source, target = self._flat(passive, on), self._flat(subject, on)
        else:
            source, target = self._flat(subject, on), []
            for where in pattern.target_from:
                by_place: dict[str, Sequence[Group | None]] = {"prep": [prep], "object": [obj], "comitative": comitatives, "venue": [self._venue_group(clause, hit)]}
                candidates = by_place[where]
                target = [i for group in candidates for i in self._flat(group, on)]
                if target:
                    break
            if not target and ba is not None:
                target = self._flat(ba, on)
        source = prefer_persons(source, self.actors)
        target = [i for i in prefer_persons(target, self.actors) if i not in source]
        if pattern.distributive and len(target) > 1:
            return [Parties(tuple(source), (t,)) for t in target]
        return [Parties(tuple(source), tuple(target))]

    def _venue_group(self, clause: Clause, hit: TriggerHit) -> Group | None:
        """The country a visit went to: 訪問越南, or the country of 訪問北京's Beijing."""
        venues = []
        for party in self.parties:
            if not party.venue or party.topic or not clause.holds(party.start, party.end):
                continue
            country = self.actors.country_of(party.ids[0]) if self.actors.type_of(party.ids[0]) in ("country", "place") else None
            if country:
                venues.append((party, country))
        venues.sort(key=lambda pair: (pair[0].start < hit.start, self.actors.type_of(pair[0].ids[0]) != "country", abs(pair[0].start - hit.end)))
        return Group([venues[0][0]], [[venues[0][1]]]) if venues else None

    # -- where ---------------------------------------------------------------------------
    def places(self, hit: TriggerHit, own_clause: bool = False) -> list[str]:
        """Where the trigger's event happened: 在/於 X, X峰會, a caption's "日本東京，", cities first."""
        chosen: list[Party] = []
        for party in self.parties:
            if not party.venue or not party.locates:
                continue
            in_clause = hit.clause.holds(party.start, party.end)
            if own_clause and not in_clause:
                continue
            if in_clause and self._locates(party, hit):
                chosen.append(party)
            elif not in_clause and party.end <= hit.start and (self._caption_clause(party) or self._carried_place(party, hit)):
                chosen.append(party)
        # A place that only names a forum comes last (在西安同來華出席中國－中亞峰會的…會談: Xi'an,
        # not Central Asia); then cities before countries, the inner place of a run before the
        # one holding it (湖北武漢: Wuhan), then the nearest.
        chosen.sort(key=lambda p: (
            not hit.clause.holds(p.start, p.end), self.folded.startswith(self.lexicon.venue_nouns, p.end),
            self.actors.type_of(p.ids[0]) != "place", self._place_right_after(p, self.parties) is not None, abs(p.start - hit.start),
        ))
        return [p.ids[0] for p in chosen]

    def _carried_place(self, party: Party, hit: TriggerHit) -> bool:
        """在慶州，舉行會談: a 在-place of an earlier clause locates the events after it, but not
        when it modifies an event noun of its own (取消在匈牙利的會談，原因是雙方談判…: the
        talks in Hungary were cancelled, the negotiation is not placed there)."""
        if not self._after_locative(party):
            return False
        end = party.end
        # Parties are in order of their starts: none before ``end`` can continue the run, and
        # once one starts past it, none after can.
        for other in self.parties[bisect.bisect_left(self._span_starts, end) :]:
            if other.start > end:
                break
            if other.start == end and other.venue:
                end = other.end  # 在韓國釜山的
        if not self.folded.startswith("的", end):
            return True
        return not any(end < other.start <= end + 4 and other is not hit for other in self.hits)

    def _after_locative(self, party: Party) -> bool:
        """在韓國釜山: the place and any country written before it after 在 (once per party:
        every trigger after it asks)."""
        if party.start not in self._locatives:
            self._locatives[party.start] = self._reads_after_locative(party)
        return self._locatives[party.start]

    def _reads_after_locative(self, party: Party) -> bool:
        first = party
        for other in self._ended_before(party, self.parties):
            if self._adjoins(other, first) and other.venue:
                first = other
            else:
                break
        clause = self.layout.clause_at(party.start)
        return marker_role(self._plain(clause.start, first.start), self.lexicon) == "locative"

    def _locates(self, party: Party, hit: TriggerHit) -> bool:
        if self._after_locative(party):
            return True
        if hit.group.mode == "visit" and 0 <= party.start - hit.end <= 4:
            return True  # 訪問北京, 抵達越南河內
        if party.end <= hit.start:
            between = self.folded[party.end : hit.start]
            for other in self.parties:
                if party.end <= other.start and other.end <= hit.start:
                    between = between.replace(self.folded[other.start : other.end], "")
            if len(between.strip("的 ")) <= 2:
                return True  # 河內峰會, 釜山川習會
        return self.folded.startswith(self.lexicon.venue_nouns, party.end)

    def _caption_clause(self, party: Party) -> bool:
        """A clause that names only places (日本東京，/ 美國阿拉斯加州安克雷奇市，) sets the scene.
        Asked by every trigger after the party: worked out once per party."""
        if party.start not in self._captions:
            self._captions[party.start] = self._reads_as_caption(party)
        return self._captions[party.start]

    def _reads_as_caption(self, party: Party) -> bool:
        clause = self.layout.clause_at(party.start)
        text = self._plain(clause.start, clause.end)
        within = self.parties[bisect.bisect_left(self._span_starts, clause.start) : bisect.bisect_right(self._span_starts, clause.end)]
        for other in within:
            if clause.holds(other.start, other.end) and other.venue:
                text = text.replace(self.folded[other.start : other.end], "")
        if self._time_index is None:
            self._time_index = SpanIndex(self.time_spans, lambda span: span)
        for start, end in self._time_index.within(clause.start, clause.end):  # those the clause holds, in order
            text = text.replace(self.folded[start:end], "")
        text = _consume(text.strip(_PLACE_SUFFIXES), self.lexicon.venue_nouns)
        return len(text.strip(_PLACE_SUFFIXES)) <= 1
