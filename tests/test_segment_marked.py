"""Printed minutes that say who attended by marks on the membership list, and other forms
of the minutes' head found in councils' printed minutes (graphkit.segment.marked and the
readers around it). Every document here is invented."""

from __future__ import annotations

import datetime as dt

import pytest

from graphkit.layouts import read_layout
from graphkit.model import Document, MeetingRecord
from graphkit.segment import segment
from graphkit.segment.marked import marked_attendance

STARRED = """\
MINUTES of the meeting of the HIGHWAYS AND ENVIRONMENT SELECT COMMITTEE held at 2.00 pm
on 5 June 2024 at County Offices, Eastmoor.

Members:

* Mrs Ada Quill (Chairman)
* Mr Owen Marsh (Vice-Chairman)
  Mr Rhys Penn
* Ms Tara Loy

(* = present at the meeting)

12/24 APOLOGIES FOR ABSENCE [Item 1]

Apologies were received from Rhys Penn.

13/24 ROAD SAFETY PLAN [Item 2]

The Committee discussed the plan.
"""

LABELLED = """\
Minutes of a meeting of the Rural Affairs Panel held at Old Hall, Wexcombe on Monday,
8th July, 2024

Chairman:
* Councillor Nell Ashby

Vice-Chairman:
* Councillor Ravi Kohli

* Councillor Ben Ure
  Councillor Cath Dory

*Present

Co-opted members
  Mr Ian Vale

7.   APOLOGIES FOR ABSENCE

Apologies were received from Councillor Cath Dory.

8.   MINUTES OF PREVIOUS MEETING

The minutes were agreed.
"""

ABSENT_MARKED = """\
minutes

PARKS AND OPEN SPACES COMMITTEE

Tuesday 9 April 2024 at 10.30 am

MEMBERSHIP
Persons absent are marked with 'A'

COUNCILLORS

Lena Hart (Chairman)
A Omar Baig
Jo Finch
A Smith

OFFICERS IN ATTENDANCE

Nadia Cole   Service Director, Environment

1. APOLOGIES FOR ABSENCE

Councillor Omar Baig - other reasons

2. PLAY AREAS

The Committee received a report.
"""


def _one(text: str, name: str = "minutes.txt") -> MeetingRecord:
    (rec,) = segment(Document(name, text, "0", "pdf"))
    return rec


def _titles(rec: MeetingRecord) -> list[tuple[str | None, str]]:
    return [(i.number, i.title) for i in rec.items]


def _who(rec: MeetingRecord) -> dict[str, str]:
    """Each person's status, apologies winning over absence as the graph merges them."""
    rank = ["present", "substitute", "apologies", "absent"]
    out: dict[str, str] = {}
    for a in rec.attendance:
        name = " ".join(a.name.split()[-2:])
        if name not in out or rank.index(str(a.status)) < rank.index(out[name]):
            out[name] = str(a.status)
    return out


def test_a_key_for_the_present_marks_the_rest_absent() -> None:
    rec = _one(STARRED)
    assert rec.date == dt.date(2024, 6, 5)
    assert _who(rec) == {
        "Ada Quill": "present",
        "Owen Marsh": "present",
        "Rhys Penn": "apologies",  # absent by the marks; his apologies are in item 1
        "Tara Loy": "present",
    }
    chair = [a for a in rec.attendance if a.chair]
    assert [a.name for a in chair] == ["Mrs Ada Quill"]
    assert [n for n, _ in _titles(rec)] == ["12/24", "13/24"]


def test_labels_in_a_marked_list_give_the_office_of_the_one_name_below() -> None:
    rec = _one(LABELLED)
    people = {a.name: a for a in rec.attendance if a.status != "apologies"}
    assert people["Councillor Nell Ashby"].chair
    assert people["Councillor Ravi Kohli"].role == "Vice-Chairman"
    assert not people["Councillor Ravi Kohli"].chair
    assert people["Councillor Ben Ure"].role is None
    assert people["Councillor Ben Ure"].status == "present"
    assert people["Councillor Cath Dory"].status == "absent"
    assert (people["Mr Ian Vale"].status, people["Mr Ian Vale"].capacity) == ("absent", "co-opted")


