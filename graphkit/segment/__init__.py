"""Stage 2: split a document into meeting records.

A document holds one or more sections, each starting at a header: minutes
("Minutes of the Meeting of X held at ... on DATE"), an agenda ("X / Time and
Date / ... / Place"), a web "agenda and minutes" page ("X - Thursday, DATE"), a
briefing note ("To: X / DATE / Subject: ..."), or a work programme ("X Work
Programme 2021-22"). In an agenda pack, the briefing notes and work programme
that follow the agenda are papers for its items.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from .. import lexicon
from ..dates import DATE_IN_WORDS, DATE_TEXT, TIME_TEXT, find_dates, find_times
from ..model import (
    ActionRecord,
    AttendanceRecord,
    Document,
    ItemRecord,
    MeetingRecord,
    MeetingRef,
)
from ..names import ANY_COUNCILLOR, find_names
from ..platform import platform_id
from .actions import find_actions
from .attendance import (
    Heading,
    apologies_in_item,
    apologies_in_text,
    heading_of,
    parse_attendance,
)
from .decisions import find_resolutions
from .items import find_items
from .marked import marked_attendance
from .refs import find_refs, one_per_meeting
from .text import WRAPPED, clean, lines, plain
from .workprogramme import find_rows, programme_years, rows_added

__all__ = ["Section", "find_sections", "segment"]


@dataclass
class Section:
    kind: str  # minutes, agenda, web_page, briefing_note, work_programme
    start: int
    header_end: int
    committee: str
    date: dt.date | None
    end: int = 0
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    venue: str | None = None
    title: str | None = None  # the briefing note's subject, the work programme's title
    extras: dict[str, object] = field(default_factory=dict)


_MINUTES = re.compile(
    r"(?m)^[ \t]*(?i:minutes?)\s+(?i:of)\s+(?i:the\s+|a\s+)?(?:(?i:meeting|proceedings)\s+(?i:of)\s+(?i:the\s+)?)?"
    r"(?P<committee>[^\n]{3,150}?)[ \t]*(?:\n[ \t]*)*\b(?i:held)\b(?P<rest>[^\n]{0,200})"
)
_AGENDA = re.compile(r"(?m)^[ \t]*Time\s+and\s+Date[ \t]*\n(?:[ \t]*\n)*(?P<when>[^\n]+)")
_WEB = re.compile(
    rf"(?m)^[ \t]*(?P<committee>[^\n]{{3,150}}?)\s+[-–]\s+(?P<when>{DATE_TEXT}[^\n]*)$"
)
# a web page about one item: "Meeting: 05/03/2025 - Planning Committee (Item 56.)"
_WEB_ISSUE = re.compile(
    r"(?m)^[ \t]*Meeting:[ \t]*(?P<when>\d{1,2}/\d{1,2}/\d{4})[ \t]+[-–][ \t]+"
    r"(?P<committee>[^\n(]{3,150}?)[ \t]*(?:\((?i:item)[^)\n]*\))?[ \t]*$"
)
_BRIEFING = re.compile(
    r"(?m)^[ \t]*To:[ \t]*(?P<committee>[^\n]+)\n(?:[ \t]*\n)*(?:[ \t]*Date:)?(?P<when>[^\n]*\d{4}[^\n]*)\n"
    r"(?:[ \t]*\n)*[ \t]*Subject:[ \t]*(?P<subject>[^\n]+)"
)
# "X Work Programme 2021-22", "X – Work Plan for 2024/25", "X WORK PROGRAMME 2024-2025 (updated
# 3 June)"; not a numbered item heading in minutes ("8. Work Programme 2024/25")
_WORK_PROGRAMME = re.compile(
    r"(?m)^[ \t]*(?P<committee>(?!\d)[^\n]{0,150}?)[ \t]*(?i:Work\s+(?:Programme|Plan))\s+"
    r"(?i:for\s+)?(?:[-–:][ \t]*)?(?P<years>(?:19|20)\d\d\s*[-/–]\s*\d{2,4})"
    r"(?:[ \t]*\([^)\n]{0,40}\))?[ \t]*$"
)
# "Scrutiny Work Programme", "Work Programme" alone on a line: a work programme only where a
# table of dated rows follows
_WORK_PROGRAMME_BARE = re.compile(
    r"(?m)^[ \t]*(?:#+[ \t]*)?(?P<committee>(?!\d)[^\n|]{0,120}?)[ \t]*"
    r"(?i:Work\s+(?:Programme|Plan))[ \t]*$"
)
_COMMITTEE_WORDS = lexicon.committee_words_pattern()
_SMALL_WORDS = lexicon.minor_words()
_KINDS = lexicon.alternation(lexicon.council_kinds())


# the meeting's date after the committee's name on its line
_DATED = re.compile(rf"\s+[-–]\s+{DATE_TEXT}.*$")  # DATE_TEXT has the weekday


def _committee(raw: str) -> str:
    """A committee's name as written, without "the" or a trailing "meeting".

    >>> _committee("THE PLANNING AND LICENSING COMMITTEE"), _committee("the Planning Committee meeting")
    ('Planning and Licensing Committee', 'Planning Committee')
    >>> _committee("Notice of meeting of Licensing Committee")
    'Licensing Committee'
    >>> _committee("Licensing Committee - Tuesday, 12 March 2024")
    'Licensing Committee'
    >>> _committee("Report to:   Overview and Scrutiny Board")
    'Overview and Scrutiny Board'
    >>> _committee("Notice is hereby given that a meeting of the Transport Committee will be held as follows:")
    'Transport Committee'
    """
    name = clean(raw)
    # "Report to: X", "Committee: X"; "Notice is hereby given that a meeting of X will be held"
    name = re.sub(
        r"^(?:report\s+to|to|committee|meeting|decision\s+maker)\s*:\s*", "", name, flags=re.I
    )
    summoned = re.match(
        r"(?i)notice\s+is\s+hereby\s+given\s+that\s+a\s+meeting\s+of\s+(.+?)\s+will\s+be\s+held\b",
        name,
    )
    name = summoned.group(1) if summoned else name
    name = re.sub(r"^(?:notice\s+of\s+(?:a\s+)?meeting\s+of\s+)", "", name, flags=re.I)
    if " / " in name and _COMMITTEE_WORDS.search(name.rsplit(" / ", 1)[1]):
        name = name.rsplit(" / ", 1)[1]  # "Pwyllgor Archwilio / Audit Committee": in English
    name = re.sub(r"^(?:the|a)\s+", "", name, flags=re.I)
    name = _DATED.sub("", name)  # "Licensing Committee - Tuesday, 12 March 2024"
    name = re.sub(r"\s+meeting$", "", name, flags=re.I)
    if name.isupper():  # a letterhead in capitals: "PLANNING COMMITTEE"
        name = " ".join(
            w.lower() if k and w.lower() in _SMALL_WORDS else w.capitalize()
            for k, w in enumerate(name.split())
        )
    return name.replace("’", "'")


# a field's label: "Date:", a Welsh council's "Dyddiad / Date:", or set apart by a tab
_WELSH = r"(?:[^\W\d_]+[ \t]*/[ \t]*)?"
_SEP = r"(?:[ \t]*:|\t)[ \t]*"
_DATE_LINE = re.compile(
    rf"(?im)^[ \t]*{_WELSH}(?:date(?:\s+of\s+meeting)?|meeting\s+date|date\s+and\s+time){_SEP}"
    r"(?P<when>[^\n]+)"
)
_TIME_FIELD = re.compile(rf"(?im)^[ \t]*{_WELSH}time{_SEP}(?P<t>[^\n]+)")
_VENUE_FIELD = re.compile(rf"(?im)^[ \t]*{_WELSH}(?:venue|place|location){_SEP}(?P<v>[^\n]+)")
_COUNCIL_NAME = re.compile(rf"^[\w .'’-]+\b{_KINDS}\s+Council$", re.I)


def _date_block(doc: Document, p: str) -> list[Section]:
    """A header written as fields under the committee's name:
    "Planning Committee / Date: Tuesday 5 March 2024 / Time: 10am / Venue: ..." """
    m = _DATE_LINE.search(p[:2500]) or _BARE_DATE_LINE.search(p[:1500])
    if not m:
        return []
    date, time = _when(m.group("when"))
    if date is None:
        return []
    committee = _committee_above(p, m.start())
    if not committee:
        return []
    head = p[m.start() : m.start() + 600]
    tm = _TIME_FIELD.search(head)
    vm = _VENUE_FIELD.search(head)
    ends = [m.end()] + [m.start() + x.end() for x in (tm, vm) if x is not None]
    venue = clean(vm.group("v")).rstrip(".") if vm else None
    if venue is None:
        # a place on the line below a bare date: "Tuesday 4 March 2025 at 7pm / Town Hall"
        venue = _place_below(p, m.end())
    kind = "minutes" if _present_block(p, 0, len(p)) else "agenda"
    return [
        Section(
            kind,
            0,
            max(ends),
            _committee(re.sub(r"^(?i:minutes|agenda)\s+(?i:of)\s+(?:(?i:the)\s+)?", "", committee)),
            date,
            start_time=time or (_when(tm.group(0))[1] if tm else None),  # "Time: 10.00"
            venue=venue,
        )
    ]


# a date on a line of its own near the top: "Tuesday 4th March 2025 at 7.00pm",
# "Minutes - 4 March 2025"
_BARE_DATE_LINE = re.compile(
    r"(?im)^[ \t]*(?:(?:minutes|agenda|meeting)[ \t]*[-–:]?[ \t]*)?"
    rf"(?P<when>{DATE_IN_WORDS}[^\n]{{0,40}})$"
)
_PLACE_WORDS = f"(?i:{lexicon.alternation(lexicon.lines('venue_words.txt'))})"


# "Children and Young People Panel – 23 February 2009" heading the page
# (in capitals too: "CHILDREN AND YOUNG PEOPLE PANEL – 23 FEBRUARY 2009")
_DASHED_TOP = re.compile(
    rf"(?m)^[ \t]*(?P<committee>[^\n]{{3,150}}?)[ \t]+[-–—][ \t]+(?P<when>{DATE_TEXT})[ \t]*$"
)
# a letterhead run into one line (PDF text): "NORTHWICK BOROUGH COUNCIL PLANNING COMMITTEE
# TUESDAY, 05 MARCH 2024 AT 14:00 HOURS IN COMMITTEE ROOM 2, TOWN HALL A G E N D A 1 ..."
_CAPS_LINE = re.compile(
    r"(?m)^[ \t]*(?P<committee>[A-Z][A-Z ,&'’-]{2,200}?\b"
    + lexicon.alternation(frozenset(w.upper() for w in lexicon.committee_words()))
    + r")[ \t,]+"
    r"(?P<when>(?:(?:MON|TUES|WEDNES|THURS|FRI|SATUR|SUN)DAY,?[ \t]+)?\d{1,2}(?:ST|ND|RD|TH)?"
    r"[ \t]+[A-Z]{3,9},?[ \t]+\d{4})(?P<rest>[^\n]*)"
)
# a letterhead's line in capitals that goes on below: it ends in a word that joins ("...
# OVERVIEW AND"), or PDF text wrapped it at the page's width, capitals on both sides
_CAPS_JOINS = re.compile(r"[A-Z ](?:AND|OF|FOR|THE)[ \t]*$|[A-Z](?: &|,)[ \t]*$")
_CAPS_END = re.compile(r"[A-Z0-9][,&]?[ \t]*$")
_CAPS_START = re.compile(r"[ \t]*[A-Z0-9][A-Z0-9 ,&'’-]{2}")


def _caps_lines_joined(head: str) -> str:
    """``head`` with the line breaks inside a letterhead in capitals that goes on over
    lines made spaces (so the offsets stay).

    >>> _caps_lines_joined("THE OVERVIEW AND\\nSCRUTINY COMMITTEE\\nMinutes")
    'THE OVERVIEW AND SCRUTINY COMMITTEE\\nMinutes'
    >>> _caps_lines_joined("THE OVERVIEW AND\\nTHE OVERVIEW AND SCRUTINY COMMITTEE")
    'THE OVERVIEW AND\\nTHE OVERVIEW AND SCRUTINY COMMITTEE'
    """
    out = list(head)
    at = 0
    found = head.split("\n")
    for line, below in zip(found, found[1:], strict=False):
        at += len(line)
        if (
            _CAPS_START.match(below)
            and (_CAPS_JOINS.search(line) or (len(line) >= WRAPPED and _CAPS_END.search(line)))
            and not below.lstrip().startswith(line.strip())  # a cut title, then the whole
        ):
            out[at] = " "
        at += 1
    return "".join(out)


_LEAD_COUNCIL = re.compile(
    rf"^[A-Z][A-Z'’ -]*?\b{_KINDS.upper()}?[ \t]*COUNCIL"
    r"[ \t]+(?=\S)"
)
# a summons: "You are summoned to attend a meeting of the Council in the Council Chamber
# on Wednesday 23 January 2008 at 6 pm."
_SUMMONS = re.compile(
    r"(?i:summoned|invited|requested)\s+to\s+attend\s+(?i:a|the)\s+meeting\s+of\s+(?:(?i:the)\s+)?"
    r"(?P<committee>[^\n.]{3,120}?)\s+(?:(?i:to\s+be\s+held)\s+)?"
    r"(?:(?i:in|at)\s+(?P<place>[^\n]{0,150}?)\s+)?(?i:on)\s+(?P<when>[^\n.]{0,60}?\d{4}[^\n.]*)"
)
# a notice written as a sentence: "A meeting of the X will be held in <place> on <date>"
_NOTICE = re.compile(
    r"\b(?i:a)\s+(?i:meeting)\s+of\s+(?:(?i:the)\s+)?(?P<committee>[^\n.]{3,120}?)\s+"
    r"(?i:will|shall)\s+(?i:be\s+held)\s+"
    r"(?:(?i:in|at)\s+(?P<place>[^\n]{0,150}?),?\s+)?(?i:on)\s+(?P<when>[^\n.]{0,60}?\d{4}[^\n.]*)"
)
# what follows the summons' date: the rest of its time, and the place ("... at 6.30pm in
# the Jubilee Room, Hollinsby Community Centre, for the purpose ...")
_SUMMONS_AFTER = re.compile(
    rf"(?P<time>[.:]\d\d[ \t]*(?:[ap]\.?m\.?)?|\.\d\d|[ \t]*{TIME_TEXT})?"
    r"(?:[ \t]+(?i:in|at)[ \t]+(?P<place>(?i:the)[ \t][^\n.]{3,120}?)(?=,?[ \t]+(?i:for|to)\b|[.\n]))?"
)
_SPACED_AGENDA = re.compile(r"\bA ?G ?E ?N ?D ?A\b")


def _top_header(doc: Document, p: str) -> list[Section]:
    """A header in one of the forms other councils print at the top of a page: the
    committee and the date set apart by a dash, a letterhead in capitals run into one line,
    or a summons to attend."""
    head = p[:2500]
    m = _DASHED_TOP.search(head[:1200])
    if m and _COMMITTEE_WORDS.search(m.group("committee")):
        date, time = _when(m.group("when"))
        if date is not None:
            kind = "minutes" if _present_block(p, m.end(), m.end() + 1500) else "agenda"
            return [
                Section(
                    kind,
                    m.start(),
                    m.end(),
                    _committee(m.group("committee")),
                    date,
                    start_time=time,
                    venue=_place_below(p, m.end()),
                )
            ]
    # its line breaks in the middle of a name read as spaces (the offsets stay)
    joined = _caps_lines_joined(head)
    m = _CAPS_LINE.search(joined)
    if m:
        date, time = _when(m.group("when") + m.group("rest")[:40])
        raw = m.group("committee")
        lead = _LEAD_COUNCIL.match(raw)
        if lead and _COMMITTEE_WORDS.search(raw[lead.end() :]):
            raw = raw[lead.end() :]  # the council's name heads the letterhead
        rest = m.group("rest")
        agenda = _SPACED_AGENDA.search(rest)
        rest_end = m.start("rest") + (agenda.start() if agenda else len(rest))
        if date is not None:
            kind = "minutes" if _present_block(p, m.end(), m.end() + 2000) else "agenda"
            return [
                Section(
                    kind,
                    m.start(),
                    rest_end,
                    _committee(raw),
                    date,
                    start_time=time,
                    venue=_venue(joined[m.start("rest") : rest_end]),
                )
            ]
    # a summons is one sentence, which PDF text may wrap: its line breaks read as spaces
    joined = re.sub(r"(?<=\S)\n(?=\S)", " ", head)
    m = _SUMMONS.search(joined) or _NOTICE.search(joined)
    if m:
        # the time may hold a full stop the date's words stop at ("at 6.30pm", "10.00 a.m.")
        after = _SUMMONS_AFTER.match(joined, m.end("when"))
        date, time = _when(m.group("when") + (after.group("time") or "" if after else ""))
        name = clean(m.group("committee"))
        committee = "Council" if _COUNCIL_NAME.match(name) else _committee(name)
        if date is not None and _COMMITTEE_WORDS.search(name):
            place = clean(m.group("place") or (after.group("place") if after else "") or "") or None
            return [Section("agenda", 0, m.end(), committee, date, start_time=time, venue=place)]
    return []


def _committee_above(p: str, pos: int, limit: int = 2500) -> str:
    """The nearest line above ``pos`` that names a committee (not the council itself)."""
    for line in reversed(p[max(0, pos - limit) : pos].splitlines()):
        name = clean(line)
        if (
            name
            and _COMMITTEE_WORDS.search(name)
            and not _COUNCIL_NAME.match(name)
            and len(name) < 120
        ):
            return name
    return ""


def _venue(rest: str) -> str | None:
    """The place in the rest of a header line: "... at 7.00 pm at the Town Hall".

    >>> _venue(" IN THE COUNCIL CHAMBER ON TUESDAY 4 MARCH"), _venue(" ON 3 MARCH 2025 AT 7.00 PM AT THE TOWN HALL")
    ('THE COUNCIL CHAMBER', 'THE TOWN HALL')
    """
    vm = re.match(r"\s*(?i:at|in)\s+(?!\d)(?P<v>.+?)\s+(?i:on)\s+", rest) or re.search(
        r"\b(?i:at|in)\s+(?!\d)(?P<v>(?:(?i:the)\s+)?[A-Z][^\n]*?)[\s.*]*$", rest
    )
    if vm and not re.match(r"(?i:\d|noon|midday)", vm.group("v")):
        return clean(vm.group("v")).rstrip(".")
    return _venue_after_when(rest)


def _venue_after_when(rest: str) -> str | None:
    """A place written after the date and time, set off by a comma or a dash.

    >>> _venue_after_when(" March 4, 2025, 7:00 PM, Virtual meeting via Microsoft Teams")
    'Virtual meeting via Microsoft Teams'
    >>> _venue_after_when(" 4 March 2025, 7.00 pm, Planning applications"), _venue_after_when(" Room 4")
    (None, None)
    """
    ends = [e for _, _, e in find_times(rest, header=True)] + [d.end for d in find_dates(rest)]
    if not ends:
        return None
    vm = re.match(r"\s*[,–-]\s*(?P<v>[A-Z][^\n]*?)[\s.]*$", rest[max(ends) :])
    if vm and re.search(rf"\b{_PLACE_WORDS}\b", vm.group("v")):
        return clean(vm.group("v"))
    return None


def _venue_field(p: str, pos: int) -> str | None:
    """A "Venue:" (or "Place:", "Location:") line just below a header."""
    vm = re.match(
        r"(?:[ \t]*\n){1,3}[ \t]*(?i:venue|place|location)[ \t]*:[ \t]*(?P<v>[^\n]+)", p[pos:]
    )
    return clean(vm.group("v")).rstrip(".") if vm else None


def _wrapped_header(p: str, rest: str, end: int) -> tuple[str, int]:
    """The rest of a header line with the lines it wraps onto (PDF text): "... held on /
    Wednesday 12 February 2025 at 6.00 pm in the Council Chamber, Keldale Town / Hall"."""
    for _ in range(3):
        nxt = re.match(r"[ \t]*\n[ \t]*(?P<line>[^\n]*\S)[ \t]*$", p[end:], re.M)
        if not nxt:
            break
        line = nxt.group("line")
        if (
            ":" in line
            or _present_block(line, 0, len(line))
            or find_names(line, titled_only=True)
            or re.match(r"\d|(?i:in\s+attendance)", line)
        ):
            break
        dated = bool(_when(rest)[0])
        if not (
            not dated
            or re.search(r"\b(?i:on|at|in|held)\s*$", rest)
            or re.match(r"(?i:on|at|in)\b", line)
            or (len(line.split()) <= 3 and line[0].isupper() and not rest.rstrip().endswith("."))
        ):
            break
        rest, end = f"{rest} {line}", end + nxt.end()
    return rest, end


