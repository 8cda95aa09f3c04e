"""Dictionary matching of knowledge-base aliases over the folded text.

Two Aho-Corasick automata are built once per knowledge base: one over the folded
aliases themselves, one over their sounds (toneless pinyin, one code point per syllable)
so that a same-sound misspelling such as 高適早苗 still finds 高市早苗. Both are kept in the
on-disk cache beside the knowledge base, so a new process loads them instead of building them.

The alias automaton reads ``code_units``, four bytes per character: pyahocorasick looks a
node's children up one by one, and the root of an automaton over Chinese aliases has some
640, tried for nearly every character of the text; over bytes most nodes have a few, which
makes the scan over two times faster. (Not so for sounds: a single byte of their private-use
code points tells the syllables apart, so a node at that byte has hundreds.)
"""

from __future__ import annotations

from functools import cache
from typing import AbstractSet, Any, Callable, ClassVar, NamedTuple, TypeGuard

import ahocorasick

from summitry import cache as disk_cache
from summitry.actors.kb import KnowledgeBase

_SOUND_CODES: dict[str, str] = {}
# Only names this long are matched by sound: two-character sounds collide with ordinary words.
MIN_SOUND_MATCH = 3


class AliasMatch(NamedTuple):
    """One occurrence of an alias, or of a same-sound spelling of one. A named tuple, not a
    dataclass: a document has thousands, and they never leave the actors stage."""

    start: int
    end: int
    entity_ids: tuple[str, ...]
    how: str  # "alias" or "homophone"


def _is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


def _is_latin_word_char(char: str) -> bool:
    return char.isascii() and (char.isalnum() or char in "_")


_HAN_RANGES = ((0x4E00, 0x9FFF), (0x3400, 0x4DBF))


@cache
def _sound_of_char(char: str) -> str:
    """One private-use code point per toneless syllable; other characters stand for themselves."""
    if not _is_han(char):
        return char
    from pypinyin import Style, lazy_pinyin  # here: a warm cache holds every Han character's sound

    syllable = lazy_pinyin(char, style=Style.NORMAL)[0]
    if syllable not in _SOUND_CODES:
        _SOUND_CODES[syllable] = chr(0xE000 + len(_SOUND_CODES))
    return _SOUND_CODES[syllable]


class _SoundTable(dict[int, str]):
    """``str.translate`` table for ``_sound_of_char``, filled on first sight of each character
    (in text order, as the codes are given out), so the mapping runs in C. Capped in size."""

    LIMIT: ClassVar[int] = 100_000

    def __missing__(self, code_point: int) -> str:
        sound = _sound_of_char(chr(code_point))
        if len(self) < self.LIMIT:
            self[code_point] = sound
        return sound


_SOUND_TABLE = _SoundTable()


def _every_han_sound() -> dict[int, str]:
    """The sound of every character of the Han ranges, coded in code-point order: kept in the
    disk cache with the automata, so a process with a warm cache never loads pypinyin (half a
    second of start-up) and never converts a character on first sight."""
    for first, last in _HAN_RANGES:
        for code_point in range(first, last + 1):
            _SOUND_TABLE[code_point]  # noqa: B018  (fills the table through __missing__)
    return dict(_SOUND_TABLE)


def _pinyin_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("pypinyin")
    except PackageNotFoundError:
        return "unknown"


def sound_of(text: str) -> str:
    """The text with each Chinese character replaced by its sound; same length as the text."""
    return text.translate(_SOUND_TABLE)


UNIT = 4  # code units per character in ``code_units``


def code_units(text: str) -> str:
    """The text as the alias automaton reads it: each character as the four bytes of its UTF-32
    code (lone surrogates too), each byte one Latin-1 character. A match ends on a character
    only at a multiple of four; one that does not straddles characters and is no match."""
    return text.encode("utf-32-be", "surrogatepass").decode("latin-1")


@cache
def _automata(kb: KnowledgeBase) -> tuple[ahocorasick.Automaton, ahocorasick.Automaton]:
    """(alias automaton, sound automaton), from the disk cache when the knowledge base came
    with a fingerprint and the cached sound codes agree with any this process already gave."""
    key = disk_cache.fingerprint([disk_cache.source_file(__file__)], kb.fingerprint, _pinyin_version()) if kb.fingerprint else ""
    cached = disk_cache.load("automata", key) if key else None
    if _restore_sound_codes(cached):
        return cached["alias"], cached["sound"]
    table = _every_han_sound() if key else {}
    built = {"alias": _build_alias_automaton(kb), "sound": _build_sound_automaton(kb)}
    if key:
        disk_cache.store("automata", key, {**built, "sound_codes": dict(_SOUND_CODES), "sound_table": table})
    return built["alias"], built["sound"]