def test_a_key_for_the_absent_marks_the_rest_present() -> None:
    rec = _one(ABSENT_MARKED)
    assert (rec.committee, rec.date) == ("Parks and Open Spaces Committee", dt.date(2024, 4, 9))
    assert _who(rec) == {
        "Lena Hart": "present",
        "Omar Baig": "apologies",
        "Jo Finch": "present",
        "A Smith": "present",  # "A" before a surname alone is an initial, not the mark
        "Nadia Cole": "present",
    }
    officer = next(a for a in rec.attendance if a.name == "Nadia Cole")
    assert officer.capacity == "officer"


@pytest.mark.parametrize(
    "key",
    ["(* = present at the meeting)", "*Present", "* denotes present", "* Members present"],
)
def test_keys_for_the_present(key: str) -> None:
    text = f"* Councillor A Bell\n  Councillor C Dunn\n\n{key}\n"
    found = [(a.name, a.status) for a in marked_attendance(text, 0, len(text))]
    assert found == [("Councillor A Bell", "present"), ("Councillor C Dunn", "absent")]


def test_no_key_no_marked_list() -> None:
    text = "* Councillor A Bell\n  Councillor C Dunn\n"
    assert marked_attendance(text, 0, len(text)) == []


def test_items_marked_with_a_star_are_items() -> None:
    text = (
        "SCHOOLS SCRUTINY COMMITTEE\n\n4 March 2024\n\nPresent:-\n\n"
        "Councillors P Rowe (Chair), S Hale and T Moss\n\n"
        "* 21 Minutes\n\nRESOLVED that the minutes be signed.\n\n"
        "* 22 Items Requiring Urgent Attention\n\nNone.\n\n"
        "23 School Places\n\nThe Committee considered the report.\n\n"
        "* DENOTES DELEGATED MATTER WITH POWER TO ACT\n"
    )
    assert _titles(_one(text)) == [
        ("21", "Minutes"),
        ("22", "Items Requiring Urgent Attention"),
        ("23", "School Places"),
    ]


def test_members_attending_under_standing_orders_are_present() -> None:
    text = (
        "SCHOOLS SCRUTINY COMMITTEE\n\n4 March 2024\n\nPresent:-\n\n"
        "Councillors P Rowe (Chair) and S Hale\n\nApologies:-\n\nCouncillor T Moss\n\n"
        "Member attending in accordance with Standing Order 25\n\nCouncillor L Jago\n\n"
        "21 Minutes\n\nRESOLVED that the minutes be signed.\n"
    )
    people = {a.name: (a.status, a.capacity) for a in _one(text).attendance}
    assert people["Councillor L Jago"] == ("present", "other-member")
    assert people["Councillor T Moss"] == ("apologies", "member")
    assert not any("Standing" in name for name in people)


@pytest.mark.parametrize(
    "listed",
    [
        "Councillor Ann Lowe - illness\nCouncillor Bill Rye - work commitments",
        "Received from:\n• Councillor Ann Lowe\n• Councillor Bill Rye",
        "Apologies were received from:\n- Councillor Ann Lowe (illness)\n- Councillor Bill Rye",
    ],
)
def test_apologies_listed_one_a_line(listed: str) -> None:
    text = (
        "MINUTES\n\nLIBRARIES PANEL\n\nMonday 3 June 2024 at 6.00 pm\n\n"
        "Present: Councillors C Ash (Chair), D Birch and E Fern\n\n"
        f"1. APOLOGIES FOR ABSENCE\n\n{listed}\n\n2. BOOK FUND\n\nNoted.\n"
    )
    apologies = [a.name for a in _one(text).attendance if a.status == "apologies"]
    assert apologies == ["Councillor Ann Lowe", "Councillor Bill Rye"]


