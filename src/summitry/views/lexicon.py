"""The views' knowledge, read from views/data/*.yaml: which events are meetings or
commitments, the words that name items and topics. Words may be in either script; callers
fold them with ``summitry.text.fold`` as the events stage does."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

from summitry.text import fold


@cache
def view_data(name: str) -> Any:
    """The raw content of one data file shipped with the views package."""
    return yaml.safe_load(resources.files("summitry.views").joinpath("data", name).read_text(encoding="utf-8"))


def folded_words(words: Any) -> tuple[str, ...]:
    """Words folded for matching against ``view.folded``, longest first."""
    return tuple(sorted({fold(str(word)) for word in words or ()}, key=lambda word: (-len(word), word)))
