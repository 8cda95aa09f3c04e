"""Finding trigger words in a sentence and keeping those whose conditions hold.

One Aho-Corasick automaton over every folded trigger word; a match becomes a ``TriggerHit``
when its word's conditions hold (``needs``, ``after_short_form``, ...). Where matches overlap
the longest wins, so 雙邊會談 is one trigger, not also 會談.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cache
from typing import Sequence

from summitry.events.layout import Clause, SentenceLayout
from summitry.events.lexicon import CooperationTalk, Cue, EventLexicon, Need, TriggerGroup
from summitry.model import Mention
from summitry.wordindex import WordIndex


@dataclass(frozen=True)
class TriggerHit:
    group: TriggerGroup
    cue: Cue
    start: int
    end: int
    clause: Clause
    anaphoric: bool = False  # 此次訪問: refers to an event already reported
    phrase_end: int = 0  # end of the needed word after the trigger (取消…軍演), else ``end``
    willed: bool = False  # a noun of cooperation a side's will governs (中方願…深化合作): a plan


@cache
def _trigger_words(lexicon: EventLexicon) -> WordIndex[tuple[TriggerGroup, Cue]]:
    return WordIndex((cue.word, (group, cue)) for group in lexicon.groups for cue in group.cues)


def _need_met(folded: str, need: Need | None, start: int, end: int, clause: Clause) -> bool:
    """Whether the clause holds one of the need's words where it says (no need: met)."""
    if need is None:
        return True
    if need.where == "after":
        window = (end, min(clause.end, end + need.reach))
    elif need.where == "onward":  # after it, past commas, to the sentence's end (致电普京，祝贺…)
        stop = min((p for mark in "。！？!?\n" if (p := folded.find(mark, end, end + need.reach)) != -1), default=end + need.reach)
        window = (end, stop)
    elif need.where == "before":
        window = (max(clause.start, start - need.reach), start)
    else:
        window = (max(clause.start, start - need.reach), min(clause.end, end + need.reach))
    text = folded[window[0] : window[1]]
    return any(word in text for word in need.words)


def _phrase_end(folded: str, cue: Cue, end: int, clause: Clause) -> int:
    """Where the trigger's phrase ends: after its needed word when that follows (解除…制裁)."""
    need = cue.needs
    if need is None or need.where != "after":
        return end
    window_end = min(clause.end, end + need.reach)
    found = [folded.find(word, end, window_end) for word in need.words]
    positions = [(p, len(w)) for p, w in zip(found, need.words) if p != -1]
    return min(positions)[0] + min(positions)[1] if positions else end


_MODIFIER_REACH = 6
_PHRASE_BREAKS = set("，,；;：:。！？!?「」『』()")
# A complement, an aspect mark or a measure word after the trigger shows 的 belongs to its
# object (提升至新的高度, 達成一項為期一年的協議, 奉上了…的稀土), not to a noun it modifies.
# So does a number (提出每年需要50億美元的費用: an amount opens the object).
_OBJECT_SIGNS = set("至为到给向于在了一个项份些条次场0123456789")


