"""Write the Dataset in RDF formats by name: fast, deterministic, atomic.

rdflib stays the programming interface; the bytes are written by pyoxigraph,
which is tens of times faster than rdflib's serialisers and, fed sorted quads,
writes byte-identical files on every run. Triple formats (Turtle, N-Triples,
RDF/XML) hold the union of all graphs; quad formats (TriG, N-Quads, JSON-LD)
keep one named graph per document.

Text is made safe for every format on the way out: lone surrogates (which no
UTF-8 file can hold) and the characters XML 1.0 forbids become U+FFFD in every
format, so all formats carry the same triples and the RDF/XML stays well-formed.
"""

from __future__ import annotations

import bisect
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import cached_property
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from .errors import ConfigError, GraphkitError
from .quads import Quads, no_gc, snapshot
from .vocab import PREFIXES, RDF

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
    import pyoxigraph as ox
    from rdflib import Dataset

    Rows = npt.NDArray[np.uint32]  # one row a quad or triple: its terms' numbers

__all__ = [
    "CONTEXT_URL",
    "FORMATS",
    "MANIFEST",
    "RESULT_FORMATS",
    "Format",
    "Prepared",
    "ResultFormat",
    "atomic_file",
    "atomic_write",
    "check_formats",
    "clean_text",
    "format_for_suffix",
    "iri_key",
    "prepare",
    "jsonld_context",
    "read_suffixes",
    "ontology_bytes",
    "serialise",
    "sorted_quads",
    "write_formats",
    "write_ontology",
    "write_results",
    "write_triples",
]


class Format(NamedTuple):
    """One graph output format. The first three fields keep the order of the old
    ``(file name, rdflib format, quads?)`` tuples, so ``FORMATS[name][0]`` still works."""

    filename: str  # what build writes, e.g. graph.ttl
    rdflib: str  # rdflib's parser/serialiser name
    quads: bool  # carries named graphs (else: the union of all graphs)
    media_type: str
    name: str
    write: Callable[[Iterable[Any]], bytes]  # sorted pyoxigraph quads or triples -> bytes

    @property
    def suffix(self) -> str:
        """The file suffix, e.g. ``.ttl``."""
        return Path(self.filename).suffix


class ResultFormat(NamedTuple):
    """A SPARQL results format (SELECT and ASK), written by pyoxigraph."""

    name: str
    media_type: str
    oxigraph: str  # the pyoxigraph.QueryResultsFormat member


# the published address of graphkit/data/context.jsonld
CONTEXT_URL = "https://w3id.org/graphkit/context.jsonld"

