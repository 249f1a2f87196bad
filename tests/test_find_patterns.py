"""graphkit.find.patterns: the helpers the finders share."""

from __future__ import annotations

import pytest

from graphkit.find import acronym_matches


# -- helpers --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("acronym", "long", "matches"),
    [
        ("HMK", "Healthy Meals for Kids", True),
        ("BMP", "Bluebell Mentoring Programme", True),
        ("RYS", "Riverside Youth Strategy", True),
        ("HMKs", "Healthy Meals for Kids", True),
        ("HM", "Healthy Meals for Kids", False),  # every main word must be used
        ("XYZ", "Healthy Meals for Kids", False),
    ],
)
def test_acronym_matches(acronym: str, long: str, matches: bool) -> None:
    assert acronym_matches(acronym, long) is matches
