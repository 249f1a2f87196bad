"""Members listed with a mark and a key to it: who attended is told by the mark.

Some councils print the whole membership at the head of the minutes and mark who was
there, or who was not, with a key beside the list:

    * Councillor A Smith (Chair)          MEMBERSHIP
      Councillor B Jones                  Persons absent are marked with 'A'
    * Councillor C Brown                  Sam Smith (Chairman)
    (* = present at the meeting)          A Johno Lee

With a key for who was present ("* = present", "*Present"), a member not marked was
absent; with a key for who was absent ("absent are marked with 'A'", "A = absent"), a
member not marked was there. Labels inside the list ("Chairman:", "Co-opted members",
"OFFICERS IN ATTENDANCE") give the capacity, and the chair's office, of the names below
them; a list under "Apologies" is of apologies whatever its marks.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import AttendanceRecord
from ..names import find_names
from .attendance import Heading, heading_of, parse_attendance
from .text import clean, lines

__all__ = ["marked_attendance"]

_SAYS = r"(?:=|-|–|—|:|denotes|indicates|means)"
# "(* = present at the meeting)", "*Present", "* denotes present", "* Members present"
_KEY_PRESENT = re.compile(
    rf"(?i)^\(?\s*\*\s*{_SAYS}?\s*(?:(?:members|councillors|those)\s+)?"
    r"(?:present|attended|in\s+attendance)(?:\s+at\s+the\s+meeting)?\s*\)?\.?$"
)
# "Persons absent are marked with 'A'", "(A = absent)", "'A' denotes absence"
_KEY_ABSENT = re.compile(
    r"(?i)^\(?\s*(?:(?:persons|members|those|councillors)\s+)?(?:absent|not\s+present)\s+(?:are\s+|is\s+)?"
    r"(?:marked|shown|indicated)\s+(?:with|by|as)\s+['‘’\"]?(?P<m>[A-Z*])['‘’\"]?\s*\)?\.?$"
    rf"|^\(?\s*['‘’\"]?(?P<m2>[A-Z*])['‘’\"]?\s*{_SAYS}\s*(?:absent|absence|apologies)\s*\)?\.?$"
)
_CHAIR_LABEL = re.compile(r"(?i)(?:vice[- ]?)?chair(?:man|person|woman)?")


def _key(text: str, start: int, end: int) -> tuple[str, str] | None:
    """The list's key: what its mark stands for ("present", "absent") and the mark."""
    for _, _, line in lines(text, start, end):
        bare = " ".join(line.split())  # as written: clean() would drop a mark
        if _KEY_PRESENT.match(bare):
            return "present", "*"
        m = _KEY_ABSENT.match(bare)
        if m:
            return "absent", (m.group("m") or m.group("m2")).upper()
    return None


def _mark(line: str, mark: str) -> int:
    """How long the mark that opens ``line`` is (with the space after it); 0 unmarked. A
    letter is a mark only before a whole name ("A Johno Lee"), not before a surname ("A
    Smith": an initial)."""
    body = line.lstrip()
    lead = len(line) - len(body)
    if mark == "*":
        m = re.match(r"\*+[ \t]*", body)
        return lead + m.end() if m else 0
    m = re.match(rf"{re.escape(mark)}[ \t]+(?=[A-Z][\w'’-]+[ \t]+[A-Z])", body)
    return lead + m.end() if m else 0


def _label(text: str) -> Heading | None:
    """A label inside the list ("Chairman:", "COUNCILLORS", "Co-opted members"): a line
    of a few words naming no one."""
    bare = text.rstrip(":-– ").strip()
    if not bare or len(bare.split()) > 5 or find_names(bare):
        return None
    return heading_of(bare)


def marked_attendance(text: str, start: int, end: int) -> list[AttendanceRecord]:
    """Who attended, as a marked list in ``text[start:end]`` (the minutes' head, before the
    first item) records it; none where the head shows no key to a mark. The document's own
    text, not its plain form: that drops the marks ("*")."""
    key = _key(text, start, end)
    if key is None:
        return []
    meaning, mark = key
    out: list[AttendanceRecord] = []
    under = Heading("Members", "present", "member", False)
    role: str | None = None
    for s, _e, line in lines(text, start, end):
        text_line = clean(line)
        bare = " ".join(line.split())
        if not text_line or _KEY_PRESENT.match(bare) or _KEY_ABSENT.match(bare):
            continue
        label = _label(text_line)
        if label is not None:
            office = text_line.rstrip(":-– ").strip()
            if _CHAIR_LABEL.fullmatch(office):
                role = office  # "Chairman:" over the one name it is of
            else:
                under, role = label, None
            continue
        if len(line.split()) > 16 or line.rstrip().endswith("."):
            continue  # a sentence, not a name
        chair = bool(role) and not re.match(r"(?i)vice", role or "")
        # the list in columns: each cell its own mark ("* Mrs A Lowe (Chairman)     * Mr B Hall")
        for cs, ce in _cells(line):
            skip = _mark(line[cs:ce], mark)
            status = under.status
            if status == "present" and under.capacity != "officer":
                status = "present" if (skip > 0) == (meaning == "present") else "absent"
            elif status == "present" and skip and meaning == "absent":
                status = "absent"
            heading = replace(under, status=status)
            for r in parse_attendance(text, s + cs + skip, s + ce, default=heading):
                out.append(replace(r, role=r.role or role, chair=r.chair or chair))
        role = None
    return out


def _cells(line: str) -> list[tuple[int, int]]:
    """The spans of a line's cells: its text split at gaps of three spaces or more.

    >>> line = "  * Mrs A Lowe (Chairman)     * Mr B Hall"
    >>> [line[s:e] for s, e in _cells(line)]
    ['  * Mrs A Lowe (Chairman)', '     * Mr B Hall']
    """
    cuts = [m.start() for m in re.finditer(r"(?<=\S)[ \t]{3,}(?=\S)", line)]
    bounds = [0, *cuts, len(line)]
    return list(zip(bounds, bounds[1:], strict=False))
