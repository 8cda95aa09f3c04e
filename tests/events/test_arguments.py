"""Small readers of events/arguments.py, against their one-character-at-a-time definitions."""

from __future__ import annotations

import pytest

from summitry.events.arguments import starts_of


@pytest.mark.parametrize(
    ("text", "words", "start", "end"),
    [
        ("他說他們和她見面，後者同意。", ("他", "她", "後者"), 0, 14),
        ("他說他們和她見面，後者同意。", ("他", "她", "後者"), 1, 10),
        ("後者", ("後者",), 0, 1),  # the word may run past the end, as startswith reads it
        ("啊啊啊", ("啊啊",), 0, 3),  # overlapping occurrences all count
        ("", ("他",), 0, 0),
    ],
)
def test_starts_of_finds_what_startswith_finds_at_each_offset(text: str, words: tuple[str, ...], start: int, end: int) -> None:
    expected = [i for i in range(start, end) if any(text.startswith(word, i) for word in words)]
    assert starts_of(text, words, start, end) == expected


@pytest.mark.parametrize("name", ["_PHRASE_MARKS", "_JOINERS", "_LOCATIVE_MARKS", "_PLACE_SUFFIXES"])
def test_characters_read_against_the_folded_text_are_folded(name: str) -> None:
    # The readers compare these with view.folded (Simplified, half-width): 與, 於, 縣 written
    # as such would never meet the 与, 于, 县 found there.
    from summitry.events import arguments
    from summitry.text import fold

    characters = "".join(getattr(arguments, name))
    assert fold(characters) == characters
