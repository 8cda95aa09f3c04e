"""The on-disk cache only ever saves time: a missing, stale, corrupt or unwritable cache builds afresh."""

from __future__ import annotations

import os
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
