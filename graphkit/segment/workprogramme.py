"""Work-programme tables: planned items with date, title, detail and lead."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .. import lexicon
from ..dates import find_dates
from ..model import WorkProgrammeRow
from ..names import COUNCILLOR
from .text import clean, lines, table_cells

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
    if found is None:  # "June 2025 (date tbc)": a month, no day
        month = re.search(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b", cell)
        return None, (cell.strip() if month else None)
    if found.date and found.year_written:
        return found.date, found.text
    if years:  # council years run May to April
        year = years[0] if found.month >= 5 else years[1]
        try:
            return dt.date(year, found.month, found.day), cell.strip()
        except ValueError:
            return None, cell.strip()
    return None, cell.strip()


# a heading for the programme's undated part: "Items for 2021-22", "Items to be scheduled"
_UNDATED = re.compile(
    r"(?:Items?|Topics?|Issues?)\s+(?:for\b|to\s+be\s+(?:scheduled|programmed|allocated|confirmed)"
    r"|not\s+yet\s+scheduled|awaiting)|(?:Unscheduled|Unallocated|Future|Possible)\s+(?:items|topics)\b"
    r"|(?:Date\s+)?(?:to\s+be\s+confirmed|TBC)\s*:?\s*$",
    re.I,
)
_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")  # |---|---|
_BULLET = re.compile(r"^[ \t]*(?:[-–—•·▪*]|\d{1,2}[.)])[ \t]+(?P<t>\S[^\n]*)$")
# "Local Plan Review – Head of Planning Policy": the last part names a post or a person
_LEAD_POST = re.compile(
    r"^(?:the\s+)?(?:[A-Z][\w&]*\s+)*(?:Head|Director|Manager|Officer|Lead|Chief|Cabinet\s+Member"
    rf"|Portfolio\s+Holder|{COUNCILLOR}|Leader)\b"
)
_LEAD_PERSON = re.compile(r"^[A-Z][a-z]+(?:\s+[A-Z]\.?)?\s+[A-Z][a-z'’-]+$")
_NOT_NAME = re.compile(rf"\b{lexicon.alternation(lexicon.lines('report_title_words.txt'))}\b")


def _date_heading(
    line: str, years: tuple[int, int] | None
) -> tuple[dt.date | None, str | None, str]:
    """A line that starts with a meeting date ("14 March 2025:", "Tuesday 3 June 2025 –
    Item"): the date, as written, and what follows it."""
    text = clean(line)
    found = next(find_dates(text), None)
    if (
        found is None
        or found.start > 12
        or text[: found.start].strip(" *#")
        and not re.fullmatch(r"(?:[A-Z][a-z]+day,?\s*)", text[: found.start])
    ):
        return None, None, ""
    date, written = _date(found.text, years)
    rest = text[found.end :]
    rest = re.sub(r"^\s*(?:\((?:tbc|provisional)\))?\s*[:–—-]?\s*", "", rest, flags=re.I)
    return date, written, rest


def _split_lead(entry: str) -> tuple[str, str | None]:
    """ "Item – Lead officer" → (item, lead); the lead only where it names a post or person.

    >>> _split_lead("Local Plan Review – Head of Planning Policy")
    ('Local Plan Review', 'Head of Planning Policy')
    >>> _split_lead("Homes for Children in Care – Update Report")
    ('Homes for Children in Care – Update Report', None)
    """
    parts = re.split(r"\s+[–—-]\s+", entry)
    if len(parts) >= 2:
        last = parts[-1].strip()
        if _LEAD_POST.match(last) or (_LEAD_PERSON.match(last) and not _NOT_NAME.search(last)):
            return " – ".join(p.strip() for p in parts[:-1]), last
    return entry.strip(), None


def find_rows(
    text: str, start: int, end: int, *, years: tuple[int, int] | None
) -> list[WorkProgrammeRow]:
    """Rows of a work programme in ``[start, end)``: tables (tab-separated or pipe) under a
    header row naming the columns, or lists under a date line ("14 March 2025:" then
    "– Item – Lead officer"); rows under "Items to be scheduled" are undated. Rows repeated
    on a later page are dropped."""
    reading = _RowReading(years)
    for s, e, line in lines(text, start, end):
        split = table_cells(line)
        if split is None or len(split[0]) < 2 or _RULE.match(line):
            reading.listed(s, e, line)
        else:
            reading.tabled(s, e, split[0], split[1])
    return reading.rows


@dataclass
class _RowReading:
    """:func:`find_rows` reading line by line: the meeting date rows fall under, the
    table's columns once a header row named them, and whether a list is open."""

    years: tuple[int, int] | None
    cols: dict[str, int] | None = None
    current: tuple[dt.date | None, str | None] = (None, None)
    listing: bool = False  # under a date line or an undated heading, outside a table
    rows: list[WorkProgrammeRow] = field(default_factory=list)
    seen: set[tuple[str, dt.date | None]] = field(default_factory=set)

    def add(
        self,
        title: str,
        s: int,
        e: int,
        *,
        detail: str | None = None,
        lead: str | None = None,
        lead_start: int | None = None,
    ) -> None:
        title = title.strip().rstrip(".;")
        if not title or title in ("-", "–") or (title, self.current[0]) in self.seen:
            return  # a row repeated on the next page; the same item at another meeting stays
        self.seen.add((title, self.current[0]))
        date, written = self.current
        self.rows.append(
            WorkProgrammeRow(
                title=title,
                start=s,
                end=e,
                date=date,
                date_as_written=written,
                detail=detail,
                lead=lead,
                lead_start=lead_start,
            )
        )

    def listed(self, s: int, e: int, line: str) -> None:
        """A line outside a table: a heading, a date line, or an item listed under one."""
        if not line.strip() or _RULE.match(line):
            return
        if _UNDATED.match(clean(line)) and len(clean(line).split()) <= 8:
            self.current, self.listing = (None, None), True
            return
        bullet = _BULLET.match(line)
        if bullet and self.listing:
            title, lead = _split_lead(clean(bullet.group("t")))
            lead_start = s + line.rfind(lead) if lead else None
            self.add(title, s + bullet.start("t"), e, lead=lead, lead_start=lead_start)
            return
        date, written, rest = _date_heading(line, self.years)
        self.listing = bool(written)
        if written:
            self.current = (date, written)
            if rest and "\t" not in line:
                title, lead = _split_lead(rest)
                lead_start = s + line.rfind(lead) if lead else None
                self.add(title, s + line.find(rest[:10]), e, lead=lead, lead_start=lead_start)

    def tabled(self, s: int, e: int, cells: list[str], offsets: list[int]) -> None:
        """A table row: a header naming the columns, a heading row, or an item."""
        if len(cells) < 3:
            if len(cells) == 1 and _UNDATED.match(clean(cells[0])):
                self.current = (None, None)
            return
        labels = [clean(c) for c in cells]
        header = {
            key: i
            for key, rx in _COLUMNS.items()
            for i, label in enumerate(labels)
            if rx.search(label) and len(label) < 40
        }
        if "title" in header and len(header) >= 3:
            if "date" not in header:
                self.current = (None, None)  # a table of undated items
            self.cols, self.listing = header, False
            return
        if self.cols is None:
            return
        if (_UNDATED.match(labels[0]) and not any(labels[1:])) or re.match(
            r"Items? for\b", labels[0]
        ):
            self.current = (None, None)
            return
        self._item(s, e, cells, offsets, labels, self.cols)

    def _item(
        self,
        s: int,
        e: int,
        cells: list[str],
        offsets: list[int],
        labels: list[str],
        cols: dict[str, int],
    ) -> None:
        def cell(key: str) -> str:
            i = cols.get(key)
            return labels[i] if i is not None and i < len(labels) else ""

        if cell("date"):
            self.current = _date(cell("date"), self.years)
        lead = cell("lead") or None
        if lead and re.fullmatch(r"(?i)tbc|tba|n/?a|-|–", lead):
            lead = None
        lead_start = None
        if lead and "lead" in cols:
            raw = cells[cols["lead"]]
            lead_start = s + offsets[cols["lead"]] + (len(raw) - len(raw.lstrip()))
        self.add(
            cell("title"), s, e, detail=cell("detail") or None, lead=lead, lead_start=lead_start
        )


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
