"""SHACL: the shapes accept the contract and name exactly what a broken graph gets wrong."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import DATA
from rdflib import Dataset, Literal, URIRef

from graphkit.cli import cli
from graphkit.serialise import write_formats
from graphkit.validate import Violation, shapes_graph, validate
from graphkit.vocab import DCTERMS, GK, RDF, SCHEMA, SKOS, XSD

CONTRACT = DATA / "interop" / "contract.trig"
ID = "https://example.org/id/"
MEETING = f"{ID}meeting/testshire/scrutiny-board/2023-03-14"
PREFIXES = """
PREFIX gk: <https://w3id.org/graphkit/ns#>
PREFIX schema: <https://schema.org/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX id: <https://example.org/id/>
"""
SWAP = (
    "DELETE {{ GRAPH ?g {{ ?s {p} ?o }} }} INSERT {{ GRAPH ?g {{ ?s {p} {new} }} }} "
    "WHERE {{ GRAPH ?g {{ ?s a {cls} ; {p} ?o }} }}"
)
DROP = "DELETE {{ GRAPH ?g {{ ?s {p} ?o }} }} WHERE {{ GRAPH ?g {{ ?s a {cls} ; {p} ?o }} }}"

# one mutation of the hand-written contract graph per shape rule:
# (name, SPARQL update, [(focus IRI suffix, path)] expected)
MUTATIONS = [
    (
        "meeting without date",
        DROP.format(cls="gk:Meeting", p="dcterms:date"),
        [
            ("meeting/testshire/scrutiny-board/2023-03-14", "dcterms:date"),
            ("meeting/testshire/scrutiny-board/2023-01-10", "dcterms:date"),
        ],
    ),
    (
        "meeting date as text",
        SWAP.format(cls="gk:Meeting", p="dcterms:date", new='"14/03/2023"'),
        [
            ("meeting/testshire/scrutiny-board/2023-03-14", "dcterms:date"),
            ("meeting/testshire/scrutiny-board/2023-01-10", "dcterms:date"),
        ],
    ),
    (
        "item without meeting",
        DROP.format(cls="gk:AgendaItem", p="schema:superEvent"),
        [("meeting/testshire/scrutiny-board/2023-03-14/item/5", "schema:superEvent")],
    ),
    (
        "item position as text",
        SWAP.format(cls="gk:AgendaItem", p="schema:position", new='"5"'),
        [("meeting/testshire/scrutiny-board/2023-03-14/item/5", "schema:position")],
    ),
    (
        "unknown status",
        SWAP.format(cls="gk:Attendance", p="gk:status", new="gk:Maybe"),
        [
            ("meeting/testshire/scrutiny-board/2023-03-14/attendance/a-smith", "gk:status"),
            ("meeting/testshire/scrutiny-board/2023-03-14/attendance/b-jones", "gk:status"),
        ],
    ),
    (
        "attendance without capacity",
        DROP.format(cls="gk:Attendance", p="gk:capacity"),
        [
            ("meeting/testshire/scrutiny-board/2023-03-14/attendance/a-smith", "gk:capacity"),
            ("meeting/testshire/scrutiny-board/2023-03-14/attendance/b-jones", "gk:capacity"),
        ],
    ),
    (
        "membership without role",
        DROP.format(cls="org:Membership", p="org:role"),
        [("membership/testshire/a-smith/chair/scrutiny-board", "org:role")],
    ),
    (
        "programme outside the scheme",
        DROP.format(cls="gk:Programme", p="skos:inScheme"),
        [("programme/testshire/haf", "skos:inScheme")],
    ),
    (
        "two names for an organisation",
        'INSERT { GRAPH ?g { ?s skos:prefLabel "OFSTED" } } '
        "WHERE { GRAPH ?g { ?s a org:Organization } }",
        [("organisation/ofsted", "skos:prefLabel")],
    ),
    (
        "resolution without text",
        DROP.format(cls="gk:Resolution", p="rdf:value"),
        [("meeting/testshire/scrutiny-board/2023-03-14/item/5/resolution/1", "rdf:value")],
    ),
    (
        "action outside an item",
        DROP.format(cls="gk:Action", p="dcterms:isPartOf"),
        [("meeting/testshire/scrutiny-board/2023-03-14/item/5/action/1", "dcterms:isPartOf")],
    ),
    (
        "work programme entry without name",
        DROP.format(cls="gk:WorkProgrammeEntry", p="schema:name"),
        [("document/minutes.txt/work-programme/1", "schema:name")],
    ),
    (
        "bad digest",
        SWAP.format(cls="foaf:Document", p="gk:sha256", new='"ABC"'),
        [("document/minutes.txt", "gk:sha256")],
    ),
    (
        "document type outside the set",
        SWAP.format(cls="foaf:Document", p="dcterms:type", new="gk:Letter"),
        [("document/minutes.txt", "dcterms:type")],
    ),
    (
        "selector offsets reversed",
        SWAP.format(cls="oa:TextPositionSelector", p="oa:start", new="900"),
        [
            ("document/minutes.txt/annotation/120-145/position", "oa:start"),
            ("document/minutes.txt/annotation/120-145/target", "oa:hasSelector"),
            ("document/minutes.txt/annotation/120-145", "oa:hasTarget"),
        ],
    ),
    (
        "quote selector missing",
        DROP.format(cls="oa:TextQuoteSelector", p="oa:exact"),
        [
            ("document/minutes.txt/annotation/120-145/quote", "oa:exact"),
            ("document/minutes.txt/annotation/120-145/target", "oa:hasSelector"),
            ("document/minutes.txt/annotation/120-145", "oa:hasTarget"),
        ],
    ),
    (
        "role bounds disagree with the interval",
        'DELETE { ?s schema:endDate ?d } INSERT { ?s schema:endDate "2023-12-31"^^xsd:date } '
        "WHERE { ?s schema:endDate ?d }",
        [("membership/testshire/a-smith/chair/scrutiny-board", "")],
    ),
]


def contract() -> Dataset:
    ds = Dataset()
    ds.parse(CONTRACT, format="trig")
    return ds


def _found(violations: list[Violation]) -> list[tuple[str, str]]:
    return sorted((v.focus.removeprefix(ID), v.path) for v in violations)


def test_shapes_parse_and_cover_the_contract():
    from rdflib.namespace import SH

    shapes = shapes_graph()
    targets = {str(o) for o in shapes.objects(None, SH.targetClass)}
    for term in (
        GK.Meeting,
        GK.AgendaItem,
        GK.Attendance,
        GK.Programme,
        GK.Resolution,
        GK.Action,
        GK.WorkProgrammeEntry,
        SCHEMA.Person,
    ):
        assert str(term) in targets
    for iri in (
        "http://www.w3.org/ns/org#FormalOrganization",
        "http://www.w3.org/ns/org#OrganizationalUnit",
        "http://www.w3.org/ns/org#Membership",
        "http://www.w3.org/ns/org#Organization",
        "http://xmlns.com/foaf/0.1/Document",
        "http://www.w3.org/ns/oa#Annotation",
    ):
        assert iri in targets


def test_the_hand_written_contract_graph_conforms():
    assert validate(contract()) == []


@pytest.mark.parametrize("name,update,expected", MUTATIONS, ids=[m[0] for m in MUTATIONS])
def test_each_broken_rule_is_reported_exactly(name, update, expected):
    ds = contract()
    ds.update(PREFIXES + "PREFIX foaf: <http://xmlns.com/foaf/0.1/>\n" + update)
    assert _found(validate(ds)) == sorted(expected)


def test_missing_date_and_missing_label_are_reported_exactly():
    ds = contract()
    meeting = URIRef(MEETING)
    person = URIRef(f"{ID}person/testshire/b-jones")
    for graph in ds.graphs():
        graph.remove((meeting, DCTERMS.date, None))
        graph.remove((person, SKOS.prefLabel, None))
    found = validate(ds)
    assert _found(found) == sorted(
        [
            ("meeting/testshire/scrutiny-board/2023-03-14", "dcterms:date"),
            ("person/testshire/b-jones", "skos:prefLabel"),
        ]
    )
    assert all(v.message and v.severity == "Violation" for v in found)


# -- the seeds build -----------------------------------------------------------------------
@pytest.fixture(scope="module")
def seeds_violations(seeds_dataset) -> list[Violation]:
    return validate(seeds_dataset)


def test_seeds_graph_conforms(seeds_violations):
    from graphkit.validate import format_violations

    assert seeds_violations == [], format_violations(seeds_violations)


def _gold_targets(ds: Dataset, gold: dict) -> tuple[URIRef, URIRef]:
    """The seeds' first gold meeting and its chair, found in the graph by date and name."""
    meeting_gold = gold["meetings"][0]
    person_gold = next(p for p in gold["people"] if p["id"] == meeting_gold["chair"])
    day = Literal(meeting_gold["date"], datatype=XSD.date)
    meetings = {
        s
        for g in ds.graphs()
        for s in g.subjects(DCTERMS.date, day)
        if (s, RDF.type, GK.Meeting) in g
    }
    names = {person_gold["canonical_name"], *person_gold["variants"]}
    people = {
        s
        for g in ds.graphs()
        for p in (SKOS.prefLabel, SKOS.altLabel)
        for s, o in g.subject_objects(p)
        if str(o) in names and (s, RDF.type, SCHEMA.Person) in g
    }
    assert len(meetings) == 1 and len(people) == 1, (meetings, people)
    return meetings.pop(), people.pop()


