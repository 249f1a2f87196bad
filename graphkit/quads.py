"""A Dataset's quads read once, for the writers that each read all of them.

A build writes the graph files, the VoID statistics, the summary's counts, the view
and the network page, and each reads every quad. Reading an rdflib Dataset is slow
(``Dataset.quads`` far slower than walking it graph by graph; copying it into another
Graph slower still), so :class:`Quads` reads it once, graph by graph, and the same
snapshot is handed to each writer; its :attr:`~Quads.index` (subject → predicate →
objects, and back) serves the ones that look terms up.

>>> from rdflib import Dataset, URIRef
>>> ds = Dataset()
>>> g = ds.graph(URIRef("urn:g"))
>>> _ = g.add((URIRef("urn:s"), URIRef("urn:p"), URIRef("urn:o")))
>>> q = Quads.of(ds)
>>> len(q.rows), len(q.triples), sorted(q.index.objects(URIRef("urn:s"), URIRef("urn:p")))
(1, 1, [rdflib.term.URIRef('urn:o')])
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager
from functools import cached_property
from itertools import groupby
from operator import itemgetter
from typing import Protocol

from rdflib import Dataset, Graph, URIRef
from rdflib.term import Node

from .vocab import RDF

__all__ = ["Index", "Quad", "Quads", "Rows", "Triple", "no_gc", "snapshot"]

Quad = tuple[Node, Node, Node, Node]  # subject, predicate, object, the graph's identifier
Triple = tuple[Node, Node, Node]

_NONE: tuple[Node, ...] = ()
_FEW = 16  # a subject's objects of one predicate kept in a list up to this many


class Rows(Protocol):
    """Quads that can be counted and walked, more than once."""

    def __iter__(self) -> Iterator[Quad]: ...
    def __len__(self) -> int: ...


@contextmanager
def no_gc() -> Iterator[None]:
    """Pause the cyclic collector: it only slows down making many small tuples."""
    collect = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collect:
            gc.enable()


class Quads:
    """Every quad of a Dataset as rdflib terms ``(s, p, o, graph identifier)``.

    ``graphs`` lists each graph's identifier, the default graph's and empty graphs'
    too, in the order the Dataset gives them; ``rows`` holds the quads graph by graph
    (a list, or a view that reads a :class:`~graphkit.graph.quads.QuadSet` afresh at
    each walk).
    """

    def __init__(
        self,
        rows: Rows,
        graphs: list[Node],
        union: Callable[[], set[Triple]] | None = None,
        by_graph: Callable[[], Iterable[tuple[Node, Collection[Triple]]]] | None = None,
    ) -> None:
        self.rows = rows
        self.graphs = graphs
        self._union = union  # makes the union of all graphs another way than from rows
        self._by_graph = by_graph  # each graph's triples, where they are kept graph by graph

    def by_graph(self) -> Iterable[tuple[Node, Collection[Triple]]]:
        """Each graph's identifier and its triples, graph by graph (empty graphs may be
        left out): walking them costs less than walking :attr:`rows`."""
        if self._by_graph is not None:
            return self._by_graph()
        return (
            (ident, [(s, p, o) for s, p, o, _ in quads])
            for ident, quads in groupby(self.rows, key=itemgetter(3))
        )

    @classmethod
    def of(cls, source: Graph) -> Quads:
        """The quads of a Dataset (every graph), or of a Graph (as one graph)."""
        rows: list[Quad] = []
        graphs: list[Node] = []
        parts = source.graphs() if isinstance(source, Dataset) else [source]
        with no_gc():
            for graph in parts:
                ident = graph.identifier
                graphs.append(ident)
                # graph by graph: far faster than Dataset.quads
                rows.extend([(s, p, o, ident) for s, p, o in graph])
        return cls(rows, graphs)

    @cached_property
    def triples(self) -> set[Triple]:
        """The union of all graphs: each triple once."""
        with no_gc():
            if self._union is not None:
                return self._union()
            return {(s, p, o) for s, p, o, _ in self.rows}

    @cached_property
    def index(self) -> Index:
        """The union of all graphs, indexed by subject (and by IRI object, when asked).
        Read graph by graph: a triple two graphs hold is indexed once, and no union of
        the graphs is made for it (at 10,000 documents that set took 450 MB)."""
        triples = self.__dict__.get("triples")
        with no_gc():
            return Index(triples if triples is not None else self._each_graphs_triples())

    def _each_graphs_triples(self) -> Iterator[Triple]:
        for _, triples in self.by_graph():
            yield from triples


def snapshot(source: Graph | Quads) -> Quads:
    """``source`` itself when it is a snapshot already, else a snapshot of it."""
    return source if isinstance(source, Quads) else Quads.of(source)


class Index:
    """Subject → predicate → objects, and IRI object → predicate → subjects.

    ``triples`` may repeat a triple (the graphs of a Dataset, one after another); each
    is indexed once. ``props`` maps each subject to a dict of its predicates, each
    holding its one object, or a list of its objects when it has a few more, a set when
    it has many; read it through :meth:`objects`, and do not change it. Most subjects
    have one object of a predicate, and a term held in the dict takes only its slot,
    where a list of one took 64 bytes more: this halved the index. The inverse, IRI
    object → subjects, is made for a predicate the first time :meth:`subjects` asks
    about it: the views ask about one predicate besides ``rdf:type`` (which
    :attr:`of_type` answers), and an inverse of every predicate took a third of the
    index's memory.
    """

    def __init__(self, triples: Iterable[Triple]) -> None:
        self.props: dict[Node, dict[Node, Node | list[Node] | set[Node]]] = {}
        props = self.props
        for s, p, o in triples:
            by_p = props.get(s)
            if by_p is None:
                props[s] = {p: o}
                continue
            held = by_p.get(p)
            if held is None:
                by_p[p] = o
            elif isinstance(held, list):
                if o not in held:
                    if len(held) < _FEW:
                        held.append(o)
                    else:  # many objects: a set finds the one met again quicker
                        by_p[p] = {*held, o}
            elif isinstance(held, set):
                held.add(o)
            elif held != o:
                by_p[p] = [held, o]
        self._inverse: dict[Node, dict[Node, list[Node]]] = {}

    def objects(self, s: Node, p: Node) -> Collection[Node]:
        """The objects of ``s p ?``, unordered."""
        by_p = self.props.get(s)
        held = by_p.get(p) if by_p else None
        if held is None:
            return _NONE
        return held if isinstance(held, (list, set)) else (held,)

    def subjects(self, p: Node, o: Node) -> Collection[Node]:
        """The subjects of ``? p o``, unordered (a literal ``o`` is looked for the slow way)."""
        if p == RDF.type:
            return self.of_type.get(o, _NONE)
        if not isinstance(o, URIRef):
            return {s for s, o2 in self._pairs(p) if o2 == o}
        return self.inverse(p).get(o, _NONE)

    def inverse(self, p: Node) -> dict[Node, list[Node]]:
        """IRI object → the subjects of ``? p object`` (made once for each ``p``; do not
        change it)."""
        found = self._inverse.get(p)
        if found is None:
            found = self._inverse[p] = {}
            for s, o in self._pairs(p):
                if isinstance(o, URIRef):
                    held = found.get(o)
                    if held is None:
                        found[o] = [s]
                    else:
                        held.append(s)
        return found

    def pairs(self, p: Node) -> set[tuple[Node, Node]]:
        """Every ``(s, o)`` of ``? p ?``."""
        return set(self._pairs(p))

    def _pairs(self, p: Node) -> Iterator[tuple[Node, Node]]:
        for s, by_p in self.props.items():
            held = by_p.get(p)
            if held is None:
                continue
            if isinstance(held, (list, set)):
                for o in held:
                    yield s, o
            else:
                yield s, held

    @cached_property
    def of_type(self) -> dict[Node, set[Node]]:
        """Class → its instances (``rdf:type``; classes of any kind of term)."""
        of_type: dict[Node, set[Node]] = defaultdict(set)
        for s, cls in self._pairs(RDF.type):
            of_type[cls].add(s)
        return dict(of_type)
