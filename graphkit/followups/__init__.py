"""Follow scrutiny requests to their answers, and work programmes to what was taken.

``records`` holds what the rules read (items, requests, entries of one council);
``due`` reads due-time phrases; ``match`` finds the later items and entries that may
answer a request, each with its rules and score; ``register`` gives each request its
status; ``plan`` compares each work programme with the meetings of its year.
``graphkit.graph.followups`` runs them on a build's records and writes the results into
the graph; ``report`` reads them back from a graph for the command line.
"""

from __future__ import annotations

from .due import Due, find_due
from .match import Match, candidates
from .plan import PlanRow, compare_plan
from .records import Corpus, Entry, Item, Request, request_kind
from .register import FollowUp, follow_up, register

__all__ = [
    "Corpus",
    "Due",
    "Entry",
    "FollowUp",
    "Item",
    "Match",
    "PlanRow",
    "Request",
    "candidates",
    "compare_plan",
    "find_due",
    "follow_up",
    "register",
    "request_kind",
]
