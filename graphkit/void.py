"""Describe a build: a VoID dataset description and the PROV activity that made it.

Written to ``void.ttl`` beside the graph, never into it: the graph files must be
byte-identical across runs of the same input, and this description holds the
build time (taken from ``SOURCE_DATE_EPOCH`` when set, for reproducible builds).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict
from urllib.parse import quote

from .quads import Quads
from .vocab import DCTERMS, DEFAULT_BASE, FOAF, GK, PREFIXES, PROV, RDF, RDFS, SCHEMA, VOID, XSD

if TYPE_CHECKING:
    from rdflib import Dataset, Graph, URIRef

    from .model import Document
    from .result import BuildResult
    from .serialise import Prepared

__all__ = [
    "LICENCES",
    "build_time",
    "describe",
    "licence_statement",
    "software_version",
    "write_void",
]

# licence statements a council document may carry: pattern -> licence IRI
LICENCES: dict[str, str] = {
    r"open government licen[cs]e(?: for public sector information)?(?: v(?:ersion)? ?3)?": (
        "http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
    ),
    r"creative commons attribution(?: 4\.0)?(?: international)?|\bcc[ -]by(?: 4\.0)?\b": (
        "https://creativecommons.org/licenses/by/4.0/"
    ),
    r"creative commons zero|\bcc0\b|public domain dedication": (
        "https://creativecommons.org/publicdomain/zero/1.0/"
    ),
}
_ANY_LICENCE = re.compile("|".join(f"(?:{p})" for p in LICENCES), re.I)
_RIGHTS = re.compile(r"\u00a9|^\s*copyright\b", re.I)
_MAYBE_RIGHTS = re.compile(r"\u00a9|copyright", re.I)
NO_STATEMENT = "No licence statement found in the document; its publisher's terms of reuse apply."


def build_time(*, environ: Mapping[str, str] | None = None) -> dt.datetime:
    """The build time in UTC, to the second: ``SOURCE_DATE_EPOCH`` when it is set.

    >>> build_time(environ={"SOURCE_DATE_EPOCH": "1700000000"}).isoformat()
    '2023-11-14T22:13:20+00:00'
    """
    epoch = (os.environ if environ is None else environ).get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc)
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def licence_statement(text: str) -> tuple[str | None, str]:
    """The licence IRI a document names (if a known one) and its statement as written.

    >>> licence_statement("Contains public sector information licensed under the "
    ...                   "Open Government Licence v3.0.")[0]
    'http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/'
    >>> licence_statement("\u00a9 Testshire County Council 2024. All rights reserved.")
    (None, '© Testshire County Council 2024. All rights reserved.')
    >>> licence_statement("Minutes of the meeting")[1].startswith("No licence statement")
    True
    """
    # most documents name no licence: one pass over the whole text says so
    if _ANY_LICENCE.search(text):
        for line in text.splitlines():
            if _ANY_LICENCE.search(line):
                iri = next(iri for p, iri in LICENCES.items() if re.search(p, line, re.I))
                return iri, " ".join(line.split())
    if _MAYBE_RIGHTS.search(text):
        for line in text.splitlines():
            # a rights line, not a sentence that mentions copyright in passing
            if len(line) < 200 and _RIGHTS.search(line):
                return None, " ".join(line.split())
    return None, NO_STATEMENT


def software_version() -> str:
    """graphkit's version as its distribution states it (``pyproject.toml``).

    Read from the package metadata, not from ``graphkit.__version__``: the package
    imports ``build``, which imports this module, and importing the package back from
    here would make an import cycle.

    >>> import graphkit
    >>> software_version() == graphkit.__version__
    True
    """
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("graphkit")
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "0+unknown"


def _base(result: BuildResult) -> str:
    """The data IRI base the build used, read back from a document's graph IRI."""
    names = {str(g.identifier) for g in result.quads.graphs()}
    for doc in result.documents:
        suffix = "document/" + quote(doc.source, safe="/._-~")
        for name in names:
            if name.endswith(suffix):
                return name[: -len(suffix)]
    return DEFAULT_BASE


