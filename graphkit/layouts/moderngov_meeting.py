"""ModernGov "Agenda and minutes" meeting pages (``ieListDocuments.aspx``, the older
``ceListDocuments.aspx``): the record hundreds of UK councils publish for each meeting.

The page reads, top down: a title ("Agenda and minutes", "Agenda", "Agenda and
decisions"), a heading ``<Committee> - <Weekday>, <D>th <Month>, <YYYY> <h.mm am>``,
``Venue:`` and ``Contact:`` lines, then the table of items (``No. Item``). Each item is
its number, its title and text, with the minutes (``Minutes:``) or decision
(``Decision:``) taken on it. The table comes in several renderings, all read here:

- blocks: the number alone on its line (``22.``, ``8a``, ``a)``, ``CAB 12/24``), the title
  on the next line;
- pipe cells with numbers: ``1. |`` on its line, the title on the next;
- pipe rows without numbers: one row per item, ``Title ... Minutes: ... |``;
- blocks without numbers (numbers and labels lost in the rendering): title lines.

A page that does not show its heading (the archived text starts at the items) gives a
meeting with ``date=None`` and the platform's id, which another page of the same meeting
can date.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, replace

from .. import lexicon
from ..dates import DATE_TEXT, TIME_TEXT
from ..model import ActionRecord, AttendanceRecord, Document, ItemRecord, MeetingRecord, MeetingRef
from ..names import UNTIL_STOP, ParsedName, find_names
from ..platform import page_name, platform_id, query, strip_noise, when
from ..segment import segment
from ..segment.actions import find_actions
from ..segment.attendance import Heading, apologies_in_text, parse_attendance
from ..segment.decisions import find_resolutions
from ..segment.text import WRAPPED, clean, lines, plain
from .moderngov_apologies import (
    bulleted_apologies,
    names_before,
    person,
    remote_presence,
    softened,
    substitution_lines,
)
from .moderngov_pages import committee_name
from .moderngov_refs import page_refs, same_body
from .registry import register

__all__ = ["detect", "read"]

#: the platform's meeting pages, by the file name in their address
PAGE_NAMES = ("ielistdocuments.aspx", "celistdocuments.aspx")
#: other pages of the platform (item, issue, decision, attendance pages): not this layout
OTHER_PAGE = re.compile(r"^(?:mg|ie|ce)\w*\.aspx$")
#: the page's title line
PAGE_TITLE = re.compile(
    r"^[ \t]*(?:-[ \t]*)?(?:Agenda|Minutes|Decisions?|Meeting documents)"
    r"(?:(?:,| and)[ \t]+(?:draft[ \t]+)?(?:minutes|decisions|agenda))*(?:[ \t]+Content)?[ \t]*$",
    re.I | re.M,
)
#: the items table's header, in every rendering ("No. Item", "No.\tItem", "No. | Item |",
#: "| No. |" over "Item |", "Note No. Item"), or the "Items" caption
ITEMS_HEADER = re.compile(
    r"^[ \t]*(?:\|[ \t]*)?(?:Note[ \t]+)?No\.[ \t|]*(?:\n[ \t]*)?Item[ \t]*\|?[ \t]*$"
    r"|^[ \t]*Items[ \t]*$",
    re.M | re.I,  # "NO. ITEM" in capitals too
)
_DAY_DATE = DATE_TEXT  # "14 October 2021", "14 Oct 2021", "14/10/2021"
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?[ \t]+"
# "Cabinet - Thursday, 14 October 2021 2.00 pm", "Agenda for Cabinet on Wednesday, ..."
_HEADING_DASH = re.compile(
    rf"^[ \t]*(?P<c>\S[^\n]*?)[ \t]+[-–][ \t]+(?P<d>(?:{_WEEKDAY})?{_DAY_DATE}[^\n]*)$"
)
_HEADING_FOR = re.compile(
    rf"^[ \t]*(?:Agenda|Minutes|Decisions?)(?:[ \t]+and[ \t]+\w+)?[ \t]+for[ \t]+(?P<c>\S[^\n]*?)"
    rf"[ \t]+on[ \t]+(?P<d>(?:{_WEEKDAY})?{_DAY_DATE}[^\n]*)$"
)
# "Meeting of Cabinet, Tuesday, 4th February, 2025 10.00 am", "Cabinet on Tuesday 4 February
# 2025": the committee, then a comma or "on" and the weekday (which the form requires)
# at most its time: a sentence ("... will meet on Tuesday 4 March 2025 at 6pm.") is none
_HEADING_COMMA = re.compile(
    rf"^[ \t]*(?P<c>\S[^\n]*?)(?:,|[ \t]+on)[ \t]+"
    rf"(?P<d>{_WEEKDAY}{_DAY_DATE},?(?:[ \t]+(?:at[ \t]+)?{TIME_TEXT})?)[ \t]*$"
)
# the page's title before the committee ("Agenda and minutes - Cabinet, Tuesday ...")
_TITLE_DASH = re.compile(
    r"^(?:Agenda|Minutes|Decisions?)(?:(?:,| and)[ \t]+(?:draft[ \t]+)?(?:minutes|decisions|agenda))*"
    r"[ \t]+[-–][ \t]+",
    re.I,
)
# the date on a line of its own, after a weekday, or alone with at most its time
# ("01/07/2020 3.00 pm": the platform writes a weekday, pages copied from it may not)
_HEADING_DATE = re.compile(
    rf"^[ \t]*(?P<d>{_WEEKDAY}{_DAY_DATE}[^\n]*"
    rf"|{_DAY_DATE},?(?:[ \t]+(?:at[ \t]+)?{TIME_TEXT})?[ \t]*)$"
)
_VENUE = re.compile(r"^[ \t]*(?:Proposed[ \t]+)?Venue[ \t]*:[ \t]*(?P<v>[^\n]*)$", re.I | re.M)
_CONTACT = re.compile(r"^[ \t]*(?:Venue|Contact|Proposed venue)[ \t]*:", re.I | re.M)
# the lines between the heading and the items: "Venue:", "Contact:", "Link:", "Media"
_HEAD_LINE = re.compile(
    r"^[ \t]*(?:(?:Proposed[ \t]+)?Venue|Contact|Link|Note|Webcast)[ \t]*:[^\n]*$|^[ \t]*Media[ \t]*$",
    re.I | re.M,
)
# a body's name, for a page that shows the committee only on a line of its own;
# "Scrutiny" too here ("Overview and Scrutiny"), though "Scrutiny Work Programme" names no body
_BODY_KINDS = lexicon.committee_words() | {"scrutiny"}
_BODY_WORDS = re.compile(rf"\b{lexicon.alternation(frozenset(w.title() for w in _BODY_KINDS))}\b")
# an item's number alone on its line: "22.", "8a", "3(a)", "a)", "(b)", "163/21", "CYP/15/24",
# "CAB 12/24", "CH5", "A.", "IV."
_NUMBER = (
    r"(?:\d{1,3}[a-zA-Z]?\.?|\d{1,3}[ \t]?\(?[a-zA-Z]\)|\(?[a-z]\)|\d{1,4}/\d{2,4}"
    r"|[A-Z]{1,5}(?:/|[ \t])\d{1,3}/\d{2,4}|[A-Z]{1,3}\d{1,3}[a-z]?\.?|[A-Z]\.|[IVX]{1,5}\.)"
)
_NUM_LINE = re.compile(rf"^[ \t]*(?P<num>{_NUMBER})[ \t]*$", re.M)
_NUM_CELL = re.compile(rf"^[ \t]*(?:\|[ \t]*)?(?P<num>{_NUMBER})[ \t]*\|[ \t]*$", re.M)
# the number's cell and the title's on one line, split by a tab ("1.\tApologies"), as text
# copied from the table cell by cell comes
_NUM_TAB = re.compile(rf"^[ \t]*(?P<num>{_NUMBER})[ ]*\t[ \t]*(?=\S)", re.M)
# the labels of an item's parts
_LABEL = re.compile(
    r"^[ \t]*(?:Minutes|Decisions?|Additional documents|Supporting documents|Documents)[ \t]*:[ \t]*$",
    re.I,
)
_RECORD_LABEL = re.compile(r"(?:(?<=\s)|^)(?:Minutes|Decisions?)[ \t]*:(?=\s|$)", re.M)
_ANY_LABEL = re.compile(
    r"(?:(?<=\s)|^)(?:Minutes|Decisions?|Additional documents|Supporting documents)[ \t]*:(?=\s|$)",
    re.M,
)
_RESTRICTED = re.compile(r"^[ \t]*View the reasons? why\b", re.I)
# where an item's title stops in a pipe row that runs title and text together: link noise,
# a label, the text's opening ("To consider ...", "Report of the ..."), a sub-item "(a)"
_TITLE_STOP = re.compile(
    r"\s(?:(?:pdf|word)\s+icon\s+)?(?:PDF|DOC|DOCX|XLS|XLSX)\s+[\d.,]+\s*[KMG]B\b"
    r"|\s(?:Minutes|Decisions?|Additional documents|Supporting documents)[ \t]*:"
    r"|\s(?=To[ \t]+[a-z]{3,}\b)"
    r"|\s(?=(?:Joint[ \t]+)?(?:Report|Briefing[ \t]+Note|Presentation)[ \t]+(?:of|by|from)\b)"
    r"|\s(?=\([a-z]\)\s)|\s\|"
)
# a line of text, not a title, in a rendering that lost the numbers: it opens with a list
# mark, a bracket or the words an item's text opens with
_NOT_TITLE = re.compile(
    r"^[ \t]*(?:[-•·▪*o\[(]|\d{1,3}[.)]|[a-z][.)]|To[ \t]+[a-z]|(?:Joint[ \t]+)?Report[ \t]+(?:of|by)\b"
    r"|Briefing[ \t]+Note[ \t]+of\b|Resolved\b|RESOLVED\b|Decisions?[ \t]*(?:[:–-]|$)|Note[ \t]*:"
    r"|(?:JOINT[ \t]+)?REPORT[ \t]+(?:OF|BY)\b|BRIEFING[ \t]+NOTE[ \t]+OF\b)"
)
_AGENDA_ONLY = re.compile(r"^\s*(?:-\s*)?Agenda\s*$", re.I)
_MAX_TITLE_WORDS = 24


@dataclass(frozen=True)
class _Item:
    number: str | None
    title: str
    start: int  # the item's first line (its number, or its title)
    title_start: int
    title_end: int


# -- detect -------------------------------------------------------------------------------


def detect(doc: Document) -> float:
    """Near-certain from the page's address; else from the page's structure.

    >>> detect(Document("a", "", "0", "web_page", url="https://x.gov.uk/ieListDocuments.aspx?MId=1"))
    0.95
    >>> detect(Document("a", "Agenda and minutes\\n\\nCabinet - Monday, 3rd March, 2025 2.00 pm"
    ...     "\\n\\nVenue: Town Hall\\n\\nItems\\nNo. Item\\n\\n1.\\n\\nApologies", "0", "web_page"))
    0.9
    """
    name = page_name(doc)
    if name in PAGE_NAMES:
        return 0.95
    if name and OTHER_PAGE.match(name):
        return 0.0  # another page of the platform: its own layout reads it
    head = plain(doc.text[:4000])
    first = next((ln for ln in head.splitlines() if ln.strip() and not ln.startswith("URL:")), "")
    signals = [
        bool(PAGE_TITLE.fullmatch(first)),
        _heading(head, 0, len(head)) is not None,
        bool(_CONTACT.search(head)),
        bool(ITEMS_HEADER.search(head)),
    ]
    # the items table's header, or the title with the page's "Venue:"/"Contact:" fields: a
    # paper's "MINUTES" over its date, with neither, is printed minutes
    if sum(signals) < 2 or not (signals[3] or (signals[0] and signals[2])):
        return 0.0
    return min(0.9, 0.1 + 0.25 * sum(signals))


# -- the heading --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Heading:
    committee: str
    date: dt.date | None
    time: dt.time | None
    start: int
    end: int


# a line cut inside a heading's date: after a comma, a weekday or the day
_GOES_ON = re.compile(r"(?:,|\b[A-Za-z]+day|\b\d{1,2}(?:st|nd|rd|th)?)$")


def _heading(p: str, start: int, end: int) -> _Heading | None:
    """The heading line in ``p[start:end]``: committee, date and start time.

    >>> h = _heading("Agenda\\n\\nCabinet - Monday, 3rd March, 2025 2.00 pm\\n", 0, 50)
    >>> h.committee, str(h.date), str(h.time)
    ('Cabinet', '2025-03-03', '14:00:00')
    >>> _heading("Schools Forum\\nTuesday 4th May 2021 6.00 pm", 0, 50).committee
    'Schools Forum'
    >>> str(_heading("Cabinet - Monday, 3rd March,\\n2025 2.00 pm\\n", 0, 50).date)  # wrapped
    '2025-03-03'
    """
    previous = ""
    found = list(lines(p, start, end))
    for k, (s, e, line) in enumerate(found):
        forms = [(line, e)]
        if k + 1 < len(found) and (_GOES_ON.search(line.rstrip()) or len(line.strip()) >= WRAPPED):
            # wrapped (PDF text): the heading goes on below
            forms.append((line.rstrip() + " " + found[k + 1][2].strip(), found[k + 1][1]))
        for rx in (_HEADING_FOR, _HEADING_DASH, _HEADING_COMMA, _HEADING_DATE):
            for form, form_end in forms:
                m = rx.match(form)
                if not m:
                    continue
                day, time = when(m.group("d"))
                if day is None:
                    continue
                committee = m.group("c") if "c" in rx.groupindex else previous
                if rx is _HEADING_COMMA:
                    committee = committee_name(_TITLE_DASH.sub("", committee))
                    if not _titled(committee):
                        continue
                if PAGE_TITLE.fullmatch(committee) or _CONTACT.match(committee):
                    committee = ""
                return _Heading(clean(committee), day, time, s, form_end)
        if line.strip():
            previous = line.strip()
    return None


def _titled(name: str) -> bool:
    """Whether ``name`` is written as a title: each word capitalised but the small ones.

    >>> _titled("Scrutiny Board (Children and Families)"), _titled("The Panel will next meet")
    (True, False)
    """
    small = lexicon.minor_words()
    words = re.findall(r"[A-Za-z][\w'’-]*", name)
    return bool(words) and all(w[0].isupper() or w.lower() in small for w in words)


def _undated_committee(p: str, start: int, end: int) -> str:
    """The committee of a page without its heading: a body's name on a line of its own
    above the venue, where the page shows one; else ""."""
    for _, _, line in lines(p, start, end):
        text = clean(line)
        if _CONTACT.match(line) or ITEMS_HEADER.match(line):
            break
        if (
            text
            and not PAGE_TITLE.fullmatch(line)
            and _BODY_WORDS.search(text)
            and len(text.split()) <= 12
            and not re.search(r"\b(?:PDF|KB|MB)\b|^-", text)
        ):
            return text
    return ""


def _venue(p: str, start: int, end: int) -> str | None:
    """The venue as written, without "View directions".

    >>> _venue("Venue: Council Chamber, County Hall. View directions\\n", 0, 60)
    'Council Chamber, County Hall'
    """
    m = _VENUE.search(p, start, end)
    if not m:
        return None
    venue = re.sub(r"\s*View directions\s*$", "", m.group("v").strip(), flags=re.I)
    return venue.strip().rstrip(".").strip() or None


# -- items --------------------------------------------------------------------------------


def _order(number: str) -> tuple[int, str] | None:
    """Where a number stands in the page's order; None for a sub-item or a letter.

    >>> _order("8a"), _order("8B"), _order("CAB 12/24"), _order("a)")
    ((8, 'a'), (8, 'b'), (12, ''), None)
    """
    m = re.search(r"\d+", number)
    if not m:
        return None
    suffix = re.match(r"[ \t(]*([a-zA-Z])", number[m.end() :])
    return int(m.group(0)), suffix.group(1).lower() if suffix else ""


def _title_ok(title: str) -> bool:
    """A title, not a sentence of text: a title ends without a full stop, or is short."""
    words = title.split()
    if not words or _LABEL.match(title):
        return False
    return not (title.endswith((".", ":", ";")) and len(words) > 12)


def _title_line(p: str, pos: int, end: int) -> tuple[int, int] | None:
    """The title after an item's number: the next line with text (a restricted-item notice
    skipped), or None where a label, another number or the page's end comes first."""
    for s, e, line in lines(p, pos, end):
        if not line.strip() or re.fullmatch(r"[ \t|]*", line):
            continue
        if _RESTRICTED.match(line):
            continue
        if _LABEL.match(line) or _NUM_LINE.match(line) or _NUM_CELL.match(line):
            return None
        s += len(line) - len(line.lstrip())
        e = s + len(line.strip())
        return s, e
    return None


