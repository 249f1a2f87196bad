"""Attendance written in the minutes of ModernGov pages, in forms the shared apologies reader
(:mod:`graphkit.segment.attendance`) does not know. Each function complements it and keeps
the text's offsets, so its records point at the names as written:

- :func:`softened`: the sentence with a filler word ("were *also* received from") or a
  role in commas before the verb ("Mr B Hall, parent governor, sent his apologies") blanked
  out, so the shared reader reads it;
- :func:`bulleted_apologies`: a list run into one line after "from:", each name behind a
  bullet ("… received from: • Cllr A – Member • Cllr B – Member. …"), which ends with the
  first sentence;
- :func:`substitution_lines`: "A for B" lines under a "Declarations of substitutes" heading;
- :func:`remote_presence`: "Mrs C was in virtual attendance", "Mr D attended remotely".
"""

from __future__ import annotations

import re

from ..model import AttendanceRecord
from ..names import COUNCILLORS, find_names
from ..segment.text import lines

__all__ = [
    "bulleted_apologies",
    "names_before",
    "person",
    "remote_presence",
    "softened",
    "substitution_lines",
]

# "were also received", "had also been received": the filler the shared reader stops at
_ALSO = re.compile(
    r"(?i)\b(?:were|was|had|have)(?:\s+been)?\s+(?P<also>also)\s+(?:been\s+)?"
    r"(?:received|submitted|noted|given|tendered|reported)\b"
)
# "…, Diocesan representative, submitted their apologies": a role in commas before the verb
_ROLE_BEFORE_VERB = re.compile(
    r",[ \t]*[^,.;\n]{1,60}?,[ \t]*(?=(?:had[ \t]+)?(?:sent|gave|tendered|submitted|offered)"
    r"[ \t]+(?:(?:his|her|their)[ \t]+)?apologies)",
    re.I,
)
# "Apologies were received from:" with the list on the same line, behind bullets
_FROM_COLON = re.compile(r"(?i)\bapologies\b[^.:\n]{0,80}?\bfrom[ \t]*:[ \t]*(?=[•·▪][ \t]*\S)")
_BULLET = re.compile(r"[•·▪]")
# the end of a sentence: a full stop, then a capital or the line's end
_SENTENCE_END = re.compile(r"\.(?=[ \t]+[A-Z(]|[ \t]*(?:\||\n|$))")
# a short heading line that opens a list of substitutions
_SUBS_HEADING = re.compile(
    r"^[ \t]*(?:[\w.()]{1,6}[ \t]+)?(?:Declarations?[ \t]+of[ \t]+)?substitut(?:es|ions?)\b[^\n.]{0,30}$",
    re.I,
)
# a numbered sub-heading ("1b Declarations of interests"): the substitutions end there
_SUB_HEADING = re.compile(r"^[ \t]*\d{1,3}[a-z][ \t]+[A-Z]")
# "in virtual attendance", "attended remotely", "attended the meeting online"
_REMOTE = re.compile(
    r"[ \t]+(?:was|were)[ \t]+in[ \t]+(?:virtual[ \t]+|remote[ \t]+)?attendance\b"
    r"|[ \t]+attended(?:[ \t]+the[ \t]+meeting)?[ \t]+(?:virtually|remotely|online)\b",
    re.I,
)


def person(text: str, s: int, e: int, status: str, heading: str) -> AttendanceRecord:
    """One person as written; a list's plural title ("Councillors A Bell") is the list's."""
    plural = re.match(rf"{COUNCILLORS}\.?\s+", text[s:e])
    s += plural.end() if plural else 0
    return AttendanceRecord(
        name=" ".join(text[s:e].split()),
        start=s,
        end=e,
        status=status,
        capacity="member",
        heading=heading,
        capacity_stated=False,
    )


