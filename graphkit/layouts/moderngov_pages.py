"""ModernGov's pages other than a meeting's own page: shared reading, and the index.

ModernGov (used by hundreds of UK councils) publishes one meeting on many pages: an
agenda item (``mgAi.aspx``), an issue's history (``ieIssueDetails.aspx``,
``mgIssueHistoryHome.aspx``), a decision (``ieDecisionDetails.aspx``), the attendance
(``mgMeetingAttendance.aspx``), a committee's meetings (``ieListMeetings.aspx``), the
decisions published (``mgDelegatedDecisions.aspx``) and the councillors
(``mgMemberIndex.aspx``, ``mgUserInfo.aspx``). Each kind is one layout in its own module
(``moderngov_item``, ``moderngov_issue``, ``moderngov_decision``, ``moderngov_attendance``,
``moderngov_listing``); this module holds what they share (the page's first lines, its
"Label: value" fields, the "Meeting: 05/03/2025 - Planning Committee (Item 56.)" line,
an item's heading) and the councillors' pages, which hold no meeting.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from importlib import import_module

from ..dates import find_dates, find_times
from ..model import (
    ActionRecord,
    AttendanceRecord,
    Document,
    ItemRecord,
    MeetingRecord,
    MeetingRef,
)
from ..platform import page_name, platform_id, query, strip_noise
from ..segment.actions import find_actions
from ..segment.attendance import apologies_in_item, apologies_in_text
from ..segment.decisions import find_resolutions
from ..segment.refs import one_per_meeting
from ..segment.text import clean, lines, paragraphs
from .moderngov_apologies import softened
from .moderngov_refs import page_refs
from .registry import register

__all__ = [
    "BY_ADDRESS",
    "BY_HEADING",
    "MeetingLine",
    "apologies",
    "committee_name",
    "content_start",
    "detect_page",
    "field",
    "first_lines",
    "item_heading",
    "item_record",
    "meeting_id_shown",
    "meeting_refs",
    "read_meeting_line",
]

#: how sure a layout is of a page its address names, and of one only its heading names
BY_ADDRESS = 0.95
BY_HEADING = 0.8

MEMBER_PAGES = (
    "mgmemberindex.aspx",
    "mgmemberindexmp.aspx",
    "mgmemberindexward.aspx",
    "mguserinfo.aspx",
    "mgcommitteedetails.aspx",
)
# a councillors' page's own heading: "Your Councillors", "Councillors", "Councillor details"
MEMBER_HEADING = re.compile(
    r"(?i)(?:your\s+|our\s+|find\s+your\s+|local\s+)?councillors?(?:\s+(?:index|details|by\s+\w+))?"
)
# the labels of a page's fields; a line that is one of them is no item title
FIELD_LABELS = (
    "Meeting",
    "Made at meeting",
    "Decided at meeting",
    "Minutes",
    "Decision",
    "Decisions",
    "Purpose",
    "Supporting documents",
    "Additional documents",
    "Decision maker",
    "Decision status",
    "Decision type",
    "Decision due",
    "Date of decision",
    "Wards affected",
    "Lead member",
    "Lead officer",
    "Contact",
    "Summary",
)
_LABEL_LINE = re.compile(
    r"(?i)^(?:" + "|".join(re.escape(x) for x in FIELD_LABELS) + r")\s*\??\s*:(?:\s|$)"
)
# "(Item 56.)", "(Item 5a)", "; Item 5": the item's number on a meeting line
_ITEM_REF = re.compile(r"[(;,]\s*(?:Item|Eitem)\s+(?P<n>[\w/.]+?)\.?\s*\)?\s*$", re.I)
# an item's heading: "56. Title", "8 Title", "5a Title"
_NUMBERED = re.compile(r"^(?P<n>\d{1,3}[a-z]?(?:\.\d{1,2})?)\.?[ \t]+(?P<t>\S.*)$")
_NUMBER_ALONE = re.compile(r"^(?P<n>\d{1,3}[a-z]?)\.?$")
# the purpose of an item written where its title would stand: "To receive the report ..."
_PURPOSE = re.compile(r"^To\s+(?:receive|consider|note|approve|agree|review|discuss|scrutinise)\b")
# "ORDERED" (some councils' label for what the committee decided), before "That ..." parts
ORDERED = re.compile(r"(?m)^[ \t]*(?:ORDERED|Ordered)\b[ \t]*[:–—-]?[ \t]*(?=\n|[Tt]hat\b)")
_DECISION_PART = re.compile(r"(?i)that\b|\(?[a-z0-9]{1,3}[.)][ \t]|[-•·][ \t]")
_VALUE_BELOW = re.compile(r"[ \t]*\n(?:[ \t]*\n)?[ \t]*(?P<v>[^\n]{1,150}?)[ \t]*(?=\n|$)")
# the platform's heading of an issue's page before its title
_PAGE_HEADING = re.compile(r"(?i)issue\s*[-–]\s*items\s+at\s+meetings\s*[-–]\s*(?=\S)")
_MID_IN_TEXT = re.compile(r"\b(?:MId|MeetingId)=(?P<id>\d+)", re.I)


def content_start(text: str) -> int:
    """Where the page's own text starts: after a saved page's ``URL:`` line.

    >>> content_start("URL: https://x.gov.uk/mgAi.aspx?ID=1\\n\\nAgenda item")
    37
    """
    m = re.match(r"\s*URL:[^\n]*\n", text)
    return m.end() if m else 0


def first_lines(text: str, count: int = 4) -> list[tuple[int, int, str]]:
    """The first ``count`` lines of the page that hold text, cleaned, with their spans."""
    out: list[tuple[int, int, str]] = []
    for s, e, line in lines(text, content_start(text)):
        if clean(line):
            out.append((s, e, clean(line)))
            if len(out) == count:
                break
    return out


def detect_page(doc: Document, pages: tuple[str, ...], heading: re.Pattern[str]) -> float:
    """How sure a layout is of ``doc``: its address names one of ``pages``, or (where the
    address is not a ModernGov page) one of its first lines is ``heading``."""
    name = page_name(doc)
    if name in pages:
        return BY_ADDRESS
    if name.endswith(".aspx") and name.startswith(("mg", "ie")):
        return 0.0  # another ModernGov page: its address says what it is
    if any(heading.fullmatch(line) for _, _, line in first_lines(doc.text, 3)):
        return BY_HEADING
    return 0.0


def field(
    plain: str, label: str, start: int = 0, end: int | None = None
) -> tuple[str, int, int] | None:
    """The value of the first "Label: value" line in ``plain[start:end]`` and its span;
    ``label`` is a regular expression.

    >>> field("Decision Maker: Cabinet\\nDecision status: Approved", "Decision\\\\s+maker")
    ('Cabinet', 16, 23)
    >>> field("Made at meeting:\\n19/01/2023 - Council\\n", "Made at meeting")[0]
    '19/01/2023 - Council'
    """
    rx = re.compile(rf"(?im)^[ \t]*(?:{label})[ \t]*\??[ \t]*:[ \t]*(?P<v>[^\n]*?)[ \t]*$")
    m = rx.search(plain, start, len(plain) if end is None else end)
    if not m:
        return None
    if not m.group("v"):
        # the value on the line below the label ("Decision Maker:" / "Cabinet")
        below = _VALUE_BELOW.match(plain, m.end())
        if below and not _LABEL_LINE.match(below.group("v")) and ":" not in below.group("v"):
            return below.group("v"), below.start("v"), below.end("v")
    return m.group("v"), m.start("v"), m.end("v")


def committee_name(raw: str) -> str:
    """A committee's name as written, without "the", "meeting of" or a trailing "meeting".

    >>> committee_name("Meeting of the Executive Board meeting,")
    'Executive Board'
    """
    name = clean(raw).strip(" ,;–-")
    name = re.sub(r"^(?:(?:a\s+)?meeting\s+of\s+|by\s+)?(?:the\s+)?", "", name, flags=re.I)
    name = re.sub(r"\s+meeting$", "", name, flags=re.I)
    return name.replace("’", "'").strip(" ,;–-")


@dataclass(frozen=True)
class MeetingLine:
    """A meeting as a ModernGov page names it in one line."""

    date: dt.date
    time: dt.time | None
    committee: str
    item: str | None  # the item's number at that meeting, where given


def read_meeting_line(value: str) -> MeetingLine | None:
    """The meeting a line names: "05/03/2025 - Planning Committee (Item 56.)",
    "Planning Committee - Tuesday, 5th March, 2025 7.00 pm", "Meeting of Cabinet, 4 May 2021".

    >>> read_meeting_line("15/06/2021 - Executive (Item 19)")
    MeetingLine(date=datetime.date(2021, 6, 15), time=None, committee='Executive', item='19')
    >>> read_meeting_line("Meeting of Cabinet, Tuesday, 4th May, 2021 2.00 pm").time
    datetime.time(14, 0)
    >>> read_meeting_line("Cabinet") is None
    True
    """
    value = clean(value)
    ref = _ITEM_REF.search(value)
    number = ref.group("n").rstrip(".") if ref else None
    if ref:
        value = value[: ref.start()]
    found = next((d for d in find_dates(value) if d.date is not None), None)
    if found is None or found.date is None:
        return None
    rest = value[: found.start] + " " + value[found.end :]
    time = next((t for t, _, _ in find_times(value[found.end :], header=True)), None)
    for _, s, e in sorted(find_times(rest, header=True), key=lambda x: -x[1]):
        rest = rest[:s] + rest[e:]
    return MeetingLine(found.date, time, committee_name(rest), number)


def _heading_like(line: str) -> bool:
    """A line that can be an item's title: short, not a sentence, not a field label.

    >>> _heading_like("Refresh of the Work Programme"), _heading_like("Minutes:")
    (True, False)
    """
    words = line.split()
    if not words or len(words) > 30 or _LABEL_LINE.match(line.strip()):
        return False
    return not (line.rstrip().endswith(".") and len(words) > 8)


def _text_lines(text: str, start: int, end: int, count: int) -> list[tuple[int, str]]:
    """The first ``count`` lines with text in ``text[start:end]``: (where the text starts,
    the line without its link noise)."""
    out: list[tuple[int, str]] = []
    for s, _, line in lines(text, start, end):
        if clean(line):
            out.append((s + len(line) - len(line.lstrip()), strip_noise(line.strip())))
            if len(out) == count:
                break
    return out


def item_heading(
    text: str, start: int, end: int, *, purpose: bool = True
) -> tuple[str | None, str, int] | None:
    """(number, title, title_start) of the item whose heading is the first line with text
    in ``text[start:end]``: "56. Title", "8 Title pdf icon PDF 386 KB", "56." over "Title";
    where the page gives no title, its purpose line ("To receive the report ..."), unless
    ``purpose`` is false (a page whose title is its own: the purpose is no title).

    >>> item_heading("\\n56. Planning Application pdf icon PDF 90 KB\\nMinutes:", 0, 50)
    ('56', 'Planning Application', 5)
    """
    found = _text_lines(text, start, end, 2)
    if not found:
        return None
    s, line = found[0]
    alone = _NUMBER_ALONE.match(line)
    if alone:
        if len(found) > 1 and _heading_like(found[1][1]):
            return alone.group("n"), clean(found[1][1]), found[1][0]
        return None
    numbered = _NUMBERED.match(line)
    if numbered and _heading_like(numbered.group("t")):
        return numbered.group("n"), clean(numbered.group("t")), s + numbered.start("t")
    if _heading_like(line):
        page = _PAGE_HEADING.match(line)  # "Issue - items at meetings - Title": the title
        return None, clean(line[page.end() :] if page else line), s + (page.end() if page else 0)
    if purpose and _PURPOSE.match(line) and len(line) <= 250:
        return None, clean(line).rstrip("."), s
    return None


def meeting_id_shown(doc: Document) -> str | None:
    """The platform's id of the meeting a page shows: its address's ``MId``, or a link to
    the meeting written in its text; never an item's or an issue's id."""
    if any(k in query(doc) for k in ("mid", "meetingid")):
        return platform_id(doc)
    m = _MID_IN_TEXT.search(doc.text)
    return platform_id(doc, value=m.group("id")) if m else None


def _ordered(
    text: str, plain: str, start: int, end: int, found: list[ActionRecord]
) -> list[ActionRecord]:
    """Decisions under an "ORDERED" label, which the general reader does not know: the
    "That ..." (or lettered) paragraphs after it."""
    out: list[ActionRecord] = []
    for m in ORDERED.finditer(plain, start, end):
        s = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
        if any(r.start <= s < r.end for r in found):
            continue
        e = s
        for ps, pe in paragraphs(plain, m.end(), end):
            if not _DECISION_PART.match(plain[ps:pe]):
                break
            e = pe
        if e > s:
            out.append(ActionRecord(text=clean(text[s:e]), start=s, end=e, kind="resolution"))
    return out


def item_record(
    doc: Document,
    plain: str,
    heading: tuple[str | None, str, int],
    *,
    start: int,
    end: int,
    position: int = 1,
) -> ItemRecord:
    """An item spanning ``[start, end)`` with its decisions and actions."""
    number, title, title_start = heading
    resolutions = find_resolutions(doc.text, plain, start, end)
    resolutions = sorted(
        resolutions + _ordered(doc.text, plain, start, end, resolutions), key=lambda r: r.start
    )
    return ItemRecord(
        number=number,
        title=title,
        position=position,
        start=start,
        end=end,
        title_start=title_start,
        resolutions=tuple(resolutions),
        actions=tuple(find_actions(doc.text, plain, start, end)),
    )


def apologies(doc: Document, plain: str, item: ItemRecord) -> tuple[AttendanceRecord, ...]:
    """The apologies an item records: as a sentence, or listed under an "Apologies" item."""
    # the shared reader, with the wording it stops at ("were also received") blanked
    found = list(
        apologies_in_text(doc.text, softened(plain, item.start, item.end), item.start, item.end)
    )
    if re.match(r"(?i)apolog", item.title):
        found += apologies_in_item(doc.text, plain, item.title_start, item.end)
    return tuple({(a.start, a.end): a for a in found}.values())


def meeting_refs(plain: str, start: int, end: int, *, on: dt.date | None) -> tuple[MeetingRef, ...]:
    """The other meetings ``plain[start:end]`` refers to, each once: "To approve the minutes
    of the meeting held on 4 May" and "RESOLVED that the minutes of the meeting held on
    4 May be approved" approve one meeting; approving outranks referring."""
    return one_per_meeting(page_refs(plain, start, end, on))


def _detect_members(doc: Document) -> float:
    return detect_page(doc, MEMBER_PAGES, MEMBER_HEADING)


def _read_members(doc: Document) -> list[MeetingRecord]:
    """A councillors' page records no meeting; its people are found over its whole text."""
    return []


register(
    "moderngov_members",
    "ModernGov councillors' pages (mgMemberIndex, mgUserInfo, mgCommitteeDetails): no meeting",
    detect=_detect_members,
    read=_read_members,
)

# the page kinds register themselves on import (they import this module's helpers, so come last)
KINDS = ("attendance", "decision", "issue", "item", "listing")
for _kind in KINDS:
    import_module(f"{__package__}.moderngov_{_kind}")
