"""graphkit.segment: documents → meeting records (sections, attendance, items, refs, rows)."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from unittest.mock import ANY

import pytest
from conftest import DATA
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import RDF
from rdflib.namespace import DCTERMS, SDO
from stage_helpers import STAGES

import graphkit
from graphkit.documents import read_document, read_paths
from graphkit.model import Document, MeetingRecord
from graphkit.segment import segment
from graphkit.segment.attendance import Heading, heading_of, parse_attendance
from graphkit.segment.items import find_actions, find_items, find_refs, find_resolutions
from graphkit.segment.text import clean, lines, paragraphs, plain
from graphkit.segment.workprogramme import find_rows, programme_years
from graphkit.vocab import GK

D = dt.date
T = dt.time


# -- text helpers ------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    ["### **13. Minutes**", "3<sup>rd</sup> December", "**Note** the *draft* plan", "plain text"],
)
def test_plain_blanks_markup_and_keeps_offsets(text: str) -> None:
    p = plain(text)
    assert len(p) == len(text)
    assert not any(ch in p for ch in "*#<>")
    for k, ch in enumerate(p):  # every character kept is at its own offset
        assert ch == " " or ch == text[k]


# plain()'s markup as first written: each branch as it reads, its look-behinds first
_MARKUP_AS_READ = re.compile(
    r"\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|^#{1,6}[ \t]|<\/?[a-zA-Z][^<>\n]{0,200}>"
    r"|\\(?=[^\w\s])",
    re.M,
)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="*_#<>/\\ \t\naZ1.é", max_size=60))
def test_plain_blanks_what_the_markup_as_read_finds(text: str) -> None:
    expected = _MARKUP_AS_READ.sub(lambda m: " " * len(m.group(0)), text)
    assert plain(text) == expected


@pytest.mark.parametrize(
    ("raw", "label"),
    [
        ("  **Work   Programme**\n", "Work Programme"),
        ("## Riverside Youth Strategy ", "Riverside Youth Strategy"),
        ("- Minutes:", "Minutes"),
    ],
)
def test_clean(raw: str, label: str) -> None:
    assert clean(raw) == label


def test_lines_and_paragraphs_point_into_the_text() -> None:
    text = "one\ntwo\n\n  three\nfour  \n\n\nfive"
    assert [text[s:e] for s, e, _ in lines(text)] == [
        "one",
        "two",
        "",
        "  three",
        "four  ",
        "",
        "",
        "five",
    ]
    assert [text[s:e] for s, e in paragraphs(text)] == ["one\ntwo", "three\nfour", "five"]


# -- attendance --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("label", "status", "capacity"),
    [
        ("Members", "present", "member"),
        ("Present", "present", "member"),
        ("Co-opted Members", "present", "co-opted"),
        ("Co-Opted Member", "present", "co-opted"),
        ("Cabinet Member", "present", "cabinet-member"),
        ("Other Members", "present", "other-member"),
        ("Employees", "present", "officer"),
        ("Employees (by Directorate)", "present", "officer"),
        ("By Invitation", "present", "invited"),
        ("By invitation", "present", "invited"),
        ("Apologies", "apologies", "member"),
        ("Apologies for absence", "apologies", "member"),
        ("Substitutes", "substitute", "member"),
    ],
)
def test_heading_of(label: str, status: str, capacity: str) -> None:
    h = heading_of(label)
    assert h is not None
    assert (h.status, h.capacity) == (status, capacity)


@pytest.mark.parametrize("label", ["Note", "Public Business", "Subject"])
def test_heading_of_non_attendance(label: str) -> None:
    assert heading_of(label) is None


MEMBERSHIP = Heading("Membership", "present", "member")

# (block, default heading, [(name as written, status, capacity, role, chair), ...])
ATTENDANCE_CASES = {
    "newline list with chair": (
        "Members: Councillor R Okafor (Chair)\nCouncillor D Pemberton\nCouncillor L Whitfield\n",
        None,
        [
            ("Councillor R Okafor", "present", "member", "Chair", True),
            ("Councillor D Pemberton", "present", "member", None, False),
            ("Councillor L Whitfield", "present", "member", None, False),
        ],
    ),
    "one line after Present": (
        "Present: Councillor P Ruskin (Chair), Councillor S Taverner, Councillor Y Umeh\n",
        None,
        [
            ("Councillor P Ruskin", "present", "member", "Chair", True),
            ("Councillor S Taverner", "present", "member", None, False),
            ("Councillor Y Umeh", "present", "member", None, False),
        ],
    ),
    "Councillors comma list with roles and 'and'": (
        "Members: Councillors R Okafor (Chair), D Pemberton (Deputy Chair) and L Whitfield\n",
        None,
        [
            ("R Okafor", "present", "member", "Chair", True),
            ("D Pemberton", "present", "member", "Deputy Chair", False),
            ("L Whitfield", "present", "member", None, False),
        ],
    ),
    "co-opted joined by and": (
        "Co-opted Members: Mrs T Ferreira and Mr H Lindqvist\n",
        None,
        [
            ("Mrs T Ferreira", "present", "co-opted", None, False),
            ("Mr H Lindqvist", "present", "co-opted", None, False),
        ],
    ),
    "cabinet member with role after the name": (
        "Cabinet Member: Councillor M Castellano Cabinet Member for Learning and Skills\n",
        None,
        [
            (
                "Councillor M Castellano",
                "present",
                "cabinet-member",
                "Cabinet Member for Learning and Skills",
                False,
            )
        ],
    ),
    "other member whose role makes them cabinet member (parentheses)": (
        "Other Members: Councillor N Abiodun (Cabinet Member for Housing)\n",
        None,
        [
            (
                "Councillor N Abiodun",
                "present",
                "cabinet-member",
                "Cabinet Member for Housing",
                False,
            )
        ],
    ),
    "other member whose role makes them cabinet member (comma)": (
        "Other Members: Councillor N Abiodun, Cabinet Member for Housing\n",
        None,
        [
            (
                "Councillor N Abiodun",
                "present",
                "cabinet-member",
                "Cabinet Member for Housing",
                False,
            )
        ],
    ),
    "employees with roles after commas": (
        "Employees:\n\nA Prendergast, Director of Adult Learning\nB Quilty, Finance\n",
        None,
        [
            ("A Prendergast", "present", "officer", "Director of Adult Learning", False),
            ("B Quilty", "present", "officer", "Finance", False),
        ],
    ),
    "employees by directorate, prefix shared by the line": (
        "Employees (by Directorate):\n\nLaw and Governance P Varga, S Oduya\n",
        None,
        [
            ("P Varga", "present", "officer", "Law and Governance", False),
            ("S Oduya", "present", "officer", "Law and Governance", False),
        ],
    ),
    "employees by directorate, one-word directorate": (
        "Employees (by Directorate):\n\nFinance J Kemble, K Lee\n",
        None,
        [
            ("J Kemble", "present", "officer", "Finance", False),
            ("K Lee", "present", "officer", "Finance", False),
        ],
    ),
    "by invitation, titled": (
        "By Invitation: Head Teacher Nadia Brennan\n",
        None,
        [("Head Teacher Nadia Brennan", "present", "invited", None, False)],
    ),
    "by invitation, role after the name": (
        "By Invitation: Nadia Brennan Head Teacher\n",
        None,
        [("Nadia Brennan", "present", "invited", "Head Teacher", False)],
    ),
    "by invitation as observer": (
        "By invitation: Oskar Hale (Observer)\n",
        None,
        [("Oskar Hale", "present", "observer", "Observer", False)],
    ),
    "apologies, Councillors list of four": (
        "Apologies: Councillors F Ingram, G Jessop (Deputy Cabinet Member for Transport), "
        "H Kowalski (Cabinet Member for Housing) and I Lund\n",
        None,
        [
            ("F Ingram", "apologies", "member", None, False),
            # a deputy's capacity is a matter of judgement
            ("G Jessop", "apologies", ANY, "Deputy Cabinet Member for Transport", False),
            ("H Kowalski", "apologies", "cabinet-member", "Cabinet Member for Housing", False),
            ("I Lund", "apologies", "member", None, False),
        ],
    ),
    "apologies on one line with titles": (
        "Apologies: Councillor Q Vance, Councillor E Dunmore\n",
        None,
        [
            ("Councillor Q Vance", "apologies", "member", None, False),
            ("Councillor E Dunmore", "apologies", "member", None, False),
        ],
    ),
    "substitutes": (
        "Substitutes: Councillor E Dunmore\n",
        None,
        [("Councillor E Dunmore", "substitute", "member", None, False)],
    ),
    "an aside inside the block is skipped": (
        "Members: Councillor R Okafor (Chair)\nNote: the meeting was held online\n"
        "Councillor D Pemberton\n",
        None,
        [
            ("Councillor R Okafor", "present", "member", "Chair", True),
            ("Councillor D Pemberton", "present", "member", None, False),
        ],
    ),
    "membership list with a surname-only entry": (
        "Councillors F Ingram, G Jessop (By Invitation), Kowalski (Co-opted Member), "
        "H Lund (Chair) "
        "and I Morrow\n",
        MEMBERSHIP,
        [
            ("F Ingram", "present", "member", None, False),
            ("G Jessop", "present", "invited", "By Invitation", False),
            ("Kowalski", "present", "co-opted", "Co-opted Member", False),
            ("H Lund", "present", "member", "Chair", True),
            ("I Morrow", "present", "member", None, False),
        ],
    ),
    "membership list with a surname-only entry before 'and'": (
        "Councillors W Ashdown, D Pemberton, Ferreira (Co-opted Member) and L Whitfield\n",
        MEMBERSHIP,
        [
            ("W Ashdown", "present", "member", None, False),
            ("D Pemberton", "present", "member", None, False),
            ("Ferreira", "present", "co-opted", "Co-opted Member", False),
            ("L Whitfield", "present", "member", None, False),
        ],
    ),
}


@pytest.mark.parametrize("case", list(ATTENDANCE_CASES))
def test_parse_attendance(case: str) -> None:
    block, default, expected = ATTENDANCE_CASES[case]
    records = parse_attendance(block, 0, len(block), default=default)
    got = [(r.name, r.status, r.capacity, r.role, r.chair) for r in records]
    assert got == expected
    for r in records:
        assert block[r.start : r.end] == r.name  # spans point at the name


def test_attendance_heading_text_is_kept() -> None:
    block = (
        "Employees (by Directorate):\n\nLaw and Governance P Varga\n\n"
        "Apologies: Councillor Q Vance\n"
    )
    records = parse_attendance(block, 0, len(block))
    assert [r.heading for r in records] == ["Employees (by Directorate)", "Apologies"]


# -- items, resolutions, actions, references ---------------------------------------------
def _items(text: str) -> list[tuple[str | None, str]]:
    return [(n, t) for n, t, *_ in find_items(text, plain(text), 0, len(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "1. Apologies\n\nNone.\n\n2. Minutes\n\nAgreed.\n\n3. Tree Strategy\n\nNoted.\n",
            [("1", "Apologies"), ("2", "Minutes"), ("3", "Tree Strategy")],
        ),
        # markdown-bold headings
        (
            "### **21. Apologies**\n\nNone.\n\n### **22. Play Areas Review**\n\nNoted.\n",
            [("21", "Apologies"), ("22", "Play Areas Review")],
        ),
        # an inner numbered list of resolution parts is not a run of items
        (
            "5. Parks Budget\n\nRESOLVED that the Committee:\n\n1. **Note the budget.**\n"
            "2. **Request a further report.**\n\n6. Tree Strategy\n\nNoted.\n",
            [("5", "Parks Budget"), ("6", "Tree Strategy")],
        ),
        # agenda headings run together on one line after blanked markup
        (
            "Public Business**1. Apologies****2. Minutes****3. Parks Budget** (Pages 3 - 8)\n",
            [("1", "Apologies"), ("2", "Minutes"), ("3", "Parks Budget")],
        ),
        # a number alone on a line, the title on the next (web pages), noise removed
        (
            "40.\n\nApologies\n\nMinutes:\n\nNone.\n\n"
            "41.\n\nPlay Areas Review pdf icon PDF 200 KB\n\nNoted.\n",
            [("40", "Apologies"), ("41", "Play Areas Review")],
        ),
        # markdown headings without numbers
        (
            "## Welcome\n\nHello.\n\n## Tree Strategy\n\nNoted.\n",
            [(None, "Welcome"), (None, "Tree Strategy")],
        ),
    ],
)
def test_find_items(text: str, expected: list[tuple[str | None, str]]) -> None:
    assert _items(text) == expected


def test_item_spans_cover_the_text_in_order() -> None:
    text = "1. Apologies\n\nNone.\n\n2. Minutes\n\nAgreed.\n"
    found = find_items(text, plain(text), 0, len(text))
    assert [(s, e) for _, _, s, e, _ in found] == [
        (0, text.index("2. ")),
        (text.index("2. "), len(text)),
    ]
    for _, title, _, _, ts in found:
        assert text[ts:].startswith(title)


@pytest.mark.parametrize(
    ("text", "expected_parts"),
    [
        ("RESOLVED that the tree strategy be approved.\n", ["the tree strategy be approved"]),
        (
            "RESOLVED that the Board:\n\n1. Note the report.\n"
            "2. Request a further update.\n\nOther text.\n",
            ["RESOLVED that the Board:", "Note the report", "Request a further update"],
        ),
        (
            "RESOLVED that the Board:\n\n- (a) Note the report.\n- (b) Thank the officers.\n",
            ["Note the report", "Thank the officers"],
        ),
    ],
)
def test_find_resolutions(text: str, expected_parts: list[str]) -> None:
    found = find_resolutions(text, plain(text), 0, len(text))
    assert len(found) == 1
    assert all(part in found[0].text for part in expected_parts)
    assert "Other text" not in found[0].text
    assert found[0].kind == "resolution"


@pytest.mark.parametrize(
    ("sentence", "agent"),
    [
        ("Officers agreed to circulate the evaluation to Members.", "Officers"),
        ("The Board requested a report back in the spring.", "The Board"),
        ("Councillor Okafor undertook to write to the school.", "Councillor Okafor"),
        ("It was agreed that the item be added to the work programme.", None),
    ],
)
def test_find_actions(sentence: str, agent: str | None) -> None:
    text = "The Panel discussed play areas.\n\n" + sentence + "\n"
    found = find_actions(text, plain(text), 0, len(text))
    assert [a.text for a in found] == [sentence]
    if agent:
        assert found[0].agent == agent


def test_no_action_in_plain_discussion() -> None:
    text = "The Panel discussed play areas. Members welcomed the report.\n"
    assert find_actions(text, plain(text), 0, len(text)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The minutes of the meeting held on 3rd May, 2029 were agreed as a true record.",
            [(D(2029, 5, 3), "approves")],
        ),
        (
            "The minutes of the meeting held on 3<sup>rd</sup> May, 2029 were agreed.",
            [(D(2029, 5, 3), "approves")],
        ),
        (
            "The Minutes of the meeting held on 12 May, 2031 were agreed "
            "and signed as a true record.",
            [(D(2031, 5, 12), "approves")],
        ),
        (
            "As reported to the Board at its meeting on 4 December 2030, numbers rose.",
            [(D(2030, 12, 4), "references")],
        ),
        ("Nothing to see here.", []),
        # minutes named by their date alone, as agendas and decision lists title them
        (
            "3. Minutes - 14 November 2029\n\nThe minutes were agreed as a correct record.",
            [(D(2029, 11, 14), "approves")],
        ),
        ("PART 2 MINUTES – 22 SEPTEMBER 2029 ref: 51 Approved", [(D(2029, 9, 22), "approves")]),
        ("4. Minutes of 3 May 2029", [(D(2029, 5, 3), "references")]),
        ("The vote took 5 minutes on 3 May 2029.", []),
        # an agenda asks for minutes to be confirmed; a resolution records that they were
        (
            "4 ACTION NOTES To confirm the action notes of the meeting held on 14 May 2029.",
            [(D(2029, 5, 14), "references")],
        ),
        (
            "RESOLVED to approve the minutes of the meeting held on 3 May 2029.",
            [(D(2029, 5, 3), "approves")],
        ),
    ],
)
def test_find_refs(text: str, expected: list[tuple[dt.date, str]]) -> None:
    p = plain(text)
    assert [(r.date, r.relation) for r in find_refs(p, 0, len(p))] == expected


# -- work programme tables ---------------------------------------------------------------
def test_programme_years() -> None:
    assert programme_years("Parks Committee Work Programme 2030-31") == (2030, 2031)
    assert programme_years("Work Programme") is None


def test_find_rows_infers_years_and_inherits_dates() -> None:
    table = (
        "Date\tTitle\tDetail\tLead Officer\n"
        "3rd September 2030\tPlay Areas Review\tCondition survey\tGareth Pryce\n"
        "\tTree Strategy\tPlanting targets\t\n"
        "25th November (tbc)\tAllotments\tWaiting lists\tIrene Sato\n"
        "Items for 2030-31\n"
        "\tDog Fouling\tEnforcement\tGareth Pryce\n"
    )
    rows = find_rows(table, 0, len(table), years=(2030, 2031))
    assert [(r.title, r.date, r.lead) for r in rows] == [
        ("Play Areas Review", D(2030, 9, 3), "Gareth Pryce"),
        ("Tree Strategy", D(2030, 9, 3), None),
        ("Allotments", D(2030, 11, 25), "Irene Sato"),
        ("Dog Fouling", None, "Gareth Pryce"),
    ]
    assert rows[2].date_as_written == "25th November (tbc)"
    for r in rows:
        if r.lead:
            assert table[r.lead_start :].startswith(r.lead)


# -- whole documents ---------------------------------------------------------------------
@cache
def records(name: str) -> tuple[MeetingRecord, ...]:
    doc = read_document(STAGES / name, name)
    return tuple(segment(doc))


@cache
def text_of(name: str) -> str:
    return read_document(STAGES / name, name).text


# fixture → [(section, committee, date, start, end, venue)]
MEETINGS = {
    "minutes_numbered.md": [
        (
            "minutes",
            "Young People and Learning Scrutiny Panel",
            D(2030, 5, 14),
            T(14),
            T(16, 15),
            "Room 4, Guildhall",
        ),
    ],
    "minutes_unnumbered.md": [
        ("minutes", "Harbourside Community Safety Committee", D(2030, 10, 2), None, None, None),
    ],
    "web_page.txt": [
        (
            "web_page",
            "Leisure and Culture Scrutiny Committee",
            D(2031, 6, 9),
            T(18, 30),
            None,
            "Committee Room B - Civic Centre",
        ),
    ],
    "agenda_pack.txt": [
        (
            "agenda",
            "Young People and Learning Scrutiny Panel",
            D(2030, 10, 17),
            T(10, 30),
            None,
            "Room 4, Guildhall, Ashcombe",
        ),
        (
            "minutes",
            "Young People and Learning Scrutiny Panel",
            D(2030, 5, 14),
            T(14),
            T(15, 40),
            None,
        ),
    ],
    "briefing_note.txt": [
        (
            "briefing_note",
            "Leisure and Culture Scrutiny Committee",
            D(2031, 6, 9),
            None,
            None,
            None,
        ),
    ],
}


@pytest.mark.parametrize("name", list(MEETINGS))
def test_meetings_of_each_document(name: str) -> None:
    got = [
        (r.section, r.committee, r.date, r.start_time, r.end_time, r.venue) for r in records(name)
    ]
    assert got == MEETINGS[name]
    for r in records(name):
        assert r.source == name
        assert 0 <= r.start < r.end <= len(text_of(name))


ITEMS = {
    ("minutes_numbered.md", 0): [
        ("7", "Declarations of Interests"),
        ("8", "Minutes"),
        ("9", "Bluebell Mentoring Programme"),
        ("10", "Any Other Business"),
    ],
    ("minutes_unnumbered.md", 0): [
        (None, "Welcome and Introductions"),
        (None, "Riverside Youth Strategy"),
        (None, "Date of Next Meeting"),
    ],
    ("web_page.txt", 0): [
        ("12", "Apologies for Absence"),
        ("13", "Minutes"),
        ("14", "Acorn Skills Academy"),
        ("15", "Work Programme"),
    ],
    ("agenda_pack.txt", 0): [
        ("1", "Apologies and Substitutions"),
        ("2", "Minutes"),
        ("3", "Healthy Meals for Kids Update"),
        ("4", "Work Programme"),
        ("5", "Any Other Business"),
    ],
    ("agenda_pack.txt", 1): [
        ("1", "Declarations of Interests"),
        ("2", "Minutes"),
        ("3", "Bluebell Mentoring Programme"),
        ("4", "Any Other Business"),
    ],
    ("briefing_note.txt", 0): [(None, "Acorn Skills Academy Expansion")],
}


@pytest.mark.parametrize(("name", "k"), list(ITEMS))
def test_items_of_each_meeting(name: str, k: int) -> None:
    rec = records(name)[k]
    assert [(i.number, i.title) for i in rec.items] == ITEMS[(name, k)]
    assert [i.position for i in rec.items] == list(range(1, len(rec.items) + 1))
    text = text_of(name)
    for i in rec.items:
        assert rec.start <= i.start < i.end <= rec.end
        assert clean(text[i.title_start : i.title_start + 200]).startswith(i.title.split()[0])


# (fixture, record) → [(item number or position, resolution parts)]
RESOLUTIONS = {
    ("minutes_numbered.md", 0): {
        "9": [
            [
                "RESOLVED that the Panel:",
                "Note the progress of the Bluebell",
                "Request a further report in the spring",
            ]
        ]
    },
    ("minutes_unnumbered.md", 0): {2: [["RESOLVED that the Riverside Youth Strategy be endorsed"]]},
    ("web_page.txt", 0): {"14": [["RESOLVED that the Committee supports the expansion"]]},
    ("agenda_pack.txt", 1): {
        "3": [
            [
                "RESOLVED that the Panel:",
                "Note the update",
                "Agree to add school transport to the Work Programme",
            ]
        ]
    },
}


@pytest.mark.parametrize(("name", "k"), list(RESOLUTIONS))
def test_resolutions_of_each_meeting(name: str, k: int) -> None:
    rec = records(name)[k]
    want = RESOLUTIONS[(name, k)]
    for item in rec.items:
        key = item.number if item.number else item.position
        expected = want.get(key, [])
        assert len(item.resolutions) == len(expected), (key, item.resolutions)
        for res, parts in zip(item.resolutions, expected, strict=True):
            assert all(p in res.text for p in parts), res.text


def test_action_with_agent_in_minutes() -> None:
    item = records("minutes_numbered.md")[0].items[2]
    officers = [a for a in item.actions if a.agent == "Officers"]
    assert len(officers) == 1
    assert officers[0].text == (
        "Officers agreed to circulate the mentoring evaluation to Members before the next meeting."
    )
    text = text_of("minutes_numbered.md")
    assert text[officers[0].start : officers[0].end].strip() == officers[0].text


def test_action_in_a_briefing_note_is_a_whole_sentence() -> None:
    (item,) = records("briefing_note.txt")[0].items
    found = [a for a in item.actions if "request a further report" in a.text]
    assert len(found) == 1
    # "2.1 The Committee is ..." : the paragraph number is not part of the sentence
    assert found[0].text.startswith("The Committee is recommended"), found[0].text


REFS = {
    ("minutes_numbered.md", 0): {(D(2029, 5, 3), "approves")},
    # "The next meeting would be held on 4 December 2030": the next meeting is referenced
    ("minutes_unnumbered.md", 0): {(D(2030, 12, 4), "references")},
    ("web_page.txt", 0): {(D(2031, 5, 12), "approves")},
    ("agenda_pack.txt", 0): {(D(2030, 5, 14), "approves")},
    ("agenda_pack.txt", 1): {(D(2030, 3, 7), "approves")},
}


@pytest.mark.parametrize(("name", "k"), list(REFS))
def test_references_of_each_meeting(name: str, k: int) -> None:
    assert {(r.date, r.relation) for r in records(name)[k].refs} == REFS[(name, k)]


ATTENDANCE = {
    ("minutes_numbered.md", 0): [
        ("Councillor R Okafor", "present", "member", True),
        ("Councillor D Pemberton", "present", "member", False),
        ("Councillor L Whitfield", "present", "member", False),
        ("Councillor W Ashdown", "present", "member", False),
        ("Mrs T Ferreira", "present", "co-opted", False),
        ("Mr H Lindqvist", "present", "co-opted", False),
        ("Councillor M Castellano", "present", "cabinet-member", False),
        ("A Prendergast", "present", "officer", False),
        ("B Quilty", "present", "officer", False),
        ("Head Teacher Nadia Brennan", "present", "invited", False),
        ("Councillor G Jessop", "apologies", "member", False),
    ],
    ("minutes_unnumbered.md", 0): [
        ("Councillor P Ruskin", "present", "member", True),
        ("Councillor S Taverner", "present", "member", False),
        ("Councillor Y Umeh", "present", "member", False),
        ("Councillor Q Vance", "apologies", "member", False),
    ],
    ("agenda_pack.txt", 1): [
        ("Councillor R Okafor", "present", "member", True),
        ("Councillor D Pemberton", "present", "member", False),
        ("Councillor M Castellano", "present", "cabinet-member", False),
        ("J Kemble", "present", "officer", False),
        ("K Lee", "present", "officer", False),
        ("Councillor G Jessop", "apologies", "member", False),
    ],
}


@pytest.mark.parametrize(("name", "k"), list(ATTENDANCE))
def test_attendance_of_each_meeting(name: str, k: int) -> None:
    rec = records(name)[k]
    assert [(a.name, a.status, a.capacity, a.chair) for a in rec.attendance] == ATTENDANCE[
        (name, k)
    ]
    assert rec.membership == ()
    # attendance is never read as agenda items
    assert all("Councillor" not in i.title for i in rec.items)


def test_roles_as_written_in_minutes() -> None:
    roles = {a.name: a.role for a in records("minutes_numbered.md")[0].attendance}
    assert roles["Councillor M Castellano"] == "Cabinet Member for Learning and Skills"
    assert roles["A Prendergast"] == "Director of Adult Learning"
    assert roles["B Quilty"] == "Finance"
    assert roles["Councillor R Okafor"] == "Chair"
    pack = {a.name: a.role for a in records("agenda_pack.txt")[1].attendance}
    assert pack["J Kemble"] == pack["K Lee"] == "Legal Services"


def test_agenda_membership_list() -> None:
    agenda = records("agenda_pack.txt")[0]
    assert agenda.attendance == ()
    got = [(m.name, m.capacity, m.chair) for m in agenda.membership]
    assert got == [
        ("W Ashdown", "member", False),
        ("Ferreira", "co-opted", False),
        ("G Jessop", "member", False),
        ("R Okafor", "member", True),
        ("D Pemberton", "member", False),
        ("L Whitfield", "member", False),
    ]


def test_papers_in_an_agenda_pack_attach_to_their_items() -> None:
    agenda = records("agenda_pack.txt")[0]
    text = text_of("agenda_pack.txt")
    by_title = {i.title: i for i in agenda.items}
    note = by_title["Healthy Meals for Kids Update"].extra_spans
    assert len(note) == 1
    assert "Subject: Healthy Meals for Kids Update" in text[note[0][0] : note[0][1]]
    assert "Work Programme 2030-31" not in text[note[0][0] : note[0][1]]
    wp = by_title["Work Programme"].extra_spans
    assert len(wp) == 1 and "Library Opening Hours" in text[wp[0][0] : wp[0][1]]
    # the briefing note is a paper for the agenda's meeting, not a meeting of its own
    assert [r.section for r in records("agenda_pack.txt")] == ["agenda", "minutes"]


def test_work_programme_rows_in_an_agenda_pack() -> None:
    agenda = records("agenda_pack.txt")[0]
    rows = [(r.title, r.date, r.lead) for r in agenda.work_programme]
    assert rows == [
        ("Healthy Meals for Kids Update", D(2030, 10, 17), "Harriet Quayle"),
        ("School Transport Review", D(2030, 10, 17), "Oliver Tanaka"),  # date inherited
        ("Acorn Skills Academy", D(2030, 11, 25), "Priya Nandakumar"),  # year inferred
        ("Riverside Youth Strategy", D(2031, 1, 16), None),
        ("Library Opening Hours", None, "Oliver Tanaka"),  # "Items for 2030-31": undated
    ]
    assert agenda.work_programme[2].date_as_written == "25th November (tbc)"


def test_standalone_briefing_note_belongs_to_its_meeting() -> None:
    (rec,) = records("briefing_note.txt")
    assert rec.name == "Acorn Skills Academy Expansion"
    (item,) = rec.items
    text = text_of("briefing_note.txt")
    assert text[item.title_start :].startswith("Acorn Skills Academy Expansion")
    assert "Contact: Pauline Marsh" in text[item.start : item.end]


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


MEETING_FORMS = DATA / "forms" / "meetings"


def meeting_records(name: str) -> list[MeetingRecord]:
    docs, problems = read_paths([MEETING_FORMS / name])
    assert not problems
    return segment(docs[0])


def people(rec: MeetingRecord) -> list[tuple[str, str, str | None, bool]]:
    return [(a.name, a.status, a.role, a.chair) for a in rec.attendance]


# -- whole documents -----------------------------------------------------------------------
def test_parish_minutes() -> None:
    (rec,) = meeting_records("parish_minutes.txt")
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
    (rec,) = meeting_records("district_cabinet.txt")
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
    (rec,) = meeting_records("county_scrutiny.txt")
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
    (rec,) = meeting_records("london_borough.md")
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
    (rec,) = meeting_records("moderngov.html")
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
    (rec,) = meeting_records("moderngov_attendance.html")
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
    docs, _ = read_paths([MEETING_FORMS / "moderngov_attendance.html"])
    assert "\nCouncillor Brian Cole\tCommittee Member\tApologies\n" in docs[0].text


def test_pdf_text_with_a_wrapped_header() -> None:
    (rec,) = meeting_records("pdf_text.txt")
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
    (rec,) = meeting_records("roman_minutes.txt")
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
    (rec,) = meeting_records("roman_numerals.txt")
    assert [i.number for i in rec.items] == ["I", "II", "III", "IV", "V"]
    assert rec.attendance[-1].role == "Independent Person"


def test_two_meetings_in_one_document() -> None:
    first, second = meeting_records("two_meetings.txt")
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
    (rec,) = meeting_records("attendance_table.txt")
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
        [
            MEETING_FORMS / "parish_minutes.txt",
            MEETING_FORMS / "two_meetings.txt",
            MEETING_FORMS / "roman_minutes.txt",
        ]
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
def test_header_forms_with_times(tmp_path, header: str, start, end, venue) -> None:
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
    (rec,) = meeting_records("keldale_scrutiny.pdf")
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
    (rec,) = meeting_records("parish_capitals.txt")
    text = (MEETING_FORMS / "parish_capitals.txt").read_text()
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
        # the list goes on in a paragraph of its own; the contact's is no member
        "Co-opted members: Mrs Q Grant (Diocesan representative)\n\n"
        "Contact: S Ingram, Democratic Services Officer\n\n"
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
    assert [(a.name, a.capacity, a.role) for a in rec.membership] == [
        ("A Rowe", "member", "Chair"),
        ("B Stone", "member", "Vice-Chair"),
        ("C Dee", "member", None),
        ("E Fox", "member", None),
        ("Mrs Q Grant", "co-opted", "Diocesan representative"),
    ]
    assert [i.number for i in rec.items] == ["1", "2", "3", "4"]


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


DECISION_FORMS = DATA / "forms" / "decisions"


@cache
def decision_records(name: str) -> tuple[MeetingRecord, ...]:
    docs, problems = read_paths([DECISION_FORMS / name])
    assert not problems
    return tuple(segment(docs[0]))


def _resolutions(name: str) -> dict[str, list[str]]:
    (rec,) = decision_records(name)
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


# -- work programmes -------------------------------------------------------------------------
def _rows(name: str) -> list[tuple[object, ...]]:
    (rec,) = decision_records(name)
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
    (rec,) = decision_records("d14_wp_no_years.md")
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


# -- actions -----------------------------------------------------------------------------------
def _actions(name: str) -> dict[str, list[tuple[str | None, str]]]:
    (rec,) = decision_records(name)
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


# -- references to other meetings --------------------------------------------------------------
def _refs(name: str) -> list[tuple[dt.date, str, str | None]]:
    (rec,) = decision_records(name)
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


def test_a_referenced_meeting_of_another_body_is_that_body_s_meeting() -> None:
    result = graphkit.build(DECISION_FORMS / "d01_district_pdf.txt")
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
    (rec,) = decision_records("d09_moderngov_web.txt")
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
    (rec,) = decision_records("d10_agenda_report.txt")
    assert rec.section == "agenda"
    assert [len(i.resolutions) for i in rec.items] == [0, 0, 0, 0, 0]
    assert [(r.date, r.relation) for r in rec.refs] == [(D(2025, 2, 18), "approves")]


def test_minutes_in_capitals() -> None:
    (rec,) = decision_records("d11_capitals.txt")
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
    first, second = decision_records("d12_wp_years.txt")
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
    agenda, minutes = decision_records("d13_pack_adds.txt")
    # each item the resolution adds is an action of its own
    # each a whole sentence: the resolution that lists it, and the item
    assert [a.text for a in minutes.items[0].actions] == [
        "RESOLVED that the Panel includes the following on the 2031-32 Work Programme: "
        "Allotment waiting lists and plot sizes.",
        "RESOLVED that the Panel includes the following on the 2031-32 Work Programme: "
        "Cemetery capacity.",
    ]
    result = graphkit.build(DECISION_FORMS / "d13_pack_adds.txt")
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
