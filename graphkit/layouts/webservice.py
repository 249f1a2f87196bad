"""The ModernGov platform's web-service XML (``GetCommittees``, ``GetMeetings``, ``GetMeeting``).

Two halves. :func:`render` (called by the ``.xml`` reader in :mod:`graphkit.documents`)
turns a response into a deterministic, human-readable text: one ``Label: value`` line
per field, one ``Item N. Title`` line per agenda item with its agenda text and minutes
(the escaped HTML made plain) indented beneath, one line per attendee. Every offset the
rest of graphkit keeps points into that text. The layout (:func:`detect`, :func:`read`)
reads the rendering back into meeting records: it knows the rendering's shape exactly,
because :func:`render` wrote it. Structure lines start at column 0; text from the
council is indented, so no minute's wording can pass for a structure line.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlparse

from .. import lexicon, platform
from ..councils import host_label
from ..dates import parse_date, parse_time
from ..errors import DocumentError
from ..model import ActionRecord, AttendanceRecord, Document, ItemRecord, MeetingRecord, MeetingRef
from ..names import COUNCILLOR
from ..segment.actions import find_actions
from ..segment.decisions import find_resolutions
from ..segment.refs import find_refs, one_per_meeting
from ..segment.text import plain
from .registry import register

__all__ = ["MARKER", "attendance_of", "detect", "read", "render"]

#: the first line of a rendering (after a ``URL:`` line, where the meeting's address is known)
MARKER = "ModernGov web service: "
# the root element of each response graphkit reads
_KINDS = {
    "meeting": "GetMeeting",
    "getmeetings": "GetMeetings",
    "committees": "GetCommittees",
    "getcommittees": "GetCommittees",
}
_PRESENT = lexicon.lines("present_words.txt")
_DASH = " — "  # between an attendee's name, role and attendance
_INDENT = "  "
Element = Any  # an lxml element (lxml ships no type information)
_MINUTES_FIELDS = ("minutesnonemptyhtmlbody", "minuteshtmlbody", "minutestext")
_BREAK, _CELL = "\x1e", "\x1f"  # marks in the HTML's text: a line break, a table cell's end
_BLOCKS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "ul", "ol")


# -- the XML ---------------------------------------------------------------------------------
def _parse(raw: bytes, source: str) -> Element:
    """The response's root element. No entity is expanded, no DTD or network is loaded."""
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(raw, parser)
    except etree.XMLSyntaxError as err:
        raise DocumentError(source, f"is not well-formed XML ({err})") from err
    if _name(root) == "string" and (root.text or "").lstrip().startswith("<"):
        # an ASMX endpoint wraps the response, escaped, in <string>; its own declaration
        # would name an encoding the re-encoded text no longer has
        inner = re.sub(r"^\s*<\?xml[^>]*\?>", "", root.text or "")
        return _parse(inner.strip().encode("utf-8"), source)
    return root


def _name(el: Element) -> str:
    """An element's local name in lower case; "" for comments, entities and the like."""
    tag = getattr(el, "tag", None)
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1].lower()


def _kids(el: Element, *names: str) -> Iterator[Element]:
    for child in el:
        if _name(child) in names:
            yield child


def _value(el: Element, *names: str) -> str:
    """The text of the first child named one of ``names``, white space collapsed.

    >>> from lxml import etree
    >>> _value(etree.fromstring("<m><a>  x\\n y </a></m>"), "b", "a")
    'x y'
    """
    for child in _kids(el, *names):
        return " ".join("".join(child.itertext()).split())
    return ""


