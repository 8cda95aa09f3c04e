"""From matched aliases to linked mentions: short forms, titles, misspellings, new people.

Each rule only claims text that no earlier rule has claimed, so the order of the steps in
``link_actors`` is the order of trust: aliases, short forms, titles, then unknown people.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import operator
import re
from dataclasses import dataclass
from functools import cache
from typing import AbstractSet, Callable, Iterable, Sequence, cast


from summitry import cache as disk_cache
from summitry import text as text_module
from summitry.actors.kb import NAME_JOINERS, KnowledgeBase, read_data
from summitry.actors.matcher import AliasMatch, match_aliases
from summitry.model import Entity, Mention, Office, TextView
from summitry.text import fold, longest_first

# Capitalised words, with the lower-case particles Arabic, Dutch and Spanish names carry (Majed
# al-Ansari, Faisal bin Farhan, Ursula von der Leyen).
_LATIN_NAME = r"[A-Z][A-Za-z.'\-]*(?: (?:(?:al|bin|bint|ibn|von|van|der|de|da|del|la|le)\b[\-' ]?)?[A-Z][A-Za-z.'\-]*){1,3}"
_BRACKETED_LATIN = re.compile(r"\((" + _LATIN_NAME + r")\s*(?:,[^)]*)?\)")
_LATIN_NAME_AFTER_MARKER = re.compile(r"\s?(" + _LATIN_NAME + ")")
# Before a title these make it a past or another office, not today's holder (folded: matched against Simplified).
_MARKED_OFFICE_REACH = 2  # characters between a country and a person word (国务顾问)
_HOME = "CHN"  # the title run of a mainland body names mainland people, whom the knowledge base knows


@dataclass(frozen=True)
class LinkedActors:
    mentions: tuple[Mention, ...]
    entities: tuple[Entity, ...]  # every entity a mention points to, new people included


class _Claims:
    """Which characters of the text already belong to a mention."""

    def __init__(self, length: int) -> None:
        self.owner: list[Mention | None] = [None] * length
        self.claimed: list[Mention] = []

    def free(self, start: int, end: int) -> bool:
        """No character of ``start:end`` is claimed; positions past the text's end are free."""
        return not any(self.owner[max(start, 0) : end])  # a Mention is always truthy

    def claim(self, mention: Mention) -> None:
        self.owner[mention.start : mention.end] = [mention] * (mention.end - mention.start)
        self.claimed.append(mention)

    def owners(self) -> list[Mention]:
        """Claimed mentions that still own a character, in the order they were claimed."""
        distinct = {id(mention): mention for mention in self.claimed}.values()
        return [m for m in distinct if self._owns(m)]

    def _owns(self, mention: Mention) -> bool:
        """By identity: a mention equal to another is still another claim. Most own their first character."""
        if mention.start < len(self.owner) and self.owner[mention.start] is mention:
            return True
        return any(owner is mention for owner in self.owner[mention.start : mention.end])

    def at(self, index: int) -> Mention | None:
        return self.owner[index] if 0 <= index < len(self.owner) else None


def _alias_mentions(matches: list[AliasMatch]) -> list[Mention]:
    """The validator keeps every alias to one entity, so a match names exactly one."""
    return [Mention(m.start, m.end, m.entity_ids[0], m.how) for m in matches]


class _WordBoundaries:
    """Where the word segmenter puts word boundaries, computed per sentence on demand."""

    def __init__(self, view: TextView) -> None:
        self.view = view
        self.sentence_starts = [sentence.start for sentence in view.sentences]
        self.cache: dict[int, frozenset[int]] = {}

    def __call__(self, index: int) -> bool:
        position = bisect.bisect_right(self.sentence_starts, index) - 1
        if position < 0:
            return True
        sentence = self.view.sentences[position]
        if index <= sentence.start or index >= sentence.end:
            return True
        boundaries = self.cache.get(sentence.start)
        if boundaries is None:
            import rjieba  # here: its dictionary loads on import (0.2 s), and most texts never ask

            tokens = rjieba.cut(self.view.folded[sentence.start : sentence.end])
            boundaries = self.cache[sentence.start] = frozenset(itertools.accumulate(map(len, tokens), initial=sentence.start))
        return index in boundaries


def _whole_words(folded: str, kb: KnowledgeBase, boundary: _WordBoundaries) -> Callable[[AliasMatch], bool]:
    """A word-bound alias inside a longer word (韓正 in 日韓正式, 石破 in 石破天驚) is not the name;
    every other match stands. One test per match, as a text has thousands. Right after a title
    it is the name, however the segmenter cuts (国家副主席韩正在北京: 韩/正在)."""
    word_bound = kb.word_bound_aliases

    def stands(match: AliasMatch) -> bool:
        if folded[match.start : match.end] not in word_bound:
            return True
        return (boundary(match.start) and boundary(match.end)) or _marker_ending_at(folded, match.start, kb) is not None

    return stands


def _short_form_mentions(view: TextView, kb: KnowledgeBase, claims: _Claims, boundary: _WordBoundaries) -> list[Mention]:
    """美中, 日美同盟, 美、俄、烏三方, 川習會 as compounds; 訪美, 對美, 俄總統 as single short forms."""
    folded = view.folded
    known = _short_forms(kb)
    found: list[Mention] = []
    index = 0
    while index < len(folded):
        next_pair = _compound_starts(kb).search(folded, index)  # a compound starts only at a short form before another
        if next_pair is None:
            break
        index = next_pair.start()
        if _function_word_at(folded, index):  # 以美為首: the compound cannot start with a function word
            index += 1
            continue
        members = _compound_at(folded, index, known, claims)
        if len(members) >= 2:
            run_end = members[-1] + 1
            has_person = any(folded[i] in kb.short_persons for i in members)
            # 其中美將: a run whose first form ends the word before it (其中) is no compound
            followed = folded.startswith(kb.compound_suffixes, run_end) and (boundary(members[0]) or _after_day(folded, members[0]))
            stands_alone = all(boundary(i) and boundary(i + 1) for i in members)  # 美/俄/手中, not 加以
            if (has_person and _suffix_is_meeting(folded, run_end)) or (not has_person and (followed or stands_alone)):
                found.extend(_short_mention(folded[i], i, kb, "compound") for i in members)
                index = run_end
                continue
        index += 1
    taken = {m.start for m in found}
    for short_form in _single_short_form_candidates(kb).finditer(folded):
        index, char = short_form.start(), short_form.group()
        if index in taken or not claims.free(index, index + 1) or _function_word_at(folded, index):
            continue
        after_prefix = (
            index > 0 and folded[index - 1] in kb.single_prefixes and claims.free(index - 1, index) and boundary(index - 1)
        )
        before_title = char in kb.before_title and _title_at(folded, index + 1, kb) is not None and boundary(index)
        if (after_prefix and boundary(index + 1)) or before_title:
            found.append(_short_mention(char, index, kb, "short_form"))
    return found


