"""Meetings, items, attendance and names in forms the samples do not show: parish and
district minutes, minute codes, roman numerals, ModernGov pages, PDF text, attendance
tables, substitutes, apologies in sentences. Invented councils and people."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import DATA

import graphkit
from graphkit.documents import read_paths
from graphkit.model import Document, MeetingRecord
from graphkit.names import find_names
from graphkit.segment import segment
from graphkit.segment.attendance import apologies_in_text, parse_attendance
from graphkit.segment.items import find_items
from graphkit.segment.text import plain

FORMS = DATA / "forms" / "meetings"


def records(name: str) -> list[MeetingRecord]:
    docs, problems = read_paths([FORMS / name])
    assert not problems
    return segment(docs[0])


def people(rec: MeetingRecord) -> list[tuple[str, str, str | None, bool]]:
    return [(a.name, a.status, a.role, a.chair) for a in rec.attendance]


# -- item headings -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # numbered with the year first: the minute number is the part after the slash
        (
            "23/45 APOLOGIES\n\nNone.\n\n23/46 MINUTES\n\nAgreed.\n\n23/47 FINANCE\n",
            [("23/45", "APOLOGIES"), ("23/46", "MINUTES"), ("23/47", "FINANCE")],
        ),
        # a minute code before the number
        (
            "CAB 12/24 APOLOGIES\n\nNone.\n\nCAB 13/24 MINUTES\n\nAgreed.\n",
            [("CAB 12/24", "APOLOGIES"), ("CAB 13/24", "MINUTES")],
        ),
        # a minute series letter before the number, kept as written
        (
            "F/101 Apologies for Absence\n\nNone.\n\nF/102 Minutes\n\nAgreed.\n\n"
            "F/103 Taxi Licensing Policy\n",
            [
                ("F/101", "Apologies for Absence"),
                ("F/102", "Minutes"),
                ("F/103", "Taxi Licensing Policy"),
            ],
        ),
        # "Min No. 5", "Minute 6", "Item 7:"; lettered parts are not items
        (
            "Min No. 5 Apologies\nNone.\nMinute 6 Audit Report\n(a) Counter Fraud\n"
            "Item 7: Risk Register\n",
            [("5", "Apologies"), ("6", "Audit Report"), ("7", "Risk Register")],
        ),
        # roman numerals
        (
            "I. APOLOGIES\nNone.\nII. MINUTES\nAgreed.\nIII. CODE OF CONDUCT\nIV. ANY OTHER BUSINESS\n",
            [
                ("I", "APOLOGIES"),
                ("II", "MINUTES"),
                ("III", "CODE OF CONDUCT"),
                ("IV", "ANY OTHER BUSINESS"),
            ],
        ),
        # a dash between the number and the title
        ("1 - Apologies\n2 - Minutes\n", [("1", "Apologies"), ("2", "Minutes")]),
    ],
)
def test_item_heading_forms(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(n, t) for n, t, *_ in find_items(text, plain(text), 0, len(text))] == expected


def test_an_item_with_a_prefix_starts_at_the_prefix() -> None:
    text = "Min No. 5 Apologies\nNone.\nMin No. 6 Minutes\n"
    (_, _, s1, e1, _), (_, _, s2, _, _) = find_items(text, plain(text), 0, len(text))
    assert (s1, e1, s2) == (0, text.index("Min No. 6"), text.index("Min No. 6"))


# -- names ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Cllr. Mrs P. Jones and Cllr. D. Jones",
            [("Councillor", "P", "Jones"), ("Councillor", "D", "Jones")],
        ),
        ("Councillor Dr S. Mistry", [("Councillor", "S", "Mistry")]),
        ("Councillor Ms Siobhan O'Neill-Byrne", [("Councillor", "S", "O'Neill-Byrne")]),
        # a post or a body is not a person
        ("Head of Internal Audit, Democratic Services Officer", []),
        ("Dr Eleanor Fitch - Overbridge Integrated Care Board", [("Dr", "E", "Fitch")]),
        ("Rev Simon Parr - Faith Sector Representative", [("Rev", "S", "Parr")]),
        # a possessive ends a name; a school or a foundation named after a person is no person
        (
            "Councillor Smith's motion and Cllr A Patel’s question",
            [("Councillor", None, "Smith"), ("Councillor", "A", "Patel")],
        ),
        ("pupils at Sir Robert Peel School and the Dame Alice Owen Foundation", []),
        # a wide gap is a column, not the next word of a name
        ("Cllr Imogen Shah          Chair", [("Councillor", "I", "Shah")]),
    ],
)
def test_name_forms(text: str, expected: list[tuple[str | None, str | None, str]]) -> None:
    assert [(n.title, n.initials, n.surname) for n in find_names(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr John Paul Smith (Chair)", [("John Paul", "Smith")]),
        ("Dr Eleanor Fitch Director of Public Health", [("Eleanor", "Fitch")]),
        ("Mrs Jane Roe Head Teacher", [("Jane", "Roe")]),
        # after "Cllr", a surname alone: two people
        ("Cllr Seaman John Gregg", [(None, "Seaman"), ("John", "Gregg")]),
        ("Dr. Anne-Marie De Souza", [("Anne-Marie", "De Souza")]),
        ("Councillor Pieter van der Berg", [("Pieter", "van der Berg")]),
        ("Cllr Le Page and Cllr Van Dyke", [(None, "Le Page"), (None, "Van Dyke")]),
    ],
)
def test_forenames_and_surnames(text: str, expected: list[tuple[str | None, str]]) -> None:
    assert [(n.given, n.surname) for n in find_names(text)] == expected


def test_a_second_title_does_not_make_a_list() -> None:
    (n,) = find_names("Cllr. Mrs P. Jones")
    assert not n.plural_title and n.text == "Cllr. Mrs P. Jones"


# -- attendance lines ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("block", "expected"),
    [
        (
            "Present: Councillor Mrs H. Adeyemi (Leader of the Council) (Chair)\n",
            [("Councillor Mrs H. Adeyemi", "present", "Leader of the Council", True)],
        ),
        (
            "IN ATTENDANCE: Mrs L. Harding (Parish Clerk) and 3 members of the public\n",
            [("Mrs L. Harding", "present", "Parish Clerk", False)],
        ),
        (
            "Also present: Councillors B. Ellery, N. Ford and V. Ramsay\n",
            [
                ("B. Ellery", "present", None, False),
                ("N. Ford", "present", None, False),
                ("V. Ramsay", "present", None, False),
            ],
        ),
        (
            "Officers present:\nChief Executive – Andrew Pollard\nDemocratic Services Officer\n",
            [("Andrew Pollard", "present", "Chief Executive", False)],
        ),
        (
            "PRESENT\nCouncillor Kiran Bhatt (Chair) - Cabinet Member for Adult Services\n"
            "Mr Callum Reid - Healthwatch Overbridge\n",
            [
                ("Councillor Kiran Bhatt", "present", "Cabinet Member for Adult Services", True),
                ("Mr Callum Reid", "present", "Healthwatch Overbridge", False),
            ],
        ),
        (
            "Present:\nCouncillor Farah Siddiqui (substituting for Councillor Graham Tate)\n"
            "Substitutes: Councillor Keith Brannigan for Councillor Joan Elphick\n",
            [
                (
                    "Councillor Farah Siddiqui",
                    "substitute",
                    "substituting for Councillor Graham Tate",
                    False,
                ),
                (
                    "Councillor Keith Brannigan",
                    "substitute",
                    "substitute for Councillor Joan Elphick",
                    False,
                ),
            ],
        ),
        (
            "Present: Councillor Ann Vale, Councillor Tom Rudd in place of Councillor Lee Ward\n",
            [
                ("Councillor Ann Vale", "present", None, False),
                ("Councillor Tom Rudd", "substitute", "substitute for Councillor Lee Ward", False),
            ],
        ),
        (
            "Attendance:\nName                      Role\nCllr Imogen Shah          Chair\n"
            "Mark Ellison              Head of Looked After Children\nMembers of the public: 3\n",
            [
                ("Cllr Imogen Shah", "present", "Chair", True),
                ("Mark Ellison", "present", "Head of Looked After Children", False),
            ],
        ),
        (
            "PRESENT: The Mayor (Councillor Mrs A Smith) in the Chair; Councillors B Jones and C Lee\n",
            [
                ("Councillor Mrs A Smith", "present", "Mayor", True),
                ("B Jones", "present", None, False),
                ("C Lee", "present", None, False),
            ],
        ),
        (
            "Officers: Chief Executive (Andrew Pollard), Monitoring Officer (Jane Smith)\n",
            [
                ("Andrew Pollard", "present", "Chief Executive", False),
                ("Jane Smith", "present", "Monitoring Officer", False),
            ],
        ),
        (
            "| Name | Role |\n|---|---|\n| Councillor Nadia Hussain | Chair |\n",
            [("Councillor Nadia Hussain", "present", "Chair", True)],
        ),
    ],
)
def test_attendance_line_forms(block: str, expected: list) -> None:
    from graphkit.segment.attendance import Heading

    got = parse_attendance(block, 0, len(block), default=Heading("Present", "present", "member"))
    assert [(a.name, a.status, a.role, a.chair) for a in got] == expected
    for a in got:
        assert block[a.start : a.end] == a.name


def test_a_dash_inside_a_role_and_a_councillor_in_attendance() -> None:
    block = (
        "Also in attendance: Councillor S. Lomax (Portfolio Holder – Communities)\n"
        "Officers: Assistant Director – Leisure (Carl Hibbert); Mrs J. Nuttall (Committee Clerk)\n"
    )
    got = parse_attendance(block, 0, len(block))
    assert [(a.name, a.capacity, a.role) for a in got] == [
        ("Councillor S. Lomax", "other-member", "Portfolio Holder – Communities"),
        ("Carl Hibbert", "officer", "Assistant Director – Leisure"),
        ("Mrs J. Nuttall", "officer", "Committee Clerk"),
    ]


def test_an_officer_under_a_bare_present_heading() -> None:
    block = "Present:\nCllr A Rowe\nMark Ellison, Head of Looked After Children\n"
    got = parse_attendance(block, 0, len(block))
    assert [(a.name, a.capacity) for a in got] == [
        ("Cllr A Rowe", "member"),
        ("Mark Ellison", "officer"),
    ]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Apologies were received from Cllr. A. Barrow and Cllr. S. Khan. Next.",
            ["Cllr. A. Barrow", "Cllr. S. Khan"],
        ),
        (
            "Apologies for absence were received from Councillors Tate and Elphick.",
            ["Tate", "Elphick"],
        ),
        ("Councillor H. Beck sent apologies.", ["Councillor H. Beck"]),
        ("Apologies received from Cllr. A. Barrow.", ["Cllr. A. Barrow"]),
        ("Councillors R Obi and T Wu had sent their apologies.", ["R Obi", "T Wu"]),
        # not names alone before "sent apologies"; apologies for lateness are not absence
        ("The Chair said that Councillor X Young sent apologies.", []),
        ("Councillor A Lee sent apologies for lateness.", []),
        ("Apologies for lateness were received from Councillor A Lee.", []),
    ],
)
def test_apologies_in_sentences(text: str, names: list[str]) -> None:
    got = apologies_in_text(text, text, 0, len(text))
    assert [a.name for a in got] == names
    assert all(a.status == "apologies" for a in got)


# -- whole documents -----------------------------------------------------------------------
def test_parish_minutes() -> None:
    (rec,) = records("parish_minutes.txt")
    assert (rec.committee, rec.date, rec.start_time, rec.end_time) == (
        "Ashcombe Parish Council",
        dt.date(2025, 3, 4),
        dt.time(19),
        dt.time(20, 40),
    )
    assert [i.number for i in rec.items] == ["23/45", "23/46", "23/47", "23/48", "23/49", "23/50"]
    assert people(rec) == [
        ("Cllr. J. Smith", "present", "Chairman", True),
        ("Cllr. Mrs P. Jones", "present", None, False),
        ("Cllr. D. Jones", "present", None, False),
        ("Cllr. R. Okonkwo", "present", None, False),
        ("Cllr. T. Whitfield", "present", None, False),
        ("Mrs L. Harding", "present", "Parish Clerk", False),
        ("Cllr. A. Barrow", "apologies", None, False),
        ("Cllr. S. Khan", "apologies", None, False),
    ]
    assert [(r.date, r.relation) for r in rec.refs] == [(dt.date(2025, 2, 4), "approves")]


def test_cabinet_minutes_with_minute_codes() -> None:
    (rec,) = records("district_cabinet.txt")
    assert [i.number for i in rec.items] == [f"CAB {n}/24" for n in range(12, 17)]
    assert (rec.venue, rec.end_time) == (
        "the Council Chamber, Town Hall, Brantwell",
        dt.time(19, 52),
    )
    names = [a.name for a in rec.attendance]
    # the block ends where the business begins: no sentence of the minutes is a person
    assert names == [
        "Councillor Mrs H. Adeyemi",
        "Councillor G. Fairbairn",
        "Councillor K. Lowther",
        "Councillor Dr S. Mistry",
        "Councillor P. Quinn",
        "B. Ellery",
        "N. Ford",
        "V. Ramsay",
        "Andrew Pollard",
        "Fiona Carrick",
        "Jane Mabry",
        "Councillor L. Tennant",
    ]
    assert {a.capacity for a in rec.attendance[5:8]} == {"other-member"}
    assert {a.capacity for a in rec.attendance[8:11]} == {"officer"}


def test_committee_named_above_minutes_of_the_meeting() -> None:
    (rec,) = records("county_scrutiny.txt")
    assert (rec.committee, rec.date, rec.start_time, rec.end_time, rec.venue) == (
        "Adult Social Care Scrutiny Committee",
        dt.date(2025, 3, 4),
        dt.time(10),
        dt.time(12, 35),
        "Virtual meeting via Microsoft Teams",
    )
    assert [i.number for i in rec.items] == ["1", "2", "3", "4", "5"]
    by = {a.name: a for a in rec.attendance}
    assert by["Councillor Farah Siddiqui"].status == "substitute"
    assert by["Councillor Keith Brannigan"].status == "substitute"
    assert "Councillor Joan Elphick" not in by and "Councillor Graham Tate" not in by
    assert [a.name for a in rec.attendance if a.status == "apologies"] == ["Tate", "Elphick"]
    assert [a.name for a in rec.attendance if a.capacity == "officer"] == [
        "Helen Stroud",
        "Martin Gale",
    ]


def test_markdown_minutes_with_attendance_tables() -> None:
    (rec,) = records("london_borough.md")
    assert (rec.section, rec.committee, rec.start_time) == (
        "minutes",
        "Licensing Sub-Committee",
        dt.time(19, 30),
    )
    assert [(a.name, a.capacity, a.role) for a in rec.attendance] == [
        ("Councillor Nadia Hussain", "member", "Chair"),
        ("Councillor Oliver Brandt", "member", "Member"),
        ("Councillor Grace Obi", "member", "Member"),
        ("Tom Reilly", "officer", "Licensing Officer"),
        ("Sara Lindqvist", "officer", "Legal Adviser"),
    ]
    assert [i.number for i in rec.items] == ["1", "2", "3"]


def test_moderngov_page_items_before_its_attendance_link() -> None:
    (rec,) = records("moderngov.html")
    assert [(i.number, i.title) for i in rec.items][:3] == [
        ("54", "Apologies for Absence"),
        ("55", "Declarations of Interest"),
        ("56", "Minutes"),
    ]
    assert [(a.name, a.status) for a in rec.attendance] == [
        ("Harker", "apologies"),
        ("Ndlovu", "apologies"),
    ]
    # "To confirm the minutes of ..." and "RESOLVED that the minutes of ..." approve one meeting
    assert [(r.date, r.relation) for r in rec.refs] == [(dt.date(2025, 2, 5), "approves")]


def test_moderngov_attendance_table() -> None:
    (rec,) = records("moderngov_attendance.html")
    assert (rec.committee, rec.date, rec.venue) == (
        "Licensing Committee",
        dt.date(2025, 3, 13),
        "The Guildhall, Tamsford",
    )
    assert [(a.name, a.status, a.capacity, a.role, a.chair) for a in rec.attendance] == [
        ("Councillor Ayesha Rahim", "present", "member", "Chair", True),
        ("Councillor Brian Cole", "apologies", "member", "Committee Member", False),
        ("Councillor Chloe Dunne", "present", "member", "Committee Member", False),
        ("Councillor Dev Mehta", "substitute", "member", None, False),
        ("Councillor Emma Frost", "absent", "member", "Committee Member", False),
        ("Gareth Hume", "present", "officer", None, False),
    ]


def test_html_table_rows_are_read_as_lines() -> None:
    docs, _ = read_paths([FORMS / "moderngov_attendance.html"])
    assert "\nCouncillor Brian Cole\tCommittee Member\tApologies\n" in docs[0].text


def test_pdf_text_with_a_wrapped_header() -> None:
    (rec,) = records("pdf_text.txt")
    assert (rec.committee, rec.date, rec.venue) == (
        "Health and Wellbeing Board",
        dt.date(2025, 3, 10),
        "Room 3.15, Overbridge House",
    )
    assert [a.name for a in rec.attendance if a.status == "present"] == [
        "Councillor Kiran Bhatt",
        "Dr Eleanor Fitch",
        "Prof Daniel Okafor",
        "Rev Simon Parr",
        "Ms Joanne Tully",
        "Mr Callum Reid",
        "Lucy Marr",
    ]


def test_minute_numbers_and_a_list_of_surnames() -> None:
    (rec,) = records("roman_minutes.txt")
    assert rec.date == dt.date(2025, 3, 4)
    assert [(i.number, i.title) for i in rec.items] == [
        ("5", "Apologies"),
        ("6", "Internal Audit Progress Report"),
        ("7", "Annual Governance Statement"),
    ]
    assert [a.name for a in rec.attendance] == [
        "A. Kowalski",
        "B. Kowalski",
        "Mr R. Dunmore",
        "Smith",
        "Jones",
        "Patel",
        "Mrs E Varga",
        "Councillor C. Hendry",
    ]


def test_roman_numbered_items() -> None:
    (rec,) = records("roman_numerals.txt")
    assert [i.number for i in rec.items] == ["I", "II", "III", "IV", "V"]
    assert rec.attendance[-1].role == "Independent Person"


def test_two_meetings_in_one_document() -> None:
    first, second = records("two_meetings.txt")
    assert (first.committee, first.start_time, first.venue) == (
        "Environment Committee",
        dt.time(19),
        "THE TOWN HALL",
    )
    assert (second.committee, second.start_time) == (
        "Finance and General Purposes Committee",
        dt.time(20),
    )
    assert [(a.name, a.status) for a in first.attendance][-1] == ("Councillor H. Beck", "apologies")
    assert [(a.name, a.status) for a in second.attendance][-1] == (
        "Councillor O. Nunez",
        "apologies",
    )
    assert [a.name for a in first.attendance if a.chair] == ["M. Greaves"]


def test_an_attendance_table() -> None:
    (rec,) = records("attendance_table.txt")
    assert [(a.name, a.status, a.capacity) for a in rec.attendance] == [
        ("Cllr Imogen Shah", "present", "member"),
        ("Cllr Patrick Doyle", "present", "member"),
        ("Cllr Hannah Price", "present", "member"),
        ("Mark Ellison", "present", "officer"),
        ("Cllr Yusuf Ali", "absent", "member"),
        ("Councillor Owen Price", "apologies", "member"),
    ]


def test_people_with_one_surname_stay_apart() -> None:
    result = graphkit.build(
        [FORMS / "parish_minutes.txt", FORMS / "two_meetings.txt", FORMS / "roman_minutes.txt"]
    )
    labels = {p.pref_label for p in result.linked.people}
    assert {"P Jones", "D Jones", "M Greaves", "L Greaves", "A Kowalski", "B Kowalski"} <= labels
    # posts and counts are not people
    assert not {"Internal Audit", "Min No", "Chief Executive"} & labels


# -- meeting headers -----------------------------------------------------------------------
_BODY = "\n\nPresent: Councillor A Rowe (Chair)\n\n1. Apologies\n\nNone.\n\n2. Minutes\n\nAgreed.\n"


@pytest.mark.parametrize(
    ("header", "start", "end", "venue"),
    [
        (
            "Minutes of the Planning Committee\n\nDate: Tuesday 4th March 2025\nTime: 7.00pm\n"
            "Venue: Council Chamber, Town Hall",
            dt.time(19),
            None,
            "Council Chamber, Town Hall",
        ),
        (
            "PLANNING COMMITTEE\n\nMINUTES\n\nTuesday 4th March 2025 at 7.00pm\nCouncil Chamber, Town Hall",
            dt.time(19),
            None,
            "Council Chamber, Town Hall",
        ),
        (
            "Minutes of the Planning Committee held on 2025-03-04 at 19:00 in the Council Chamber",
            dt.time(19),
            None,
            "the Council Chamber",
        ),
        (
            "Minutes of the meeting of the Planning Committee held on 04.03.2025 at 7.00 p.m.",
            dt.time(19),
            None,
            None,
        ),
        (
            "Planning Committee\nMinutes of the meeting held on Tuesday, 4 March 2025 at 6.30 pm - 8.15 pm\n"
            "Council Chamber, Town Hall",
            dt.time(18, 30),
            dt.time(20, 15),
            "Council Chamber, Town Hall",
        ),
        (
            "MINUTES OF THE MEETING OF THE PLANNING COMMITTEE\nHELD ON TUESDAY 4 MARCH 2025 AT 7.00 PM\n"
            "IN THE COUNCIL CHAMBER, TOWN HALL",
            dt.time(19),
            None,
            "THE COUNCIL CHAMBER, TOWN HALL",
        ),
        (
            "Minutes of the Planning Committee held on 4 March 2025 from 6.30 pm to 8.15 pm",
            dt.time(18, 30),
            dt.time(20, 15),
            None,
        ),
        (
            "Planning Committee\n\nMinutes - 4 March 2025\n\nVenue: Council Chamber",
            None,
            None,
            "Council Chamber",
        ),
        # 24-hour times written with a dot
        (
            "Minutes of the Planning Committee held on 4 March 2025 at 19.00 in the Council Chamber",
            dt.time(19),
            None,
            "the Council Chamber",
        ),
        (
            "Minutes of the Planning Committee held on 4 March 2025, 19.00 - 21.15",
            dt.time(19),
            dt.time(21, 15),
            None,
        ),
        # a place after the date and time, set off by a comma
        (
            "Minutes of the Planning Committee held on March 4, 2025, 7:00 PM, Virtual meeting via "
            "Microsoft Teams",
            dt.time(19),
            None,
            "Virtual meeting via Microsoft Teams",
        ),
        (
            "Minutes of the Planning Committee held on 4 March 2025, 7.00 pm, Council Chamber, Town Hall",
            dt.time(19),
            None,
            "Council Chamber, Town Hall",
        ),
        (
            "Minutes of the Planning Committee held on 4 March 2025, 09.30 hrs",
            dt.time(9, 30),
            None,
            None,
        ),
    ],
)
def test_header_forms(tmp_path, header: str, start, end, venue) -> None:
    path = tmp_path / "m.txt"
    path.write_text("Eastvale District Council\n\n" + header + _BODY)
    docs, _ = read_paths([path])
    (rec,) = segment(docs[0])
    assert (rec.section, rec.committee, rec.date) == (
        "minutes",
        "Planning Committee",
        dt.date(2025, 3, 4),
    )
    assert (rec.start_time, rec.end_time, rec.venue) == (start, end, venue)
    assert [a.name for a in rec.attendance] == ["Councillor A Rowe"]
    assert [i.number for i in rec.items] == ["1", "2"]


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        (
            "1. Apologies for Absence\n\nCouncillors A Rowe and B Stone.\n",
            [("A Rowe", None), ("B Stone", None)],
        ),
        ("1. Apologies for Absence – Councillor C Lee\n", [("Councillor C Lee", None)]),
        ("1. Apologies\n\nApologies for absence: Councillor C Lee\n", [("Councillor C Lee", None)]),
        (
            "1. Apologies\n\nCouncillor E Hart (Vice-Chair) and Mrs F Ng.\n",
            [("Councillor E Hart", "Vice-Chair"), ("Mrs F Ng", None)],
        ),
        # a sentence is read as a sentence, once; "none" names nobody
        (
            "1. Apologies\n\nApologies were received from Councillor D Moss.\n",
            [("Councillor D Moss", None)],
        ),
        ("1. Apologies for Absence\n\nThere were no apologies.\n", []),
    ],
)
def test_apologies_listed_under_an_apologies_item(tmp_path, item: str, expected: list) -> None:
    path = tmp_path / "m.txt"
    path.write_text(
        "Minutes of the Planning Committee held on 4 March 2025\n\nPresent: Councillor X Dunmore\n\n"
        + item
        + "\n2. Minutes\n\nAgreed.\n"
    )
    docs, _ = read_paths([path])
    (rec,) = segment(docs[0])
    assert [(a.name, a.role) for a in rec.attendance if a.status == "apologies"] == expected


def test_a_real_pdf_with_wrapped_lines() -> None:
    # printed from HTML by a browser: the header and the attendance list wrap, and the
    # text has no blank lines between paragraphs
    (rec,) = records("keldale_scrutiny.pdf")
    assert (rec.committee, rec.date, rec.start_time, rec.venue) == (
        "Overview and Scrutiny Committee",
        dt.date(2025, 2, 12),
        dt.time(18),
        "the Council Chamber, Keldale Town Hall",
    )
    assert [(i.number, i.title) for i in rec.items] == [
        ("56", "APOLOGIES FOR ABSENCE"),
        ("57", "MINUTES"),
        ("58", "TOWN CENTRE REGENERATION"),
    ]
    assert people(rec) == [
        ("Councillor Mrs S. Whitmore", "present", "Chair", True),
        ("T. Abbott", "present", None, False),
        ("R. Cheung", "present", "Vice-Chair", False),
        ("L. Fairweather", "present", None, False),
        ("P. Gallagher", "present", None, False),
        ("K. Ivanova", "present", None, False),
        ("M. O'Rourke", "present", None, False),
        ("Nicola Barnes", "present", "Director of Place", False),
        ("Ian Shaw", "present", "Scrutiny Officer", False),
        ("D. Blackwood", "apologies", None, False),
        ("H. Singh", "apologies", None, False),
    ]


def test_minutes_written_in_capitals() -> None:
    (rec,) = records("parish_capitals.txt")
    text = (FORMS / "parish_capitals.txt").read_text()
    assert people(rec) == [
        ("Councillor J Smith", "present", "Chairman", True),
        ("A Brown", "present", None, False),
        ("R McDonald", "present", None, False),
        ("T O'Neill", "present", None, False),
        ("Mrs K Lee", "present", "Clerk", False),
        ("Councillor P O'Hara", "apologies", None, False),
    ]
    # names are given in title case; the spans point at the capitals as written
    assert [text[a.start : a.end] for a in rec.attendance][:2] == ["COUNCILLOR J SMITH", "A BROWN"]


def test_an_agenda_that_lists_minutes_to_approve_is_an_agenda(tmp_path) -> None:
    path = tmp_path / "agenda.txt"
    path.write_text(
        "NOTICE OF MEETING\n\nPlanning Committee\n\nDate: Tuesday 18 March 2025\nTime: 7.00 pm\n"
        "Venue: Council Chamber, Eastvale House\n\n"
        "Membership: Councillors A Rowe (Chair), B Stone (Vice-Chair), C Dee and E Fox\n\n"
        "AGENDA\n\n1. Apologies for absence\n2. Declarations of interest\n"
        "3. Minutes of the meeting held on 4 March 2025 (Pages 1 - 6)\n"
        "4. 24/0123/FUL Land at Mill Lane, Eastvale (Pages 7 - 20)\n"
    )
    docs, _ = read_paths([path])
    assert docs[0].kind == "agenda"
    (rec,) = segment(docs[0])
    assert (rec.section, rec.committee, rec.date, rec.start_time) == (
        "agenda",
        "Planning Committee",
        dt.date(2025, 3, 18),
        dt.time(19),
    )
    assert [(a.name, a.role) for a in rec.membership] == [
        ("A Rowe", "Chair"),
        ("B Stone", "Vice-Chair"),
        ("C Dee", None),
        ("E Fox", None),
    ]
    assert [i.number for i in rec.items] == ["1", "2", "3", "4"]


def test_dates_in_page_headers_and_footers_are_not_items() -> None:
    text = (
        "10. Budget\nText about budget.\nCabinet                                    11 March 2025\n"
        "11. Housing\nText.\n12 March 2025\nPage 4\n12. Parks\nText.\n"
    )
    found = find_items(text, plain(text), 0, len(text))
    assert [(n, t) for n, t, *_ in found] == [("10", "Budget"), ("11", "Housing"), ("12", "Parks")]


@pytest.mark.parametrize(
    ("sentence", "closed"),
    [
        ("The meeting closed at 8.40pm.", dt.time(20, 40)),
        ("Meeting closed: 9.05 pm", dt.time(21, 5)),
        ("The Panel rose at 4.15 p.m.", dt.time(16, 15)),
        ("The meeting concluded at 12 noon", dt.time(12)),
    ],
)
def test_closing_times(sentence: str, closed: dt.time) -> None:
    from graphkit.segment import _closing_time

    assert _closing_time(sentence, 0, len(sentence)) == closed


def test_a_web_page_about_one_item(tmp_path) -> None:
    path = tmp_path / "issue.html"
    path.write_text(
        "<html><body><h1>Issue - meetings</h1>"
        "<h2>Meeting: 05/03/2025 - Planning Committee (Item 57.)</h2>"
        "<h3>57. 24/01987/FUL - Land at Oakley Farm</h3>"
        "<p>Minutes:</p><p>RESOLVED that permission be refused.</p></body></html>"
    )
    docs, _ = read_paths([path])
    (rec,) = segment(docs[0])
    assert (rec.section, rec.committee, rec.date) == (
        "web_page",
        "Planning Committee",
        dt.date(2025, 3, 5),
    )
    assert [(i.number, i.title, len(i.resolutions)) for i in rec.items] == [
        ("57", "24/01987/FUL - Land at Oakley Farm", 1)
    ]


def test_a_name_read_by_two_attendance_readers_is_one_entry() -> None:
    """An apologies sentence right under the Present list, with no items after it."""
    text = (
        "Minutes of the Meeting of the Licensing Committee held at 7.00 pm on 4 March 2025\n\n"
        "Present: Councillors A Brook (Chair), B Rudd and C Dunne\n\n"
        "Apologies were received from Councillor E Blake.\n\n"
        "The Committee considered the taxi licensing policy.\n"
    )
    (rec,) = segment(Document("m.txt", text, "0", "minutes"))
    assert [(a.name, a.status) for a in rec.attendance if "Blake" in a.name] == [
        ("Councillor E Blake", "apologies")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tuesday 4 March 2025 at 19.00", [dt.time(19)]),
        ("4 March 2025 18.30 - 20.05", [dt.time(18, 30), dt.time(20, 5)]),
        ("4 March 2025 commencing 10.00", [dt.time(10)]),
        # not times: a sum, a decimal, a paragraph number, a date with dots, a plain "10.30"
        ("£13.50 was paid on 4 March 2025", []),
        ("the rate rose by 3.50 on 4 March 2025", []),
        ("see paragraph 10.30 of the report", []),
        ("held on 04.03.2025", []),
        ("4 March 2025 at 7.00 pm", [dt.time(19)]),
    ],
)
def test_dotted_24_hour_times_in_a_header(text: str, expected: list[dt.time]) -> None:
    from graphkit.dates import find_times

    assert [t for t, _, _ in find_times(text, header=True)] == expected
    assert [t for t, _, _ in find_times(text)] == (expected if "pm" in text else [])
