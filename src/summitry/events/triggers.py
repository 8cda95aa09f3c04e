"""Finding trigger words in a sentence and keeping those whose conditions hold.

One Aho-Corasick automaton over every folded trigger word; a match becomes a ``TriggerHit``
when its word's conditions hold (``needs``, ``after_mention``, ...). Where matches overlap
the longest wins, so 雙邊會談 is one trigger, not also 會談.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import ahocorasick

from summitry.events.layout import Clause, SentenceLayout
from summitry.events.lexicon import Cue, EventLexicon, TriggerGroup
from summitry.model import Mention


@dataclass(frozen=True)
class TriggerHit:
    group: TriggerGroup
    cue: Cue
    start: int
    end: int
    clause: Clause
    anaphoric: bool = False  # 此次訪問: refers to an event already reported


@cache
def _automaton(lexicon: EventLexicon) -> ahocorasick.Automaton:
    by_word: dict[str, list[tuple[TriggerGroup, Cue]]] = {}
    for group in lexicon.groups:
        for cue in group.cues:
            by_word.setdefault(cue.word, []).append((group, cue))
    automaton = ahocorasick.Automaton()
    for word, entries in by_word.items():
        automaton.add_word(word, (word, tuple(entries)))
    automaton.make_automaton()
    return automaton


def _need_met(folded: str, cue: Cue, start: int, end: int, clause: Clause) -> bool:
    need = cue.needs
    if need is None:
        return True
    if need.where == "after":
        window = (end, min(clause.end, end + need.reach))
    elif need.where == "before":
        window = (max(clause.start, start - need.reach), start)
    else:
        window = (max(clause.start, start - need.reach), min(clause.end, end + need.reach))
    text = folded[window[0] : window[1]]
    return any(word in text for word in need.words)


def _anaphoric(folded: str, start: int, clause: Clause, anaphora: tuple[str, ...]) -> bool:
    before = folded[max(clause.start, start - 4) : start].rstrip("「『“ ")
    return any(before.endswith(word) for word in anaphora)


def find_triggers(
    folded: str, layout: SentenceLayout, mentions: tuple[Mention, ...], lexicon: EventLexicon
) -> list[TriggerHit]:
    """The triggers of one sentence, longest match first where they overlap, in text order."""
    sentence = layout.sentence
    mention_ends = {m.end for m in mentions}
    mention_starts = {m.start for m in mentions}
    inside_mention = [(m.start, m.end) for m in mentions]
    hits: list[TriggerHit] = []
    for last, (word, entries) in _automaton(lexicon).iter(folded, sentence.start, sentence.end):
        start, end = last - len(word) + 1, last + 1
        if any(a < end and start < b for a, b in inside_mention):
            continue  # part of a name: 會 in 以色列議會 is not a summit
        clause = layout.clause_at(start)
        for group, cue in entries:
            if not cue.fits(folded, start):
                continue
            if cue.after_mention and start not in mention_ends:
                continue
            if cue.object_adjacent and end not in mention_starts:
                continue
            if not _need_met(folded, cue, start, end, clause):
                continue
            hits.append(TriggerHit(group, cue, start, end, clause, _anaphoric(folded, start, clause, lexicon.arguments.anaphora)))
    return _resolve(hits)


def _resolve(hits: list[TriggerHit]) -> list[TriggerHit]:
    """Longest of overlapping matches; suppressed and lonely-only groups removed per clause."""
    kept = [
        hit
        for hit in hits
        if not any(
            other.start <= hit.start and hit.end <= other.end and other.end - other.start > hit.end - hit.start
            for other in hits
        )
    ]
    suppressed = {
        (hit.clause, key)
        for hit in kept
        for key in hit.group.suppresses
    }
    result = []
    for hit in kept:
        if (hit.clause, hit.group.key) in suppressed or (hit.clause, (hit.group.type, None)) in suppressed:
            continue
        if hit.cue.only_alone and any(o.clause == hit.clause and not o.cue.only_alone for o in kept if o is not hit):
            continue
        result.append(hit)
    result.sort(key=lambda hit: (hit.start, hit.end))
    return result
