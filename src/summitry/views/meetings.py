"""The meetings view: one row per real meeting, however many documents and sentences report it.

Reports are the meeting-like events of the records (views/data/meetings.yaml); only a meeting
that happened is a row (one announced or called off takes in its document's mentions of it that
find no meeting held; an undated visit alone is none). Reports of the same parties on the same
date are one meeting; a report with a coarser date
(2025-10, or none) merges into the meeting that agrees with it and names the same sides —
within its document first, across documents only when exactly one meeting fits. Every
merged report stays a source of the row, so each row points at every sentence behind it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Callable, Iterable, Sequence, cast

from summitry.events.dating import as_date
from summitry.model import Event, Record, Span
from summitry.views.evidence import Source, source_data, source_from_data, source_of, unique_sources
from summitry.views.parties import Actors
from summitry.views.lexicon import view_data


@dataclass(frozen=True)
class Meeting:
    """One row of the meetings view; its fields are SCHEMA.md §2's meeting object in order
    (views/shape.py writes it for the CLI, the API, the report and the exports)."""

    id: str
    participants: tuple[str, ...]
    names: tuple[str, ...]
    date: str | None
    place: str | None
    mode: str | None
    status: str
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class _Rules:
    anchors: frozenset[tuple[str, str]]
    joiners: frozenset[tuple[str, str]]
    statuses: frozenset[str]
    announced: frozenset[str]
    dated_only: frozenset[tuple[str, str]]
    mode_order: tuple[str, ...]
    cross_document_days: int
    visit_days: int
    publication_days: int


@cache
def _rules() -> _Rules:
    raw = view_data("meetings.yaml")
    pairs: Callable[[str], frozenset[tuple[str, str]]] = lambda section: frozenset((kind, mode) for kind, modes in raw[section].items() for mode in modes)  # noqa: E731
    return _Rules(pairs("anchors"), pairs("joiners"), frozenset(raw["statuses"]), frozenset(raw.get("announced") or ()), pairs("dated_only"),
                  tuple(raw["mode_order"]), int(raw["cross_document_days"]), int(raw.get("visit_days") or 0), int(raw.get("publication_days") or 0))


@dataclass(frozen=True)
class MeetingReport:
    """One meeting-like event as the merge reads it: enough to merge and to cite it without its
    record, so the store can keep the reports and re-merge only the groups a batch touches."""

    doc: str
    published: dt.date | None
    event: Event
    participants: frozenset[str]
    source: Source

    def held(self, rules: _Rules) -> bool:
        """Whether the report tells of a meeting that took place: its status says so and its date
        is not after its publication (川习会 dated 2017-04 in an article of 29 March is planned)."""
        return self.event.status in rules.statuses and not _after(self.event.date, self.published)


_Report = MeetingReport


def _after(date: str | None, published: dt.date | None) -> bool:
    """Whether ``date``, at its own precision, lies after the publication day; a day counts
    only from the second day after, as abroad the local date may run a day ahead."""
    if date is None or published is None:
        return False
    if len(date) >= 10:
        day = as_date(date)
        return day is not None and day > published + dt.timedelta(days=1)
    return date > published.isoformat()[: len(date)]


@dataclass(eq=False)  # clusters are told apart by identity, never by their contents
class _Cluster:
    participants: frozenset[str]
    date: str | None
    sides: frozenset[str]
    reports: list[_Report] = field(default_factory=list)
    # Whether the meeting took place: one of its own reports (same parties, same date) happened.
    # Mentions it takes in later do not change it: 美俄峰會 joining 取消與普亭的會談 stays called off.
    held: bool = False

    @property
    def docs(self) -> set[str]:
        return {r.doc for r in self.reports}

    def anchored(self, rules: _Rules) -> bool:
        """Whether a report of a meeting that happened stands for it: not a signing alone, not an
        undated visit alone, not a plan beside what was agreed (爭取年內結束戰爭狀態 planned, the
        undated agreement reported)."""
        undated = self.date is None
        return any((r.event.type, r.event.mode) in rules.anchors and not (undated and (r.event.type, r.event.mode) in rules.dated_only)
                   and r.held(rules) for r in self.reports)


def _precision(date: str | None) -> int:
    return len(date) if date else 0


def _agrees(coarse: str | None, fine: str | None) -> bool:
    return coarse is None or (fine is not None and fine.startswith(coarse))


def meeting_reports(record: Record, actors: Actors) -> list[MeetingReport]:
    """The record's events that report a meeting between two sides or more, in record order,
    those of a meeting that did not happen included (they hold its undated mentions)."""
    rules = _rules()
    found = []
    for event in record.events:
        key = (event.type, event.mode)
        if key not in rules.anchors | rules.joiners or event.status not in rules.statuses | rules.announced:
            continue
        participants = frozenset(actors.prefer_specific([*event.source, *event.target]))
        if len(participants) < 2 or len({actors.side(p) for p in participants}) < 2:
            continue
        source = source_of(record, event.evidence, event.claimed_by)
        found.append(MeetingReport(record.document.id, record.document.date, event, participants, source))
    return found


def sides_of(report: MeetingReport, actors: Actors) -> frozenset[str]:
    """The sides of a report: merging only ever joins reports whose sides are a subset of one
    another's, so the store re-merges a batch's reports with those related so (``related_reports``)."""
    return frozenset(actors.side(p) for p in report.participants)


ReportKey = tuple[frozenset[str], "str | None"]  # a report's sides and date: what decides whom it may merge with


def related_reports(touched: Iterable[ReportKey], stored: Iterable[ReportKey]) -> set[ReportKey]:
    """The (sides, date) keys whose meetings may change when reports of ``touched`` keys come
    or go: those linked to them by a chain of pairs a merge may join. Sides one a subset of
    the other with dates that agree (one a prefix of the other); the same sides when one is
    undated (``_finer`` asks ``_same_actors``); the same sides a visit's few days apart. No
    merge, nor a choice between candidates, crosses any other pair, so a batch re-merges these
    reports only, not every report of the sides it touches."""
    visit_days = _rules().visit_days
    by_date: dict[str | None, set[frozenset[str]]] = {}
    for sides, date in stored:
        by_date.setdefault(date, set()).add(sides)
    # Every prefix of a stored date, with the dates it begins: the dates one date begins are
    # looked up, not found by comparing it with every stored date (17 million comparisons for
    # one batch of 1,000 documents at 10,000).
    extending: dict[str, list[str]] = {}
    for stored_date in by_date:
        if stored_date is not None:
            for end in range(len(stored_date) + 1):
                extending.setdefault(stored_date[:end], []).append(stored_date)
    found = set(touched)
    frontier = list(found)
    while frontier:
        for key in _linked(*frontier.pop(), by_date, extending, visit_days):
            if key not in found:
                found.add(key)
                frontier.append(key)
    return found


def _linked(sides: frozenset[str], date: str | None, by_date: dict[str | None, set[frozenset[str]]],
            extending: dict[str, list[str]], visit_days: int) -> Iterable[ReportKey]:
    if date is None:
        return [(sides, d) for d, stored in by_date.items() if sides in stored]
    linked: list[ReportKey] = [(sides, None)] if sides in by_date.get(None, ()) else []
    # The stored dates this one begins (itself among them) and those that begin it.
    agreeing = set(extending.get(date, ())) | {date[:end] for end in range(len(date)) if date[:end] in by_date}
    for other_date in agreeing:
        linked.extend((other, other_date) for other in by_date[other_date] if other <= sides or sides <= other)
    day = as_date(date) if len(date) >= 10 else None
    if day is not None:
        for offset in range(-visit_days, visit_days + 1):
            near = (day + dt.timedelta(days=offset)).isoformat()
            if sides in by_date.get(near, ()):
                linked.append((sides, near))
    return linked


class _Merger:
    def __init__(self, reports: list[_Report], actors: Actors, rules: _Rules) -> None:
        self.actors = actors
        self.rules = rules
        by_key: dict[tuple[frozenset[str], str | None, str, bool], _Cluster] = {}
        for report in reports:
            if len(self._sides(report.participants)) < 2:
                # A meeting of two sides as its record saw them, one side as the store knows
                # them now (a new person's country found in a later document): no meeting
                # between sides, as meeting_reports would have judged it with these actors.
                continue
            # Undated reports are one meeting only within a document: two articles' undated
            # visits of Trump to Korea may be years apart. A report of a meeting held and one
            # announced start apart, so the plan never keeps the held one from its meeting.
            key = (report.participants, report.event.date, report.doc if report.event.date is None else "", report.held(rules))
            if key not in by_key:
                by_key[key] = _Cluster(report.participants, report.event.date, self._sides(report.participants))
            by_key[key].reports.append(report)
            by_key[key].held |= report.held(rules)
        self.clusters = list(by_key.values())
        self.merged_away: set[int] = set()
        # Clusters by each pair of their sides: a report may only join a meeting holding all its sides.
        self.by_pair: dict[frozenset[str], list[_Cluster]] = {}
        for cluster in self.clusters:
            for pair in _pairs(cluster.sides):
                self.by_pair.setdefault(pair, []).append(cluster)

    def _sides(self, participants: Iterable[str]) -> frozenset[str]:
        return frozenset(self.actors.side(p) for p in participants)

    def _places(self, cluster: _Cluster) -> set[str]:
        return {p for p in (self.actors.by_name(r.event.place) for r in cluster.reports) if p}

    def _places_agree(self, a: _Cluster, b: _Cluster) -> bool:
        """No two places that cannot both be right: Hanoi and Panmunjom, the White House and Korea."""
        here, there = self._places(a), self._places(b)
        if not here or not there or here & there:
            return True
        countries: Callable[[Iterable[str]], set[str]] = lambda places: {c for c in map(self.actors.country_of, places) if c}  # noqa: E731
        return bool(countries(here) & countries(there))

    def _same_actors(self, small_cluster: _Cluster, big_cluster: _Cluster) -> bool:
        """The same sides, each named alike or by its country on one side (Trump visiting Malaysia
        and Trump welcomed by Anwar; not the Knesset and Netanyahu, two actors of one country)."""
        if small_cluster.sides != big_cluster.sides:
            return False
        small, big = small_cluster.participants, big_cluster.participants

        def fits(actor: str, other: frozenset[str]) -> bool:
            if actor in other or self.actors.type_of(actor) == "country":
                return True
            return self.actors.country_of(actor) in other

        return all(fits(a, big) for a in small) and all(fits(a, small) for a in big)

    @staticmethod
    def _days_on(small: _Cluster, big: _Cluster) -> int | None:
        """Days from ``small``'s day to ``big``'s, when both are dated to the day and ``big``'s
        documents hold all of ``small``'s reports; None otherwise."""
        if not small.reports or not small.docs <= big.docs or len(small.date or "") < 10 or len(big.date or "") < 10:
            return None
        start, end = as_date(small.date), as_date(big.date)
        return None if start is None or end is None else (end - start).days

    def _visit_holding(self, small: _Cluster, big: _Cluster) -> bool:
        """``small`` only reports a visit, in ``big``'s document, within a few days either side
        of ``big``'s meeting of the same sides: the trip and its talks are one meeting, whether
        the trip is told at its start (3日抵達, talks on the 4th) or on a later day of it (普京9日
        會見趙樂際; 10日趙樂際出席議會合作委員會會議)."""
        if not _only_visits(small) or _only_visits(big):  # a trip joins talks, not another trip
            return False
        days = self._days_on(small, big)
        return days is not None and abs(days) <= self.rules.visit_days and self._same_actors(small, big)

    def _dated_by_publication(self, small: _Cluster, big: _Cluster) -> bool:
        """``small`` has only the publication date (a headline, an undated lead) and ``big``,
        in the same document, a date the text states a day or two before it: the report of
        韩正6日会见…马丁 published on the 7th under 韩正会见爱尔兰副总理 is one meeting."""
        if any(r.event.date_from != "publication" for r in small.reports):
            return False
        days = self._days_on(small, big)
        return days is not None and -self.rules.publication_days <= days < 0

    def _finer(self, small: _Cluster, big: _Cluster) -> bool:
        """Whether ``big`` says more than ``small`` about the same meeting: a more precise date
        that agrees (or the one the text states where ``small`` only has the publication's),
        and the same parties or more, a person counting as more than their country (an undated
        report: the same sides); or the meeting a reported visit holds."""
        if self._visit_holding(small, big):
            return True
        if self._dated_by_publication(small, big):
            return self.actors.covers(big.participants, small.participants)
        if not _agrees(small.date, big.date):
            return False
        if small.date is None and big.date is not None:
            return self._same_actors(small, big)
        if not self.actors.covers(big.participants, small.participants):
            return False
        if _precision(big.date) > _precision(small.date):
            return True
        if big.date != small.date:
            return False
        # More parties, or the same number with a person where the other names a country only.
        return len(big.participants) > len(small.participants) or not self.actors.covers(small.participants, big.participants)

    def _near_in_time(self, small: _Cluster, big: _Cluster) -> bool:
        """An undated report reaches another document's meeting only within a year before it was published."""
        if small.date is not None:
            return True
        meeting = as_date(big.date)
        published = [r.published for r in small.reports]
        if meeting is None or not all(published):
            return False
        window = dt.timedelta(days=self.rules.cross_document_days)
        return all(day - window <= meeting <= day + dt.timedelta(days=1) for day in cast("list[dt.date]", published))

    def _around(self, cluster: _Cluster) -> list[_Cluster]:
        """Clusters holding every side of ``cluster``: the only ones it may merge into."""
        pair = min(_pairs(cluster.sides), key=lambda p: len(self.by_pair.get(p, ())))
        return [
            c for c in self.by_pair.get(pair, ())
            if c is not cluster and id(c) not in self.merged_away and cluster.sides <= c.sides
        ]

    def _target(self, cluster: _Cluster) -> _Cluster | None:
        candidates = [other for other in self._around(cluster) if self._finer(cluster, other) and self._places_agree(cluster, other)]
        candidates = self._of_like_status(cluster, candidates)
        if not candidates:
            return None
        same_document = [c for c in candidates if c.docs & cluster.docs]
        if same_document:
            candidates = same_document
        else:
            candidates = [c for c in candidates if self._near_in_time(cluster, c)]
        # A meeting rather than what was signed at one (the talks of the 5th, not the signing of the 6th).
        candidates = [c for c in candidates if c.anchored(self.rules)] or candidates
        if len(candidates) > 1:
            exact = [c for c in candidates if c.sides == cluster.sides]
            candidates = exact or candidates
        if len(candidates) > 1:
            candidates = self._closest(cluster, candidates)
        if len(candidates) > 1:  # several meetings fit: take the most precise if it is one alone
            best = max(_precision(c.date) for c in candidates)
            candidates = [c for c in candidates if _precision(c.date) == best]
        if len(candidates) > 1 and _only_visits(cluster) and len(cluster.date or "") >= 10 and all(c.docs & cluster.docs for c in candidates):
            # A trip of a known day frames each of its talks in its document (丁薛祥訪俄, co-chairing
            # with 曼圖羅夫 and with 諾瓦克): it is no row of its own, and the first holds its sentence.
            return min(candidates, key=lambda c: min((r.doc, r.source.start) for r in c.reports if r.doc in cluster.docs))
        if len(candidates) > 1 and not any(c.held for c in candidates):
            # Of several announced meetings (the talks on the 6th, the dinner on the 7th), which
            # one an undated mention names does not matter: none is a row.
            return min(candidates, key=lambda c: c.date or "")
        return candidates[0] if len(candidates) == 1 else None

    def _of_like_status(self, cluster: _Cluster, candidates: list[_Cluster]) -> list[_Cluster]:
        """The meetings ``cluster`` may join by status: a meeting held joins a held one; a mention
        with none to join is the meeting its document announces or calls off, when their dates
        agree (外界關注「習川會」 beside 習近平將於6日與川普會晤; 美俄峰會 beside 取消與普亭的會談),
        never by a visit's days (the arrival before planned talks happened); an announced meeting
        joins announced ones alone, so no plan enters a held meeting's sources."""
        if not cluster.held:
            return [c for c in candidates if not c.held]
        held = [c for c in candidates if c.held]
        return held or [c for c in candidates if c.docs & cluster.docs and _agrees(cluster.date, c.date)]

    def _closest(self, cluster: _Cluster, candidates: list[_Cluster]) -> list[_Cluster]:
        """Of several meetings a report fits, those naming each of its people (布林肯訪問北京 joins
        his talks with 秦剛, not the ambassador's errand the same day), of those the one of the
        very same participants if there is one (赤澤訪美 joins his talks with the United States
        that day, not his call on Trump), then, for a report dated to the day, those nearest in
        days (the talks of the 18th, not the 19th's of the same visit)."""
        people = [p for p in cluster.participants if self.actors.type_of(p) != "country"]
        naming = [c for c in candidates if all(p in c.participants for p in people)]
        candidates = naming or candidates
        same = [c for c in candidates if c.participants == cluster.participants]
        candidates = same if len(same) == 1 else candidates
        day = as_date(cluster.date) if len(cluster.date or "") >= 10 else None
        if day is None:
            return candidates
        apart = {id(c): abs((d - day).days) for c in candidates if (d := as_date(c.date) if len(c.date or "") >= 10 else None)}
        if len(apart) < len(candidates):
            return candidates
        nearest = min(apart.values())
        return [c for c in candidates if apart[id(c)] == nearest]

    def _absorb(self, target: _Cluster, cluster: _Cluster) -> None:
        target.reports.extend(cluster.reports)
        merged = frozenset(self.actors.prefer_people([*target.participants, *cluster.participants]))
        if self._sides(merged) == target.sides:
            target.participants = merged  # Trump and Malaysia met: Anwar Ibrahim is the one named
        self.merged_away.add(id(cluster))

    def merge(self) -> list[_Cluster]:
        """Merge the least precise reports first, until no report finds a meeting to join."""
        changed = True
        while changed:
            changed = False
            for cluster in sorted(self.clusters, key=lambda c: (_precision(c.date), len(c.participants))):
                if id(cluster) in self.merged_away:
                    continue
                target = self._target(cluster)
                if target is not None:
                    self._absorb(target, cluster)
                    changed = True
            changed = self._join_twins() or changed
        self.clusters = [c for c in self.clusters if id(c) not in self.merged_away]
        self._join_undated()
        return [c for c in self.clusters if c.anchored(self.rules) and c.held]

    def _join_twins(self) -> bool:
        """Join the meetings a merge has made alike: 習近平與塔吉克斯坦 on the 28th, renamed by the
        undated 習近平同拉赫蒙會談 of its article it took in, is the talks with Rahmon on the 28th
        another article reports, not a second row of the same id. Whether any were joined."""
        seen: dict[tuple[frozenset[str], str | None], list[_Cluster]] = {}
        joined = False
        for cluster in self.clusters:
            if id(cluster) in self.merged_away:
                continue
            alike = seen.setdefault((cluster.participants, cluster.date), [])
            # Undated meetings are one only within a document, as when the reports were first keyed.
            twin = next((c for c in alike if (cluster.date is not None or c.docs & cluster.docs) and c.held == cluster.held), None)
            if twin is None:
                alike.append(cluster)
                continue
            twin.reports.extend(cluster.reports)
            twin.held |= cluster.held
            self.merged_away.add(id(cluster))
            joined = True
        return joined

    def _join_undated(self) -> None:
        """Undated reports of the same parties in documents published within the window of
        one another are one meeting (Trump and Naruhito in two articles on one trip)."""
        window = dt.timedelta(days=self.rules.cross_document_days)
        by_parties: dict[frozenset[str], list[_Cluster]] = {}
        for cluster in self.clusters:
            if cluster.date is None:
                by_parties.setdefault(cluster.participants, []).append(cluster)
        gone: set[int] = set()
        for group in by_parties.values():
            for cluster in group:
                days = [r.published for r in cluster.reports]
                if id(cluster) in gone or not all(days):
                    continue
                for other in group:
                    others = [r.published for r in other.reports]
                    if other is cluster or id(other) in gone or not all(others) or other.held != cluster.held:
                        continue
                    dated = cast("list[dt.date]", days + others)  # all dated, as checked above
                    if max(dated) - min(dated) <= window:
                        cluster.reports.extend(other.reports)
                        gone.add(id(other))
                        days += others
        self.clusters = [c for c in self.clusters if id(c) not in gone]


