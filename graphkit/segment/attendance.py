"""Attendance blocks ("Present: ... Apologies: ...") and agenda membership lists.

Names are found first (``graphkit.names``); the text between two names is the
role of the first ("(Chair)", ", Director of Children's Services"), and text
before the first name on a line is a directorate shared by the line
("Children's Services J Gregg, A King").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .. import lexicon
from ..model import AttendanceRecord
from ..names import (
    ANY_COUNCILLOR,
    COUNCILLOR,
    COUNCILLORS,
    ROLE_WORDS,
    SURNAME,
    TITLE_WORDS,
    UNTIL_STOP,
    ParsedName,
    find_names,
    grid_names,
    looks_like_role,
)
from .text import WRAPPED, clean, lines, paragraphs

__all__ = ["apologies_in_item", "apologies_in_text", "heading_of", "parse_attendance"]

_SMALL = lexicon.small_words()
_SURNAME_ONLY = re.compile(rf"^(?P<s>{SURNAME})\s*(?:\((?P<r>[^)]*)\))?$")
_NOT_A_ROLE = lexicon.words("prefix_not_a_role.txt")
# "Convener": the chair of a Scottish council's committee
_CHAIR = re.compile(
    r"(?:the\s+)?(?:chair(?:man|person|woman)?|conven[eo]r)(?:\s+of\s+.*)?|in\s+the\s+chair"
)
_VICE_CHAIR = re.compile(r"(?:vice[- ]?|depute\s+)(?:chair(?:man|person|woman)?|conven[eo]r)")
_OFFICER_POST = re.compile(
    r"^(?:Head of|(?:[A-Z][a-z]+ )?Director\b|Chief Executive|Clerk\b"
    r"|Solicitor|Monitoring Officer)|\b"
    + lexicon.alternation(lexicon.lines("officer_post_ends.txt"))
    + "$",
    re.I,
)
# an office whose holder is named in brackets after it: "The Mayor (Councillor A Smith)"
_OFFICE_THEN_NAME = re.compile(
    r"(?:^\s*|[,;:]\s*)(?:(?i:the)\s+)?(?P<office>[A-Z][^,;:()\n]{2,60}?)\s*\(\s*"
)
# "Councillor", "County Councillor", "DISTRICT COUNCILLOR" before a name
_COUNCILLOR_TITLED = re.compile(rf"(?i:(?:[a-z]+\s+){{0,2}}{COUNCILLOR})\b")
_THE_PUBLIC = re.compile(r"(?i)\w+\s+members?\s+of\s+(?:the\s+)?(?:public|press)")
_SUBSTITUTE = re.compile(r"(?:substitut(?:e|ing)|deputising|in\s+place)\b", re.I)
# cells of a table row, or a name and a role set apart by a dash or a wide gap
_CELL_GAP = re.compile(r"[ \t]*\|[ \t]*|\t+|[ \t]{3,}|[ \t]+[-–—][ \t]+")
_HEADING = re.compile(
    r"^[ \t]*(?P<h>[A-Z][A-Za-z\-’' ]{1,40}?(?:\s*\([^)\n]{1,40}\))?)[ \t]*:[ \t]*(?:[-–—][ \t]*)?(?P<rest>.*)$",
    re.S,  # a logical line may run over a line break
)

# a label under a heading saying for how much of the meeting the people on the line were
# there ("Whole of meeting:", "Part of meeting:", "For item 5:"): they are under the heading
# above it ("Officers:")
_PART_LABEL = re.compile(
    r"(?i:(?:the\s+)?(?:whole|part|all|rest|remainder|start|end)\s+of\s+(?:the\s+)?meeting"
    r"|(?:for\s+)?(?:agenda\s+)?items?(?:\s+[\w.,&/ -]{1,20})?)"
)


# members who attend a committee they are not on, under a heading of their own
_ATTENDING = re.compile(
    r"(?i)(?:other\s+)?(?:members?|councillors?)\s+(?:also\s+)?attending\s+(?:in\s+accordance\s+with|under)"
    r"\s+(?:standing\s+order|procedure\s+rule|rule)\b[^:]{0,40}"
)


_CABINET_MEMBER = re.compile(r"\b(deputy )?cabinet member\b")
_BODY_LABEL = re.compile(r"\b(?:Council|Authority)$")


@dataclass(frozen=True)
class Heading:
    text: str
    status: str
    capacity: str
    capacity_stated: bool = True


def heading_of(label: str) -> Heading | None:
    """The status and capacity an attendance heading stands for.

    >>> heading_of("Co-Opted Members")
    Heading(text='Co-Opted Members', status='present', capacity='co-opted', capacity_stated=True)
    >>> heading_of("Apologies for absence").status
    'apologies'
    >>> heading_of("Note") is None
    True
    """
    low = label.lower()
    rules = (
        ("apolog", "apologies", "member", False),
        ("absent", "absent", "member", False),
        ("substitut", "substitute", "member", True),
        ("co-opted", "present", "co-opted", True),
        ("coopted", "present", "co-opted", True),
        ("co opted", "present", "co-opted", True),
        ("non-cabinet", "present", "other-member", True),  # "(non-Cabinet)"
        ("cabinet", "present", "cabinet-member", True),
        ("other member", "present", "other-member", True),
        ("other councillor", "present", "other-member", True),
        ("ward member", "present", "other-member", True),
        ("employee", "present", "officer", True),
        ("officer", "present", "officer", True),
        ("staff", "present", "officer", True),
        ("in attendance", "present", "officer", True),
        ("invitation", "present", "invited", True),
        ("invited", "present", "invited", True),
        ("guest", "present", "invited", True),
        ("representative", "present", "invited", True),
        ("observer", "present", "observer", True),
        ("also present", "present", "other-member", True),
        ("member", "present", "member", True),
        ("councillor", "present", "member", True),
        ("aldermen", "present", "member", True),
        ("attendees", "present", "member", True),
        ("sederunt", "present", "member", True),  # Scottish minutes' list of those present
        ("attending", "present", "officer", True),  # "Attending:" officers, in Scotland
        ("present", "present", "member", True),
        ("chair", "present", "member", True),
        ("attendance", "present", "member", True),
    )
    for key, status, capacity, stated in rules:
        if key in low:
            return Heading(label.strip(), status, capacity, stated)
    return None


def _split_top(text: str) -> list[str]:
    """Split at commas and semicolons outside parentheses."""
    parts: list[str] = []
    cur: list[str] = []
    depth = 0
    for ch in text:
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        if ch in ",;" and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur))
    return parts


def _role(piece: str) -> str | None:
    """The role written beside a name, without its brackets.

    >>> _role(" (Leader of the Council) (Chair)"), _role("(Parish Clerk) and 3 members of the public")
    ('Leader of the Council, Chair', 'Parish Clerk')
    """
    # "(Chair)<br />" in a page's text (a tag; "<Children's>" written in the text is no tag)
    piece = re.sub(
        r"</?(?:br|p|span|strong|em|b|i|u|div|font|sup|sub)\b[^<>\n]{0,200}>|\*\*|__", " ", piece
    )  # and Markdown's bold: "**Councillor A Bell** (Chair)"
    piece = " ".join(piece.split()).strip(" ,;.–-")
    piece = re.sub(r"(?:^|\s+)(?:and|&)$", "", piece).strip()
    groups = re.match(r"(?:\(([^()]*)\)\s*)+", piece)
    if groups and (groups.end() == len(piece) or re.match(r"(?:and|&)\s", piece[groups.end() :])):
        # "(Leader) (Chair)" is two roles; "(Clerk) and 3 members of the public" ends at "and"
        piece = ", ".join(x.strip() for x in re.findall(r"\(([^()]*)\)", piece[: groups.end()]))
    return piece or None


# the headings that say only who was there, by the capacity they give: under them, a post
# beside a name not titled Councillor makes an officer
_BARE_PRESENT = {
    "member": re.compile(r"(?i:present|attendance|in attendance)"),
    "other-member": re.compile(r"(?i:also\s+(?:present|in\s+attendance))"),
}


def _entry(name_text: str, start: int, end: int, role: str | None, h: Heading) -> AttendanceRecord:
    capacity, stated = h.capacity, h.capacity_stated
    status = h.status
    chair = False
    if capacity == "officer" and _COUNCILLOR_TITLED.match(name_text):
        capacity = "other-member"  # "In attendance: Councillor S Lomax": not an officer
    if role and re.match(r"(?i:attended|attending)\b", role) and status == "present":
        # "Councillor Smith attended the meeting under Procedure 37": present, not a member
        capacity, stated, role = "other-member", True, None
    if role and _SUBSTITUTE.match(role) and status == "present":
        status = "substitute"  # "Councillor A (substituting for Councillor B)"
    replaced = re.match(rf"(?i:for|in\s+place\s+of|replacing)\s+(?={COUNCILLOR}\b)", role or "")
    if replaced and status in ("present", "substitute"):
        # "Substitutes: Councillor A for Councillor B": A substitutes; the role says for whom
        # (B is not made present, nor given an apology the text does not record)
        status, role = "substitute", "substitute for " + (role or "")[replaced.end() :]
    chair, role = _chair_said(role)
    if role:
        # "(Leader, in the Chair)": the chair, and a role beside it
        parts = [p.strip() for p in role.split(",")]
        chairs = [p for p in parts if _CHAIR.fullmatch(p.lower())]
        if chairs:
            chair = True
            role = ", ".join(p for p in parts if p not in chairs) or chairs[0]
        low = role.lower()
        councillor = h.capacity in ("member", "other-member")
        if chair:
            pass
        elif councillor and (cab := _CABINET_MEMBER.search(low)) and not (cab[1] and cab.start()):
            # "Deputy Mayor and Cabinet Member for Finance"; a deputy cabinet member is none
            capacity, stated = "other-member" if cab[1] else "cabinet-member", True
        elif low in ("officer", "officers"):
            capacity, stated, role = "officer", True, None  # the column names a capacity
        elif low == "observer":
            capacity, stated = "observer", True
        elif "co-opted" in low or "co opted" in low:
            capacity, stated = "co-opted", True
        elif "invitation" in low or low == "invited":
            capacity, stated = "invited", True
        elif (
            (bare := _BARE_PRESENT.get(capacity)) is not None
            and bare.fullmatch(h.text)
            and not re.match(rf"(?i:{COUNCILLOR})", name_text)
            and _OFFICER_POST.search(role)
        ):
            # under a bare "Present:" or "Also present:", "Mark Ellison, Head of Looked After
            # Children" is an officer
            capacity, stated = "officer", True
    return AttendanceRecord(
        name=name_text,
        start=start,
        end=end,
        status=status,
        capacity=capacity,
        heading=h.text,
        role=role,
        chair=chair,
        capacity_stated=stated,
    )


def _chair_said(role: str | None) -> tuple[bool, str | None]:
    """Whether a role ends by saying its holder chaired, and the role without those words;
    no role where the words after a name count the public ("..., Cllr A Whitby, 4 members
    of the public").

    >>> _chair_said("Mayor (Chair)"), _chair_said("(Leader) in the Chair"), _chair_said("Chair")
    ((True, 'Mayor'), (True, 'Leader'), (False, 'Chair'))
    >>> _chair_said("4 members of the public")
    (False, None)
    """
    if role and (_THE_PUBLIC.fullmatch(role) or not re.search(r"\w", role)):
        return False, None  # the public, or a footnote's mark ("Rhys Jenkins*")
    said = re.search(
        r"\s*(?:\((?:the\s+)?chair(?:man|person|woman)?\)|\bin\s+the\s+chair)$", role or "", re.I
    )
    if role and said and said.start() > 0:
        return True, role[: said.start()].strip(" (),;") or None
    return False, role


def _status_cell(cell: str) -> tuple[str, str | None] | None:
    """The status (and capacity) a table cell states, as web attendance tables write it.

    >>> _status_cell("Present as substitute"), _status_cell("In attendance"), _status_cell("Chair")
    (('substitute', None), ('present', 'officer'), None)
    """
    low = " ".join(cell.lower().split())
    table = {
        "present": ("present", None),
        "attended": ("present", None),
        "yes": ("present", None),
        "present as substitute": ("substitute", None),
        "substitute": ("substitute", None),
        "in attendance": ("present", "officer"),
        "apologies": ("apologies", None),
        "apologies received": ("apologies", None),
        "sent apologies": ("apologies", None),
        "absent": ("absent", None),
        "no": ("absent", None),
    }
    return table.get(low)


def _cells(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Spans of the non-empty cells of a line ("| Name | Role |", "Name - Role")."""
    out, pos = [], s
    opened = closed = 0  # brackets from ``s`` to ``read``, counted once as the gaps go by
    read = s
    for m in _CELL_GAP.finditer(text, s, e):
        opened += text.count("(", read, m.start())
        closed += text.count(")", read, m.start())
        read = m.start()
        if opened > closed:
            continue  # "(Portfolio Holder – Communities)": a dash inside brackets
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, e))
    return [(a, b) for a, b in out if text[a:b].strip(" \t*_")]


