"""One lexicon: the word lists the extractors share, each read once from a data file here.

Each ``*.txt`` file holds one word (or phrase) a line; ``#`` starts a comment and blank
lines are skipped. ``*.tsv`` files map a word to a value, one pair a line. Each list is read
by a cached function on first use, so importing the package reads nothing; modules bind the
result once at import (``_SMALL = lexicon.small_words()``).

>>> "councillor" in role_words()
True
>>> honorifics()["cllr"]
'Councillor'
>>> bool(programme_heads_pattern().fullmatch("Strategies"))
True
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

__all__ = [
    "alternation",
    "articles",
    "committee_words",
    "committee_words_pattern",
    "council_hosts",
    "council_kinds",
    "council_types",
    "council_types_pattern",
    "generic_programme_heads",
    "honorifics",
    "is_procedural_title",
    "lines",
    "local_council_types",
    "name_connectives",
    "name_particles",
    "personal_titles",
    "programme_heads",
    "programme_heads_pattern",
    "role_words",
    "small_words",
    "surname_roles",
    "table",
    "words",
]


@cache
def lines(name: str) -> tuple[str, ...]:
    """The entries of ``name`` (a file in this package), in file order, comments dropped."""
    text = resources.files(__name__).joinpath(name).read_text("utf-8")
    out = []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if line:
            out.append(line)
    return tuple(out)


@cache
def table(name: str) -> dict[str, str]:
    """The pairs of a two-column, tab-separated file in this package."""
    text = resources.files(__name__).joinpath(name).read_text("utf-8")
    pairs: dict[str, str] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            key, value = line.split("\t")
            pairs[key] = value
    return pairs


def alternation(words: tuple[str, ...] | frozenset[str]) -> str:
    """A non-capturing regex alternation of ``words``, longest first so the longest wins."""
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))) + ")"


@cache
def words(name: str) -> frozenset[str]:
    """The entries of the word list ``name`` as a set."""
    return frozenset(lines(name))


@cache
def name_connectives() -> tuple[str, ...]:
    """Small words a name may take between its capitalised words ("and", "of", "&")."""
    return lines("name_connectives.txt")


@cache
def small_words() -> frozenset[str]:
    """Connectives that stay lower case in a title and spell no letter of an acronym."""
    return frozenset(lines("small_words.txt"))


@cache
def articles() -> frozenset[str]:
    """ "a" and "an": apart from the small words, as "A" is also an initial."""
    return frozenset(lines("articles.txt"))


@cache
def minor_words() -> frozenset[str]:
    """The small words and the articles: every word a title keeps in lower case, and after
    which a line that stops is inside its sentence ("... of the" / "Council")."""
    return small_words() | articles()


@cache
def role_words() -> frozenset[str]:
    """Lower-case words of posts and bodies that are never part of a person's name."""
    return frozenset(lines("role_words.txt"))


@cache
def honorifics() -> dict[str, str]:
    """Titles before a name, lower case, to their canonical form, longest first."""
    return table("honorifics.tsv")


@cache
def programme_heads() -> tuple[str, ...]:
    """Title-case head words that close a programme's name, plurals included."""
    return lines("programme_heads.txt")


@cache
def programme_heads_pattern() -> re.Pattern[str]:
    """The programme heads as one alternation (case as written)."""
    return re.compile(alternation(programme_heads()))


@cache
def generic_programme_heads() -> frozenset[str]:
    """Heads that say only that a name is a programme ("programme", "project", ...)."""
    return frozenset(lines("generic_programme_heads.txt"))


@cache
def committee_words() -> frozenset[str]:
    """Lower-case words that make a name a committee's or a council body's."""
    return frozenset(lines("committee_words.txt"))


@cache
def committee_words_pattern() -> re.Pattern[str]:
    """A committee word as a whole word, any case: "Audit Committee", "CABINET"."""
    return re.compile(rf"\b{alternation(committee_words())}\b", re.I)


@cache
def council_kinds() -> tuple[str, ...]:
    """Kinds of council, lower case: the word before "Council"."""
    return lines("council_kinds.txt")


@cache
def council_types() -> tuple[str, ...]:
    """Kinds of council as written before "Council" in a name ("City", "County Borough")."""
    return lines("council_types.txt")


@cache
def local_council_types() -> frozenset[str]:
    """Kinds of a parish-tier council ("Town"): another council than its place's district."""
    return frozenset(lines("local_council_types.txt"))


@cache
def _procedural() -> re.Pattern[str]:
    # the title's start (after its number and a "To receive"...), anywhere, or its end
    return re.compile(
        r"^\W*(?:\d+\W*)?(?:to (?:receive|approve|confirm|note|consider|agree)\W+(?:any |the )?)?"
        rf"{alternation(words('procedural_item_titles.txt'))}\b"
        rf"|\b{alternation(words('procedural_item_words.txt'))}\b"
        rf"|\b{alternation(words('procedural_item_endings.txt'))}\W*$",
        re.I,
    )


def is_procedural_title(title: str) -> bool:
    """Whether an agenda item runs the meeting rather than takes a subject: its title
    starts with procedural_item_titles.txt, writes procedural_item_words.txt, or ends with
    procedural_item_endings.txt.

    >>> [is_procedural_title(t) for t in ("Work Programme and Outstanding Issues",
    ...     "3. To receive apologies", "Chair\u2019s Announcements", "NOTICE OF RECORDING/WEBCAST",
    ...     "Proposed Scrutiny Forward Work Programme 2020/21", "Audit Committee Minutes",
    ...     "Minority Group Leader Questions", "PROCEDURAL BUSINESS")]
    [True, True, True, True, True, True, True, True]
    >>> [is_procedural_title(t) for t in ("Fostering", "Introduction to Scrutiny",
    ...     "Public Health Annual Report", "Library Opening Hours")]
    [False, False, False, False]
    """
    return bool(_procedural().search(title.replace("\u2019", "'")))


@cache
def council_types_pattern() -> str:
    """The kinds of council as one alternation, longest first (a pattern's source)."""
    return alternation(council_types())


@cache
def council_hosts() -> dict[str, str]:
    """Web host labels of councils to their places (from the Open Council Data UK table)."""
    return table("council_hosts.tsv")


@cache
def personal_titles() -> tuple[str, ...]:
    """Titles of a person, not an office ("Mrs", "Dr"): a second title after "Councillor"."""
    return lines("personal_titles.txt")


@cache
def name_particles() -> frozenset[str]:
    """Lower-case particles that belong to a surname ("van", "de")."""
    return frozenset(lines("name_particles.txt"))


@cache
def surname_roles() -> frozenset[str]:
    """Role words that are common surnames too ("young", "hall")."""
    return frozenset(lines("surname_roles.txt"))
