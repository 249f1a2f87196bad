"""The work programme against the minutes, on an invented programme and minutes
(tests/data/followups/): each plan status, and items added without being planned."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from graphkit.followups.plan import compare_plan
from graphkit.followups.records import Corpus, Entry, Item
from graphkit.followups.report import read_plan
from graphkit.load import load_graph
from graphkit.model import PlanStatus


def test_each_entry_against_the_minutes(followups_build: Path) -> None:
    rows = read_plan(load_graph(followups_build))
    assert [
        (r.year, r.planned, r.entry, r.status, r.taken_on, r.taken_as, r.rule) for r in rows
    ] == [
        (
            "2030/31",
            "2030-09-18",
            "Bowling Greens Plan",
            "held as planned",
            "2030-09-18",
            "2 Bowling Greens Plan",
            "programme-in-title",
        ),
        ("2030/31", "2030-09-18", "Litter Bins", "planned, not taken", "", "", ""),
        (
            "2030/31",
            "2030-11-20",
            "Allotment Waiting Lists",
            "meeting not in the records",
            "",
            "",
            "",
        ),
        (
            "2030/31",
            "2031-01-15",
            "Dog Fouling",
            "moved",
            "2031-02-05",
            "2 Dog Fouling Enforcement",
            "title-words",
        ),
        ("2030/31", "2031-02-05", "Riverside Project", "planned, not taken", "", "", ""),
        (
            "2030/31",
            "",
            "Play Areas",
            "held as planned",
            "2031-02-05",
            "1 Play Areas Update",
            "title-words",
        ),
        ("2030/31", "", "", "added, not planned", "2030-09-18", "3 Open Spaces Budget", ""),
    ]
    assert rows[2].reason == "the records hold no meeting of the committee on 2030-11-20"
    assert (
        rows[1].reason
        == "no item of the recorded meetings of the year (2030-09-18, 2031-02-05) is on it"
    )
    assert {r.committee for r in rows} == {"Parks and Open Spaces Scrutiny Board (3)"}


def test_one_year_only(followups_build: Path) -> None:
    assert read_plan(load_graph(followups_build), "2031/32") == []


BOARD = "Harbour Scrutiny Board"


def test_an_item_held_as_planned_is_not_another_entrys_moved_item() -> None:
    walls = Item(
        "i1",
        BOARD,
        dt.date(2030, 9, 1),
        "1",
        "Harbour Walls and Ferries",
        "",
        frozenset({"walls"}),
        frozenset({"walls"}),
    )
    plan = (
        Entry("e1", BOARD, "Harbour Walls", 2030, dt.date(2030, 9, 1), frozenset({"walls"})),
        Entry(
            "e2",
            BOARD,
            "Harbour Walls and Ferries review",
            2030,
            dt.date(2030, 11, 1),
            frozenset({"walls"}),
        ),
    )
    rows = compare_plan(Corpus((walls,), plan))
    assert [(r.entry.key if r.entry else None, r.status) for r in rows] == [
        ("e1", PlanStatus.HELD_AS_PLANNED),
        ("e2", PlanStatus.NOT_RECORDED),
    ]


def test_items_before_the_programme_are_not_unplanned() -> None:
    early = Item("i0", BOARD, dt.date(2030, 6, 1), "1", "Ferries", "")
    entry = Entry(
        "e1", BOARD, "Harbour Walls", 2030, dt.date(2030, 9, 1), listed_on=dt.date(2030, 8, 1)
    )
    rows = compare_plan(Corpus((early,), (entry,)))
    assert [r.status for r in rows] == [PlanStatus.NOT_RECORDED]
