"""Check a graph against the contract's SHACL shapes (graphkit/data/shapes.ttl).

The union of all graphs is validated: a node's facts may be spread over several
documents' named graphs, and the default graph holds what no document owns.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .errors import ValidationFailed
from .vocab import PREFIXES

if TYPE_CHECKING:
    from rdflib import Dataset, Graph

__all__ = ["Violation", "check", "compact", "format_violations", "shapes_graph", "validate"]


@dataclass(frozen=True, order=True)
class Violation:
    """One SHACL result, with its terms written as prefixed names where possible."""

    focus: str
    path: str
    message: str
    severity: str = "Violation"
    value: str = ""
    shape: str = ""


def compact(iri: str) -> str:
    """A prefixed name for ``iri`` when a graphkit prefix covers it.

    >>> compact("http://purl.org/dc/terms/date")
    'dcterms:date'
    >>> compact("https://example.org/x")
    'https://example.org/x'
    """
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns) :]}"
    return iri


def shapes_graph() -> Graph:
    """The shipped SHACL shapes as an rdflib Graph."""
    from importlib.resources import files

    from rdflib import Graph

    g = Graph()
    g.parse(data=files("graphkit").joinpath("data/shapes.ttl").read_bytes(), format="turtle")
    return g


def _union(data: Dataset | Graph) -> Graph:
    from rdflib import Dataset, Graph

    if not isinstance(data, Dataset):
        return data
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    for graph in data.graphs():
        for triple in graph:
            g.add(triple)
    return g


def _term(g: Graph, node: object) -> str:
    from rdflib import BNode, Literal, URIRef

    if node is None:
        return ""
    if isinstance(node, URIRef):
        return compact(str(node))
    if isinstance(node, Literal):
        if node.language:
            return f"{str(node)!r}@{node.language}"
        if node.datatype is not None:
            return f"{str(node)!r}^^{compact(str(node.datatype))}"
        return repr(str(node))
    if isinstance(node, BNode):  # a complex path: a sequence or an inverse
        from rdflib.collection import Collection
        from rdflib.namespace import RDF, SH

        inverse = g.value(node, SH.inversePath)
        if inverse is not None:
            return f"^{_term(g, inverse)}"
        if g.value(node, RDF.first) is not None:
            return "/".join(_term(g, n) for n in Collection(g, node))
        return "[]"
    return str(node)


def validate(data: Dataset | Graph, *, shapes: Graph | None = None) -> list[Violation]:
    """Every SHACL result for ``data`` (union of its graphs), sorted; empty if it conforms."""
    from pyshacl import validate as run
    from rdflib.namespace import SH

    _, report, _ = run(
        _union(data),
        shacl_graph=shapes if shapes is not None else shapes_graph(),
        inference="none",
        allow_warnings=True,
    )
    out = []
    for result in report.subjects(SH.resultSeverity, None):
        severity = report.value(result, SH.resultSeverity)
        messages = sorted(str(m) for m in report.objects(result, SH.resultMessage))
        out.append(
            Violation(
                focus=_term(report, report.value(result, SH.focusNode)),
                path=_term(report, report.value(result, SH.resultPath)),
                message="; ".join(messages),
                severity=str(severity).rsplit("#", 1)[-1],
                value=_term(report, report.value(result, SH.value)),
                shape=_term(report, report.value(result, SH.sourceShape)),
            )
        )
    return sorted(set(out))


def format_violations(violations: list[Violation]) -> str:
    """A readable report: one block per result (focus node, path, message).

    >>> print(format_violations([Violation("ex:m1", "dcterms:date", "needs a date")]))
    1 violation:
    - Violation at ex:m1
        path:    dcterms:date
        message: needs a date
    """
    if not violations:
        return "conforms: no violations"
    n = len(violations)
    lines = [f"{n} violation{'s' if n != 1 else ''}:"]
    for v in violations:
        lines.append(f"- {v.severity} at {v.focus}")
        if v.path:
            lines.append(f"    path:    {v.path}")
        if v.value:
            lines.append(f"    value:   {v.value}")
        lines.append(f"    message: {v.message}")
    return "\n".join(lines)


def check(data: Dataset | Graph) -> None:
    """Raise :class:`ValidationFailed` with a readable report if ``data`` has violations."""
    violations = [v for v in validate(data) if v.severity == "Violation"]
    if violations:
        raise ValidationFailed(format_violations(violations))
