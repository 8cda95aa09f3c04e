"""The one-line English summary of an event: "Donald Trump met Xi Jinping in Busan"."""

from __future__ import annotations

import re
from typing import Callable, Sequence

_TARGET_PHRASE = re.compile(r"\s+(?:and|with|on|toward|to|from|between|against|of|for)\s+\{target\}")
_STATUS_NOTES = {"planned": "planned", "hypothetical": "hypothetical", "negated": "did not happen"}


def _names(ids: Sequence[str], name: Callable[[str], str]) -> str:
    names = [name(i) for i in ids]
    if not names:
        return "an unnamed party"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def summarize(
    template: str,
    source: Sequence[str],
    target: Sequence[str],
    place: str | None,
    status: str,
    claimed_by: str | None,
    name: Callable[[str], str],
) -> str:
    """Fill a triggers.yaml summary template; add the place and what the status says."""
    if not target:
        template = _TARGET_PHRASE.sub("", template)
    text = template.format(source=_names(source, name), target=_names(target, name))
    if place and place not in text:
        text += f" in {place}"
    notes = [_STATUS_NOTES[status]] if status in _STATUS_NOTES else []
    if claimed_by:
        notes.append(f"according to {name(claimed_by)}")
    elif status == "claimed":
        notes.append("according to reports")
    return text + (f" ({'; '.join(notes)})" if notes else "")
