"""What linking weighs beside the names is found by the find stage; linking never reads text."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any, cast

import pytest

from graphkit.find import ResponseMention, extract, topic_of
from graphkit.link import Linked, link
from graphkit.link.evidence import Evidence
from graphkit.model import Document, MeetingRecord, Mention, WorkProgrammeRow
from graphkit.responses import Event
from graphkit.segment import segment

TEXT = """Minutes of the Meeting of the Parks Committee held at 10.00 am on 10 February 2031

Present:
Councillor A Byrne (Chair)
Councillor B Corrigan

Officers:
G Pryce, Director of Public Realm
H Sato, Finance

1. Holiday Activities and Food Programme Update

Councillor Byrne, Cabinet Member for Parks and Leisure, introduced the 'Move More Together' \
campaign. The Ashcombe Parks Strategic Plan was agreed. The Strategic Plan sets out parks work.

2. Youth Justice

The peer review was held on 3 and 4 March 2031. An Action Plan was developed in response \
to the review.
"""
EVIDENCE = {"LEAD", "ROLE", "TOPIC", "KIND", "CONTEXT", "RESPONSE", "DIRECTORATE"}


class _Unreadable:
    """A document that may be passed around but never read."""

    def __getattribute__(self, name: str) -> Any:
        raise AssertionError(f"linking read Document.{name}")


def _unreadable(docs: list[Document]) -> list[Document]:
    return cast(list[Document], [_Unreadable() for _ in docs])


def _fields(linked: Linked) -> dict[str, object]:
    return {f.name: getattr(linked, f.name) for f in dataclasses.fields(linked)}


@pytest.fixture(scope="module")
def found() -> tuple[Document, list[MeetingRecord], list[Mention]]:
    doc = Document("m.txt", TEXT, "0", "minutes")
    meetings = segment(doc)
    return doc, meetings, extract([doc], meetings)


def test_the_find_stage_reports_what_linking_weighs(found) -> None:
    doc, _, mentions = found
    evidence = [m for m in mentions if m.label in EVIDENCE]
    for m in evidence:  # spans point into the text like every mention's
        assert doc.text[m.start : m.end] == m.text
    got = {(m.label, m.text if m.label != "CONTEXT" else m.text[:16], m.role) for m in evidence}
    assert got == {
        ("ROLE", ", Director of Public Realm", "Director of Public Realm"),
        (
            "ROLE",
            ", Cabinet Member for Parks and Leisure",
            "Cabinet Member for Parks and Leisure",
        ),
        ("TOPIC", "Holiday Activities and Food Programme", None),
        ("TOPIC", "Youth Justice", None),
        ("KIND", "' campaign", None),
        ("CONTEXT", "1. Holiday Activ", None),
        ("CONTEXT", "2. Youth Justice", None),
        ("RESPONSE", "An Action Plan was developed in response to the review", None),
        ("DIRECTORATE", "Finance", None),
    }
    (response,) = [m for m in evidence if isinstance(m, ResponseMention)]
    assert response.event == Event("review", dt.date(2031, 3, 4))
    # a role is found by the end of the name it follows
    roles = {m.start for m in evidence if m.label == "ROLE"}
    assert roles <= {m.end for m in mentions if m.label == "PERSON"}


def test_lead_names_are_found_where_the_row_writes_them() -> None:
    text = "Work programme\nLibraries review | March 2031 | Jane Aldwin, SWFT / Tom Ellery\n"
    start = text.index("Libraries")
    row = WorkProgrammeRow(
        "Libraries review",
        start,
        len(text) - 1,
        lead="Jane Aldwin, SWFT / Tom Ellery",
        lead_start=text.index("Jane"),
    )
    rec = MeetingRecord(
        "wp.txt", "work_programme", "Parks Committee", None, 0, len(text), work_programme=(row,)
    )
    doc = Document("wp.txt", text, "0", "work_programme")
    mentions = extract([doc], [rec])
    leads = [(m.text, m.start) for m in mentions if m.label == "LEAD"]
    assert leads == [("Jane Aldwin", text.index("Jane")), ("Tom Ellery", text.index("Tom"))]
    linked = link(_unreadable([doc]), [rec], mentions)
    assert linked.leads == {("wp.txt", start): ("j-aldwin", "t-ellery")}


def test_evidence_is_indexed_the_way_linking_asks(found) -> None:
    _, _, mentions = found
    ev = Evidence.of(mentions)
    assert set(ev.roles_after.values()) == {
        "Director of Public Realm",
        "Cabinet Member for Parks and Leisure",
    }
    assert ev.kinds_after == {("m.txt", TEXT.index("' campaign"))}
    at = TEXT.index("Youth Justice")
    topic = ev.topic_at("m.txt", "Youth Justice", at - 5, at + 100)
    assert topic is not None and topic.start == at
    assert ev.topic_at("m.txt", "Youth Justice", at + 1, at + 100) is None
    assert [d.text for d in ev.directorates] == ["Finance"]
    assert ev.leads == {}


def test_linking_never_reads_the_documents(found) -> None:
    doc, meetings, mentions = found
    council = "Ashcombe City Council"
    read = link([doc], meetings, mentions, council=council)
    unread = link(_unreadable([doc]), meetings, mentions, council=council)
    assert _fields(unread) == _fields(read)
    assert {m.role for m in unread.memberships} >= {"Director of Public Realm", "Chair"}
    assert "Finance" in {o.pref_label for o in unread.organisations}


def test_linking_the_seeds_needs_no_text(seeds_result) -> None:
    unread = link(
        _unreadable(seeds_result.documents),
        seeds_result.meetings,
        seeds_result.mentions,
        council=seeds_result.council,
    )
    assert _fields(unread) == _fields(seeds_result.linked)


@pytest.mark.parametrize(
    ("title", "topic"),
    [
        ("Holiday Activities Update", "Holiday Activities"),
        ("Libraries Strategy - Progress Report", "Libraries Strategy"),
        # items that run the meeting name no topic, however the agenda words them
        ("To receive apologies", None),
        ("2. To approve the minutes of the meeting held on 4 May", None),
        ("Chair’s Announcements", None),
        ("NOTICE OF RECORDING/WEBCAST", None),
        ("Welcome, Introductions and Housekeeping", None),
        ("Declaration of Interests", None),
        ("Dates of Future Meetings", None),
        ("Public Speaking", None),
        ("Audit Committee Minutes", None),
        ("Proposed Scrutiny Forward Work Programme 2031/32", None),
        ("Minority Group Leader Questions", None),
        ("Verbal Update", None),
        # an urgent item's own subject after the dash
        ("Urgent Business - Flood Response", "Flood Response"),
        ("Introduction to the Scrutiny Process", "Introduction to the Scrutiny Process"),
    ],
)
def test_an_items_topic(title: str, topic: str | None) -> None:
    assert topic_of(title) == topic
