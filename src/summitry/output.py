"""Where ``-o`` writes: one rule for ``extract``, ``report`` and ``export``.

A regular file (new, existing, or the target of a symlink) is written to a temporary file
beside it and renamed into place only when complete, so a failed run or a full disk leaves
the old file, or none, never a partial one; an existing file keeps its mode. Anything else a
path can name (``/dev/null``, a terminal, a FIFO another program reads) is written straight
through: renaming over it would replace the device or pipe with a regular file.
"""

from __future__ import annotations

import io
import os
import stat
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Iterator

from summitry.errors import SummitryError


class UnwritableOutput(SummitryError):
    """``-o`` names something that cannot be written: the path and the reason."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        super().__init__(f"cannot write {os.fspath(path)}: {reason}")
        self.path = os.fspath(path)
        self.reason = reason


def _reason(error: OSError) -> str:
    return error.strerror or str(error)


@contextmanager
def open_output(
    path: str | os.PathLike[str] | None, binary: bool = False, encoding: str = "utf-8", newline: str | None = None,
) -> Iterator[IO[Any]]:
    """A handle on ``path`` (``None`` or ``-``: standard output) that is either written whole
    or, on any error inside the block, left as it was; errors come out as ``UnwritableOutput``."""
    if path is None or os.fspath(path) == "-":
        yield sys.stdout.buffer if binary else sys.stdout
        return
    name = os.fspath(path)
    try:
        found = os.stat(name)
    except FileNotFoundError:
        found = None
    except OSError as error:
        raise UnwritableOutput(name, _reason(error)) from None
    if found is not None and stat.S_ISDIR(found.st_mode):
        raise UnwritableOutput(name, "is a directory")
    if found is not None and not stat.S_ISREG(found.st_mode):
        with _straight_through(name, binary, encoding, newline) as handle:
            yield handle
        return
    with _replacing(Path(os.path.realpath(name)), name, found, binary, encoding, newline) as handle:
        yield handle


@contextmanager
def _straight_through(name: str, binary: bool, encoding: str, newline: str | None) -> Iterator[IO[Any]]:
    """A device or FIFO: opened for writing as it is (no truncation to undo, nothing to rename)."""
    try:
        raw = open(name, "wb", buffering=0)  # noqa: SIM115 - closed below, errors translated
    except OSError as error:
        raise UnwritableOutput(name, _reason(error)) from None
    handle: IO[Any] = io.BufferedWriter(raw) if binary else io.TextIOWrapper(io.BufferedWriter(raw), encoding=encoding, newline=newline)
    try:
        yield handle
        handle.flush()
    except OSError as error:
        raise UnwritableOutput(name, _reason(error)) from None
    finally:
        try:
            handle.close()
        except OSError:
            pass


@contextmanager
def _replacing(
    target: Path, name: str, found: os.stat_result | None, binary: bool, encoding: str, newline: str | None,
) -> Iterator[IO[Any]]:
    """Write ``target`` through a temporary sibling; rename it over ``target`` once complete."""
    folder = target.parent
    if not folder.is_dir():
        reason = "no such directory" if not folder.exists() else "not a directory"
        raise UnwritableOutput(name, f"{reason}: {folder}")
    partial = folder / f"{target.name}.{os.getpid()}.partial"
    try:
        # 0o666 through the umask: a new file gets the mode any program writing it would give.
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
    except OSError as error:
        raise UnwritableOutput(name, _reason(error)) from None
    try:
        if found is not None:
            os.fchmod(descriptor, stat.S_IMODE(found.st_mode))
            try:
                os.fchown(descriptor, found.st_uid, found.st_gid)
            except PermissionError:
                pass  # not ours to give away; the content still replaces the file
        raw = os.fdopen(descriptor, "wb")
    except OSError as error:
        os.close(descriptor)
        os.unlink(partial)
        raise UnwritableOutput(name, _reason(error)) from None
    handle: IO[Any] = raw if binary else io.TextIOWrapper(raw, encoding=encoding, newline=newline)
    try:
        try:
            yield handle
            handle.flush()
            os.fsync(raw.fileno())
        finally:
            handle.close()
        os.replace(partial, target)
    except BaseException as error:
        try:
            os.unlink(partial)
        except FileNotFoundError:
            pass
        if isinstance(error, OSError) and not isinstance(error, UnwritableOutput):
            raise UnwritableOutput(name, _reason(error)) from None
        raise
