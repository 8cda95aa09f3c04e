"""Who did what to whom: the parties of a trigger, read from the actors around it.

The actor mentions of a sentence are gathered into *groups*: mentions joined by 、/和/與,
or by a title (日本首相高市早苗 is one party: the person wins over her country). Each group
gets a role from the word before it (與 comitative, 向/對 prep, 被 passive, 將 ba-object,
在/於 locative). A trigger's pattern (triggers.yaml) then says which groups are its source
and its target. No parser: word order and these small words carry the roles in news prose.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Callable, Mapping

from summitry.actors.kb import KnowledgeBase
from summitry.events.layout import Clause, SentenceLayout
from summitry.events.lexicon import ArgumentLexicon, ArgumentPattern
from summitry.events.triggers import TriggerHit
from summitry.model import Entity, Mention

_OBJECT_REACH = 8
_SHORT_FORMS = ("short_form", "compound")  # the linker's `how` for 美, 中 in 美中, 訪美
_MARKER_ORDER = ("passive", "ba", "prep", "comitative", "locative")


@dataclass(frozen=True)
class Party:
    """One actor slot in the text: a mention, or a pronoun/雙方 standing for mentioned actors."""

    start: int
    end: int
    ids: tuple[str, ...]
    kind: str = "mention"  # mention, short_form, pronoun, both_sides
    venue: bool = False


@dataclass
class Group:
    """Coordinated parties (柬埔寨和泰國) with the role the word before them gives."""

    parties: list[Party]
    sides: list[list[str]] = field(default_factory=list)  # split at comitative joiners
    role: str | None = None
    leader: bool = False

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


class ActorIndex:
    """The document's actors, as event rules need them: types, countries, leaders by date."""

    def __init__(self, mentions: tuple[Mention, ...], entities: Mapping[str, Entity], kb: KnowledgeBase) -> None:
        self.entities = entities
        self.kb = kb
        ordered = sorted(mentions, key=lambda m: (m.start, -(m.end - m.start)))
        kept: list[Mention] = []
        for mention in ordered:
            if any(k.start <= mention.start and mention.end <= k.end for k in kept):
                continue  # 朝 inside 朝領導人: the longer mention already names the actor
            kept.append(mention)
        self.mentions = tuple(kept)

    def type_of(self, entity_id: str) -> str:
        entity = self.entities.get(entity_id)
        return entity.type if entity else "person"

    def country_of(self, entity_id: str) -> str | None:
        entity = self.entities.get(entity_id)
        if entity is None:
            return None
        return entity.id if entity.type == "country" else entity.country

    def side_key(self, entity_id: str) -> str:
        return self.country_of(entity_id) or entity_id

    def name(self, entity_id: str) -> str:
        entity = self.entities.get(entity_id)
        return entity.name if entity else entity_id

    def leader(self, country: str, roles: tuple[str, ...], on: dt.date | None) -> str | None:
        if on is None or self.type_of(country) != "country":
            return None
        holders = self.kb.holders(country, roles, on)
        return holders[0].id if holders else None


def prefer_persons(ids: list[str], actors: ActorIndex) -> list[str]:
    """Drop a country when a person of it stands on the same side (日本首相高市早苗 -> Takaichi)."""
    countries_with_person = {actors.country_of(i) for i in ids if actors.type_of(i) == "person"}
    unique = list(dict.fromkeys(ids))
    return [i for i in unique if not (actors.type_of(i) == "country" and i in countries_with_person)]


def _strip_brackets(folded: str, start: int, end: int, layout: SentenceLayout) -> str:
    return "".join(folded[i] for i in range(start, end) if not layout.in_brackets(i, i + 1)).strip(" \u3000")


def _consume(text: str, words: tuple[str, ...]) -> str:
    for word in words:
        if text.startswith(word):
            return text[len(word) :]
    return text


