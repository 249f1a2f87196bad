"""The snapshot of a Dataset's quads (graphkit.quads) and the writers fed with it: each
gives what it gives when it reads the Dataset itself."""

from __future__ import annotations

import datetime as dt

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import BNode, Dataset, Graph, Literal, URIRef

from graphkit.analyse import project
from graphkit.quads import Index, Quads, snapshot
from graphkit.serialise import FORMATS, serialise
from graphkit.stats import graph_counts
from graphkit.view import build_network, build_view
from graphkit.void import _statistics, describe

S, P, Q = URIRef("urn:s"), URIRef("urn:p"), URIRef("urn:q")
A, B, C = URIRef("urn:a"), URIRef("urn:b"), URIRef("urn:c")
G1, G2, EMPTY = URIRef("urn:g1"), URIRef("urn:g2"), URIRef("urn:empty")


def small() -> Dataset:
    """Two named graphs that share a triple, an empty one and the default graph."""
    ds = Dataset()
    ds.add((S, P, A))
    ds.graph(G1).add((S, P, B))
    ds.graph(G1).add((S, Q, Literal("x")))
    ds.graph(G2).add((S, P, B))
    ds.graph(G2).add((BNode("n1"), P, S))
    ds.graph(EMPTY)
    return ds


def test_snapshot_holds_every_quad_once_per_graph() -> None:
    ds = small()
    q = Quads.of(ds)
    expected = {
        (s, p, o, ds.default_graph.identifier if c is None else c) for s, p, o, c in ds.quads()
    }
    assert len(q.rows) == sum(1 for _ in ds.quads((None, None, None, None))) == 5
    assert set(q.rows) == expected
    assert EMPTY in q.graphs and G1 in q.graphs and G2 in q.graphs
    assert q.triples == {(s, p, o) for s, p, o, _ in ds.quads()}
    assert len(q.triples) == 4
    assert snapshot(q) is q


def test_a_graph_is_one_graph() -> None:
    g = Graph(identifier=G1)
    g.add((S, P, A))
    q = Quads.of(g)
    assert q.rows == [(S, P, A, G1)] and q.graphs == [G1]


def test_index_looks_up_both_ways() -> None:
    idx = Quads.of(small()).index
    assert sorted(idx.objects(S, P)) == [A, B]  # each object once
    assert len(idx.objects(S, URIRef("urn:none"))) == 0 == len(idx.objects(C, P))
    assert list(idx.subjects(P, B)) == [S]
    assert list(idx.subjects(Q, Literal("x"))) == [S]  # a literal object: the slow way
    assert idx.pairs(P) == {(S, A), (S, B), (BNode("n1"), S)}
    assert idx.of_type == {}
    # a look-up never adds a key
    assert C not in idx.props and C not in idx.inverse(P)


_TERMS = [URIRef(f"urn:t{i}") for i in range(40)] + [Literal("x"), Literal("y", lang="en")]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(_TERMS[:3]), st.sampled_from(_TERMS[:2]), st.sampled_from(_TERMS)
        ),
        max_size=200,
    )
)
def test_index_of_repeated_triples_is_the_index_of_their_set(triples) -> None:
    """Triples read graph by graph repeat; the index holds each once, however many
    objects a subject has of a predicate (kept in a list, or a set past a few)."""
    once = set(triples)
    idx = Index(triples)
    for s in _TERMS[:3]:
        for p in _TERMS[:2]:
            found = idx.objects(s, p)
            assert len(found) == len(set(found))
            assert set(found) == {o for s2, p2, o in once if (s2, p2) == (s, p)}
        for o in _TERMS:
            assert set(idx.subjects(_TERMS[0], o)) == {
                s2 for s2, p2, o2 in once if (p2, o2) == (_TERMS[0], o)
            }
    assert idx.pairs(_TERMS[1]) == {(s, o) for s, p, o in once if p == _TERMS[1]}


def test_counts_statistics_and_void_from_a_snapshot(seeds_result) -> None:
    ds = seeds_result.dataset
    q = Quads.of(ds)
    assert graph_counts(q) == graph_counts(ds)
    assert _statistics(q) == _statistics(ds)
    assert seeds_result.summary(quads=q) == seeds_result.summary()
    when = dt.datetime(2024, 1, 2, tzinfo=dt.timezone.utc)
    ours = describe(seeds_result, when=when, quads=q)
    theirs = describe(seeds_result, when=when)
    assert set(ours) == set(theirs)


def test_graph_files_from_a_snapshot(seeds_dataset) -> None:
    q = Quads.of(seeds_dataset)
    for name in FORMATS:
        assert serialise(q, name) == serialise(seeds_dataset, name), name


def test_views_from_a_snapshot(seeds_dataset) -> None:
    q = Quads.of(seeds_dataset)
    assert build_view(q).html == build_view(seeds_dataset).html
    assert build_network(q).html == build_network(seeds_dataset).html


def test_projection_from_a_snapshot_a_dataset_and_a_graph(seeds_dataset) -> None:
    union = Graph()
    for s, p, o, _ in seeds_dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    ours = project(Quads.of(seeds_dataset), organisations=True)
    for other in (project(seeds_dataset, organisations=True), project(union, organisations=True)):
        assert nx.utils.graphs_equal(ours, other)
        assert ours.graph == other.graph
        assert list(ours.nodes(data=True)) == list(other.nodes(data=True))
        assert list(ours.edges(data=True)) == list(other.edges(data=True))
