"""An index of a dataset for the view: subject → predicate → objects, and back."""

from __future__ import annotations

from rdflib import Dataset, Literal
from rdflib.term import Node

from ..quads import Quads, snapshot
from ..vocab import sorted_terms

__all__ = ["_Index"]


class _Index:
    """Subject → predicate → sorted objects, over every graph of the dataset (or of a
    :class:`~graphkit.quads.Quads` snapshot of it, whose index it shares)."""

    def __init__(self, ds: Dataset | Quads) -> None:
        index = snapshot(ds).index
        self.index = index
        self.of_type = index.of_type

    def all(self, s: Node, p: Node) -> list[Node]:
        found = self.index.objects(s, p)
        return sorted_terms(found) if len(found) > 1 else list(found)

    def one(self, s: Node, p: Node) -> Node | None:
        values = self.all(s, p)
        return values[0] if values else None

    def text(self, s: Node, p: Node) -> str | None:
        value = self.one(s, p)
        return " ".join(str(value).split()) if value is not None else None

    def texts(self, s: Node, p: Node) -> list[str]:
        return sorted({" ".join(str(v).split()) for v in self.all(s, p) if isinstance(v, Literal)})

    def subjects(self, p: Node, o: Node) -> list[Node]:
        return sorted_terms(self.index.subjects(p, o))