@dataclass(frozen=True)
class _ShortFormExclusions:
    not_after: dict[str, frozenset[str]]  # short form -> characters it makes another word after
    frame_ends: dict[str, tuple[str, ...]]  # short form -> ends of a frame it opens (以…為首)
    frame_reach: int
    shared: dict[str, tuple[str, ...]]  # short form -> the other countries it may stand for (馬: Maldives)
    shared_sides: dict[str, tuple[str, ...]]  # folded side word -> the same (巴方: Brazil, Palestine, Panama)


disk_cache.picklable_by_fields(_ShortFormExclusions)  # for the disk cache, in the compiled build too


@cache
def _rules_key() -> str:
    """The key of what the linker builds from the actors' data files: the files and the code
    the knowledge base is keyed by, and the linker's own."""
    from summitry.actors.kb import knowledge_fingerprint

    code = [disk_cache.source_file(__file__)]
    return disk_cache.fingerprint(code, knowledge_fingerprint(), disk_cache.build_flavour(__file__))


@cache
def _short_form_exclusions() -> _ShortFormExclusions:
    """short_forms.yaml's exclusions, folded; from the disk cache when nothing changed (issue 13)."""
    return disk_cache.built("short-form-exclusions", _rules_key(), _read_short_form_exclusions, _ShortFormExclusions)


def _read_short_form_exclusions() -> _ShortFormExclusions:
    raw = read_data("short_forms.yaml")
    return _ShortFormExclusions(
        not_after={fold(char): frozenset(fold(c) for c in before) for char, before in (raw.get("not_after") or {}).items()},
        frame_ends={fold(char): tuple(fold(end) for end in ends) for char, ends in (raw.get("frame_ends") or {}).items()},
        frame_reach=int(raw.get("frame_reach", 0)),
        shared={fold(char): tuple(codes) for char, codes in (raw.get("shared") or {}).items()},
        shared_sides={fold(side): tuple(codes) for side, codes in (raw.get("shared_sides") or {}).items()},
    )


def _short_forms_of_the_named(short: list[Mention], named: AbstractSet[str], folded: str, kb: KnowledgeBase) -> list[Mention]:
    """中馬關係 in a story about the Maldives: a short form several countries share stands for
    the one the document names in full, when it does not name the usual one (Malaysia) too."""
    shared = _short_form_exclusions().shared
    found = []
    for mention in short:
        char = folded[mention.start : mention.end]
        meant = _the_named_other(kb.short_countries.get(char), shared.get(char, ()), named)
        found.append(Mention(mention.start, mention.end, meant, mention.how) if meant else mention)
    return found


def _the_named_other(usual: str | None, others: Sequence[str], named: AbstractSet[str]) -> str | None:
    """Which of the other countries a shared word stands for: the one the document names, when
    it names exactly one of them and not the usual one."""
    meant = [code for code in others if code in named]
    return meant[0] if len(meant) == 1 and usual not in named else None


def _sides_of_the_named(mentions: list[Mention], folded: str, kb: KnowledgeBase) -> list[Mention]:
    """巴方 in a story about Brazil: a side word several countries share stands for the one the
    document names otherwise (in full, or by its people), when it does not name the usual one."""
    shared = _short_form_exclusions().shared_sides
    sides = [m for m in mentions if folded[m.start : m.end] in shared]
    if not sides:
        return mentions
    side_spans = {(m.start, m.end) for m in sides}
    named: set[str] = set()
    for m in mentions:
        if (m.start, m.end) not in side_spans:
            entity = kb.entities.get(m.entity_id)
            named.update(i for i in (m.entity_id, entity.country if entity else None) if i)
    found = []
    for mention in mentions:
        meant = _the_named_other(mention.entity_id, shared[folded[mention.start : mention.end]], named) \
            if (mention.start, mention.end) in side_spans else None
        found.append(Mention(mention.start, mention.end, meant, mention.how) if meant else mention)
    return found


_CLAUSE_END = re.compile(r"[，。、；：！？,.;:!?「」『』()《》\n]")


def _without_short_forms_inside_titles(short: list[Mention], folded: str, kb: KnowledgeBase, claims: _Claims) -> list[Mention]:
    """印尼对华合作牵头人、统筹部长卢胡特, 美国对华特使: a short form after a prefix, between a
    country and the title word or person marker its words run into, is part of that country's
    title, not a party of its own. The run holds Chinese characters of no other phrase only
    (none of office_descriptor_breaks but the prefix), at most title_run_reach of them."""
    rules = _link_rules()
    countries = _entities_of_type(kb, "country")
    kept = []
    for mention in short:
        if mention.how != "short_form" or mention.start == 0 or folded[mention.start - 1] not in kb.single_prefixes:
            kept.append(mention)
            continue
        title_end = next(
            (end for end in range(mention.end + 1, min(len(folded), mention.end + rules.title_run_reach) + 1)
             if _marker_ending_at(folded, end, kb) is not None or _title_ending_at(folded, end, kb) is not None),
            None,
        )
        between = folded[mention.end : title_end] if title_end is not None else ""
        if not between or any(not "\u4e00" <= char <= "\u9fff" or char in rules.office_descriptor_breaks for char in between[:-1]):
            kept.append(mention)
            continue
        owner = None
        for at in range(mention.start - 2, max(0, mention.start - 1 - rules.title_run_reach) - 1, -1):
            owner = claims.at(at)
            if owner is not None or not "\u4e00" <= folded[at] <= "\u9fff" or folded[at] in rules.office_descriptor_breaks:
                break
        if owner is None or owner.entity_id not in countries or owner.how in ("compound", "short_form"):
            kept.append(mention)
    return kept


def _function_word_at(folded: str, index: int) -> bool:
    """True when the short form at ``index`` is a function word here: 回以, 加以, 所以, or 以
    opening a frame that closes later in its clause (以美國為首, 以安全為由)."""
    exclusions = _short_form_exclusions()
    char = folded[index]
    if index > 0 and folded[index - 1] in exclusions.not_after.get(char, ()):
        return True
    ends = exclusions.frame_ends.get(char)
    if not ends:
        return False
    window = folded[index + 1 : index + 1 + exclusions.frame_reach]
    clause_end = _CLAUSE_END.search(window)
    window = window[: clause_end.start()] if clause_end else window
    return any(end in window for end in ends)


@cache
def _short_forms(kb: KnowledgeBase) -> frozenset[str]:
    return frozenset(kb.short_countries) | frozenset(kb.short_persons)


@cache
def _compound_starts(kb: KnowledgeBase) -> re.Pattern[str]:
    """A short form with another right after it or after a 、: the only places a compound of two or more can start."""
    short_form = _character_class(_short_forms(kb))
    return re.compile(f"{short_form}(?=、?{short_form})")


