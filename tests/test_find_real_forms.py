"""People and programmes in the forms real council pages use (invented names throughout).

Each page in ``tests/data/find/`` reproduces forms seen on ModernGov pages, printed minutes
read from PDFs, attendance tables and item pages of many councils; ``expected.json`` lists
every person each names and the programmes that must be found.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graphkit.extract import extract
from graphkit.model import Document, Mention
from graphkit.names import find_names, grid_names, listed_names

DATA = Path(__file__).parent / "data" / "find"
EXPECTED: dict[str, dict[str, list[str]]] = json.loads((DATA / "expected.json").read_text("utf-8"))


def mentions(text: str, name: str = "t.txt") -> list[Mention]:
    return extract([Document(name, text, "0" * 64, "minutes")], [])


def people(text: str) -> list[str]:
    return [m.text for m in mentions(text) if m.label == "PERSON"]


@pytest.mark.parametrize("page", sorted(EXPECTED))
def test_every_person_on_the_page_and_nothing_else(page: str) -> None:
    found = {
        m.text for m in mentions((DATA / page).read_text("utf-8"), page) if m.label == "PERSON"
    }
    assert found == set(EXPECTED[page]["people"])


@pytest.mark.parametrize("page", sorted(EXPECTED))
def test_the_named_programmes_on_the_page(page: str) -> None:
    found = {
        m.text for m in mentions((DATA / page).read_text("utf-8"), page) if m.label == "PROGRAMME"
    }
    assert set(EXPECTED[page]["programmes"]) <= found


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


def test_a_plural_title_lists_people_until_the_list_ends() -> None:
    text = "Cllrs Rowe, Pike and Mrs Dunmore (vice-chair), C Yates and Whitlow attended."
    first = find_names(text)[0]
    assert [n.bare for n in listed_names(text, first.end)] == [
        "Pike",
        "Dunmore",
        "C Yates",
        "Whitlow",
    ]


def test_a_grid_of_members_is_cut_at_each_forename() -> None:
    line = "Ann Hulme Tom Castle Mary Kemp Lowe Ravi Patel Bethan Morgan Carys Ellis"
    assert [n.bare for n in grid_names(line)] == [
        "Ann Hulme",
        "Tom Castle",
        "Mary Kemp Lowe",
        "Ravi Patel",
        "Bethan Morgan",
        "Carys Ellis",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "It was funded by the Government’s Holiday Activities Fund Grant.",
            "Holiday Activities Fund Grant",
        ),
        ("Partners are delivering the Our Riverton Strategy this year.", "Our Riverton Strategy"),
        ("Local Transport Plan: members noted the report.", "Local Transport Plan"),
    ],
)
def test_forms_of_a_programme(text: str, expected: str) -> None:
    assert expected in [m.text for m in mentions(text) if m.label == "PROGRAMME"]
