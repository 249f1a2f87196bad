"""People's names as council documents write them.

"Councillor K Sandhu", "Cllr Sandhu", "Mrs S Hanson", "CE Thomas", "John Gregg",
"Head Teacher Paul Green": a title, initials or a given name, and a surname.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from pathlib import Path

from . import lexicon

__all__ = [
    "ANY_COUNCILLOR",
    "COUNCILLOR",
    "COUNCILLORS",
    "NAME_RE",
    "SURNAME",
    "UNTIL_STOP",
    "ParsedName",
    "capital_names",
    "ROLE_WORDS",
    "TITLE_WORDS",
    "compatible",
    "find_names",
    "grid_names",
    "is_forename",
    "listed_names",
    "looks_like_role",
    "parse_name",
    "surname_key",
]

#: "Councillor" as minutes write it ("Cllr", and "Councilor", a common slip), and its
#: plural ("Councillors", "Cllrs", "Councilors") and either: pattern sources to embed
COUNCILLOR = r"(?:Councill?or|Cllr)"
COUNCILLORS = r"(?:Councill?ors|Cllrs)"
ANY_COUNCILLOR = r"(?:Councill?ors?|Cllrs?)"
#: A character of a run of names that a full stop or a semicolon ends, where the full stop
#: of an initial or a title does not ("Cllr. A. Barrow and Mrs. Lee."): a pattern source
UNTIL_STOP = (
    r"(?:[^.;\n]|(?<=\b[A-Z])\.|(?<=\bCllr)\.|(?<=\bCllrs)\.|(?<=\bMrs)\.|(?<=\bMr)\."
    r"|(?<=\bMs)\.|(?<=\bDr)\.|(?<=\bProf)\.|(?<=\bRev)\.|(?<=\bRevd)\.)"
)
# Titles, longest first so "Councillors" wins over "Councillor".
_TITLES = lexicon.honorifics()
TITLE_WORDS = frozenset(_TITLES)
_TITLE_RE = (
    "(?:"
    # each word capitalised: "County Councillor"
    + lexicon.alternation(
        frozenset(
            " ".join(x.capitalize() for x in w.split()) for w in _TITLES if "teacher" not in w
        )
    )[3:-1]
    + r"|Head ?[Tt]eacher)\.?"
)
# a second title after the first: "Councillor Mrs P Jones", "Cllr Dr S Mistry"
_SECOND_TITLE_RE = lexicon.alternation(lexicon.personal_titles()) + r"\.?"
# a particle written apart belongs to the surname: "De Souza", "van der Berg", "da Silva"
# Welsh "ap"/"ab", Irish "Ó"/"Ní", and "Mac" written apart ("Mac Leod") too
_PARTICLE = (
    r"(?:(?:[Vv]an(?:[ \u00a0][Dd]e[rn])?|[Vv]on(?:[ \u00a0]der)?|De|de|Da|da|Di|Du|Del|del|Le|La"
    r"|[Aa][pb]|Ó|Ní|Mac)[ \u00a0](?=[A-Z]))"
)
_PARTICLE_WORDS = lexicon.name_particles()
# lower-case letters of names: Welsh and other accents too ("Siân", "Llŷr", "Zoë")
_LOW = r"[a-zß-öø-ÿā-žŵŷ]"
# one part of a surname: "Smith", "O’Brien", "McArthur", "MacKenzie"
_PIECE = rf"(?:[A-Z]['’](?=[A-Z])|Mc|Mac|De|Le|Di|Van|Von)?[A-Z]{_LOW}+"
# parts joined by a hyphen or an apostrophe: "Fitzgerald-O’Connor", "Al-Samerai"
#: a surname as a pattern source: "Smith", "O’Brien", "McArthur", "Fitzgerald-O’Connor"
SURNAME = rf"(?:{_PARTICLE}?{_PIECE}(?:[-'’]{_PIECE})*)"
# initials run together, with dots, or spaced: "CE", "J. T.", "J G";
# or joined by a hyphen, as a double forename's: "A-M" (Anne-Marie)
_INITIALS = (
    r"(?:[A-Z]-[A-Z]|[A-Z]{1,3}|(?:[A-Z]\.\s?){1,3}|[A-Z](?:[ \u00a0][A-Z]){1,2}(?=[ \u00a0][A-Z]))"
)
_GIVEN = rf"(?:[A-Z]{_LOW}+(?:-[A-Z]{_LOW}+)?)"
# Words that are capitalised in council text but are never part of a person's name.
ROLE_WORDS = lexicon.role_words()

_SP = r"[ \u00a0]+"  # names never run across a line break or a table cell
NAME_RE = re.compile(
    rf"(?<![\w'’])(?:(?P<title>{_TITLE_RE}(?:{_SP}{_SECOND_TITLE_RE})?){_SP})?"
    rf"(?P<name>"
    rf"(?P<initials>{_INITIALS}){_SP}(?P<isurname>{SURNAME})"
    rf"|(?P<given>{_GIVEN}){_SP}(?:(?P<middle>[A-Z])\.?{_SP})?(?P<gsurname>{SURNAME})"
    rf"|(?P<tsurname>{SURNAME})"
    rf")(?!\w|['’](?!s\b))"  # a possessive ends a name: "Councillor Smith's motion"
)

_ROLE_RE = re.compile(
    r"\b(?:Director|Head|Chief|Manager|Officer|Cabinet Member|Deputy|Leader|Lead|Adviser|Advisor"
    r"|Co-?ordinator|Teacher|Executive|Clerk|Secretary|Chair(?:man|person)?|Mayor|Commissioner"
    r"|Principal|Trainer|Worker|Administrator|Solicitor|Assistant|Consultant|Inspector|Analyst"
    r"|Member)\b"
)


def looks_like_role(text: str) -> bool:
    """Whether ``text`` names a post rather than a directorate or place.

    >>> looks_like_role("Director of Children's Services"), looks_like_role("Law and Governance")
    (True, False)
    >>> looks_like_role("Committee Administrator"), looks_like_role("Early Help Worker")
    (True, True)
    """
    return bool(_ROLE_RE.search(text))


@dataclass(frozen=True)
class ParsedName:
    text: str  # the whole match, title included
    start: int
    end: int
    title: str | None  # normalised: "Councillor", "Mrs"
    given: str | None
    initials: str | None  # "K", "CE"; the first letter of the given name when only that is known
    surname: str
    plural_title: bool = False  # "Councillors A, B and C"

    @property
    def bare(self) -> str:
        """The name without its title: "K Sandhu", "John Gregg", "Sandhu"."""
        if self.given:
            return f"{self.given} {self.surname}"
        if self.initials and not self.given:
            return f"{self.initials} {self.surname}"
        return self.surname


@lru_cache(maxsize=1024)  # a document writes its few titles thousands of times
def _norm_title(title: str | None) -> str | None:
    if not title:
        return None
    title = re.sub(rf"[ \u00a0]+{_SECOND_TITLE_RE}$", "", title)  # "Councillor Mrs" → Councillor
    key = re.sub(r"\s+", " ", title.rstrip(".").lower())
    return _TITLES.get(key) or _TITLES.get(key.replace(" ", ""))


def _accept(m: re.Match[str], *, titled_only: bool) -> ParsedName | None:
    title = m.group("title")
    if m.group("initials"):
        surname = m.group("isurname")
        initials = re.sub(r"[.\s-]", "", m.group("initials"))
        given = None
    elif m.group("given") and title and m.group("given").lower() in _PARTICLE_WORDS:
        # "Cllr Le Page", "Cllr Van Dyke": a particle and a surname, no forename
        surname, given, initials = f"{m.group('given')} {m.group('gsurname')}", None, None
    elif m.group("given"):
        surname = m.group("gsurname")
        given = m.group("given")
        initials = given[0] + (m.group("middle") or "")
        if given.lower() in ROLE_WORDS or given.lower() in TITLE_WORDS:
            return None
    else:
        if not title:
            return None  # a lone capitalised word is a name only after a title
        surname, given, initials = m.group("tsurname"), None, None
    if (surname.lower() in ROLE_WORDS or surname.lower() in TITLE_WORDS) and not (
        surname.lower() in _NAME_LIKE_ROLES
        and (title or m.group("initials") or (given and is_forename(given)))  # "K Young" too
        and not _CAPITAL_AFTER.match(m.string, m.end())
    ):
        return None  # "Councillor Young" and "Julie Young" are people; "Young People" is not
    if titled_only and not title:
        return None
    norm = _norm_title(title)
    if norm == "Deputy" and not (given or initials):
        return None  # "Deputy Returning Officer": alone, the word is a post's
    if not title and given and surname.lower() in _NOT_SURNAMES:
        return None  # "Amber Valley", "Victoria Square": a place
    return ParsedName(
        text=m.group(0),
        start=m.start(),
        end=m.end(),
        title=norm,
        given=given,
        initials=initials,
        surname=surname,
        plural_title=bool(title and re.search(rf"\b{COUNCILLORS}\b", title)),
    )


# words that end the name of a body or a place: "Overbridge Integrated Care Board",
# "Jane Hollis Conference Suite", "Edith Carr Primary School" name no person. A place name
# is a few words, so at most two more capitalised words come between the two taken for a
# name and the word ending the place ("Jim Cooke Community Conference Suite"); an unbounded
# scan made every name of a run "Ann Cole Bob Dunn Ian Ward" part of a place.
_BODY_END = re.compile(
    r"(?P<between>(?:[ \u00a0][A-Z][\w'’&-]*){0,2}?)[ \u00a0](?:Board|Trust|Council|Partnership|Services?|Group"
    r"|Network|Centre|Center|Association|Forum|Hospital|Foundation|University|College|School"
    r"|Academy|Agency|Commission|Authority|Team|Unit|Care|Limited|Ltd|Society|Alliance|Sector"
    r"|Suite|Rooms?|Hall|House|Building|Library|Park|Road|Street|Lane|Avenue|Square|Gardens"
    r"|Stadium|Theatre|Gallery|Museum|Award|Awards|Prize|Lecture|Memorial|Fund|Primary|Infants?"
    r"|Junior|Nursery|Estate|Ward|Wing|Station|Arena|Campus|Institute|Clinic|Surgery|Church"
    r"|Chapel|Mosque|Temple|Gurdwara|Synagogue|Programme|Project|Scheme|Way|Close|Court|Drive)\b"
)
# a post after the body words: "Democratic Services Officer" is a post, the name before it a person
_POST_AFTER = re.compile(
    r"[ \u00a0](?:Officer|Manager|Lead|Director|Assistant|Adviser|Advisor|Co-?ordinator"
    r"|Administrator|Support|Partner|Representative|Clerk|Secretary)\b"
)
# role words that are common surnames too
_NAME_LIKE_ROLES = lexicon.surname_roles()
# second words that make two capitalised words a place, not a person
_NOT_SURNAMES = lexicon.words("place_words.txt")


@cache
def _forenames() -> frozenset[str]:
    # read beside this module, so names work before the package's other modules load
    text = (Path(__file__).parent / "data" / "forenames.txt").read_text("utf-8")
    return frozenset(
        w.lower() for line in text.splitlines() if not line.startswith("#") for w in line.split()
    )


def is_forename(word: str) -> bool:
    """Whether ``word`` is a given name common in the UK (a packaged list; everyday
    words such as "Grant" or "Will" are left out).

    >>> is_forename("Rhiannon"), is_forename("Siân"), is_forename("Sessions"), is_forename("Grant")
    (True, True, False, False)
    """
    return word.lower() in _forenames()


def _body_after(text: str, pos: int) -> re.Match[str] | None:
    """The rest of a body's or place's name from ``pos`` (after two capitalised words), if
    one follows: at most two more words, then a word such as "Board", "Suite" or "Ward".
    A forename among the words between starts the next person of a run, not a place:
    in "Ann Cole Bob Dunn Ian Ward", "Ward" is Ian Ward's surname, not a place word.

    >>> text = "Jim Cooke Conference Suite; Ann Cole Bob Dunn Ian Ward"
    >>> _body_after(text, 9) is not None, _body_after(text, 37) is None
    (True, True)
    """
    body = _BODY_END.match(text, pos)
    if body is None or any(is_forename(w) for w in body.group("between").split()):
        return None
    return body


def _part_of_a_name(text: str, m: re.Match[str]) -> bool:
    """Whether two capitalised words are part of the name of a post or body, not a person:
    "Head of Internal Audit", "Overbridge Integrated Care Board".

    >>> [n.bare for n in find_names("Head of Internal Audit; Overbridge Integrated Care Board")]
    []
    """
    if re.search(r"\b(?:of|for|the)[ \u00a0]+$", text[max(0, m.start() - 5) : m.start()]):
        return True
    return _a_body_follows(text, m)


def _a_body_follows(text: str, m: re.Match[str]) -> bool:
    """Whether the words after a name end the name of a body or place ("ASN Transformation
    Project"), not a post ("J Bell Project Manager").

    >>> [n.bare for n in find_names("Ms L Bailey, ASN Transformation Project; J Bell Project Manager")]
    ['L Bailey', 'J Bell']
    """
    body = _body_after(text, m.end())
    return body is not None and not _POST_AFTER.match(text, body.end())


# matched at an offset, never on a copy of the rest of the text (a copy per name is
# quadratic in a long text)
_WORD_AFTER = re.compile(r"[ \u00a0]{1,2}[A-Z][a-z]")
_TITLED_SURNAME = re.compile(rf"(?:{_TITLE_RE})[ \u00a0]+{SURNAME}(?![\w'’])")
_NEXT_WORD = re.compile(r"\s\S")
_CAPITAL_AFTER = re.compile(r"[ \u00a0]+[A-Z]")
_LAST_SURNAME = re.compile(rf"[ \u00a0]({SURNAME})(?![\w'’])(?![ \u00a0]+[A-Z])")


class _NextWord:
    """Where the next word after a position starts: the space before it, or None when no
    word follows. The last answer is kept, so asking again from further on within it
    reads nothing: asked afresh after each rejected name, a line with no space in it was
    read to its end for each, O(n²) ("Alpha/Beta/...", 16,000 words: 3.8 s).

    >>> w = _NextWord("Abc/Def ghi")
    >>> w.after(0), w.after(4), w.after(8)
    (7, 7, None)
    """

    def __init__(self, text: str) -> None:
        self.text = text
        # the last search's start and answer
        self._from: int = len(text) + 1
        self._at: int | None = None

    def after(self, pos: int) -> int | None:
        if not (self._from <= pos and (self._at is None or self._at >= pos)):
            found = _NEXT_WORD.search(self.text, pos)
            self._from, self._at = pos, found.start() if found else None
        return self._at


def find_names(text: str, *, titled_only: bool = False, offset: int = 0) -> list[ParsedName]:
    """Person names in ``text`` (offsets shifted by ``offset``).

    >>> [n.bare for n in find_names("Councillor K Sandhu (Chair), Mrs S Hanson and J Gregg")]
    ['K Sandhu', 'S Hanson', 'J Gregg']
    >>> [n.bare for n in find_names("Head Teacher Paul Green, Cabinet Member for Education")]
    ['Paul Green']
    >>> [n.bare for n in find_names("Councillor Sandhu met J Gregg", titled_only=True)]
    ['Sandhu']
    """
    found = []
    pos = 0
    next_word = _NextWord(text)
    while True:
        m = NAME_RE.search(text, pos)
        if not m:
            break
        longer = _second_forename(text, m)
        if longer is not None:
            found.append(_shift(longer, offset))
            pos = longer.end
            continue
        if (
            m.group("title")
            and m.group("given")
            and _norm_title(m.group("title")) == "Councillor"
            and _WORD_AFTER.match(text, m.end())
        ):
            # "Cllr Seaman John Gregg" is two people, not "Seaman John" and "Gregg"; but
            # "Dr Eleanor Fitch Director" is one, with her post
            short = _TITLED_SURNAME.match(text, m.start())
            m2 = NAME_RE.match(text, m.start(), short.end()) if short else None
            rest = NAME_RE.match(text, m2.end() + 1) if m2 else None
            if m2 and rest and rest.group("given") and _accept(rest, titled_only=False):
                three = _three_words(text, m, rest)
                if three is not None:  # "Cllr Deborah Glass Woodin": one person
                    found.append(_shift(three, offset))
                    pos = three.end
                    continue
                m = m2
        parsed = _accept(m, titled_only=titled_only)
        if (
            parsed is not None
            and parsed.title in (None, "Sir", "Dame", "Lord", "Lady")
            and (_part_of_a_name(text, m) if parsed.given else _a_body_follows(text, m))
        ):
            # "Overbridge Integrated Care Board", "Sir Robert Peel School", "ASN
            # Transformation Project" (initials: a word before may be "for", "on behalf of")
            parsed = None
        if parsed is None:
            # retry one word later: "Cabinet Member Kate Smith" must still find "Kate Smith"
            at = next_word.after(m.start())
            pos = at + 1 if at is not None else m.start() + len(m.group(0))
            continue
        found.append(_shift(parsed, offset))
        pos = m.end()
    return found


def _three_words(text: str, m: re.Match[str], rest: re.Match[str]) -> ParsedName | None:
    """ "Cllr Deborah Glass Woodin": a forename, then a word that is none, then a last word
    ending the run, is one person with a two-word surname ("Cllr Seaman John Gregg", where
    the second word is a forename, is two people).

    >>> [n.bare for n in find_names("Cllr Mary Glass Hobart (part) and Cllr Seaman John Gregg")]
    ['Mary Glass Hobart', 'Seaman', 'John Gregg']
    """
    given, second = m.group("given"), rest.group("given")
    if (
        not is_forename(given)
        or is_forename(second)
        or _CAPITAL_AFTER.match(text, rest.end())
        or rest.group("gsurname").lower() in ROLE_WORDS
    ):
        return None
    return ParsedName(
        text=text[m.start() : rest.end()],
        start=m.start(),
        end=rest.end(),
        title=_norm_title(m.group("title")),
        given=given,
        initials=given[0],
        surname=f"{second} {rest.group('gsurname')}",
        plural_title=bool(re.search(rf"\b{COUNCILLORS}\b", m.group("title"))),
    )


# what separates the people of a list: "Kent, Morris and Pearce", "Mrs Bromby (vice-chair), "
_LIST_SEP = re.compile(
    r"[ \u00a0]*\([^()\n]{1,40}\)(?:[ \u00a0]*,)?[ \u00a0]*(?:and[ \u00a0]+)?"  # "(substitute) P Dunn"
    r"|(?:[ \u00a0]*,[ \u00a0]*(?:and[ \u00a0]+)?|[ \u00a0]+and[ \u00a0]+|[ \u00a0]*&[ \u00a0]*)"
)
# one person of the list; a lone surname must end the run of capitals
_MEMBER = re.compile(
    rf"(?:(?P<title>{_SECOND_TITLE_RE})[ \u00a0]+)?"
    rf"(?:(?P<initials>{_INITIALS})[ \u00a0]+|(?P<given>{_GIVEN})[ \u00a0]+(?={SURNAME}))?"
    rf"(?P<surname>{SURNAME})(?![\w'’])(?![ \u00a0]+[A-Z])"
)


def listed_names(text: str, pos: int, *, first: bool = False) -> list[ParsedName]:
    """The people a plural title goes on to list after the name that ends at ``pos``
    ("Councillors K Caan and R Ali", "Cllrs Kent, Morris and Pearce"); with ``first``,
    the list starts at ``pos`` itself (the title ended a line).

    >>> t = "Cllrs Kent, Morris and Mrs Pearce (vice-chair), A B Lowe & Jo Hunt attended"
    >>> [n.bare for n in listed_names(t, 10)]
    ['Morris', 'Pearce', 'AB Lowe', 'Jo Hunt']
    >>> [n.bare for n in listed_names("Cllrs Kent, Cabinet Member", 10)]
    []
    """
    out: list[ParsedName] = []
    while True:
        if not first:
            sep = _LIST_SEP.match(text, pos)
            if sep is None:
                return out
            pos = sep.end()
        first = False
        m = _MEMBER.match(text, pos)
        if m is None:
            return out
        surname, given = m.group("surname"), m.group("given")
        if (
            surname.lower() in ROLE_WORDS
            or surname.lower() in TITLE_WORDS
            or (given and (given.lower() in ROLE_WORDS or given.lower() in TITLE_WORDS))
        ):
            return out
        initials = m.group("initials")
        out.append(
            ParsedName(
                text=m.group(0),
                start=m.start(),
                end=m.end(),
                title=_norm_title(m.group("title")) or "Councillor",
                given=given,
                initials=(
                    initials.replace(".", "").replace(" ", "").replace("\u00a0", "")
                    if initials
                    else (given[0] if given else None)
                ),
                surname=surname,
            )
        )
        pos = m.end()


# a line of capitalised words alone, as a PDF's grid of members reads row by row
_GRID_LINE = re.compile(
    r"(?m)^[ \t\u00a0]*(?P<run>[A-Z][\w'’-]*(?:[ \t\u00a0]+[A-Z][\w'’-]*){7,})[^\w\n]*(?:\d+)?[^\w\n]*$"
)
_GRID_TITLES = frozenset(["sir", "dame", "lord", "lady"])


def _grid_cost(words: Sequence[str]) -> float:
    """What reading ``words`` as one person costs: nothing for a forename and a surname,
    more for three words or a first word that is no known forename."""
    if any(w.lower() in ROLE_WORDS or w.lower() in TITLE_WORDS for w in words[1:]):
        return float("inf")
    if not all(re.fullmatch(SURNAME, w) for w in words[1:]):
        return float("inf")
    if words[0].lower() in _GRID_TITLES:
        return 0.0 if len(words) == 3 and is_forename(words[1]) else float("inf")
    first = 0.0 if is_forename(words[0]) else 2.0
    # a longer name ends in a surname, so a forename last is likely the next name's
    last = 0.5 if len(words) > 2 and is_forename(words[-1]) else 0.0
    return first + last + (len(words) - 2) * (1.0 if first == 0 else 0.5)


Word = tuple[int, str]  # a word of a grid line and its offset in the line


def _split_run(words: Sequence[Word]) -> list[list[Word]] | None:
    """The cheapest reading of a run of words as people of two to four words each
    (:func:`_grid_cost`), or None when no reading makes every piece a name."""
    n = len(words)
    best: list[tuple[float, int]] = [(0.0, 0)] + [(float("inf"), 0)] * n
    for end in range(2, n + 1):
        for size in (2, 3, 4):
            if end - size >= 0 and best[end - size][0] < float("inf"):
                cost = best[end - size][0] + _grid_cost([w for _, w in words[end - size : end]])
                if cost < best[end][0]:
                    best[end] = (cost, size)
    if best[n][0] == float("inf"):
        return None
    cuts = []
    end = n
    while end > 0:
        size = best[end][1]
        cuts.append((end - size, end))
        end -= size
    return [list(words[a:b]) for a, b in reversed(cuts)]


def grid_names(text: str) -> list[ParsedName]:
    """People in lines that are nothing but names run together, as a PDF's grid of members
    reads ("Ann Hill Tom Cole Rhian Wyn Jones Dev Patel ..."): the line is cut where each
    name's forename starts, a name having two or three words (a word no forename list knows
    is read so that every name has two or three).

    >>> [n.bare for n in grid_names("Ann Hill Tom Cole Mary Kemp Lowe Ravi Patel Sir John Bale")]
    ['Ann Hill', 'Tom Cole', 'Mary Kemp Lowe', 'Ravi Patel', 'John Bale']
    >>> grid_names("Children And Young People Overview And Scrutiny Committee Room")
    []
    """
    out: list[ParsedName] = []
    for line in _GRID_LINE.finditer(text):
        words = [(m.start(), m.group()) for m in re.finditer(r"\S+", line.group("run"))]
        base = line.start("run")
        people = _split_run(words)
        if people is None:
            continue
        named = [
            p
            for p in people
            if is_forename(p[1][1] if p[0][1].lower() in _GRID_TITLES else p[0][1])
        ]
        if len(named) < 0.6 * len(people) or len(people) < 4:
            continue  # not a grid of names
        for p in people:
            title = p[0][1] if p[0][1].lower() in _GRID_TITLES else None
            names = p[1:] if title else p
            start = base + p[0][0]
            end_at = base + p[-1][0] + len(p[-1][1])
            given = " ".join(w for _, w in names[:-1])
            out.append(
                ParsedName(
                    text=text[start:end_at],
                    start=start,
                    end=end_at,
                    title=_norm_title(title),
                    given=given,
                    initials=given[0],
                    surname=names[-1][1],
                )
            )
    return out


# a title, then a name in capitals as PDFs print headings and attendance: "COUNCILLOR J SMITH",
# "Cllr MARY O’NEIL"; a longer run of capitals is a heading ("COUNCILLOR CALL FOR ACTION")
_CAPS_NAME = re.compile(
    rf"(?<![\w'’])(?:(?i:{ANY_COUNCILLOR}|mrs|mr|ms|miss|dr)\.?)"
    r"(?:[ \u00a0]+(?:[A-Z]\.?[ \u00a0]*){0,3})?[ \u00a0]+[A-Z][A-Z'’-]+(?:[ \u00a0]+[A-Z][A-Z'’-]+)?"
    r"(?![\w'’]|[ \u00a0]+[A-Z]{2})"
)


def _title_case(word: str) -> str:
    """ "O’NEIL" → "O’Neil", "SMITH-JONES" → "Smith-Jones", "MCDONALD" → "Mcdonald", keeping
    the length (offsets must not move)."""
    out = []
    for i, c in enumerate(word):
        low = c.lower()
        first = i == 0 or word[i - 1] in "-'’ \u00a0." or (i == 2 and word[1] in "'’")
        out.append(c if first or len(low) != 1 else low)
    return "".join(out)


def capital_names(text: str) -> list[ParsedName]:
    """Names in capitals after a title, read as if written in the usual case.

    >>> [(n.title, n.bare) for n in capital_names("PRESENT: COUNCILLOR J SMITH (CHAIR), Cllr MARY O’NEIL")]
    [('Councillor', 'J Smith'), ('Councillor', 'Mary O’Neil')]
    >>> capital_names("COUNCILLOR CALL FOR ACTION")
    []
    """
    out: list[ParsedName] = []
    for m in _CAPS_NAME.finditer(text):
        words = m.group().split()
        if len(words) > 1 and not any(len(w) > 1 and w.isupper() for w in words[1:]):
            continue  # the usual case: find_names reads it
        cased = _title_case(m.group())
        out.extend(n for n in find_names(cased, offset=m.start()) if n.title)
    return out


def _shift(name: ParsedName, offset: int) -> ParsedName:
    return replace(name, start=name.start + offset, end=name.end + offset) if offset else name


def _second_forename(text: str, m: re.Match[str]) -> ParsedName | None:
    """ "Mr John Paul Smith": after a title other than Councillor, one more capitalised word
    that ends the name is the surname and the word before it a second forename. (After
    "Cllr", a surname alone is usual: "Cllr Seaman John Gregg" is two people.)

    >>> [n.bare for n in find_names("Mr John Paul Smith (Chair) and Cllr Seaman John Gregg")]
    ['John Paul Smith', 'Seaman', 'John Gregg']
    """
    title = m.group("title")
    if not (title and m.group("given") and _norm_title(title) not in (None, "Councillor")):
        return None
    more = _LAST_SURNAME.match(text, m.end())
    if (
        not more
        or more.group(1).lower() in ROLE_WORDS
        or more.group(1).lower() in TITLE_WORDS
        or _body_after(text, m.end())
    ):
        return None
    first = _accept(m, titled_only=False)
    if first is None or first.surname.lower() in ROLE_WORDS:
        return None
    end = more.end()
    return replace(
        first,
        text=text[m.start() : end],
        end=end,
        given=f"{first.given} {first.surname}",
        initials=f"{first.initials[:1] if first.initials else ''}{first.surname[0]}",
        surname=more.group(1),
    )


@lru_cache(maxsize=1 << 16)
def parse_name(text: str) -> ParsedName | None:
    """Parse one name written alone (remembered: finding, resolving and linking each parse
    the same names, and a ParsedName cannot change).

    >>> n = parse_name("Councillor CE Thomas")
    >>> (n.title, n.initials, n.surname)
    ('Councillor', 'CE', 'Thomas')
    >>> parse_name("Kellie Jones").given
    'Kellie'
    """
    text = text.strip()
    names = find_names(text)
    if names:
        return names[0]
    if re.search(r"[A-Z]{2}", text) and not re.search(_LOW, text):
        return _parse_capitals(text)
    return None


def _parse_capitals(text: str) -> ParsedName | None:
    """A name written alone in capitals, as an attendance list in capitals writes it: after
    a title ("COUNCILLOR J SMITH"), or a whole forename and surname ("ANN JONES"), read as
    if written in the usual case.

    >>> [parse_name(t).bare for t in ("COUNCILLOR ALLAN JONES", "ANN JONES", "CLLR J O’NEIL")]
    ['Allan Jones', 'Ann Jones', 'J O’Neil']
    >>> parse_name("APOLOGIES FOR ABSENCE"), parse_name("MEMBER")
    (None, None)
    """
    found = capital_names(text)
    if not found:
        names = find_names(_title_case(text))
        if len(names) != 1 or names[0].text != text.title() or not names[0].given:
            return None
        found = names
    return replace(found[0], text=text[found[0].start : found[0].end])  # the text as written


def surname_key(surname: str) -> str:
    """A surname as people's identity compares it: "O’Neill" and "O'Neill", "Mac Leod" and
    "MacLeod", "ap Gwilym" and "Ap Gwilym" are one.

    >>> surname_key("Mac Leod") == surname_key("MacLeod"), surname_key("O’Neill")
    (True, "o'neill")
    """
    return re.sub(r"[ \u00a0]+", "", surname.lower().replace("’", "'"))


def _same_forename(x: str, y: str) -> bool:
    """One forename, or one the short form of the other ("Pete", "Peter"; "Chris",
    "Christine"): three letters at least, a prefix.

    >>> _same_forename("pete", "peter"), _same_forename("jo", "john"), _same_forename("bob", "robert")
    (True, False, False)
    """
    short, long = sorted((x, y), key=len)
    return x == y or (len(short) >= 3 and long.startswith(short))


def compatible(a: ParsedName, b: ParsedName) -> bool:
    """Whether two names can be the same person (same surname, no conflicting forename).

    >>> p = parse_name
    >>> compatible(p("J Gregg"), p("John Gregg")), compatible(p("C Thomas"), p("CE Thomas"))
    (True, True)
    >>> compatible(p("John Gregg"), p("Jane Gregg")), compatible(p("K Jones"), p("S Jones"))
    (False, False)
    >>> compatible(p("T. O’Neill"), p("Tom O'Neill"))
    True
    """
    if surname_key(a.surname) != surname_key(b.surname):
        return False
    if a.given and b.given and not _same_forename(a.given.lower(), b.given.lower()):
        return False
    if a.initials and b.initials:
        x, y = a.initials.upper(), b.initials.upper()
        return x.startswith(y) or y.startswith(x)
    return True