@cache
def _single_short_form_candidates(kb: KnowledgeBase) -> re.Pattern[str]:
    """A short country form after a prefix (訪美) or before the first character of a title (俄總統):
    the only ones that can stand alone. The form is matched first and the rest asserted around
    it, as a regex that starts with a character class lets the engine skip other characters in C."""
    countries = _character_class(kb.short_countries)
    before_title = _character_class(kb.before_title & set(kb.short_countries))
    after_prefix = f"(?<={_character_class(kb.single_prefixes)}{countries})"
    title_after = f"(?<={before_title})(?={_character_class(_title_first_characters(kb))})"
    return re.compile(f"{countries}(?:{after_prefix}|{title_after})")


def _character_class(characters: Iterable[str]) -> str:
    """A regex matching any one of ``characters``, or nothing when there are none."""
    characters = sorted(characters)
    return "[" + "".join(re.escape(char) for char in characters) + "]" if characters else "(?!)"


def _compound_at(folded: str, index: int, known: AbstractSet[str], claims: _Claims) -> list[int]:
    """Positions of distinct short forms from ``index`` on, allowing 、 between them (at most four)."""
    members: list[int] = []
    position = index
    while position < len(folded) and len(members) < 4:
        char = folded[position]
        if char in known and claims.free(position, position + 1) and char not in {folded[i] for i in members}:
            members.append(position)
            position += 1
        elif char == "、" and members and position + 1 < len(folded) and folded[position + 1] in known:
            position += 1
        else:
            break
    return members


_DAY_NUMERALS = frozenset("0123456789〇一二三四五六七八九十廿卅")


_ROUND_COUNTERS = frozenset("轮届")  # folded 輪, 屆


def _after_day(folded: str, at: int) -> bool:
    """Whether a day of the month (16日, 九日) or a round (第十二輪, 第三屆) ends right before
    ``at``: a word starts there, however the segmenter cuts it (9日美以領導人通話: 日美 is no
    word; 第十二輪中美經貿磋商: 輪中 is none)."""
    if at >= 1 and folded[at - 1] in _ROUND_COUNTERS:
        return True
    return at >= 2 and folded[at - 1] == "日" and folded[at - 2] in _DAY_NUMERALS


def _suffix_is_meeting(folded: str, at: int) -> bool:
    return folded.startswith(_link_rules().meeting_suffixes, at)


def _short_mention(char: str, at: int, kb: KnowledgeBase, how: str) -> Mention:
    entity_id = kb.short_countries.get(char) or kb.short_persons[char]
    return Mention(at, at + 1, entity_id, how)


@cache
def _any_of(characters: frozenset[str]) -> re.Pattern[str]:
    """A pattern matching any one of ``characters``: the scan for candidates runs in C."""
    if not characters:
        return re.compile(r"(?!)")
    return re.compile("[" + "".join(re.escape(char) for char in sorted(characters)) + "]")


@cache
def _title_first_characters(kb: KnowledgeBase) -> frozenset[str]:
    return frozenset(title[0] for title in kb.titles if title)


@cache
def _marker_last_characters(kb: KnowledgeBase) -> frozenset[str]:
    return frozenset(marker[-1] for marker in kb.person_markers if marker)


@cache
def _name_after_marker_end(kb: KnowledgeBase) -> re.Pattern[str]:
    """The last character of a person marker before what can start a name: a capital, after one
    space at most (川普總統 Donald), or a character of transliterated names (總理帕希尼揚)."""
    name_start = f"\\s?[A-Z]|{_character_class(kb.transliteration)}"
    return re.compile(f"{_character_class(_marker_last_characters(kb))}(?={name_start})")


def _title_at(folded: str, at: int, kb: KnowledgeBase) -> str | None:
    """The longest title word of up to six characters starting at ``at``; most characters start
    none, and only the lengths of the titles that start with that character are tried."""
    for length in _title_lengths_by_first(kb).get(folded[at : at + 1], ()):
        candidate = folded[at : at + length]
        if len(candidate) == length and candidate in kb.titles:
            return candidate
    return None


@cache
def _title_lengths_by_first(kb: KnowledgeBase) -> dict[str, tuple[int, ...]]:
    lengths: dict[str, set[int]] = {}
    for title in kb.titles:
        if 0 < len(title) <= 6:
            lengths.setdefault(title[0], set()).add(len(title))
    return {first: tuple(sorted(group, reverse=True)) for first, group in lengths.items()}


def _name_run(folded: str, at: int, kb: KnowledgeBase) -> int:
    """End of a transliterated name starting at ``at`` (赫格赛斯, 阿米尔·奥哈纳), or ``at`` if none."""
    end = at
    while end < len(folded) and (folded[end] in kb.transliteration or (folded[end] == "·" and end > at)) and end - at < 12:
        end += 1
    while end > at and folded[end - 1] == "·":
        end -= 1
    return end if end - at >= 2 else at


def _title_mentions(
    view: TextView, kb: KnowledgeBase, claims: _Claims, on: dt.date | None, boundary: _WordBoundaries
) -> list[Mention]:
    """美國總統 -> the president of the USA on the date; 美國國防部長赫格賽斯 -> the holder, also on the name."""
    if on is None:
        return []
    folded = view.folded
    found = []
    office_countries = _office_countries(kb)
    owners = [m for m in claims.owners() if m.how != "compound" and m.entity_id in office_countries]
    for owner in sorted(owners, key=lambda m: m.start):
        office_country = office_countries[owner.entity_id]
        title = _title_at(folded, owner.end, kb)
        if title is None or folded[max(0, owner.start - 2) : owner.start].endswith(_link_rules().former_markers):
            continue
        title_end = owner.end + len(title)
        if not boundary(title_end):  # 總統府, 總統夫人: the title is part of another word
            continue
        holders = kb.holders(office_country, kb.titles[title], on)
        following = claims.at(title_end)
        if not holders or (following is not None and _is_person(following.entity_id, kb)):
            continue
        name_end = _name_run(folded, title_end, kb) if claims.free(title_end, title_end + 1) else title_end
        if name_end > title_end and claims.free(title_end, name_end):
            found.append(Mention(title_end, name_end, holders[0].id, "title"))
        else:
            found.append(Mention(owner.start, title_end, holders[0].id, "title"))
    return found


@cache
def _office_countries(kb: KnowledgeBase) -> dict[str, str]:
    """Entities whose name before a title names an office: a country (its own offices) or a
    body (NATO, the UN: the offices of its code)."""
    office_countries = {
        entity.id: entity.id if entity.type == "country" else kb.body_codes.get(entity.id) for entity in kb.entities.values()
    }
    return {entity_id: country for entity_id, country in office_countries.items() if country}


@dataclass(frozen=True)
class _LinkRules:
    place_not_before: tuple[str, ...]
    country_not_before: tuple[str, ...]
    names_inside_words: tuple[str, ...]
    surnames: frozenset[str]
    name_followers: tuple[str, ...]
    credits: re.Pattern[str]
    office_name_stops: tuple[str, ...]
    office_name_reach: int
    office_body_ends: tuple[str, ...]
    office_body_reach: int
    office_descriptor_reach: int
    office_descriptor_breaks: frozenset[str]
    title_run_reach: int
    title_run_joiners: frozenset[str]
    deputy_prefix: str
    former_markers: tuple[str, ...]
    meeting_suffixes: tuple[str, ...]
    home_bodies: dict[str, dict[str, str]]
    taiwan_cues: tuple[str, ...]
    home_body_not_before: tuple[str, ...]
    never_misspelt: frozenset[str]


