"""Programmes and organisations in invented council text: run-on titles, service and event
names, bodies named by their head noun, their acronym or what they do with the council."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

from graphkit.extract import extract
from graphkit.link import link
from graphkit.model import Document

FORMS = Path(__file__).parent / "data" / "forms" / "entities"


def found(text: str, label: str) -> list[str]:
    doc = Document("t.txt", text, "0" * 64, "minutes")
    return [m.text for m in extract([doc], []) if m.label == label]


# -- run-on titles from tables and PDF text --------------------------------------------------
@pytest.mark.parametrize(
    ("text", "programmes"),
    [
        # a phrase repeated back to back: the name starts at the second copy
        (
            "Item: Children's Social Care Children's Social Care Sufficiency Strategy",
            ["Children's Social Care Sufficiency Strategy"],
        ),
        # a document word ends one title; a name never starts with a head noun
        (
            "One Strategic Plan Adoption Service Annual Report Kinship Care Support Service update",
            ["One Strategic Plan", "Adoption Service", "Kinship Care Support Service"],
        ),
        # an inner head before a new capitalised name: two programmes
        (
            "10 September\tSEND Improvement Plan Early Help Strategy\tProgress update",
            ["SEND Improvement Plan", "Early Help Strategy"],
        ),
        # ... but not before a generic word
        (
            "The Early Help Strategy Implementation Plan and the Skills Strategy Action Plan.",
            ["Early Help Strategy Implementation Plan", "Skills Strategy Action Plan"],
        ),
    ],
)
def test_run_on_titles_are_split(text: str, programmes: list[str]) -> None:
    assert found(text, "PROGRAMME") == programmes


def test_a_long_run_of_title_words_before_annual_report_is_no_body() -> None:
    text = "Tenancy Scheme Youth Provision in Northfold Safeguarding Adults Board Annual Report"
    assert found(text, "ORG") == []
    assert found("The Adoption Panel Annual Report was noted.", "ORG") == ["Adoption Panel"]


# -- services, events and roadmaps -----------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "programmes", "organisations"),
    [
        (
            "The Tenancy Sustainment Service supported 140 households.",
            ["Tenancy Sustainment Service"],
            [],
        ),
        (
            "An initial review of the LAC CAMHS service and the CAMHS service was done.",
            ["LAC CAMHS service"],
            [],
        ),
        ("Pupils met the National Careers Service.", [], ["National Careers Service"]),
        ("Good Customer Service and a Memorial Service were noted.", [], []),
        # directorates listed together are each a body
        (
            "Officers from the Children's Services and Education Service attended.",
            [],
            ["Children's Services", "Education Service"],
        ),
        (
            "Men's Health Week and Practice Week ran in June; Easter Week was quiet.",
            ["Men's Health Week", "Practice Week"],
            [],
        ),
        (
            "Members saw a detailed Children's Services Roadmap.",
            ["Children's Services Roadmap"],
            [],
        ),
        (
            "Operation Nightjar continues; the Carers Support Offer grew; Operation Room closed.",
            ["Operation Nightjar", "Carers Support Offer"],
            [],
        ),
        ("Members asked about the Disabled Facilities Grant.", ["Disabled Facilities Grant"], []),
        # the plan of a named programme is that programme
        ("The Better Care Fund plan was approved.", ["Better Care Fund"], []),
        # a committee's forward plan and work programme are documents
        ("The Board noted the Forward Plan and its Work Programme.", [], []),
        (
            "Bids to the UK Shared Prosperity Fund Business Growth Hub opened.",
            ["UK Shared Prosperity Fund"],
            ["Business Growth Hub"],
        ),
    ],
)
def test_services_events_and_roadmaps(
    text: str, programmes: list[str], organisations: list[str]
) -> None:
    assert found(text, "PROGRAMME") == programmes
    assert found(text, "ORG") == organisations


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


def test_invented_documents_score() -> None:
    """Recall and precision on the invented documents in tests/data/forms/entities."""
    assert sorted(p.name for p in FORMS.iterdir()) == [
        "01_district_minutes.txt",
        "02_county_workprogramme.txt",
        "03_unitary_cabinet.md",
        "04_parish.txt",
        "05_scrutiny_report.txt",
        "06_wp_table.txt",
        "07_london.txt",
        "08_traps.txt",
        "09_pdf.txt",
        "10_moderngov.txt",
        "expected.json",
        "score.py",
    ]
    result = runpy.run_path(str(FORMS / "score.py"))["score"]()
    assert result["programmes"]["wrong"] == []
    assert result["organisations"]["wrong"] == []
    assert len(result["programmes"]["found"]) >= 55
    assert len(result["organisations"]["found"]) >= 71


def test_a_directorate_beside_an_officer_is_a_name_not_a_phrase() -> None:
    from graphkit.segment import segment

    text = (
        "Minutes of the meeting of the Parks Committee held on 3 May 2030\n\n"
        "Present: Councillor R Quill (Chair)\n\n"
        "Officers: T Marsh, Law and Governance; L Finch, 4 members of the public\n\n"
        "1. Parks Strategy\n\nThe strategy was noted.\n"
    )
    doc = Document("m.txt", text, "0" * 64, "minutes")
    meetings = segment(doc)
    linked = link([doc], meetings, extract([doc], meetings))
    assert "4 members of the public" not in {o.pref_label for o in linked.organisations}


def test_a_quoted_name_followed_by_its_kind_is_a_programme() -> None:
    text = "Members welcomed the \u201cMove More Together\u201d campaign and 'Ask Ruth'."
    doc = Document("t.txt", text, "0" * 64, "minutes")
    concepts = {c.pref_label: c.is_programme for c in link([doc], [], extract([doc], [])).concepts}
    assert concepts == {"Move More Together": True, "Ask Ruth": False}


def test_a_name_wrapped_over_two_lines_of_pdf_text_is_found_whole() -> None:
    text = (
        "1.1 This report updates Members on the improvement programme which is funded by the\n"
        "Department for Levelling Up, Housing and Communities and on the Safer Streets\n"
        "Fund.\n"
        "Short heading\nBoard\n"
    )
    assert found(text, "ORG") == ["Department for Levelling Up, Housing and Communities"]
    assert found(text, "PROGRAMME") == ["Safer Streets\nFund"]


def test_a_comma_list_before_a_head_reaches_back_as_far_as_the_acronym_spells() -> None:
    text = (
        "The Board noted progress on the Kestrel and Avon Maternity, Children and Young People"
        " Programme (KAMCYP). KAMCYP reports in June. The Housing, Children and Young People"
        " Programme was noted."
    )
    doc = Document("t.txt", text, "0" * 64, "minutes")
    mentions = extract([doc], [])
    long = "Kestrel and Avon Maternity, Children and Young People Programme"
    assert [m.text for m in mentions if m.label == "PROGRAMME"] == [
        f"{long} (KAMCYP)",
        "KAMCYP",
        "Children and Young People Programme",
    ]
    concepts = {c.pref_label: c.alt_labels for c in link([doc], [], mentions).concepts}
    # the acronym joins its name; the shorter name ending the longer one joins it too
    assert concepts == {f"{long} (KAMCYP)": ("Children and Young People Programme", "KAMCYP")}


def test_local_capitalised_mid_sentence_is_part_of_a_programme_name() -> None:
    text = (
        "Officers are working with partners on the Local Supported Housing Strategy.\n"
        "Local Homelessness Strategy: members noted the report. The Local Plan was noted."
    )
    assert found(text, "PROGRAMME") == [
        "Local Supported Housing Strategy",
        "Homelessness Strategy",
    ]


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


def test_a_curated_programme_inside_an_officers_post_is_no_mention() -> None:
    text = (
        "Present: Sarah Lyle, Head of Service, Early Help; Tom Reed (Strategic Lead, Early Help)"
        "; Ann Moss, Head of Early Help.\n"
        "The Early Help offer was discussed. As the Team Manager said, Early Help works."
    )
    starts = [
        m.start
        for m in extract([Document("t.txt", text, "0" * 64, "minutes")], [])
        if m.label == "PROGRAMME"
    ]
    assert [text[s : s + 10] for s in starts] == ["Early Help", "Early Help"]
    assert starts == [text.index("Early Help offer"), text.rindex("Early Help")]
