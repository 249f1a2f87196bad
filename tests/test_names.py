"""graphkit.names: people's names as council documents write them."""

from __future__ import annotations

import pytest

from graphkit.names import (
    compatible,
    find_names,
    grid_names,
    is_forename,
    listed_names,
    looks_like_role,
    parse_name,
)


@pytest.mark.parametrize(
    ("written", "title", "given", "initials", "surname", "bare"),
    [
        ("Councillor R Okafor", "Councillor", None, "R", "Okafor", "R Okafor"),
        ("Cllr Pemberton", "Councillor", None, None, "Pemberton", "Pemberton"),
        ("Cllr. Whitfield", "Councillor", None, None, "Whitfield", "Whitfield"),
        ("Councilor Whitfield", "Councillor", None, None, "Whitfield", "Whitfield"),  # a slip
        ("Mrs T Ferreira", "Mrs", None, "T", "Ferreira", "T Ferreira"),
        ("Mr D McAllister", "Mr", None, "D", "McAllister", "D McAllister"),
        ("Ms F Pryor-Baxter", "Ms", None, "F", "Pryor-Baxter", "F Pryor-Baxter"),
        ("Councillor O'Donnell", "Councillor", None, None, "O'Donnell", "O'Donnell"),
        ("J Aldwin", None, None, "J", "Aldwin", "J Aldwin"),
        ("CE Marchetti", None, None, "CE", "Marchetti", "CE Marchetti"),
        ("Dr B. K. Oyelaran", "Dr", None, "BK", "Oyelaran", "BK Oyelaran"),
        ("Imogen Ashdown", None, "Imogen", "I", "Ashdown", "Imogen Ashdown"),
        ("Head Teacher Nadia Brennan", "Head Teacher", "Nadia", "N", "Brennan", "Nadia Brennan"),
        # written alone in capitals, as an attendance list in capitals writes names
        ("COUNCILLOR IMOGEN ASHDOWN", "Councillor", "Imogen", "I", "Ashdown", "Imogen Ashdown"),
        ("CLLR R OKAFOR", "Councillor", None, "R", "Okafor", "R Okafor"),
        ("MRS T FERREIRA", "Mrs", None, "T", "Ferreira", "T Ferreira"),
        ("NADIA BRENNAN", None, "Nadia", "N", "Brennan", "Nadia Brennan"),
        # a double forename's initials joined by a hyphen
        ("Cllr A-M Clarke", "Councillor", None, "AM", "Clarke", "AM Clarke"),
        # a surname that is also a word of posts, after initials ("Young People" is none)
        ("K. Young", None, None, "K", "Young", "K Young"),
        # Welsh and Irish particles, "Mac" written apart
        ("Councillor Dafydd ap Rhys", "Councillor", "Dafydd", "D", "ap Rhys", "Dafydd ap Rhys"),
        ("Cllr Seán Ó Briain", "Councillor", "Seán", "S", "Ó Briain", "Seán Ó Briain"),
        ("County Councillor J Berry", "Councillor", None, "J", "Berry", "J Berry"),
    ],
)
def test_parse_name_forms(written, title, given, initials, surname, bare) -> None:
    n = parse_name(written)
    assert n is not None
    assert (n.title, n.given, n.initials, n.surname, n.bare) == (
        title,
        given,
        initials,
        surname,
        bare,
    )
    assert n.text == written


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a role after a comma is not part of the name
        ("Harriet Quayle, Director of Adult Learning, presented the report", ["Harriet Quayle"]),
        # a role before the name is not part of it
        ("Cabinet Member Kate Orwell answered questions", ["Kate Orwell"]),
        ("Head Teacher Nadia Brennan, Millbrook Primary", ["Nadia Brennan"]),
        # "Councillors" applies to the whole list
        (
            "Councillors R Okafor, D Pemberton and L Whitfield",
            ["R Okafor", "D Pemberton", "L Whitfield"],
        ),
        (
            "Councillor R Okafor (Chair), Mrs T Ferreira and B Quilty",
            ["R Okafor", "T Ferreira", "B Quilty"],
        ),
        # a post's word that is a surname too, after a title or a forename
        ("Mrs C Ibbot and Mrs D Head (Head of Finance Operations)", ["C Ibbot", "D Head"]),
        ("The Head of Service and the Head Teacher reported", []),
        # capitalised council words are never names on their own
        ("The Director of Public Realm and the Scrutiny Panel", []),
        ("Monday 3 March", []),
    ],
)
def test_find_names_in_running_text(text: str, expected: list[str]) -> None:
    found = find_names(text)
    assert [n.bare for n in found] == expected
    for n in found:
        assert text[n.start : n.end] == n.text


