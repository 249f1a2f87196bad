"""Due-time phrases, each form, read to a date range (a municipal year runs May to April)."""

from __future__ import annotations

import datetime as dt

import pytest

from graphkit.followups.due import find_due, municipal_year_of, municipal_year_range

ON = dt.date(2021, 6, 24)

# (text, form, first day, last day, phrase as written)
CASES = [
    (
        "Agreed to receive a feedback report later in the municipal year.",
        "this municipal year",
        "2021-06-25",
        "2022-04-30",
        "later in the municipal year",
    ),
    (
        "A report to be brought back in the 2023/24 Municipal Year.",
        "named municipal year",
        "2023-05-01",
        "2024-04-30",
        "in the 2023/24 Municipal Year",
    ),
    (
        "Includes Fostering on the Work Programme for 2023-24.",
        "named municipal year",
        "2023-05-01",
        "2024-04-30",
        "for 2023-24",
    ),
    (
        "An update in six months' time.",
        "in months",
        "2021-06-25",
        "2021-12-24",
        "in six months' time",
    ),
    (
        "A further report within 3 months.",
        "in months",
        "2021-06-25",
        "2021-09-24",
        "within 3 months",
    ),
    ("A report back in two weeks.", "in months", "2021-06-25", "2021-07-08", "in two weeks"),
    ("A review in a year's time.", "in months", "2021-06-25", "2022-06-24", "in a year's time"),
    (
        "Officers to report back by March 2022.",
        "by a month",
        "2021-06-25",
        "2022-03-31",
        "by March 2022",
    ),
    (
        "A report by the end of January 2022.",
        "by a month",
        "2021-06-25",
        "2022-01-31",
        "by the end of January 2022",
    ),
    (
        "A report by 14 October 2021.",
        "by a month",
        "2021-06-25",
        "2021-10-14",
        "by 14 October 2021",
    ),
    (
        "A report to come back in March 2022.",
        "by a month",
        "2022-03-01",
        "2022-03-31",
        "in March 2022",
    ),
    ("An update in the autumn.", "season", "2021-09-01", "2021-11-30", "in the autumn"),
    ("An update in the spring.", "season", "2022-03-01", "2022-05-31", "in the spring"),
    ("An update in the summer.", "season", "2021-06-25", "2021-08-31", "in the summer"),
    ("An update in the winter 2022.", "season", "2022-12-01", "2023-02-28", "in the winter 2022"),
    ("An update in the new year.", "new year", "2022-01-01", "2022-03-31", "in the new year"),
    (
        "A report early in the next municipal year.",
        "next municipal year",
        "2022-05-01",
        "2023-04-30",
        "early in the next municipal year",
    ),
    (
        "Agreed to add the following to the Work Programme: Youth clubs.",
        "this year's work programme",
        "2021-06-25",
        "2022-04-30",
        "the Work Programme",
    ),
]


@pytest.mark.parametrize(
    ("text", "form", "start", "end", "written"), CASES, ids=[c[1] + ": " + c[4] for c in CASES]
)
def test_each_due_form(text: str, form: str, start: str, end: str, written: str) -> None:
    due = find_due(text, ON)
    assert due is not None
    assert (due.form, due.start.isoformat(), due.end.isoformat(), due.text) == (
        form,
        start,
        end,
        written,
    )
    assert not due.next_meeting


def test_next_meeting_is_left_to_the_register() -> None:
    due = find_due("A further report at the next meeting.", ON)
    assert due is not None and due.next_meeting and due.form == "next meeting"


@pytest.mark.parametrize(
    "text",
    [
        "Noted the report.",
        "The Board thanked officers.",
        "Between 2019-2021 numbers rose.",
        "By 3 May 2021 it had closed.",
    ],
)
def test_no_due_time(text: str) -> None:
    assert find_due(text, ON) is None


def test_municipal_years_run_may_to_april() -> None:
    assert municipal_year_of(dt.date(2022, 4, 30)) == 2021
    assert municipal_year_of(dt.date(2022, 5, 1)) == 2022
    assert municipal_year_range(2023) == (dt.date(2023, 5, 1), dt.date(2024, 4, 30))
