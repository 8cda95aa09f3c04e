"""The stages' lexicons from the disk cache are the ones built from the data files, and a
corrupt entry is built again without an error (issue 13: a one-file extract reads them at start)."""

from __future__ import annotations

import copyreg
import dataclasses
import pickle
from pathlib import Path

import pytest

from summitry import cache, chrome
from summitry.actors import linker
from summitry.events import lexicon as event_lexicons
from summitry.events import tables
from summitry.ingest import decoding
from summitry.measure import lexicon as measure_lexicons

# Each loader's per-process function (functools.cache keeps the first result) and its entry.
LOADERS = [
    pytest.param(event_lexicons.event_lexicon.__wrapped__, "event-lexicon", id="event lexicon"),
    pytest.param(measure_lexicons.unit_lexicon.__wrapped__, "unit-lexicon", id="unit lexicon"),
    pytest.param(measure_lexicons.time_lexicon.__wrapped__, "time-lexicon", id="time lexicon"),
    pytest.param(tables.table_lexicon.__wrapped__, "table-lexicon", id="table lexicon"),
    pytest.param(chrome.chrome_cues.__wrapped__, "chrome-cues", id="chrome cues"),
    pytest.param(linker._link_rules.__wrapped__, "link-rules", id="link rules"),
    pytest.param(linker._short_form_exclusions.__wrapped__, "short-form-exclusions", id="short form exclusions"),
    pytest.param(decoding.common_hanzi.__wrapped__, "common-hanzi", id="common hanzi"),
]


def _content(value):
    """What a built value holds, comparable: a dataclass's fields (the event lexicon is equal
    only to itself), any other value as it is."""
    return dataclasses.astuple(value) if dataclasses.is_dataclass(value) else value


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv(cache.CACHE_ENVIRONMENT_VARIABLE, str(tmp_path / "cache"))
    return tmp_path / "cache"


@pytest.mark.parametrize(("load", "kind"), LOADERS)
def test_the_cached_lexicon_is_the_built_one(cache_dir: Path, load, kind: str) -> None:
    built = load()
    assert len(list(cache_dir.glob(f"{kind}-*.pickle"))) == 1
    cached = load()
    assert cached is not built
    assert _content(cached) == _content(built)


@pytest.mark.parametrize("content", [b"", b"\x80\x05truncated", b"not a pickle at all"])
@pytest.mark.parametrize(("load", "kind"), LOADERS)
def test_a_corrupt_entry_is_built_again(cache_dir: Path, load, kind: str, content: bytes) -> None:
    built = load()
    entry = next(cache_dir.glob(f"{kind}-*.pickle"))
    entry.write_bytes(content)
    again = load()
    assert _content(again) == _content(built)
    assert entry.read_bytes() != content  # stored afresh


@pytest.mark.parametrize(("load", "kind"), LOADERS)
def test_an_unreadable_entry_is_built_again(cache_dir: Path, load, kind: str) -> None:
    built = load()
    entry = next(cache_dir.glob(f"{kind}-*.pickle"))
    entry.unlink()
    entry.mkdir()  # a directory where the entry was: it cannot be opened as a file
    assert _content(load()) == _content(built)


class _Classes(pickle.Unpickler):
    """Reads an entry, noting every class it names."""

    def __init__(self, file) -> None:
        super().__init__(file)
        self.named: set[type] = set()

    def find_class(self, module: str, name: str):
        found = super().find_class(module, name)
        if isinstance(found, type) and module.startswith("summitry"):
            self.named.add(found)
        return found


@pytest.mark.parametrize(("load", "kind"), LOADERS)
def test_every_class_in_an_entry_pickles_by_its_constructor(cache_dir: Path, load, kind: str) -> None:
    """mypyc's compiled frozen dataclasses cannot be unpickled attribute by attribute: a class
    not registered would make the compiled build rebuild on every start."""
    load()
    with next(cache_dir.glob(f"{kind}-*.pickle")).open("rb") as entry:
        reader = _Classes(entry)
        reader.load()
    assert {cls.__name__ for cls in reader.named if cls not in copyreg.dispatch_table} == set()