def _title_text(text: str, s: int, e: int) -> str:
    return strip_noise(clean(text[s:e]).rstrip("| ").strip())


def _stray(before: tuple[int, str] | None, last: tuple[int, str], key: tuple[int, str]) -> bool:
    """Whether the number ``last`` was a stray (a cell of a table inside an item's minutes):
    it jumped ahead of the item ``before`` it, and ``key``, out of order after it, is the
    item that follows ``before``.

    >>> _stray((15, ""), (20, ""), (16, "")), _stray((15, ""), (20, ""), (18, ""))
    (True, False)
    """
    if before is None or key <= before:
        return False
    follows = key[0] == before[0] + 1 or (key[0] == before[0] and key[1] > before[1])
    return follows and last[0] > before[0] + 1


def _numbered(text: str, p: str, start: int, end: int, rx: re.Pattern[str]) -> list[_Item]:
    """Items numbered on a line of their own (``rx``: blocks or pipe cells), the title on
    the next line; a number out of the page's order is a paragraph's, not an item's, unless
    it takes up the order a stray number ahead of it broke (see :func:`_stray`). A title on
    the page's last line is cut short by the page's end: no item."""
    out: list[_Item] = []
    keys: list[tuple[int, str] | None] = []
    for m in rx.finditer(p, start, end):
        span = _title_line(p, m.end(), end)
        if span is None or not p[span[1] : end].strip():
            continue
        title = _title_text(text, *span)
        if not _title_ok(title):
            continue
        number = m.group("num").strip().rstrip(".")
        key = _order(number)
        ordered = [k for k in keys if k is not None]
        last = ordered[-1] if ordered else None
        if key is not None and last is not None and key <= last:
            before = ordered[-2] if len(ordered) > 1 else None
            if not _stray(before, last, key):
                continue
            drop = max(i for i, k in enumerate(keys) if k == last)
            del out[drop], keys[drop]
        keys.append(key)
        out.append(_Item(number, title, m.start("num"), span[0], span[1]))
    return out


