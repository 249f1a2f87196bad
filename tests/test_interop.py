"""Interoperability: real third-party RDF tools read every format graphkit writes.

rapper (Raptor) and serdi (Serd, a strict parser) are C parsers that share no code
with rdflib or pyoxigraph; roqet (Rasqal) is a second SPARQL engine; pyld is the
reference JSON-LD processor for Python.
"""

from __future__ import annotations

import json
import re
import subprocess
import xml.dom.minidom
from pathlib import Path
from xml.parsers.expat import ExpatError

import pytest
from conftest import DATA, ROOT, need_tool
from rdflib import Dataset, Literal, URIRef

from graphkit.serialise import CONTEXT_URL, FORMATS, jsonld_context, write_formats

pytestmark = pytest.mark.interop

RAPPER_SYNTAX = {
    "turtle": "turtle",
    "nt": "ntriples",
    "nquads": "nquads",
    "trig": "trig",
    "xml": "rdfxml",
}  # rapper has no JSON-LD parser
SERDI_SYNTAX = {"turtle": "turtle", "nt": "ntriples", "nquads": "nquads", "trig": "trig"}
TEST_QUERIES = sorted((DATA / "interop").glob("*.rq"))


def library_queries() -> list[Path]:
    """The project's saved queries (queries/*.rq) when present, else this test's own."""
    found = sorted((ROOT / "queries").glob("*.rq"))
    return found or TEST_QUERIES


def gold_params(gold: dict) -> dict[str, str]:
    """Values for the queries' required parameters, taken from the gold annotation."""
    person = gold["people"][0]
    programme = gold["programmes"][0]
    return {
        "person": person["canonical_name"],
        "topic": programme["canonical_name"],
        "entity": programme["canonical_name"],
    }


def query_text(path: Path, gold: dict | None = None) -> str:
    """The text of a saved query with its parameters bound in a VALUES block: defaults,
    and gold-derived values for required ones (every engine runs the same text)."""
    from graphkit.query import bind_params, load_query, with_values

    q = load_query(path)
    values = {
        p.name: gold_params(gold)[p.name]
        for p in q.params
        if p.required and gold is not None and p.name in gold_params(gold)
    }
    bound = bind_params(q, values)
    return with_values(q.text, {k: v.n3() for k, v in bound.items()})


def counts(ds: Dataset) -> tuple[int, int]:
    """(triples in the union of all graphs, quads over all graphs)."""
    union = set()
    quads = 0
    for graph in ds.graphs():
        quads += len(graph)
        union.update(graph)
    return len(union), quads


# -- results as comparable rows ------------------------------------------------------------
def _ox_term(term) -> tuple[str, ...]:
    import pyoxigraph as ox

    if term is None:
        return ()
    if isinstance(term, ox.Literal):
        if term.language:
            return ("literal", term.value, "@" + term.language.lower())
        return ("literal", term.value, term.datatype.value)
    return (type(term).__name__, term.value)


def _rdflib_term(term) -> tuple[str, ...]:
    if term is None:
        return ()
    if isinstance(term, Literal):
        if term.language:
            return ("literal", str(term), "@" + term.language.lower())
        datatype = str(term.datatype or "http://www.w3.org/2001/XMLSchema#string")
        return ("literal", str(term), datatype)
    return ("NamedNode" if isinstance(term, URIRef) else "BlankNode", str(term))


def rows_pyoxigraph(path: Path, query: str) -> list[tuple]:
    """Rows of ``query`` over the graph file at ``path`` (default graph = union)."""
    import pyoxigraph as ox

    store = ox.Store()
    store.load(path=str(path))
    result = store.query(query, use_default_graph_as_union=True)
    names = [v.value for v in result.variables]
    return sorted(tuple(_ox_term(s[n]) for n in names) for s in result)


