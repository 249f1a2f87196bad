"""graphkit.analyse: the projection and each analysis, on a tiny hand-built graph (exact
values) and on the seeds graph (checked against the gold annotation and the queries)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset

import graphkit
from graphkit.analyse import AnalysisError, analyse, find_entities, format_tables
from graphkit.cli import cli

pytestmark = pytest.mark.filterwarnings(
    "ignore:Dataset.default_context is deprecated:DeprecationWarning",
    "ignore:ConjunctiveGraph is deprecated:DeprecationWarning",
)

PREFIXES = """
@prefix gk: <https://w3id.org/graphkit/ns#> .
@prefix schema: <https://schema.org/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix : <https://example.org/id/> .
"""

# Three meetings of one committee; Dan sends apologies (no edge); Dan leads a
# work-programme entry on Saplings; HAF is discussed at m1 and m3.
TINY = (
    PREFIXES
    + """
:council a org:FormalOrganization ; skos:prefLabel "Council" .
:board a org:OrganizationalUnit ; skos:prefLabel "The Board" ; org:subOrganizationOf :council .
:doc a foaf:Document ; dcterms:source "minutes.txt" .
:m1 a gk:Meeting ; dcterms:date "2021-01-10"^^xsd:date ; schema:organizer :board ; schema:name "Board, 10 January 2021" .
:m2 a gk:Meeting ; dcterms:date "2021-06-10"^^xsd:date ; schema:organizer :board ; schema:name "Board, 10 June 2021" .
:m3 a gk:Meeting ; dcterms:date "2023-03-01"^^xsd:date ; schema:organizer :board ; schema:name "Board, 1 March 2023" .
:alice a schema:Person ; skos:prefLabel "Alice Ash" .
:bob a schema:Person ; skos:prefLabel "Bob Birch" ; skos:altLabel "Cllr Birch" .
:carol a schema:Person ; skos:prefLabel "Carol Cedar" .
:dan a schema:Person ; skos:prefLabel "Dan Dogwood" .
:haf a gk:Programme, skos:Concept ; skos:prefLabel "Holiday Activities and Food Programme" ; skos:altLabel "HAF" .
:sap a gk:Programme, skos:Concept ; skos:prefLabel "Saplings Programme" .
:early a skos:Concept ; skos:prefLabel "Early years" .
:a1 a gk:Attendance ; gk:meeting :m1 ; gk:attendee :alice ; gk:status gk:Present ; gk:capacity gk:Member ; gk:roleAsWritten "Chair" ; gk:listedAs "Members" ; prov:wasDerivedFrom :doc .
:a2 a gk:Attendance ; gk:meeting :m2 ; gk:attendee :alice ; gk:status gk:Present ; gk:capacity gk:Member .
:a3 a gk:Attendance ; gk:meeting :m1 ; gk:attendee :bob ; gk:status gk:Present ; gk:capacity gk:Member .
:a4 a gk:Attendance ; gk:meeting :m3 ; gk:attendee :carol ; gk:status gk:Present ; gk:capacity gk:Officer .
:a5 a gk:Attendance ; gk:meeting :m1 ; gk:attendee :dan ; gk:status gk:Apologies ; gk:capacity gk:Member .
:i1 a gk:AgendaItem ; schema:superEvent :m1 ; schema:name "Holiday food" ; dcterms:identifier "3" ; schema:position 1 ;
    dcterms:subject :haf, :sap ; schema:mentions :bob, :board .
:i2 a gk:AgendaItem ; schema:superEvent :m2 ; schema:name "Saplings" ; schema:position 1 ; dcterms:subject :sap, :early .
:i3 a gk:AgendaItem ; schema:superEvent :m3 ; schema:name "HAF again" ; schema:position 1 ; dcterms:subject :haf ; schema:mentions :carol .
:ann a oa:Annotation ; oa:hasBody :haf ; gk:inItem :i1 ; oa:hasTarget :t .
:t oa:hasSource :doc ; oa:hasSelector :s1, :s2 .
:s1 a oa:TextPositionSelector ; oa:start 10 ; oa:end 13 .
:s2 a oa:TextQuoteSelector ; oa:exact "HAF" .
:wp a gk:WorkProgrammeEntry ; schema:name "Saplings review" ; dcterms:subject :sap ; gk:lead :dan ; dcterms:isPartOf :doc .
:ms a org:Membership ; org:member :alice ; org:organization :board ; org:role :chair ;
    schema:startDate "2021-01-10"^^xsd:date ; schema:endDate "2021-06-10"^^xsd:date .
