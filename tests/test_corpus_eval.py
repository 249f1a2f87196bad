"""The corpus scorer on a hand-built dataset, and the shape of the corpus gold file."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from corpus import corpus_index, need_corpus
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, RDF, SDO, SKOS, XSD

from graphkit.corpus_eval import (
    CATEGORIES,
    council_matches,
    document_iri,
    format_table,
    labels_match_programme,
    load_gold,
    names_match,
    score_by_document,
    score_corpus,
)
from graphkit.errors import GraphkitError

GK = Namespace("https://w3id.org/graphkit/ns#")
OA = Namespace("http://www.w3.org/ns/oa#")
ID = Namespace("https://w3id.org/graphkit/id/")

GOLD_PATH = Path(__file__).resolve().parent / "data" / "corpus" / "gold.json"

DOC_A = "pages/a-meeting.txt"
DOC_B = "pages/b undated.txt"  # a space, to check the graph IRI is quoted
DOC_C = "pages/c-missing.txt"
CYPE = "Children's, Young People and Education Cabinet Committee"

TINY_GOLD: dict[str, Any] = {
    "version": 1,
    "documents": {
        DOC_A: {
            "kind": "meeting-page",
            "council": "kent",
            "meetings": [
                {
                    "date": "2025-07-15",
                    "committee": CYPE,
                    "meeting_id": "9837",
                    "items": [
                        {"number": "1", "title": "Election of Chair"},
                        {
                            "number": "6",
                            "title": "25/00040 Broomhill Bank School - Removal of Residential "
                            "Provision from September 2025",
                        },
                    ],
                    "attendance": [
                        {"name": "B Fryer", "status": "present"},
                        {"name": "Reidy", "status": "apologies"},
                        {"name": "Streatfield", "status": "substitute"},
                    ],
                    "refs": [{"date": "2025-02-27", "relation": "approves"}],
                }
            ],
            "people": ["B Fryer", "Reidy", "Streatfield", "Georgia Humphreys"],
            "programmes": ["Holiday Activities and Food Programme", "Family Hubs Programme"],
        },
        DOC_B: {
            "kind": "meeting-page",
            "council": "coventry",
            "meetings": [
                {
                    "date": None,
                    "committee": None,
                    "meeting_id": "12480",
                    "items": [{"number": None, "title": "Declarations of Interest"}],
                    "attendance": [],
                    "refs": [
                        {"date": "2022-03-16", "relation": "approves"},
                        {"date": "2022-04-04", "relation": "references"},
                    ],
                }
            ],
            "people": [],
            "programmes": [],
        },
        DOC_C: {
            "kind": "minutes-pdf",
            "council": "brighton-hove",
            "meetings": [
                {
                    "date": "2008-06-25",
                    "committee": "Children & Young People's Overview & Scrutiny Committee",
                    "meeting_id": None,
                    "items": [],
                    "attendance": [],
                    "refs": [],
                }
            ],
            "people": ["Pete West"],
            "programmes": [],
        },
    },
}


def _day(text: str) -> Literal:
    return Literal(text, datatype=XSD.date)


def _tiny_dataset() -> Dataset:
    ds = Dataset()
    # shared facts in the default graph: councils, committees, people's labels
    kent, coventry = ID["council/kent"], ID["council/coventry"]
    ds.add((kent, RDF.type, ORG.FormalOrganization))
    ds.add((kent, SKOS.prefLabel, Literal("Kent County Council")))
    ds.add((coventry, SKOS.prefLabel, Literal("Coventry City Council")))
    cype, scc = ID["committee/kent/cype"], ID["committee/coventry/scc"]
    ds.add(
        (
            cype,
            SKOS.prefLabel,
            Literal("The Children’s, Young People and Education Cabinet Committee"),
        )
    )
    ds.add((cype, ORG.subOrganizationOf, kent))
    ds.add((scc, SKOS.prefLabel, Literal("Scrutiny Co-ordination Committee")))
    ds.add((scc, ORG.subOrganizationOf, coventry))
    fryer, reidy, streatfield = (
        ID["person/kent/b-fryer"],
        ID["person/kent/reidy"],
        ID["person/kent/streatfield"],
    )
    humphreys, dean = ID["person/kent/georgia-humphreys"], ID["person/kent/dean"]
    for person, pref, family in (
        (fryer, "Ben Fryer", "Fryer"),
        (reidy, "Mr Reidy", "Reidy"),
        (streatfield, "Streatfield", "Streatfield"),
        (humphreys, "Georgia Humphreys", "Humphreys"),
        (dean, "Mrs Dean", "Dean"),
    ):
        ds.add((person, RDF.type, SDO.Person))
        ds.add((person, SKOS.prefLabel, Literal(pref)))
        ds.add((person, SDO.familyName, Literal(family)))
    ds.add((fryer, SKOS.altLabel, Literal("Mr B Fryer")))
    haf, ofsted = ID["programme/kent/haf"], ID["topic/ofsted"]
    ds.add((haf, RDF.type, GK.Programme))
    ds.add((haf, SKOS.prefLabel, Literal("HAF")))
    ds.add((ofsted, RDF.type, SKOS.Concept))
    ds.add((ofsted, SKOS.prefLabel, Literal("Ofsted")))

    # document A
    doc_a = document_iri(DOC_A)
    a = ds.graph(doc_a)
    m1 = ID["meeting/kent/cype/2025-07-15"]
    m0 = ID["meeting/kent/cype/2025-02-27"]
    m2 = ID["meeting/kent/cype/2025-07-16"]
    for meeting, day in ((m1, "2025-07-15"), (m0, "2025-02-27"), (m2, "2025-07-16")):
        a.add((meeting, RDF.type, GK.Meeting))
        a.add((meeting, DCTERMS.date, _day(day)))
        a.add((meeting, SDO.organizer, cype))
    a.add((m1, PROV.wasDerivedFrom, doc_a))
    a.add((m2, PROV.wasDerivedFrom, doc_a))  # an extra meeting: one false positive
    a.add((m1, GK.approvesMinutesOf, m0))  # m0 is only referred to: not counted as a meeting
    for n, number, title in (
        (1, "1.", "Election of Chair"),
        (6, "6", "25/00040 Broomhill Bank School - Removal of Residential"),  # truncated title
        (7, "7", "Any other business"),  # not in the gold
    ):
        item = URIRef(f"{m1}/item/{n}")
        a.add((item, RDF.type, GK.AgendaItem))
        a.add((item, SDO.superEvent, m1))
        a.add((item, DCTERMS.identifier, Literal(number)))
        a.add((item, SDO.name, Literal(title)))
    a.add((URIRef(f"{m1}/item/1"), DCTERMS.subject, ofsted))
    for person, status in ((fryer, GK.Present), (reidy, GK.Apologies), (streatfield, GK.Present)):
        node = URIRef(f"{m1}/attendance/{person.split('/')[-1]}")
        a.add((node, RDF.type, GK.Attendance))
        a.add((node, GK.meeting, m1))
        a.add((node, GK.attendee, person))
        a.add((node, GK.status, status))
    for n, body in enumerate((humphreys, dean, haf)):
        note = URIRef(f"{doc_a}#annotation-{n}")
        a.add((note, RDF.type, OA.Annotation))
        a.add((note, OA.hasBody, body))

    # document B: an undated meeting known by its ModernGov id
    doc_b = document_iri(DOC_B)
    assert "b%20undated" in str(doc_b)
    b = ds.graph(doc_b)
    u1 = ID["meeting/coventry/scc/mid-12480"]
    b.add((u1, RDF.type, GK.UndatedMeeting))
    b.add((u1, GK.platformId, Literal("12480")))
    b.add((u1, SDO.organizer, scc))
    b.add((u1, PROV.wasDerivedFrom, doc_b))
    item = URIRef(f"{u1}/item/1")
    b.add((item, RDF.type, GK.AgendaItem))
    b.add((item, SDO.superEvent, u1))
    b.add((item, SDO.name, Literal("Declarations of Interest")))
    r1, r2 = ID["meeting/coventry/scc/2022-03-16"], ID["meeting/coventry/hwb/2022-04-05"]
    b.add((r1, RDF.type, GK.Meeting))
    b.add((r1, DCTERMS.date, _day("2022-03-16")))
    b.add((r2, RDF.type, GK.Meeting))
    ds.add((r2, DCTERMS.date, _day("2022-04-05")))  # dated in another graph: still found
    b.add((u1, GK.approvesMinutesOf, r1))
    b.add((u1, DCTERMS.references, r2))  # wrong date: one fp and one fn
    return ds


EXPECTED_A = {
    "meetings": {"tp": 1, "fp": 1, "fn": 0},
    "council": {"tp": 1, "fp": 0, "fn": 0},
    "items": {"tp": 2, "fp": 1, "fn": 0},
    "attendance": {"tp": 2, "fp": 1, "fn": 1},
    "people": {"tp": 4, "fp": 1, "fn": 0},
    "programmes": {"tp": 1, "fp": 1, "fn": 1},
    "refs": {"tp": 1, "fp": 0, "fn": 0},
}
EXPECTED_B = {
    "meetings": {"tp": 1, "fp": 0, "fn": 0},
    "council": {"tp": 1, "fp": 0, "fn": 0},
    "items": {"tp": 1, "fp": 0, "fn": 0},
    "attendance": {"tp": 0, "fp": 0, "fn": 0},
    "people": {"tp": 0, "fp": 0, "fn": 0},
    "programmes": {"tp": 0, "fp": 0, "fn": 0},
    "refs": {"tp": 1, "fp": 1, "fn": 1},
}
EXPECTED_C = {
    "meetings": {"tp": 0, "fp": 0, "fn": 1},
    "council": {"tp": 0, "fp": 0, "fn": 1},
    "items": {"tp": 0, "fp": 0, "fn": 0},
    "attendance": {"tp": 0, "fp": 0, "fn": 0},
    "people": {"tp": 0, "fp": 0, "fn": 1},
    "programmes": {"tp": 0, "fp": 0, "fn": 0},
    "refs": {"tp": 0, "fp": 0, "fn": 0},
}


def test_score_by_document_counts_each_category() -> None:
    per_doc = score_by_document(_tiny_dataset(), TINY_GOLD)
    assert per_doc == {DOC_A: EXPECTED_A, DOC_B: EXPECTED_B, DOC_C: EXPECTED_C}


def test_score_corpus_totals_and_rates() -> None:
    scores = score_corpus(_tiny_dataset(), TINY_GOLD)
    assert list(scores) == list(CATEGORIES)
    for category in CATEGORIES:
        for key in ("tp", "fp", "fn"):
            total = EXPECTED_A[category][key] + EXPECTED_B[category][key]
            assert scores[category][key] == total + EXPECTED_C[category][key]
    assert scores["items"]["precision"] == pytest.approx(3 / 4)
    assert scores["items"]["recall"] == 1.0
    assert scores["attendance"]["f1"] == pytest.approx(2 / 3)
    assert scores["meetings"]["recall"] == pytest.approx(2 / 3)


def test_other_base_and_empty_dataset() -> None:
    scores = score_corpus(Dataset(), TINY_GOLD, base="http://example.org/")
    assert scores["meetings"] == {
        "tp": 0, "fp": 0, "fn": 3, "precision": 0.0, "recall": 0.0, "f1": 0.0,
    }  # fmt: skip
    assert scores["people"]["fn"] == 5
    # the documents exist only under the default base
    assert score_corpus(_tiny_dataset(), TINY_GOLD, base="http://example.org/")["items"]["tp"] == 0


def test_format_table() -> None:
    table = format_table(score_corpus(_tiny_dataset(), TINY_GOLD))
    lines = table.splitlines()
    assert lines[0] == "| category | tp | fp | fn | precision | recall | F1 |"
    assert len(lines) == 2 + len(CATEGORIES)
    assert "| items | 3 | 1 | 0 | 0.750 | 1.000 | 0.857 |" in lines


@pytest.mark.parametrize(
    ("gold", "graph", "family", "expected"),
    [
        ("B Fryer", "Mr B Fryer", None, True),
        ("B Fryer", "Ben Fryer", "Fryer", True),
        ("B Fryer", "Cllr A Fryer", None, False),
        ("Kemp", "Charlotte Kemp", None, True),
        ("Susan O’Brien", "Councillor Susan O'Brien", None, True),
        ("Peter Douglas Osborn", "Peter Douglas Osborn", "Douglas Osborn", True),
        ("Michael Welbank", "Deputy Michael Welbank MBE", None, True),
        ("Julie Hill", "Mrs Janet Hill", None, True),  # initials alone cannot tell them apart
        ("Dean", "Mrs Deans", None, False),
    ],
)
def test_names_match(gold: str, graph: str, family: str | None, expected: bool) -> None:
    assert names_match(gold, graph, family) is expected


@pytest.mark.parametrize(
    ("gold", "labels", "expected"),
    [
        ("Holiday Activities and Food Programme", ["HAF"], True),
        ("HAF", ["Holiday Activities and Food Programme"], True),
        ("Holiday Activities and Food (HAF)", ["Holiday Activities and Food Programme"], True),
        ("Family Hubs Programme", ["Family Hubs"], True),
        ("Local Transport Plan", ["local transport plan"], True),
        ("Holiday Activity Fund", ["Holiday Activity Fund – Easter Pilot"], True),
        ("Local Transport Plan", ["Local Plan"], False),
        ("Family Hubs Programme", ["Programme"], False),
        ("Child Friendly City", ["Family Valued"], False),
    ],
)
def test_programme_matching(gold: str, labels: list[str], expected: bool) -> None:
    assert labels_match_programme(gold, labels) is expected


@pytest.mark.parametrize(
    ("gold", "label", "expected"),
    [
        ("kent", "Kent County Council", True),
        ("brighton-hove", "Brighton and Hove City Council", True),
        ("brighton-hove", "Brighton & Hove", True),
        ("hillingdon", "London Borough of Hillingdon", True),
        ("telford-and-wrekin", "Telford & Wrekin Council", True),
        ("cheshire-east", "Cheshire East Council", True),
        ("derby", "Derbyshire County Council", False),
        ("coventry", "Kent County Council", False),
    ],
)
def test_council_matches(gold: str, label: str, expected: bool) -> None:
    assert council_matches(gold, label) is expected


# --------------------------------------------------------------------------- the gold file

KINDS = {
    "meeting-page",
    "item-page",
    "issue-page",
    "decision-page",
    "attendance-page",
    "listing",
    "member-page",
    "minutes-pdf",
    "agenda-pack",
    "other",
    "webservice-xml",
}
STATUS_VALUES = {"present", "apologies", "absent", "substitute"}
RELATION_VALUES = {"approves", "references"}
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
COUNCIL = re.compile(r"[a-z]+(-[a-z]+)*")
REQUIRED = (
    "pages/kent-meeting-2025-07-15.txt",
    "pages/kent-meeting-2025-07-15-tablerender.txt",
    "pages/coventry-meeting-id12480.txt",
    "pages/bristol-meeting-id10208.txt",
    "pages/kent-meeting-id8273.txt",
    "full/DemocracyClub__LGSF__lgsf__minutes__tests__fixtures__meetings.xml",
    "full/DemocracyClub__LGSF__lgsf__minutes__tests__fixtures__committees.xml",
    "full/DemocracyClub__LGSF__lgsf__minutes__tests__fixtures__meeting_with_minutes.xml",
)


@pytest.fixture(scope="module")
def corpus_gold() -> dict[str, Any]:
    return load_gold(GOLD_PATH)


def _is_date(value: Any) -> bool:
    if not isinstance(value, str) or not ISO_DATE.fullmatch(value):
        return False
    date.fromisoformat(value)
    return True


def test_gold_schema(corpus_gold: dict[str, Any]) -> None:
    docs = corpus_gold["documents"]
    assert len(docs) >= 30
    assert len({d["council"] for d in docs.values() if d["council"]}) >= 6
    assert {d["kind"] for d in docs.values()} >= KINDS
    assert {d["kind"] for d in docs.values()} <= KINDS | {"dataset"}
    for key in REQUIRED:
        assert key in docs, key
    for undated in REQUIRED[2:5]:
        assert [m["date"] for m in docs[undated]["meetings"]] == [None], undated
        assert docs[undated]["meetings"][0]["meeting_id"], undated
    for key, doc in docs.items():
        assert key.startswith(("pages/", "full/")), key
        assert set(doc) <= {"kind", "council", "meetings", "people", "programmes", "notes"}, key
        assert doc["council"] is None or COUNCIL.fullmatch(doc["council"]), key
        assert all(isinstance(p, str) and p.strip() for p in doc["people"]), key
        assert len(set(doc["people"])) == len(doc["people"]), key
        assert all(isinstance(p, str) and p.strip() for p in doc["programmes"]), key
        for meeting in doc["meetings"]:
            assert set(meeting) == {
                "date", "committee", "meeting_id", "items", "attendance", "refs",
            }, key  # fmt: skip
            assert meeting["date"] is None or _is_date(meeting["date"]), key
            assert meeting["meeting_id"] is None or meeting["meeting_id"].isdigit(), key
            for item in meeting["items"]:
                assert item["title"].strip(), key
                number = item["number"]
                assert number is None or (number.strip() and not number.endswith(".")), key
            for att in meeting["attendance"]:
                assert att["status"] in STATUS_VALUES, (key, att)
                assert att["name"].strip(), key
            for ref in meeting["refs"]:
                assert ref["relation"] in RELATION_VALUES, (key, ref)
                assert _is_date(ref["date"]), (key, ref)
        if doc["kind"] == "member-page":
            assert doc["meetings"] == [], key


def test_gold_keys_are_corpus_files(corpus_gold: dict[str, Any]) -> None:
    need_corpus()
    index = {row["file"]: row for row in corpus_index()}
    for key, doc in corpus_gold["documents"].items():
        assert (need_corpus() / key).is_file(), key
        assert key in index, key
        assert index[key]["kind"] == doc["kind"], key
    councils = {index[k]["council"] for k in corpus_gold["documents"]}
    assert len(councils) >= 8


def test_tiny_gold_is_loadable(tmp_path: Path) -> None:
    import json

    path = tmp_path / "gold.json"
    path.write_text(json.dumps(TINY_GOLD), encoding="utf-8")
    assert load_gold(path)["documents"].keys() == TINY_GOLD["documents"].keys()
    path.write_text('{"documents": {}}', encoding="utf-8")
    with pytest.raises(GraphkitError, match="version 1"):
        load_gold(path)


def _annotate(g: Graph, doc_iri: URIRef, body: URIRef) -> None:
    note = URIRef(f"{doc_iri}#annotation-{len(set(g.subjects(RDF.type, OA.Annotation)))}")
    g.add((note, RDF.type, OA.Annotation))
    g.add((note, OA.hasBody, body))


def _dataset_from_gold(gold: dict[str, Any]) -> Dataset:
    """A graph that says exactly what the gold says, in the contract's shapes."""
    ds = Dataset()
    for d, (source, doc) in enumerate(sorted(gold["documents"].items())):
        doc_iri = document_iri(source)
        g = ds.graph(doc_iri)
        council = ID[f"council/{d}"]
        ds.add((council, SKOS.prefLabel, Literal(f"{doc['council'] or 'unknown'} council")))
        for i, meeting in enumerate(doc["meetings"]):
            node = ID[f"meeting/{d}/{i}"]
            g.add((node, RDF.type, GK.Meeting if meeting["date"] else GK.UndatedMeeting))
            g.add((node, PROV.wasDerivedFrom, doc_iri))
            if meeting["date"]:
                g.add((node, DCTERMS.date, _day(meeting["date"])))
            if meeting["meeting_id"]:
                g.add((node, GK.platformId, Literal(meeting["meeting_id"])))
            committee = ID[f"committee/{d}/{i}"]
            if meeting["committee"]:
                ds.add((committee, SKOS.prefLabel, Literal(meeting["committee"])))
            ds.add((committee, ORG.subOrganizationOf, council))
            g.add((node, SDO.organizer, committee))
            for j, item in enumerate(meeting["items"]):
                item_node = URIRef(f"{node}/item/{j}")
                g.add((item_node, RDF.type, GK.AgendaItem))
                g.add((item_node, SDO.superEvent, node))
                g.add((item_node, SDO.name, Literal(item["title"])))
                if item["number"] is not None:
                    g.add((item_node, DCTERMS.identifier, Literal(item["number"])))
            for j, att in enumerate(meeting["attendance"]):
                person = ID[f"person/{d}/att/{i}/{j}"]
                ds.add((person, SKOS.prefLabel, Literal(att["name"])))
                status = URIRef(GK[att["status"].capitalize()])
                att_node = URIRef(f"{node}/attendance/{j}")
                g.add((att_node, RDF.type, GK.Attendance))
                g.add((att_node, GK.attendee, person))
                g.add((att_node, GK.status, status))
            for j, ref in enumerate(meeting["refs"]):
                target = ID[f"meeting/{d}/{i}/ref/{j}"]
                ds.add((target, DCTERMS.date, _day(ref["date"])))
                relation = (
                    GK.approvesMinutesOf if ref["relation"] == "approves" else DCTERMS.references
                )
                g.add((node, relation, target))
        attendees = {
            a["name"] for m in doc["meetings"] for a in m["attendance"]
        }  # already people through their attendance
        for j, name in enumerate(doc["people"]):
            if name in attendees:
                continue
            person = ID[f"person/{d}/{j}"]
            ds.add((person, RDF.type, SDO.Person))
            ds.add((person, SKOS.prefLabel, Literal(name)))
            _annotate(g, doc_iri, person)
        for j, name in enumerate(doc["programmes"]):
            concept = ID[f"programme/{d}/{j}"]
            ds.add((concept, RDF.type, GK.Programme))
            ds.add((concept, SKOS.prefLabel, Literal(name)))
            _annotate(g, doc_iri, concept)
    return ds


