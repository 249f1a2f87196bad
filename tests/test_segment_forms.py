"""More ways minutes are written: capitals, year-numbered minutes, apologies as a
sentence, a venue after "held in", a chair beside another role. Invented documents."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import DATA

import graphkit
from graphkit.documents import read_paths
from graphkit.segment import segment

CAPITALS = DATA / "stages" / "minutes_capitals.txt"


@pytest.fixture(scope="module")
def record():
    docs, problems = read_paths([CAPITALS])
    assert not problems
    (rec,) = segment(docs[0])
    return rec


def test_a_header_in_capitals(record) -> None:
    assert record.committee == "Executive"
    assert record.date == dt.date(2023, 3, 14)
    assert record.start_time == dt.time(18, 30) and record.end_time == dt.time(19, 45)
    assert record.venue == "THE COUNCIL CHAMBER, TOWN HALL"


def test_minutes_numbered_with_the_year(record) -> None:
    assert [(i.number, i.title) for i in record.items] == [
        ("45/23", "APOLOGIES FOR ABSENCE"),
        ("46/23", "MINUTES"),
        ("47/23", "GREENER STREETS PROGRAMME"),
    ]


def test_apologies_written_as_a_sentence(record) -> None:
    sent = [(a.name, a.capacity_stated) for a in record.attendance if a.status == "apologies"]
    assert sent == [("J Abara", False), ("K Ferris", False)]


def test_the_chair_beside_another_role(record) -> None:
    by_name = {a.name: a for a in record.attendance}
    leader = by_name["Councillor P Rahman"]
    assert leader.chair and leader.role == "Leader"
    assert not by_name["M Hart"].chair and by_name["M Hart"].role == "Vice-Chair"
    assert by_name["T Ogunleye"].role == "Deputy Leader"


def test_roles_over_time_keep_both_roles() -> None:
    result = graphkit.build(CAPITALS)
    roles = {(m.person, m.role, m.organisation) for m in result.linked.memberships}
    assert ("p-rahman", "Chair", "committee") in roles
    assert ("p-rahman", "Leader", "council") in roles
    assert result.council == "Westmere Borough Council"


@pytest.mark.parametrize(
    ("header", "committee", "venue"),
    [
        (
            "Minutes of the Planning Committee meeting held on Wednesday 3rd May 2023 at "
            "7.00 pm in Committee Room 1",
            "Planning Committee",
            "Committee Room 1",
        ),
        (
            "Minutes of a meeting of the Licensing Panel held in the Guildhall, Eastport on "
            "Monday 6 March 2023 at 10.00 am",
            "Licensing Panel",
            "the Guildhall, Eastport",
        ),
    ],
)
def test_header_forms(tmp_path, header: str, committee: str, venue: str) -> None:
    path = tmp_path / "m.txt"
    path.write_text(f"{header}\n\nPresent: Cllr A Singh (Chair)\n\n1. Declarations\n\nNone.\n")
    docs, _ = read_paths([path])
    (rec,) = segment(docs[0])
    assert (rec.committee, rec.venue) == (committee, venue)
    assert [a.name for a in rec.attendance] == ["Cllr A Singh"]


def test_a_header_written_as_fields_under_the_committee_name() -> None:
    docs, _ = read_paths([DATA / "stages" / "minutes_fields.txt"])
    (rec,) = segment(docs[0])
    assert (rec.section, rec.committee, rec.date) == (
        "minutes",
        "Overview and Scrutiny Committee",
        dt.date(2024, 3, 5),
    )
    assert (rec.start_time, rec.venue) == (dt.time(10, 0), "Council Chamber, Ashdale House")
    assert [(a.name, a.status, a.role, a.chair) for a in rec.attendance] == [
        ("Pemberton", "present", "Chair", True),
        ("Oduya", "present", None, False),
        ("Lister", "present", None, False),
        ("Councillor Sarah Quinn", "present", "Vice-Chair", False),
        ("Jane Doe", "present", "Democratic Services Officer", False),
        ("Mark Evans", "present", "Head of Housing", False),
        ("Cllr Ruiz", "apologies", None, False),
    ]
    assert [(i.number, i.title) for i in rec.items] == [
        ("1", "Declarations of Interest"),
        ("2", "Minutes of the last meeting"),
        ("3", "Housing Allocations Policy Review"),
    ]
    assert [(r.date, r.relation) for r in rec.refs] == [(dt.date(2024, 2, 6), "approves")]


def test_a_work_programme_on_its_own() -> None:
    result = graphkit.build(DATA / "stages" / "work_programme_alone.txt")
    assert result.documents[0].kind == "work_programme"
    (rec,) = result.meetings
    assert (rec.committee, rec.date) == ("Communities Scrutiny Panel", dt.date(2030, 6, 12))
    assert [(w.date, w.title, w.lead) for w in rec.work_programme] == [
        (dt.date(2030, 6, 12), "Library Strategy", "Amy Hale"),
        (dt.date(2030, 6, 12), "Community Grants Scheme", "Ben Ito"),
        (dt.date(2030, 10, 9), "Youth Services", None),
        (None, "Parks Review", None),
    ]
    ds = result.dataset
    ds.default_union = True
    leads = {
        str(name)
        for (name,) in ds.query(
            "PREFIX gk: <https://w3id.org/graphkit/ns#> "
            "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
            "SELECT ?name WHERE { ?w a gk:WorkProgrammeEntry ; gk:lead/skos:prefLabel ?name }"
        )
    }
    assert leads == {"Amy Hale", "Ben Ito"}
