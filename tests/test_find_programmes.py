"""graphkit.find.programmes: programmes in invented texts."""

from __future__ import annotations

import pytest
from stage_helpers import found, mentions, of, page_mentions

from graphkit.find import extract
from graphkit.link import link
from graphkit.model import Document


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
        (  # an academy a school is named after a place is not a programme
            "Pupils at Tarrow Academy joined the Skills Academy, for skills in care.",
            "Skills Academy",
        ),
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


def test_a_committee_work_programme_is_not_a_programme() -> None:
    text = "Leisure and Culture Scrutiny Committee Work Programme 2030-31\n\nDate\tTitle\tLead\n"
    assert of(mentions(text), "PROGRAMME") == []


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
    assert expected in [m.text for m in page_mentions(text) if m.label == "PROGRAMME"]
