"""Focused views: one topic, one person, a span of dates, or the best-connected part.

A focus keeps a set of meetings and agenda items (the record) and then the
people, programmes and organisations around them (the context), so a large
graph can be written as a small view that still tells the whole story.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from ..errors import ConfigError
from .data import Entity, ViewGraph

__all__ = ["Focus", "cap", "date_bound", "find_entity", "select"]


@dataclass(frozen=True)
class Focus:
    """What a focused view keeps, and the words that describe it."""

    keep: frozenset[str]
    topic: str | None = None  # IRI of the programme to trace, when --topic was given
    person: str | None = None
    description: str = ""


def date_bound(text: str, *, end: bool = False) -> str:
    """An ISO date from a year, a year-month or a date; ``end`` takes the last day.

    >>> date_bound("2021"), date_bound("2021", end=True), date_bound("2024-02", end=True)
    ('2021-01-01', '2021-12-31', '2024-02-29')
    >>> date_bound("2021-06-24")
    '2021-06-24'
    """
    import calendar
    import datetime as dt

    text = text.strip()
    try:
        if re.fullmatch(r"\d{4}", text):
            return f"{text}-12-31" if end else f"{text}-01-01"
        if re.fullmatch(r"\d{4}-\d{2}", text):
            year, month = int(text[:4]), int(text[5:])
            day = calendar.monthrange(year, month)[1] if end else 1
            return dt.date(year, month, day).isoformat()
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return dt.date.fromisoformat(text).isoformat()
    except (ValueError, calendar.IllegalMonthError):
        pass
    raise ConfigError(
        f"{text!r} is not a date; give a year (2021), a month (2021-06) or a date (2021-06-24)"
    )


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def find_entity(graph: ViewGraph, name: str, *, kind: str) -> Entity:
    """The one entity of ``kind`` whose IRI or any label matches ``name``.

    An exact label (or IRI) wins; otherwise a unique label containing ``name``.
    """
    wanted = _norm(name)
    pool = sorted((e for e in graph.entities.values() if e.type == kind), key=lambda e: e.label)
    exact = [e for e in pool if e.iri == name or wanted in {_norm(x) for x in e.labels}]
    found = exact or [e for e in pool if any(wanted in _norm(x) for x in e.labels)]
    if len(found) == 1:
        return found[0]
    noun, nouns = {
        "programme": ("programme or topic", "programmes and topics"),
        "person": ("person", "people"),
    }.get(kind, (kind, kind + "s"))
    if not found:
        import difflib

        labels = sorted({x for e in pool for x in e.labels})
        close = difflib.get_close_matches(name, labels, n=8, cutoff=0.5)
        hint = (
            f"close matches: {'; '.join(close)}"
            if close
            else (
                "choose one of: "
                + "; ".join(e.label for e in pool[:12])
                + (f" (and {len(pool) - 12} more)" if len(pool) > 12 else "")
                if pool
                else f"this graph has no {nouns}"
            )
        )
        raise ConfigError(f"no {noun} matches {name!r}; {hint}")
    names = "; ".join(f"{e.label} <{e.iri}>" for e in found[:10])
    more = f" and {len(found) - 10} more" if len(found) > 10 else ""
    raise ConfigError(
        f"{name!r} matches {len(found)} {nouns}: {names}{more}; give a fuller name or the IRI"
    )


def _neighbours(graph: ViewGraph) -> dict[str, set[str]]:
    near: dict[str, set[str]] = defaultdict(set)
    for e in graph.edges:
        near[e.source].add(e.target)
        near[e.target].add(e.source)
    return near


def select(
    graph: ViewGraph,
    *,
    topic: str | None = None,
    person: str | None = None,
    start: str | None = None,
    end: str | None = None,
) -> Focus:
    """The part of ``graph`` a focused view shows (everything when no option is given)."""
    ents = graph.entities
    if topic is None and person is None and start is None and end is None:
        return Focus(keep=frozenset(ents))
    near = _neighbours(graph)
    lo = date_bound(start) if start else "0000-00-00"
    hi = date_bound(end, end=True) if end else "9999-99-99"
    if lo > hi:
        raise ConfigError(f"--from {start} is after --to {end}; swap them")
    record = {
        iri
        for iri, e in ents.items()
        if e.type in ("meeting", "item") and e.date and lo <= e.date <= hi
    }
    if start is None and end is None:  # undated meetings count when no dates are asked for
        record |= {iri for iri, e in ents.items() if e.type in ("meeting", "item")}
    centre: list[Entity] = []
    said = []
    for name, kind in ((topic, "programme"), (person, "person")):
        if name is None:
            continue
        ent = find_entity(graph, name, kind=kind)
        centre.append(ent)
        said.append(ent.label)
        items = {n for n in near[ent.iri] if ents[n].type == "item"}
        meetings = {m for i in items if (m := ents[i].meeting)}
        if kind == "person":
            meetings |= {n for n in near[ent.iri] if ents[n].type == "meeting"}
        record &= items | meetings
    # an item's meeting comes with it
    record |= {m for i in record if ents[i].type == "item" and (m := ents[i].meeting)}
    keep = set(record) | {e.iri for e in centre}
    for iri in record:
        keep |= {n for n in near[iri] if ents[n].type not in ("meeting", "item")}
    if start or end:
        said.append(f"{start or 'the start'} to {end or 'the end'}")
    topic_iri = next((e.iri for e in centre if e.type == "programme"), None)
    person_iri = next((e.iri for e in centre if e.type == "person"), None)
    return Focus(
        keep=frozenset(keep),
        topic=topic_iri,
        person=person_iri,
        description="Focused on " + ", ".join(said),
    )


TIER = {"meeting": 1, "programme": 2, "person": 3, "organisation": 3, "item": 4}


def cap(graph: ViewGraph, focus: Focus, *, max_nodes: int) -> tuple[Focus, int]:
    """Keep at most ``max_nodes``: the focus, then meetings, then the best connected.

    Returns the smaller focus and how many nodes were left out.
    """
    if len(focus.keep) <= max_nodes:
        return focus, 0
    degree: dict[str, int] = defaultdict(int)
    for e in graph.edges:
        if e.source in focus.keep and e.target in focus.keep:
            degree[e.source] += 1
            degree[e.target] += 1
    centre = {focus.topic, focus.person}
    ranked = sorted(
        focus.keep,
        key=lambda iri: (
            0 if iri in centre else TIER[graph.entities[iri].type],
            -degree[iri],
            iri,
        ),
    )
    keep = set(ranked[:max_nodes])
    keep = {
        iri
        for iri in keep
        if graph.entities[iri].type != "item" or graph.entities[iri].meeting in keep
    }
    left_out = len(focus.keep) - len(keep)
    return Focus(
        keep=frozenset(keep), topic=focus.topic, person=focus.person, description=focus.description
    ), left_out