def _parse_line(
    text: str, s: int, e: int, h: Heading, beside: str | None = None
) -> list[AttendanceRecord]:
    """The people one attendance line names, each with their role; a line of table cells
    is read cell by cell where each cell is a person, or as one person and their role or
    attendance."""
    cells = _cells(text, s, e)
    if beside is None and len(cells) > 1:
        named = [(a, b) for a, b in cells if find_names(text[a:b])]
        if not named:
            return []
        if (
            len(named) > 1
            and len(named) == len(cells)
            and all(_leads_with_a_name(text, c) for c in cells)
        ):
            # names in columns: each cell is a person
            return [r for a, b in cells for r in _parse_line(text, a, b, h, beside="")]
        if len(named) == 1 and len(find_names(text[named[0][0] : named[0][1]])) == 1:
            return _person_cell(text, cells, named[0], h)
    return _parse_names(text, s, e, h, beside)


def _leads_with_a_name(text: str, cell: tuple[int, int]) -> bool:
    """Whether a cell begins with a titled name or initials ("Cllr A Rahim", "J Khan")."""
    words = text[cell[0] : cell[1]]
    head = find_names(words)
    return bool(
        head
        and head[0].start == len(words) - len(words.lstrip())
        and (head[0].title or (head[0].initials and not head[0].given))
    )