def _only_visits(cluster: _Cluster) -> bool:
    return all(r.event.mode == "visit" for r in cluster.reports)


def _pairs(sides: frozenset[str]) -> list[frozenset[str]]:
    ordered = sorted(sides)
    return [frozenset((a, b)) for i, a in enumerate(ordered) for b in ordered[i + 1 :]]


def meeting_id(participants: Iterable[str], date: str | None, documents: Iterable[str] = ()) -> str:
    """Stable id of a meeting: a hash of its participants and date (and, when it has no date,
    of the documents reporting it, which then tell one undated meeting from another)."""
    key = ",".join(sorted(participants)) + "|" + (date or "") + ("|" + ",".join(sorted(documents)) if date is None else "")
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]


def _meeting(cluster: _Cluster, actors: Actors, rules: _Rules) -> Meeting:
    participants = sorted(cluster.participants, key=lambda p: (actors.type_of(p) != "person", actors.name(p) or p))
    own = [r for r in cluster.reports
           if r.held(rules) and r.event.date == cluster.date and cluster.participants <= r.participants | {actors.side(p) for p in r.participants}]
    places = Counter(r.event.place for r in own if r.event.place) or Counter(r.event.place for r in cluster.reports if r.event.place)
    modes = [r.event.mode for r in cluster.reports if (r.event.type, r.event.mode) in rules.anchors]
    mode = min(modes, key=lambda m: rules.mode_order.index(m) if m in rules.mode_order else len(rules.mode_order)) if modes else None
    status = "reported" if any(r.event.status == "reported" for r in cluster.reports) else "claimed"
    return Meeting(
        id=meeting_id(cluster.participants, cluster.date, cluster.docs),
        participants=tuple(participants),
        names=tuple(actors.name(p) or p for p in participants),
        date=cluster.date,
        place=places.most_common(1)[0][0] if places else None,
        mode=mode,
        status=status,
        sources=unique_sources(r.source for r in cluster.reports),
    )


