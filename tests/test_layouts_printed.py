"""The printed reader on other councils' records: PDF text with page headers and footers,
a prose page with a "PRESENT:" paragraph, a non-ModernGov meetings page, a letterhead run
into one line, a summons, minutes numbered under a heading in capitals. The documents are
invented (tests/data/layouts/printed/); the last test checks real corpus documents where
GRAPHKIT_CORPUS points at the corpus."""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from pathlib import Path

import pytest
from conftest import DATA
from corpus import corpus_index, need_corpus

from graphkit.documents import classify, read_document
from graphkit.layouts import read_layout
from graphkit.model import Document, MeetingRecord

PRINTED = DATA / "layouts" / "printed"


def _read(name: str) -> list[MeetingRecord]:
    doc = read_document(PRINTED / name, name)
    return list(read_layout(doc).records)


def _read_text(text: str) -> list[MeetingRecord]:
    doc = Document("inline.txt", text, "0", classify(text))
    return list(read_layout(doc).records)


def _header(rec: MeetingRecord) -> tuple[object, ...]:
    """What a record's header gave: section, committee, date, start time and venue."""
    return (rec.section, rec.committee, rec.date, rec.start_time, rec.venue)


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
        # a subtitle in title case between two dashes belongs to the title
        ("113", "PLAYING PITCH REVIEW – Interim Findings"),
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


def test_minute_codes_a_short_year_and_councillors_by_surname() -> None:
    # a panel's minutes as some district councils print them: the date with a year of two
    # digits, minutes numbered by a code with the year, councillors by surname alone
    text = (
        "MINUTES OF THE CORPORATE PARENTING PANEL\n"
        "HELD ON 12.03.29 AT 6PM, ROOM 2, THE TOWN HALL, WESTLEIGH\n\n"
        "Councillors present: Smith (Chair), Jones, Brown and O'Hara\n"
        "Officers present: A. Khan (Head of Looked After Children)\n\n"
        "CPP/29/15 APOLOGIES\nApologies were received from Councillor Grey.\n\n"
        "CPP/29/16 MINUTES OF THE LAST MEETING\n"
        "The minutes of the meeting held on 10.01.29 were approved.\n\n"
        "CPP/29/17 FAMILY VALUED\nThe Panel received an update.\n"
    )
    (rec,) = _read_text(text)
    when = (dt.date(2029, 3, 12), dt.time(18))
    venue = "ROOM 2, THE TOWN HALL, WESTLEIGH"
    assert _header(rec) == ("minutes", "Corporate Parenting Panel", *when, venue)
    assert [i.number for i in rec.items] == ["CPP/29/15", "CPP/29/16", "CPP/29/17"]
    assert [(a.name, a.status, a.capacity) for a in rec.attendance] == [
        ("Smith", "present", "member"),
        ("Jones", "present", "member"),
        ("Brown", "present", "member"),
        ("O'Hara", "present", "member"),
        ("A. Khan", "present", "officer"),
        ("Councillor Grey", "apologies", "member"),
    ]
    assert [(r.date, r.relation) for r in rec.refs] == [(dt.date(2029, 1, 10), "approves")]


def test_a_notice_of_meeting_in_capitals() -> None:
    # the committee, the date and the place each on a line of its own, blank lines between
    text = (
        "NOTICE OF MEETING\n\nCHILDREN AND YOUNG PEOPLE SCRUTINY COMMITTEE\n\n"
        "THURSDAY, 4 SEPTEMBER 2031 AT 10.00 AM\n\nCOMMITTEE ROOM 3, COUNTY HALL, ELMSTEAD\n\n"
        "Membership: Councillors K Abbott (Chair), L Bright and M Cole\n\n"
        "AGENDA\n\n1. Apologies for absence\n2. Declarations of interest\n"
    )
    (rec,) = _read_text(text)
    committee, when = (
        "Children and Young People Scrutiny Committee",
        (dt.date(2031, 9, 4), dt.time(10)),
    )
    assert _header(rec) == ("agenda", committee, *when, "COMMITTEE ROOM 3, COUNTY HALL, ELMSTEAD")
    assert [a.name for a in rec.membership] == ["K Abbott", "L Bright", "M Cole"]