@cache
def _link_rules() -> _LinkRules:
    """link_rules.yaml, folded; from the disk cache when nothing changed (issue 13)."""
    return disk_cache.built("link-rules", _rules_key(), _read_link_rules, _LinkRules)


def _read_link_rules() -> _LinkRules:
    raw = read_data("link_rules.yaml")
    return _LinkRules(
        place_not_before=tuple(sorted({fold(word) for word in raw["place_not_before"]}, key=len, reverse=True)),
        country_not_before=tuple(sorted({fold(word) for word in raw["country_not_before"]}, key=len, reverse=True)),
        names_inside_words=tuple(fold(word) for word in raw["names_inside_words"]),
        surnames=frozenset(fold(surname) for surname in raw["surnames"]),
        name_followers=tuple(sorted({fold(word) for word in raw["name_followers"]}, key=len, reverse=True)),
        credits=re.compile("|".join(f"(?:{pattern})" for pattern in raw["credits"])),
        office_name_stops=tuple(sorted({fold(word) for word in raw["office_name_stops"]}, key=len, reverse=True)),
        office_name_reach=int(raw["office_name_reach"]),
        office_body_ends=tuple(sorted({fold(word) for word in raw["office_body_ends"]}, key=len, reverse=True)),
        office_body_reach=int(raw["office_body_reach"]),
        office_descriptor_reach=int(raw["office_descriptor_reach"]),
        office_descriptor_breaks=frozenset(fold("".join(raw["office_descriptor_breaks"]))),
        title_run_reach=int(raw["title_run_reach"]),
        title_run_joiners=frozenset(fold("".join(raw["title_run_joiners"]))),
        deputy_prefix=fold(raw["deputy_prefix"]),
        former_markers=longest_first(raw["former_markers"]),
        meeting_suffixes=longest_first(raw["meeting_suffixes"]),
        home_bodies={fold(word): dict(homes) for word, homes in (raw.get("home_bodies") or {}).items()},
        taiwan_cues=tuple(fold(word) for word in raw.get("taiwan_cues") or ()),
        home_body_not_before=tuple(fold(word) for word in raw.get("home_body_not_before") or ()),
        never_misspelt=frozenset(fold("".join(raw.get("never_misspelt") or ()))),
    )


def _home_body_mentions(folded: str, kb: KnowledgeBase, claims: _Claims) -> list[Mention]:
    """外交部今天召見宏都拉斯駐台大使: a ministry named bare is the outlet's own — Taiwan's in a
    Taiwanese document, else the People's Republic's — unless a country or body stands right
    before it (俄羅斯外交部: claimed by that mention, or an alias of its own)."""
    rules = _link_rules()
    if not rules.home_bodies:
        return []
    home = "TWN" if any(cue in folded for cue in rules.taiwan_cues) else "CHN"
    found = []
    for word, homes in rules.home_bodies.items():
        body = homes.get(home)
        if body is None or body not in kb.entities:
            continue
        for match in re.finditer(re.escape(word), folded):
            start, end = match.span()
            if folded.startswith(rules.home_body_not_before, end):
                continue
            if claims.free(start, end) and (start == 0 or claims.at(start - 1) is None):
                found.append(Mention(start, end, body, "alias"))
    return found


def _as_credits(mentions: list[Mention], folded: str) -> list[Mention]:
    """Mentions inside a source credit or dateline, marked ``credit``: named, never a party."""
    spans = [match.span() for match in _link_rules().credits.finditer(folded)]
    if not spans:
        return mentions
    return [
        Mention(m.start, m.end, m.entity_id, "credit") if any(s <= m.start and m.end <= e for s, e in spans) else m
        for m in mentions
    ]


def _places_in_other_names(matches: list[AliasMatch], folded: str, kb: KnowledgeBase) -> Callable[[AliasMatch], bool]:
    """台北時間 (a time zone) and 巴黎協定, 明斯克協議 (treaties) mention no place; 日本語版 (a
    language edition) and 發展中國家 (developing countries) mention no country."""
    places = _entities_of_type(kb, "place")
    countries = _entities_of_type(kb, "country")
    rules = _link_rules()
    return lambda match: (
        match.entity_ids[0] in places and folded.startswith(rules.place_not_before, match.end)
        or match.entity_ids[0] in countries and folded.startswith(rules.country_not_before, match.end)
        or _inside_a_word(folded, match.start, match.end, rules.names_inside_words)
    )


def _inside_a_word(folded: str, start: int, end: int, words: tuple[str, ...]) -> bool:
    """Whether folded[start:end] lies inside one of ``words`` written around it (发展中国家)."""
    surface = folded[start:end]
    for word in words:
        offset = word.find(surface)
        while offset != -1:
            if start >= offset and folded.startswith(word, start - offset):
                return True
            offset = word.find(surface, offset + 1)
    return False


def _countries_opening_names(mentions: list[Mention], folded: str, kb: KnowledgeBase) -> list[Mention]:
    """韓國外交部, 中國商務部: a body named after its country also mentions the country."""
    found = []
    bodies = _entities_of_type(kb, "organization", "company")
    for mention in mentions:
        if mention.entity_id not in bodies:
            continue
        for end in range(mention.end - 1, mention.start + 1, -1):
            countries = [i for i in kb.alias_index.get(folded[mention.start : end], ()) if kb.entities[i].type == "country"]
            if countries:
                found.append(Mention(mention.start, end, countries[0], "inside_name"))
                break
    return found


@cache
def _entities_of_type(kb: KnowledgeBase, *types: str) -> frozenset[str]:
    """Ids of the knowledge base's entities of these types, to test mentions by the thousand."""
    return frozenset(entity.id for entity in kb.entities.values() if entity.type in types)


def _is_person(entity_id: str, kb: KnowledgeBase) -> bool:
    """New people found in this text are not in the knowledge base, but they are people."""
    return entity_id not in kb.entities or kb.entities[entity_id].type == "person"


def _repeated_names(
    view: TextView, mentions: list[Mention], people: frozenset[str], claims: _Claims, boundary: _WordBoundaries
) -> list[Mention]:
    """坦桑尼亚总统哈桑…会见哈桑总统: a name read once through its title (or as a new person of a
    country) is that person wherever the document writes it again, alone or before a title —
    when that name stands for one person only in the document and the segmenter keeps it a word
    (no 哈桑 inside another name)."""
    folded = view.folded
    by_name: dict[str, set[tuple[str, str]]] = {}
    for mention in mentions:
        if mention.how in ("title", "unknown_person") and (mention.entity_id in people or mention.entity_id.startswith("person:")):
            name = folded[mention.start : mention.end]
            if len(name) >= 2 and all("\u4e00" <= char <= "\u9fff" or char in NAME_JOINERS for char in name):
                by_name.setdefault(name, set()).add((mention.entity_id, mention.how))
    found: list[Mention] = []
    for name, owners in by_name.items():
        if len({owner for owner, _ in owners}) != 1:
            continue
        owner, how = min(owners)
        for match in re.finditer(re.escape(name), folded):
            start, end = match.span()
            if claims.free(start, end) and boundary(start) and boundary(end):
                found.append(Mention(start, end, owner, how))
    return found