def test_a_paper_headed_minutes_over_its_date_is_printed_not_a_web_page() -> None:
    text = (
        "MINUTES\n\nLIBRARIES PANEL\n\nMonday 3 June 2024 at 6.00 pm\n\n"
        "Present: Councillors C Ash (Chair), D Birch and E Fern\n\n"
        "1. APOLOGIES FOR ABSENCE\n\nNone.\n\n2. BOOK FUND\n\nNoted.\n"
    )
    laid = read_layout(Document("minutes.txt", text, "0", "pdf"))
    assert laid.layout == "printed"
    (rec,) = laid.records
    assert (rec.committee, [i.number for i in rec.items]) == ("Libraries Panel", ["1", "2"])


def test_councillors_present_in_person_and_remotely() -> None:
    text = (
        "MINUTES OF THE MEETING OF THE FOSTERING PANEL HELD ON THURSDAY 7 MARCH 2024 AT 6.30 PM\n\n"
        "Councillors present (in person): Rosa Hunt (Chair), Kit Dale and Pia Sen\n\n"
        "Councillors present (remotely): Mo Ellis\n\n"
        "Officers in attendance: Jan Howe (Director of Children's Services)\n\n"
        "Also present: Lucy Barker, Strategic Director of Place\n\n"
        "23. APOLOGIES FOR ABSENCE\n\nNone.\n"
    )
    people = {a.name: (a.status, a.capacity) for a in _one(text).attendance}
    assert people == {
        "Rosa Hunt": ("present", "member"),
        "Kit Dale": ("present", "member"),
        "Pia Sen": ("present", "member"),
        "Mo Ellis": ("present", "member"),
        "Jan Howe": ("present", "officer"),
        "Lucy Barker": ("present", "officer"),  # a director, under a bare "Also present"
    }


@pytest.mark.parametrize("kind", ["County", "District", "Town", "Parish"])
def test_a_councillor_of_a_kind_of_council(kind: str) -> None:
    text = (
        "Libraries Panel\n\nMinutes of the meeting held on Monday, 3rd June, 2024 at 10.30 am\n\n"
        f"Present:\n\n{kind} Councillor Peter Hale (Chair)\n\n{kind} Councillors\n\nA Moss\nJ Birch\n\n"
        "Co-opted members\n\nMr Ken Wood, Representing the Diocese\n\n"
        f"1. Apologies\n\nApologies were received from {kind} Councillor Lia Kerr.\n"
    )
    people = {a.name: (a.status, a.role) for a in _one(text).attendance}
    assert people == {
        f"{kind} Councillor Peter Hale": ("present", "Chair"),
        "A Moss": ("present", None),
        "J Birch": ("present", None),
        "Mr Ken Wood": ("present", "Representing the Diocese"),
        f"{kind} Councillor Lia Kerr": ("apologies", None),
    }


@pytest.mark.parametrize(
    "listed",
    [
        "Membership:\nCouncillors T Abbott (Chair), R Blake (Vice-Chair), S Carr and P Dent",
        "Membership\nChair: Councillor T Abbott\nVice-Chair: Councillor R Blake\n"
        "Councillors: S Carr, P Dent",
    ],
)
def test_an_agenda_lists_its_membership_below_the_label(listed: str) -> None:
    text = (
        "Public Document Pack\n\nAudit Committee\n\nDate: Wednesday, 17 April 2024\n"
        f"Time: 2.00 pm\nVenue: Room 1, Civic Offices\n\n{listed}\n\nQuorum: 3\n\nAGENDA\n\n"
        "1. Apologies for Absence\n\n2. Declarations of Interest\n\n3. Audit Plan (Pages 1 - 9)\n"
    )
    rec = _one(text, "agenda.txt")
    members = [(a.name.split()[-1], a.role, a.chair) for a in rec.membership]
    assert members == [
        ("Abbott", "Chair", True),
        ("Blake", "Vice-Chair", False),
        ("Carr", None, False),
        ("Dent", None, False),
    ]
    assert rec.attendance == ()  # an agenda records no one at the meeting


