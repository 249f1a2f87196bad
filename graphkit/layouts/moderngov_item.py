"""ModernGov agenda item pages (``mgAi.aspx?ID=…``): one item of one meeting.

The page is headed "Agenda item"; a line "Meeting: 05/03/2025 - Planning Committee
(Item 56.)" names the meeting where the council shows it, then the item's heading
("56. Title"), its purpose, and its "Minutes:" or "Decision:" block. Many councils show
no meeting at all: the record is then undated (``date=None``) and keeps the item, its
decisions and the people in it. The address's ``ID`` is the item's id, not the meeting's,
so it is never taken as the meeting's ``platform_id``.
"""

from __future__ import annotations

import re

from .. import lexicon
from ..model import Document, MeetingRecord
from ..segment.text import clean, plain
from .moderngov_pages import (
    BY_ADDRESS,
    MeetingLine,
    apologies,
    content_start,
    detect_page,
    field,
    first_lines,
    item_heading,
    item_record,
    meeting_id_shown,
    meeting_refs,
    read_meeting_line,
)
from .registry import register

__all__ = ["detect", "read"]

ITEM_PAGES = ("mgai.aspx",)
ITEM_HEADING = re.compile(r"(?i)agenda\s+item|eitem\s+agenda")
# the label of the meeting line (English, Welsh)
MEETING_LABEL = r"Meeting|Cyfarfod"
# the meeting line without a label, named in full
_MEETING_OF = re.compile(r"(?im)^[ \t]*(?P<v>Meeting[ \t]+of[ \t]+[^\n]*?\d[^\n]*?)[ \t]*$")
# the blocks after an item's heading: the meeting line stands before them
BODY_LABEL = re.compile(r"(?im)^[ \t]*(?:Minutes|Decision|Decisions|Purpose)[ \t]*:")
#: characters: an item page holds one item; a document longer than this is a pack
LONGEST_ITEM_PAGE = 100_000
#: the title of an item whose page gives none
UNTITLED = "Agenda item"
#: kinds of body that are no name alone ("The Committee noted"); "The Cabinet" is one
GENERIC_BODIES = ("Committee", "Sub-Committee", "Panel", "Board", "Commission")
#: the kinds of body a meeting is of, as minutes call it ("the Committee")
BODY_KINDS = tuple(k.title() for k in lexicon.lines("body_kinds.txt"))
# a minute whose subject is the body by name: "The Cabinet received", "The Audit Committee noted"
SUBJECT_BODY = re.compile(
    r"^The\s+(?P<body>(?:[A-Z][\w’'&-]*\s+(?:(?:and|&|of)\s+)?){0,10}?"
    rf"{lexicon.alternation(BODY_KINDS)})"
    r"\s+(?:received|considered|noted|discussed|agreed|resolved|heard|reviewed|was|were)\b"
)
# a body named in full, ending in its kind: "the Children & Young People Scrutiny Committee"
NAMED_BODY = r"(?P<name>[A-Z][\w’'-]*(?:,?\s+(?:[A-Z][\w’'-]*|and|&|of))*?\s+KIND)\b"
_Heading = tuple[str | None, str, int]


def detect(doc: Document) -> float:
    score = detect_page(doc, ITEM_PAGES, ITEM_HEADING)
    if 0 < score < BY_ADDRESS:
        # by its heading alone: not a pack's "Agenda Item / 5" page header, nor a long pack
        heads = [line for _, _, line in first_lines(doc.text, 4)]
        at = next((k for k, line in enumerate(heads) if ITEM_HEADING.fullmatch(line)), 0)
        after = heads[at + 1] if at + 1 < len(heads) else ""
        if re.fullmatch(r"\d{1,3}[a-z]?\.?", after) or len(doc.text) > LONGEST_ITEM_PAGE:
            return 0.0
    return score


def _meeting(p: str, start: int) -> tuple[MeetingLine | None, int, int]:
    """The meeting the page names above the item's body, and where its line starts and ends."""
    body = BODY_LABEL.search(p, start)
    stop = min(body.start() if body else len(p), start + 1500)
    found = field(p, MEETING_LABEL, start, stop)
    if found is None:  # "Meeting of Cabinet, Tuesday, 4th March, 2025 2.00 pm (Item 7.)"
        line = _MEETING_OF.search(p, start, stop)
        found = (line.group("v"), line.start("v"), line.end("v")) if line else None
    meeting = read_meeting_line(found[0]) if found else None
    if found is None or meeting is None:
        return None, start, start
    line_end = p.find("\n", found[2])
    return meeting, p.rfind("\n", 0, found[1]) + 1, len(p) if line_end == -1 else line_end


