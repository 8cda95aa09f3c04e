"""Which build runs, compiled or pure, and never a compiled module older than its source.

setup.py compiles the hot modules with mypyc and records them in ``_build.json`` beside this
file, each with its source's hash. An editable install (``pip install -e``) leaves each ``.so``
beside its ``.py``, and Python imports the ``.so`` first: a developer who edits
events/arguments.py would silently run the code compiled before the edit. So ``summitry``
installs ``GuardedFinder`` before any submodule is imported: a ``summitry.*`` module whose
extension module stands beside its source loads compiled only when the record exists and every
compiled module's source is the one compiled; otherwise every one of them loads from its
``.py``, and one line on stderr says why, once. All or none, because compiled modules call
one another natively: a stale module run from source would still be bypassed by the others.

A checkout run through PYTHONPATH (another worktree's src/) has no record beside it, or its own:
it runs its own sources, never another checkout's compiled modules (those sit under that other
checkout's src/, which this checkout's ``summitry`` package does not search).
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import os
import sys
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import NamedTuple

PACKAGE_DIRECTORY = Path(__file__).resolve().parent
MANIFEST = PACKAGE_DIRECTORY / "_build.json"
# Set once the stale build has been reported, so worker processes do not repeat the line.
WARNED_VARIABLE = "SUMMITRY_STALE_BUILD_REPORTED"


class Build(NamedTuple):
    """What runs: the compiled modules in use (empty for pure Python) and, if pure, why."""

    compiled: tuple[str, ...]
    reason: str | None

    def describe(self) -> str:
        """One phrase for ``summitry --version``."""
        if self.compiled:
            short = ", ".join(name.removeprefix("summitry.").replace(".", "/") for name in self.compiled)
            return f"compiled with mypyc: {short}"
        return f"pure Python ({self.reason})"


def _source_of(name: str) -> Path:
    return PACKAGE_DIRECTORY.parent.joinpath(*name.split(".")).with_suffix(".py")


def _changed(name: str, recorded: dict[str, object]) -> bool:
    """Whether the module's source differs from the one compiled: size and mtime first, then
    its bytes (a checkout or a touch changes the mtime, not the content)."""
    import hashlib  # only when a source's mtime moved: `summitry --help` never needs it

    path = _source_of(name)
    try:
        stat = path.stat()
        if stat.st_size == recorded.get("size") and stat.st_mtime_ns == recorded.get("mtime_ns"):
            return False
        return hashlib.sha256(path.read_bytes()).hexdigest() != recorded.get("sha256")
    except OSError:
        return True


@cache
def current() -> Build:
    """The build this process runs, decided once from the record beside this file."""
    import json

    try:
        record = json.loads(MANIFEST.read_text(encoding="utf-8"))
        modules: dict[str, dict[str, object]] = record["compiled"]
        reason: str | None = record.get("reason")
    except (OSError, ValueError, KeyError, TypeError):
        return Build((), "not compiled: no build record beside the sources")
    if not modules:
        return Build((), reason or "not compiled")
    stale = sorted(name for name, recorded in modules.items() if _changed(name, recorded))
    if stale:
        files = ", ".join(str(_source_of(name).relative_to(PACKAGE_DIRECTORY.parent)) for name in stale)
        return Build((), f"compiled modules are stale: {files} changed since the build; pip install -e . recompiles")
    return Build(tuple(sorted(modules)), None)


class GuardedFinder:
    """Loads a ``summitry.*`` module from its source when its compiled build may not run."""

    @classmethod
    def find_spec(
        cls, name: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if not name.startswith("summitry.") or path is None:
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None or not isinstance(spec.loader, importlib.machinery.ExtensionFileLoader):
            return spec
        build = current()
        if name in build.compiled:
            return spec
        source = Path(str(spec.origin)).parent / (name.rpartition(".")[2] + ".py")
        if not source.is_file():
            return spec  # an extension module with no source of its own: nothing else to run
        if build.compiled:
            where = source.relative_to(PACKAGE_DIRECTORY.parent) if source.is_relative_to(PACKAGE_DIRECTORY.parent) else source
            _report(f"running the source of an extension module the build did not record: {where}")
        else:
            _report(f"running pure Python: {build.reason}")
        loader = importlib.machinery.SourceFileLoader(name, str(source))
        return importlib.util.spec_from_file_location(name, source, loader=loader)


def _report(line: str) -> None:
    """One line, once per process tree, when compiled modules stand beside sources but do not run."""
    if os.environ.get(WARNED_VARIABLE):
        return
    os.environ[WARNED_VARIABLE] = "1"
    print(f"summitry: {line}", file=sys.stderr, flush=True)


def install() -> None:
    """Put the finder first, once: before the path finder would pick the extension module."""
    if not any(finder is GuardedFinder for finder in sys.meta_path):
        sys.meta_path.insert(0, GuardedFinder)

