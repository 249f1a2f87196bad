"""Graph analysis: the people–meeting–programme layer of a graph, projected into networkx.

:func:`project` turns the RDF graph into a small undirected ``networkx.Graph`` that
holds only what the questions need; every analysis here reads that projection, and a
user can run their own networkx measures on it. The projection (see ``docs/analyse.md``):

========================  ==========================================================
graph node (``kind``)     from
========================  ==========================================================
``person``                ``schema:Person`` that attends, is named or leads
``meeting``               ``gk:Meeting`` with ``dcterms:date`` (``date``, ``year``)
``programme``             ``gk:Programme`` or ``skos:Concept`` (``concept``:
                          ``programme`` or ``topic``)
``organisation``          ``org:Organization`` named in an item, only when asked;
                          never the council or a committee (structural nodes)
========================  ==========================================================

Edges (``relations`` says which; ``evidence`` lists each piece, ``weight`` counts them):

- person — meeting ``attended``: a ``gk:Attendance`` with status Present or Substitute
  (or the ``schema:attendee`` shortcut);
- person — meeting ``named``: the person is ``schema:mentions`` of an agenda item of
  the meeting; ``action``: the agent of a ``gk:Action`` in one of its items;
- programme — meeting ``discussed``: an agenda item of the meeting has the programme
  as ``dcterms:subject`` (itself, or a work-programme entry it tables);
- organisation — meeting ``named``: as for people;
- person — programme ``leads``: a ``gk:WorkProgrammeEntry`` on the programme names
  the person as ``gk:lead``.

Agenda items are not nodes: each is evidence on the edges it makes (title, quote,
document), and ``graph.graph["items"]`` indexes them (meeting, people, programmes).
Committees, the council, documents, annotations and roles are left out, so the
committee that organises every meeting does not sit at the centre of every answer.
Nodes with no edge are dropped.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Collection
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from ..quads import Index, Quads, snapshot
from ..vocab import DCTERMS, GK, OA, ORG, RDF, SCHEMA, SKOS

KINDS = ("person", "meeting", "programme", "organisation")

_ATTENDED = (GK.Present, GK.Substitute)


# -- the projection -------------------------------------------------------------------------
def _iso(value: Node | None) -> str | None:
    if not isinstance(value, Literal):
        return None
    text = str(value)[:10]
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        return None


class _Reader:
    """Triples of the union of all graphs, by pattern, read from an :class:`Index`."""

    def __init__(self, index: Index) -> None:
        self.index = index

    def subjects(self, p: Node, o: Node) -> list[Node]:
        return sorted(self.index.subjects(p, o), key=str)

    def objects(self, s: Node, p: Node) -> list[Node]:
        found = self.index.objects(s, p)
        return sorted(found, key=str) if len(found) > 1 else list(found)

    def pairs(self, p: Node) -> list[tuple[Node, Node]]:
        return sorted(self.index.pairs(p), key=str)

    def one(self, s: Node, p: Node) -> Node | None:
        found = self.objects(s, p)
        return found[0] if found else None

    def text(self, s: Node, p: Node) -> str | None:
        value = self.one(s, p)
        return " ".join(str(value).split()) if value is not None else None

    def types(self, s: Node) -> Collection[Node]:
        return self.index.objects(s, RDF.type)


def _index(source: Dataset | Graph | Quads | str | Path) -> Index:
    """The index of ``source``'s triples (all graphs of a Dataset), read once."""
    if isinstance(source, (str, Path)):
        from ..load import load_graph

        source = load_graph(source)
    return snapshot(source).index


def project(source: Dataset | Graph | Quads | str | Path, *, organisations: bool = False) -> Any:
    """The people–meeting–programme layer of ``source`` as an undirected ``networkx.Graph``.

    ``source`` is a Dataset (all named graphs are read), a :class:`~graphkit.quads.Quads`
    snapshot of one, a Graph or a graph file. Node
    keys are IRIs; node attributes ``kind`` (one of :data:`KINDS`), ``label``,
    ``alt_labels``, and by kind ``date``/``year``/``committee`` (meetings), ``concept``
    (programmes), ``roles`` (people: role, organisation, start, end). Edge attributes
    ``relations`` (sorted), ``evidence`` (one dict per piece: ``relation``, ``item``,
    ``item_title``, ``quote``, ``document``…) and ``weight`` (how many pieces). See the
    module docstring for which RDF nodes and edges become which.
    """
    layer = _Projection(_Reader(_index(source)), organisations)
    layer.read_meetings()
    layer.read_quotes()
    layer.read_items()
    layer.read_actions()
    layer.read_attendance()
    layer.read_entries()
    return layer.to_networkx()


