"""The events stage's knowledge, read once from data/*.yaml, folded and validated.

Every word in the data files may be written in either script; it is folded here with the
function that builds the text view, so one entry matches Traditional and Simplified text.
A word may carry conditions (``not_followed_by``, ``needs``, ...); the loader turns each
into a ``Cue`` so matching code never reads raw YAML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Mapping

import opencc

from summitry import cache as disk_cache
from summitry import text as text_module
from summitry.errors import DataFileError
from summitry.text import fold, longest_first

PLOVER_TYPES = frozenset(
    {
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
        "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    }
)
TARGET_SOURCES = frozenset({"comitative", "prep", "object", "venue"})
NEED_PLACES = frozenset({"before", "after", "clause", "onward"})
AMOUNT_SCOPES = frozenset({"none", "clause", "sentence"})
WORD_KEYS = frozenset({"word", "not_followed_by", "not_preceded_by", "needs", "unless", "after_short_form", "object_adjacent", "only_alone", "ba_check"})


class InvalidEventLexicon(DataFileError, ValueError):
    """An events data file that breaks its own rules; the message lists every problem."""


    def __init__(self, name: str, problems: list[str]) -> None:
        super().__init__(f"{name}: " + "; ".join(problems))
        self.name = name
        self.problems = problems


@dataclass(frozen=True)
class Need:
    """A second word the clause must hold for a trigger to count (取消 … 演習)."""

    words: tuple[str, ...]
    where: str  # before, after or clause
    reach: int


@dataclass(frozen=True)
class Cue:
    """A folded word with the context that must not surround it."""

    word: str
    not_followed_by: tuple[str, ...] = ()
    not_preceded_by: tuple[str, ...] = ()
    needs: Need | None = None
    unless: Need | None = None  # a word that, near the trigger, makes it another act (簽署行政命令)
    after_short_form: bool = False
    object_adjacent: bool = False
    only_alone: bool = False
    ba_check: bool = False

    def fits(self, folded: str, start: int) -> bool:
        """Whether the word written at ``start`` is this cue and not part of another word."""
        # str.startswith/endswith with a tuple: any of its words, in one call.
        if folded.startswith(self.not_followed_by, start + len(self.word)):
            return False
        return not folded.endswith(self.not_preceded_by, 0, start)


@dataclass(frozen=True)
class ArgumentPattern:
    """How the parties of a group's events are found (see triggers.yaml, ``patterns``)."""

    name: str
    symmetric: bool = False
    target_from: tuple[str, ...] = ()
    attached: bool = False
    topic: str = "always"  # always, comitative (only when a co-party is named), never
    distributive: bool = False
    min_parties: int = 1
    min_sides: int = 1
    require_target: bool = False
    sum_for_target: bool = False  # a sum of money in the clause stands in for the target required
    # the target is only a party right after the word (呼籲美國…), none read further on or
    # lent from the rest of the sentence: 呼籲各方遵守聯合國決議, 呼籲停止向烏克蘭提供武器 ask
    # no UN and no Ukraine
    addressee_only: bool = False
    # opening a sentence with no subject, the act is the last speaker's of the sentence before
    speaker_goes_on: bool = False
    # after the document pair, no target of another side than the source's: no event
    to_other_side: bool = False
    bodies: bool = False  # the party is the international body whose meeting the word names
    noun: bool = False  # the word may name talks whose parties stand right before it (中美經貿磋商)


@dataclass(frozen=True)
class TriggerGroup:
    type: str
    mode: str | None
    cameo: str | None
    pattern: ArgumentPattern
    summary: str
    amounts: str
    cues: tuple[Cue, ...]
    suppresses: tuple[tuple[str, str | None], ...] = ()
    absorbs_later: tuple[tuple[str, str | None], ...] = ()  # later triggers of the sentence that restate it
    own_subjects: tuple[str, ...] = ()  # nouns that, before the trigger, are its clause's subject
    asked_by: tuple[str, ...] = ()  # verbs that, shortly before the trigger, only ask for it (建議他感謝)
    nominal: bool = False  # a noun of cooperation (合作): an act only when a side's will governs it

    @property
    def key(self) -> tuple[str, str | None]:
        return (self.type, self.mode)