def _place_below(p: str, pos: int) -> str | None:
    """A place written alone on the line below a header, or below a blank line after it:
    "Council Chamber, Town Hall".

    >>> _place_below("THURSDAY, 4 SEPTEMBER 2025\\n\\nCOMMITTEE ROOM 3, COUNTY HALL\\n", 26)
    'COMMITTEE ROOM 3, COUNTY HALL'
    """
    below = re.match(
        r"(?:[ \t]*\n){1,2}[ \t]*(?P<v>[^\n:]*\b" + _PLACE_WORDS + r"\b[^\n:]*)$", p[pos:], re.M
    )
    return clean(below.group("v")).rstrip(".") if below else None


def _when(text: str) -> tuple[dt.date | None, dt.time | None]:
    dates = [d.date for d in find_dates(text) if d.date]
    times = [t for t, _, _ in find_times(text, header=True)]
    return (dates[0] if dates else None), (times[0] if times else None)


def _line_before(p: str, pos: int) -> str:
    """The last line before ``pos`` that is not blank nor a bare "Agenda" heading.

    >>> _line_before("Planning Committee\\n\\nAGENDA\\n  \\nTime and Date", 30)
    'Planning Committee'
    """
    width = 2000  # read back a window at a time, not the whole text before ``pos``
    while True:
        start = max(0, pos - width)
        lines = p[start:pos].splitlines()
        if start > 0:
            lines = lines[1:]  # the window's first line may be cut
        for line in reversed(lines):
            if line.strip() and not re.fullmatch(r"\s*(?:agenda|notice of meeting)\s*", line, re.I):
                return line
        if start == 0:
            return ""
        width *= 4


