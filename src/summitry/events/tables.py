"""Tables an analyst compiled into a report: one event per row, parties and amounts by column.

Reports often list commitments as pipe-separated rows under a header (領域/專案 | 韓方合作夥伴 |
美方合作夥伴/受益方 | 預估金額 …). Sentence rules read such rows badly — a row has no verb —
so the events stage reads them as tables instead: the header says which column holds the
pledger, the beneficiary, the amount or the demanded sum (data/tables.yaml), and each row
becomes one event whose evidence is the row itself. The sentence extractor skips the lines
a table covers.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any, Callable, Mapping, Sequence

import opencc

from summitry import cache as disk_cache
from summitry.errors import DataFileError
from summitry.events import lexicon as event_lexicons
from summitry.events.lexicon import PLOVER_TYPES, read_data
from summitry.events.summary import summarize
from summitry.model import Event, Mention, Quantity, Span, TextView, TimeExpr
from summitry.text import longest_first

PARTY_SOURCES = frozenset({"cell", "header", "caption"})
CAPTION_ROLES = frozenset({"asking", "asked"})


class InvalidTableLexicon(DataFileError, ValueError):
    """tables.yaml breaks its own rules; the message lists every problem."""


    def __init__(self, problems: list[str]) -> None:
        super().__init__("tables.yaml: " + "; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class TableKind:
    """What the rows of a table with certain columns report (tables.yaml, ``kinds``)."""

    name: str
    type: str
    mode: str
    cameo: str | None
    summary: str
    needs: tuple[str, ...]
    needs_any: tuple[str, ...]
    amount_from: str
    source_from: tuple[tuple[str, str], ...]  # (where, role): ("cell", "pledger"), ("caption", "asked")
    target_from: tuple[tuple[str, str], ...]

    def fits(self, roles: set[str]) -> bool:
        return set(self.needs) <= roles and (not self.needs_any or bool(set(self.needs_any) & roles))


@dataclass(frozen=True)
class TableLexicon:
    separator: str
    min_cells: int
    caption_starts: tuple[str, ...]
    columns: tuple[tuple[str, tuple[str, ...]], ...]  # (role, folded words), in precedence order
    second_of: Mapping[str, str]
    kinds: tuple[TableKind, ...]
    prep_markers: tuple[str, ...]
    governments: tuple[str, ...]


@dataclass(frozen=True)
class Cell:
    """One cell: a span of the original text (trimmed) and the role of its column."""

    start: int
    end: int
    role: str | None = None


@dataclass(frozen=True)
class TableRow:
    start: int
    end: int  # end of the row's last line, a continuation line included
    cells: tuple[Cell, ...]

    def cell(self, role: str) -> Cell | None:
        return next((c for c in self.cells if c.role == role), None)


@dataclass(frozen=True)
class Table:
    start: int  # the header line's start
    end: int  # the last row's end
    caption: Cell | None
    header: tuple[Cell, ...]
    rows: tuple[TableRow, ...]
    kind: TableKind | None

    def header_cell(self, role: str) -> Cell | None:
        return next((c for c in self.header if c.role == role), None)

    def row_at(self, start: int, end: int) -> TableRow | None:
        """The row whose span is [start, end), as an event's evidence gives it."""
        return next((r for r in self.rows if r.start == start and r.end == end), None)


def _party_specs(entries: Sequence[str]) -> tuple[tuple[str, str], ...]:
    return tuple(tuple(entry.split(":", 1)) for entry in entries)  # type: ignore[misc]


def table_problems(raw: Mapping[str, Any]) -> list[str]:
    """Everything wrong with a tables.yaml mapping; empty when it is sound."""
    problems: list[str] = []
    if not str(raw.get("separator", "")).strip():
        problems.append("separator is empty")
    roles = [column.get("role") for column in raw.get("columns") or ()]
    if len(roles) != len(set(roles)):
        problems.append("a column role is listed twice")
    for column in raw.get("columns") or ():
        if not column.get("words"):
            problems.append(f"column {column.get('role')!r} has no words")
    for role, other in (raw.get("second_of") or {}).items():
        if role not in roles or other not in roles:
            problems.append(f"second_of {role}: {other} names an unknown role")
    for kind in raw.get("kinds") or ():
        where = f"kind {kind.get('name')!r}"
        if kind.get("type") not in PLOVER_TYPES:
            problems.append(f"{where}: type is not a PLOVER type")
        for role in [*(kind.get("needs") or ()), *(kind.get("needs_any") or ()), kind.get("amount_from")]:
            if role not in roles:
                problems.append(f"{where}: unknown role {role!r}")
        for entry in [*(kind.get("source_from") or ()), *(kind.get("target_from") or ())]:
            where_from, _, role = str(entry).partition(":")
            if where_from not in PARTY_SOURCES or (where_from == "caption" and role not in CAPTION_ROLES) or (
                where_from != "caption" and role not in roles
            ):
                problems.append(f"{where}: party source {entry!r} is not cell:ROLE, header:ROLE or caption:asking|asked")
        if "{source}" not in str(kind.get("summary", "")):
            problems.append(f"{where}: summary must name {{source}}")
    return problems