def _name_parts_of_the_named(view: TextView, kb: KnowledgeBase, claims: _Claims, boundary: _WordBoundaries, named: set[str]) -> list[Mention]:
    """安提瓜和巴布达总理…李强同布朗举行会谈: once the text names a person (often by title in the
    headline), one part of that person's full name (加斯顿·布朗, 穆罕默德·本·萨勒曼) written alone
    as a word is that person. A bare part is too common a name to be an alias of its own, so only
    the people the text already names lend theirs, and a part two of them share lends nothing."""
    owners: dict[str, set[str]] = {}
    for person in named:
        entity = kb.entities.get(person)
        if entity is None:
            continue
        for alias in entity.aliases:
            parts = re.split(f"[{re.escape(''.join(NAME_JOINERS))}]", fold(alias))
            if len(parts) < 2:
                continue
            for part in parts:
                if len(part) >= 2 and all("\u4e00" <= char <= "\u9fff" for char in part):
                    owners.setdefault(part, set()).add(person)
    folded = view.folded
    found: list[Mention] = []
    for part, people in owners.items():
        if len(people) != 1:
            continue
        (person,) = people
        for match in re.finditer(re.escape(part), folded):
            start, end = match.span()
            if claims.free(start, end) and boundary(start) and boundary(end):
                found.append(Mention(start, end, person, "name_part"))
    return found


def _surname_title_mentions(view: TextView, kb: KnowledgeBase, claims: _Claims, named: set[str]) -> list[Mention]:
    """李總統, 習主席: a surname and a title stand for a person the text names elsewhere."""
    folded = view.folded
    found = []
    named_by_surname: dict[str, list[_Surnamed]] = {}  # one look-up per title, however many people the text names
    for person in named:
        surnamed = _surnamed_people(kb)[person]
        for first in surnamed.first_characters:
            named_by_surname.setdefault(first, []).append(surnamed)
    for title_start in _any_of(_title_first_characters(kb)).finditer(folded, 1):  # only where a title may follow
        index = title_start.start() - 1
        if folded[index] not in named_by_surname:
            continue
        if not claims.free(index, index + 1) or not ("\u4e00" <= folded[index] <= "\u9fff"):
            continue
        title = _title_at(folded, index + 1, kb)
        if title is None or not claims.free(index + 1, index + 1 + len(title)):
            continue
        roles = kb.titles[title]
        candidates = [person for person in named_by_surname.get(folded[index], ()) if not person.roles.isdisjoint(roles)]
        if len(candidates) == 1:
            found.append(Mention(index, index + 1 + len(title), candidates[0].id, "title"))
    return found


@dataclass(frozen=True)
class _Surnamed:
    """A person as ``_surname_title_mentions`` looks them up: by the first character of an alias, as written or folded."""

    id: str
    first_characters: frozenset[str]
    roles: frozenset[str]


disk_cache.picklable_by_fields(_Surnamed, _LinkRules)  # for the disk cache, in the compiled build too


@cache
def _surnamed_people(kb: KnowledgeBase) -> dict[str, _Surnamed]:
    """Every person of the knowledge base, by id; made once, as folding each alias is slow, and
    kept in the disk cache beside the knowledge base it comes from (it took a twentieth of a
    one-file extract's start, issue 13). A knowledge base of one's own has no fingerprint and
    is indexed afresh."""
    if not kb.fingerprint:
        return _index_surnamed_people(kb)
    code = [disk_cache.source_file(f) for f in (__file__, text_module.__file__)]
    key = disk_cache.fingerprint(code, kb.fingerprint, disk_cache.build_flavour(__file__))
    return disk_cache.built("surnamed-people", key, lambda: _index_surnamed_people(kb), dict)


def _index_surnamed_people(kb: KnowledgeBase) -> dict[str, _Surnamed]:
    return {
        entity.id: _Surnamed(
            entity.id,
            frozenset(alias[0] for alias in entity.aliases if alias) | frozenset(_fold_first(alias) for alias in entity.aliases),
            frozenset(office.role for office in entity.offices),
        )
        for entity in kb.entities.values()
        if entity.type == "person"
    }


def _fold_first(alias: str) -> str:
    return fold(alias[:1])


def _romanize(name: str) -> str:
    """An English-alphabet name for a person known only in Chinese: pinyin, one word per name part."""
    from pypinyin import Style, lazy_pinyin  # here: only a name the knowledge base lacks needs it

    parts = [part for part in name.split("·") if part]
    return " ".join("".join(lazy_pinyin(part, style=Style.NORMAL)).capitalize() for part in parts)


def _slug(name: str) -> str:
    return "person:" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _person_by_latin_name(latin: str, kb: KnowledgeBase) -> Entity | None:
    """Peter Brian Hegseth -> Pete Hegseth: same surname and a shared start of the first name."""
    words = latin.split()
    for entity, alias, alias_words in _latin_aliases_by_surname(kb).get(words[-1], ()):
        if alias == latin or alias_words[0][:3] == words[0][:3]:
            return entity
    return None


@cache
def _latin_aliases_by_surname(kb: KnowledgeBase) -> dict[str, tuple[tuple[Entity, str, list[str]], ...]]:
    """People's Latin aliases of two or more words under their last word, in knowledge-base order
    (an alias equal to the name looked up has its last word too, so no match is lost)."""
    index: dict[str, list[tuple[Entity, str, list[str]]]] = {}
    for entity in kb.entities.values():
        if entity.type != "person":
            continue
        for alias in entity.aliases:
            alias_words = alias.split()
            if alias.isascii() and len(alias_words) >= 2:
                index.setdefault(alias_words[-1], []).append((entity, alias, alias_words))
    return {surname: tuple(entries) for surname, entries in index.items()}