# a web page's heading on two lines, the committee above the date: "Planning Committee /
# Tuesday, 4 March 2025"
_PAGE_HEADING = re.compile(
    rf"(?m)^[ \t]*(?P<committee>[^\n]{{3,150}}?)[ \t]*\n[ \t]*(?P<when>{DATE_TEXT})[ \t]*$"
)


def _page_heading(doc: Document, p: str, found: list[Section]) -> list[Section]:
    """The meeting a platform's page of one document belongs to, when the document it
    shows is another meeting's: a page headed "Audit Committee / Tuesday, 4 March 2025"
    that holds the minutes of 2 December 2024 (an item of the March meeting) records two
    meetings. The heading is on two lines at the top of a page (a document with a web
    address), above every other header; where
    the document shown is of the same date, its own header already reads the meeting.
    """
    first = min((s.start for s in found), default=len(p))
    m = _PAGE_HEADING.search(p, 0, min(first, 1000))
    if not (doc.url or doc.kind == "web_page") or m is None or not found:
        return []
    date, _ = _when(m.group("when"))
    name = clean(m.group("committee"))
    if date is None or not _COMMITTEE_WORDS.search(name) or _COUNCIL_NAME.match(name):
        return []
    if any(s.date == date for s in found) or any(s.start < m.end() for s in found):
        return []
    return [Section("web_page", m.start(), m.end(), _committee(name), date, extras={"page": 1})]


