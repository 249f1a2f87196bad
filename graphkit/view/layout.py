"""What the timeline needs from Python: day numbers, item order and node weights.

The page draws time as a proportional axis (a month is a month), so the only
geometry fixed here is *when* each meeting and item happened, as a whole number
of days since 1970-01-01; the page turns days into pixels for the width of the
screen and the zoom. Items keep their agenda order under their meeting. Node
weight comes from a networkx centrality measure and decides which lanes show
first and which stay collapsed until asked for.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from dataclasses import dataclass, field

from ..errors import ConfigError
from .data import ViewGraph

__all__ = ["MEASURES", "Layout", "day_number", "layout", "municipal_year", "sizes"]

MEASURES = ("degree", "betweenness")
EPOCH = dt.date(1970, 1, 1)


@dataclass
class Layout:
    """Days since 1970 per dated meeting and item, agenda order per item, and the span."""

    days: dict[str, int] = field(default_factory=dict)
    order: dict[str, int] = field(default_factory=dict)
    span: tuple[int, int] | None = None  # first and last meeting day


def day_number(date: str | None) -> int | None:
    """Whole days from 1970-01-01 to an ISO date (``None`` when there is no date).

    >>> day_number("1970-01-02"), day_number("2021-06-24"), day_number("June"), day_number(None)
    (1, 18802, None, None)
    """
    try:
        return (dt.date.fromisoformat(date[:10]) - EPOCH).days if date else None
    except ValueError:
        return None


def municipal_year(date: str) -> str:
    """The council year (May to April) a date falls in, written as councils write it.

    >>> municipal_year("2021-06-24"), municipal_year("2022-03-17"), municipal_year("2022-05-01")
    ('2021/22', '2021/22', '2022/23')
    """
    year, month = int(date[:4]), int(date[5:7])
    start = year if month >= 5 else year - 1
    return f"{start}/{(start + 1) % 100:02d}"


def layout(graph: ViewGraph, keep: set[str] | frozenset[str]) -> Layout:
    """Days and agenda order for the entities in ``keep`` (deterministic)."""
    out = Layout()
    ents = {iri: graph.entities[iri] for iri in sorted(keep)}
    by_meeting: dict[str, list[str]] = defaultdict(list)
    for iri, e in ents.items():
        if e.type in ("meeting", "item"):
            day = day_number(e.date)
            if day is not None:
                out.days[iri] = day
        if e.type == "item" and e.meeting in ents:
            by_meeting[e.meeting].append(iri)
    for items in by_meeting.values():
        items.sort(key=lambda i: (ents[i].position, ents[i].label, i))
        for n, iri in enumerate(items):
            out.order[iri] = n
    meeting_days = [d for i, d in out.days.items() if ents[i].type == "meeting"]
    if meeting_days:
        out.span = (min(meeting_days), max(meeting_days))
    return out


def sizes(
    graph: ViewGraph, keep: set[str] | frozenset[str], *, measure: str = "degree"
) -> dict[str, float]:
    """Node weight, 8 to 30, from a networkx centrality measure over the shown graph."""
    import networkx as nx

    if measure not in MEASURES:
        raise ConfigError(f"unknown size measure {measure!r}; choose one of {', '.join(MEASURES)}")
    g = nx.Graph()
    g.add_nodes_from(sorted(keep))
    g.add_edges_from(
        (e.source, e.target) for e in graph.edges if e.source in keep and e.target in keep
    )
    if measure == "degree":
        score = nx.degree_centrality(g) if len(g) > 1 else {n: 0.0 for n in g}
    else:
        # exact betweenness is O(nodes x edges); sample pivots on big graphs (fixed seed)
        k = None if len(g) <= 600 else 300
        score = nx.betweenness_centrality(g, k=k, seed=7)
    top = max(score.values(), default=0.0) or 1.0
    return {n: round(8.0 + 22.0 * math.sqrt(score[n] / top), 1) for n in g}
