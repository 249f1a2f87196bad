"""graphkit.find.people: people in invented texts."""

from __future__ import annotations

import pytest
from stage_helpers import mentions, of, page_mentions

from graphkit.find import lead_names


# -- people ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "people", "honorifics"),
    [
        (
            "Councillor Okafor thanked Dr Ines Walcott and Cllr Whitfield.",
            ["Councillor Okafor", "Dr Ines Walcott", "Cllr Whitfield"],
            ["Councillor", "Dr", "Councillor"],
        ),
        ("Mrs T Ferreira asked about transport.", ["Mrs T Ferreira"], ["Mrs"]),
        (
            "Also present was Head Teacher Nadia Brennan.",
            ["Head Teacher Nadia Brennan"],
            ["Head Teacher"],
        ),
        ("Gareth Pryce, Director of Public Realm, presented the report.", ["Gareth Pryce"], [None]),
        ("Contact: Pauline Marsh\n", ["Pauline Marsh"], [None]),
        # capitalised places are not people
        ("The Panel visited Rose Hill and Oak Lane.", [], []),
    ],
)
def test_people_in_running_text(text: str, people: list[str], honorifics: list[str | None]) -> None:
    found = [m for m in mentions(text) if m.label == "PERSON"]
    assert [m.text for m in found] == people
    assert [m.honorific for m in found] == honorifics


def test_a_person_named_with_a_role_is_found_again_later() -> None:
    text = (
        "Gareth Pryce, Director of Public Realm, presented the report. "
        "The Panel thanked Gareth Pryce."
    )
    assert of(mentions(text), "PERSON") == ["Gareth Pryce", "Gareth Pryce"]


def test_people_from_the_attendance_list_recur_and_full_names_expand_initials() -> None:
    text = (
        "Minutes of the Meeting of the Parks Committee held on 5 March 2031\n\n"
        "Present: Councillor R Okafor (Chair)\n\n"
        "Employees: J Aldwin, Director of Parks\n\n"
        "1. Trees\n\nR Okafor said that Jane Aldwin had presented.\n\n2. Other Business\n\nNone.\n"
    )
    assert of(mentions(text, segmented=True), "PERSON") == [
        "Councillor R Okafor",
        "J Aldwin",
        "R Okafor",
        "Jane Aldwin",
    ]


@pytest.mark.parametrize(
    ("cell", "names"),
    [
        ("Oliver Tanaka, Ashcombe Community Trust", ["Oliver Tanaka"]),
        (
            "Harriet Quayle Oliver Tanaka, Priya Nandakumar",
            ["Harriet Quayle", "Oliver Tanaka", "Priya Nandakumar"],
        ),
        ("Gareth Pryce / Irene Sato", ["Gareth Pryce", "Irene Sato"]),
        ("Cllr Whitfield", ["Whitfield"]),
        ("", []),
    ],
)
def test_lead_names(cell: str, names: list[str]) -> None:
    assert [n.bare for n in lead_names(cell)] == names


def people(text: str) -> list[str]:
    return [m.text for m in page_mentions(text) if m.label == "PERSON"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # spaced and dotted initials
        ("Councillor J G Harlow took the chair.", ["Councillor J G Harlow"]),
        ("Mr E A Brampton – Church Representative", ["Mr E A Brampton"]),
        # a forename makes a name without a title
        ("The Chair welcomed Ann Hebden to the meeting.", ["Ann Hebden"]),
        # a post after a dash or in brackets
        ("Apologies: Oluwadamilare Ekpe (Strategic Director).", ["Oluwadamilare Ekpe"]),
        ("Zebedee Quarm - Parks Services Manager", ["Zebedee Quarm"]),
        # a contact line whose post follows after a wide gap
        ("Contact: Mat Sadowski  Democratic Services Officer", ["Mat Sadowski"]),
        # typographic apostrophes and double-barrelled names
        (
            "Councillor Mrs Jean Fitzroy-O’Dowd and Cllr O’Hara",
            ["Councillor Mrs Jean Fitzroy-O’Dowd", "Cllr O’Hara"],
        ),
        # a surname that is also a common word
        ("Councillor Young asked a question.", ["Councillor Young"]),
    ],
)
def test_forms_of_a_person(text: str, expected: list[str]) -> None:
    assert people(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Venue: Council Chamber, Sessions House, County Hall.",
        "Mr Speaker called the Director of Public Health.",
        "Venue: Jim Corby Conference Suite, Riverton Central Library",
        "A visit to St Thomas More School and Edith Carr Primary School was made.",
        "The Children and Young People Scrutiny Committee met.",
        "Deputy Returning Officer and Deputy Chief Executive attended.",
        "Grant Funding from the Leaving Care Grant was agreed.",
        "COUNCILLOR CALL FOR ACTION/PETITIONS RECEIVED",
        "The Amber Valley and Victoria Square sites were noted.",
    ],
)
def test_posts_places_and_bodies_are_not_people(text: str) -> None:
    assert people(text) == []
