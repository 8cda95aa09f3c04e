"""The schemas of the events stage's data files (data/*.yaml), for ``summitry.data.load_data``.

They check the files' shape — every key known, every value of its kind — so a misspelled key
fails loudly; the rules' meaning (a type among the sixteen, a pattern that exists) is checked
by the lexicon's own ``*_problems`` functions.
"""

from __future__ import annotations

from typing import Literal, Union

from summitry.data import DataModel


class Need(DataModel):
    words: list[str]
    where: str = "clause"
    reach: int = 20


class Cue(DataModel):
    """A word with the conditions under which it counts (a plain string is a word with none)."""

    word: str
    not_followed_by: list[str] = []
    not_preceded_by: list[str] = []
    needs: Need | None = None
    unless: Need | None = None
    after_short_form: bool = False
    object_adjacent: bool = False
    only_alone: bool = False
    ba_check: bool = False


Cues = list[Union[str, Cue]]


class Pattern(DataModel):
    target_from: list[str]
    topic: bool | Literal["comitative"]
    min_parties: int
    min_sides: int = 1
    symmetric: bool = False
    attached: bool = False
    distributive: bool = False
    require_target: bool = False
    sum_for_target: bool = False
    addressee_only: bool = False
    speaker_goes_on: bool = False
    to_other_side: bool = False
    bodies: bool = False
    noun: bool = False


class Group(DataModel):
    type: str
    mode: str | None = None
    cameo: str | None = None
    args: str
    summary: str
    words: Cues
    amounts: str | None = None
    suppresses: list[str] = []
    absorbs_later: list[str] = []
    not_followed_by: list[str] = []
    asked_by: list[str] = []
    not_preceded_by: list[str] = []
    unless: Need | None = None
    own_subjects: list[str] = []
    object_adjacent: bool = False
    only_alone: bool = False
    nominal: bool = False


class CooperationTalk(DataModel):
    will: Cues
    signed: Cues = []
    frames: Cues
    background: Cues
    manner: Cues


class ConditionalThreat(DataModel):
    conditions: Cues
    consequences: list[str]


class TriggersData(DataModel):
    """triggers.yaml: trigger words by PLOVER type and mode, and how their parties are found."""

    patterns: dict[str, Pattern]
    groups: list[Group]
    elaborations: list[str] = []
    frame_words: list[str] = []
    again_words: list[str] = []
    general_modes: list[str] = []
    pledge_modes: list[str] = []
    cooperation_talk: CooperationTalk | None = None
    conditional_threat: ConditionalThreat | None = None


class Markers(DataModel):
    ba: list[str]
    comitative: list[str]
    direction: list[str]
    instrument: list[str] = []
    locative: list[str]
    passive: list[str]
    prep: list[str]
    received: list[str] = []


class DocumentPair(DataModel):
    """When an article is about two countries, and which events take the other as a side."""

    share: float
    third_at_most: float
    least: int = 1
    second_share: float = 0.0
    roundup_titles: list[str] = []
    types: list[str]
    not_with_amounts: list[str] = []
    aimed_at_many: list[str] = []


class BodyHead(DataModel):
    offices: str
    titles: dict[str, str]


