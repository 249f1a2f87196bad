"""graphkit.dates: dates and times written the ways minutes write them."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from graphkit.dates import DATE_TEXT, find_dates, find_times, parse_date, parse_time
from graphkit.segment.text import plain

D = dt.date


@pytest.mark.parametrize(
    ("text", "expected", "quoted"),
    [
        ("held on 28 January 2021", D(2021, 1, 28), "28 January 2021"),
        (
            "the meeting held on 3rd December, 2020 were agreed",
            D(2020, 12, 3),
            "3rd December, 2020",
        ),
        # markup blanked by plain(): "3<sup>rd</sup>" keeps its offsets as spaces
        (plain("held on 3<sup>rd</sup> December, 2020."), D(2020, 12, 3), None),
        ("by the 16th of January 2025", D(2025, 1, 16), "16th of January 2025"),
        # joined by hyphens, as ModernGov names its printed minutes' files
        ("Printed minutes 30th-Jan-2025 10.00 Cabinet", D(2025, 1, 30), "30th-Jan-2025"),
        ("dated 07-Mar-2024.", D(2024, 3, 7), "07-Mar-2024"),
        (
            "Thursday, 28th November, 2024 10.00 am",
            D(2024, 11, 28),
            "Thursday, 28th November, 2024",
        ),
        ("on Wednesday 2nd April 2031 at noon", D(2031, 4, 2), "Wednesday 2nd April 2031"),
        ("the 1st of March 2030", D(2030, 3, 1), "1st of March 2030"),
        ("Sept 4 2029", D(2029, 9, 4), "Sept 4 2029"),
        ("updated 07/09/21", D(2021, 9, 7), "07/09/21"),
        ("HELD ON 12.03.24 AT 6PM", D(2024, 3, 12), "12.03.24"),
    ],
)
def test_find_dates_as_minutes_write_them(text: str, expected: dt.date, quoted: str | None) -> None:
    found = list(find_dates(text))
    assert [f.date for f in found] == [expected]
    f = found[0]
    assert text[f.start : f.end] == f.text  # the span quotes the text exactly
    if quoted is not None:
        assert f.text == quoted
    assert f.year_written


@pytest.mark.parametrize(
    ("text", "default_year", "expected"),
    [
        ("25th November (tbc)", None, None),  # no year written, none given
        ("25th November (tbc)", 2030, D(2030, 11, 25)),
        ("31 February 2030", None, "nothing"),  # not a real date: skipped, not crashed on
        ("rows 3-May", 2030, "nothing"),  # hyphens join a date only with its year
    ],
)
def test_dates_without_a_year_or_impossible(text: str, default_year: int | None, expected) -> None:
    found = list(find_dates(text, default_year=default_year))
    if expected == "nothing":
        assert found == []
        return
    assert len(found) == 1
    assert found[0].date == expected
    assert not found[0].year_written
    assert (found[0].month, found[0].day) == (11, 25)


def test_several_dates_in_order_with_spans() -> None:
    text = "The minutes of 3rd May, 2029 and of 16th of June 2029 were agreed on 1 July 2029."
    found = list(find_dates(text))
    assert [f.date for f in found] == [D(2029, 5, 3), D(2029, 6, 16), D(2029, 7, 1)]
    assert all(text[f.start : f.end] == f.text for f in found)
    assert [f.start for f in found] == sorted(f.start for f in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wednesday, 8 September 2031", D(2031, 9, 8)),
        ("no date in here", None),
        ("25th November (tbc), then 3 December 2030", D(2030, 12, 3)),  # first complete date
        # paragraph numbers are no dates: a year of two digits after dots needs a
        # two-digit day and month, and no further number
        ("see paragraph 3.1.24", None),
        ("see paragraph 12.03.24.1", None),
    ],
)
def test_parse_date(text: str, expected: dt.date | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10.30 am", dt.time(10, 30)),
        ("3.00 pm", dt.time(15, 0)),
        ("12 noon", dt.time(12, 0)),
        ("9.15am", dt.time(9, 15)),
        ("12.15 pm", dt.time(12, 15)),
        ("5 p.m.", dt.time(17, 0)),
        ("18:45", dt.time(18, 45)),
    ],
)
def test_times(text: str, expected: dt.time) -> None:
    sentence = f"The meeting started at {text} sharp"
    found = list(find_times(sentence))
    assert [t for t, _, _ in found] == [expected]
    _, s, e = found[0]
    assert sentence[s:e] == text
    assert parse_time(text) == expected


def test_start_and_closing_times_in_one_line() -> None:
    text = "held at 10.30 am on Thursday, 28th November, 2030 (Meeting closed at 12 noon)"
    assert [t for t, _, _ in find_times(text)] == [dt.time(10, 30), dt.time(12, 0)]
    assert parse_date(text) == D(2030, 11, 28)


@pytest.mark.parametrize(
    ("text", "whole"),
    [
        ("Wednesday, 1st July, 2020", True),
        ("Wed 1 Jul 2020", True),
        ("WEDNESDAY, 1ST JULY, 2020", True),
        ("July 1, 2020", True),
        ("Tuesday 16th of January 2024", True),
        ("01/07/2020", True),
        ("2020-07-01", True),
        ("1 July", False),  # no year: a heading's date has one
        ("07/2020", False),
    ],
)
def test_a_headings_date(text: str, whole: bool) -> None:
    assert (re.fullmatch(DATE_TEXT, text) is not None) == whole
    if whole:
        assert parse_date(text) is not None  # every shape it takes, the parser reads
