"""Organisations: a curated list of national bodies (in the gazetteer); naming patterns
("... City Council", "... Partnership", "... Panel", "... Ltd", "Broad Park House"); acronyms
defined for a body ("... Foundation Trust (SWFT)"); bodies named by what they do with the
council ("partnership working with Valpak", "a report by ..."); affiliations in
work-programme lead cells (:func:`graphkit.find.people.lead_affiliations`).
"""

from __future__ import annotations

import re

from .. import lexicon
from ..names import looks_like_role
from .candidates import ORG, Candidate
from .patterns import (
    _ACRONYM_DEF,
    _CAP_WORD,
    _HEAD_FIRST,
    _OF_TAIL,
    _ORG_FIRST,
    _ORG_HEADS,
    _ORGANISATION,
    _POST_OF,
    _PROG_HEADS,
    _PROGRAMME,
    _SMALL,
    _STOP_START,
    _names_a_body,
    _service_is_body,
    _strip_start,
    acronym_matches,
    named_by_a_proper_word,
    runon_start,
    split_at_inner_head,
)
from .people import is_a_person

__all__ = ["find_organisations"]

# a building needs a name of its own: "Broad Park House", not "Council House" or "City Centre"
_FACILITY = re.compile(r"^(?:\S+ )+\S+ (?:House|Centre)$")
_NOT_FACILITY = re.compile(r"\b(?:City|Town|Village) Centre$")
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
    rf"(?P<name>{_CAP_WORD}(?: (?:(?:and|&|of|for) )?{_CAP_WORD}){{0,5}}"
    r"(?: (?:housing|homes|trust|charity|foundation|group|association))?)(?![\w'’])"
)
_NOT_A_BODY = lexicon.words("not_a_body.txt")
# a single word repeated as the first word after "and" is a place, then that place's body
_PLACE_AND_BODY = re.compile(rf"(?<![\w'’])({_CAP_WORD}) (?:and|&) (?=\1(?![\w'’]))")
# "Bramwell Mind, a local charity": a body described as one
_ORG_APPOSITION = re.compile(
    rf"(?<![\w'’])(?P<name>{_CAP_WORD}(?: (?:(?:and|&|of|for) )?{_CAP_WORD}){{0,5}}), (?:a|an|the)"
    r" (?:local |national |regional |registered |small |city-wide )?(?:charity|social enterprise"
    r"|housing association|community interest company|voluntary (?:group|organisation)"
    r"|not-for-profit|company|firm|consultancy|provider)\b"
)
# the Cabinet as a body, not a post ("Cabinet Member for Housing") or a paper
_CABINET = re.compile(
    r"(?<![\w'’])Cabinet\b(?!['’]?s? (?:Member|Members|Lead|Leads|Portfolio|Secretary|Office"
    r"|Minister|Report|Paper|Briefing|Advisory)\b)(?! [A-Z])"
)
_ORG_GENERIC = lexicon.words("org_generic.txt")
_REPORT_AFTER = re.compile(r" (?:Annual )?(?:Report|Update)\b")

_HEAD_AFTER = re.compile(
    rf" {lexicon.alternation(lexicon.words('programme_following_heads.txt'))}\b"
)


def find_organisations(text: str) -> tuple[list[Candidate], list[str]]:
    """The ORG candidates in ``text`` in the order they are proposed, and the acronyms it
    defines for a body (which the gazetteer finds wherever they recur)."""
    out = _by_head_noun(text)
    for m in _CABINET.finditer(text):
        out.append(Candidate(m.start(), m.end(), ORG))
    out += _schools(text)
    bodies = _by_acronym(text, out)
    out += _by_context(text)
    return out, bodies


def _by_head_noun(text: str) -> list[Candidate]:
    """ "Harrowgate Leisure Trust", "Fostering Panel", "Broad Park House"."""
    return [c for m in _ORGANISATION.finditer(text) for c in _head_noun(text, m)]


