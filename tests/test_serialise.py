"""Serialisation: every format holds the graph, deterministically, whatever the text."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT, SEEDS
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from graphkit.errors import ConfigError, GraphLoadError
from graphkit.load import UnionStore, load_graph, load_store
from graphkit.serialise import (
    FORMATS,
    Prepared,
    clean_text,
    jsonld_context,
    serialise,
    write_formats,
)
from graphkit.vocab import DCTERMS, GK, RDF, SCHEMA, SKOS, XSD

TRIPLE_FORMATS = [name for name, f in FORMATS.items() if not f.quads]
QUAD_FORMATS = [name for name, f in FORMATS.items() if f.quads]
EX = "https://example.org/id/"


def _union(ds: Dataset) -> Graph:
    g = Graph()
    for graph in ds.graphs():
        for triple in graph:
            g.add(triple)
    return g


def _named(ds: Dataset) -> dict[str, Graph]:
    out = {}
    for graph in ds.graphs():
        if len(graph) and graph.identifier != URIRef("urn:x-rdflib:default"):
            copy = Graph()
            for triple in graph:
                copy.add(triple)
            out[str(graph.identifier)] = copy
    return out


def small_dataset() -> Dataset:
    """Two documents' named graphs and a default graph, with awkward literals."""
    ds = Dataset()
    council = URIRef(EX + "council/testshire")
    ds.add((council, RDF.type, URIRef("http://www.w3.org/ns/org#FormalOrganization")))
    ds.add((council, SKOS.prefLabel, Literal("Testshire County Council")))
    texts = ['Item "one" <b>&amp;</b> ]]> end', "caf\u00e9 \u2014 na\u00efve \U0001f600"]
    for n, text in enumerate(texts):
        doc = URIRef(f"{EX}document/d{n}.txt")
        g = ds.graph(doc)
        meeting = URIRef(f"{EX}meeting/testshire/board/2024-01-0{n + 1}")
        g.add((meeting, RDF.type, GK.Meeting))
        g.add((meeting, DCTERMS.date, Literal(f"2024-01-0{n + 1}", datatype=XSD.date)))
        g.add((meeting, SCHEMA.name, Literal(text)))
        g.add((meeting, SCHEMA.name, Literal("Board", lang="en-GB")))
        g.add((meeting, SCHEMA.position, Literal(n + 1)))
        g.add((council, SKOS.prefLabel, Literal("Testshire County Council")))  # in two graphs
    return ds


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_format_round_trips(fmt, tmp_path):
    ds = small_dataset()
    path = write_formats(ds, tmp_path, formats=[fmt])[0]
    assert path.name == FORMATS[fmt][0]
    back = load_graph(path)
    # sets, not rdflib's isomorphism: it tells "en-GB" from "en-gb", which RDF does not
    assert set(_union(back)) == set(_union(ds))
    if fmt in QUAD_FORMATS:  # one named graph per document, each with its own triples
        assert _named(back).keys() == _named(ds).keys()
        for name, graph in _named(ds).items():
            assert set(_named(back)[name]) == set(graph), name


@pytest.mark.parametrize("fmt", TRIPLE_FORMATS)
def test_triple_formats_hold_the_union_once(fmt):
    ds = small_dataset()
    back = load_graph_bytes(serialise(ds, fmt), fmt)
    assert len(_union(back)) == len(_union(ds))
    assert not _named(back)  # no named graphs in a triple format


def load_graph_bytes(data: bytes, fmt: str) -> Dataset:
    ds = Dataset()
    ds.parse(data=data, format=FORMATS[fmt][1])
    return ds


def test_output_is_sorted_and_stable_in_memory():
    a, b = small_dataset(), small_dataset()
    for fmt in FORMATS:
        assert serialise(a, fmt) == serialise(b, fmt), fmt
    subjects = [line.split(" ", 1)[0] for line in serialise(a, "nt").decode().splitlines()]
    assert subjects == sorted(subjects)