@dataclass(frozen=True)
class ArgumentLexicon:
    joiners: tuple[str, ...]
    comitative: tuple[str, ...]
    markers: Mapping[str, tuple[str, ...]]  # role -> words, longest first
    title_prefixes: tuple[str, ...]
    party_suffixes: tuple[str, ...]
    leader_words: tuple[str, ...]
    leader_roles: tuple[str, ...]
    body_leader_words: tuple[str, ...]
    body_leader_roles: tuple[str, ...]
    both_sides: Mapping[str, str]  # folded word -> parties|persons|countries
    pronouns: tuple[Cue, ...]
    anaphora: tuple[str, ...]
    anaphora_reach: int
    series: tuple[str, ...]
    venue_nouns: tuple[str, ...]
    not_markers: tuple[str, ...]
    short_form_heads: tuple[str, ...]
    speaker_pronouns: tuple[Cue, ...]
    modifier_heads_allowed: tuple[str, ...]
    passive_before_trigger: tuple[str, ...]
    pivot_verbs: tuple[str, ...]
    clause_openers: tuple[str, ...]
    separately: tuple[str, ...]
    light_verbs: tuple[str, ...]
    not_comitative: tuple[str, ...] = ()
    relative_reach: int = 20
    object_relative_reach: int = 0
    title_joiners: tuple[str, ...] = ()
    received_ahead: tuple[str, ...] = ()  # 應: who receives stands in the clause after the phrase
    object_relative_types: frozenset[str] = frozenset()
    led_by_opener: str = ""
    led_by_verbs: tuple[str, ...] = ()
    deputy_prefix: str = ""
    opening_light_verbs: tuple[str, ...] = ()
    addressed_verbs: tuple[str, ...] = ()
    seat_addressing: tuple[str, ...] = ()  # 促請北京…: the seat after them is its government
    relation_nouns: tuple[str, ...] = ()
    complement_verbs: tuple[str, ...] = ()
    taxed_nouns: Mapping[str, str] = field(default_factory=dict)  # folded noun -> levier
    topic_nouns: tuple[str, ...] = ()
    aspect_nouns: tuple[str, ...] = ()
    prep_phrase_openers: tuple[str, ...] = ()
    prep_phrase_not: tuple[str, ...] = ()
    quantifiers: tuple[str, ...] = ()
    mutual: tuple[str, ...] = ()
    companion_closers: tuple[str, ...] = ()
    companion_opens: tuple[str, ...] = ()
    government_seats: frozenset[str] = frozenset()
    place_joiners: frozenset[str] = frozenset()
    pair_words: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # folded word -> entity ids
    document_pair: DocumentPairRule | None = None
    summit_modifiers: tuple[str, ...] = ()
    # entity id -> (office code, folded title -> role): 歐盟委員會主席 is the commission's president
    body_head_titles: Mapping[str, tuple[str, Mapping[str, str]]] = field(default_factory=dict)
    talks_modifiers: tuple[str, ...] = ()  # 經貿, 戰略, 副外長級, 第…輪: between parties and a talks noun
    talks_held_verbs: tuple[str, ...] = ()  # 舉行, 結束: a talks noun is an event only with one of these
    attending_verbs: tuple[str, ...] = ()
    welcome_verbs: tuple[str, ...] = ()


@dataclass(frozen=True)
class DocumentPairRule:
    """arguments.yaml's ``document_pair``: see events/extractor.py ``_sides_from_document_pair``."""

    share: float
    third_at_most: float
    types: frozenset[str]
    least: int = 1
    second_share: float = 0.0
    roundup_titles: tuple[str, ...] = ()  # folded: a title naming a roundup of separate items
    not_with_amounts: frozenset[str] = frozenset()
    aimed_at_many: tuple[str, ...] = ()  # folded: 向所有, 對各國 — an act aimed at a set, not a side