@pytest.mark.parametrize(
    "written", ["APOLOGIES FOR ABSENCE", "MEMBER", "CHIEF EXECUTIVE", "ANNUAL REPORT", "PRESENT"]
)
def test_words_in_capitals_that_name_no_one(written: str) -> None:
    assert parse_name(written) is None


def test_plural_title_marks_the_list() -> None:
    found = find_names("Councillors R Okafor, D Pemberton and L Whitfield")
    assert found[0].plural_title and found[0].title == "Councillor"
    assert not any(n.plural_title for n in found[1:])


def test_a_plural_title_misspelt_marks_the_list_too() -> None:
    found = find_names("Councilors R Okafor, D Pemberton and L Whitfield")
    assert [n.bare for n in found] == ["R Okafor", "D Pemberton", "L Whitfield"]
    assert found[0].plural_title and found[0].title == "Councillor"


def test_titled_only_and_offset() -> None:
    text = "Councillor Okafor met J Aldwin and Mrs Ferreira"
    assert [n.bare for n in find_names(text, titled_only=True)] == ["Okafor", "Ferreira"]
    shifted = find_names(text, offset=100)
    plain_ = find_names(text)
    assert [n.start - 100 for n in shifted] == [n.start for n in plain_]


def test_names_never_cross_a_line_break() -> None:
    found = find_names("Councillor R Okafor\nCouncillor D Pemberton")
    assert [n.bare for n in found] == ["R Okafor", "D Pemberton"]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("A Byrne", "Alice Byrne", True),  # the initial agrees with the forename
        ("Councillor Byrne", "A Byrne", True),  # no forename to conflict
        ("Mrs K Jones", "Kellie Jones", True),
        ("C Marchetti", "CE Marchetti", True),  # a prefix of the initials
        ("A Byrne", "B Byrne", False),  # conflicting initials
        ("Alice Byrne", "Anna Byrne", False),  # conflicting forenames
        ("CE Marchetti", "CD Marchetti", False),
        ("A Byrne", "A Burns", False),  # different surname
        ("T. O’Neill", "Tom O'Neill", True),  # a typographic apostrophe is the same
        ("A-M Clarke", "Anne-Marie Clarke", True),
        ("Pete Quinlan", "Peter Quinlan", True),  # a short form of the forename
        ("Bob Harris", "Robert Harris", False),  # a pet name is not told
        ("Eilidh Mac Leod", "E MacLeod", True),
        ("Siân ap Gwilym", "S Ap Gwilym", True),
        ("alice byrne", "Alice Byrne", None),  # lower case is not a name
    ],
)
def test_compatible(a: str, b: str, same: bool | None) -> None:
    pa, pb = parse_name(a), parse_name(b)
    if same is None:
        assert pa is None
        return
    assert pa is not None and pb is not None
    assert compatible(pa, pb) is same
    assert compatible(pb, pa) is same  # symmetric


