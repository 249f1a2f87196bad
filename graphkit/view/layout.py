"""Positions and sizes, computed once in Python so the page opens still.

Meetings sit on a time axis (x grows with the date); each meeting's agenda items
hang below it in order; programmes and organisations sit above the axis and
people below the items, each near the meetings it belongs to. Anything not
connected to a meeting is laid out with networkx's spring layout beside the axis.
Node size comes from a networkx centrality measure.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict

from ..errors import ConfigError
from .data import Entity, ViewGraph

__all__ = ["MEASURES", "Layout", "layout", "sizes"]

MEASURES = ("degree", "betweenness")
PX_PER_DAY = 1.0
MIN_GAP = 150.0  # between neighbouring meetings, so item columns do not touch
MAX_GAP = 500.0  # a long silence still reads as a gap without wasting the screen
ITEM_TOP, ITEM_STEP = 110.0, 46.0
ROW_STEP = 60.0
SEP = {"programme": 210.0, "organisation": 210.0, "person": 160.0}
MAX_ROWS = 8
# band -> (direction, first row's distance from the axis)
BANDS = {"programme": (-1, 170.0), "organisation": (-1, None), "person": (1, None)}


class Layout:
    """x, y per IRI, and the year marks along the axis."""

    def __init__(self) -> None:
        self.pos: dict[str, tuple[float, float]] = {}
        self.axis: list[tuple[int, float]] = []
        self.bounds: tuple[float, float] = (0.0, 0.0)


def _day(date: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(date[:10]) if date else None
    except ValueError:
        return None


def _time_axis(meetings: list[Entity], out: Layout) -> dict[str, float]:
    """x per meeting: monotone in date, gaps proportional within bounds."""
    dated = sorted(
        ((day, m) for m in meetings if (day := _day(m.date)) is not None),
        key=lambda dm: (dm[0], dm[1].label, dm[1].iri),
    )
    xs: dict[str, float] = {}
    marks: list[tuple[dt.date, float]] = []
    prev: dt.date | None = None
    x = 0.0
    for day, m in dated:
        if prev is not None:
            x += min(max((day - prev).days * PX_PER_DAY, MIN_GAP), MAX_GAP)
        xs[m.iri] = x
        marks.append((day, x))
        prev = day
    # undated meetings go before the axis starts
    undated = sorted((m for m in meetings if m.iri not in xs), key=lambda m: (m.label, m.iri))
    for n, m in enumerate(undated, 1):
        xs[m.iri] = -MIN_GAP * n - (MIN_GAP if dated else 0)
    if marks:
        first, last = marks[0][0].year, marks[-1][0].year
        for year in range(first + 1, last + 1):
            out.axis.append((year, _interpolate(marks, dt.date(year, 1, 1))))
        start = marks[0][1] - MIN_GAP / 2
        if not out.axis or out.axis[0][1] - start >= MIN_GAP:  # labels must not overlap
            out.axis.insert(0, (first, start))
    return xs


def _interpolate(marks: list[tuple[dt.date, float]], day: dt.date) -> float:
    for (d0, x0), (d1, x1) in zip(marks, marks[1:], strict=False):
        if d0 <= day <= d1:
            span = (d1 - d0).days or 1
            return round(x0 + (x1 - x0) * (day - d0).days / span, 1)
    return marks[-1][1]


def _pack(
    anchors: list[tuple[float, str]], direction: int, first: float, sep: float
) -> dict[str, tuple[float, float]]:
    """Place each node in the free grid slot nearest its anchor x.

    Slots are ``sep`` apart in a row and rows stack away from the axis; moving
    one row costs less than moving one slot sideways, so crowds form short,
    wide blocks under the meetings they belong to.

    >>> _pack([(0.0, "a"), (0.0, "b"), (0.0, "c"), (0.0, "d")], 1, 100.0, 100.0)
    {'a': (0.0, 100.0), 'b': (0.0, 160.0), 'c': (-100.0, 100.0), 'd': (100.0, 100.0)}
    """
    taken: set[tuple[int, int]] = set()
    out: dict[str, tuple[float, float]] = {}
    row_cost = ROW_STEP * 1.4
    for x, iri in sorted(anchors):
        home = round(x / sep)
        best: tuple[float, int, int] | None = None
        radius = 0
        while best is None or best[0] > (radius - 0.5) * sep:
            for col in sorted({home - radius, home + radius}):
                for row in range(MAX_ROWS):
                    if (col, row) in taken:
                        continue
                    cost = abs(col * sep - x) + row * row_cost
                    if best is None or cost < best[0]:
                        best = (cost, col, row)
                    break  # lower rows of this column cost more
            radius += 1
        _, col, row = best
        taken.add((col, row))
        out[iri] = (col * sep, direction * (first + row * ROW_STEP))
    return out


def layout(graph: ViewGraph, keep: set[str] | frozenset[str]) -> Layout:
    """Positions for the entities in ``keep`` (deterministic: no clocks, fixed seeds)."""
    import networkx as nx

    out = Layout()
    ents = {iri: graph.entities[iri] for iri in sorted(keep)}
    xs = _time_axis([e for e in ents.values() if e.type == "meeting"], out)
    pos = {iri: (x, 0.0) for iri, x in xs.items()}
    by_meeting: dict[str, list[Entity]] = defaultdict(list)
    for e in ents.values():
        if e.type == "item" and e.meeting in xs:
            by_meeting[e.meeting].append(e)
    deepest = ITEM_TOP
    for meeting, items in by_meeting.items():
        for n, item in enumerate(sorted(items, key=lambda i: (i.position, i.label, i.iri))):
            y = ITEM_TOP + n * ITEM_STEP
            pos[item.iri] = (xs[meeting], y)
            deepest = max(deepest, y)
    # anchors: the mean x of the placed nodes each entity touches, spread twice
    near: dict[str, set[str]] = defaultdict(set)
    for edge in graph.edges:
        if edge.source in ents and edge.target in ents:
            near[edge.source].add(edge.target)
            near[edge.target].add(edge.source)
    anchor: dict[str, float] = {}
    for _round in range(2):
        for iri in ents:
            if iri in pos or iri in anchor:
                continue
            placed = [
                pos[n][0] if n in pos else anchor[n]
                for n in sorted(near[iri])
                if n in pos or n in anchor
            ]
            if placed:
                anchor[iri] = sum(placed) / len(placed)
    top = 170.0
    for kind in ("programme", "organisation", "person"):
        direction, first = BANDS[kind]
        if first is None:
            first = top if direction < 0 else deepest + 170.0
        band = [(round(anchor[i], 1), i) for i, e in ents.items() if e.type == kind and i in anchor]
        packed = _pack(band, direction, first, SEP[kind])
        pos.update(packed)
        if direction < 0 and packed:
            top = max(-y for _, y in packed.values()) + 140.0
    # the rest: components with no path to a meeting, beside the axis
    rest = sorted(i for i in ents if i not in pos)
    if rest:
        left = min((x for x, _ in pos.values()), default=0.0) - 400.0
        sub = nx.Graph()
        sub.add_nodes_from(rest)
        sub.add_edges_from((a, b) for a in rest for b in sorted(near[a]) if b in sub)
        spread = nx.spring_layout(sub, seed=7, k=1.5 / math.sqrt(len(rest)), iterations=60)
        width = 120.0 * math.sqrt(len(rest)) + 100.0
        for iri, (x, y) in spread.items():
            pos[iri] = (left - width / 2 + float(x) * width / 2, float(y) * width / 2)
    out.pos = {iri: (round(x, 1), round(y, 1)) for iri, (x, y) in pos.items()}
    ys = [y for _, y in out.pos.values()] or [0.0]
    out.bounds = (min(ys) - 60.0, max(ys) + 60.0)
    return out


def sizes(
    graph: ViewGraph, keep: set[str] | frozenset[str], *, measure: str = "degree"
) -> dict[str, float]:
    """Node size in pixels from a networkx centrality measure over the shown graph."""
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
