"""The typed values of the records: str enums, so producers that pass strings still work."""

from __future__ import annotations

import json

from graphkit.graph.vocabulary import CAPACITY, CAPACITY_OF, DOC_TYPES, STATUS, STATUS_OF
from graphkit.model import (
    CAPACITIES,
    DOC_KINDS,
    STATUSES,
    AttendanceRecord,
    Capacity,
    DocKind,
    Status,
)
from graphkit.vocab import GK


def test_values_compare_equal_to_their_strings() -> None:
    assert Status.PRESENT == "present" and Capacity.CO_OPTED == "co-opted"
    assert DocKind.AGENDA_PACK == "agenda_pack"
    assert Status("apologies") is Status.APOLOGIES
    # str(), f-strings and JSON give the value, as the plain strings did
    assert str(Capacity.CABINET_MEMBER) == f"{Capacity.CABINET_MEMBER}" == "cabinet-member"
    assert json.dumps([Status.ABSENT]) == '["absent"]'


def test_each_value_has_one_term() -> None:
    assert set(STATUS) == set(Status) and set(CAPACITY) == set(Capacity)
    assert set(DOC_TYPES) == set(DocKind)
    assert STATUS["present"] == GK.Present  # a plain string finds its term too
    assert CAPACITY_OF[GK.CoOptedMember] is Capacity.CO_OPTED
    assert STATUS_OF[GK.Substitute] is Status.SUBSTITUTE
    assert len(set(STATUS.values())) == len(STATUS) and len(set(CAPACITY.values())) == len(CAPACITY)


def test_the_plain_tuples_list_the_values() -> None:
    assert set(STATUSES) == {"present", "apologies", "absent", "substitute"}
    assert "co-opted" in CAPACITIES and "web_page" in DOC_KINDS


def test_a_record_takes_a_string_or_a_value() -> None:
    a = AttendanceRecord("Cllr A Bee", 0, 10, "present", "member", "Present")
    b = AttendanceRecord("Cllr A Bee", 0, 10, Status.PRESENT, Capacity.MEMBER, "Present")
    assert a == b
    assert Capacity.CO_OPTED.words == "co-opted member" and Capacity.OFFICER.words == "officer"
