"""The explained path between two entities, hop by hop with its evidence."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .lookup import one_entity
from .projection import projected
from .tables import AnalysisError, Table


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

    graph = projected(source)
    kinds = ("person", "programme", "organisation", "meeting")
    a, b = one_entity(graph, start, kinds), one_entity(graph, end, kinds)
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


def path_table(hops: list[Hop], start: str, end: str) -> Table:
    """The hops of :func:`explain_path` as a table, one row per step."""
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
