"""Read a graph in the contract vocabulary into what the view shows.

Five kinds of node (meetings, agenda items, people, programmes, organisations),
typed edges between them, and for each node the details its panel lists:
labels, roles with dates, attendance, resolutions and the evidence passages.
Everything here is plain text; the page renders it with ``textContent`` only.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

from rdflib import Dataset, Literal, URIRef
from rdflib.term import Node

from ..graph.vocabulary import CAPACITY_OF, STATUS_OF
from ..quads import Quads
from ..vocab import DCTERMS, FOAF, GK, OA, ORG, PROV, RDF, RDFS, SCHEMA, SKOS, sorted_terms
from .index import _Index
from .requests import open_requests

__all__ = ["KINDS", "TYPES", "Edge", "Entity", "ViewGraph", "read_graph"]

# node type -> the classes that make it, in order of precedence
TYPES: dict[str, tuple[URIRef, ...]] = {
    "meeting": (GK.Meeting,),
    "item": (GK.AgendaItem,),
    "person": (SCHEMA.Person, FOAF.Person),
    "programme": (GK.Programme, SKOS.Concept),
    "organisation": (ORG.Organization, ORG.OrganizationalUnit, ORG.FormalOrganization),
}

# edge kind -> how the page reads it: (from the source's side, from the target's side)
KINDS: dict[str, tuple[str, str]] = {
    "part-of": ("agenda item of", "has agenda item"),
    "subject": ("discusses", "discussed in"),
    "mentions": ("names", "named in"),
    "agent": ("action by", "takes action in"),
    "organizer": ("organised by", "organises"),
    "attended": ("attended", "attended by"),
    "member": ("has a role in", "role held by"),
    "approves": ("approves the minutes of", "minutes approved at"),
    "references": ("refers to", "referred to by"),
    "sub-org": ("part of", "includes"),
    "evidence": ("named in", "names"),
}

# how the page words each term, from the one mapping the graph writes
STATUS_WORDS: dict[Node, str] = {term: value.value for term, value in STATUS_OF.items()}
CAPACITY_WORDS: dict[Node, str] = {term: value.words for term, value in CAPACITY_OF.items()}


@dataclass
class Entity:
    """One node of the view with the details its panel shows."""

    iri: str
    type: str
    label: str
    labels: list[str]  # preferred first, then every alias
    date: str | None = None  # meetings and items
    meeting: str | None = None  # an item's meeting (IRI)
    position: int = 0  # an item's order within its meeting
    topic: bool = False  # a skos:Concept that is not a named programme
    years: set[int] = field(default_factory=set)
    details: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, order=True)
class Edge:
    source: str
    target: str
    kind: str
    note: str = ""


_EDGE_ORDER = attrgetter("source", "target", "kind", "note")


@dataclass
class ViewGraph:
    title: str
    entities: dict[str, Entity]
    edges: list[Edge]


def _year(date: str | None) -> int | None:
    """The year of an ISO date, if it has one.

    >>> _year("2021-06-24"), _year(None), _year("June")
    (2021, None, None)
    """
    if date and len(date) >= 4 and date[:4].isdigit():
        return int(date[:4])
    return None


def _tail(iri: str) -> str:
    """A readable fallback label: the last path segment of an IRI.

    >>> _tail("https://w3id.org/graphkit/id/person/coventry/k-sandhu")
    'k-sandhu'
    """
    return iri.rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1] or iri


def _classify(idx: _Index) -> dict[URIRef, str]:
    kinds: dict[URIRef, str] = {}
    for kind, classes in TYPES.items():
        for cls in classes:
            for s in idx.of_type.get(cls, ()):
                if isinstance(s, URIRef) and s not in kinds:
                    kinds[s] = kind
    return kinds


def _labels(idx: _Index, s: URIRef) -> tuple[str, list[str]]:
    prefs = idx.texts(s, SKOS.prefLabel) or idx.texts(s, SCHEMA.name) or idx.texts(s, RDFS.label)
    alts = idx.texts(s, SKOS.altLabel) + idx.texts(s, SCHEMA.name)
    label = prefs[0] if prefs else _tail(str(s))
    labels = [label] + [a for a in dict.fromkeys(prefs[1:] + alts) if a != label]
    return label, labels


def _doc_name(idx: _Index, doc: Node) -> str:
    return idx.text(doc, DCTERMS.source) or idx.text(doc, DCTERMS.title) or _tail(str(doc))


def read_graph(ds: Dataset | Quads, *, title: str | None = None) -> ViewGraph:
    """The view's nodes, edges and details, read from ``ds`` (every named graph; or a
    :class:`~graphkit.quads.Quads` snapshot of it)."""
    idx = _Index(ds)
    kinds = _classify(idx)
    entities: dict[str, Entity] = {}
    for s in sorted_terms(kinds):
        kind = kinds[s]
        label, labels = _labels(idx, s)
        ent = Entity(iri=str(s), type=kind, label=label, labels=labels)
        ent.topic = kind == "programme" and s not in idx.of_type.get(GK.Programme, set())
        entities[str(s)] = ent

    edges: set[Edge] = set()

    def link(a: Node, b: Node, kind: str, note: str = "") -> None:
        if str(a) in entities and str(b) in entities and a != b:
            edges.add(Edge(str(a), str(b), kind, note))

    _meetings(idx, entities, link)
    _items(idx, entities, link)
    _attendance(idx, entities, link)
    _memberships(idx, entities, link)
    for s in kinds:
        for o in idx.all(s, ORG.subOrganizationOf):
            link(s, o, "sub-org")
    _evidence(idx, entities, edges, link)
    _planned(idx, entities)
    for item, rows in open_requests(idx).items():
        if item in entities:
            entities[item].details["requests"] = rows
    _years(entities, edges)
    if title is None:
        councils = sorted(
            e.label
            for e in entities.values()
            if URIRef(e.iri) in idx.of_type.get(ORG.FormalOrganization, ())
        )
        title = f"{councils[0]}: meetings, people and programmes" if councils else "graphkit view"
    # the order Edge's own comparison gives, with one key an edge rather than two a comparison
    return ViewGraph(title=title, entities=entities, edges=sorted(edges, key=_EDGE_ORDER))


def _meetings(idx: _Index, entities: dict[str, Entity], link: Any) -> None:
    for ent in entities.values():
        if ent.type != "meeting":
            continue
        s = URIRef(ent.iri)
        ent.date = idx.text(s, DCTERMS.date)
        facts = [["Date", ent.date or "unknown"]]
        for prop, name in ((SCHEMA.startDate, "Starts"), (SCHEMA.endDate, "Ends")):
            value = idx.text(s, prop)
            if value:
                facts.append([name, value.replace("T", " ")])
        location = idx.text(s, SCHEMA.location)
        if location:
            facts.append(["Venue", location])
        year = idx.text(s, GK.municipalYear)
        if year:
            facts.append(["Municipal year", year])
        ent.details["facts"] = facts
        ent.details["documents"] = sorted(
            {_doc_name(idx, d) for d in idx.all(s, PROV.wasDerivedFrom)}
        )
        for org in idx.all(s, SCHEMA.organizer):
            link(s, org, "organizer")
        for other in idx.all(s, GK.approvesMinutesOf):
            link(s, other, "approves")
        for other in idx.all(s, DCTERMS.references):
            link(s, other, "references")
        ent.years = {y for y in [_year(ent.date)] if y}


def _items(idx: _Index, entities: dict[str, Entity], link: Any) -> None:
    for ent in entities.values():
        if ent.type != "item":
            continue
        s = URIRef(ent.iri)
        meeting = idx.one(s, SCHEMA.superEvent)
        if meeting is not None and str(meeting) in entities:
            ent.meeting = str(meeting)
            ent.date = entities[str(meeting)].date
            link(s, meeting, "part-of")
        number = idx.text(s, DCTERMS.identifier)
        position = idx.one(s, SCHEMA.position)
        try:
            ent.position = int(str(position)) if position is not None else 0
        except ValueError:
            ent.position = 0
        title = idx.text(s, SCHEMA.name) or ent.label
        ent.label = f"{number}. {title}" if number else title
        ent.labels = [ent.label] + [v for v in ent.labels if v != ent.label]
        ent.details["facts"] = [["Meeting date", ent.date or "unknown"]] + (
            [["Item", number]] if number else []
        )
        texts = []
        for cls, word in ((GK.Resolution, "Resolved"), (GK.Action, "Action")):
            for part in idx.subjects(DCTERMS.isPartOf, s):
                if part in idx.of_type.get(cls, set()):
                    texts.append({"kind": word, "text": idx.text(part, RDF.value) or ""})
                    for agent in idx.all(part, SCHEMA.agent):
                        link(s, agent, "agent")
        ent.details["texts"] = texts
        ent.details["documents"] = sorted(
            {_doc_name(idx, d) for d in idx.all(s, PROV.wasDerivedFrom)}
        )
        for o in idx.all(s, DCTERMS.subject):
            link(s, o, "subject")
        for o in idx.all(s, SCHEMA.mentions):
            link(s, o, "mentions")


def _attendance(idx: _Index, entities: dict[str, Entity], link: Any) -> None:
    seen: set[tuple[str, str]] = set()
    rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for a in sorted_terms(idx.of_type.get(GK.Attendance, ())):
        meeting, person = idx.one(a, GK.meeting), idx.one(a, GK.attendee)
        if str(meeting) not in entities or str(person) not in entities:
            continue
        status_node, capacity_node = idx.one(a, GK.status), idx.one(a, GK.capacity)
        status = STATUS_WORDS.get(status_node, "listed") if status_node is not None else "listed"
        capacity = CAPACITY_WORDS.get(capacity_node, "") if capacity_node is not None else ""
        roles = idx.texts(a, GK.roleAsWritten)
        if meeting is not None and person in idx.all(meeting, GK.chair):
            roles = ["Chair"] + [r for r in roles if r != "Chair"]
        seen.add((str(meeting), str(person)))
        link(person, meeting, "attended", status)
        rows[str(meeting)].append(
            {
                "person": str(person),
                "meeting": str(meeting),
                "status": status,
                "capacity": capacity,
                "role": "; ".join(roles),
            }
        )
    # the shortcuts on the meeting, where a graph has them without attendance nodes
    for prop, status in (
        (SCHEMA.attendee, "present"),
        (GK.apologiesFrom, "apologies"),
        (GK.chair, "present"),
    ):
        for meeting in sorted_terms(idx.of_type.get(GK.Meeting, ())):
            for person in idx.all(meeting, prop):
                key = (str(meeting), str(person))
                if key in seen or str(person) not in entities or str(meeting) not in entities:
                    continue
                seen.add(key)
                link(person, meeting, "attended", status)
                rows[str(meeting)].append(
                    {
                        "person": str(person),
                        "meeting": str(meeting),
                        "status": status,
                        "capacity": "",
                        "role": "Chair" if prop == GK.chair else "",
                    }
                )
    for meeting_iri, entries in rows.items():
        entities[meeting_iri].details["attendance"] = entries
        for row in entries:
            entities[row["person"]].details.setdefault("attendance", []).append(row)


def _memberships(idx: _Index, entities: dict[str, Entity], link: Any) -> None:
    for m in sorted_terms(idx.of_type.get(ORG.Membership, ())):
        person, org = idx.one(m, ORG.member), idx.one(m, ORG.organization)
        if str(person) not in entities:
            continue
        role_node = idx.one(m, ORG.role)
        role = (idx.text(role_node, SKOS.prefLabel) if role_node is not None else None) or (
            _tail(str(role_node)) if role_node is not None else "member"
        )
        start, end = idx.text(m, SCHEMA.startDate), idx.text(m, SCHEMA.endDate)
        row = {
            "role": role,
            "org": str(org) if org is not None else "",
            "person": str(person),
            "start": start,
            "end": end,
        }
        entities[str(person)].details.setdefault("roles", []).append(row)
        if org is not None:
            link(person, org, "member", role)
            if str(org) in entities:
                entities[str(org)].details.setdefault("members", []).append(row)
        for y in (_year(start), _year(end)):
            if y:
                entities[str(person)].years.add(y)


def _evidence(idx: _Index, entities: dict[str, Entity], edges: set[Edge], link: Any) -> None:
    linked = {(e.source, e.target) for e in edges} | {(e.target, e.source) for e in edges}
    for ann in sorted_terms(idx.of_type.get(OA.Annotation, ())):
        item = idx.one(ann, GK.inItem)
        for body in idx.all(ann, OA.hasBody):
            if str(body) not in entities:
                continue
            for target in idx.all(ann, OA.hasTarget):
                doc = idx.one(target, OA.hasSource)
                quotes, start = [], None
                for sel in idx.all(target, OA.hasSelector):
                    quotes += idx.texts(sel, OA.exact)
                    value = idx.one(sel, OA.start)
                    if value is not None and isinstance(value, Literal):
                        start = value.toPython()
                if not quotes:
                    continue
                entities[str(body)].details.setdefault("evidence", []).append(
                    {
                        "quote": quotes[0],
                        "doc": _doc_name(idx, doc) if doc is not None else "",
                        "item": str(item) if item is not None else None,
                        "start": start if isinstance(start, int) else 0,
                    }
                )
            if item is not None and str(item) in entities and (str(item), str(body)) not in linked:
                link(body, item, "evidence")
                linked.add((str(item), str(body)))
                linked.add((str(body), str(item)))
    for ent in entities.values():
        rows = ent.details.get("evidence")
        if rows:
            rows.sort(key=lambda r: (r["doc"], r["start"], r["quote"]))


def _planned(idx: _Index, entities: dict[str, Entity]) -> None:
    """Work-programme entries: planned discussions of a programme, led by people."""
    for w in sorted_terms(idx.of_type.get(GK.WorkProgrammeEntry, ())):
        row = {
            "title": idx.text(w, SCHEMA.name) or "",
            "date": idx.text(w, DCTERMS.date),
            "doc": _doc_name(idx, idx.one(w, DCTERMS.isPartOf) or w),
        }
        for prop in (DCTERMS.subject, GK.lead):
            for o in idx.all(w, prop):
                if str(o) in entities:
                    entities[str(o)].details.setdefault("planned", []).append(row)


def _years(entities: dict[str, Entity], edges: list[Edge] | set[Edge]) -> None:
    """People, programmes and organisations take the years of the meetings they touch."""
    for ent in entities.values():
        if ent.type == "item" and ent.date:
            ent.years = {y for y in [_year(ent.date)] if y}
    for e in edges:
        a, b = entities[e.source], entities[e.target]
        for x, y in ((a, b), (b, a)):
            if x.type not in ("meeting", "item") and y.type in ("meeting", "item"):
                x.years |= y.years