@dataclass(frozen=True)
class StatusLexicon:
    negated: tuple[Cue, ...]
    negated_reach: int
    denied: tuple[Cue, ...]
    hypothetical: tuple[Cue, ...]
    hypothetical_ends: tuple[str, ...]
    possible: tuple[Cue, ...]
    possible_reach: int
    planned: tuple[Cue, ...]
    planned_reach: int
    reporting: tuple[Cue, ...]
    unattributed: tuple[str, ...]
    according_before: tuple[str, ...]
    according_after: tuple[str, ...]
    quotation_min_length: int
    speaker_over_possible: tuple[str, ...] = ()  # 應該/建議 after 稱: the speaker's position
    possible_after: tuple[str, ...] = ()  # 談川習會尚言之過早: after the act in its clause, only possible
    completed: tuple[str, ...] = ()  # 已 between a planned cue and its trigger
    completed_verbs: tuple[str, ...] = ()  # 敲定: a trigger that is done, not an intention
    cancelled_plan: tuple[str, ...] = ()  # 原定…
    cancelled_by: tuple[str, ...] = ()  # …但/取消: the plan did not happen
    joint_statements: tuple[str, ...] = ()  # 聯合聲明提到…: both sides speak
    planned_own_clause: tuple[str, ...] = ()  # 同意/決定: a planned cue for its own clause's verb only
    performed_by_agreeing: frozenset[str] = frozenset()  # "AGREE/ceasefire": done by agreeing, not planned
    invitation_opens: tuple[str, ...] = ()  # 應 (…邀請): at the invitation of
    invitation_closes: tuple[str, ...] = ()  # …邀請
    invitation_reach: int = 24
    performative: tuple[str, ...] = ()  # 宣佈制裁: a verb of saying that performs what it announces
    performative_goes_on: tuple[str, ...] = ()  # …，並威脅…: a clause opening so goes on with that act
    said_acts: frozenset[str] = frozenset()  # "ACCUSE", "SUPPORT/praise": done by saying them


@dataclass(frozen=True)
class DatingLexicon:
    news_of_the_day: tuple[Cue, ...]
    skip_relations: frozenset[str]
    previous_sentence_granularity: frozenset[str]
    future_is_planned: bool
    historical: tuple[str, ...]
    since_words: tuple[str, ...] = ()
    since_reach: int = 14
    other_verbs: tuple[str, ...] = ()
    other_verb_adverbs: tuple[str, ...] = ()  # 就會: may stand between a time and its other verb
    meeting_settings: tuple[str, ...] = ()  # 在會談上: an act set at a meeting takes its day
    baseline_words: tuple[str, ...] = ()  # 2017年基數: a reference year, not when
    content_acts: frozenset[str] = frozenset()  # THREATEN: a time after the verb is the content's
    earlier_opens: tuple[Cue, ...] = ()  # 繼 (…後): the frame names an earlier event
    earlier_closes: tuple[str, ...] = ()  # 後, 之後
    group_breaks: tuple[str, ...] = ()  # a clause opening so keeps no time from the one before
    group_turns: tuple[str, ...] = ()  # nor one turning so (莫迪卻…)
    prior_deal_nouns: tuple[str, ...] = ()  # 達成的協議: a deal made before
    publication_lead: int = 0  # characters from the start where an undated meeting takes the publication date
    publication_kinds: frozenset[str] = frozenset()  # "TYPE/mode"
    lead_brackets: tuple[str, ...] = ()  # "【】": a credit in these opening a sentence reports nothing
    bracket_credit_words: tuple[str, ...] = ()  # 【有線新聞】: a bracketed credit closing so marks filed copy
    bracket_credit_not: tuple[str, ...] = ()  # 【本報綜合報道】: a newspaper's report, printed the day after
    meeting_products: tuple[str, ...] = ()  # 會晤共識: a meeting named as what it produced is an earlier one
    since_dated_changes: tuple[str, ...] = ()  # 自7月底以來…已降至: the change is dated by the span's start


@dataclass(frozen=True)
class CooperationTalk:
    """The words that decide whether a noun of cooperation reports an act (see triggers.yaml)."""

    will: tuple[Cue, ...]  # 願, 同意, 決定: a side's will or agreement makes it a planned act
    signed: tuple[Cue, ...]  # 簽署: an agreement signed makes it an act, done
    frames: tuple[Cue, ...]  # 相信, 認為, 有必要, 討論: an opinion, a need or a topic makes none
    background: tuple[Cue, ...]  # 近年來, 建交以來: relations described, none unless willed
    manner: tuple[Cue, ...]  # 不斷, 持續, 討論 in the noun's own clause: the same


