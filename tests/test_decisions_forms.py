"""Resolutions, actions, references to other meetings and work programmes written in the
ways other councils write them. Invented documents under tests/data/forms/decisions."""

from __future__ import annotations

import datetime as dt
from functools import cache

import pytest
from conftest import DATA
from rdflib import RDF
from rdflib.namespace import DCTERMS, SDO

import graphkit
from graphkit.documents import read_paths
from graphkit.model import MeetingRecord
from graphkit.segment import segment
from graphkit.segment.items import find_actions, find_refs, find_resolutions
from graphkit.segment.text import plain
from graphkit.segment.workprogramme import find_rows
from graphkit.vocab import GK

FORMS = DATA / "forms" / "decisions"
D = dt.date


@cache
def records(name: str) -> tuple[MeetingRecord, ...]:
    docs, problems = read_paths([FORMS / name])
    assert not problems
    return tuple(segment(docs[0]))


def _resolutions(name: str) -> dict[str, list[str]]:
    (rec,) = records(name)
    return {i.title: [r.text for r in i.resolutions] for i in rec.items}


# -- resolutions -------------------------------------------------------------------------------
def test_resolutions_in_district_minutes_with_wrapped_lines_and_numbered_parts() -> None:
    assert _resolutions("d01_district_pdf.txt") == {
        "DECLARATIONS OF INTEREST": [],
        "MINUTES": [],
        "HOUSING ALLOCATIONS POLICY REVIEW": [
            "RESOLVED: That the proposed changes to the Housing Allocations Policy be endorsed "
            "and forwarded to Cabinet for approval at its meeting on 4 March 2025."
        ],
        "LEISURE CENTRE CONTRACT PERFORMANCE": [
            "RESOLVED – (1) That the report be noted. (2) That officers be requested to report "
            "back on the footfall figures for the Greenacre Pool in six months' time. (3) That "
            "the Committee's thanks be passed to the operator's staff."
        ],
        "EXCLUSION OF THE PRESS AND PUBLIC": [
            "It was RESOLVED that under Section 100A(4) of the Local Government Act 1972 the "
            "press and public be excluded from the meeting for the following item of business "
            "on the grounds that it involves the likely disclosure of exempt information."
        ],
        "DATE OF NEXT MEETING": [],
    }


def test_resolved_starting_a_sentence_and_agreed_as_a_label() -> None:
    got = _resolutions("d02_parish.txt")
    assert got["Planning applications"] == [
        "Resolved that the Parish Council has no objection to the application.",
        "AGREED: to object on the grounds of loss of parking.",
    ]
    # the resolution stops where the next sentence starts a line of its own
    assert got["Finance"] == [
        "Resolved that the payments listed in the schedule totalling £2,416.30 be approved."
    ]
    assert got["Declarations of interest"] == [] and got["Minutes of the previous meeting"] == []


def test_decision_notices_recommendations_and_noting() -> None:
    got = _resolutions("d03_cabinet_decisions.md")
    assert got["Budget 2025/26 and Medium Term Financial Strategy"] == [
        "RECOMMENDED to Council that: (a) the General Fund budget for 2025/26 be approved; "
        "(b) the Council Tax for a Band D property be set at £1,842.17; and (c) the Medium "
        "Term Financial Strategy be adopted."
    ]
    assert got["Town Centre Regeneration Programme"] == [
        "DECISION: That the Director of Place be authorised to submit the bid to the "
        "Levelling Up Fund for the Town Centre Regeneration Programme."
    ]
    # "The Cabinet noted the report." is no resolution; the RESOLVED that follows is one
    assert got["Climate Action Plan Annual Update"] == [
        "RESOLVED that the annual update on the Climate Action Plan be noted."
    ]