def _unknown_people(
    view: TextView, kb: KnowledgeBase, claims: _Claims, on: dt.date | None
) -> tuple[list[Mention], list[Entity]]:
    """People the text marks as people: a Latin name in brackets after a Chinese one, or a name after a title.

    A name after a country's title is that country's office-holder on the date when the knowledge
    base knows one (under another transliteration), else a new person of that country in that office.
    """
    folded = view.folded
    mentions: list[Mention] = []
    new_people: dict[str, Entity] = {}

    def person_for(latin: str | None, chinese: str, office: Office | Entity | None = None) -> Entity:
        known = _person_by_latin_name(latin, kb) if latin else None
        if known:
            return known
        if isinstance(office, Entity):  # the office-holder the knowledge base knows, under another name
            return office
        name = latin or _romanize(chinese)
        if office is not None:  # 格林纳达总理米切尔: a new person of that country, holding that office
            # The country in the id: two countries' 米切尔 are two people across a store.
            person_id = _slug(name).replace("person:", f"person:{office.country.lower()}:", 1)
            offices = (office,) if office.role else ()
            person = Entity(id=person_id, name=name, type="person", country=office.country, offices=offices)
            return new_people.setdefault(person.id, person)
        return new_people.setdefault(_slug(name), Entity(id=_slug(name), name=name, type="person"))

    for bracket in _BRACKETED_LATIN.finditer(folded):
        before = claims.at(bracket.start() - 1)
        latin_start, latin_end = bracket.span(1)
        if before is not None:
            if _is_person(before.entity_id, kb) and claims.free(latin_start, latin_end):
                mentions.append(Mention(latin_start, latin_end, before.entity_id, "alias"))
            continue
        name_start = bracket.start()
        while (
            name_start > 0
            and (folded[name_start - 1] in kb.transliteration or folded[name_start - 1] == "·")
            and claims.free(name_start - 1, name_start)
            and bracket.start() - name_start < 16
            and _marker_ending_at(folded, name_start, kb) is None  # 總理帕希尼揚: stop where a title ends
        ):
            name_start -= 1
        if bracket.start() - name_start < 2:
            continue
        person = person_for(bracket.group(1), folded[name_start : bracket.start()])
        mentions.append(Mention(name_start, bracket.start(), person.id, "unknown_person"))
        mentions.append(Mention(latin_start, latin_end, person.id, "unknown_person"))
    for mention in mentions:
        claims.claim(mention)
    marker_ends = (match.end() for match in _name_after_marker_end(kb).finditer(folded))
    for index in (end for end in marker_ends if end < len(folded)):  # only where a marker may end before a name
        marker = _marker_ending_at(folded, index, kb) if claims.free(index, index + 1) else None
        if marker is None:
            continue
        office = _office_before_name(folded, index, kb, claims, on) or _office_of_title_run(folded, index, kb, claims, on)
        latin = _LATIN_NAME_AFTER_MARKER.match(folded, index)
        if latin:
            start, end = latin.span(1)
            person = person_for(latin.group(1), "", office)
        else:
            start, end = index, (_office_name_end(folded, index, kb) if office else _name_run(folded, index, kb))
            # 马耳他总统维拉: after a country's title a name of two characters is a name too.
            if end == start or "·" not in folded[start:end] and end - start < (2 if office else 3):
                continue
            surname = _person_after_given_name(folded, end, claims, kb)
            person = surname or person_for(None, folded[start:end], office)
        if claims.free(start, end):
            mention = Mention(start, end, person.id, "unknown_person")
            mentions.append(mention)
            claims.claim(mention)
    for mention, person in _unknown_chinese_names(view, kb, claims, on):
        new_people.setdefault(person.id, person)
        mentions.append(mention)
        claims.claim(mention)
    return mentions, list(new_people.values())


def _office_name_end(folded: str, start: int, kb: KnowledgeBase) -> int:
    """End of a name after a country's title: one that opens with a transliteration character
    (where names are looked for) and runs over Chinese characters, name dots and hyphens up to
    punctuation or a stop word (率领, 举行, 一行), at most office_name_reach characters. The dots
    and hyphens between the parts count for nothing: a double surname (冈萨雷斯-奥莱切亚) is as
    long a name as a single one with its given name."""
    rules = _link_rules()
    if folded[start : start + 1] not in kb.transliteration:
        return start
    end, joiners = start, 0
    while end < len(folded) and end - start - joiners < rules.office_name_reach:
        char = folded[end]
        if not ("\u4e00" <= char <= "\u9fff" or char in "·-") or (end > start and folded.startswith(rules.office_name_stops, end)):
            break
        joiners += char in "·-"
        end += 1
    while end > start and folded[end - 1] in "·-":
        end -= 1
    return end if end - start >= 2 else start


def _title_ending_at(folded: str, index: int, kb: KnowledgeBase) -> str | None:
    """The longest title word of two to eight characters ending at ``index`` (国民议会议长, 众议长)."""
    for length in range(min(8, index), 1, -1):
        if folded[index - length : index] in kb.titles:
            return folded[index - length : index]
    return None


def _office_before_name(
    folded: str, name_start: int, kb: KnowledgeBase, claims: _Claims, on: dt.date | None
) -> Office | Entity | None:
    """For a title right after a country (or a body with offices) and before a name: the holder of
    that office on ``on`` when the knowledge base knows one, else the office itself; None otherwise."""
    title = _title_ending_at(folded, name_start, kb)
    roles = kb.titles.get(title) if title else None
    if on is None:
        return None
    if not roles:
        return _marked_person_of_country(folded, name_start, kb, claims, on)
    title = cast(str, title)  # roles come only with a title
    title_start = name_start - len(title)
    longest = _title_at(folded, title_start, kb)
    if longest is not None and len(longest) > len(title):
        return None  # 总统夫人出席: the title goes on, no name follows it
    owner = claims.at(title_start - 1)
    for _ in range(3):  # 土库曼斯坦副总理兼外长梅列多夫, 国家主席、总书记: back over the other titles
        if owner is not None or folded[title_start - 1 : title_start] not in _link_rules().title_run_joiners:
            break
        other = _title_ending_at(folded, title_start - 1, kb) or _marker_ending_at(folded, title_start - 1, kb)
        if other is None:
            break
        title_start -= 1 + len(other)
        title_start -= folded[title_start - 1 : title_start] == _link_rules().deputy_prefix  # 副总理: a deputy's title
        owner = claims.at(title_start - 1)
    body = None
    if owner is None:  # 苏丹主权委员会主席: a body of the country between country and title
        rules = _link_rules()
        ending = next((word for word in rules.office_body_ends if folded.startswith(word, title_start - len(word))), None)
        reach = max(0, title_start - rules.office_body_reach)
        if ending is not None:
            before = next((m for m in (claims.at(i - 1) for i in range(title_start - len(ending), reach, -1)) if m is not None), None)
            gap = folded[before.end : title_start] if before is not None else ""
            if before is not None and all("\u4e00" <= char <= "\u9fff" for char in gap):
                owner, body = before, gap
    if owner is None:  # 瑞典银瑞达集团董事会主席: a firm, party or town of the country before the title
        owner, body = _country_before_descriptor(folded, title_start, kb, claims)
    if owner is None or (body is None and owner.end != title_start) or owner.how == "compound":
        return None
    country = _office_countries(kb).get(owner.entity_id)
    if not country or owner.entity_id != country and body is not None or folded[max(0, owner.start - 2) : owner.start].endswith(_link_rules().former_markers):
        return None
    if body is not None:  # the body's office, not the country's: a person of the country, no office resolved
        return Office("", country, on, None)
    holders = kb.holders(country, roles, on)
    return holders[0] if holders else Office(roles[0], country, on, None)


