"""Stage 3: find mentions of people, programmes and organisations.

Three spaCy components, registered by name, run on a blank English pipeline:

* ``graphkit_people``: titled names anywhere ("Councillor Sandhu", "Mrs S Hanson",
  "Head Teacher Paul Green"); names the structured parts of the corpus introduced
  (attendance lists, authors, contacts, work-programme leads), wherever they
  recur; and full names that expand a known initial ("John Gregg" for "J Gregg").
* ``graphkit_programmes``: naming patterns ("... Programme", "... Strategy",
  "... Plan", "... Academy", a service run for residents "... Service", an
  awareness "... Week", "Operation ..."), acronym definitions ("Holiday
  Activities and Food (HAF)"), a curated list of widely known programmes, and
  every name found so far, case-insensitively, wherever it recurs.
* ``graphkit_organisations``: a curated list of national bodies; naming
  patterns ("... City Council", "... Partnership", "... Panel", "... Ltd",
  "Broad Park House"); acronyms defined for a body ("... Foundation Trust
  (SWFT)"); bodies named by what they do with the council ("partnership working
  with Valpak", "a report by ..."); affiliations in work-programme lead cells.

Titles that PDF or table text runs together are cut apart first: a repeated
phrase, a document word ("Annual Report") or an inner programme head followed
by a new capitalised name marks where one name ends (:func:`runon_start`,
:func:`split_at_inner_head`).

A trained pipeline is never needed. Components read the text with markup
blanked out (same offsets), so every span points into ``Document.text``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files

import yaml
from spacy.language import Language
from spacy.tokens import Doc

from . import lexicon
from .errors import DocumentError
from .model import Document, MeetingRecord, Mention
from .names import (
    ParsedName,
    capital_names,
    compatible,
    find_names,
    grid_names,
    is_forename,
    listed_names,
    looks_like_role,
    parse_name,
)
from .responses import Event, responses
from .segment.text import plain

__all__ = [
    "CONTEXT",
    "DIRECTORATE",
    "KIND",
    "LEAD",
    "PROGRAMME_WORD",
    "RESPONSE",
    "ROLE",
    "TOPIC",
    "Gazetteer",
    "ResponseMention",
    "acronym_matches",
    "extract",
    "link_evidence",
    "in_a_post",
    "listed_start",
    "load_curated",
    "make_pipeline",
    "runon_start",
    "split_at_inner_head",
    "topic_of",
]

_CAP = r"(?:[A-Z][\w'’\-]*[\w]|[A-Z])"
_CONN = lexicon.alternation(lexicon.name_connectives())
_PROG_HEADS = lexicon.programme_heads_pattern().pattern
# A name in quotes is a name: "the 'refer a friend' scheme", "‘Ask Jan’", "'The Coventry Way'".
# The opening quote follows a space or bracket (so "Children's" opens nothing).
# police and council operations have code names: "Operation Nightjar"
_OPERATION = re.compile(
    r"(?<![\w'’])Operation (?!(?:Room|Theatre|Centre|Team|Manager|Lead|Officer|Group|Board)\b)"
    r"[A-Z][a-z]+\b(?! [A-Z])"
)
_QUOTED = re.compile(
    r"(?:(?<=[\s(\[])|^)[‘'\"“](?P<q>[^‘’'\"“”\n]{2,60}?)[’'\"”](?![A-Za-z])"
    r"(?:\s+(?:[a-z]+\s+)?(?P<head>scheme|programme|campaign|app|pilot|model|project|initiative"
    r"|approach|framework|training|service))?",
    re.M,
)
# names never cross a line break or a table cell, and take at most one small word in a row
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


# a building needs a name of its own: "Broad Park House", not "Council House" or "City Centre"
_FACILITY = re.compile(r"^(?:\S+ )+\S+ (?:House|Centre)$")
_NOT_FACILITY = re.compile(r"\b(?:City|Town|Village) Centre$")
# dates are not names: "Half Term Week", "Easter Week"
_NOT_AN_EVENT = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April"
    r"|May|June|July|August|September|October|November|December|Term|Holiday|Christmas|Easter"
    r"|Half|Working|Calendar|Same|Following|Previous) Week$"
)
# "Renew Health CIC and Harrowgate Leisure Trust": two bodies
_ORG_END_AND = re.compile(
    r"\b(?:Trust|Ltd|Limited|CIC|plc|LLP|University|College|School|Team|Teams|Board|Partnership"
    r"|Network|Association|Council|Hospital|Hospice|Club|CCG|Authority|Agency|Foundation"
    r"|Commission|Service|Services) (?:and|&) "
)
# bodies named by what they do with the council: "partnership working with Valpak",
# "a report by Crisis and Centrepoint", "commissioned from Renew Health CIC"
_ORG_CONTEXT = re.compile(
    r"\b(?i:partnership(?: working| project)? with|in partnership with|a report (?:by|from)"
    r"|published by|commissioned (?:from|by)|contract (?:with|to)|awarded to|delivered (?:by|with)"
    r"|provided by|funded by|evaluation by|evaluated (?:by|with))\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w'’\-]*(?: (?:(?:and|&|of|for) )?[A-Z][\w'’\-]*){0,5}"
    r"(?: (?:housing|homes|trust|charity|foundation|group|association))?)(?![\w'’])"
)
_NOT_A_BODY = lexicon.words("not_a_body.txt")
# a single word repeated as the first word after "and" is a place, then that place's body
_PLACE_AND_BODY = re.compile(r"(?<![\w'’])([A-Z][\w'’\-]*) (?:and|&) (?=\1(?![\w'’]))")
_POST_OF = re.compile(
    r"\b(?:Director|Head|Manager|Officer|Member|Lead|Chair|Chairman|Leader|Secretary|Minister"
    r"|Commissioner|Adviser|Advisor)s? (?:of|for) "
)
# "Bramwell Mind, a local charity": a body described as one
_ORG_APPOSITION = re.compile(
    r"(?<![\w'’])(?P<name>[A-Z][\w'’\-]*(?: (?:(?:and|&|of|for) )?[A-Z][\w'’\-]*){0,5}), (?:a|an|the)"
    r" (?:local |national |regional |registered |small |city-wide )?(?:charity|social enterprise"
    r"|housing association|community interest company|voluntary (?:group|organisation)"
    r"|not-for-profit|company|firm|consultancy|provider)\b"
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
# the Cabinet as a body, not a post ("Cabinet Member for Housing") or a paper
_CABINET = re.compile(
    r"(?<![\w'’])Cabinet\b(?!['’]?s? (?:Member|Members|Lead|Leads|Portfolio|Secretary|Office"
    r"|Minister|Report|Paper|Briefing|Advisory)\b)(?! [A-Z])"
)
_ORG_GENERIC = lexicon.words("org_generic.txt")
# Leading words that begin a sentence or a phrase but not a name.
_STOP_START = lexicon.words("stop_start.txt")
_SMALL = lexicon.small_words() | lexicon.articles()
_GENERIC_BODIES = lexicon.words("generic_bodies.txt")


# -- curated lists -------------------------------------------------------------------------
@cache
def load_curated(kind: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The packaged curated list: ``((name, aliases), ...)`` for "programmes" or "organisations"."""
    data = yaml.safe_load(files("graphkit").joinpath(f"data/{kind}.yml").read_text("utf-8")) or []
    return tuple((e["name"], tuple(e.get("aliases") or ())) for e in data)


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
_LOCAL = frozenset(["Local"])
_LOCAL_OUR = frozenset(["Local", "Our"])


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


