"""The compiled build and its pure fallback (issue 13): same output, never a stale module.

setup.py compiles the hot modules with mypyc; an editable install leaves each extension module
beside its ``.py``, which Python would import first. ``summitry._build`` lets an extension
module run only when the build record names it and every compiled source is the one compiled.
Each case runs a fresh interpreter over a copy of the sources in a temporary folder (as a
helper's PYTHONPATH to its own checkout does), so what it sees is the import system's choice.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
import yaml

import summitry
from summitry import _build
from tests.conftest import seed_paths

REPO = Path(__file__).resolve().parents[1]
SOURCE = Path(summitry.__file__).resolve().parent
CHALLENGE = REPO / "tests" / "challenge"
EXTENSION = sysconfig.get_config_var("EXT_SUFFIX")
CLI = "import sys; from summitry.cli import main; sys.exit(main(prog_name='summitry'))"


def _pure_copy(folder: Path) -> Path:
    """src/ with the ``.py`` and data files only: no extension module, no build record."""
    target = folder / "src" / "summitry"
    shutil.copytree(SOURCE, target, ignore=shutil.ignore_patterns("*.so", "*.pyd", "_build.json", "__pycache__"))
    return target.parent


def _run(source: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != _build.WARNED_VARIABLE}
    env["PYTHONPATH"] = str(source)
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env, cwd=cwd or source, timeout=300)


def _record(source: Path, modules: dict[str, Path]) -> None:
    """A build record as setup.py writes it, naming these modules with their sources' hashes."""
    entries = {
        name: {"sha256": hashlib.sha256(path.read_bytes()).hexdigest(), "size": path.stat().st_size, "mtime_ns": path.stat().st_mtime_ns}
        for name, path in modules.items()
    }
    (source / "summitry" / "_build.json").write_text(json.dumps({"compiled": entries, "reason": None}), encoding="utf-8")


def _fake_extension(source: Path, name: str) -> Path:
    """An extension module file beside the module's source that cannot load: importing it fails,
    so a run that succeeds proves the source was taken instead."""
    path = source.joinpath(*name.split(".")).with_suffix(".py")
    (path.parent / (path.stem + EXTENSION)).write_bytes(b"not a shared library\n")
    return path


IMPORT = "import importlib, sys; print(importlib.import_module(sys.argv[1]).__file__)"


@pytest.mark.parametrize(
    "case, expected_line",
    [
        ("no record", "summitry: running pure Python: not compiled: no build record beside the sources"),
        ("source edited", "summitry: running pure Python: compiled modules are stale: summitry/events/summary.py changed since the build"),
        ("not recorded", "summitry: running the source of an extension module the build did not record: summitry/events/"),
    ],
)
def test_an_untrusted_extension_module_runs_its_source_and_says_so_once(tmp_path: Path, case: str, expected_line: str) -> None:
    source = _pure_copy(tmp_path)
    summary = _fake_extension(source, "summitry.events.summary")
    layout = _fake_extension(source, "summitry.events.layout")
    if case == "source edited":
        _record(source, {"summitry.events.summary": summary, "summitry.events.layout": layout})
        summary.write_text(summary.read_text(encoding="utf-8") + "# edited after the build\n", encoding="utf-8")
    elif case == "not recorded":  # a build of another module only (scoring has no extension here)
        _record(source, {"summitry.events.scoring": source / "summitry" / "events" / "scoring.py"})
    code = IMPORT + "; print(importlib.import_module('summitry.events.layout').__file__)"
    result = _run(source, "-c", code, "summitry.events.summary")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [str(summary), str(layout)]
    assert result.stderr.splitlines()[0].startswith(expected_line)
    assert len(result.stderr.splitlines()) == 1  # once, though two modules were refused


def test_a_recorded_fresh_extension_module_is_the_one_imported(tmp_path: Path) -> None:
    """The positive twin: with the record matching its source, the extension module is taken
    (this fake one then fails to load, which is how the test sees the choice)."""
    source = _pure_copy(tmp_path)
    summary = _fake_extension(source, "summitry.events.summary")
    _record(source, {"summitry.events.summary": summary})
    result = _run(source, "-c", IMPORT, "summitry.events.summary")
    assert result.returncode != 0
    assert "ImportError" in result.stderr and EXTENSION in result.stderr


