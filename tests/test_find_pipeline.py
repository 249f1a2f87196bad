"""graphkit.find.pipeline: the find stage as a registered spaCy component."""

from __future__ import annotations

import hashlib

import spacy

from graphkit.find import Gazetteer, find_in_document, resolve
from graphkit.find.pipeline import FindComponent, make_pipeline
from graphkit.model import DocKind, Document

TEXT = (
    "Present: Councillor Ann Brook (Chair), Cllr P. Oduya.\n"
    "The Board heard about the Riverside Reading Scheme (RRS) from Tom Hale, "
    "Head of Libraries. Councillor Brook asked how the RRS reached families."
)


def _document(text: str) -> Document:
    return Document("t.txt", text, hashlib.sha256(text.encode()).hexdigest(), DocKind.MINUTES)


def test_the_component_is_registered_and_declares_what_it_sets() -> None:
    meta = spacy.blank("en").get_factory_meta("graphkit_find")
    assert meta.assigns == ["doc.spans"]
    nlp = make_pipeline()
    assert nlp.pipe_names == ["graphkit_find"]
    assert isinstance(nlp.get_pipe("graphkit_find"), FindComponent)


def test_its_spans_are_the_stage_mentions_on_token_boundaries() -> None:
    document = _document(TEXT)
    findings = find_in_document(document, [])
    expected = [
        (m.text, m.label, m.start, m.end)
        for m in resolve(document, findings, Gazetteer.from_findings([findings]))
    ]
    doc = make_pipeline()(TEXT)
    got = [(s.text, s.label_, s.start_char, s.end_char) for s in doc.spans["gk"]]
    assert got == expected
    assert ("Riverside Reading Scheme (RRS)", "PROGRAMME") in {(t, lab) for t, lab, *_ in got}


def test_a_given_gazetteer_finds_names_another_text_introduced() -> None:
    other = _document("The Lantern Reading Scheme (LRS) was launched by Councillor Ira Vance.")
    gazetteer = Gazetteer.from_findings([find_in_document(other, [])])
    text = "Members asked about LRS funding."
    alone = make_pipeline()(text)
    shared = make_pipeline(gazetteer)(text)
    assert [s.text for s in alone.spans["gk"]] == []
    assert [(s.text, s.label_) for s in shared.spans["gk"]] == [("LRS", "PROGRAMME")]


def test_a_span_inside_a_token_is_widened_to_the_token() -> None:
    nlp = make_pipeline()
    doc = nlp("Apologies: Councillor Ann Brook/ Councillor Ira Vance")
    assert all(s.text == doc.text[s.start_char : s.end_char] for s in doc.spans["gk"])
    assert [s.label_ for s in doc.spans["gk"]] == ["PERSON", "PERSON"]
