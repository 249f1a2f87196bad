"""When a request is due: the due-time phrase of its text, as a date range.

A municipal year runs from 1 May to 30 April. The range starts the day after the meeting
that made the request (or at the start of the period named) and ends on the last day the
words allow; "at the next meeting" is left open-ended here (``next_meeting``) and closed
by the register at the committee's next meeting.

>>> on = dt.date(2021, 6, 24)
>>> d = find_due("Agreed to receive a feedback report later in the municipal year.", on)
>>> d.form, d.start.isoformat(), d.end.isoformat(), d.text
('this municipal year', '2021-06-25', '2022-04-30', 'later in the municipal year')
>>> find_due("a report to be brought back in the 2023/24 Municipal Year", on).end
datetime.date(2024, 4, 30)
>>> find_due("an update in six months' time", on).end
datetime.date(2021, 12, 24)
>>> find_due("Officers to report back by March 2022.", on).end
datetime.date(2022, 3, 31)
>>> find_due("to come back in the autumn", on).start
datetime.date(2021, 9, 1)
>>> find_due("Noted the report.", on) is None
True
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from .. import lexicon

__all__ = ["Due", "find_due", "municipal_year_of", "municipal_year_range"]


@dataclass(frozen=True)
class Due:
    """A due time: the range of dates the text allows, and the words it was read from."""

    start: dt.date
    end: dt.date
    text: str  # the phrase as written ("later in the municipal year")
    form: str  # which kind of phrase ("in months", "named municipal year", ...)
    next_meeting: bool = False  # "at the next meeting": the register sets ``end``


def municipal_year_of(day: dt.date) -> int:
    """The first calendar year of the municipal year ``day`` falls in (May to April).

    >>> municipal_year_of(dt.date(2022, 3, 17)), municipal_year_of(dt.date(2022, 5, 1))
    (2021, 2022)
    """
    return day.year if day.month >= 5 else day.year - 1


def municipal_year_range(first: int) -> tuple[dt.date, dt.date]:
    """1 May of ``first`` to 30 April of the year after."""
    return dt.date(first, 5, 1), dt.date(first + 1, 4, 30)


_NUMBERS = lexicon.table("number_words.tsv")
_SEASONS = {k: int(v) for k, v in lexicon.table("seasons.tsv").items()}
_MONTHS = {name.lower(): n for n, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): n for n, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_MONTH = rf"(?P<month>{lexicon.alternation(frozenset(_MONTHS))})\b"
_NUMBER = rf"(?P<n>\d{{1,2}}|{lexicon.alternation(frozenset(_NUMBERS))})"
_YEARS = r"(?P<y1>(?:19|20)\d\d)\s*[-/–]\s*(?P<y2>(?:19|20)?\d\d)"

_Reader = Callable[[re.Match[str], dt.date], tuple[dt.date, dt.date] | None]


def _add_months(day: dt.date, months: int) -> dt.date:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _named_year(m: re.Match[str], on: dt.date) -> tuple[dt.date, dt.date] | None:
    first, second = int(m.group("y1")), m.group("y2")
    if int(second[-2:]) != (first + 1) % 100:
        return None  # "2019-2021": not one municipal year
    return municipal_year_range(first)


def _this_year(m: re.Match[str], on: dt.date) -> tuple[dt.date, dt.date]:
    return on + dt.timedelta(days=1), municipal_year_range(municipal_year_of(on))[1]


def _next_year(m: re.Match[str], on: dt.date) -> tuple[dt.date, dt.date]:
    return municipal_year_range(municipal_year_of(on) + 1)


def _in_months(m: re.Match[str], on: dt.date) -> tuple[dt.date, dt.date] | None:
    raw = m.group("n").lower()
    n = int(raw) if raw.isdigit() else int(_NUMBERS[raw])
    unit = m.group("unit").lower()
    if unit.startswith("week"):
        return on + dt.timedelta(days=1), on + dt.timedelta(weeks=n)
    return on + dt.timedelta(days=1), _add_months(on, n * (12 if unit.startswith("year") else 1))


def _by_month(m: re.Match[str], on: dt.date) -> tuple[dt.date, dt.date] | None:
    month = _MONTHS.get(m.group("month").lower())
    if month is None:
        return None
    year = int(m.group("year"))
    if m.group("day"):
        try:
            end = dt.date(year, month, int(m.group("day")))
        except ValueError:
            return None
    else:
        end = _month_end(year, month)
    start = on + dt.timedelta(days=1)
    if m.group("prep").lower() == "in" and not m.group("day"):
        start = max(start, dt.date(year, month, 1))
    return (start, end) if end > on else None


def _season(m: re.Match[str], on: dt.date) -> tuple[dt.date, dt.date]:
    first = _SEASONS[m.group("season").lower()]
    year = int(m.group("year")) if m.group("year") else on.year
    start = dt.date(year, first, 1)
    end = _month_end(*divmod_month(year, first + 2))
    if not m.group("year") and end <= on:  # the next such season
        start, end = dt.date(year + 1, first, 1), _month_end(*divmod_month(year + 1, first + 2))
    return max(start, on + dt.timedelta(days=1)), end


def divmod_month(year: int, month: int) -> tuple[int, int]:
    """(year, month) with a month past December carried into the next year.

    >>> divmod_month(2021, 14)
    (2022, 2)
    """
    return year + (month - 1) // 12, (month - 1) % 12 + 1


def _new_year(m: re.Match[str], on: dt.date) -> tuple[dt.date, dt.date]:
    return dt.date(on.year + 1, 1, 1), dt.date(on.year + 1, 3, 31)


def _next_meeting(m: re.Match[str], on: dt.date) -> tuple[dt.date, dt.date]:
    return on + dt.timedelta(days=1), on + dt.timedelta(days=1)


# (form, pattern, reader): the first pattern that matches and reads a range wins
_FORMS: list[tuple[str, re.Pattern[str], _Reader]] = [
    (
        "named municipal year",
        re.compile(
            rf"\b(?:(?:in|during|for|on)\s+)?(?:the\s+)?{_YEARS}"
            r"(?:\s+(?:municipal\s+year|work\s+programme))?",
            re.I,
        ),
        _named_year,
    ),
    (
        "next municipal year",
        re.compile(
            r"\b(?:(?:in|during|early\s+in)\s+)?the\s+(?:next|new)\s+municipal\s+year\b", re.I
        ),
        _next_year,
    ),
    (
        "this municipal year",
        re.compile(
            r"\b(?:later\s+in|during|before\s+the\s+end\s+of|by\s+the\s+end\s+of|within)\s+"
            r"(?:the|this)\s+(?:current\s+)?municipal\s+year\b",
            re.I,
        ),
        _this_year,
    ),
    (
        "in months",
        re.compile(
            rf"\b(?:in|within|after)\s+(?:the\s+next\s+)?{_NUMBER}\s+(?P<unit>months?|weeks?|years?)(?:['’]s?\s+time)?",
            re.I,
        ),
        _in_months,
    ),
    (
        "by a month",
        re.compile(
            rf"\b(?P<prep>by|before|in)\s+(?:the\s+end\s+of\s+)?(?P<day>\d{{1,2}})?(?:st|nd|rd|th)?\s*{_MONTH}\s+(?P<year>(?:19|20)\d\d)\b",
            re.I,
        ),
        _by_month,
    ),
    (
        "season",
        re.compile(
            rf"\b(?:in|by|during)\s+(?:the\s+)?(?P<season>{lexicon.alternation(frozenset(_SEASONS))})"
            r"(?:\s+(?:term\s+)?(?P<year>(?:19|20)\d\d))?\b",
            re.I,
        ),
        _season,
    ),
    ("new year", re.compile(r"\bin\s+the\s+new\s+year\b", re.I), _new_year),
    (
        "next meeting",
        re.compile(r"\b(?:at|to|for|by)\s+(?:the|its|their)\s+next\s+meeting\b", re.I),
        _next_meeting,
    ),
]
# "the Work Programme" with no year: the municipal year the request was made in
_WORK_PROGRAMME = re.compile(r"\b(?:the|its|their)\s+work\s+programme\b", re.I)


def find_due(text: str, on: dt.date) -> Due | None:
    """The due time ``text`` gives for a request made on ``on``, or None."""
    for form, pattern, read in _FORMS:
        for m in pattern.finditer(text):
            found = read(m, on)
            if found is not None and found[1] >= found[0]:
                phrase = " ".join(m.group(0).split())
                return Due(found[0], found[1], phrase, form, form == "next meeting")
    wp = _WORK_PROGRAMME.search(text)
    if wp:
        start, end = _this_year(wp, on)
        return Due(start, end, " ".join(wp.group(0).split()), "this year's work programme")
    return None