def test_an_agenda_in_parts_numbered_by_letter() -> None:
    # "PART A" items A1, A2, ..., then "PART B" items B1, B2, ...: one agenda
    text = (
        "Westleigh Borough Council\nCabinet\nAgenda\nDate: 14/05/2031\nTime: 18:30\n"
        "Place: Council Chamber\n\nPART A\nA1 Apologies for absence\n"
        "A2 Declarations of interest\nA3 Minutes of the meeting held on 16 April 2031\n"
        "A4 Saplings Programme expansion\n\nPART B\nB1 Exclusion of the press and public\n"
        "B2 Contract award - school transport\n"
    )
    (rec,) = _read_text(text)
    when = (dt.date(2031, 5, 14), dt.time(18, 30))
    assert _header(rec) == ("agenda", "Cabinet", *when, "Council Chamber")
    assert [(i.number, i.title) for i in rec.items] == [
        ("A1", "Apologies for absence"),
        ("A2", "Declarations of interest"),
        ("A3", "Minutes of the meeting held on 16 April 2031"),
        ("A4", "Saplings Programme expansion"),
        ("B1", "Exclusion of the press and public"),
        ("B2", "Contract award - school transport"),
    ]


_LETTERHEAD = (
    "LOWMOOR CITY COUNCIL TRANSPORT AND ENVIRONMENT OVERVIEW AND SCRUTINY COMMITTEE "
    "THURSDAY, 07 MARCH 2019 AT 10:00 HOURS IN COMMITTEE ROOM 2, RIVERSIDE HOUSE, LOWMOOR "
    "A G E N D A 1 NOTICE OF RECORDING"
)


@pytest.mark.parametrize("width", [0, 78, 70, 62])
def test_a_letterhead_run_into_one_line(width: int) -> None:
    # as one line, or wrapped at a page's width by PDF text (0: not wrapped)
    letterhead = textwrap.fill(_LETTERHEAD, width) if width else _LETTERHEAD
    (rec,) = _read_text(f"Lowmoor City Council Transport And\n{letterhead}\n")
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


def test_a_grid_of_members_run_together() -> None:
    # PDF text of a grid of members printed in columns: full names run together on one
    # line, no separators, a page number at its end; one name of three words
    (rec,) = _read("grid_minutes.txt")
    assert (rec.section, rec.date) == ("minutes", dt.date(2031, 10, 7))
    names = [(a.name, a.status, a.capacity) for a in rec.attendance]
    assert names[0] == ("Councillor Helen Marsh", "present", "member")
    members = [n for n, _, c in names[1:] if c == "member"]
    assert len(members) == 24
    assert members[:4] == ["Anna Abbott", "Gareth Fenn", "Rosa Lomax", "Peter Acton"]
    assert "Nigel Price Hart" in members and "Paul Soper" in members
    assert members[-1] == "Amy Wade"  # the line after the page break too
    # "Whole of meeting:" under "Officers:" says how long, not who: the officer is read
    assert names[-1] == ("K. Lowe", "present", "officer")
    assert [(i.number, i.title) for i in rec.items] == [("2201", "NOTICE OF RECORDING")]


@pytest.mark.parametrize(
    "heading",
    [
        "PARKS AND LEISURE SCRUTINY PANEL – 3 OCTOBER 2022",  # in capitals
        "Parks and Leisure Scrutiny Panel – Mon 3 Oct 2022",  # abbreviated
        "Parks and Leisure Scrutiny Panel – 03/10/2022",  # in numbers
        "Parks and Leisure Scrutiny Panel – October 3, 2022",
    ],
)
def test_a_dashed_heading_in_other_shapes(heading: str) -> None:
    # the same minutes with the heading's date written another way
    text = (PRINTED / "prose_minutes.txt").read_text(encoding="utf-8")
    _first, rest = text.split("\n", 1)
    (rec,) = _read_text(heading + "\n" + rest)
    assert (rec.section, rec.date) == ("minutes", dt.date(2022, 10, 3))
    assert rec.committee is not None and rec.committee.lower() == "parks and leisure scrutiny panel"
    assert [i.number for i in rec.items] == ["112", "113", "114"]


def test_no_break_spaces_read_as_spaces(tmp_path: Path) -> None:
    # a page saved from the web writes "&nbsp;" as U+00A0: in the date, after a title
    text = (PRINTED / "prose_minutes.txt").read_text(encoding="utf-8")
    spaced = re.sub(r"(?<=\b3) (?=October)|(?<=Councillor) |(?<=Mrs) ", "\u00a0", text)
    assert spaced.count("\u00a0") >= 3
    (tmp_path / "nbsp.txt").write_text(spaced, encoding="utf-8")
    (rec,) = read_layout(read_document(tmp_path / "nbsp.txt", "nbsp.txt")).records
    (plain,) = _read("prose_minutes.txt")
    assert (rec.committee, rec.date) == (plain.committee, plain.date) != (None, None)
    assert _people(rec) == _people(plain)


