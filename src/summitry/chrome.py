"""Page chrome: what a saved page holds besides the article, found once per document.

Pages arrive with breadcrumbs, bylines, time stamps, photo captions and their credits, lists
of related stories, share buttons, copyright lines and sidebar headlines. None of it reports
an event, and a caption that repeats the story would report its event twice, so the text view
records these spans (``TextView.chrome``) and the stages that read facts skip them. The cue
words are data (data/chrome.yaml); the rules here only say how lines are read with them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any, Callable

from pathlib import Path

import opencc

from summitry import cache as disk_cache
from summitry.errors import InvalidDataFile
from summitry.model import Span

DATA_PATH = "data/chrome.yaml"
_HERE = Path(__file__).resolve().parent
# Spaces, bullets and list marks around a line's words are layout, not content.
_LINE_EDGES = " \t\u3000\u00a0\u200b•·-*|_"
_PROSE_END = ("。", "”", "」", ";")  # not ! ? …: sidebar headlines end so

@dataclass(frozen=True)
class ChromeCues:
    line_prefix: re.Pattern[str]
    lines: frozenset[str]
    line_starts: tuple[str, ...]
    caption_starts: tuple[str, ...]
    line_contains: re.Pattern[str]  # any of the words
    line_patterns: re.Pattern[str]  # any of the patterns, each whole

    breadcrumb_separator: re.Pattern[str]
    breadcrumb_max_item: int
    breadcrumb_home: frozenset[str]
    related_heads: frozenset[str]
    ticker_heads: frozenset[str]
    credit: re.Pattern[str]  # any photo credit, bracketed or not
    caption_max_length: int
    repeat_min_length: int
    trailing_headlines_min: int
    headline_max_length: int


def _fold(word: str) -> str:
    from summitry.text import fold  # the view's own folding, so cues match the folded text

    return fold(word.strip())


def _words(raw: dict[str, Any], key: str) -> list[str]:
    return [_fold(word) for word in raw[key]]


def _patterns(values: list[str], key: str) -> list[str]:
    """Regexes as written: they must already read as folded text, since folding a pattern
    would turn its （ into ( and change what it means."""
    for pattern in values:
        try:
            re.compile(pattern)
        except re.error as error:
            raise InvalidDataFile(DATA_PATH, f"{key}: {pattern!r} does not compile: {error}") from None
        if _fold(pattern) != pattern.strip():
            raise InvalidDataFile(DATA_PATH, f"{key}: {pattern!r} is not written as folded text ({_fold(pattern)!r})")
    return list(values)


def cues_from(raw: Any) -> ChromeCues:
    """Check the data of chrome.yaml against its schema and compile it; any problem raises
    ``InvalidDataFile`` naming the key and the reason."""
    from summitry.chrome_schema import ChromeData  # pydantic: only when the cues are built
    from summitry.data import check_data

    check_data(raw, DATA_PATH, ChromeData)
    crumb, credits = raw["breadcrumb"], raw["photo_credits"]
    agencies = sorted(_words(credits, "agencies"), key=len, reverse=True)
    agency = "|".join(map(re.escape, agencies))
    credit = "|".join(
        [
            *_patterns(credits["bracketed"], "photo_credits.bracketed"),
            rf"\(\s*(?:{agency})\s*\)",
            rf"(?<=[。)])\s*(?:{agency})\s*$",  # 。美聯社 at the end of a caption; mid-line it opens a sentence (彭博估算)
            *_patterns(credits["unbracketed"], "photo_credits.unbracketed"),
        ]
    )
    separators = _words(crumb, "separators")
    return ChromeCues(
        line_prefix=re.compile("|".join(_patterns(raw["line_prefixes"], "line_prefixes"))),
        lines=frozenset(_words(raw, "lines")),
        line_starts=tuple(_words(raw, "line_starts")),
        caption_starts=tuple(_words(raw, "caption_starts")),
        line_contains=re.compile("|".join(map(re.escape, _words(raw, "line_contains")))),
        line_patterns=re.compile("|".join(f"(?:{p})" for p in _patterns(raw["line_patterns"], "line_patterns"))),
        breadcrumb_separator=re.compile("|".join(map(re.escape, separators))),
        breadcrumb_max_item=crumb["max_item"],
        breadcrumb_home=frozenset(_words(crumb, "home")),
        related_heads=frozenset(_words(raw, "related_heads")),
        ticker_heads=frozenset(_words(raw, "ticker_heads")),
        credit=re.compile(credit),
        caption_max_length=raw["caption_max_length"],
        repeat_min_length=raw["repeat_min_length"],
        trailing_headlines_min=raw["trailing_headlines_min"],
        headline_max_length=raw["headline_max_length"],
    )


disk_cache.picklable_by_fields(ChromeCues)  # for the disk cache


@cache
def chrome_cues() -> ChromeCues:
    """chrome.yaml, checked and compiled; from the disk cache when neither it nor the code that
    reads it changed, so a process that finds it there imports neither YAML nor pydantic
    (issue 13)."""
    code = [str(_HERE / name) for name in ("chrome_schema.py", "data.py", "text.py")]
    key = disk_cache.stage_key(__file__, _HERE / "data", *code, labels=(opencc.__version__,))
    return disk_cache.built("chrome-cues", key, _read_chrome_cues, ChromeCues)


def _read_chrome_cues() -> ChromeCues:
    from summitry.chrome_schema import ChromeData
    from summitry.data import load_data

    return cues_from(load_data("", "chrome.yaml", ChromeData))


@dataclass(frozen=True)
class _Line:
    start: int  # of the line in the text, edges stripped: a chrome line's span
    end: int
    words: str  # the folded words, after any metadata prefix
    words_start: int  # where ``words`` start in the text


def _lines(folded: str, body_start: int, cues: ChromeCues) -> list[_Line]:
    lines = []
    position = body_start
    for raw in folded[body_start:].split("\n"):
        stripped = raw.strip(_LINE_EDGES)
        start = position + (len(raw) - len(raw.lstrip(_LINE_EDGES)))
        prefix = cues.line_prefix.match(stripped)
        skipped = prefix.end() if prefix else 0
        lines.append(_Line(start, start + len(stripped), stripped[skipped:], start + skipped))
        position += len(raw) + 1
    return lines


def _is_headline_like(line: _Line, cues: ChromeCues) -> bool:
    return 0 < len(line.words) <= cues.headline_max_length and "。" not in line.words


def _is_breadcrumb(words: str, cues: ChromeCues) -> bool:
    items = [item.strip(_LINE_EDGES + ":") for item in cues.breadcrumb_separator.split(words)]
    if len(items) < 2 or "。" in words:
        return False
    if any(len(item) > cues.breadcrumb_max_item for item in items[1:]):
        return False
    first = items[0]
    home = any(first.endswith(word) for word in cues.breadcrumb_home)
    return home or (len(items) >= 3 and len(first) <= cues.breadcrumb_max_item)


# Whole-line patterns and breadcrumbs are short; a longer line is prose, and is not tried.
_SHORT_LINE = 80


def _is_chrome_line(words: str, cues: ChromeCues) -> bool:
    """A line that is page furniture on its own, wherever it stands."""
    bare = words.rstrip(":")
    short = len(words) <= _SHORT_LINE
    return (
        bare in cues.lines
        or bare in cues.related_heads
        or bare in cues.ticker_heads
        or words.startswith(cues.line_starts)
        or cues.line_contains.search(words) is not None
        or short and cues.line_patterns.fullmatch(words) is not None
        or short and _is_breadcrumb(words, cues)
    )


def _credits(line: _Line, cues: ChromeCues) -> list[Span]:
    """The photo credits in the line."""
    at = line.words_start
    return [Span(at + m.start(), at + m.end()) for m in cues.credit.finditer(line.words) if m.end() > m.start()]


def _ends_with_credit(line: _Line, credits: list[Span]) -> bool:
    return bool(credits) and not line.words[credits[-1].end - line.words_start :].strip(_LINE_EDGES + "。.")


@dataclass(frozen=True)
class PageChrome:
    """``furniture`` reports nothing (bylines, breadcrumbs, credits, related stories, a second
    copy of a line); ``captions`` describe a picture: what they say may be news the story
    does not repeat, but never a second report of what it does."""

    furniture: tuple[Span, ...]
    captions: tuple[Span, ...]


def find_chrome(folded: str, body_start: int = 0) -> PageChrome:
    """The page chrome of ``folded`` (a view's folded text) from ``body_start``, in text order."""
    cues = chrome_cues()
    lines = _lines(folded, body_start, cues)
    furniture, captions, chrome_lines = _scan(lines, cues)
    furniture.extend(_trailing_headlines(lines, chrome_lines, cues))
    ordered: Callable[[list[Span]], tuple[Span, ...]] = lambda spans: tuple(sorted(set(spans), key=lambda span: (span.start, span.end)))  # noqa: E731
    return PageChrome(ordered(furniture), ordered(captions))


def _scan(lines: list[_Line], cues: ChromeCues) -> tuple[list[Span], list[Span], set[int]]:
    """Furniture and caption spans read line by line, top down, and the numbers of the lines
    that are chrome whole."""
    furniture: list[Span] = []
    captions: dict[int, Span] = {}
    chrome_lines: set[int] = set()
    seen: dict[str, int] = {}  # a line's words -> the number of its first line
    in_related = after_ticker = False
    # The story's last paragraph may end with the credit of the whole story ("…做為報復。(中央社)").
    furniture_alone = [bool(line.words) and _is_chrome_line(line.words, cues) for line in lines]
    last_prose = next((n for n in range(len(lines) - 1, -1, -1) if "。" in lines[n].words and not furniture_alone[n]), -1)
    for number, line in enumerate(lines):
        if not line.words:
            continue
        whole = furniture_alone[number]
        if after_ticker and not whole and _is_headline_like(line, cues):
            whole = True
        after_ticker = line.words.rstrip(":") in cues.ticker_heads
        if in_related and not whole:
            if _is_headline_like(line, cues):
                whole = True
            else:
                in_related = False
        if line.words.rstrip(":") in cues.related_heads:
            in_related = True
        if not whole and len(line.words) >= cues.repeat_min_length and line.words in seen:
            whole = True  # a second copy says nothing new
            first = seen[line.words]
            if len(line.words) <= cues.caption_max_length and first not in chrome_lines:
                # A short line printed twice is the caption of a picture shown twice.
                chrome_lines.add(first)
                captions[first] = Span(lines[first].start, lines[first].end)
        seen.setdefault(line.words, number)
        if whole:
            chrome_lines.add(number)
            furniture.append(Span(line.start, line.end))
            continue
        credits = _credits(line, cues)
        furniture.extend(credits)
        caption = line.words.startswith(cues.caption_starts) or (
            _ends_with_credit(line, credits) and number != last_prose and len(line.words) <= cues.caption_max_length
        )
        if caption:
            chrome_lines.add(number)
            captions[number] = Span(line.start, line.end)
    return furniture, list(captions.values()), chrome_lines


def _trailing_headlines(lines: list[_Line], chrome_lines: set[int], cues: ChromeCues) -> list[Span]:
    """Short unpunctuated lines after the last line of prose: sidebar headlines of other stories."""
    block: list[_Line] = []
    for number in range(len(lines) - 1, -1, -1):
        line = lines[number]
        if not line.words or number in chrome_lines:
            continue
        if not _is_headline_like(line, cues) or line.words.endswith(_PROSE_END):
            break
        block.append(line)
    if len(block) < cues.trailing_headlines_min:
        return []
    return [Span(line.start, line.end) for line in block]


def first_body_line(text: str) -> tuple[int, int] | None:
    """The first non-empty line of ``text`` that is neither furniture nor a caption, as (start,
    end) of its words: where a headline can be, so a breadcrumb, a byline or a caption is never
    taken for the title. Lines are read top down only, so ``text`` may be just a page's head."""
    from summitry.text import fold

    cues = chrome_cues()
    lines = _lines(fold(text), 0, cues)
    _, _, chrome_lines = _scan(lines, cues)
    for number, line in enumerate(lines):
        if line.words and number not in chrome_lines:
            return line.words_start, line.end
    return None
