"""People's names as council documents write them.

"Councillor K Sandhu", "Cllr Sandhu", "Mrs S Hanson", "CE Thomas", "John Gregg",
"Head Teacher Paul Green": a title, initials or a given name, and a surname.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

__all__ = [
    "NAME_RE",
    "ParsedName",
    "ROLE_WORDS",
    "TITLE_WORDS",
    "compatible",
    "find_names",
    "looks_like_role",
    "parse_name",
]

# Titles, longest first so "Councillors" wins over "Councillor".
_TITLES = {
    "councillors": "Councillor",
    "councillor": "Councillor",
    "cllrs": "Councillor",
    "cllr": "Councillor",
    "mrs": "Mrs",
    "mr": "Mr",
    "ms": "Ms",
    "miss": "Miss",
    "dr": "Dr",
    "doctor": "Dr",
    "professor": "Professor",
    "prof": "Professor",
    "sir": "Sir",
    "dame": "Dame",
    "lord": "Lord",
    "lady": "Lady",
    "rev": "Rev",
    "revd": "Rev",
    "reverend": "Rev",
    "alderman": "Alderman",
    "head teacher": "Head Teacher",
    "headteacher": "Head Teacher",
}
TITLE_WORDS = frozenset(_TITLES)
_TITLE_RE = (
    r"(?:Councillors|Councillor|Cllrs|Cllr|Mrs|Mr|Ms|Miss|Dr|Doctor|Professor|Prof|Sir|Dame"
    r"|Lord|Lady|Revd|Rev|Reverend|Alderman|Head ?[Tt]eacher)\.?"
)
# a second title after the first: "Councillor Mrs P Jones", "Cllr Dr S Mistry"
_SECOND_TITLE_RE = r"(?:Mrs|Mr|Ms|Miss|Dr|Prof|Professor|Sir|Dame|Revd|Rev)\.?"
# a particle written apart belongs to the surname: "De Souza", "van der Berg", "da Silva"
_PARTICLE = r"(?:(?:[Vv]an(?:[ \u00a0][Dd]e[rn])?|[Vv]on(?:[ \u00a0]der)?|De|de|Da|da|Di|Du|Del|del|Le|La)[ \u00a0](?=[A-Z]))"
_PARTICLE_WORDS = frozenset(["van", "von", "de", "da", "di", "du", "del", "le", "la"])
_SURNAME = (
    rf"(?:{_PARTICLE}?(?:[A-Z]['’][A-Z][a-z]+(?:-[A-Z][a-z]+)*"
    r"|(?:Mc|Mac|De|Le|Di|Van|Von)?[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)*))"
)
_INITIALS = r"(?:[A-Z]{1,3}|(?:[A-Z]\.\s?){1,3})"
_GIVEN = r"(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?)"
# Words that are capitalised in council text but are never part of a person's name.
ROLE_WORDS = frozenset(
    [
        "cabinet",
        "member",
        "members",
        "councillor",
        "councillors",
        "director",
        "directors",
        "head",
        "teacher",
        "chair",
        "chairman",
        "deputy",
        "vice",
        "officer",
        "officers",
        "manager",
        "lead",
        "leader",
        "executive",
        "chief",
        "assistant",
        "services",
        "service",
        "children",
        "childrens",
        "education",
        "skills",
        "law",
        "governance",
        "board",
        "scrutiny",
        "council",
        "city",
        "county",
        "borough",
        "committee",
        "panel",
        "group",
        "team",
        "department",
        "directorate",
        "public",
        "health",
        "social",
        "care",
        "adult",
        "adults",
        "safeguarding",
        "partnership",
        "programme",
        "project",
        "strategy",
        "plan",
        "scheme",
        "academy",
        "the",
        "and",
        "of",
        "for",
        "in",
        "on",
        "at",
        "by",
        "with",
        "from",
        "to",
        "apologies",
        "present",
        "employees",
        "invitation",
        "observer",
        "members",
        "minutes",
        "agenda",
        "item",
        "items",
        "business",
        "any",
        "other",
        "declarations",
        "interests",
        "work",
        "note",
        "notes",
        "coventry",
        "co-opted",
        "coopted",
        "co-ordinator",
        "coordinator",
        "principal",
        "worker",
        "workers",
        "secretary",
        "clerk",
        "mayor",
        "young",
        "people",
        "family",
        "families",
        "valued",
        "holiday",
        "activities",
        "food",
        "early",
        "years",
        "best",
        "start",
        "national",
        "government",
        "ofsted",
        "report",
        "update",
        "briefing",
        "contact",
        "details",
        "authors",
        "author",
        "private",
        "fostering",
        "strategic",
        "improvement",
        "quality",
        "assurance",
        "practice",
        "development",
        "recommendation",
        "recommendations",
        "appendix",
        "page",
        "pages",
        "agency",
        "agencies",
        "house",
        "hub",
        "trust",
        "primary",
        "secondary",
        "school",
        "schools",
        "university",
        "college",
        "police",
        "nhs",
        "fire",
        "service",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "sector",
        "representative",
        "representatives",
        "healthwatch",
        "integrated",
        "internal",
        "audit",
        "democratic",
        "monitoring",
        "finance",
        "resources",
        "housing",
        "planning",
        "licensing",
        "legal",
        "corporate",
        "commissioning",
        "wellbeing",
        "community",
        "communities",
        "environment",
        "highways",
        "transport",
        "regeneration",
        "procurement",
        "revenues",
        "benefits",
        "speaker",
        "network",
        "centre",
        "center",
        "association",
        "forum",
        "hospital",
        "foundation",
        "commission",
        "authority",
        "unit",
        "limited",
        "ltd",
        "society",
        "alliance",
    ]
)

_SP = r"[ \u00a0]+"  # names never run across a line break or a table cell
NAME_RE = re.compile(
    rf"(?<![\w'’])(?:(?P<title>{_TITLE_RE}(?:{_SP}{_SECOND_TITLE_RE})?){_SP})?"
    rf"(?P<name>"
    rf"(?P<initials>{_INITIALS}){_SP}(?P<isurname>{_SURNAME})"
    rf"|(?P<given>{_GIVEN}){_SP}(?:(?P<middle>[A-Z])\.?{_SP})?(?P<gsurname>{_SURNAME})"
    rf"|(?P<tsurname>{_SURNAME})"
    rf")(?!\w|['’](?!s\b))"  # a possessive ends a name: "Councillor Smith's motion"
)

_ROLE_RE = re.compile(
    r"\b(?:Director|Head|Chief|Manager|Officer|Cabinet Member|Deputy|Leader|Lead|Adviser|Advisor"
    r"|Co-?ordinator|Teacher|Executive|Clerk|Secretary|Chair(?:man|person)?|Mayor|Commissioner"
    r"|Principal|Trainer|Social Worker|Solicitor|Assistant|Consultant|Inspector|Analyst"
    r"|Member)\b"
)


def looks_like_role(text: str) -> bool:
    """Whether ``text`` names a post rather than a directorate or place.

    >>> looks_like_role("Director of Children's Services"), looks_like_role("Law and Governance")
    (True, False)
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
        initials = m.group("initials").replace(".", "").replace(" ", "")
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
    if surname.lower() in ROLE_WORDS or surname.lower() in TITLE_WORDS:
        return None
    if titled_only and not title:
        return None
    norm = _norm_title(title)
    return ParsedName(
        text=m.group(0),
        start=m.start(),
        end=m.end(),
        title=norm,
        given=given,
        initials=initials,
        surname=surname,
        plural_title=bool(title and re.match(r"(?:Councillors|Cllrs)\b", title)),
    )