class MentionIndex:
    """What find_triggers asks of a document's mentions, built once per document."""

    def __init__(self, mentions: Sequence[Mention]) -> None:
        self.short_form_ends = {m.end for m in mentions if m.how in ("short_form", "compound")}
        self.starts = {m.start for m in mentions}
        spans = sorted((m.start, m.end) for m in mentions)
        self._span_starts = [a for a, _ in spans]
        self._furthest: list[int] = []  # furthest end among the first i+1 spans
        for _, b in spans:
            self._furthest.append(b if not self._furthest else max(self._furthest[-1], b))

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some mention (a, b) has a < end and start < b."""
        count = bisect.bisect_left(self._span_starts, end)
        return count > 0 and self._furthest[count - 1] > start


def _modifier(folded: str, phrase_end: int, mentions: tuple[Mention, ...] | MentionIndex, allowed: tuple[str, ...]) -> bool:
    """達成協議的責任, 解除制裁的籌碼: the phrase only describes a noun; no event is reported.

    Not so when the noun after 的 is a party (會晤的美國總統川普) or a time (會談的同時), or
    when a party stands before 的 (奉上了美國最需要的稀土: 的 belongs to the object).
    """
    mention_starts = mentions.starts if isinstance(mentions, MentionIndex) else {m.start for m in mentions}
    for index in range(phrase_end, min(len(folded), phrase_end + _MODIFIER_REACH)):
        char = folded[index]
        if char in _PHRASE_BREAKS or char in _OBJECT_SIGNS or index in mention_starts:
            return False
        if char == "的":
            head = index + 1
            while head < len(folded) and folded[head] == " ":
                head += 1  # 最先進的 GE 航空發動機: a space may stand before a Latin name
            return head not in mention_starts and not folded.startswith(allowed, head)
    return False


_ASKED_REACH = 8


def _asked_for(folded: str, verbs: tuple[str, ...], start: int, clause: Clause) -> bool:
    """建議他感謝特朗普, 呼籲各方讚揚…: the act is only asked for of someone; none took place."""
    before = folded[max(clause.start, start - _ASKED_REACH) : start]
    return any(verb in before for verb in verbs)


def _last_cue(folded: str, cues: tuple[Cue, ...], start: int, end: int) -> int:
    """Where the last of the cues written in [start, end) begins, -1 when none is."""
    last = -1
    for cue in cues:
        position = folded.rfind(cue.word, start, end)
        while position != -1 and not cue.fits(folded, position):
            position = folded.rfind(cue.word, start, position)
        last = max(last, position)
    return last


def _only_talk(folded: str, sentence_start: int, clause_start: int, start: int, talk: CooperationTalk) -> bool:
    """相信此訪將深化務實合作, 中印有必要加強經貿合作, 近年來…不斷擴大交流合作: cooperation named
    in an opinion, a need, a topic or a description of relations, not an act a side wills
    (中方願同美方加強合作, 雙方同意深化合作). A frame nearer than any will decides; a background
    word in the sentence, or a word of manner in the noun's clause, when no will stands before."""
    will = max(_last_cue(folded, talk.will, sentence_start, start), _last_cue(folded, talk.signed, sentence_start, start))
    frame = _last_cue(folded, talk.frames, sentence_start, start)
    if frame > will:
        return True
    if will != -1:
        return False
    return _last_cue(folded, talk.background, sentence_start, start) != -1 or _last_cue(folded, talk.manner, clause_start, start) != -1


def _anaphoric(folded: str, start: int, clause: Clause, anaphora: tuple[str, ...], reach: int) -> bool:
    """此次訪問, 這次與習近平會晤, 這次「川習會」: a demonstrative shortly before, in the clause."""
    before = folded[max(clause.start, start - reach) : start]
    return any(word in before for word in anaphora)


@dataclass(frozen=True)
class SentenceTriggers:
    """The triggers of one sentence that report events, and those another trigger of their
    clause replaced: a replaced verb still takes its object (進口美國貨品 under 加徵關稅), so
    the party after it is no subject of anything."""

    kept: list[TriggerHit]
    suppressed: list[TriggerHit]


def find_triggers(
    folded: str,
    layout: SentenceLayout,
    mentions: tuple[Mention, ...],
    lexicon: EventLexicon,
    index: MentionIndex | None = None,
) -> list[TriggerHit]:
    """The triggers of one sentence, longest match first where they overlap, in text order.

    ``index`` is ``MentionIndex(mentions)``, passed in when the caller reads many sentences.
    """
    return find_sentence_triggers(folded, layout, mentions, lexicon, index).kept


