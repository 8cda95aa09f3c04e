"""The on-disk cache only ever saves time: a missing, stale, corrupt or unwritable cache builds afresh."""

from __future__ import annotations

import os
import pickle
from dataclasses import dataclass
from pathlib import Path

import pytest

from summitry import cache


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv(cache.CACHE_ENVIRONMENT_VARIABLE, str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_a_stored_value_comes_back_under_its_key_only(cache_dir: Path) -> None:
    assert cache.store("thing", "key-1", {"answer": 42})
    assert cache.load("thing", "key-1") == {"answer": 42}
    assert cache.load("thing", "key-2") is None


def test_new_keys_drop_the_entries_used_least_recently(cache_dir: Path) -> None:
    """Two checkouts of different data take turns without rebuilding; the oldest unused goes."""
    keys = [letter * 64 for letter in "abcdef"]
    for age, key in enumerate(keys[: cache.KEPT_PER_KIND]):
        cache.store("thing", key, key)
        os.utime(cache_dir / f"thing-{key[:32]}.pickle", (1_000_000 + age, 1_000_000 + age))
    assert cache.load("thing", keys[0]) == keys[0]  # used again: now the most recent
    cache.store("thing", keys[cache.KEPT_PER_KIND], "new")
    kept = {path.name[len("thing-") :][:1] for path in cache_dir.glob("thing-*.pickle")}
    assert kept == {"a", "c", "d", "e"}  # b, the least recently used, dropped
    assert list(cache_dir.glob(".*partial")) == []


@pytest.mark.parametrize("content", [b"", b"not a pickle", b"\x80\x05\x95garbage"])
def test_a_corrupt_entry_reads_as_missing(cache_dir: Path, content: bytes) -> None:
    cache.store("thing", "key", [1, 2, 3])
    next(cache_dir.glob("thing-*.pickle")).write_bytes(content)
    assert cache.load("thing", "key") is None


def test_an_unwritable_cache_is_no_error(tmp_path: Path, monkeypatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv(cache.CACHE_ENVIRONMENT_VARIABLE, str(blocker / "cache"))
    assert cache.store("thing", "key", 1) is False
    assert cache.load("thing", "key") is None


def test_fingerprint_changes_with_any_byte_or_label(tmp_path: Path) -> None:
    data = tmp_path / "data.yaml"
    data.write_text("a: 1\n")
    first = cache.fingerprint([data], "0.1.0")
    assert cache.fingerprint([data], "0.1.0") == first
    assert cache.fingerprint([data], "0.2.0") != first
    data.write_text("a: 2\n")
    assert cache.fingerprint([data], "0.1.0") != first


def test_default_directory_is_under_the_user_cache(monkeypatch) -> None:
    monkeypatch.delenv(cache.CACHE_ENVIRONMENT_VARIABLE, raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    assert cache.cache_directory() == Path.home() / ".cache" / "summitry"


def _stage(tmp_path: Path) -> tuple[Path, Path]:
    """A stage of our own: a module and a data folder with two files."""
    module = tmp_path / "stage.py"
    module.write_text("WORDS = 1\n")
    data = tmp_path / "data"
    (data / "people").mkdir(parents=True)
    (data / "words.yaml").write_text("words: [會見]\n")
    (data / "people" / "world.yaml").write_text("- 總統\n")
    return module, data


@pytest.mark.parametrize(
    "edit",
    [
        lambda module, data: (data / "words.yaml").write_text("words: [會晤]\n"),
        lambda module, data: (data / "people" / "world.yaml").write_text("- 首相\n"),
        lambda module, data: (data / "new.yaml").write_text("a: 1\n"),
        lambda module, data: module.write_text("WORDS = 2\n"),
    ],
    ids=["a data file", "a file in a subfolder", "a new file", "the building code"],
)
def test_a_stage_key_changes_with_its_data_and_code(tmp_path: Path, edit) -> None:
    module, data = _stage(tmp_path)
    before = cache.stage_key(str(module), data, labels=("1.1",))
    assert cache.stage_key(str(module), data, labels=("1.1",)) == before
    edit(module, data)
    assert cache.stage_key(str(module), data, labels=("1.1",)) != before


def test_a_stage_key_tells_the_compiled_build_from_the_pure_one(tmp_path: Path) -> None:
    module, data = _stage(tmp_path)
    extension = tmp_path / "stage.cpython-311-x86_64-linux-gnu.so"
    assert cache.stage_key(str(extension), data) != cache.stage_key(str(module), data)


@dataclass(frozen=True)
class _Built:
    words: tuple[str, ...]


def _counted(builds: list[int]):
    def build() -> _Built:
        builds.append(1)
        return _Built(("會見", "會晤"))

    return build


def test_built_builds_once_then_reads_the_entry(cache_dir: Path) -> None:
    builds: list[int] = []
    first = cache.built("stage", "key", _counted(builds), _Built)
    second = cache.built("stage", "key", _counted(builds), _Built)
    assert builds == [1]
    assert second == first and second is not first


def test_built_builds_again_under_a_new_key(cache_dir: Path) -> None:
    builds: list[int] = []
    cache.built("stage", "old", _counted(builds), _Built)
    cache.built("stage", "new", _counted(builds), _Built)
    assert builds == [1, 1]


@pytest.mark.parametrize("content", [b"", b"\x80\x05truncated", pickle.dumps({"key": "key", "value": ["not", "built"]})])
def test_built_rebuilds_over_a_corrupt_or_foreign_entry(cache_dir: Path, content: bytes) -> None:
    builds: list[int] = []
    cache.built("stage", "key", _counted(builds), _Built)
    next(cache_dir.glob("stage-*.pickle")).write_bytes(content)
    assert cache.built("stage", "key", _counted(builds), _Built) == _Built(("會見", "會晤"))
    assert builds == [1, 1]
    assert cache.built("stage", "key", _counted(builds), _Built) == _Built(("會見", "會晤"))
    assert builds == [1, 1]  # the rebuilt entry was stored again


def test_built_without_a_writable_cache_builds_each_time(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "a-file").write_text("")
    monkeypatch.setenv(cache.CACHE_ENVIRONMENT_VARIABLE, str(tmp_path / "a-file" / "cache"))
    builds: list[int] = []
    for _ in range(2):
        assert cache.built("stage", "key", _counted(builds), _Built).words == ("會見", "會晤")
    assert builds == [1, 1]