def softened(flat: str, start: int, end: int) -> str:
    """``flat`` with the words the shared apologies reader stops at blanked in
    ``flat[start:end]``, offsets kept.

    >>> softened("Apologies were also received from Cllr Bo Lane.", 0, 47)
    'Apologies were      received from Cllr Bo Lane.'
    >>> out = softened("Mr Al Reed, governor, sent his apologies.", 0, 41)
    >>> " ".join(out.split()), len(out)
    ('Mr Al Reed sent his apologies.', 41)
    """
    part = _ALSO.sub(
        lambda m: m.group(0).replace(m.group("also"), " " * len(m.group("also"))),
        flat[start:end],
    )
    part = _ROLE_BEFORE_VERB.sub(lambda m: " " * len(m.group(0)), part)
    return flat[:start] + part + flat[end:]


def names_before(flat: str, s: int, verb: int) -> list[tuple[int, int]]:
    """The run of names that ends just before ``verb`` (a list joined by commas and "and");
    a name after "for" is the person replaced, not the one the verb is about."""
    names = find_names(flat[s:verb], offset=s)
    run: list[tuple[int, int]] = []
    stop = verb
    for n in reversed(names):
        gap = flat[n.end : stop]
        if not re.fullmatch(r"[ \t]*(?:,|and|&|,[ \t]*and)?[ \t]*", gap):
            break
        run.insert(0, (n.start, n.end))
        stop = n.start
    if run and re.search(r"\b(?:for|from|of)[ \t]*$", flat[max(s, run[0][0] - 6) : run[0][0]]):
        run = run[1:]
    return run


def bulleted_apologies(text: str, flat: str, start: int, end: int) -> list[AttendanceRecord]:
    """Apologies listed behind bullets on the line of "Apologies were received from:"; the
    list ends with the first sentence, so bullets after it (guests, officers) are not
    apologies. Each bullet's person is its first name; a role after a dash is dropped."""
    out: list[AttendanceRecord] = []
    for m in _FROM_COLON.finditer(flat, start, end):
        line_end = flat.find("\n", m.end(), end)
        stop = _SENTENCE_END.search(flat, m.end(), end if line_end == -1 else line_end)
        list_end = stop.start() if stop else (end if line_end == -1 else line_end)
        marks = [b.start() for b in _BULLET.finditer(flat, m.end(), list_end)] + [list_end]
        for bs, be in zip(marks, marks[1:], strict=False):
            names = find_names(flat[bs + 1 : be], offset=bs + 1)
            if names:
                out.append(person(text, names[0].start, names[0].end, "apologies", "Apologies"))
    return out


def substitution_lines(text: str, p: str, start: int, end: int) -> list[AttendanceRecord]:
    """Under a "Declarations of substitutes" heading, lines "Councillor A for Councillor B":
    A attends as a substitute (B's absence is not said to be an apology). The list ends at
    the next numbered sub-heading or a line that names no one."""
    out: list[AttendanceRecord] = []
    in_list = False
    for s, _e, line in lines(p, start, end):
        if _SUBS_HEADING.match(line):
            in_list = True
            continue
        if not in_list or not line.strip():
            continue
        if _SUB_HEADING.match(line):
            in_list = False
            continue
        names = find_names(line, offset=s)
        if len(names) < 2 or not re.search(r"\bfor\b", p[names[0].end : names[1].start]):
            if not names:
                in_list = False
            continue
        out.append(person(text, names[0].start, names[0].end, "substitute", "Substitutes"))
    return out


def remote_presence(text: str, flat: str, start: int, end: int) -> list[AttendanceRecord]:
    """People said to attend from afar ("was in virtual attendance", "attended remotely"):
    present. A sentence that gives their apologies as well is left to the apologies."""
    out: list[AttendanceRecord] = []
    for m in _REMOTE.finditer(flat, start, end):
        sentence = max(
            flat.rfind(". ", start, m.start()) + 2, flat.rfind("\n", start, m.start()) + 1
        )
        if re.search(r"(?i)\bapolog", flat[sentence : m.start()]):
            continue
        for ns, ne in names_before(flat, max(sentence, start), m.start()):
            out.append(person(text, ns, ne, "present", "Present"))
    return out
