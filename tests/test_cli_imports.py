"""Start-up: each command imports only what it uses (issue 13).

`summitry --help` once cost a second of CPU, nearly all of it importing SQLAlchemy, Alembic,
Rich and the pipeline's dictionaries that no help text needs. Each case runs the command in a
fresh interpreter and reads the modules it ended with: a module set, not a timing, so the test
says the same on a loaded machine as on an idle one.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import summitry

# Runs the command as the console script would, then writes the names of every module loaded.
DRIVER = """
import json, sys
from summitry.cli import main
out = sys.argv.pop(1)
try:
    main(sys.argv[1:], prog_name="summitry")
except SystemExit:
    pass
with open(out, "w", encoding="utf-8") as handle:
    json.dump(sorted(sys.modules), handle)
"""

# Storage, web, tables, clusters: no command that only reads files or prints text needs them.
STORE_AND_OUTPUTS = ("sqlalchemy", "alembic", "fastapi", "starlette", "uvicorn", "jinja2", "rich", "dask", "distributed", "pyarrow")

# The pipeline and its dictionaries: only a command that extracts needs them.
PIPELINE = ("summitry.pipeline", "rjieba", "pypinyin", "cn2an", "opencc")


def _modules_after(args: list[str], tmp_path: Path) -> set[str]:
    out = tmp_path / "modules.json"
    source_root = str(Path(summitry.__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [source_root, os.environ.get("PYTHONPATH")]))}
    result = subprocess.run([sys.executable, "-c", DRIVER, str(out), *args], env=env, capture_output=True, text=True, timeout=300)
    assert out.exists(), result.stderr
    return set(json.loads(out.read_text(encoding="utf-8")))


def _loaded(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return [name for name in names if name in modules]


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["--version"],
        ["extract", "--help"],
        ["ingest", "--help"],
        ["meetings", "--help"],
    ],
)
def test_help_and_version_load_neither_store_nor_pipeline(args: list[str], tmp_path: Path) -> None:
    modules = _modules_after(args, tmp_path)
    assert "summitry.cli" in modules  # the driver did run the command line
    assert _loaded(modules, STORE_AND_OUTPUTS + PIPELINE) == []


def test_a_one_file_extract_loads_the_pipeline_and_no_store(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text("美國總統週二在白宮會見日本首相，雙方同意擴大對美投資三千億美元。\n", encoding="utf-8")
    modules = _modules_after(["extract", str(article), "--date", "2025-10-28", "-o", str(tmp_path / "out.jsonl")], tmp_path)
    assert (tmp_path / "out.jsonl").read_text(encoding="utf-8").count("\n") == 1  # it did extract
    # The positive twin: the dictionaries an extraction needs are seen where they are loaded.
    assert _loaded(modules, PIPELINE) == list(PIPELINE)
    assert _loaded(modules, STORE_AND_OUTPUTS) == []