_RDF_TYPE = str(RDF.type)
_RDF_TYPE_KEY = f"<{_RDF_TYPE}>"  # its N-Triples form
_XML_NAME_END = re.compile(r"[^\W\d][\w.\-]*$")
# lone surrogates, and the code points XML 1.0 cannot carry even as references
_UNSAFE = re.compile("[\ud800-\udfff\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


# the list of the files a build wrote into its folder, and each one's size in bytes
MANIFEST = ".graphkit-manifest.json"


def atomic_write(path: Path, data: bytes) -> Path:
    """Write ``data`` to a temporary file beside ``path``, then rename it into place."""
    with atomic_file(path) as tmp:
        tmp.write_bytes(data)
    return path


@contextmanager
def atomic_file(path: Path) -> Iterator[Path]:
    """An empty temporary file beside ``path`` for the block to write, renamed into
    place when the block ends, removed when it raises."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; outputs are for sharing
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def clean_text(text: str) -> str:
    """Text every RDF format can carry: unsafe code points become U+FFFD.

    >>> clean_text("a\\x07b \\ud800 \\"q\\" <x> \\t\\n")
    'a\\ufffdb \\ufffd "q" <x> \\t\\n'
    """
    # the search is quicker than the substitution, and almost always finds nothing
    return _UNSAFE.sub("\ufffd", text) if _UNSAFE.search(text) else text


def check_formats(formats: Iterable[str]) -> list[str]:
    """The format names, each once, in their order; an unknown one is an error."""
    names = list(dict.fromkeys(formats))
    bad = [f for f in names if f not in FORMATS]
    if bad:
        raise ConfigError(f"unknown format {', '.join(bad)}; choose from {', '.join(FORMATS)}")
    return names


class _Numbering:
    """Terms numbered by their sort key as they are first met: ``keys[n]`` and
    ``nodes[n]`` are term ``n``'s key and pyoxigraph term. The key is the term's
    N-Triples form, ``rdf:type`` made to sort first (:func:`_text_key`); the default
    graph's key is ``""``."""

    def __init__(self) -> None:
        self.keys: list[str] = []
        self.nodes: list[Any] = []
        self._number: dict[str, int] = {}

    def number(self, key: str, node: Any) -> int:
        """The number of the term whose key is ``key`` (``node``, when it is new)."""
        n = self._number.get(key)
        if n is None:
            n = self._number[key] = len(self.keys)
            self.keys.append(key)
            self.nodes.append(node)
        return n

    def sort(self, flat: npt.NDArray[np.uint32]) -> tuple[npt.NDArray[np.uint32], list[Any]]:
        """``flat``, quads of term numbers one after another, as rows numbered again in
        the keys' order and sorted (so the rows sort as their keys would), and the
        terms in that order.

        This ends the numbering (its keys are let go), and ``flat`` is numbered
        again in place: at 10,000 documents each copy of it is 180 MB.
        """
        import numpy as np

        self._number.clear()
        order = sorted(range(len(self.keys)), key=self.keys.__getitem__)
        self.keys.clear()
        rank = np.empty(len(order), dtype=np.uint32)
        rank[np.array(order, dtype=np.int64)] = np.arange(len(order), dtype=np.uint32)
        nodes = [self.nodes[i] for i in order]
        del order
        self.nodes.clear()
        for start in range(0, len(flat), 4 * _CHUNK):
            chunk = flat[start : start + 4 * _CHUNK]
            chunk[:] = rank[chunk]
        rows = flat.reshape(-1, 4)
        return rows[_lexsorted(rows)], nodes


class _Converter(dict[object, int]):
    """rdflib terms → their numbers in :attr:`terms`, each converted to pyoxigraph the
    first time it is met (graphs repeat their terms a lot)."""

    def __init__(self) -> None:
        super().__init__()
        import pyoxigraph as ox
        from rdflib import BNode, Literal, URIRef

        self.ox, self.URIRef, self.BNode, self.Literal = ox, URIRef, BNode, Literal
        self.terms = _Numbering()
        self.datatypes: dict[str, Any] = {}

    def __missing__(self, t: object) -> int:
        try:
            if isinstance(t, self.URIRef):  # most terms: their N-Triples form is plain
                iri = clean_text(str(t))
                node, key = self.ox.NamedNode(iri), _text_key(f"<{iri}>")
            else:
                node = self._convert(t)
                key = _text_key(str(node))
        except ValueError as err:  # an IRI or language tag RDF cannot hold
            raise GraphkitError(f"cannot write the RDF term {t!r}: {err}") from err
        n = self[t] = self.terms.number(key, node)
        return n

    def _convert(self, t: object) -> Any:
        ox = self.ox
        if isinstance(t, self.URIRef):
            return ox.NamedNode(clean_text(str(t)))
        if isinstance(t, self.Literal):
            text = clean_text(str(t))
            if t.language:
                return ox.Literal(text, language=t.language)
            if t.datatype is None:
                return ox.Literal(text)
            datatype = self.datatypes.get(t.datatype)
            if datatype is None:
                datatype = self.datatypes[t.datatype] = ox.NamedNode(str(t.datatype))
            return ox.Literal(text, datatype=datatype)
        if isinstance(t, self.BNode):
            return ox.BlankNode(re.sub(r"[^A-Za-z0-9_]", "_", str(t)) or "b")
        raise GraphkitError(f"cannot serialise the RDF term {t!r} ({type(t).__name__})")


_CHUNK = 1 << 16  # rows turned into Python numbers at a time


class Prepared:
    """A Dataset's quads as pyoxigraph terms, sorted; made once, written in many formats.

    ``ds`` may be a :class:`~graphkit.quads.Quads` snapshot of the Dataset. Every term
    is numbered in the order of its sort key (its N-Triples form, ``rdf:type`` first,
    ``""`` for the default graph): ``nodes[n]`` is term ``n`` as pyoxigraph's, and
    ``rows`` holds one row of numbers a quad, ``(graph, subject, predicate, object)``,
    sorted. Numbers sort as their keys do, so numpy sorts rows of 16 bytes a quad where
    a list of tuples of strings took about 100 bytes a quad, and counting distinct
    terms counts numbers.
    """

    def __init__(self, ds: Dataset | Quads) -> None:
        with no_gc():
            self.rows, self.nodes = _rows(snapshot(ds))

    @cached_property
    def union(self) -> Rows:
        """The union of all graphs, each triple once, as rows ``(subject, predicate,
        object)`` of term numbers, sorted."""
        import numpy as np

        triples = self.rows[:, 1:]
        triples = triples[_lexsorted(triples)]
        keep = np.ones(len(triples), dtype=bool)
        keep[1:] = (triples[1:] != triples[:-1]).any(axis=1)
        return triples[keep]

    def number(self, key: str) -> int | None:
        """The number of the term whose sort key is ``key`` (:func:`iri_key` for an
        IRI), or None when the graph has no such term."""
        n = bisect.bisect_left(self.nodes, key, key=_key)
        return n if n < len(self.nodes) and _key(self.nodes[n]) == key else None

    def of_predicate(self, key: str) -> Rows:
        """The rows of :attr:`union` whose predicate's sort key is ``key``."""
        n, union = self.number(key), self.union
        return union[union[:, 1] == n] if n is not None else union[:0]

    @cached_property
    def quads(self) -> list[ox.Quad]:
        """Every quad, sorted by graph (default first), subject, predicate, object."""
        with no_gc():
            return list(self.iter_quads())

    @cached_property
    def triples(self) -> list[ox.Triple]:
        """The union of all graphs, each triple once, sorted."""
        with no_gc():
            return list(self.iter_triples())

    def iter_quads(self) -> Iterator[ox.Quad]:
        """:attr:`quads`, made one at a time (a writer that streams holds none of them)."""
        import pyoxigraph as ox

        # each column's terms picked by numpy and handed to the constructor by map: no
        # Python loop a quad (the attendance list's Turtle and TriG: 1.6 s -> 0.95 s)
        n = self._node_array
        for start in range(0, len(self.rows), _CHUNK):
            g, s, p, o = self.rows[start : start + _CHUNK].T
            yield from map(ox.Quad, n[s], n[p], n[o], n[g])

    def iter_triples(self) -> Iterator[ox.Triple]:
        """:attr:`triples`, made one at a time."""
        import pyoxigraph as ox

        n, union = self._node_array, self.union
        for start in range(0, len(union), _CHUNK):
            s, p, o = union[start : start + _CHUNK].T
            yield from map(ox.Triple, n[s], n[p], n[o])

    @cached_property
    def _node_array(self) -> npt.NDArray[np.object_]:
        """:attr:`nodes` as a numpy array, to pick many of them at once."""
        import numpy as np

        array = np.empty(len(self.nodes), dtype=object)
        array[:] = self.nodes
        return array


def prepare(ds: Dataset | Quads | Prepared) -> Prepared:
    """``ds`` itself when it is prepared already, else ``ds`` prepared for writing."""
    return ds if isinstance(ds, Prepared) else Prepared(ds)


def _rows(quads: Quads) -> tuple[Rows, list[Any]]:
    """The quads' rows of term numbers, sorted, and each number's pyoxigraph term."""
    import numpy as np
    import pyoxigraph as ox
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    conv = _Converter()
    conv[DATASET_DEFAULT_GRAPH_ID] = conv.terms.number("", ox.DefaultGraph())
    # graph by graph, each graph's terms looked up one after another by map (no Python
    # loop or tuple a triple) into the rows of an array made beforehand
    flat = np.empty(4 * len(quads.rows), dtype=np.uint32)
    rows = flat.reshape(-1, 4)
    filled = 0
    for g, triples in quads.by_graph():
        if triples:
            part = rows[filled : filled + len(triples)]
            part[:, 0] = conv[g]
            numbers = map(conv.__getitem__, chain.from_iterable(triples))
            part[:, 1:] = np.fromiter(numbers, dtype=np.uint32, count=3 * len(part)).reshape(-1, 3)
            filled += len(part)
    terms = conv.terms
    del conv  # rdflib's terms → numbers: not needed again
    if any(isinstance(node, ox.BlankNode) for node in terms.nodes):
        # rdflib labels blank nodes at random; canonical labels keep the output stable
        n = terms.nodes
        canon = ox.Dataset(
            ox.Quad(n[s], n[p], n[o], n[g]) for g, s, p, o in flat.reshape(-1, 4).tolist()
        )
        canon.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
        terms = _Numbering()
        keep = terms.number
        flat = np.fromiter(
            chain.from_iterable(
                (keep(_key(q.graph_name), q.graph_name), keep(_key(q.subject), q.subject),
                 keep(_key(q.predicate), q.predicate), keep(_key(q.object), q.object))
                for q in canon
            ),
            dtype=np.uint32,
        )  # fmt: skip
    # default graph first (its key is ""), then subject, predicate (rdf:type first), object
    return terms.sort(flat)


def _lexsorted(rows: Rows) -> npt.NDArray[np.intp]:
    """The order that sorts ``rows`` (three or four columns of numbers under 2**32)."""
    import numpy as np

    # two keys of 64 bits, each made in place (a copy of all the rows as 64 bits
    # took twice the memory of the rows themselves)
    first = rows[:, 0].astype(np.uint64)
    first <<= np.uint64(32)
    first |= rows[:, 1]
    rest = rows[:, 2].astype(np.uint64)
    if rows.shape[1] == 4:
        rest <<= np.uint64(32)
        rest |= rows[:, 3]
    return np.lexsort((rest, first))


def _key(term: Any) -> str:
    import pyoxigraph as ox

    if isinstance(term, ox.DefaultGraph):
        return ""
    return _text_key(str(term))


def iri_key(iri: str) -> str:
    """The sort key :class:`Prepared` gives the IRI ``iri``.

    >>> iri_key("https://example.org/a"), iri_key("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    ('<https://example.org/a>', '\\x00')
    """
    return _text_key(f"<{iri}>")


def _text_key(text: str) -> str:
    """The sort key of a term written in N-Triples: the text, ``rdf:type`` first."""
    return "\x00" if text == _RDF_TYPE_KEY else text


def sorted_quads(ds: Dataset) -> list[ox.Quad]:
    """Every quad of ``ds`` as pyoxigraph quads, in the stable order graphkit writes.

    Sorted by graph (default graph first), subject, predicate (``rdf:type``
    first) and object; blank nodes, if any, get canonical (RDFC-1.0) labels.
    """
    return Prepared(ds).quads


def jsonld_context() -> dict[str, Any]:
    """The published JSON-LD context (graphkit/data/context.jsonld) as a dict."""
    from importlib.resources import files

    data = files("graphkit").joinpath("data/context.jsonld").read_text(encoding="utf-8")
    context: dict[str, Any] = json.loads(data)
    return context


def _types_as_keyword(nodes: list[dict[str, Any]]) -> None:
    """Move ``rdf:type`` IRIs into ``@type``, as JSON-LD's fromRdf does by default."""
    for node in nodes:
        if "@graph" in node:
            _types_as_keyword(node["@graph"])
        values = node.get(_RDF_TYPE)
        if values and all(set(v) == {"@id"} for v in values):
            node["@type"] = [v["@id"] for v in node.pop(_RDF_TYPE)]


def _jsonld(quads: Iterable[Any]) -> bytes:
    """Compact JSON-LD against the shipped context, one named graph per document."""
    import pyoxigraph as ox

    from .jsonld import Compactor, supported

    # pyoxigraph writes expanded JSON-LD fast; pyld's own fromRdf is quadratic
    expanded = json.loads(ox.serialize(quads, format=ox.RdfFormat.JSON_LD) or b"[]")
    _types_as_keyword(expanded)
    context = jsonld_context()
    if supported(context["@context"]):  # tens of times faster than pyld, same result
        compactor = Compactor(context["@context"])
        compacted = {"@graph": [compactor.node(node) for node in expanded]}
    else:
        from pyld import jsonld

        compacted = jsonld.compact(expanded, context, {"graph": True})
    compacted["@context"] = context["@context"]
    text = json.dumps(compacted, ensure_ascii=False, indent=1, sort_keys=True)
    return (text + "\n").encode("utf-8")


def _xml(data: Iterable[Any]) -> bytes:
    import pyoxigraph as ox

    triples = list(data)  # read twice
    # RDF/XML writes each predicate as an XML name: its IRI must end in one
    for predicate in {t.predicate.value for t in triples}:
        if not _XML_NAME_END.search(predicate):
            raise GraphkitError(
                f"RDF/XML cannot express the predicate <{predicate}> (its IRI does not end "
                "in a valid XML name); write turtle, nt, trig, nquads or json-ld instead"
            )
    data = ox.serialize(triples, format=ox.RdfFormat.RDF_XML, prefixes=PREFIXES) or b""
    # XML parsers turn a raw CR into LF; a character reference keeps it. pyoxigraph
    # writes CR only from literal text (its own line breaks are LF).
    return data.replace(b"\r", b"&#13;")


class _Oxigraph:
    """A format pyoxigraph writes as it is: to bytes, or straight into a file."""

    def __init__(self, fmt: str, *, prefixes: bool) -> None:
        self.fmt, self.prefixes = fmt, prefixes

    def __call__(self, data: Iterable[Any]) -> bytes:
        return self._serialize(data, None) or b""

    def to_file(self, data: Iterable[Any], path: Path) -> None:
        self._serialize(data, str(path))

    def _serialize(self, data: Iterable[Any], output: str | None) -> bytes | None:
        import pyoxigraph as ox

        ox_format = getattr(ox.RdfFormat, self.fmt)
        prefixes = PREFIXES if self.prefixes else None
        return ox.serialize(data, output, format=ox_format, prefixes=prefixes)


# The one table of graph output formats: build writes them, query loads and prints them,
# serve negotiates them, push sends them. The first is the default answer to a CONSTRUCT.
FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("graph.ttl", "turtle", False, "text/turtle", "turtle",
               _Oxigraph("TURTLE", prefixes=True)),
        Format("graph.nt", "nt", False, "application/n-triples", "nt",
               _Oxigraph("N_TRIPLES", prefixes=False)),
        Format("graph.nq", "nquads", True, "application/n-quads", "nquads",
               _Oxigraph("N_QUADS", prefixes=False)),
        Format("graph.trig", "trig", True, "application/trig", "trig",
               _Oxigraph("TRIG", prefixes=True)),
        Format("graph.jsonld", "json-ld", True, "application/ld+json", "json-ld", _jsonld),
        Format("graph.rdf", "xml", False, "application/rdf+xml", "xml", _xml),
    )
}  # fmt: skip
# other suffixes a graph file may carry when read
_READ_SUFFIXES = {".json": "json-ld", ".xml": "xml"}