def test_broken_seeds_graph_reports_exactly_the_breakage(seeds_dataset, seeds_violations, gold):
    meeting, person = _gold_targets(seeds_dataset, gold)
    broken = Dataset()
    for s, p, o, g in seeds_dataset.quads((None, None, None, None)):
        if (s, p) in ((meeting, DCTERMS.date), (person, SKOS.prefLabel)):
            continue
        broken.add((s, p, o, g))
    new = set(validate(broken)) - set(seeds_violations)
    assert sorted((v.focus, v.path) for v in new) == sorted(
        [
            (str(meeting), "dcterms:date"),
            (str(person), "skos:prefLabel"),
        ]
    )


# -- the command ---------------------------------------------------------------------------
def test_validate_command_prints_violations_and_fails(tmp_path: Path):
    ds = contract()
    for graph in ds.graphs():
        graph.remove((URIRef(MEETING), DCTERMS.date, None))
    write_formats(ds, tmp_path, formats=["trig"])
    result = CliRunner().invoke(cli, ["validate", str(tmp_path / "graph.trig")])
    assert result.exit_code == 1
    assert "1 violation" in result.output
    assert MEETING in result.output
    assert "path:    dcterms:date" in result.output
    assert "a meeting needs exactly one dcterms:date" in result.output


def test_validate_command_passes_a_conforming_graph(tmp_path: Path):
    write_formats(contract(), tmp_path, formats=["nquads"])
    result = CliRunner().invoke(cli, ["validate", str(tmp_path / "graph.nq")])
    assert result.exit_code == 0, result.output
    assert "no violations" in result.output
