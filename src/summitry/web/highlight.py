"""The document text as HTML with every annotation wrapped at its offsets.

Annotations overlap (an event's sentence holds mentions; two events' sentences may cross),
and HTML elements must nest. Annotations are placed outermost layer first; one that crosses
the boundary of an element already placed is cut into pieces at that boundary, each piece
carrying the same attributes. Nothing is found by searching: every element wraps exactly
``text[start:end]`` of the spans it was given.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape as _escape

from summitry.web.guard import shown


@dataclass(frozen=True)
class Annotation:
    start: int
    end: int
    layer: int  # 0 is outermost; an annotation is never cut by one of a higher layer
    tag: str
    attrs: tuple[tuple[str, str], ...]


@dataclass
class _Node:
    start: int
    end: int
    annotation: Annotation | None
    children: list["_Node"] = field(default_factory=list)
    first_piece: bool = True


def escape(text: str) -> str:
    """Escaped for HTML, with control characters shown as marks (web/guard.py ``shown``)."""
    return _escape(shown(text))


def _insert(node: _Node, annotation: Annotation, start: int, end: int, first: bool) -> None:
    """Place ``annotation``'s piece [start, end) under ``node``, cutting it at its children."""
    cuts = {start, end}
    for child in node.children:
        for edge in (child.start, child.end):
            if start < edge < end:
                cuts.add(edge)
    edges = sorted(cuts)
    for piece_start, piece_end in zip(edges, edges[1:]):
        # Annotations arrive outermost layer first, so an element already placed never
        # belongs inside the new one when their spans are equal.
        inside = next((c for c in node.children if c.start <= piece_start and piece_end <= c.end), None)
        if inside is not None:
            _insert(inside, annotation, piece_start, piece_end, first)
        else:
            covered = [c for c in node.children if piece_start <= c.start and c.end <= piece_end]
            piece = _Node(piece_start, piece_end, annotation, covered, first)
            node.children = sorted([c for c in node.children if c not in covered] + [piece], key=lambda c: (c.start, c.end))
        first = False


def _render(node: _Node, text: str, out: list[str]) -> None:
    position = node.start
    for child in node.children:
        out.append(escape(text[position : child.start]))
        annotation = child.annotation
        assert annotation is not None
        attrs = annotation.attrs if child.first_piece else tuple((k, v) for k, v in annotation.attrs if k != "id")
        rendered = "".join(f' {key}="{escape(value)}"' for key, value in attrs)
        out.append(f"<{annotation.tag}{rendered}>")
        _render(child, text, out)
        out.append(f"</{annotation.tag}>")
        position = child.end
    out.append(escape(text[position : node.end]))


def highlight(text: str, annotations: list[Annotation]) -> str:
    """``text`` escaped for HTML with each annotation's element around its span.

    An annotation whose span is empty or falls outside the text is skipped.
    """
    root = _Node(0, len(text), None)
    ordered = sorted(annotations, key=lambda a: (a.layer, a.start, -a.end))
    for annotation in ordered:
        if 0 <= annotation.start < annotation.end <= len(text):
            _insert(root, annotation, annotation.start, annotation.end, True)
    out: list[str] = []
    _render(root, text, out)
    return "".join(out)