def find_sections(doc: Document, p: str) -> list[Section]:
    """Every section header in the document, in order, with its span."""
    found = [*_minutes_headers(p), *_agenda_headers(p)]
    if doc.kind == "web_page":
        found.extend(_web_page_header(p))
    found.extend(_briefing_headers(p))
    found.extend(_work_programme_headers(p))
    found.extend(_bare_work_programme(doc, p, found))
    if not any(s.start < 2500 for s in found):
        found.extend(_date_block(doc, p) or _top_header(doc, p))
    found.extend(_page_heading(doc, p, found))
    found.sort(key=lambda s: s.start)
    for k, sec in enumerate(found):
        sec.end = found[k + 1].start if k + 1 < len(found) else len(doc.text)
    return found


# a long line of prose that stops inside its sentence, after a word that cannot end it
_CUT_SENTENCE = re.compile(
    rf"[^\n]{{40,}}\b{lexicon.alternation(_SMALL_WORDS | {'that'})}[ \t]*\n[ \t]*$", re.I
)


def _minutes_headers(p: str) -> Iterator[Section]:
    """ "Minutes of the meeting of the X Committee held on ..." """
    for m in _MINUTES.finditer(p):
        if _CUT_SENTENCE.search(p, max(0, m.start() - 200), m.start()):
            continue  # "... That the" / "minutes of the meeting ... be approved": wrapped prose
        committee, start = m.group("committee"), m.start()
        if re.fullmatch(r"(?i:meeting|proceedings)", committee.strip()):
            # "ADULT SOCIAL CARE COMMITTEE / MINUTES of the meeting held on ...": named above
            committee = _committee_above(p, m.start(), 400)
            start = p.rfind("\n", 0, max(0, p.rfind(committee, 0, m.start()))) + 1
        if not _COMMITTEE_WORDS.search(committee):
            continue
        rest, end = _wrapped_header(p, m.group("rest"), m.end())
        date, time = _when(rest)
        if date is None:
            date, time2 = _when(p[m.end() : m.end() + 200])
            time = time or time2
        if date is None:
            continue
        times = [t for t, _, _ in find_times(rest, header=True)]
        span = re.search(r"\d\s*(?:[ap]\.?m\.?)?\s*(?:[-–]|to|until)\s*\d", rest, re.I)
        yield Section(
            "minutes",
            start,
            end,
            _committee(committee),
            date,
            start_time=time,
            # "(10.00 am - 12.35 pm)": when the meeting began and ended
            end_time=times[1] if span and len(times) == 2 else None,
            venue=_venue(rest) or _venue_field(p, end) or _place_below(p, end),
        )