@pytest.mark.parametrize(
    ("text", "is_role"),
    [
        ("Director of Adult Learning", True),
        ("Cabinet Member for Learning and Skills", True),
        ("Head of Culture", True),
        ("Chair", True),
        ("Heritage Programme Officer", True),
        ("Finance", False),
        ("Law and Governance", False),
        ("Millbrook Primary School", False),
    ],
)
def test_looks_like_role(text: str, is_role: bool) -> None:
    assert looks_like_role(text) is is_role


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a run of names, one of them ending in a place word: every name is a person
        (
            "Present: Nora Pell Gus Tandy Ruth Oakes Ivor Lyle Ian Ward",
            ["Nora Pell", "Gus Tandy", "Ruth Oakes", "Ivor Lyle", "Ian Ward"],
        ),
        # a place named after a person is a few words long, and names nobody
        ("The meeting was held in the Olive Brand Conference Suite.", []),
        ("A visit to the Hector Quill Community Day Centre was agreed.", []),
        ("Pupils of Edna Vesey Primary School attended.", []),
        ("Wilfred Amos House and the Dora Tull Memorial Fund", []),
        # a place word alone after a word that is no forename is no surname
        ("Members met in Conference Suite B.", []),
        # the run stops at the place, and the people before it are kept
        ("Nora Pell Gus Tandy Ivor Lyle Community Hall", ["Nora Pell", "Gus Tandy"]),
    ],
)
def test_place_names_are_a_few_words(text: str, expected: list[str]) -> None:
    assert [n.bare for n in find_names(text)] == expected


def test_forenames_of_many_communities() -> None:
    # well-known forenames of councillors of South Asian heritage, across the UK
    assert all(is_forename(w) for w in ["Ansar", "Gurdial", "Tarsem", "Shahnaz", "Mizanur"])


def test_grid_cuts_before_a_known_forename() -> None:
    # a three-word name after a two-word one: the forename starts the longer name
    line = "Ann Hill Tom Cole Lyn Pardoe Tarsem Ali Rana Ravi Patel Jo Pike"
    assert [n.bare for n in grid_names(line)] == [
        "Ann Hill",
        "Tom Cole",
        "Lyn Pardoe",
        "Tarsem Ali Rana",
        "Ravi Patel",
        "Jo Pike",
    ]


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


# -- names ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Cllr. Mrs P. Jones and Cllr. D. Jones",
            [("Councillor", "P", "Jones"), ("Councillor", "D", "Jones")],
        ),
        ("Councillor Dr S. Mistry", [("Councillor", "S", "Mistry")]),
        ("Councillor Ms Siobhan O'Neill-Byrne", [("Councillor", "S", "O'Neill-Byrne")]),
        # a post or a body is not a person
        ("Head of Internal Audit, Democratic Services Officer", []),
        ("Dr Eleanor Fitch - Overbridge Integrated Care Board", [("Dr", "E", "Fitch")]),
        ("Rev Simon Parr - Faith Sector Representative", [("Rev", "S", "Parr")]),
        # a possessive ends a name; a school or a foundation named after a person is no person
        (
            "Councillor Smith's motion and Cllr A Patel’s question",
            [("Councillor", None, "Smith"), ("Councillor", "A", "Patel")],
        ),
        ("pupils at Sir Robert Peel School and the Dame Alice Owen Foundation", []),
        # a wide gap is a column, not the next word of a name
        ("Cllr Imogen Shah          Chair", [("Councillor", "I", "Shah")]),
    ],
)
def test_name_forms(text: str, expected: list[tuple[str | None, str | None, str]]) -> None:
    assert [(n.title, n.initials, n.surname) for n in find_names(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr John Paul Smith (Chair)", [("John Paul", "Smith")]),
        ("Dr Eleanor Fitch Director of Public Health", [("Eleanor", "Fitch")]),
        ("Mrs Jane Roe Head Teacher", [("Jane", "Roe")]),
        # after "Cllr", a surname alone: two people
        ("Cllr Seaman John Gregg", [(None, "Seaman"), ("John", "Gregg")]),
        ("Dr. Anne-Marie De Souza", [("Anne-Marie", "De Souza")]),
        ("Councillor Pieter van der Berg", [("Pieter", "van der Berg")]),
        ("Cllr Le Page and Cllr Van Dyke", [(None, "Le Page"), (None, "Van Dyke")]),
    ],
)
def test_forenames_and_surnames(text: str, expected: list[tuple[str | None, str]]) -> None:
    assert [(n.given, n.surname) for n in find_names(text)] == expected


def test_a_second_title_does_not_make_a_list() -> None:
    (n,) = find_names("Cllr. Mrs P. Jones")
    assert not n.plural_title and n.text == "Cllr. Mrs P. Jones"