def _within(date: str | None, since: str | None, until: str | None) -> bool:
    if since is None and until is None:
        return True
    if date is None:
        return False
    if since is not None and date < since[: len(date)]:
        return False
    return until is None or date <= until[: len(date)]


def meetings(
    records: Sequence[Record], actor: str | None = None, since: str | None = None, until: str | None = None
) -> list[Meeting]:
    """Every distinct meeting the records report, oldest first (undated last).

    ``actor`` keeps meetings with that participant (a name, id or alias; a country also
    matches its people); ``since``/``until`` (ISO dates, any precision) keep meetings whose
    date agrees with the range at the date's own precision.
    """
    records = list(records)
    actors = Actors(records)
    rows = merge_meetings([report for record in records for report in meeting_reports(record, actors)], actors)
    if actor is not None:
        wanted = actors.resolve(actor)
        rows = [m for m in rows if any(actors.matches(p, wanted) for p in m.participants)]
    rows = [m for m in rows if _within(m.date, since, until)]
    return sorted(rows, key=meeting_order)


def merge_meetings(reports: Sequence[MeetingReport], actors: Actors) -> list[Meeting]:
    """The meetings a list of reports makes, each report kept as a source of its meeting; the
    reports come in record order (publication date, document id, event)."""
    rules = _rules()
    clusters = _Merger(list(reports), actors, rules).merge()
    return [_meeting(cluster, actors, rules) for cluster in clusters]