def _agenda_headers(p: str) -> Iterator[Section]:
    """An agenda's "Date/Time/Place" block under the committee's name."""
    for m in _AGENDA.finditer(p):
        date, time = _when(m.group("when"))
        committee = _line_before(p, m.start())
        if date is None or not committee:
            continue
        vm = re.search(
            r"(?m)^[ \t]*(?:Place|Venue)[ \t]*:?[ \t]*\n?(?:[ \t]*\n)*[ \t]*(?P<v>[^\n]+)",
            p[m.end() : m.end() + 400],
        )
        yield Section(
            "agenda",
            p.rfind("\n", 0, p.find(committee.strip(), max(0, m.start() - 400))) + 1,
            m.end(),
            _committee(committee),
            date,
            start_time=time,
            venue=clean(vm.group("v")) if vm else None,
        )


def _web_page_header(p: str) -> list[Section]:
    """A platform page's "Meeting of X, Date" heading near its top (the first only)."""
    for m in [*_WEB.finditer(p[:3000]), *_WEB_ISSUE.finditer(p[:3000])]:
        date, time = _when(m.group("when"))
        if date is None or not _COMMITTEE_WORDS.search(m.group("committee")):
            continue
        vm = re.search(r"(?m)^[ \t]*Venue:[ \t]*(?P<v>[^\n]+?)(?:\s*View directions)?[ \t]*$", p)
        venue = clean(vm.group("v")).rstrip(".") if vm else None
        committee = _committee(m.group("committee"))
        return [Section("web_page", 0, m.end(), committee, date, start_time=time, venue=venue)]
    return []