def _person_cell(
    text: str, cells: list[tuple[int, int]], person: tuple[int, int], h: Heading
) -> list[AttendanceRecord]:
    """The one cell with a name holds the person; the other cells are their role, or their
    attendance ("| Councillor A Rahim | Chair | Apologies |")."""
    a, b = person
    others = [text[x:y].strip(" \t*_") for x, y in cells if (x, y) != (a, b)]
    for cell in others:
        status = _status_cell(cell)
        if status:
            h = replace(h, status=status[0], capacity=status[1] or h.capacity)
    roles = [_role(c) or "" for c in others if not _status_cell(c)]
    return _parse_line(text, a, b, h, beside=", ".join(r for r in roles if r))


def _parse_names(
    text: str, s: int, e: int, h: Heading, beside: str | None
) -> list[AttendanceRecord]:
    """The people a line of prose or one cell names, each with the role written after them
    (or before all of them: "Officers: J Bell, K Lee")."""
    line = text[s:e]
    names, office = _names_on_line(text, s, e)
    if not names:
        return []  # "The panel met at Pittwood House.": no one named
    plural = any(n.plural_title for n in names) or bool(re.match(rf"\s*{COUNCILLORS}\b", line))
    prefix = None if names[0].start in office else _role(text[s : names[0].start])
    if prefix and (prefix.lower().rstrip("s") in _NOT_A_ROLE or prefix.lower() in TITLE_WORDS):
        prefix = None
    out: list[AttendanceRecord] = []
    bounds = [n.start for n in names[1:]] + [e]
    # the words before the first name are the role of its group, up to a semicolon
    # ("Provost Morag Reid; Councillors A, B": A and B are no provosts)
    group_end = _semicolon(text, names[0].end, e)
    for n, stop in zip(names, bounds, strict=True):
        if n.start > group_end:  # the next group's own words: "; Depute Provost Iain Fraser"
            prefix = _role(text[group_end + 1 : n.start]) if n.start not in office else None
            group_end = _semicolon(text, n.end, e)
        role, extra = _role_and_surnames(text, n, stop, plural, h)
        if n.start in office:  # "The Mayor (Councillor A Smith) in the Chair"
            after = _role(re.sub(r"^\s*\)", "", text[n.end : stop]).split(";")[0].split(",")[0])
            role = ", ".join(x for x in (office[n.start], after) if x)
            extra = []
        name_start = n.start
        if n.plural_title:  # "Councillors F Abbott, ...": the title belongs to the list
            # "County Borough Councillors M Rees": the whole title
            lead = re.match(rf"(?:\S+\s+)*?{COUNCILLORS}\.?\s+", n.text) or re.match(
                r"\S+\s+", n.text
            )
            name_start = n.start + (lead.end() if lead else 0)
        if beside:
            role = ", ".join(x for x in (role, beside) if x)
        out.append(_entry(text[name_start : n.end], name_start, n.end, role or prefix, h))
        out.extend(extra)
    return out