def test_blank_nodes_get_canonical_labels():
    """rdflib labels blank nodes at random; the files must not change with them."""

    def with_bnodes() -> Dataset:
        ds = Dataset()
        node = URIRef(EX + "meeting/x")
        for place in ("Room 1", "Room 2"):
            b = BNode()
            ds.add((node, SCHEMA.location, b))
            ds.add((b, SCHEMA.name, Literal(place)))
        return ds

    outputs = {serialise(with_bnodes(), "turtle") for _ in range(3)}
    assert len(outputs) == 1
    assert isomorphic(_union(load_graph_bytes(outputs.pop(), "turtle")), _union(with_bnodes()))


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_a_written_file_holds_the_bytes_serialise_gives(fmt, tmp_path):
    ds = small_dataset()
    path = write_formats(ds, tmp_path, formats=[fmt])[0]
    assert path.read_bytes() == serialise(ds, fmt)
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left


def test_a_file_that_fails_half_written_leaves_the_old_one(tmp_path, monkeypatch):
    ds = small_dataset()
    path = write_formats(ds, tmp_path, formats=["turtle"])[0]
    before = path.read_bytes()

    # the writer streams straight into the file: a failure midway must not be seen
    monkeypatch.setattr(Prepared, "iter_triples", _fails_after_one)
    with pytest.raises(OSError, match="disk full"):
        write_formats(ds, tmp_path, formats=["turtle"])
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def _fails_after_one(prepared):
    import pyoxigraph as ox

    n = prepared.nodes
    for s, p, o in prepared.union:
        yield ox.Triple(n[s], n[p], n[o])
        raise OSError("disk full")


def test_unknown_format_lists_the_choices(tmp_path):
    with pytest.raises(ConfigError) as err:
        write_formats(small_dataset(), tmp_path, formats=["turtle", "n3"])
    for name in FORMATS:
        assert name in str(err.value)


def test_unsafe_text_becomes_replacement_characters_in_every_format():
    ds = Dataset()
    node = URIRef(EX + "x")
    ds.add((node, SCHEMA.name, Literal("bell\x07 nul\x00 lone\ud800 ok\ttab")))
    expected = "bell\ufffd nul\ufffd lone\ufffd ok\ttab"
    for fmt in FORMATS:
        back = _union(load_graph_bytes(serialise(ds, fmt), fmt))
        assert [str(o) for o in back.objects(node, SCHEMA.name)] == [expected], fmt
    assert clean_text(expected) == expected


def test_carriage_return_survives_rdf_xml():
    ds = Dataset()
    node = URIRef(EX + "x")
    ds.add((node, SCHEMA.name, Literal("line one\r\nline two")))
    back = _union(load_graph_bytes(serialise(ds, "xml"), "xml"))
    assert str(back.value(node, SCHEMA.name)) == "line one\r\nline two"


def test_json_ld_is_compacted_against_the_shipped_context():
    data = json.loads(serialise(small_dataset(), "json-ld"))
    assert data["@context"] == jsonld_context()["@context"]
    text = json.dumps(data)
    # terms from the context are used, not full IRIs
    assert '"date"' in text and "http://purl.org/dc/terms/date" not in text
    assert '"Meeting"' in text
    graphs = [node for node in data["@graph"] if "@graph" in node]
    assert sorted(g["@id"] for g in graphs) == sorted(_named(small_dataset()))


def test_context_covers_every_prefix_and_gk_term_it_names():
    from graphkit.vocab import PREFIXES

    ctx = jsonld_context()["@context"]
    for prefix, ns in PREFIXES.items():
        assert ctx[prefix] == ns
    for value in ctx.values():
        iri = value if isinstance(value, str) else value["@id"]
        if iri.startswith("gk:"):
            getattr(GK, iri[3:])  # closed namespace: a misspelt term fails here


def test_seeds_build_files_are_byte_identical_across_processes(seeds_build, tmp_path):
    """A second build in a fresh interpreter (another hash seed) writes the same bytes."""
    env = dict(os.environ, PYTHONHASHSEED="12345", PYTHONPATH=str(ROOT))
    out = tmp_path / "again"
    formats = [arg for name in FORMATS for arg in ("--format", name)]
    subprocess.run(
        [
            sys.executable,
            "-m",
            "graphkit",
            "build",
            str(SEEDS),
            "-o",
            str(out),
            "-q",
            "--no-view",
            "--with-ontology",
            *formats,
        ],
        check=True,
        env=env,
        cwd=ROOT,
        capture_output=True,
    )
    for name in [FORMATS[f][0] for f in FORMATS] + ["ontology.ttl"]:
        assert (out / name).read_bytes() == (seeds_build / name).read_bytes(), name