def test_names_in_capitals_do_not_end_the_attendance_block() -> None:
    # a heading in capitals ends the block; a name in capitals, a label ending in a colon
    # and a note in brackets do not
    text = (
        "MINUTES of a meeting of the PLANNING COMMITTEE held on 4 March 2031 at Shire Hall.\n\n"
        "PRESENT:\n\nCOUNCILLOR T BROOK (CHAIRMAN)\nCOUNCILLOR MRS A HALE\nMR J FRITH\n\n"
        "EXTERNAL AUDITORS:\n(WESTGATE AUDIT)\nK. LOWE\nP BELL, M. CROSS\n\n"
        "APOLOGIES FOR ABSENCE\n\nApologies were received from Councillor P Dunmore.\n\n"
        "12. DECLARATIONS OF INTEREST\n\nThere were none.\n"
    )
    (rec,) = _read_text(text)
    assert [(a.name, a.status) for a in rec.attendance] == [
        ("Councillor T Brook", "present"),
        ("Councillor Mrs A Hale", "present"),
        ("Mr J Frith", "present"),
        ("K. Lowe", "present"),
        ("P Bell", "present"),
        ("M. Cross", "present"),
        ("Councillor P Dunmore", "apologies"),
    ]


def test_apologies_whose_names_follow_a_blank_line() -> None:
    # a sentence that stops at its title ("... from Councillors"): the names come next
    text = (
        "MINUTES of a meeting of the PLANNING COMMITTEE held on 4 March 2031 at Shire Hall.\n\n"
        "PRESENT: Councillor T Brook (Chair)\n\n"
        "1. Apologies\n\nApologies for absence were received from Councillors\n\n"
        "L. Parr, G. Colley and Alun Wynne.\n\n"
        "2. Declarations of interest\n\nCouncillor Y Bell attended as a substitute.\n"
    )
    (rec,) = _read_text(text)
    assert [(a.name, a.status) for a in rec.attendance if a.status == "apologies"] == [
        ("L. Parr", "apologies"),
        ("G. Colley", "apologies"),
        ("Alun Wynne", "apologies"),
    ]


def test_attendees_in_bold_markdown() -> None:
    # a page converted to Markdown sets each attendee in bold: no item titles, no "**" role
    text = (
        "# Minutes of the Planning Committee held on 4 March 2031\n\nPresent:\n\n"
        "**Councillor T Brook** (Chair)\n\n**Councillor A Hale**\n\n**Mrs J Frith**\n\n"
        "**Declarations of interest**\n\nThere were none.\n\n"
        "**Local Plan Review**\n\nThe Committee considered the report.\n"
    )
    (rec,) = _read_text(text)
    assert [(a.name, a.role) for a in rec.attendance] == [
        ("Councillor T Brook", "Chair"),
        ("Councillor A Hale", None),
        ("Mrs J Frith", None),
    ]
    assert [i.title for i in rec.items] == ["Declarations of interest", "Local Plan Review"]