def _semicolon(text: str, start: int, end: int) -> int:
    """Where the first semicolon in ``text[start:end]`` is, else ``end``."""
    at = text.find(";", start, end)
    return end if at == -1 else at


def _names_on_line(text: str, s: int, e: int) -> tuple[list[ParsedName], dict[int, str]]:
    """The names of ``text[s:e]`` that are people attending, and the offices written before
    some of them ("The Mayor (Councillor A Smith)": start of the name -> "The Mayor")."""
    line = text[s:e]
    # a name inside parentheses is part of a role: "J Khan (Head of Transport Planning)"
    depth, inside = 0, []
    for ch in line:
        depth += ch == "("
        inside.append(depth > 0)
        depth -= ch == ")" and depth > 0
    # ... but "The Mayor (Councillor A Smith)" names the Mayor
    office: dict[int, str] = {}
    for om in _OFFICE_THEN_NAME.finditer(line):
        post = clean(om.group("office"))
        if looks_like_role(post) and not find_names(post):
            office[s + om.end()] = post
    names = [n for n in find_names(line, offset=s) if not inside[n.start - s] or n.start in office]
    # "Councillor A for Councillor B": the member substituted is part of A's role
    names = [
        n
        for k, n in enumerate(names)
        if not (k and re.search(r"\b(?:for|of|replacing)\s+$", text[names[k - 1].end : n.start]))
    ]
    if (
        len(names) > 1
        and names[0].given
        and not names[0].title
        and all(not n.given for n in names[1:])
    ):
        # "Finance J Kemble, K Lee": in a list of initials, the first word is a directorate
        m = re.search(r"[ \u00a0]([A-Z]\.?[ \u00a0]+\S)", names[0].text)
        if m and len(names[0].text.split()) == 3:
            at = names[0].start + m.start(1)
            names = [n for n in find_names(text[at:e], offset=at) if not inside[n.start - s]]
    return names, office