def rows_results(data: bytes, fmt: str) -> list[tuple]:
    """Rows from a SPARQL results document (``xml`` or ``json``)."""
    import pyoxigraph as ox

    kind = {"xml": ox.QueryResultsFormat.XML, "json": ox.QueryResultsFormat.JSON}[fmt]
    result = ox.parse_query_results(data, format=kind)
    names = [v.value for v in result.variables]
    return sorted(tuple(_ox_term(s[n]) for n in names) for s in result)


def rows_rdflib(ds: Dataset, query: str) -> list[tuple]:
    ds.default_union = True
    try:
        result = ds.query(query)
        return sorted(tuple(_rdflib_term(row[v]) for v in result.vars) for row in result)
    finally:
        ds.default_union = False


# -- the seeds build, every format ---------------------------------------------------------
@pytest.mark.parametrize("fmt", list(RAPPER_SYNTAX))
def test_rapper_parses_with_the_same_count(fmt, seeds_build, seeds_dataset):
    rapper = need_tool("rapper", "Raptor RDF parser (Debian raptor2-utils)")
    path = seeds_build / FORMATS[fmt][0]
    run = subprocess.run(
        [rapper, "-i", RAPPER_SYNTAX[fmt], "-c", str(path)], capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    assert "error" not in run.stderr.lower(), run.stderr
    union, quads = counts(seeds_dataset)
    expected = quads if FORMATS[fmt][2] else union
    assert re.search(rf"returned {expected} triples?\n", run.stderr), run.stderr


@pytest.mark.parametrize("fmt", list(SERDI_SYNTAX))
def test_serdi_strict_parser_reads_it(fmt, seeds_build, seeds_dataset):
    serdi = need_tool("serdi", "Serd strict RDF parser (Debian serdi)")
    path = seeds_build / FORMATS[fmt][0]
    run = subprocess.run(
        [serdi, "-i", SERDI_SYNTAX[fmt], "-o", "nquads", str(path)], capture_output=True, text=True
    )
    assert run.returncode == 0 and not run.stderr, run.stderr
    union, quads = counts(seeds_dataset)
    assert len(run.stdout.splitlines()) == (quads if FORMATS[fmt][2] else union)


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_pyoxigraph_parses_every_format(fmt, seeds_build, seeds_dataset):
    import pyoxigraph as ox

    quads = list(ox.parse(path=str(seeds_build / FORMATS[fmt][0])))
    union, total = counts(seeds_dataset)
    if FORMATS[fmt][2]:
        assert len(quads) == total
        graphs = {
            q.graph_name.value for q in quads if not isinstance(q.graph_name, ox.DefaultGraph)
        }
        assert graphs == {
            str(g.identifier)
            for g in seeds_dataset.graphs()
            if len(g) and str(g.identifier) != "urn:x-rdflib:default"
        }
    else:
        assert len(quads) == union


def test_rdf_xml_is_well_formed(seeds_build):
    from lxml import etree

    data = (seeds_build / "graph.rdf").read_bytes()
    etree.fromstring(data, etree.XMLParser(recover=False))  # raises on any error
    xml.dom.minidom.parseString(data)  # expat, a second strict XML parser


def test_pyld_expands_with_the_shipped_context_to_the_same_quads(seeds_build):
    """The JSON-LD, with its @context replaced by the published context URL and that
    URL served from the file shipped in the package, gives exactly the N-Quads."""
    import pyoxigraph as ox
    from pyld import jsonld

    doc = json.loads((seeds_build / "graph.jsonld").read_bytes())
    assert doc["@context"] == jsonld_context()["@context"]
    doc["@context"] = CONTEXT_URL

    def loader(url, options=None):
        assert url == CONTEXT_URL, f"pyld asked for {url}"
        return {"contextUrl": None, "documentUrl": url, "document": jsonld_context()}

    nquads = jsonld.to_rdf(doc, {"format": "application/n-quads", "documentLoader": loader})
    got = {str(q) for q in ox.parse(nquads.encode(), format=ox.RdfFormat.N_QUADS)}
    want = {str(q) for q in ox.parse(path=str(seeds_build / "graph.nq"))}
    assert got == want
    expanded = jsonld.expand(doc, {"documentLoader": loader})
    assert expanded, "expansion produced nothing"


# -- queries --------------------------------------------------------------------------------
@pytest.mark.parametrize("query", TEST_QUERIES, ids=lambda p: p.stem)
def test_pyoxigraph_and_rdflib_give_the_same_rows(query, seeds_build, seeds_dataset):
    """On this test's queries, over a graph file. (Every library query is compared
    between the two engines in tests/test_query_seeds.py, with results cached:
    rdflib takes most of a minute on co-attendance, so it is not run twice.)"""
    text = query.read_text(encoding="utf-8")
    ox_rows = rows_pyoxigraph(seeds_build / "graph.trig", text)
    assert ox_rows == rows_rdflib(seeds_dataset, text)


def _roqet(roqet: str, graph: Path, text: str, tmp_path: Path) -> subprocess.CompletedProcess:
    path = tmp_path / "query.rq"
    path.write_text(text, encoding="utf-8")
    # -W 0: rasqal warns about its own aggregate internals ("$$agg$$0 ... not bound")
    return subprocess.run(
        [roqet, "-q", "-W", "0", "-r", "xml", "-D", str(graph), str(path)], capture_output=True
    )


@pytest.mark.parametrize("query", TEST_QUERIES, ids=lambda p: p.stem)
def test_roqet_gives_the_same_rows(query, seeds_build, tmp_path):
    """Rasqal, a second SPARQL engine, on this test's queries (SPARQL 1.0 plus aggregates)."""
    roqet = need_tool("roqet", "Rasqal SPARQL engine (Debian rasqal-utils)")
    text = query.read_text(encoding="utf-8")
    run = _roqet(roqet, seeds_build / "graph.ttl", text, tmp_path)
    assert run.returncode == 0 and b"rror" not in run.stderr, run.stderr.decode()
    rows = rows_results(run.stdout, "xml")
    assert rows == rows_pyoxigraph(seeds_build / "graph.ttl", text)
    assert rows, "the query found nothing in the seeds graph; it proves little"


def test_roqet_runs_two_library_queries(seeds_build, gold, tmp_path):
    """Every library query Rasqal can parse gives the same rows; at least two must."""
    roqet = need_tool("roqet", "Rasqal SPARQL engine (Debian rasqal-utils)")
    ran, refused = [], []
    for query in sorted((ROOT / "queries").glob("*.rq")):
        text = query_text(query, gold)
        run = _roqet(roqet, seeds_build / "graph.ttl", text, tmp_path)
        if run.returncode != 0:
            first = run.stderr.decode().splitlines()[0]
            refused.append(f"{query.stem} ({re.sub(r'^.*?query.rq:', 'line ', first)})")
            continue
        assert rows_results(run.stdout, "xml") == rows_pyoxigraph(
            seeds_build / "graph.ttl", text
        ), query.stem
        ran.append(query.stem)
    # Rasqal 0.9 has no SPARQL 1.1 property paths; resolutions and meeting-chain avoid them
    assert {"resolutions", "meeting-chain"} <= set(ran), (
        f"roqet ran {ran or 'none'}; refused: {'; '.join(refused)}"
    )


# -- dirty text -----------------------------------------------------------------------------
DIRTY = (
    b"**Testshire County Council**  \n"
    b'**Minutes of the Meeting of the "Quotes" & <Brackets> Scrutiny Board [1]**  \n'
    b"**held at 2.00 pm on Tuesday, 14 March 2023**\n\n"
    b"Present:\n\n"
    b"Members: Councillor A O'Brien (Chair)  \nCouncillor B \x07Smith-Jones  \n"
    b'Councillor C "Chris" {Brown}\n\n'
    b'Employees:\n\nD Evans\x0b, Director of <Children\'s> Services & "Education"\n\n'
    # \xed\xa0\x80 is a lone surrogate (U+D800) written as UTF-8; \x81 is not cp1252 either
    b"Apologies: Councillor E Fa\xed\xa0\x80lkner\n\n"
    b"### **1. Declarations of Interests**\n\n"
    b"There were no disclosable pecuniary interests \x00 \x1b[31m.\n\n"
    b'### **2. The "Holiday Activities and Food (HAF)" Programme <update> [draft]**\n\n'
    b"The Board received a report from D Evans about the Holiday Activities and Food (HAF) "
    b'Programme \x81 and "Family Valued" ]]> --> <!-- \\u0000 \\" .\n\n'
    b"RESOLVED that the report be noted.\n"
)


@pytest.fixture(scope="module")
def dirty_build(tmp_path_factory) -> Path:
    """A build of a document written for this test, full of awkward characters."""
    import graphkit

    src = tmp_path_factory.mktemp("dirty-src") / "dirty-minutes.txt"
    src.write_bytes(DIRTY)
    out = tmp_path_factory.mktemp("dirty-out")
    result = graphkit.build(src)
    graphkit.write_outputs(result, out, formats=list(FORMATS), view=False)
    # and a graph made by hand with what no reader lets through: raw controls, a lone surrogate
    ds = Dataset()
    node = URIRef("https://example.org/id/x")
    ds.graph(URIRef("https://example.org/id/document/raw")).add(
        (node, URIRef("https://schema.org/name"), Literal("bell\x07 esc\x1b lone\ud800 cr\r end"))
    )
    write_formats(ds, out / "raw", formats=list(FORMATS))
    return out


def test_dirty_text_reaches_the_graph_visibly(dirty_build):
    from graphkit.load import load_graph

    texts = [
        str(o)
        for s, p, o, g in load_graph(dirty_build / "graph.trig").quads()
        if isinstance(o, Literal)
    ]
    assert any('"' in t for t in texts) and any("&" in t for t in texts)
    assert any("<" in t for t in texts)
    assert any("\ufffd" in t for t in texts), "undecodable bytes must show as U+FFFD"
    for t in texts:
        assert not any(ord(c) < 32 and c not in "\t\n\r" for c in t), repr(t)
    raw = load_graph(dirty_build / "raw" / "graph.trig")
    assert {str(o) for _, _, o, _ in raw.quads()} == {"bell\ufffd esc\ufffd lone\ufffd cr\r end"}


@pytest.mark.parametrize("folder", ["", "raw"], ids=["built", "by-hand"])
@pytest.mark.parametrize("fmt", list(FORMATS))
def test_dirty_outputs_parse_everywhere(fmt, folder, dirty_build):
    import pyoxigraph as ox

    from graphkit.load import load_graph

    path = dirty_build / folder / FORMATS[fmt][0]
    union, quads = counts(load_graph(path))  # rdflib
    assert union > 0
    assert len(list(ox.parse(path=str(path)))) == (quads if FORMATS[fmt][2] else union)
    if fmt in SERDI_SYNTAX:
        serdi = need_tool("serdi", "Serd strict RDF parser")
        run = subprocess.run(
            [serdi, "-i", SERDI_SYNTAX[fmt], "-o", "nquads", str(path)], capture_output=True
        )
        assert run.returncode == 0 and not run.stderr, run.stderr.decode()
    if fmt in RAPPER_SYNTAX:
        rapper = need_tool("rapper", "Raptor RDF parser")
        run = subprocess.run(
            [rapper, "-i", RAPPER_SYNTAX[fmt], "-c", str(path)], capture_output=True, text=True
        )
        assert run.returncode == 0 and "error" not in run.stderr.lower(), run.stderr
        expected = quads if FORMATS[fmt][2] else union
        assert re.search(rf"returned {expected} triples?\n", run.stderr), run.stderr
    if fmt == "xml":
        from lxml import etree

        etree.fromstring(path.read_bytes(), etree.XMLParser(recover=False))
        xml.dom.minidom.parseString(path.read_bytes())


def test_the_traps_are_real_and_avoided():
    """rdflib's own writers lose a lone surrogate and break XML on a control character;
    graphkit's outputs of the same graph keep the text visible and well-formed."""
    from rdflib import Graph

    from graphkit.serialise import serialise

    node, name = URIRef("https://example.org/id/x"), URIRef("https://schema.org/name")
    g = Graph()
    g.add((node, name, Literal("lone\ud800 bell\x07")))
    assert b'"lone? ' in g.serialize(format="turtle", encoding="utf-8")  # silently lost
    with pytest.raises(ExpatError):
        xml.dom.minidom.parseString(g.serialize(format="xml", encoding="utf-8"))
    ds = Dataset()
    ds.add((node, name, Literal("lone\ud800 bell\x07")))
    assert "lone\ufffd bell\ufffd".encode() in serialise(ds, "turtle")
    xml.dom.minidom.parseString(serialise(ds, "xml"))


# -- the dataset description ------------------------------------------------------------------
def test_void_describes_the_graph_and_its_build(seeds_build, seeds_result, seeds_dataset):
    from rdflib import Graph

    import graphkit
    from graphkit.vocab import DCTERMS, PROV, RDF, SCHEMA, VOID

    serdi = need_tool("serdi", "Serd strict RDF parser")
    run = subprocess.run(
        [serdi, "-i", "turtle", "-o", "ntriples", str(seeds_build / "void.ttl")],
        capture_output=True,
    )
    assert run.returncode == 0 and not run.stderr, run.stderr.decode()
    g = Graph().parse(seeds_build / "void.ttl", format="turtle")
    dataset = g.value(None, RDF.type, VOID.Dataset)
    union, _ = counts(seeds_dataset)
    assert int(g.value(dataset, VOID.triples)) == union
    classes = {o for graph in seeds_dataset.graphs() for o in graph.objects(None, RDF.type)}
    assert int(g.value(dataset, VOID.classes)) == len(classes)
    partitions = {g.value(p, VOID["class"]) for p in g.objects(dataset, VOID.classPartition)}
    assert partitions == classes
    assert URIRef("https://w3id.org/graphkit/ns#") in set(g.objects(dataset, VOID.vocabulary))
    sources = set(g.objects(dataset, DCTERMS.source))
    assert len(sources) == len(seeds_result.documents)
    for source in sources:
        assert g.value(source, DCTERMS.rights) is not None  # a licence statement, or its absence
    activity = g.value(dataset, PROV.wasGeneratedBy)
    assert (activity, RDF.type, PROV.Activity) in g
    assert set(g.objects(activity, PROV.used)) == sources
    assert g.value(activity, PROV.endedAtTime) is not None
    agent = g.value(activity, PROV.wasAssociatedWith)
    assert str(g.value(agent, SCHEMA.softwareVersion)) == graphkit.__version__


def test_void_is_reproducible_with_source_date_epoch(seeds_result, tmp_path, monkeypatch):
    from graphkit.void import write_void

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first = write_void(seeds_result, tmp_path / "a").read_bytes()
    second = write_void(seeds_result, tmp_path / "b").read_bytes()
    assert first == second
    assert b'"2023-11-14T22:13:20' in first and b"build/20231114T221320Z" in first


def test_licence_statements_are_found_in_the_document_text(tmp_path):
    import graphkit
    from graphkit.vocab import DCTERMS
    from graphkit.void import describe

    (tmp_path / "a.txt").write_text(
        "Minutes of the Planning Committee held on 1 May 2024\n\n"
        "Contains public sector information licensed under the Open Government Licence v3.0.\n"
    )
    (tmp_path / "b.txt").write_text("Minutes of the Planning Committee held on 2 May 2024\n")
    g = describe(graphkit.build(tmp_path))
    licences = {str(s).rsplit("/", 1)[-1]: str(o) for s, o in g.subject_objects(DCTERMS.license)}
    assert licences == {
        "a.txt": "http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
    }
    rights = {str(s).rsplit("/", 1)[-1]: str(o) for s, o in g.subject_objects(DCTERMS.rights)}
    assert rights["b.txt"].startswith("No licence statement")