def _row_title(text: str, p: str, s: int, e: int) -> tuple[str, int, int]:
    """The title that opens a pipe row, cut where the item's text begins."""
    stop = _TITLE_STOP.search(p, s, e)
    te = stop.start() if stop else e
    title = _title_text(text, s, te)
    words = title.split()
    if len(words) > _MAX_TITLE_WORDS:  # no mark where the text begins: its first sentence
        title = re.split(r"(?<=[a-z])\.\s", title, maxsplit=1)[0]
        title = " ".join(title.split()[:_MAX_TITLE_WORDS])
    return title, s, te


def _pipe_rows(text: str, p: str, start: int, end: int) -> list[_Item]:
    """Items of a pipe table without numbers: a row per item, each ending at a "|"; a last
    row the page's end cuts before its "|" is an item only where its title is told from its
    text (link noise, a label or the text's opening words stop it)."""
    out: list[_Item] = []
    row_start: int | None = None
    for s, e, line in lines(p, start, end):
        bare = line.strip()
        if row_start is None:
            if not bare or re.fullmatch(r"[|\-: ]*", bare) or ITEMS_HEADER.match(line):
                continue
            row_start = s + len(line) - len(line.lstrip())
            first_end = e
        if e >= end and not bare.endswith("|") and not _TITLE_STOP.search(p, row_start, first_end):
            break  # a row the page's end cuts short, its text not told apart from its title
        if bare.endswith("|") or e >= end:
            title, ts, te = _row_title(text, p, row_start, first_end)
            if title and not _RESTRICTED.match(title):
                out.append(_Item(None, title, row_start, ts, te))
            row_start = None
    return out


