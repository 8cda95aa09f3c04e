"""The knowledge base and its automata from the disk cache are the ones built from the data."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from summitry import cache
from summitry.actors import kb as kb_module
from summitry.actors import matcher
from summitry.text import fold

build = kb_module.load_knowledge_base.__wrapped__  # the uncached-per-process loader


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv(cache.CACHE_ENVIRONMENT_VARIABLE, str(tmp_path / "cache"))
    return tmp_path / "cache"


@pytest.fixture
def builds(monkeypatch) -> list[int]:
    """Counts how often the data files are parsed, validated and indexed."""
    count: list[int] = []
    real = kb_module._build_parts

    def counted():
        count.append(1)
        return real()

    monkeypatch.setattr(kb_module, "_build_parts", counted)
    return count


def _fields(knowledge_base) -> dict:
    return {f.name: getattr(knowledge_base, f.name) for f in dataclasses.fields(knowledge_base)}


def test_second_load_comes_from_the_cache_and_equals_the_build(cache_dir: Path, builds: list[int]) -> None:
    built = build()
    cached = build()
    assert len(builds) == 1
    assert _fields(cached) == _fields(built)
    assert cached.fingerprint == kb_module.knowledge_fingerprint()


def test_changed_data_rebuilds(cache_dir: Path, builds: list[int], monkeypatch) -> None:
    build()
    monkeypatch.setattr(kb_module, "knowledge_fingerprint", lambda: "0" * 64)
    build()
    assert len(builds) == 2


def test_corrupt_cache_rebuilds_and_validates(cache_dir: Path, builds: list[int], monkeypatch) -> None:
    build()
    for entry in cache_dir.glob("knowledge-base-*.pickle"):
        entry.write_bytes(b"\x80\x05truncated")
    monkeypatch.setattr(kb_module, "validate_entries", lambda *args: ["people.yaml: 'Q1': planted problem"])
    with pytest.raises(kb_module.KnowledgeBaseError, match="planted problem"):
        build()
    assert len(builds) == 2


def test_unwritable_cache_still_loads(tmp_path: Path, builds: list[int], monkeypatch) -> None:
    (tmp_path / "file").write_text("")
    monkeypatch.setenv(cache.CACHE_ENVIRONMENT_VARIABLE, str(tmp_path / "file" / "cache"))
    assert build().alias_index
    assert len(builds) == 1


def test_cached_automata_match_as_the_built_ones(cache_dir: Path) -> None:
    knowledge_base = build()
    text = fold("美國總統川普與高適早苗在東京會面，南韓總統李在明也在場。")
    built = matcher._automata.__wrapped__(knowledge_base)
    assert list(cache_dir.glob("automata-*.pickle"))
    cached = matcher._automata.__wrapped__(knowledge_base)
    assert cached is not built
    for (built_automaton, cached_automaton, sounds) in zip(built, cached, (False, True)):
        haystack = matcher.sound_of(text) if sounds else matcher.code_units(text)
        assert list(cached_automaton.iter(haystack)) == list(built_automaton.iter(haystack))
    assert any(m.how == "homophone" for m in matcher.match_aliases(text, knowledge_base))


def test_cached_automata_are_not_used_when_sound_codes_disagree() -> None:
    taken = dict(matcher._SOUND_CODES)
    clash = {syllable: chr(0xE000 + len(taken) - 1 - index) for index, syllable in enumerate(taken)}
    if len(taken) > 1:
        assert not matcher._restore_sound_codes({"alias": None, "sound": None, "sound_codes": clash})
    assert not matcher._restore_sound_codes({"alias": None, "sound": None, "sound_codes": {"zzz": "x"}})
    assert matcher._SOUND_CODES == taken


def test_surnamed_people_from_the_cache_are_the_indexed_ones(cache_dir: Path) -> None:
    from summitry.actors import linker

    knowledge_base = build()
    indexed = linker._index_surnamed_people(knowledge_base)
    first = linker._surnamed_people.__wrapped__(knowledge_base)
    entries = list(cache_dir.glob("surnamed-people-*.pickle"))
    assert len(entries) == 1
    cached = linker._surnamed_people.__wrapped__(knowledge_base)
    assert cached is not first
    assert cached == first == indexed
    entries[0].write_bytes(b"\x80\x05truncated")
    assert linker._surnamed_people.__wrapped__(knowledge_base) == indexed  # rebuilt, no error


def test_surnamed_people_of_a_knowledge_base_of_ones_own_are_not_cached(cache_dir: Path) -> None:
    from summitry.actors import linker

    own = dataclasses.replace(build(), fingerprint="")
    assert linker._surnamed_people.__wrapped__(own) == linker._index_surnamed_people(own)
    assert list(cache_dir.glob("surnamed-people-*.pickle")) == []
