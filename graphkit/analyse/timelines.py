"""A programme over time: the meetings that discussed it, its gaps and its people; the
most discussed programmes by year."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from .lookup import find_entities
from .projection import projected
from .tables import AnalysisError, Table


# -- a programme's timeline -------------------------------------------------------------------
@dataclass(frozen=True)
class Timeline:
    """When a programme (or every programme matching a name) was discussed."""

    query: str
    programmes: tuple[str, ...]  # labels of the programmes matched
    meetings: tuple[tuple[str, str, tuple[str, ...]], ...]  # (date, meeting label, item titles)
    per_year: dict[int, int]
    gaps: tuple[tuple[str, str, int], ...]  # (from, to, days) where more than a year passed
    people: tuple[tuple[str, int, int, int, int], ...]  # (name, named_in, leads, actions, attended)

    @property
    def dates(self) -> list[dt.date]:
        """The meeting dates, in order."""
        return [dt.date.fromisoformat(d) for d, _, _ in self.meetings]

    @property
    def first(self) -> str:
        return self.meetings[0][0] if self.meetings else ""

    @property
    def last(self) -> str:
        return self.meetings[-1][0] if self.meetings else ""

    def tables(self, *, people: int = 10) -> list[Table]:
        """The timeline as tables: summary, meetings per year, meetings, gaps, people."""
        name = "; ".join(self.programmes)
        summary = Table(
            "timeline",
            f"Timeline of {name}",
            ("programme", "meetings", "first", "last", "years"),
            ((name, len(self.meetings), self.first, self.last, len(self.per_year)),),
        )
        years = Table(
            "timeline-years",
            f"{name}: meetings per year",
            ("year", "meetings"),
            tuple(sorted(self.per_year.items())),
        )
        meetings = Table(
            "timeline-meetings",
            f"{name}: meetings that discussed it",
            ("date", "meeting", "items"),
            tuple((d, m, list(t)) for d, m, t in self.meetings),
        )
        gaps = Table(
            "timeline-gaps",
            f"{name}: gaps of more than a year",
            ("from", "to", "days"),
            self.gaps,
        )
        who = Table(
            "timeline-people",
            f"{name}: people most associated",
            ("name", "named_in", "leads", "actions", "attended"),
            self.people[:people],
            ("ranked by items naming them, then leads, actions and meetings attended",),
        )
        return [summary, years, meetings, gaps, who]


def programme_timeline(source: Any, programme: str) -> Timeline:
    """The timeline of every programme whose labels match ``programme`` (or its IRI):
    the meetings that discussed it with the item titles, meetings per calendar year,
    first and last discussion, gaps longer than a year (365 days), and the people most
    associated (named in its items, leading its work-programme entries, agents of
    actions in its items, attending the meetings that discussed it)."""
    graph = projected(source)
    found = find_entities(graph, programme, kinds=("programme",))
    if not found:
        raise AnalysisError(f"no programme or topic matches {programme!r}")
    concepts = set(found)
    items = [
        (iri, info)
        for iri, info in graph.graph["items"].items()
        if concepts & set(info["programmes"])
    ]
    by_meeting: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for _iri, info in items:
        by_meeting[info["meeting"]].append((info["position"], info["title"]))
    meetings = sorted(
        (graph.nodes[m]["date"], graph.nodes[m]["label"], tuple(t for _, t in sorted(titles)))
        for m, titles in by_meeting.items()
    )
    per_year = Counter(int(d[:4]) for d, _, _ in meetings)
    gaps = []
    for (a, _, _), (b, _, _) in zip(meetings, meetings[1:], strict=False):
        days = (dt.date.fromisoformat(b) - dt.date.fromisoformat(a)).days
        if days > 365:
            gaps.append((a, b, days))
    return Timeline(
        query=programme,
        programmes=tuple(sorted(graph.nodes[c]["label"] for c in concepts)),
        meetings=tuple(meetings),
        per_year=dict(sorted(per_year.items())),
        gaps=tuple(gaps),
        people=_associated_people(graph, concepts, items, by_meeting),
    )


def _associated_people(
    graph: Any,
    concepts: set[str],
    items: list[tuple[str, dict[str, Any]]],
    by_meeting: dict[str, list[tuple[int, str]]],
) -> tuple[tuple[Any, ...], ...]:
    """(label, named, leads, actions, attended) per person, most associated first."""
    score: dict[str, list[set[str]]] = defaultdict(lambda: [set(), set(), set(), set()])
    for iri, info in items:
        for p in info["people"]:
            score[p][0].add(iri)
        for p in info["agents"]:
            score[p][2].add(iri)
        for p in by_meeting:
            for person in graph.neighbors(p):
                if graph.nodes[person]["kind"] == "person" and "attended" in graph.edges[
                    person, p
                ].get("relations", ()):
                    score[person][3].add(p)
    for entry, info in graph.graph["entries"].items():
        if concepts & set(info["programmes"]):
            for p in info["leads"]:
                score[p][1].add(entry)
    people = sorted(
        (
            (graph.nodes[p]["label"], *(len(s) for s in sets))
            for p, sets in score.items()
            if p in graph
        ),
        key=lambda r: (-r[1], -r[2], -r[3], -r[4], r[0]),
    )
    return tuple(people)


def top_programmes(source: Any, top: int = 10) -> list[tuple[str, str, dict[int, int]]]:
    """The ``top`` programmes discussed at the most meetings: (IRI, label, meetings per
    calendar year), most discussed first (ties: more items, then the label)."""
    graph = projected(source)
    counts = []
    for node, data in graph.nodes(data=True):
        if data["kind"] != "programme":
            continue
        meetings = [
            m
            for m in graph.neighbors(node)
            if graph.nodes[m]["kind"] == "meeting"
            and "discussed" in graph.edges[node, m]["relations"]
        ]
        if not meetings:
            continue
        n_items = sum(
            1
            for m in meetings
            for e in graph.edges[node, m]["evidence"]
            if e["relation"] == "discussed"
        )
        years = Counter(graph.nodes[m]["year"] for m in meetings)
        counts.append((-len(meetings), -n_items, data["label"], node, dict(sorted(years.items()))))
    counts.sort()
    return [(node, label, years) for _, _, label, node, years in counts[:top]]