def test_lettered_parts_after_a_colon() -> None:
    got = _resolutions("d08_lettered.txt")
    assert got["HACKNEY CARRIAGE FARES REVIEW"] == [
        "RESOLVED that: a) the proposed table of fares be advertised for 14 days; b) any "
        "objections received be reported to the Committee at its meeting on 2 April 2025; "
        "c) if no objections are received, the table of fares come into effect on 1 May 2025."
    ]
    assert [len(v) for v in got.values()] == [0, 0, 0, 1, 1, 0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one decision, however many labels it holds
        (
            "RESOLVED that it be RECOMMENDED to Council that the scheme be adopted.",
            ["RESOLVED that it be RECOMMENDED to Council that the scheme be adopted."],
        ),
        # a label alone on its line takes the "That ..." paragraph after it
        (
            "RESOLVED\n\nThat the report be noted.\n\nThe meeting ended.",
            ["RESOLVED That the report be noted."],
        ),
        (
            "It was resolved unanimously that the grant be awarded.",
            ["It was resolved unanimously that the grant be awarded."],
        ),
        # words in capitals throughout are no labels; "agreed" in a sentence is no decision
        ("THE COMMITTEE AGREED TO DEFER THE ITEM UNTIL THE NEXT MEETING.", []),
        ("Members agreed that the report was helpful. The matter was resolved.", []),
        ("Reasons for decision: to set a balanced budget.", []),
        # roman and capital-letter parts on wrapped lines; the next sentence is not a part
        (
            "RESOLVED that:\ni. the report be noted.\nii. the plan be approved.\nThe Chair thanked "
            "officers.",
            ["RESOLVED that: i. the report be noted. ii. the plan be approved."],
        ),
        (
            "RESOLVED that:\nA) the report be noted.\nB) the plan be approved.\n",
            ["RESOLVED that: A) the report be noted. B) the plan be approved."],
        ),
        # a status, not a decision
        ("Pothole on Mill Lane. Status: Resolved", []),
        ("Action\nOwner\nStatus\nChase the contractor\nClerk\nResolved\n", []),
        (
            "Minutes:\nResolved:\n1. That the minutes be approved.",
            ["Resolved: 1. That the minutes be approved."],
        ),
        # a report proposes; only a label starting a sentence decides
        ("It is RECOMMENDED that Cabinet approve the plan.", []),
        ("Members AGREED to defer the item.", []),
        ("It was AGREED that the item be deferred.", ["It was AGREED that the item be deferred."]),
        (
            "The report was noted. RECOMMENDED to Council that the fees be set.",
            ["RECOMMENDED to Council that the fees be set."],
        ),
    ],
)
def test_find_resolutions_forms(text: str, expected: list[str]) -> None:
    assert [r.text for r in find_resolutions(text, plain(text), 0, len(text))] == expected


# -- work programmes -------------------------------------------------------------------------
def _rows(name: str) -> list[tuple[object, ...]]:
    (rec,) = records(name)
    assert rec.section == "work_programme"
    return [(r.date, r.title, r.detail, r.lead) for r in rec.work_programme]


def test_work_programme_as_a_pipe_table_with_items_to_be_scheduled() -> None:
    assert _rows("d05_wp_pipe.md") == [
        (
            D(2024, 6, 12),
            "Waste and Recycling Strategy",
            "Pre-decision scrutiny",
            "Alan Thwaite, Head of Waste",
        ),
        (
            D(2024, 6, 12),
            "Community Safety Partnership Annual Report",
            "Annual review",
            "Sarah Okwu",
        ),
        (D(2024, 9, 18), "Flood Risk Management Plan", "Progress update", "Alan Thwaite"),
        (
            D(2024, 11, 20),
            "Parks and Open Spaces Strategy",
            "Consultation response",
            "Mina Forsyth",
        ),
        (D(2025, 1, 22), "Air Quality Action Plan", "Annual update", "Sarah Okwu"),
        (D(2025, 3, 19), "Food Waste Collection Roll-out", "Implementation review", "Alan Thwaite"),
        (None, "Street Lighting LED Conversion", "Outcome of procurement", "Mina Forsyth"),
        (None, "Allotments Policy", "Policy review", None),
    ]


def test_work_programme_as_an_html_table() -> None:
    assert _rows("d06_wp_html.html") == [
        (D(2025, 7, 9), "School Place Planning", "Annual sufficiency report", "Dev Rajan"),
        (D(2025, 7, 9), "Youth Justice Plan", "Draft plan for comment", "Claire Hebden"),
        (D(2025, 10, 15), "SEND Transport Review", "Findings of the review", "Dev Rajan"),
        (D(2026, 2, 4), "Early Help Strategy", "Progress on the strategy", "Claire Hebden"),
        (D(2026, 2, 4), "Corporate Parenting Annual Report", "Annual report", "Claire Hebden"),
    ]


