"""One Aho-Corasick index of a data file's words, for the stages that look for many words at once.

The events stage looks for every trigger word of its lexicon, and for every status cue, in each
sentence; one automaton finds them all in one pass over the sentence instead of one search per
word. The actors stage keeps its own automata (actors/matcher.py): they read code units, not
characters, and are pickled into the cache.
"""

from __future__ import annotations

from typing import Generic, Iterable, Iterator, TypeVar

import ahocorasick

V = TypeVar("V")


class WordIndex(Generic[V]):
    """Words, each with the values filed under it (a word may stand in several lists)."""

    def __init__(self, entries: Iterable[tuple[str, V]]) -> None:
        by_word: dict[str, list[V]] = {}
        for word, value in entries:
            by_word.setdefault(word, []).append(value)
        self._automaton = ahocorasick.Automaton()
        for word, values in by_word.items():
            self._automaton.add_word(word, (len(word), tuple(values)))
        self._automaton.make_automaton()

    def find(self, folded: str, start: int, end: int) -> Iterator[tuple[int, int, tuple[V, ...]]]:
        """Each occurrence of a word wholly inside ``folded[start:end]``, as (start, end, values),
        in order of its end.

        A slice, not ``iter(folded, start, end)``: pyahocorasick converts the whole string for
        each call, which made a long document quadratic in its sentences."""
        for last, (length, values) in self._automaton.iter(folded[start:end]):
            last += start
            yield last - length + 1, last + 1, values
