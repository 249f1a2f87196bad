"""Agenda items, resolutions, actions and references to other meetings."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from .. import lexicon
from ..dates import find_dates
from ..model import ActionRecord, MeetingRef
from ..names import find_names, is_forename
from .text import clean, lines, paragraphs, table_cells

__all__ = ["find_actions", "find_items", "find_refs", "find_resolutions"]

# "13. Title" at a line start (or after blanked markup: "Business**1. Apologies****2. ..."),
# also "Min No. 5 Title", "Minute 34 Title", "Item 3: Title", "CAB 12/24 TITLE" (a minute
# code), "F/101 Title" (a minute series letter), "23/45 TITLE" and "45/23 TITLE" (numbered with the year), "IV. TITLE" (roman)
_HEAD = re.compile(
    r"(?:^|(?<=\n)|(?<=\S  ))[ \t]*"
    r"(?P<head>(?:(?:Min(?:ute)?s?\.?|Item)[ \t]*(?:No\.?[ \t]*)?(?=\d)|(?P<code>[A-Z]{2,5})[ \t]+(?=\d{1,3}/\d)|(?P<prefix>[A-Z]{1,5}/)(?=\d{1,4}\b))?)"
    r"(?P<num>\d{1,3}(?:(?P<year>/\d{2,4})|\.0(?=[ \t]))?|(?P<roman>(?=[IVXL])X{0,3}(?:IX|IV|V?I{0,3})(?=[.)])))"
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


def _title_ok(title: str, long_ok: bool = False) -> bool:
    words = title.split()
    if (
        not words
        or len(words) > (40 if long_ok else 18)
        or not (title[0].isupper() or title[0].isdigit())
    ):
        return False
    if title.rstrip(")").endswith((".", ":", ";", ",")) and len(words) >= 4:
        return False
    return not _PROCEDURAL.match(title)


def _only_people(title: str) -> bool:
    """Whether a numbered line names only people, each perhaps with their organisation in
    brackets: a row of a table of who attended for which item ("8. / K. Lowe (Finance)"),
    never an item's title.

    >>> _only_people("R. Tanner & P. J. Moss (Adult Services)"), _only_people("J Ruddock")
    (True, True)
    >>> _only_people("Report of M Ellery on the Budget"), _only_people("Apologies")
    (False, False)
    """
    bare = re.sub(r"\([^()]*\)", " ", title)
    names = find_names(bare)
    # two capitalised words ("Parks Budget") are a person only with a title, initials or
    # a known forename
    if not names or not all(n.title or not n.given or is_forename(n.given) for n in names):
        return False
    rest = bare
    for n in reversed(names):
        rest = rest[: n.start] + " " + rest[n.end :]
    return not re.sub(r"(?:\band\b|[&,;/]|\s)+", "", rest)


def _candidates(text: str, plain: str, start: int, end: int) -> list[_Cand]:
    out: dict[int, _Cand] = {}
    seg = plain[start:end]
    above = _numbered_under_heading(plain, start, end)
    taken = {at for _, at in above}  # the minute's number under its heading is no heading
    for rx in (_HEAD, _NUM_ALONE):
        for m in rx.finditer(seg):
            at = m.start("head") if rx is _HEAD else m.start("num")
            line_start = seg.rfind("\n", 0, at) + 1
            before = seg[line_start:at]
            if before.strip() and not re.search(r"\S\s{2,}$", before):
                continue  # "- 1. Note the dataset": a list inside an item
            if start + m.start("num") in taken:
                continue
            numbered_by_year = rx is _HEAD and m.group("year")  # "45/23 Apologies"
            ts, te = start + m.start("title"), start + m.end("title")
            te = _over_markup(text, plain, te)
            caps = _caps_title(plain[ts:te])
            if caps is not None:  # "72/13 DECLARATIONS OF INTEREST RESOLVED to note ..."
                ts, te = ts + caps[0], ts + caps[1]
            if (
                rx is _HEAD
                and not (m.group("dot") or numbered_by_year)
                and not re.match(r"[A-Z]", plain[ts:te])
            ):
                continue
            title = clean(_NOISE.sub(" ", plain[ts:te]))
            if (
                not _title_ok(title, long_ok=caps is not None)
                or _is_date(f"{m.group('num')} {title}")  # a page header's "12 March 2025"
                or _only_people(title)
                # "V. Carr (Finance)": an initial read as a numeral
                or _only_people(clean(plain[start + m.start("num") : te]))
            ):
                continue
            pos = start + m.start("num")
            number = m.group("num")
            roman = rx is _HEAD and m.group("roman")
            if roman:
                num = _roman(number)
            else:
                digits = re.match(r"\d+", number)
                assert digits is not None  # a number that is not roman starts with its digits
                num = int(digits.group(0))
            if rx is _HEAD and m.group("head"):
                pos = start + m.start("head")  # "Min No. 5": the item starts at "Min"
                if m.group("code"):
                    number = f"{m.group('code')} {number}"
                elif m.group("prefix"):
                    number = m.group("prefix") + number  # "F/101" as written
            out.setdefault(pos, _Cand(pos, num, number, title, ts))
    for c, _ in above:
        out.setdefault(c.pos, c)
    cands = _marked(plain, sorted(out.values(), key=lambda c: c.pos), end)
    return _by_minute_number(cands)


# a heading in capitals with the minute's number opening the paragraph under it:
# "NOTICE OF RECORDING / 18722 The Lord Mayor advised ..."
_HEADING_ABOVE = re.compile(
    r"(?m)^[ \t]*(?P<title>[A-Z][A-Z0-9 ,&'’()/–-]{2,150}?)[ \t]*\n(?:[ \t]*\n)*"
    r"[ \t]*(?P<num>\d{1,5})[ \t]+(?=[A-Z][a-z])"
)


def _numbered_under_heading(plain: str, start: int, end: int) -> list[tuple[_Cand, int]]:
    """Minutes whose heading in capitals stands above the paragraph their number opens,
    each with where its number is written."""
    out = []
    for m in _HEADING_ABOVE.finditer(plain, start, end):
        title = clean(m.group("title"))
        after = plain[m.end() : plain.find("\n", m.end())].split()[:8]
        if (
            not re.search(r"[A-Z]{3}", title)
            or _is_date(title)
            or _PROCEDURAL.match(title)
            or sum(w[0].islower() for w in after) < 3  # the number opens prose, not a title
        ):
            continue
        at = m.start("title")
        out.append((_Cand(at, int(m.group("num")), m.group("num"), title, at), m.start("num")))
    return out


def _over_markup(text: str, plain: str, e: int) -> int:
    """Where a title ends when a gap in it is only blanked markup ("Declarations
    <strong>of</strong> Interest" in a page's text): the gap is no column gap.

    >>> t = "43. Declarations <strong>of</strong> Interest<br />"
    >>> t[4 : _over_markup(t, re.sub(r"<[^>]+>", lambda m: " " * len(m[0]), t), 16)]
    'Declarations <strong>of</strong> Interest'
    """
    line_end = plain.find("\n", e)
    line_end = len(plain) if line_end == -1 else line_end
    while e < line_end:
        e = len(plain[:e].rstrip(" \t"))
        gap = re.match(r"[ \t]*", plain[e:line_end])
        g = e + (gap.end() if gap else 0)
        if g >= line_end or not re.fullmatch(r"\s*(?:</?[a-zA-Z][^<>]*>\s*)+", text[e:g]):
            break  # a true gap (spaces in the text itself, Markdown between items), or the end
        if _HEAD.match(plain, g):
            break  # "<br />2. Minutes": the next item on the same line
        nxt = re.search(r"\S(?=  |[ \t]*$)", plain[g:line_end])
        e = g + (nxt.end() if nxt else line_end - g)
    return e


_DECISION_WORDS = ("RESOLVED", "AGREED", "RECOMMENDED", "RESOLVED:", "AGREED:")


def _caps_title(raw: str) -> tuple[int, int] | None:
    """The span of a title in capitals that runs on into the minute's text on its line
    (printed minutes of many councils): up to a dash, a decision label or prose.

    >>> raw = "(28) SCRUTINY OVERVIEW – Safeguarding Children – The chair opened it"
    >>> s, e = _caps_title(raw); raw[s:e]
    'SCRUTINY OVERVIEW – Safeguarding Children'
    >>> raw = "(28) SCRUTINY OVERVIEW – The chair opened the discussion"
    >>> s, e = _caps_title(raw); raw[s:e]
    'SCRUTINY OVERVIEW'
    >>> s, e = _caps_title("MINUTES RESOLVED that the minutes be signed"); "MINUTES"[s:e]
    'MINUTES'
    >>> _caps_title("CAMHS Transformation Plan"), _caps_title("WASTE STRATEGY")
    (None, None)
    """
    lead = re.match(r"\(\d{1,3}\)[ \t]+", raw)
    s = lead.end() if lead else 0
    tokens = list(re.finditer(r"\S+", raw[s:]))
    run_end, stop = None, None
    for k, t in enumerate(tokens):
        word = t.group(0)
        if word in _DECISION_WORDS or any(c.islower() for c in word):
            stop = k
            break
        run_end = s + t.end()
    if stop is None or run_end is None:
        return None
    run = raw[s:run_end]
    # words, not codes: "24/01987/FUL - Land at Oakley Farm" is a title as it stands
    words = re.findall(r"(?<![\w/])[A-Z][A-Z'’]+(?![\w/])", run)
    if not any(len(w) >= 3 for w in words):
        return None
    rest = raw[run_end:]
    dashed = re.search(r"[ \t][–—-]$", run) is not None and len(words) >= 2
    prose = sum(w[0].islower() for w in rest.split()[:8]) >= 3
    if not (dashed or prose or tokens[stop].group(0) in _DECISION_WORDS):
        return None
    title = re.sub(r"[\s–—:;,-]+$", "", run)
    title = re.sub(r"\s+[AI]$", "", title)  # "A report ...": the sentence's first word
    more = _subtitle(rest) if dashed and title else 0
    if more:
        return s, run_end + more
    return (s, s + len(title)) if title else None


# the small words a title leaves in lower case: "Days on School Premises"
_TITLE_SMALL = lexicon.small_words() | lexicon.articles()
_SMALL = lexicon.small_words()


def _subtitle(rest: str) -> int:
    """How far a title in capitals goes on into ``rest``, the text after its dash: a
    subtitle in title case that a second dash ends before the prose ("HOUSING – Homes for
    Older People – The panel heard ...") belongs to the title; else nothing does.

    >>> rest = " Homes for Older People – The panel heard of it"
    >>> rest[: _subtitle(rest)], _subtitle(" The panel heard – of homes")
    (' Homes for Older People', 0)
    """
    m = re.match(r"[ \t]+(?P<sub>[A-Z](?:(?![ \t][–—-][ \t])[^\n])*?)[ \t]+[–—-][ \t]", rest)
    if m is None:
        return 0
    words = m.group("sub").split()
    if len(words) > 15 or re.search(r"[.,;:!?]", m.group("sub")):
        return 0
    if not all(w[0].isupper() or w[0].isdigit() or w in _TITLE_SMALL for w in words):
        return 0
    return m.end("sub")


# "(Item 3)" under a heading: printed minutes say which agenda item a minute records
_ITEM_MARK = re.compile(r"[ \t]*\((?i:item)[ \t]+\d{1,3}[a-z]?\)[ \t]*$")


def _marked(plain: str, cands: list[_Cand], end: int) -> list[_Cand]:
    """Where headings carry an "(Item N)" line, the headings that do, each with the lines
    its title wraps onto; numbered paragraphs inside the minutes are no items."""
    marked = []
    for c in cands:
        pos = plain.find("\n", c.title_start)
        wrapped: list[str] = []
        found = False
        for ls, _le, line in lines(plain, pos + 1 if pos != -1 else end, end):
            if _ITEM_MARK.fullmatch(line):
                found = True
                break
            if line.strip():
                wrapped.append(line.strip())
                if len(wrapped) > 2:
                    break
            elif ls - pos > 400:
                break
        if found:
            title = plain[c.title_start : pos if pos != -1 else end].strip()
            for more in wrapped:  # "Homelessness Preven- / tion Plan": a word split at the end
                split = re.search(r"[a-z]-$", title) and more[:1].islower()
                title = title[:-1] + more if split else f"{title} {more}"
            marked.append(replace(c, title=clean(_NOISE.sub(" ", title))))
    return marked if len(marked) >= 2 else cands


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
    best = [1.0] * len(cands)
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


# a page range after a title in an agenda's list: "WORK PROGRAMME 101 - 106"
_PAGES_AFTER = re.compile(r"(?:[ \t]+\d{1,4}(?:[ \t]*[-–][ \t]*\d{1,4})?)+$")


def _inline_title(rest: str, dotted: bool) -> str | None:
    """The title at the start of ``rest`` in an agenda run into one line: a run of words
    in capitals (less the page range after it), or after "N." a sentence up to its full
    stop, or up to a word in capitals that breaks into it (a marker such as "DOCUMENT 3").

    >>> _inline_title("ACTION NOTES 3 - 6 To confirm the notes. 5 ...", False)
    'ACTION NOTES'
    >>> _inline_title("To approve the minutes held on PAPER 2 the 3 May Motion", True)
    'To approve the minutes held on'
    >>> _inline_title("Fire Authority to report", False) is None
    True
    """
    caps = re.match(r"[^\sa-z]*[A-Z][^\sa-z]*(?!\S)(?:[ \t]+[^\sa-z]+(?!\S))*", rest)
    if caps and re.search(r"[A-Z]{3}", caps.group()) and not dotted:
        title = _PAGES_AFTER.sub("", caps.group().rstrip(" –-"))
        return clean(title) if re.search(r"[A-Z]{3}", title) else None
    if not dotted:
        return None
    words: list[str] = []
    ended = False
    for w in rest.split()[:40]:
        if len(words) >= 2 and re.fullmatch(r"[A-Z]{2,}", w):
            ended = True
            break  # "held on DOCUMENT 3 ...": a marker set into the sentence
        words.append(w)
        if w.endswith(".") and len(w) > 2:
            ended = True
            break
    title = " ".join(words).rstrip(".")
    # a sentence that runs to the end of the text is cut off
    return title if ended and title[:1].isupper() else None


def _run_together(plain: str, start: int, end: int) -> list[_Cand]:
    """An agenda whose list PDF text ran into one long line ("A G E N D A 1 APOLOGIES To
    receive ... 2 MINUTES ..." or "1. To receive apologies. 2. To ..."): the numbers 1, 2,
    3 ... written in that order, each the first of its value after the one before and
    followed by a title (:func:`_inline_title`), are the items; at least three of them, all
    with a dot or all without."""
    out: list[_Cand] = []
    for ls, le, line in lines(plain, start, end):
        if len(line) < 300:
            continue
        pos = ls
        found: list[tuple[int, re.Match[str], str]] = []
        for n in range(1, 100):
            rx = re.compile(rf"(?<![\w/.,:-])({n})(\.?)[ \t]+(?=[A-Z])")
            hit = None
            for m in rx.finditer(plain, pos, le):  # "9 January, 2019 9 REQUESTS": the second
                dotted = bool(m.group(2))
                if found and dotted != bool(found[0][1].group(2)):
                    continue
                title = _inline_title(plain[m.end() : le], dotted=dotted)
                if title is not None:
                    hit = (n, m, title)
                    break
            if hit is None:
                break
            found.append(hit)
            pos = hit[1].end()
        if len(found) >= 3:
            out = [_Cand(m.start(), n, str(n), t, m.end()) for n, m, t in found]
            break
    return out


def _unnumbered(text: str, plain: str, start: int, end: int) -> list[_Cand]:
    """Headings marked only by markup: a Markdown heading or a wholly bold line."""
    out: list[_Cand] = []
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
        chain = _run_together(plain, start, end) or _unnumbered(text, plain, start, end) or chain
    out = []
    for k, c in enumerate(chain):
        stop = chain[k + 1].pos if k + 1 < len(chain) else end
        out.append((c.number or None, c.title, c.pos, stop, c.title_start))
    return out


_LIST_LINE = re.compile(
    r"^[ \t]*(?:[-•·▪*]|\d{1,2}[.)]|\(?[A-Za-z0-9]{1,3}\)[ \t]*\S|(?:[ivx]{1,4}|[a-zA-Z])\.[ \t]+\S"
    r"|(?i:that)\b)",
    re.M,
)
# what opens a decision: "RESOLVED", "It was resolved", "Resolved that" starting a sentence,
# and the labels other councils use: "AGREED:", "DECISION:", "RECOMMENDED to Council that"
_DECIDED = re.compile(
    r"\bRESOLVED\b"
    r"|(?:^|(?<=[.;:]\s)|(?<=[.;:]))[ \t]*(?i:it\s+was\s+(?:\w+\s+)?resolved)\b"
    r"|\b(?i:it\s+was\s+(?:\w+\s+)?)(?:AGREED|RESOLVED)\b"
    r"|^[ \t]*Resolved\b(?=\s*(?:that|to|:|[-–—]|,|\(|unanimously|$))"
    # after a sentence, not a field's value ("Status: Resolved")
    r"|(?:(?<=[.;]\s)|(?<=[.;:])|(?<=:\s)(?<!(?i:status):\s)(?<!(?i:outcome):\s)(?<!(?i:progress):\s))[ \t]*Resolved\b"
    r"(?=\s*(?:that|to|:|,|\(|unanimously))"
    # a label starts a line or sentence; "It is RECOMMENDED that" in a report proposes only
    r"|(?:^|(?<=[.;:]\s)|(?<=[.;:])|(?<=\bwas\s))[ \t]*(?:AGREED|RECOMMENDED)\b"
    r"(?=\s*(?:that|to|:|[-–—]|\(|$))"
    r"|^[ \t]*(?:DECISIONS?|Decisions?)[ \t]*(?:[:–—-]|$)",
    re.M,
)
_SECONDARY = re.compile(r"AGREED|RECOMMENDED|DECISION|Decision")
# where a decision's own text stops: the reasons and options that follow a decision notice
_AFTER = re.compile(
    r"^[ \t]*(?:Reasons?\s+for\s+(?:the\s+)?decision|Alternative\s+options|Options\s+considered"
    r"|ACTIONS?\b|Action\s*:)",
    re.I,
)


def _shouting(text: str) -> bool:
    """Text written wholly in capitals, where a capitalised label is no label."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 20 and sum(c.isupper() for c in letters) > 0.8 * len(letters)


def _decision_end(plain: str, s: int, end: int) -> int:
    """Where the decision starting at ``s`` ends: its paragraph, without a following sentence
    on a line of its own ("... be approved.\nThe Clerk was asked ..."); a label alone or ending
    in a colon or dash ("RESOLVED –", "DECISION:") takes the list or "That ..." paragraphs
    after it."""
    para_end = next(paragraphs(plain, s, end), (s, end))[1]
    e = para_end
    prev = ""
    for ls, _le, line in lines(plain, s, para_end):
        first = line.strip()[:1]
        if (
            prev.endswith(".")
            and not _LIST_LINE.match(line)
            and (first.isupper() or first.isdigit())
        ):
            e = ls
            while e > s and plain[e - 1].isspace():
                e -= 1
            return e
        prev = line.rstrip()
    head = plain[s:para_end].rstrip()
    if head.endswith((":", "–", "—", "-")) or _DECIDED.fullmatch(head.strip()):
        for ps, pe in paragraphs(plain, para_end, end):
            para = plain[ps:pe]
            if not _LIST_LINE.match(para) or _DECIDED.search(para) or _AFTER.match(para):
                break
            e = pe
    return e


def find_resolutions(text: str, plain: str, start: int, end: int) -> list[ActionRecord]:
    """Each decision ("RESOLVED that ...", "AGREED:", "DECISION:", "RECOMMENDED to Council
    that ...") with its text (and its list of parts, where it has one)."""
    out: list[ActionRecord] = []
    for m in _DECIDED.finditer(plain, start, end):
        s = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
        label = m.group(0).strip()
        if _SECONDARY.search(label):
            line_s = plain.rfind("\n", 0, s) + 1
            line_e = plain.find("\n", s)
            if any(r.start <= s < r.end for r in out) or _shouting(
                plain[line_s : line_e if line_e != -1 else end]
            ):
                continue  # "RESOLVED that it be RECOMMENDED ...": one decision
        if label in ("Resolved", "Decision", "Decisions", "Decision:", "Decisions:"):
            # alone on its line, a label only where the decision follows ("That ...", "1. ...");
            # else a cell of a table ("Status / Resolved")
            line_end = plain.find("\n", m.end())
            after = plain[m.end() : line_end if line_end != -1 else end]
            if not after.strip() and not _LIST_LINE.match(plain[m.end() : end].lstrip("\n \t")):
                continue
        e = _decision_end(plain, s, end)
        out.append(ActionRecord(text=clean(text[s:e]), start=s, end=e, kind="resolution"))
    return out


_VERBS = (
    r"circulate|provide|look|bring|report|share|send|write|add|include|arrange|investigate"
    r"|consider|follow|feed|update|receive|explore|review|respond|contact|check|confirm|supply"
    r"|forward|present|meet|raise|seek|invite|produce|prepare|exclude|refer|defer|recommend"
    r"|establish|monitor|hold|obtain|chase|liaise|clarify|ascertain|draft|organise|organize"
    r"|publish|notify|inform|advise|distribute|pursue|speak|email|compile|identify|approach"
    r"|book|order|purchase|repair|install|set\s+up|visit"
)
_DONE = (
    r"circulated|provided|sent|shared|arranged|brought|added|reported|presented|included"
    r"|investigated|forwarded|supplied|prepared|produced|organised|organized|scheduled|written"
    r"|made\s+available|followed\s+up|invited|contacted|obtained|published|distributed"
)
_ACTION = re.compile(
    r"\b(?:agreed|agree|agrees|undertook|undertake|undertakes|were asked|was asked|be asked"
    r"|were requested|was requested|be requested)\b[^.;]{0,40}?"
    rf"\bto\s+(?:{_VERBS})\b"
    # "It was agreed that a briefing note would be circulated", "... that the Chair would write"
    rf"|\b(?:agreed|undertook)\s+that\b[^.;]{{0,150}}?\b(?:would|will|should)\s+"
    rf"(?:be\s+(?:{_DONE})|(?:{_VERBS}))\b"
    r"|\brequest(?:s|ed)?\s+(?:that\b|a\s+(?:report|briefing|letter|further|update))"
    r"|\basked\s+that\b"
    r"|\baddition\s+of\s+(?:an?\s+)?(?:item|report|briefing)\b"
    r"|\bincludes?\b[^.;:]{0,160}?\b(?:on|in)\s+the\s+(?:[\w/ -]{0,30}\s+)?work\s+programme\b"
    r"|\bwould\s+be\s+(?:writing|sending|providing|circulating|arranging|reporting|followed\s+up"
    r"|chased|pursued)\b"
    r"|\b(?:send|sends)\s+a\s+letter\b|\bletter\s+be\s+sent\b"
    r"|\bbe\s+added\s+to\s+the\s+(?:\w+\s+)?work\s+programme\b"
    r"|\b(?:agreed|agrees)\s+to\s+add\b",
    re.I,
)
# "ACTION: Director of Place to circulate ...", or after a sentence, "ACTION: Clerk"
_ACTION_LABEL = re.compile(
    r"^[ \t]*(?:ACTIONS?|Actions?(?:\s+point)?)(?:\s+by)?[ \t]*[:–—-][ \t]*(?P<rest>\S[^\n]*)"
)
_OWNER = re.compile(
    r"^(?P<o>(?:[A-Z][\w'’.-]*|of|and|&|the)(?:\s+(?:[A-Z][\w'’.-]*|of|and|&|the)){0,7})"
    r"(?:\s+to\s+(?P<v>\w+))?"
)
# "Officers to circulate ...", "Clerk to book ...", "Director of Place to report back ..."
_OWNED = re.compile(
    r"(?:The\s+)?(?P<o>Officers?|Clerk|Chair(?:man)?|Board|Committee|Panel|Members"
    r"|Cabinet\s+Member(?:\s+for(?:\s+[A-Z][\w&'’-]*|\s+and|\s+&)+?)?"
    r"|(?:Cllr|Councillor)\.?\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?"
    r"|(?:[A-Z][\w&'’-]*\s+){0,3}(?:Manager|Officer|Clerk)"
    r"|(?:Director|Head|Chief\s+Executive)(?:\s+of(?:\s+(?:[A-Z][\w&'’-]*|and|&))+)?"
    r"|[A-Z][a-z]+\s+[A-Z][a-z'’-]+)"
    rf"\s+to\s+(?:{_VERBS})\b"
)
_ACTIONS_HEADING = re.compile(
    r"\s*(?:Agreed\s+)?Actions?(?:\s+(?:agreed|arising|points?))?\s*:\s*$", re.I
)
_LIST_ITEM = re.compile(r"^[ \t]*(?:[-•·▪*]|\d{1,2}[.)])[ \t]*(?P<t>\S[^\n]*)$")
# who an action names as the one to act, as written: officers, a post, a councillor, the
# committee itself (by a bare head word, "Members", or by its name)
_WHO = (
    r"Officers?|Members"
    r"|(?:the\s+)?Cabinet\s+Member(?:\s+for(?:\s+(?-i:[A-Z][\w&'’-]*)|\s+and|\s+&)+)?"
    r"|(?:the\s+)?(?:Chair(?:man)?|Clerk|Vice[\s-]Chair)"
    r"|(?:the\s+)?(?:Director|Head|Chief\s+Executive)(?:\s+of(?:\s+(?-i:[A-Z][\w&'’-]*)|\s+and|\s+&)+)?"
    r"|(?:the\s+)?(?-i:(?:[A-Z][\w&'’-]*\s+){0,3})(?i:Manager|Officer)"
    r"|(?:Councillor|Cllr)\.?\s+(?-i:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]+)?)"
    # a body: "the Board", "the Scrutiny Board (2)", "The Education and Children's Services
    # Scrutiny Board (2)"; not a post named after one ("Board Member")
    r"|(?:the\s+)?(?:(?-i:[A-Z][\w&'’-]*|\(\d+\))\s+|(?-i:and|of|for)\s+){0,8}?"
    r"(?-i:Board|Committee|Sub-Committee|Panel|Cabinet|Forum|Commission|Council|Group)"
    r"(?:\s+\(\d+\))?(?!\s+(?i:member|officer|manager|report)|[\w'’-])"
)
_AGENT = re.compile(rf"^(?:In response[^,]*,\s*)?(?P<a>{_WHO})(?![\w'’])", re.I)
# "It was agreed that officers would ...", "... resolved that the Clerk should write"
_AGENT_AFTER_THAT = re.compile(
    rf"\b(?:agreed|resolved|requested|asked|noted|decided)\s+that\s+(?P<a>{_WHO})\s+"
    r"(?:would|will|should|shall|be|to|was|were|is|are)\b",
    re.I,
)
# "... and officers be requested to report back", "the Clerk was asked to ..."
_AGENT_BEFORE_ASKED = re.compile(
    rf"(?:^|(?<=\s))(?P<a>{_WHO})\s+(?:be|were|was|are|is)\s+(?:requested|asked|instructed)\b",
    re.I,
)
# what opens a decision, before its subject: "RESOLVED that,", "AGREED:", "That"
_DECISION_LEAD = re.compile(
    r"^(?:(?:RESOLVED|Resolved|AGREED|DECISION|Decision)\b[ \t]*[:–—-]?[ \t]*)?"
    r"(?:(?i:that)\b[ \t]*,?[ \t]*)?"
)
# a decision whose subject its list of parts shares: "RESOLVED that the Board:"
_DECISION_HEAD = re.compile(
    rf"(?:RESOLVED|Resolved|AGREED|DECISION)\b[ \t]*[:–—-]?[ \t]*(?i:that)\b[ \t]*,?[ \t]*"
    rf"(?P<a>{_WHO})",
    re.I,
)
# a sentence whose subject refers back: "This would be followed up."
_REFERS_BACK = re.compile(r"^(?:This|These|They|It)\s+(?:would|will|should|shall)\b")


def _agent(plain: str, s: int, e: int, start: int) -> str | None:
    """Who a sentence names as the one to act, as written.

    The subject that opens it ("Officers agreed to ...", "The Director of Children's Services
    undertook to ...", "RESOLVED that the Board requests ..."); in a passive sentence the
    agent after "that" ("It was agreed that officers would ...") or before "be requested"
    ("... officers be requested to report back"); and for a part of a decision with no
    subject of its own ("2. Agreed to receive ...") the subject of the decision it is listed
    under ("RESOLVED that the Board:"). ``start`` is where the item begins.

    >>> p = "It was agreed that the Clerk would write to the school."
    >>> _agent(p, 0, len(p), 0)
    'the Clerk'
    >>> p = "RESOLVED that the Panel:\\n\\n1. Requests a report in June."
    >>> _agent(p, p.index("Requests"), len(p), 0)
    'the Panel'
    """
    sentence = " ".join(plain[s:e].split())
    sentence = _DECISION_LEAD.sub("", sentence, count=1)  # the lead is optional: always matches
    for pattern in (_AGENT, _AGENT_AFTER_THAT, _AGENT_BEFORE_ASKED):
        m = pattern.match(sentence) if pattern is _AGENT else pattern.search(sentence)
        if m:
            return m.group("a")
    return _decision_subject(plain, s, start)


def _decision_subject(plain: str, s: int, start: int) -> str | None:
    """The subject of the decision whose list of parts holds ``s``: the nearest "RESOLVED
    that <subject>" above it, with only list lines and blank lines between."""
    nl = plain.rfind("\n", start, s)
    pos = start if nl == -1 else nl + 1
    while pos > start:
        nl = plain.rfind("\n", start, pos - 1)
        prev_s = start if nl == -1 else nl + 1
        line = plain[prev_s : pos - 1] if pos - 1 >= prev_s else ""
        head = _DECISION_HEAD.search(line)
        if head:
            return " ".join(head.group("a").split())
        if line.strip() and not _LIST_LINE.match(line):
            return None
        if prev_s <= start:
            break
        pos = prev_s
    return None


# the header of a table of actions: "Action | Owner | Deadline"
_ACTION_COLUMN = re.compile(r"^(?:agreed\s+)?actions?(?:\s+(?:agreed|required|arising))?$", re.I)
_OWNER_COLUMN = re.compile(
    r"^(?:owner|responsible(?:\s+officer)?|lead(?:\s+officer)?|by\s+whom|who|action\s+by)$", re.I
)
_OTHER_COLUMN = re.compile(
    r"^(?:no\.?|ref\.?|item|minute(?:\s+no\.?)?|deadline|by\s+when|due(?:\s+date)?|date"
    r"|target\s+date|timescale|when)?$",
    re.I,
)


def find_actions(text: str, plain: str, start: int, end: int) -> list[ActionRecord]:
    """Undertakings and requests in ``plain[start:end]``, each a whole sentence or list item.

    Sentence by sentence; a sentence that introduces a list ("officers undertook to circulate
    the following:") gives one action per list item, its text the sentence and the item; an
    "ACTION:" line; each row of a table of actions ("Action | Owner | Deadline"). A sentence
    whose subject refers back ("This would be followed up.") takes in the sentence before it.
    Each action carries its agent as written (see :func:`_agent`), and the same undertaking
    written twice in the item is one action (see :func:`_distinct`). Text values are cleaned
    (line breaks unwrapped); offsets point into the document.

    >>> t = "Officers agreed to circulate the figures.\\n\\nRESOLVED that officers circulate the figures."
    >>> [(a.agent, a.text) for a in find_actions(t, t, 0, len(t))]
    [('Officers', 'Officers agreed to circulate the figures.')]
    """
    reading = _Reading(text, plain, start, end)
    for ps, pe in paragraphs(plain, start, end):
        reading.previous = reading.before = None
        for sm in _SENTENCE_RUN.finditer(plain[ps:pe]):
            _sentence_actions(reading, ps + sm.start(), ps + sm.end())
    out = reading.out + _table_actions(text, plain, start, end)
    return _distinct(sorted(out, key=lambda a: a.start))


# a full stop between digits ("2.1") does not end a sentence; a colon ending a line (a list
# follows) does
_SENTENCE_RUN = re.compile(r"(?:(?!:[ \t]*\n)[^.!?]|(?<=\d)\.(?=\d))+(?:[.!?]+|:(?=[ \t]*\n)|$)")
_NUMBERING = re.compile(r"[\s\-•·]*(?:(?:\d+(?:\.\d+)*[.)]?|\(?[a-z0-9]{1,3}\))\s+)?")


@dataclass
class _Reading:
    """:func:`find_actions` reading one item: its texts and span, the actions so far, and
    the sentences before the one being read (within one paragraph)."""

    text: str
    plain: str
    start: int
    end: int
    out: list[ActionRecord] = field(default_factory=list)
    previous: tuple[int, int] | None = None  # the last sentence that could hold an action
    before: tuple[int, int] | None = None  # the sentence before, whatever it was


def _sentence_actions(r: _Reading, s: int, e: int) -> None:
    """The actions of the sentence ``r.plain[s:e]``, added to ``r.out``."""
    sentence = r.plain[s:e]
    label = _ACTION_LABEL.match(sentence)
    if label:  # "ACTION: ..."
        r.out.extend(_labelled(r.text, r.plain, s + label.start("rest"), e, r.previous, r.out))
        r.previous = r.before = None
        return
    s += _heading_lines(sentence)
    sentence = r.plain[s:e]
    r.previous = (s, e)
    if _ACTIONS_HEADING.match(sentence):  # "Actions agreed:" above a list of them
        for a, b in _listed_after(r.plain, e, r.end):
            owner = _OWNED.match(r.plain[a:b])
            agent = owner.group("o") if owner else None
            r.out.append(ActionRecord(text=clean(r.text[a:b]), start=a, end=b, agent=agent))
        return
    owned = _OWNED.match(sentence.lstrip(" \t-•·"))
    if owned and not _ACTION.search(sentence):  # "Officers to circulate the figures."
        s += len(sentence) - len(sentence.lstrip(" \t-•·"))
        r.out.append(ActionRecord(text=clean(r.text[s:e]), start=s, end=e, agent=owned.group("o")))
        r.before = (s, e)
        return
    if not _ACTION.search(sentence):
        r.before = (s, e)
        return
    _request(r, s, e, sentence)


def _request(r: _Reading, s: int, e: int, sentence: str) -> None:
    """A sentence that asks or undertakes: one action per listed item it introduces, else
    one per clause."""
    numbering = _NUMBERING.match(sentence)
    s += numbering.end() if numbering else 0
    r.previous = (s, e)
    if r.before is not None and _REFERS_BACK.match(r.plain[s:e].lstrip()):
        s = r.before[0]  # "This would be followed up": what "this" is, is before it
    r.before = (s, e)
    who = _agent(r.plain, s, e, r.start)
    listed = _listed_after(r.plain, e, r.end) if sentence.rstrip().endswith(":") else []
    if listed:
        # "... undertook to circulate the following: <item>": the item alone is no sentence
        head = clean(r.text[s:e]) + ":"
        for a, b in listed:
            # the item's own marker ("(a)") numbers the list, not the sentence
            item = re.sub(r"^\(?[a-z0-9]{1,3}\)\s+", "", clean(r.text[a:b]))
            r.out.append(ActionRecord(text=_sentence(f"{head} {item}"), start=a, end=b, agent=who))
        return
    clauses = _clauses(r.text, r.plain, s, e)
    for a, b, words in clauses:
        # two requests in one sentence may name two agents ("Requests a report and the
        # Cabinet Member be asked to respond"); a clause naming none has the sentence's
        own = _agent(r.plain, a, b, r.start) if len(clauses) > 1 else None
        r.out.append(ActionRecord(text=words, start=a, end=b, agent=own or who))


def _sentence(words: str) -> str:
    """Words made a sentence: a capital first letter and a closing full stop.

    >>> _sentence("the plan be added to the work programme"), _sentence("Done?")
    ('The plan be added to the work programme.', 'Done?')
    """
    words = words.strip()
    if not words:
        return words
    words = words[0].upper() + words[1:]
    return words if re.search(r"[.!?][\"'’)]*$", words) else words + "."


_STOP = lexicon.words("function_words.txt")
# the words that say an action is one, not what it is about: two writings of one undertaking
# differ in them ("Officers agreed to circulate ..." and "RESOLVED that officers circulate ...")
_FRAME = lexicon.words("action_frame_words.txt")


def _gist(words: str) -> frozenset[str]:
    """The words of an action that say what is to be done.

    >>> sorted(_gist("RESOLVED that officers circulate the figures to Members."))
    ['circulat', 'figur']
    """
    found = re.findall(r"[a-z0-9]+", words.lower())
    # "circulate" and "circulated", "route" and "routes" are one word here
    return frozenset(
        re.sub(r"(?:ing|ed|es|e|s)$", "", w) if len(w) > 4 else w
        for w in found
        if w not in _STOP and w not in _FRAME
    )


def _distinct(actions: list[ActionRecord]) -> list[ActionRecord]:
    """One action for each undertaking: a later action whose gist (:func:`_gist`) is the
    same as an earlier one's, or holds it or is held by it with at most one word to spare
    either way, is the same undertaking written again (in the minutes and in a resolution,
    or in a summary), and only adds its agent when the first had none.

    >>> a = ActionRecord("Officers agreed to circulate the figures.", 0, 40, "Officers")
    >>> b = ActionRecord("RESOLVED that officers circulate the figures to Members.", 50, 99)
    >>> c = ActionRecord("Officers agreed to circulate the budget.", 100, 140, "Officers")
    >>> [x.text for x in _distinct([a, b, c])]
    ['Officers agreed to circulate the figures.', 'Officers agreed to circulate the budget.']
    """
    kept: list[ActionRecord] = []
    gists: list[frozenset[str]] = []
    for act in actions:
        gist = _gist(act.text)
        for k, seen in enumerate(gists):
            small, large = sorted((gist, seen), key=len)
            if small and small <= large and len(large) - len(small) <= 1:
                if kept[k].agent is None and act.agent is not None:
                    kept[k] = replace(kept[k], agent=act.agent)
                break
        else:
            kept.append(act)
            gists.append(gist)
    return kept


def _heading_lines(sentence: str) -> int:
    r"""Length of the item heading lines a sentence starts with ("7. Village Green Project"
    above the first sentence of the item's text), which belong to no sentence.

    >>> _heading_lines("7. Village Green Project\nIt was agreed that ...")
    25
    >>> _heading_lines("3. The Board agreed to ask officers\nto circulate the report.")
    0
    """
    skip = 0
    for line in sentence.splitlines(keepends=True)[:-1]:
        m = re.match(r"[ \t]*(?:\d{1,3}(?:/\d{2,4})?\.?|\(?[a-z]\))?[ \t]*(?P<t>\S[^\n]*)", line)
        words = re.findall(r"[\w'’&-]+", m.group("t")) if m else []
        content = [w for w in words if w.lower() not in _SMALL]
        if not words or len(words) > 12 or re.search(r"[.!?;:,]\s*$", line):
            break
        if sum(w[0].isupper() or w[0].isdigit() for w in content) < 0.7 * max(len(content), 1):
            break
        skip += len(line)
    return skip


def _labelled(
    text: str,
    plain: str,
    s: int,
    e: int,
    previous: tuple[int, int] | None,
    found: list[ActionRecord],
) -> list[ActionRecord]:
    """The action an "ACTION:" label marks: the words after it ("Director of Place to
    circulate ..."), or, where they only name its owner ("ACTION: Clerk"), the sentence
    before it."""
    rest = clean(plain[s:e]).rstrip(".")
    owner = _OWNER.match(rest)
    if owner and owner.group("v"):
        return [ActionRecord(text=clean(text[s:e]), start=s, end=e, agent=owner.group("o"))]
    if owner and owner.end() == len(rest) and previous is not None:
        a, b = previous
        for k, act in enumerate(found):
            if a <= act.start < b:  # the sentence was an action already: it gains its owner
                found[k] = replace(act, agent=act.agent or rest)
                return []
        return [ActionRecord(text=clean(text[a:b]), start=a, end=b, agent=rest)]
    if not owner or owner.end() < len(rest):
        return [ActionRecord(text=clean(text[s:e]), start=s, end=e)]
    return []


def _table_actions(text: str, plain: str, start: int, end: int) -> list[ActionRecord]:
    """One action per row of a table whose columns are the action, its owner and when."""
    out = []
    cols: tuple[int, int] | None = None
    for s, _e, line in lines(plain, start, end):
        split = table_cells(line)
        if split is None or re.fullmatch(r"[\s|:-]*", line):
            if line.strip() and split is None:
                cols = None
            continue
        cells, offsets = split
        labels = [clean(c) for c in cells]
        what = [i for i, c in enumerate(labels) if _ACTION_COLUMN.match(c)]
        who = [i for i, c in enumerate(labels) if _OWNER_COLUMN.match(c)]
        if what and who:
            others = set(range(len(labels))) - {what[0], who[0]}
            cols = (
                (what[0], who[0]) if all(_OTHER_COLUMN.match(labels[i]) for i in others) else None
            )
            continue
        if cols is None or len(labels) <= max(cols) or not labels[cols[0]]:
            continue
        raw = cells[cols[0]]
        a = s + offsets[cols[0]] + len(raw) - len(raw.lstrip())
        b = a + len(raw.strip())
        out.append(
            ActionRecord(text=clean(text[a:b]), start=a, end=b, agent=labels[cols[1]] or None)
        )
    return out


def _clauses(text: str, plain: str, s: int, e: int) -> list[tuple[int, int, str]]:
    """One (start, end, text) per request in a sentence, each text a whole sentence.

    "Requests a report ... and X be added to the Work Programme" holds two requests: each
    is its clause, without the "and" that joins them. "Includes A and B on the Work
    Programme" adds two items: each is the sentence with one of them in the list's place
    ("Includes A on the Work Programme."). A sentence with one request is itself.

    >>> t = "Includes Parks and Libraries on the Work Programme."
    >>> [w for _, _, w in _clauses(t, t, 0, len(t))]
    ['Includes Parks on the Work Programme.', 'Includes Libraries on the Work Programme.']
    """
    sentence = plain[s:e]
    inline = _INLINE_ADD.search(sentence)
    if inline:
        listed = inline.group("list")
        parts = [p for p in _split_and(listed) if p.strip()]
        if len(parts) > 1:
            base = s + inline.start("list")
            before = clean(text[s:base])
            after = clean(text[s + inline.end("list") : e])
            spans, pos = [], 0
            for part in parts:
                at = listed.index(part, pos)
                lead = len(part) - len(part.lstrip())
                a, b = base + at + lead, base + at + len(part.rstrip())
                words = " ".join(w for w in (before, clean(text[a:b]), after) if w)
                spans.append((a, b, _sentence(words)))
                pos = at + len(part)
            return spans
    hits = list(_ACTION.finditer(sentence))
    cuts = [(0, 0)]  # (where a clause ends, where the next begins)
    for prev, h in zip(hits, hits[1:], strict=False):
        # a second request joined by "and" ("... and X be added to the Work Programme")
        joint = sentence.rfind(" and ", prev.end(), h.start())
        if joint != -1:
            cuts.append((joint, joint + 5))
    cuts.append((len(sentence), len(sentence)))
    if len(cuts) == 2:
        return [(s, e, clean(text[s:e]))]
    return [
        (s + a, s + b, _sentence(clean(text[s + a : s + b])))
        for (_, a), (b, _) in zip(cuts, cuts[1:], strict=False)
        if sentence[a:b].strip()
    ]


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
    items = []
    for s, e, line in lines(plain, pos, end):
        if not line.strip():
            continue
        m = _LIST_ITEM.match(line)
        if not m:
            break
        items.append((s + m.start("t"), e))
    return items


_BODY_WORD = (
    r"Board|Committee|Sub-Committee|Panel|Cabinet|Council|Group|Forum|Partnership|Commission"
    r"|Executive|Assembly"
)
# "the minutes of", and "the (action) notes of" where a meeting keeps notes, not minutes
# or "the minutes of the Audit Committee held on ...", the body's name standing for its meeting
_APPROVE = re.compile(
    r"(?:minutes|(?:action\s+)?notes)\s+of\s+the\s+(?:(?:last|previous|[A-Z][\w'’&-]*|\(\d+\)|and|of|for)\s+){0,8}?"
    rf"(?:meetings?(?:\s+of\s+[^\n.]{{0,100}}?)?|(?:{_BODY_WORD}))[\s,]+held\s+on\s+(?:the\s+)?",
    re.I,
)
_REFER = re.compile(
    rf"\b(?:{_BODY_WORD})\b[^.\n]{{0,60}}?\bmeeting\s+(?:held\s+)?on\s+(?:the\s+)?",
    re.I,
)
# "The next meeting of the Committee will be held on ...", "The next Improvement Group would
# be held on ...", "Date of next meeting: ..."
_NEXT = re.compile(
    r"\bnext\s+(?:(?P<body>(?-i:[A-Z])(?:(?!meeting)[^\n.]){0,80}?)\s+)?(?:meeting\s+)?(?:of\s+(?:the\s+)?"
    r"(?P<of>[^\n.]{0,80}?)\s+)?(?:will|would|is|shall)\s+(?:now\s+)?(?:be\s+)?(?:held\s+)?"
    r"(?:on\s+)?(?:the\s+)?"
    r"|(?m:^[ \t]*(?:\d{1,3}\.?[ \t]+)?date\s+of\s+(?:the\s+)?next\s+meeting[ \t]*[:–-]?\s*)",
    re.I,
)
# "Minute 34 of the meeting held on ...", "Further to minute 12/25 of the Cabinet meeting on ...":
# a minute of another (past) meeting, referred to
_MINUTE_OF = re.compile(
    r"\bminute\s+(?:no\.?\s*)?[A-Z]{0,3}[/.]?\d+[\w/()-]*\s+of\s+(?:the\s+)?"
    r"(?:(?:[A-Z][\w'’&-]*|\(\d+\)|and|of|for)\s+){0,8}?meeting\s+(?:held\s+)?on\s+(?:the\s+)?",
    re.I,
)
_SELF = re.compile(rf"(?:the\s+|this\s+|its\s+)?(?:Scrutiny\s+)?(?:{_BODY_WORD})", re.I)


def _body(words: str | None) -> str | None:
    """The body a reference names, or None for this committee ("the Committee", "its").

    >>> _body("forwarded to Cabinet for approval at its"), _body("reported to the Committee at its")
    ('Cabinet', None)
    >>> _body("noted that the Health Scrutiny Board"), _body("Continuous Improvement Executive Group")
    ('Health Scrutiny Board', 'Continuous Improvement Executive Group')
    """
    if not words:
        return None
    found = list(re.finditer(rf"\b(?:{_BODY_WORD})\b(?:\s*\(\d+\))?", words))
    if not found:
        return None
    last = found[-1]
    head = re.search(r"(?:(?:[A-Z][\w'’&-]*|and|of|for|&)\s+)*$", words[: last.start()])
    name = (head.group(0) if head else "") + last.group(0)
    # one space between words, as a label: markup blanked out leaves runs of spaces
    name = " ".join(re.sub(r"^(?:(?:and|of|for|&)\s+)+", "", name).split())
    if _SELF.fullmatch(name) and not re.fullmatch(r"Cabinet|Council", name):
        return None
    return name


def _in_year(month: int, day: int, on: dt.date, toward: str) -> dt.date | None:
    """A day written without its year, placed beside the meeting ``on``: the last such day
    before it, or the first after it.

    >>> str(_in_year(11, 28, dt.date(2021, 1, 20), "before")), str(_in_year(3, 11, dt.date(2021, 9, 16), "after"))
    ('2020-11-28', '2022-03-11')
    """
    days = []
    for year in (on.year - 1, on.year, on.year + 1):
        try:
            days.append(dt.date(year, month, day))
        except ValueError:
            continue
    if toward == "before":
        return max((d for d in days if d < on), default=None)
    return min((d for d in days if d > on), default=None)


def _dates_at(
    text: str, on: dt.date | None = None, toward: str = "before"
) -> list[tuple[dt.date, int]]:
    """The dates ``text`` starts with, and where each ends: "12 and 26 January 2025" holds two;
    a date without its year is placed beside the meeting ``on``, where that is known.

    >>> [(str(d), e) for d, e in _dates_at("12 and 26 January 2025 were agreed")]
    [('2025-01-12', 2), ('2025-01-26', 22)]
    >>> [str(d) for d, _ in _dates_at("3rd February were agreed", dt.date(2025, 3, 3), "before")]
    ['2025-02-03']
    """
    dates = list(find_dates(text[:80]))
    if dates and dates[0].start <= 2:
        first = dates[0].date
        if first is None and on is not None:
            first = _in_year(dates[0].month, dates[0].day, on, toward)
        return _and_the(text, [(first, dates[0].end)], on, toward) if first else []
    m = re.match(r"(\d{1,2})(?:st|nd|rd|th)?(?:\s*,\s*|\s+and\s+|\s*&\s*)", text)
    if m and dates and dates[0].start == m.end() and dates[0].date is not None:
        try:
            first = dates[0].date.replace(day=int(m.group(1)))
        except ValueError:
            return []
        return [(first, m.end(1)), (dates[0].date, dates[0].end)]
    return []


# what joins one date of a list to the next: "1 May (Appendix B) and the 3 June 2025"
_DATE_JOIN = re.compile(r"(?:[ \t]*\([^()\n]{0,60}\))?[ \t]*(?:,|and|&)[ \t]+(?:(?i:the)[ \t]+)?")


def _and_the(
    text: str, found: list[tuple[dt.date, int]], on: dt.date | None, toward: str
) -> list[tuple[dt.date, int]]:
    """The dates written one after another from the first of ``found``: each joined to the
    one before by a comma, "and" or "&" (perhaps "and the"), a bracketed note such as
    "(Appendix B)" allowed between: the meetings "held on 1st May (Appendix B) and the
    3rd June 2025" are two.

    >>> t = "1st May (Appendix B) and the 3rd June 2025 (Appendix C)."
    >>> [str(d) for d, _ in _and_the(t, [(dt.date(2025, 5, 1), 7)], None, "before")]
    ['2025-05-01', '2025-06-03']
    """
    while len(found) < 6:
        join = _DATE_JOIN.match(text, found[-1][1])
        nxt = list(find_dates(text[join.end() : join.end() + 40])) if join else []
        if join is None or not nxt or nxt[0].start != 0:
            break
        date = nxt[0].date
        if date is None and on is not None:
            date = _in_year(nxt[0].month, nxt[0].day, on, toward)
        if date is None:
            break
        found.append((date, join.end() + nxt[0].end))
    return found


# "To note the dates of future meetings ...: 9 January 2019, 6 February 2019 ..."
_FUTURE = re.compile(
    r"\b(?:dates?\s+of\s+(?:the\s+)?(?:future|forthcoming|further)\s+meetings"
    r"|(?:future|forthcoming)\s+meeting\s+dates)\b",
    re.I,
)


def _future_dates(plain: str, start: int, end: int) -> list[MeetingRef]:
    """The meetings a list of future dates announces: the dates written one after another
    (nothing but a weekday, a comma, "and" or a time between them) that start within
    a sentence or two of "dates of future meetings".

    >>> t = "To note the dates of future meetings as follows: 9 May 2030, 4 June 2030 and 2 July 2030. 8 ANY OTHER BUSINESS 1 May 2030"
    >>> [str(r.date) for r in _future_dates(t, 0, len(t))]
    ['2030-05-09', '2030-06-04', '2030-07-02']
    """
    out: list[MeetingRef] = []
    for m in _FUTURE.finditer(plain, start, end):
        dates = [d for d in find_dates(plain[m.end() : min(end, m.end() + 600)]) if d.date]
        if not dates or dates[0].start > 200:
            continue
        run = dates[:1]
        for d in dates[1:]:
            gap = plain[m.end() + run[-1].end : m.end() + d.start]
            if not re.fullmatch(
                r"(?i:[\s,;&]|and|[a-z]+day|at|\d{1,2}(?:[.:]\d\d)?\s*[ap]\.?m\.?)*", gap
            ):
                break
            run.append(d)
        for d in run:
            s = m.end() + d.start
            if d.date is not None:
                out.append(
                    MeetingRef(date=d.date, relation="references", start=s, end=s + len(d.text))
                )
    return out


# a motion or a recommendation put, not carried: "Motion – That the minutes ... be approved"
_PROPOSED = re.compile(
    r"\b(?:motion|recommended|recommendation|proposed)\s*[:–—-]?\s*that\s+(?:the\s+)?$", re.I
)


def find_refs(plain: str, start: int, end: int, on: dt.date | None = None) -> list[MeetingRef]:
    """Earlier meetings whose minutes are approved, or that are referred to (the next
    meeting among them, the dates of future meetings listed), with the body named where it
    is not this committee. A date written without its year is placed beside this meeting's
    date ``on``, where that is given. Minutes a motion or recommendation would approve
    ("Motion – That the minutes ... be approved") are only referred to: it is put, not
    carried."""
    out: list[MeetingRef] = _future_dates(plain, start, end)
    seg = plain[start:end]
    taken: set[int] = set()
    for rx, relation in (
        (_APPROVE, "approves"),
        (_MINUTE_OF, "references"),
        (_REFER, "references"),
        (_NEXT, "references"),
    ):
        for m in rx.finditer(seg):
            # an undated year: minutes approved are of a past meeting, the next one is to come,
            # and another is past unless the words look ahead ("will consider it at its meeting")
            ahead = rx is _NEXT or (
                rx is _REFER
                and re.search(
                    r"\b(?:will|would|shall|next|forthcoming|future|to\s+be)\b",
                    seg[max(0, m.start() - 80) : m.end()].rsplit(".", 1)[-1],
                    re.I,
                )
            )
            toward = "after" if ahead else "before"
            dates = _dates_at(seg[m.end() :], on, toward)
            if not dates:
                continue
            s = start + m.start()
            e = start + m.end() + dates[-1][1]
            if any(s <= t < e for t in taken):
                continue
            sentence_end = seg.find(".", m.end() + dates[-1][1])
            tail = seg[m.end() + dates[-1][1] : sentence_end if sentence_end != -1 else None]
            head = seg[max(0, m.start() - 80) : m.start()].lower()
            relation_here = relation
            if _PROPOSED.search(seg[max(0, m.start() - 40) : m.start()]):
                relation_here = "references"
            if relation == "approves" and not re.search(
                r"agree|approv|confirm|sign|accept|adopt", head + tail[:200].lower()
            ):
                relation_here = "references"
            if rx is _APPROVE:
                body = _body(re.sub(r"(?i)\s*meetings?\b.*$", "", m.group(0), flags=re.S))
            elif rx is _NEXT:
                written = m.group("body") or m.group("of")
                body = _body(written)
                if written and body is None and not _SELF.fullmatch(written.strip()):
                    continue  # "the next Scrutiny Co-ordination meeting": no body we can name
            else:
                before = seg[max(0, m.start() - 80) : m.start()]
                body = _body(before.rsplit(".", 1)[-1] + m.group(0).split(" meeting")[0])
            taken.update(range(s, e))
            for d, _ in dates:
                out.append(MeetingRef(date=d, relation=relation_here, start=s, end=e, body=body))
    return sorted(out, key=lambda r: (r.start, r.date))