# words that end the name of a body: "Overbridge Integrated Care Board" names no person
_BODY_END = re.compile(
    r"(?:[ \u00a0]+[A-Z][\w'’&-]*)*?[ \u00a0]+(?:Board|Trust|Council|Partnership|Services?|Group"
    r"|Network|Centre|Center|Association|Forum|Hospital|Foundation|University|College|School"
    r"|Academy|Agency|Commission|Authority|Team|Unit|Care|Limited|Ltd|Society|Alliance|Sector)\b"
)


def _part_of_a_name(text: str, m: re.Match[str]) -> bool:
    """Whether two capitalised words are part of the name of a post or body, not a person:
    "Head of Internal Audit", "Overbridge Integrated Care Board".

    >>> [n.bare for n in find_names("Head of Internal Audit; Overbridge Integrated Care Board")]
    []
    """
    if re.search(r"\b(?:of|for|the)[ \u00a0]+$", text[max(0, m.start() - 5) : m.start()]):
        return True
    return bool(_BODY_END.match(text, m.end()))


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
            and re.match(r"[ \u00a0]{1,2}[A-Z][a-z]", text[m.end() :])
        ):
            # "Cllr Seaman John Gregg" is two people, not "Seaman John" and "Gregg"; but
            # "Dr Eleanor Fitch Director" is one, with her post
            short = re.match(rf"(?:{_TITLE_RE})[ \u00a0]+{_SURNAME}(?![\w'’])", text[m.start() :])
            m2 = NAME_RE.match(text[: m.start() + short.end()], m.start()) if short else None
            rest = NAME_RE.match(text, m2.end() + 1) if m2 else None
            if m2 and rest and rest.group("given") and _accept(rest, titled_only=False):
                m = m2
        parsed = _accept(m, titled_only=titled_only)
        if (
            parsed is not None
            and parsed.given
            and parsed.title in (None, "Sir", "Dame", "Lord", "Lady")
            and _part_of_a_name(text, m)
        ):
            parsed = None  # "Overbridge Integrated Care Board", "Sir Robert Peel School"
        if parsed is None:
            # retry one word later: "Cabinet Member Kate Smith" must still find "Kate Smith"
            nxt = re.search(r"\s\S", text[m.start() :])
            pos = m.start() + (nxt.start() + 1 if nxt else len(m.group(0)))
            continue
        found.append(_shift(parsed, offset))
        pos = m.end()
    return found


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
    more = re.match(rf"[ \u00a0]({_SURNAME})(?![\w'’])(?![ \u00a0]+[A-Z])", text[m.end() :])
    if (
        not more
        or more.group(1).lower() in ROLE_WORDS
        or more.group(1).lower() in TITLE_WORDS
        or _BODY_END.match(text, m.end())
    ):
        return None
    first = _accept(m, titled_only=False)
    if first is None or first.surname.lower() in ROLE_WORDS:
        return None
    end = m.end() + more.end()
    return replace(
        first,
        text=text[m.start() : end],
        end=end,
        given=f"{first.given} {first.surname}",
        initials=f"{first.initials[:1] if first.initials else ''}{first.surname[0]}",
        surname=more.group(1),
    )


def parse_name(text: str) -> ParsedName | None:
    """Parse one name written alone.

    >>> n = parse_name("Councillor CE Thomas")
    >>> (n.title, n.initials, n.surname)
    ('Councillor', 'CE', 'Thomas')
    >>> parse_name("Kellie Jones").given
    'Kellie'
    """
    names = find_names(text.strip())
    return names[0] if names else None


def compatible(a: ParsedName, b: ParsedName) -> bool:
    """Whether two names can be the same person (same surname, no conflicting forename).

    >>> p = parse_name
    >>> compatible(p("J Gregg"), p("John Gregg")), compatible(p("C Thomas"), p("CE Thomas"))
    (True, True)
    >>> compatible(p("John Gregg"), p("Jane Gregg")), compatible(p("K Jones"), p("S Jones"))
    (False, False)
    """
    if a.surname.lower() != b.surname.lower():
        return False
    if a.given and b.given and a.given.lower() != b.given.lower():
        return False
    if a.initials and b.initials:
        x, y = a.initials.upper(), b.initials.upper()
        return x.startswith(y) or y.startswith(x)
    return True
