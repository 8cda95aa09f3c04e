"""Whether an event happened, and who says so.

Status cues (status.yaml) are read only before the trigger and only within their scope:
a clause for 沒有/將/可能, the sentence for 如果/否認. A verb of saying before the trigger
(川普表示…) or a quotation around it (「…」) makes the event that speaker's claim.
Precedence: hypothetical > negated > planned > claimed > reported.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache
from typing import cast

from summitry.events.arguments import Group, SentenceActors
from summitry.events.layout import Quotation, Stretches
from summitry.events.lexicon import Cue, EventLexicon, Need, StatusLexicon
from summitry.events.triggers import TriggerHit
from summitry.model import Status
from summitry.text import fold
from summitry.wordindex import WordIndex

STATUS_ORDER = ("hypothetical", "negated", "planned", "claimed", "reported")
_RESULTATIVES = set("为至成到给入予")
_VERB_CHAIN = 2  # 將X提升為/交給: the verb's result, so 將 is the object marker
_COMPLETION_REACH = 8  # characters before the trigger where 已 marks it done
_CLAUSE_BREAK = re.compile("[，,。；;：:！？!?\n]")  # an invitation frame never spans one
_CONTRASTS = tuple(map(fold, ("但", "卻", "而")))


@dataclass(frozen=True)
class Attribution:
    status: Status
    claimed_by: str | None
    speaker: str | None  # who speaks the quotation the trigger stands in, if any
    speakers: tuple[str, ...] = ()  # every entity the speaking party stands for (雙方)


# Where the cues of one list are written within [start, end): (cue, offset), cue by cue in
# the list's order (longest first) and each cue's offsets ascending.
Written = list[tuple[Cue, int]]
CUE_LISTS = ("hypothetical", "possible", "negated", "denied", "planned", "reporting")


class StatusCueIndex:
    """The words of every status cue list in one Aho-Corasick automaton: one pass over a
    sentence finds the cues of all lists, for all the sentence's triggers."""

    def __init__(self, lexicon: StatusLexicon) -> None:
        self.lists: dict[str, tuple[Cue, ...]] = {kind: getattr(lexicon, kind) for kind in CUE_LISTS}
        # word -> (list, index in the list)
        self.words = WordIndex((cue.word, (kind, index)) for kind, cues in self.lists.items() for index, cue in enumerate(cues))
        self.cue_words = frozenset(cue.word for cues in (lexicon.negated, lexicon.planned) for cue in cues)

    def written(self, folded: str, start: int, end: int) -> dict[str, Written]:
        """Each list's cues written wholly inside [start, end); a list with none is left out."""
        found: dict[str, list[tuple[int, int]]] = {}
        for position, _, where in self.words.find(folded, start, end):
            for kind, index in where:
                found.setdefault(kind, []).append((index, position))
        return {kind: [(self.lists[kind][index], position) for index, position in sorted(pairs)] for kind, pairs in found.items()}


@cache
def status_cue_index(lexicon: EventLexicon) -> StatusCueIndex:
    """The cue index of the process's one lexicon, built on first use."""
    return StatusCueIndex(lexicon.status)


def _find(folded: str, cues: Written, start: int, end: int, blocked: Stretches, trigger: tuple[int, int] | None) -> list[tuple[int, Cue]]:
    """Occurrences of cues inside [start, end), longest cue first, none meeting ``blocked`` or
    the ``trigger``'s own span.

    ``cues`` were found in a span holding [start, end); only those wholly inside it count.
    """
    found: list[tuple[int, Cue]] = []
    taken_starts: list[int] = []
    taken_ends: list[int] = []  # taken cues never overlap, so their ends ascend with their starts
    for cue, position in cues:
        span_end = position + len(cue.word)
        if position < start or span_end > end:
            continue
        if blocked.meets(position, span_end) or trigger is not None and trigger[0] < span_end and position < trigger[1]:
            continue
        near = bisect.bisect_left(taken_starts, span_end) - 1  # the last taken starting before its end
        if near >= 0 and taken_ends[near] > position:
            continue
        if cue.fits(folded, position):
            found.append((position, cue))
            at = bisect.bisect_left(taken_starts, position)
            taken_starts.insert(at, position)
            taken_ends.insert(at, span_end)
    return sorted(found, key=lambda item: item[0])