def test_gold_scores_perfectly_against_itself(corpus_gold: dict[str, Any]) -> None:
    """Each gold document, written out as a graph, matches itself in full: the gold is
    self-consistent and the scorer's matching does not lose facts."""
    scores = score_corpus(_dataset_from_gold(corpus_gold), corpus_gold)
    for category, row in scores.items():
        assert row["fp"] == 0 and row["fn"] == 0, (category, row)
        assert row["tp"] > 0, category


def test_council_as_organizer_of_an_undated_meeting() -> None:
    gold = {
        "version": 1,
        "documents": {
            "pages/x.txt": {
                "kind": "attendance-page",
                "council": "halton",
                "meetings": [
                    {
                        "date": None,
                        "committee": None,
                        "meeting_id": "4583",
                        "items": [],
                        "attendance": [{"name": "Anita Leech", "status": "present"}],
                        "refs": [],
                    }
                ],
                "people": ["Anita Leech"],
                "programmes": [],
            }
        },
    }
    ds = Dataset()
    doc = document_iri("pages/x.txt")
    g = ds.graph(doc)
    halton, meeting, person = ID["council/halton"], ID["meeting/halton/4583"], ID["person/x"]
    ds.add((halton, RDF.type, ORG.FormalOrganization))
    ds.add((halton, SKOS.prefLabel, Literal("Halton Borough Council")))
    ds.add((person, SKOS.prefLabel, Literal("Councillor Anita Leech")))
    g.add((meeting, RDF.type, GK.UndatedMeeting))
    g.add((meeting, GK.platformId, Literal("halton:4583")))  # a namespaced id still matches
    g.add((meeting, SDO.organizer, halton))
    g.add((meeting, PROV.wasDerivedFrom, doc))
    g.add((ID["attendance/x"], RDF.type, GK.Attendance))
    g.add((ID["attendance/x"], GK.attendee, person))
    g.add((ID["attendance/x"], GK.status, GK.Present))
    counts = score_by_document(ds, gold)["pages/x.txt"]
    for category in ("meetings", "council", "attendance", "people"):
        assert counts[category] == {"tp": 1, "fp": 0, "fn": 0}, category
