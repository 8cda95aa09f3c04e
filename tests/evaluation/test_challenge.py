"""The challenge set's gate (evaluation/challenge.py): every class scores at least its pin, and the
pins are for exactly this set. Re-pin on purpose with `summitry eval --challenge tests/challenge --pin`.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from summitry.evaluation.challenge import load_challenge, pin_problems, read_pins, set_digest, write_pins
from summitry.evaluation.gold import GoldFileError
from summitry.evaluation.run import evaluate_challenge
from summitry.text import split_sentences

CHALLENGE = Path(__file__).resolve().parents[1] / "challenge"
CLASSES = {"parties-empty", "missed", "parties-wrong", "dates", "status", "officials", "chrome", "ledger", "one-meeting", "outlets"}


def test_no_class_scores_below_its_pin_and_the_pins_are_for_this_set() -> None:
    report = evaluate_challenge(CHALLENGE)
    problems = pin_problems(report, read_pins(CHALLENGE))
    assert not problems, "\n".join(problems)


def test_the_set_covers_every_error_class_with_five_hundred_sentences_outside_page_chrome() -> None:
    files = load_challenge(CHALLENGE)
    assert {challenge.error_class for challenge in files} == CLASSES
    sentences = sum(len(split_sentences(item.text)) for challenge in files if challenge.error_class != "chrome" for item in challenge.items)
    assert sentences >= 500
    scripts = {item.script for challenge in files for item in challenge.items}
    assert scripts == {"Hant", "Hans"}
    for challenge in files:
        assert len(challenge.items) >= 20, challenge.error_class


def _small_set(folder: Path) -> Path:
    folder.mkdir()
    (folder / "meetings.yaml").write_text(
        "class: missed\n"
        "about: a readout opening and a sentence with no event\n"
        "items:\n"
        "- id: t-001\n"
        "  outlet: Xinhua\n"
        "  script: Hans\n"
        "  date: 2024-05-07\n"
        "  text: 国家主席习近平6日在巴黎同法国总统马克龙举行会谈。\n"
        "  events:\n"
        "  - {type: CONSULT, mode: meeting, source: [Xi Jinping], target: [Emmanuel Macron], date: 2024-05-06}\n"
        "- id: t-002\n"
        "  outlet: CNA\n"
        "  script: Hant\n"
        "  date: 2024-05-07\n"
        "  text: 首頁 > 國際\n"
        "  events: []\n",
        encoding="utf-8",
    )
    return folder


def test_pins_hold_for_the_set_they_were_made_from_and_no_other(tmp_path: Path) -> None:
    folder = _small_set(tmp_path / "set")
    report = evaluate_challenge(folder)
    write_pins(folder, report)
    assert pin_problems(report, read_pins(folder)) == []
    pins = json.loads((folder / "pins.json").read_text(encoding="utf-8"))
    assert pins["classes"]["missed"]["items"] == 2
    changed = folder / "meetings.yaml"
    changed.write_text(changed.read_text(encoding="utf-8").replace("6日", "5日"), encoding="utf-8")
    assert set_digest(folder) != pins["hash"]
    assert "re-pin" in pin_problems(evaluate_challenge(folder), read_pins(folder))[0]


def test_a_class_below_its_pin_fails_the_gate(tmp_path: Path) -> None:
    folder = _small_set(tmp_path / "set")
    report = evaluate_challenge(folder)
    pins = {"hash": report.digest, "classes": {"missed": {"score": 1.01}}}
    assert pin_problems(report, pins) == [f"missed: {report.class_scores()['missed']:.4f} is below its pin 1.0100"]
    assert pin_problems(report, None)[0].startswith("no pins.json")


@pytest.mark.parametrize(
    ("edit", "reason"),
    [
        (("  outlet: Xinhua\n", "  outlet: Xinhua\n  outlett: x\n"), "items[t-001].outlett: unknown key"),
        (("date: 2024-05-07\n", "date: 2024-13-07\n"), "items[t-001].date"),
        (("type: CONSULT", "type: MEET"), "items[t-001].events[1].type"),
        (("- id: t-002", "- id: t-001"), "item id 't-001' is used twice"),
    ],
)
def test_a_bad_challenge_file_is_named_with_the_item_and_the_reason(tmp_path: Path, edit: tuple[str, str], reason: str) -> None:
    folder = _small_set(tmp_path / "set")
    path = folder / "meetings.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(*edit, 1), encoding="utf-8")
    with pytest.raises(GoldFileError) as raised:
        load_challenge(folder)
    assert str(path) in str(raised.value)
    assert reason in str(raised.value)


def test_an_empty_or_missing_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(GoldFileError, match="is not a folder"):
        load_challenge(tmp_path / "nowhere")
    (tmp_path / "empty").mkdir()
    with pytest.raises(GoldFileError, match="holds no"):
        load_challenge(tmp_path / "empty")


def test_the_set_can_be_copied_and_scores_the_same(tmp_path: Path) -> None:
    """The hash is of the content, not the folder's place, so a checkout anywhere meets its pins."""
    copy = tmp_path / "challenge"
    shutil.copytree(CHALLENGE, copy)
    assert set_digest(copy) == set_digest(CHALLENGE)
