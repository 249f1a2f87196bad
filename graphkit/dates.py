"""Dates and times as minutes write them.

Regular expressions find the spans (minutes write dates in a handful of shapes) and
read day and year; ``dateutil`` turns the month name of each ("Sept", "September")
into its number, so month spellings are handled by a tested parser rather than a table.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from dateutil import parser as _dateutil

__all__ = [
    "DATE_IN_WORDS",
    "DATE_RE",
    "DATE_TEXT",
    "TIME_TEXT",
    "FoundDate",
    "find_dates",
    "find_times",
    "parse_date",
    "parse_time",
]

_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+(?:the\s+)?)"
# the ordinal may be split off by markup that was blanked ("3<sup>rd</sup>" → "3     rd      ")
_ORD = r"(?:\s{0,12}(?:st|nd|rd|th)\b)?"
DATE_RE = re.compile(
    rf"\b{_WEEKDAY}?(?P<day>[0-3]?\d){_ORD}\s{{0,12}}(?:of\s+)?(?P<month>{_MONTHS})\b\.?,?"
    rf"(?:\s{{0,12}}(?P<year>(?:19|20)\d\d)\b)?"
    # "12-Mar-2024", "30th-Jan-2025": as file names and some pages write it, the year always
    rf"|\b(?P<hday>[0-3]?\d)(?:st|nd|rd|th)?-(?P<hmonth>{_MONTHS})-(?P<hyear>(?:19|20)\d\d)\b"
    rf"|\b{_WEEKDAY}?(?P<month2>{_MONTHS})\s+(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<year2>(?:19|20)\d\d)\b"
    rf"|\b(?P<nday>[0-3]?\d)(?P<sep>[/.])(?P<nmonth>[01]?\d)(?P=sep)(?P<nyear>(?:19|20)\d\d|(?<=/)\d\d)\b"
    # "12.03.24": a year of two digits after dots only with two-digit day and month (not
    # "3.1.24", a paragraph's number)
    rf"|\b(?P<dday>[0-3]\d)\.(?P<dmonth>[01]\d)\.(?P<dyear>\d\d)\b(?!\.\d)"
    rf"|\b(?P<iyear>(?:19|20)\d\d)-(?P<imonth>[01]\d)-(?P<iday>[0-3]\d)\b",
    re.IGNORECASE,
)
_HEADING_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?[ \t]+(?:the[ \t]+)?)?"
#: A whole date with its year and its month in words, as a heading writes it ("Wednesday,
#: 1st July, 2020", "Wed 1 Jul 2020", "JULY 1, 2020"), without groups and on one line: for
#: a heading's pattern to embed.
DATE_IN_WORDS = (
    rf"(?i:{_HEADING_WEEKDAY}"
    rf"(?:[0-3]?\d(?:[ \t]*(?:st|nd|rd|th))?[ \t]+(?:of[ \t]+)?{_MONTHS}\.?,?[ \t]+(?:19|20)\d\d"
    rf"|{_MONTHS}\.?[ \t]+[0-3]?\d(?:st|nd|rd|th)?,?[ \t]+(?:19|20)\d\d)\b)"
)
#: :data:`DATE_IN_WORDS`, or a date in numbers ("01/07/2020", "1.7.2020", "01.07.20",
#: "2020-07-01"), or joined by hyphens ("01-Jul-2020").
DATE_TEXT = (
    rf"(?:{DATE_IN_WORDS}|(?i:{_HEADING_WEEKDAY})(?:[0-3]?\d/[01]?\d/(?:(?:19|20)\d\d|\d\d)"
    r"|[0-3]?\d\.[01]?\d\.(?:19|20)\d\d|[0-3]\d\.[01]\d\.\d\d(?!\.\d)"
    r"|(?:19|20)\d\d-[01]\d-[0-3]\d"
    rf"|[0-3]?\d(?:st|nd|rd|th)?-(?i:{_MONTHS})-(?:19|20)\d\d)\b)"
)
#: a time of day as a meeting's heading writes it ("3.00 pm", "10am", "14:30", "noon").
TIME_TEXT = (
    r"(?i:(?:[01]?\d(?:[.:][0-5]\d)?[ \t]*(?:a\.?m\.?|p\.?m\.?)|[012]\d[:.][0-5]\d"
    r"|(?:12(?:[.:]00)?[ \t]*)?noon|midday)(?![\w.]))"
)
_TIME_RE = re.compile(
    r"\b(?P<h>[01]?\d)(?:[.:](?P<m>[0-5]\d))?\s*(?P<ampm>a\.?m\.?|p\.?m\.?)(?![a-z])"
    r"|\b(?P<noon>12(?:[.:]00)?\s*noon|noon|midday)\b"
    r"|\b(?P<h24>[012]\d):(?P<m24>[0-5]\d)\b",
    re.IGNORECASE,
)
# "19.00", "09.30 hrs": a 24-hour time written with a dot, read only in a meeting header and
# only where nothing else can be meant (not "3.50", a sum, nor "12.03.2025", a date)
_DOT24_RE = re.compile(
    r"(?<![\d.£$€])(?P<h>[012]\d)\.(?P<m>[0-5]\d)(?![\d.]\d|\s*(?:[ap]\.?m\b|%))"
    r"(?P<hrs>\s*(?:hrs|hours|h)\b)?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class FoundDate:
    date: dt.date | None  # None when the year is not written and cannot be inferred
    start: int
    end: int
    text: str
    month: int
    day: int
    year_written: bool


def _month_number(name: str) -> int:
    parsed: dt.datetime = _dateutil.parse(f"1 {name[:3]} 2000")  # dateutil ships no types
    return parsed.month


def find_dates(text: str, *, default_year: int | None = None) -> Iterator[FoundDate]:
    """Every date written in ``text``, with its span.

    >>> [str(d.date) for d in find_dates("held at 11.00 am on Thursday, 28 January 2021")]
    ['2021-01-28']
    >>> [str(d.date) for d in find_dates("the meeting held on 3rd December, 2020 and 16th of January 2025")]
    ['2020-12-03', '2025-01-16']
    >>> [str(d.date) for d in find_dates("Thursday, 28th November, 2024 10.00 am; updated 07/09/21")]
    ['2024-11-28', '2021-09-07']
    >>> [d.date for d in find_dates("25th November (tbc)")]
    [None]
    >>> [str(d.date) for d in find_dates("on 04.03.2025, 2025-03-05 and 6/3/25; see 3.1.2")]
    ['2025-03-04', '2025-03-05', '2025-03-06']
    >>> [str(d.date) for d in find_dates("held on 12.03.24; see 3.1.24 and 12.03.24.1")]
    ['2024-03-12']
    """
    for m in DATE_RE.finditer(text):
        try:
            if m.group("iyear"):
                year, month, day = (
                    int(m.group("iyear")),
                    int(m.group("imonth")),
                    int(m.group("iday")),
                )
                written = True
            elif m.group("nday") or m.group("dday"):
                year = int(m.group("nyear") or m.group("dyear"))
                year = year + 2000 if year < 100 else year
                day = int(m.group("nday") or m.group("dday"))
                month, written = int(m.group("nmonth") or m.group("dmonth")), True
            else:
                day = int(m.group("day") or m.group("hday") or m.group("day2"))
                month = _month_number(m.group("month") or m.group("hmonth") or m.group("month2"))
                y = m.group("year") or m.group("hyear") or m.group("year2")
                written = y is not None
                year = int(y) if y else (default_year or 0)
            date = dt.date(year, month, day) if year else None
        except ValueError:
            continue
        end = m.end()
        while end > m.start() and text[end - 1] in " ,.\n":
            end -= 1
        yield FoundDate(date, m.start(), end, text[m.start() : end], month, day, written)


def parse_date(text: str) -> dt.date | None:
    """The first complete date in ``text``.

    >>> parse_date("Wednesday, 8 September 2021")
    datetime.date(2021, 9, 8)
    """
    for found in find_dates(text):
        if found.date:
            return found.date
    return None


def _dot24(text: str) -> Iterator[tuple[dt.time, int, int]]:
    """24-hour times written with a dot, where a header's words make them times: "at 19.00",
    "19.00 - 21.15", "18.30 hrs", or an hour past noon ("Tuesday 4 March 2025 19.00").

    >>> [str(t) for t, _, _ in _dot24("Tuesday 4 March 2025 at 19.00 - 21.15")]
    ['19:00:00', '21:15:00']
    >>> [str(t) for t, _, _ in _dot24("4 March 2025, 09.30 hrs; Room 10.30, £12.50, 12.03.2025")]
    ['09:30:00']
    """
    found = list(_DOT24_RE.finditer(text))

    def between(a: re.Match[str], b: re.Match[str]) -> str:
        return text[a.end() : b.start()]

    for i, m in enumerate(found):
        h, mi = int(m.group("h")), int(m.group("m"))
        if h > 23:
            continue
        before = text[max(0, m.start() - 20) : m.start()]
        ranged = (
            i + 1 < len(found)
            and re.fullmatch(r"\s*(?:[-–]|to|until)\s*", between(m, found[i + 1]))
        ) or (i > 0 and re.fullmatch(r"\s*(?:[-–]|to|until)\s*", between(found[i - 1], m)))
        if (
            m.group("hrs")
            or ranged
            or h >= 13
            or re.search(r"(?i)\b(?:at|from|commencing|starts?|starting|time)\s*:?\s*$", before)
        ):
            yield dt.time(h, mi), m.start(), m.end()


def find_times(text: str, header: bool = False) -> Iterator[tuple[dt.time, int, int]]:
    """Clock times with their spans; in a meeting ``header``, also 24-hour times written with
    a dot ("at 19.00").

    >>> [str(t) for t, _, _ in find_times("held at 10.30 am; closed at 12.50 pm; 12 noon; 15:00")]
    ['10:30:00', '12:50:00', '12:00:00', '15:00:00']
    >>> list(find_times("at 19.00")), [str(t) for t, _, _ in find_times("at 19.00", header=True)]
    ([], ['19:00:00'])
    """
    plain = list(_times(text))
    dotted = [f for f in _dot24(text) if header and not any(s <= f[1] < e for _, s, e in plain)]
    yield from sorted([*plain, *dotted], key=lambda f: f[1])


def _times(text: str) -> Iterator[tuple[dt.time, int, int]]:
    for m in _TIME_RE.finditer(text):
        if m.group("noon"):
            yield dt.time(12, 0), m.start(), m.end()
            continue
        if m.group("h24"):
            h, mi = int(m.group("h24")), int(m.group("m24"))
            if h < 24:
                yield dt.time(h, mi), m.start(), m.end()
            continue
        h, mi = int(m.group("h")), int(m.group("m") or 0)
        if not 1 <= h <= 12:
            continue
        pm = m.group("ampm").lower().startswith("p")
        h = (h % 12) + (12 if pm else 0)
        yield dt.time(h, mi), m.start(), m.end()


def parse_time(text: str) -> dt.time | None:
    """The first clock time in ``text``.

    >>> parse_time("3.00 pm")
    datetime.time(15, 0)
    """
    for t, _, _ in find_times(text):
        return t
    return None
