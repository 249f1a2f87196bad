"""An index of a dataset for the view: subject → predicate → objects, and back."""

from __future__ import annotations

from collections import defaultdict

from rdflib import Dataset, Literal, URIRef
from rdflib.term import Node

from ..vocab import RDF, sorted_terms

__all__ = ["_Index"]


class _Index:
    """Subject → predicate → sorted objects, over every graph of the dataset."""

    def __init__(self, ds: Dataset) -> None:
        props: dict[Node, dict[Node, set[Node]]] = defaultdict(lambda: defaultdict(set))
        inverse: dict[Node, dict[Node, set[Node]]] = defaultdict(lambda: defaultdict(set))
        for s, p, o, _ in ds.quads((None, None, None, None)):
            props[s][p].add(o)
            if isinstance(o, URIRef):
                inverse[o][p].add(s)
        self.props = props
        self.inverse = inverse
        self.of_type: dict[Node, set[Node]] = defaultdict(set)
        for s, by_p in props.items():
            for cls in by_p.get(RDF.type, ()):
                self.of_type[cls].add(s)

    def all(self, s: Node, p: Node) -> list[Node]:
        by_p = self.props.get(s)
        return sorted_terms(by_p.get(p, ())) if by_p else []

    def one(self, s: Node, p: Node) -> Node | None:
        values = self.all(s, p)
        return values[0] if values else None

    def text(self, s: Node, p: Node) -> str | None:
        value = self.one(s, p)
        return " ".join(str(value).split()) if value is not None else None

    def texts(self, s: Node, p: Node) -> list[str]:
        return sorted({" ".join(str(v).split()) for v in self.all(s, p) if isinstance(v, Literal)})

    def subjects(self, p: Node, o: Node) -> list[Node]:
        by_p = self.inverse.get(o)
        return sorted_terms(by_p.get(p, ())) if by_p else []