def _name_start_after_titles(folded: str, start: int, kb: KnowledgeBase) -> int | None:
    """Where a name starts after a country's titles: after its first title word, or, when no
    name follows that one (巴西总统府首席部长科斯塔: 总统府 names a seat), after the first title
    word or person marker that a name does follow. None when no title opens the run."""
    rules = _link_rules()
    first = None
    for at in range(start, min(len(folded), start + rules.office_descriptor_reach)):
        if not "\u4e00" <= folded[at] <= "\u9fff" or folded[at] in rules.office_descriptor_breaks:
            break
        if first is not None and folded[at] in kb.transliteration and _marker_ending_at(folded, at, kb) is not None:
            return at
        title = _title_at(folded, at, kb)
        if title is not None and first is None:
            first = at + len(title)
            if folded[first : first + 1] in kb.transliteration:
                return first
    return first


def _without_names_of_others_after_titles(mentions: list[Mention], folded: str, kb: KnowledgeBase) -> list[Mention]:
    """A country, its title (after a body of it at most), then a name: the name is that
    country's person. An alias in that name of a person of another country who never held its
    offices (摩洛哥众议长阿拉米: not the British 拉米; 冈比亚总统巴罗: not the French 巴罗) is a
    rendering they share, and so is a country's or place's alias closing the name (塔吉克斯坦
    议会上院议长鲁斯塔姆·埃莫马利: not Mali), and so is a place's alias that starts inside the
    title and runs into the name (吉尔吉斯斯坦议长沙基耶夫: not 长沙). Such mentions are dropped, so
    the name is read as after any title (_unknown_people): the office-holder, or a new person of
    that country."""
    rules = _link_rules()
    countries = _entities_of_type(kb, "country")
    others = _entities_of_type(kb, "country", "place")
    by_start: dict[int, list[Mention]] = {}
    for mention in mentions:
        by_start.setdefault(mention.start, []).append(mention)
    dropped: set[int] = set()
    for owner in mentions:
        if owner.entity_id not in countries or owner.how == "compound":
            continue
        name_start = _name_start_after_titles(folded, owner.end, kb)
        if name_start is None:
            continue
        for inside_title in range(max(owner.end, name_start - 3), name_start):
            dropped.update(id(m) for m in by_start.get(inside_title, ()) if m.end > name_start and m.entity_id in others)
        end = name_start
        while end < len(folded) and (folded[end] in kb.transliteration or folded[end] == "·") and end - name_start < 12:
            for inner in by_start.get(end, ()):
                entity = kb.entities.get(inner.entity_id)
                if entity is None:
                    continue
                if entity.type == "person" and entity.country not in (None, owner.entity_id) and all(o.country != owner.entity_id for o in entity.offices):
                    dropped.add(id(inner))
                elif end > name_start and inner.entity_id in others and not "\u4e00" <= folded[inner.end : inner.end + 1] <= "\u9fff":
                    dropped.add(id(inner))
            end += 1
    return [m for m in mentions if id(m) not in dropped]


def _without_bodies_of_other_parties(mentions: list[Mention], kb: KnowledgeBase) -> list[Mention]:
    """A body's alias written right after another country, or another country's party or body, is
    that one's organ, not the body of the alias (越共中央政治局, 古共中央书记处: Vietnam's Politburo,
    not China's; 巴西总统府: Brazil's, not Taiwan's), so it is dropped and the words stay with the
    country or party before them."""
    organizations = _entities_of_type(kb, "organization")
    countries = _entities_of_type(kb, "country")
    ends: dict[int, str] = {}
    for mention in mentions:
        if mention.entity_id in countries and mention.how == "alias":
            ends[mention.end] = mention.entity_id
        elif mention.entity_id in organizations and (country := kb.entities[mention.entity_id].country):
            ends[mention.end] = country
    kept = []
    for mention in mentions:
        before = ends.get(mention.start)
        country = kb.entities[mention.entity_id].country if mention.entity_id in organizations else None
        if before is None or country is None or country == before:
            kept.append(mention)
    return kept


def _country_before_descriptor(folded: str, title_start: int, kb: KnowledgeBase, claims: _Claims) -> tuple[Mention | None, str | None]:
    """A country, then words naming one of its firms, parties, towns or bodies, then the title
    (美国维萨公司全球执行董事长, 德国巴伐利亚州州长): (the country's mention, the words between),
    or (None, None). The words are Chinese characters only, none of them a word of another
    phrase (的, 和, 同, 在), at most ``office_descriptor_reach`` of them, and mention no actor
    but places, firms and bodies without offices; the country is no short form in a compound."""
    rules = _link_rules()
    for start in range(title_start - 1, max(0, title_start - rules.office_descriptor_reach) - 1, -1):
        char = folded[start]
        owner = claims.at(start)
        if owner is not None and owner.entity_id in _entities_of_type(kb, "place", "company", "organization") and owner.entity_id not in _office_countries(kb):
            continue  # 美国纽约州州长, 荷兰阿斯麦公司: a place or firm of the country is part of the name
        if owner is not None:
            country = _office_countries(kb).get(owner.entity_id)
            if country is None or country != owner.entity_id or owner.how in ("compound", "short_form"):
                return None, None
            return owner, folded[owner.end : title_start]
        if not "\u4e00" <= char <= "\u9fff" or char in rules.office_descriptor_breaks:
            return None, None
    return None, None


def _marked_person_of_country(folded: str, name_start: int, kb: KnowledgeBase, claims: _Claims, on: dt.date) -> Office | None:
    """A person word with no office of its own right after a country (哈萨克斯坦国务顾问卡林,
    新加坡国务资政): the name after it is a person of that country, of two characters or more, as
    after a country's title; no office-holder is looked up, the word naming no single office."""
    marker = _marker_ending_at(folded, name_start, kb)
    if marker is None:
        return None
    marker_start = name_start - len(marker)
    # 国务顾问: a word or two of the office may stand between the country and the person word
    owner = next((m for m in (claims.at(i - 1) for i in range(marker_start, max(0, marker_start - _MARKED_OFFICE_REACH) - 1, -1)) if m is not None), None)
    if owner is None or owner.entity_id in _entities_of_type(kb, "place", "company"):  # 美国维萨公司全球执行董事长, 美国纽约州前州长
        owner, _ = _country_before_descriptor(folded, marker_start, kb, claims)
    if owner is None or owner.how == "compound" or not all("\u4e00" <= char <= "\u9fff" for char in folded[owner.end : marker_start]):
        return None
    country = _office_countries(kb).get(owner.entity_id)
    if country is None or owner.entity_id != country or folded[max(0, owner.start - 2) : owner.start].endswith(_link_rules().former_markers):
        return None
    return Office("", country, on, None)


