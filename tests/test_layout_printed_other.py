"""The printed reader on other councils' records: PDF text with page headers and footers,
a prose page with a "PRESENT:" paragraph, a non-ModernGov meetings page, a letterhead run
into one line, a summons, minutes numbered under a heading in capitals. The documents are
invented (tests/data/layouts/printed/); the last test checks real corpus documents where the
corpus is present beside the repository."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from conftest import DATA

from graphkit.documents import classify, read_document
from graphkit.layouts import read_layout
from graphkit.model import Document, MeetingRecord

PRINTED = DATA / "layouts" / "printed"
CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def _read(name: str) -> list[MeetingRecord]:
    doc = read_document(PRINTED / name, name)
    return list(read_layout(doc).records)


def _read_text(text: str) -> list[MeetingRecord]:
    doc = Document("inline.txt", text, "0", classify(text))
    return list(read_layout(doc).records)


def _people(rec: MeetingRecord) -> list[tuple[str, str, str, str | None, bool]]:
    return [(a.name, a.status, a.capacity, a.role, a.chair) for a in rec.attendance]


def test_pdf_minutes_with_page_headers_and_footers() -> None:
    (rec,) = _read("pdf_minutes.txt")
    assert (rec.section, rec.committee, rec.date) == (
        "minutes",
        "Housing and Communities Panel",
        dt.date(2024, 5, 14),
    )
    assert rec.venue == "the Council Chamber, Civic Centre, Amberford"
    # the "(Item N)" lines mark the minutes; the numbered paragraphs inside them, the page
    # numbers and the footers are no items; a title's word split over two lines is joined
    assert [(i.number, i.title) for i in rec.items] == [
        ("41", "Apologies"),
        ("42", "Declarations of Interest"),
        ("43", "Temporary Accommodation Strategy and Homelessness Prevention Plan 2024-27"),
        ("44", "Work Programme"),
    ]
    assert _people(rec) == [
        ("Mr T Lawson", "present", "member", "Chairman", True),
        ("Mrs P Okafor", "present", "member", None, False),
        ("Mr D Briggs", "present", "member", None, False),
        ("Ms H Yeo", "present", "member", None, False),
        ("Ms R Quinn", "present", "officer", "Head of Housing", False),
        ("Mr G Pell", "present", "officer", "Democratic Services Officer", False),
        ("Mr K Ashdown", "apologies", "member", None, False),
    ]


def test_prose_minutes_with_a_present_paragraph() -> None:
    (rec,) = _read("prose_minutes.txt")
    assert (rec.section, rec.committee, rec.date) == (
        "minutes",
        "Parks and Leisure Scrutiny Panel",
        dt.date(2022, 10, 3),
    )
    # titles in capitals run into the minute's text: up to a dash, "RESOLVED" or prose
    assert [(i.number, i.title) for i in rec.items] == [
        ("112", "DECLARATIONS OF PERSONAL OR PREJUDICIAL INTERESTS"),
        ("113", "PLAYING PITCH REVIEW"),
        ("114", "MINUTES"),
    ]
    assert _people(rec) == [
        ("Councillor Ferris", "present", "member", "in the chair", True),
        ("Mrs Ode", "present", "member", "vice-chair", False),
        ("Brandt", "present", "member", None, False),
        ("K Holm", "present", "member", None, False),
        ("Lutz", "present", "member", None, False),
        ("Marr", "present", "member", None, False),
        ("Mr F Dalby", "present", "co-opted", "Parent Governor Representative", False),
        ("Mrs G Pryce", "present", "co-opted", None, False),
        ("Councillor Yates", "present", "other-member", None, False),
    ]


def test_a_meetings_app_page() -> None:
    (rec,) = _read("meetings_app_page.txt")
    assert (rec.section, rec.committee, rec.date, rec.start_time) == (
        "agenda",
        "Planning Policy Committee",
        dt.date(2020, 3, 9),
        dt.time(18, 0),
    )
    assert rec.venue == "Room 3, Riverside House, Lowmoor, LM1 2AB"
    assert [(i.number, i.title) for i in rec.items] == [
        ("1.0", "Minutes"),
        ("2.0", "Apologies for Absence"),
        ("3.0", "Declarations of Interest"),
        ("4.0", "Local Plan Review - Issues and Options"),
    ]


def test_a_letterhead_run_into_one_line() -> None:
    text = (
        "Lowmoor City Council Transport And\n"
        "LOWMOOR CITY COUNCIL TRANSPORT AND ENVIRONMENT OVERVIEW AND SCRUTINY COMMITTEE "
        "THURSDAY, 07 MARCH 2019 AT 10:00 HOURS IN COMMITTEE ROOM 2, RIVERSIDE HOUSE, LOWMOOR "
        "A G E N D A 1 NOTICE OF RECORDING\n"
    )
    (rec,) = _read_text(text)
    assert (rec.section, rec.committee, rec.date, rec.start_time) == (
        "agenda",
        "Transport and Environment Overview and Scrutiny Committee",
        dt.date(2019, 3, 7),
        dt.time(10, 0),
    )
    assert rec.venue == "COMMITTEE ROOM 2, RIVERSIDE HOUSE, LOWMOOR"


def test_a_summons_to_the_council() -> None:
    text = (
        "TO: ALL MEMBERS OF THE LOWMOOR CITY COUNCIL You are summoned to attend a meeting of "
        "the Lowmoor City Council in the Council Chamber at Riverside House, Lowmoor on "
        "Wednesday 16 January 2019 at 6 pm. A G E N D A 1. To receive apologies.\n"
    )
    (rec,) = _read_text(text)
    assert (rec.section, rec.committee, rec.date, rec.start_time) == (
        "agenda",
        "Council",
        dt.date(2019, 1, 16),
        dt.time(18, 0),
    )
    assert rec.venue == "the Council Chamber at Riverside House, Lowmoor"


def test_minutes_numbered_under_a_heading_in_capitals() -> None:
    text = (
        "MINUTES OF THE MEETING OF CITY COUNCIL HELD ON TUESDAY 12 MARCH 2019 AT 1400 HOURS "
        "IN THE COUNCIL CHAMBER, RIVERSIDE HOUSE, LOWMOOR\n\n"
        "PRESENT:- Lord Mayor (Councillor Nia Evans) in the Chair.\n\n"
        "Councillors\n\nAmir Shah Grace Dunn\n\n"
        "NOTICE OF RECORDING\n\n"
        "20311 The Lord Mayor advised that the meeting would be webcast for live broadcast.\n\n"
        "MINUTES\n\n"
        "20312 It was moved and seconded that the minutes of the last meeting be confirmed.\n"
    )
    (rec,) = _read_text(text)
    assert (rec.committee, rec.date) == ("City Council", dt.date(2019, 3, 12))
    assert [(i.number, i.title) for i in rec.items] == [
        ("20311", "NOTICE OF RECORDING"),
        ("20312", "MINUTES"),
    ]
    chair = [(a.name, a.role) for a in rec.attendance if a.chair]
    assert chair == [("Councillor Nia Evans", "Lord Mayor")]


def test_titles_and_roles_in_a_page_with_inline_markup() -> None:
    text = (
        "<strong>Minutes</strong> <strong>of</strong> the meeting <strong>of</strong> the "
        "Licensing Committee held at<br />\n\n4.00 pm. on 2 April 2019<br />\n\n"
        "Present:<br />\n\nCommittee Members:<br />\n\nEmployees:<br />\n\n"
        "Councillor Amos (Chair)<br />\n\nCouncillor Pike<br />\n\nR Dale, T Frome<br />\n\n"
        "Public business<br />\n\n"
        "12. Declarations <strong>of</strong> Interest<br />\n\nThere were none.<br />\n\n"
        "13. Licensing <strong>Policy</strong> Review<br />\n\nNoted.<br />\n"
    )
    (rec,) = _read_text(text)
    assert (rec.committee, rec.date) == ("Licensing Committee", dt.date(2019, 4, 2))
    assert [i.number for i in rec.items] == ["12", "13"]
    assert [i.title for i in rec.items] == [
        "Declarations of Interest",
        "Licensing Policy Review",
    ]
    assert [(a.name, a.capacity, a.role, a.chair) for a in rec.attendance] == [
        ("Councillor Amos", "member", "Chair", True),
        ("Councillor Pike", "member", None, False),
        ("R Dale", "officer", None, False),
        ("T Frome", "officer", None, False),
    ]


def _corpus_rows() -> list[tuple[str, str, str]]:
    """(file, committee, meeting date) of the corpus documents this reader is for."""
    index = CORPUS / "INDEX.tsv"
    if not index.exists():
        return []
    with index.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    wanted = (
        "pdf",
        "other",
        "jadu",
    )
    return [
        (r["file"], r["committee"], r["meeting_date"])
        for r in rows
        if r["platform"] in wanted
        and (r["file"].startswith("pages/") or r["file"].endswith(".pdf"))
        and (r["file"].startswith("pages/") or "Printed minutes" in r["file"])
    ]


@pytest.mark.parametrize("row", _corpus_rows() or [None], ids=lambda r: r[0] if r else "none")
def test_corpus_documents(row: tuple[str, str, str] | None) -> None:
    if row is None:
        pytest.skip(f"the development corpus is not at {CORPUS}")
    path, committee, date = row
    doc = read_document(CORPUS / path, path)
    records = read_layout(doc).records
    if not date:
        # a page that dates no meeting (a committee's information page) records none
        assert all(r.date is None for r in records)
        return
    assert (committee, date) in {(r.committee, r.date.isoformat()) for r in records if r.date}