disk_cache.picklable_by_fields(TableKind, TableLexicon)  # for the disk cache, in the compiled build too


@cache
def table_lexicon() -> TableLexicon:
    """tables.yaml, validated and folded; the prep markers come from arguments.yaml. Once per
    process, from the disk cache when neither the events' data files nor the code that reads
    them changed (as the event lexicon, issue 13)."""
    key = disk_cache.stage_key(__file__, event_lexicons.DATA, event_lexicons.__file__, *event_lexicons._BUILDING_CODE, labels=(opencc.__version__,))
    return disk_cache.built("table-lexicon", key, _build_table_lexicon, TableLexicon)


def _build_table_lexicon() -> TableLexicon:
    """tables.yaml and arguments.yaml, validated and folded."""
    raw = read_data("tables.yaml")
    problems = table_problems(raw)
    if problems:
        raise InvalidTableLexicon(problems)
    arguments = read_data("arguments.yaml")
    return TableLexicon(
        separator=str(raw["separator"]),
        min_cells=int(raw.get("min_cells", 3)),
        caption_starts=longest_first(raw.get("caption_starts")),
        columns=tuple((column["role"], longest_first(column["words"])) for column in raw["columns"]),
        second_of=dict(raw.get("second_of") or {}),
        kinds=tuple(
            TableKind(
                name=kind["name"],
                type=kind["type"],
                mode=kind["mode"],
                cameo=kind.get("cameo"),
                summary=kind["summary"],
                needs=tuple(kind.get("needs") or ()),
                needs_any=tuple(kind.get("needs_any") or ()),
                amount_from=kind["amount_from"],
                source_from=_party_specs(kind.get("source_from") or ()),
                target_from=_party_specs(kind.get("target_from") or ()),
            )
            for kind in raw["kinds"]
        ),
        prep_markers=longest_first(arguments["markers"]["prep"]),
        governments=longest_first(raw.get("governments")),
    )


