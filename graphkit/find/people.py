"""People: titled names anywhere ("Councillor Sandhu", "Mrs S Hanson", "Head Teacher Paul
Green"); names the structured parts of a document introduce (attendance lists, authors,
contacts, work-programme leads), wherever they recur; full names that expand a known
initial ("John Gregg" for "J Gregg").

A name whose own words and context do not make it a person's is kept as a candidate that
only the gazetteer can confirm (:attr:`Candidate.known`): resolved once every document's
names are known.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from ..model import Document, MeetingRecord
from ..names import (
    COUNCILLORS,
    ParsedName,
    capital_names,
    find_names,
    grid_names,
    is_forename,
    listed_names,
    looks_like_role,
)
from ..segment.text import plain
from .candidates import PERSON, Candidate, Deputy
from .patterns import _ORG_BODY, _ORG_HEADS

__all__ = ["find_people", "lead_affiliations", "lead_names", "structured_people"]

# a post or an affiliation after a name, set off by a comma, a dash, brackets, "the" or a
# table gap: "Jo Bell, Head of Service", "Jo Bell - Parks Manager", "Jo Bell (Chief Executive)"
_ROLE_AFTER = re.compile(
    r"(?:[ \u00a0]*,[ \u00a0]*\(?|[ \u00a0]+[-–—][ \u00a0]+|[ \u00a0]*\(|[ \u00a0]+the[ \u00a0]+"
    r"|[ \u00a0]{2,})(?P<role>[A-Z][^,\n.;()|]{1,70})"
)
_CONTACT_BEFORE = re.compile(r"(?:Contact|Authors?|Lead officer|Report author)s?\s*:?\s*$", re.I)
# a person named by initials alone stands in a list: at the start of a line or cell, or after
# a comma or "and"; and ends it, or goes on to a comma, a dash or a bracket
_LIST_BEFORE = re.compile(
    r"(?:(?:^|[\n\t|,;&]|\band)[ \u00a0]*(?:\(?[a-z0-9]{1,3}[.)][ \u00a0]+)?"
    r"|(?:^|\s)\(?[a-z][.)][ \u00a0]+"  # a lettered list run into one line: "b. M Hale - Parking"
    r"|\b(?:Representative|Officer|Manager|Director|Governor|Adviser|Advisor)[ \u00a0]+)$"
)
_LIST_AFTER = re.compile(r"[ \u00a0]*(?:$|[\n|,;&(]|[-–—][ \u00a0]|and\b)")
# a plural title that ends its line: the list of people follows on the next
_PLURAL_EOL = re.compile(rf"(?<![\w'’]){COUNCILLORS}\.?[ \t\u00a0]*\n[ \t\u00a0]*")
_SAINT_BEFORE = re.compile(r"\b(?:St|Saint)\.?[ \u00a0]+$")
# "Deputy Welbank" is the "Deputy Michael Welbank" named before; alone, "Deputy" starts a
# post ("Deputy Returning Officer"): which surname follows is known once the names are
_DEPUTY = re.compile(r"(?<![\w'’])Deputy[ \u00a0]+")
DEPUTY_TAIL = 100  # the longest surname a "Deputy ..." is read with


def _by_itself(text: str, n: ParsedName) -> bool:
    """Whether a name ``find_names`` read is a person's by its own words and context: a
    title, a forename, a post after it, or a list it stands in (the gazetteer may still
    know it, :meth:`Gazetteer.knows`)."""
    if n.title:
        return True
    before = text[max(0, n.start - 40) : n.start]
    if n.given:
        if _SAINT_BEFORE.search(before):
            return False  # "St Thomas More": a church or a school
        if is_forename(n.given):
            return True
        role = _ROLE_AFTER.match(text, n.end)
        return bool(role and looks_like_role(role.group("role"))) or bool(
            _CONTACT_BEFORE.search(before)
        )
    # "P Baggott, M. Burns", "c. M Whitehead - Proposed Site": initials in a list
    return bool(n.initials and _LIST_BEFORE.search(before) and _LIST_AFTER.match(text, n.end))


class _LineStarts:
    """Where the line holding an offset starts (``text.rfind("\\n", 0, at)``), by bisection
    over the line breaks found once, so a text without breaks costs no rescans."""

    def __init__(self, text: str) -> None:
        self.breaks = [m.start() for m in re.finditer("\n", text)]

    def __call__(self, at: int) -> int:
        i = bisect.bisect_left(self.breaks, at)
        return self.breaks[i - 1] if i else -1


def find_people(text: str) -> tuple[list[Candidate], list[Deputy]]:
    """The PERSON candidates in ``text`` in the order they are proposed, and every
    "Deputy " that a known surname may follow."""
    out: list[Candidate] = []

    def add(n: ParsedName, known: ParsedName | None = None) -> None:
        out.append(
            Candidate(n.start, n.end, PERSON, honorific=n.title, known=known, surname=n.surname)
        )

    grid = grid_names(text)
    for n in grid:
        add(n)
    # a grid line is read whole above; names read pairwise across it would be cut wrong
    line_of = _LineStarts(text)
    lines = {line_of(n.start) for n in grid}
    for n in find_names(text):
        if line_of(n.start) in lines:
            continue
        known = None if _by_itself(text, n) else n
        add(n, known)
        if n.plural_title:  # "Councillors K Caan and R Ali", "Cllrs Kent, Morris and Pearce"
            for listed in listed_names(text, n.end):
                add(listed, known)
    for n in capital_names(text):  # "COUNCILLOR J SMITH" in a PDF's heading or list
        add(n)
    for m in _PLURAL_EOL.finditer(text):
        for listed in listed_names(text, m.end(), first=True):
            add(listed)
    deputies = [
        Deputy(m.start(), m.group(), text[m.end() : m.end() + DEPUTY_TAIL + 1])
        for m in _DEPUTY.finditer(text)
    ]
    return out, deputies


def structured_people(doc: Document, meetings: Iterable[MeetingRecord]) -> list[ParsedName]:
    """Names the document introduces in structured places."""
    out = []
    for rec in meetings:
        for a in (*rec.attendance, *rec.membership):
            out.extend(find_names(a.name))
        for row in rec.work_programme:
            out.extend(lead_names(row.lead or ""))
    p = plain(doc.text)
    for m in re.finditer(
        r"(?im)^[ \t]*(?:authors?|contact(?: officer)?|report author|lead officer)s?[ \t]*:(?P<rest>[^\n]*(?:\n(?![ \t]*\n)[^\n]*)?)",
        p,
    ):
        out.extend(n for n in find_names(m.group("rest")) if n.given)
    return out


_LEAD_CELL_SPLIT = re.compile(r",|\s[-–]\s|/")


def lead_names(cell: str) -> list[ParsedName]:
    """People named in a work-programme lead cell; a trailing affiliation is not a name.

    >>> [n.bare for n in lead_names("Anna Hargraves, South Warwickshire CCG")]
    ['Anna Hargraves']
    >>> [n.bare for n in lead_names("Kirston Nelson Sara Mills, Jeanette Essex")]
    ['Kirston Nelson', 'Sara Mills', 'Jeanette Essex']
    """
    out: list[ParsedName] = []
    for piece in _LEAD_CELL_SPLIT.split(cell):
        if re.search(r"\b[A-Z]{2,}\b|\b(?:Council|Trust|CCG|NHS|Partnership|University)\b", piece):
            continue  # an affiliation: "South Warwickshire CCG", "SWFT"
        out.extend(find_names(piece))
    return out


def is_a_person(text: str) -> bool:
    """Whether ``text`` is one person's name ("Jane Hill"), not a body that holds a name-like
    run of words ("Carers Together Westmere", "Age UK Westmere")."""
    return any(n.text == text.strip() and (n.given or n.title) for n in find_names(text.strip()))


def lead_affiliations(cell: str) -> list[str]:
    """Bodies a work-programme lead cell names beside its people.

    >>> lead_affiliations("Tom Ellery - NCFT")
    ['NCFT']
    >>> lead_affiliations("Anna Hargraves, South Warwickshire CCG / Ben Lowe")
    ['South Warwickshire CCG']
    """
    out = []
    for piece in _LEAD_CELL_SPLIT.split(cell):
        piece = piece.strip()
        if re.fullmatch(r"[A-Z]{2,6}", piece) or re.fullmatch(
            rf"{_ORG_BODY} (?:{_ORG_HEADS})", piece
        ):
            out.append(piece)
    return out
