"""The regular expressions and small helpers the finders share: the shapes of a name, of a
programme's and a body's name, of a post; cutting run-on titles apart; acronyms.

Every helper reads ``text`` with markup blanked out and soft line breaks joined
(:func:`unwrap`), so offsets are offsets into ``Document.text``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import lexicon
from ..names import looks_like_role
from ..segment.text import WRAPPED

__all__ = [
    "acronym_matches",
    "in_a_post",
    "listed_start",
    "runon_start",
    "split_at_inner_head",
    "unwrap",
]

# a capitalised word ("Pre-School", "Stockton-on-Tees") is of at most _LONGEST_WORD
# characters: a word of any length was tried to its end from each capital after each of
# its hyphens, O(n²) on a run of words joined by hyphens (8,000 words: 38 s)
_LONGEST_WORD = 48
# a capitalised word ending in a letter or digit, or capitals joined by "&" ("A&E", "H&W")
_CAP = rf"(?:[A-Z][\w'’\-]{{0,{_LONGEST_WORD - 2}}}[\w]|[A-Z]{{1,3}}&[A-Z]{{1,3}}\b|[A-Z])"
_CAP_WORD = rf"[A-Z][\w'’\-]{{0,{_LONGEST_WORD - 1}}}"  # as written, a hyphen at its end too
_CONN = lexicon.alternation(lexicon.name_connectives())
_PROG_HEADS = lexicon.programme_heads_pattern().pattern
_BODY = rf"{_CAP}(?: (?:{_CONN} )?{_CAP}){{0,7}}"
# "Programme Manager", "Project Board": a post or a body named after a programme
_NOT_A_POST = (
    r"(?! (?:Manager|Managers|Lead|Leads|Officer|Officers|Board|Team|Director|Co-?ordinator"
    r"|Group|Worker|Workers)\b)"
)
_PROGRAMME = re.compile(
    rf"(?<![\w'’])(?P<body>{_BODY})(?: \((?P<acr>[A-Z]{{2,6}})\))? (?P<head>(?:{_PROG_HEADS})|(?i:programme|project|scheme|strategy|plan)|service)\b"
    + _NOT_A_POST
)
_ACRONYM_DEF = re.compile(
    rf"(?<![\w'’])(?P<long>{_BODY}) \((?P<acr>[A-Z][A-Za-z]{{1,6}}?)(?:'?s)?\)"
)
_ORG_HEADS = (
    r"City Council|County Council|Borough Council|District Council|Council|Partnership|Partnerships"
    r"|Board|Group|Team|Trust|CCG|Authority|Society|Network|University|College|School|Hub"
    r"|Department|Agency|Commission|Foundation|Police|Service|Services|Panel|Sub-Committee|Committee"
    r"|Association"
    r"|Forum|Teams|Hubs|Ltd|Limited|CIC|plc|LLP|House|Centre|Hospital|Hospice|Club|Bank"
    r"|Federation|Inspectorate|Ombudsman|Institute|Alliance|Consortium|Collaborative"
)
_ORG_BODY = rf"{_CAP}(?: (?:(?:and|of|for|in|&) )?{_CAP}){{0,7}}"
# heads may be lower case ("Public Health Inequalities team") and bodies numbered
# ("Scrutiny Board 3", "Scrutiny Board (2)")
_ORGANISATION = re.compile(
    rf"(?<![\w'’])(?P<body>{_ORG_BODY}) (?P<head>{_ORG_HEADS}|teams?|board|partnership|network|group|panel)\b"
    r"(?P<num> \(\d{1,2}\)| \d{1,2}\b(?![/.:]\d))?(?! (?!(?:Annual )?(?:Report|Update)\b)[A-Z])"
)
# a service is run for residents (a programme) unless it is a national or emergency body
_SERVICE_ORG = re.compile(
    r"^(?:National|NHS|HM|His Majesty's|Her Majesty's|Crown|Royal)\b"
    r"|\b(?:Police|Fire|Rescue|Ambulance|Probation|Prison|Courts|Tribunals?|Careers|Civil) Service$"
)
# a service as a quality or a ceremony names nothing: "Customer Service", "Memorial Service"
_NOT_A_SERVICE = re.compile(
    r"\b(?:Customer|Public|Good|Excellent|Quality|Memorial|Church|Carol|Remembrance|Thanksgiving"
    r"|Military|Community) Service$"
)
# the words a council's directorates are named with: "Children and Education Service"
_DEPARTMENT_WORDS = lexicon.words("department_words.txt")


def _service_is_body(name: str) -> bool:
    """Whether "... Service" names a body (national, emergency, a directorate), not a
    service run for residents.

    >>> [_service_is_body(n) for n in ("National Careers Service", "Adoption Service",
    ...  "Children's Services and Education Service", "Coventry Children and Education Service")]
    [True, False, True, True]
    """
    if _SERVICE_ORG.search(name):
        return True
    if _NOT_A_SERVICE.search(name):
        return False
    words = name.replace("’", "'").lower().split()
    dept = [w for w in words if w in _DEPARTMENT_WORDS]
    return (
        len(dept) >= len(words) - 1
        and len(dept) >= 2
        and words[-1] == "service"
        and (dept[0] == words[0] or len(words) > 2)
    )


_POST_OF = re.compile(
    r"\b(?:Director|Head|Manager|Officer|Member|Lead|Chair|Chairman|Leader|Secretary|Minister"
    r"|Commissioner|Adviser|Advisor|Worker|Administrator|Coordinator|Co-ordinator)s? (?:of|for) "
)
# heads a name may follow: "HM Inspectorate of Probation", "Royal College of Nursing"
_HEAD_FIRST = frozenset(
    ["Inspectorate", "Institute", "University", "College", "Federation", "Ombudsman", "Commission"]
)
_OF_TAIL = re.compile(r" (?:of|for) [A-Z][\w'’]*(?: (?:and |& )?[A-Z][\w'’]*){0,3}")
_BODY_NAME_END = re.compile(
    rf"\b(?:(?:{_ORG_HEADS})|(?:{'|'.join(sorted(_HEAD_FIRST))}){_OF_TAIL.pattern})$"
)


def _names_a_body(name: str) -> bool:
    """Whether a name defined with an acronym is a body's, by how it ends.

    >>> [_names_a_body(n) for n in ("Social Care Institute for Excellence",
    ...  "South Warwickshire Foundation Trust", "Integrated Community Equipment Service")]
    [True, True, False]
    """
    return bool(_BODY_NAME_END.search(name)) and (
        not name.endswith(" Service") or _service_is_body(name)
    )


# first words a body's own name may begin with: "National Careers Service"
_ORG_FIRST = frozenset(["National", "Local", "Regional", "City"])
# Leading words that begin a sentence or a phrase but not a name.
_STOP_START = lexicon.words("stop_start.txt")
_SMALL = lexicon.minor_words()


def acronym_matches(acronym: str, long: str) -> bool:
    """Whether ``acronym`` spells the initials of ``long`` (small words may be skipped).

    >>> acronym_matches("HAF", "Holiday Activities and Food")
    True
    >>> acronym_matches("EHCP", "Education and Healthcare Plan")
    True
    >>> acronym_matches("FGC", "Holiday Activities and Food")
    False
    """
    acr = (
        acronym.upper().rstrip("S") if len(acronym) > 2 and acronym[-1] == "s" else acronym.upper()
    )
    words = [w for w in re.split(r"[\s\-]+", long) if w]
    # letters available: each word's initial, plus capitals inside words ("HealthCare")
    letters: list[tuple[str, bool]] = []
    for w in words:
        small = w.lower() in _SMALL
        letters.append((w[0].upper(), small))
        letters.extend((c, True) for c in w[1:] if c.isupper())
        if w.lower().startswith("health") and len(w) > 6:
            letters.append(("C", True))  # "Healthcare" is often abbreviated HC

    # match acronym letters to a subsequence; every non-small word initial must be used
    def walk(i: int, j: int) -> bool:
        if i == len(acr):
            return all(optional for _, optional in letters[j:])
        if j == len(letters):
            return False
        ch, optional = letters[j]
        if ch == acr[i] and walk(i + 1, j + 1):
            return True
        return optional and walk(i, j + 1)

    return len(acr) >= 2 and walk(0, 0)


def _strip_start(body: str, start: int, keep: frozenset[str] = frozenset()) -> tuple[str, int]:
    words = body.split()
    while (
        words
        and words[0] not in keep
        and (
            words[0].lower().replace("’", "'").strip("'") in _STOP_START
            or words[0].lower() in ("&",)
        )
    ):
        cut = body.index(words[0]) + len(words[0])
        start += cut
        body = body[cut:]
        words = body.split()
        lead = len(body) - len(body.lstrip())
        body, start = body.lstrip(), start + lead
    return body, start


# words that close a document's title, never part of a programme's or body's name
_DOC_WORDS = lexicon.words("doc_words.txt")
_NOT_A_NEW_NAME = lexicon.words("not_a_new_name.txt")


def _mid_sentence(text: str, at: int) -> bool:
    r"""Whether ``at`` is inside a sentence, so a capital there is a name's own.

    >>> [_mid_sentence(t, t.index("Local")) for t in ("on the Local Plan", "Done. Local Plan",
    ...                                             "Local Plan", "Item 4\tLocal Plan")]
    [True, False, False, False]
    """
    before = text[max(0, at - 40) : at].rstrip(" ")
    return bool(before) and not re.search(r"(?:[\n\t]|[.!?:;][’'\")]?)$", before)


_HEAD_WORDS = re.compile(rf"(?:{_PROG_HEADS}|Roadmap)$")


def runon_start(name: str) -> int:
    """Where a name really starts when PDF or table text glued titles before it.

    A phrase repeated back to back marks a boundary (the name starts at the second copy);
    so does a document word ("Report", "Update") followed by a capitalised word; and a
    name never starts with a programme head or a document word.

    >>> n = "Children's Services Children's Services Strategic Plan"
    >>> n[runon_start(n):]
    "Children's Services Strategic Plan"
    >>> n = "Plan Adoption Service Annual Report Family Health and Lifestyles Service"
    >>> n[runon_start(n):]
    'Family Health and Lifestyles Service'
    >>> n = "Strategy Group"
    >>> n[runon_start(n):]
    'Strategy Group'
    >>> n = "Strategy and Partnerships Service"
    >>> n[runon_start(n):]
    'Strategy and Partnerships Service'
    """
    spans = [(m.start(), m.group()) for m in re.finditer(r"\S+", name)]
    words = [w for _, w in spans]
    cut = 0
    for size in range(1, 7):
        for i in range(cut, len(words) - 2 * size + 1):
            phrase = words[i : i + size]
            if phrase == words[i + size : i + 2 * size] and any(w[0].isupper() for w in phrase):
                cut = max(cut, i + size)
    for i in range(cut, len(words) - 1):
        if words[i].lower() in _DOC_WORDS and words[i + 1][0].isupper():
            cut = i + 1
    while (
        cut < len(words) - 2
        and (words[cut].lower() in _DOC_WORDS or _HEAD_WORDS.match(words[cut]))
        and words[cut + 1][0].isupper()
    ):
        cut += 1
    return spans[cut][0] if words else 0


def split_at_inner_head(name: str) -> tuple[int, int] | None:
    """Where a first programme name ends and a second starts inside a run-on one, if so.

    An inner programme head followed by capitalised words before the final head ends one
    name: "SEND Improvement Plan Early Help Strategy" is two, and so is "Men's Health Week and
    Practice Week". A generic word after the inner head ("Strategy Annual Delivery Plan",
    "Strategy Refresh") or a small word keeps one name.

    >>> n = "SEND Improvement Plan Early Help Strategy"
    >>> end, start = split_at_inner_head(n)
    >>> n[:end], n[start:]
    ('SEND Improvement Plan', 'Early Help Strategy')
    >>> n = "Men's Health Week and Practice Week"
    >>> end, start = split_at_inner_head(n)
    >>> n[:end], n[start:]
    ("Men's Health Week", 'Practice Week')
    >>> split_at_inner_head("Early Help Strategy Implementation Plan") is None
    True
    >>> split_at_inner_head("Housing Strategy Annual Delivery Plan") is None
    True
    >>> n = "One Strategic Plan Adoption Service"
    >>> n[split_at_inner_head(n)[1]:]
    'Adoption Service'
    """
    spans = [(m.start(), m.group()) for m in re.finditer(r"\S+", name)]
    words = [w for _, w in spans]
    for i in range(1, len(words) - 2):
        if not _HEAD_WORDS.match(words[i]):
            continue
        end = spans[i][0] + len(words[i])
        joined = words[i + 1] in ("and", "&")
        rest = words[i + 2 : -1] if joined else words[i + 1 : -1]
        if (
            rest
            and all(w[0].isupper() and w.lower() not in _SMALL for w in rest)
            and rest[0].lower() not in _NOT_A_NEW_NAME
            and not any(_HEAD_WORDS.match(w) for w in rest)
        ):
            return end, spans[i + 2 if joined else i + 1][0]
    return None


_LISTED = re.compile(rf"(?<![\w'’])({_BODY}), $")


def listed_start(text: str, start: int, acronym: str, long: str) -> int:
    """Where a name defined with ``acronym`` starts when a comma list precedes its head.

    The name reaches back over comma-separated capitalised phrases on its line as far as
    the acronym's letters need; ``start`` is returned when no such reach spells it.

    >>> t = "the Kestrel and Avon Maternity, Children and Young People Programme (KAMCYP)"
    >>> t[listed_start(t, 32, "KAMCYP", t[32:67]):]
    'Kestrel and Avon Maternity, Children and Young People Programme (KAMCYP)'
    >>> t = "Housing, Children and Young People Programme (CYPP)"
    >>> listed_start(t, 9, "XYZ", t[9:44])
    9
    """
    at = start
    for _ in range(4):
        line = text.rfind("\n", 0, at) + 1
        prev = _LISTED.search(text, line, at)
        if prev is None or prev.end() != at:
            return start
        piece, at = _strip_start(prev.group(1), prev.start(1))
        if not piece:
            return start
        long = f"{piece}, {long}"
        spelt = long.replace(",", "")
        headless = spelt.rsplit(" ", 1)[0] if _HEAD_WORDS.search(spelt) else spelt
        if acronym_matches(acronym, spelt) or acronym_matches(acronym, headless):
            return at
    return start


_POST_OF_END = re.compile(_POST_OF.pattern + r"$")
# the title just before a comma: "Sarah Lyle, Head of Service, "
_TITLE_BEFORE = re.compile(r"(?:^|[,;:(\[\n\t])\s*([A-Z][^,;:(\[\n\t]*),[ ]*$")


def in_a_post(text: str, at: int) -> bool:
    """Whether a name at ``at`` is the remit of an officer's post, not a mention of it:
    "Head of Service, Early Help", "(Strategic Lead, Early Help)", "Head of Early Help".

    >>> t = "Jo Bell, Head of Service, Early Help; the Early Help offer"
    >>> [in_a_post(t, i) for i in (26, t.rindex("Early"))]
    [True, False]
    >>> in_a_post("Head of Early Help", 8), in_a_post("As the Team manager said, Early Help", 26)
    (True, False)
    """
    before = text[max(0, at - 80) : at]
    if _POST_OF_END.search(before):
        return True
    title = _TITLE_BEFORE.search(before)
    return title is not None and (
        all(w[0].isupper() for w in title.group(1).split() if w.lower() not in _SMALL)
        and looks_like_role(title.group(1))
    )


# the capital word just before a head: "Leigh" in "the Expansion of Leigh Academy"
_WORD_BEFORE = re.compile(r"(?:(?P<prev>[\w'’&-]+)[ ]+)?(?P<word>[A-Z][a-z]+)[ ]+$")


@lru_cache(maxsize=4)  # asked once for each such name of a document, of the same text
def _lower_case_words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"(?<![\w'’-])[a-z]+(?![\w'’-])", text))


def named_by_a_proper_word(text: str, head_at: int) -> bool:
    """Whether the name whose head word starts at ``head_at`` is that head after one capital
    word the text never writes in lower case: "Leigh Academy", a school named after a
    place or a person, not "the Skills Academy" of a text that speaks of skills, nor
    "Acorn Skills Academy".

    >>> t = "The Expansion of Leigh Academy; the Skills Academy teaches skills."
    >>> named_by_a_proper_word(t, t.index("Academy")), named_by_a_proper_word(t, t.rindex("Academy"))
    (True, False)
    >>> named_by_a_proper_word("the Acorn Skills Academy", 17)
    False
    """
    before = _WORD_BEFORE.search(text, max(0, head_at - 60), head_at)
    if before is None or (before.group("prev") or "a")[0].isupper():
        return False
    return before.group("word").lower() not in _lower_case_words(text)


_SOFT_BREAK = re.compile(
    # a long line of prose, not ending a sentence, then a line that goes on with the text
    rf"(?m)^(?=[^\n\t]{{{WRAPPED},}}\n)[^\n\t]*[\w,’'\-)](?P<br>\n)(?=[ ]?[A-Za-z(][^\n\t]*$)"
)


def unwrap(text: str) -> str:
    r"""The text with lines wrapped inside a paragraph (PDF text) joined by a space, so a
    name split over two lines is found whole; offsets are unchanged.

    >>> unwrap("Officers are working with the National Housing Federation on the Local\n"
    ...        "Supported Housing Strategy.\nShort line\nNext")[61:]
    'the Local Supported Housing Strategy.\nShort line\nNext'
    """
    return _SOFT_BREAK.sub(lambda m: m.group(0)[:-1] + " ", text)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and not text[start].strip():
        start += 1
    while end > start and not text[end - 1].strip():
        end -= 1
    return start, end