def _opening_sentence(p: str, start: int) -> str:
    """The first sentence of the item's minutes (after its "Minutes:" label where it has
    one), its lines joined."""
    label = re.compile(r"(?im)^[ \t]*(?:Minutes|Decisions?)[ \t]*:[ \t]*$").search(p, start)
    s = label.end() if label else start
    flat = " ".join(p[s : s + 1500].split())
    flat = re.sub(r"^\d{1,3}(?:\.\d{1,3})*\.?\s+", "", flat)  # a paragraph's number: "10.1"
    stop = re.search(r"\.(?=\s+[A-Z(•·]|\s*$)|:\s*[•·]", flat)
    return flat[: stop.start()] if stop else flat


def body_in_minutes(p: str, start: int) -> str:
    """The body whose meeting an undated item's minutes record, where their first sentence
    says it: its subject is the body by name ("The Cabinet received a report"), or the
    minutes call it "the Committee" and name one body of that kind in full as the subject
    of the business ("an updated work programme for the Schools Scrutiny Committee"), not
    as the author of a report ("a report of the Audit Committee"). Else "".

    >>> body_in_minutes("The Cabinet considered the report.", 0)
    'Cabinet'
    >>> body_in_minutes("The Cabinet Member for Roads presented the report.", 0)
    ''
    >>> body_in_minutes("The Committee noted the work programme for the Parks Committee.", 0)
    'Parks Committee'
    >>> body_in_minutes("The Committee received a report of the Audit Committee.", 0)
    ''
    """
    sentence = _opening_sentence(p, start)
    subject = SUBJECT_BODY.match(sentence)
    if subject and subject.group("body") not in GENERIC_BODIES:
        return subject.group("body")
    for kind in BODY_KINDS:
        if not re.search(rf"\bthe {kind}\b(?! of\b)", sentence, re.I):
            continue
        named = {
            m.group("name")
            for m in re.finditer(NAMED_BODY.replace("KIND", kind), sentence)
            if not re.search(r"\b(?:of|from|by)\s+(?:the\s+)?$", sentence[: m.start()])
            and m.group("name").split()[0] != "The"
        }
        if len(named) == 1:
            return named.pop()
    return ""


def _heading(doc: Document, start: int, line_start: int, line_end: int) -> _Heading | None:
    """The item's heading under the meeting line, or (some councils) above it; a purpose
    line ("To receive the report ...") on a page that shows no title is no title."""
    return item_heading(doc.text, start, line_start, purpose=False) or item_heading(
        doc.text, line_end, len(doc.text), purpose=False
    )


def read(doc: Document) -> list[MeetingRecord]:
    """One record: the meeting (dated where the page names it) with the page's item. A page
    that shows no meeting line, no title, no body and no attendance (an excerpt of minutes
    alone) records no meeting: an undated meeting of no one with an untitled item would tell
    a reader nothing; its people and programmes are found in its text all the same."""
    p = plain(doc.text)
    top = content_start(doc.text)
    start = next(
        (e for _, e, line in first_lines(doc.text, 3) if ITEM_HEADING.fullmatch(line)), top
    )
    meeting, line_start, line_end = _meeting(p, start)
    heading = _heading(doc, start, line_start, line_end)
    titled = heading is not None or bool(meeting and meeting.item)
    if heading is None:  # no title: the item is the page's body all the same
        heading = (None, UNTITLED, line_end)
    if heading[0] is None and meeting is not None and meeting.item:
        heading = (meeting.item, heading[1], heading[2])
    item_start = heading[2]
    item = item_record(doc, p, heading, start=item_start, end=len(doc.text))
    attendance = apologies(doc, p, item)
    committee = meeting.committee if meeting else body_in_minutes(p, item_start)
    if meeting is None and not (titled or attendance or committee):
        return []
    date = meeting.date if meeting else None
    return [
        MeetingRecord(
            source=doc.source,
            section="web_page",
            committee=committee,
            date=date,
            start=top,
            end=len(doc.text),
            start_time=meeting.time if meeting else None,
            name=clean(heading[1]) if titled else None,
            items=(item,) if titled or meeting else (),
            attendance=attendance,
            refs=meeting_refs(p, item_start, len(doc.text), on=date),
            platform_id=meeting_id_shown(doc),
        )
    ]


register(
    "moderngov_item",
    "ModernGov agenda item pages (mgAi.aspx): one item, its meeting where shown",
    detect=detect,
    read=read,
)