def test_work_programme_as_a_list_under_dates() -> None:
    assert _rows("d07_wp_list.txt") == [
        (D(2025, 3, 14), "Local Plan Review", None, "Head of Planning Policy"),
        (D(2025, 3, 14), "Bus Service Improvement Plan", None, "Transport Manager"),
        (D(2025, 4, 30), "Economic Development Strategy", None, "Director of Regeneration"),
        (D(2025, 4, 30), "Highways Maintenance Programme", None, "Highways Manager"),
        (None, "Car Parking Charges Review", None, "Head of Parking Services"),
    ]


def test_a_work_programme_titled_without_years() -> None:
    # "Scrutiny Work Programme" under the committee's name, a table of dated rows below
    (rec,) = records("d14_wp_no_years.md")
    assert (rec.section, rec.committee, rec.name) == (
        "work_programme",
        "Overview and Scrutiny Committee",
        "Scrutiny Work Programme",
    )
    assert [(r.date, r.title, r.lead) for r in rec.work_programme] == [
        (D(2030, 6, 10), "Housing Allocations Policy", "Nadia Brook"),
        (D(2030, 6, 10), "Leisure Centre Contract", "Owen Pell"),
        (D(2030, 9, 16), "Town Centre Regeneration", "Nadia Brook"),
    ]


def test_a_work_programme_item_in_minutes_is_not_a_work_programme(tmp_path) -> None:
    path = tmp_path / "m.txt"
    path.write_text(
        "Minutes of the Overview and Scrutiny Committee held on 4 March 2030 at 7.00 pm\n\n"
        "Present: Councillor Ann Vale (Chair)\n\n1. Work Programme\n\n"
        "Work Programme\n\nThe Committee noted its work programme for 8 April 2030 and "
        "agreed to add an item on 20 May 2030.\n"
    )
    docs, _ = read_paths([path])
    assert [r.section for r in segment(docs[0])] == ["minutes"]


def test_the_same_item_at_two_meetings_is_two_rows_and_leads_point_at_the_text() -> None:
    table = (
        "| Date | Item | Lead officer |\n|---|---|---|\n"
        "| 3 June 2030 | Budget Monitoring | Ruth Abey |\n"
        "| 9 September 2030 | Budget Monitoring | Ruth Abey |\n"
        "| 9 September 2030 | Budget Monitoring | Ruth Abey |\n"
    )
    rows = find_rows(table, 0, len(table), years=None)
    assert [(r.date, r.title) for r in rows] == [
        (D(2030, 6, 3), "Budget Monitoring"),
        (D(2030, 9, 9), "Budget Monitoring"),
    ]
    assert all(table[r.lead_start :].startswith("Ruth Abey") for r in rows)


# -- actions -----------------------------------------------------------------------------------
def _actions(name: str) -> dict[str, list[tuple[str | None, str]]]:
    (rec,) = records(name)
    return {i.title: [(a.agent, a.text) for a in i.actions] for i in rec.items}


def test_actions_in_parish_minutes() -> None:
    got = _actions("d02_parish.txt")
    assert got["Matters arising"] == [
        (
            "The Chair",
            "The Chair agreed to write to the County Council about the damaged "
            "footway on Mill Lane.",
        )
    ]
    assert got["Finance"] == [
        ("The Clerk", "The Clerk was asked to obtain three quotes for the grass cutting contract.")
    ]
    # the item's heading above the sentence is not part of it
    assert got["Village Green Improvement Project"] == [
        (
            None,
            "It was agreed that a briefing note would be circulated to councillors before "
            "the next meeting.",
        ),
        ("Cllr Verity", "Cllr Verity agreed to contact the Lottery fund about a grant."),
    ]
    assert sum(len(v) for v in got.values()) == 4


def test_action_labels_tables_and_requests() -> None:
    got = _actions("d04_scrutiny_actions.md")
    assert got["Reablement Service Performance"] == [
        ("Officers", "Officers were asked to provide a breakdown of waiting times by locality."),
        (
            "Director of Adult Social Services",
            "Director of Adult Social Services to circulate "
            "the revised reablement dashboard to Members.",
        ),
    ]
    assert got["Action Log"] == [
        ("Rob Ince", "Circulate the carers' survey results"),
        ("Jane Morcombe", "Arrange a site visit to the Brookside Day Centre"),
        ("Jane Morcombe", "Report back on the Shared Lives recruitment campaign"),
    ]
    assert got["Declarations of Interest"] == [] and got["Minutes of the last meeting"] == []


