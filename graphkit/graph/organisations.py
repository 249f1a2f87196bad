"""Which node an organisation mention names: the council, one of its committees, or an
organisation of its own; and which mentions name no organisation at all.

The finder and the linker see names; only here, with the build's council and the
committees whose meetings the records record, can a name be told to be one of those.
Every rule is stated in its function's docstring, and each errs towards keeping two
bodies apart: a mention no rule places stays an organisation of its own.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from functools import lru_cache

from .. import lexicon
from ..councils import council_identity, kind_of

__all__ = [
    "calls_the_council_by_its_kind",
    "committee_named",
    "is_council_committee",
    "names_no_organisation",
    "names_the_council",
]

# words that say what kind of body a committee is, not which one
_KIND = lexicon.words("committee_kind_words.txt")
_SMALL = lexicon.small_words()
_COUNCIL_NAME = re.compile(r"\bCouncil$")
# a council's name without its place: "City Council", "the County Council"
_COUNCIL_SHORT = rf"(?:the )?(?:{lexicon.council_types_pattern()} )?Council"
_OWN_KIND = re.compile(rf"(?:the )?(?P<kind>{lexicon.council_types_pattern()}) Council", re.I)
# nouns of an undertaking: "Expansion of ...", "Review of ..." name work, not a body
_UNDERTAKING = re.compile(
    r"(?:Expansion|Development|Review|Implementation|Introduction|Delivery|Provision|Creation"
    r"|Extension|Reduction|Establishment|Improvement|Redesign|Transformation|Recommissioning"
    r"|Roll[- ]?out|Launch|Reconfiguration|Reorgani[sz]ation|Restructur(?:e|ing)|Recruitment"
    r"|Retention|Prioriti[sz]ation|Procurement|Commissioning) of ",
    re.I,
)
_SCRUTINY_BODY = re.compile(
    r"(?:[A-Z][\w'’]*(?: and| &| of)? )*Scrutiny (?:Board|Committee|Panel|Commission)"
    r"(?: \(?\d+\)?)?"
)


@lru_cache(maxsize=1 << 16)  # the same committee names are compared again and again
def _tokens(name: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """The lower-case words of a name (apostrophes dropped, "&" read as "and", a leading
    "the" left out) and the numbers it carries.

    >>> _tokens("the Education & Children’s Scrutiny Board (2)")
    (('education', 'and', 'childrens', 'scrutiny', 'board'), frozenset({'2'}))
    """
    text = re.sub(r"['’]", "", name.lower().replace("&", " and "))
    tokens = re.findall(r"[a-z]+|\d+", text)
    words = [t for t in tokens if not t.isdigit()]
    if words[:1] == ["the"]:
        words = words[1:]
    return tuple(words), frozenset(t for t in tokens if t.isdigit())


def _in_order(part: Sequence[str], whole: Sequence[str]) -> bool:
    """Whether ``part`` is ``whole`` with some words left out (its words, in order)."""
    rest = iter(whole)
    return all(word in rest for word in part)


def _kind_tail(words: tuple[str, ...]) -> tuple[str, ...]:
    """The trailing words that say what kind of body it is ("scrutiny board")."""
    n = len(words)
    while n and words[n - 1] in _KIND:
        n -= 1
    return words[n:]


def _variant(surface: str, committee: str) -> str | None:
    """How ``surface`` names ``committee``: "full" (the committee by its own specific
    words or its number), "bare" (only by its kind: "the Board"), or None (not it).

    A variant keeps the committee's words in order with some left out, ends with the
    words that say its kind ("Scrutiny Board"), and keeps its number if it writes one.

    >>> c = "Education and Children's Services Scrutiny Board (2)"
    >>> [_variant(s, c) for s in ("Scrutiny Board (2)", "Education and Children's Scrutiny Board",
    ...                           "the Board", "Scrutiny Board (3)", "Education Board")]
    ['full', 'full', 'bare', None, None]
    """
    words, numbers = _tokens(surface)
    c_words, c_numbers = _tokens(committee)
    if not words or not _in_order(words, c_words) or (numbers and numbers != c_numbers):
        return None
    tail = _kind_tail(c_words)
    if words[-1:] != c_words[-1:]:
        return None
    specific = [w for w in words if w not in _KIND and w not in _SMALL]
    if specific and words[-len(tail) :] == tail:
        return "full"
    if numbers and words == tail:
        return "full"
    return "bare" if not specific and not numbers else None


def committee_named(surface: str, committees: Iterable[str], own: Collection[str]) -> str | None:
    """The committee (of those whose meetings the records record) a mention names, if any.

    A mention names a committee when it is a variant of the committee's name: its words
    in order with some left out, ending with the words of its kind, with its number
    kept ("Scrutiny Board (2)" is Scrutiny Board (2), "Scrutiny Board (3)" is not), and
    with either a word of its own or its number ("Lowfield Scrutiny Board"). A bare
    name ("the Board", "the Scrutiny Board") names a committee only in that committee's
    own records (``own``: the committees of the mention's document, when one). A name
    two committees both fit is neither.

    >>> ours = ["Lowfield Schools Scrutiny Panel (4)", "Lowfield Housing Scrutiny Panel (5)"]
    >>> committee_named("Schools Scrutiny Panel", ours, ())
    'Lowfield Schools Scrutiny Panel (4)'
    >>> committee_named("Scrutiny Panel (5)", ours, ())
    'Lowfield Housing Scrutiny Panel (5)'
    >>> committee_named("Lowfield Scrutiny Panel", ours, ()) is None  # fits both
    True
    >>> committee_named("the Panel", ours, ["Lowfield Housing Scrutiny Panel (5)"])
    'Lowfield Housing Scrutiny Panel (5)'
    >>> committee_named("the Panel", ours, ours) is None  # whose own records?
    True
    >>> committee_named("Scrutiny Panel (6)", ours, ()) is None
    True
    """
    full, bare = [], []
    for committee in dict.fromkeys(committees):
        how = _variant(surface, committee)
        if how == "full":
            full.append(committee)
        elif how == "bare" and committee in own and len(own) == 1:
            bare.append(committee)
    found = full or bare
    return found[0] if len(found) == 1 else None


def is_council_committee(name: str) -> bool:
    """Whether a name names a committee of a council rather than a body of its own: the
    Cabinet, a scrutiny board, committee, panel or commission, or the Health and
    Wellbeing Board (a committee of every upper-tier council, by statute). A joint
    committee is shared with other bodies, so it is not one council's.

    >>> [is_council_committee(n) for n in ("Cabinet", "the Cabinet", "Scrutiny Board (3)",
    ...     "Health Scrutiny Board", "Health and Wellbeing Board", "Joint Scrutiny Committee",
    ...     "Improvement Board", "Cabinet Office")]
    [True, True, True, True, True, False, False, False]
    """
    name = re.sub(r"^the ", "", " ".join(name.split()), flags=re.I)
    if name.startswith("Joint "):
        return False
    return (
        name == "Cabinet"
        or name == "Health and Wellbeing Board"
        or bool(_SCRUTINY_BODY.fullmatch(name))
    )


def names_the_council(surface: str, council: str) -> bool:
    """Whether a mention names the build's council: a council's name (it ends in
    "Council") of the same council (:func:`~graphkit.councils.council_identity`: the same
    place, and not the place's town or parish council beside its district's).

    >>> names_the_council("Coventry City Council", "Coventry City Council")
    True
    >>> names_the_council("Lowfield Council", "Lowfield Borough Council")
    True
    >>> names_the_council("Lowfield Town Council", "Lowfield Borough Council")
    False
    >>> [names_the_council(n, "Coventry City Council") for n in
    ...  ("Leeds City Council", "Coventry City Council Children's Services", "City Council")]
    [False, False, False]
    """
    surface = " ".join(surface.split())
    return bool(_COUNCIL_NAME.search(surface)) and council_identity(surface) == council_identity(
        council
    )


def calls_the_council_by_its_kind(surface: str, council: str) -> bool:
    """Whether a mention is the council's own kind and "Council", with no place: "the City
    Council" in Coventry City Council's records is the council itself. Another kind ("the
    County Council" in a district council's records) is another council.

    >>> calls_the_council_by_its_kind("City Council", "Coventry City Council")
    True
    >>> calls_the_council_by_its_kind("the county  council", "Northshire County Council")
    True
    >>> [calls_the_council_by_its_kind(n, "Stroud District Council")
    ...  for n in ("County Council", "District Councils", "Council")]
    [False, False, False]
    >>> calls_the_council_by_its_kind("Council", "Stroud Council")  # a council of no kind
    False
    """
    m = _OWN_KIND.fullmatch(" ".join(surface.split()))
    return m is not None and m.group("kind").lower() == kind_of(council).lower()


def names_no_organisation(surface: str, after: str, council: str) -> str | None:
    """Why a name the finder took for an organisation names none, or None when it may.

    - "Government and City Council": a body joined to the council (by its name, or
      "City Council", "the Council") by "and" names two bodies, not a third;
    - "Expansion of Family Group Conferencing": an undertaking ("Expansion of",
      "Review of" ...) is work, not a body;
    - "Government" in "Local Government Act 1972" (``after`` is the text that follows):
      a word of the title of an Act is not a body.

    >>> names_no_organisation("Government and City Council", ", and", "Lowfield City Council")
    'joins a body to the council'
    >>> names_no_organisation("Review of Lowfield Youth Services", "", "Lowfield City Council")
    'an undertaking'
    >>> names_no_organisation("Reconfiguration of Mental Health Services", "", "Lowfield City Council")
    'an undertaking'
    >>> names_no_organisation("Government", " Act 1972 relating", "Lowfield City Council")
    'part of the title of an Act'
    >>> names_no_organisation("Lowfield and District Rugby Club", "", "Lowfield City Council") is None
    True
    """
    surface = " ".join(surface.split())
    if re.fullmatch(rf".+ (?:and|&) (?:{re.escape(council)}|{_COUNCIL_SHORT})", surface):
        return "joins a body to the council"
    if _UNDERTAKING.match(surface):
        return "an undertaking"
    if re.match(r"\s+Act(?: \d{4})?\b", after):
        return "part of the title of an Act"
    return None