@dataclass
class Gazetteer:
    """Names the corpus itself has introduced, found again wherever they recur."""

    people: dict[str, ParsedName] = field(default_factory=dict)  # surface -> parsed
    surnames: dict[str, list[ParsedName]] = field(default_factory=dict)
    programmes: set[str] = field(default_factory=set)
    acronyms: dict[str, str] = field(default_factory=dict)  # acronym -> long form
    organisations: set[str] = field(default_factory=set)

    def add_person(self, name: ParsedName) -> None:
        self.people.setdefault(name.bare, name)
        self.surnames.setdefault(name.surname.lower(), []).append(name)


def _add_span(doc: Doc, start: int, end: int, label: str, **attrs: str | None) -> None:
    span = doc.char_span(start, end, label=label, alignment_mode="expand")
    if span is None:
        return
    key = (start, end, label)
    if key in doc.user_data.setdefault("gk_seen", set()):
        return
    doc.user_data["gk_seen"].add(key)
    doc.user_data.setdefault("gk_attrs", {})[key] = attrs
    doc.user_data.setdefault("gk_spans", []).append(span)


def _publish(doc: Doc) -> Doc:
    doc.spans["gk"] = list(doc.user_data.get("gk_spans", []))
    return doc


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
_PLURAL_EOL = re.compile(r"(?<![\w'’])(?:Councillors|Cllrs)\.?[ \t\u00a0]*\n[ \t\u00a0]*")
_SAINT_BEFORE = re.compile(r"\b(?:St|Saint)\.?[ \u00a0]+$")