def _head_noun(text: str, m: re.Match[str]) -> list[Candidate]:
    """The body (or two run together) a head-noun match names, if any."""
    out: list[Candidate] = []
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
    if len(body.split()) == 1 and re.search(r"[A-Z][\w'’]* to $", text[max(0, start - 40) : start]):
        return out  # "Somewhere Safe to Stay Hub": the name began before "to"
    cut = list(_ORG_END_AND.finditer(body))
    if cut:  # "Renew Health CIC and Harrowgate Leisure Trust": two bodies
        first = re.sub(r" (?:and|&) $", "", body[: cut[-1].end()])
        first, first_start = _strip_start(first, start, keep=_ORG_FIRST)
        if len(first.split()) > 1 and (not first.endswith(" Service") or _service_is_body(first)):
            out.append(Candidate(first_start, first_start + len(first), ORG))
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
        return out
    if m.group("head").islower() and len(body.split()) < 2:
        return out  # "the Fostering team": a lower-case head needs a longer name
    name = text[start : m.end()]
    head = m.group("head")
    if _REPORT_AFTER.match(text, m.end()) and (
        len(name.split()) > 6 or re.search(r" (?:in|of|for) ", name)
    ):
        return out  # a long run of title words before "Annual Report" is a table row
    if head == "Service" and not _service_is_body(name):
        return out  # a service the council runs is found as a programme
    if head in ("House", "Centre") and (not _FACILITY.match(name) or _NOT_FACILITY.search(name)):
        return out
    start += runon_start(name)
    inner = split_at_inner_head(text[start : m.end()])
    if inner is not None:  # "UK Shared Prosperity Fund Business Growth Hub"
        start += inner[1]
    end = m.end()
    tail = _OF_TAIL.match(text, end) if head in _HEAD_FIRST else None
    out.append(Candidate(start, tail.end() if tail else end, ORG))
    return out


def _by_acronym(text: str, out: list[Candidate]) -> list[str]:
    """ "South Warwickshire Foundation Trust (SWFT)": the acronym names the body too; the
    bodies' candidates join ``out``, their acronyms are returned."""
    bodies = []
    for m in _ACRONYM_DEF.finditer(text):
        long, start = _strip_start(m.group("long"), m.start("long"), keep=_ORG_FIRST)
        long_start = start + runon_start(long)
        long = text[long_start : m.end("long")]
        acr = m.group("acr")
        if long and _names_a_body(long) and acronym_matches(acr, long):
            out.append(Candidate(long_start, m.end("long"), ORG))
            bodies.append(acr)
    return bodies


# "Leigh Academy": a school named after a place or a person, not a programme
_ACADEMY = re.compile(r"(?<![\w'’-])[A-Z][a-z]+ (?P<head>Academy)\b")


def _schools(text: str) -> list[Candidate]:
    """Academies named by one proper word ("Leigh Academy"), which are schools; an
    academy named in common words ("the Social Work Academy") is a programme."""
    return [
        Candidate(m.start(), m.end(), ORG)
        for m in _ACADEMY.finditer(text)
        if named_by_a_proper_word(text, m.start("head"))
    ]


def _by_context(text: str) -> list[Candidate]:
    """ "partnership working with Valpak", "a report by Crisis and Centrepoint",
    "Bramwell Mind, a local charity". Each waits for the gazetteer: a programme's name
    names no body."""
    out = []
    for m in _ORG_CONTEXT.finditer(text):
        at = m.start("name")
        for piece in re.split(r"( (?:and|&) )", m.group("name")):
            # "funded by the Government’s Holiday Fund Grant": the government's programme
            name, name_at = _strip_start(piece, at)
            end = name_at + len(name)
            # "working with Jane Hill" names a person
            if (
                name
                and _named_body(name)
                and not is_a_person(name)
                and not _PROGRAMME.fullmatch(name)
                and not _HEAD_AFTER.match(text, end)
            ):
                out.append(Candidate(name_at, end, ORG, unless_programme=name))
            at += len(piece)
    for m in _ORG_APPOSITION.finditer(text):
        # described as a charity or a company: one body, whatever its name looks like
        if _named_body(m.group("name"), described=True):
            name = m.group("name")
            out.append(Candidate(m.start("name"), m.end("name"), ORG, unless_programme=name))
    return out


def _named_body(name: str, described: bool = False) -> bool:
    """Whether ``name`` can be a body's own name (unless it is a programme's, which the
    gazetteer tells); one ``described`` as a charity may begin with a common word
    ("Carers Together Westmere")."""
    words = name.split()
    return (
        bool(words)
        and words[0].lower()
        not in (_STOP_START | _SMALL if described else _NOT_A_BODY | _STOP_START | _SMALL)
        and not _ORGANISATION.fullmatch(name)  # named by its head noun, found above
        and not re.fullmatch(_ORG_HEADS, name)  # "the Department" alone names nothing
        and not looks_like_role(name)
    )
