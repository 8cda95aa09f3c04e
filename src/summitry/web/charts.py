"""Charts as inline SVG, drawn on the server: no script, no external asset, the same in a page,
an HTML report and a Markdown report. Every mark that stands for a number links to its evidence.

Styles are SVG presentation attributes, not CSS classes, so a chart copied out of a page
(or embedded as an image) looks the same.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

_FONT = 'font-family="system-ui, -apple-system, Segoe UI, Noto Sans, Noto Sans CJK TC, sans-serif"'
_INK = "#1f2933"
_MUTED = "#7b8794"
_ACCENT = "#2f6fab"
_PALETTE = ("#2f6fab", "#c2571a", "#2f8f5b", "#8e44ad", "#b7950b", "#c0392b", "#16a085", "#6c7a89")


def _attr(value: object) -> str:
    return escape(str(value), quote=True)


def _svg(width: int, height: int, body: list[str], title: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="img" aria-label="{_attr(title)}" {_FONT} font-size="12">'
        f"<title>{escape(title)}</title>" + "".join(body) + "</svg>"
    )


def _link(href: str | None, inner: str, tooltip: str | None = None) -> str:
    tip = f"<title>{escape(tooltip)}</title>" if tooltip else ""
    if not href:
        return f"<g>{tip}{inner}</g>"
    return f'<a href="{_attr(href)}">{tip}{inner}</a>'


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# -- timeline ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class TimePoint:
    date: str  # YYYY, YYYY-MM or YYYY-MM-DD
    label: str
    href: str | None = None
    tooltip: str | None = None


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _period(date: str) -> tuple[dt.date, dt.date]:
    """The days a date stands for, end exclusive: a day, its month, or its year."""
    parts = [int(p) for p in date.split("-")]
    if len(parts) == 3:
        day = dt.date(*parts)
        return day, day + dt.timedelta(days=1)
    if len(parts) == 2:
        year, month = parts
        return dt.date(year, month, 1), dt.date(year + month // 12, month % 12 + 1, 1)
    return dt.date(parts[0], 1, 1), dt.date(parts[0] + 1, 1, 1)


def _month_index(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


def _month_start(index: int) -> dt.date:
    return dt.date(index // 12, index % 12 + 1, 1)


def _ticks(low: dt.date, high: dt.date) -> list[tuple[dt.date, str]]:
    """Axis ticks a reader can take in at a glance: months, quarters or years, ten at most."""
    first, last = _month_index(low), _month_index(high)
    step = next((s for s in (1, 3, 6, 12, 24, 60, 120, 240) if (last - first) / s <= 10), 600)
    ticks: list[tuple[dt.date, str]] = []
    for index in range(first + (-first) % step, last + 1, step):  # multiples of 12 are Januaries
        day = _month_start(index)
        if step >= 12:
            label = str(day.year)
        elif day.month == 1 or not ticks:
            label = f"{_MONTHS[day.month - 1]} {day.year}"
        else:
            label = _MONTHS[day.month - 1]
        ticks.append((day, label))
    return ticks


def timeline(points: list[TimePoint], title: str = "Timeline") -> str:
    """One row per point on a real calendar axis (month, quarter or year ticks as the span
    needs): a dot for a day, a bar across the whole period for a date known only to the month
    or the year, so a year-only date is not drawn as if it were 1 January."""
    if not points:
        return ""
    label_width, plot_width, right, row, top = 300, 760, 60, 20, 34
    periods = [_period(p.date) for p in points]
    low = _month_start(_month_index(min(start for start, _ in periods)))
    high_index = _month_index(max(end for _, end in periods) - dt.timedelta(days=1)) + 1
    high = _month_start(max(high_index, _month_index(low) + 2))  # at least two months wide
    if _month_index(high) - _month_index(low) > 24:  # ticks are years: the axis runs January to January
        low, high = dt.date(low.year, 1, 1), dt.date(high.year + (high.month > 1), 1, 1)
    span = (high - low).days

    def x_of(day: dt.date) -> float:
        return label_width + plot_width * (day - low).days / span

    height = top + row * len(points) + 10
    body = [f'<line x1="{label_width}" y1="{top - 6}" x2="{label_width + plot_width}" y2="{top - 6}" stroke="{_MUTED}"/>']
    for day, label in _ticks(low, high):
        x = x_of(day)
        body.append(f'<line x1="{x:.1f}" y1="{top - 10}" x2="{x:.1f}" y2="{height - 6}" stroke="#e4e7eb"/>')
        body.append(f'<text x="{x:.1f}" y="{top - 14}" text-anchor="middle" fill="{_MUTED}">{escape(label)}</text>')
    for index, (point, (start, end)) in enumerate(zip(points, periods)):
        y = top + index * row + row / 2
        if len(point.date) == 10:
            mark = f'<circle cx="{x_of(start):.1f}" cy="{y:.1f}" r="5" fill="{_ACCENT}" stroke="{_ACCENT}" stroke-width="2"/>'
        else:
            left, width = x_of(start), max(8.0, x_of(end) - x_of(start))
            mark = (f'<rect x="{left:.1f}" y="{y - 5:.1f}" width="{width:.1f}" height="10" rx="5" fill="#dbe7f3" '
                    f'stroke="{_ACCENT}" stroke-width="1.5"/>')
        label = f'<text x="{label_width - 8}" y="{y + 4:.1f}" text-anchor="end" fill="{_INK}">{escape(_clip(point.label, 44))}</text>'
        body.append(_link(point.href, mark + label, point.tooltip or f"{point.date}: {point.label}"))
    return _svg(label_width + plot_width + right, int(height), body, title)


# -- volume over time -------------------------------------------------------------------------
def event_volume(events: Sequence[tuple[str | None, str]], title: str, counts: Sequence[int] | None = None) -> str:
    """Stacked columns: how many events of each type fall in each month (each year when the
    dates span more than three years), empty periods shown as gaps. Events dated less
    precisely than a column, or not at all, are counted in a note below the chart.
    ``counts`` (one per pair) says how many events a pair stands for: the store counts them."""
    weights = list(counts) if counts is not None else [1] * len(events)
    dated = [(date, kind, n) for (date, kind), n in zip(events, weights) if date]
    if not dated:
        return ""
    months = [_month_index(_period(d)[0]) for d, _, _ in dated]
    by_year = max(months) - min(months) >= 36
    width_of = 4 if by_year else 7
    buckets: dict[str, dict[str, int]] = {}
    coarse = sum(n for (date, _), n in zip(events, weights) if not date)
    for date, kind, n in dated:
        if len(date) < width_of:
            coarse += n
            continue
        buckets.setdefault(date[:width_of], {}).setdefault(kind, 0)
        buckets[date[:width_of]][kind] += n
    if not buckets:
        return ""
    totals: dict[str, int] = {}
    for bucket in buckets.values():
        for kind, number in bucket.items():
            totals[kind] = totals.get(kind, 0) + number
    kinds = sorted(totals, key=lambda k: (-totals[k], k))
    shown = kinds[: len(_PALETTE) - 1] if len(kinds) > len(_PALETTE) else kinds
    colour = {k: _PALETTE[i] for i, k in enumerate(shown)}
    if by_year:
        years = [int(k) for k in buckets]
        keys = [str(y) for y in range(min(years), max(years) + 1)]
    else:
        indices = [int(k[:4]) * 12 + int(k[5:]) - 1 for k in buckets]
        keys = [f"{i // 12:04d}-{i % 12 + 1:02d}" for i in range(min(indices), max(indices) + 1)]
    left, plot_width, plot_height, top = 40, 640, 180, 30
    step = plot_width / len(keys)
    most = max(sum(c.values()) for c in buckets.values())
    body = [f'<text x="0" y="15" fill="{_INK}" font-weight="600">{escape(title)}</text>',
            f'<line x1="{left}" y1="{top + plot_height}" x2="{left + plot_width}" y2="{top + plot_height}" stroke="{_MUTED}"/>',
            f'<text x="{left - 6}" y="{top + 10}" text-anchor="end" fill="{_MUTED}">{most}</text>',
            f'<text x="{left - 6}" y="{top + plot_height}" text-anchor="end" fill="{_MUTED}">0</text>']
    label_every = max(1, math.ceil(len(keys) / 12))
    for index, key in enumerate(keys):
        x = left + index * step
        y: float = top + plot_height
        for kind in kinds:
            number = buckets.get(key, {}).get(kind, 0)
            if not number:
                continue
            height = plot_height * number / most
            y -= height
            fill = colour.get(kind, "#9aa5b1")
            body.append(_link(None, f'<rect x="{x + step * 0.1:.1f}" y="{y:.1f}" width="{step * 0.8:.1f}" height="{height:.1f}" fill="{fill}"/>',
                              f"{key} · {kind}: {number} event{'' if number == 1 else 's'}"))
        if index % label_every == 0:
            label = key if by_year else (f"{_MONTHS[int(key[5:]) - 1]} {key[:4]}" if key.endswith("-01") or index == 0 else _MONTHS[int(key[5:]) - 1])
            body.append(f'<text x="{x + step / 2:.1f}" y="{top + plot_height + 16}" text-anchor="middle" fill="{_MUTED}">{label}</text>')
    legend_y = top + plot_height + 40
    entries = [(k, totals[k], colour[k]) for k in shown]
    if len(kinds) > len(shown):
        entries.append(("other", sum(totals[k] for k in kinds[len(shown):]), "#9aa5b1"))
    for index, (kind, number, fill) in enumerate(entries):
        x = left + (index % 4) * 170
        y = legend_y + (index // 4) * 18
        body.append(f'<rect x="{x}" y="{y - 10}" width="12" height="12" fill="{fill}"/>'
                    f'<text x="{x + 18}" y="{y}" fill="{_INK}">{escape(kind)} ({number})</text>')
    height = legend_y + ((len(entries) - 1) // 4) * 18 + 14
    if coarse:
        body.append(f'<text x="{left}" y="{height + 4}" fill="{_MUTED}">{coarse} event{"" if coarse == 1 else "s"} '
                    f'{"undated" if by_year else "undated or dated only to the year"}, not drawn</text>')
        height += 18
    return _svg(left + plot_width + 20, int(height), body, title)


# -- bars -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    value_text: str
    href: str | None = None
    tooltip: str | None = None


def bar_chart(bars: list[Bar], title: str) -> str:
    """Horizontal bars on one linear scale (the caller keeps one unit per chart)."""
    if not bars:
        return ""
    label_width, plot_width, row, top = 300, 330, 24, 24
    most = max(abs(b.value) for b in bars) or 1.0
    height = top + row * len(bars) + 8
    body = [f'<text x="0" y="15" fill="{_INK}" font-weight="600">{escape(title)}</text>']
    for index, bar in enumerate(bars):
        y = top + index * row
        width = max(1.0, plot_width * abs(bar.value) / most)
        shape = (
            f'<rect x="{label_width}" y="{y + 4}" width="{width:.1f}" height="{row - 8}" fill="{_PALETTE[index % len(_PALETTE)]}"/>'
            f'<text x="{label_width + width + 6:.1f}" y="{y + row / 2 + 4:.1f}" fill="{_INK}">{escape(bar.value_text)}</text>'
        )
        label = f'<text x="{label_width - 8}" y="{y + row / 2 + 4:.1f}" text-anchor="end" fill="{_INK}">{escape(_clip(bar.label, 46))}</text>'
        body.append(_link(bar.href, label + shape, bar.tooltip or f"{bar.label}: {bar.value_text}"))
    return _svg(label_width + plot_width + 140, int(height), body, title)


# -- network ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Node:
    label: str
    count: int
    href: str | None = None
    count_href: str | None = None


def network(center: str, nodes: list[Node], title: str) -> str:
    """The actor in the middle, each counterpart around it; an edge's width and number say how
    many meetings the two had, and the number links to those meetings."""
    if not nodes:
        return ""
    size = 560
    middle = size / 2
    radius = size / 2 - 90
    most = max(n.count for n in nodes) or 1
    edges, marks = [], []
    for index, node in enumerate(nodes):
        angle = -math.pi / 2 + 2 * math.pi * index / len(nodes)
        x, y = middle + radius * math.cos(angle), middle + radius * math.sin(angle)
        width = 1.5 + 5 * node.count / most
        edges.append(f'<line x1="{middle}" y1="{middle}" x2="{x:.1f}" y2="{y:.1f}" stroke="#9fb3c8" stroke-width="{width:.1f}"/>')
        mx, my = (middle + x) / 2, (middle + y) / 2
        count = (
            f'<circle cx="{mx:.1f}" cy="{my:.1f}" r="10" fill="#fff" stroke="#9fb3c8"/>'
            f'<text x="{mx:.1f}" y="{my + 4:.1f}" text-anchor="middle" fill="{_INK}">{node.count}</text>'
        )
        marks.append(_link(node.count_href, count, f"{node.count} meeting{'' if node.count == 1 else 's'} with {node.label}"))
        anchor = "middle" if abs(x - middle) < 20 else ("start" if x > middle else "end")
        dx = 0 if anchor == "middle" else (12 if anchor == "start" else -12)
        dy = -14 if y < middle and anchor == "middle" else (22 if anchor == "middle" else 4)
        dot = (
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="8" fill="{_PALETTE[index % len(_PALETTE)]}"/>'
            f'<text x="{x + dx:.1f}" y="{y + dy:.1f}" text-anchor="{anchor}" fill="{_INK}">{escape(_clip(node.label, 30))}</text>'
        )
        marks.append(_link(node.href, dot, node.label))
    hub = (
        f'<circle cx="{middle}" cy="{middle}" r="12" fill="{_INK}"/>'
        f'<text x="{middle}" y="{middle + 30}" text-anchor="middle" fill="{_INK}" font-weight="600">{escape(_clip(center, 30))}</text>'
    )
    return _svg(size + 160, size, ['<g transform="translate(80,0)">', *edges, hub, *marks, "</g>"], title)