def _plain_title(line: str) -> bool:
    """A line that reads as an item's title in a rendering without numbers or labels."""
    title = strip_noise(clean(line))
    words = title.split()
    if not words or len(words) > 16 or _NOT_TITLE.match(line) or _LABEL.match(line):
        return False
    if _RESTRICTED.match(line) or not (title[0].isupper() or title[0].isdigit()):
        return False
    if line.rstrip().endswith((".", ":", ";", ",")) or ITEMS_HEADER.match(line):
        return False
    names = find_names(title, titled_only=True)
    covered = sum(n.end - n.start for n in names)
    return covered < 0.6 * len(title)  # a line of names is a list, not a title


def _purpose_title(line: str, previous: str) -> bool:
    """A purpose line ("To receive the minutes of the previous meetings.") standing as an
    item's title in a rendering without numbers: set apart by two blank lines or more from
    the previous item's text, whose last sentence it follows. (Right under a title, the same
    line is that item's purpose, not a title.)

    >>> _purpose_title("To confirm the minutes.", "It was agreed.")
    True
    >>> _purpose_title("To note the report.", "Resolved –")
    False
    """
    words = line.split()
    return (
        bool(re.match(r"[ \t]*To[ \t]+[a-z]{3,}\b", line))
        and len(words) <= 30
        and bool(re.search(r"[.!?)]\s*$", previous))
    )


