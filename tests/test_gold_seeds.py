"""Acceptance test of issue #2: the seeds build against the gold annotation.

Every expected value comes from the gold JSON (the ``gold`` fixture). The figures
are printed with the formatter ``graphkit evaluate`` uses (``pytest -s`` shows
them); the same table comes from

    graphkit evaluate --gold tests/data/gold/seeds.json seeds/

Programme meetings: every core programme must be found in every meeting the gold
lists for it (recall 1.0 per programme); extra meetings are tolerated only rarely:
the precision over all (core programme, meeting) pairs must be at least
``CORE_MEETING_PRECISION``. Attendance excludes meetings whose gold gives a
membership list instead of attendance (see docs/evaluate.md).
"""

from __future__ import annotations

import pytest

from graphkit.evaluate import Evaluation, evaluate, format_report

ITEM_F1 = 0.95
ATTENDANCE_F1 = 0.95
CORE_MEETING_PRECISION = 0.9


@pytest.fixture(scope="module")
def figures(seeds_dataset, gold) -> Evaluation:
    ev = evaluate(seeds_dataset, gold)
    print("\n" + format_report(ev, limit=0))
    return ev


def _lines(items: object) -> str:
    return "\n  ".join(str(x) for x in items)  # type: ignore[attr-defined]


def test_all_meetings_with_right_date_and_committee(figures, gold):
    m = figures.meetings
    assert m["found"] == [g["id"] for g in gold["meetings"]], _lines(m["missing"])
    assert not m["duplicates"], m["duplicates"]
    assert not m["extra"], "meetings with records that the gold does not have:\n  " + _lines(
        m["extra"]
    )


def test_agenda_items_number_and_title(figures):
    s = figures.items["number_and_title"]
    assert s.f1 >= ITEM_F1, (
        f"F1 {s.f1} (P {s.precision}, R {s.recall})\nmissed:\n  "
        f"{_lines(figures.items['missed'])}\nspurious:\n  "
        f"{_lines(figures.items['spurious'])}"
    )


def test_attendance_person_meeting_status(figures):
    s = figures.attendance["status"]
    assert s.f1 >= ATTENDANCE_F1, (
        f"F1 {s.f1} (P {s.precision}, R {s.recall})\nmissed:\n  "
        f"{_lines(figures.attendance['missed'])}\nspurious:\n  "
        f"{_lines(figures.attendance['spurious'])}"
    )


def test_people_found_without_split_or_false_merge(figures, gold):
    p = figures.people
    assert p["total"] == len(gold["people"])
    assert p["found"] == p["total"], "not found: " + ", ".join(p["missing"])
    assert not p["merges"], "false merges:\n  " + _lines(p["merges"])
    assert not p["splits"], "splits:\n  " + _lines(f"{k}: {v}" for k, v in p["splits"].items())


def _core_ids() -> list[str]:
    import json

    from conftest import GOLD

    if not GOLD.exists():
        return []
    data = json.loads(GOLD.read_text(encoding="utf-8"))
    return [p["id"] for p in data["programmes"] if p.get("salience") == "core"]


def test_every_core_programme_is_checked(figures, gold):
    assert [c["id"] for c in figures.programmes["core"]] == _core_ids()


@pytest.mark.parametrize("pid", _core_ids())
def test_core_programme_found_as_one_concept_in_the_right_meetings(figures, pid):
    c = next(c for c in figures.programmes["core"] if c["id"] == pid)
    assert c["found"], f"{pid}: no concept carries any of its names"
    assert c["one_concept"], f"{pid}: {len(c['concepts'])} concepts: {c['concepts']}"
    assert c["meetings"].recall == 1.0, (
        f"{pid}: gold meetings {c['gold_meetings']}, graph meetings {c['graph_meetings']}"
    )


def test_core_programme_meetings_precision(figures):
    s = figures.programmes["core_meetings"]
    assert s.precision >= CORE_MEETING_PRECISION, "extra meetings:\n  " + _lines(
        f"{c['id']}: {sorted(set(c['graph_meetings']) - set(c['gold_meetings']))}"
        for c in figures.programmes["core"]
        if c["meetings"].fp
    )


def test_chairs(figures):
    c = figures.chairs
    assert c["correct"] == c["total"], _lines(
        f"{r['meeting']}: gold {r['gold']}, graph {r['graph']}"
        for r in c["meetings"]
        if not r["ok"]
    )
