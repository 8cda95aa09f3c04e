"""Paths -> documents: the seeds, directories, ids, dates and duplicates."""

from __future__ import annotations

import datetime as dt
import hashlib
import os

import pytest

from summitry.ingest import Rejection, read_documents
from summitry.model import Document
from tests.conftest import refuse_listing

from .conftest import SEEDS

SEED_000 = SEEDS / "000_3d7e101e69875203.txt"
SEED_001 = SEEDS / "001_92620de8a60cbd2d.txt"

MEETING = "兩國元首在釜山會晤約一百分鐘。\n"
DATED_MEETING = "date 2025-10-30 " + MEETING


@pytest.mark.parametrize(
    "seed, expected_date",
    [(SEED_000, dt.date(2025, 10, 28)), (SEED_001, None)],
    ids=["000", "001"],
)
def test_seed_dates_come_from_the_header(seed, expected_date):
    [document] = read_documents([str(seed)])
    assert document.date == expected_date


def test_seed_text_is_the_file_exactly_header_included():
    [document] = read_documents([str(SEED_000)])
    assert document.text == SEED_000.read_text(encoding="utf-8")
    assert document.text.startswith(" date 2025-10-28 ")
    assert document.source == str(SEED_000)


def test_seed_001_title():
    [document] = read_documents([str(SEED_001)])
    assert document.title == "《川普對朝鮮半島戰略參與評估》總結"


def test_seed_000_has_no_title_its_first_line_is_a_paragraph():
    [document] = read_documents([str(SEED_000)])
    assert document.title is None


def test_seed_directory_reads_every_seed_in_order_with_default_date_only_where_missing():
    default = dt.date(2025, 11, 1)
    documents = list(read_documents([str(SEEDS)], default_date=default))
    assert all(isinstance(document, Document) for document in documents)
    assert [os.path.basename(document.source) for document in documents] == sorted(
        path.name for path in SEEDS.iterdir()
    )
    dates = {os.path.basename(document.source)[:3]: document.date for document in documents}
    assert dates["000"] == dt.date(2025, 10, 28)
    assert dates["001"] == default


def test_id_is_the_first_16_hex_of_the_sha256_of_the_text(write_file):
    [document] = read_documents([write_file("a.txt", MEETING)])
    assert document.id == hashlib.sha256(MEETING.encode("utf-8")).hexdigest()[:16]


@pytest.mark.parametrize(
    "text, default, expected",
    [
        (MEETING, None, None),
        (MEETING, dt.date(2025, 11, 1), dt.date(2025, 11, 1)),
        (DATED_MEETING, dt.date(2025, 11, 1), dt.date(2025, 10, 30)),
    ],
)
def test_header_date_beats_default_date(write_file, text, default, expected):
    [document] = read_documents([write_file("a.txt", text)], default_date=default)
    assert document.date == expected


def test_an_impossible_header_date_is_a_rejection(write_file):
    path = write_file("a.txt", "date 2025-13-40 " + MEETING)
    [rejection] = read_documents([path])
    assert isinstance(rejection, Rejection)
    assert rejection.path == path
    assert rejection.reason.startswith("date header: invalid date '2025-13-40'")


def test_markdown_file_takes_its_heading_as_title(write_file):
    [document] = read_documents([write_file("notes.md", "前言。\n\n# 釜山會晤紀要\n\n正文。\n")])
    assert document.title == "釜山會晤紀要"


def test_same_text_twice_is_one_document_and_a_duplicate_rejection(write_file):
    first = write_file("a.txt", MEETING)
    second = write_file("copy/b.txt", MEETING.encode("big5"))
    outcomes = list(read_documents([first, second, first]))
    assert outcomes[0].source == first
    assert outcomes[1:] == [
        Rejection(second, f"duplicate of {first}"),
        Rejection(first, f"duplicate of {first}"),
    ]


