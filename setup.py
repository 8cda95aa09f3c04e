"""Compile the hot modules with mypyc at install time, else install pure Python (issue 13).

``pip install -e '.[all,test]'`` (the README's command) runs this through setuptools, with
setuptools and mypy (which brings mypyc) from ``[build-system] requires``. The modules in
``COMPILED`` hold nearly all of ``extract``'s time; compiled, the same code runs ~1.5× faster
with byte-identical output. Where no C compiler is found, or mypyc or the compiler fails, the
install goes on as pure Python and says so in one line: a slower summitry, never no summitry.
``SUMMITRY_PURE=1`` asks for the pure build outright.

Either way ``src/summitry/_build.json`` records what was compiled and each source's hash, so
that ``summitry._build`` can refuse a compiled module whose ``.py`` was edited since (an
editable install leaves the ``.so`` beside the source, and Python would import the ``.so``).
"""

from __future__ import annotations

import hashlib
import json
import os
import shlex
import shutil
import sys
import sysconfig
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
SOURCE = ROOT / "src"
MANIFEST = "summitry/_build.json"

# The stages that hold extract's time (events 61-68%, linking 15-18%, times and quantities
# 11-15%, the text view 5-6%), as paths under src/. Their pydantic schemas and the packages'
# __init__ stay interpreted, and so does actors/lookup.py, which views/parties.py subclasses
# (an interpreted class cannot subclass a compiled one).
COMPILED = [
    "summitry/events/arguments.py",
    "summitry/events/dating.py",
    "summitry/events/extractor.py",
    "summitry/events/layout.py",
    "summitry/events/lexicon.py",
    "summitry/events/scoring.py",
    "summitry/events/status.py",
    "summitry/events/summary.py",
    "summitry/events/tables.py",
    "summitry/events/triggers.py",
    "summitry/measure/lexicon.py",
    "summitry/measure/numerals.py",
    "summitry/measure/quantities.py",
    "summitry/measure/times.py",
    "summitry/text.py",
    "summitry/wordindex.py",
    "summitry/actors/linker.py",
    "summitry/actors/matcher.py",
]

# The type check mypyc needs, without the third-party packages, which the isolated build
# environment lacks: they are Any to the compiler whatever is installed, so every machine
# compiles the same code. Strictness is tests/test_types.py's job (pyproject's [tool.mypy]).
BUILD_MYPY_CONFIG = """\
[mypy]
python_version = {version}
follow_imports = normal

[mypy-{third_party}]
ignore_missing_imports = True
follow_imports = skip
"""
THIRD_PARTY = [
    "ahocorasick", "cn2an", "lunardate", "lxml", "lxml.*", "opencc", "pycountry", "pycountry.*",
    "pydantic", "pydantic.*", "pypinyin", "pypinyin.*", "rjieba", "trafilatura", "trafilatura.*",
    "yaml", "yaml.*", "click", "click.*", "rich", "rich.*", "sqlalchemy", "sqlalchemy.*",
    "alembic", "alembic.*", "pyarrow", "pyarrow.*", "dask", "dask.*", "distributed", "distributed.*",
    "fastapi", "fastapi.*", "jinja2", "jinja2.*", "psycopg", "psycopg.*", "uvicorn", "uvicorn.*",
    "starlette", "starlette.*",
]


def say(line: str) -> None:
    """The one line an install prints about its build (shown by ``pip install -v``; ``summitry
    --version`` says the same afterwards)."""
    print(f"summitry: {line}", file=sys.stderr, flush=True)


