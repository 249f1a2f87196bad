"""Stage 3: find mentions of people, programmes and organisations.

Three spaCy components, registered by name, run on a blank English pipeline:

* ``graphkit_people``: titled names anywhere ("Councillor Sandhu", "Mrs S Hanson",
  "Head Teacher Paul Green"); names the structured parts of the corpus introduced
  (attendance lists, authors, contacts, work-programme leads), wherever they
  recur; and full names that expand a known initial ("John Gregg" for "J Gregg").
* ``graphkit_programmes``: naming patterns ("... Programme", "... Strategy",
  "... Plan", "... Academy"), acronym definitions ("Holiday Activities and Food
  (HAF)"), a curated list of widely known programmes, and every name found so
  far, case-insensitively, wherever it recurs.
* ``graphkit_organisations``: a curated list of national bodies and naming
  patterns ("... City Council", "... Partnership", "... Primary School").

A trained pipeline is never needed. Components read the text with markup
blanked out (same offsets), so every span points into ``Document.text``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files

import yaml
from spacy.language import Language
from spacy.tokens import Doc

from .model import Document, MeetingRecord, Mention
from .names import ParsedName, compatible, find_names, looks_like_role, parse_name
from .segment.text import plain

__all__ = ["Gazetteer", "acronym_matches", "extract", "load_curated", "make_pipeline"]

_CAP = r"(?:[A-Z][\w'’\-]*[\w]|[A-Z])"
_CONN = r"(?:and|of|for|in|the|to|on|&|with|at|by|from)"
_PROG_HEADS = (
    r"Programmes?|Programs?|Projects?|Strateg(?:y|ies)|Plans?|Schemes?|Academy|Framework|Initiative"
    r"|Pathway|Toolkit|Fund|Campaign|Pilot|Model|Training|Apprenticeships?"
)
# A name in quotes is a name: "the 'refer a friend' scheme", "‘Ask Jan’", "'The Coventry Way'".
# The opening quote follows a space or bracket (so "Children's" opens nothing).
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
    rf"(?<![\w'’])(?P<body>{_BODY})(?: \((?P<acr>[A-Z]{{2,6}})\))? (?P<head>(?:{_PROG_HEADS})|(?i:programme|project|scheme|strategy|plan))\b"
    + _NOT_A_POST
)
_ACRONYM_DEF = re.compile(
    rf"(?<![\w'’])(?P<long>{_BODY}) \((?P<acr>[A-Z][A-Za-z]{{1,6}}?)(?:'?s)?\)"
)
_ORG_HEADS = (
    r"City Council|County Council|Borough Council|District Council|Council|Partnership|Partnerships"
    r"|Board|Group|Team|Trust|CCG|Authority|Society|Network|University|College|School|Hub"
    r"|Department|Agency|Commission|Foundation|Police|Service|Services"
)
_ORG_BODY = rf"{_CAP}(?: (?:(?:and|of|for|in|&) )?{_CAP}){{0,7}}"
# heads may be lower case ("Public Health Inequalities team") and bodies numbered
# ("Scrutiny Board 3", "Scrutiny Board (2)")
_ORGANISATION = re.compile(
    rf"(?<![\w'’])(?P<body>{_ORG_BODY}) (?P<head>{_ORG_HEADS}|team|board|partnership|network|group)\b"
    r"(?P<num> \(\d{1,2}\)| \d{1,2}\b(?![/.:]\d))?(?! [A-Z])"
)
_ORG_GENERIC = frozenset(
    ["the", "this", "our", "a", "an", "local", "national", "council", "any", "each"]
)
# Leading words that begin a sentence or a phrase but not a name.
_STOP_START = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "their",
        "our",
        "its",
        "his",
        "her",
        "your",
        "my",
        "we",
        "they",
        "it",
        "in",
        "on",
        "at",
        "for",
        "by",
        "with",
        "from",
        "as",
        "to",
        "of",
        "and",
        "also",
        "each",
        "every",
        "any",
        "all",
        "new",
        "draft",
        "refreshed",
        "revised",
        "current",
        "existing",
        "further",
        "deliver",
        "delivery",
        "develop",
        "developed",
        "note",
        "notes",
        "noted",
        "includes",
        "include",
        "included",
        "agreed",
        "agree",
        "received",
        "receive",
        "considered",
        "consider",
        "finalise",
        "finalised",
        "launch",
        "launched",
        "review",
        "reviewed",
        "progress",
        "impact",
        "implement",
        "implementation",
        "strengthen",
        "continue",
        "support",
        "update",
        "updated",
        "following",
        "proposed",
        "under",
        "during",
        "since",
        "after",
        "before",
        "within",
        "across",
        "through",
        "via",
        "per",
        "next",
        "last",
        "first",
        "second",
        "third",
        "if",
        "when",
        "where",
        "while",
        "whilst",
        "which",
        "who",
        "how",
        "what",
        "there",
        "here",
        "however",
        "therefore",
        "similarly",
        "importantly",
        "previously",
        "national",
        "local",
        "regional",
        "city",
        "council's",
        "members",
        "officers",
        "board",
        "recommendation",
        "recommendations",
        "item",
        "items",
        "appendix",
        "report",
        "briefing",
        "minutes",
        "agenda",
        "director",
        "directors",
        "head",
        "chief",
        "manager",
        "officer",
        "lead",
        "member",
        "cabinet",
        "deputy",
        "meeting",
        "principal",
        "chair",
        "trustee",
    ]
)
_SMALL = frozenset(
    ["and", "of", "for", "in", "the", "to", "on", "with", "at", "by", "from", "a", "an", "&"]
)
_GENERIC_BODIES = frozenset(
    [
        "action",
        "improvement",
        "development",
        "work",
        "strategic",
        "service",
        "services",
        "delivery",
        "business",
        "local",
        "national",
        "council",
        "corporate",
        "annual",
        "the",
        "this",
        "our",
        "training",
        "support",
        "recovery",
        "implementation",
        "improvement",
    ]
)


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
        small = w.lower() in ("and", "of", "for", "in", "the", "to", "on", "&", "with", "at", "by")
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


def _strip_start(body: str, start: int) -> tuple[str, int]:
    words = body.split()
    while words and (words[0].lower().strip("'’") in _STOP_START or words[0].lower() in ("&",)):
        cut = body.index(words[0]) + len(words[0])
        start += cut
        body = body[cut:]
        words = body.split()
        lead = len(body) - len(body.lstrip())
        body, start = body.lstrip(), start + lead
    return body, start


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


class PeopleFinder:
    def __init__(self) -> None:
        self.gazetteer = Gazetteer()

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        gaz = self.gazetteer
        for n in find_names(text):
            known = gaz.surnames.get(n.surname.lower(), [])
            accept = bool(n.title) or n.bare in gaz.people
            if not accept and known:
                # "John Gregg" expands the initial of a known "J Gregg"
                accept = any(compatible(n, k) for k in known) and bool(n.initials)
            if not accept and n.given:
                after = text[n.end : n.end + 80]
                role = re.match(r",\s*([A-Z][^,\n.;]{3,70})", after)
                before = text[max(0, n.start - 40) : n.start]
                accept = bool(role and looks_like_role(role.group(1))) or bool(
                    re.search(
                        r"(?:Contact|Authors?|Lead officer|Report author)s?\s*:?\s*$", before, re.I
                    )
                )
            if accept:
                _add_span(doc, n.start, n.end, "PERSON", honorific=n.title)
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
        for m in _ACRONYM_DEF.finditer(text):
            long, start = _strip_start(m.group("long"), m.start("long"))
            acr = m.group("acr")
            if long and acronym_matches(acr, long):
                after = text[m.end() : m.end() + 20]
                head = re.match(
                    rf"\s*(?:{_PROG_HEADS}|programme|project|scheme|service)\b", after, re.I
                )
                orgs = {o.lower() for o in self.gazetteer.organisations}
                org_like = (
                    re.search(rf"\b(?:{_ORG_HEADS})$", long)
                    or re.match(r"(?:Department|Office|Ministry|Agency|Commission)\b", long)
                    or long.lower() in orgs
                    or acr.lower() in orgs
                )
                if head or not org_like:
                    end = m.end() + head.end() if head else m.end()
                    _add_span(doc, start, end, "PROGRAMME", acronym=acr, long=long)
                    self.gazetteer.acronyms[acr] = long
        for m in _PROGRAMME.finditer(text):
            body, start = _strip_start(m.group("body"), m.start("body"))
            if not body or (body.split()[-1] == "Work" and m.group("head").lower() == "programme"):
                continue  # a committee's work programme is a document, not a programme
            words = body.split()
            if len(words) == 1 and words[0].lower() in _GENERIC_BODIES:
                # "the Action Plan", "the Strategic Plan": the link stage finds which one
                _add_span(doc, start, m.end(), "PROGRAMME", generic="1")
                continue
            if m.group("head")[0].islower() and len(words) == 1 and not words[0].isupper():
                continue  # "Coventry programme": a place, not a programme's name
            _add_span(doc, start, m.end(), "PROGRAMME")
        for name in sorted(self.gazetteer.programmes, key=len, reverse=True):
            # long names recur in any case ("the family valued programme"); short ones
            # only as written, so "early help" in prose is not "Early Help"
            flags = re.I if len(name.split()) >= 3 else 0
            for hit in re.finditer(
                rf"(?<![\w'’]){re.escape(name)}(?![\w]){_NOT_A_POST}", text, flags
            ):
                _add_span(doc, hit.start(), hit.end(), "PROGRAMME")
        return _publish(doc)


class OrganisationFinder:
    def __init__(self) -> None:
        self.gazetteer = Gazetteer()

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        for m in _ORGANISATION.finditer(text):
            body, start = m.group("body"), m.start("body")
            cut = list(re.finditer(rf"\b(?:{_PROG_HEADS}) (?:and|&) ", body))
            if cut:  # "the Bluebell Programme and Millbrook School": the school alone
                start += cut[-1].end()
                body = body[cut[-1].end() :]
            body, start = _strip_start(body, start)
            if not body or (len(body.split()) == 1 and body.lower() in _ORG_GENERIC):
                continue
            if m.group("head").islower() and len(body.split()) < 2:
                continue  # "the Fostering team": a lower-case head needs a longer name
            _add_span(doc, start, m.end(), "ORG")
        for name in sorted(self.gazetteer.organisations, key=len, reverse=True):
            flags = 0 if len(name) <= 5 else re.I
            for hit in re.finditer(rf"(?<![\w'’]){re.escape(name)}(?![\w])", text, flags):
                _add_span(doc, hit.start(), hit.end(), "ORG")
        return _publish(doc)


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
        nlp.add_pipe(component).gazetteer = gaz
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


def lead_names(cell: str) -> list[ParsedName]:
    """People named in a work-programme lead cell; a trailing affiliation is not a name.

    >>> [n.bare for n in lead_names("Anna Hargraves, South Warwickshire CCG")]
    ['Anna Hargraves']
    >>> [n.bare for n in lead_names("Kirston Nelson Sara Mills, Jeanette Essex")]
    ['Kirston Nelson', 'Sara Mills', 'Jeanette Essex']
    """
    out: list[ParsedName] = []
    for piece in re.split(r",|\s[-–]\s|/", cell):
        if re.search(r"\b[A-Z]{2,}\b|\b(?:Council|Trust|CCG|NHS|Partnership|University)\b", piece):
            continue  # an affiliation: "South Warwickshire CCG", "SWFT"
        out.extend(find_names(piece))
    return out


def extract(docs: Sequence[Document], meetings: Sequence[MeetingRecord]) -> list[Mention]:
    """Mentions in every document, in document order, longest span first where they nest."""
    gaz = Gazetteer()
    by_doc: dict[str, list[MeetingRecord]] = {}
    for rec in meetings:
        by_doc.setdefault(rec.source, []).append(rec)
    for doc in docs:
        for n in _structured_people(doc, by_doc.get(doc.source, [])):
            gaz.add_person(n)
    for name, aliases in load_curated("programmes"):
        gaz.programmes.update((name, *aliases))
    for name, aliases in load_curated("organisations"):
        gaz.organisations.update((name, *aliases))
    nlp = make_pipeline(gaz)
    # pass 1 discovers programme names and acronyms; pass 2 finds them everywhere
    texts = [plain(d.text) for d in docs]
    for text in texts:
        first = nlp(text)
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
                n = parse_name(span.text)
                if n is not None and n.given:
                    gaz.add_person(n)
    out: list[Mention] = []
    for doc, text in zip(docs, texts, strict=True):
        sdoc = nlp(text)
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


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and not text[start].strip():
        start += 1
    while end > start and not text[end - 1].strip():
        end -= 1
    return start, end
