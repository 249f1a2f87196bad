"""Tests of graphkit.link.programme_grouping."""

from __future__ import annotations

from graphkit.link.linked import Linked
from graphkit.link.programme_grouping import CURATED, group_programmes
from graphkit.model import Mention


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
