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

import csv
import datetime as dt
import io
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from .errors import GraphkitError
from .vocab import DCTERMS, GK, OA, ORG, RDF, SCHEMA, SKOS

__all__ = [
    "ANALYSES",
    "AnalysisError",
    "EXACT_BETWEENNESS_MAX_NODES",
    "KINDS",
    "Hop",
    "Table",
    "Timeline",
    "analyse",
    "centrality",
    "communities",
    "cooccurrence",
    "explain_path",
    "find_entities",
    "format_tables",
    "label_matches",
    "programme_timeline",
    "project",
    "top_programmes",
]

KINDS = ("person", "meeting", "programme", "organisation")
ANALYSES = ("centrality", "communities", "cooccurrence", "timeline", "path")
# Above this many nodes betweenness is estimated from a sample of source nodes.
EXACT_BETWEENNESS_MAX_NODES = 2000
BETWEENNESS_SAMPLE = 256
_ATTENDED = (GK.Present, GK.Substitute)


class AnalysisError(GraphkitError):
    """An analysis cannot answer: an unknown entity, no path, a bad option."""


# -- tables -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Table:
    """A result: a title, column names, rows of plain values, and notes (e.g. approximations)."""

    name: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]
    notes: tuple[str, ...] = ()

    def records(self) -> list[dict[str, object]]:
        """The rows as dictionaries keyed by column.

        >>> Table("t", "T", ("a", "b"), ((1, "x"),)).records()
        [{'a': 1, 'b': 'x'}]
        """
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]

    def format(self, fmt: str = "text") -> str:
        """The table as ``text`` (aligned), ``csv``, ``json`` or ``markdown``.

        >>> print(Table("t", "T", ("a", "b"), ((1, "x|y"),)).format("markdown"), end="")
        ### T
        <BLANKLINE>
        | a | b |
        |---|---|
        | 1 | x\\|y |
        """
        return format_tables([self], fmt)

    def _repr_markdown_(self) -> str:
        return self.format("markdown")


def _cell(value: object) -> str:
    """A value as table text.

    >>> _cell(0.123456), _cell(None), _cell(["a", "b"]), _cell(3)
    ('0.1235', '', 'a; b', '3')
    """
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4f}"
    if isinstance(value, (list, tuple)):
        return "; ".join(_cell(v) for v in value)
    return " ".join(str(value).split())


def format_tables(tables: Sequence[Table], fmt: str = "text") -> str:
    """Tables as one text: ``text``, ``csv`` (a ``# name: title`` line before each
    table's block when there are several), ``json`` (a list of objects) or ``markdown``."""
    if fmt == "json":
        doc = [
            {"name": t.name, "title": t.title, "notes": list(t.notes), "rows": t.records()}
            for t in tables
        ]
        return json.dumps(doc, indent=2, ensure_ascii=False, default=str) + "\n"
    parts: list[str] = []
    for t in tables:
        if fmt == "csv":
            buf = io.StringIO()
            if len(tables) > 1:
                buf.write(f"# {t.name}: {t.title}\n")
            writer = csv.writer(buf, lineterminator="\n")
            writer.writerow(t.columns)
            writer.writerows([_cell(v) for v in row] for row in t.rows)
            parts.append(buf.getvalue())
        elif fmt == "markdown":
            lines = [f"### {t.title}", ""]
            lines.append("| " + " | ".join(t.columns) + " |")
            lines.append("|" + "|".join("---" for _ in t.columns) + "|")
            for row in t.rows:
                cells = [_cell(v).replace("|", "\\|") for v in row]
                lines.append("| " + " | ".join(cells) + " |")
            lines += [f"\n*{n}*" for n in t.notes]
            parts.append("\n".join(lines) + "\n")
        elif fmt == "text":
            body = [[_cut(_cell(v)) for v in row] for row in t.rows]
            sizes = [max([len(c)] + [len(r[i]) for r in body]) for i, c in enumerate(t.columns)]

            def line(cells: Sequence[str], sizes: list[int] = sizes) -> str:
                return "  ".join(c.ljust(n) for c, n in zip(cells, sizes, strict=True)).rstrip()

            lines = [t.title, "=" * len(t.title), line(t.columns)]
            lines.append("  ".join("-" * n for n in sizes))
            lines += [line(r) for r in body] or ["(none)"]
            lines += [f"note: {n}" for n in t.notes]
            parts.append("\n".join(lines) + "\n")
        else:
            raise AnalysisError(f"unknown format {fmt!r}; choose from text, csv, json, markdown")
    return "\n".join(parts)