def test_a_membership_heading_over_prose_lists_no_one() -> None:
    text = (
        "Audit Committee\n\nDate: Wednesday, 17 April 2024\n\nMembership\n"
        "The Committee has seven members appointed by the Council.\n\nAGENDA\n\n"
        "1. Apologies for Absence\n\n2. Audit Plan\n"
    )
    rec = _one(text, "agenda.txt")
    assert rec.membership == ()


def test_parish_minutes_with_the_text_after_each_title() -> None:
    text = (
        "Ashby Parva Parish Council\nMinutes of the meeting of the Parish Council held on "
        "5 March 2024\n\nCouncillors present: Stone (Chair), Jones, Patel\nClerk: Ms D Green\n\n"
        "1. Apologies: Cllr White (holiday)\n2. Declarations of interest: none\n"
        "3. Minutes of 6 February 2024: approved and signed.\n"
        "4. Play Area: Replacement Swings\nThe quotation was accepted.\n"
    )
    rec = _one(text)
    assert _titles(rec) == [
        ("1", "Apologies"),
        ("2", "Declarations of interest"),
        ("3", "Minutes of 6 February 2024"),
        ("4", "Play Area: Replacement Swings"),  # a subtitle stays
    ]
    assert ("Cllr White", "apologies") in [(a.name, a.status) for a in rec.attendance]


def test_apologies_received_and_accepted() -> None:
    text = (
        "LOWER DEAN PARISH COUNCIL\n\nMinutes of the Parish Council Meeting held on Tuesday "
        "12th March 2024 at 7.30pm in the Village Hall\n\nPresent: Cllrs J Marsh (Chairman), "
        "P Oakes\n\n24/031 To receive apologies for absence\nApologies were received and "
        "accepted from Cllr L Dunn (work).\n\n24/032 Planning\nNo objection.\n"
    )
    rec = _one(text)
    assert [a.name for a in rec.attendance if a.status == "apologies"] == ["Cllr L Dunn"]


def test_a_scottish_minute_with_its_convener() -> None:
    text = (
        "EDUCATION AND FAMILIES COMMITTEE\n\nMINUTE of MEETING of the EDUCATION AND FAMILIES "
        "COMMITTEE held in the Council Chambers, Glenbrae on Thursday, 7 March 2024 at 10.00 am\n\n"
        "Present: Councillor Moira Reid (Convener); Councillors Iain Grant (Depute Convener) "
        "and Fiona Kerr.\n\nApologies: Councillor Callum Shaw\n\n"
        "1. DECLARATIONS OF INTEREST\n\nNone.\n\n2. MINUTE OF PREVIOUS MEETING\n\nApproved.\n"
    )
    layout = read_layout(Document("minute.txt", text, "0", "pdf"))
    assert layout.layout == "printed"
    (rec,) = layout.records
    assert (rec.committee, rec.date) == ("Education and Families Committee", dt.date(2024, 3, 7))
    people = {a.name: (a.status, a.role, a.chair) for a in rec.attendance}
    assert people == {
        "Councillor Moira Reid": ("present", "Convener", True),
        "Iain Grant": ("present", "Depute Convener", False),
        "Fiona Kerr": ("present", None, False),
        "Councillor Callum Shaw": ("apologies", None, False),
    }


def test_county_borough_councillors_listed_under_their_plural_title() -> None:
    text = (
        "MINUTES OF A MEETING OF THE YOUTH SCRUTINY COMMITTEE HELD IN THE CIVIC CENTRE ON "
        "MONDAY 18 MARCH 2024 AT 2.00 PM\n\nPRESENT: County Borough Councillor S Evans (Chair)\n\n"
        "21. APOLOGIES FOR ABSENCE\n\nApologies for absence were received from County Borough "
        "Councillors M Rees and P Thomas.\n"
    )
    people = {a.name: a.status for a in _one(text).attendance}
    assert people == {
        "County Borough Councillor S Evans": "present",
        "M Rees": "apologies",
        "P Thomas": "apologies",
    }


