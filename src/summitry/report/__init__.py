"""Reports an analyst can send: one file, HTML or Markdown, with its tables, charts and evidence inline.

``build_report(records, ...)`` is a pure function of the records: the ledger report, the
report of one meeting (both sides' readouts side by side) or of one actor (timeline,
counterparts, commitments). Every number links to a numbered evidence note at the end,
which quotes the sentence, names the document and gives the offsets, so the file needs
neither the store nor the network to be checked.
"""

from __future__ import annotations

import base64
import datetime as dt
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, Sequence, cast

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from summitry.model import Record
from summitry.views.ledger import ledger as ledger_view
from summitry.views.shape import view_json, views_json
from summitry.views.meetings import meetings
from summitry.views.readouts import readouts
from summitry.views.timeline import actor_timeline
from summitry.web.charts import Bar, Node, TimePoint, bar_chart, network, timeline
from summitry.web.present import Directory, amount_text, is_money, ledger_totals, unit_text

FORMATS = ("html", "md")


@dataclass
class _Evidence:
    """The report's numbered evidence notes, one per distinct span."""

    notes: list[dict[str, Any]] = field(default_factory=list)
    _index: dict[tuple[str, int, int], int] = field(default_factory=dict)

    def ref(self, source: dict[str, Any]) -> int:
        key = (source["doc"], source["evidence"]["start"], source["evidence"]["end"])
        if key not in self._index:
            self.notes.append(source)
            self._index[key] = len(self.notes)
        return self._index[key]

    def refs(self, sources: Sequence[dict[str, Any]]) -> list[int]:
        return [self.ref(s) for s in sources]


def _svg_image(svg: str, fmt: str) -> str:
    """A chart as the format embeds it: inline SVG in HTML, a data URI image in Markdown."""
    if not svg:
        return ""
    if fmt == "html":
        return svg
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def _ledger_section(records: Sequence[Record], evidence: _Evidence, fmt: str, pledger: str | None = None,
                    beneficiary: str | None = None) -> dict[str, Any]:
    rows = views_json(ledger_view(records, pledger=pledger, beneficiary=beneficiary))
    for row in rows:
        row["refs"] = evidence.refs(row["sources"])
        row["amount_text"] = amount_text(**row["amount"]) if row["amount"] else None
    charts = []
    groups: dict[tuple[str, str | None], list[dict[str, Any]]] = {}
    for row in rows:
        if row["amount"]:
            groups.setdefault((row["amount"]["unit"], row["amount"]["per"]), []).append(row)
    for (unit, per), members in sorted(groups.items(), key=lambda item: (not is_money(item[0][0]), -len(item[1]), item[0][0])):
        members = sorted(members, key=lambda r: -r["amount"]["value"])
        bars = [
            Bar(f"{r['pledger_name']} → {r['beneficiary_name'] or '?'}", r["amount"]["value"], r["amount_text"],
                f"#ev-{r['refs'][0]}" if fmt == "html" else None, r["item"])
            for r in members
        ]
        charts.append({"title": f"Pledged amounts, {unit_text(unit, per)}", "image": _svg_image(bar_chart(bars, f"Pledged amounts, {unit_text(unit, per)}"), fmt)})
    return {
        "rows": rows,
        "by_pledger": ledger_totals(rows, "pledger"),
        "by_beneficiary": ledger_totals(rows, "beneficiary"),
        "charts": charts,
    }


def _meeting_section(records: Sequence[Record], meeting_id: str, evidence: _Evidence) -> dict[str, Any]:
    found = view_json(readouts(records, meeting_id))
    meeting = next(view_json(m) for m in meetings(records) if m.id == found["meeting"])
    meeting["refs"] = evidence.refs(meeting["sources"])
    for side in found["sides"]:
        for topic in side["topics"]:
            topic["refs"] = evidence.refs(topic["evidence"])
    topics = list(dict.fromkeys(t["topic"] for side in found["sides"] for t in side["topics"]))
    grid = [
        {
            "topic": topic,
            "cells": [next((t for t in side["topics"] if t["topic"] == topic), None) for side in found["sides"]],
        }
        for topic in topics
    ]
    return {"meeting": meeting, "readouts": found, "grid": grid}


