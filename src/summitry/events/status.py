"""Whether an event happened, and who says so.

Status cues (status.yaml) are read only before the trigger and only within their scope:
a clause for 沒有/將/可能, the sentence for 如果/否認. A verb of saying before the trigger
(川普表示…) or a quotation around it (「…」) makes the event that speaker's claim.
Precedence: negated > hypothetical > planned > claimed > reported.
"""

from __future__ import annotations

from dataclasses import dataclass

from summitry.events.arguments import Group, SentenceActors
from summitry.events.layout import Quotation
from summitry.events.lexicon import Cue, StatusLexicon
from summitry.events.triggers import TriggerHit

STATUS_ORDER = ("negated", "hypothetical", "planned", "claimed", "reported")


@dataclass(frozen=True)
class Attribution:
    status: str
    claimed_by: str | None
    speaker: str | None  # who speaks the quotation the trigger stands in, if any
    speakers: tuple[str, ...] = ()  # every entity the speaking party stands for (雙方)


def _find(folded: str, cues: tuple[Cue, ...], start: int, end: int, blocked: list[tuple[int, int]]) -> list[tuple[int, Cue]]:
    """Occurrences of cues inside [start, end), longest cue first, none inside ``blocked``."""
    found: list[tuple[int, Cue]] = []
    taken: list[tuple[int, int]] = []
    for cue in cues:
        position = folded.find(cue.word, start, end)
        while position != -1:
            span = (position, position + len(cue.word))
            clear = not any(a < span[1] and span[0] < b for a, b in taken + blocked)
            if clear and span[1] <= end and cue.fits(folded, position):
                found.append((position, cue))
                taken.append(span)
            position = folded.find(cue.word, position + 1, end)
    return sorted(found, key=lambda item: item[0])


class Attributor:
    """Status and claimant for the triggers of one sentence."""

    def __init__(self, folded: str, actors: SentenceActors, lexicon: StatusLexicon) -> None:
        self.folded = folded
        self.actors = actors
        self.lexicon = lexicon
        self.layout = actors.layout
        self.blocked = [(p.start, p.end) for p in actors.parties]

    def _blocked_for(self, hit: TriggerHit) -> list[tuple[int, int]]:
        return self.blocked + [(hit.start, hit.end)]

    def _cue_before(self, cues: tuple[Cue, ...], hit: TriggerHit, scope_start: int, reach: int | None) -> bool:
        start = scope_start if reach is None else max(scope_start, hit.start - reach)
        for position, cue in _find(self.folded, cues, start, hit.start, self._blocked_for(hit)):
            if cue.ba_check and self._party_at(position + len(cue.word)):
                continue  # 將特朗普奉為…: 將 marks the object, not the future
            return True
        return False

    def _party_at(self, offset: int) -> bool:
        return any(p.start == offset for p in self.actors.parties)

    def _scope_start(self, hit: TriggerHit) -> int:
        quotation = self.layout.quotation_at(hit.start)
        return max(hit.clause.start, quotation.open + 1 if quotation and quotation.speech else hit.clause.start)

    def attribute(self, hit: TriggerHit) -> Attribution:
        sentence_start = self.layout.sentence.start
        quotation = self.layout.quotation_at(hit.start)
        if quotation is not None and not quotation.speech:
            quotation = None
        inner_start = quotation.open + 1 if quotation else sentence_start
        clause_start = self._scope_start(hit)
        speaker_group, claimed = self._speaker(hit, quotation)
        speakers = tuple(speaker_group.ids) if speaker_group else ()
        denied, denier = self._denial(hit, inner_start)
        if denied or self._cue_before(self.lexicon.negated, hit, clause_start, self.lexicon.negated_reach):
            status = "negated"
        elif self._cue_before(self.lexicon.hypothetical, hit, inner_start, None) or self._cue_before(
            self.lexicon.possible, hit, clause_start, self.lexicon.possible_reach
        ):
            status = "hypothetical"
        elif self._cue_before(self.lexicon.planned, hit, clause_start, self.lexicon.planned_reach):
            status = "planned"
        elif claimed:
            status = "claimed"
        else:
            status = "reported"
        claimant = denier or (speakers[0] if speakers else None)
        speaker = speakers[0] if quotation is not None and speakers else None
        return Attribution(status, claimant, speaker, speakers)

    # -- who speaks --------------------------------------------------------------------
    def _speaker(self, hit: TriggerHit, quotation: Quotation | None) -> tuple[Group | None, bool]:
        """The party whose words the event is reported in, and whether it is a claim at all."""
        if quotation is not None:
            return self._quotation_speaker(quotation, hit), True
        sentence_start = self.layout.sentence.start
        according = self._according_to(hit)
        if according is not None:
            return according, True
        verbs = _find(self.folded, self.lexicon.reporting, sentence_start, hit.start, self._blocked_for(hit))
        verbs = [(p, c) for p, c in verbs if not self._inside_other_quotation(p, hit)]
        if verbs:
            position, _ = verbs[-1]
            return self._party_before(position) or self.actors.topic(hit), True
        if any(self.folded.find(word, sentence_start, hit.start) != -1 for word in self.lexicon.unattributed):
            return None, True
        return None, False

    def _inside_other_quotation(self, position: int, hit: TriggerHit) -> bool:
        quotation = self.layout.quotation_at(position)
        return quotation is not None and quotation.speech and not quotation.holds(hit.start)

    def _party_before(self, position: int) -> Group | None:
        clause = self.layout.clause_at(position)
        groups = [g for g in self.actors.groups if g.end <= position and g.start >= clause.start and g.role is None]
        return groups[-1] if groups else None

    def _quotation_speaker(self, quotation: Quotation, hit: TriggerHit) -> Group | None:
        """X說「…」, X表示：「…」 or 「…」X說; failing those, the sentence's topic."""
        sentence = self.layout.sentence
        before = self.folded[sentence.start : quotation.open].rstrip(" ，,：:")
        for position, cue in reversed(_find(self.folded, self.lexicon.reporting, sentence.start, quotation.open, self.blocked)):
            if before.endswith(cue.word) or self.folded[position + len(cue.word) : quotation.open].strip(" ，,：:") == "":
                speaker = self._party_before(position) or self.actors.topic(hit)
                if speaker is not None:
                    return speaker
        after_start = quotation.close + 1
        for group in self.actors.groups:
            if group.start >= after_start and group.role is None:
                tail = self.folded[group.end : group.end + 8]
                if any(tail.lstrip(" ").startswith(cue.word) for cue in self.lexicon.reporting):
                    return group
                break
        return self.actors.topic(hit)

    def _according_to(self, hit: TriggerHit) -> Group | None:
        """根據川普的說法，…: the party between the two words speaks."""
        sentence_start = self.layout.sentence.start
        for group in self.actors.groups:
            if group.end > hit.start:
                break
            if group.start < sentence_start:
                continue
            head = self.folded[max(sentence_start, group.start - 3) : group.start]
            tail = self.folded[group.end : group.end + 4]
            if any(head.endswith(word) for word in self.lexicon.according_before) and any(
                tail.startswith(word) for word in self.lexicon.according_after
            ):
                return group
        return None

    def _denial(self, hit: TriggerHit, scope_start: int) -> tuple[bool, str | None]:
        """白宮否認…: whether a denial governs the trigger, and who denies."""
        denials = _find(self.folded, self.lexicon.denied, scope_start, hit.start, self._blocked_for(hit))
        if not denials:
            return False, None
        party = self._party_before(denials[-1][0]) or self.actors.topic(hit)
        return True, (party.ids[0] if party and party.ids else None)