def _restore_sound_codes(cached: object) -> TypeGuard[dict[str, Any]]:
    """Adopt the sound codes a cached sound automaton was built with, unless this process has
    already coded a syllable differently (then the automaton must be rebuilt with ours)."""
    if not isinstance(cached, dict) or not {"alias", "sound", "sound_codes", "sound_table"} <= set(cached):
        return False
    codes, table = cached["sound_codes"], cached["sound_table"]
    if not isinstance(codes, dict) or sorted(codes.values()) != [chr(0xE000 + i) for i in range(len(codes))]:
        return False
    if any(codes.get(syllable) != code for syllable, code in _SOUND_CODES.items()):
        return False
    if not isinstance(table, dict) or any(_SOUND_TABLE.get(point, sound) != sound for point, sound in table.items()):
        return False
    _SOUND_CODES.update(codes)
    _SOUND_TABLE.update(table)
    return True


def _alias_automaton(kb: KnowledgeBase) -> ahocorasick.Automaton:
    return _automata(kb)[0]


def _sound_automaton(kb: KnowledgeBase) -> ahocorasick.Automaton:
    return _automata(kb)[1]


def _build_alias_automaton(kb: KnowledgeBase) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for alias, entity_ids in kb.alias_index.items():
        latin_edge = alias[0].isascii() or alias[-1].isascii()  # may then be part of a longer Latin word
        automaton.add_word(code_units(alias), (len(alias), entity_ids, latin_edge))
    automaton.make_automaton()
    return automaton


def _build_sound_automaton(kb: KnowledgeBase) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    by_sound: dict[str, list[tuple[str, str]]] = {}
    for alias, entity_ids in kb.alias_index.items():
        people = [i for i in entity_ids if kb.entities[i].type == "person"]
        if len(alias) >= MIN_SOUND_MATCH and all(_is_han(c) or c == "·" for c in alias) and people:
            by_sound.setdefault(sound_of(alias), []).extend((alias, person) for person in people)
    for sound, owners in by_sound.items():
        automaton.add_word(sound, (len(sound), tuple(owners)))
    if not by_sound:
        automaton.add_word("\x00", (1, ()))
    automaton.make_automaton()
    return automaton


def _latin_boundaries_hold(text: str, start: int, end: int) -> bool:
    """A Latin alias (USA, Korea) must not be part of a longer Latin word (USFK, Korean)."""
    if _is_latin_word_char(text[start]) and start > 0 and _is_latin_word_char(text[start - 1]):
        return False
    if _is_latin_word_char(text[end - 1]) and end < len(text) and _is_latin_word_char(text[end]):
        return False
    return True


def exact_matches(folded: str, kb: KnowledgeBase) -> list[AliasMatch]:
    matches = []
    for last_unit, (length, entity_ids, latin_edge) in _alias_automaton(kb).iter(code_units(folded)):
        if last_unit % UNIT != UNIT - 1:
            continue  # straddles two characters
        end = (last_unit + 1) // UNIT
        start = end - length
        if latin_edge and not _latin_boundaries_hold(folded, start, end):
            continue
        matches.append(AliasMatch(start, end, entity_ids, "alias"))
    return matches


def homophone_matches(folded: str, kb: KnowledgeBase, never_misspelt: AbstractSet[str] = frozenset()) -> list[AliasMatch]:
    """Same-sound spellings of person names that share at least half their characters. A
    character of ``never_misspelt`` written where the name has another is the sentence's own
    small word, not a typo of the name (在韓國與習近平 is no 韓國瑜)."""
    matches = []
    for last, (length, owners) in _sound_automaton(kb).iter(sound_of(folded)):
        start, end = last - length + 1, last + 1
        written = folded[start:end]
        for alias, person in owners:
            if alias == written:  # the name itself, as most sound matches are: the alias match has it
                continue
            same = sum(1 for a, b in zip(alias, written) if a == b)
            if any(a != b and b in never_misspelt for a, b in zip(alias, written)):
                continue
            if same * 2 >= length:
                matches.append(AliasMatch(start, end, (person,), "homophone"))
                break
    return matches


def longest_matches(matches: list[AliasMatch]) -> list[AliasMatch]:
    """Non-overlapping matches, longest first; an exact alias beats a homophone of equal length."""
    chosen: list[AliasMatch] = []
    taken = bytearray(max((m.end for m in matches), default=0))  # 1 where a chosen match lies
    for match in sorted(matches, key=lambda m: (-(m.end - m.start), m.how != "alias", m.start)):
        if taken.find(1, match.start, match.end) < 0:
            chosen.append(match)
            taken[match.start : match.end] = b"\x01" * (match.end - match.start)
    return sorted(chosen, key=lambda m: m.start)


def match_aliases(
    folded: str, kb: KnowledgeBase, allowed: Callable[[AliasMatch], bool] = lambda _: True, never_misspelt: AbstractSet[str] = frozenset()
) -> list[AliasMatch]:
    """The one entry point: every allowed alias occurrence, longest match wins.

    ``allowed`` runs before the longest match is chosen, so a rejected long alias (日本海 in
    日本海軍) leaves room for the shorter one inside it (日本).
    """
    candidates = [m for m in exact_matches(folded, kb) + homophone_matches(folded, kb, never_misspelt) if allowed(m)]
    return longest_matches(candidates)
