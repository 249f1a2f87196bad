"""Which council a document is from: its web address first, then its own words.

A page published on a council's site names the council by its host
("democracy.kent.gov.uk", "cardiff.moderngov.co.uk"); the host's label is looked
up in ``lexicon/council_hosts.tsv`` (from the Open Council Data UK table). Printed
minutes and mirrored PDFs name it in their text ("Kent County Council"). The
council is never assumed: a document with neither is left to the build's
``--council`` or to the council most of the other documents name.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import cache
from urllib.parse import urlparse

from . import lexicon
from .model import Document

__all__ = [
    "council_from_address",
    "council_identity",
    "council_from_host",
    "council_of",
    "most_named",
    "councils_in_text",
    "host_label",
    "is_local",
    "kind_of",
    "place_key",
    "place_of",
    "same_place",
]

_TYPES = lexicon.council_types_pattern()
# a word of the place: not a word of a kind of council ("Metropolitan" of "Metropolitan
# Borough" too, so that "Wigan Metropolitan Borough Council" is of Wigan), "Council" or "The"
_NOT_A_PLACE = lexicon.alternation(
    (
        *sorted({w for t in lexicon.council_types() for w in t.split() if w[0].isupper()}),
        *sorted(lexicon.words("welsh_council_words.txt")),
        "Council",
        "The",
    )
)
_WORD = rf"(?!{_NOT_A_PLACE}\b)[A-Z][a-z]+"
# A place is a few words ("Bath and North East Somerset"): bounded, since a run of
# capitalised words with no council after it was tried word by word to its end from each
# of its words, O(n²) (a run of 8,000 words: 6.4 s)
_COUNCIL = re.compile(
    rf"\b(?P<place>(?:{_WORD}(?:[ -](?:and|upon|on|under)[ -]|[ -])){{0,7}}{_WORD}) "
    rf"(?P<type>{_TYPES}) Council\b"
)
# "Royal Borough of Greenwich", "London Borough of Enfield", "City of London Corporation"
_OF_COUNCIL = re.compile(
    r"\b(?P<name>(?:Royal|London) Borough of (?P<place>[A-Z][a-z]+(?:[ -](?:and |upon |on )?[A-Z][a-z]+){0,7}))"
)
HEAD = 1500  # characters: where a document names its own council
_SUFFIXES = ("dc", "bc", "cc", "mbc", "council", "gov")
_SMALL = lexicon.small_words()


def _hosts() -> dict[str, str]:
    return lexicon.council_hosts()


def host_label(url: str) -> str | None:
    """The label of a council's web host that names it, or None for other hosts.

    >>> host_label("https://democracy.kent.gov.uk:9071/mgAi.aspx?ID=1")
    'kent'
    >>> host_label("https://cardiff.moderngov.co.uk/ieListDocuments.aspx?MId=2")
    'cardiff'
    >>> host_label("https://docslib.org/doc/1") is None
    True
    """
    host = (urlparse(url.strip()).hostname or "").lower()
    if host.endswith(".moderngov.co.uk"):
        return host.split(".")[0]
    for suffix in (".gov.uk", ".gov.wales", ".gov.scot", ".llyw.cymru"):
        if host.endswith(suffix):
            return host[: -len(suffix)].split(".")[-1]
    return None


def council_from_host(url: str) -> str | None:
    """The place a council's web address names ("Cheshire East"), or None.

    >>> council_from_host("https://moderngov.cheshireeast.gov.uk/ecminutes/x.aspx")
    'Cheshire East'
    >>> council_from_host("https://democracy.newtown.gov.uk/x"), council_from_host("https://example.org/")
    ('Newtown', None)
    >>> council_from_host("https://democracy.bristol.gov.uk/x")
    'Bristol'
    """
    label = host_label(url)
    if not label:
        return None
    known = _hosts().get(label)
    for suffix in _SUFFIXES:  # "eppingforestdc", "redditchbc"
        if not known and label.endswith(suffix) and len(label) > len(suffix) + 2:
            known = _hosts().get(label[: -len(suffix)])
    if known:
        # the table's "Bristol, City of" and "Herefordshire, County of" name the place first
        return _place_named(known)
    return label.replace("-", " ").title()


_ADDRESS_COUNCIL = re.compile(
    r"(?P<words>[a-z]+(?:-[a-z]+)*?)-"
    + lexicon.alternation(tuple(t.lower().replace(" ", "-") for t in lexicon.council_types()))
    + "-council"
)


def council_from_address(url: str) -> str | None:
    """The place of a council a mirror's address names in its path, when it is a place
    the council table knows ("docslib.org/doc/1/birmingham-city-council-held-on-...").

    >>> council_from_address("https://mirror.example/doc/9/minutes-of-brighton-and-hove-city-council-held-on")
    'Brighton and Hove'
    >>> council_from_address("https://mirror.example/doc/9/the-nowhere-city-council") is None
    True
    """
    places = {place_key(p): p for p in _hosts().values()}
    for m in _ADDRESS_COUNCIL.finditer(urlparse(url).path.lower()):
        words = m.group("words").split("-")
        for k in range(max(0, len(words) - 4), len(words)):  # the longest known place first
            known = places.get(place_key(" ".join(words[k:])))
            if known:
                return _place_named(known)
    return None


def councils_in_text(text: str) -> Counter[str]:
    """Councils a text names, with how often.

    >>> sorted(councils_in_text("Blaenau Gwent County Borough Council and Kent County Council").items())
    [('Blaenau Gwent County Borough Council', 1), ('Kent County Council', 1)]
    """
    counts: Counter[str] = Counter()
    # each pattern needs its words: a text without them (most pages but the first and
    # the last, a long attendance list) is not scanned a position at a time for them
    if " Council" in text:
        for m in _COUNCIL.finditer(text):
            counts[f"{m.group('place')} {m.group('type')} Council"] += 1
    if "Borough of " in text:
        for m in _OF_COUNCIL.finditer(text):
            counts[m.group("name")] += 1
    return counts


def place_of(name: str) -> str:
    """The place a council's name names.

    >>> place_of("Brighton and Hove City Council"), place_of("London Borough of Enfield"), place_of("Cardiff Council")
    ('Brighton and Hove', 'Enfield', 'Cardiff')
    >>> place_of("Wigan Metropolitan Borough Council"), place_of("Wrexham County Borough Council")
    ('Wigan', 'Wrexham')
    """
    m = _COUNCIL.fullmatch(name) or _OF_COUNCIL.fullmatch(name)
    if m:
        return m.group("place")
    return re.sub(r"\s+Council$", "", name)


def kind_of(name: str) -> str:
    """The kind of council a name writes before "Council", or "" when it writes none.

    >>> kind_of("Stroud Town Council"), kind_of("Wigan Metropolitan Borough Council"), kind_of("Cardiff Council")
    ('Town', 'Metropolitan Borough', '')
    """
    m = _COUNCIL.fullmatch(" ".join(name.split()))
    return m.group("type") if m else ""


def is_local(name: str) -> bool:
    """Whether a council's name is a town or parish council's (lexicon/local_council_types.txt).

    >>> is_local("Stroud Town Council"), is_local("Stroud District Council"), is_local("Stroud Council")
    (True, False, False)
    """
    return kind_of(name) in lexicon.local_council_types()


def council_identity(name: str) -> str:
    """What tells one council from another: its place (:func:`place_key`), and the kind of
    a town or parish council, which shares its place with the district's council. The
    names of a principal council ("Kent County Council", and "Kent Council" from the
    address "kent.gov.uk") are one council.

    >>> council_identity("Kent County Council") == council_identity("Kent Council")
    True
    >>> council_identity("Stroud Town Council") == council_identity("Stroud District Council")
    False
    >>> council_identity("Stroud Town Council")
    'stroud town'
    """
    key = place_key(place_of(name))
    return f"{key} {kind_of(name).lower()}" if is_local(name) else key


def place_key(place: str) -> str:
    """A place's name reduced to its letters, to compare spellings ("Brighton & Hove").

    >>> place_key("Brighton & Hove") == place_key("brighton-and-hove")
    True
    """
    return _letters(place.replace("&", " and "))


def _letters(text: str) -> str:
    return re.sub(r"[^a-z]", "", re.sub(r"\band\b", " ", text.lower()))


def same_place(name: str, place: str) -> bool:
    """Whether a council's name is the principal council of ``place`` (not a body named
    after it, nor the place's town or parish council).

    >>> same_place("Brighton and Hove City Council", "Brighton & Hove"), same_place("Kent Youth County Council", "Kent")
    (True, False)
    >>> same_place("Stroud Town Council", "Stroud")
    False
    """
    return council_identity(name) == place_key(place)


def _title(line: str) -> str:
    """A line in capitals in title case, small words kept small.

    >>> _title("MEETING OF BIRMINGHAM CITY COUNCIL")
    'Meeting of Birmingham City Council'
    """
    small = _SMALL
    return " ".join(w.lower() if w.lower() in small else w.capitalize() for w in line.split())


def council_of(doc: Document) -> str | None:
    """The council ``doc`` is from, named as fully as the document allows: its web
    address, else a council named in its head (a letterhead, a page title). A council
    named only further down may be one the document talks about, so it does not count.

    >>> council_of(Document("a", "Kent County Council", "0", "minutes", url="https://democracy.kent.gov.uk/x"))
    'Kent County Council'
    >>> council_of(Document("a", "no name here", "0", "minutes", url="https://cardiff.moderngov.co.uk/x"))
    'Cardiff Council'
    >>> council_of(Document("a", "Minutes" + " text" * 400 + " Leeds City Council", "0", "minutes")) is None
    True
    >>> council_of(Document("a", "WESTMERE BOROUGH COUNCIL\\nMinutes", "0", "minutes"))
    'Westmere Borough Council'
    >>> council_of(Document("a", "In line with Government and Local Council advice", "0", "minutes")) is None
    True
    """
    place = council_from_host(doc.url) if doc.url else None
    place = place or (council_from_address(doc.url) if doc.url else None)
    if place:
        named = councils_in_text(doc.text)
        matching = [n for n, _ in named.most_common() if same_place(n, place)]
        return matching[0] if matching else f"{place} Council"
    # the head as written, then its lines in capitals ("WESTMERE BOROUGH COUNCIL") in
    # title case
    top = doc.text[:HEAD]
    heads = (top, "\n".join(_title(line) for line in top.splitlines() if line.isupper()))
    for head in heads:
        named = councils_in_text(head)
        if named:
            return sorted(named.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    # a council whose name says no kind ("The Highland Council", "Fife Council"): only a
    # place the council table knows
    for head in heads:
        known = _known_council().search(head)
        if known:
            return f"{_place_named(known.group('place'))} Council"
    return None


@cache
def _known_council() -> re.Pattern[str]:
    """ "[The] <place> Council" for each place in the council table."""
    places = {_place_named(p) for p in _hosts().values()}
    return re.compile(
        rf"\b(?:The[ \t]+)?(?P<place>{lexicon.alternation(frozenset(places))})[ \t]+Council\b"
    )


def _place_named(place: str) -> str:
    """The table's place as a council's name writes it ("Bristol, City of" -> "Bristol")."""
    return re.sub(r",\s*(?:City|County|Borough|Royal Borough) of$", "", place)


# the words before "City Council" are bounded: unbounded, a long run of capitalised words
# (a title-cased letterhead of junk) made every match attempt scan to its end, O(n²)
_WRITTEN_COUNCIL = re.compile(
    r"\b((?:[A-Z][a-z]+[ -]){0,5}[A-Z][a-z]+) "
    rf"({lexicon.council_types_pattern()})"
    r" Council\b"
)


def _written_councils(text: str) -> list[str]:
    """Each "<Place> <type> Council" ``text`` writes, as often as it does."""
    if " Council" not in text:  # no need to try the pattern at every position
        return []
    return [f"{m.group(1)} {m.group(2)} Council" for m in _WRITTEN_COUNCIL.finditer(text)]


def most_named(docs: Sequence[Document]) -> str:
    """The council most of the documents are from, named as they write it.

    >>> from graphkit.model import Document
    >>> d = Document("a", "Leeds City Council and Coventry City Council. Coventry City Council", "0", "minutes")
    >>> most_named([d])
    'Coventry City Council'
    """
    counts: Counter[str] = Counter()
    for doc in docs:
        counts.update(_written_councils(doc.text))
    if not counts:  # "NORTHSHIRE COUNTY COUNCIL" in a letterhead
        for doc in docs:
            counts.update(_written_councils(doc.text.title()))
    if counts:
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    domains: Counter[str] = Counter()
    for doc in docs:
        domains.update(re.findall(r"@([a-z-]+)\.gov\.uk", doc.text.lower()))
    if domains:
        name = sorted(domains.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        return f"{name.replace('-', ' ').title()} Council"
    return "Unknown Council"
