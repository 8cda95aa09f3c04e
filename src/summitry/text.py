"""The text view: a folded copy of a document for matching, aligned with the original.

Matching runs on one script (Simplified) with half-width digits and Latin, so the knowledge
base needs each alias once per rendering, not once per script. Offsets must stay valid in the
original, so the folded copy is kept exactly as long as the original, character by character.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import ClassVar, Iterable

import opencc

from summitry.chrome import find_chrome
from summitry.ingest.header import date_header
from summitry.model import Sentence, TextView

# OpenCC converts phrase by phrase; chunks this short keep the rare length-changing
# conversion local, so only that chunk falls back to character-by-character conversion.
# The chunks are the runs between spaces and these marks; each mark is its own Simplified
# form (tests/test_text.py checks), so only the runs go through OpenCC.
CHUNK_BREAKS = "，。！？；：、,.!?;:「」『』“”《》（）()"
_CHUNK = re.compile(rf"([^\s{CHUNK_BREAKS}]+)")  # a group, so that split gives marks and chunks in turn

_SENTENCE_END = set("。！？!?；;")
_CLOSERS = set("」』”’）)》】")
_OPENERS = {"「": "」", "『": "』", "“": "”", "（": "）", "(": ")"}
_SENTENCE_MARK = re.compile(
    "[" + re.escape("".join(sorted(_SENTENCE_END | _CLOSERS | set(_OPENERS) | set(_OPENERS.values()) | {"\n"}))) + "]"
)
_SIMPLIFIED_ONLY = set("们这说国时会为发对经门东车长马鸟鱼龙见贝页风飞")
_TRADITIONAL_ONLY = set("們這說國時會為發對經門東車長馬鳥魚龍見貝頁風飛")


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


# Name dots as HK, Taiwan and Japanese-style sources type them (約翰‧基, 麥克・蓬佩奧) fold to the one
# the knowledge base uses.
_NAME_DOTS = {"‧": "·", "・": "·", "•": "·", "･": "·"}


def _fold_width(char: str) -> str:
    """Full-width ASCII and the ideographic space to half-width, name dots to ·; anything that would not stay one character is kept."""
    if char in _NAME_DOTS:
        return _NAME_DOTS[char]
    folded = unicodedata.normalize("NFKC", char)
    return folded if len(folded) == 1 else char


class _WidthTable(dict[int, str]):
    """``str.translate`` table for ``_fold_width``, filled on first sight of each character,
    so the folding runs in C. Capped: a text of random code points cannot grow it without end."""

    LIMIT: ClassVar[int] = 100_000

    def __missing__(self, code_point: int) -> str:
        folded = _fold_width(chr(code_point))
        if len(self) < self.LIMIT:
            self[code_point] = folded
        return folded


_WIDTH = _WidthTable()


def _width_stable_ranges() -> str:
    """A regex class body of characters ``_fold_width`` keeps as they are: ASCII, the CJK
    ideographs, and those of the blocks of punctuation and symbols Chinese news uses that stay
    when tried once here. Only the other characters need the (slow, per-character) width table."""
    blocks = ((0x80, 0x100), (0x2000, 0x2800), (0x3000, 0x3040), (0xFE30, 0xFE70), (0xFF00, 0xFFF0))
    tried = itertools.chain.from_iterable(range(start, end) for start, end in blocks)
    stable = [code_point for code_point in tried if _fold_width(chr(code_point)) == chr(code_point)]
    ranges = ["\x00-\x7f", "\u3400-\u4dbf", "\u4e00-\u9fff"]
    for _, pairs in itertools.groupby(enumerate(stable), key=lambda pair: pair[1] - pair[0]):
        run = [code_point for _, code_point in pairs]
        ranges.append(re.escape(chr(run[0])) + ("-" + re.escape(chr(run[-1])) if len(run) > 1 else ""))
    return "".join(ranges)


_MAY_CHANGE_WIDTH = re.compile(f"[^{_width_stable_ranges()}]+")


def _width_folded(run: re.Match[str]) -> str:
    return run.group().translate(_WIDTH)


def _convert_chunk(chunk: str) -> str:
    """One chunk in Simplified script and of the same length."""
    converter = _converter()
    converted: str = converter.convert(chunk)
    if len(converted) != len(chunk):
        converted = "".join(c if len(c) == 1 else o for o, c in ((o, converter.convert(o)) for o in chunk))
    return converted


# News repeats its short chunks (names, set phrases): their conversions are kept, up to a
# limit. Long ones are not, so one huge unpunctuated line is never held on to.
_SHORT_CHUNK = 16
_SHORT_CONVERSIONS: dict[str, str] = {}
_SHORT_CONVERSIONS_LIMIT = 16_384  # some 4 MB of short chunks and their conversions


def fold(text: str) -> str:
    """Simplified, half-width copy of ``text`` with ``len(fold(text)) == len(text)``."""
    parts = _CHUNK.split(text)  # marks and spaces, chunk, marks and spaces, chunk, ...
    parts[1::2] = _convert_chunks(parts[1::2])
    folded = _MAY_CHANGE_WIDTH.sub(_width_folded, "".join(parts))  # the same as translating it all
    assert len(folded) == len(text)
    return folded


def longest_first(words: Iterable[object] | None) -> tuple[str, ...]:
    """Words of a data file folded for matching against folded text, each once, longest first
    (so 大約 is tried before 約); ``None`` (a list the file leaves out) is none."""
    return tuple(sorted({fold(str(word)) for word in words or ()}, key=lambda word: (-len(word), word)))


def _convert_chunks(chunks: list[str]) -> list[str]:
    """Each chunk in Simplified script and of the same length, those not kept from before all
    in one call to OpenCC: a call costs several times the conversion of a short chunk."""
    kept = _SHORT_CONVERSIONS
    new = [chunk for chunk in dict.fromkeys(chunks) if chunk not in kept]
    converted = dict(zip(new, _convert_together(new)))
    if len(kept) < _SHORT_CONVERSIONS_LIMIT:
        kept.update((chunk, simplified) for chunk, simplified in converted.items() if len(chunk) <= _SHORT_CHUNK)
    return [converted.get(chunk) or kept[chunk] for chunk in chunks]


def _convert_together(chunks: list[str]) -> list[str]:
    """``_convert_chunk`` of each chunk, with one OpenCC call for them all, one per line: no
    dictionary phrase holds a line break, so each line converts as it would alone."""
    if not chunks:
        return []
    lines = _converter().convert("\n".join(chunks)).split("\n")
    if len(lines) != len(chunks):  # no conversion writes or drops a line break; were one to, go one by one
        return [_convert_chunk(chunk) for chunk in chunks]
    return [line if len(line) == len(chunk) else _convert_chunk(chunk) for chunk, line in zip(chunks, lines)]


# Characters with no letter of their own that a keyboard, a CMS or a copy from a web page
# leaves inside names and numbers (川\u200d普, 3\u0301500, 3\u00a0500億, ３，５００億). The
# equal-length fold cannot take a character out, so these are dropped before the view is
# built (``compact``) and every span found is mapped back (``Compaction.span``).
_INVISIBLE = "\u00ad\u200b-\u200d\u2060\ufeff\ufe00-\ufe0f\U000e0100-\U000e01ef"
_COMBINING = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_DROPPED = re.compile(
    f"[{_INVISIBLE}]+"
    # a combining mark on a digit or a Han character is no accent a Chinese text means
    f"|(?<=[0-9０-９\u3400-\u4dbf\u4e00-\u9fff])[{_COMBINING}]+"
    # a thousands separator: a space that cannot break, or in full-width numbers the
    # full-width comma or space, before exactly three digits
    "|(?<=[0-9])[\u00a0\u2007\u2009\u202f](?=[0-9]{3}(?![0-9]))"
    "|(?<=[０-９])[，\u3000](?=[０-９]{3}(?![０-９]))"
)


@dataclass(frozen=True)
class Compaction:
    """A text without the characters ``_DROPPED`` finds, and where each kept character stood."""

    text: str
    positions: tuple[int, ...]  # positions[i]: the original index of text[i]
    length: int  # of the original

    def span(self, start: int, end: int) -> tuple[int, int]:
        """A span of the compact text as the span of the original it covers (a dropped
        character inside it, as in 川\u200d普, is inside the original span too)."""
        if end <= start:
            at = self.positions[start] if start < len(self.positions) else self.length
            return at, at
        return self.positions[start], self.positions[end - 1] + 1


def compact(text: str) -> Compaction | None:
    """``text`` without joiners, variation selectors, marks on digits and Han, and thousands
    separators the number readers cannot read; None when there are none (nearly always)."""
    if _DROPPED.search(text) is None:
        return None
    pieces: list[str] = []
    positions: list[int] = []
    kept_from = 0
    for dropped in _DROPPED.finditer(text):
        pieces.append(text[kept_from : dropped.start()])
        positions.extend(range(kept_from, dropped.start()))
        kept_from = dropped.end()
    pieces.append(text[kept_from:])
    positions.extend(range(kept_from, len(text)))
    return Compaction("".join(pieces), tuple(positions), len(text))


def detect_script(text: str, folded: str | None = None) -> str:
    """Hant or Hans by counting characters that exist in only one script; Zyyy without Chinese.
    ``folded`` is ``fold(text)`` when the caller has it already."""
    traditional = len(_TRADITIONAL_ONLY_CHARACTER.findall(text))  # counted in C, not in Python per character
    simplified = len(_SIMPLIFIED_ONLY_CHARACTER.findall(text))
    if traditional == simplified == 0:
        has_han = _HAN.search(text) is not None
        return "Hant" if has_han and (fold(text) if folded is None else folded) != text else ("Hans" if has_han else "Zyyy")
    return "Hant" if traditional >= simplified else "Hans"


_HAN = re.compile("[\u4e00-\u9fff]")
_TRADITIONAL_ONLY_CHARACTER = re.compile(f"[{''.join(sorted(_TRADITIONAL_ONLY))}]")
_SIMPLIFIED_ONLY_CHARACTER = re.compile(f"[{''.join(sorted(_SIMPLIFIED_ONLY))}]")


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Sentences end at 。！？； or a line break, never inside 「…」『…』“…”（…）.

    A quotation that ends a sentence keeps its closing mark with that sentence; an
    unbalanced quotation mark never swallows the next paragraph.
    """
    sentences: list[Sentence] = []
    open_quotes: list[str] = []
    start = 0
    index = 0
    for mark in _SENTENCE_MARK.finditer(text):  # every other character only moves on
        if mark.start() < index:
            continue  # a closer already taken in by the sentence it closes
        index = mark.start()
        char = mark.group()
        if char in _OPENERS:
            open_quotes.append(_OPENERS[char])
        elif open_quotes and char == open_quotes[-1]:
            open_quotes.pop()
        if char == "\n":
            open_quotes.clear()
        quote_ends_sentence = char in _CLOSERS and not open_quotes and index > 0 and text[index - 1] in _SENTENCE_END
        if char == "\n" or quote_ends_sentence or (char in _SENTENCE_END and not open_quotes):
            end = index + 1
            while end < len(text) and text[end] in _CLOSERS:
                end += 1
            _append_trimmed(sentences, text, start, end)
            start = index = end
            continue
        index += 1
    _append_trimmed(sentences, text, start, len(text))
    return tuple(sentences)


def _append_trimmed(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    """The sentence ``start:end`` without the spaces around it, unless that leaves nothing."""
    kept = text[start:end].lstrip()
    start = end - len(kept)
    end = start + len(kept.rstrip())
    if end > start:
        sentences.append(Sentence(start, end))


def build_view(text: str) -> TextView:
    """The one entry point: original, folded copy, sentences, dominant script and page chrome."""
    folded = fold(text)
    _, body_start = date_header(text)
    chrome = find_chrome(folded, body_start)
    return TextView(
        original=text,
        folded=folded,
        sentences=split_sentences(text),
        script=detect_script(text, folded),
        chrome=chrome.furniture,
        captions=chrome.captions,
    )