class PeopleFinder:
    def __init__(self) -> None:
        self.gazetteer = Gazetteer()

    def _accepts(self, text: str, n: ParsedName) -> bool:
        """Whether a name ``find_names`` read is a person's here: a title says so; so does a
        name the corpus introduced, a forename, a post after it, or a list it stands in."""
        gaz = self.gazetteer
        if n.title or n.bare in gaz.people:
            return True
        known = gaz.surnames.get(n.surname.lower(), [])
        if known and n.initials and any(compatible(n, k) for k in known):
            return True  # "John Gregg" expands the initial of a known "J Gregg"
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

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        surnames: set[str] = set()

        def add(n: ParsedName) -> None:
            _add_span(doc, n.start, n.end, "PERSON", honorific=n.title)
            surnames.add(n.surname)

        grid = grid_names(text)
        for n in grid:
            add(n)
        # a grid line is read whole above; names read pairwise across it would be cut wrong
        lines = {text.rfind("\n", 0, n.start) for n in grid}
        for n in find_names(text):
            if text.rfind("\n", 0, n.start) in lines or not self._accepts(text, n):
                continue
            add(n)
            if n.plural_title:  # "Councillors K Caan and R Ali", "Cllrs Kent, Morris and Pearce"
                for listed in listed_names(text, n.end):
                    add(listed)
        for n in capital_names(text):  # "COUNCILLOR J SMITH" in a PDF's heading or list
            add(n)
        for m in _PLURAL_EOL.finditer(text):
            for listed in listed_names(text, m.end(), first=True):
                add(listed)
        if surnames:
            # "Deputy Welbank" is the "Deputy Michael Welbank" named before; alone, "Deputy"
            # starts a post ("Deputy Returning Officer")
            known = "|".join(re.escape(s) for s in sorted(surnames, key=len, reverse=True))
            for m in re.finditer(rf"(?<![\w'’])Deputy[ \u00a0]+(?:{known})(?![\w'’])", text):
                _add_span(doc, m.start(), m.end(), "PERSON", honorific="Deputy")
        return _publish(doc)


class ProgrammeFinder:
    def __init__(self) -> None:
        self.gazetteer = Gazetteer()

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        for m in _QUOTED.finditer(text):
            q = m.group("q").strip()
            words = q.split()
            content = [w for w in words if w.lower() not in _SMALL]
            titled = len(content) >= 2 and all(w[0].isupper() or w[0].isdigit() for w in content)
            if (m.group("head") and len(words) <= 8) or (titled and len(words) <= 6):
                _add_span(doc, m.start("q"), m.start("q") + len(m.group("q").rstrip()), "PROGRAMME")
        for m in _OPERATION.finditer(text):
            _add_span(doc, m.start(), m.end(), "PROGRAMME")
        for m in _ACRONYM_DEF.finditer(text):
            long, start = _strip_start(m.group("long"), m.start("long"))
            acr = m.group("acr")
            spelt = bool(long) and acronym_matches(acr, long)
            if long and not spelt:  # "Avon Maternity, Children and Young People Programme"
                listed = listed_start(text, start, acr, long)
                spelt, start = listed != start, listed
                long = text[start : m.end("long")]
            if spelt:
                after = text[m.end() : m.end() + 20]
                head_after = re.match(
                    rf"\s*(?:{_PROG_HEADS}|programme|project|scheme|service)\b", after, re.I
                )
                orgs = {o.lower() for o in self.gazetteer.organisations}
                org_like = (
                    _names_a_body(long)
                    or re.match(r"(?:Department|Office|Ministry|Agency|Commission)\b", long)
                    or long.lower() in orgs
                    or acr.lower() in orgs
                )
                if head_after or not org_like:
                    end = m.end() + head_after.end() if head_after else m.end()
                    _add_span(doc, start, end, "PROGRAMME", acronym=acr, long=long)
                    self.gazetteer.acronyms[acr] = long
        for m in _PROGRAMME.finditer(text):
            # "the Local Supported Housing Strategy": "Local" mid-sentence is the name's own
            # "the Local Supported Housing Strategy", "the Our Manchester Strategy": inside a
            # sentence, the capital word is the name's own
            keep = _LOCAL_OUR if _mid_sentence(text, m.start("body")) else frozenset()
            body, start = _strip_start(m.group("body"), m.start("body"), keep=keep)
            if body.split()[:1] == ["Local"] and len(body.split()) == 1:
                continue  # "the Local Plan": which plan, the link stage cannot tell
            if not body or (
                f"{body.split()[-1]} {m.group('head')}".lower()
                in ("work programme", "forward plan")
            ):
                continue  # a committee's work programme or forward plan is a document
            name = text[start : m.end()]
            head = m.group("head")
            service = head.lower() == "service"
            if (
                service and (_service_is_body(name) or _NOT_A_SERVICE.search(name))
            ) or _NOT_AN_EVENT.search(name):
                continue  # "National Careers Service" is a body; "Easter Week" a date
            start += runon_start(name)
            inner = split_at_inner_head(text[start : m.end()])
            if inner is not None:  # two titles run together: the first is a name too
                _add_span(doc, start, start + inner[0], "PROGRAMME")
                start += inner[1]
            body = text[start : m.start("head")].strip()
            words = body.split()
            if not words:
                continue
            if len(words) == 1 and words[0].lower() in _GENERIC_BODIES:
                # "the Action Plan", "the Strategic Plan": the link stage finds which one
                _add_span(doc, start, m.end(), "PROGRAMME", generic="1")
                continue
            if m.group("head")[0].islower() and len(words) == 1 and not words[0].isupper():
                continue  # "Coventry programme": a place, not a programme's name
            if m.group("head") == "service" and len(words) == 1:
                continue  # "the CAMHS service": the service, not a name
            if m.group("head")[0].islower() and _HEAD_WORDS.match(words[-1]) and len(words) > 1:
                # "the Better Care Fund plan": the plan of a named programme is that programme
                _add_span(doc, start, start + len(body), "PROGRAMME")
                continue
            _add_span(doc, start, m.end(), "PROGRAMME")
        for name in sorted(self.gazetteer.programmes, key=len, reverse=True):
            # long names recur in any case ("the family valued programme"); short ones
            # only as written, so "early help" in prose is not "Early Help"
            flags = re.I if len(name.split()) >= 3 else 0
            for hit in re.finditer(
                rf"(?<![\w'’]){re.escape(name)}(?![\w]){_NOT_A_POST}", text, flags
            ):
                if not in_a_post(text, hit.start()):
                    _add_span(doc, hit.start(), hit.end(), "PROGRAMME")
        return _publish(doc)


