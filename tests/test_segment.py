"""graphkit.segment: documents → meeting records (sections, attendance, items, refs, rows)."""

from __future__ import annotations

import datetime as dt
from functools import cache
from unittest.mock import ANY

import pytest
from stage_helpers import STAGES

from graphkit.documents import read_document
from graphkit.model import MeetingRecord
from graphkit.segment import segment
from graphkit.segment.attendance import Heading, heading_of, parse_attendance
from graphkit.segment.items import find_actions, find_items, find_refs, find_resolutions
from graphkit.segment.text import clean, lines, paragraphs, plain
from graphkit.segment.workprogramme import find_rows, programme_years

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