class Attributor:
    """Status and claimant for the triggers of one sentence."""

    def __init__(self, folded: str, actors: SentenceActors, lexicon: StatusLexicon, cues: StatusCueIndex) -> None:
        self.folded = folded
        self.actors = actors
        self.lexicon = lexicon
        self.cues = cues
        self.layout = actors.layout
        sentence = self.layout.sentence
        self.invitation_frames = self._invitation_frames(sentence.start, sentence.end)
        self.blocked = [(p.start, p.end) for p in actors.parties] + self.invitation_frames
        self._cue_words = cues.cue_words
        self._walls: Stretches | None = None  # self.blocked, for bisection
        self._in_sentence = cues.written(folded, sentence.start, sentence.end)
        # Where each unattributed word (據報導…) first ends in the sentence: one ending by a
        # trigger stands before it.
        self._unattributed_end = min(
            (position + len(word) for word in lexicon.unattributed if (position := folded.find(word, sentence.start, sentence.end)) != -1),
            default=None,
        )
        # Clauses opening with 所以/不過/但是…: a condition before them has had its consequence.
        self._condition_ends = [
            clause.start for clause in self.layout.clauses
            if folded[clause.start : clause.end].lstrip(" ，,").startswith(lexicon.hypothetical_ends)
        ]
        self._according: list[bool] | None = None
        self._attributions: dict[int, Attribution] = {}
        self._plan_cues: dict[int, str] = {}  # trigger -> the planned cue word that governs it

    def in_invitation_frame(self, hit: TriggerHit) -> bool:
        """應習近平邀請: the trigger only names the invitation the visit answers."""
        return any(start <= hit.start < end for start, end in self.invitation_frames)

    def _invitation_frames(self, start: int, end: int) -> list[tuple[int, int]]:
        """Spans of 應…邀請 (at the invitation of) in [start, end): no cue inside one is read."""
        frames: list[tuple[int, int]] = []
        lexicon = self.lexicon
        for opener in lexicon.invitation_opens:
            position = self.folded.find(opener, start, end)
            while position != -1:
                after = position + len(opener)
                limit = min(end, after + lexicon.invitation_reach)
                stop = _CLAUSE_BREAK.search(self.folded, after, limit)
                limit = stop.start() if stop else limit
                closes = [(at, word) for word in lexicon.invitation_closes if (at := self.folded.find(word, after, limit)) != -1]
                if closes:
                    at, word = min(closes)
                    frames.append((position, at + len(word)))
                position = self.folded.find(opener, after, end)
        return frames

    def _find(self, kind: str, start: int, end: int, hit: TriggerHit | None) -> list[tuple[int, Cue]]:
        """The cues of one status list (``negated``, ``reporting``...) inside [start, end), none
        on a party or on the trigger itself."""
        sentence = self.layout.sentence
        written = self._in_sentence if sentence.start <= start and end <= sentence.end else self.cues.written(self.folded, start, end)
        cues = written.get(kind)
        if not cues:
            return []
        if self._walls is None:
            self._walls = Stretches(self.blocked)
        return _find(self.folded, cues, start, end, self._walls, None if hit is None else (hit.start, hit.end))

    def _since_previous_trigger(self, hit: TriggerHit, floor: int) -> int:
        """Where a cue's reach stops: the start of the trigger before this one, or ``floor``.

        The earlier trigger itself may be the cue (拒絕與X會面, 邀請習近平訪問美國). A trigger in
        a relative clause (其他購買俄羅斯石油的國家) does not stop it: a 的 stands between.
        """
        bounds = [
            other.start if other.cue.word in self._cue_words else other.end
            for other in self.actors.hits
            if other.end <= hit.start and other is not hit and "的" not in self.folded[other.end : hit.start]
            and hit.start - other.end > _VERB_CHAIN  # 從未同意購買: the negation reaches 購買 too
        ]
        return max([floor, *bounds])

    def _cue_before(self, kind: str, hit: TriggerHit, scope_start: int, reach: int | None) -> bool:
        return self._cue_governing(kind, hit, scope_start, reach) is not None

    def _cue_governing(self, kind: str, hit: TriggerHit, scope_start: int, reach: int | None) -> tuple[int, Cue] | None:
        """The first cue of list ``kind`` before the trigger that governs it, with its offset."""
        start = scope_start if reach is None else max(scope_start, hit.start - reach)
        for position, cue in self._find(kind, start, hit.start, hit):
            after = position + len(cue.word)
            if self.folded[after : after + 1] == "的":
                continue  # 作出投資承諾的同時: a noun here, not an intention
            if cue.ba_check and (self._party_at(after) or self._resultative(hit)):
                continue  # 將特朗普奉為…, 將雙邊關係提升為…: 將 marks the object, not the future
            if cue.needs is not None and not self._need_met(cue, after):
                continue  # 不是…的時機: only with its second word
            if kind == "planned" and (self._completed_between(after, hit.start) or self._describes_party(after, hit)):
                continue  # 承諾投資，並已簽署: this part is done; 即將卸任的岸田…訪問: of 卸任
            if kind == "planned" and cue.word in self.lexicon.planned_own_clause and (
                position < hit.clause.start or self._completive(hit)
                or f"{hit.group.type}/{hit.group.mode}" in self.lexicon.performed_by_agreeing
            ):
                continue  # 同意簡化手續，並簽署備忘錄; 同意達成協議; 同意停火: done, not to come
            return position, cue
        return None

    def _need_met(self, cue: Cue, after: int) -> bool:
        needs = cast(Need, cue.needs)  # asked only of a cue that has needs
        end = min(self.layout.sentence.end, after + needs.reach)
        return any(self.folded.find(word, after, end) != -1 for word in needs.words)

    def _completed_between(self, start: int, end: int) -> bool:
        """已/已經 written shortly before ``end`` (並已與美國簽署), not as 已久 (中斷已久的對話)."""
        start = max(start, end - _COMPLETION_REACH)
        for word in self.lexicon.completed:
            position = self.folded.find(word, start, end)
            if position != -1 and self.folded[position + len(word) : position + len(word) + 1] != "久":
                return True
        return False

    def _describes_party(self, after: int, hit: TriggerHit) -> bool:
        """即將卸任的日本首相岸田文雄周五訪問南韓: the cue sits in a relative clause on the party
        that heads the phrase after 的 and acts later in the clause (not 的美國投資, where the
        party only modifies the trigger's noun)."""
        mark = self.folded.find("的", after, hit.start)
        if mark == -1:
            return False
        return any(
            g.start == mark + 1 and g.end < hit.start and "的" not in self.folded[g.end : hit.start]
            for g in self.actors.groups
        )

    def _condition_start(self, hit: TriggerHit) -> int:
        """Where a conditional may stand: the sentence, from its last clause before the trigger
        that opens with 所以/不過/但是… (the condition before it has had its consequence)."""
        start = self.layout.sentence.start
        for clause_start in self._condition_ends:
            if clause_start > hit.start:
                break
            start = max(start, clause_start)
        return start

    def _resultative(self, hit: TriggerHit) -> bool:
        return self.folded[hit.end : hit.end + 1] in _RESULTATIVES

    def _party_at(self, offset: int) -> bool:
        return any(p.start == offset for p in self.actors.parties)

    def _scope_start(self, hit: TriggerHit) -> int:
        quotation = self.layout.quotation_at(hit.start)
        return max(hit.clause.start, quotation.open + 1 if quotation and quotation.speech else hit.clause.start)

    def attribute(self, hit: TriggerHit) -> Attribution:
        """The trigger's status and claimant, read once per trigger (a later trigger of the
        sentence may go on with an earlier one's intention)."""
        key = id(hit)  # the sentence's hits live as long as this object
        if key not in self._attributions:
            self._attributions[key] = self._attribute(hit)
        return self._attributions[key]

    def _attribute(self, hit: TriggerHit) -> Attribution:
        sentence_start = self.layout.sentence.start
        quotation = self.layout.quotation_at(hit.start)
        if quotation is not None and (not quotation.speech or self._quotation_speaker(quotation, hit) is None):
            quotation = None
        inner_start = quotation.open + 1 if quotation else sentence_start
        clause_start = self._scope_start(hit)
        speaker_group, claimed = self._speaker(hit, quotation)
        speakers = tuple(speaker_group.ids) if speaker_group else ()
        joint = claimed and speaker_group is None and self._joint_statement_speaks(hit)
        denied, denier = self._denial(hit, inner_start)
        negation_start = self._since_previous_trigger(hit, clause_start)
        # 考慮為特朗普準備驚喜，授予特朗普勳章: an intention carries into a following clause
        # that has no subject of its own, never into one that has (尋求多元化，美越防務升溫).
        planned_start = clause_start if self.actors.has_subject(hit) else self._since_previous_trigger(hit, inner_start)
        possible = self._cue_governing("possible", hit, clause_start, self.lexicon.possible_reach)
        if possible is not None and claimed and possible[1].word in self.lexicon.speaker_over_possible:
            if self._find("reporting", sentence_start, possible[0], hit):
                possible = None  # 馬克龍稱中歐應該在…合作: the speaker's position, a claim
        hypothetical = self._cue_before("hypothetical", hit, self._condition_start(hit), None) or possible is not None or self._judged_premature(hit)
        planned = self._cue_governing("planned", hit, planned_start, self.lexicon.planned_reach) or self._planned_holding(hit)
        if planned is not None:
            self._plan_cues[id(hit)] = planned[1].word
        status: Status
        if hypothetical:  # 若無法達成協議: a condition, not a fact either way
            status = "hypothetical"
        elif denied or self._cue_before("negated", hit, negation_start, self.lexicon.negated_reach):
            status = "negated"
        elif planned is not None and self._plan_undone(planned[1], hit):
            status = "negated"  # 原訂今日簽署，但…: the plan was dropped
        elif planned is not None or self._goes_on_with_plan(hit):
            status = "planned"
        elif joint:
            status = "reported"  # 聯合聲明提到…: both sides say it, no one party's claim
        elif claimed:
            status = "claimed"
        else:
            status = "reported"
        if joint or (status == "reported" and not claimed):
            speakers = ()  # 宣佈制裁: the announcer performed the act, and claims nothing
        claimant = denier or (speakers[0] if speakers else None)
        speaker = speakers[0] if quotation is not None and speakers else None
        return Attribution(status, claimant, speaker, speakers)

    def _judged_premature(self, hit: TriggerHit) -> bool:
        """現階段談川習會尚言之過早: a judgement after the act in its clause that talk of it is
        premature leaves it a possibility, neither held nor set."""
        after = self.folded[hit.end : hit.clause.end]
        return any(word in after for word in self.lexicon.possible_after)

    def _planned_holding(self, hit: TriggerHit) -> tuple[int, Cue] | None:
        """美中第五輪經貿會談將於下週在華府舉行: talks named as a noun are the subject of the verb
        that holds them, so a planned cue after the noun, before that verb of its clause, governs
        them. No other trigger and no party may stand between (會談後將簽署…: the plan is the
        signing's; 會見來華出席…並訪華的總統: 會見 is a verb with its object)."""
        if not (hit.group.pattern.noun or hit.group.pattern.bodies):
            return None  # a talks noun, or a body's summit (北約峰會將於明年在海牙舉行)
        held = self.actors.lexicon.talks_held_verbs
        for position, cue in self._find("planned", hit.end, hit.clause.end, hit):
            if any(hit.end <= other.start < position for other in self.actors.hits if other is not hit):
                return None
            if any(hit.end <= party.start < position for party in self.actors.parties if not party.venue):
                return None  # 會見來華出席…的總統: a verb and its object, no noun holding a plan
            after = position + len(cue.word)
            if any(self.folded.find(verb, after, hit.clause.end) != -1 for verb in held):
                return position, cue
        return None

    def _plan_undone(self, cue: Cue, hit: TriggerHit) -> bool:
        """原訂今日簽署協議，但川普卻返回: a former plan that the rest of the sentence undoes."""
        if cue.word not in self.lexicon.cancelled_plan:
            return False
        end = self.layout.sentence.end
        return any(self.folded.find(word, hit.end, end) != -1 for word in self.lexicon.cancelled_by)

    def _goes_on_with_plan(self, hit: TriggerHit) -> bool:
        """韓方承諾要加碼投資美國，並在造船等領域加強合作: a trigger with no subject of its own
        goes on with the trigger before it in the sentence, and with that one's intention,
        unless a contrast (但/卻) or a completion (已) stands between."""
        if self.actors.has_subject(hit):
            return False
        prior = next((o for o in reversed(self.actors.hits) if o.end <= hit.start and o is not hit), None)
        if prior is None or self.layout.quotation_at(prior.start) != self.layout.quotation_at(hit.start):
            return False
        if self.folded[hit.clause.start : hit.start].lstrip(" ，,；;").startswith(self.lexicon.hypothetical_ends + _CONTRASTS):
            return False
        if self._completed_between(prior.end, hit.start) or self._completive(hit):
            return False
        if self.attribute(prior).status != "planned":
            return False
        # 同意加強合作，並擴大往來 goes on with the agreement; 同意加強合作，並與X通話 is another act
        return self._plan_cues.get(id(prior)) not in self.lexicon.planned_own_clause or prior.group.type == hit.group.type

    def _completive(self, hit: TriggerHit) -> bool:
        """敲定協議, 簽署了: the trigger itself says the act is done."""
        return self.folded.startswith(self.lexicon.completed_verbs, hit.start) or self.folded[hit.end : hit.end + 1] == "了"

    def _joint_statement_speaks(self, hit: TriggerHit) -> bool:
        """兩國發表聯合聲明，提到…: the last verb of saying before the trigger has a joint
        statement, and no party after it, as its subject."""
        sentence_start = self.layout.sentence.start
        verbs = self._find("reporting", sentence_start, hit.start, hit)
        if not verbs:
            return False
        verb = verbs[-1][0]
        statement = max((self.folded.rfind(word, sentence_start, verb) for word in self.lexicon.joint_statements), default=-1)
        if statement == -1:
            return False
        return not any(statement < g.start and g.end <= verb and g.role is None for g in self.actors.groups)

    # -- who speaks --------------------------------------------------------------------
    def _speaker(self, hit: TriggerHit, quotation: Quotation | None) -> tuple[Group | None, bool]:
        """The party whose words the event is reported in, and whether it is a claim at all."""
        if quotation is not None:
            speaker = self._quotation_speaker(quotation, hit)
            if speaker is not None:
                return speaker, True
        sentence_start = self.layout.sentence.start
        according = self._according_to(hit)
        if according is not None:
            return according, True
        verbs = self._find("reporting", sentence_start, hit.start, hit)
        verbs = [(p, c) for p, c in verbs if not self._inside_other_quotation(p, hit) and not self._says_only_a_quotation(p, c, hit)]
        if verbs:
            position, cue = verbs[-1]
            speaker = self.actors.speaker_before(position) or self._topic_before(position)
            return speaker, not self._performs(position, cue, hit)
        if self._unattributed_end is not None and self._unattributed_end <= hit.start:
            return None, True
        return None, False

    def _performs(self, position: int, cue: Cue, hit: TriggerHit) -> bool:
        """宣佈制裁…: the verb announces the speaker's own act, in its clause or in one after it
        that goes on with it (…，並威脅…), and so performs it."""
        if cue.word not in self.lexicon.performative:
            return False
        if self.layout.clause_at(position) == hit.clause:
            return True
        opening = self.folded[hit.clause.start : hit.start].lstrip(" ，,；;")
        return opening.startswith(self.lexicon.performative_goes_on)

    def _topic_before(self, position: int) -> Group | None:
        """The sentence's subject when it stands before a verb of saying (新聞稿指出: nobody)."""
        topic = self.actors.topic(None)
        return topic if topic is not None and topic.end <= position else None

    def _says_only_a_quotation(self, position: int, cue: Cue, hit: TriggerHit) -> bool:
        """強調「…」，同時也向俄國索要軍備: the verb's words end with the quotation."""
        after = position + len(cue.word)
        for quotation in self.layout.quotations:
            if quotation.speech and after <= quotation.open <= after + 2 and quotation.close < hit.start:
                return True
        return False

    def _inside_other_quotation(self, position: int, hit: TriggerHit) -> bool:
        quotation = self.layout.quotation_at(position)
        return quotation is not None and quotation.speech and not quotation.holds(hit.start)

    def _quotation_speaker(self, quotation: Quotation, hit: TriggerHit) -> Group | None:
        """X說「…」, X表示…，「…」 or 「…」X說; failing those, the sentence's topic."""
        sentence = self.layout.sentence
        verbs = self._find("reporting", sentence.start, quotation.open, None)
        verbs = [(p, c) for p, c in verbs if not self._inside_other_quotation(p, hit)]
        if verbs:
            speaker = self.actors.speaker_before(verbs[-1][0]) or self._topic_before(verbs[-1][0])
            if speaker is not None:
                return speaker
        after_start = quotation.close + 1
        for group in self.actors.groups:
            if group.start >= after_start and group.role is None:
                tail = self.folded[group.end : group.end + 8]
                if any(tail.lstrip(" ").startswith(cue.word) for cue in self.lexicon.reporting):
                    return group
                break
        return None  # no one is said to speak it: a name or a slogan, not a quotation

    def _according_to(self, hit: TriggerHit) -> Group | None:
        """根據川普的說法，…: the party between the two words speaks."""
        if self._according is None:
            self._according = [self._between_according_words(group) for group in self.actors.groups]
        for group, according in zip(self.actors.groups, self._according):
            if group.end > hit.start:
                break
            if according:
                return group
        return None

    def _between_according_words(self, group: Group) -> bool:
        sentence_start = self.layout.sentence.start
        if group.start < sentence_start:
            return False
        head = self.folded[max(sentence_start, group.start - 3) : group.start]
        tail = self.folded[group.end : group.end + 4]
        return head.endswith(self.lexicon.according_before) and tail.startswith(self.lexicon.according_after)

    def _denial(self, hit: TriggerHit, scope_start: int) -> tuple[bool, str | None]:
        """白宮否認…: whether a denial governs the trigger, and who denies."""
        denials = self._find("denied", scope_start, hit.start, hit)
        if not denials:
            return False, None
        party = self.actors.speaker_before(denials[-1][0]) or self._topic_before(denials[-1][0])
        return True, (party.ids[0] if party and party.ids else None)