def _cut(text: str, width: int = 60) -> str:
    """
    >>> _cut("abcdef", 4)
    'abc…'
    """
    return text if len(text) <= width else text[: width - 1] + "…"


# -- label matching -------------------------------------------------------------------------
def _words(text: str) -> str:
    """
    >>> _words("Holiday Activities & Food (HAF)")
    ' holiday activities food haf '
    """
    return " " + re.sub(r"[^a-z0-9]+", " ", text.lower()).strip() + " "


def label_matches(query: str, label: str) -> bool:
    """True when the words of ``query`` appear in order, as whole words, in ``label``
    (case and punctuation ignored): the rule the saved queries use.

    >>> label_matches("HAF", "Summer 2024 HAF Programme"), label_matches("HA", "HAF")
    (True, False)
    """
    return _words(query).strip() != "" and _words(query) in _words(label)


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
    """Triples of the union of all graphs, by pattern."""

    def __init__(self, graph: Graph) -> None:
        self.g = graph

    def subjects(self, p: Node, o: Node) -> list[Node]:
        return sorted(set(self.g.subjects(p, o)), key=str)

    def objects(self, s: Node, p: Node) -> list[Node]:
        return sorted(set(self.g.objects(s, p)), key=str)

    def pairs(self, p: Node) -> list[tuple[Node, Node]]:
        return sorted({(s, o) for s, o in self.g.subject_objects(p)}, key=str)

    def one(self, s: Node, p: Node) -> Node | None:
        found = self.objects(s, p)
        return found[0] if found else None

    def text(self, s: Node, p: Node) -> str | None:
        value = self.one(s, p)
        return " ".join(str(value).split()) if value is not None else None

    def types(self, s: Node) -> set[Node]:
        return set(self.g.objects(s, RDF.type))


def _as_graph(source: Dataset | Graph | str | Path) -> Graph:
    if isinstance(source, (str, Path)):
        from .load import load_graph

        source = load_graph(source)
    if isinstance(source, Dataset):
        union = Graph()
        union.addN((s, p, o, union) for s, p, o, _ in source.quads((None, None, None, None)))
        return union
    return source


def project(source: Dataset | Graph | str | Path, *, organisations: bool = False) -> Any:
    """The people–meeting–programme layer of ``source`` as an undirected ``networkx.Graph``.

    ``source`` is a Dataset (all named graphs are read), a Graph or a graph file. Node
    keys are IRIs; node attributes ``kind`` (one of :data:`KINDS`), ``label``,
    ``alt_labels``, and by kind ``date``/``year``/``committee`` (meetings), ``concept``
    (programmes), ``roles`` (people: role, organisation, start, end). Edge attributes
    ``relations`` (sorted), ``evidence`` (one dict per piece: ``relation``, ``item``,
    ``item_title``, ``quote``, ``document``…) and ``weight`` (how many pieces). See the
    module docstring for which RDF nodes and edges become which.
    """
    layer = _Projection(_Reader(_as_graph(source)), organisations)
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


def _graph(source: Any, organisations: bool = False) -> Any:
    """A projection as is, or the projection of a Dataset, Graph or file."""
    if isinstance(source, (Dataset, Graph, str, Path)):
        return project(source, organisations=organisations)
    return source


# -- finding entities ---------------------------------------------------------------------
def find_entities(graph: Any, text: str, *, kinds: Iterable[str] = KINDS) -> list[str]:
    """The nodes of a projection whose IRI is ``text`` or one of whose labels matches it
    (:func:`label_matches`), of the given kinds; an exact label match alone wins."""
    wanted = set(kinds)
    if text in graph and graph.nodes[text]["kind"] in wanted:
        return [text]
    hits = []
    exact = []
    for node, data in graph.nodes(data=True):
        if data["kind"] not in wanted:
            continue
        names = [data["label"], *data.get("alt_labels", [])]
        if any(label_matches(text, n) for n in names):
            hits.append(node)
            if any(_words(text) == _words(n) for n in names):
                exact.append(node)
    if len(exact) == 1 and len(hits) > 1 and wanted != {"programme"}:
        return exact
    return sorted(hits, key=lambda n: (graph.nodes[n]["label"], n))


