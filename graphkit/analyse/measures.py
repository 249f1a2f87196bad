"""Measures over the whole layer: centrality, communities, and programmes discussed
together (co-occurrence)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from .projection import projected
from .tables import AnalysisError, Table

# Above this many nodes betweenness is estimated from a sample of source nodes.
EXACT_BETWEENNESS_MAX_NODES = 2000
BETWEENNESS_SAMPLE = 256


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
    graph = projected(source)
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

    graph = projected(source)
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


# -- co-occurrence ------------------------------------------------------------------------------
def cooccurrence(source: Any, *, within: str = "item", top: int = 0) -> Table:
    """Pairs of programmes discussed together in one agenda item (``within="item"``) or
    at one meeting (``"meeting"``): how often, and the first and last date."""
    graph = projected(source)
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