def _people(text: str) -> dict[str, tuple[str, str | None, bool, str]]:
    return {
        a.name: (str(a.status), a.role, a.chair, str(a.capacity)) for a in _one(text).attendance
    }


_HEAD = "MINUTES of the meeting of the Licensing Board held on 4 March 2024 at 10.00 am\n\n"


def test_two_councillors_by_initials_joined_by_and() -> None:
    text = (
        _HEAD + "1. APOLOGIES\n\nApologies were received from Councillors J. Ward and K. Young.\n"
    )
    assert [(a.name, a.role) for a in _one(text).attendance] == [
        ("J. Ward", None),
        ("K. Young", None),
    ]


def test_a_substitute_named_in_the_apologies_sentence() -> None:
    text = _HEAD + (
        "1. APOLOGIES\n\nApologies for absence were submitted on behalf of Councillor Hana "
        "Usher, who was substituted by Councillor Ivo Vernon.\n"
    )
    assert _people(text) == {
        "Councillor Hana Usher": ("apologies", None, False, "member"),
        "Councillor Ivo Vernon": ("substitute", None, False, "member"),
    }


@pytest.mark.parametrize(
    ("line", "chair", "role"),
    [
        ("Present: Cllr Eira Howells - Mayor (Chair), Cllr Gwil Ifans", "Cllr Eira Howells", "Mayor"),
        ("PRESENT: Councillor Sadia Rahman (Leader) in the Chair; Councillor Jo Dunne",
         "Councillor Sadia Rahman", "Leader"),
    ],
)  # fmt: skip
def test_the_chair_said_after_a_role(line: str, chair: str, role: str) -> None:
    people = _people(_HEAD + line + "\n\n1. APOLOGIES\n\nNone.\n")
    assert [(name, p[1]) for name, p in people.items() if p[2]] == [(chair, role)]
    assert sum(p[2] for p in people.values()) == 1


def test_a_sederunt_with_offices_before_names_and_officers_attending() -> None:
    text = _HEAD + (
        "Sederunt:\n\nProvost Morag Reid (Chair); Depute Provost Iain Fraser; Councillors "
        "Lorna Buchanan and Calum Dewar.\n\nAttending:\n\nA Mathers, Chief Executive; J Kirk, "
        "Assessor and Electoral Registration Officer\n\n1. DECLARATIONS OF INTEREST\n\nNone.\n"
    )
    assert _people(text) == {
        "Morag Reid": ("present", "Chair", True, "member"),
        "Iain Fraser": ("present", "Depute Provost", False, "member"),
        "Lorna Buchanan": ("present", None, False, "member"),
        "Calum Dewar": ("present", None, False, "member"),
        "A Mathers": ("present", "Chief Executive", False, "officer"),
        "J Kirk": ("present", "Assessor and Electoral Registration Officer", False, "officer"),
    }


def test_attendees_heading() -> None:
    text = _HEAD + "Attendees: Cllr Bob Hale (Chair), Cllr Sara Okoro\n\n1. MINUTES\n\nAgreed.\n"
    assert [a.name for a in _one(text).attendance] == ["Cllr Bob Hale", "Cllr Sara Okoro"]