def _briefing_headers(p: str) -> Iterator[Section]:
    """A briefing note's "To: / Date: / Subject:" block."""
    for m in _BRIEFING.finditer(p):
        date, _ = _when(m.group("when"))
        # "Briefing note" or the council's name may stand just above "To:"
        start = m.start()
        above = p[max(0, m.start() - 120) : m.start()]
        bm = re.search(
            r"(?im)^[ \t]*(?:[A-Z][\w ]*Council\s*\n\s*)?briefing note[ \t]*\n\s*$", above
        )
        if bm:
            start = m.start() - len(above) + bm.start()
        yield Section(
            "briefing_note",
            start,
            m.end(),
            _committee(m.group("committee")),
            date,
            title=clean(m.group("subject")),
        )


def _work_programme_headers(p: str) -> Iterator[Section]:
    """ "X Committee Work Programme 2021/22", once however many pages repeat it."""
    seen: set[tuple[str, str]] = set()
    for m in _WORK_PROGRAMME.finditer(p):
        key = (clean(m.group("committee")), m.group("years"))
        if key in seen:
            continue  # the same table's heading repeated on each page
        seen.add(key)
        committee = _committee(m.group("committee"))
        yield Section(
            "work_programme", m.start(), m.end(), committee, None, title=clean(m.group(0))
        )


def _bare_work_programme(doc: Document, p: str, found: list[Section]) -> list[Section]:
    """A work programme whose title gives no years, when dated rows follow it (one per
    document, and none where a title with years names the work programme)."""
    if any(s.kind == "work_programme" for s in found):
        return []
    for m in _WORK_PROGRAMME_BARE.finditer(p):
        following = [s.start for s in found if s.start > m.end()]
        limit = min([m.end() + 4000, len(doc.text), *following])
        rows = find_rows(doc.text, m.end(), limit, years=None)
        if sum(1 for r in rows if r.date) < 2:
            continue
        named = clean(m.group("committee"))
        committee = named if _COMMITTEE_WORDS.search(named) else _committee_above(p, m.start(), 300)
        title = clean(m.group(0)).lstrip("# ")
        body = _committee(committee) if committee else ""
        return [Section("work_programme", m.start(), m.end(), body, None, title=title)]
    return []


def _items(doc: Document, p: str, start: int, end: int) -> list[ItemRecord]:
    items = []
    for position, (number, title, s, e, ts) in enumerate(find_items(doc.text, p, start, end), 1):
        resolutions = find_resolutions(doc.text, p, s, e)
        items.append(
            ItemRecord(
                number=number,
                title=title,
                position=position,
                start=s,
                end=e,
                title_start=ts,
                resolutions=tuple(resolutions),
                actions=tuple(_actions(doc, p, s, e, resolutions)),
            )
        )
    return items


def _actions(
    doc: Document, p: str, start: int, end: int, resolutions: list[ActionRecord]
) -> list[ActionRecord]:
    """Actions in an item, plus one for each item its resolutions add to the work programme."""
    found = find_actions(doc.text, p, start, end)
    for res in resolutions:
        for row in rows_added(doc.text, p, res.start, res.end):
            if not any(a.start <= row.start < a.end or a.start == row.start for a in found):
                found.append(
                    ActionRecord(
                        text=f"Add to the work programme: {row.title}",
                        start=row.start,
                        end=row.end,
                        agent=None,
                    )
                )
    return sorted(found, key=lambda a: a.start)


