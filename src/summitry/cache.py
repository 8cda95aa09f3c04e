"""An on-disk cache of what is built from the data files, so a new process starts in milliseconds.

Each entry is a pickle named by its kind and a key that hashes everything it was built from
(the data files' bytes, the code that builds it, the package version). A changed input gives a
new key, so a stale entry is never read. The cache only ever saves time: an entry that is
missing, corrupt or written by another Python, and a directory that cannot be written, all
make the caller build afresh. Pickles are only read from the user's own cache directory.
"""

from __future__ import annotations

import copyreg
import dataclasses
import gc
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

CACHE_ENVIRONMENT_VARIABLE = "SUMMITRY_CACHE"
# Entries of one kind kept side by side (see _drop_least_recently_used); each is at most ~11 MB.
KEPT_PER_KIND = 4


def cache_directory() -> Path | None:
    """``$SUMMITRY_CACHE``, else ``$XDG_CACHE_HOME/summitry`` or ``~/.cache/summitry``; None without a home."""
    configured = os.environ.get(CACHE_ENVIRONMENT_VARIABLE)
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME")
    if base:
        return Path(base) / "summitry"
    try:
        return Path.home() / ".cache" / "summitry"
    except (RuntimeError, KeyError):
        return None


def fingerprint(files: Iterable[Path], *labels: str) -> str:
    """A hash of the files' names and bytes and of the labels (versions, other keys)."""
    digest = hashlib.sha256()
    for label in (sys.version, *labels):
        digest.update(label.encode("utf-8") + b"\0")
    for path in files:
        digest.update(path.name.encode("utf-8") + b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def source_file(module_file: str) -> Path:
    """The ``.py`` source of a module from its ``__file__``, compiled or not. A key hashes the
    source: a module compiled by mypyc is a small extension (``text.cpython-311-….so``) whose
    bytes need not change when its code does (the code sits in one shared library)."""
    path = Path(module_file)
    return path.with_name(path.name.split(".", 1)[0] + ".py")


def _entry_path(directory: Path, kind: str, key: str) -> Path:
    return directory / f"{kind}-{key[:32]}.pickle"


def load(kind: str, key: str) -> Any | None:
    """The value stored for ``kind`` under ``key``, or None when there is no sound entry."""
    directory = cache_directory()
    if directory is None:
        return None
    path = _entry_path(directory, kind, key)
    collecting = gc.isenabled()
    gc.disable()  # unpickling makes many objects at once; collecting in between only rescans them
    try:
        with path.open("rb") as entry:
            payload = pickle.load(entry)
    except Exception:  # missing, truncated, unreadable, from another version: build instead
        return None
    finally:
        if collecting:
            gc.enable()
    if not isinstance(payload, dict) or payload.get("key") != key:
        return None
    try:
        os.utime(path)  # used now: the last of its kind to be dropped
    except OSError:
        pass
    return payload.get("value")


def _drop_least_recently_used(directory: Path, kind: str) -> None:
    """Keep the KEPT_PER_KIND entries of ``kind`` used last. More than one: two installations or
    checkouts of different data sharing one cache would otherwise each drop the other's entry
    and rebuild on every run."""
    entries = []
    for entry in directory.glob(f"{kind}-*.pickle"):
        try:
            entries.append((entry.stat().st_mtime, entry))
        except OSError:  # dropped meanwhile by another process
            continue
    for _, stale in sorted(entries, reverse=True)[KEPT_PER_KIND:]:
        stale.unlink(missing_ok=True)


def store(kind: str, key: str, value: Any) -> bool:
    """Write the entry atomically (so a concurrent reader sees all or nothing) and drop older
    entries of the same kind; False when the cache could not be written."""
    directory = cache_directory()
    if directory is None:
        return False
    partial: str | None = None
    try:
        directory.mkdir(parents=True, exist_ok=True)
        target = _entry_path(directory, kind, key)
        with tempfile.NamedTemporaryFile("wb", dir=directory, prefix=f".{kind}-", suffix=".partial", delete=False) as entry:
            partial = entry.name
            pickle.dump({"key": key, "value": value}, entry, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial, target)
        partial = None
        _drop_least_recently_used(directory, kind)
    except Exception:  # read-only or full disk, unpicklable value: the cache is optional
        if partial is not None:
            try:
                os.unlink(partial)
            except OSError:
                pass
        return False
    return True


def data_files(folder: Path) -> list[Path]:
    """Every file under a data folder, in a stable order (hidden files aside), for a key."""
    return sorted(path for path in folder.rglob("*") if path.is_file() and not path.name.startswith("."))


def build_flavour(module_file: str) -> str:
    """``compiled`` for a module mypyc built (its ``__file__`` is an extension), else ``pure``:
    part of a key, so that the two builds, whose classes pickle alike in name but not in make,
    never read each other's entries."""
    return "pure" if module_file.endswith(".py") else "compiled"


def stage_key(module_file: str, data_folder: Path, *code_files: str, labels: Iterable[str] = ()) -> str:
    """The key of what a stage builds from its data folder: every file in it, the building
    module's source and ``code_files``' (the modules that fold, check or define what is built),
    the build flavour and ``labels`` (the versions of libraries the build calls)."""
    sources = [source_file(f) for f in (module_file, *code_files)]
    return fingerprint(sources + data_files(data_folder), build_flavour(module_file), *labels)


def picklable_by_fields(*classes: type) -> None:
    """Pickle each frozen dataclass as a call of its constructor with its fields' values. A
    class mypyc compiled pickles its attributes by default but unpickles them with
    ``setattr``, which a frozen dataclass refuses: every entry would fail to load and be
    built again. Constructed anew, an instance is the same in either build (shared parts stay
    shared: pickle remembers each object once)."""
    for cls in classes:
        copyreg.pickle(cls, _by_fields)


def _by_fields(value: Any) -> tuple[type, tuple[Any, ...]]:
    return type(value), tuple(getattr(value, field.name) for field in dataclasses.fields(value))


def built(kind: str, key: str, build: Callable[[], T], kind_of: type[T]) -> T:
    """What ``build()`` returns, from the entry stored under ``key`` when there is a sound one
    (an instance of ``kind_of``), else built now and stored for the next process. A stage keys
    it by its data files and the code that builds from them (``fingerprint``), so an edit of
    either builds afresh, validating the data as it always did."""
    value = load(kind, key)
    if isinstance(value, kind_of):
        return value
    value = build()
    store(kind, key, value)
    return value