class _Statistics(TypedDict):
    triples: int
    entities: int
    subjects: int
    objects: int
    classes: Counter[str]  # class IRI -> instances
    properties: Counter[str]  # property IRI -> triples
    vocabularies: list[str]  # namespaces used


def _statistics(ds: Dataset | Quads | Prepared) -> _Statistics:
    """Counted over the union of all graphs, by the term numbers of ``ds`` prepared for
    writing (:class:`~graphkit.serialise.Prepared`; made here when not given)."""
    import numpy as np
    import pyoxigraph as ox

    from .serialise import iri_key, prepare

    prepared = prepare(ds)
    union, nodes = prepared.union, prepared.nodes
    # each count by term number, in one pass over a column (no sort): 10,000 documents'
    # 7.7 million triples 2.8 s -> 0.4 s
    size = len(nodes)

    def counted(numbers: Any) -> Counter[str]:  # each term's IRI (else its N-Triples): how often
        times = np.bincount(numbers, minlength=size)
        terms = np.flatnonzero(times)
        return Counter(
            {
                nodes[t].value if isinstance(nodes[t], ox.NamedNode) else str(nodes[t]): n
                for t, n in zip(terms.tolist(), times[terms].tolist(), strict=True)
            }
        )

    def used(column: Any) -> Any:  # whether each term is in the column
        seen = np.zeros(size, dtype=bool)
        seen[column] = True
        return seen

    properties = counted(union[:, 1])
    classes = counted(prepared.of_predicate(iri_key(str(RDF.type)))[:, 2])
    subjects = used(union[:, 0])
    # IRIs; blank nodes are not entities
    entities = sum(
        1 for s in np.flatnonzero(subjects).tolist() if isinstance(nodes[s], ox.NamedNode)
    )
    terms_used = set(classes) | set(properties)
    vocabularies = sorted(
        ns
        for prefix, ns in PREFIXES.items()
        if prefix not in ("rdf", "xsd") and any(t.startswith(ns) for t in terms_used)
    )
    return {
        "triples": len(union),
        "entities": entities,
        "subjects": int(subjects.sum()),
        "objects": int(used(union[:, 2]).sum()),
        "classes": classes,
        "properties": properties,
        "vocabularies": vocabularies,
    }


def _local(iri: str) -> str:
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns):
            return f"{prefix}-{iri[len(ns) :]}"
    return re.sub(r"[^A-Za-z0-9]+", "-", iri).strip("-")


def describe(
    result: BuildResult,
    *,
    when: dt.datetime | None = None,
    licence: str | None = None,
    quads: Quads | Prepared | None = None,
) -> Graph:
    """The VoID description of ``result``'s graph and the PROV activity of its build.

    ``licence`` is the IRI of a licence for the graph itself, when its publisher
    has chosen one. ``quads``, a snapshot of ``result.dataset`` or that snapshot prepared
    for writing (:class:`~graphkit.serialise.Prepared`), saves reading it again.
    """
    from rdflib import Graph, Literal, URIRef

    version = software_version()
    when = when or build_time()
    stamp = when.strftime("%Y%m%dT%H%M%SZ")
    base = _base(result)
    stats = _statistics(quads if quads is not None else result.quads.snapshot())
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    dataset = URIRef(f"{base}dataset")
    activity = URIRef(f"{base}build/{stamp}")
    agent = URIRef(f"{base}software/graphkit/{version}")
    time = Literal(when.strftime("%Y-%m-%dT%H:%M:%SZ"), datatype=XSD.dateTime)

    _describe_dataset(g, dataset, result, stats, licence)
    g.add((dataset, DCTERMS.created, time))
    g.add((dataset, DCTERMS.creator, agent))
    g.add((dataset, PROV.wasGeneratedBy, activity))
    g.add((dataset, VOID.uriSpace, Literal(base)))
    g.add((activity, RDF.type, PROV.Activity))
    g.add((activity, RDFS.label, Literal(f"graphkit build {stamp}")))
    g.add((activity, PROV.endedAtTime, time))
    g.add((activity, PROV.wasAssociatedWith, agent))
    g.add((agent, RDF.type, PROV.SoftwareAgent))
    g.add((agent, RDFS.label, Literal(f"graphkit {version}")))
    g.add((agent, SCHEMA.softwareVersion, Literal(version)))
    for doc in sorted(result.documents, key=lambda d: d.source):
        node = URIRef(base + "document/" + quote(doc.source, safe="/._-~"))
        _source(g, node, doc)
        g.add((dataset, DCTERMS.source, node))
        g.add((activity, PROV.used, node))
    return g


