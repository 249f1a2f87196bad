"""Tests of graphkit.segment.items."""

from __future__ import annotations

import datetime as dt

import pytest

from graphkit.segment.items import find_actions, find_items, find_refs, find_resolutions
from graphkit.segment.text import plain


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


def test_dates_in_page_headers_and_footers_are_not_items() -> None:
    text = (
        "10. Budget\nText about budget.\nCabinet                                    11 March 2025\n"
        "11. Housing\nText.\n12 March 2025\nPage 4\n12. Parks\nText.\n"
    )
    found = find_items(text, plain(text), 0, len(text))
    assert [(n, t) for n, t, *_ in found] == [("10", "Budget"), ("11", "Housing"), ("12", "Parks")]


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


D = dt.date


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