def _role_and_surnames(
    text: str, n: ParsedName, stop: int, plural: bool, h: Heading
) -> tuple[str | None, list[AttendanceRecord]]:
    """The role written after name ``n`` (before the next name at ``stop``), and the people
    named by bare surnames after it in a plural list: in "Councillors A Smith, Jones
    (Co-opted Member), B Brown" "Jones" is a person."""
    role = None
    extra: list[AttendanceRecord] = []
    pos = n.end
    for k, piece in enumerate(_split_top(text[n.end : stop])):
        # "Cllrs Pemberton (Chair), Oduya and Lister": bare surnames joined by "and" too
        bare = re.sub(r"^(?:and|&)\s+|\s+(?:and|&)$", "", piece.strip().rstrip("."))
        hits = [_SURNAME_ONLY.match(x.strip()) for x in re.split(r"\s+(?:and|&)\s+", bare)]
        if (
            (k or re.match(r"\s*(?:and|&)\s", piece))
            and plural
            and all(hits)
            and all(x.group("s").lower() not in ROLE_WORDS for x in hits if x)
        ):
            for x in hits:
                if x is None:
                    continue
                at = text.index(x.group("s"), pos)
                surname = x.group("s")
                extra.append(_entry(surname, at, at + len(surname), _role(x.group("r") or ""), h))
        elif role is None and not extra:
            role = _role(piece)
        pos += len(piece) + 1
    return role, extra


# a long line (a paragraph's, wrapped) cut inside a name: after a title or an initial
_CUT_IN_A_NAME = re.compile(rf"(?:^|\s)(?:[A-Z]|Mrs?|Ms|Miss|Dr|{ANY_COUNCILLOR})\.?$")
# a line of capitalised words only, after a label ("Also present:"): a grid of names
_NAMES_ONLY = re.compile(r"(?:[^:\n]{1,40}:)?\s*[A-Z][\w'’-]*(?:[ \t\u00a0]+[A-Z][\w'’-]*)+\s*")


