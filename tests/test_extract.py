"""graphkit.extract: mentions of people, programmes and organisations in invented texts."""

from __future__ import annotations

import pytest

from graphkit.extract import acronym_matches, extract, lead_names, make_pipeline
from graphkit.model import Document, Mention
from graphkit.segment import segment


def mentions(*texts: str, segmented: bool = False) -> list[Mention]:
    docs = [Document(f"d{k}.txt", t, "0", "minutes") for k, t in enumerate(texts)]
    meetings = [r for d in docs for r in segment(d)] if segmented else []
    found = extract(docs, meetings)
    by_source = {d.source: d for d in docs}
    for m in found:  # every mention points at its words
        assert by_source[m.source].text[m.start : m.end] == m.text
    return found


def of(found: list[Mention], label: str) -> list[str]:
    return [m.text for m in found if m.label == label]


# -- programmes nobody told the extractor about ------------------------------------------
@pytest.mark.parametrize(
    ("text", "programme"),
    [
        ("The Panel welcomed the Bluebell Mentoring Programme.", "Bluebell Mentoring Programme"),
        (
            "Members discussed the draft Riverside Youth Strategy in detail.",
            "Riverside Youth Strategy",
        ),
        ("Apprentices from the Acorn Skills Academy spoke to Members.", "Acorn Skills Academy"),
        ("The Greenway Cycling Scheme opens in May.", "Greenway Cycling Scheme"),
        ("The Tidewater Flood Plan was adopted.", "Tidewater Flood Plan"),
        ("Progress on the Lantern Reading Project was noted.", "Lantern Reading Project"),
        ("Members asked about the Kestrel Family Hubs Pilot.", "Kestrel Family Hubs Pilot"),
    ],
)
def test_programmes_from_naming_patterns(text: str, programme: str) -> None:
    assert of(mentions(text), "PROGRAMME") == [programme]


@pytest.mark.parametrize(
    ("text", "definition"),
    [
        (
            "The Panel discussed Healthy Meals for Kids (HMK). Schools said HMK was popular.",
            "Healthy Meals for Kids (HMK)",
        ),
        (
            "The Panel discussed the Healthy Meals for Kids (HMK) programme. "
            "Schools said HMK was popular.",
            "Healthy Meals for Kids (HMK) programme",
        ),
    ],
)
def test_acronym_definition_then_the_acronym_alone(text: str, definition: str) -> None:
    found = [m for m in mentions(text) if m.label == "PROGRAMME"]
    assert [m.text for m in found] == [definition, "HMK"]
    assert found[0].acronym_of == "Healthy Meals for Kids"


def test_long_names_recur_in_lower_case() -> None:
    text = (
        "Members praised the Riverside Youth Strategy. "
        "Later, the riverside youth strategy was noted again."
    )
    assert of(mentions(text), "PROGRAMME") == [
        "Riverside Youth Strategy",
        "riverside youth strategy",
    ]


def test_a_programme_found_in_one_document_is_found_in_another() -> None:
    found = mentions(
        "The Bluebell Mentoring Programme started.", "Later the bluebell mentoring programme grew."
    )
    assert [(m.source, m.text) for m in found if m.label == "PROGRAMME"] == [
        ("d0.txt", "Bluebell Mentoring Programme"),
        ("d1.txt", "bluebell mentoring programme"),
    ]


def test_markup_around_a_name_is_not_part_of_it() -> None:
    found = mentions("Members welcomed **Bluebell Mentoring Programme** news.")
    assert of(found, "PROGRAMME") == ["Bluebell Mentoring Programme"]


def test_a_committee_work_programme_is_not_a_programme() -> None:
    text = "Leisure and Culture Scrutiny Committee Work Programme 2030-31\n\nDate\tTitle\tLead\n"
    assert of(mentions(text), "PROGRAMME") == []


# -- organisations ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "organisations"),
    [
        (
            "Head Teacher Nadia Brennan described Millbrook Primary School.",
            ["Millbrook Primary School"],
        ),
        ("Pupils from Millbrook Primary School sang.", ["Millbrook Primary School"]),
        (
            "The Panel thanked Northshire County Council and the Lantern Arts Trust.",
            ["Northshire County Council", "Lantern Arts Trust"],
        ),
        ("Ofsted visited in May.", ["Ofsted"]),
        (
            "The Department for Education (DfE) wrote. The DfE replied.",
            ["Department for Education", "DfE", "DfE"],
        ),
    ],
)
def test_organisations(text: str, organisations: list[str]) -> None:
    assert of(mentions(text), "ORG") == organisations


@pytest.mark.parametrize(
    ("text", "programmes", "organisations"),
    [
        (
            "Councillor Okafor praised the Acorn Skills Academy at Millbrook Primary School.",
            ["Acorn Skills Academy"],
            ["Millbrook Primary School"],
        ),
        (
            "Volunteers from the Bluebell Mentoring Programme and "
            "Millbrook Primary School attended.",
            ["Bluebell Mentoring Programme"],
            ["Millbrook Primary School"],
        ),
    ],
)
def test_an_organisation_does_not_swallow_a_programme_before_it(
    text: str, programmes: list[str], organisations: list[str]
) -> None:
    found = mentions(text)
    assert of(found, "PROGRAMME") == programmes
    assert of(found, "ORG") == organisations


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


def test_mentions_do_not_nest() -> None:
    found = mentions(
        "The Bluebell Mentoring Programme and the Riverside Youth Strategy "
        "were led by Councillor R Okafor."
    )
    spans = [(m.start, m.end) for m in found]
    for a in spans:
        for b in spans:
            assert a == b or not (b[0] <= a[0] and a[1] <= b[1])
    assert of(found, "PROGRAMME") == ["Bluebell Mentoring Programme", "Riverside Youth Strategy"]


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


def test_make_pipeline_is_blank_english_with_three_components() -> None:
    nlp = make_pipeline()
    assert nlp.lang == "en"
    assert nlp.pipe_names == ["graphkit_people", "graphkit_programmes", "graphkit_organisations"]
    doc = nlp("Councillor Okafor praised the Tidewater Flood Plan.")
    assert {(s.label_, s.text) for s in doc.spans["gk"]} == {
        ("PERSON", "Councillor Okafor"),
        ("PROGRAMME", "Tidewater Flood Plan"),
    }