def test_a_request_inside_a_numbered_resolution() -> None:
    got = _actions("d01_district_pdf.txt")
    assert got["LEISURE CENTRE CONTRACT PERFORMANCE"] == [
        (
            "officers",
            "That officers be requested to report back on the footfall figures for "
            "the Greenacre Pool in six months' time.",
        )
    ]
    assert sum(len(v) for v in got.values()) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an owner tag after the sentence it belongs to
        (
            "The Clerk will chase Highways about the pothole. ACTION: Clerk",
            [("Clerk", "The Clerk will chase Highways about the pothole.")],
        ),
        (
            "Ms Patel agreed to send the figures. ACTION: Ms Patel",
            [("Ms Patel", "Ms Patel agreed to send the figures.")],
        ),
        (
            "ACTION: Head of Finance to circulate the outturn figures.",
            [("Head of Finance", "Head of Finance to circulate the outturn figures.")],
        ),
        # the columns of an improvement plan are not a table of actions
        (
            "No.\tActions\tRAG\tBy When\tDelivery Lead\tProgress\n"
            "1.1\tAudit case files\tGreen\tJuly 2030\tPrincipal Social Worker\tOn track\n",
            [],
        ),
        (
            "| Action | Owner | Deadline |\n|---|---|---|\n| Book the hall | Clerk | 1 May 2030 |\n",
            [("Clerk", "Book the hall")],
        ),
        ("Members were asked to note the report. Declarations of interest: none.", []),
        # an owner and a verb opening a sentence; a list under "Actions agreed:"
        (
            "Officers to circulate the figures to Members.",
            [("Officers", "Officers to circulate the figures to Members.")],
        ),
        (
            "Actions agreed:\n- Clerk to book the hall for June\n- Cllr Jones to contact the school"
            "\n\nThe meeting closed.",
            [
                ("Clerk", "Clerk to book the hall for June"),
                ("Cllr Jones", "Cllr Jones to contact the school"),
            ],
        ),
        ("Members to note the report. The Board were asked to approve the plan.", []),
        # an officer's post as the agent
        (
            "The Tree Officer agreed to provide the survival rates.",
            [("The Tree Officer", "The Tree Officer agreed to provide the survival rates.")],
        ),
        (
            "The Director of Finance and Resources agreed to send the figures.",
            [
                (
                    "The Director of Finance and Resources",
                    "The Director of Finance and Resources agreed to send the figures.",
                )
            ],
        ),
    ],
)
def test_find_actions_forms(text: str, expected: list[tuple[str, str]]) -> None:
    got = find_actions(text, plain(text), 0, len(text))
    assert [(a.agent, a.text) for a in got] == expected


# -- references to other meetings --------------------------------------------------------------
def _refs(name: str) -> list[tuple[dt.date, str, str | None]]:
    (rec,) = records(name)
    return [(r.date, r.relation, r.body) for r in rec.refs]


