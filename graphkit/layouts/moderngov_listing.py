"""ModernGov listings: a committee's meetings (``ieListMeetings.aspx?CId=…``) and the
decisions published (``mgDelegatedDecisions.aspx``).

A committee's meetings page is headed by the committee's name ("This page lists the
meetings for X", "Information about X") and lists its meetings one a line
("Thursday, 21st January, 2021 7.00 pm", "21 Jan 2021 7.00 pm CANCELLED"): one record per
meeting held, with no items; a meeting cancelled or postponed was not held on that date
and is left out. The decisions page lists decisions ("19/01/2023 - Title ref: 5466",
"Decision Maker:", "Made at meeting: 19/01/2023 - Council", "Decision:"): one record per
meeting (or per maker and day, for a decision made at none), each decision an item.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from ..dates import find_dates, find_times
from ..model import Document, ItemRecord, MeetingRecord, MeetingRef
from ..segment.text import clean, lines, plain
from .moderngov_pages import (
    BY_HEADING,
    committee_name,
    content_start,
    detect_page,
    field,
    first_lines,
    item_record,
    meeting_refs,
    read_meeting_line,
)
from .registry import register

__all__ = ["detect_decisions", "detect_meetings", "read_decisions", "read_meetings"]

MEETINGS_PAGES = ("ielistmeetings.aspx",)
MEETINGS_HEADING = re.compile(
    r"(?i)(?:browse\s+|council\s+|committee\s+)?meetings(?:\s+by\s+committee)?|meetings\s+calendar"
)
# headings on a meetings page that are not the committee's name
GENERIC_HEADING = re.compile(
    r"(?i)(?:browse\s+|council\s+|committee\s+|all\s+)?meetings(?:\s+by\s+committee)?"
    r"|committee\s+(?:details|structure)|information\s+about\b.*|past\s+meetings|future\s+meetings"
)
# the page's own title before the committee's name on its line
_LISTING_TITLE = re.compile(
    r"(?i)^(?:browse\s+|council\s+|committee\s+|all\s+)?meetings(?:\s+by\s+committee)?\s+[-–]\s+(?=\S)"
)
LISTS_FOR = re.compile(r"(?im)\bmeetings\s+(?:for|of)\s+(?P<c>[^.\n]{3,150}?)\s*\.?[ \t]*$")
INFO_ABOUT = re.compile(r"(?im)^[ \t]*Information\s+about\s+(?P<c>[^\n]{3,150}?)[ \t]*$")
# a listed meeting that was not held on its date
NOT_HELD = re.compile(r"(?i)\b(?:cancel+ed|postponed|withdrawn|abandoned|deferred)\b")
WEEKDAY_PREFIX = re.compile(r"(?i)(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?")
#: words a meeting's line may carry after its date and time ("CANCELLED", "(Reconvened)")
MEETING_LINE_WORDS = 8

DECISIONS_PAGES = ("mgdelegateddecisions.aspx",)
DECISIONS_HEADING = re.compile(
    r"(?i)(?:recent\s+|delegated\s+|officer\s+)?decisions(?:\s+published)?"
)
DECISION_ENTRY = re.compile(
    r"(?m)^[ \t]*(?P<d>\d{1,2}/\d{1,2}/\d{4})[ \t]+[-–][ \t]+(?P<t>[^\n]*?)"
    r"(?:[ \t]+ref:[ \t]*\S+[^\n]*)?[ \t]*$"
)
MAKER_LABEL = r"Decision\s+(?:maker|taker)"
MADE_AT_LABEL = r"(?:Made|Decided|Taken)\s+at\s+meeting"


def detect_meetings(doc: Document) -> float:
    return detect_page(doc, MEETINGS_PAGES, MEETINGS_HEADING)


def _committee(doc: Document, p: str) -> str:
    """The committee a meetings page lists: named in a sentence, or as a heading."""
    head = p[: content_start(doc.text) + 4000]
    m = LISTS_FOR.search(head) or INFO_ABOUT.search(head)
    if m:
        return committee_name(m.group("c"))
    for _, _, written in first_lines(doc.text, 6):
        line = _LISTING_TITLE.sub("", written)  # "Browse meetings - Scrutiny Board"
        if (
            not GENERIC_HEADING.fullmatch(line)
            and len(line.split()) <= 12
            and not line.endswith(".")
            and not any(d.date for d in find_dates(line))
        ):
            return committee_name(line)
    return ""


def _listed(line: str) -> tuple[dt.date, dt.time | None] | None:
    """The date and time of a line that lists a meeting held; None for other lines."""
    found = next(iter(find_dates(line)), None)
    if found is None or found.date is None:
        return None
    prefix = line[: found.start].strip()
    if prefix and not WEEKDAY_PREFIX.fullmatch(prefix):
        return None  # a date inside a sentence or a heading
    rest = line[found.end :]
    times = list(find_times(rest, header=True))
    for _, s, e in sorted(times, key=lambda x: -x[1]):
        rest = rest[:s] + rest[e:]
    if NOT_HELD.search(rest) or len(rest.split()) > MEETING_LINE_WORDS:
        return None
    return found.date, times[0][0] if times else None


def read_meetings(doc: Document) -> list[MeetingRecord]:
    """One record per meeting the page lists as held, dated, with the page's committee."""
    p = plain(doc.text)
    committee = _committee(doc, p)
    out = []
    for s, e, line in lines(p, content_start(doc.text)):
        when = _listed(clean(line))
        if when is None:
            continue
        out.append(
            MeetingRecord(
                source=doc.source,
                section="web_page",
                committee=committee,
                date=when[0],
                start=s,
                end=e,
                start_time=when[1],
                name=clean(line),
            )
        )
    return out