class _Projection:
    """The nodes and the evidence on each edge of :func:`project`'s layer, read in turn."""

    def __init__(self, r: _Reader, organisations: bool) -> None:
        self.r = r
        self.organisations = organisations
        self.sources = {
            d: r.text(d, DCTERMS.source) or str(d) for d in r.subjects(RDF.type, _FOAF_DOC)
        }
        self.nodes: dict[str, dict[str, Any]] = {}
        self.edges: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
        self.committees: set[Node] = set()
        # (entity, item) -> the earliest quoted mention
        self.quotes: dict[tuple[str, str], tuple[int, str, str]] = {}
        self.items: dict[str, dict[str, Any]] = {}
        self.entries: dict[str, dict[str, Any]] = {}

    def source_of(self, doc: Node | None) -> str:
        return self.sources.get(doc, "") if doc is not None else ""

    def labels(self, s: Node) -> tuple[str, list[str]]:
        r = self.r
        pref = r.text(s, SKOS.prefLabel) or r.text(s, SCHEMA.name) or _tail(str(s))
        alts = sorted({" ".join(str(a).split()) for a in r.objects(s, SKOS.altLabel)} - {pref})
        return pref, alts

    def read_meetings(self) -> None:
        r = self.r
        self.committees = set(r.subjects(RDF.type, ORG.OrganizationalUnit))
        self.committees |= set(r.subjects(RDF.type, ORG.FormalOrganization))
        for mtg in r.subjects(RDF.type, GK.Meeting):
            date = _iso(r.one(mtg, DCTERMS.date))
            if date is None:
                continue
            organizer = r.one(mtg, SCHEMA.organizer)
            if organizer is not None:
                self.committees.add(organizer)
            committee = r.text(organizer, SKOS.prefLabel) if organizer is not None else None
            self.nodes[str(mtg)] = {
                "kind": "meeting",
                "label": r.text(mtg, SCHEMA.name) or f"{committee or 'Meeting'}, {date}",
                "alt_labels": [],
                "date": date,
                "year": int(date[:4]),
                "committee": committee or "",
            }

    def entity(self, s: Node) -> str | None:
        """The node key of a person, programme (or organisation) ``s``, added on first sight;
        None for meetings, committees and anything else."""
        key = str(s)
        if key in self.nodes:
            return key if self.nodes[key]["kind"] != "meeting" else None
        types = self.r.types(s)
        if s in self.committees:
            return None
        if SCHEMA.Person in types:
            kind = "person"
        elif GK.Programme in types or SKOS.Concept in types:
            kind = "programme"
        elif self.organisations and ORG.Organization in types:
            kind = "organisation"
        else:
            return None
        pref, alts = self.labels(s)
        attrs: dict[str, Any] = {"kind": kind, "label": pref, "alt_labels": alts}
        if kind == "programme":
            attrs["concept"] = "programme" if GK.Programme in types else "topic"
        self.nodes[key] = attrs
        return key

    def person(self, s: Node) -> str | None:
        key = self.entity(s)
        return key if key is not None and self.nodes[key]["kind"] == "person" else None

    def read_quotes(self) -> None:
        r = self.r
        for ann, body in r.pairs(OA.hasBody):
            for where in r.objects(ann, GK.inItem):
                for target in r.objects(ann, OA.hasTarget):
                    start, exact = 10**12, ""
                    for sel in r.objects(target, OA.hasSelector):
                        at = r.one(sel, OA.start)
                        if isinstance(at, Literal):
                            start = min(start, int(at))
                        exact = r.text(sel, OA.exact) or exact
                    doc = r.one(target, OA.hasSource)
                    document = self.sources.get(doc, str(doc)) if doc is not None else ""
                    found = (start, exact, document)
                    qkey = (str(body), str(where))
                    if qkey not in self.quotes or found < self.quotes[qkey]:
                        self.quotes[qkey] = found

    def read_items(self) -> None:
        """Agenda items, what each discussed and named (and the work-programme entries it
        tabled)."""
        r = self.r
        tabled: dict[Node, list[Node]] = defaultdict(list)
        for entry in r.subjects(RDF.type, GK.WorkProgrammeEntry):
            for part in r.objects(entry, DCTERMS.isPartOf):
                tabled[part].append(entry)
        for item in r.subjects(RDF.type, GK.AgendaItem):
            meeting = r.one(item, SCHEMA.superEvent)
            if meeting is None or str(meeting) not in self.nodes:
                continue
            info = self.item_info(item, str(meeting))
            doc = r.one(meeting, _DERIVED)
            for subject in r.objects(item, DCTERMS.subject):
                self.add(info, (item, doc), subject, "discussed", "programmes", item)
            for entry in tabled.get(item, []):
                for subject in r.objects(entry, DCTERMS.subject):
                    self.add(info, (item, doc), subject, "discussed", "programmes", entry)
            for named in r.objects(item, SCHEMA.mentions):
                self.add(info, (item, doc), named, "named", "people", item)
            self.items[str(item)] = info

    def item_info(self, item: Node, m: str) -> dict[str, Any]:
        r = self.r
        position = r.one(item, SCHEMA.position)
        return {
            "meeting": m,
            "date": self.nodes[m]["date"],
            "title": r.text(item, SCHEMA.name) or "",
            "identifier": r.text(item, DCTERMS.identifier) or "",
            "position": int(position) if isinstance(position, Literal) else 0,
            "programmes": [],
            "people": [],
            "agents": [],
            "organisations": [],
        }

    def add(
        self,
        info: dict[str, Any],
        at: tuple[Node, Node | None],
        thing: Node,
        relation: str,
        slot: str,
        where: Node,
    ) -> None:
        """``thing`` ``relation`` (discussed, named) at the item of ``at`` (the item and the
        document its meeting came from), listed under ``slot``."""
        item, doc = at
        key = self.entity(thing)
        if key is None:
            return
        kind = self.nodes[key]["kind"]
        if slot == "people" and kind != "person":
            slot = "organisations" if kind == "organisation" else ""
        if not slot or key in info[slot]:
            return
        info[slot].append(key)
        m = info["meeting"]
        quote = self.quotes.get((key, str(where))) or self.quotes.get((key, str(item)))
        ev = {"meeting": m, "date": info["date"], "item": str(item), "item_title": info["title"]}
        ev.update(relation=relation, quote=quote[1] if quote else "")
        ev["document"] = quote[2] if quote else (self.sources.get(doc, "") if doc else "")
        self.edges[(key, m)].append(ev)

    def read_actions(self) -> None:
        r = self.r
        for action in r.subjects(RDF.type, GK.Action):
            for item in r.objects(action, DCTERMS.isPartOf):
                if str(item) not in self.items:
                    continue
                info = self.items[str(item)]
                for agent in r.objects(action, SCHEMA.agent):
                    who = self.person(agent)
                    if who is None:
                        continue
                    if who not in info["agents"]:
                        info["agents"].append(who)
                    self.edges[(who, info["meeting"])].append(
                        {
                            "relation": "action",
                            "meeting": info["meeting"],
                            "date": info["date"],
                            "item": str(item),
                            "item_title": info["title"],
                            "quote": r.text(action, RDF.value) or "",
                            "document": "",
                        }
                    )

    def read_attendance(self) -> None:
        r = self.r
        seen: set[tuple[str, str]] = set()
        for att in r.subjects(RDF.type, GK.Attendance):
            meeting, person = r.one(att, GK.meeting), r.one(att, GK.attendee)
            if meeting is None or person is None or str(meeting) not in self.nodes:
                continue
            if r.one(att, GK.status) not in _ATTENDED:
                continue
            who = self.entity(person)
            if who is None:
                continue
            capacity = r.one(att, GK.capacity)
            seen.add((who, str(meeting)))
            self.edges[(who, str(meeting))].append(
                {
                    "relation": "attended",
                    "meeting": str(meeting),
                    "date": self.nodes[str(meeting)]["date"],
                    "status": _tail(str(r.one(att, GK.status))),
                    "capacity": _tail(str(capacity)) if capacity is not None else "",
                    "role": r.text(att, GK.roleAsWritten) or "",
                    "listed_as": r.text(att, GK.listedAs) or "",
                    "document": self.source_of(r.one(att, _DERIVED)),
                }
            )
        for meeting, person in r.pairs(SCHEMA.attendee):
            who = self.entity(person)
            if who is None or str(meeting) not in self.nodes or (who, str(meeting)) in seen:
                continue
            date = self.nodes[str(meeting)]["date"]
            self.edges[(who, str(meeting))].append(
                {"relation": "attended", "meeting": str(meeting), "date": date}
            )

    def read_entries(self) -> None:
        """Work-programme entries and who leads each programme they name."""
        r = self.r
        for entry in r.subjects(RDF.type, GK.WorkProgrammeEntry):
            subjects = [k for s in r.objects(entry, DCTERMS.subject) if (k := self.entity(s))]
            leads = [k for p in r.objects(entry, GK.lead) if (k := self.entity(p))]
            leads = [k for k in leads if self.nodes[k]["kind"] == "person"]
            info: dict[str, Any] = {
                "name": r.text(entry, SCHEMA.name) or "",
                "date": _iso(r.one(entry, DCTERMS.date)) or "",
                "programmes": subjects,
                "leads": leads,
            }
            self.entries[str(entry)] = info
            document = self.source_of(r.one(entry, DCTERMS.isPartOf))
            for lead in leads:
                for programme in subjects:
                    self.edges[(lead, programme)].append(
                        {
                            "relation": "leads",
                            "entry": str(entry),
                            "item_title": info["name"],
                            "date": info["date"],
                            "quote": r.text(entry, GK.leadAsWritten) or "",
                            "document": document,
                        }
                    )

    def roles(self) -> dict[str, list[dict[str, str]]]:
        """Each member's roles (role, organisation, start, end)."""
        r = self.r
        roles: dict[str, list[dict[str, str]]] = defaultdict(list)
        for ms in r.subjects(RDF.type, ORG.Membership):
            member, role = r.one(ms, ORG.member), r.one(ms, ORG.role)
            if member is None or role is None:
                continue
            org = r.one(ms, ORG.organization)
            roles[str(member)].append(
                {
                    "role": r.text(role, SKOS.prefLabel) or _tail(str(role)),
                    "organisation": (r.text(org, SKOS.prefLabel) or "") if org is not None else "",
                    "start": _iso(r.one(ms, SCHEMA.startDate)) or "",
                    "end": _iso(r.one(ms, SCHEMA.endDate)) or "",
                }
            )
        return roles

    def to_networkx(self) -> Any:
        import networkx as nx

        g = nx.Graph()
        roles = self.roles()
        used = {n for pair in self.edges for n in pair}
        for node in sorted(used):
            attrs = dict(self.nodes[node])
            if attrs["kind"] == "person":
                attrs["roles"] = sorted(roles.get(node, []), key=lambda x: (x["start"], x["role"]))
            g.add_node(node, **attrs)
        for (a, b), evidence in sorted(self.edges.items()):
            evidence.sort(key=lambda e: (e.get("date", ""), e["relation"], e.get("item", "")))
            relations = tuple(sorted({e["relation"] for e in evidence}))
            g.add_edge(a, b, relations=relations, evidence=evidence, weight=len(evidence))
        for info in self.items.values():
            for slot in ("programmes", "people", "agents", "organisations"):
                info[slot] = sorted(k for k in info[slot] if k in g)
        g.graph["items"] = dict(sorted(self.items.items()))
        g.graph["entries"] = dict(sorted(self.entries.items()))
        return g


_FOAF_DOC = URIRef("http://xmlns.com/foaf/0.1/Document")
_DERIVED = URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")


def _tail(iri: str) -> str:
    """
    >>> _tail("https://w3id.org/graphkit/ns#Present"), _tail("http://e/x/y")
    ('Present', 'y')
    """
    return re.split(r"[#/]", iri.rstrip("/#"))[-1]


def projected(source: Any, organisations: bool = False) -> Any:
    """A projection as is, or the projection of a Dataset, Graph or file."""
    if isinstance(source, (Dataset, Graph, Quads, str, Path)):
        return project(source, organisations=organisations)
    return source
