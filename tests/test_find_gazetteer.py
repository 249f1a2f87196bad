"""graphkit.find.gazetteer: the reduce of every document's findings, whatever their order."""

from __future__ import annotations

import itertools

import pytest

from graphkit.find import Gazetteer, extract, find_in_document, resolve
from graphkit.model import Document, MeetingRecord
from graphkit.segment import segment

TEXTS = {
    "attendance.txt": (
        "Minutes of the Meeting of the Parks Committee held on 5 March 2031\n\n"
        "Present: Councillor Z Gregg (Chair)\n\n1. Parks\n\nThe report was noted.\n"
    ),
    "prose.txt": (
        "The Panel heard from Zebulon Gregg and from Yarrow Fenwick about the Kestrel "
        "Valley Renewal Programme. Work was delivered by Greenloop."
    ),
    "later.txt": (
        "Officers said the kestrel valley renewal programme grew. Yarrow Fenwick, Director "
        "of Parks, agreed."
    ),
    "quoted.txt": "Residents joined the 'Greenloop' scheme in May.",
}


def documents(order: tuple[str, ...]) -> tuple[list[Document], list[MeetingRecord]]:
    docs = [Document(name, TEXTS[name], "0" * 64, "minutes") for name in order]
    return docs, [r for d in docs for r in segment(d)]


def gazetteer(order: tuple[str, ...]) -> Gazetteer:
    docs, meetings = documents(order)
    return Gazetteer.from_findings(
        find_in_document(d, [r for r in meetings if r.source == d.source]) for d in docs
    )


ORDERS = list(itertools.permutations(sorted(TEXTS)))


def test_what_the_documents_introduce() -> None:
    gaz = gazetteer(ORDERS[0])
    # the attendance record's name; a full name expanding its initial; one with a post
    assert {"Z Gregg", "Zebulon Gregg", "Yarrow Fenwick"} <= set(gaz.people)
    assert {"Kestrel Valley Renewal Programme", "Greenloop"} <= gaz.programmes
    assert "Greenloop" not in gaz.organisations


@pytest.mark.parametrize("order", ORDERS[1:])
def test_the_same_gazetteer_whatever_the_order(order: tuple[str, ...]) -> None:
    assert gazetteer(order) == gazetteer(ORDERS[0])


@pytest.mark.parametrize("order", ORDERS[1:])
def test_the_same_mentions_whatever_the_order(order: tuple[str, ...]) -> None:
    def by_source(order: tuple[str, ...]) -> dict[str, list[tuple[str, str, int]]]:
        out: dict[str, list[tuple[str, str, int]]] = {}
        for m in extract(*documents(order)):
            out.setdefault(m.source, []).append((m.label, m.text, m.start))
        return out

    assert by_source(order) == by_source(ORDERS[0])


def test_a_name_another_document_introduces_is_found_in_every_document() -> None:
    docs, meetings = documents(ORDERS[0])
    people = {(m.source, m.text) for m in extract(docs, meetings) if m.label == "PERSON"}
    assert ("prose.txt", "Yarrow Fenwick") in people  # introduced with a post in later.txt
    assert ("prose.txt", "Zebulon Gregg") in people  # expands attendance.txt's "Z Gregg"
    # without the other documents, neither is a person's name by itself
    [prose] = [d for d in docs if d.source == "prose.txt"]
    alone = find_in_document(prose, [])
    assert [
        m.text
        for m in resolve(prose, alone, Gazetteer.from_findings([alone]))
        if m.label == "PERSON"
    ] == []


def test_a_programme_a_document_names_is_no_body_in_another() -> None:
    docs, meetings = documents(ORDERS[0])
    found = extract(docs, meetings)
    assert ("prose.txt", "Greenloop") not in {(m.source, m.text) for m in found if m.label == "ORG"}
    [prose] = [d for d in docs if d.source == "prose.txt"]
    alone = find_in_document(prose, [])
    bodies = resolve(prose, alone, Gazetteer.from_findings([alone]))
    assert [m.text for m in bodies if m.label == "ORG"] == ["Greenloop"]


def test_curated_lists_are_optional() -> None:
    assert Gazetteer.from_findings([], curated=False) == Gazetteer()
    curated = Gazetteer.from_findings([])
    assert curated.programmes and curated.organisations and not curated.people
