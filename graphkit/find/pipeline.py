"""The find stage as a spaCy component, for spaCy pipelines of your own.

``graphkit build`` runs the find stage on plain text and never tokenises: a tokenisation
per document would cost a quarter to a half of the stage and nothing in it needs tokens
(docs/architecture.md). A spaCy user who wants graphkit's people, programmes and
organisations beside a trained model's entities adds the registered component
``graphkit_find`` to any pipeline; its spans are the build's mentions snapped to tokens::

    >>> from graphkit.find.pipeline import make_pipeline
    >>> nlp = make_pipeline()
    >>> doc = nlp("Councillor Ann Brook asked about the Healthy Start Programme (HSP). "
    ...           "Ms Brook thanked officers for the HSP report.")
    >>> [(s.text, s.label_) for s in doc.spans["gk"]]  # doctest: +NORMALIZE_WHITESPACE
    [('Councillor Ann Brook', 'PERSON'), ('Healthy Start Programme (HSP)', 'PROGRAMME'),
     ('Ms Brook', 'PERSON'), ('HSP', 'PROGRAMME')]

With no gazetteer the component learns from each text alone (names it introduces, the
curated lists); give it :meth:`~graphkit.find.Gazetteer.from_findings` of a whole archive
to find there every name the archive introduces. ``make_pipeline(model="en_core_web_sm")``
puts it after a trained model's components when that model is installed.
"""

from __future__ import annotations

import hashlib

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..model import DocKind, Document
from .findings import find_in_document
from .gazetteer import Gazetteer
from .resolve import resolve

__all__ = ["FindComponent", "make_pipeline"]

SPANS_KEY = "gk"


class FindComponent:
    """Sets ``doc.spans[key]``: graphkit's mentions of the text, labelled PERSON,
    PROGRAMME or ORG; a mention that does not cover whole tokens is widened to them."""

    def __init__(self, key: str = SPANS_KEY, gazetteer: Gazetteer | None = None) -> None:
        self.key = key
        self.gazetteer = gazetteer

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        source = str(doc.user_data.get("source", "<spacy>"))
        document = Document(
            source=source,
            text=text,
            sha256=hashlib.sha256(text.encode()).hexdigest(),
            kind=DocKind(doc.user_data.get("kind", DocKind.MINUTES)),
        )
        findings = find_in_document(document, [])
        gazetteer = self.gazetteer or Gazetteer.from_findings([findings])
        spans = []
        for m in resolve(document, findings, gazetteer):
            span = doc.char_span(m.start, m.end, label=m.label, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[self.key] = spans
        return doc


@Language.factory(
    "graphkit_find",
    assigns=["doc.spans"],
    default_config={"key": SPANS_KEY},
)
def _make_find(nlp: Language, name: str, key: str) -> FindComponent:
    return FindComponent(key)


def make_pipeline(gazetteer: Gazetteer | None = None, model: str | None = None) -> Language:
    """A blank English pipeline (or the installed trained ``model``) ending in
    ``graphkit_find``; ``gazetteer`` is the names it finds beside each text's own."""
    nlp = spacy.load(model) if model else spacy.blank("en")
    component = nlp.add_pipe("graphkit_find")
    assert isinstance(component, FindComponent)
    component.gazetteer = gazetteer
    return nlp
