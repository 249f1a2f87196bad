"""The ModernGov web-service XML: its rendering as text and the layout that reads it back.

The fixtures are invented (the Westmere council and its meetings), shaped like the
platform's real ``GetCommittees``, ``GetMeetings`` and ``GetMeeting`` responses.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from corpus import need_corpus

import graphkit
from graphkit.documents import read_document
from graphkit.errors import DocumentError
from graphkit.layouts import read_layout
from graphkit.layouts.webservice import detect, read, render
from graphkit.model import Document, MeetingRecord

DATA = Path(__file__).resolve().parent / "data" / "layouts" / "webservice"


def _doc(name: str) -> Document:
    return read_document(DATA / name, name)


def _only(doc: Document) -> MeetingRecord:
    result = read_layout(doc)
    assert result.layout == "webservice"
    assert len(result.records) == 1
    return result.records[0]


# -- the rendering -------------------------------------------------------------------------------
def test_committees_render_one_line_per_field() -> None:
    doc = _doc("getcommittees.xml")
    assert doc.text == (
        "ModernGov web service: GetCommittees\n"
        "\n"
        "Committee: Parks and Open Spaces Committee\n"
        "Committee id: 41\n"
        "Category: Service Committees\n"
        "\n"
        "Committee: Allotments Working Group\n"
        "Committee id: 40\n"
        "Category: Service Committees\n"
        "Expired: yes\n"
    )
    assert doc.url is None


def test_meeting_rendering_is_readable_and_deterministic() -> None:
    raw = (DATA / "getmeeting.xml").read_bytes()
    text = render(raw, "getmeeting.xml")
    assert text == render(raw, "getmeeting.xml")
    lines = text.splitlines()
    # the meeting's page, on the site its links are on, comes first, for Document.url
    assert lines[0] == "URL: https://democracy.westmere.gov.uk/ieListDocuments.aspx?MId=8123"
    assert lines[2] == "ModernGov web service: GetMeeting"
    for line in (
        "Meeting id: 8123",
        "Committee: Parks and Open Spaces Committee",
        "Meeting date: Wednesday 14 May 2031",
        "Start time: 6.30 pm",
        "Venue: Lodge Room, Westmere Civic Centre",
        "Item 3a. Tree Planting Programme 2031/32",
        # the minutes' HTML, unescaped and made plain: a paragraph a line, list items, table rows
        "  The Committee considered a report of the Head of Parks setting out the sites for "
        "new trees:",
        "  - Mill Lane",
        "  Site\tTrees",
        "  - Minutes 2 April 2031 <https://democracy.westmere.gov.uk/mgConvert2PDF.aspx?ID=9001>",
        "Councillor Peter Lindqvist — Chair — Present",
        "Maria Costa — Democratic Services Officer — In attendance",
    ):
        assert line in lines, line
    for markup in ("<p>", "&lt;", "&nbsp;", "\xa0", "MsoNormal"):
        assert markup not in text


def test_document_of_a_meeting_has_its_address() -> None:
    doc = _doc("getmeeting.xml")
    assert doc.url == "https://democracy.westmere.gov.uk/ieListDocuments.aspx?MId=8123"


def test_asmx_string_wrapper_is_unwrapped() -> None:
    inner = (
        "<committees><committee><committeetitle>Parks Committee</committeetitle>"
        "</committee></committees>"
    )
    escaped = inner.replace("<", "&lt;").replace(">", "&gt;")
    raw = f'<?xml version="1.0"?><string xmlns="http://tempuri.org/">{escaped}</string>'.encode()
    assert render(raw, "w.xml").splitlines()[:3] == [
        "ModernGov web service: GetCommittees",
        "",
        "Committee: Parks Committee",
    ]


# -- the layout: GetMeeting ------------------------------------------------------------------
def test_meeting_record() -> None:
    doc = _doc("getmeeting.xml")
    rec = _only(doc)
    assert (rec.committee, rec.date, rec.start_time, rec.end_time) == (
        "Parks and Open Spaces Committee",
        dt.date(2031, 5, 14),
        dt.time(18, 30),
        dt.time(20, 5),  # the actual finish; the planned one is no record of when it ended
    )
    assert rec.venue == "Lodge Room, Westmere Civic Centre"
    assert rec.section == "minutes"
    assert rec.platform_id == "westmere:8123"
    assert rec.layout == "webservice"
    assert doc.text[rec.start :].startswith("Meeting id: 8123")


def test_meeting_items_and_their_offsets() -> None:
    doc = _doc("getmeeting.xml")
    rec = _only(doc)
    assert [(i.number, i.title, i.position) for i in rec.items] == [
        ("1", "Apologies for Absence", 1),
        ("2", "Minutes of the Previous Meeting", 2),
        ("3a", "Tree Planting Programme 2031/32", 3),
    ]
    for item in rec.items:
        assert doc.text[item.title_start : item.title_start + len(item.title)] == item.title
        assert doc.text[item.start : item.end].startswith(f"Item {item.number}. {item.title}")
    assert doc.text[rec.items[0].start : rec.items[0].end].endswith("Councillor Ruth Okafor.")


def test_resolutions_come_from_the_minutes_only() -> None:
    doc = _doc("getmeeting.xml")
    items = _only(doc).items
    assert [[r.text for r in i.resolutions] for i in items] == [
        [],
        [
            "RESOLVED – That the minutes of the meeting held on 2 April 2031 be approved as a "
            "correct record."
        ],
        # the agenda's "RECOMMENDED that ..." only proposes
        ["RESOLVED – That the Tree Planting Programme 2031/32 be approved."],
    ]
    for item in items:
        for r in item.resolutions:
            assert item.start <= r.start < r.end <= item.end


def test_refs_once_per_meeting_referred_to() -> None:
    rec = _only(_doc("getmeeting.xml"))
    assert [(r.date, r.relation, r.body) for r in rec.refs] == [
        (dt.date(2031, 4, 2), "approves", None)
    ]


def test_attendance_statuses_and_capacities() -> None:
    doc = _doc("getmeeting.xml")
    rec = _only(doc)
    assert [(a.name, a.status, a.capacity, a.role, a.chair) for a in rec.attendance] == [
        ("Councillor Peter Lindqvist", "present", "member", "Chair", True),
        ("Councillor Ruth Okafor", "apologies", "member", "Committee Member", False),
        ("Councillor Sam Adeyemi", "substitute", "member", "Committee Member", False),
        ("Councillor Dana Whitlow", "absent", "member", "Committee Member", False),
        ("Maria Costa", "present", "officer", "Democratic Services Officer", False),
    ]
    # "Expected": due to attend, attendance not recorded; a member, not an attendee
    assert [(a.name, a.role) for a in rec.membership] == [
        ("Councillor Ian Marsh", "Committee Member")
    ]
    for a in (*rec.attendance, *rec.membership):
        assert doc.text[a.start : a.end] == a.name
        assert a.heading == "Attendees"


# -- the layout: GetMeetings and GetCommittees -----------------------------------------------
def test_meetings_listing() -> None:
    result = read_layout(_doc("getmeetings.xml"))
    assert result.layout == "webservice"
    assert [
        (r.committee, r.date, r.start_time, r.platform_id, r.section) for r in result.records
    ] == [
        (
            "Parks and Open Spaces Committee",
            dt.date(2031, 4, 2),
            dt.time(18, 30),
            "local:8122",
            "web_page",
        ),
        (
            "Parks and Open Spaces Committee",
            dt.date(2031, 5, 14),
            dt.time(18, 30),
            "local:8123",
            "web_page",
        ),
        # the Licensing Sub-Committee's meeting was cancelled: not a meeting held
    ]


def test_meetings_listing_takes_its_host_from_its_links() -> None:
    raw = (
        b"<getmeetings><committee><committeeid>3</committeeid>"
        b"<committeetitle>Cabinet</committeetitle><committeemeetings><meeting>"
        b"<meetingid>77</meetingid><meetingdate>01/02/2031</meetingdate>"
        b"<url>https://westmere.moderngov.co.uk/mgMeetingAttendance.aspx?ID=77</url>"
        b"</meeting></committeemeetings></committee></getmeetings>"
    )
    text = render(raw, "m.xml")
    assert "Site: https://westmere.moderngov.co.uk/" in text.splitlines()
    doc = Document("m.xml", text, "0", "minutes")
    assert [(r.committee, r.date, r.platform_id) for r in read(doc)] == [
        ("Cabinet", dt.date(2031, 2, 1), "westmere:77")
    ]


def test_committees_are_taken_without_a_meeting() -> None:
    doc = _doc("getcommittees.xml")
    assert detect(doc) >= 0.5
    result = read_layout(doc)
    assert (result.layout, result.records) == ("webservice", ())


def test_detect_only_its_own_rendering() -> None:
    printed = Document(
        "p.txt", "Minutes of the Parks Committee\nPresent: Cllr A Bee", "0", "minutes"
    )
    assert detect(printed) == 0.0
    assert read(printed) == []
    assert detect(_doc("getmeeting.xml")) > 0.9


# -- what is not a ModernGov response ----------------------------------------------------------
def test_other_xml_is_refused_by_name() -> None:
    with pytest.raises(DocumentError) as err:
        _doc("not_moderngov.xml")
    assert err.value.source == "not_moderngov.xml"
    assert "is XML but not a ModernGov web-service response" in str(err.value)


def test_malformed_xml_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_bytes(b"<meeting><meetingid>1</meetingid><agendaitems></meeting>")
    with pytest.raises(DocumentError) as err:
        read_document(path, "broken.xml")
    assert err.value.source == "broken.xml"
    assert "not well-formed XML" in err.value.problem


def test_build_reports_bad_xml_and_goes_on(tmp_path: Path) -> None:
    (tmp_path / "broken.xml").write_bytes(b"<meeting><meetingid>1</meeting>")
    (tmp_path / "meeting.xml").write_bytes((DATA / "getmeeting.xml").read_bytes())
    result = graphkit.build(tmp_path)
    assert [p.source for p in result.problems] == ["broken.xml"]
    assert result.layouts == {"meeting.xml": "webservice"}


def test_external_entity_is_not_expanded(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET-VALUE", encoding="utf-8")
    raw = (
        '<?xml version="1.0"?>\n'
        f'<!DOCTYPE meeting [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>\n'
        "<meeting><meetingid>5</meetingid><meetingdate>01/03/2031</meetingdate>"
        "<agendaitems><agendaitem><agendaitemtitle>Budget &xxe;</agendaitemtitle>"
        "<fulldisplaynumberformat>1.</fulldisplaynumberformat></agendaitem></agendaitems>"
        "</meeting>"
    ).encode()
    path = tmp_path / "xxe.xml"
    path.write_bytes(raw)
    try:
        text = read_document(path, "xxe.xml").text
    except DocumentError:
        return  # refusing the file is as safe as reading it without the entity
    assert "TOPSECRET" not in text
    assert "Item 1. Budget" in text


# -- the real responses --------------------------------------------------------------------------
def test_real_manchester_responses() -> None:
    need_corpus()
    stem = "DemocracyClub__LGSF__lgsf__minutes__tests__fixtures__"
    paths = [
        need_corpus() / "full" / f"{stem}{n}.xml"
        for n in ("meetings", "committees", "meeting_with_minutes")
    ]
    if not all(p.is_file() for p in paths):
        pytest.skip("the ModernGov web-service files are not in the corpus")
    result = graphkit.build(paths)
    assert result.problems == []
    assert set(result.layouts.values()) == {"webservice"}
    full = [m for m in result.meetings if m.date == dt.date(2026, 2, 10) and m.items]
    assert len(full) == 1
    meeting = full[0]
    assert meeting.committee == "Audit Committee"
    assert meeting.platform_id == "manchester:4967"
    assert [(i.number, i.title) for i in meeting.items] == [
        ("1", "Minutes"),
        ("9", "Work Programme"),
    ]
    assert [a.name for a in (*meeting.attendance, *meeting.membership)] == [
        "Councillor Basil Curley"
    ]
    listed = [m for m in result.meetings if m.source.endswith("meetings.xml")]
    assert [(m.committee, m.date) for m in listed] == [("Audit Committee", dt.date(2026, 2, 10))]


def test_meetings_of_an_unnamed_committee_are_not_given_the_one_before() -> None:
    raw = (
        b"<getmeetings><committee><committeetitle>Cabinet</committeetitle><committeemeetings>"
        b"<meeting><meetingid>1</meetingid><meetingdate>01/02/2031</meetingdate></meeting>"
        b"</committeemeetings></committee><committee><committeemeetings>"
        b"<meeting><meetingid>2</meetingid><meetingdate>02/02/2031</meetingdate></meeting>"
        b"</committeemeetings></committee></getmeetings>"
    )
    doc = Document("m.xml", render(raw, "m.xml"), "0", "minutes")
    assert [(r.committee, r.date) for r in read(doc)] == [
        ("Cabinet", dt.date(2031, 2, 1)),
        ("", dt.date(2031, 2, 2)),
    ]