# the next line goes on with a sentence: in small letters, or ending one within it
_GOES_ON_BELOW = re.compile(r"\n[ \t]*(?:[a-z]|[^\n]*?[a-z][.!?](?:[ \t]|$))", re.M)


def _unnumbered(text: str, p: str, start: int, end: int) -> list[_Item]:
    """Items of a rendering that lost numbers and labels: title lines after a blank line.
    A line after a single blank line that goes on from an unfinished line above it
    ("... of the Audit and" / "Committee held on ...") is that sentence's, not a title; so
    is a long line whose sentence goes on on the next, in small letters or to its full
    stop (prose wrapped as PDF text is: "The minutes of the meeting held on 29th November
    were agreed and signed" / "as a true record.")."""
    out: list[_Item] = []
    blanks = 1
    previous = ""  # the last line with text, and whether it was a title
    previous_title = True
    for s, e, line in lines(p, start, end):
        if not line.strip():
            blanks += 1
            continue
        title = blanks > 0 and _plain_title(line)
        if title and not previous_title and blanks <= 1:
            title = bool(re.search(r"[.:;!?)\]]\s*$", previous))
        if not title and blanks >= 2 and not previous_title:
            title = _purpose_title(line, previous)
        if title and not p[e:end].strip():
            title = False  # the page's last line: a title cannot be told from text cut short
        if title and len(line.strip()) >= WRAPPED and _GOES_ON_BELOW.match(p, e, end):
            title = False  # a long line whose sentence goes on below: prose, wrapped
        if title:
            s += len(line) - len(line.lstrip())
            out.append(_Item(None, _title_text(text, s, e).rstrip("."), s, s, e))
        blanks, previous, previous_title = 0, line, title
    return out