@pytest.mark.parametrize(
    ("first", "second", "numbers"),
    [
        ("(34) MINUTES", "(35) BUDGET MONITORING", ["34", "35"]),
        ("PL23/88 MINUTES", "PL23/89 PLANNING APPLICATIONS", ["PL23/88", "PL23/89"]),
        ("CAB.1 MINUTES", "CAB.2 HOUSING STRATEGY", ["CAB.1", "CAB.2"]),
        ("C 56/24  MINUTES", "C 57/24  MAYOR'S BUSINESS", ["C 56/24", "C 57/24"]),
        ("Minute 46 - Minutes", "Minute 47 - 23/01122/FUL Quarry Lane Depot", ["46", "47"]),
    ],
)
def test_items_numbered_by_a_committee_code_or_in_brackets(
    first: str, second: str, numbers: list[str]
) -> None:
    text = (
        _HEAD
        + f"Present: Councillors A Bell and C Dunn\n\n{first}\n\nAgreed.\n\n{second}\n\nNoted.\n"
    )
    assert [n for n, _ in _titles(_one(text))] == numbers


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("3. MINUTES OF MEETING HELD ON 9TH APRIL 2024\nThe minutes were approved and signed.",
         [("2024-04-09", "approves", None)]),
        ("The Minute of the Meeting of the Board held on 13 June 2023 was submitted and approved.",
         [("2023-06-13", "approves", None)]),
        ("The Board approved the minute of its meeting of 31 August 2023.",
         [("2023-08-31", "approves", None)]),
        ("The Minutes of the meeting of the Board held on 14 November 2023 and of the "
         "Licensing Sub-Committee held on 9 January 2024 were approved.",
         [("2023-11-14", "approves", None), ("2024-01-09", "approves", "Licensing Sub-Committee")]),
    ],
)  # fmt: skip
def test_minutes_approved_as_councils_write_it(
    sentence: str, expected: list[tuple[str, str, str | None]]
) -> None:
    rec = _one(_HEAD + "Present: Councillors A Bell and C Dunn\n\n1. MINUTES\n\n" + sentence + "\n")
    assert [(str(r.date), r.relation, r.body) for r in rec.refs] == expected


def test_offices_with_their_holders_in_brackets_on_indented_lines() -> None:
    text = _HEAD + (
        "PRESENT:  The Mayor (Councillor Orla Devlin) in the Chair\n"
        "          The Deputy Mayor (Alderman Tom Boyd)\n"
        "          Aldermen: Hutchinson and Kennedy\n"
        "          Councillors: Bradley and Cassidy\n\n"
        "IN ATTENDANCE:  Chief Executive (Mr J. Boyle)\n"
        "                Director of Corporate Services (Mrs F. Grant)\n\n"
        "C 56/24  APOLOGIES\nCllr L Rowe was absent.\n"
    )
    assert _people(text) == {
        "Councillor Orla Devlin": ("present", "Mayor", True, "member"),
        "Alderman Tom Boyd": ("present", "Deputy Mayor", False, "member"),
        "Hutchinson": ("present", None, False, "member"),
        "Kennedy": ("present", None, False, "member"),
        "Bradley": ("present", None, False, "member"),
        "Cassidy": ("present", None, False, "member"),
        "Mr J. Boyle": ("present", "Chief Executive", False, "officer"),
        "Mrs F. Grant": ("present", "Director of Corporate Services", False, "officer"),
        "Cllr L Rowe": ("absent", None, False, "member"),
    }


def test_members_of_the_public_are_no_ones_role() -> None:
    text = _HEAD + (
        "In attendance: Mrs T Harker (Town Clerk), District Councillor R. Soames, "
        "4 members of the public\n\n1. MINUTES\n\nAgreed.\n"
    )
    people = _people(text)
    assert people["District Councillor R. Soames"] == ("present", None, False, "other-member")


def test_cabinet_members_and_other_councillors_by_their_headings_and_posts() -> None:
    text = _HEAD + (
        "Present: Councillor Omar Siddiqui - Deputy Mayor and Cabinet Member for Finance\n\n"
        "Councillors in attendance (non-Cabinet): Councillor Amy Chu\n\n"
        "Co-opted members:\nMRS GLENDA TURNER (PARENT GOVERNOR REPRESENTATIVE)\nMR HARRY VOSS\n\n"
        "1. MINUTES\n\nAgreed.\n"
    )
    people = _people(text)
    assert people["Councillor Omar Siddiqui"][3] == "cabinet-member"
    assert people["Councillor Amy Chu"][3] == "other-member"
    assert people["Mrs Glenda Turner"] == (
        "present",
        "Parent Governor Representative",
        False,
        "co-opted",
    )
    assert people["Mr Harry Voss"][3] == "co-opted"