class SentenceActors:
    """The groups of one sentence, and the rules that pick a trigger's parties from them."""

    def __init__(
        self,
        folded: str,
        layout: SentenceLayout,
        actors: ActorIndex,
        lexicon: ArgumentLexicon,
        titles: tuple[str, ...],
        resolve_pronoun: Callable[[int], str | None],
        resolve_both_sides: Callable[[str], tuple[str, ...]],
        on: dt.date | None,
    ) -> None:
        self.folded = folded
        self.layout = layout
        self.actors = actors
        self.lexicon = lexicon
        self.titles = titles
        self.on = on
        sentence = layout.sentence
        parties = [
            Party(m.start, m.end, (m.entity_id,), "short_form" if m.how in _SHORT_FORMS else "mention")
            for m in actors.mentions
            if sentence.start <= m.start and m.end <= sentence.end and not layout.in_brackets(m.start, m.end)
        ]
        parties += self._pronouns(resolve_pronoun, parties)
        parties += self._both_sides(resolve_both_sides, parties)
        parties.sort(key=lambda p: p.start)
        self.parties = [self._with_venue(p, parties) for p in parties]
        self.groups = self._groups()

    # -- parties -----------------------------------------------------------------------
    def _free(self, start: int, end: int, parties: list[Party]) -> bool:
        return not any(p.start < end and start < p.end for p in parties) and not self.layout.in_brackets(start, end)

    def _pronouns(self, resolve: Callable[[int], str | None], parties: list[Party]) -> list[Party]:
        found = []
        sentence = self.layout.sentence
        for index in range(sentence.start, sentence.end):
            for cue in self.lexicon.pronouns:
                if self.folded.startswith(cue.word, index) and cue.fits(self.folded, index):
                    end = index + len(cue.word)
                    person = resolve(index)
                    if person and self._free(index, end, parties + found):
                        found.append(Party(index, end, (person,), "pronoun"))
                    break
        return found

    def _both_sides(self, resolve: Callable[[str], tuple[str, ...]], parties: list[Party]) -> list[Party]:
        found = []
        sentence = self.layout.sentence
        for word, kind in self.lexicon.both_sides.items():
            start = self.folded.find(word, sentence.start, sentence.end)
            while start != -1:
                end = start + len(word)
                ids = resolve(kind)
                if ids and self._free(start, end, parties + found):
                    found.append(Party(start, end, ids, "both_sides"))
                start = self.folded.find(word, end, sentence.end)
        return found

    def _with_venue(self, party: Party, parties: list[Party]) -> Party:
        """Places are never parties; a country or body is a venue after 在/於 or before 峰會."""
        if party.kind not in ("mention", "short_form") or len(party.ids) != 1:
            return party
        kind = self.actors.type_of(party.ids[0])
        if kind == "place":
            return Party(party.start, party.end, party.ids, party.kind, True)
        if kind == "person":
            return party
        before = self._text_before(party, parties)
        if any(before.endswith(word) for word in self.lexicon.markers["locative"]):
            return Party(party.start, party.end, party.ids, party.kind, True)
        following = next((p for p in parties if p.start >= party.end), None)
        if following is not None and following.start == party.end and following.kind == "mention" and self.actors.type_of(following.ids[0]) == "place":
            return Party(party.start, party.end, party.ids, party.kind, True)  # 日本東京, 馬來西亞吉隆坡
        if party.kind == "mention" and self.folded.startswith(self.lexicon.venue_nouns, party.end):
            return Party(party.start, party.end, party.ids, party.kind, True)  # 新加坡峰會, APEC峰會
        return party

    def _text_before(self, party: Party, parties: list[Party]) -> str:
        clause = self.layout.clause_at(party.start)
        previous_end = max([p.end for p in parties if p.end <= party.start and p.start >= clause.start] + [clause.start])
        return _strip_brackets(self.folded, previous_end, party.start, self.layout)

    # -- groups ------------------------------------------------------------------------
    def _glue(self, gap: str) -> tuple[bool, str | None]:
        """Whether a gap keeps two parties in one group, and the joiner it holds."""
        rest = _consume(gap, self.lexicon.party_suffixes)
        joiner = next((j for j in self.lexicon.joiners if rest.startswith(j)), None)
        if joiner:
            rest = rest[len(joiner) :]
        rest = _consume(rest, self.lexicon.title_prefixes)
        rest = _consume(rest, self.titles)
        return rest == "", joiner

    def _groups(self) -> list[Group]:
        groups: list[Group] = []
        for party in self.parties:
            if party.venue:
                continue
            current = groups[-1] if groups else None
            if current is not None and self.layout.clause_at(current.end - 1) == self.layout.clause_at(party.start):
                gap = _strip_brackets(self.folded, current.end, party.start, self.layout)
                glued, joiner = self._glue(gap)
                if glued and not any(p.venue and current.end <= p.start < party.start for p in self.parties):
                    current.parties.append(party)
                    if joiner:
                        current.sides.append(list(party.ids))
                    else:
                        current.sides[-1].extend(party.ids)
                    continue
            groups.append(Group([party], [list(party.ids)], self._role(party)))
        for group in groups:
            group.sides = [prefer_persons(side, self.actors) for side in group.sides]
            group.leader = self._leader_word_after(group)
        return groups

    def _role(self, party: Party) -> str | None:
        before = self._text_before(party, self.parties)
        for role in _MARKER_ORDER:
            if any(before.endswith(word) for word in self.lexicon.markers[role]):
                return role
        return None

    def _leader_word_after(self, group: Group) -> bool:
        after = self.folded[group.end : group.end + 6].lstrip(" ")
        last = self.folded[group.parties[-1].start : group.end]
        return after.startswith(self.lexicon.leader_words) or last.endswith(self.lexicon.leader_words)

    def ids_of(self, group: Group, on: dt.date | None) -> list[list[str]]:
        """The group's sides, countries standing for their leaders where a leader word follows."""
        if not group.leader:
            return group.sides
        sides = []
        for side in group.sides:
            mapped = [self.actors.leader(i, self.lexicon.leader_roles, on) or i for i in side]
            sides.append(prefer_persons(mapped, self.actors))
        return sides

    # -- roles around a trigger --------------------------------------------------------
    def topic(self, hit: TriggerHit) -> Group | None:
        """The sentence's first plain party: the subject a clause without one inherits."""
        plain = [g for g in self.groups if g.role is None]
        before = [g for g in plain if g.end <= hit.start]
        return (before or plain or [None])[0]

    def parties_for(self, hit: TriggerHit, pattern: ArgumentPattern, speaker: str | None, on: dt.date | None) -> list[Parties]:
        """Source and target of one trigger (several pairs when the pattern is distributive)."""
        clause = hit.clause
        in_clause = [g for g in self.groups if clause.holds(g.start, g.end)]
        before = [g for g in in_clause if g.end <= hit.start]
        after = [g for g in in_clause if g.start >= hit.end]
        subject = self._subject(before)
        passive = next((g for g in reversed(before) if g.role == "passive"), None)
        prep = next((g for g in reversed(before) if g.role == "prep"), None)
        ba = next((g for g in reversed(before) if g.role == "ba"), None)
        comitatives = [g for g in before if g.role == "comitative"]
        obj = next((g for g in after if g.role in (None, "ba") and self._near_after(hit, g)), None)
        relative_head = obj if obj is not None and self.folded[hit.end : obj.start].lstrip(" 了").startswith("的") else None
        if pattern.attached:
            subject = self._attached(hit, before)
            if subject is None and not comitatives:
                return []
        if relative_head is not None:
            obj = None
            subject = subject or relative_head
        if subject is None and passive is None:
            wants_topic = pattern.topic == "always" or (pattern.topic == "comitative" and (comitatives or obj))
            if speaker and wants_topic and self.layout.quotation_at(hit.start):
                subject = Group([Party(hit.start, hit.start, (speaker,), "pronoun")], [[speaker]])
            elif wants_topic:
                topic = self.topic(hit)
                if topic is not None and topic not in comitatives and topic is not obj and topic is not prep:
                    subject = topic
        if pattern.symmetric:
            return self._symmetric(pattern, subject, comitatives, obj, prep, ba, on)
        return self._directed(hit, pattern, subject, passive, comitatives, obj, prep, ba, clause, on)

    def _subject(self, before: list[Group]) -> Group | None:
        """The nearest plain group before the trigger; 美韓 in 美韓關稅爭端 only when nothing else.

        The linker accepts a run of one-character short forms only before a noun (同盟, 關稅,
        會), so such a group usually modifies a noun rather than acts.
        """
        plain = [g for g in before if g.role is None]
        named = [g for g in plain if any(p.kind != "short_form" for p in g.parties)]
        return (named or plain or [None])[-1]

    def _near_after(self, hit: TriggerHit, group: Group) -> bool:
        gap = self.folded[hit.end : group.start]
        return len(gap) <= _OBJECT_REACH

    def _attached(self, hit: TriggerHit, before: list[Group]) -> Group | None:
        """The group written right before a summit noun (美俄阿拉斯加峰會, 川習會)."""
        if not before:
            return None
        group = before[-1]
        gap = self.folded[group.end : hit.start]
        venues = [p for p in self.parties if p.venue and group.end <= p.start and p.end <= hit.start]
        for venue in venues:
            gap = gap.replace(self.folded[venue.start : venue.end], "")
        gap = gap.strip("的 ")
        for word in self.lexicon.leader_words:
            gap = gap.replace(word, "")
        return group if len(gap) <= 2 and group.role in (None, "comitative") else None

    def _symmetric(self, pattern, subject, comitatives, obj, prep, ba, on) -> list[Parties]:
        sides: list[list[str]] = []
        for group in [subject, *comitatives] + ([obj] if "object" in pattern.target_from else []) + (
            [prep] if "prep" in pattern.target_from else []
        ) + ([ba] if ba else []):
            if group is not None:
                sides.extend(self.ids_of(group, on))
        sides = [side for side in sides if side]
        if not sides:
            return []
        source = sides[0]
        target = [i for side in sides[1:] for i in side if i not in source]
        return [Parties(tuple(source), tuple(dict.fromkeys(target)))]

    def _directed(self, hit, pattern, subject, passive, comitatives, obj, prep, ba, clause: Clause, on) -> list[Parties]:
        if passive is not None:
            source = [i for side in self.ids_of(passive, on) for i in side]
            target = [i for side in self.ids_of(subject, on) for i in side] if subject else []
        else:
            source = [i for side in self.ids_of(subject, on) for i in side] if subject else []
            target = []
            for where in pattern.target_from:
                candidates = {
                    "prep": [prep],
                    "object": [obj],
                    "comitative": comitatives,
                    "venue": [self._venue_group(clause, hit)],
                }[where]
                target = [i for group in candidates if group is not None for side in self.ids_of(group, on) for i in side]
                if target:
                    break
            if not target and ba is not None:
                target = [i for side in self.ids_of(ba, on) for i in side]
        source = prefer_persons(source, self.actors)
        target = [i for i in prefer_persons(target, self.actors) if i not in source]
        if pattern.distributive and len(target) > 1:
            return [Parties(tuple(source), (t,)) for t in target]
        return [Parties(tuple(source), tuple(target))]

    def _venue_group(self, clause: Clause, hit: TriggerHit) -> Group | None:
        venues = [
            p for p in self.parties
            if p.venue and clause.holds(p.start, p.end) and self.actors.type_of(p.ids[0]) == "country"
        ]
        venues.sort(key=lambda p: (p.start < hit.start, abs(p.start - hit.end)))
        return Group([venues[0]], [list(venues[0].ids)]) if venues else None

    def places(self, hit: TriggerHit) -> list[str]:
        """Venue entities of the clause, then of the sentence; cities before countries."""
        def ranked(parties: list[Party]) -> list[str]:
            venues = [p for p in parties if p.venue]
            venues.sort(key=lambda p: (self.actors.type_of(p.ids[0]) != "place", abs(p.start - hit.start)))
            return [p.ids[0] for p in venues]

        in_clause = ranked([p for p in self.parties if hit.clause.holds(p.start, p.end)])
        return in_clause or ranked(self.parties)