def test_directories_are_walked_recursively_sorted_without_hidden_files(tmp_path, write_file):
    for name in ["b.txt", "a.md", "sub/c.txt", "sub/deeper/d.txt", "z.txt", ".hidden.txt", ".git/e.txt"]:
        write_file(f"corpus/{name}", f"{name}：兩國元首會談。\n")
    corpus = str(tmp_path / "corpus")
    sources = [document.source for document in read_documents([corpus])]
    assert sources == [
        os.path.join(corpus, name)
        for name in ["a.md", "b.txt", "sub/c.txt", "sub/deeper/d.txt", "z.txt"]
    ]


def test_a_hidden_file_named_explicitly_is_read(write_file):
    [document] = read_documents([write_file(".draft.txt", MEETING)])
    assert isinstance(document, Document)


def test_directory_members_carry_their_rejections(write_file, tmp_path):
    write_file("corpus/a.txt", MEETING)
    bad = write_file("corpus/b.png", b"\x89PNG\r\n\x1a\n\x00\x00")
    outcomes = list(read_documents([str(tmp_path / "corpus")]))
    assert isinstance(outcomes[0], Document)
    assert outcomes[1] == Rejection(bad, "binary content (PNG image)")


@pytest.mark.parametrize("kind", ["missing file", "empty directory"])
def test_missing_paths_and_empty_directories_are_rejections(tmp_path, kind):
    path = tmp_path / "nowhere"
    if kind == "empty directory":
        path.mkdir()
    [rejection] = read_documents([str(path)])
    assert rejection.path == str(path)
    assert rejection.reason == {
        "missing file": "No such file or directory",
        "empty directory": "no files in directory",
    }[kind]


def test_a_folder_that_cannot_be_listed_is_a_rejection_by_path(tmp_path, write_file, monkeypatch):
    write_file("corpus/a.txt", MEETING)
    write_file("corpus/locked/b.txt", MEETING)
    locked = str(tmp_path / "corpus" / "locked")
    refuse_listing(monkeypatch, locked)
    outcomes = list(read_documents([str(tmp_path / "corpus")]))
    assert isinstance(outcomes[0], Document)
    assert outcomes[1] == Rejection(locked, "cannot list folder: Permission denied")


def test_symlinked_folders_are_followed_and_a_loop_is_named(tmp_path, write_file):
    elsewhere = write_file("elsewhere/c.txt", "美韓兩國元首在首爾會談。\n")
    write_file("corpus/a.txt", MEETING)
    (tmp_path / "corpus" / "linked").symlink_to(tmp_path / "elsewhere")
    (tmp_path / "elsewhere" / "back").symlink_to(tmp_path / "corpus")
    corpus = str(tmp_path / "corpus")
    outcomes = list(read_documents([corpus]))
    assert [o.source for o in outcomes if isinstance(o, Document)] == [
        os.path.join(corpus, "a.txt"), os.path.join(corpus, "linked", "c.txt")
    ]
    assert Rejection(os.path.join(corpus, "linked", "back"), "symbolic link loop: leads back to a folder above it") in outcomes
    assert os.path.exists(elsewhere)


def test_a_fifo_in_a_folder_is_named_not_waited_on(tmp_path, write_file):
    write_file("corpus/a.txt", MEETING)
    os.mkfifo(tmp_path / "corpus" / "pipe.txt")
    outcomes = list(read_documents([str(tmp_path / "corpus")]))
    assert outcomes[1] == Rejection(str(tmp_path / "corpus" / "pipe.txt"), "not a regular file")


def test_a_file_that_cannot_be_read_is_a_rejection_by_path(tmp_path, write_file, monkeypatch):
    # As root, chmod 000 does not stop a read: the refusal is simulated at the reader's open.
    import summitry.ingest.files as files

    write_file("corpus/a.txt", MEETING)
    locked = write_file("corpus/b.txt", MEETING.replace("釜山", "東京"))

    def refusing(path, *args, **kwargs):
        if os.fspath(path) == locked:
            raise PermissionError(13, "Permission denied", locked)
        return open(path, *args, **kwargs)

    monkeypatch.setattr(files, "open", refusing, raising=False)
    outcomes = list(read_documents([str(tmp_path / "corpus")]))
    assert isinstance(outcomes[0], Document)
    assert outcomes[1] == Rejection(locked, "Permission denied")
