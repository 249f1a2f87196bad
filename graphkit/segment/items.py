"""Agenda items: numbered and unnumbered headings, their titles and spans. The readers of
what the items hold are beside it (:mod:`.decisions`, :mod:`.actions`, :mod:`.refs`) and
handed on from here."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from .. import lexicon
from ..dates import find_dates
from ..names import ANY_COUNCILLOR, find_names, is_forename
from .actions import find_actions
from .decisions import find_resolutions
from .refs import find_refs
from .text import WRAPPED, clean, lines

__all__ = ["find_actions", "find_items", "find_refs", "find_resolutions"]

# "13. Title" at a line start (or after blanked markup: "Business**1. Apologies****2. ..."),
# also "Min No. 5 Title", "Minute 34 Title", "Item 3: Title", "CAB 12/24 TITLE" (a minute
# code), "F/101 Title" (a minute series letter), "23/45 TITLE" and "45/23 TITLE" (numbered with the year), "IV. TITLE" (roman)
_HEAD = re.compile(
    r"(?:^|(?<=\n)|(?<=\S  ))[ \t]*(?:\*[ \t]*(?=\d{1,3}[ \t]))?"  # "* 45 Minutes": a mark
    r"(?P<head>(?:(?:Min(?:ute)?s?\.?|(?:Agenda[ \t]+)?[Ii]tem)[ \t]*(?:No\.?[ \t]*)?(?=\d)"
    # a committee's code: "CAB 12/24", "PL23/88", "C 56/24", "CAB.1"
    r"|(?P<code>[A-Z]{2,5}(?=\d{1,3}/\d)|[A-Z]{1,5}[ \t]+(?=\d{1,3}/\d)|[A-Z]{2,5}\.(?=\d{1,3}[ \t]))"
    r"|(?P<prefix>[A-Z]{1,5}/)(?=\d{1,4}\b)"
    r"|(?P<part>[A-H])(?=\d{1,2}[.:]?[ \t])|\((?=\d{1,3}\)[ \t]))?)"  # "(34) MINUTES"
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
    if (
        title.rstrip(")").endswith((".", ":", ";", ","))
        and len(words) >= 4
        and not re.match(r"To [a-z]+\b", title)  # an agenda's "To receive apologies."
    ):
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


_SMALL_END = re.compile(rf"\b{lexicon.alternation(lexicon.small_words())}$", re.I)
_DECIDED = re.compile(r"(?:RESOLVED|AGREED|DECISION|NOTED)\b")


def _title_goes_on(plain: str, ts: int, te: int, end: int) -> int:
    r"""Where a title that ends its line (``plain[ts:te]``) ends when it goes on over the
    lines right below it, as PDF text wraps a long title: a line of capitals under a title
    in capitals, a line in small letters under a long one, or any line under a title that
    stops on a small word ("... on the" / "Local Plan").

    >>> t = "5. REVIEW OF THE HOLIDAY PROGRAMME AND THE\nSUMMER READING CHALLENGE\n\nText."
    >>> t[3 : _title_goes_on(t, 3, t.index("\n"), len(t))]
    'REVIEW OF THE HOLIDAY PROGRAMME AND THE\nSUMMER READING CHALLENGE'
    >>> t = "5. HOUSING\nRESOLVED that it be noted."
    >>> _title_goes_on(t, 3, t.index("\n"), len(t)) == t.index("\n")
    True
    """
    for _ in range(2):
        if not plain.startswith("\n", te):
            break
        stop = plain.find("\n", te + 1, end)
        stop = end if stop == -1 else stop
        below = plain[te + 1 : stop].strip()
        title = plain[ts:te].strip()
        if (
            not below
            or not below[0].isalpha()
            or _DECIDED.match(below)
            or _HEAD.match(below)
            or re.match(r"\(?[a-z][.)]\s", below)  # "a) Update on ...": a part of the item
        ):
            break  # "IV. ANY OTHER BUSINESS": the next item
        capitals = title.isupper() and below.isupper()
        small = below[0].islower() and len(title) >= 50
        if not (capitals or small or _SMALL_END.search(title)):
            break
        te = stop
    return te


def _numbered(m: re.Match[str], head: bool, start: int) -> tuple[int, str, int]:
    """Where a numbered heading found by :data:`_HEAD` (``head``) or :data:`_NUM_ALONE`
    starts, its number as written, and the count it stands at."""
    pos = start + m.start("num")
    number = m.group("num")
    if head and m.group("roman"):
        num = _roman(number)
    else:
        digits = re.match(r"\d+", number)
        assert digits is not None  # a number that is not roman starts with its digits
        num = int(digits.group(0))
    if head and m.group("head"):
        pos = start + m.start("head")  # "Min No. 5": the item starts at "Min"
        if m.group("code"):  # as written, a space for its spaces: "CAB 12/24", "PL23/88"
            number = re.sub(r"[ \t]+", " ", m.group("code")) + number
        elif m.group("prefix"):
            number = m.group("prefix") + number  # "F/101" as written
        elif m.group("part"):
            # "A1", "A2", "B1": the items of an agenda's parts, counted on across them
            number = m.group("part") + number
            num += _PART * (ord(m.group("part")) - ord("A") + 1)
    return pos, number, num


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
            marked = rx is _HEAD and before.strip() == "*" and m.group("dot") is None
            if before.strip() and not marked and not re.search(r"\S\s{2,}$", before):
                continue  # "- 1. Note the dataset": a list inside an item
            if start + m.start("num") in taken:
                continue
            numbered_by_year = rx is _HEAD and m.group("year")  # "45/23 Apologies"
            ts, te = start + m.start("title"), start + m.end("title")
            te = _before_its_text(plain, ts, _over_markup(text, plain, te))
            caps = _caps_title(plain[ts:te])
            if caps is not None:  # "72/13 DECLARATIONS OF INTEREST RESOLVED to note ..."
                ts, te = ts + caps[0], ts + caps[1]
            if (
                rx is _HEAD
                and not (m.group("dot") or numbered_by_year or m.group("head"))
                and not re.match(r"[A-Z]", plain[ts:te])
            ):
                continue
            title = clean(_NOISE.sub(" ", plain[ts:te]))
            longer = _title_goes_on(plain, ts, te, end)
            if longer > te:  # PDF text wrapped the title: it goes on below
                whole = clean(_NOISE.sub(" ", plain[ts:longer]))
                if _title_ok(whole, long_ok=True):
                    title = whole
            if (
                not _title_ok(title, long_ok=caps is not None)
                or _is_date(f"{m.group('num')} {title}")  # a page header's "12 March 2025"
                or _only_people(title)
                # "V. Carr (Finance)": an initial read as a numeral
                or _only_people(clean(plain[start + m.start("num") : te]))
            ):
                continue
            pos, number, num = _numbered(m, rx is _HEAD, start)
            out.setdefault(pos, _Cand(pos, num, number, title, ts))
    for c, _ in above:
        out.setdefault(c.pos, c)
    cands = _marked(plain, sorted(out.values(), key=lambda c: c.pos), end)
    return _by_minute_number(cands)


def _before_its_text(plain: str, ts: int, te: int) -> int:
    """Where a title ends that the minute's text follows on its line after a colon (parish
    minutes: "3. Minutes of 6 February: approved and signed.", "1. Apologies: Cllr White"):
    at the colon when what follows is a sentence, in small letters or to a full stop, or
    names a councillor; a subtitle ("Local Plan: Consultation Response") stays.

    >>> t = "Minutes of 6 February 2024: approved and signed."
    >>> t[: _before_its_text(t, 0, len(t))]
    'Minutes of 6 February 2024'
    >>> t = "Local Plan: Consultation Response"
    >>> t[: _before_its_text(t, 0, len(t))]
    'Local Plan: Consultation Response'
    """
    m = re.search(r":[ \t]+(?=\S)", plain[ts:te])
    if m is None or len(plain[ts : ts + m.start()].split()) > 8:
        return te
    tail = plain[ts + m.end() : te].strip()
    if tail[0].islower() or tail.endswith(".") or re.match(rf"{ANY_COUNCILLOR}\b", tail):
        return ts + m.start()
    return te


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
_TITLE_SMALL = lexicon.minor_words()
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
    """Minutes numbered "23/45, 23/46, ..." (year first) or "CPP/24/15, CPP/24/16, ..."
    count by the part after the last slash.

    >>> [c.num for c in _by_minute_number([_Cand(0, 23, "23/45", "A", 0), _Cand(9, 23, "23/46", "B", 9)])]
    [45, 46]
    >>> [c.num for c in _by_minute_number([_Cand(0, 0, "CPP/24/15", "A", 0), _Cand(9, 0, "CPP/24/16", "B", 9)])]
    [15, 16]
    """
    pairs = [
        c.number.split()[-1].rpartition("/")[::2] for c in cands if re.search(r"/\d+$", c.number)
    ]
    if len(pairs) < 2 or len({a for a, _ in pairs}) >= len({b for _, b in pairs}):
        return cands
    return [
        replace(c, num=int(c.number.rpartition("/")[2])) if re.search(r"/\d+$", c.number) else c
        for c in cands
    ]


_PART = 1000  # an agenda part's items are counted from its letter's thousand: A1 = 1001


def _step(a: int, b: int) -> int:
    """How far the number ``b`` goes on from ``a``: the first item of the next part ("B1"
    after "A4") is the next.

    >>> _step(4, 5), _step(1004, 2001), _step(1004, 1002), _step(1004, 3001)
    (1, 1, -2, 1997)
    """
    if b % _PART == 1 and b // _PART == a // _PART + 1 and a >= _PART:
        return 1
    return b - a


def _chain(cands: list[_Cand]) -> list[_Cand]:
    """The longest run of headings whose numbers rise by one to three at each step."""
    if not cands:
        return []
    best = [1.0] * len(cands)
    prev = [-1] * len(cands)
    for i, c in enumerate(cands):
        for j in range(i):
            gap = _step(cands[j].num, c.num)
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


def _wrapped_runs(plain: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Spans of a line, or of lines wrapped at a page's width (each but the last at
    least 60 characters, none blank), in ``[start, end)``."""
    run: list[int] | None = None
    went_on = False
    for ls, le, line in lines(plain, start, end):
        if run is not None and went_on and line.strip():
            run[1] = le
        else:
            if run is not None:
                yield run[0], run[1]
            run = [ls, le]
        went_on = (
            le - (plain.rfind("\n", 0, ls) + 1) >= WRAPPED
        )  # the whole line, not what is in range
    if run is not None:
        yield run[0], run[1]


