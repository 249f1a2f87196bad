"""Programmes: naming patterns ("... Programme", "... Strategy", "... Plan", "... Academy", a
service run for residents "... Service", an awareness "... Week", "Operation ..."), names in
quotes, acronym definitions ("Holiday Activities and Food (HAF)"); the gazetteer's names
(curated, and every name found in any document) are found by :mod:`graphkit.find.resolve`.
"""

from __future__ import annotations

import re

from .. import lexicon
from .candidates import PROGRAMME, Candidate
from .patterns import (
    _ACRONYM_DEF,
    _HEAD_WORDS,
    _NOT_A_SERVICE,
    _PROG_HEADS,
    _PROGRAMME,
    _SMALL,
    _mid_sentence,
    _names_a_body,
    _service_is_body,
    _strip_start,
    acronym_matches,
    listed_start,
    named_by_a_proper_word,
    runon_start,
    split_at_inner_head,
)

__all__ = ["find_programmes"]

# A name in quotes is a name: "the 'refer a friend' scheme", "‘Ask Jan’", "'The Coventry Way'".
# The opening quote follows a space or bracket (so "Children's" opens nothing).
_QUOTED = re.compile(
    r"(?:(?<=[\s(\[])|^)[‘'\"“](?P<q>[^‘’'\"“”\n]{2,60}?)[’'\"”](?![A-Za-z])"
    r"(?:\s+(?:[a-z]+\s+)?(?P<head>scheme|programme|campaign|app|pilot|model|project|initiative"
    r"|approach|framework|training|service))?",
    re.M,
)
# police and council operations have code names: "Operation Nightjar"
_OPERATION = re.compile(
    r"(?<![\w'’])Operation (?!(?:Room|Theatre|Centre|Team|Manager|Lead|Officer|Group|Board)\b)"
    r"[A-Z][a-z]+\b(?! [A-Z])"
)
# dates are not names: "Half Term Week", "Easter Week"
_NOT_AN_EVENT = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April"
    r"|May|June|July|August|September|October|November|December|Term|Holiday|Christmas|Easter"
    r"|Half|Working|Calendar|Same|Following|Previous) Week$"
)
_GENERIC_BODIES = lexicon.words("generic_bodies.txt")
_LOCAL_OUR = frozenset(["Local", "Our"])
_BODY_FIRST = re.compile(r"(?:Department|Office|Ministry|Agency|Commission)\b")


def find_programmes(text: str) -> list[Candidate]:
    """The PROGRAMME candidates in ``text``, in the order they are proposed."""
    out: list[Candidate] = []
    for m in _QUOTED.finditer(text):
        q = m.group("q").strip()
        words = q.split()
        content = [w for w in words if w.lower() not in _SMALL]
        titled = len(content) >= 2 and all(w[0].isupper() or w[0].isdigit() for w in content)
        if (m.group("head") and len(words) <= 8) or (titled and len(words) <= 6):
            start = m.start("q")
            out.append(Candidate(start, start + len(m.group("q").rstrip()), PROGRAMME))
    for m in _OPERATION.finditer(text):
        out.append(Candidate(m.start(), m.end(), PROGRAMME))
    out += _acronym_definitions(text)
    for m in _PROGRAMME.finditer(text):
        out += _named(text, m)
    return out


def _acronym_definitions(text: str) -> list[Candidate]:
    """ "Healthy Meals for Kids (HMK)": a programme, unless the name is a body's."""
    out = []
    for m in _ACRONYM_DEF.finditer(text):
        long, start = _strip_start(m.group("long"), m.start("long"))
        acr = m.group("acr")
        spelt = bool(long) and acronym_matches(acr, long)
        if long and not spelt:  # "Avon Maternity, Children and Young People Programme"
            listed = listed_start(text, start, acr, long)
            spelt, start = listed != start, listed
            long = text[start : m.end("long")]
        if not spelt:
            continue
        after = text[m.end() : m.end() + 20]
        head_after = re.match(
            rf"\s*(?:{_PROG_HEADS}|programme|project|scheme|service)\b", after, re.I
        )
        if not head_after and (_names_a_body(long) or _BODY_FIRST.match(long)):
            continue
        end = m.end() + head_after.end() if head_after else m.end()
        # a name or an acronym the gazetteer holds as a body's is not a programme's
        unless = () if head_after else (long.lower(), acr.lower())
        out.append(Candidate(start, end, PROGRAMME, acronym=acr, long=long, unless_body=unless))
    return out


def _named(text: str, m: re.Match[str]) -> list[Candidate]:
    """The programme (or two run together) a naming-pattern match names, if any."""
    # "the Local Supported Housing Strategy", "the Our Manchester Strategy": inside a
    # sentence, the capital word is the name's own
    keep = _LOCAL_OUR if _mid_sentence(text, m.start("body")) else frozenset()
    body, start = _strip_start(m.group("body"), m.start("body"), keep=keep)
    if body.split()[:1] == ["Local"] and len(body.split()) == 1:
        return []  # "the Local Plan": which plan, the link stage cannot tell
    head = m.group("head")
    if not body or f"{body.split()[-1]} {head}".lower() in ("work programme", "forward plan"):
        return []  # a committee's work programme or forward plan is a document
    if head == "Academy" and named_by_a_proper_word(text, m.start("head")):
        return []  # "Leigh Academy" is a school (an organisation)
    name = text[start : m.end()]
    if (
        head.lower() == "service" and (_service_is_body(name) or _NOT_A_SERVICE.search(name))
    ) or _NOT_AN_EVENT.search(name):
        return []  # "National Careers Service" is a body; "Easter Week" a date
    out = []
    start += runon_start(name)
    inner = split_at_inner_head(text[start : m.end()])
    if inner is not None:  # two titles run together: the first is a name too
        out.append(Candidate(start, start + inner[0], PROGRAMME))
        start += inner[1]
    body = text[start : m.start("head")].strip()
    words = body.split()
    if not words:
        return out
    if len(words) == 1 and words[0].lower() in _GENERIC_BODIES:
        # "the Action Plan", "the Strategic Plan": the link stage finds which one
        return [*out, Candidate(start, m.end(), PROGRAMME, generic=True)]
    if head[0].islower() and len(words) == 1 and not words[0].isupper():
        return out  # "Coventry programme": a place, not a programme's name
    if head == "service" and len(words) == 1:
        return out  # "the CAMHS service": the service, not a name
    if head[0].islower() and _HEAD_WORDS.match(words[-1]) and len(words) > 1:
        # "the Better Care Fund plan": the plan of a named programme is that programme
        return [*out, Candidate(start, start + len(body), PROGRAMME)]
    return [*out, Candidate(start, m.end(), PROGRAMME)]