def _logical_lines(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    r"""Lines, with a line wrapped onto the next joined to it (PDF text): the next line
    goes on when it opens with a bracket, "and" or a small letter, or this one ends with a
    comma or "and"; or this one is long and ends in a title or an initial, or it and the
    next are both nothing but capitalised words (a grid of names, wrapped).

    >>> [t for _, _, t in _logical_lines("Councillors A Bell, R Cheung\n(Vice-Chair) and T Abbott\nOfficers: X", 0, 66)]
    ['Councillors A Bell, R Cheung\n(Vice-Chair) and T Abbott', 'Officers: X']
    >>> t = "Councillors W Abbott (substitute member), P Dunmore, J Frith, Ms Ann Hale, A I\nLowe."
    >>> [t for _, _, t in _logical_lines(t, 0, len(t))] == [t]
    True
    """
    spans: list[list[int]] = []  # [start, end] of each logical line
    last = ""  # the last line of the logical line so far
    depth = 0  # its brackets opened and not closed
    for s, e, line in lines(text, start, end):
        tail = last.rstrip()
        wrapped = len(tail) >= WRAPPED
        if (
            spans
            and line.strip()
            and tail
            and (
                re.match(r"\s*(?:\(|and\b|&|[a-z])", line)
                or re.search(r"(?:,|\band|&)$", tail)
                or depth > 0  # "(Democratic Services / Officer)"
                or (wrapped and _CUT_IN_A_NAME.search(tail))
                or (wrapped and _NAMES_ONLY.fullmatch(tail) and _NAMES_ONLY.fullmatch(line))
            )
        ):
            spans[-1][1] = e
        else:
            spans.append([s, e])
            depth = 0
        last = line
        depth += line.count("(") - line.count(")")
    return [(s, e, text[s:e]) for s, e in spans]


def parse_attendance(
    text: str, start: int, end: int, *, default: Heading | None = None
) -> list[AttendanceRecord]:
    """Attendance records in ``text[start:end]`` (an attendance block or a membership list)."""
    h = default
    out: list[AttendanceRecord] = []
    stack: list[Heading] = []  # headings on lines of their own, one after another
    for s, e, line in _logical_lines(text, start, end):
        if not line.strip():
            continue
        m = _HEADING.match(line)
        bare = clean(line)
        if not m and _ATTENDING.fullmatch(bare):
            # "Member attending in accordance with Standing Order 25": not of the committee
            h = Heading(bare, "present", "other-member")
            stack.append(h)
            continue
        if (
            not m
            and len(bare.split()) <= 6
            and (own_line := heading_of(bare))
            and not find_names(bare)
            # a name PDF text broke, or a titled name in capitals ("MRS G TURNER (PARENT
            # GOVERNOR REPRESENTATIVE)")
            and not re.match(rf"(?i:{COUNCILLOR}|mrs?|ms|miss|dr)\.?\s+\S", bare)
        ):
            h = own_line  # a heading on its own line: "PRESENT", "Officers in attendance"
            stack.append(own_line)
            continue
        if m:
            found = _label_heading(m.group("h").strip(), h)
            if found is None:
                continue  # "Note: ..." and other asides inside the block
            h = found
            s = s + m.start("rest")
            if not clean(m.group("rest")):  # "Present:<br />": markup only
                stack.append(h)
                continue
            stack = []
        if h is None:
            continue
        here = _from_stack(stack, line) or h
        people = _read_line(text, s, e, here)
        if not people and m and re.search(rf"(?i:{COUNCILLORS}|aldermen)\b", m.group("h")):
            people = _councillors_named(text, s, e, here)
        office = m.group("h").strip() if m else ""
        if _CHAIR.fullmatch(office.lower()) or _VICE_CHAIR.fullmatch(office.lower()):
            # "Chair: Councillor A Pike", "Vice-Chair: Councillor B Quinn": the office's holder
            chair = not _VICE_CHAIR.fullmatch(office.lower())
            people = [replace(r, role=r.role or office, chair=r.chair or chair) for r in people]
        out.extend(people)
    return out


def _label_heading(label: str, above: Heading | None) -> Heading | None:
    """The heading a label ("Officers:") puts the rest of its line under: its own, or the
    heading ``above`` it for a label that only says for how much of the meeting ("Whole of
    meeting: K Lowe") or of which council ("East Dale District Council: Cllr P Snow", a
    joint committee's members); None for an aside ("Note: ...")."""
    found = heading_of(label)
    told = _PART_LABEL.fullmatch(label) or _BODY_LABEL.search(label)
    return above if found is None and above is not None and told else found


def _councillors_named(text: str, s: int, e: int, h: Heading) -> list[AttendanceRecord]:
    """The bare surnames of a line under a heading that calls them councillors
    ("Councillors present: Smith (Chair), Jones and O'Hara"), read as if the line opened
    with "Councillors"; offsets point into ``text``.

    >>> h = heading_of("Councillors present")
    >>> [(r.name, r.role) for r in _councillors_named("Smith (Chair), Jones and O'Hara", 0, 31, h)]
    [('Smith', 'Chair'), ('Jones', None), ("O'Hara", None)]
    """
    rest = text[s:e].replace("\n", " ")  # one line, the same length
    prefix = "COUNCILLORS " if rest.isupper() else "Councillors "
    line = prefix + rest
    out = []
    for r in _parse_line_any_case(line, 0, len(line), h):
        start = max(r.start, len(prefix))  # the first name's title is the one put before it
        out.append(
            replace(
                r,
                name=r.name[start - r.start :],  # as read: in title case from capitals
                start=start - len(prefix) + s,
                end=r.end - len(prefix) + s,
            )
        )
    return out


def _read_line(text: str, s: int, e: int, h: Heading) -> list[AttendanceRecord]:
    """The people of one logical line; a line joined from several is read as one, so a name
    may go on over a line's end ("Ms E" then "Knox,"), offsets pointing into ``text``."""
    line = text[s:e]
    if "\n" not in line:
        return _grid_line(text, s, e, h) or _parse_line_any_case(text, s, e, h)
    line = line.replace("\n", " ")
    found = _grid_line(line, 0, len(line), h) or _parse_line_any_case(line, 0, len(line), h)
    return [
        replace(r, name=" ".join(r.name.split()), start=r.start + s, end=r.end + s) for r in found
    ]


def _grid_line(text: str, s: int, e: int, h: Heading) -> list[AttendanceRecord]:
    """A line that is nothing but names run together, as PDF text gives a grid of members
    printed in columns ("Ann Hill Tom Cole Rhian Wyn Jones ..."): one person per name
    (:func:`graphkit.names.grid_names` cuts the line), none when the line is no grid.

    >>> h = heading_of("Present")
    >>> [r.name for r in _grid_line("Ann Hill Tom Cole Mary Kemp Lowe Ravi Patel", 0, 43, h)]
    ['Ann Hill', 'Tom Cole', 'Mary Kemp Lowe', 'Ravi Patel']
    """
    return [_entry(n.text, s + n.start, s + n.end, None, h) for n in grid_names(text[s:e])]


def _from_stack(stack: list[Heading], line: str) -> Heading | None:
    """The heading a line of names falls under when PDF text put a column of labels
    ("Present: / Committee Members: / Employees:") above the column of names: councillors
    under the members' label, anyone else under the officers'.

    >>> st = [heading_of("Present"), heading_of("Committee Members"), heading_of("Employees")]
    >>> _from_stack(st, "Councillor Bell (Chair)").text, _from_stack(st, "P Grant").text
    ('Committee Members', 'Employees')
    """
    members = [x for x in stack if x.capacity == "member" and x.status == "present"]
    officers = [x for x in stack if x.capacity == "officer"]
    if len(stack) < 3 or not members or not officers or stack[-1].status != "present":
        return None
    return members[-1] if re.match(rf"\s*(?i:{ANY_COUNCILLOR})\b", line) else officers[0]


def _parse_line_any_case(
    text: str, s: int, e: int, h: Heading, beside: str | None = None
) -> list[AttendanceRecord]:
    """A line in capitals ("COUNCILLOR J SMITH (CHAIRMAN), MRS A BROWN") is read in title
    case; names and roles are given in title case, offsets point at the capitals."""
    line = text[s:e]
    if not (re.sub(r"\bMa?c(?=[A-Z])", "", line).isupper() and re.search(r"[A-Z]{3}", line)):
        return _parse_line(text, s, e, h, beside)
    small = _SMALL
    titled = re.sub(
        r"[A-Za-z'’]+",
        lambda w: w.group(0).lower() if w.group(0).lower() in small else w.group(0).capitalize(),
        line,
    )
    titled = re.sub(r"\b(Mc|Mac|O['’])([a-z])", lambda w: w.group(1) + w.group(2).upper(), titled)
    return [
        replace(r, start=r.start + s, end=r.end + s)
        for r in _parse_line(titled, 0, len(titled), h, beside)
    ]


# a sentence runs on past the full stop of an initial or a title: "Cllr. A. Barrow."
_NAMES_UNTIL_STOP = rf"(?P<names>{UNTIL_STOP}+)"
_APOLOGY_SENTENCE = re.compile(
    r"\bapologies(?:\s+for\s+absence)?\s+(?:(?:were|was|had\s+been|have\s+been)\s+)?"
    # "intimated": as Scottish minutes write it
    r"(?:received|submitted|noted|given|tendered|reported|made|intimated|accepted)\s+"
    r"(?:and\s+(?:accepted|noted|approved)\s+)?"  # "received and accepted from"
    r"(?:from|by|on\s+behalf\s+of)\s+"
    + _NAMES_UNTIL_STOP
    # "The Clerk reported apologies from Mr Bell, Mrs Kaur and Ms Lowe."
    + r"|\b(?:reported|received|noted|tendered|submitted)\s+apologies(?:\s+for\s+absence)?\s+"
    r"(?:from|on\s+behalf\s+of)\s+" + _NAMES_UNTIL_STOP.replace("?P<names>", "?P<names2>"),
    re.I,
)
_WERE_ABSENT = re.compile(
    r"(?m)^[ \t]*"
    + _NAMES_UNTIL_STOP.replace(")+)", ")+?)")
    + r"\s+(?:was|were)\s+absent\b(?!\s+from\s+item)"
)
_APOLOGIES = Heading("Apologies", "apologies", "member", False)
_ABSENT = Heading("Absent", "absent", "member", False)
_SUBSTITUTED_BY = re.compile(r",?\s+who\s+(?:was|were)\s+substituted\s+by\s+", re.I)
_SUBSTITUTES = Heading("Substitutes", "substitute", "member", False)
# "Councillor H. Beck sent apologies." (not "apologies for lateness": they came)
_SENT_APOLOGIES = re.compile(
    r"(?m)^[ \t]*"
    + _NAMES_UNTIL_STOP.replace(")+)", ")+?)")
    + r"\s+(?:had\s+)?(?:sent|gave|tendered|submitted|offered)"
    r"\s+(?:(?:his|her|their)\s+)?apologies(?!\s+for\s+(?:lateness|late|leaving))"
)


def apologies_in_text(text: str, plain: str, start: int, end: int) -> list[AttendanceRecord]:
    """Apologies written as a sentence: "Apologies for absence were received from
    Councillors J Abara and K Ferris." """
    heading = _APOLOGIES
    out: list[AttendanceRecord] = []
    for m in _APOLOGY_SENTENCE.finditer(plain, start, end):
        group = "names" if m.group("names") else "names2"
        stop = m.end(group)
        sub = _SUBSTITUTED_BY.search(plain, m.start(group), stop)
        if sub:  # "..., who was substituted by Councillor B": B came in their place
            found = _parse_line_any_case(text, sub.end(), stop, _SUBSTITUTES, beside="")
            out.extend(found)
            stop = sub.start()
        out.extend(_parse_line_any_case(text, m.start(group), stop, heading, beside=""))
        out.extend(_wrapped_names(text, plain, m.end(group), end, heading))
    for m in _SENT_APOLOGIES.finditer(plain, start, end):
        out.extend(_names_only(text, plain, m.start("names"), m.end("names"), heading))
    for m in _WERE_ABSENT.finditer(plain, start, end):  # "Cllr L Rowe was absent."
        out.extend(_names_only(text, plain, m.start("names"), m.end("names"), _ABSENT))
    return sorted(out, key=lambda r: r.start)


def _wrapped_names(
    text: str, plain: str, at: int, end: int, heading: Heading
) -> list[AttendanceRecord]:
    """The people on the lines a line of names went on to, when the names stopped at the
    line's end (``at``) and each next line is names alone: after a long line wrapped ("...
    Councillors Mrs D Charles" then "Mrs J Hill, D McGregor and M Tomlinson."), or after
    a title or an initial, even past a blank line ("... received from Councillors", then
    the names); none when that line says more ("Councillor Y attended as substitute")."""
    out: list[AttendanceRecord] = []
    while at < end and plain.startswith("\n", at):
        line_start = plain.rfind("\n", 0, at) + 1
        cut = _CUT_IN_A_NAME.search(plain[line_start:at].rstrip())
        if at - line_start < WRAPPED and not cut:
            break
        start = at + 1
        if cut:  # the list has not begun, or a name is half written: blank lines may come
            while start < end and plain[start] in " \t\n":
                start += 1
        stop = plain.find("\n", start, end)
        stop = end if stop == -1 else stop
        found = _names_only(text, plain, start, stop, heading)
        if not found:
            break
        out.extend(found)
        if re.search(r"[.;]\s*$", plain[start:stop]):
            break  # the sentence ends on this line
        at = stop
    return out


def _names_only(text: str, plain: str, s: int, e: int, heading: Heading) -> list[AttendanceRecord]:
    """The people in ``text[s:e]`` when it holds names and nothing else but "and",
    commas and a role in brackets; otherwise none."""
    found = _parse_line_any_case(text, s, e, heading, beside="")
    rest = plain[s:e]
    for r in sorted(found, key=lambda r: -r.start):
        rest = rest[: r.start - s] + rest[r.end - s :]
    rest = re.sub(r"\([^()]*\)", "", rest)
    if found and re.fullmatch(rf"(?:[\s,.&]|\band\b|{ANY_COUNCILLOR}\.?)*", rest):
        return found
    return []


def apologies_in_item(text: str, plain: str, title_start: int, end: int) -> list[AttendanceRecord]:
    """Apologies listed under an "Apologies" item with no verb: "1. Apologies for Absence
    / Councillors A Rowe and B Stone." or "1. Apologies – Councillor C Lee"."""
    heading = _APOLOGIES
    title_end = plain.find("\n", title_start, end)
    title_end = end if title_end == -1 else title_end
    dash = re.search(r"(?:\s[-–:]|:)\s*(?=\S)", plain[title_start:title_end])
    if dash:  # the names on the heading line
        return _names_only(text, plain, title_start + dash.end(), title_end, heading)
    for ps, pe in paragraphs(plain, title_end, end):
        label = _APOLOGIES_LABEL.match(plain, ps, pe)
        ps += label.end() - ps if label else 0  # "Apologies for absence: Councillor A Rowe"
        # the first paragraph only: names, or one a line
        return _names_only(text, plain, ps, pe, heading) or _listed_names(text, plain, ps, pe)
    return []


# "Apologies for absence:", "Received from:", "Apologies were received from:"
_APOLOGIES_LABEL = re.compile(
    r"(?i:apologies(?:\s+for\s+absence)?(?:\s+(?:were\s+)?received\s+from)?|received\s+from)"
    r"\s*[:–-]\s*"
)
# a bullet before a name, and the reason after it: "• Mrs D Hart", "Councillor B Lee - ill"
_BULLET = re.compile(r"[ \t]*(?:[•·▪*-]|\d{1,2}[.)])?[ \t]*")
_REASON = re.compile(r"[ \t]+[-–—][ \t]+[a-z][^\n]*$|[ \t]*\([a-z][^()\n]*\)[ \t]*$")


def _listed_names(text: str, plain: str, start: int, end: int) -> list[AttendanceRecord]:
    """The apologies of a paragraph that lists them one a line, each perhaps after a bullet
    and before its reason ("Councillor Boyd Elliott - other reasons"); none unless every
    line is so."""
    heading = _APOLOGIES
    out: list[AttendanceRecord] = []
    for s, e, line in lines(plain, start, end):
        if not line.strip():
            continue
        bullet = _BULLET.match(line)
        s += bullet.end() if bullet else 0
        reason = _REASON.search(plain, s, e)
        found = _names_only(text, plain, s, reason.start() if reason else e, heading)
        if not found:
            return []
        out.extend(found)
    return out
