"""What linking weighs beside the names: work-programme leads, posts written after a name,
agenda-item topics, the kind after a quoted name, the items around a generic programme,
responses to dated events and officers' directorates.

Linking (graphkit.link) reads records and mentions, never the text: the words it weighs
beside a name are found here, each as a mention of its own label whose span points into
``Document.text`` like every other.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .. import lexicon
from ..model import Document, MeetingRecord, Mention
from ..names import looks_like_role
from ..responses import Event, responses
from .people import lead_names

__all__ = [
    "CONTEXT",
    "DIRECTORATE",
    "KIND",
    "LEAD",
    "PROGRAMME_WORD",
    "RESPONSE",
    "ROLE",
    "TOPIC",
    "ResponseMention",
    "link_evidence",
    "topic_of",
    "topic_window",
]

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
_ROLE_WRITTEN_AFTER = re.compile(r",[ \t]*([A-Z][^,\n.;()|]{3,70})")  # not past a table cell
_QUOTE_CLOSED = re.compile(r"^['’\"”]\s*")
_PLAN_NAME = re.compile(r"\bplan$", re.I)


@dataclass(frozen=True)
class ResponseMention(Mention):
    """A sentence saying something was done in response to a dated event (see
    graphkit.responses); ``label`` is :data:`RESPONSE`."""

    event: Event = field(kw_only=True)


_EMPTY_TOPIC = lexicon.words("empty_topic_words.txt")
# "Urgent Business - Flood Response": an urgent item's own subject after the dash
_URGENT_LEAD = re.compile(
    r"^\W*(?:\d+\W*)?urgent (?:business|items?|matters?)\s*[-–:]\s*(?=\w)", re.I
)
# a decision's reference number before its title: "24/00023 - School Term Dates"
_DECISION_NUMBER = re.compile(r"^\s*\d{2}/\d{5}\b\s*[-–:]?\s*(?=\w)")
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
    >>> topic_of("Urgent Business"), topic_of("Urgent Item: Flood Response")
    (None, 'Flood Response')
    >>> topic_of("Verbal Update") is None
    True
    >>> topic_of("24/00023 - School Term Dates 2025/26"), topic_of("2024/25 Budget Monitoring")
    ('School Term Dates 2025/26', '2024/25 Budget Monitoring')
    """
    title = _DECISION_NUMBER.sub("", _URGENT_LEAD.sub("", title))
    if lexicon.is_procedural_title(title.strip()) or _REPORT_SECTION.fullmatch(title.strip(" .:")):
        return None
    topic = _TITLE_TAIL.sub("", title).strip(" -–:")
    topic = re.sub(r"\s*\([^)]*\)$", "", topic).strip()
    if topic.lower() in _EMPTY_TOPIC:  # "Verbal Update": no subject left
        return None
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
                # not past the row: a lead the text does not write reads no further
                pos = doc.text.find(n.text, row.lead_start, row.end + len(n.text))
                if pos != -1:
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
    starts = sorted(m.start for m in names if m.label == "PROGRAMME" and m.generic)
    # a span holds a mention when the first mention at or after its start is before its end
    held = set()
    for s, e in spans:
        i = bisect.bisect_left(starts, s)
        if i < len(starts) and starts[i] < e:
            held.add((s, e))
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
