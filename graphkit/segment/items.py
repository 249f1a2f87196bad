"""Agenda items, resolutions, actions and references to other meetings."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..dates import find_dates
from ..model import ActionRecord, MeetingRef
from .text import clean, paragraphs

__all__ = ["find_actions", "find_items", "find_refs", "find_resolutions"]

# "13. Title" at a line start (or after blanked markup: "Business**1. Apologies****2. ..."),
# also "Min No. 5 Title", "Minute 34 Title", "Item 3: Title", "CAB 12/24 TITLE" (a minute
# code), "23/45 TITLE" and "45/23 TITLE" (numbered with the year), "IV. TITLE" (roman)
_HEAD = re.compile(
    r"(?:^|(?<=\n)|(?<=\S  ))[ \t]*"
    r"(?P<head>(?:(?:Min(?:ute)?s?\.?|Item)[ \t]*(?:No\.?[ \t]*)?(?=\d)|(?P<code>[A-Z]{2,5})[ \t]+(?=\d{1,3}/\d))?)"
    r"(?P<num>\d{1,3}(?P<year>/\d{2,4})?|(?P<roman>(?=[IVXL])X{0,3}(?:IX|IV|V?I{0,3})(?=[.)])))"
    r"(?P<dot>[.):])?(?!\d)(?:[ \t]+[-–])?[ \t]+(?P<title>\S[^\n]*?)(?=  \S|[ \t]*\n|[ \t]*$)"
)
# "49." alone on a line, the title on the next line with text (web pages)
_NUM_ALONE = re.compile(
    r"(?m)^[ \t]*(?P<num>\d{1,3})\.[ \t]*\n(?:[ \t]*\n)*[ \t]*(?P<title>\S[^\n]*)"
)
_NOISE = re.compile(
    r"\s*(?:\(\s*Pages?\s+[\d\s\-–]+\)|pdf icon PDF\s+[\d.]+\s*[KM]B|PDF\s+[\d.]+\s*[KM]B)\s*", re.I
)
_PROCEDURAL = re.compile(r"^(?:public|private) business$|^present:?$|^part [ab12]$", re.I)


@dataclass(frozen=True)
class _Cand:
    pos: int
    num: int
    number: str
    title: str
    title_start: int


def _title_ok(title: str) -> bool:
    words = title.split()
    if not words or len(words) > 18 or not (title[0].isupper() or title[0].isdigit()):
        return False
    if title.rstrip(")").endswith((".", ":", ";", ",")) and len(words) >= 4:
        return False
    return not _PROCEDURAL.match(title)


def _candidates(text: str, plain: str, start: int, end: int) -> list[_Cand]:
    out: dict[int, _Cand] = {}
    seg = plain[start:end]
    for rx in (_HEAD, _NUM_ALONE):
        for m in rx.finditer(seg):
            at = m.start("head") if rx is _HEAD else m.start("num")
            line_start = seg.rfind("\n", 0, at) + 1
            before = seg[line_start:at]
            if before.strip() and not re.search(r"\S\s{2,}$", before):
                continue  # "- 1. Note the dataset": a list inside an item
            numbered_by_year = rx is _HEAD and m.group("year")  # "45/23 Apologies"
            if (
                rx is _HEAD
                and not (m.group("dot") or numbered_by_year)
                and not re.match(r"[A-Z]", m.group("title"))
            ):
                continue
            raw = m.group("title")
            title = clean(_NOISE.sub(" ", raw))
            if not _title_ok(title) or _is_date(f"{m.group('num')} {title}"):
                continue  # "12 March 2025": a date in a page header or footer
            pos = start + m.start("num")
            tstart = start + m.start("title")
            number = m.group("num")
            roman = rx is _HEAD and m.group("roman")
            num = _roman(number) if roman else int(number.split("/")[0])
            if rx is _HEAD and m.group("head"):
                pos = start + m.start("head")  # "Min No. 5": the item starts at "Min"
                if m.group("code"):
                    number = f"{m.group('code')} {number}"
            out.setdefault(pos, _Cand(pos, num, number, title, tstart))
    return _by_minute_number(sorted(out.values(), key=lambda c: c.pos))


def _is_date(text: str) -> bool:
    """Whether ``text`` opens with a date.

    >>> _is_date("12 March 2025"), _is_date("12 Housing Strategy")
    (True, False)
    """
    return any(d.start == 0 for d in find_dates(text))


def _roman(numeral: str) -> int:
    """The value of a roman numeral.

    >>> _roman("IV"), _roman("XII")
    (4, 12)
    """
    values = {"I": 1, "V": 5, "X": 10, "L": 50}
    total = 0
    for a, b in zip(numeral, numeral[1:] + " ", strict=True):
        total += -values[a] if values.get(b, 0) > values[a] else values[a]
    return total


def _by_minute_number(cands: list[_Cand]) -> list[_Cand]:
    """Minutes numbered "23/45, 23/46, ..." (year first) count by the part after the slash.

    >>> [c.num for c in _by_minute_number([_Cand(0, 23, "23/45", "A", 0), _Cand(9, 23, "23/46", "B", 9)])]
    [45, 46]
    """
    pairs = [c.number.split()[-1].split("/") for c in cands if "/" in c.number]
    if len(pairs) < 2 or len({a for a, _ in pairs}) >= len({b for _, b in pairs}):
        return cands
    return [
        replace(c, num=int(c.number.split()[-1].split("/")[1])) if "/" in c.number else c
        for c in cands
    ]


def _chain(cands: list[_Cand]) -> list[_Cand]:
    """The longest run of headings whose numbers rise by one to three at each step."""
    if not cands:
        return []
    best = [1] * len(cands)
    prev = [-1] * len(cands)
    for i, c in enumerate(cands):
        for j in range(i):
            gap = c.num - cands[j].num
            if 1 <= gap <= 3 and best[j] + 1 - (gap - 1) * 0.01 > best[i]:
                best[i] = best[j] + 1 - (gap - 1) * 0.01
                prev[i] = j
    i = max(range(len(cands)), key=lambda k: (best[k], -cands[k].pos))
    out = []
    while i != -1:
        out.append(cands[i])
        i = prev[i]
    return out[::-1]


def _unnumbered(text: str, plain: str, start: int, end: int) -> list[_Cand]:
    """Headings marked only by markup: a Markdown heading or a wholly bold line."""
    out = []
    for m in re.finditer(
        r"(?m)^[ \t]*(?:#{1,6}[ \t]+(?P<h>[^\n]+)|\*\*(?P<b>[^*\n]{3,120})\*\*[ \t]*)$",
        text[start:end],
    ):
        title = clean(m.group("h") or m.group("b"))
        if _title_ok(title) and not re.match(r"RESOLVED", title):
            pos = start + m.start()
            out.append(_Cand(pos, len(out) + 1, "", title, pos))
    return out


def find_items(
    text: str, plain: str, start: int, end: int
) -> list[tuple[str | None, str, int, int, int]]:
    """(number, title, start, end, title_start) for each item in ``[start, end)``."""
    chain = _chain(_candidates(text, plain, start, end))
    numbered = len(chain) >= 2
    if not numbered:
        chain = _unnumbered(text, plain, start, end) or chain
    out = []
    for k, c in enumerate(chain):
        stop = chain[k + 1].pos if k + 1 < len(chain) else end
        out.append((c.number or None, c.title, c.pos, stop, c.title_start))
    return out


_LIST_LINE = re.compile(r"^[ \t]*(?:[-•·▪*]|\d{1,2}[.)]|\([a-z0-9]{1,3}\)[ \t]*\S)", re.M)


def find_resolutions(text: str, plain: str, start: int, end: int) -> list[ActionRecord]:
    """Each "RESOLVED that ..." with its text (and its list of parts, where it has one)."""
    out = []
    for m in re.finditer(r"\bRESOLVED\b|(?m:^[ \t]*Resolved\b)", plain[start:end]):
        s = start + m.start()
        para_end = next(paragraphs(plain, s, end), (s, end))[1]
        e = para_end
        if plain[s:para_end].rstrip().endswith(":"):
            for ps, pe in paragraphs(plain, para_end, end):
                if not _LIST_LINE.match(plain[ps:pe]) or re.search(r"\bRESOLVED\b", plain[ps:pe]):
                    break
                e = pe
        out.append(ActionRecord(text=clean(text[s:e]), start=s, end=e, kind="resolution"))
    return out


_ACTION = re.compile(
    r"\b(?:agreed|agree|agrees|undertook|undertake|undertakes|were asked|was asked)\b[^.;]{0,40}?"
    r"\bto\s+(?:circulate|provide|look|bring|report|share|send|write|add|include|arrange|investigate"
    r"|consider|follow|feed|update|receive|explore|review|respond|contact|check|confirm|supply"
    r"|forward|present|meet|raise|seek|invite|produce|prepare|exclude|refer|defer|recommend"
    r"|establish|monitor|hold)\b"
    r"|\brequest(?:s|ed)?\s+(?:that\b|a\s+(?:report|briefing|letter|further|update))"
    r"|\basked\s+that\b"
    r"|\bincludes?\b[^.;:]{0,160}?\b(?:on|in)\s+the\s+(?:[\w/ -]{0,30}\s+)?work\s+programme\b"
    r"|\bwould\s+be\s+(?:writing|sending|providing|circulating|arranging|reporting|followed\s+up)\b"
    r"|\b(?:send|sends)\s+a\s+letter\b|\bletter\s+be\s+sent\b"
    r"|\bbe\s+added\s+to\s+the\s+(?:\w+\s+)?work\s+programme\b"
    r"|\b(?:agreed|agrees)\s+to\s+add\b",
    re.I,
)
_LIST_ITEM = re.compile(r"^[ \t]*(?:[-•·▪*]|\d{1,2}[.)])[ \t]*(?P<t>\S[^\n]*)$")
_AGENT = re.compile(
    r"^(?:In response[^,]*,\s*)?(?P<a>Officers?|The (?:Scrutiny )?Board|Members|The Committee|The Panel"
    r"|The Chair|The Cabinet Member|The Director[^,]{0,60}?|(?:Councillor|Cllr)\.? (?-i:[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?))\b",
    re.I,
)


def find_actions(text: str, plain: str, start: int, end: int) -> list[ActionRecord]:
    """Undertakings and requests, sentence by sentence; a sentence that introduces a list
    ("officers undertook to circulate the following:") gives one action per list item."""
    out = []
    for ps, pe in paragraphs(plain, start, end):
        # a full stop between digits ("2.1") does not end a sentence
        for sm in re.finditer(r"(?:[^.!?]|(?<=\d)\.(?=\d))+(?:[.!?]+|$)", plain[ps:pe]):
            s, e = ps + sm.start(), ps + sm.end()
            sentence = plain[s:e]
            if not _ACTION.search(sentence):
                continue
            numbering = re.match(r"[\s\-•·]*(?:\d+(?:\.\d+)*[.)]?\s+)?", sentence)
            lead = numbering.end() if numbering else 0
            s += lead
            agent = _AGENT.match(clean(plain[s:e]))
            who = agent.group("a") if agent else None
            listed = _listed_after(plain, e, end) if sentence.rstrip().endswith(":") else []
            for a, b in listed or _clauses(plain, s, e):
                out.append(ActionRecord(text=clean(text[a:b]), start=a, end=b, agent=who))
    return out


def _clauses(plain: str, s: int, e: int) -> list[tuple[int, int]]:
    """One span per request in a sentence: "Requests a report ... and X be added to the
    Work Programme" holds two; "includes A and B on the Work Programme" adds two items."""
    sentence = plain[s:e]
    inline = _INLINE_ADD.search(sentence)
    if inline:
        listed = inline.group("list")
        parts = [p for p in _split_and(listed) if p.strip()]
        if len(parts) > 1:
            base = s + inline.start("list")
            spans, pos = [], 0
            for part in parts:
                at = listed.index(part, pos)
                lead = len(part) - len(part.lstrip())
                spans.append((base + at + lead, base + at + len(part.rstrip())))
                pos = at + len(part)
            return spans
    hits = list(_ACTION.finditer(sentence))
    cuts = [0]
    for prev, h in zip(hits, hits[1:], strict=False):
        # a second request joined by "and" ("... and X be added to the Work Programme")
        joint = sentence.rfind(" and ", prev.end(), h.start())
        if joint != -1:
            cuts.append(joint + 5)
    cuts.append(len(sentence))
    return [(s + a, s + b) for a, b in zip(cuts, cuts[1:], strict=False) if sentence[a:b].strip()]