# a programme's head written after its name: "the Healthy Holidays programme"
_HEAD_AFTER = re.compile(
    rf" {lexicon.alternation(lexicon.words('programme_following_heads.txt'))}\b"
)


class OrganisationFinder:
    def __init__(self) -> None:
        self.gazetteer = Gazetteer()

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        self._by_head_noun(doc, text)
        for m in _CABINET.finditer(text):
            _add_span(doc, m.start(), m.end(), "ORG")
        self._by_acronym(doc, text)
        self._by_context(doc, text)
        for name in sorted(self.gazetteer.organisations, key=len, reverse=True):
            flags = 0 if len(name) <= 5 else re.I
            for hit in re.finditer(rf"(?<![\w'’]){re.escape(name)}(?![\w])", text, flags):
                _add_span(doc, hit.start(), hit.end(), "ORG")
        return _publish(doc)

    def _by_head_noun(self, doc: Doc, text: str) -> None:
        """ "Harrowgate Leisure Trust", "Fostering Panel", "Broad Park House"."""
        for m in _ORGANISATION.finditer(text):
            body, start = m.group("body"), m.start("body")
            cut = [
                c
                for c in re.finditer(rf"\b(?:{_PROG_HEADS}) (?:and|&) ", body)
                if _strip_start(body[: c.start()], 0)[0]  # not "Strategy and Partnerships"
                and not c.group().startswith("Service")  # a service may be a body: below
            ]
            if cut:  # "the Bluebell Programme and Millbrook School": the school alone
                start += cut[-1].end()
                body = body[cut[-1].end() :]
            if len(body.split()) == 1 and re.search(
                r"[A-Z][\w'’]* to $", text[max(0, start - 40) : start]
            ):
                continue  # "Somewhere Safe to Stay Hub": the name began before "to"
            cut = list(_ORG_END_AND.finditer(body))
            if cut:  # "Renew Health CIC and Harrowgate Leisure Trust": two bodies
                first = re.sub(r" (?:and|&) $", "", body[: cut[-1].end()])
                first, first_start = _strip_start(first, start, keep=_ORG_FIRST)
                if len(first.split()) > 1 and (
                    not first.endswith(" Service") or _service_is_body(first)
                ):
                    _add_span(doc, first_start, first_start + len(first), "ORG")
                start += cut[-1].end()
                body = body[cut[-1].end() :]
            place = _PLACE_AND_BODY.search(body)
            if place:  # "Leeds and Leeds City Council": the place, then its council alone
                start += place.end()
                body = body[place.end() :]
            post = list(_POST_OF.finditer(body))
            if post:  # "Executive Director of Adult Services": the directorate, not the post
                start += post[-1].end()
                body = body[post[-1].end() :]
            body, start = _strip_start(body, start, keep=_ORG_FIRST)
            if not body or (len(body.split()) == 1 and body.lower() in _ORG_GENERIC):
                continue
            if m.group("head").islower() and len(body.split()) < 2:
                continue  # "the Fostering team": a lower-case head needs a longer name
            name = text[start : m.end()]
            head = m.group("head")
            if re.match(r" (?:Annual )?(?:Report|Update)\b", text[m.end() :]) and (
                len(name.split()) > 6 or re.search(r" (?:in|of|for) ", name)
            ):
                continue  # a long run of title words before "Annual Report" is a table row
            if head == "Service" and not _service_is_body(name):
                continue  # a service the council runs is found as a programme
            if head in ("House", "Centre") and (
                not _FACILITY.match(name) or _NOT_FACILITY.search(name)
            ):
                continue
            start += runon_start(name)
            inner = split_at_inner_head(text[start : m.end()])
            if inner is not None:  # "UK Shared Prosperity Fund Business Growth Hub"
                start += inner[1]
            end = m.end()
            tail = _OF_TAIL.match(text, end) if head in _HEAD_FIRST else None
            _add_span(doc, start, tail.end() if tail else end, "ORG")

    def _by_acronym(self, doc: Doc, text: str) -> None:
        """ "South Warwickshire Foundation Trust (SWFT)": the acronym names the body too."""
        for m in _ACRONYM_DEF.finditer(text):
            long, start = _strip_start(m.group("long"), m.start("long"), keep=_ORG_FIRST)
            long_start = start + runon_start(long)
            long = text[long_start : m.end("long")]
            acr = m.group("acr")
            if long and _names_a_body(long) and acronym_matches(acr, long):
                _add_span(doc, long_start, m.end("long"), "ORG")
                self.gazetteer.organisations.add(acr)

    def _by_context(self, doc: Doc, text: str) -> None:
        """ "partnership working with Valpak", "a report by Crisis and Centrepoint",
        "Bramwell Mind, a local charity"."""
        for m in _ORG_CONTEXT.finditer(text):
            at = m.start("name")
            for piece in re.split(r"( (?:and|&) )", m.group("name")):
                # "funded by the Government’s Holiday Fund Grant": the government's programme
                name, name_at = _strip_start(piece, at)
                end = name_at + len(name)
                # "working with Jane Hill" names a person
                if (
                    name
                    and self._named_body(name)
                    and not _is_a_person(name)
                    and not _PROGRAMME.fullmatch(name)
                    and not _HEAD_AFTER.match(text, end)
                ):
                    _add_span(doc, name_at, end, "ORG")
                at += len(piece)
        for m in _ORG_APPOSITION.finditer(text):
            # described as a charity or a company: one body, whatever its name looks like
            if self._named_body(m.group("name"), described=True):
                _add_span(doc, m.start("name"), m.end("name"), "ORG")

    def _named_body(self, name: str, described: bool = False) -> bool:
        """Whether ``name`` can be a body's own name; one ``described`` as a charity may
        begin with a common word ("Carers Together Westmere")."""
        words = name.split()
        return (
            bool(words)
            and words[0].lower()
            not in (_STOP_START | _SMALL if described else _NOT_A_BODY | _STOP_START | _SMALL)
            and not _ORGANISATION.fullmatch(name)  # named by its head noun, found above
            and not re.fullmatch(_ORG_HEADS, name)  # "the Department" alone names nothing
            and not looks_like_role(name)
            and name not in self.gazetteer.programmes
        )


