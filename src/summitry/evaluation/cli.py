"""The `summitry eval --events-gold` / `--challenge` branch, kept out of cli.py so that file's
`eval` command only gains its options and one call."""

from __future__ import annotations

from pathlib import Path

import click

from summitry.evaluation.challenge import pin_problems, read_pins, write_pins
from summitry.evaluation.gold import GoldFileError
from summitry.evaluation.report import print_challenge_report, print_events_report
from summitry.evaluation.run import evaluate_challenge, evaluate_events_gold


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
