"""The events gold file (evaluation/gold.py): GOLD.md's example reads, and every kind of bad file
is named with the place in it and the reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from summitry.evaluation.gold import GoldFileError, load_events_gold

GOOD = """\
set: dev
articles:
- id: d001
  url: https://example.org/a
  outlet: CNA
  script: Hant
  kind: wire
  date: 2023-06-23
  events:
  - at: 3
    type: CONSULT
    mode: meeting
    source: [Narendra Modi]
    target: [Joe Biden]
    date: 2023-06-22
    status: reported
    claimed_by: null
    place: Washington
    amounts: [[1.5e9, USD]]
  - at: [4, 5]
    type: [AGREE, COOPERATE]
    mode: [sign, deal]
    place: [White House, Washington]
    source: [[India, Narendra Modi]]
    target: [United States]
    date: [null, 2023-06]
    status: [planned, claimed]
    unordered: true
  meetings:
  - participants: [Narendra Modi, [United States, Joe Biden]]
    date: 2023-06-22
    optional: false
  ledger:
  - pledger: [India]
    beneficiary: [United States]
    kind: pledge
    amount: [2.0e9, USD]
    status: claimed
    at: 5
  officials: [Narendra Modi, Joe Biden]
"""


def test_the_example_of_gold_md_reads_with_lists_where_one_value_was_written(tmp_path: Path) -> None:
    path = tmp_path / "dev.yaml"
    path.write_text(GOOD, encoding="utf-8")
    article = load_events_gold(path).articles[0]
    first, second = article.events
    assert (first.at, first.type, first.date, first.status) == ([3], ["CONSULT"], ["2023-06-22"], ["reported"])
    assert first.amounts == [(1.5e9, "USD")]
    assert (second.at, second.type, second.date, second.unordered) == ([4, 5], ["AGREE", "COOPERATE"], [None, "2023-06"], True)
    assert (first.mode, first.place, second.mode, second.place) == (["meeting"], ["Washington"], ["sign", "deal"], ["White House", "Washington"])
    assert article.ledger[0].at == [5]
    assert article.meetings[0].participants == ["Narendra Modi", ["United States", "Joe Biden"]]


@pytest.mark.parametrize(
    ("edit", "reason"),
    [
        (("    claimed_by: null\n", "    clamed_by: null\n"), "articles[d001].events[1].clamed_by: unknown key"),
        (("    date: 2023-06-22\n    status", "    date: 2023-06-32\n    status"), "articles[d001].events[1].date"),
        (("  date: 2023-06-23\n", "  date: 23 June\n"), "articles[d001].date"),
        (("    type: CONSULT\n", "    type: MEETING\n"), "articles[d001].events[1].type"),
        (("  script: Hant\n", "  script: Latin\n"), "articles[d001].script"),
        (("articles:\n", "articles: [\n"), "not valid YAML"),
    ],
)
def test_a_bad_gold_file_is_one_line_naming_it_where_and_why(tmp_path: Path, edit: tuple[str, str], reason: str) -> None:
    path = tmp_path / "dev.yaml"
    path.write_text(GOOD.replace(*edit, 1), encoding="utf-8")
    with pytest.raises(GoldFileError) as raised:
        load_events_gold(path)
    message = str(raised.value)
    assert message.startswith(str(path)) and reason in message and "\n" not in message


def test_a_missing_or_undecodable_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(GoldFileError, match="cannot be read"):
        load_events_gold(tmp_path / "none.yaml")
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("set: d\xe9v\n".encode("latin-1"))
    with pytest.raises(GoldFileError, match="not UTF-8"):
        load_events_gold(latin)


def test_an_article_id_given_twice_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "dev.yaml"
    article = GOOD.split("articles:\n", 1)[1]
    path.write_text(GOOD + article, encoding="utf-8")
    with pytest.raises(GoldFileError, match="'d001' appears twice"):
        load_events_gold(path)