def _items(text: str, p: str, start: int, end: int, *, pipes: bool) -> list[_Item]:
    """The page's items, read in the rendering the page comes in (``pipes``: the items table
    is a pipe table), from ``start``, where the table begins."""
    found = _numbered(text, p, start, end, _NUM_CELL)
    for rx in (_NUM_LINE, _NUM_TAB):
        found = found or _numbered(text, p, start, end, rx)
    if not found and (pipes or len(re.findall(r"(?m)\S[ \t]*\|[ \t]*$", p[start:end])) >= 2):
        found = _pipe_rows(text, p, start, end)
    if not found:
        found = _unnumbered(text, p, start, end)
    return found


# -- attendance ---------------------------------------------------------------------------

_APOLOGIES = Heading("Apologies", "apologies", "member", False)
# a substitute named inside an apologies sentence: "... from Mrs Dean for whom Mr Lee was
# present as substitute", "... from Councillor A with Councillor B substituting"
_SUB_CLAUSE = re.compile(
    rf"[ \t]+for[ \t]+whom[ \t]+(?P<names>{UNTIL_STOP}+?)[ \t]+(?:was|were)[ \t]+present"
    r"(?:[ \t]+as[ \t]+(?:an?[ \t]+)?substitutes?)?"
    rf"|[ \t]+with[ \t]+(?P<names2>{UNTIL_STOP}+?)[ \t]+substituting(?:[ \t]+for[ \t]+[^.;,]+)?",
    re.I,
)
# "Mr Bird attended as a substitute", "Cllr Brown was substituting for", "Councillor Kane had
# been appointed as substitute": the substitutes are the names just before the words
_SUB_VERB = re.compile(
    r"[ \t]+(?:(?:attended|was[ \t]+present|were[ \t]+present)(?:[ \t]+the[ \t]+meeting)?[ \t]+as"
    r"[ \t]+(?:an?[ \t]+)?substitutes?|(?:was|were)[ \t]+substituting"
    r"|(?:had[ \t]+been|has[ \t]+been|was|were)[ \t]+appointed[ \t]+as[ \t]+(?:an?[ \t]+)?substitutes?"
    r"|substituted[ \t]+for)\b",  # "Councillor Ade substituted for Councillor Ross"
    re.I,
)
# "Apologies were received from the following members of the panel:" and a list of names
# ("The following members sent their apologies:", either order)
_APOLOGY_LIST = re.compile(
    r"(?:\bapologies\b[^.:\n]{0,80}?\b(?:following|below)\b|\b(?:following|below)\b[^.:\n]{0,80}?"
    r"\bapologies\b)[^.:\n]{0,60}:[ \t]*$",
    re.I | re.M,
)
# "Councillor A (Councillor B – substitute)": the substitute in brackets beside the absent
_BRACKET_SUB = re.compile(r"\((?P<n>[^()]{3,60}?)[ \t]*[-–—,]?[ \t]*substitut\w*[ \t]*\)", re.I)


_person = person
_names_before = names_before


def _substitutes(text: str, flat: str, start: int, end: int) -> list[AttendanceRecord]:
    out: list[AttendanceRecord] = []
    for m in _SUB_CLAUSE.finditer(flat, start, end):
        group = "names" if m.group("names") else "names2"
        gs = m.start(group)
        out.extend(
            _person(text, n.start, n.end, "substitute", "Substitutes")
            for n in find_names(m.group(group), offset=gs)
        )
    for m in _SUB_VERB.finditer(flat, start, end):
        sentence = max(
            flat.rfind(". ", start, m.start()) + 2, flat.rfind("\n", start, m.start()) + 1
        )
        for ns, ne in _names_before(flat, max(sentence, start), m.start()):
            out.append(_person(text, ns, ne, "substitute", "Substitutes"))
    return out


