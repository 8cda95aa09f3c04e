"""Events stage: PLOVER-typed events with parties, date, place, amounts, status and evidence.

Trigger words, argument patterns and status cues live in events/data/*.yaml; adding a
trigger word is a data change. ``extract_events`` is the one entry point.
"""

from summitry.events.extractor import extract_events
from summitry.events.lexicon import InvalidEventLexicon, event_lexicon

__all__ = ["InvalidEventLexicon", "event_lexicon", "extract_events"]