@dataclass(frozen=True, eq=False)  # one instance per process: identity is its hash
class EventLexicon:
    groups: tuple[TriggerGroup, ...]
    arguments: ArgumentLexicon
    status: StatusLexicon
    dating: DatingLexicon
    patterns: Mapping[str, ArgumentPattern] = field(default_factory=dict)
    # Clause openers that list what the clause before names (包括…): see triggers.yaml
    elaborations: tuple[str, ...] = ()
    # Words after a meeting word that make it a time frame (會談後, 會面時): see triggers.yaml
    frame_words: tuple[str, ...] = ()
    # Words before a meeting word that make it another occurrence (隨後再次會見): see triggers.yaml
    again_words: tuple[str, ...] = ()
    # Modes whose word only frames an act another word names more exactly (承諾…投資): triggers.yaml
    general_modes: frozenset[tuple[str, str | None]] = frozenset()
    # Modes whose word frames an act of any type named right after it (承諾將下調關稅): triggers.yaml
    pledge_modes: frozenset[tuple[str, str | None]] = frozenset()
    # What governs a noun of cooperation (願…加強合作 vs 相信…深化合作): triggers.yaml
    cooperation_talk: CooperationTalk | None = None
    # 若中國援助俄羅斯，將面臨後果: a condition and a consequence that make a threat (triggers.yaml)
    threat_conditions: tuple[Cue, ...] = ()
    threat_consequences: tuple[str, ...] = ()


def read_data(name: str) -> Any:
    """The content of one data file shipped with the events package, checked against its schema.
    The loader and the schemas (YAML, pydantic) are imported here, when a lexicon is built: a
    process that finds its lexicons in the disk cache never needs them (issue 13)."""
    from summitry.data import load_data
    from summitry.events.schemas import SCHEMAS

    return load_data("events", name, SCHEMAS[name])



def _need(spec: Mapping[str, Any]) -> Need:
    return Need(longest_first(spec["words"]), spec.get("where", "clause"), int(spec.get("reach", 20)))


def _cue(entry: Any, defaults: Mapping[str, Any] | None = None) -> Cue:
    spec = {**(defaults or {}), **(entry if isinstance(entry, dict) else {"word": entry})}
    need, unless = spec.get("needs"), spec.get("unless")
    return Cue(
        word=fold(str(spec["word"])),
        not_followed_by=longest_first(spec.get("not_followed_by")),
        not_preceded_by=longest_first(spec.get("not_preceded_by")),
        needs=_need(need) if need else None,
        unless=_need(unless) if unless else None,
        after_short_form=bool(spec.get("after_short_form", False)),
        object_adjacent=bool(spec.get("object_adjacent", False)),
        only_alone=bool(spec.get("only_alone", False)),
        ba_check=bool(spec.get("ba_check", False)),
    )


def _cues(entries: Any) -> tuple[Cue, ...]:
    return tuple(sorted((_cue(entry) for entry in entries or ()), key=lambda cue: -len(cue.word)))


def _cooperation_talk(raw: Mapping[str, Any] | None) -> CooperationTalk | None:
    if not raw:
        return None
    return CooperationTalk(
        _cues(raw.get("will")), _cues(raw.get("signed")), _cues(raw.get("frames")), _cues(raw.get("background")),
        _cues(raw.get("manner")),
    )


def _pattern(name: str, raw: Mapping[str, Any]) -> ArgumentPattern:
    topic = raw.get("topic", True)
    return ArgumentPattern(
        name=name,
        symmetric=bool(raw.get("symmetric", False)),
        target_from=tuple(raw.get("target_from", ())),
        attached=bool(raw.get("attached", False)),
        topic="always" if topic is True else ("never" if topic is False else str(topic)),
        distributive=bool(raw.get("distributive", False)),
        min_parties=int(raw.get("min_parties", 1)),
        min_sides=int(raw.get("min_sides", 1)),
        require_target=bool(raw.get("require_target", False)),
        sum_for_target=bool(raw.get("sum_for_target", False)),
        addressee_only=bool(raw.get("addressee_only", False)),
        speaker_goes_on=bool(raw.get("speaker_goes_on", False)),
        to_other_side=bool(raw.get("to_other_side", False)),
        bodies=bool(raw.get("bodies", False)),
        noun=bool(raw.get("noun", False)),
    )


def _suppressed(entry: str) -> tuple[str, str | None]:
    kind, _, mode = entry.partition("/")
    return kind, mode or None


