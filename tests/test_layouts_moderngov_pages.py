"""ModernGov's other pages: agenda items, issues, decisions, attendance, listings and the
councillors' index. Invented pages in each kind's structure, then the real corpus pages
of these kinds where GRAPHKIT_CORPUS points at the corpus."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import DATA, SEEDS
from corpus import corpus_index, need_corpus

from graphkit.dates import find_dates
from graphkit.documents import read_paths
from graphkit.layouts import LayoutResult, read_layout
from graphkit.model import Document, MeetingRecord

PAGES = DATA / "layouts" / "moderngov_pages"
MINE = (
    "moderngov_item",
    "moderngov_issue",
    "moderngov_decision",
    "moderngov_attendance",
    "moderngov_meetings_list",
    "moderngov_decisions_list",
    "moderngov_members",
)
CORPUS_KINDS = (
    "item-page",
    "issue-page",
    "decision-page",
    "attendance-page",
    "listing",
    "member-page",
)
OFFICER = re.compile(r"(?im)^Decision due:[^\n]* by [^\n]*\b(?:officer|director)\b")
FIXTURES = {
    "item_dated.txt": "moderngov_item",
    "item_undated.txt": "moderngov_item",
    "item_apologies.txt": "moderngov_item",
    "item_title_above.txt": "moderngov_item",
    "item_body_named.txt": "moderngov_item",
    "item_subject_body.txt": "moderngov_item",
    "item_minutes_only.txt": "moderngov_item",
    "item_purpose_only.txt": "moderngov_item",
    "item_untitled_apologies.txt": "moderngov_item",
    "issue_officer.txt": "moderngov_issue",
    "issue_meetings.txt": "moderngov_issue",
    "issue_details.txt": "moderngov_issue",
    "issue_undecided.txt": "moderngov_issue",
    "decision.txt": "moderngov_decision",
    "attendance.txt": "moderngov_attendance",
    "meetings_list.txt": "moderngov_meetings_list",
    "decisions_list.txt": "moderngov_decisions_list",
    "members.txt": "moderngov_members",
}


def _doc(path: Path) -> Document:
    docs, problems = read_paths([path])
    assert not problems
    return docs[0]


def _laid(name: str) -> tuple[Document, LayoutResult]:
    doc = _doc(PAGES / name)
    return doc, read_layout(doc)


def _records(name: str) -> tuple[Document, tuple[MeetingRecord, ...]]:
    doc, result = _laid(name)
    return doc, result.records


def _items(rec: MeetingRecord) -> list[tuple[str | None, str, int]]:
    return [(i.number, i.title, i.position) for i in rec.items]


@pytest.mark.parametrize(("name", "layout"), sorted(FIXTURES.items()))
def test_each_page_is_taken_by_its_layout(name: str, layout: str) -> None:
    assert _laid(name)[1].layout == layout


# pages that show no heading (an excerpt of minutes alone): only their address says the kind
HEADLESS = ("item_minutes_only.txt",)


@pytest.mark.parametrize(
    ("name", "layout"), sorted((k, v) for k, v in FIXTURES.items() if k not in HEADLESS)
)
def test_without_an_address_the_heading_says_the_kind(name: str, layout: str) -> None:
    doc = _doc(PAGES / name)
    text = doc.text.split("\n", 1)[1] if doc.text.startswith("URL:") else doc.text
    bare = replace(doc, text=text, url=None)
    result = read_layout(bare)
    assert result.layout == layout
    assert len(result.records) == len(_laid(name)[1].records)


def test_a_seed_is_not_taken() -> None:
    result = read_layout(_doc(SEEDS / "000_8ba4804ad8037bde.txt"))
    assert result.layout == "printed"
    assert all(score == 0 for name, score in result.scores if name in MINE)


def test_an_item_page_that_names_its_meeting() -> None:
    doc, (rec,) = _records("item_dated.txt")
    assert (rec.committee, rec.date, rec.section) == (
        "Planning Committee",
        dt.date(2025, 3, 5),
        "web_page",
    )
    assert rec.platform_id is None  # the address's ID is the item's, not the meeting's
    assert _items(rec) == [("56", "Minutes of the previous meeting", 1)]
    (item,) = rec.items
    assert doc.text[item.title_start :].startswith("Minutes of the previous meeting pdf icon")
    (res,) = item.resolutions
    assert res.text.startswith("RESOLVED: That the minutes of the meeting held on 4 February 2025")
    assert [(r.date, r.relation) for r in rec.refs] == [(dt.date(2025, 2, 4), "approves")]


def test_an_item_page_naming_its_meeting_without_a_label() -> None:
    """A "Meeting of <committee>, <date> (Item N.)" line in place of the "Meeting:" line."""
    doc = _doc(PAGES / "item_dated.txt")
    text = doc.text.replace(
        "Meeting: 05/03/2025 - Planning Committee (Item 56.)",
        "Meeting of Planning Committee, Wednesday, 5th March, 2025 6.30 pm (Item 56.)",
    )
    (rec,) = read_layout(replace(doc, text=text)).records
    assert (rec.committee, rec.date, rec.start_time) == (
        "Planning Committee",
        dt.date(2025, 3, 5),
        dt.time(18, 30),
    )
    assert _items(rec) == [("56", "Minutes of the previous meeting", 1)]


def test_an_item_page_with_no_meeting_is_undated() -> None:
    _, (rec,) = _records("item_undated.txt")
    assert (rec.committee, rec.date, rec.platform_id) == ("", None, None)
    assert _items(rec) == [(None, "Holiday Activities and Food Programme Summer Update", 1)]
    (res,) = rec.items[0].resolutions
    assert "be noted" in res.text and res.kind == "resolution"


def test_an_item_page_with_its_title_above_the_meeting_line() -> None:
    _, (rec,) = _records("item_title_above.txt")
    assert (rec.committee, rec.date, rec.start_time) == (
        "Cabinet",
        dt.date(2024, 6, 4),
        dt.time(19),
    )
    assert _items(rec) == [("12", "Play Streets Pilot", 1)]
    (res,) = rec.items[0].resolutions
    assert res.text.startswith("Decision: That the Play Streets pilot be extended")


def test_an_apologies_item_gives_the_apologies() -> None:
    _, (rec,) = _records("item_apologies.txt")
    assert _items(rec) == [(None, "Apologies for Absence", 1)]
    assert [(a.name, a.status) for a in rec.attendance] == [
        ("Priya Natt", "apologies"),
        ("Owen Fairley", "apologies"),
    ]


def test_an_issue_at_each_meeting_it_went_to() -> None:
    _, records = _records("issue_meetings.txt")
    assert [(r.committee, r.date) for r in records] == [
        ("Children's Services Scrutiny Panel", dt.date(2023, 11, 14)),
        ("Cabinet", dt.date(2023, 12, 5)),
    ]
    assert [_items(r) for r in records] == [
        [("7", "Youth Service Review", 1)],
        [("12", "Youth Service Review", 1)],
    ]
    scrutiny, cabinet = records
    assert [r.text for r in scrutiny.items[0].resolutions] == [
        "RESOLVED: That the Panel's comments be passed to the Cabinet."
    ]
    assert [r.text for r in cabinet.items[0].resolutions] == [
        "ORDERED That the new model for the youth service be approved."
    ]
    assert scrutiny.end == cabinet.start  # each meeting's part of the page is its own


def test_an_issue_dated_by_its_decision() -> None:
    _, (rec,) = _records("issue_details.txt")
    assert (rec.committee, rec.date) == (
        "Cabinet Member for Children's Services",
        dt.date(2024, 3, 12),
    )
    assert _items(rec) == [(None, "Short breaks for disabled children: new contracts", 1)]


def test_an_issue_not_yet_dated_names_no_meeting() -> None:
    _, result = _laid("issue_undecided.txt")
    assert result.layout == "moderngov_issue" and result.records == ()


def test_a_decision_at_its_meeting() -> None:
    _, (rec,) = _records("decision.txt")
    assert (rec.committee, rec.date, rec.platform_id) == ("Cabinet", dt.date(2024, 3, 12), None)
    assert _items(rec) == [(None, "Family Hubs: next phase", 1)]
    (res,) = rec.items[0].resolutions
    assert res.text == (
        "RESOLVED: That the next phase of the Family Hubs programme be approved, "
        "with three further hubs opening in 2024/25."
    )


def test_the_attendance_table() -> None:
    doc, (rec,) = _records("attendance.txt")
    assert (rec.committee, rec.date, rec.start_time) == (
        "Children's Services Scrutiny Panel",
        dt.date(2024, 7, 9),
        dt.time(18, 30),
    )
    assert rec.platform_id == "hartwell:5521"
    assert rec.venue == "Council Chamber, Civic Centre"
    assert rec.items == ()
    got = [(a.name, a.status, a.capacity, a.role, a.chair) for a in rec.attendance]
    assert got == [
        ("Councillor Ada Brightwell", "present", "member", "Chair", True),
        ("Councillor Colin Dray", "present", "member", None, False),
        ("Councillor Fern Ellery", "apologies", "member", None, False),
        ("Councillor Gus Harrow", "absent", "member", None, False),
        (
            "Councillor Ivy Jessop",
            "substitute",
            "member",
            "Substitute, for Councillor Fern Ellery",
            False,
        ),
        ("Mrs Nora Quill", "present", "co-opted", "Co-opted Member", False),
        (
            "Councillor Ravi Sandhu",
            "present",
            "cabinet-member",
            "Cabinet Member for Children",
            False,
        ),
        ("Maya Okafor", "present", "officer", None, False),
        ("Tom Ullswater", "present", "officer", None, False),
    ]
    assert all(doc.text[a.start : a.end] == a.name for a in rec.attendance)
    # expected, not recorded: the committee's member, not an attendee
    assert [(m.name, m.capacity) for m in rec.membership] == [("Councillor Kit Lomond", "member")]


def test_an_attendance_page_alone_is_undated_but_joinable() -> None:
    doc = _doc(PAGES / "attendance.txt")
    lines = doc.text.split("\n")
    text = "\n".join(line for line in lines if not line.startswith("Meeting of"))
    (rec,) = read_layout(replace(doc, text=text)).records
    assert (rec.date, rec.committee, rec.platform_id) == (None, "", "hartwell:5521")
    assert len(rec.attendance) == 9


def test_a_committees_meetings() -> None:
    _, records = _records("meetings_list.txt")
    assert [(r.committee, r.date, r.start_time, r.items) for r in records] == [
        ("Children's Services Scrutiny Panel", dt.date(2024, 7, 9), dt.time(18, 30), ()),
        ("Children's Services Scrutiny Panel", dt.date(2024, 5, 14), dt.time(18, 30), ()),
    ]  # the cancelled and the postponed meetings were not held


def test_decisions_published_by_meeting() -> None:
    _, records = _records("decisions_list.txt")
    assert [(r.committee, r.date) for r in records] == [
        ("Cabinet", dt.date(2024, 3, 12)),
        ("Director of Children's Services", dt.date(2024, 3, 13)),
    ]
    assert [_items(r) for r in records] == [
        [(None, "FAMILY HUBS: NEXT PHASE", 1), (None, "SCHOOL MEALS PRICES", 2)],
        [(None, "Award of the short breaks contract", 1)],
    ]
    assert [len(i.resolutions) for i in records[0].items] == [1, 0]
    assert [r.refs for r in records] == [(), ()]


def test_a_listed_decision_approving_minutes_refers_to_their_meeting() -> None:
    # "PART 2 MINUTES - <date> ... Recommendations Approved": that meeting's minutes approved
    doc = _doc(PAGES / "decisions_list.txt")
    text = doc.text.replace("SCHOOL MEALS PRICES", "PART 2 MINUTES - 6 FEBRUARY 2024")
    records = read_layout(replace(doc, text=text)).records
    assert [[(r.date, r.relation) for r in rec.refs] for rec in records] == [
        [(dt.date(2024, 2, 6), "approves")],
        [],
    ]


def test_the_councillors_index_is_taken_with_no_meeting() -> None:
    _, result = _laid("members.txt")
    assert result.layout == "moderngov_members" and result.records == ()


def test_an_undated_item_takes_the_body_its_minutes_name() -> None:
    _, (rec,) = _records("item_body_named.txt")
    assert (rec.committee, rec.date) == ("Hartwell Schools and Families Scrutiny Committee", None)
    assert _items(rec) == [(None, "Work Programme Refresh", 1)]


def test_an_undated_item_whose_minutes_open_with_the_body() -> None:
    _, (rec,) = _records("item_subject_body.txt")
    assert rec.committee == "Cabinet"  # not the scrutiny committee whose report it received
    assert [(r.date, r.relation) for r in rec.refs] == [
        (dt.date(2024, 6, 3), "references"),
        (dt.date(2024, 5, 14), "references"),
    ]


@pytest.mark.parametrize("name", ["item_minutes_only.txt", "item_purpose_only.txt"])
def test_an_item_page_showing_no_meeting_and_no_title_records_none(name: str) -> None:
    _, result = _laid(name)
    assert result.layout == "moderngov_item" and result.records == ()


def test_an_untitled_item_page_keeps_its_apologies_without_an_item() -> None:
    _, (rec,) = _records("item_untitled_apologies.txt")
    assert (rec.date, rec.committee, rec.items) == (None, "", ())
    assert [(a.name, a.status) for a in rec.attendance] == [
        ("Tamsin Royle", "apologies"),
        ("Councillor Ugo Sbarra", "apologies"),
        ("Wanda Yelland", "apologies"),
    ]


def test_an_officers_decision_is_at_no_meeting() -> None:
    _, result = _laid("issue_officer.txt")
    assert result.layout == "moderngov_issue" and result.records == ()


def _corpus_rows() -> list[object]:
    rows = corpus_index()
    if not rows:
        return [pytest.param(None, id="no-corpus")]
    return [
        pytest.param(row, id=row["file"])
        for row in rows
        if row["kind"] in CORPUS_KINDS
        and row["platform"] == "moderngov"
        and row["file"].startswith("pages/")
    ]


@pytest.mark.parametrize("row", _corpus_rows())
def test_corpus_pages_of_these_kinds(row: dict[str, str] | None) -> None:
    if row is None:
        need_corpus()
        return
    doc = _doc(need_corpus() / row["file"])
    result = read_layout(doc)
    assert result.layout in MINE
    if not row["meeting_date"]:
        return
    day = dt.date.fromisoformat(row["meeting_date"])
    if result.layout == "moderngov_issue" and not result.records and OFFICER.search(doc.text):
        return  # an officer's decision: dated, but taken at no meeting
    if any(d.date == day for d in find_dates(doc.text)):
        assert day in {r.date for r in result.records}
    else:
        # the date is known from elsewhere, not from this page: no record may invent one
        assert all(r.date is None for r in result.records)


def test_the_pages_own_heading_is_no_part_of_a_title_or_committee() -> None:
    """ "Issue - items at meetings - X" over an item, "Browse meetings - X" over a list."""
    doc = _doc(PAGES / "item_dated.txt")
    text = doc.text.replace(
        "Agenda item\n", "Issue - items at meetings - Minutes of the previous meeting\n"
    ).replace("56. Minutes of the previous meeting", "56")
    (rec,) = read_layout(replace(doc, text=text)).records
    assert [i.title for i in rec.items] == ["Minutes of the previous meeting"]
    listing = _doc(PAGES / "meetings_list.txt")
    text = (
        listing.text.replace("Browse meetings\n", "")
        .replace(
            "Children's Services Scrutiny Panel\n",
            "Browse meetings - Children's Services Scrutiny Panel\n",
            1,
        )
        .replace("This page lists the meetings for Children's Services Scrutiny Panel.", "")
        .replace("Information about Children's Services Scrutiny Panel", "")
    )
    records = read_layout(replace(listing, text=text)).records
    assert records and {r.committee for r in records} == {"Children's Services Scrutiny Panel"}
