"""Tests of graphkit.link.roles."""

from __future__ import annotations

import datetime as dt

from graphkit.link.roles import Sighting, link_roles
from graphkit.model import AttendanceRecord, MeetingRecord, Mention

D = dt.date


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
