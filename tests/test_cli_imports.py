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

# The pipeline and the dictionaries every extraction needs: only a command that extracts loads them.
PIPELINE = ("summitry.pipeline", "opencc")

# The readers, the worker pool and the data files' parsers: `--help` needs none of them.
READERS_AND_POOL = ("summitry.ingest", "summitry.parallel", "multiprocessing", "yaml", "pydantic")

# Dictionaries and tables some texts need and most never ask for: importing the pipeline loads none.
ON_FIRST_NEED = ("rjieba", "cn2an", "lunardate", "pycountry")

# Imported only when a worker process is forked: the mark that a pool started.
FORKED_A_WORKER = "multiprocessing.popen_fork"


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
    assert _loaded(modules, STORE_AND_OUTPUTS + PIPELINE + READERS_AND_POOL) == []


def test_a_one_file_extract_loads_the_pipeline_and_no_store(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text("美國總統週二在白宮會見日本首相，雙方同意擴大對美投資三千億美元。\n", encoding="utf-8")
    modules = _modules_after(["extract", str(article), "--date", "2025-10-28", "-o", str(tmp_path / "out.jsonl")], tmp_path)
    assert (tmp_path / "out.jsonl").read_text(encoding="utf-8").count("\n") == 1  # it did extract
    # The positive twin: the dictionaries an extraction needs are seen where they are loaded.
    assert _loaded(modules, PIPELINE) == list(PIPELINE)
    assert _loaded(modules, STORE_AND_OUTPUTS) == []


def test_a_warm_cache_spares_the_pinyin_dictionary(tmp_path: Path, monkeypatch) -> None:
    """The sounds of every Han character are cached with the automata: once the cache is warm,
    an extraction that meets no name the knowledge base lacks never imports pypinyin."""
    monkeypatch.setenv("SUMMITRY_CACHE", str(tmp_path / "cache"))
    article = tmp_path / "article.txt"
    article.write_text("美國總統週二在白宮會見日本首相，雙方同意擴大對美投資三千億美元。\n", encoding="utf-8")
    args = ["extract", str(article), "--date", "2025-10-28", "-o", str(tmp_path / "out.jsonl")]
    cold, warm = _modules_after(args, tmp_path), _modules_after(args, tmp_path)
    assert "pypinyin" in cold and "pypinyin" not in warm  # the twin: a cold cache builds the sounds with it
    assert (tmp_path / "out.jsonl").read_text(encoding="utf-8").count("\n") == 1


def test_a_warm_cache_spares_the_data_files_parsers(tmp_path: Path, monkeypatch) -> None:
    """Every lexicon, rule set and index the first document needs is in the disk cache once it
    is warm: a one-file extract then imports neither YAML nor pydantic nor the data schemas."""
    monkeypatch.setenv("SUMMITRY_CACHE", str(tmp_path / "cache"))
    article = tmp_path / "article.txt"
    article.write_text("美國總統週二在白宮會見日本首相，雙方同意擴大對美投資三千億美元。\n", encoding="utf-8")
    args = ["extract", str(article), "--date", "2025-10-28", "-o", str(tmp_path / "out.jsonl")]
    parsers = ("yaml", "pydantic", "summitry.data", "summitry.events.schemas", "summitry.measure.schemas", "summitry.actors.schemas")
    cold, warm = _modules_after(args, tmp_path), _modules_after(args, tmp_path)
    assert _loaded(cold, parsers) == list(parsers)  # the twin: a cold cache reads and checks the files
    assert _loaded(warm, parsers) == []
    assert (tmp_path / "out.jsonl").read_text(encoding="utf-8").count("\n") == 1


@pytest.mark.parametrize(("articles", "forks"), [(1, False), (2, True)])
def test_one_document_is_extracted_without_starting_workers(articles: int, forks: bool, tmp_path: Path) -> None:
    for number in range(articles):
        (tmp_path / f"article{number}.txt").write_text(f"日本首相週{'一二'[number]}在東京會見美國國務卿。\n", encoding="utf-8")
    paths = [str(tmp_path / f"article{number}.txt") for number in range(articles)]
    modules = _modules_after(["extract", *paths, "--jobs", "2", "--date", "2025-10-28", "-o", str(tmp_path / "out.jsonl")], tmp_path)
    assert (tmp_path / "out.jsonl").read_text(encoding="utf-8").count("\n") == articles
    assert (FORKED_A_WORKER in modules) is forks


def _modules_after_code(code: str) -> set[str]:
    source_root = str(Path(summitry.__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [source_root, os.environ.get("PYTHONPATH")]))}
    script = f"import json, sys\n{code}\nprint(json.dumps(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=300, check=True)
    return set(json.loads(result.stdout))


def test_importing_the_pipeline_leaves_what_few_texts_need_unloaded() -> None:
    modules = _modules_after_code("import summitry.pipeline")
    assert "summitry.pipeline" in modules
    assert _loaded(modules, ON_FIRST_NEED) == []


@pytest.mark.parametrize(
    ("code", "module"),
    [
        ("from summitry.measure.numerals import chinese_value; chinese_value('一万五')", "cn2an"),  # shorthand
        ("from summitry.measure.times import lunar_to_solar; lunar_to_solar(2025, 8, 15)", "lunardate"),
        ("from summitry.actors.kb import _is_real_country; _is_real_country('JPN')", "pycountry"),
    ],
)
def test_a_table_is_loaded_where_it_is_first_needed(code: str, module: str) -> None:
    assert module in _modules_after_code(code)


def test_a_numeral_spelled_the_standard_way_needs_no_cn2an() -> None:
    """三千五百零七 and 三千億 are read by numerals.standard_value: cn2an's import (a tenth of a
    second) is spent only on the forms it alone reads, like the shorthand 一万五 above."""
    code = "from summitry.measure.numerals import chinese_value; chinese_value('三千五百零七'); chinese_value('三千亿')"
    assert "cn2an" not in _modules_after_code(code)