def _html_lines(el: Element) -> list[str]:
    """The paragraphs of an element holding HTML (escaped, or as child elements), as text."""
    from bs4 import BeautifulSoup
    from lxml import etree

    parts = [el.text or ""]
    for child in el:
        if _name(child):
            parts.append(etree.tostring(child, encoding="unicode", with_tail=False))
        parts.append(child.tail or "")
    fragment = "".join(parts)
    if not fragment.strip():
        return []
    soup = BeautifulSoup(fragment, "lxml")
    for tag in soup(["script", "style"]):
        tag.decompose()
    # the source's own line breaks are only white space; these marks are the real breaks
    for br in soup.find_all("br"):
        br.replace_with(_BREAK)
    for cell in soup.find_all(["td", "th"]):
        cell.insert_after(_CELL)
    for li in soup.find_all("li"):
        li.insert(0, "- ")
    for block in soup.find_all(_BLOCKS):
        block.insert_before(_BREAK)
        block.insert_after(_BREAK)
    out = []
    for line in soup.get_text().split(_BREAK):
        cells = [" ".join(c.split()) for c in line.split(_CELL)]
        text = "\t".join(c for c in cells if c)
        if text:
            out.append(text)
    return out


def _day(value: str) -> dt.date | None:
    """A web-service date ("10/02/2026" is day/month/year; also ISO).

    >>> _day("10/02/2026"), _day("2026-02-10T00:00:00"), _day("")
    (datetime.date(2026, 2, 10), datetime.date(2026, 2, 10), None)
    """
    for fmt, text in (("%d/%m/%Y", value), ("%Y-%m-%d", value[:10])):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            pass
    return parse_date(value) if value else None


def _written_day(value: str) -> str:
    """A date as people write it ("Tuesday 10 February 2026"), or as given."""
    day = _day(value)
    return f"{day:%A} {day.day} {day:%B %Y}" if day else value


def _site(root: Element) -> str | None:
    """The address of the platform's pages, from the first page link the response holds
    ("https://democracy.example.gov.uk/").

    >>> from lxml import etree
    >>> _site(etree.fromstring("<m><a><url>https://d.x.gov.uk/mg/mgAi.aspx?ID=1</url></a></m>"))
    'https://d.x.gov.uk/mg/'
    """
    for el in root.iter():
        text = (el.text or "").strip() if _name(el) else ""
        for value in (text, *(str(v) for v in getattr(el, "attrib", {}).values())):
            if re.match(r"https?://[^\s/]+/\S*\.aspx", value):
                url = urlparse(value)
                return f"{url.scheme}://{url.netloc}{url.path.rsplit('/', 1)[0]}/"
    return None


# -- the rendering -----------------------------------------------------------------------
def render(raw: bytes, source: str) -> str:
    """A ModernGov web-service response as readable text (see the module's docstring).

    >>> print(render(b"<committees><committee><committeeid>7</committeeid>"
    ...     b"<committeetitle>Parks Committee</committeetitle></committee></committees>", "c.xml"))
    ModernGov web service: GetCommittees
    <BLANKLINE>
    Committee: Parks Committee
    Committee id: 7
    <BLANKLINE>
    """
    root = _parse(raw, source)
    kind = _KINDS.get(_name(root))
    if kind == "GetMeeting" and not _value(root, "meetingid"):
        kind = None
    if kind is None:
        raise DocumentError(
            source,
            f"is XML but not a ModernGov web-service response (its root is <{_name(root)}>;"
            f" graphkit reads {', '.join(sorted(set(_KINDS.values())))})",
        )
    lines: list[str] = []
    url = None
    if kind == "GetMeeting":
        url = _meeting_url(root)
        lines += _render_meeting(root)
    elif kind == "GetMeetings":
        lines += _render_meetings(root)
    else:
        lines += _render_committees(root)
    site = _site(root)
    head = [f"URL: {url}", ""] if url else []
    head += [MARKER + kind]
    if site:
        head.append(f"Site: {site}")
    return "\n".join([*head, "", *lines]).rstrip("\n") + "\n"


def _meeting_url(meeting: Element) -> str | None:
    """The meeting's page: its own link where the response gives one, else the platform's
    page for the meeting's id on the site the response links to."""
    for child in meeting:
        value = (child.text or "").strip() if _name(child).endswith("url") else ""
        if value.startswith(("http://", "https://")):
            return value
    site = _site(meeting)
    mid = _value(meeting, "meetingid")
    return f"{site}ieListDocuments.aspx?MId={mid}" if site and mid else None


def _field(label: str, value: str) -> list[str]:
    return [f"{label}: {value}"] if value else []