# -- reading ------------------------------------------------------------------------------
def _lines(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def _cells(text: str, start: int, end: int, separator: str) -> list[Cell]:
    cells, position = [], start
    while position <= end:
        stop = text.find(separator, position, end)
        stop = end if stop == -1 else stop
        left, right = position, stop
        while left < right and text[left].isspace():
            left += 1
        while right > left and text[right - 1].isspace():
            right -= 1
        if right > left:
            cells.append(Cell(left, right))
        position = stop + len(separator)
    return cells


def _role(folded_cell: str, lexicon: TableLexicon, taken: set[str]) -> str | None:
    for role, words in lexicon.columns:
        if any(word in folded_cell for word in words):
            if role in taken:
                second = lexicon.second_of.get(role)
                return second if second and second not in taken else None
            return role
    return None


def _caption(view: TextView, lines: list[tuple[int, int]], index: int, lexicon: TableLexicon) -> Cell | None:
    """The line just before the header, when it starts like a caption (表1:…)."""
    if index == 0:
        return None
    start, end = lines[index - 1]
    line = view.folded[start:end].strip()
    if not line.startswith(lexicon.caption_starts):
        return None
    offset = view.folded.index(line[0], start)
    return Cell(offset, offset + len(line))


def read_tables(view: TextView, lexicon: TableLexicon | None = None) -> tuple[Table, ...]:
    """Every table of the text with its header roles and rows; tables no header role fits
    are still returned (kind None) so nothing reads their rows as sentences."""
    lexicon = lexicon or table_lexicon()
    text, folded = view.original, view.folded
    if lexicon.separator not in text:
        return ()  # most texts: no line can be a row
    lines = _lines(text)
    tables: list[Table] = []
    index = 0
    while index < len(lines):
        start, end = lines[index]
        header = _cells(text, start, end, lexicon.separator) if lexicon.separator in text[start:end] else []
        if len(header) < lexicon.min_cells:
            index += 1
            continue
        taken: set[str] = set()
        roles = []
        for cell in header:
            role = _role(folded[cell.start : cell.end], lexicon, taken)
            if role:
                taken.add(role)
            roles.append(role)
        header = [Cell(c.start, c.end, role) for c, role in zip(header, roles)]
        rows: list[TableRow] = []
        following = index + 1
        while following < len(lines) and lexicon.separator in text[lines[following][0] : lines[following][1]]:
            row_start, row_end = lines[following]
            cells = _cells(text, row_start, row_end, lexicon.separator)
            if len(cells) >= lexicon.min_cells or not rows:
                typed = tuple(Cell(c.start, c.end, roles[i] if i < len(roles) else None) for i, c in enumerate(cells))
                rows.append(TableRow(cells[0].start if cells else row_start, row_end, typed))
            else:  # a cell broken over two lines: the row goes on
                last = rows[-1]
                rows[-1] = TableRow(last.start, row_end, last.cells)
            following += 1
        if rows:
            kind = next((k for k in lexicon.kinds if k.fits(taken)), None)
            tables.append(
                Table(header[0].start, rows[-1].end, _caption(view, lines, index, lexicon), tuple(header), tuple(rows), kind)
            )
        index = following
    return tuple(tables)


# -- events ---------------------------------------------------------------------------------
class _Parties:
    """The actors named inside a span: the longest mention wins where mentions nest."""

    def __init__(self, mentions: Sequence[Mention], type_of: Callable[[str], str], country_of: Callable[[str], str | None]) -> None:
        ordered = sorted(mentions, key=lambda m: (m.start, -(m.end - m.start)))
        kept: list[Mention] = []
        furthest: int | None = None  # kept mentions all start earlier: one holds this one iff
        for mention in ordered:  # the furthest end kept reaches its end
            if furthest is not None and mention.end <= furthest:
                continue
            kept.append(mention)
            furthest = mention.end if furthest is None else max(furthest, mention.end)
        self.mentions = [m for m in kept if type_of(m.entity_id) != "place"]
        self.type_of = type_of
        self.country_of = country_of

    def within(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.mentions if start <= m.start and m.end <= end]

    def ids(self, start: int, end: int, folded: str = "", governments: tuple[str, ...] = ()) -> tuple[str, ...]:
        """The parties named in a span; a person followed by 政府 (特朗普政府) stands for his country."""
        ids = []
        for mention in self.within(start, end):
            entity_id = mention.entity_id
            if self.type_of(entity_id) == "person" and governments and folded.startswith(governments, mention.end):
                entity_id = self.country_of(entity_id) or entity_id
            ids.append(entity_id)
        ids = list(dict.fromkeys(ids))
        with_person = {self.country_of(i) for i in ids if self.type_of(i) == "person"}
        return tuple(i for i in ids if not (self.type_of(i) == "country" and i in with_person))


def _caption_parties(table: Table, view: TextView, parties: _Parties, lexicon: TableLexicon) -> dict[str, tuple[str, ...]]:
    """美國對南韓…的要求: 美國 asks, 南韓 is asked."""
    caption = table.caption
    if caption is None:
        return {}
    folded = view.folded
    mentions = parties.within(caption.start, caption.end)
    for mention in mentions:
        before = folded[caption.start : mention.start]
        if any(before.endswith(marker) for marker in lexicon.prep_markers):
            asking = [m for m in mentions if m.end <= mention.start - 1]
            return {"asked": (mention.entity_id,), "asking": tuple(dict.fromkeys(m.entity_id for m in asking[-1:]))}
    return {}


def _side(
    specs: Sequence[tuple[str, str]], row: TableRow, table: Table, parties: _Parties, caption: dict[str, tuple[str, ...]], folded: str, governments: tuple[str, ...]
) -> tuple[str, ...]:
    for where, role in specs:
        if where == "cell":
            cell = row.cell(role)
            found = parties.ids(cell.start, cell.end) if cell else ()
        elif where == "header":
            cell = table.header_cell(role)
            found = parties.ids(cell.start, cell.end, folded, governments) if cell else ()
        else:
            found = caption.get(role, ())
        if found:
            return found
    return ()


def table_events(
    view: TextView,
    tables: Sequence[Table],
    mentions: Sequence[Mention],
    quantities: Sequence[Quantity],
    times: Sequence[TimeExpr],
    type_of: Callable[[str], str],
    country_of: Callable[[str], str | None],
    name: Callable[[str], str],
    lexicon: TableLexicon | None = None,
) -> tuple[Event, ...]:
    """One event per row of every table whose header a kind fits; the row is its evidence."""
    lexicon = lexicon or table_lexicon()
    if all(table.kind is None for table in tables):
        return ()
    parties = _Parties(mentions, type_of, country_of)
    events: list[Event] = []
    for table in tables:
        kind = table.kind
        if kind is None:
            continue
        caption = _caption_parties(table, view, parties, lexicon)
        for row in table.rows:
            source = _side(kind.source_from, row, table, parties, caption, view.folded, lexicon.governments)
            target = tuple(i for i in _side(kind.target_from, row, table, parties, caption, view.folded, lexicon.governments) if i not in source)
            if not source and not target:
                continue
            amount_cell = row.cell(kind.amount_from)
            amounts = tuple(q for q in quantities if amount_cell and amount_cell.start <= q.start and q.end <= amount_cell.end)
            when = row.cell("when")
            dates = [t.value for t in times if when and when.start <= t.start and t.end <= when.end and t.value and t.relation is None]
            events.append(
                Event(
                    type=kind.type,
                    mode=kind.mode,
                    source=source,
                    target=target,
                    date=dates[0] if dates else None,
                    place=None,
                    quantities=amounts,
                    status="reported",
                    claimed_by=None,
                    evidence=Span(row.start, row.end),
                    summary=summarize(kind.summary, source, target, None, "reported", None, name),
                    cameo=kind.cameo,
                    date_from="text" if dates else None,
                )
            )
    return tuple(events)