def trigger_problems(raw: Mapping[str, Any]) -> list[str]:
    """Everything wrong with a triggers.yaml mapping; empty when it is sound."""
    problems: list[str] = []
    patterns = raw.get("patterns") or {}
    for name, pattern in patterns.items():
        unknown = set(pattern.get("target_from", ())) - TARGET_SOURCES
        if unknown:
            problems.append(f"pattern {name}: unknown target_from {sorted(unknown)}")
        if pattern.get("topic", True) not in (True, False, "comitative"):
            problems.append(f"pattern {name}: topic must be true, false or comitative")
    keys = {(group.get("type"), group.get("mode")) for group in raw.get("groups") or ()}
    seen_words: dict[tuple[str, str | None, str, str], int] = {}
    for index, group in enumerate(raw.get("groups") or ()):
        where = f"group {index} ({group.get('type')}/{group.get('mode')})"
        if group.get("type") not in PLOVER_TYPES:
            problems.append(f"{where}: type is not one of the sixteen PLOVER types")
        if group.get("args") not in patterns:
            problems.append(f"{where}: args {group.get('args')!r} is not a pattern")
        if group.get("amounts", "none") not in AMOUNT_SCOPES:
            problems.append(f"{where}: amounts must be one of {sorted(AMOUNT_SCOPES)}")
        cameo = group.get("cameo")
        if cameo is not None and not (isinstance(cameo, str) and cameo.isdigit() and 2 <= len(cameo) <= 4):
            problems.append(f"{where}: cameo {cameo!r} is not a quoted CAMEO code of 2-4 digits")
        if "{source}" not in str(group.get("summary", "")):
            problems.append(f"{where}: summary must name {{source}}")
        for entry in (*(group.get("suppresses") or ()), *(group.get("absorbs_later") or ())):
            if _suppressed(entry)[0] not in PLOVER_TYPES:
                problems.append(f"{where}: suppresses unknown type in {entry!r}")
        if not group.get("words"):
            problems.append(f"{where}: has no words")
        for entry in group.get("words") or ():
            spec = entry if isinstance(entry, dict) else {"word": entry}
            if not str(spec.get("word", "")).strip():
                problems.append(f"{where}: a word is empty")
                continue
            extra = set(spec) - WORD_KEYS
            if extra:
                problems.append(f"{where}: word {spec['word']!r} has unknown keys {sorted(extra)}")
            for condition_name in ("needs", "unless"):
                need = spec.get(condition_name) or group.get(condition_name)
                if need is not None and (not need.get("words") or need.get("where", "clause") not in NEED_PLACES):
                    problems.append(f"{where}: word {spec['word']!r} {condition_name} words and where in {sorted(NEED_PLACES)}")
            condition = repr(sorted((k, str(v)) for k, v in spec.items() if k != "word"))
            key = (group.get("type"), group.get("mode"), fold(str(spec["word"])), condition)
            if key in seen_words:
                problems.append(f"{where}: word {spec['word']!r} is listed twice in this type and mode")
            seen_words[key] = index
    for index, group in enumerate(raw.get("groups") or ()):
        for entry in (*(group.get("suppresses") or ()), *(group.get("absorbs_later") or ())):
            kind, mode = _suppressed(entry)
            if mode is not None and (kind, mode) not in keys:
                problems.append(f"group {index}: suppresses {entry!r}, which no group defines")
    for name in ("general_modes", "pledge_modes"):
        for entry in raw.get(name) or ():
            if _suppressed(entry) not in keys:
                problems.append(f"{name}: {entry!r} is no group's type and mode")
    return problems


def status_problems(raw: Mapping[str, Any]) -> list[str]:
    problems = []
    for section in ("negated", "denied", "hypothetical", "possible", "planned"):
        if not (raw.get(section) or {}).get("words"):
            problems.append(f"{section} has no words")
    if not (raw.get("reporting") or {}).get("words"):
        problems.append("reporting has no words")
    for entry in (raw.get("reporting") or {}).get("said_acts") or ():
        if _suppressed(entry)[0] not in PLOVER_TYPES:
            problems.append(f"reporting: said_acts names unknown type in {entry!r}")
    return problems


