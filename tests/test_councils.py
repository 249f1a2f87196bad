"""graphkit.councils and the build's councils: a document's council from its web
address or letterhead; names of one place are one council; councils are linked apart."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

import graphkit
from graphkit.councils import (
    council_from_host,
    council_of,
    councils_in_text,
    host_label,
    most_named,
    place_key,
    place_of,
)
from graphkit.graph.organisations import names_the_council
from graphkit.model import Document
from graphkit.vocab import OA, ORG, RDF, SKOS


def doc(text: str, url: str | None = None) -> Document:
    return Document("a.txt", text, "0", "minutes", url=url)


def test_the_web_host_names_the_council() -> None:
    assert host_label("https://democracy.northshire.gov.uk:9071/mgAi.aspx?ID=3") == "northshire"
    assert host_label("https://westmere.moderngov.co.uk/ieListDocuments.aspx") == "westmere"
    assert host_label("https://mirror.example.org/doc/1") is None
    # a host label the council table knows is spelt as the council writes its place
    assert council_from_host("https://democracy.brighton-hove.gov.uk/x") == "Brighton and Hove"


def test_the_document_names_the_council_more_fully_than_its_host() -> None:
    text = "Northshire County Council\nMinutes of the Cabinet"
    assert council_of(doc(text, "https://democracy.northshire.gov.uk/x")) == (
        "Northshire County Council"
    )
    # a body named after the place is not the council
    text = "Northshire Youth County Council met on Friday"
    assert council_of(doc(text, "https://democracy.northshire.gov.uk/x")) == "Northshire Council"


def test_a_council_named_far_down_is_not_the_documents_own() -> None:
    text = "Minutes of the Planning Committee\n" + "Notes of business.\n" * 120
    assert council_of(doc(text + "A visit to Eastport City Council was reported.")) is None


def test_places_compare_by_their_letters() -> None:
    assert place_of("London Borough of Westmere") == "Westmere"
    assert place_key("Brighton & Hove") == place_key("Brighton and Hove")


def _write(folder: Path, name: str, host: str, body: str) -> None:
    page = f"URL: https://democracy.{host}.gov.uk/ieListDocuments.aspx?MId=7\n\n{body}"
    (folder / name).write_text(page, encoding="utf-8")


def test_two_councils_are_linked_apart(tmp_path: Path) -> None:
    body = (
        "Agenda and minutes\n\nCabinet - Tuesday, 4th March, 2025 7.00 pm\n\nItems\nNo. Item\n\n"
        "1.\n\nApologies\n\nMinutes:\n\nApologies were received from Councillor J Smith.\n"
    )
    _write(tmp_path, "a.txt", "northshire", body)
    _write(tmp_path, "b.txt", "westmere", body)
    result = graphkit.build(tmp_path)
    assert set(result.councils.values()) == {"Northshire Council", "Westmere Council"}
    smiths = [p for p in result.linked.people if p.family_name == "Smith"]
    assert len(smiths) == 2  # one per council: a name alone never joins two councils
    # the same platform id in two councils is two meetings
    assert len({(m.source, m.date) for m in result.meetings}) == 2


def test_one_place_is_one_council_by_its_fullest_name(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", "northshire", "Agenda\n\nNorthshire County Council\n")
    _write(tmp_path, "b.txt", "northshire", "Agenda\n\nNothing named here\n")
    result = graphkit.build(tmp_path)
    assert set(result.councils.values()) == {"Northshire County Council"}


def test_a_two_word_kind_of_council_is_not_part_of_the_place(tmp_path: Path) -> None:
    # the pages' host says "Ashcombe Council", the printed minutes the council's full name:
    # one council (two would write their nodes under the same IRIs, linked apart)
    assert place_of("Ashcombe Metropolitan Borough Council") == "Ashcombe"
    _write(tmp_path, "a.txt", "ashcombe", "Agenda\n\nNothing named here\n")
    (tmp_path / "b.txt").write_text(
        "Ashcombe Metropolitan Borough Council\n\nMinutes of the Cabinet\n", encoding="utf-8"
    )
    result = graphkit.build(tmp_path)
    assert set(result.councils.values()) == {"Ashcombe Metropolitan Borough Council"}


@pytest.mark.parametrize(
    ("letterhead", "council"),
    [
        ("Cyngor Sir Llanfair County Council", "Llanfair County Council"),
        ("CYNGOR SIR LLANFAIR COUNTY COUNCIL", "Llanfair County Council"),
        ("Cyngor Bwrdeistref Sirol Pen-y-bont Bridgend County Borough Council",
         "Bridgend County Borough Council"),
    ],
)  # fmt: skip
def test_a_bilingual_letterhead_names_the_council_in_english(
    tmp_path: Path, letterhead: str, council: str
) -> None:
    # a Welsh council's name in Welsh, then in English: the Welsh words name no place
    (tmp_path / "a.txt").write_text(
        f"{letterhead}\n\nMinutes of the Cabinet held on 3 May 2029\n", encoding="utf-8"
    )
    assert graphkit.build(tmp_path).councils == {"a.txt": council}


@pytest.mark.parametrize(
    ("head", "council"),
    [
        (
            "THE HIGHLAND COUNCIL\n\nMinutes of Meeting of the Education Committee",
            "Highland Council",
        ),
        ("Fife Council\n\nMinutes of the Cabinet Committee", "Fife Council"),
        # a council the table does not know, and a body named "Council", are no council
        ("THE GLENMORE VALLEY COUNCIL\n\nMinutes of the Education Committee", None),
        ("Minutes of the Youth Council", None),
    ],
)
def test_a_council_whose_name_says_no_kind(head: str, council: str | None) -> None:
    # Scottish councils and some others write no "County", "City" or "District"
    assert council_of(doc(head)) == council


def test_a_town_council_is_not_its_places_district_council(tmp_path: Path) -> None:
    # the district's pages (its host names the place) name the town council more often
    # than themselves; the town council's printed minutes name only the town council
    body = (
        "Agenda and minutes\n\nCabinet - Tuesday, 4th March, 2025 7.00 pm\n\nItems\nNo. Item\n\n"
        "1.\n\nApologies\n\nMinutes:\n\nApologies were received from Councillor J Smith. "
        "Ashcombe Town Council and Ashcombe Town Council's clerk were thanked.\n"
    )
    _write(tmp_path, "a.txt", "ashcombe", body)
    (tmp_path / "b.txt").write_text(
        "ASHCOMBE TOWN COUNCIL\n\nMinutes of the meeting of the Town Council held on "
        "12 March 2025\n\nPresent: Councillor J Smith (Mayor)\n\n1. Apologies\n\nNone.\n",
        encoding="utf-8",
    )
    result = graphkit.build(tmp_path)
    assert result.councils == {"a.txt": "Ashcombe Council", "b.txt": "Ashcombe Town Council"}
    # two councils, under two IRIs (the same IRIs, before, for nodes linked apart)
    councils = set(result.dataset.subjects(RDF.type, ORG.FormalOrganization))
    assert {str(c).rsplit("/", 1)[1] for c in councils} >= {"ashcombe", "ashcombe-town"}
    smiths = [p for p in result.linked.people if p.family_name == "Smith"]
    assert len(smiths) == 2
    # the district's minutes name the town council as an organisation, not as themselves
    assert not names_the_council("Ashcombe Town Council", "Ashcombe Council")


def test_the_council_called_by_its_kind_is_the_council(tmp_path: Path) -> None:
    (tmp_path / "m.txt").write_text(
        "ASHCOMBE CITY COUNCIL\n\nMinutes of the meeting of the Cabinet held on 12 March 2025"
        "\n\nPresent: Councillor J Smith (Chair)\n\n1. Reports\n\nThe City Council agreed "
        "the plan with the Youth Trust and the County Council.\n",
        encoding="utf-8",
    )
    result = graphkit.build(tmp_path)
    union = Graph()  # every document's graph and the default graph
    for s, p, o, _ in result.dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    (council,) = union.subjects(RDF.type, ORG.FormalOrganization)
    bodies = {}  # each quoted text's annotation's body
    for ann in union.subjects(RDF.type, OA.Annotation):
        for selector in union.objects(union.value(ann, OA.hasTarget), OA.hasSelector):
            quote = union.value(selector, OA.exact)
            if quote is not None:
                bodies[str(quote)] = union.value(ann, OA.hasBody)
    assert bodies["City Council"] == council  # its own kind: the council itself
    assert bodies["County Council"] != council  # another kind: another council
    assert (bodies["County Council"], RDF.type, ORG.Organization) in union
    # a reference by kind is not a name of the council
    assert (council, SKOS.altLabel, None) not in union


# -- the council most documents name -------------------------------------------------------------------------
def _doc(text: str) -> Document:
    return Document("x.txt", text, "0", "minutes")


@pytest.mark.parametrize(
    ("texts", "council"),
    [
        (
            ["Ashcombe City Council minutes. Ashcombe City Council.", "Northshire County Council"],
            "Ashcombe City Council",
        ),
        (["Contact: pat.marsh@ashcombe.gov.uk or lee.ho@ashcombe.gov.uk"], "Ashcombe Council"),
        (["Contact: pat.marsh@ashcombe-vale.gov.uk"], "Ashcombe Vale Council"),
        (["nothing here names a council"], "Unknown Council"),
    ],
)
def test_most_named(texts: list[str], council: str) -> None:
    assert most_named([_doc(t) for t in texts]) == council


def test_the_council_of_a_long_run_of_words() -> None:
    # it was quadratic: minutes for 300 KB of one word (the figure is in benchmarks)
    assert most_named([_doc("word " * 200_000)]) == "Unknown Council"


def test_a_long_run_of_capitalised_words_is_read_once() -> None:
    # it was quadratic: a run of 8,000 capitalised words took 6.4 s, so this one would take
    # minutes; the place a council's name gives is a few words at most
    run = " ".join(["Alpha", "Beta"] * 25_000)
    found = councils_in_text(f"The Council met. {run} Ashcombe Metropolitan Borough Council")
    (name,) = found
    assert name.endswith("Ashcombe Metropolitan Borough Council")
    assert len(place_of(name).split()) <= 8


def test_a_role_two_councils_write_two_ways_has_one_label(tmp_path: Path) -> None:
    # a role's node is every council's: one prefLabel, whichever apostrophe each writes
    body = (
        "Agenda and minutes\n\nCabinet - Tuesday, 4th March, 2025 7.00 pm\n\n"
        "Attendance Details\n\nPresent:\nCouncillor J Smith (Chair)\n\nAlso in attendance:\n"
        "Ms K Lee, Director of Children{}s Services\n\nItems\nNo. Item\n\n1.\n\nApologies\n\n"
        "Minutes:\n\nNone.\n"
    )
    _write(tmp_path, "a.txt", "northshire", body.format("'"))
    _write(tmp_path, "b.txt", "westmere", body.format("\u2019"))
    result = graphkit.build(tmp_path)
    written = {m.role for m in result.linked.memberships if m.person == "k-lee"}
    assert written == {"Director of Children's Services", "Director of Children\u2019s Services"}
    role = URIRef("https://w3id.org/graphkit/id/role/director-of-childrens-services")
    labels = {o for _, _, o, _ in result.dataset.quads((role, SKOS.prefLabel, None, None))}
    assert len(labels) == 1


def test_an_organisation_two_councils_write_two_ways_has_one_label(tmp_path: Path) -> None:
    body = (
        "Agenda and minutes\n\nCabinet - Tuesday, 4th March, 2025 7.00 pm\n\nItems\nNo. Item\n\n"
        "1.\n\nSchools\n\nMinutes:\n\nPupils from St Anselm{}s School sang.\n"
    )
    _write(tmp_path, "a.txt", "northshire", body.format("'"))
    _write(tmp_path, "b.txt", "westmere", body.format("\u2019"))
    ds = graphkit.build(tmp_path).dataset
    school = URIRef("https://w3id.org/graphkit/id/organisation/st-anselms-school")
    labels = {o for _, _, o, _ in ds.quads((school, SKOS.prefLabel, None, None))}
    assert labels == {Literal("St Anselm's School")}
    alt = {o for _, _, o, _ in ds.quads((school, SKOS.altLabel, None, None))}
    assert alt == {Literal("St Anselm\u2019s School")}