@Language.factory("graphkit_people")
def _people(nlp: Language, name: str) -> PeopleFinder:
    return PeopleFinder()


@Language.factory("graphkit_programmes")
def _programmes(nlp: Language, name: str) -> ProgrammeFinder:
    return ProgrammeFinder()


@Language.factory("graphkit_organisations")
def _organisations(nlp: Language, name: str) -> OrganisationFinder:
    return OrganisationFinder()


def make_pipeline(gazetteer: Gazetteer | None = None) -> Language:
    """A blank English pipeline with graphkit's three components sharing one gazetteer."""
    import spacy

    nlp = spacy.blank("en")
    gaz = gazetteer or Gazetteer()
    for component in ("graphkit_people", "graphkit_programmes", "graphkit_organisations"):
        pipe = nlp.add_pipe(component)
        # spaCy types a pipe as a plain Doc -> Doc callable; these factories make the finders
        assert isinstance(pipe, (PeopleFinder, ProgrammeFinder, OrganisationFinder))
        pipe.gazetteer = gaz
    return nlp


# -- the stage -----------------------------------------------------------------------------
def _structured_people(doc: Document, meetings: Iterable[MeetingRecord]) -> list[ParsedName]:
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


def _is_a_person(text: str) -> bool:
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


def extract(
    docs: Sequence[Document],
    meetings: Sequence[MeetingRecord],
    *,
    timeout: float | None = None,
    problems: list[DocumentError] | None = None,
) -> list[Mention]:
    """Mentions in every document, in document order, longest span first where they nest;
    then what linking weighs beside them (:func:`link_evidence`).

    Each document's finding (each of the two passes) runs within ``timeout`` seconds
    (:func:`graphkit.documents.deadline`); a document over it loses its mentions and is
    named in ``problems``, and the other documents' mentions are kept."""
    from .documents import ReadTimeout, deadline

    slow: set[int] = set()  # documents whose finding ran past ``timeout``

    def too_slow(i: int) -> None:
        slow.add(i)
        if problems is not None:
            problems.append(
                DocumentError(
                    docs[i].source,
                    f"took longer than {timeout:g} s to find names in (--timeout-per-document)",
                    "its mentions were dropped; its meetings are built",
                )
            )

    gaz = Gazetteer()
    by_doc: dict[str, list[MeetingRecord]] = {}
    for rec in meetings:
        by_doc.setdefault(rec.source, []).append(rec)
    for doc in docs:
        for n in _structured_people(doc, by_doc.get(doc.source, [])):
            gaz.add_person(n)
    for rec in meetings:
        for row in rec.work_programme:
            gaz.organisations.update(lead_affiliations(row.lead or ""))
    for name, aliases in load_curated("programmes"):
        gaz.programmes.update((name, *aliases))
    for name, aliases in load_curated("organisations"):
        gaz.organisations.update((name, *aliases))
    nlp = make_pipeline(gaz)
    # pass 1 discovers programme names and acronyms; pass 2 finds them everywhere
    texts = [unwrap(plain(d.text)) for d in docs]
    # spaCy refuses texts over max_length (1,000,000) to spare the parser and NER their
    # memory; this blank pipeline has neither, and documents.Limits caps a document's size
    nlp.max_length = max([nlp.max_length, *(len(t) + 1 for t in texts)])
    for i, text in enumerate(texts):
        try:
            with deadline(timeout):
                first = nlp(text)
        except ReadTimeout:
            too_slow(i)
            continue
        for span in first.spans.get("gk", []):
            generic = first.user_data["gk_attrs"].get(
                (span.start_char, span.end_char, "PROGRAMME"), {}
            )
            if span.label_ == "PROGRAMME" and not generic.get("generic"):
                gaz.programmes.add(span.text)
                if generic.get("acronym"):
                    gaz.programmes.add(generic["acronym"])
            elif span.label_ == "PERSON":
                # a full name introduced with a role is found again wherever it recurs
                introduced = parse_name(span.text)
                if introduced is not None and introduced.given:
                    gaz.add_person(introduced)
    out: list[Mention] = []
    for i, (doc, text) in enumerate(zip(docs, texts, strict=True)):
        if i in slow:
            continue
        try:
            with deadline(timeout):
                out.extend(_found(nlp(text), doc, text))
        except ReadTimeout:
            too_slow(i)
    return out + link_evidence(docs, meetings, out)