def test_a_title_wrapped_over_two_lines() -> None:
    # a long title goes on below: capitals under capitals, small letters under a long line
    text = (
        "MINUTES of a meeting of the PLANNING COMMITTEE held on 4 March 2031 at Shire Hall.\n\n"
        "PRESENT: Councillor T Brook (Chair), Councillors A Hale and B Frith.\n\n"
        "12/31 APOLOGIES FOR ABSENCE\n\nApologies were received from Councillor P Dunmore.\n\n"
        "13/31 REVIEW OF THE HOLIDAY MEALS PROGRAMME AND THE SUMMER READING\n"
        "CHALLENGE IN LIBRARIES\n\nThe Committee considered a report.\n\n"
        "14/31 Proposed changes to the Local Transport Plan following the public\n"
        "consultation on bus routes\n\nMembers noted the report.\n\n"
        "15/31 HOUSING\nRESOLVED that the report be noted.\n"
    )
    (rec,) = _read_text(text)
    assert [i.title for i in rec.items] == [
        "APOLOGIES FOR ABSENCE",
        "REVIEW OF THE HOLIDAY MEALS PROGRAMME AND THE SUMMER READING CHALLENGE IN LIBRARIES",
        "Proposed changes to the Local Transport Plan following the public consultation on "
        "bus routes",
        "HOUSING",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # "Councilor" misspelt, in the heading and in the list
            "MINUTES of a meeting of the PLANNING COMMITTEE held on 4 March 2031 at Shire "
            "Hall.\n\nPRESENT: Councilor T Brook (Chair)\n\nCouncilors Mrs A Hale, Frith and "
            "Lowe.\n\nIn attendance: Councilor B Cole\n\n"
            "12. DECLARATIONS OF INTEREST\n\nThere were none.\n",
            [
                ("Councilor T Brook", "present", "member", True),
                ("Mrs A Hale", "present", "member", False),
                ("Frith", "present", "member", False),
                ("Lowe", "present", "member", False),
                ("Councilor B Cole", "present", "other-member", False),
            ],
        ),
        (  # "... and 3 members of the public." reads like prose, but the line is labelled
            "BRAMLEY PARISH COUNCIL\n\nMinutes of the Meeting of Bramley Parish Council held "
            "on Monday 8th January 2029 at 7.30pm in the Village Hall\n\n"
            "Present: Cllrs Whitlock (Chairman), Barnes and Osei.\n"
            "In attendance: Mrs L Dunmore (Clerk) and 3 members of the public.\n\n"
            "29/01 Apologies for absence\nApologies were received from Cllr Hale.\n",
            [
                ("Whitlock", "present", "member", True),
                ("Barnes", "present", "member", False),
                ("Osei", "present", "member", False),
                ("Mrs L Dunmore", "present", "officer", False),
                ("Cllr Hale", "apologies", "member", False),
            ],
        ),
    ],
)
def test_attendance_blocks(text: str, expected: list[tuple[str, str, str, bool]]) -> None:
    (rec,) = _read_text(text)
    assert [(a.name, a.status, a.capacity, a.chair) for a in rec.attendance] == expected


def test_lists_of_names_wrapped_at_the_page_width() -> None:
    # PDF text wraps long lines at the page's width, inside a name ("A I" / "Lowe"), in a
    # grid of names run together, and in an apologies sentence
    text = (
        "MINUTES of a meeting of the PLANNING AND ACCESS COMMITTEE held on 4 March 2031 at\n"
        "Shire Hall, Wendbury.\n\n"
        "PRESENT\n\n"
        "Councillor T Brook (in the Chair)\n\n"
        "Councillors W Abbott (substitute member) P Dunmore, J Frith, Ms Anna Hale, A I\n"
        "Lowe, Mrs M Stead (substitute member), R A Parry (substitute member), and Mrs J\n"
        "Street.\n\n"
        "Also present: Anna Abbott Gareth Fenn Rosa Lomax Peter Acton Helen Marsh Tom\n"
        "Carter Nigel Price Paul Soper Amy Wade\n\n"
        "Apologies for absence were submitted on behalf of Councillors Mrs D Carew\n"
        "Mrs Jane Hale, D Morgan and M Tull.\n\n"
        "12/31 DECLARATIONS OF INTEREST\n\nThere were none.\n"
    )
    (rec,) = _read_text(text)
    people = {a.name: a.status for a in rec.attendance}
    assert {n: people.get(n) for n in ("A I Lowe", "Mrs J Street", "Tom Carter")} == {
        "A I Lowe": "present",
        "Mrs J Street": "present",
        "Tom Carter": "present",
    }
    assert [n for n, s in people.items() if s == "apologies"] == [
        "Mrs D Carew",
        "Mrs Jane Hale",
        "D Morgan",
        "M Tull",
    ]
    assert rec.attendance[-1].end <= text.index("12/31")  # offsets into the text as read


@pytest.mark.parametrize("wrapped", [False, True], ids=["one line", "wrapped at 78"])
def test_an_agenda_run_into_one_line(wrapped: bool) -> None:
    # PDF text that ran the agenda's list into one line: "1. To ... 2. To ..."; a marker
    # ("PAPER 3") breaks into item 3's title; the motion to approve the minutes is put, not
    # carried; the last title is cut off by the end of the text. Wrapped at the page's
    # width, the lines read as the one line they were.
    text = (PRINTED / "run_together_agenda.txt").read_text(encoding="utf-8")
    if wrapped:
        text = "\n".join(
            "\n".join(textwrap.wrap(line, 78)) if len(line) > 90 else line
            for line in text.split("\n")
        )
        assert max(len(line) for line in text.split("\n")) <= 78
    (rec,) = _read_text(text)
    assert (rec.section, rec.date) == ("agenda", dt.date(2031, 6, 12))
    assert [(i.number, i.title) for i in rec.items] == [
        ("1", "To receive apologies"),
        ("2", "To receive declarations of interest"),
        ("3", "To approve the minutes of the meeting of the Council held on"),
        ("4", "To receive any announcements from the Mayor"),
        ("5", "To receive questions from the public"),
        ("6", "To consider the report of the Leader on the budget"),
    ]
    assert [(r.date, r.relation) for r in rec.refs] == [(dt.date(2031, 3, 4), "references")]


