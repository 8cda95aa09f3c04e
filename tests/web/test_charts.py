"""The timeline on a real calendar axis, and the volume of events by month and type."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree

import pytest

from summitry.web.charts import TimePoint, event_volume, timeline

SVG = "{http://www.w3.org/2000/svg}"


def _marks(svg: str) -> list[tuple[float, float]]:
    """(left, right) of every point's mark, in the points' order: a dot's centre, a bar's ends."""
    found = []
    for link in ElementTree.fromstring(svg).iter(f"{SVG}a"):
        mark = link.find(f"{SVG}circle")
        if mark is not None:
            found.append((float(mark.get("cx")), float(mark.get("cx"))))
        else:
            bar = link.find(f"{SVG}rect")
            found.append((float(bar.get("x")), float(bar.get("x")) + float(bar.get("width"))))
    return found


def _axis_labels(svg: str) -> list[tuple[float, str]]:
    root = ElementTree.fromstring(svg)
    return [(float(t.get("x")), t.text) for t in root.findall(f"{SVG}text") if t.get("text-anchor") == "middle"]


def test_meetings_of_one_year_spread_along_its_months() -> None:
    """Four 2025 meetings get four places in time order, not one column for the year."""
    dates = ["2025-02-07", "2025-08-15", "2025-10-28", "2025-10-30"]
    svg = timeline([TimePoint(d, d, f"/meetings/{i}") for i, d in enumerate(dates)])
    xs = [left for left, _ in _marks(svg)]
    assert xs == sorted(xs) and len(set(xs)) == 4
    assert xs[1] - xs[0] > 5 * (xs[3] - xs[2])  # six months apart is far more than two days


@pytest.mark.parametrize(
    ("dates", "labels"),
    [
        (["2025-02-07", "2025-10-30"], {"Feb 2025", "Jul", "Oct", "Nov"}),
        (["2018-06-12", "2025-10-30"], {"2018", "2020", "2022", "2024"}),
        (["2025-10-28", "2025-10-30"], {"Oct 2025", "Nov"}),
    ],
)
def test_axis_ticks_fit_the_span_and_stay_inside_the_chart(dates: list[str], labels: set[str]) -> None:
    svg = timeline([TimePoint(d, d) for d in dates])
    width = float(ElementTree.fromstring(svg).get("width"))
    ticks = _axis_labels(svg)
    assert labels <= {text for _, text in ticks}
    assert len(ticks) <= 11
    # A label centred on its tick has room for "Jan 2025" (about 50 px at 12 px) on both sides.
    assert all(x + 28 <= width for x, _ in ticks)


def test_a_date_known_to_the_year_spans_the_year() -> None:
    """A meeting dated 2025 is a bar across 2025, a meeting dated 2025-10 one across October."""
    svg = timeline([TimePoint(d, d, f"/meetings/{d}") for d in ("2025", "2025-10", "2025-10-30")])
    (year_left, year_right), (month_left, month_right), (day, _) = _marks(svg)
    assert year_right - year_left > 10 * (month_right - month_left)
    assert year_left <= month_left < day < month_right <= year_right


def test_event_volume_counts_each_month_and_type() -> None:
    events = [("2025-10-30", "CONSULT"), ("2025-10-29", "CONSULT"), ("2025-10-30", "AGREE"), ("2025-08", "CONSULT"),
              ("2025", "AGREE"), (None, "SANCTION")]
    svg = event_volume(events, "Events")
    tips = sorted(t.text for t in ElementTree.fromstring(svg).iter(f"{SVG}title"))
    assert "2025-10 · CONSULT: 2 events" in tips and "2025-10 · AGREE: 1 event" in tips
    assert "2025-08 · CONSULT: 1 event" in tips
    assert not any(t.startswith("2025-09") for t in tips)  # an empty month is a gap, not a bar
    assert "2 events undated or dated only to the year, not drawn" in svg
    assert re.search(r">CONSULT \(3\)<", svg) and re.search(r">AGREE \(1\)<", svg)


def test_event_volume_by_year_over_long_spans() -> None:
    svg = event_volume([("2017-03-01", "CONSULT"), ("2025-10-30", "CONSULT"), ("2025", "AGREE")], "Events")
    tips = {t.text for t in ElementTree.fromstring(svg).iter(f"{SVG}title")}
    assert {"2017 · CONSULT: 1 event", "2025 · CONSULT: 1 event", "2025 · AGREE: 1 event"} <= tips


def test_no_volume_chart_without_dated_events() -> None:
    assert event_volume([(None, "CONSULT")], "Events") == event_volume([], "Events") == ""
