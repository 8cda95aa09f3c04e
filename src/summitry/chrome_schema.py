"""The schema of data/chrome.yaml (summitry/chrome.py reads it), apart from the module that
uses the cues: pydantic is imported only when the cues are built, not by every process that
finds them in the disk cache (issue 13)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, PositiveInt, StringConstraints

from summitry.data import DataModel

# A cue word: not empty once its edges are stripped.
_Word = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
_Words = Annotated[list[_Word], Field(min_length=1)]
_Patterns = Annotated[list[str], Field(min_length=1)]


class _Breadcrumb(DataModel):
    separators: _Words
    max_item: PositiveInt
    home: _Words


class _PhotoCredits(DataModel):
    bracketed: _Patterns
    agencies: _Words
    unbracketed: _Patterns


class ChromeData(DataModel):
    """data/chrome.yaml: cue words and whole-line patterns of page chrome, and the lengths that
    tell a caption, a repeated line and a sidebar headline from prose."""

    line_prefixes: _Patterns
    lines: _Words
    line_starts: _Words
    caption_starts: _Words
    line_contains: _Words
    line_patterns: _Patterns
    breadcrumb: _Breadcrumb
    related_heads: _Words
    ticker_heads: _Words
    photo_credits: _PhotoCredits
    caption_max_length: PositiveInt
    repeat_min_length: PositiveInt
    trailing_headlines_min: PositiveInt
    headline_max_length: PositiveInt
