"""`summitry eval --events-gold FILE CACHE_DIR` and `--challenge DIR` through Click's runner, on a
small gold and cache of our own (never eval-cache/)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from summitry.cli import main

GOLD = """\
set: dev
articles:
- id: d001
  outlet: CNA
  script: Hant
  kind: wire
  date: 2025-02-08
  events:
  - at: 2
    type: CONSULT
    mode: meeting
    source: [Shigeru Ishiba]
    target: [Donald Trump]
    date: 2025-02-07
  - at: 3
    type: PROTEST
    source: [China]
    target: [Japan]
    date: 2025-02-07
  meetings:
  - participants: [Shigeru Ishiba, Donald Trump]
    date: 2025-02-07
  officials: [Shigeru Ishiba, Donald Trump]
- id: d002
  outlet: UDN
  script: Hant
  date: 2025-02-08
"""
EXCERPT = "date 2025-02-08\n日本首相石破茂7日在白宮與美國總統川普會談。中國外交部7日召見日本駐華大使。\n"


def _gold_and_cache(tmp_path: Path) -> tuple[Path, Path]:
    gold, cache = tmp_path / "dev.yaml", tmp_path / "eval-cache"
    gold.write_text(GOLD, encoding="utf-8")
    cache.mkdir()
    (cache / "d001.txt").write_text(EXCERPT, encoding="utf-8")
    return gold, cache


def test_events_gold_prints_tables_and_names_the_missing_cache_file(tmp_path: Path) -> None:
    gold, cache = _gold_and_cache(tmp_path)
    result = CliRunner().invoke(main, ["eval", "--events-gold", str(gold), str(cache)])
    assert result.exit_code == 0, result.output
    assert "right / total" in result.stdout and "officials linked" in result.stdout
    assert f"skipped 1 article(s), no cache file: {cache / 'd002.txt'}" in result.stderr
    assert "pages" in result.stderr  # the step that refills it
    assert "d001 s" not in result.stdout  # misses only when asked


def test_events_gold_json_and_misses(tmp_path: Path) -> None:
    gold, cache = _gold_and_cache(tmp_path)
    result = CliRunner().invoke(main, ["eval", "--events-gold", str(gold), str(cache), "--json", "--misses"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["articles"] == 1 and scores["skipped"] == ["d002"]
    assert scores["events"]["total"] == 2
    assert set(scores["errors"]) >= {"type", "parties", "date", "status", "claimant", "place", "amounts"}
    assert scores["officials_linked"]["total"] == 2
    wrong = scores["events"]["total"] - scores["events"]["right"] + scores["events"]["spurious"]
    assert sum(1 for line in scores["misses"] if " s" in line and "official" not in line) >= wrong


def test_an_unreadable_cache_file_is_named_and_the_others_are_scored(tmp_path: Path) -> None:
    gold, cache = _gold_and_cache(tmp_path)
    (cache / "d002.txt").write_bytes("date 2025-02-08\n".encode() + "日本".encode("big5"))
    result = CliRunner().invoke(main, ["eval", "--events-gold", str(gold), str(cache), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["unreadable"] == {"d002": "not UTF-8"}
    assert f"skipped {cache / 'd002.txt'}: not UTF-8" in result.stderr


def test_a_bad_gold_file_is_one_line_and_no_traceback(tmp_path: Path) -> None:
    gold, cache = _gold_and_cache(tmp_path)
    gold.write_text(GOLD.replace("    mode: meeting\n", "    mood: meeting\n"), encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", "--events-gold", str(gold), str(cache)])
    assert result.exit_code == 1
    assert f"{gold}: articles[d001].events[1].mood: unknown key" in result.stderr
    assert "Traceback" not in result.output and isinstance(result.exception, SystemExit)


def test_events_gold_needs_one_cache_folder(tmp_path: Path) -> None:
    gold, cache = _gold_and_cache(tmp_path)
    result = CliRunner().invoke(main, ["eval", "--events-gold", str(gold)])
    assert result.exit_code == 2 and "CACHE_DIR" in result.stderr
    missing = CliRunner().invoke(main, ["eval", "--events-gold", str(gold), str(tmp_path / "nowhere")])
    assert missing.exit_code == 1 and "nowhere: is not a folder" in missing.stderr


def test_challenge_pin_then_gate(tmp_path: Path) -> None:
    folder = tmp_path / "challenge"
    folder.mkdir()
    (folder / "missed.yaml").write_text(
        "class: missed\nabout: a readout\nitems:\n- id: t-001\n  outlet: Xinhua\n  script: Hans\n  date: 2024-05-07\n"
        "  text: 国家主席习近平6日在巴黎同法国总统马克龙举行会谈。\n"
        "  events:\n  - {type: CONSULT, source: [Xi Jinping], target: [Emmanuel Macron], date: 2024-05-06}\n",
        encoding="utf-8",
    )
    unpinned = CliRunner().invoke(main, ["eval", "--challenge", str(folder)])
    assert unpinned.exit_code == 1 and "re-pin" in unpinned.stderr
    pinned = CliRunner().invoke(main, ["eval", "--challenge", str(folder), "--pin", "--json"])
    assert pinned.exit_code == 0, pinned.output
    assert json.loads(pinned.stdout)["classes"]["missed"]["items"] == 1
    assert CliRunner().invoke(main, ["eval", "--challenge", str(folder)]).exit_code == 0
    assert CliRunner().invoke(main, ["eval", "--pin"]).exit_code == 2
