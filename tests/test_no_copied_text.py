"""Third-party text never enters the repo: no run of article text is copied into code, data,
tests or docs.

Every sentence the tests use is our own, written in the styles of real articles; gold files
keep addresses and judged facts, not text. This test holds the repo to that: it collects every
run of RUN characters (with at least HAN_IN_RUN Chinese characters, so names and formulas of a
few words do not count) of the reference articles (../shared/seeds) and of the evaluation
excerpts (eval-cache/, git-ignored: present on a developer's machine after the documented
refill, absent in CI), and fails on any line of a tracked text file holding one of them.

Twenty characters is longer than the formulas news repeats word for word (國家主席習近平同
美國總統特朗普通電話 is eighteen), so a hit is a copied clause, not a coincidence. Addresses
(their titles are in some URLs) and the article lists' title column are metadata, not text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [*sorted((ROOT.parent / "shared" / "seeds").glob("*")), *sorted((ROOT / "eval-cache").glob("*.txt"))]
RUN, HAN_IN_RUN = 20, 16
CHECKED = ("src", "tests", "docs", "bench", "scripts")
SUFFIXES = {".py", ".yaml", ".yml", ".json", ".md", ".tsv", ".txt", ".toml", ".html", ".js", ".css"}
# The article lists: one row per article with its address, outlet, date and headline.
METADATA = {"dev-articles.tsv", "heldout-articles.tsv"}

_HAN = re.compile(r"[\u3400-\u9fff]")
_SPACE = re.compile(r"\s+")
_ADDRESS = re.compile(r"https?://\S+")


def _runs(text: str) -> Iterator[str]:
    flat = _SPACE.sub("", text)
    for start in range(len(flat) - RUN + 1):
        run = flat[start : start + RUN]
        if len(_HAN.findall(run)) >= HAN_IN_RUN:
            yield run


def _checked_files() -> Iterator[Path]:
    for folder in CHECKED:
        for path in sorted((ROOT / folder).rglob("*")):
            if path.is_file() and path.suffix in SUFFIXES and path.name not in METADATA and "__pycache__" not in path.parts:
                yield path
    yield ROOT / "README.md"


def copied_lines() -> list[str]:
    """Each line of the repo that holds a run of a source's text: 'file:line: source'."""
    origin: dict[str, str] = {}
    for source in SOURCES:
        for run in _runs(source.read_text(encoding="utf-8", errors="replace")):
            origin.setdefault(run, source.name)
    found = []
    for path in _checked_files():
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except UnicodeDecodeError:
            continue
        for number, line in enumerate(lines, 1):
            hits = {origin[run] for run in _runs(_ADDRESS.sub("", line)) if run in origin}
            if hits:
                found.append(f"{path.relative_to(ROOT)}:{number}: {', '.join(sorted(hits))}")
    return found


def test_the_check_finds_a_copied_clause() -> None:
    """The detector itself: a clause of twenty Chinese characters is found, a shorter one not."""
    clause = "兩國元首在會談中同意加強經貿合作並擴大人文交流與地方往來"
    assert any(run in set(_runs("前言，" + clause + "。後記")) for run in _runs(clause))
    assert not list(_runs("國家主席習近平同美國總統通電話"))


def test_no_article_text_is_copied_into_the_repo() -> None:
    assert SOURCES, "../shared/seeds is missing"
    assert copied_lines() == []