def test_another_checkout_on_pythonpath_runs_its_own_pure_sources(tmp_path: Path) -> None:
    """How helpers work: PYTHONPATH names another checkout's src/, which has no build; whatever
    this installation compiled, that checkout's sources run."""
    source = _pure_copy(tmp_path)
    code = (
        "import summitry.events.extractor as e, summitry.text as t, summitry._build as b; "
        "print(e.__file__); print(t.__file__); print(b.current().describe())"
    )
    result = _run(source, "-c", code)
    assert result.returncode == 0, result.stderr
    extractor, text, build = result.stdout.splitlines()
    assert extractor == str(source / "summitry" / "events" / "extractor.py")
    assert text == str(source / "summitry" / "text.py")
    assert build.startswith("pure Python")
    assert result.stderr == ""


def test_version_says_which_build_runs() -> None:
    result = _run(SOURCE.parent, "-c", CLI, "--version")
    assert result.returncode == 0, result.stderr
    build = _build.current()
    assert result.stdout.startswith("summitry, version ")
    assert result.stdout.rstrip().endswith(f"({build.describe()})")
    # CI installs the compiled build where a C compiler exists (.ci/run sets the variable).
    if os.environ.get("SUMMITRY_EXPECT_COMPILED") == "1":
        assert build.compiled, build.reason
        assert "(compiled with mypyc: " in result.stdout and "events/extractor" in result.stdout


def test_the_compiled_modules_are_the_ones_imported() -> None:
    """Every module the build names as running compiled is an extension module in this process."""
    import importlib

    for name in _build.current().compiled:
        assert importlib.import_module(name).__file__.endswith(EXTENSION), name  # type: ignore[union-attr]


def _challenge_items(path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for file in sorted(CHALLENGE.glob("*.yaml")):
            for item in yaml.safe_load(file.read_text(encoding="utf-8"))["items"]:
                line = {"id": item["id"], "text": item["text"], "date": str(item["date"]) if item.get("date") else None}
                out.write(json.dumps(line, ensure_ascii=False) + "\n")


def test_pure_and_installed_builds_write_identical_records(tmp_path: Path) -> None:
    """The seeds and the challenge set's items through a pure copy of src/ and through this
    installation (compiled where it was built so): byte-identical output."""
    work = tmp_path / "work"
    (work / "seeds").mkdir(parents=True)
    _challenge_items(work / "challenge.jsonl")
    for seed in seed_paths():  # where ../shared is beside the repository, as in CI
        shutil.copy(seed, work / "seeds" / seed.name)
    outputs = []
    for source in (_pure_copy(tmp_path), SOURCE.parent):
        out = tmp_path / f"{len(outputs)}.jsonl"
        inputs = ["seeds", "challenge.jsonl"] if seed_paths() else ["challenge.jsonl"]
        result = _run(source, "-c", CLI, "extract", *inputs, "--jobs", "1", "-o", str(out), cwd=work)
        assert result.returncode == 0, result.stderr
        outputs.append(out.read_bytes())
    assert outputs[0].count(b"\n") == len(seed_paths()) + sum(1 for _ in (work / "challenge.jsonl").open(encoding="utf-8"))
    assert outputs[0] == outputs[1]


def test_an_install_without_a_c_compiler_is_pure_and_says_so_in_one_line(tmp_path: Path) -> None:
    """setup.py's fallback, run as pip's build would run it, with a compiler that is not there."""
    pytest.importorskip("setuptools")
    project = tmp_path / "project"
    project.mkdir()
    for name in ("setup.py", "pyproject.toml", "README.md"):
        shutil.copy(REPO / name, project / name)
    shutil.copytree(SOURCE, project / "src" / "summitry", ignore=shutil.ignore_patterns("*.so", "*.pyd", "_build.json", "__pycache__"))
    env = {**os.environ, "CC": "no-such-c-compiler"}
    result = subprocess.run(
        [sys.executable, "setup.py", "-q", "build_py", "--build-lib", str(tmp_path / "lib")],
        capture_output=True, text=True, env=env, cwd=project, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    said = [line for line in result.stderr.splitlines() if line.startswith("summitry:")]
    assert said == ["summitry: installing pure Python: no C compiler (no-such-c-compiler) found"]
    record = json.loads((tmp_path / "lib" / "summitry" / "_build.json").read_text(encoding="utf-8"))
    assert record == {"compiled": {}, "reason": "no C compiler (no-such-c-compiler) found"}
