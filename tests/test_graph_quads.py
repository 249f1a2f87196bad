"""graph/quads.py: the graph stage's quads, and the rdflib Dataset made of them."""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS

from graphkit.graph.quads import DEFAULT, QuadSet

EX = "https://example.org/"
A, B, C = URIRef(EX + "a"), URIRef(EX + "b"), URIRef(EX + "c")
DOC1, DOC2, EMPTY = URIRef(EX + "doc/1"), URIRef(EX + "doc/2"), URIRef(EX + "doc/3")


def _sample() -> QuadSet:
    q = QuadSet()
    q.bind("ex", EX)
    q.bind("ex", "https://elsewhere.example/")  # the first binding of a prefix is kept
    q.default.add((A, RDF.type, RDFS.Class))
    q.graph(DOC1).add((A, RDFS.label, Literal("first")))
    q.graph(DOC1).add((A, RDFS.label, Literal("second")))
    q.graph(DOC1).add((A, RDFS.label, Literal("first")))  # again: no change
    q.graph(DOC2).add((A, RDFS.label, Literal("first")))  # the same triple in another graph
    q.graph(EMPTY)
    return q


def test_a_triple_is_kept_once_per_graph_and_counted_per_graph() -> None:
    q = _sample()
    assert len(q.graph(DOC1)) == 2
    assert len(q) == 4
    assert sorted((str(o), str(g)) for _, _, o, g in q.rows() if o != RDFS.Class) == [
        ("first", str(DOC1)),
        ("first", str(DOC2)),
        ("second", str(DOC1)),
    ]


def test_value_is_the_first_object_added_or_none() -> None:
    q = _sample()
    assert q.graph(DOC1).value(A, RDFS.label) == Literal("first")
    assert q.graph(DOC1).value(B, RDFS.label) is None
    assert q.graph(DOC1).value(None, RDFS.label) is None


def test_value_sees_triples_added_after_the_first_lookup() -> None:
    g = QuadSet().graph(DOC1)
    assert g.value(A, RDFS.label) is None  # the predicate is indexed from here on
    g.add((B, RDFS.label, Literal("b")))
    g.add((A, RDFS.label, Literal("one")))
    g.add((A, RDFS.label, Literal("two")))
    g.add((A, RDFS.comment, Literal("not a label")))
    assert (g.value(A, RDFS.label), g.value(B, RDFS.label)) == (Literal("one"), Literal("b"))
    assert g.value(A, RDFS.comment) == Literal("not a label")  # indexed on this first call
    g.add((C, RDFS.comment, Literal("later")))
    assert g.value(C, RDFS.comment) == Literal("later")


def test_graphs_start_with_the_default_and_keep_their_order() -> None:
    assert [g.identifier for g in _sample().graphs()] == [DEFAULT, DOC1, DOC2, EMPTY]


def test_the_dataset_holds_the_same_quads_prefixes_and_graphs() -> None:
    q = _sample()
    ds = q.to_dataset()
    assert dict(ds.namespaces())["ex"] == URIRef(EX)
    assert {g.identifier for g in ds.graphs()} >= {DOC1, DOC2, EMPTY}
    assert len(ds.graph(EMPTY)) == 0
    for g in q.graphs():
        assert set(ds.graph(g.identifier)) == set(g)
    assert (C, None, None) not in ds


def test_a_snapshot_walks_every_quad_each_time_without_copying_them() -> None:
    q = _sample()
    snap = q.snapshot()
    assert len(snap.rows) == len(q) == 4
    assert list(snap.rows) == list(snap.rows) == list(q.rows())
    assert snap.graphs == [DEFAULT, DOC1, DOC2, EMPTY]
    assert len(snap.triples) == 3  # the union: a triple two graphs hold counts once
    held = {id(t) for g in q.graphs() for t in g}
    assert all(id(t) in held for t in snap.triples)  # the graphs' own tuples, not copies
    assert snap.triples == {(s, p, o) for s, p, o, _ in q.rows()}


def test_a_sealed_graph_reads_the_same_and_unseals_to_take_more() -> None:
    q = _sample()
    before = {g.identifier: list(g) for g in q.graphs()}
    label = q.graph(DOC1).value(A, RDFS.label)
    q.seal(default=False)
    assert q.default._flat is None and q.graph(DOC1)._flat is not None  # sealed: DOC1 only
    q.seal()
    assert {g.identifier: list(g) for g in q.graphs()} == before  # same triples, same order
    assert len(q) == 4 and len(q.graph(DOC1)) == 2
    assert (A, RDFS.label, Literal("second")) in q.graph(DOC1)
    assert (A, RDFS.label, Literal("third")) not in q.graph(DOC1)
    assert q.graph(DOC1).value(A, RDFS.label) == label
    assert q.union() == {t for triples in before.values() for t in triples}

    q.graph(DOC1).add((A, RDFS.label, Literal("first")))  # again: still no change
    q.graph(DOC1).add((B, RDFS.label, Literal("new")))
    assert list(q.graph(DOC1)) == [*before[DOC1], (B, RDFS.label, Literal("new"))]
    assert q.graph(DOC1).value(B, RDFS.label) == Literal("new")
    assert len(q) == 5
