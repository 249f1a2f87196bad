"""Stage 4: mentions → entities, with a reason for every merge.

Linking reads the meeting records and the mentions the find stage made, never the
documents' text: what it weighs beside a name (a role written after it, the
directorate beside an officer, the topic an item's title names, …) is found by
graphkit.find and comes among the mentions (see :mod:`graphkit.link.evidence`).

* :mod:`~graphkit.link.people`: names clustered into persons; the aliases file.
* :mod:`~graphkit.link.roles`: roles over time, from dated records.
* :mod:`~graphkit.link.programmes`: programme names and item topics grouped into
  concepts (the rules: :mod:`~graphkit.link.programme_grouping`), generic names
  resolved, plans answering one event merged.
* :mod:`~graphkit.link.organisations`: organisation names grouped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from .. import lexicon
from ..find import topic_of
from ..model import Document, MeetingRecord, Mention
from .evidence import Evidence
from .linked import Linked
from .organisations import link_organisations
from .people import link_people, load_aliases
from .programme_names import programme_key
from .programmes import link_programmes
from .roles import link_roles

__all__ = ["Linked", "link", "load_aliases", "programme_key", "topic_of"]

_KINDS = lexicon.alternation(lexicon.council_kinds())


def place_of(council: str) -> str:
    """The council's place, as programme names may start with it.

    >>> place_of("Coventry City Council"), place_of("Kent County Council"), place_of("")
    ('coventry', 'kent', '')
    """
    return re.sub(
        rf"\s+{_KINDS}.*$|\s+council$",
        "",
        council.lower(),
    ).strip()


def link(
    docs: Sequence[Document],
    meetings: Sequence[MeetingRecord],
    mentions: Sequence[Mention],
    *,
    aliases: str | Path | None = None,
    council: str = "",
) -> Linked:
    """Resolve mentions to people, programmes and organisations; derive roles over time.

    ``docs`` are the documents the records and mentions point into; they are not read
    (the stage keeps the signature every stage has).
    """
    linked = Linked()
    evidence = Evidence.of(mentions)
    sightings = link_people(meetings, mentions, evidence, load_aliases(aliases), linked)
    linked.memberships += link_roles(meetings, linked.attendees, sightings, evidence.roles_after)
    link_programmes(meetings, mentions, evidence, place_of(council), linked)
    link_organisations(mentions, evidence, linked)
    linked.resolved.sort(key=lambda t: (t[0].source, t[0].start, t[0].end, t[1], t[2]))
    linked.ambiguities.sort()
    return linked