def test_agenda_item_lines_of_a_councils_own_site() -> None:
    text = (
        "Planning Committee - Tuesday, 8 April 2025\n\nDate: Tuesday, 8 April 2025\nTime: 6pm\n\n"
        "Agenda item 1 - Apologies for absence\nAgenda item 2 - Declarations of interest\n"
        "Agenda item 3 - Planning applications\n"
    )
    assert [n for n, _ in _titles(_one(text))] == ["1", "2", "3"]


def test_a_joint_committees_members_listed_by_their_council() -> None:
    text = _HEAD + (
        "Members present:\nEast Dale District Council: Cllr Pat Snow (Chair), Cllr Roy Tate\n"
        "North Harrow Borough Council: Cllr Yvonne Blake, Cllr Des Hart\n\n"
        "Officers present:\nJon Keating, Waste Manager\n\n1. APOLOGIES\n\nNone.\n"
    )
    people = _people(text)
    assert list(people) == [
        "Cllr Pat Snow",
        "Cllr Roy Tate",
        "Cllr Yvonne Blake",
        "Cllr Des Hart",
        "Jon Keating",
    ]
    assert people["Cllr Pat Snow"][2] and people["Jon Keating"][3] == "officer"


def test_a_marked_list_in_two_columns() -> None:
    text = _HEAD + (
        "County Councillors:\n\n"
        "  * Mrs Pat Lowe (Chairman)          * Mr Dai Quarrie\n"
        "    Mr Frank Tolley                  * Mr Geoff Upton\n\n"
        "  * Present\n\nI.   APOLOGIES\nApologies were received from Mr Tolley.\n"
    )
    people = _people(text)
    assert people["Mrs Pat Lowe"] == ("present", "Chairman", True, "member")
    assert people["Mr Dai Quarrie"][0] == people["Mr Geoff Upton"][0] == "present"
    assert people["Mr Frank Tolley"][0] == "absent"
    assert people["Mr Tolley"][0] == "apologies"


def test_a_footnote_mark_is_no_role() -> None:
    text = (
        _HEAD
        + "Present: Councillors Ann Lee, Rhys Jenkins*\n\n*Attended remotely\n\n1. MINUTES\n\nAgreed.\n"
    )
    assert _people(text)["Rhys Jenkins"][1] is None


@pytest.mark.parametrize(
    "label", ["Members:", "Members of the Committee:", "Committee Members", "Committee Membership"]
)
def test_an_agendas_membership_under_other_labels(label: str) -> None:
    text = (
        "Audit Committee\n\nDate: Wednesday, 17 April 2024\nTime: 2.00 pm\n\n"
        f"{label}\nCouncillor T Abbott (Chair)\nCouncillor R Blake\n\nAGENDA\n\n"
        "1. Apologies for Absence\n\n2. Audit Plan\n"
    )
    rec = _one(text, "agenda.txt")
    assert [(a.name, a.chair) for a in rec.membership] == [
        ("Councillor T Abbott", True),
        ("Councillor R Blake", False),
    ]


def test_a_parish_agendas_items_in_the_infinitive() -> None:
    text = (
        "Ashby Parva Town Council\n\nYou are summoned to attend a meeting of the Finance "
        "Committee on Thursday 9 October 2025 at 6.30pm in the Jubilee Room.\n\n"
        "25/41  To receive apologies for absence.\n25/42  To consider the draft budget.\n"
        "25/43  Date of next meeting\n"
    )
    rec = _one(text, "agenda.txt")
    assert [n for n, _ in _titles(rec)] == ["25/41", "25/42", "25/43"]


