"""The graph as the graph stage builds it: quads of rdflib terms in plain Python sets.

rdflib's in-memory store keeps every triple in several indexes by context and costs
tens of microseconds an ``add``; the graph stage only adds, and looks up one value in a
few places. :class:`QuadSet` keeps each graph's triples in an insertion-ordered dict, and
indexes only the predicates looked up: an ``add`` costs about a microsecond. The writers read
:meth:`QuadSet.snapshot`; :meth:`QuadSet.to_dataset` makes the rdflib ``Dataset``
for the programming interface (``BuildResult.dataset``, built on first use).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TypeAlias

from rdflib import Dataset, Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Node

from ..quads import Quads

__all__ = ["DEFAULT", "QuadGraph", "QuadSet", "Row"]

DEFAULT = DATASET_DEFAULT_GRAPH_ID  # the default graph's name, as rdflib names it
Triple: TypeAlias = tuple[Node, Node, Node]
Row: TypeAlias = tuple[Node, Node, Node, URIRef]  # subject, predicate, object, graph


class QuadGraph:
    """One graph: its triples, each once, in the order they were first added.

    :meth:`value` looks objects up by predicate: the first call for a predicate indexes
    the graph's triples of that predicate, and :meth:`add` keeps that index up to date
    from then on. Only the few predicates asked for are indexed (an index of every
    subject and predicate took about a third of the memory held after the graph stage).

    :meth:`seal` keeps the triples in one flat tuple ``(s, p, o, s, p, o, ...)`` once
    the graph is complete: 24 bytes a triple, where a tuple in a dict takes about 100
    (at 10,000 documents, about 700 MB less held while the outputs are written). A
    sealed graph is read the same way, and an ``add`` unseals it.
    """

    __slots__ = ("_first", "_flat", "_triples", "identifier")

    def __init__(self, identifier: URIRef) -> None:
        self.identifier = identifier
        self._triples: dict[Triple, None] = {}
        self._flat: tuple[Node, ...] | None = None  # the triples, once sealed
        # predicate → subject → its first object, for the predicates value() was asked for
        self._first: dict[Node, dict[Node, Node]] = {}

    def add(self, triple: Triple) -> QuadGraph:
        """Add a triple (again: no change), as ``rdflib.Graph.add`` does."""
        if self._flat is not None:
            self._triples, self._flat = dict.fromkeys(self), None
        if triple not in self._triples:
            self._triples[triple] = None
            if self._first:
                first = self._first.get(triple[1])
                if first is not None:
                    first.setdefault(triple[0], triple[2])
        return self

    def seal(self) -> None:
        """Keep the triples compactly, in the same order (see the class)."""
        if self._flat is None:
            self._flat = tuple(term for triple in self._triples for term in triple)
            self._triples = {}

    def value(self, subject: Node | None, predicate: Node) -> Node | None:
        """An object of ``subject predicate``, the first added; None when there is none."""
        if subject is None:
            return None
        first = self._first.get(predicate)
        if first is None:
            first = self._first[predicate] = {}
            for s, p, o in self:
                if p == predicate:
                    first.setdefault(s, o)
        return first.get(subject)

    def __iter__(self) -> Iterator[Triple]:
        if self._flat is not None:
            terms = iter(self._flat)
            return zip(terms, terms, terms, strict=False)  # a length of 3n
        return iter(self._triples)

    def __len__(self) -> int:
        return len(self._flat) // 3 if self._flat is not None else len(self._triples)

    def __contains__(self, triple: object) -> bool:
        if self._flat is not None:
            return any(t == triple for t in self)
        return triple in self._triples


class QuadSet:
    """Named graphs and the default graph, and the prefixes to write them with."""

    def __init__(self) -> None:
        self.default = QuadGraph(DEFAULT)
        self._graphs: dict[URIRef, QuadGraph] = {DEFAULT: self.default}
        self._prefixes: dict[str, str] = {}
        self._labels: dict[URIRef, str] = {}

    def label(self, node: URIRef, label: str) -> str:
        """The label of a node that several councils' graphs describe (a role, an
        organisation): the first given, so that the node has one ``skos:prefLabel``
        however each council writes it."""
        return self._labels.setdefault(node, label)

    def graph(self, identifier: URIRef) -> QuadGraph:
        """The named graph ``identifier``, made empty on first use."""
        g = self._graphs.get(identifier)
        if g is None:
            g = self._graphs[identifier] = QuadGraph(identifier)
        return g

    def bind(self, prefix: str, namespace: str) -> None:
        """A prefix for the namespace, the first binding of a prefix kept."""
        self._prefixes.setdefault(prefix, str(namespace))

    @property
    def prefixes(self) -> Mapping[str, str]:
        return self._prefixes

    def seal(self, *, default: bool = True) -> None:
        """Keep every graph compactly (:meth:`QuadGraph.seal`), the default graph too
        unless ``default`` is false (when more will be added to it)."""
        for g in self._graphs.values():
            if default or g is not self.default:
                g.seal()

    def graphs(self) -> Iterator[QuadGraph]:
        """Every graph, the default graph first, then in the order they were made."""
        return iter(self._graphs.values())

    def rows(self) -> Iterator[Row]:
        """Every quad, graph by graph."""
        for g in self._graphs.values():
            ident = g.identifier
            for s, p, o in g:
                yield s, p, o, ident

    def snapshot(self) -> Quads:
        """Every quad as the writers read them (:class:`graphkit.quads.Quads`).

        Its rows are read from this QuadSet each time they are walked, not copied (a
        list of every quad would cost about 70 bytes a quad): add nothing while the
        snapshot is in use.
        """
        return Quads(
            _Rows(self),
            [g.identifier for g in self._graphs.values()],
            self.union,
            lambda: ((g.identifier, g) for g in self._graphs.values()),
        )

    def union(self) -> set[Triple]:
        """Every graph's triples, each once (the tuples an unsealed graph holds, not
        copies)."""
        union: set[Triple] = set()
        for g in self._graphs.values():
            union.update(g)
        return union

    def __len__(self) -> int:
        """Quads: a triple in two graphs counts twice."""
        return sum(len(g) for g in self._graphs.values())

    def to_dataset(self) -> Dataset:
        """The quads as an rdflib ``Dataset``, with the prefixes bound."""
        ds = Dataset()
        for prefix, ns in self._prefixes.items():
            ds.bind(prefix, ns)
        for g in self._graphs.values():
            target = _default_graph(ds) if g.identifier == DEFAULT else ds.graph(g.identifier)
            ds.addN((s, p, o, target) for s, p, o in g)
        return ds


class _Rows:
    """Every quad of a :class:`QuadSet`, graph by graph, read afresh at each walk."""

    __slots__ = ("_quads",)

    def __init__(self, quads: QuadSet) -> None:
        self._quads = quads

    def __iter__(self) -> Iterator[Row]:
        return self._quads.rows()

    def __len__(self) -> int:
        return len(self._quads)


def _default_graph(ds: Dataset) -> Graph:
    # rdflib ≥ 7.5 calls it default_graph; earlier releases default_context
    g: Graph = ds.default_graph if hasattr(type(ds), "default_graph") else ds.default_context
    return g