# SELECT and ASK results; the first is the default answer
RESULT_FORMATS: dict[str, ResultFormat] = {
    f.name: f
    for f in (
        ResultFormat("json", "application/sparql-results+json", "JSON"),
        ResultFormat("xml", "application/sparql-results+xml", "XML"),
        ResultFormat("csv", "text/csv", "CSV"),
        ResultFormat("tsv", "text/tab-separated-values", "TSV"),
    )
}


def format_for_suffix(suffix: str) -> Format | None:
    """The graph format a file suffix names, or None.

    >>> format_for_suffix(".TTL").name, format_for_suffix(".json").name, format_for_suffix(".x")
    ('turtle', 'json-ld', None)
    """
    suffix = suffix.lower()
    name = _READ_SUFFIXES.get(suffix)
    if name is None:
        name = next((f.name for f in FORMATS.values() if f.suffix == suffix), None)
    return FORMATS[name] if name else None


def read_suffixes() -> list[str]:
    """Every suffix :func:`format_for_suffix` knows, sorted.

    >>> read_suffixes()[:3]
    ['.json', '.jsonld', '.nq']
    """
    return sorted({f.suffix for f in FORMATS.values()} | set(_READ_SUFFIXES))


def serialise(ds: Dataset | Quads | Prepared, fmt: str) -> bytes:
    """The Dataset as bytes in format ``fmt`` (see ``FORMATS``).

    Pass a :class:`Prepared` to write several formats of one Dataset without
    converting it again (or a :class:`~graphkit.quads.Quads` snapshot of it).
    """
    f = FORMATS[check_formats([fmt])[0]]
    with no_gc():
        return f.write(_terms(prepare(ds), f))