def _line_people(p: str, names: list[ParsedName], bracket: int | None) -> list[ParsedName]:
    """The people a line of a list names, outside its brackets: names joined by a comma or
    "and" are several people; a name run straight into the next ("Parent Governor
    Representative S Golby") is a role written before the person's name."""
    out: list[ParsedName] = []
    for n in names:
        if bracket is not None and n.start >= bracket:
            break
        if out and not re.search(r",|\band\b|&", p[out[-1].end : n.start]):
            out[-1] = n
        else:
            out.append(n)
    return out


def _apology_list(text: str, p: str, start: int, end: int) -> list[AttendanceRecord]:
    """Names listed one a line under "Apologies were received from the following ...:" (or
    "The following members sent apologies:"); a substitute in brackets beside a name
    ("Councillor A (Councillor B – substitute)") attends for that member."""
    out: list[AttendanceRecord] = []
    for m in _APOLOGY_LIST.finditer(p, start, end):
        for s, _e, line in lines(p, m.end() + 1, end):
            if not line.strip():
                continue
            names = find_names(line, offset=s)
            if not names or len(line.split()) > 8:
                break
            sub = _BRACKET_SUB.search(line)
            for n in _line_people(p, names, sub.start() + s if sub else None):
                out.append(_person(text, n.start, n.end, "apologies", "Apologies"))
            for n in find_names(sub.group("n"), offset=s + sub.start("n")) if sub else []:
                out.append(_person(text, n.start, n.end, "substitute", "Substitutes"))
    return out


def _attendance(text: str, p: str, start: int, end: int) -> list[AttendanceRecord]:
    """Apologies and substitutes written in an item's minutes. The project's apologies
    reader reads the sentence; the substitutes named inside it are taken out first (blanked,
    offsets kept) and read here, with the platform's other ways of naming substitutes."""
    # a list of names runs over a line break, not over a blank line (a list one name a line)
    flat = re.sub(r"(?<=\S)([ \t]*)\n(?=[ \t]*\S)", lambda m: m.group(1) + " ", p[:end])
    masked = _SUB_CLAUSE.sub(lambda m: " " * len(m.group(0)), flat[start:end])
    masked = softened(flat[:start] + masked, start, end)
    try:
        found = apologies_in_text(masked, masked, start, end)
    except ValueError:  # a list the shared reader cannot split: read its names alone
        found = []
    found = [
        _person(text, a.start, a.end, a.status, a.heading) if a.name != text[a.start : a.end] else a
        for a in found
    ]
    found += _apology_list(text, p, start, end)
    found += bulleted_apologies(text, flat, start, end)
    found += _substitutes(text, flat, start, end)
    found += substitution_lines(text, p, start, end)
    found += remote_presence(text, flat, start, end)
    return found


_PRESENT_LABEL = re.compile(r"(?im)^[ \t]*(?:Present|Attendance|Attendees)[ \t]*:")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _present(text: str, p: str, start: int, end: int) -> list[AttendanceRecord]:
    """A "Present:" / "Attendance:" list above the items, where the page shows one."""
    m = _PRESENT_LABEL.search(p[start:end])
    if not m:
        return []
    return parse_attendance(text, start + m.start(), end)


def _present_in_minutes(text: str, p: str, start: int, end: int) -> list[AttendanceRecord]:
    """A "Present:" list in an item's minutes (an "Attendance" item, or the minutes opening
    with who came), to the end of its paragraph; the apologies labelled in it too."""
    m = _PRESENT_LABEL.search(p[start:end])
    if not m:
        return []
    stop = _BLANK_LINE.search(p, start + m.end(), end)
    return parse_attendance(text, start + m.start(), stop.start() if stop else end)


def _untitled(text: str, p: str, body: int, found: list[_Item]) -> list[AttendanceRecord]:
    """The apologies in the text before the first title the page shows: the minutes of items
    whose titles the rendering dropped are the meeting's all the same."""
    if not found or not p[body : found[0].start].strip():
        return []
    return _present_in_minutes(text, p, body, found[0].start) + _attendance(
        text, p, body, found[0].start
    )


# -- the meeting --------------------------------------------------------------------------


def _one_ref_per_meeting(refs: list[MeetingRef], committee: str) -> tuple[MeetingRef, ...]:
    """Each earlier meeting once: the agenda's "To confirm the minutes of the meeting held on
    5 May" and the minutes' "RESOLVED that the minutes ... 5 May be approved" are one;
    approving outranks referring."""
    best: dict[tuple[dt.date, str | None], MeetingRef] = {}
    for ref in refs:
        if ref.body and _same_body(ref.body, committee):
            ref = replace(ref, body=None)  # "the minutes of the <this committee> held on"
        key = (ref.date, ref.body)
        if key not in best or (ref.relation == "approves" and best[key].relation != "approves"):
            best[key] = ref
    return tuple(sorted(best.values(), key=lambda r: r.start))


