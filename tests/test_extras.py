"""Optional parts (issue 14): `pip install summitry` with no extra extracts, and a command that
needs an extra names it in one line.

The test machine has every extra installed, so each case runs the command in a fresh
interpreter where the extras' packages cannot be imported (a finder raises for them first),
as on a machine that installed summitry alone.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import summitry

# The top-level packages the extras [web], [pg], [parquet] and [dask] install, and [build]'s babel.
EXTRAS_PACKAGES = ("fastapi", "starlette", "uvicorn", "jinja2", "psycopg", "psycopg_binary", "pyarrow", "dask", "distributed", "babel")

# Runs the command line with the extras' packages made unimportable, then writes what it loaded.
DRIVER = """
import importlib.abc, json, sys
blocked = set(json.loads(sys.argv.pop(1)))

class NotInstalled(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in blocked:
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None

sys.meta_path.insert(0, NotInstalled())
from summitry.cli import main
out = sys.argv.pop(1)
code = 0
try:
    main(sys.argv[1:], prog_name="summitry")
except SystemExit as stop:
    code = stop.code or 0
with open(out, "w", encoding="utf-8") as handle:
    json.dump({"code": code, "modules": sorted(sys.modules)}, handle)
"""


def _run_without_extras(args: list[str], tmp_path: Path, blocked: tuple[str, ...] = EXTRAS_PACKAGES) -> tuple[int, set[str], str]:
    """(exit code, modules loaded, standard error) of the command run with ``blocked`` unimportable."""
    out = tmp_path / "outcome.json"
    source_root = str(Path(summitry.__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [source_root, os.environ.get("PYTHONPATH")]))}
    result = subprocess.run(
        [sys.executable, "-c", DRIVER, json.dumps(blocked), str(out), *args], env=env, capture_output=True, text=True, timeout=300
    )
    assert out.exists(), result.stderr
    outcome = json.loads(out.read_text(encoding="utf-8"))
    return outcome["code"], set(outcome["modules"]), result.stderr


def test_extract_runs_without_any_extra_and_loads_none(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text("日本首相週一在東京會見美國國務卿，雙方同意加強供應鏈合作。\n", encoding="utf-8")
    output = tmp_path / "out.jsonl"
    code, modules, stderr = _run_without_extras(["extract", str(article), "--date", "2025-10-28", "-o", str(output)], tmp_path)
    assert code == 0, stderr
    record = json.loads(output.read_text(encoding="utf-8"))
    assert record["events"]  # it did extract, not merely start
    assert [name for name in EXTRAS_PACKAGES if name in modules] == []


@pytest.fixture(scope="module")
def sqlite_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite store of one article, ingested without any extra (SQLite needs no driver)."""
    folder = tmp_path_factory.mktemp("store")
    article = folder / "article.txt"
    article.write_text("美國總統週二在華府會見日本首相，日方承諾對美投資五千億美元。\n", encoding="utf-8")
    code, modules, stderr = _run_without_extras(["ingest", str(article), "--date", "2025-10-28", "--db", str(folder / "store.db")], folder)
    assert code == 0, stderr
    assert [name for name in EXTRAS_PACKAGES if name in modules] == []
    return folder / "store.db"


@pytest.mark.parametrize(
    ("args", "extra", "package"),
    [
        (["serve", "--db", "{store}"], "web", "uvicorn"),
        (["report", "--ledger", "-o", "{tmp}/ledger.html", "--db", "{store}"], "web", "jinja2"),
        (["export", "--format", "parquet", "-o", "{tmp}/out", "--db", "{store}"], "parquet", "pyarrow"),
        (["meetings", "--db", "postgresql://summitry@localhost:1/none"], "pg", "psycopg"),
    ],
)
def test_a_command_needing_a_missing_extra_names_it_in_one_line(
    args: list[str], extra: str, package: str, sqlite_store: Path, tmp_path: Path
) -> None:
    code, _modules, stderr = _run_without_extras([arg.format(tmp=tmp_path, store=sqlite_store) for arg in args], tmp_path)
    assert code == 1
    assert stderr.splitlines() == [f"summitry: {args[0]} needs {package}, which is not installed: pip install 'summitry[{extra}]'"]


def test_with_the_extra_present_the_same_command_runs(sqlite_store: Path, tmp_path: Path) -> None:
    """The positive twin: only the missing package made the command above fail."""
    code, modules, stderr = _run_without_extras(
        ["export", "--format", "parquet", "-o", str(tmp_path / "out"), "--db", str(sqlite_store)], tmp_path, blocked=()
    )
    assert code == 0, stderr
    assert "pyarrow" in modules
    assert (tmp_path / "out" / "events.parquet").exists()