def _run_together(plain: str, start: int, end: int) -> list[_Cand]:
    """An agenda whose list PDF text ran into one long line ("A G E N D A 1 APOLOGIES To
    receive ... 2 MINUTES ..." or "1. To receive apologies. 2. To ..."), or into lines
    wrapped at the page's width: the numbers 1, 2, 3 ... written in that order, each the
    first of its value after the one before and followed by a title
    (:func:`_inline_title`), are the items; at least three of them, all with a dot or all
    without."""
    out: list[_Cand] = []
    for ls, le in _wrapped_runs(plain, start, end):
        if le - ls < 300:
            continue
        run = plain[ls:le].replace("\n", " ")  # one character for one: offsets stay
        pos = 0
        found: list[tuple[int, re.Match[str], str]] = []
        for n in range(1, 100):
            rx = re.compile(rf"(?<![\w/.,:-])({n})(\.?)[ \t]+(?=[A-Z])")
            hit = None
            for m in rx.finditer(run, pos):  # "9 January, 2019 9 REQUESTS": the second
                dotted = bool(m.group(2))
                if found and dotted != bool(found[0][1].group(2)):
                    continue
                # a title is a few words: what follows is read only that far
                title = _inline_title(run[m.end() : m.end() + 1000], dotted=dotted)
                if title is not None:
                    hit = (n, m, title)
                    break
            if hit is None:
                break
            found.append(hit)
            pos = hit[1].end()
        if len(found) >= 3:
            out = [_Cand(ls + m.start(), n, str(n), t, ls + m.end()) for n, m, t in found]
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
        # a name in bold ("**Councillor A Bell**") is an attendee, not a heading
        if _title_ok(title) and not re.match(r"RESOLVED", title) and not _only_people(title):
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