def _found(sdoc: Doc, doc: Document, text: str) -> list[Mention]:
    """The mentions pass 2 found in one document, longest span first where they nest."""
    out: list[Mention] = []
    attrs = sdoc.user_data.get("gk_attrs", {})
    kept: list[tuple[int, int, str]] = []
    keyed = sorted(attrs, key=lambda k: (k[0], -k[1]))
    for key in keyed:
        start, end = _trim(text, key[0], key[1])
        if any(s <= start and end <= e for s, e, _ in kept):
            continue  # nested inside a longer mention
        kept.append((start, end, key[2]))
        a = attrs[key]
        out.append(
            Mention(
                label=key[2],
                text=doc.text[start:end],
                start=start,
                end=end,
                source=doc.source,
                honorific=a.get("honorific"),
                acronym_of=a.get("long"),
                generic=bool(a.get("generic")),
            )
        )
    return out


# -- what linking weighs beside the names ----------------------------------------------------
# Linking (graphkit.link) reads records and mentions, never the text: the words it weighs
# beside a name are found here, each as a mention of its own label whose span points into
# ``Document.text`` like every other.
LEAD = "LEAD"  # a name in a work-programme lead cell, where the text writes it
# ", Director of Children's Services" right after a name: the span starts at the name's end
# (the comma), so it is found by that end; ``role`` is the post, spaces collapsed
ROLE = "ROLE"
TOPIC = "TOPIC"  # the topic an agenda item's title names (:func:`topic_of`), where written
# "' campaign" right after a quoted programme name: the span starts at the name's end
KIND = "KIND"
CONTEXT = "CONTEXT"  # an agenda item (or attached paper) holding a generic programme mention
RESPONSE = "RESPONSE"  # a sentence saying something answers a dated event: ResponseMention
DIRECTORATE = "DIRECTORATE"  # the directorate written beside an officer attending