def _flag(value: str) -> str:
    return {"true": "yes", "false": "no"}.get(value.lower(), value)


def _render_meeting_fields(meeting: Element, committee: str) -> list[str]:
    out = _field("Meeting id", _value(meeting, "meetingid"))
    out += _field("Committee", committee)
    out += _field("Committee id", _value(meeting, "committeeid"))
    out += _field("Meeting date", _written_day(_value(meeting, "meetingdate")))
    for label, tag in (
        ("Start time", "meetingtime"),
        ("Actual start time", "meetingactualstarttime"),
        ("Planned finish time", "meetingplannedfinishtime"),
        ("Actual finish time", "meetingactualfinishtime"),
        ("Venue", "meetinglocation"),
        ("Room", "meetingroom"),
        ("Meeting status", "meetingstatus"),
    ):
        out += _field(label, _value(meeting, tag))
    for label, tag in (
        ("Agenda published", "agendapublished"),
        ("Decisions published", "decisionpublished"),
        ("Minutes published", "minutepublished"),
    ):
        out += _field(label, _flag(_value(meeting, tag)))
    return out


def _committee_of(meeting: Element, root: Element) -> str:
    """The meeting's committee: named on it, else the committee element of its id, else the
    committee its papers are filed under, else the one its items are referred to."""
    own = _value(meeting, "committeetitle", "committeename")
    if own:
        return own
    cid = _value(meeting, "committeeid")
    for committee in root.iter():
        if cid and _name(committee) == "committee" and _value(committee, "committeeid") == cid:
            title = _value(committee, "committeetitle", "committeename")
            if title:
                return title
    for tags in (("linkeddoc",), ("agendaitem",)):
        names: Counter[str] = Counter()
        for el in meeting.iter():
            if _name(el) in tags:
                names[_value(el, "committeetitle", "refertocommittee")] += 1
        names.pop("", None)
        if names:
            return sorted(names.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    return ""


def _render_meeting(meeting: Element) -> list[str]:
    items = [it for box in _kids(meeting, "agendaitems") for it in _kids(box, "agendaitem")]
    rendered = [_render_item(it) for it in items]
    minuted = any("Minutes:" in block for block in rendered)
    out = _render_meeting_fields(meeting, _committee_of(meeting, meeting))
    out += ["", "Agenda and minutes" if minuted else "Agenda", ""]
    for block in rendered:
        out += [*block, ""]
    attendees = [a for box in _kids(meeting, "attendees") for a in _kids(box, "attendee")]
    if attendees:
        out += ["Attendees", ""]
        out += [_render_attendee(a) for a in attendees]
    return out


def _item_number(item: Element) -> str:
    """The item's number as the platform displays it ("4", "5(a)").

    >>> from lxml import etree
    >>> _item_number(etree.fromstring("<i><agendaitemnumber>12</agendaitemnumber>"
    ...     "<fulldisplaynumberformat>9.</fulldisplaynumberformat></i>"))
    '9'
    """
    shown = _value(item, "fulldisplaynumberformat")
    if not shown:
        for number, sub in (
            ("minutesitemnumber", "minutesitemsubnumber"),
            ("agendaitemnumber", "agendaitemsubnumber"),
        ):
            if _value(item, number):
                shown = _value(item, number) + _value(item, sub)
                break
    return re.sub(r"\s+", "", shown).rstrip(".").replace(":", "")


def _render_item(item: Element) -> list[str]:
    number = _item_number(item)
    title = _value(item, "agendaitemtitle") or "(no title)"
    out = [f"Item {number}. {title}" if number else f"Item: {title}"]
    for label, tags in (("Agenda text", ("agendatext",)), ("Minutes", _MINUTES_FIELDS)):
        for el in _kids(item, *tags):
            text = _html_lines(el)
            if text:
                out += ["", f"{label}:", *(_INDENT + line for line in text)]
            break
    papers = [
        (_value(doc, "title"), _value(doc, "url"))
        for box in _kids(item, "linkeddocuments")
        for doc in _kids(box, "linkeddoc")
    ]
    if papers:
        out += ["", "Papers:"]
        out += [f"{_INDENT}- {t or '(untitled)'}" + (f" <{u}>" if u else "") for t, u in papers]
    return out


def _attr(el: Element, name: str) -> str:
    """An attendee's field, as an attribute or a child element."""
    value = getattr(el, "attrib", {}).get(name)
    if value is None:
        value = _value(el, name.lower())
    return " ".join(value.replace(_DASH.strip(), "-").split())


def _render_attendee(el: Element) -> str:
    name = _attr(el, "name") or "(unnamed)"
    role = _attr(el, "roledescription")
    attendance = _attr(el, "attendance") or "Attendance not recorded"
    return _DASH.join(p for p in (name, role, attendance) if p)


def _render_meetings(root: Element) -> list[str]:
    """Meetings grouped under their committee, in the response's order."""
    groups: dict[str, list[Element]] = {}
    for el in root.iter():
        if _name(el) == "meeting" and _value(el, "meetingid"):
            parent = el.getparent()
            holder = parent.getparent() if _name(parent) == "committeemeetings" else None
            own = _value(holder, "committeetitle") if holder is not None else ""
            groups.setdefault(own or _committee_of(el, root), []).append(el)
    out: list[str] = []
    for committee, meetings in groups.items():
        out += [f"Committee: {committee}" if committee else "Committee not named", ""]
        for meeting in meetings:
            out += [*_render_meeting_fields(meeting, ""), ""]
    return out


def _render_committees(root: Element) -> list[str]:
    out: list[str] = []
    for el in root.iter():
        if _name(el) == "committee":
            out += _field("Committee", _value(el, "committeetitle", "committeename"))
            out += _field("Committee id", _value(el, "committeeid"))
            out += _field("Category", _value(el, "committeecategory"))
            for label, tag in (("Expired", "committeeexpired"), ("Deleted", "committeedeleted")):
                if _value(el, tag).lower() == "true":
                    out.append(f"{label}: yes")
            out.append("")
    return out


# -- the layout: reading the rendering back ----------------------------------------------------
_HEAD = re.compile(r"(?:URL:[^\n]*\n\n)?" + re.escape(MARKER) + r"(?P<kind>Get\w+)\n")
_FIELD = re.compile(r"^(?P<label>[A-Z][A-Za-z ]*): (?P<value>[^\n]*)$", re.M)
_ITEM = re.compile(r"^Item(?: (?P<num>\S+)\.)?:? (?P<title>[^\n]+)$", re.M)
_TOP = re.compile(r"^\S", re.M)  # a structure line: not council text, which is indented
_CHAIR = re.compile(r"(?:the\s+)?chair(?:man|person|woman)?", re.I)
_OFFICER = re.compile(
    r"officer|clerk|director|head of|chief executive|manager|solicitor|advis[eo]r|scrutiny support",
    re.I,
)


def detect(doc: Document) -> float:
    """Near-certain for a rendering :func:`render` wrote; nothing else."""
    return 0.99 if _HEAD.match(doc.text) else 0.0


def read(doc: Document) -> list[MeetingRecord]:
    head = _HEAD.match(doc.text)
    if head is None:
        return []
    if head.group("kind") == "GetMeeting":
        return _read_meeting(doc)
    if head.group("kind") == "GetMeetings":
        return _read_meetings(doc)
    return []  # GetCommittees: committees, no meeting


def _fields(text: str, start: int, end: int) -> dict[str, tuple[str, int]]:
    """The ``Label: value`` lines of ``text[start:end]``: the first of each label, with where
    its value starts."""
    out: dict[str, tuple[str, int]] = {}
    for m in _FIELD.finditer(text, start, end):
        out.setdefault(m.group("label"), (m.group("value").strip(), m.start("value")))
    return out


def _site_of(doc: Document) -> str | None:
    m = re.search(r"^Site: (\S+)$", doc.text[:2000], re.M)
    return m.group(1) if m else None


def _platform_id(doc: Document, mid: str) -> str | None:
    """The meeting's "host:id", the host from the document's address or else from the site
    the response links to."""
    if doc.url is None and _site_of(doc):
        return f"{host_label(_site_of(doc) or '') or 'local'}:{mid}"
    return platform.platform_id(doc, value=mid)


def _record(
    doc: Document, fields: dict[str, tuple[str, int]], committee: str, span: tuple[int, int]
) -> MeetingRecord | None:
    """The meeting a block of fields describes; None for a cancelled meeting (not held)."""

    def get(label: str) -> str:
        return fields.get(label, ("", 0))[0]

    if get("Meeting status").lower() in ("cancelled", "canceled", "abandoned"):
        return None
    start = parse_time(get("Actual start time")) or parse_time(get("Start time"))
    return MeetingRecord(
        source=doc.source,
        section="web_page",
        committee=committee,
        date=parse_date(get("Meeting date")),
        start=span[0],
        end=span[1],
        start_time=start,
        end_time=parse_time(get("Actual finish time")),
        venue=", ".join(v for v in (get("Room"), get("Venue")) if v) or None,
        platform_id=_platform_id(doc, get("Meeting id")) if get("Meeting id") else None,
    )


def _read_meetings(doc: Document) -> list[MeetingRecord]:
    """GetMeetings: one record for each block of meeting fields, under its committee."""
    text, committee, out = doc.text, "", []
    for m in re.finditer(
        r"^(?:Committee: (?P<c>[^\n]*)|Committee not named|Meeting id: .*)$", text, re.M
    ):
        if m.group(0).startswith("Committee"):
            committee = (m.group("c") or "").strip()
        else:
            end = text.find("\n\n", m.start())
            end = len(text.rstrip()) if end == -1 else end
            rec = _record(doc, _fields(text, m.start(), end), committee, (m.start(), end))
            if rec is not None:
                out.append(rec)
    return out


def _read_meeting(doc: Document) -> list[MeetingRecord]:
    """GetMeeting: one record with its items, attendance and references."""
    text = doc.text
    first = re.search(r"^Meeting id: ", text, re.M)
    if first is None:
        return []
    head_end = text.find("\n\n", first.start())
    head_end = len(text) if head_end == -1 else head_end
    fields = _fields(text, first.start(), head_end)
    committee = fields.get("Committee", ("", 0))[0]
    end = len(text.rstrip())
    rec = _record(doc, fields, committee, (first.start(), end))
    if rec is None:
        return []
    attendees = re.compile(r"^Attendees$", re.M).search(text, head_end)
    items_end = attendees.start() if attendees else end
    pl = plain(text)
    items, refs = _items(text, pl, head_end, items_end, rec.date)
    present, members = _attendees(text, attendees.end() if attendees else end, end)
    minuted = re.compile(r"^Minutes:$", re.M).search(text, head_end, items_end) is not None
    return [
        MeetingRecord(
            **{
                **rec.__dict__,
                "section": "minutes" if minuted else "agenda",
                "items": tuple(items),
                "attendance": tuple(present),
                "membership": tuple(members),
                "refs": tuple(refs),
            }
        )
    ]


def _labelled(text: str, label: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the indented text under a ``Label:`` line of an item."""
    m = re.compile(rf"^{re.escape(label)}:\n", re.M).search(text, start, end)
    if m is None:
        return None
    stop = _TOP.search(text, m.end(), end)
    e = stop.start() if stop else end
    return m.end(), len(text[:e].rstrip())


def _items(
    text: str, pl: str, start: int, end: int, on: dt.date | None
) -> tuple[list[ItemRecord], list[MeetingRef]]:
    heads = list(_ITEM.finditer(text, start, end))
    items: list[ItemRecord] = []
    refs: list[MeetingRef] = []
    for n, m in enumerate(heads):
        stop = heads[n + 1].start() if n + 1 < len(heads) else end
        stop = len(text[:stop].rstrip())
        minutes = _labelled(text, "Minutes", m.start(), stop)
        resolutions: list[ActionRecord] = []
        actions: list[ActionRecord] = []
        if minutes:  # an agenda's recommendations only propose; the minutes decide
            resolutions = find_resolutions(text, pl, *minutes)
            actions = find_actions(text, pl, *minutes)
        for span in (_labelled(text, "Agenda text", m.start(), stop), minutes):
            if span:
                refs += find_refs(pl, *span, on=on)
        items.append(
            ItemRecord(
                number=m.group("num"),
                title=m.group("title"),
                position=n + 1,
                start=m.start(),
                end=stop,
                title_start=m.start("title"),
                resolutions=tuple(resolutions),
                actions=tuple(actions),
            )
        )
    # the agenda and the minutes cite the same meeting: once is enough, approving outranks
    return items, list(one_per_meeting(refs))


def _attendees(
    text: str, start: int, end: int
) -> tuple[list[AttendanceRecord], list[AttendanceRecord]]:
    """The attendees' lines: those whose attendance is recorded, and those only expected."""
    present: list[AttendanceRecord] = []
    members: list[AttendanceRecord] = []
    for m in re.compile(r"^\S[^\n]*$", re.M).finditer(text, start, end):
        parts = m.group(0).split(_DASH)
        role = parts[1] if len(parts) == 3 else None
        rec, recorded = attendance_of(
            parts[0], role=role, attendance=parts[-1] if len(parts) > 1 else "", start=m.start()
        )
        (present if recorded else members).append(rec)
    return present, members


def _status(attendance: str) -> str | None:
    """What the platform's attendance value records; None where it records nothing yet.

    >>> [_status(v) for v in ("Present", "Present as substitute", "Apologies, sent substitute")]
    ['present', 'substitute', 'apologies']
    >>> _status("Absent"), _status("In attendance"), _status("Expected")
    ('absent', 'present', None)
    """
    low = " ".join(attendance.lower().split())
    if low.startswith(("present", "attended")) and "substitut" in low:
        return "substitute"
    if low.startswith(_PRESENT):
        return "present"
    if low.startswith("apolog"):
        return "apologies"
    if low.startswith(("absent", "not present", "did not attend")):
        return "absent"
    return None  # "Expected", "Attendance not recorded": who was due, not who came


def _capacity(name: str, role: str, attendance: str) -> tuple[str, bool]:
    """The capacity an attendee's role states (and whether it states one).

    >>> _capacity("Councillor A Bee", "Committee Member", "Present")
    ('member', True)
    >>> _capacity("Jo Lane", "Governance Officer", "In attendance")
    ('officer', True)
    """
    low = role.lower()
    councillor = re.match(rf"(?i:{COUNCILLOR})\b", name) is not None
    rules = (
        (r"co-?\s?opted", "co-opted"),
        (r"cabinet member|executive member|portfolio holder", "cabinet-member"),
        (r"observer", "observer"),
        (r"invit|guest|witness", "invited"),
        (r"member|chair|substitute|reserve", "member"),
    )
    for rx, capacity in rules:
        if re.search(rx, low):
            return capacity, True
    if _OFFICER.search(low) or "in attendance" in attendance.lower():
        return ("other-member" if councillor else "officer"), True
    return "member", False


def attendance_of(
    name: str, *, role: str | None, attendance: str, start: int
) -> tuple[AttendanceRecord, bool]:
    """One attendee as a record, and whether the platform recorded the attendance (an
    attendee only "Expected" is a member the meeting was due to have, not one who came).

    >>> rec, recorded = attendance_of("Cllr A Bee", role="Chair", attendance="Present", start=5)
    >>> (rec.status, rec.capacity, rec.chair, rec.end, recorded)
    ('present', 'member', True, 15, True)
    """
    status = _status(attendance)
    capacity, stated = _capacity(name, role or "", attendance)
    if status == "present" and role and re.match(r"(?i)substitut", role):
        status = "substitute"
    rec = AttendanceRecord(
        name=name,
        start=start,
        end=start + len(name),
        status=status or "present",
        capacity=capacity,
        heading="Attendees",
        role=role or None,
        chair=bool(role and _CHAIR.fullmatch(role.strip())),
        capacity_stated=stated,
    )
    return rec, status is not None


register(
    "webservice",
    "the ModernGov web service's XML (GetMeetings, GetMeeting), as graphkit renders it",
    detect=detect,
    read=read,
)
