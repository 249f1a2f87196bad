"""Tests of graphkit.segment.workprogramme."""

from __future__ import annotations

import datetime as dt

from graphkit.segment.workprogramme import find_rows

D = dt.date


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