def test_seeds_formats_agree(seeds_build, seeds_dataset):
    union = set(_union(seeds_dataset))
    assert not any(isinstance(t, BNode) for triple in union for t in triple)
    for fmt, (name, _, quads, *_) in FORMATS.items():
        back = load_graph(seeds_build / name)
        assert set(_union(back)) == union, fmt
        if quads:
            assert _named(back).keys() == _named(seeds_dataset).keys(), fmt


def test_load_store_reads_every_format_as_rdflib_does(seeds_build, seeds_dataset):
    """pyoxigraph's own parser (load_store, for big graphs) and rdflib's agree, file by
    file; the store's default graph is the union of every graph, its named graphs the
    documents' graphs."""
    import pyoxigraph as ox

    from graphkit.query import _to_ox

    for fmt, f in FORMATS.items():
        union = {ox.Triple(*map(_to_ox, t)) for t in _union(load_graph(seeds_build / f.filename))}
        store = load_store(seeds_build / f.filename).store
        default = store.quads_for_pattern(None, None, None, ox.DefaultGraph())
        assert {q.triple for q in default} == union, fmt
        named = {q.graph_name.value for q in store if not isinstance(q.graph_name, ox.DefaultGraph)}
        assert named == (set(_named(seeds_dataset)) if f.quads else set()), fmt


def test_a_loaded_store_answers_from_the_union_and_from_the_graphs_when_named(
    seeds_build, seeds_dataset
):
    """Queries that name no graph are asked of a store of the union alone; GRAPH, FROM
    and a dataset in the options reach the documents' graphs."""
    import pyoxigraph as ox

    store = load_store(seeds_build / "graph.trig")
    assert {q.graph_name for q in store.union} == {ox.DefaultGraph()}
    every = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert int(next(iter(store.query(every)))[0].value) == len(store.union)
    graphs = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert int(next(iter(store.query(graphs)))[0].value) == len(_named(seeds_dataset))
    doc = ox.NamedNode(sorted(_named(seeds_dataset))[0])
    own = store.query(every, default_graph=[doc])
    assert int(next(iter(own))[0].value) == sum(
        1 for _ in store.store.quads_for_pattern(None, None, None, doc)
    )
    served = UnionStore.read(
        (seeds_build / "graph.trig").read_bytes(), "application/trig", lazy=False
    )
    assert served.union is None
    assert int(next(iter(served.query(every)))[0].value) == len(store.union)


def test_named_graphs_are_not_loaded_from_a_file_changed_since_its_union(seeds_build, tmp_path):
    """The documents' graphs are loaded when first asked for: from the file the union
    came from, or not at all."""
    copy = tmp_path / "graph.trig"
    shutil.copyfile(seeds_build / "graph.trig", copy)
    store = load_store(copy)
    graphs = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    copy.write_text(copy.read_text(encoding="utf-8") + "\n# rebuilt\n", encoding="utf-8")
    with pytest.raises(GraphLoadError, match=r"graph\.trig: the file has changed"):
        store.query(graphs)
    assert int(next(iter(load_store(copy).query(graphs)))[0].value) > 1


@pytest.mark.parametrize("loader", [load_graph, load_store])
def test_a_bad_graph_file_is_named(loader, tmp_path):
    bad = tmp_path / "broken.ttl"
    bad.write_text("<https://example.org/a> <https://example.org/b> .\n")
    with pytest.raises(GraphLoadError, match=r"broken\.ttl: not valid turtle"):
        loader(bad)
    with pytest.raises(GraphLoadError, match=r"nowhere\.trig: no such file"):
        loader(tmp_path / "nowhere.trig")
    odd = tmp_path / "graph.csv"
    odd.write_text("a,b\n")
    with pytest.raises(GraphLoadError, match=r"graph\.csv: unknown graph format '\.csv'"):
        loader(odd)
    empty = tmp_path / "empty-build"
    empty.mkdir()
    with pytest.raises(GraphLoadError, match=r"empty-build: no graph.trig, graph.nq or graph.ttl"):
        loader(empty)