def _present_block(p: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the attendance block begins: a "Present:", "PRESENT", "Members present",
    "In attendance" or "Attendance" heading (a heading, not a sentence that starts so)."""
    m = re.search(
        r"(?im)^[ \t]*(?:(?:members|councillors|those)\s+)?"
        r"(?:present|in\s+attendance|attendance|attendees|attending|sederunt)"
        r"(?:\s+were|\s+details)?(?:[ \t]*\([^)\n]{1,30}\))?[ \t]*(?::|[ \t]*$)",  # "(in person):"
        p[start:end],
    )
    if not m:
        return None
    return start + m.start(), end


_TITLED_IN_CAPITALS = re.compile(
    rf"(?:{ANY_COUNCILLOR.upper()}|MRS?|MS|MISS|DR|SIR|DAME|LORD|LADY|PROFESSOR|PROF|REVD?)\.?\s+\S"
)
# officers by initials in capitals: "H. PEACOCKE", "J GREGORY, P HARVEY, T PARKS"
_INITIALLED = r"(?:[A-Z]\.?\s*){1,3}\s[A-Z][A-Z'’-]+"
_INITIALLED_IN_CAPITALS = re.compile(
    rf"(?:[A-Z]\.\s*){{1,3}}[A-Z][A-Z'’-]+|{_INITIALLED}(?:\s*,\s*{_INITIALLED})+,?"
)


def _block_end(p: str, start: int, stop: int) -> int:
    """Where an attendance block ends, at the latest ``stop``: at the first line of prose
    ("Apologies for absence were received from ...") or a heading in capitals that
    opens the business ("APOLOGIES FOR ABSENCE")."""
    first = True
    for s, _, line in lines(p, start, stop):
        text = clean(line)
        if first or not text:
            first = False
            continue
        if heading_of(text.rstrip(":")) and len(text.split()) <= 6 and not find_names(text):
            continue  # "IN ATTENDANCE", "Officers present"
        label, colon, _ = text.partition(":")
        if colon and len(label.split()) <= 4 and heading_of(label) and not find_names(label):
            continue  # "In attendance: Mrs L Dunmore (Clerk) and 3 members of the public."
        outside = re.sub(r"\([^)]*\)", "", text)
        if re.search(r"\b[a-z]+\s+[a-z]+\s+[a-z]+\s+[a-z]+\b", outside) and text.endswith("."):
            return s  # a sentence
        if (
            text.isupper()
            and len(text.split()) >= 2
            and ":" not in line  # "EXTERNAL AUDITORS:" labels the names below it
            and not _TITLED_IN_CAPITALS.match(text)  # "MR J FRITH": a name in capitals
            and not _INITIALLED_IN_CAPITALS.fullmatch(text)
            and not text.startswith("(")  # "(GRANT THORNTON)": a note to the line above
        ):
            return s  # "DECLARATIONS OF INTEREST"
    return stop


def _closing_time(p: str, start: int, end: int) -> dt.time | None:
    m = re.search(
        r"(?:meeting|board|committee|panel|council|cabinet)\s+(?:closed|ended|finished|terminated|rose"
        r"|concluded)\s*(?:at\b|:)\s*([^\n)]{1,20})",
        p[start:end],
        re.I,
    )
    return _when(m.group(1))[1] if m else None


def _norm(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", title.lower().replace("’", "'")).strip()


def _attach(agenda: MeetingRecord, paper: Section, doc: Document, p: str) -> MeetingRecord:
    """Attach a paper in an agenda pack to the agenda item it is for."""
    target = None
    near = p[max(0, paper.start - 300) : paper.start + 200]
    marker = re.findall(r"Agenda\s+Item\s+(\d+)", near, re.I)
    for item in agenda.items:
        if marker and item.number == marker[-1]:
            target = item
    if target is None and paper.title:
        wanted = _norm(paper.title)
        for item in agenda.items:
            have = _norm(item.title)
            if have and (have == wanted or (len(have) > 6 and (have in wanted or wanted in have))):
                target = item
                break
    if target is None and paper.kind == "work_programme":
        target = next((i for i in agenda.items if "work programme" in _norm(i.title)), None)
    if target is None:
        return agenda
    items = tuple(
        replace(i, extra_spans=i.extra_spans + ((paper.start, paper.end),)) if i is target else i
        for i in agenda.items
    )
    return replace(agenda, items=items)


def _page_record(doc: Document, page: Section, sections: list[Section]) -> MeetingRecord:
    """The meeting a page of one of its documents belongs to (:func:`_page_heading`): it
    refers to each earlier meeting whose minutes the page shows, and it is the meeting
    the platform's address names."""
    refs = tuple(
        MeetingRef(s.date, "references", s.start, s.header_end)
        for s in sections
        if s.kind == "minutes" and s.date and page.date and s.date < page.date
    )
    return MeetingRecord(
        source=doc.source,
        section="web_page",
        committee=page.committee,
        date=page.date,
        start=page.start,
        end=page.header_end,
        name=clean(doc.text[page.start : page.header_end])[:300],
        refs=refs,
        platform_id=platform_id(doc),
    )


def segment(doc: Document) -> list[MeetingRecord]:
    """Meeting records found in one document."""
    p = plain(doc.text)
    sections = find_sections(doc, p)
    records: list[MeetingRecord] = []
    agenda: MeetingRecord | None = None
    for sec in sections:
        if sec.kind in ("minutes", "web_page", "agenda"):
            if sec.extras.get("page"):
                records.append(_page_record(doc, sec, sections))
                continue
            record = _meeting_record(doc, p, sec)
            records.append(record)
            if sec.kind == "agenda":
                agenda = record
        elif agenda is not None and (sec.kind == "work_programme" or sec.date == agenda.date):
            # briefing notes and work programmes: papers of the agenda before them
            idx = records.index(agenda)
            records[idx] = agenda = _paper_of(agenda, sec, doc, p)
        elif sec.kind == "work_programme":
            records.extend(_work_programme_record(doc, sec))
        elif sec.kind == "briefing_note" and sec.date:
            records.append(_briefing_record(doc, p, sec))
    return records


def _meeting_record(doc: Document, p: str, sec: Section) -> MeetingRecord:
    """The record of a meeting's minutes, agenda or page: its items, attendance and refs."""
    body_start = sec.header_end
    items, attendance = _items_and_attendance(doc, p, sec)
    return MeetingRecord(
        source=doc.source,
        section="minutes" if sec.kind == "minutes" else sec.kind,
        committee=sec.committee,
        date=sec.date,
        start=sec.start,
        end=sec.end,
        start_time=sec.start_time,
        end_time=_closing_time(p, body_start, sec.end) or sec.end_time,
        venue=sec.venue,
        name=clean(doc.text[sec.start : sec.header_end])[:300],
        items=tuple(items),
        attendance=attendance,
        membership=_membership(doc, p, sec) if sec.kind == "agenda" else (),
        refs=one_per_meeting(find_refs(p, body_start, sec.end, on=sec.date)),
        work_programme=tuple(
            row
            for i in items
            for res in i.resolutions
            for row in rows_added(doc.text, p, res.start, res.end)
        ),
    )


def _items_and_attendance(
    doc: Document, p: str, sec: Section
) -> tuple[list[ItemRecord], tuple[AttendanceRecord, ...]]:
    """A meeting's items, and who attended: the "Present" block (its lines are no items),
    apologies written anywhere in the minutes and under an "Apologies" item."""
    body_start = sec.header_end
    attendance: tuple[AttendanceRecord, ...] = ()
    items = _items(doc, p, body_start, sec.end)
    head_end = min([i.start for i in items] + [sec.end])
    # the membership with a mark for who came, where so printed (a key to the marks tells
    # of a meeting held, whatever the paper calls itself); else the "Present" block
    marked = marked_attendance(doc.text, body_start, head_end)
    block = _present_block(p, body_start, sec.end) if sec.kind != "agenda" and not marked else None
    if marked:
        attendance = tuple(marked)
    elif block:
        stop = min([i.start for i in items if i.start > block[0]] + [sec.end])
        bm = re.search(r"(?im)^[ \t]*(?:public|private)\s+business\b", p[block[0] : stop])
        if bm:
            stop = block[0] + bm.start()
        stop = _block_end(p, block[0], stop)
        attendance = tuple(parse_attendance(doc.text, block[0], stop))
        items = [i for i in items if not block[0] <= i.start < stop]
        items = [replace(i, position=k) for k, i in enumerate(items, 1)]
    if sec.kind == "agenda" and not marked:
        return items, attendance
    attendance += tuple(apologies_in_text(doc.text, p, body_start, sec.end))
    for item in items:
        if re.match(r"(?i)apolog", item.title):
            attendance += tuple(apologies_in_item(doc.text, p, item.title_start, item.end))
    # one entry per name written: the apologies readers, which read the sentence a name is
    # in, win over the block's reading of it
    return items, tuple({(a.start, a.end): a for a in attendance}.values())


def _membership(doc: Document, p: str, sec: Section) -> tuple[AttendanceRecord, ...]:
    """The members an agenda lists under "Membership:"."""
    mm = _MEMBERSHIP.search(p[sec.start : sec.end])
    if not mm:
        return ()
    end = sec.start + mm.end("rest")
    # the members' list may go on in paragraphs of its own ("Co-opted members: Mrs Q
    # Grant (Diocesan representative)", "Substitutes: ...")
    while more := _MORE_MEMBERS.match(p, end, sec.end):
        heading = heading_of(more.group("label"))
        if heading is None or heading.capacity not in ("member", "co-opted", "invited"):
            break
        end = more.end()
    return tuple(
        parse_attendance(
            doc.text,
            sec.start + mm.start("rest"),
            end,
            default=Heading("Membership", "present", "member"),
        )
    )


# "Membership: Councillors A, B", the list on the line below ("Membership:" / "Councillors
# ..."), or under a bare heading when the list opens with a label or a councillor ("Membership"
# / "Chair: Councillor A")
# ("Members:", "Members of the Committee", "Committee Membership" too)
_MEMBERSHIP = re.compile(
    rf"(?m)^[ \t]*{_WELSH}(?:Committee[ \t]+)?(?:Membership|Members(?:[ \t]+of[ \t]+the[ \t]+[A-Z]\w+)?)"
    r"(?:[ \t]*:[ \t]*(?:\n[ \t]*)?|[ \t]*\n[ \t]*"
    rf"(?=[A-Z][\w -]{{2,30}}:|[^\n]*\b{ANY_COUNCILLOR}\b))"
    r"(?P<rest>\S[^\n]*(?:\n(?![ \t]*\n)[^\n]+)*)"
)
# a labelled paragraph after another: "\n\nCo-opted members: Mrs Q Grant, Mr R Hale"
_MORE_MEMBERS = re.compile(
    r"[ \t]*\n(?:[ \t]*\n)+[ \t]*(?P<label>[A-Z][A-Za-z’' -]{2,40}?)[ \t]*:[ \t]*\S[^\n]*"
    r"(?:\n(?![ \t]*\n)[^\n]+)*"
)


def _paper_of(agenda: MeetingRecord, sec: Section, doc: Document, p: str) -> MeetingRecord:
    """The agenda with a paper attached to it (a briefing note, a work programme's rows)."""
    attached = _attach(agenda, sec, doc, p)
    if sec.kind != "work_programme":
        return attached
    rows = find_rows(doc.text, sec.start, sec.end, years=programme_years(sec.title or ""))
    return replace(attached, work_programme=attached.work_programme + tuple(rows))


def _work_programme_record(doc: Document, sec: Section) -> list[MeetingRecord]:
    """A work programme on its own announces the committee's planned meetings: its rows
    belong to the first of them (each row keeps its own date)."""
    rows = find_rows(doc.text, sec.start, sec.end, years=programme_years(sec.title or ""))
    dated = sorted(r.date for r in rows if r.date)
    if not (rows and dated and sec.committee):
        return []
    return [
        MeetingRecord(
            source=doc.source,
            section="work_programme",
            committee=sec.committee,
            date=dated[0],
            start=sec.start,
            end=sec.end,
            name=sec.title,
            work_programme=tuple(rows),
        )
    ]


def _briefing_record(doc: Document, p: str, sec: Section) -> MeetingRecord:
    """A briefing note on its own: one item, its actions and the meetings it refers to."""
    item = ItemRecord(
        number=None,
        title=sec.title or "Briefing note",
        position=1,
        start=sec.start,
        end=sec.end,
        title_start=p.find(sec.title or "", sec.start),
        resolutions=(),
        actions=tuple(find_actions(doc.text, p, sec.header_end, sec.end)),
    )
    return MeetingRecord(
        source=doc.source,
        section="briefing_note",
        committee=sec.committee,
        date=sec.date,
        start=sec.start,
        end=sec.end,
        name=sec.title,
        items=(item,),
        refs=tuple(find_refs(p, sec.header_end, sec.end, on=sec.date)),
    )