def detect_decisions(doc: Document) -> float:
    score = detect_page(doc, DECISIONS_PAGES, DECISIONS_HEADING)
    if score == BY_HEADING and field(plain(doc.text), MAKER_LABEL) is None:
        return 0.0  # "Decisions" heads many pages; a list of them names their makers
    return score


def _decision(
    doc: Document, p: str, m: re.Match[str], end: int
) -> tuple[tuple[dt.date, str], ItemRecord, tuple[MeetingRef, ...]] | None:
    """The meeting (date, committee) that made one listed decision, the decision, and the
    meetings it refers to ("PART 2 MINUTES - 22 SEPTEMBER 2022 … Recommendations
    Approved" approves that meeting's minutes)."""
    made_at = field(p, MADE_AT_LABEL, m.end(), end)
    meeting = read_meeting_line(made_at[0]) if made_at else None
    maker = field(p, MAKER_LABEL, m.end(), end)
    listed = read_meeting_line(m.group("d"))
    date = meeting.date if meeting else (listed.date if listed else None)
    committee = (meeting.committee if meeting else "") or (
        committee_name(maker[0]) if maker else ""
    )
    if date is None:
        return None
    title = clean(m.group("t"))
    item = item_record(doc, p, (None, title, m.start("t")), start=m.start(), end=end)
    return (date, committee), item, meeting_refs(p, m.start(), end, on=date)


def read_decisions(doc: Document) -> list[MeetingRecord]:
    """One record per meeting (or maker and day) with the decisions it made as items."""
    p = plain(doc.text)
    entries = list(DECISION_ENTRY.finditer(p, content_start(doc.text)))
    groups: dict[tuple[dt.date, str], list[ItemRecord]] = {}
    refs: dict[tuple[dt.date, str], list[MeetingRef]] = {}
    for k, m in enumerate(entries):
        end = entries[k + 1].start() if k + 1 < len(entries) else len(doc.text)
        found = _decision(doc, p, m, end)
        if found is not None:
            key, item, referred = found
            groups.setdefault(key, []).append(item)
            refs.setdefault(key, []).extend(referred)
    out = []
    for (date, committee), items in groups.items():
        numbered = tuple(replace(i, position=k) for k, i in enumerate(items, 1))
        out.append(
            MeetingRecord(
                source=doc.source,
                section="web_page",
                committee=committee,
                date=date,
                start=numbered[0].start,
                end=numbered[-1].end,
                name=f"Decisions: {committee}" if committee else "Decisions",
                items=numbered,
                refs=tuple(refs[(date, committee)]),
            )
        )
    return out


register(
    "moderngov_meetings_list",
    "ModernGov lists of a committee's meetings (ieListMeetings): one record per meeting",
    detect=detect_meetings,
    read=read_meetings,
)
register(
    "moderngov_decisions_list",
    "ModernGov lists of decisions (mgDelegatedDecisions): the decisions of each meeting",
    detect=detect_decisions,
    read=read_decisions,
)
