"""graphkit.extract: mentions of people, programmes and organisations in invented texts."""

from __future__ import annotations

import json
import runpy
from pathlib import Path

import pytest

from graphkit.extract import acronym_matches, extract, lead_names, make_pipeline
from graphkit.link import link
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


FORMS = Path(__file__).parent / "data" / "forms" / "entities"


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
    # exact: a name found or lost changes these lists (update them with score.py's report)
    assert _missed(result["programmes"]) == [
        "Local Plan Review",
        "Community Infrastructure Levy",
        "Corporate Plan",
        "ILACS framework",
        "Smokefree Generation",
        "Joint Strategic Needs Assessment",
        "Afghan Relocations and Assistance Policy",
        "Three Conversations",
    ]
    assert _missed(result["organisations"]) == [
        "Children's Social Care",
        "Virtual School",
        "Adult Social Care",
        "Harrowgate Homes",
        "Little Hadley Parish Council",
        "Hadley Valley Water",
        "Healthwatch Westmere",
        "KRP",
        "London Borough of Keston Vale",
        "Children and Young People Scrutiny Sub-Committee",
        "Adopt London East",
        "Healthwatch Pemberton",
    ]


def _missed(scored: dict[str, list[str]]) -> list[str]:
    """The expected names not found, in expected.json's order."""
    return [n for n in scored["expected"] if n not in scored["found"]]


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


FIND = Path(__file__).parent / "data" / "find"


EXPECTED: dict[str, dict[str, list[str]]] = json.loads((FIND / "expected.json").read_text("utf-8"))


def page_mentions(text: str, name: str = "t.txt") -> list[Mention]:
    return extract([Document(name, text, "0" * 64, "minutes")], [])


@pytest.mark.parametrize("page", sorted(EXPECTED))
def test_every_person_on_the_page_and_nothing_else(page: str) -> None:
    found = {
        m.text for m in page_mentions((FIND / page).read_text("utf-8"), page) if m.label == "PERSON"
    }
    assert found == set(EXPECTED[page]["people"])


@pytest.mark.parametrize("page", sorted(EXPECTED))
def test_the_named_programmes_on_the_page(page: str) -> None:
    found = {
        m.text
        for m in page_mentions((FIND / page).read_text("utf-8"), page)
        if m.label == "PROGRAMME"
    }
    assert found == set(EXPECTED[page]["programmes"])


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