def _terms(prepared: Prepared, f: Format) -> Iterator[Any]:
    """What format ``f`` writes of ``prepared``: its quads, or the union's triples, made
    one at a time (the pyoxigraph terms of a big graph take more memory than the rest)."""
    return prepared.iter_quads() if f.quads else prepared.iter_triples()


def write_triples(triples: Iterable[ox.Triple], fmt: str) -> bytes:
    """Triples (a CONSTRUCT's answer) in graph format ``fmt``, sorted: the same bytes
    every time. Quad formats put them in the default graph."""
    import pyoxigraph as ox

    f = FORMATS[check_formats([fmt])[0]]
    data = sorted(triples, key=lambda t: (_key(t.subject), _key(t.predicate), _key(t.object)))
    if f.quads:
        return f.write([ox.Quad(t.subject, t.predicate, t.object) for t in data])
    return f.write(data)


def write_results(results: Any, fmt: str) -> bytes:
    """A SPARQL results document in ``fmt`` (see ``RESULT_FORMATS``), written by the RDF
    libraries: ``results`` is a ``pyoxigraph.QuerySolutions``/``QueryBoolean``, or an
    ``rdflib.query.Result`` (rdflib writes SPARQL JSON, pyoxigraph reads it and writes
    every format, TSV included, which rdflib lacks).

    >>> from rdflib import Literal, Variable
    >>> from rdflib.query import Result
    >>> r = Result("SELECT"); r.vars = [Variable("n")]; r.bindings = [{Variable("n"): Literal(2)}]
    >>> write_results(r, "tsv")
    b'?n\\n2\\n'
    """
    import pyoxigraph as ox

    if fmt not in RESULT_FORMATS:
        raise ConfigError(f"unknown results format {fmt}; choose from {', '.join(RESULT_FORMATS)}")
    target = getattr(ox.QueryResultsFormat, RESULT_FORMATS[fmt].oxigraph)
    if not isinstance(results, (ox.QuerySolutions, ox.QueryBoolean)):
        data = results.serialize(format="json")
        results = ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)
    return bytes(results.serialize(format=target) or b"")


def write_formats(
    ds: Dataset | Quads | Prepared, out: Path, *, formats: Iterable[str]
) -> list[Path]:
    """Write ``graph.<ext>`` into ``out`` for each format name; return the paths.

    ``ds`` may be a :class:`~graphkit.quads.Quads` snapshot of the Dataset, or a
    :class:`Prepared` one."""
    names = check_formats(formats)
    if not names:
        return []
    prepared = prepare(ds)
    written = []
    for name in names:
        f = FORMATS[name]
        path = out / f.filename
        with no_gc(), atomic_file(path) as tmp:
            if isinstance(f.write, _Oxigraph):  # straight into the file: no copy in memory
                f.write.to_file(_terms(prepared, f), tmp)
            else:
                tmp.write_bytes(f.write(_terms(prepared, f)))
        written.append(path)
    return written


def ontology_bytes() -> bytes:
    """The shipped ontology (graphkit/data/ontology.ttl) as Turtle bytes."""
    from importlib.resources import files

    return files("graphkit").joinpath("data/ontology.ttl").read_bytes()


def write_ontology(out: Path) -> Path:
    """Write ``ontology.ttl`` beside the graph."""
    return atomic_write(out / "ontology.ttl", ontology_bytes())