def test_refs_approved_minutes_another_body_and_the_next_meeting() -> None:
    assert _refs("d01_district_pdf.txt") == [
        (D(2025, 1, 12), "approves", None),  # "confirmed as a correct record"
        (D(2025, 3, 4), "references", "Cabinet"),  # "to Cabinet ... at its meeting on"
        (D(2025, 4, 8), "references", None),  # "The next meeting of the Committee will be held on"
    ]
    assert _refs("d02_parish.txt") == [
        (D(2025, 2, 3), "approves", None),  # "were approved and signed by the Chair"
        (D(2025, 4, 7), "references", None),  # "Date of next meeting" above the date
    ]
    # "the minutes of the Cabinet meeting held on": the Cabinet's own minutes
    assert _refs("d03_cabinet_decisions.md") == [(D(2024, 12, 11), "approves", "Cabinet")]
    assert _refs("d08_lettered.txt") == [
        (D(2025, 2, 5), "approves", None),
        (D(2025, 4, 2), "references", None),  # "the Committee at its meeting on"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The minutes of the meetings held on 12 and 26 January 2030 were approved.",
            [(D(2030, 1, 12), "approves", None), (D(2030, 1, 26), "approves", None)],
        ),
        (
            "The minutes of the Schools Forum meeting held on 3 March 2030 were noted.",
            [(D(2030, 3, 3), "references", "Schools Forum")],
        ),
        (
            "The Board noted that the Health Scrutiny Board meeting on 9 May 2030 was cancelled.",
            [(D(2030, 5, 9), "references", "Health Scrutiny Board")],
        ),
        (
            "The next Joint Improvement Group would be held on 10 June 2030.",
            [(D(2030, 6, 10), "references", "Joint Improvement Group")],
        ),
        # a next meeting of something we cannot name is left out
        ("The next Scrutiny Co-ordination meeting will be held on 2 July 2030.", []),
        ("Declarations of interest: none.", []),
        # a minute of an earlier meeting, amended or followed up: a reference to that meeting
        (
            "Minute 34 of the meeting held on 12 March 2030 was amended to read as follows.",
            [(D(2030, 3, 12), "references", None)],
        ),
        (
            "Further to Minute No. 7 of the meeting held on 3 April 2030, members asked for figures.",
            [(D(2030, 4, 3), "references", None)],
        ),
        (
            "Further to minute 12/30 of the Cabinet meeting held on 3 April 2030, the Board noted it.",
            [(D(2030, 4, 3), "references", "Cabinet")],
        ),
        ("Minute 34 was amended to read as follows.", []),
    ],
)
def test_find_refs_forms(text: str, expected: list[tuple[dt.date, str, str | None]]) -> None:
    p = plain(text)
    assert [(r.date, r.relation, r.body) for r in find_refs(p, 0, len(p))] == expected


def test_a_referenced_meeting_of_another_body_is_that_body_s_meeting() -> None:
    result = graphkit.build(FORMS / "d01_district_pdf.txt")
    refs = {
        str(o).rsplit("/meeting/", 1)[1]
        for g in result.dataset.graphs()
        for p_ in (GK.approvesMinutesOf, DCTERMS.references)
        for o in g.objects(None, p_)
    }
    assert refs == {
        "harrowfield/overview-and-scrutiny-committee/2025-01-12",
        "harrowfield/cabinet/2025-03-04",
        "harrowfield/overview-and-scrutiny-committee/2025-04-08",
    }


# -- more documents ----------------------------------------------------------------------------
def test_moderngov_web_page_decisions_and_actions() -> None:
    (rec,) = records("d09_moderngov_web.txt")
    counts = [(i.title, len(i.resolutions), len(i.actions)) for i in rec.items]
    assert counts == [
        ("Apologies for Absence", 0, 0),
        ("Minutes of the Previous Meeting", 1, 0),
        ("Council Tax Reduction Scheme 2025/26", 1, 1),
        ("Digital Strategy Progress", 1, 1),
        ("Panel Work Programme", 1, 1),  # "subject to the addition of an item on ..."
    ]
    assert rec.items[2].resolutions[0].text == (
        "Resolved: 1. That the report be noted. 2. That the Panel's comments be forwarded to "
        "the Cabinet Member for Finance."
    )
    assert [(r.date, r.relation) for r in rec.refs] == [(D(2025, 1, 9), "approves")]


def test_an_agenda_report_recommends_but_does_not_resolve() -> None:
    (rec,) = records("d10_agenda_report.txt")
    assert rec.section == "agenda"
    assert [len(i.resolutions) for i in rec.items] == [0, 0, 0, 0, 0]
    assert [(r.date, r.relation) for r in rec.refs] == [(D(2025, 2, 18), "approves")]


def test_minutes_in_capitals() -> None:
    (rec,) = records("d11_capitals.txt")
    assert [(i.title, [r.text for r in i.resolutions]) for i in rec.items] == [
        ("DECLARATIONS OF INTEREST", []),
        ("MINUTES", []),
        (
            "PRECEPT 2025/26",
            ["RESOLVED THAT THE DRAFT BUDGET FOR 2025/26 BE RECOMMENDED TO FULL COUNCIL."],
        ),
    ]
    assert [(r.date, r.relation) for r in rec.refs] == [(D(2024, 12, 10), "approves")]


