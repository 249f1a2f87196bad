"""graphkit.find, the whole stage: mentions across documents, nesting, and the invented
pages and documents scored as sets."""

from __future__ import annotations

import json
import runpy
from pathlib import Path

import pytest
from stage_helpers import found, mentions, of, page_mentions

from graphkit.find import extract
from graphkit.link import link
from graphkit.model import Document


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


def test_a_name_wrapped_over_two_lines_of_pdf_text_is_found_whole() -> None:
    text = (
        "1.1 This report updates Members on the improvement programme which is funded by the\n"
        "Department for Levelling Up, Housing and Communities and on the Safer Streets\n"
        "Fund.\n"
        "Short heading\nBoard\n"
    )
    assert found(text, "ORG") == ["Department for Levelling Up, Housing and Communities"]
    assert found(text, "PROGRAMME") == ["Safer Streets\nFund"]


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


FIND = Path(__file__).parent / "data" / "find"


EXPECTED: dict[str, dict[str, list[str]]] = json.loads((FIND / "expected.json").read_text("utf-8"))


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
