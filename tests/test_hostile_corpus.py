"""One corpus holding every kind of hostile input at once, run through the whole product.

Each case has its own test elsewhere; this one shows they hold together: a poisoned JSON Lines
file, a folder that cannot be listed, a FIFO, a paragraph over its time budget, output to a
device node, and a damaged record in the store. Every bad input is one line naming it, the good
documents all arrive, nothing is replaced or half-written, and no traceback is printed.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from summitry.cli import main
from tests.conftest import refuse_listing

GOOD = {
    "a.txt": "date 2025-10-30\n美國總統川普29日在慶州會見南韓總統李在明，雙方就關稅協議達成共識。\n",
    "b.txt": "date 2025-10-31\n国家主席习近平30日在釜山同美国总统特朗普举行会晤。\n",
}
# Our own sentences, repeated into one paragraph far longer than any article (380k characters,
# seconds of CPU at any speed, so the 1 s budget always cuts it), with no line break.
LONG = "日本首相石破茂與美國總統川普通電話，雙方同意加強合作，並討論關稅與投資問題。" * 10000


def _corpus(root: Path) -> Path:
    corpus = root / "corpus"
    (corpus / "locked").mkdir(parents=True)
    for name, text in GOOD.items():
        (corpus / name).write_text(text, encoding="utf-8")
    (corpus / "locked" / "c.txt").write_text(GOOD["a.txt"], encoding="utf-8")
    lines = [
        json.dumps({"text": "南韓總統李在明在首爾會見日本首相石破茂。", "date": "2025-08-23", "title": "首爾峰會"}, ensure_ascii=False),
        '{"text": "川普會見普京。", "date": "2025-08-15", "title": "\\ud800"}',  # a lone surrogate
        json.dumps({"text": "川普在白宮\u0000會見莫迪。", "date": "2025-02-13"}, ensure_ascii=False),  # a NUL
    ]
    (corpus / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (corpus / "long.txt").write_text("date 2025-10-30\n" + LONG + "\n", encoding="utf-8")
    os.mkfifo(corpus / "pipe.txt")
    return corpus


@pytest.fixture
def refused_folder(tmp_path: Path, monkeypatch) -> str:
    locked = str(tmp_path / "corpus" / "locked")
    refuse_listing(monkeypatch, locked)
    return locked


def _rejections(stderr: str) -> dict[str, str]:
    found = {}
    for line in stderr.splitlines():
        if line.startswith("summitry: rejected "):
            path, _, reason = line.removeprefix("summitry: rejected ").partition(": ")
            found[path] = reason
    return found


def test_a_hostile_corpus_is_read_whole_and_every_bad_input_named(tmp_path: Path, refused_folder: str) -> None:
    corpus = _corpus(tmp_path)
    device = tmp_path / "null"
    os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    runner = CliRunner()

    extracted = runner.invoke(main, ["extract", str(corpus), "--jobs", "1", "--time-limit", "1", "-o", str(device)])
    assert extracted.exit_code == 1
    assert "Traceback" not in extracted.output
    assert stat.S_ISCHR(device.stat().st_mode), "the device node is still a device"
    rejected = _rejections(extracted.stderr)
    assert rejected[refused_folder] == "cannot list folder: Permission denied"
    assert "took longer than 1 s" in rejected[str(corpus / "long.txt")]
    assert any(path.startswith(str(corpus / "feed.jsonl")) and "surrogate" in reason for path, reason in rejected.items())
    assert any(path.startswith(str(corpus / "pipe.txt")) for path in rejected)

    store = tmp_path / "store.db"
    ingested = runner.invoke(main, ["ingest", str(corpus), "--db", str(store), "--jobs", "1", "--time-limit", "1"])
    assert ingested.exit_code == 1 and "Traceback" not in ingested.output
    assert "summitry: 4 new" in ingested.output  # a.txt, b.txt and the two sound JSON Lines
    with sqlite3.connect(store) as connection:
        texts = [text for (text,) in connection.execute("SELECT text FROM documents")]
    assert len(texts) == 4 and any("\ufffd" in text for text in texts), "the NUL became U+FFFD in place"

    for command in (["meetings"], ["ledger"], ["actor", "川普"]):
        result = runner.invoke(main, [*command, "--db", str(store)])
        assert result.exit_code == 0, result.output

    with sqlite3.connect(store) as connection:
        connection.execute("UPDATE documents SET record_json = '{broken' WHERE rowid = (SELECT MIN(rowid) FROM documents)")
    for command in (["meetings"], ["ledger"]):  # the views answer from their own tables: never down
        result = runner.invoke(main, [*command, "--db", str(store)])
        assert result.exit_code == 0 and "Traceback" not in result.output, result.output
    out = tmp_path / "out"
    result = runner.invoke(main, ["export", "--format", "csv", "-o", str(out), "--db", str(store)])  # reads every record
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert lines == [lines[0]] and "unreadable record" in lines[0]
    assert not out.exists() or not any(out.iterdir()), "no partial export"