def test_work_programmes_of_two_years_in_one_document() -> None:
    first, second = records("d12_wp_years.txt")
    assert [(r.date, r.title, r.detail) for r in first.work_programme] == [
        (D(2024, 10, 9), "Winter Pressures Plan", "Assurance on readiness"),
        (D(2024, 10, 9), "Quarterly Performance Report", "Quarter 1 performance"),
        (D(2024, 12, 11), "Quarterly Performance Report", "Quarter 2 performance"),
        (D(2025, 3, 12), "Pharmacy Needs Assessment", "Draft for comment"),
    ]
    assert [(r.date, r.date_as_written, r.title, r.lead) for r in second.work_programme] == [
        (None, "June 2025 (date tbc)", "Annual Public Health Report", "Director of Public Health"),
        (D(2025, 9, 17), "17 September 2025", "Suicide Prevention Strategy", "Kiran Bhatt"),
        (None, None, "Dental Access", "Kiran Bhatt"),
    ]


def test_an_item_added_by_resolution_and_listed_in_the_pack_s_programme_is_one_entry() -> None:
    agenda, minutes = records("d13_pack_adds.txt")
    # each item the resolution adds is an action of its own
    # each a whole sentence: the resolution that lists it, and the item
    assert [a.text for a in minutes.items[0].actions] == [
        "RESOLVED that the Panel includes the following on the 2031-32 Work Programme: "
        "Allotment waiting lists and plot sizes.",
        "RESOLVED that the Panel includes the following on the 2031-32 Work Programme: "
        "Cemetery capacity.",
    ]
    result = graphkit.build(FORMS / "d13_pack_adds.txt")
    names = sorted(
        str(n)
        for g in result.dataset.graphs()
        for e in g.subjects(RDF.type, GK.WorkProgrammeEntry)
        for n in g.objects(e, SDO.name)
    )
    assert names == ["Allotment waiting lists", "Cemetery capacity", "Play Area Renewal"]


@pytest.mark.parametrize(
    "heading",
    [
        "Place Scrutiny Committee Work Plan 2024/25",
        "Place Scrutiny Committee Work Programme for 2024/25",
        "PLACE SCRUTINY COMMITTEE WORK PROGRAMME 2024-25",
        "Place Scrutiny Committee – Work Programme 2024/2025 (updated 3 June 2024)",
    ],
)
def test_work_programme_headings(tmp_path, heading: str) -> None:
    path = tmp_path / "wp.txt"
    path.write_text(
        f"{heading}\n\nDate\tItem\tPurpose\tLead officer\n"
        "12 June 2024\tWaste Strategy\tScrutiny\tAl Thwaite\n",
        encoding="utf-8",
    )
    docs, _ = read_paths([path])
    (rec,) = segment(docs[0])
    assert (rec.section, rec.committee) == ("work_programme", "Place Scrutiny Committee")
    assert [(r.date, r.title, r.lead) for r in rec.work_programme] == [
        (D(2024, 6, 12), "Waste Strategy", "Al Thwaite")
    ]


def test_a_numbered_minute_on_the_work_programme_is_no_programme_of_its_own(tmp_path) -> None:
    path = tmp_path / "m.txt"
    path.write_text(
        "Minutes of the Meeting of the Place Scrutiny Committee held on 4 June 2030\n\n"
        "Present: Councillor A Bell (Chair)\n\n"
        "7. Budget Monitoring\n\nRESOLVED that the report be noted.\n\n"
        "8. Work Programme 2030/31\n\nRESOLVED that the work programme be agreed.\n\n"
        "9. Any Other Business\n\nNone.\n",
        encoding="utf-8",
    )
    docs, _ = read_paths([path])
    (rec,) = segment(docs[0])
    assert [(i.number, len(i.resolutions)) for i in rec.items] == [("7", 1), ("8", 1), ("9", 0)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the year not written: minutes approved are of the last such day before the meeting
        (
            "The minutes of the meeting held on 9th December were approved.",
            [(D(2029, 12, 9), "approves")],
        ),
        # the next meeting is the first such day after it
        ("The next meeting will be held on 3 February.", [(D(2030, 2, 3), "references")]),
        # another meeting, past unless the words look ahead
        (
            "As requested by the Board at their meeting on 11 March, an item was added.",
            [(D(2029, 3, 11), "references")],
        ),
        (
            "The Cabinet will consider the plan at its meeting on 20 February.",
            [(D(2030, 2, 20), "references")],
        ),
    ],
)
def test_find_refs_dates_without_a_year(text: str, expected: list[tuple[dt.date, str]]) -> None:
    p = plain(text)
    got = find_refs(p, 0, len(p), on=D(2030, 1, 15))
    assert [(r.date, r.relation) for r in got] == expected