def find_sentence_triggers(
    folded: str,
    layout: SentenceLayout,
    mentions: tuple[Mention, ...],
    lexicon: EventLexicon,
    index: MentionIndex | None = None,
) -> SentenceTriggers:
    """find_triggers, with the triggers a suppressing trigger of their clause replaced."""
    sentence = layout.sentence
    if index is None:
        index = MentionIndex(mentions)
    short_form_ends = index.short_form_ends
    mention_starts = index.starts
    hits: list[TriggerHit] = []
    for start, end, entries in _trigger_words(lexicon).find(folded, sentence.start, sentence.end):
        if index.overlaps(start, end) or layout.in_brackets(start, end):
            continue  # part of a name (會 in 以色列議會), or an aside in brackets
        clause = layout.clause_at(start)
        for group, cue in entries:
            if not cue.fits(folded, start):
                continue
            if cue.after_short_form and start not in short_form_ends:
                continue
            if cue.object_adjacent and end not in mention_starts:
                continue
            if not _need_met(folded, cue.needs, start, end, clause):
                continue
            if cue.unless is not None and _need_met(folded, cue.unless, start, end, clause):
                continue  # 簽署行政命令: the word names another act
            if _asked_for(folded, group.asked_by, start, clause):
                continue
            willed = False
            if group.nominal and lexicon.cooperation_talk:
                if _only_talk(folded, sentence.start, clause.start, start, lexicon.cooperation_talk):
                    continue
                talk = lexicon.cooperation_talk
                willed = _last_cue(folded, talk.will, sentence.start, start) > _last_cue(folded, talk.signed, sentence.start, start)
            phrase_end = _phrase_end(folded, cue, end, clause)
            if _modifier(folded, phrase_end, index, lexicon.arguments.modifier_heads_allowed):
                continue
            anaphoric = _anaphoric(folded, start, clause, lexicon.arguments.anaphora, lexicon.arguments.anaphora_reach)
            hits.append(TriggerHit(group, cue, start, end, clause, anaphoric, phrase_end, willed))
    return _resolve(hits, _suppression_scopes(folded, layout, lexicon.elaborations) if hits else {})


def _suppression_scopes(folded: str, layout: SentenceLayout, elaborations: tuple[str, ...]) -> dict[Clause, Clause]:
    """Each clause's scope of suppression: its own, or for a clause that opens with a list of
    what the clause before names (…，包括…), the scope of that clause."""
    scopes: dict[Clause, Clause] = {}
    previous: Clause | None = None
    for clause in layout.clauses:
        opening = folded[clause.start : clause.end].lstrip(" ，,；;")
        scopes[clause] = scopes[previous] if previous is not None and opening.startswith(elaborations) else clause
        previous = clause
    return scopes


def _resolve(hits: list[TriggerHit], scopes: dict[Clause, Clause] | None = None) -> SentenceTriggers:
    """Longest of overlapping matches; suppressed and lonely-only groups removed per clause
    (the suppressed ones returned apart). ``scopes`` widens a clause's suppression to the list
    that follows it (…，包括…)."""
    if not hits:
        return SentenceTriggers([], [])
    scopes = scopes or {}
    kept = [
        hit
        for hit in hits
        if not any(
            other.start <= hit.start and hit.end <= other.end and other.end - other.start > hit.end - hit.start
            for other in hits
        )
    ]
    # One word matched by two groups of one type (合作 after 安保 and bare 合作): the group
    # whose word needed a second word is the more specific reading, and the only one kept. A
    # body's summit (G20峰會舉行) reads other parties than a summit of two sides (川金峰會): both stay.
    kept = [
        hit
        for hit in kept
        if hit.cue.needs is not None
        or not any(
            other.start == hit.start and other.end == hit.end and other.group.type == hit.group.type
            and other.cue.needs is not None and other.group.pattern.bodies == hit.group.pattern.bodies
            for other in kept
        )
    ]
    suppressed = {
        (scopes.get(hit.clause, hit.clause), key)
        for hit in kept
        for key in hit.group.suppresses
    }
    absorbed = [(hit.end, set(hit.group.absorbs_later)) for hit in kept if hit.group.absorbs_later]
    result = []
    replaced = []
    for hit in kept:
        later = any(hit.start >= end and (hit.group.key in keys or (hit.group.type, None) in keys) for end, keys in absorbed)
        scope = scopes.get(hit.clause, hit.clause)
        if later or (scope, hit.group.key) in suppressed or (scope, (hit.group.type, None)) in suppressed:
            replaced.append(hit)
            continue
        if hit.cue.only_alone and any(o.clause == hit.clause and not o.cue.only_alone for o in kept if o is not hit):
            continue
        result.append(hit)
    result.sort(key=lambda hit: (hit.start, hit.end))
    return SentenceTriggers(result, replaced)
