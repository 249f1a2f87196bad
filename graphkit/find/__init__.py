"""Stage 3, find: mentions of people, programmes and organisations in any text.

The stage is a map and a small reduce:

* :func:`find_in_document` (the map, pure and picklable): what one document holds, read
  from it alone: the names its structured parts introduce, the bodies its lead cells name,
  and its candidate mentions (:mod:`.people`, :mod:`.programmes`, :mod:`.organisations`),
  some of which wait for what other documents say;
* :meth:`Gazetteer.from_findings` (the reduce, order-independent): the names every
  document introduced and the curated lists;
* :func:`resolve`: one document's mentions, its candidates the gazetteer lets through and
  the gazetteer's names wherever it writes them (one automaton per kind);
* :func:`extract` runs the three, each document within a time limit, then
  :func:`link_evidence` (:mod:`.evidence`), what linking weighs beside the names.

Titles that PDF or table text runs together are cut apart first (:mod:`.patterns`). A
trained pipeline is never needed. The finders read the text with markup blanked out and
soft line breaks joined (same offsets), so every span points into ``Document.text``.
"""

from __future__ import annotations

from .candidates import Candidate, DocumentFindings
from .evidence import (
    CONTEXT,
    DIRECTORATE,
    KIND,
    LEAD,
    PROGRAMME_WORD,
    RESPONSE,
    ROLE,
    TOPIC,
    ResponseMention,
    link_evidence,
    topic_of,
    topic_window,
)
from .findings import find_in_document
from .gazetteer import Gazetteer, load_curated
from .patterns import (
    acronym_matches,
    in_a_post,
    listed_start,
    runon_start,
    split_at_inner_head,
    unwrap,
)
from .people import lead_affiliations, lead_names
from .resolve import resolve
from .stage import extract

__all__ = [
    "CONTEXT",
    "DIRECTORATE",
    "KIND",
    "LEAD",
    "PROGRAMME_WORD",
    "RESPONSE",
    "ROLE",
    "TOPIC",
    "Candidate",
    "DocumentFindings",
    "Gazetteer",
    "ResponseMention",
    "acronym_matches",
    "extract",
    "find_in_document",
    "in_a_post",
    "lead_affiliations",
    "lead_names",
    "link_evidence",
    "listed_start",
    "load_curated",
    "resolve",
    "runon_start",
    "split_at_inner_head",
    "topic_of",
    "topic_window",
    "unwrap",
]
