"""Work-programme tables: planned items with date, title, detail and lead."""

from __future__ import annotations

import datetime as dt
import re

from ..dates import find_dates
from ..model import WorkProgrammeRow
from .text import clean, lines

__all__ = ["find_rows", "programme_years", "rows_added"]

_COLUMNS = {
    "date": re.compile(r"\bdate|meeting\b", re.I),
    "title": re.compile(r"\btitle|item|topic|subject|issue\b", re.I),
    "detail": re.compile(r"\bdetail|description|purpose|scope|notes?\b", re.I),
    "lead": re.compile(r"\blead|officer|cabinet member|contact|responsible|author\b", re.I),
}


def programme_years(title: str) -> tuple[int, int] | None:
    """The years a work programme covers, from its title.

    >>> programme_years("Scrutiny Board (2) Work Programme 2021-22")
    (2021, 2022)
    """
    m = re.search(r"\b((?:19|20)\d\d)\s*[-/–]\s*((?:19|20)?\d\d)\b", title)
    if not m:
        return None
    first = int(m.group(1))
    return first, first + 1


def _date(cell: str, years: tuple[int, int] | None) -> tuple[dt.date | None, str | None]:
    found = next(find_dates(cell), None)
    if found is None:
        return None, None
    if found.date and found.year_written:
        return found.date, found.text
    if years:  # council years run May to April
        year = years[0] if found.month >= 5 else years[1]
        try:
            return dt.date(year, found.month, found.day), cell.strip()
        except ValueError:
            return None, cell.strip()
    return None, cell.strip()


def find_rows(
    text: str, start: int, end: int, *, years: tuple[int, int] | None
) -> list[WorkProgrammeRow]:
    """Rows of tab-separated work-programme tables in ``[start, end)``; page repeats dropped."""
    cols: dict[str, int] | None = None
    current: tuple[dt.date | None, str | None] = (None, None)
    rows: list[WorkProgrammeRow] = []
    seen: set[str] = set()
    for s, e, line in lines(text, start, end):
        cells = line.split("\t")
        if len(cells) < 3:
            if len(cells) == 1 and re.match(r"\s*Items? for\b", line):
                current = (None, None)
            continue
        labels = [clean(c) for c in cells]
        header = {
            key: i
            for key, rx in _COLUMNS.items()
            for i, label in enumerate(labels)
            if rx.search(label) and len(label) < 40
        }
        if "title" in header and len(header) >= 3:
            cols = header
            continue
        if cols is None:
            continue

        def cell(key: str, labels: list[str] = labels, cols: dict[str, int] = cols) -> str:
            i = cols.get(key)
            return labels[i] if i is not None and i < len(labels) else ""

        first = labels[0]
        if re.match(r"Items? for\b", first):
            current = (None, None)
            continue
        if cell("date"):
            current = _date(cell("date"), years)
        title = cell("title")
        if not title or title in ("-", "–") or title in seen:
            continue
        seen.add(title)
        lead = cell("lead") or None
        lead_start = None
        if lead and cols and "lead" in cols:
            offset = sum(len(c) + 1 for c in cells[: cols["lead"]])
            raw = cells[cols["lead"]]
            lead_start = s + offset + (len(raw) - len(raw.lstrip()))
        rows.append(
            WorkProgrammeRow(
                title=title,
                start=s,
                end=e,
                date=current[0],
                date_as_written=current[1],
                detail=cell("detail") or None,
                lead=lead,
                lead_start=lead_start,
            )
        )
    return rows


_ADDS = re.compile(
    r"\b(?:includes?|including|add|adds|added|agreed to add|be added)\b[^:]{0,80}?\b(?:on|to|in)\s+the\s+"
    r"(?:(?P<years>(?:19|20)\d\d\s*[/-]\s*\d{2,4})\s+)?(?:\w+\s+)?work\s+programme[^:]{0,40}:",
    re.I,
)
_ITEM = re.compile(r"^[ \t]*(?:[-•·▪*]|\d{1,2}[.)])[ \t]*(?:\(?[a-z]\)[ \t]*)?(?P<t>\S[^\n]*)$")


def rows_added(text: str, plain_text: str, start: int, end: int) -> list[WorkProgrammeRow]:
    """Items a resolution adds to a work programme ("... includes the following on the
    2023/24 Work Programme: - Fostering - ...")."""
    out = []
    for m in _ADDS.finditer(plain_text, start, end):
        from .text import lines

        for s, e, line in lines(plain_text, m.end(), end):
            if not line.strip():
                continue
            it = _ITEM.match(line)
            if not it:
                break  # the list ends at the first line that is not a list item
            title = clean(it.group("t")).rstrip(".")
            if title and len(title.split()) <= 20:
                out.append(WorkProgrammeRow(title=title, start=s + it.start("t"), end=e))
    return out
