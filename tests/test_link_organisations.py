"""Tests of graphkit.link.organisations."""

from __future__ import annotations

from graphkit.link.evidence import Evidence
from graphkit.link.linked import Linked
from graphkit.link.organisations import link_organisations
from graphkit.model import Mention


def _mentions(label: str, *names: str, source: str = "a.txt") -> list[Mention]:
    out, at = [], 0
    for n in names:
        out.append(Mention(label, n, at, at + len(n), source))
        at += len(n) + 3
    return out


def test_organisations_join_their_acronym_and_place_and_directorates_count() -> None:
    linked = Linked()
    mentions = _mentions(
        "ORG", "Ashbourne Vale Foundation Trust", "AVFT", "Leeds", "Leeds City Council"
    )
    directorate = Mention("DIRECTORATE", "Law and Governance", 500, 518, "a.txt")
    link_organisations(mentions, Evidence.of([directorate]), linked)
    assert {(o.pref_label, o.alt_labels) for o in linked.organisations} == {
        ("Ashbourne Vale Foundation Trust", ("AVFT",)),
        ("Leeds City Council", ("Leeds",)),
        ("Law and Governance", ()),
    }
    assert sorted(linked.merges) == [
        "organisation 'avft' = 'ashbourne vale foundation trust': its acronym or its place",
        "organisation 'leeds' = 'leeds city council': its acronym or its place",
    ]
    assert ("org", "law-and-governance") in {(k, key) for _, k, key in linked.resolved}