PROGRAMME_WORD = re.compile(
    r"\b(?:programmes?|programs?|projects?|strateg(?:y|ies)|plans?|schemes?|academy|framework"
    r"|initiative|pathway|toolkit|fund|campaign|pilot|model|service|training|roadmap|week|offer"
    r"|operation|grant)\b",
    re.I,
)
# a directorate's name: a few capitalised words, perhaps joined by "and" ("Law and Governance")
_DIRECTORATE = re.compile(r"[A-Z][\w'’]*(?: (?:(?:and|&|of|for) )?[A-Z][\w'’]*){0,5}")
_ROLE_WRITTEN_AFTER = re.compile(r",[ \t]*([A-Z][^,\n.;()]{3,70})")
_QUOTE_CLOSED = re.compile(r"^['’\"”]\s*")
_PLAN_NAME = re.compile(r"\bplan$", re.I)


@dataclass(frozen=True)
class ResponseMention(Mention):
    """A sentence saying something was done in response to a dated event (see
    graphkit.responses); ``label`` is :data:`RESPONSE`."""

    event: Event = field(kw_only=True)


_PROCEDURAL_TITLE = re.compile(
    r"^(?:declarations? of (?:interests?|pecuniary)|minutes|apologies|any other (?:urgent )?business|"
    r"work programme|exclusion of (?:the )?press|matters arising|chair'?s announcements|urgent items?|"
    r"date of (?:the )?next meeting|public questions|questions|petitions|late items|"
    r"substitut|election of|appointment of (?:chair|vice)|declarations|items? for information)",
    re.I,
)
# the sections of a report, read as numbered items in PDF text
_REPORT_SECTION = re.compile(
    r"(?:executive )?summary|purpose(?: of (?:the|this) report)?|background(?: papers)?"
    r"|introduction|recommendations?|conclusions?|(?:financial|legal|equalit(?:y|ies)|risk|other)"
    r" implications|appendices|consultation|options(?: considered)?|reasons? for (?:the )?"
    r"(?:decision|recommendations?)|next steps",
    re.I,
)
_TITLE_TAIL = re.compile(
    r"\s*(?:\([^)]*\))?\s*(?:[-–:]\s*[^-–:]*\b(?:update|report|briefing|progress)\b[^-–:]*"
    r"|\b(?:progress|update|briefing(?: note)?|report)\b.*)$",
    re.I,
)


def topic_of(title: str) -> str | None:
    """The topic an agenda item's title names, or None for procedural items.

    >>> topic_of("Homes for Children in Care - Update Report")
    'Homes for Children in Care'
    >>> topic_of("Children's Services Continuous Improvement Progress and Covid Update")
    "Children's Services Continuous Improvement"
    >>> topic_of("Declarations of Interests") is None
    True
    >>> topic_of("Recommendations") is None  # a section of a report, not a topic
    True
    """
    if _PROCEDURAL_TITLE.match(title.strip()) or _REPORT_SECTION.fullmatch(title.strip(" .:")):
        return None
    topic = _TITLE_TAIL.sub("", title).strip(" -–:")
    topic = re.sub(r"\s*\([^)]*\)$", "", topic).strip()
    return topic if len(topic) > 3 else None


def topic_window(title: str, title_start: int) -> tuple[int, int]:
    """Where an item's topic is looked for: its title and the words just after it.

    >>> topic_window("Libraries Update", 100)
    (100, 316)
    """
    return title_start, title_start + len(title) + 200


def link_evidence(
    docs: Sequence[Document], meetings: Sequence[MeetingRecord], found: Sequence[Mention]
) -> list[Mention]:
    """What linking weighs beside the names ``found``, document by document, then the
    directorates in record order (the labels above say what each is)."""
    records: dict[str, list[MeetingRecord]] = defaultdict(list)
    for rec in meetings:
        records[rec.source].append(rec)
    mine: dict[str, list[Mention]] = defaultdict(list)
    for m in found:
        mine[m.source].append(m)
    out: list[Mention] = []
    for doc in docs:
        recs, names = records.get(doc.source, []), mine.get(doc.source, [])
        leads = _leads(doc, recs)
        topics = _topics(doc, recs)
        ends = [m.end for m in (*names, *leads) if m.label in ("PERSON", LEAD)]
        ends += [a.end for r in recs for a in (*r.attendance, *r.membership)]
        out += leads
        out += _roles_after(doc, ends)
        out += topics
        out += _kinds_after(doc, names)
        out += _contexts(doc, recs, names)
        if any(
            m.label in ("PROGRAMME", TOPIC) and _PLAN_NAME.search(m.text.strip())
            for m in (*names, *topics)
        ):
            out += [
                ResponseMention(
                    RESPONSE, doc.text[r.start : r.end], r.start, r.end, doc.source, event=r.event
                )
                for r in responses(doc.text)
            ]
    return out + _directorates(docs, meetings)


