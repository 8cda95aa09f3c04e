"""Terminal tables and JSON for `summitry eval`: --events-gold, --challenge, and the reference gold files (--gold, --meetings-gold).

The tables are for a person reading at a glance (counts and ratios side by side); ``--json``
gives scripts the same numbers.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from rich.console import Console
from rich.table import Table

from summitry.evaluation.challenge import ChallengeReport
from summitry.evaluation.events import FIELDS, EventsReport, Tally

if TYPE_CHECKING:
    from summitry.evaluate import MentionScores
    from summitry.events.scoring import MeetingScores
    from summitry.views.scoring import ViewScores

REFILL = "refill it as docs/evaluation/README.md says (the address's excerpt from the `pages` search corpus, a `date` first line)"


def _share(hits: int, total: int) -> str:
    return f"{hits}/{total} ({hits / total:.0%})" if total else "0/0"


def _echo_json(payload: dict[str, Any], show_misses: bool) -> None:
    if not show_misses:
        payload.pop("misses", None)
    click.echo(json.dumps(payload, ensure_ascii=False, indent=1))


def _table(title: str, *columns: str) -> Table:
    """A table whose first column names the row and whose others hold numbers."""
    table = Table(title=title)
    for index, column in enumerate(columns):
        table.add_column(column, justify="left" if index == 0 else "right")
    return table


def _print_measures(title: str, rows: list[tuple[str, str]], misses: list[tuple[str, tuple[str, ...]]], show_misses: bool) -> None:
    """A table of named scores, then (with --misses) each miss under its label."""
    table = _table(title, "measure", "score")
    for name, value in rows:
        table.add_row(name, value)
    Console().print(table)
    if show_misses:
        for label, items in misses:
            for miss in items:
                click.echo(f"  {label}: {miss}")


def _tally_row(name: str, tally: Tally) -> list[str]:
    return [name, _share(tally.right, tally.total), str(tally.fully_right), str(tally.missed), str(tally.spurious)]


def print_events_report(report: EventsReport, gold_name: str, cache_dir: str, as_json: bool, show_misses: bool) -> None:
    if report.skipped:
        missing = ", ".join(f"{Path(cache_dir) / article}.txt" for article in report.skipped)
        click.echo(f"skipped {len(report.skipped)} article(s), no cache file: {missing}; {REFILL}", err=True)
    for article, reason in report.unreadable:
        click.echo(f"skipped {Path(cache_dir) / article}.txt: {reason}; {REFILL}", err=True)
    if as_json:
        _echo_json(report.as_json(), show_misses)
        return
    console = Console()
    title = f"events: {gold_name} ({len(report.articles)} articles scored, {len(report.skipped) + len(report.unreadable)} skipped)"
    events = _table(title, "events", "right / total", "fully right", "missed", "spurious")
    events.add_row(*_tally_row("all", report.events), style="bold")
    for name, tally in report.by_type().items():
        events.add_row(*_tally_row(name, tally))
    console.print(events)
    errors = _table("wrong events by the first failing field", "error class", "events")
    counts = report.errors()
    for name in FIELDS:
        errors.add_row(name, str(counts[name]))
    for name in ("place", "amounts", "mode"):
        errors.add_row(f"{name} (of events otherwise right)" if name != "mode" else "mode (counted apart)", str(counts[name]))
    console.print(errors)
    views = _table("views and officials, per article", "measure", "score")
    for label, pick in (("meetings view", "meetings"), ("ledger", "ledger")):
        recall, precision = report.view_scores(pick)
        views.add_row(f"{label} recall (core)", f"{recall:.3f}")
        views.add_row(f"{label} precision", f"{precision:.3f}")
    views.add_row("officials linked", _share(*report.officials))
    console.print(views)
    if show_misses:
        for line in report.misses():
            click.echo(f"  {line}")


def print_challenge_report(report: ChallengeReport, pins: dict[str, Any] | None, as_json: bool, show_misses: bool) -> None:
    if as_json:
        _echo_json({**report.as_json(), "pins": pins}, show_misses)
        return
    console = Console()
    title = f"challenge set {report.digest}: {len(report.results)} items, {report.sentences} sentences"
    table = _table(title, "error class", "items right", "pinned")
    pinned = (pins or {}).get("classes", {}) if (pins or {}).get("hash") == report.digest else {}
    for name, (hits, total) in report.by("error_class").items():
        pin = pinned.get(name, {}).get("score")
        table.add_row(name, _share(hits, total), f"{pin:.0%}" if pin is not None else "-")
    console.print(table)
    outlets = _table("by outlet style", "outlet", "items right")
    for name, (hits, total) in report.by("outlet").items():
        outlets.add_row(name, _share(hits, total))
    console.print(outlets)
    if show_misses:
        for line in report.misses():
            click.echo(f"  {line}")


def print_seed_scores(
    scores: MentionScores | None, as_json: bool, show_misses: bool, meetings: tuple[MeetingScores, MeetingScores] | None = None,
    views: tuple[ViewScores, ViewScores] | None = None,
) -> None:
    """The reference gold's scores: mentions (evaluate.py), meeting events (events/scoring.py)
    and the two views (views/scoring.py), as tables or one JSON object."""
    if scores is None:
        _print_view_scores(views, as_json, show_misses, {})
        return
    rows = [
        ("person precision", scores.persons.precision),
        ("person recall", scores.persons.recall),
        ("person F1", scores.persons.f1),
        ("country precision", scores.countries.precision),
        ("country recall", scores.countries.recall),
        ("country F1", scores.countries.f1),
        ("surface recall", scores.surface_recall.value),
        ("quantity accuracy", scores.quantity_accuracy.value),
        ("quantity precision", scores.quantity_precision.value),
        ("time accuracy", scores.time_accuracy.value),
        ("organization recall (not a target)", scores.organization_recall.value),
        ("place recall (not a target)", scores.place_recall.value),
    ]
    if as_json:
        payload: dict[str, Any] = {name.split(" (")[0].replace(" ", "_").lower(): round(value, 4) for name, value in rows}
        payload["span_errors"] = scores.span_errors
        payload["misses"] = list(scores.misses)
        if meetings:
            lenient, strict = meetings
            payload["meeting_recall"] = round(lenient.recall, 4)
            payload["meeting_precision"] = round(lenient.precision, 4)
            payload["meeting_precision_strict"] = round(strict.precision, 4)
            payload["meeting_misses"] = list(lenient.misses)
        if views:
            _print_view_scores(views, as_json, show_misses, payload)
            return
        click.echo(json.dumps(payload, ensure_ascii=False, indent=1))
        return
    _print_measures(
        "mentions", [(name, f"{value:.3f}") for name, value in rows] + [("span errors", str(scores.span_errors))], [("miss", tuple(scores.misses))], show_misses
    )
    if meetings:
        lenient, strict = meetings
        _print_measures(
            "events: meetings",
            [
                ("meeting recall (core)", f"{lenient.recall:.3f}"),
                ("meeting precision", f"{lenient.precision:.3f}"),
                ("meeting precision (undated reports count as errors)", f"{strict.precision:.3f}"),
            ],
            [("meeting", tuple(lenient.misses))],
            show_misses,
        )
    if views:
        _print_view_scores(views, as_json, show_misses, {})


def _print_view_scores(views: tuple[ViewScores, ViewScores] | None, as_json: bool, show_misses: bool, payload: dict[str, Any]) -> None:
    """The meetings and ledger views against the gold (views/scoring.py)."""
    if views is None:
        if as_json:
            click.echo(json.dumps(payload, ensure_ascii=False, indent=1))
        return
    meeting_rows, ledger_rows = views
    if as_json:
        payload.update(
            {
                "view_meeting_recall": round(meeting_rows.recall, 4),
                "view_meeting_precision": round(meeting_rows.precision, 4),
                "ledger_recall": round(ledger_rows.recall, 4),
                "ledger_precision": round(ledger_rows.precision, 4),
                "view_meeting_misses": list(meeting_rows.misses),
                "ledger_misses": list(ledger_rows.misses),
            }
        )
        click.echo(json.dumps(payload, ensure_ascii=False, indent=1))
        return
    _print_measures(
        "views: summitry meetings / summitry ledger",
        [
            ("meeting recall (core)", f"{meeting_rows.recall:.3f}"),
            ("meeting precision", f"{meeting_rows.precision:.3f}"),
            ("ledger recall (core)", f"{ledger_rows.recall:.3f}"),
            ("ledger precision", f"{ledger_rows.precision:.3f}"),
        ],
        [("meetings view", tuple(meeting_rows.misses)), ("ledger", tuple(ledger_rows.misses))],
        show_misses,
    )