def _one(graph: Any, text: str, kinds: Iterable[str]) -> str:
    kinds = tuple(kinds)
    hits = find_entities(graph, text, kinds=kinds)
    if not hits:
        raise AnalysisError(
            f"nothing in the graph is called {text!r} (looked at {', '.join(kinds)})"
        )
    exact = [n for n in hits if _words(graph.nodes[n]["label"]) == _words(text)]
    if len(hits) > 1 and len(exact) != 1:
        names = "; ".join(graph.nodes[n]["label"] for n in hits[:6])
        raise AnalysisError(f"{text!r} matches {len(hits)} entities ({names}); be more specific")
    return exact[0] if len(hits) > 1 else hits[0]


# -- centrality -----------------------------------------------------------------------------
def centrality(
    source: Any,
    *,
    top: int = 10,
    kinds: Sequence[str] = ("person", "programme"),
    by: str = "degree",
    exact_max_nodes: int = EXACT_BETWEENNESS_MAX_NODES,
) -> Table:
    """The most central people and programmes: ``degree`` (distinct neighbours: meetings,
    and programmes led or people leading), ``betweenness`` and ``eigenvector``
    (normalised, over the whole layer). Ranked by ``by``, then the other measures.

    Betweenness is exact up to ``exact_max_nodes`` nodes and estimated from a fixed
    sample of source nodes above it; the table's notes say so.
    """
    graph = _graph(source)
    if by not in ("degree", "betweenness", "eigenvector"):
        raise AnalysisError(f"unknown measure {by!r}; use degree, betweenness or eigenvector")
    notes: list[str] = []
    n = graph.number_of_nodes()
    between, eigen = _betweenness(graph, exact_max_nodes, notes), _eigenvector(graph, notes)
    rows = []
    for node, data in graph.nodes(data=True):
        if data["kind"] not in kinds:
            continue
        measures = {
            "degree": float(graph.degree(node)),
            "betweenness": between.get(node, 0.0),
            "eigenvector": eigen.get(node, 0.0),
        }
        order = [by] + [m for m in ("degree", "betweenness", "eigenvector") if m != by]
        rank_key = tuple(-round(measures[m], 10) for m in order)
        rows.append((rank_key, data["label"], node, data["kind"], measures))
    rows.sort(key=lambda x: (x[0], x[1], x[2]))
    out = [
        (
            i,
            label,
            kind,
            int(m["degree"]),
            round(m["betweenness"], 6),
            round(m["eigenvector"], 6) if eigen else None,
            node,
        )
        for i, (_, label, node, kind, m) in enumerate(rows[:top] if top else rows, 1)
    ]
    notes.append(
        f"over the people–meeting–programme layer: {n:,} nodes, {graph.number_of_edges():,} edges"
    )
    return Table(
        "centrality",
        f"Most central ({', '.join(kinds)}), by {by}",
        ("rank", "name", "kind", "degree", "betweenness", "eigenvector", "iri"),
        tuple(out),
        tuple(notes),
    )


def _betweenness(graph: Any, exact_max_nodes: int, notes: list[str]) -> dict[str, float]:
    """Exact betweenness up to ``exact_max_nodes`` nodes, sampled above (said in ``notes``)."""
    import networkx as nx

    n = graph.number_of_nodes()
    if n > exact_max_nodes:
        k = min(BETWEENNESS_SAMPLE, n)
        notes.append(f"betweenness is approximate: sampled from {k} of {n:,} nodes")
        between: dict[str, float] = nx.betweenness_centrality(graph, k=k, seed=0)
        return between
    exact: dict[str, float] = nx.betweenness_centrality(graph)
    return exact


def _eigenvector(graph: Any, notes: list[str]) -> dict[str, float]:
    """Eigenvector centrality, or empty (said in ``notes``) when it does not converge."""
    import networkx as nx

    try:
        eigen: dict[str, float] = nx.eigenvector_centrality(graph, max_iter=1000, tol=1e-8)
    except (nx.PowerIterationFailedConvergence, nx.NetworkXException):
        notes.append("eigenvector centrality did not converge; left empty")
        return {}
    return eigen