def _leads(doc: Document, recs: Sequence[MeetingRecord]) -> list[Mention]:
    """Each work-programme row's lead names where the text writes them: the lead cell is a
    cleaned copy, so a name is looked for from the cell's start to the row's end."""
    out = []
    for r in recs:
        for row in r.work_programme:
            if not row.lead or row.lead_start is None:
                continue
            for n in lead_names(row.lead):
                pos = doc.text.find(n.text, row.lead_start)
                if pos != -1 and pos <= row.end:
                    out.append(
                        Mention(LEAD, n.text, pos, pos + len(n.text), doc.source, honorific=n.title)
                    )
    return out


def _roles_after(doc: Document, ends: Iterable[int]) -> list[Mention]:
    """A post written after a comma right where a name ends ("K Sandhu, Director of ...")."""
    out = []
    for end in sorted(set(ends)):
        m = _ROLE_WRITTEN_AFTER.match(doc.text[end : end + 90])
        if m and looks_like_role(m.group(1)):
            role = " ".join(m.group(1).split())
            out.append(
                Mention(
                    ROLE, doc.text[end : end + m.end()], end, end + m.end(), doc.source, role=role
                )
            )
    return out


def _topics(doc: Document, recs: Sequence[MeetingRecord]) -> list[Mention]:
    """The topics agenda-item titles name, each where it is first written in its window."""
    at: set[tuple[int, str]] = set()
    for r in recs:
        for item in r.items:
            topic = topic_of(item.title)
            if topic:
                pos = doc.text.find(topic, *topic_window(item.title, item.title_start))
                if pos != -1:
                    at.add((pos, topic))
    return [Mention(TOPIC, t, pos, pos + len(t), doc.source) for pos, t in sorted(at)]


def _kinds_after(doc: Document, names: Iterable[Mention]) -> list[Mention]:
    """A programme word right after a quoted name: "'Move More Together' campaign"."""
    out = []
    for end in sorted({m.end for m in names if m.label == "PROGRAMME"}):
        window = doc.text[end : end + 30]
        rest = _QUOTE_CLOSED.sub("", window)
        kind = PROGRAMME_WORD.match(rest)
        if kind:
            stop = end + len(window) - len(rest) + kind.end()
            out.append(Mention(KIND, doc.text[end:stop], end, stop, doc.source))
    return out


def _contexts(
    doc: Document, recs: Sequence[MeetingRecord], names: Iterable[Mention]
) -> list[Mention]:
    """Every agenda item (or paper attached to one) that holds a generic programme mention:
    the words around "the Strategic Plan" tell which strategic plan it is."""
    spans = [s for r in recs for i in r.items for s in ((i.start, i.end), *i.extra_spans)]
    held = {
        (s, e)
        for m in names
        if m.label == "PROGRAMME" and m.generic
        for s, e in spans
        if s <= m.start < e
    }
    return [Mention(CONTEXT, doc.text[s:e], s, e, doc.source) for s, e in sorted(held)]


def _directorates(docs: Sequence[Document], meetings: Sequence[MeetingRecord]) -> list[Mention]:
    """ "A Coles, Education and Skills", "Law and Governance G Holmes, C Taylor": the words
    beside an officer that are not a post name the officer's directorate."""
    text_of = {d.source: d.text for d in docs}
    out = []
    for r in meetings:
        text = text_of.get(r.source)
        if text is None:
            continue
        for a in r.attendance:
            if a.capacity != "officer" or not a.role or looks_like_role(a.role):
                continue
            if not _DIRECTORATE.fullmatch(a.role.strip()):
                continue  # words that are not a name: "4 members of the public", "(holiday)."
            line_start = text.rfind("\n", 0, a.start) + 1
            line_end = text.find("\n", a.end)
            line_end = len(text) if line_end == -1 else line_end
            at = text.find(a.role, line_start, line_end)
            if at != -1:
                out.append(Mention(DIRECTORATE, a.role, at, at + len(a.role), r.source))
    return out


_SOFT_BREAK = re.compile(
    # a long line of prose, not ending a sentence, then a line that goes on with the text
    r"(?m)^(?=[^\n\t]{60,}\n)[^\n\t]*[\w,’'\-)](?P<br>\n)(?=[ ]?[A-Za-z(][^\n\t]*$)"
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