def _unknown_chinese_names(
    view: TextView, kb: KnowledgeBase, claims: _Claims, on: dt.date | None
) -> Iterable[tuple[Mention, Entity]]:
    """副部長劉振民說, 政策室長金容範表示: after a title, a three-character name that opens with a
    common surname the word segmenter does not join to the next character (高興地, 安全問),
    holds no speech verb (發言人林表示) and has a speech verb or punctuation after it. Named as
    written: a pinyin or Korean romanisation guessed from the characters is wrong as often as right.
    After the titles of a foreign country or one of its parties (越共中央书记处书记陈锦绣率领) the
    name is that country's person, and a word ending the phrase (率领, 举行, 一行) may follow it too."""
    rules = _link_rules()
    folded = view.folded
    for match in _surname_after_marker(kb).finditer(folded):
        start, end = match.end(), match.end() + 3
        if end > len(folded) or not claims.free(start, end) or _marker_ending_at(folded, start, kb) is None:
            continue
        name = folded[start:end]
        if not all("\u4e00" <= char <= "\u9fff" for char in name):
            continue
        office = _office_of_title_run(folded, start, kb, claims, on)
        followers = rules.name_followers + rules.office_name_stops if office is not None else rules.name_followers
        if not folded.startswith(followers, end) or any(folded.startswith(followers, inside) for inside in (start + 1, start + 2)):
            continue
        import rjieba

        if len(rjieba.cut(name)[0]) == 2:  # the surname is the first half of a word: 高興, 安全
            continue
        if office is None:
            person = Entity(id=f"person:zh:{name}", name=view.original[start:end], type="person")
        else:
            person = Entity(id=f"person:{office.country.lower()}:zh:{name}", name=view.original[start:end], type="person", country=office.country)
        yield Mention(start, end, person.id, "unknown_person"), person


def _office_of_title_run(folded: str, name_start: int, kb: KnowledgeBase, claims: _Claims, on: dt.date | None) -> Office | None:
    """A foreign country, or a party, body or firm of one, then its titles up to the name, joined
    by 、 or 兼 (越南共产党中央政治局委员、河内市委书记丁进勇; 由古共中央组织书记莫拉莱斯率领): the
    name is that country's person. No office-holder is looked up: the titles are the party's or
    several at once. The run holds Chinese characters of no other phrase (none of
    office_descriptor_breaks) and places only, at most title_run_reach characters."""
    rules = _link_rules()
    if on is None:
        return None
    for at in range(name_start - 1, max(0, name_start - rules.title_run_reach) - 1, -1):
        owner = claims.at(at)
        if owner is not None:
            entity = kb.entities.get(owner.entity_id)
            if entity is None or owner.how in ("compound", "short_form", "credit"):
                return None
            if entity.type == "place":
                continue  # 河内市委书记: a town of the country
            country = entity.id if entity.type == "country" else entity.country if entity.type in ("organization", "company") else None
            if not country or country == _HOME or folded[max(0, owner.start - 2) : owner.start].endswith(_link_rules().former_markers):
                return None
            return Office("", country, on, None)
        char = folded[at]
        if char not in rules.title_run_joiners and (not "\u4e00" <= char <= "\u9fff" or char in rules.office_descriptor_breaks):
            return None
    return None


@cache
def _surname_after_marker(kb: KnowledgeBase) -> re.Pattern[str]:
    """The last character of a person marker before a common Chinese or Korean surname."""
    return re.compile(f"{_character_class(_marker_last_characters(kb))}(?={_character_class(_link_rules().surnames)})")


def _person_after_given_name(folded: str, end: int, claims: _Claims, kb: KnowledgeBase) -> Entity | None:
    """總統唐納德川普: a name run that runs into a known person is that person's given name."""
    following = claims.at(end + 1 if folded[end : end + 1] in ("·", ".", " ") else end)
    if following is not None and following.entity_id in kb.entities and _is_person(following.entity_id, kb):
        return kb.entities[following.entity_id]
    return None


def _marker_ending_at(folded: str, index: int, kb: KnowledgeBase) -> str | None:
    """The longest person marker of two to five characters ending at ``index``; only the lengths
    of the markers that end with the character before ``index`` are tried."""
    for length in _marker_lengths_by_last(kb).get(folded[index - 1 : index] if index > 0 else "", ()):
        if index - length >= 0 and folded[index - length : index] in kb.person_markers:
            return folded[index - length : index]
    return None


@cache
def _marker_lengths_by_last(kb: KnowledgeBase) -> dict[str, tuple[int, ...]]:
    lengths: dict[str, set[int]] = {}
    for marker in kb.person_markers:
        if 2 <= len(marker) <= 5:
            lengths.setdefault(marker[-1], set()).add(len(marker))
    return {last: tuple(sorted(group, reverse=True)) for last, group in lengths.items()}


def link_actors(view: TextView, kb: KnowledgeBase, on: dt.date | None) -> LinkedActors:
    """The one entry point: every actor mention in the text, linked to an entity."""
    claims = _Claims(len(view.folded))
    boundary = _WordBoundaries(view)
    matches = match_aliases(view.folded, kb, _whole_words(view.folded, kb, boundary), _link_rules().never_misspelt)
    in_other_name = _places_in_other_names(matches, view.folded, kb)
    mentions = _alias_mentions([match for match in matches if not in_other_name(match)])
    mentions = _without_names_of_others_after_titles(mentions, view.folded, kb)
    mentions = _without_bodies_of_other_parties(mentions, kb)
    for mention in mentions:
        claims.claim(mention)
    mentions.extend(_countries_opening_names(mentions, view.folded, kb))
    named = {m.entity_id for m in mentions}
    short = _short_forms_of_the_named(_short_form_mentions(view, kb, claims, boundary), named, view.folded, kb)
    for mention in _without_short_forms_inside_titles(short, view.folded, kb, claims):
        claims.claim(mention)
        mentions.append(mention)
    unknown, new_people = _unknown_people(view, kb, claims, on)
    mentions.extend(unknown)
    title_mentions = _title_mentions(view, kb, claims, on, boundary)
    for mention in title_mentions:
        if claims.free(mention.start, mention.end):
            claims.claim(mention)
    mentions.extend(title_mentions)
    people = _entities_of_type(kb, "person")
    for mention in _repeated_names(view, mentions, people, claims, boundary):
        claims.claim(mention)
        mentions.append(mention)
    named = {m.entity_id for m in mentions if m.entity_id in people}
    for mention in _name_parts_of_the_named(view, kb, claims, boundary, named):
        claims.claim(mention)
        mentions.append(mention)
    for mention in _surname_title_mentions(view, kb, claims, named):
        claims.claim(mention)
        mentions.append(mention)
    for mention in _home_body_mentions(view.folded, kb, claims):
        claims.claim(mention)
        mentions.append(mention)
    mentions = _sides_of_the_named(mentions, view.folded, kb)
    mentions = _as_credits(mentions, view.folded)
    mentions.sort(key=operator.attrgetter("start", "end"))
    entity_ids = dict.fromkeys(m.entity_id for m in mentions)
    new_by_id = {p.id: p for p in new_people}  # a knowledge-base entity wins over a new person of the same id
    return LinkedActors(
        mentions=tuple(mentions), entities=tuple(kb.entities[i] if i in kb.entities else new_by_id[i] for i in entity_ids)
    )