_INLINE_ADD = re.compile(
    r"\b(?:includes?|add(?:s|ed)?)\s+(?P<list>(?!the following)[^:;]+?)\s+(?:on|to|in)\s+the\s+"
    r"(?:[\w/ -]{0,30}\s+)?work\s+programme\b",
    re.I,
)


def _split_and(text: str) -> list[str]:
    """Split at " and " and commas outside parentheses.

    >>> _split_and("Fostering and the Family Project (including a Reunification and Care Project)")
    ['Fostering', 'the Family Project (including a Reunification and Care Project)']
    """
    parts, depth, cur, i = [], 0, "", 0
    while i < len(text):
        ch = text[i]
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        if depth == 0 and (text.startswith(" and ", i) or ch == ","):
            parts.append(cur)
            cur = ""
            i += 1 if ch == "," else 5
            continue
        cur += ch
        i += 1
    parts.append(cur)
    return parts


def _listed_after(plain: str, pos: int, end: int) -> list[tuple[int, int]]:
    from .text import lines

    items = []
    for s, e, line in lines(plain, pos, end):
        if not line.strip():
            continue
        m = _LIST_ITEM.match(line)
        if not m:
            break
        items.append((s + m.start("t"), e))
    return items


_APPROVE = re.compile(
    r"minutes\s+of\s+the\s+(?:last\s+|previous\s+)?meeting(?:\s+of\s+[^\n.]{0,100}?)?\s+held\s+on\s+(?:the\s+)?",
    re.I,
)
_REFER = re.compile(
    r"\b(?:Board|Committee|Panel|Cabinet)\b[^.\n]{0,60}?\bmeeting\s+(?:held\s+)?on\s+(?:the\s+)?",
    re.I,
)


def find_refs(plain: str, start: int, end: int) -> list[MeetingRef]:
    """Earlier meetings whose minutes are approved, or that are referred to."""
    out: list[MeetingRef] = []
    seg = plain[start:end]
    taken: set[int] = set()
    for rx, relation in ((_APPROVE, "approves"), (_REFER, "references")):
        for m in rx.finditer(seg):
            dates = list(find_dates(seg[m.end() : m.end() + 60]))
            if not dates or dates[0].start > 2 or dates[0].date is None:
                continue
            d = dates[0]
            s = start + m.start()
            e = start + m.end() + d.end
            if any(s <= t < e for t in taken):
                continue
            sentence_end = seg.find(".", m.end() + d.end)
            tail = seg[m.end() + d.end : sentence_end if sentence_end != -1 else None][:200].lower()
            head = seg[max(0, m.start() - 80) : m.start()].lower()
            if relation == "approves" and not re.search(
                r"agree|approv|confirm|sign|accept|adopt", head + tail
            ):
                relation_here = "references"
            else:
                relation_here = relation
            taken.update(range(s, e))
            out.append(MeetingRef(date=d.date, relation=relation_here, start=s, end=e))
    return sorted(out, key=lambda r: r.start)