# -- reports and meetings as the store keeps them --------------------------------------------------
def report_data(report: MeetingReport) -> dict[str, Any]:
    """A report as JSON for the store's report table: what merging and citing read of its event."""
    event = report.event
    return {
        "doc": report.doc,
        "published": report.published.isoformat() if report.published else None,
        "participants": sorted(report.participants),
        "source": source_data(report.source),
        "event": {
            "type": event.type, "mode": event.mode, "source": list(event.source), "target": list(event.target),
            "date": event.date, "place": event.place, "status": event.status, "claimed_by": event.claimed_by,
            "evidence": [event.evidence.start, event.evidence.end], "summary": event.summary, "cameo": event.cameo,
            "date_from": event.date_from,  # a headline dated by publication joins its body's meeting in the store too
        },
    }


def report_from_data(data: dict[str, Any]) -> MeetingReport:
    event = dict(data["event"])
    event.update(source=tuple(event["source"]), target=tuple(event["target"]), evidence=Span(*event["evidence"]), quantities=(),
                 date_from=event.get("date_from"))  # None in reports stored before it was kept
    return MeetingReport(
        doc=data["doc"],
        published=dt.date.fromisoformat(data["published"]) if data["published"] else None,
        event=Event(**event),
        participants=frozenset(data["participants"]),
        source=source_from_data(data["source"]),
    )


def meeting_data(meeting: Meeting) -> dict[str, Any]:
    """A meeting whole (its sources' paths and claimants too), for the store's meetings table."""
    return {
        "id": meeting.id,
        "participants": list(meeting.participants),
        "names": list(meeting.names),
        "date": meeting.date,
        "place": meeting.place,
        "mode": meeting.mode,
        "status": meeting.status,
        "sources": [source_data(s) for s in meeting.sources],
    }


def meeting_from_data(data: dict[str, Any]) -> Meeting:
    return Meeting(
        id=data["id"],
        participants=tuple(data["participants"]),
        names=tuple(data["names"]),
        date=data["date"],
        place=data["place"],
        mode=data["mode"],
        status=data["status"],
        sources=tuple(source_from_data(s) for s in data["sources"]),
    )


def meeting_order(meeting: Meeting) -> tuple[Any, ...]:
    """Oldest first, undated last, then by the participants' names."""
    return (meeting.date is None, meeting.date or "", meeting.names)
