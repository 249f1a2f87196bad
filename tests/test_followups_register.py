"""The follow-up register on invented minutes (tests/data/followups/): one request for each
status, each due-time form the minutes use, and why each status was given."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import FOLLOWUPS

from graphkit.followups.due import Due
from graphkit.followups.match import CANDIDATE, SCHEDULED
from graphkit.followups.records import Corpus, Entry, Item, Request
from graphkit.followups.register import follow_up
from graphkit.followups.report import FollowUpRow, read_followups
from graphkit.load import load_graph
from graphkit.model import FollowUpStatus


@pytest.fixture(scope="module")
def register(followups_build: Path) -> dict[str, FollowUpRow]:
    """The register, by the title of the item that made each request."""
    rows = read_followups(load_graph(followups_build))
    return {r.item.split(" ", 1)[1]: r for r in rows}


# the invented records: minutes of four meetings of one board and its work programme
FILES = [
    "01_minutes_2030-06-12.md",  # the requests, one per item, each with its due-time form
    "02_work_programme_2030-31.txt",  # plans Riverside for 5 February 2031
    "03_minutes_2030-09-18.md",  # takes the Bowling Greens Plan; discusses the trees
    "04_minutes_2031-02-05.md",  # "Further to Minute 1/30"
    "05_minutes_2031-05-20.md",  # the last meeting: street lighting, after its due time
]


def test_the_invented_records() -> None:
    assert sorted(p.name for p in FOLLOWUPS.iterdir()) == FILES


def test_one_request_per_item_and_order(followups_build: Path) -> None:
    rows = read_followups(load_graph(followups_build))
    assert [(r.status, r.item) for r in rows] == [
        ("overdue", "4 Riverside Project"),
        ("overdue", "7 Street Lighting"),
        ("open", "3 Allotments"),
        ("unknown", "5 Cemetery Review"),
        ("partly answered", "2 Tree Planting Scheme"),
        ("answered", "1 Playground Strategy"),
        ("answered", "6 Bowling Greens Plan"),
    ]


def test_answered_by_an_explicit_minute_reference(register: dict[str, FollowUpRow]) -> None:
    row = register["Playground Strategy"]
    assert row.due == "later in the municipal year (2030-06-13 to 2031-04-30)"
    (best,) = row.candidates
    assert (best.date, best.item, best.verdict, best.rule, best.score) == (
        "2031-02-05",
        "1 Play Areas Update",
        "answers",
        "minute-reference",
        0.95,
    )
    assert "'Minute 1/30'" in best.reason


def test_answered_at_the_next_meeting_by_its_title(register: dict[str, FollowUpRow]) -> None:
    row = register["Bowling Greens Plan"]
    assert row.due == "at the next meeting (2030-06-13 to 2030-09-18)"
    best = row.candidates[0]
    assert (best.item, best.verdict, best.rule) == (
        "2 Bowling Greens Plan",
        "answers",
        "subject-in-title",
    )
    assert row.topic == "Bowling Greens Plan"


def test_partly_answered_when_a_later_item_only_discusses_it(
    register: dict[str, FollowUpRow],
) -> None:
    row = register["Tree Planting Scheme"]
    assert row.due == "in six months' time (2030-06-13 to 2030-12-12)"
    (best,) = row.candidates
    assert (best.item, best.verdict, best.rule, best.score) == (
        "3 Open Spaces Budget",
        "partly answers",
        "subject-in-text",
        0.45,
    )


def test_overdue_when_meetings_in_the_due_time_did_not_take_it(
    register: dict[str, FollowUpRow],
) -> None:
    row = register["Riverside Project"]
    assert row.due == "by March 2031 (2030-06-13 to 2031-03-31)"
    assert row.reason == (
        "due by 2031-03-31; no item of the committee's meetings in that time "
        "(2030-09-18, 2031-02-05) answers it"
    )
    # the work programme planned it for a meeting the records hold: shown, answers nothing
    assert [(c.verdict, c.item) for c in row.candidates] == [
        ("scheduled", "work programme: Riverside Project")
    ]


def test_a_late_item_is_a_candidate_not_an_answer(register: dict[str, FollowUpRow]) -> None:
    row = register["Street Lighting"]
    assert row.status == "overdue"
    assert row.due == "in the autumn (2030-09-01 to 2030-11-30)"
    (late,) = row.candidates
    assert (late.date, late.verdict, late.rule, late.score) == (
        "2031-05-20",
        "candidate",
        "subject-in-title+late",
        0.38,
    )


def test_open_without_a_due_time(register: dict[str, FollowUpRow]) -> None:
    row = register["Allotments"]
    assert (row.kind, row.due, row.agent) == ("information", "", "Officers")
    assert row.reason == "no due time given, and no later item answers it"


def test_unknown_when_the_records_end_before_the_due_date(register: dict[str, FollowUpRow]) -> None:
    row = register["Cemetery Review"]
    assert row.due == "in the 2031/32 Municipal Year (2031-05-01 to 2032-04-30)"
    assert row.reason == "due by 2032-04-30; the records of the committee end on 2031-05-20"


# -- the rules on hand-made records ---------------------------------------------------------

BOARD = "Harbour Scrutiny Board"
MADE = Item("made", BOARD, dt.date(2030, 6, 12), "4", "Harbour Walls", "", frozenset({"walls"}))


def _req(kind: str = "report", due: Due | None = None, text: str = "Requests a report.") -> Request:
    return Request("req", MADE, text, kind, due, programmes=frozenset({"walls"}))


def _later(key: str, day: dt.date, title: str, text: str = "", title_has: bool = False) -> Item:
    progs = frozenset({"walls"}) if title_has or "walls" in text.lower() else frozenset()
    return Item(key, BOARD, day, "1", title, text, progs, progs if title_has else frozenset())


IN_YEAR = Due(
    dt.date(2030, 6, 13), dt.date(2031, 4, 30), "later in the municipal year", "this municipal year"
)


def test_a_planned_meeting_the_records_lack_makes_it_unknown() -> None:
    entry = Entry(
        "e",
        BOARD,
        "Harbour walls report",
        2030,
        dt.date(2030, 10, 1),
        frozenset({"walls"}),
        listed_on=dt.date(2030, 9, 1),
    )
    corpus = Corpus(
        (MADE, _later("a", dt.date(2030, 9, 1), "Budget")), (entry,), {"walls": "Harbour Walls"}
    )
    corpus = Corpus(
        corpus.items + (_later("z", dt.date(2031, 6, 1), "Ferries"),), corpus.entries, corpus.labels
    )
    f = follow_up(_req(due=IN_YEAR), corpus)
    assert f.status is FollowUpStatus.UNKNOWN
    assert (
        f.reason
        == "a work programme planned it for 2030-10-01; the records hold no meeting on that date"
    )
    assert [m.verdict for m in f.matches] == [SCHEDULED]


def test_no_recorded_meeting_in_the_due_time_makes_it_unknown() -> None:
    corpus = Corpus((MADE, _later("z", dt.date(2031, 6, 1), "Ferries")))
    f = follow_up(_req(due=IN_YEAR), corpus)
    assert (f.status, f.reason) == (
        FollowUpStatus.UNKNOWN,
        "due by 2031-04-30; the records hold no meeting of the committee between 2030-06-12 and 2031-04-30",
    )


def test_a_vague_back_reference_does_not_make_a_late_item_an_answer() -> None:
    late = _later(
        "b",
        dt.date(2033, 1, 1),
        "Harbour Walls",
        "As heard by the Board previously, the walls held.",
        title_has=True,
    )
    corpus = Corpus(
        (MADE, _later("a", dt.date(2030, 9, 1), "Budget"), late), (), {"walls": "Harbour Walls"}
    )
    f = follow_up(_req(due=IN_YEAR), corpus)
    assert f.status is FollowUpStatus.OVERDUE
    (m,) = f.matches
    assert (m.verdict, m.rule, m.score) == (CANDIDATE, "subject-in-title+back-reference+late", 0.4)


def test_information_is_never_answered_by_a_subject_alone() -> None:
    item = _later("a", dt.date(2030, 9, 1), "Harbour Walls", title_has=True)
    f = follow_up(
        _req(kind="information", text="Officers to circulate figures."), Corpus((MADE, item))
    )
    assert f.status is FollowUpStatus.OPEN
    assert [(m.verdict, m.rule) for m in f.matches] == [(CANDIDATE, "subject-in-title")]


@pytest.mark.parametrize(
    ("text", "day", "answers"),
    [
        (
            "Further to Minute 4, the Board heard the report.",
            dt.date(2031, 1, 10),
            True,
        ),  # same municipal year
        (
            "Further to Minute 4, the Board heard the report.",
            dt.date(2031, 6, 10),
            False,
        ),  # minute 4 of another year
        (
            "As set out in minute 4/30, the walls held.",
            dt.date(2032, 1, 10),
            True,
        ),  # the year is written
        ("As set out in minute 4/29, the walls held.", dt.date(2031, 1, 10), False),
        ("Further to Minute 14, the Board heard the report.", dt.date(2031, 1, 10), False),
    ],
)
def test_minute_references(text: str, day: dt.date, answers: bool) -> None:
    corpus = Corpus((MADE, _later("a", day, "Sea Defences", text)))
    f = follow_up(_req(), corpus)
    assert (f.status is FollowUpStatus.ANSWERED) == answers


def test_procedural_items_answer_nothing() -> None:
    minutes = _later(
        "a",
        dt.date(2030, 9, 1),
        "Minutes",
        "Further to Minute 4, the minutes were agreed.",
        title_has=True,
    )
    assert follow_up(_req(), Corpus((MADE, minutes))).matches == ()
