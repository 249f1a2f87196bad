"""graphkit.find.findings: what one document holds, read from it alone (the map)."""

from __future__ import annotations

import pickle

from graphkit.find import DocumentFindings, find_in_document
from graphkit.model import Document
from graphkit.segment import segment

MINUTES = (
    "Minutes of the Meeting of the Parks Committee held on 5 March 2031\n\n"
    "Present: Councillor R Okafor (Chair)\n\n"
    "1. Meals\n\nHealthy Meals for Kids (HMK) was popular. The Harbour Arts Trust (HAT) wrote.\n"
    "The Panel heard from Zorander Quill on the Strategic Plan; funded by Valpak.\n"
    "Deputy Okafor agreed.\n"
)


def findings(text: str = MINUTES) -> DocumentFindings:
    doc = Document("a.txt", text, "0" * 64, "minutes")
    return find_in_document(doc, segment(doc))


def test_what_a_document_contributes_to_the_gazetteer() -> None:
    f = findings()
    assert f.source == "a.txt"
    assert f.length == len(MINUTES)
    assert [n.bare for n in f.people] == ["R Okafor"]  # from the attendance record
    assert f.affiliations == ()
    assert f.bodies == ("HAT",)  # an acronym defined for a body
    [deputy] = f.deputies
    assert (deputy.start, deputy.prefix) == (MINUTES.index("Deputy"), "Deputy ")
    assert deputy.tail == "Okafor agreed.\n"


def test_the_candidates_and_what_each_waits_for() -> None:
    f = findings()
    got = {
        (
            c.label,
            MINUTES[c.start : c.end],
            c.known.bare if c.known else None,
            c.unless_body,
            c.unless_programme,
            c.generic,
            c.acronym,
        )
        for c in f.candidates
    }
    assert got == {
        ("PERSON", "Councillor R Okafor", None, (), None, False, None),
        # no title, forename or post: a person only if another document says so
        ("PERSON", "Healthy Meals", "Healthy Meals", (), None, False, None),
        ("PERSON", "Zorander Quill", "Zorander Quill", (), None, False, None),
        # a programme unless a document names it or its acronym as a body
        (
            "PROGRAMME",
            "Healthy Meals for Kids (HMK)",
            None,
            ("healthy meals for kids", "hmk"),
            None,
            False,
            "HMK",
        ),
        ("PROGRAMME", "Strategic Plan", None, (), None, True, None),
        ("ORG", "Parks Committee", None, (), None, False, None),
        ("ORG", "Harbour Arts Trust", None, (), None, False, None),
        # a body unless a document names it as a programme
        ("ORG", "Valpak", None, (), "Valpak", False, None),
    }


def test_the_candidates_come_in_the_order_the_finders_propose_them() -> None:
    labels = [c.label for c in findings().candidates]
    assert labels == sorted(labels, key=["PERSON", "PROGRAMME", "ORG"].index)


def test_the_words_a_name_joins_the_gazetteer_with_are_those_the_finders_read() -> None:
    text = "Members welcomed **Bluebell Mentoring Programme** news on the Safer Streets\nFund."
    f = findings(text)
    programmes = [c for c in f.candidates if c.label == "PROGRAMME"]
    # markup around a name is not part of it; a line wrapped inside it is a space
    assert [(text[c.start : c.end], c.written) for c in programmes] == [
        ("Bluebell Mentoring Programme", "Bluebell Mentoring Programme"),
        ("Safer Streets\nFund", "Safer Streets Fund"),
    ]


def test_findings_are_pure_and_pickle() -> None:
    f = findings()
    assert findings() == f  # the same document gives the same findings
    again = pickle.loads(pickle.dumps(f))
    assert again == f
    assert hash(again) == hash(f)  # frozen all the way down: a cache key as well


def test_a_document_with_no_text_holds_nothing() -> None:
    f = findings("")
    assert f == DocumentFindings("a.txt")