def argument_problems(raw: Mapping[str, Any]) -> list[str]:
    problems = []
    for role in ("comitative", "prep", "passive", "ba", "locative", "direction"):
        if not (raw.get("markers") or {}).get(role):
            problems.append(f"markers.{role} is empty")
    for word, kind in (raw.get("both_sides") or {}).items():
        if kind not in ("parties", "persons", "countries"):
            problems.append(f"both_sides.{word} must be parties, persons or countries")
    pair = raw.get("document_pair") or {}
    for key in ("types", "not_with_amounts"):
        problems += [f"document_pair.{key}: {kind} is not one of the sixteen PLOVER types" for kind in pair.get(key) or () if kind not in PLOVER_TYPES]
    for key in ("share", "third_at_most"):
        if key in pair and not 0 < float(pair[key]) <= 1:
            problems.append(f"document_pair.{key} must be a share in (0, 1]")
    return problems


def _document_pair(raw: Mapping[str, Any] | None) -> DocumentPairRule | None:
    if not raw:
        return None
    return DocumentPairRule(
        share=float(raw["share"]), third_at_most=float(raw["third_at_most"]), least=int(raw.get("least", 1)),
        second_share=float(raw.get("second_share", 0.0)),
        roundup_titles=longest_first(raw.get("roundup_titles")),
        types=frozenset(raw["types"]), not_with_amounts=frozenset(raw.get("not_with_amounts") or ()),
        aimed_at_many=longest_first(raw.get("aimed_at_many")),
    )


# Pickled for the disk cache by their constructors, so the compiled build reads them too.
disk_cache.picklable_by_fields(
    Need, Cue, ArgumentPattern, TriggerGroup, ArgumentLexicon, DocumentPairRule, StatusLexicon, DatingLexicon, CooperationTalk, EventLexicon
)
_HERE = Path(__file__).resolve().parent
DATA = _HERE / "data"
# The code a lexicon is built with besides this module: its schemas, the data loader, folding.
_BUILDING_CODE = (str(_HERE / "schemas.py"), str(_HERE.parent / "data.py"), text_module.__file__)


@cache
def event_lexicon() -> EventLexicon:
    """triggers.yaml, arguments.yaml, status.yaml and dating.yaml, validated and folded; once per
    process, and from the disk cache (summitry.cache) when neither the data files nor the code
    that reads and folds them changed since it was built: parsing, validating and folding them
    took most of a one-file extract's first document (issue 13)."""
    key = disk_cache.stage_key(__file__, DATA, *_BUILDING_CODE, labels=(opencc.__version__,))
    return disk_cache.built("event-lexicon", key, _build_event_lexicon, EventLexicon)