def source_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def snapshot(compiled: list[str]) -> dict[str, dict[str, object]]:
    """The compiled modules by dotted name with their sources' hash, size and mtime (the fast
    check), taken before mypyc reads them: a source edited during the build counts as stale."""
    modules: dict[str, dict[str, object]] = {}
    for relative in compiled:
        path = SOURCE / relative
        stat = path.stat()
        name = relative[: -len(".py")].replace("/", ".")
        modules[name] = {"sha256": source_hash(path), "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}
    return modules


def write_manifest(directory: Path, compiled: bool, reason: str | None) -> None:
    """Record the build for ``summitry._build``: what was compiled from which sources, or why
    the build is pure."""
    modules = SOURCES if compiled else {}
    target = directory / MANIFEST
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps({"compiled": modules, "reason": reason}, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def remove_extensions() -> None:
    """Drop the compiled files an earlier build left beside the sources (a pure build is pure,
    and a module no longer compiled leaves no extension module behind)."""
    for pattern in ("summitry/**/*.so", "summitry/**/*.pyd", "*__mypyc.*.so", "*__mypyc.*.pyd"):
        for found in SOURCE.glob(pattern):
            found.unlink()


def compiler_missing() -> str | None:
    """Why no C compiler can be run, or None when one can."""
    command = os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc"
    program = shlex.split(command)[0] if command.strip() else "cc"
    if shutil.which(program) is None:
        return f"no C compiler ({program}) found"
    if not Path(sysconfig.get_paths()["include"], "Python.h").exists():
        return "no Python headers (Python.h) found"
    return None


# The commands that build: pip runs setup.py three times for one install (requirements,
# metadata, the build itself), and only the build needs mypyc's minute of type checking.
BUILDING = {"build", "build_py", "build_ext", "bdist", "bdist_wheel", "bdist_egg", "editable_wheel", "develop", "install"}


def mypyc_extensions() -> tuple[list[object], str | None]:
    """The extensions to build, or none and the reason."""
    if not BUILDING.intersection(sys.argv[1:]):
        return [], None  # metadata or requirements only: nothing is built in this run
    if os.environ.get("SUMMITRY_PURE", "") not in ("", "0"):
        return [], "SUMMITRY_PURE is set"
    missing = compiler_missing()
    if missing:
        return [], missing
    try:
        from mypyc.build import mypycify
    except ImportError as error:
        return [], f"mypyc cannot be imported ({error})"
    config = ROOT / "build" / "summitry-mypyc.ini"  # beside the C sources mypyc writes to build/
    config.parent.mkdir(exist_ok=True)
    config.write_text(
        BUILD_MYPY_CONFIG.format(version=f"{sys.version_info[0]}.{sys.version_info[1]}", third_party=",".join(THIRD_PARTY)),
        encoding="utf-8",
    )
    global SOURCES
    SOURCES = snapshot(COMPILED)
    try:
        extensions = mypycify(
            ["--config-file", str(config), *(f"src/{path}" for path in COMPILED)], opt_level="3", multi_file=True
        )
    except BaseException as error:  # mypyc exits on a type error
        if isinstance(error, KeyboardInterrupt):
            raise
        return [], f"mypyc failed ({type(error).__name__}: {error})"
    return list(extensions), None


class BuildOrFallBack(build_ext):
    """build_ext that installs pure Python when compiling fails, and records the build."""

    def finalize_options(self) -> None:
        super().finalize_options()
        if self.parallel is None:  # mypyc's multi_file C sources compile side by side
            self.parallel = os.cpu_count() or 1

    def run(self) -> None:
        reason = REASON
        compiled = bool(self.extensions) and reason is None
        inplace = bool(self.inplace or getattr(self, "editable_mode", False))
        if inplace:
            remove_extensions()
        if compiled:
            try:
                super().run()
            except BaseException as error:
                if isinstance(error, KeyboardInterrupt):
                    raise
                reason = f"compiling failed ({type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''})"
                compiled = False
        if not compiled:
            if inplace:
                remove_extensions()
            say(f"installing pure Python: {reason}")
        else:
            say(f"compiled {len(SOURCES)} modules with mypyc")
        write_manifest(Path(self.build_lib), compiled, reason)
        if inplace:
            write_manifest(SOURCE, compiled, reason)

    def get_outputs(self) -> list[str]:
        return [*super().get_outputs(), str(Path(self.build_lib) / MANIFEST)]


class RecordPureBuild(build_py):
    """With nothing to compile setuptools runs no build_ext: record the pure build here."""

    def run(self) -> None:
        super().run()
        if EXTENSIONS:
            return
        say(f"installing pure Python: {REASON}")
        write_manifest(Path(self.build_lib), False, REASON)
        if getattr(self, "editable_mode", False):
            remove_extensions()
            write_manifest(SOURCE, False, REASON)

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        outputs = super().get_outputs(include_bytecode)
        return outputs if EXTENSIONS else [*outputs, str(Path(self.build_lib) / MANIFEST)]


SOURCES: dict[str, dict[str, object]] = {}
EXTENSIONS, REASON = mypyc_extensions()
setup(ext_modules=EXTENSIONS, cmdclass={"build_ext": BuildOrFallBack, "build_py": RecordPureBuild})