def _describe_dataset(
    g: Graph, dataset: URIRef, result: BuildResult, stats: _Statistics, licence: str | None
) -> None:
    """The dataset's title, VoID statistics and partitions, licence and rights."""
    from rdflib import Literal, URIRef

    g.add((dataset, RDF.type, VOID.Dataset))
    g.add((dataset, RDF.type, PROV.Entity))
    title = f"Meeting records of {result.council}" if result.council else "Meeting records"
    g.add((dataset, DCTERMS.title, Literal(title)))
    g.add((dataset, VOID.triples, Literal(stats["triples"])))
    g.add((dataset, VOID.entities, Literal(stats["entities"])))
    g.add((dataset, VOID.distinctSubjects, Literal(stats["subjects"])))
    g.add((dataset, VOID.distinctObjects, Literal(stats["objects"])))
    classes = stats["classes"]
    properties = stats["properties"]
    g.add((dataset, VOID.classes, Literal(len(classes))))
    g.add((dataset, VOID.properties, Literal(len(properties))))
    for ns in stats["vocabularies"]:
        g.add((dataset, VOID.vocabulary, URIRef(ns)))
    for cls, n in sorted(classes.items()):
        part = URIRef(f"{dataset}/class/{_local(cls)}")
        g.add((dataset, VOID.classPartition, part))
        g.add((part, VOID["class"], URIRef(cls)))
        g.add((part, VOID.entities, Literal(n)))
    for prop, n in sorted(properties.items()):
        part = URIRef(f"{dataset}/property/{_local(prop)}")
        g.add((dataset, VOID.propertyPartition, part))
        g.add((part, VOID.property, URIRef(prop)))
        g.add((part, VOID.triples, Literal(n)))
    if licence:
        g.add((dataset, DCTERMS.license, URIRef(licence)))
    g.add(
        (
            dataset,
            DCTERMS.rights,
            Literal(
                "Derived from the source documents listed as dcterms:source; their licences apply."
            ),
        )
    )


def _source(g: Graph, node: URIRef, doc: Document) -> None:
    from rdflib import Literal, URIRef

    iri, statement = licence_statement(doc.text)
    g.add((node, RDF.type, FOAF.Document))
    g.add((node, RDF.type, PROV.Entity))
    g.add((node, DCTERMS.source, Literal(doc.source)))
    g.add((node, GK.sha256, Literal(doc.sha256)))
    g.add((node, DCTERMS.rights, Literal(statement)))
    if iri:
        g.add((node, DCTERMS.license, URIRef(iri)))


def write_void(
    result: BuildResult,
    out: str | Path,
    *,
    when: dt.datetime | None = None,
    quads: Quads | Prepared | None = None,
) -> Path:
    """Write ``void.ttl`` (VoID and PROV) into ``out`` (``quads`` as for :func:`describe`)."""
    from rdflib import Dataset

    from .serialise import atomic_write, serialise

    ds = Dataset()
    for triple in describe(result, when=when, quads=quads):
        ds.add(triple)
    return atomic_write(Path(out) / "void.ttl", serialise(ds, "turtle"))
