"""Hostile input through ``summitry extract``: nothing is lost, every rejection names its input
and its reason, and no bad input stops the batch or puts a bad value in the output.

Each test writes its inputs under tmp_path; the sentences are our own.
"""

from __future__ import annotations

import json
import math
import re
import time
import tracemalloc
from pathlib import Path

from click.testing import CliRunner

from summitry.cli import main
from summitry.ingest import Rejection, read_documents
from summitry.ingest.document import MAX_DOCUMENT_BYTES
from summitry.model import Document

ARTICLE = "美國總統川普29日在南韓慶州會見中國國家主席習近平，雙方同意投資3500億美元。"
ARTICLE_SIMPLIFIED = "美国总统特朗普29日在韩国庆州会见中国国家主席习近平，双方同意投资3500亿美元。"
REJECTED = re.compile(r"^summitry: rejected (.+?): (.+)$")


def extract(*arguments: str) -> tuple[list[dict], dict[str, str], int]:
    """Run ``summitry extract`` in one process: (records, {rejected input: reason}, exit code)."""
    result = CliRunner().invoke(main, ["extract", "--jobs", "1", *arguments])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    records = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    rejections = {}
    for line in result.stderr.splitlines():
        match = REJECTED.match(line)
        assert match, f"stderr line is not one rejection: {line!r}"
        rejections[match.group(1)] = match.group(2)
    return records, rejections, result.exit_code


def assert_all_accounted(inputs: list[str], records: list[dict], rejections: dict[str, str]) -> None:
    """Every input is either a record or a rejection with a reason, never both, never neither."""
    sources = [record["doc"]["source"] for record in records]
    for name in inputs:
        assert (name in sources) != (name in rejections), f"{name}: records {sources}, rejections {rejections}"
    assert all(reason.strip() for reason in rejections.values())


def assert_sound(record: dict, text: str) -> None:
    """Spans point into the text, values are finite, and the JSON holds no NaN or Infinity."""
    json.dumps(record, allow_nan=False)
    assert record["doc"]["length"] == len(text)
    for item in record["quantities"] + record["times"]:
        assert 0 <= item["start"] < item["end"] <= len(text)
        assert text[item["start"] : item["end"]] == item["text"]
    for quantity in record["quantities"]:
        assert math.isfinite(quantity["value"])
    for entity in record["entities"]:
        assert all(0 <= start < end <= len(text) for start, end in entity["mentions"])


def write(path: Path, content: bytes | str) -> str:
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return str(path)


def test_binary_file_is_rejected_as_binary(tmp_path: Path) -> None:
    binary = write(tmp_path / "dump.bin", bytes(range(256)) * 64)
    good = write(tmp_path / "good.txt", ARTICLE)
    records, rejections, code = extract(binary, good)
    assert_all_accounted([binary, good], records, rejections)
    assert rejections[binary].startswith("binary content")
    assert code == 1


def test_images_are_rejected_by_their_signature_whatever_their_name(tmp_path: Path) -> None:
    images = {
        write(tmp_path / "photo.png", b"\x89PNG\r\n\x1a\n" + bytes(200)): "PNG image",
        write(tmp_path / "photo.jpg", b"\xff\xd8\xff\xe0" + bytes(200)): "JPEG image",
        write(tmp_path / "banner.gif", b"GIF89a" + bytes(200)): "GIF image",
        write(tmp_path / "not-an-article.txt", b"\x89PNG\r\n\x1a\n" + bytes(200)): "PNG image",
    }
    records, rejections, code = extract(*images)
    assert_all_accounted(list(images), records, rejections)
    for path, kind in images.items():
        assert rejections[path] == f"binary content ({kind})"
    assert code == 1


def test_empty_file_is_rejected(tmp_path: Path) -> None:
    empty = write(tmp_path / "empty.txt", b"")
    good = write(tmp_path / "good.txt", ARTICLE)
    records, rejections, _ = extract(empty, good)
    assert_all_accounted([empty, good], records, rejections)
    assert rejections[empty] == "empty file"


def test_whitespace_only_file_is_rejected(tmp_path: Path) -> None:
    blank = write(tmp_path / "blank.txt", " \n\t\u3000\r\n  \n")
    records, rejections, _ = extract(blank)
    assert_all_accounted([blank], records, rejections)
    assert rejections[blank] == "whitespace only"


