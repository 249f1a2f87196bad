"""The parts of graphkit.link, each on its own: programme grouping, organisations, roles."""

from __future__ import annotations

import datetime as dt

from graphkit.link.evidence import Evidence
from graphkit.link.linked import Linked
from graphkit.link.organisations import link_organisations
from graphkit.link.programme_grouping import CURATED, group_programmes
from graphkit.link.roles import Sighting, link_roles
from graphkit.model import AttendanceRecord, MeetingRecord, Mention

D = dt.date


def _mentions(label: str, *names: str, source: str = "a.txt") -> list[Mention]:
    out, at = [], 0
    for n in names:
        out.append(Mention(label, n, at, at + len(n), source))
        at += len(n) + 3
    return out


def test_programme_names_are_grouped_under_their_least_normal_form() -> None:
    linked = Linked()
    names = [
        "Holiday Activities and Food (HAF) Programme",
        "HAF",
        "Saplings Programme",
        "Early Years Saplings Programme",
        "Family Values",
        "Family Valued",
        "Riverside Youth Strategy",
    ]
    roots = group_programmes(_mentions("PROGRAMME", *names), "ashcombe", linked)
    groups: dict[str, set[str]] = {}
    for text, root in roots.items():
        if not text.startswith(CURATED):
            groups.setdefault(root, set()).add(text)
    assert groups == {
        "early year sapling": {"Saplings Programme", "Early Years Saplings Programme"},
        "family value": {"Family Values", "Family Valued"},
        "haf": {"Holiday Activities and Food (HAF) Programme", "HAF"},
        "riverside youth strategy": {"Riverside Youth Strategy"},
    }
    assert linked.merges == [
        "programme 'family value' = 'family valued': one-word spelling variant"
    ]


def test_a_short_name_ending_two_longer_names_is_kept_apart_and_reported() -> None:
    linked = Linked()
    names = ["Saplings Programme", "Early Years Saplings Programme", "Forest Saplings Programme"]
    roots = group_programmes(_mentions("PROGRAMME", *names), "", linked)
    assert len({roots[n] for n in names}) == 3
    assert linked.ambiguities == [
        "programme 'sapling' could be part of any of: early year sapling; forest sapling; "
        "kept apart"
    ]


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


def _meeting(source: str, date: dt.date, *attendance: AttendanceRecord) -> MeetingRecord:
    return MeetingRecord(source, "minutes", "Parks Committee", date, 0, 1000, attendance=attendance)


def test_roles_run_from_the_first_to_the_last_record_showing_them() -> None:
    chair = AttendanceRecord(
        "Councillor A Byrne", 10, 28, "present", "member", "Present", chair=True
    )
    officer = AttendanceRecord("G Pryce", 40, 47, "present", "officer", "Officers")
    meetings = [
        _meeting("feb.txt", D(2031, 2, 10), chair, officer),
        _meeting("jul.txt", D(2031, 7, 7), chair),
    ]
    attendees = {("feb.txt", 10): "a-byrne", ("jul.txt", 10): "a-byrne", ("feb.txt", 40): "g-pryce"}
    pryce = Mention("PERSON", "G Pryce", 40, 47, "feb.txt")
    later = Mention("PERSON", "G Pryce", 300, 307, "jul.txt")
    roles_after = {
        ("feb.txt", 47): "Director of Public Realm",
        ("jul.txt", 307): "Director of Public Realm",
    }
    sightings = [
        Sighting("g-pryce", pryce, D(2031, 2, 10)),
        Sighting("g-pryce", later, D(2031, 7, 7)),
        Sighting("g-pryce", Mention("PERSON", "G Pryce", 900, 907, "x.txt"), None),  # undated
    ]
    got = {
        (m.person, m.role, m.organisation, m.committee, m.start, m.end, m.sources)
        for m in link_roles(meetings, attendees, sightings, roles_after)
    }
    assert got == {
        (
            "a-byrne",
            "Chair",
            "committee",
            "Parks Committee",
            D(2031, 2, 10),
            D(2031, 7, 7),
            ("feb.txt", "jul.txt"),
        ),
        (
            "a-byrne",
            "Member",
            "committee",
            "Parks Committee",
            D(2031, 2, 10),
            D(2031, 7, 7),
            ("feb.txt", "jul.txt"),
        ),
        (
            "g-pryce",
            "Director of Public Realm",
            "council",
            None,
            D(2031, 2, 10),
            D(2031, 7, 7),
            ("feb.txt", "jul.txt"),
        ),
    }