def _actor_section(records: Sequence[Record], actor: str, evidence: _Evidence, fmt: str,
                   directory: Directory) -> dict[str, Any]:
    found = view_json(actor_timeline(records, actor))
    for entry in found["entries"]:
        entry["refs"] = evidence.refs(entry["sources"])
    own = {directory.side(i) for i in found["ids"]}
    met: dict[str, dict[str, Any]] = {}
    for meeting in meetings(records, actor=found["actor"]):
        for participant, name in zip(meeting.participants, meeting.names):
            if participant not in found["ids"] and directory.side(participant) not in own:
                met.setdefault(participant, {"actor": participant, "name": name, "meetings": []})["meetings"].append(meeting.id)
    counterparts = sorted(met.values(), key=lambda c: (-len(c["meetings"]), c["name"]))
    nodes = [Node(c["name"], len(c["meetings"])) for c in counterparts]
    points = [
        TimePoint(e["date"], e["summary"], f"#ev-{e['refs'][0]}" if fmt == "html" and e["refs"] else None)
        for e in found["entries"]
        if e["date"]
    ]
    return {
        "actor": found,
        "written": list(dict.fromkeys(w for i in found["ids"] for w in directory.written(i))),
        "counterparts": counterparts,
        "network": _svg_image(network(found["name"], nodes, f"Whom {found['name']} met"), fmt),
        "timeline": _svg_image(timeline(points, f"{found['name']}: timeline"), fmt),
        "made": _ledger_section(records, evidence, fmt, pledger=found["actor"]),
        "received": _ledger_section(records, evidence, fmt, beneficiary=found["actor"]),
    }


def _markdown_cell(value: Any) -> str:
    """Text safe inside a Markdown table cell: no pipe, no line break."""
    return str(value if value is not None else "").replace("|", "\\|").replace("\r", " ").replace("\n", " ")


def _environment(fmt: str) -> Environment:
    environment = Environment(
        loader=PackageLoader("summitry.report", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html",), default_for_string=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters["cell"] = _markdown_cell
    environment.filters["thousands"] = lambda value: f"{value:,}"
    return environment


def build_report(
    records: Sequence[Record],
    *,
    actor: str | None = None,
    meeting: str | None = None,
    ledger: bool = False,
    format: str = "html",
    generated: dt.date | None = None,
) -> str:
    """The report on exactly one of: an actor, a meeting (an id from the meetings view), or the ledger.

    ``format`` is ``html`` (one file, CSS and SVG inline, no external asset) or ``md``.
    Raises ValueError for a bad choice, and the views' ``UnknownActor``/``UnknownMeeting``.
    """
    if sum(bool(choice) for choice in (actor, meeting, ledger)) != 1:
        raise ValueError("a report is on exactly one of: an actor, a meeting, the ledger")
    if format not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {format!r}")
    records = list(records)
    evidence = _Evidence()
    directory = Directory(records)
    context: dict[str, Any] = {
        "generated": (generated or dt.date.today()).isoformat(),
        "documents": len(records),
        "directory": directory,
        "amount_text": amount_text,
        "kind": "actor" if actor else "meeting" if meeting else "ledger",
    }
    if ledger:
        context["title"] = "Commitments ledger"
        context["ledger"] = _ledger_section(records, evidence, format)
    elif meeting:
        context.update(_meeting_section(records, meeting, evidence))
        context["title"] = "Meeting: " + " – ".join(context["meeting"]["names"]) + (f", {context['meeting']['date']}" if context["meeting"]["date"] else "")
    else:
        context.update(_actor_section(records, cast(str, actor), evidence, format, directory))  # one of the three is given
        context["title"] = f"Actor: {context['actor']['name']}"
    context["notes"] = evidence.notes
    template = _environment(format).get_template(f"report.{format}")
    if format == "html":
        context["style"] = Markup(resources.files("summitry.report").joinpath("templates", "report.css").read_text(encoding="utf-8"))
    return template.render(**context)