@pytest.mark.parametrize(
    ("when", "time", "venue"),
    [
        ("on Thursday 9 October 2025 at 6.30pm in the Jubilee Room, Hollin Centre, for the "
         "purpose of transacting the business below.", dt.time(18, 30), "the Jubilee Room, Hollin Centre"),
        ("on WEDNESDAY, 9 OCTOBER 2025 at 10.00 a.m.", dt.time(10), None),
    ],
)  # fmt: skip
def test_a_summons_time_with_its_full_stop_and_the_place_after_it(
    when: str, time: dt.time, venue: str | None
) -> None:
    text = (
        "Hollin Town Council\n\nDear Councillor,\n\nYou are summoned to attend a meeting of the "
        f"Finance Committee {when}\n\n1. Apologies\n\n2. Budget\n"
    )
    rec = _one(text, "agenda.txt")
    assert (rec.committee, rec.date, rec.start_time, rec.venue) == (
        "Finance Committee",
        dt.date(2025, 10, 9),
        time,
        venue,
    )


def test_a_time_field_in_24_hours_before_noon() -> None:
    text = "Audit Committee\n\nDate: Thursday 22 May 2025\nTime:     10.00\n\n1. Apologies\n"
    rec = _one(text, "agenda.txt")
    assert rec.start_time == dt.time(10)


def test_a_notice_written_as_a_sentence() -> None:
    text = (
        "KINLOCH COUNCIL\n\nA meeting of the Education, Children and Families Committee will be "
        "held in the Council Chambers, Kinloch House, on Thursday 20 February 2025 at 2pm.\n\n"
        "BUSINESS\n\n1. Declarations of Interest\n\n2. School Estate Review\n"
    )
    rec = _one(text, "notice.txt")
    assert (rec.committee, rec.date, rec.start_time, rec.venue) == (
        "Education, Children and Families Committee",
        dt.date(2025, 2, 20),
        dt.time(14),
        "the Council Chambers, Kinloch House",
    )
    assert [n for n, _ in _titles(rec)] == ["1", "2"]


def test_an_item_with_its_parts_lettered_below_it() -> None:
    text = (
        "Children's Scrutiny Committee\n\nDate: Wednesday 15 October 2025\nTime: 6pm\n\nAGENDA\n\n"
        "5.  Ofsted Visit - Outcome and Action Plan (Pages 9 - 22)\n"
        "6.  Special Educational Needs and Disabilities Transformation Programme (Pages 23 - 40)\n"
        "    a) Update on plan timeliness\n    b) Home to school transport\n"
        "7.  Work Programme (Pages 41 - 46)\n"
    )
    rec = _one(text, "agenda.txt")
    assert _titles(rec) == [
        ("5", "Ofsted Visit - Outcome and Action Plan"),
        ("6", "Special Educational Needs and Disabilities Transformation Programme"),
        ("7", "Work Programme"),
    ]


@pytest.mark.parametrize(
    "fields",
    [
        # a Welsh council's bilingual labels, the date in Welsh first
        "Dyddiad / Date:  Dydd Mawrth, 8 Gorffennaf 2025 / Tuesday, 8 July 2025\n"
        "Amser / Time:    2.00 pm\nLleoliad / Venue: Committee Room 1\n",
        # labels set apart by a tab, without a colon
        "Date\tTuesday, 8 July 2025\nTime\t2.00 pm\nVenue\tCommittee Room 1\n",
    ],
)
def test_an_agendas_fields_labelled_in_two_languages_or_by_a_tab(fields: str) -> None:
    text = (
        "Pwyllgor Llywodraethu ac Archwilio / Governance and Audit Committee\n\n"
        f"{fields}\nAgenda\n\n1.  Apologies for Absence\n2.  Declarations of Interest\n"
    )
    rec = _one(text, "agenda.txt")
    assert (rec.committee, rec.date, rec.start_time, rec.venue) == (
        "Governance and Audit Committee",
        dt.date(2025, 7, 8),
        dt.time(14),
        "Committee Room 1",
    )
