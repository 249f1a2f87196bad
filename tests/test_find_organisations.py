"""graphkit.find.organisations: bodies in invented texts."""

from __future__ import annotations

import pytest
from stage_helpers import found, mentions, of

from graphkit.find import extract
from graphkit.link import link
from graphkit.model import Document


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
        # a question's first word is not part of the name
        (
            "Should Northshire County Council agree, would the Lantern Arts Trust help?",
            ["Northshire County Council", "Lantern Arts Trust"],
        ),
        ("Could Millbrook Primary School host it?", ["Millbrook Primary School"]),
        ("Whether Westmere Youth Trust could bid was asked.", ["Westmere Youth Trust"]),
        # capitals joined by "&" are one word of the name
        ("The A&E Delivery Board met.", ["A&E Delivery Board"]),
        (
            "Westmere Health and Care NHS Trust (W&H NHS Trust) came. The W&H NHS Trust spoke.",
            ["Westmere Health and Care NHS Trust", "W&H NHS Trust", "W&H NHS Trust"],
        ),
        # an academy named by one proper word is a school; one named by common words
        # ("the Skills Academy" of a text that speaks of skills) is a programme
        (
            "Members approved the Expansion of Wrenford Academy, and pupils at Tarrow Academy "
            "met the Skills Academy, which teaches skills.",
            ["Wrenford Academy", "Tarrow Academy"],
        ),
        # a post "for" a body is not part of the body's name
        (
            "Ms K Lee, Early Help Worker for Northshire County Council, spoke.",
            ["Northshire County Council"],
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


def test_a_long_run_of_title_words_before_annual_report_is_no_body() -> None:
    text = "Tenancy Scheme Youth Provision in Northfold Safeguarding Adults Board Annual Report"
    assert found(text, "ORG") == []
    assert found("The Adoption Panel Annual Report was noted.", "ORG") == ["Adoption Panel"]


# -- organisations ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "organisations"),
    [
        (
            "Assessments go to the Fostering Panel, the Schools Forum and the Housing "
            "Scrutiny Sub-Committee.",
            ["Fostering Panel", "Schools Forum", "Housing Scrutiny Sub-Committee"],
        ),
        (
            "Broad Oak House stayed open; Vale House and the City Centre were closed.",
            ["Broad Oak House"],
        ),
        (
            "Delivery is commissioned from Renew Health CIC and Harrowgate Leisure Trust.",
            ["Renew Health CIC", "Harrowgate Leisure Trust"],
        ),
        (
            "Area Teams and Family Hubs stayed open; cases came via the Migration and "
            "Resettlement teams.",
            ["Area Teams", "Family Hubs", "Migration and Resettlement teams"],
        ),
        (
            "The strategy went to Cabinet in July. The Cabinet Member for Housing agreed.",
            ["Cabinet"],
        ),
        ("A nurse joined the Somewhere Safe to Stay Hub.", []),
        (
            "It was rated Good by HM Inspectorate of Probation, delivered with Catch22 and "
            "funded by the Department.",
            ["HM Inspectorate of Probation", "Catch22"],
        ),
        # the directorate a post is named after, not the post
        ("The Executive Director of Adult Services will attend.", ["Adult Services"]),
        (
            "The Strategy and Partnerships Service and Bramwell Food Bank took part.",
            ["Strategy and Partnerships Service", "Bramwell Food Bank"],
        ),
        (
            "Staff at Westmere General Hospital and Hadley Youth Club helped.",
            ["Westmere General Hospital", "Hadley Youth Club"],
        ),
    ],
)
def test_organisations_by_head_noun(text: str, organisations: list[str]) -> None:
    assert found(text, "ORG") == organisations


@pytest.mark.parametrize(
    ("text", "organisations"),
    [
        ("The partnership working with Valpak has been a strength.", ["Valpak"]),
        (
            "A report by Crisis and Centrepoint praised the approach.",
            ["Crisis", "Centrepoint"],
        ),
        (
            "A report by the County Councils Network & IMPOWER was published.",
            ["County Councils Network", "IMPOWER"],
        ),
        ("It is a partnership project with Citizen housing in Leeds.", ["Citizen housing"]),
        # described as a charity: a body whatever its name looks like
        ("Bramwell Mind, a local charity, ran the service.", ["Bramwell Mind"]),
        # people and generic words are not bodies
        ("Funded by Public Health; delivered by Jane Hill and by Schools.", []),
        ("The team worked in partnership with the Senior Adviser for Early Years.", []),
    ],
)
def test_bodies_named_by_what_they_do_with_the_council(text: str, organisations: list[str]) -> None:
    assert found(text, "ORG") == organisations


def test_an_acronym_defined_for_a_body_named_head_first() -> None:
    text = "A review by the Social Care Institute for Excellence (SCIE) found good practice."
    assert found(text, "ORG") == ["Social Care Institute for Excellence", "SCIE"]
    assert found(text, "PROGRAMME") == []


def test_an_acronym_defined_for_a_body_names_the_body_and_links_to_it() -> None:
    text = (
        "Ashbourne Vale Foundation Trust (AVFT) seconded a nurse. Members asked how AVFT "
        "would fund it. Work with Leeds City Council continues; a partnership with "
        "Leeds grew."
    )
    doc = Document("t.txt", text, "0" * 64, "minutes")
    mentions = extract([doc], [])
    assert [m.text for m in mentions if m.label == "ORG"] == [
        "Ashbourne Vale Foundation Trust",
        "AVFT",
        "AVFT",
        "Leeds City Council",
        "Leeds",
    ]
    assert [m.text for m in mentions if m.label == "PROGRAMME"] == []
    orgs = {o.pref_label: o.alt_labels for o in link([doc], [], mentions).organisations}
    assert orgs == {
        "Ashbourne Vale Foundation Trust": ("AVFT",),
        "Leeds City Council": ("Leeds",),
    }


@pytest.mark.parametrize(
    ("text", "organisations"),
    [
        ("The Leader wrote to Leeds and Leeds City Council.", ["Leeds City Council"]),
        ("Funding from Kent and Kent Police was agreed.", ["Kent Police"]),
        ("Brighton and Hove City Council agreed the scheme.", ["Brighton and Hove City Council"]),
        ("Stoke and Staffordshire Partnership met.", ["Stoke and Staffordshire Partnership"]),
    ],
)
def test_a_place_before_its_own_body_is_not_part_of_the_name(
    text: str, organisations: list[str]
) -> None:
    assert found(text, "ORG") == organisations