def _build_event_lexicon() -> EventLexicon:
    """The lexicon built from the data files, each checked against its schema and rules."""
    triggers, arguments, status, dating = (read_data(n) for n in ("triggers.yaml", "arguments.yaml", "status.yaml", "dating.yaml"))
    for name, problems in (
        ("triggers.yaml", trigger_problems(triggers)),
        ("arguments.yaml", argument_problems(arguments)),
        ("status.yaml", status_problems(status)),
    ):
        if problems:
            raise InvalidEventLexicon(name, problems)
    patterns = {name: _pattern(name, spec) for name, spec in triggers["patterns"].items()}
    group_keys = ("not_followed_by", "not_preceded_by", "needs", "unless", "after_short_form", "object_adjacent", "only_alone")
    groups = tuple(
        TriggerGroup(
            type=group["type"],
            mode=group.get("mode"),
            cameo=group.get("cameo"),
            pattern=patterns[group["args"]],
            summary=group["summary"],
            amounts=group.get("amounts", "none"),
            cues=_cues_with_defaults(group["words"], {k: group[k] for k in group_keys if k in group}),
            suppresses=tuple(_suppressed(entry) for entry in group.get("suppresses") or ()),
            absorbs_later=tuple(_suppressed(entry) for entry in group.get("absorbs_later") or ()),
            own_subjects=longest_first(group.get("own_subjects")),
            asked_by=longest_first(group.get("asked_by")),
            nominal=bool(group.get("nominal", False)),
        )
        for group in triggers["groups"]
    )
    markers = arguments["markers"]
    return EventLexicon(
        groups=groups,
        patterns=patterns,
        elaborations=longest_first(triggers.get("elaborations")),
        frame_words=longest_first(triggers.get("frame_words")),
        again_words=longest_first(triggers.get("again_words")),
        general_modes=frozenset(_suppressed(entry) for entry in triggers.get("general_modes") or ()),
        pledge_modes=frozenset(_suppressed(entry) for entry in triggers.get("pledge_modes") or ()),
        cooperation_talk=_cooperation_talk(triggers.get("cooperation_talk")),
        threat_conditions=_cues((triggers.get("conditional_threat") or {}).get("conditions")),
        threat_consequences=longest_first((triggers.get("conditional_threat") or {}).get("consequences")),
        arguments=ArgumentLexicon(
            joiners=longest_first(arguments["joiners"]),
            comitative=longest_first(arguments["comitative"]),
            markers={role: longest_first(words) for role, words in markers.items()},
            title_prefixes=longest_first(arguments["title_prefixes"]),
            party_suffixes=longest_first(arguments["party_suffixes"]),
            leader_words=longest_first(arguments["leader_words"]),
            leader_roles=tuple(arguments["leader_roles"]),
            body_leader_words=longest_first(arguments["body_leader_words"]),
            body_leader_roles=tuple(arguments["body_leader_roles"]),
            both_sides={fold(word): kind for word, kind in arguments["both_sides"].items()},
            pronouns=_cues(arguments["pronouns"]),
            anaphora=longest_first(arguments["anaphora"]),
            anaphora_reach=int(arguments.get("anaphora_reach", 8)),
            series=longest_first(arguments["series"]),
            venue_nouns=longest_first(arguments["venue_nouns"]),
            not_markers=longest_first(arguments.get("not_markers")),
            short_form_heads=longest_first(arguments.get("short_form_heads")),
            speaker_pronouns=_cues(arguments.get("speaker_pronouns")),
            modifier_heads_allowed=longest_first(arguments.get("modifier_heads_allowed")),
            passive_before_trigger=longest_first(arguments.get("passive_before_trigger")),
            pivot_verbs=longest_first(arguments.get("pivot_verbs")),
            seat_addressing=longest_first(arguments.get("seat_addressing")),
            clause_openers=longest_first(arguments.get("clause_openers")),
            separately=longest_first(arguments.get("separately")),
            light_verbs=longest_first(arguments.get("light_verbs")),
            not_comitative=longest_first(arguments.get("not_comitative")),
            relative_reach=int(arguments.get("relative_reach", 20)),
            object_relative_reach=int(arguments.get("object_relative_reach", 0)),
            title_joiners=longest_first(arguments.get("title_joiners")),
            received_ahead=longest_first(arguments.get("received_ahead")),
            object_relative_types=frozenset(arguments.get("object_relative_types") or ()),
            led_by_opener=fold(arguments.get("led_by_opener") or ""),
            led_by_verbs=longest_first(arguments.get("led_by_verbs")),
            deputy_prefix=fold(arguments.get("deputy_prefix") or ""),
            opening_light_verbs=longest_first(arguments.get("opening_light_verbs")),
            addressed_verbs=longest_first(arguments.get("addressed_verbs")),
            relation_nouns=longest_first(arguments.get("relation_nouns")),
            complement_verbs=longest_first(arguments.get("complement_verbs")),
            taxed_nouns={fold(noun): levier or "" for noun, levier in sorted((arguments.get("taxed_nouns") or {}).items(), key=lambda item: -len(item[0]))},
            topic_nouns=longest_first(arguments.get("topic_nouns")),
            aspect_nouns=longest_first(arguments.get("aspect_nouns")),
            prep_phrase_openers=longest_first(arguments.get("prep_phrase_openers")),
            prep_phrase_not=longest_first(arguments.get("prep_phrase_not")),
            quantifiers=longest_first(arguments.get("quantifiers")),
            mutual=longest_first(arguments.get("mutual")),
            companion_closers=longest_first(arguments.get("companion_closers")),
            companion_opens=longest_first(arguments.get("companion_opens")),
            government_seats=frozenset(longest_first(arguments.get("government_seats"))),
            place_joiners=frozenset(longest_first(arguments.get("place_joiners"))),
            pair_words={fold(word): tuple(ids) for word, ids in sorted((arguments.get("pair_words") or {}).items(), key=lambda item: -len(item[0]))},
            document_pair=_document_pair(arguments.get("document_pair")),
            summit_modifiers=longest_first(arguments.get("summit_modifiers")),
            body_head_titles={
                body: (str(head["offices"]), {fold(title): role for title, role in head["titles"].items()})
                for body, head in (arguments.get("body_head_titles") or {}).items()
            },
            talks_modifiers=longest_first(arguments.get("talks_modifiers")),
            talks_held_verbs=longest_first(arguments.get("talks_held_verbs")),
            attending_verbs=longest_first(arguments.get("attending_verbs")),
            welcome_verbs=longest_first(arguments.get("welcome_verbs")),
        ),
        status=StatusLexicon(
            negated=_cues(status["negated"]["words"]),
            negated_reach=int(status["negated"].get("reach", 16)),
            denied=_cues(status["denied"]["words"]),
            hypothetical=_cues(status["hypothetical"]["words"]),
            hypothetical_ends=longest_first(status["hypothetical"].get("ends_at")),
            possible=_cues(status["possible"]["words"]),
            possible_reach=int(status["possible"].get("reach", 16)),
            planned=_cues(status["planned"]["words"]),
            planned_reach=int(status["planned"].get("reach", 18)),
            reporting=_cues(status["reporting"]["words"]),
            unattributed=longest_first(status["unattributed"]),
            according_before=longest_first(status["according_to"]["before"]),
            according_after=longest_first(status["according_to"]["after"]),
            quotation_min_length=int(status.get("quotation_min_length", 8)),
            speaker_over_possible=longest_first(status["possible"].get("yield_to_speaker")),
            possible_after=longest_first(status["possible"].get("judged_after")),
            completed=longest_first(status["planned"].get("blocked_by_completion")),
            completed_verbs=longest_first(status["planned"].get("completed_verbs")),
            cancelled_plan=longest_first((status.get("cancelled_plan") or {}).get("plans")),
            cancelled_by=longest_first((status.get("cancelled_plan") or {}).get("turns")),
            joint_statements=longest_first(status.get("joint_statements")),
            planned_own_clause=longest_first(status["planned"].get("own_clause_only")),
            performed_by_agreeing=frozenset(status["planned"].get("performed_by_agreeing") or ()),
            performative=longest_first(status["reporting"].get("performative")),
            performative_goes_on=longest_first(status["reporting"].get("performative_goes_on")),
            said_acts=frozenset(status["reporting"].get("said_acts") or ()),
            invitation_opens=longest_first((status.get("invitation_frame") or {}).get("opens")),
            invitation_closes=longest_first((status.get("invitation_frame") or {}).get("closes")),
            invitation_reach=int((status.get("invitation_frame") or {}).get("reach", 24)),
        ),
        dating=DatingLexicon(
            news_of_the_day=_cues(dating["news_of_the_day"]),
            skip_relations=frozenset(dating.get("skip_relations") or ()),
            previous_sentence_granularity=frozenset(dating.get("previous_sentence_granularity") or ()),
            future_is_planned=bool(dating.get("future_is_planned", True)),
            historical=longest_first(dating.get("historical")),
            since_words=longest_first(dating.get("since_words")),
            since_reach=int(dating.get("since_reach", 14)),
            other_verbs=longest_first(dating.get("other_verbs")),
            other_verb_adverbs=longest_first(dating.get("other_verb_adverbs")),
            meeting_settings=longest_first(dating.get("meeting_settings")),
            baseline_words=longest_first(dating.get("baseline_words")),
            content_acts=frozenset(dating.get("content_acts") or ()),
            earlier_opens=_cues((dating.get("earlier_frame") or {}).get("opens")),
            earlier_closes=longest_first((dating.get("earlier_frame") or {}).get("closes")),
            group_breaks=longest_first(dating.get("group_breaks")),
            group_turns=longest_first(dating.get("group_turns")),
            prior_deal_nouns=longest_first(dating.get("prior_deal_nouns")),
            publication_lead=int(dating.get("publication_lead", 0)),
            publication_kinds=frozenset(dating.get("publication_kinds") or ()),
            lead_brackets=tuple(dating.get("lead_brackets") or ()),
            bracket_credit_words=longest_first(dating.get("bracket_credit_words")),
            bracket_credit_not=longest_first(dating.get("bracket_credit_not")),
            meeting_products=longest_first(dating.get("meeting_products")),
            since_dated_changes=longest_first(dating.get("since_dated_changes")),
        ),
    )


def _cues_with_defaults(entries: Any, defaults: Mapping[str, Any]) -> tuple[Cue, ...]:
    return tuple(sorted((_cue(entry, defaults) for entry in entries), key=lambda cue: -len(cue.word)))