# -- communities ------------------------------------------------------------------------------
def communities(source: Any, *, method: str = "louvain", seed: int = 0) -> Table:
    """Communities of the layer (Louvain, or ``greedy`` modularity), each with its people,
    programmes and the meetings it spans; only communities with a person or programme."""
    import networkx as nx

    graph = _graph(source)
    if graph.number_of_nodes() == 0:
        groups: list[set[str]] = []
    elif method == "louvain":
        groups = nx.community.louvain_communities(graph, weight="weight", seed=seed)
    elif method == "greedy":
        groups = nx.community.greedy_modularity_communities(graph, weight="weight")
    else:
        raise AnalysisError(f"unknown community method {method!r}; use louvain or greedy")
    rows: list[tuple[int, list[str], list[str], int, str, str]] = []
    for group in groups:
        by_kind: dict[str, list[str]] = defaultdict(list)
        for node in group:
            by_kind[graph.nodes[node]["kind"]].append(node)
        if not by_kind["person"] and not by_kind["programme"]:
            continue
        dates = sorted(graph.nodes[m]["date"] for m in by_kind["meeting"])

        def names(kind: str, by_kind: dict[str, list[str]] = by_kind) -> list[str]:
            return sorted(graph.nodes[n]["label"] for n in by_kind[kind])

        rows.append(
            (
                len(by_kind["person"]) + len(by_kind["programme"]),
                names("person"),
                names("programme"),
                len(dates),
                dates[0] if dates else "",
                dates[-1] if dates else "",
            )
        )
    rows.sort(key=lambda r: (-r[0], r[1], r[2]))
    out = tuple((i, *r[1:]) for i, r in enumerate(rows, 1))
    how = "Louvain" if method == "louvain" else "greedy modularity"
    return Table(
        "communities",
        f"Communities of people and programmes ({how})",
        ("community", "people", "programmes", "meetings", "first", "last"),
        out,
        (f"{how} over the people–meeting–programme layer, edges weighted by evidence",),
    )


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
    graph = _graph(source)
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
    graph = _graph(source)
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


# -- explained paths --------------------------------------------------------------------------
@dataclass(frozen=True)
class Hop:
    """One step of an explained path, with its evidence."""

    source: str
    relation: str
    target: str
    date: str = ""
    item: str = ""
    quote: str = ""
    document: str = ""
    detail: dict[str, str] = field(default_factory=dict)

    def sentence(self) -> str:
        """The hop as a sentence.

        >>> Hop("A", "attended", "Board, 1 May 2021").sentence()
        'A attended Board, 1 May 2021'
        >>> Hop("HAF", "discussed at", "M", item="Update", quote="HAF grew").sentence()
        'HAF discussed at M, in item "Update": "HAF grew"'
        """
        text = f"{self.source} {self.relation} {self.target}"
        if self.item:
            text += f', in item "{self.item}"'
        if self.quote:
            text += f': "{self.quote}"'
        return text


_PHRASE = {
    "attended": ("attended", "was attended by"),
    "named": ("named in an item of", "named"),
    "action": ("agreed an action at", "recorded an action of"),
    "discussed": ("discussed at", "discussed"),
    "leads": ("leads work-programme entry on", "has work-programme lead"),
}
_PREFER = ("named", "discussed", "action", "attended", "leads")


def explain_path(source: Any, start: str, end: str) -> list[Hop]:
    """The shortest path between two entities (people, programmes, organisations; by
    label or IRI) through the layer, each hop with its evidence: the meeting and date,
    the agenda item and a quote, or the attendance record."""
    import networkx as nx

    graph = _graph(source)
    kinds = ("person", "programme", "organisation", "meeting")
    a, b = _one(graph, start, kinds), _one(graph, end, kinds)
    try:
        path = nx.shortest_path(graph, a, b)
    except nx.NetworkXNoPath:
        raise AnalysisError(
            f"{graph.nodes[a]['label']} and {graph.nodes[b]['label']} are not connected"
        ) from None
    hops = []
    for u, v in zip(path, path[1:], strict=False):
        evidence = graph.edges[u, v]["evidence"]
        best = min(evidence, key=lambda e: (_PREFER.index(e["relation"]), e.get("date", "")))
        forward = graph.nodes[u]["kind"] != "meeting"
        phrase = _PHRASE[best["relation"]][0 if forward else 1]
        if best["relation"] == "leads" and graph.nodes[u]["kind"] == "programme":
            phrase = _PHRASE["leads"][1]
        detail = {k: v for k, v in best.items() if k in ("role", "listed_as", "capacity")}
        hops.append(
            Hop(
                graph.nodes[u]["label"],
                phrase,
                graph.nodes[v]["label"],
                date=best.get("date", ""),
                item=best.get("item_title", ""),
                quote=best.get("quote", ""),
                document=best.get("document", ""),
                detail={k: v for k, v in detail.items() if v},
            )
        )
    return hops


