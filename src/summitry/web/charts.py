"""Charts as inline SVG, drawn on the server: no script, no external asset, the same in a page,
an HTML report and a Markdown report. Every mark that stands for a number links to its evidence.

Styles are SVG presentation attributes, not CSS classes, so a chart copied out of a page
(or embedded as an image) looks the same.
"""

from __future__ import annotations

import datetime as dt
import math
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


def _year_fraction(date: str) -> float:
    parts = [int(p) for p in date.split("-")]
    year, month, day = (parts + [1, 1])[:3]
    start = dt.date(year, 1, 1)
    days = (dt.date(year + 1, 1, 1) - start).days
    return year + ((dt.date(year, month, day) - start).days / days)


def timeline(points: list[TimePoint], title: str = "Timeline") -> str:
    """One row per point along a shared time axis; a hollow dot marks a month or year date."""
    if not points:
        return ""
    label_width, plot_width, row, top = 300, 440, 20, 30
    xs = [_year_fraction(p.date) for p in points]
    low, high = math.floor(min(xs)), math.floor(max(xs)) + 1
    scale = plot_width / (high - low)
    height = top + row * len(points) + 10
    body = []
    for year in range(low, high + 1):
        x = label_width + (year - low) * scale
        body.append(f'<line x1="{x:.1f}" y1="{top - 8}" x2="{x:.1f}" y2="{height - 6}" stroke="#e4e7eb"/>')
        if year < high or high - low == 1:
            body.append(f'<text x="{x + 3:.1f}" y="{top - 12}" fill="{_MUTED}">{year}</text>')
    for index, (point, x_year) in enumerate(zip(points, xs)):
        y = top + index * row + row / 2
        x = label_width + (x_year - low) * scale
        exact = len(point.date) == 10
        dot = (
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{_ACCENT if exact else "#fff"}" stroke="{_ACCENT}" stroke-width="2"/>'
        )
        label = f'<text x="{label_width - 8}" y="{y + 4:.1f}" text-anchor="end" fill="{_INK}">{escape(_clip(point.label, 44))}</text>'
        body.append(_link(point.href, dot + label, point.tooltip or f"{point.date}: {point.label}"))
    return _svg(label_width + plot_width + 20, int(height), body, title)


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
        marks.append(_link(node.count_href, count, f"{node.count} meeting(s) with {node.label}"))
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
