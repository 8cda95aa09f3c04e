"""What `summitry eval` does once its options are parsed: score the records against the gold
files and print the tables (or JSON). cli.py keeps the options and reading the inputs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

import click

from summitry.evaluation.challenge import pin_problems, read_pins, write_pins
from summitry.evaluation.gold import GoldFileError
from summitry.evaluation.report import print_challenge_report, print_events_report, print_seed_scores
from summitry.evaluation.run import evaluate_challenge, evaluate_events_gold

if TYPE_CHECKING:
    from summitry.model import Record


def run_evaluation(events_gold: str | None, challenge: str | None, pin: bool, paths: tuple[str, ...], as_json: bool, show_misses: bool) -> None:
    """Score the events gold against the cache folder, or the challenge set against its pins;
    any unreadable gold, challenge or cache file becomes one line naming it."""
    if bool(events_gold) == bool(challenge):
        raise click.UsageError("give --events-gold FILE CACHE_DIR or --challenge DIR, not both")
    if pin and not challenge:
        raise click.UsageError("--pin goes with --challenge DIR")
    try:
        if events_gold:
            if len(paths) != 1:
                raise click.UsageError("--events-gold FILE takes one CACHE_DIR (the folder of ID.txt excerpts)")
            report = evaluate_events_gold(events_gold, paths[0])
            print_events_report(report, Path(events_gold).name, paths[0], as_json, show_misses)
            return
        if paths:
            raise click.UsageError("--challenge DIR takes no PATHS")
        folder = Path(challenge or "")
        challenge_report = evaluate_challenge(folder)
        if pin:
            written = write_pins(folder, challenge_report)
            click.echo(f"pinned {len(challenge_report.class_scores())} classes of set {challenge_report.digest} in {written}", err=True)
        pins = read_pins(folder)
        print_challenge_report(challenge_report, pins, as_json, show_misses)
        problems = pin_problems(challenge_report, pins)
        if problems:
            raise click.ClickException("the challenge set fails its pins: " + "; ".join(problems))
    except GoldFileError as error:
        raise click.ClickException(str(error)) from None


def run_headlines(records: Iterable[Record], as_json: bool, show_misses: bool) -> None:
    """``eval --headlines``: the meetings each leader-meeting headline promises, judged over
    ``records`` (evaluate_headlines.py), and the credit-line parties counted."""
    from summitry.evaluate_headlines import format_scores, score_headlines

    scores = score_headlines(records)
    if as_json:
        click.echo(json.dumps(scores.to_json(), ensure_ascii=False, indent=2))
    else:
        for line in format_scores(scores, show_misses):
            click.echo(line)


def run_seed_gold(records: list[Record], gold_path: str | None, meetings_gold: str | None, as_json: bool, show_misses: bool) -> None:
    """``eval --gold`` / ``--meetings-gold``: mentions, meeting events and the meetings and ledger
    views of ``records`` against the reference gold files (../shared/gold/README.md)."""
    from summitry.evaluate import score_mentions
    from summitry.events.scoring import score_meetings
    from summitry.views.ledger import ledger
    from summitry.views.shape import view_json
    from summitry.views.meetings import meetings
    from summitry.views.scoring import score_ledger_rows, score_meeting_rows

    event_meetings = views = None
    if meetings_gold:
        gold_views = json.loads(Path(meetings_gold).read_text(encoding="utf-8"))
        gold_meetings = gold_views["meetings"]
        event_meetings = (score_meetings(records, gold_meetings), score_meetings(records, gold_meetings, unspecific_is_error=True))
        views = (
            score_meeting_rows([view_json(m) for m in meetings(records)], gold_meetings),
            score_ledger_rows([view_json(c) for c in ledger(records)], gold_views.get("ledger", {})),
        )
    mention_scores = score_mentions(records, json.loads(Path(gold_path).read_text(encoding="utf-8"))) if gold_path else None
    print_seed_scores(mention_scores, as_json, show_misses, event_meetings, views)