def _write_large_line(path: Path, size: int) -> None:
    piece = ("美國總統川普會見習近平，雙方同意投資3500億美元。" * 2000).encode("utf-8")
    with path.open("wb") as large:
        written = 0
        while written < size:
            large.write(piece)
            written += len(piece)


def test_a_50_mb_single_line_file_is_rejected_unread(tmp_path: Path) -> None:
    # Rejected rather than processed: no article is 50 MB (the longest seed is 26 KB), so such a
    # file is a dump of many that should be split, and one document that large would hold a
    # worker for minutes and hundreds of MB. The size is known from the file system, so the
    # rejection costs neither the time nor the memory of reading it.
    large = tmp_path / "dump.txt"
    _write_large_line(large, 50_000_000)
    good = write(tmp_path / "good.txt", ARTICLE)
    tracemalloc.start()
    started = time.monotonic()
    try:
        outcomes = list(read_documents([str(large), good]))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert time.monotonic() - started < 10
    assert peak < 5_000_000
    assert outcomes[0] == Rejection(str(large), outcomes[0].reason) and outcomes[0].reason.startswith("too large:")
    assert str(MAX_DOCUMENT_BYTES // 1_000_000) in outcomes[0].reason.replace(",", "")[:80]
    assert isinstance(outcomes[1], Document)


def test_a_50_mb_line_of_json_lines_is_rejected_and_the_next_line_still_read(tmp_path: Path) -> None:
    dump = tmp_path / "feed.jsonl"
    with dump.open("wb") as feed:
        feed.write(b'{"text": "')
    with dump.open("ab") as feed:
        _write_large_line(tmp_path / "body", 50_000_000)
        feed.write((tmp_path / "body").read_bytes())
        feed.write(b'"}\n' + json.dumps({"text": ARTICLE, "date": "2025-10-30"}, ensure_ascii=False).encode("utf-8") + b"\n")
    (tmp_path / "body").unlink()
    tracemalloc.start()
    try:
        outcomes = list(read_documents([str(dump)]))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 25_000_000  # a capped line (6 MB) and its reading buffers, never the 50 MB
    assert outcomes[0].path == f"{dump}:line 1" and outcomes[0].reason.startswith("too large:")
    assert isinstance(outcomes[1], Document) and outcomes[1].text == ARTICLE


def test_legacy_and_utf16_encodings_without_bom_are_decoded(tmp_path: Path) -> None:
    files = {
        write(tmp_path / "hk.txt", ARTICLE.encode("big5")): ARTICLE,
        write(tmp_path / "mainland.txt", ARTICLE_SIMPLIFIED.encode("gb18030")): ARTICLE_SIMPLIFIED,
        write(tmp_path / "le.txt", ("一 " + ARTICLE).encode("utf-16-le")): "一 " + ARTICLE,
        write(tmp_path / "be.txt", ("二 " + ARTICLE).encode("utf-16-be")): "二 " + ARTICLE,
    }
    records, rejections, code = extract(*files)
    assert_all_accounted(list(files), records, rejections)
    assert code == 0
    for record in records:
        text = files[record["doc"]["source"]]
        assert_sound(record, text)
        assert {"Donald Trump", "Xi Jinping"} <= {entity["name"] for entity in record["entities"]}


def test_mixed_encodings_in_one_json_lines_file(tmp_path: Path) -> None:
    # JSON Lines is UTF-8 by definition: a line in another encoding is rejected by number,
    # and the UTF-8 lines around it still come through.
    lines = [
        json.dumps({"text": ARTICLE}, ensure_ascii=False).encode("utf-8"),
        json.dumps({"text": "日本首相高市早苗28日會見川普。"}, ensure_ascii=False).encode("big5"),
        json.dumps({"text": ARTICLE_SIMPLIFIED}, ensure_ascii=False).encode("gb18030"),
        json.dumps({"text": "北約峰會承諾國防開支達GDP的5%。"}, ensure_ascii=True).encode("ascii"),
    ]
    feed = write(tmp_path / "feed.jsonl", b"\n".join(lines) + b"\n")
    records, rejections, code = extract(feed)
    assert [record["doc"]["source"] for record in records] == [f"{feed}:line 1", f"{feed}:line 4"]
    assert rejections == {f"{feed}:line 2": "not UTF-8", f"{feed}:line 3": "not UTF-8"}
    assert code == 1


def test_truncated_utf8_keeps_the_text_before_the_cut_character(tmp_path: Path) -> None:
    # A download cut off mid-character loses that character, not the article: the text is
    # everything before it, and every offset points into that text.
    cut = write(tmp_path / "cut.txt", ARTICLE.encode("utf-8")[:-1])
    records, rejections, code = extract(cut)
    assert code == 0 and not rejections
    assert_sound(records[0], ARTICLE[:-1])


def test_bytes_broken_in_the_middle_are_still_rejected(tmp_path: Path) -> None:
    broken = write(tmp_path / "broken.txt", ARTICLE.encode("utf-8")[:10] + b"\xff\xfe\xfd" + ARTICLE.encode("utf-8")[10:])
    records, rejections, _ = extract(broken)
    assert_all_accounted([broken], records, rejections)
    assert rejections[broken] == "not UTF-8, UTF-16, Big5 or GB18030"


def test_html_with_broken_markup_is_read(tmp_path: Path) -> None:
    page = write(
        tmp_path / "page.html",
        "<html><head><title>峰會</title></head><body><div><p>" + ARTICLE + "<b>雙方<p>還談到關稅。<div></body",
    )
    records, rejections, code = extract(page)
    assert code == 0 and not rejections
    assert "Donald Trump" in {entity["name"] for entity in records[0]["entities"]}


def test_html_of_scripts_only_is_rejected(tmp_path: Path) -> None:
    page = write(tmp_path / "scripts.html", "<html><head><script>var a = '" + ARTICLE + "';</script></head><body><script>run()</script></body></html>")
    records, rejections, _ = extract(page)
    assert_all_accounted([page], records, rejections)
    assert rejections[page] == "no main text found in HTML"


def test_json_lines_with_bad_lines_keeps_the_good_ones(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": ARTICLE, "date": "2025-10-30"}, ensure_ascii=False),
        '{"text": "unterminated',
        "[1, 2, 3]",
        '{"title": "no text"}',
        '{"text": 42}',
        '{"text": "日期壞了", "date": "2025-13-40"}',
        '{"text": "\\ud800 lone surrogate"}',
        "",
        json.dumps({"text": "日本首相高市早苗28日會見川普。", "date": "2025-10-28"}, ensure_ascii=False),
    ]
    feed = write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    records, rejections, code = extract(feed)
    assert [record["doc"]["source"] for record in records] == [f"{feed}:line 1", f"{feed}:line 9"]
    assert set(rejections) == {f"{feed}:line {number}" for number in (2, 3, 4, 5, 6, 7)}
    assert rejections[f"{feed}:line 3"] == "not a JSON object"
    assert rejections[f"{feed}:line 4"] == "no text"
    assert rejections[f"{feed}:line 7"] == "text has an unpaired surrogate"
    assert code == 1


def test_duplicate_documents_under_different_names(tmp_path: Path) -> None:
    first = write(tmp_path / "a.txt", ARTICLE)
    copy = write(tmp_path / "b-copy.txt", ARTICLE)
    feed = write(tmp_path / "c.jsonl", json.dumps({"text": ARTICLE}, ensure_ascii=False) + "\n")
    records, rejections, code = extract(first, copy, feed)
    assert [record["doc"]["source"] for record in records] == [first]
    assert rejections == {copy: f"duplicate of {first}", f"{feed}:line 1": f"duplicate of {first}"}
    assert code == 1


def test_dates_in_the_future_and_in_the_1900s_are_accepted(tmp_path: Path) -> None:
    # Both are accepted as stated. An archive legitimately holds articles from the 1900s, and a
    # date ahead of today may be an embargoed or scheduled piece, or a typo we cannot tell from
    # one; rejecting it would also make the output depend on the day the command runs, and
    # extraction is a pure function of its input. Relative times resolve against the stated date.
    future = write(tmp_path / "future.txt", "date 2099-01-01 美國總統明年將訪華。")
    past = write(tmp_path / "past.txt", "date 1901-05-01 今年投資3500億美元，明年再議。")
    records, rejections, code = extract(future, past)
    assert code == 0 and not rejections
    by_source = {record["doc"]["source"]: record for record in records}
    assert by_source[future]["doc"]["date"] == "2099-01-01"
    assert [t["value"] for t in by_source[future]["times"]] == ["2100"]
    assert by_source[past]["doc"]["date"] == "1901-05-01"
    assert [t["value"] for t in by_source[past]["times"]] == ["1901", "1902"]


def test_extreme_numbers_give_finite_values_and_valid_spans(tmp_path: Path) -> None:
    text = (
        "date 2025-10-30 報道稱投資1e308美元，另有九九九九九九兆美元，虧損-5億美元，"
        "又有1" + "0" * 400 + "億美元，以及九九九九九九九九九九九九九九九九九九九九九九九九兆美元和1.5e-7%。"
    )
    numbers = write(tmp_path / "numbers.txt", text)
    records, rejections, code = extract(numbers)
    assert code == 0 and not rejections
    assert_sound(records[0], text)
    values = {quantity["text"]: quantity["value"] for quantity in records[0]["quantities"]}
    assert values["九九九九九九兆美元"] == 999_999 * 10**12
    assert not any(text.endswith("0" * 400 + "億美元") for text in values)  # no float holds it: not reported


POISONED_LINES = [
    json.dumps({"text": ARTICLE, "date": "2025-10-30"}, ensure_ascii=False),
    '{"text": "日韓首腦在東京會談。", "title": "\\ud800 會談"}',
    '{"text": "日韓首腦在首爾會談。", "url": "https://news.example/\\udfff"}',
    '{"text": "日韓首腦在大阪會談。", "date": "2025-10-\\ud83d"}',
    json.dumps({"text": "日本首相高市早苗28日會見川普。", "date": "2025-10-28"}, ensure_ascii=False),
]


def test_a_lone_surrogate_in_any_field_rejects_that_line_and_the_output_is_written(tmp_path: Path) -> None:
    feed = write(tmp_path / "feed.jsonl", "\n".join(POISONED_LINES) + "\n")
    output = tmp_path / "records.jsonl"
    records, rejections, code = extract(feed, "-o", str(output))
    assert code == 1 and records == []
    written = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert [record["doc"]["source"] for record in written] == [f"{feed}:line 1", f"{feed}:line 5"]
    assert rejections == {
        f"{feed}:line 2": "title has an unpaired surrogate",
        f"{feed}:line 3": "url has an unpaired surrogate",
        f"{feed}:line 4": "date has an unpaired surrogate",
    }


def test_a_lone_surrogate_in_a_title_does_not_lose_the_ingest_batch(tmp_path: Path) -> None:
    feed = write(tmp_path / "feed.jsonl", "\n".join(POISONED_LINES) + "\n")
    database = str(tmp_path / "summitry.db")
    for _ in range(2):  # the rerun stores nothing more and fails no differently
        result = CliRunner().invoke(main, ["ingest", feed, "--db", database, "--jobs", "1"])
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
        assert result.exit_code == 1
    assert "2 already present, 3 rejected" in result.output + result.stderr


def test_a_nul_in_json_lines_becomes_a_replacement_character_at_the_same_offset(tmp_path: Path) -> None:
    text = "川普29日在慶州\u0000會見習近平。"
    feed = write(tmp_path / "feed.jsonl", json.dumps({"text": text, "title": "會\u0000談", "date": "2025-10-30"}) + "\n")
    [record], rejections, code = extract(feed)
    assert code == 0 and rejections == {}
    assert record["doc"]["title"] == "會\ufffd談"
    assert_sound(record, text.replace("\u0000", "\ufffd"))


def test_a_file_name_that_is_not_utf8_is_named_with_escapes(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    odd = bytes(folder) + b"/caf\xe9-\xff.txt"
    with open(odd, "wb") as handle:
        handle.write("日韓首腦在東京會談。".encode("utf-8"))
    with open(bytes(folder) + b"/bad\xff.png", "wb") as handle:
        handle.write(b"\x89PNG\r\n\x1a\n\x00\x00")
    output = tmp_path / "records.jsonl"
    records, rejections, code = extract(str(folder), "-o", str(output))
    written = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert sorted(record["doc"]["source"] for record in written) == [f"{folder}/caf\\xe9-\\xff.txt", f"{folder}/good.txt"]
    assert rejections == {f"{folder}/bad\\xff.png": "binary content (PNG image)"}
    assert code == 1
