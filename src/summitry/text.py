"""The text view: a folded copy of a document for matching, aligned with the original.

Matching runs on one script (Simplified) with half-width digits and Latin, so the knowledge
base needs each alias once per rendering, not once per script. Offsets must stay valid in the
original, so the folded copy is kept exactly as long as the original, character by character.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import opencc

from summitry.model import Sentence, TextView

# OpenCC converts phrase by phrase; chunks this short keep the rare length-changing
# conversion local, so only that chunk falls back to character-by-character conversion.
_CHUNK = re.compile(r"[^\s，。！？；：、,.!?;:「」『』“”《》（）()]+|.", re.S)

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


class _WidthTable(dict):
    """``str.translate`` table for ``_fold_width``, filled on first sight of each character,
    so the folding runs in C. Capped: a text of random code points cannot grow it without end."""

    LIMIT = 100_000

    def __missing__(self, code_point: int) -> str:
        folded = _fold_width(chr(code_point))
        if len(self) < self.LIMIT:
            self[code_point] = folded
        return folded


_WIDTH = _WidthTable()


def _convert_chunk(chunk: str) -> str:
    """One chunk in Simplified script and of the same length."""
    converter = _converter()
    converted = converter.convert(chunk)
    if len(converted) != len(chunk):
        converted = "".join(c if len(c) == 1 else o for o, c in ((o, converter.convert(o)) for o in chunk))
    return converted


# News repeats its short chunks (punctuation, names, set phrases): their conversions are kept.
# Long ones are not, so one huge unpunctuated line is never held on to.
_SHORT_CHUNK = 16
_convert_short_chunk = lru_cache(maxsize=8192)(_convert_chunk)


def fold(text: str) -> str:
    """Simplified, half-width copy of ``text`` with ``len(fold(text)) == len(text)``."""
    chunks = [match.group() for match in _CHUNK.finditer(text)]
    converted = [_convert_short_chunk(chunk) if len(chunk) <= _SHORT_CHUNK else _convert_chunk(chunk) for chunk in chunks]
    folded = "".join(converted).translate(_WIDTH)
    assert len(folded) == len(text)
    return folded


def detect_script(text: str) -> str:
    """Hant or Hans by counting characters that exist in only one script; Zyyy without Chinese."""
    traditional = sum(1 for c in text if c in _TRADITIONAL_ONLY)
    simplified = sum(1 for c in text if c in _SIMPLIFIED_ONLY)
    if traditional == simplified == 0:
        has_han = any("\u4e00" <= c <= "\u9fff" for c in text)
        return "Hant" if has_han and fold(text) != text else ("Hans" if has_han else "Zyyy")
    return "Hant" if traditional >= simplified else "Hans"


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Sentences end at 。！？； or a line break, never inside 「…」『…』“…”（…）.

    A quotation that ends a sentence keeps its closing mark with that sentence; an
    unbalanced quotation mark never swallows the next paragraph.
    """
    sentences: list[Sentence] = []
    open_quotes: list[str] = []
    start = 0
    index = 0
    while index < len(text):
        mark = _SENTENCE_MARK.search(text, index)  # every other character only moves on
        if mark is None:
            break
        index = mark.start()
        char = text[index]
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
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(start, end))


def build_view(text: str) -> TextView:
    """The one entry point: original, folded copy, sentences and dominant script."""
    return TextView(original=text, folded=fold(text), sentences=split_sentences(text), script=detect_script(text))