class ArgumentsData(DataModel):
    """arguments.yaml: the words that mark an event's parties, places and topics."""

    title_joiners: list[str] = []
    received_ahead: list[str] = []
    deputy_prefix: str = ""
    object_relative_reach: int = 0
    object_relative_types: list[str] = []
    led_by_opener: str = ""
    led_by_verbs: list[str] = []
    joiners: list[str]
    comitative: list[str]
    markers: Markers
    not_markers: list[str]
    separately: list[str]
    pivot_verbs: list[str]
    seat_addressing: list[str] = []
    clause_openers: list[str]
    short_form_heads: list[str]
    light_verbs: list[str]
    title_prefixes: list[str]
    party_suffixes: list[str]
    leader_words: list[str]
    leader_roles: list[str]
    body_leader_words: list[str]
    body_leader_roles: list[str]
    both_sides: dict[str, str]
    pronouns: Cues
    speaker_pronouns: Cues
    modifier_heads_allowed: list[str]
    passive_before_trigger: list[str]
    anaphora: list[str]
    anaphora_reach: int
    series: list[str]
    venue_nouns: list[str]
    relative_reach: int
    not_comitative: list[str]
    opening_light_verbs: list[str]
    addressed_verbs: list[str]
    relation_nouns: list[str]
    complement_verbs: list[str]
    taxed_nouns: dict[str, str]
    topic_nouns: list[str]
    aspect_nouns: list[str]
    prep_phrase_openers: list[str]
    prep_phrase_not: list[str]
    quantifiers: list[str] = []
    mutual: list[str] = []
    companion_closers: list[str] = []
    companion_opens: list[str] = []
    government_seats: list[str] = []
    place_joiners: list[str] = []
    pair_words: dict[str, list[str]] = {}
    document_pair: DocumentPair | None = None
    summit_modifiers: list[str] = []
    body_head_titles: dict[str, BodyHead] = {}
    talks_modifiers: list[str] = []
    talks_held_verbs: list[str] = []
    attending_verbs: list[str] = []
    welcome_verbs: list[str] = []


class Frame(DataModel):
    opens: Cues
    closes: list[str]
    reach: int | None = None


class DatingData(DataModel):
    """dating.yaml: when an event's date is the article's, a time nearby, or none."""

    publication_lead: int = 0
    publication_kinds: list[str] = []
    bracket_credit_words: list[str] = []
    bracket_credit_not: list[str] = []
    news_of_the_day: Cues
    skip_relations: list[str]
    previous_sentence_granularity: list[str]
    future_is_planned: bool
    historical: list[str]
    since_words: list[str]
    since_reach: int
    other_verbs: list[str]
    other_verb_adverbs: list[str] = []
    earlier_frame: Frame
    group_breaks: list[str]
    group_turns: list[str]
    prior_deal_nouns: list[str]
    lead_brackets: list[str] = []
    meeting_products: list[str] = []
    since_dated_changes: list[str] = []
    meeting_settings: list[str] = []
    baseline_words: list[str] = []
    content_acts: list[str] = []


class StatusSection(DataModel):
    words: Cues
    scope: str | None = None
    reach: int | None = None
    ends_at: list[str] = []
    yield_to_speaker: list[str] = []
    blocked_by_completion: list[str] = []
    completed_verbs: list[str] = []
    own_clause_only: list[str] = []
    performed_by_agreeing: list[str] = []
    performative: list[str] = []
    performative_goes_on: list[str] = []
    said_acts: list[str] = []
    judged_after: list[str] = []


class CancelledPlan(DataModel):
    plans: list[str]
    turns: list[str]


class AccordingTo(DataModel):
    before: list[str]
    after: list[str]


class StatusData(DataModel):
    """status.yaml: the cues of negated, denied, hypothetical, possible, planned and claimed events."""

    negated: StatusSection
    denied: StatusSection
    hypothetical: StatusSection
    possible: StatusSection
    planned: StatusSection
    invitation_frame: Frame
    cancelled_plan: CancelledPlan
    joint_statements: list[str]
    reporting: StatusSection
    unattributed: list[str]
    according_to: AccordingTo
    quotation_min_length: int


class Column(DataModel):
    role: str
    words: list[str]


class TableKind(DataModel):
    name: str
    type: str
    mode: str | None = None
    cameo: str | None = None
    summary: str
    needs: list[str] = []
    needs_any: list[str] = []
    amount_from: str | None = None
    source_from: list[str] = []
    target_from: list[str] = []


class TablesData(DataModel):
    """tables.yaml: the header words that give a table's columns their roles, and its kinds."""

    separator: str
    min_cells: int
    caption_starts: list[str]
    columns: list[Column]
    second_of: dict[str, str]
    governments: list[str]
    kinds: list[TableKind]


SCHEMAS: dict[str, type[DataModel]] = {
    "triggers.yaml": TriggersData,
    "arguments.yaml": ArgumentsData,
    "dating.yaml": DatingData,
    "status.yaml": StatusData,
    "tables.yaml": TablesData,
}