def awkward_dataset() -> Dataset:
    """Values that do not fit their term's type mapping, blank nodes, odd IRIs."""
    ds = small_dataset()
    g = ds.graph(URIRef(EX + "document/odd.txt"))
    node = URIRef(EX + "meeting/odd")
    b1, b2 = BNode("x1"), BNode("x2")
    g.add((node, DCTERMS.date, Literal("14 March 2023")))  # a date that is not xsd:date
    g.add((node, DCTERMS.date, Literal("2023-03-14T10:00:00", datatype=XSD.dateTime)))
    g.add((node, GK.status, URIRef(EX + "status/unknown")))  # not a term of the context
    g.add((node, GK.status, GK.Present))
    g.add((node, DCTERMS.subject, SCHEMA.Event))  # an IRI that is also a term
    g.add((node, RDF.type, Literal("not a class")))
    g.add((node, URIRef("http://example.org/p"), Literal("no prefix", lang="cy")))
    g.add((node, SCHEMA.position, Literal("2.5", datatype=XSD.decimal)))
    g.add((node, SCHEMA.location, b1))
    g.add((b1, SCHEMA.name, Literal("Room 1")))
    g.add((b1, URIRef("https://schema.org/containedInPlace"), b2))
    g.add((URIRef(EX + "document/odd.txt"), SKOS.prefLabel, Literal("graph IRI as subject")))
    return ds


@pytest.mark.parametrize("name", ["small", "awkward", "contract", "seeds"])
def test_fast_json_ld_compaction_equals_pylds(name, seeds_dataset):
    """graphkit compacts JSON-LD itself (pyld is slow); the output must be pyld's exactly."""
    import pyoxigraph as ox
    from pyld import jsonld

    from graphkit.serialise import Prepared, _types_as_keyword

    ds = {
        "small": small_dataset,
        "awkward": awkward_dataset,
        "contract": lambda: load_graph(ROOT / "tests/data/interop/contract.trig"),
        "seeds": lambda: seeds_dataset,
    }[name]()
    expanded = json.loads(ox.serialize(Prepared(ds).quads, format=ox.RdfFormat.JSON_LD))
    _types_as_keyword(expanded)
    reference = jsonld.compact(expanded, jsonld_context(), {"graph": True})
    reference["@context"] = jsonld_context()["@context"]
    assert json.loads(serialise(ds, "json-ld")) == reference


def test_what_a_format_cannot_hold_is_a_clear_error():
    from graphkit.errors import GraphkitError

    ds = Dataset()
    ds.add((URIRef(EX + "s"), URIRef("http://example.org/1"), Literal("x")))
    assert b"<http://example.org/1>" in serialise(ds, "turtle")
    with pytest.raises(GraphkitError, match="RDF/XML cannot express the predicate"):
        serialise(ds, "xml")
    bad = Dataset()
    bad.add((URIRef(EX + "s"), URIRef("http://example.org/a b"), Literal("x")))
    with pytest.raises(GraphkitError, match="cannot write the RDF term"):
        serialise(bad, "nt")


def test_one_registry_names_suffix_media_type_and_writer():
    from graphkit.serialise import RESULT_FORMATS, format_for_suffix, write_triples

    for name, f in FORMATS.items():
        assert f.name == name and f.filename == "graph" + f.suffix
        assert format_for_suffix(f.suffix) is f
        assert "/" in f.media_type
    assert set(RESULT_FORMATS) == {"json", "xml", "csv", "tsv"}
    import pyoxigraph as ox

    t = ox.Triple(ox.NamedNode("https://e.org/a"), ox.NamedNode("https://e.org/p"), ox.Literal("x"))
    for name in FORMATS:  # a CONSTRUCT's triples in every format, quad formats included
        data = write_triples([t], name)
        assert (
            len(list(ox.parse(data, format=ox.RdfFormat.from_media_type(FORMATS[name].media_type))))
            == 1
        ), name
