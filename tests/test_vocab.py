"""graphkit.vocab.sorted_terms: rdflib's own order of terms, however it gets there."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rdflib import BNode, Literal, URIRef
from rdflib.term import Identifier

from graphkit.vocab import sorted_terms

_TEXT = st.text(alphabet="ab:/#é\x00 ", max_size=6)
_TERMS = st.one_of(
    _TEXT.map(lambda t: URIRef("urn:x:" + t)),
    _TEXT.map(lambda t: BNode("b" + "".join(c for c in t if c.isalnum()))),
    _TEXT.map(Literal),
    st.integers(-3, 3).map(Literal),
)


def _rdflib_order(terms: list[Identifier]) -> list[Identifier]:
    return sorted(terms)


@given(st.lists(_TERMS, max_size=12))
def test_any_terms_come_in_rdflib_order(terms):
    assert sorted_terms(terms) == _rdflib_order(terms)


@given(st.lists(_TEXT.map(lambda t: URIRef("urn:x:" + t)), max_size=12))
def test_iris_alone_come_in_rdflib_order(terms):
    """Terms of one kind are sorted by their text without rdflib's comparison: the same
    order, duplicates kept, and the terms themselves (not their text) returned."""
    got = sorted_terms(iter(terms))
    assert got == _rdflib_order(terms)
    assert all(type(t) is URIRef for t in got)


def test_a_subclass_of_a_kind_is_compared_by_rdflib():
    class Special(URIRef):
        pass

    terms = [URIRef("urn:b"), Special("urn:a")]
    assert sorted_terms(terms) == _rdflib_order(terms)
