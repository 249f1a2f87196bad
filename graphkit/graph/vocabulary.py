"""The terms of the contract vocabulary that stand for the records' typed values.

Written once, here: the graph writes them, and whatever reads a graph back
(``graphkit.evaluate``, ``graphkit.view``) inverts these same tables.
"""

from __future__ import annotations

from rdflib import URIRef

from ..model import Capacity, DocKind, Status
from ..vocab import GK

__all__ = ["CAPACITY", "CAPACITY_OF", "DOC_TYPES", "STATUS", "STATUS_OF"]

DOC_TYPES: dict[DocKind, URIRef] = {
    DocKind.MINUTES: GK.Minutes,
    DocKind.AGENDA: GK.Agenda,
    DocKind.AGENDA_PACK: GK.AgendaPack,
    DocKind.BRIEFING_NOTE: GK.BriefingNote,
    DocKind.WORK_PROGRAMME: GK.WorkProgramme,
    DocKind.WEB_PAGE: GK.WebPage,
}
STATUS: dict[Status, URIRef] = {
    Status.PRESENT: GK.Present,
    Status.APOLOGIES: GK.Apologies,
    Status.ABSENT: GK.Absent,
    Status.SUBSTITUTE: GK.Substitute,
}
CAPACITY: dict[Capacity, URIRef] = {
    Capacity.MEMBER: GK.Member,
    Capacity.CO_OPTED: GK.CoOptedMember,
    Capacity.CABINET_MEMBER: GK.CabinetMember,
    Capacity.OTHER_MEMBER: GK.OtherMember,
    Capacity.OFFICER: GK.Officer,
    Capacity.INVITED: GK.Invited,
    Capacity.OBSERVER: GK.Observer,
}
# for readers of a graph: the value a term stands for
STATUS_OF: dict[URIRef, Status] = {term: value for value, term in STATUS.items()}
CAPACITY_OF: dict[URIRef, Capacity] = {term: value for value, term in CAPACITY.items()}
