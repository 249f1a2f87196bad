"""Programme names in quotes, and names that are posts rather than programmes."""

from __future__ import annotations

import pytest

from graphkit.extract import extract
from graphkit.model import Document


def programmes(text: str) -> list[str]:
    doc = Document("t.txt", text, "0" * 64, "minutes")
    return [m.text for m in extract([doc], []) if m.label == "PROGRAMME"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The launch of a 'buddy up' scheme in May helped.", ["buddy up"]),
        ("Staff joined the ‘Lantern Evenings’ pilot last year.", ["Lantern Evenings"]),
        ("Officers described 'The Harbour Way' as the new approach.", ["The Harbour Way"]),
        ("It supported the \u201cHomes First\u201d government campaign.", ["Homes First"]),
    ],
)
def test_a_name_in_quotes_is_a_name(text: str, found: list[str]) -> None:
    assert programmes(text) == found


@pytest.mark.parametrize(
    "text",
    [
        "The Children's Hub said results were 'good' this year.",  # a rating, not a name
        "Families' views were heard; the Board's work continued.",  # possessives open nothing
    ],
)
def test_quotes_and_apostrophes_that_are_not_names(text: str) -> None:
    assert programmes(text) == []


def test_a_post_named_after_a_programme_is_not_the_programme() -> None:
    text = (
        "Ann Lee, Riverside Renewal Programme Manager, reported on the Riverside Renewal Programme."
    )
    assert programmes(text) == ["Riverside Renewal Programme"]