def _path_table(hops: list[Hop], start: str, end: str) -> Table:
    rows = tuple(
        (
            i,
            h.source,
            h.relation,
            h.target,
            h.date,
            h.item,
            h.quote or "; ".join(f"{k}: {v}" for k, v in sorted(h.detail.items())),
            h.document,
        )
        for i, h in enumerate(hops, 1)
    )
    return Table(
        "path",
        f"How {start} is connected to {end}",
        ("step", "from", "relation", "to", "date", "item", "evidence", "document"),
        rows,
    )


# -- co-occurrence ------------------------------------------------------------------------------
def cooccurrence(source: Any, *, within: str = "item", top: int = 0) -> Table:
    """Pairs of programmes discussed together in one agenda item (``within="item"``) or
    at one meeting (``"meeting"``): how often, and the first and last date."""
    graph = _graph(source)
    if within not in ("item", "meeting"):
        raise AnalysisError(f"co-occurrence is within an item or a meeting, not {within!r}")
    together: dict[tuple[str, str], set[str]] = defaultdict(set)
    dates: dict[str, str] = {}
    if within == "item":
        for iri, info in graph.graph["items"].items():
            dates[iri] = info["date"]
            for pair in _pairs(info["programmes"]):
                together[pair].add(iri)
    else:
        for m, data in graph.nodes(data=True):
            if data["kind"] != "meeting":
                continue
            dates[m] = data["date"]
            programmes = [
                p
                for p in graph.neighbors(m)
                if graph.nodes[p]["kind"] == "programme"
                and "discussed" in graph.edges[p, m]["relations"]
            ]
            for pair in _pairs(programmes):
                together[pair].add(m)
    rows = []
    for (a, b), where in together.items():
        la, lb = sorted((graph.nodes[a]["label"], graph.nodes[b]["label"]))
        ds = sorted(dates[w] for w in where)
        rows.append((la, lb, len(where), ds[0], ds[-1]))
    rows.sort(key=lambda r: (-r[2], r[0], r[1]))
    if top:
        rows = rows[:top]
    unit = "items" if within == "item" else "meetings"
    return Table(
        f"cooccurrence-{within}",
        f"Programmes discussed together in one {'agenda item' if within == 'item' else 'meeting'}",
        ("programme_a", "programme_b", unit, "first", "last"),
        tuple(rows),
    )


def _pairs(nodes: Iterable[str]) -> Iterator[tuple[str, str]]:
    """
    >>> list(_pairs(["b", "a", "c"]))
    [('a', 'b'), ('a', 'c'), ('b', 'c')]
    """
    ordered = sorted(set(nodes))
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            yield a, b


# -- everything, for the command line ---------------------------------------------------------
def analyse(
    source: Any,
    *,
    top: int = 10,
    by: str = "degree",
    programmes: Sequence[str] = (),
    path: tuple[str, str] | None = None,
    only: Sequence[str] = (),
    method: str = "louvain",
    organisations: bool = False,
) -> list[Table]:
    """The report of ``graphkit analyse``: centrality, communities, co-occurrence (by
    item and by meeting), a timeline per name in ``programmes`` and the explained
    ``path`` between two entities; ``only`` keeps some of :data:`ANALYSES`."""
    unknown = sorted(set(only) - set(ANALYSES))
    if unknown:
        raise AnalysisError(
            f"unknown analysis {', '.join(unknown)}; choose from {', '.join(ANALYSES)}"
        )
    wanted = set(only or ANALYSES)
    graph = _graph(source, organisations=organisations)
    tables: list[Table] = []
    if "centrality" in wanted:
        tables.append(centrality(graph, top=top, by=by))
    if "communities" in wanted:
        tables.append(communities(graph, method=method))
    if "cooccurrence" in wanted:
        tables.append(cooccurrence(graph, within="item", top=top))
        tables.append(cooccurrence(graph, within="meeting", top=top))
    if "timeline" in wanted:
        for name in programmes:
            tables.extend(programme_timeline(graph, name).tables(people=top))
    if "path" in wanted and path:
        tables.append(_path_table(explain_path(graph, *path), *path))
    return tables