_same_body = same_body


def _record_span(
    p: str, item: _Item, end: int, *, labelled: bool, agenda: bool
) -> tuple[int, int] | None:
    """Where an item's minutes or decision are: after its "Minutes:" / "Decision:" label;
    on a page whose rendering lost the labels, its text after the title (none on an agenda)."""
    while end > item.title_end and p[end - 1] in " \t\n|":
        end -= 1  # a pipe table's cell and row ends
    m = _RECORD_LABEL.search(p, item.title_end, end)
    if m:
        return m.end(), end
    if labelled or agenda:
        return None
    return item.title_end, end


def _item_records(
    text: str, p: str, found: list[_Item], end: int, *, agenda: bool
) -> tuple[list[ItemRecord], list[AttendanceRecord]]:
    labelled = bool(_RECORD_LABEL.search(p, found[0].start if found else 0, end))
    items: list[ItemRecord] = []
    attendance: list[AttendanceRecord] = []
    for k, it in enumerate(found):
        stop = found[k + 1].start if k + 1 < len(found) else end
        span = _record_span(p, it, stop, labelled=labelled, agenda=agenda)
        resolutions: list[ActionRecord] = []
        actions: list[ActionRecord] = []
        if span is not None:
            resolutions = find_resolutions(text, p, *span)
            actions = find_actions(text, p, *span)
            # the apologies readers after the list, so that theirs win for a name both read
            attendance += _present_in_minutes(text, p, *span) + _attendance(text, p, *span)
        items.append(
            ItemRecord(
                number=it.number,
                title=it.title,
                position=k + 1,
                start=it.start,
                end=stop,
                title_start=it.title_start,
                resolutions=tuple(resolutions),
                actions=tuple(actions),
            )
        )
    return items, attendance


def _unescaped(doc: Document) -> Document:
    """The document with its address as a browser reads it: a saved page's canonical link
    keeps the HTML escape in ``?CId=41&amp;MId=5120``."""
    if doc.url and "&amp;" in doc.url:
        return replace(doc, url=html.unescape(doc.url))
    return doc


def read(doc: Document) -> list[MeetingRecord]:
    """The meeting the page is of (one record), or none where the page shows no items and no
    heading. A page showing one of the meeting's documents (``F=`` in the older address)
    holds that document's own text: the printed reader reads it."""
    if "f" in query(doc):
        return segment(doc)
    text = doc.text
    p = plain(text)
    start = p.find("\n") + 1 if p.startswith("URL:") else 0
    header = ITEMS_HEADER.search(p, start)
    head_end = header.start() if header else min(len(p), start + 1500)
    heading = _heading(p, start, head_end)
    if header:
        body = header.end()
    else:  # no header: the items follow the heading and the venue and contact lines
        labels = list(_HEAD_LINE.finditer(p, start, head_end))
        body = max([m.end() for m in labels] + [heading.end if heading else start])
    pipes = bool(header and "|" in header.group(0))
    found = _items(text, p, body, len(p), pipes=pipes)
    if not found and heading is None:
        return []
    first = next((ln for ln in p[start:head_end].splitlines() if ln.strip()), "")
    agenda = bool(_AGENDA_ONLY.match(first))
    items, attendance = _item_records(text, p, found, len(p), agenda=agenda)
    attendance = _present(text, p, start, head_end) + _untitled(text, p, body, found) + attendance
    attendance = list({(a.start, a.end): a for a in attendance}.values())  # each name once
    date = heading.date if heading else None
    committee = heading.committee if heading else _undated_committee(p, start, head_end)
    return [
        MeetingRecord(
            source=doc.source,
            section="web_page",
            committee=committee,
            date=date,
            start=start,
            end=len(text),
            start_time=heading.time if heading else None,
            venue=_venue(p, start, found[0].start if found else len(p)),
            name=clean(first) if PAGE_TITLE.fullmatch(first) else None,
            items=tuple(items),
            attendance=tuple({(a.start, a.end): a for a in attendance}.values()),
            refs=_one_ref_per_meeting(
                page_refs(p, body, len(p), date, [(it.start, it.end) for it in items]), committee
            ),
            platform_id=platform_id(_unescaped(doc)),
        )
    ]


register(
    "moderngov_meeting",
    'ModernGov "Agenda and minutes" meeting pages (ieListDocuments.aspx, ceListDocuments.aspx)',
    detect=detect,
    read=read,
)