:chair a org:Role ; skos:prefLabel "Chair" .
"""
)

# Two committees, two people and a programme each: two communities.
TWO = (
    PREFIXES
    + """
:p1 a gk:Meeting ; dcterms:date "2022-01-01"^^xsd:date .
:p2 a gk:Meeting ; dcterms:date "2022-02-01"^^xsd:date .
:x1 a schema:Person ; skos:prefLabel "X One" . :x2 a schema:Person ; skos:prefLabel "X Two" .
:y1 a schema:Person ; skos:prefLabel "Y One" . :y2 a schema:Person ; skos:prefLabel "Y Two" .
:px a gk:Programme ; skos:prefLabel "Parks" . :py a gk:Programme ; skos:prefLabel "Roads" .
:p1 schema:attendee :x1, :x2 . :p2 schema:attendee :y1, :y2 .
:j1 a gk:AgendaItem ; schema:superEvent :p1 ; schema:name "Parks" ; dcterms:subject :px .
:j2 a gk:AgendaItem ; schema:superEvent :p2 ; schema:name "Roads" ; dcterms:subject :py .
"""
)

IRI = "https://example.org/id/"


def _dataset(text: str) -> Dataset:
    ds = Dataset()
    ds.parse(data=text, format="turtle")
    return ds


@pytest.fixture(scope="module")
def tiny() -> object:
    return graphkit.project(_dataset(TINY))


# -- the projection -----------------------------------------------------------------------------
def test_projection_nodes_edges_and_attributes(tiny: object) -> None:
    g = tiny
    kinds = {n[len(IRI) :]: d["kind"] for n, d in g.nodes(data=True)}  # type: ignore[attr-defined]
    assert kinds == {
        "alice": "person",
        "bob": "person",
        "carol": "person",
        "dan": "person",
        "m1": "meeting",
        "m2": "meeting",
        "m3": "meeting",
        "haf": "programme",
        "sap": "programme",
        "early": "programme",
    }  # no committee, council, document or item
    edges = {
        tuple(sorted((a[len(IRI) :], b[len(IRI) :]))): d["relations"]
        for a, b, d in g.edges(data=True)  # type: ignore[attr-defined]
    }
    assert edges == {
        ("alice", "m1"): ("attended",),
        ("alice", "m2"): ("attended",),
        ("bob", "m1"): ("attended", "named"),
        ("carol", "m3"): ("attended", "named"),
        ("haf", "m1"): ("discussed",),
        ("m1", "sap"): ("discussed",),
        ("m2", "sap"): ("discussed",),
        ("early", "m2"): ("discussed",),
        ("haf", "m3"): ("discussed",),
        ("dan", "sap"): ("leads",),
    }  # Dan's apologies make no edge
    nodes = g.nodes  # type: ignore[attr-defined]
    assert nodes[IRI + "m1"]["date"] == "2021-01-10" and nodes[IRI + "m1"]["year"] == 2021
    assert nodes[IRI + "m1"]["committee"] == "The Board"
    assert nodes[IRI + "haf"]["concept"] == "programme"
    assert nodes[IRI + "early"]["concept"] == "topic"
    assert nodes[IRI + "bob"]["alt_labels"] == ["Cllr Birch"]
    assert nodes[IRI + "alice"]["roles"] == [
        {"role": "Chair", "organisation": "The Board", "start": "2021-01-10", "end": "2021-06-10"}
    ]
    haf_m1 = g.edges[IRI + "haf", IRI + "m1"]  # type: ignore[attr-defined]
    assert haf_m1["evidence"][0]["quote"] == "HAF"
    assert haf_m1["evidence"][0]["document"] == "minutes.txt"
    assert g.graph["items"][IRI + "i1"]["programmes"] == [IRI + "haf", IRI + "sap"]  # type: ignore[attr-defined]


def test_find_entities_by_label_alias_or_iri(tiny: object) -> None:
    assert find_entities(tiny, "HAF") == [IRI + "haf"]
    assert find_entities(tiny, "holiday activities") == [IRI + "haf"]
    assert find_entities(tiny, "birch", kinds=("person",)) == [IRI + "bob"]
    assert find_entities(tiny, IRI + "carol") == [IRI + "carol"]
    assert find_entities(tiny, "HA") == []


# -- each analysis, exact -----------------------------------------------------------------------
def test_centrality_exact(tiny: object) -> None:
    table = graphkit.centrality(tiny, top=0)
    rows = {r["name"]: r for r in table.records()}
    assert set(rows) == {
        "Alice Ash",
        "Bob Birch",
        "Carol Cedar",
        "Dan Dogwood",
        "Holiday Activities and Food Programme",
        "Saplings Programme",
        "Early years",
    }
    assert rows["Saplings Programme"]["degree"] == 3 and rows["Saplings Programme"]["rank"] == 1
    assert rows["Alice Ash"]["degree"] == 2
    pairs = 9 * 8 / 2  # 10 nodes: pairs among the other nine
    # HAF alone joins {m3, Carol} to the seven other nodes
    assert rows["Holiday Activities and Food Programme"]["betweenness"] == round(14 / pairs, 6)
    # Alice carries half of the paths from m1's side (5 nodes) to m2 and to Early years
    assert rows["Alice Ash"]["betweenness"] == round(5 / pairs, 6)
    assert rows["Dan Dogwood"]["betweenness"] == 0
    assert not any("approximate" in n for n in table.notes)
    sampled = graphkit.centrality(tiny, exact_max_nodes=5)
    assert any("approximate" in n for n in sampled.notes)


def test_communities_exact() -> None:
    table = graphkit.communities(_dataset(TWO))
    assert [(r["people"], r["programmes"], r["meetings"]) for r in table.records()] == [
        (["X One", "X Two"], ["Parks"], 1),
        (["Y One", "Y Two"], ["Roads"], 1),
    ]
    greedy = graphkit.communities(_dataset(TWO), method="greedy")
    assert greedy.rows == table.rows


def test_timeline_exact(tiny: object) -> None:
    haf = graphkit.programme_timeline(tiny, "HAF")
    assert haf.programmes == ("Holiday Activities and Food Programme",)
    assert [d for d, _, _ in haf.meetings] == ["2021-01-10", "2023-03-01"]
    assert haf.meetings[0][2] == ("Holiday food",)
    assert haf.per_year == {2021: 1, 2023: 1}
    assert (haf.first, haf.last) == ("2021-01-10", "2023-03-01")
    assert haf.gaps == (("2021-01-10", "2023-03-01", 780),)
    assert haf.people == (
        ("Bob Birch", 1, 0, 0, 1),
        ("Carol Cedar", 1, 0, 0, 1),
        ("Alice Ash", 0, 0, 0, 1),
    )
    saplings = graphkit.programme_timeline(tiny, "Saplings")
    assert saplings.per_year == {2021: 2} and saplings.gaps == ()
    assert saplings.people == (
        ("Bob Birch", 1, 0, 0, 1),
        ("Dan Dogwood", 0, 1, 0, 0),
        ("Alice Ash", 0, 0, 0, 2),
    )
    with pytest.raises(AnalysisError, match="no programme"):
        graphkit.programme_timeline(tiny, "Nothing Like It")


def test_explained_path_exact(tiny: object) -> None:
    hops = graphkit.explain_path(tiny, "Bob Birch", "Carol Cedar")
    assert [(h.source, h.relation, h.target) for h in hops] == [
        ("Bob Birch", "named in an item of", "Board, 10 January 2021"),
        ("Board, 10 January 2021", "discussed", "Holiday Activities and Food Programme"),
        ("Holiday Activities and Food Programme", "discussed at", "Board, 1 March 2023"),
        ("Board, 1 March 2023", "named", "Carol Cedar"),
    ]
    assert (
        hops[1].item == "Holiday food" and hops[1].quote == "HAF" and hops[1].date == "2021-01-10"
    )
    alice = graphkit.explain_path(tiny, "Alice", "Bob")
    assert [h.target for h in alice] == ["Board, 10 January 2021", "Bob Birch"]
    assert alice[0].relation == "attended" and alice[0].detail["role"] == "Chair"
    lead = graphkit.explain_path(tiny, "Dan", "Saplings")
    assert [(h.relation, h.quote) for h in lead] == [("leads work-programme entry on", "")]
    with pytest.raises(AnalysisError, match="not connected"):
        graphkit.explain_path(_dataset(TWO), "X One", "Y One")


def test_cooccurrence_exact(tiny: object) -> None:
    by_item = graphkit.cooccurrence(tiny, within="item")
    assert by_item.rows == (
        ("Early years", "Saplings Programme", 1, "2021-06-10", "2021-06-10"),
        (
            "Holiday Activities and Food Programme",
            "Saplings Programme",
            1,
            "2021-01-10",
            "2021-01-10",
        ),
    )
    by_meeting = graphkit.cooccurrence(tiny, within="meeting")
    assert by_meeting.rows == by_item.rows  # one item per meeting here


def test_formats(tiny: object) -> None:
    tables = analyse(tiny, programmes=["HAF"], path=("Bob", "Carol"))
    names = [t.name for t in tables]
    assert names[:4] == ["centrality", "communities", "cooccurrence-item", "cooccurrence-meeting"]
    assert "timeline" in names and names[-1] == "path"
    doc = json.loads(format_tables(tables, "json"))
    assert doc[-1]["rows"][1]["evidence"] == "HAF"
    csv_text = format_tables([tables[0]], "csv")
    assert csv_text.splitlines()[0] == "rank,name,kind,degree,betweenness,eigenvector,iri"
    assert "Saplings Programme" in format_tables(tables, "text")
    assert format_tables(tables, "markdown").startswith("### ")
    with pytest.raises(AnalysisError):
        analyse(tiny, only=["nonsense"])


# -- the seeds graph ------------------------------------------------------------------------------
def _gold_dates(gold: dict, programme_id: str) -> list[str]:
    entry = next(p for p in gold["programmes"] if p["id"] == programme_id)
    return sorted(m.removeprefix("sb2-") for m in entry["mentioned_in_meetings"])


@pytest.fixture(scope="module")
def seeds_layer(seeds_dataset: Dataset) -> object:
    return graphkit.project(seeds_dataset)


@pytest.mark.parametrize(("gold_id", "name"), [("haf", "HAF"), ("family-valued", "Family Valued")])
def test_seeds_timeline_matches_gold_and_query(
    seeds_layer: object, seeds_dataset: Dataset, gold: dict, gold_id: str, name: str
) -> None:
    timeline = graphkit.programme_timeline(seeds_layer, name)
    expected = _gold_dates(gold, gold_id)
    years = sorted({int(d[:4]) for d in expected})
    assert sorted(timeline.per_year) == years  # HAF: 2021 and 2024; Family Valued: 2021-2024
    assert (timeline.first, timeline.last) == (expected[0], expected[-1])
    rows = graphkit.run_query("topic-timeline", seeds_dataset, params={"topic": name}).rows
    assert [d for d, _, _ in timeline.meetings] == sorted({str(r[0]) for r in rows})
    for a, b, days in timeline.gaps:
        assert days == (dt.date.fromisoformat(b) - dt.date.fromisoformat(a)).days > 365
    assert timeline.people, "someone is associated with it"


def test_seeds_family_valued_every_year(seeds_layer: object, gold: dict) -> None:
    timeline = graphkit.programme_timeline(seeds_layer, "Family Valued")
    gold_years = {int(d[:4]) for d in _gold_dates(gold, "family-valued")}
    assert set(range(min(gold_years), max(gold_years) + 1)) == gold_years  # the gold's claim
    assert set(timeline.per_year) == gold_years


def test_seeds_path_between_board_members_passes_a_shared_meeting(
    seeds_layer: object, gold: dict
) -> None:
    g = seeds_layer
    for meeting in gold["meetings"]:
        present = [a["person"] for a in meeting["attendance"] if a["status"] == "present"]
        names = {p["id"]: p["canonical_name"] for p in gold["people"]}
        resolved = []
        for pid in present:
            hits = find_entities(g, names[pid], kinds=("person",))
            if len(hits) == 1:
                resolved.append((pid, hits[0]))
        if len(resolved) >= 2:
            break
    else:
        pytest.fail("no gold meeting with two present people found in the graph")
    (a_id, a), (b_id, b) = resolved[:2]
    shared = {
        m["date"]
        for m in gold["meetings"]
        if {a_id, b_id} <= {x["person"] for x in m["attendance"] if x["status"] == "present"}
    }
    hops = graphkit.explain_path(g, a, b)
    assert len(hops) == 2
    assert hops[0].date in shared and hops[0].date == hops[1].date
    assert hops[0].target == hops[1].source
    assert hops[0].target in {d["label"] for _, d in g.nodes(data=True) if d["kind"] == "meeting"}  # type: ignore[attr-defined]


def test_seeds_centrality_and_communities_leave_out_structure(
    seeds_layer: object, gold: dict
) -> None:
    committees = {o["canonical_name"] for o in gold["organisations"] if "committee" in o["type"]}
    table = graphkit.centrality(seeds_layer, top=10)
    assert len(table.rows) == 10
    assert {r["kind"] for r in table.records()} <= {"person", "programme"}
    assert not committees & {r["name"] for r in table.records()}
    communities = graphkit.communities(seeds_layer)
    people = [p for r in communities.records() for p in r["people"]]  # type: ignore[attr-defined]
    assert len(people) == len(set(people))  # each person in one community
    layer_people = {d["label"] for _, d in seeds_layer.nodes(data=True) if d["kind"] == "person"}  # type: ignore[attr-defined]
    assert set(people) == layer_people


def test_seeds_cooccurrence_agrees_with_sparql(seeds_layer: object, seeds_dataset: Dataset) -> None:
    q = """
    PREFIX gk: <https://w3id.org/graphkit/ns#>
    PREFIX dcterms: <http://purl.org/dc/terms/>
    PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
    SELECT ?a ?b (COUNT(DISTINCT ?item) AS ?n) WHERE {
      ?item a gk:AgendaItem ; dcterms:subject ?x, ?y .
      ?x skos:prefLabel ?a . ?y skos:prefLabel ?b . FILTER(STR(?a) < STR(?b))
    } GROUP BY ?a ?b"""
    union = seeds_dataset.default_union
    seeds_dataset.default_union = True
    try:
        expected = {(str(a), str(b)): int(n) for a, b, n in seeds_dataset.query(q)}  # type: ignore[misc]
    finally:
        seeds_dataset.default_union = union
    table = graphkit.cooccurrence(seeds_layer, within="item")
    assert {(r[0], r[1]): r[2] for r in table.rows} == expected


def test_cli_analyse(seeds_build: Path) -> None:
    graph = str(seeds_build / "graph.trig")
    runner = CliRunner()
    result = runner.invoke(
        cli,
        ["analyse", graph, "--programme", "HAF", "--path", "HAF", "Family Valued", "-f", "json"],
    )
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    names = [t["name"] for t in doc]
    assert {"centrality", "communities", "timeline", "path"} <= set(names)
    only = runner.invoke(cli, ["analyse", graph, "--only", "centrality", "-f", "csv", "--top", "3"])
    assert only.exit_code == 0 and len(only.output.strip().splitlines()) == 4
    bad = runner.invoke(cli, ["analyse", graph, "--programme", "No Such Thing At All"])
    assert bad.exit_code != 0