def test_an_agenda_in_capitals_run_into_one_line() -> None:
    # titles in capitals with page ranges after them; the action notes of the last meeting
    # to confirm (referred to: an agenda asks, the meeting approves) and the dates of
    # future meetings listed (referred to)
    text = (
        "NORTHWICK BOROUGH COUNCIL PLANNING COMMITTEE TUESDAY, 05 MARCH 2030 AT 14:00 HOURS "
        "IN COMMITTEE ROOM 2, TOWN HALL A G E N D A 1 APOLOGIES To receive any apologies. "
        "2 ACTION NOTES 3 - 8 To confirm the action notes of the meeting held on 6 February "
        "2030. 3 HOUSING SUPPLY REPORT 9 - 40 Pat Quinn, Head of Housing, in attendance. "
        "Page 1 of 60 4 DATES OF MEETINGS To note the dates of future meetings as follows: "
        "2 April 2030 7 May 2030 4 June 2030 5 OTHER URGENT BUSINESS To consider any items of "
        "business by reason of special circumstances.\n"
    )
    (rec,) = _read_text(text)
    assert [(i.number, i.title) for i in rec.items] == [
        ("1", "APOLOGIES"),
        ("2", "ACTION NOTES"),
        ("3", "HOUSING SUPPLY REPORT"),
        ("4", "DATES OF MEETINGS"),
        ("5", "OTHER URGENT BUSINESS"),
    ]
    assert [(r.date, r.relation) for r in rec.refs] == [
        (dt.date(2030, 2, 6), "references"),
        (dt.date(2030, 4, 2), "references"),
        (dt.date(2030, 5, 7), "references"),
        (dt.date(2030, 6, 4), "references"),
    ]


def _corpus_rows() -> list[tuple[str, str, str]]:
    """(file, committee, meeting date) of the corpus documents this reader is for."""
    rows = corpus_index()
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
        need_corpus()
        return
    path, committee, date = row
    doc = read_document(need_corpus() / path, path)
    records = read_layout(doc).records
    if not date:
        # a page that dates no meeting (a committee's information page) records none
        assert all(r.date is None for r in records)
        return
    assert (committee, date) in {(r.committee, r.date.isoformat()) for r in records if r.date}


def test_a_page_of_one_document_of_another_meeting() -> None:
    # the page heads one meeting ("Panel / Wednesday, 5 March 2031") and shows the minutes
    # of an earlier one: two meetings, the page's referring to the minutes it shows
    page, minutes = _read("document_page.txt")
    assert (page.committee, page.date, page.platform_id) == (
        "Westmarsh Audit Panel",
        dt.date(2031, 3, 5),
        "westmarsh:777",
    )
    assert [(r.date, r.relation) for r in page.refs] == [(dt.date(2030, 12, 4), "references")]
    assert minutes.date == dt.date(2030, 12, 4)
    # the table of officers attending for each item holds people, not items
    assert [(i.number, i.title) for i in minutes.items] == [
        ("31/30", "APOLOGIES FOR ABSENCE"),
        ("32/30", "MINUTES"),
    ]
    names = [a.name for a in minutes.attendance]
    for officer in ("T. Ashgrove", "M. Fenwick", "H. Oduya"):
        assert any(officer in n for n in names), names
    # "the minutes of the Audit Panel held on D1 and the D2": two meetings approved
    assert [(r.date, r.relation) for r in minutes.refs] == [
        (dt.date(2030, 10, 2), "approves"),
        (dt.date(2030, 10, 16), "approves"),
    ]


def test_a_page_heading_of_the_same_meeting_adds_none() -> None:
    text = (
        "URL: https://democracy.westmarsh.gov.uk/ceListDocuments.aspx?F=x.htm&MeetingId=9\n\n"
        "Westmarsh Audit Panel\nWednesday, 5 March 2031\n\n"
        "AUDIT PANEL\n\nMINUTES of the meeting held on 5 March 2031 at 2.00 pm\n\n"
        "Present: Councillor Petra Lowden\n\n1. APOLOGIES\n\nNone.\n\n2. MINUTES\n\nAgreed.\n"
    )
    doc = Document("inline.txt", text, "0", classify(text), url=text.split()[1])
    assert [(r.section, r.date) for r in read_layout(doc).records] == [
        ("minutes", dt.date(2031, 3, 5))
    ]
