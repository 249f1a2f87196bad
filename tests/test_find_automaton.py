"""graphkit.find.automaton: where a kind's names recur, in one pass over a text."""

from __future__ import annotations

import re

from graphkit.find.automaton import NameIndex, fold


def test_folding_keeps_offsets_and_takes_what_ignorecase_takes() -> None:
    for text in ("Early HELP", "İstanbul Week", "ſtrategy", "KELVIN \u212a", "Straße"):
        assert len(fold(text)) == len(text)
    assert fold("\u212a") == fold("k") == fold("K")
    assert fold("ſ") == fold("S")


def test_a_names_occurrences_do_not_overlap_as_with_finditer() -> None:
    index = NameIndex(["Ab Ab"], lambda name: False)
    text = "Ab Ab Ab; Ab Ab"
    expected = [m.span() for m in re.finditer(r"(?<![\w'’])Ab Ab(?![\w])", text)]
    assert index.find(text) == expected == [(0, 5), (10, 15)]


def test_each_name_keeps_its_own_case_rule() -> None:
    index = NameIndex(["HAF", "Holiday Activities and Food"], lambda name: len(name) > 5)
    text = "haf, HAF, holiday activities and food, HAFs, HAF's"
    assert [(text[s:e], s) for s, e in index.find(text)] == [
        ("HAF", 5),
        ("holiday activities and food", 10),
        ("HAF", 45),  # an apostrophe ends a word
    ]


def test_a_post_after_a_name_and_an_empty_name_find_nothing() -> None:
    index = NameIndex(["Early Help", ""], lambda name: False, not_after=re.compile(" Manager"))
    assert index.find("the Early Help Manager") == []
    assert NameIndex([], lambda name: True).find("anything") == []
