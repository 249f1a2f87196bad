"""The shipped ontology declares exactly graphkit's own terms, each labelled and explained."""

from __future__ import annotations

import subprocess

import pytest
from conftest import need_tool
from rdflib import OWL, Graph, URIRef

from graphkit import graph as graph_stage
from graphkit.graph.followups import FOLLOW_UP_STATUS, PLAN_STATUS
from graphkit.serialise import ontology_bytes
from graphkit.vocab import GK, RDF, RDFS, SCHEMA, SKOS

NS = str(GK._NS)
VOCAB_TERMS = sorted(name for name in GK.__annotations__ if not name.startswith("_"))
# the links to standard terms that the contract names
STANDARD_LINKS = [
    (GK.Meeting, RDFS.subClassOf, SCHEMA.Event),
    (GK.AgendaItem, RDFS.subClassOf, SCHEMA.Event),
    (GK.Programme, RDFS.subClassOf, SKOS.Concept),
    (GK.Action, RDFS.subClassOf, SCHEMA.Action),
]
# the values the graph stage writes, by the class that declares them
VALUE_SETS = {
    GK.AttendanceStatus: sorted(str(v)[len(str(GK._NS)) :] for v in graph_stage.STATUS.values()),
    GK.AttendanceCapacity: sorted(
        str(v)[len(str(GK._NS)) :] for v in graph_stage.CAPACITY.values()
    ),
    GK.DocumentType: sorted(str(v)[len(str(GK._NS)) :] for v in graph_stage.DOC_TYPES.values()),
    GK.FollowUpStatus: sorted(str(v)[len(str(GK._NS)) :] for v in FOLLOW_UP_STATUS.values()),
    GK.PlanStatus: sorted(str(v)[len(str(GK._NS)) :] for v in PLAN_STATUS.values()),
}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    g = Graph()
    g.parse(data=ontology_bytes(), format="turtle")
    return g


def _declared(ontology: Graph) -> set[str]:
    return {
        str(s)[len(NS) :]
        for s in ontology.subjects(RDF.type, None)
        if isinstance(s, URIRef) and str(s).startswith(NS)
    }


def test_every_vocab_term_is_declared_with_label_and_comment(ontology):
    missing = []
    for name in VOCAB_TERMS:
        term = URIRef(NS + name)
        if (term, RDF.type, None) not in ontology:
            missing.append(f"{name}: not declared")
        for prop in (RDFS.label, RDFS.comment):
            if ontology.value(term, prop) is None:
                missing.append(f"{name}: no {prop.n3(ontology.namespace_manager)}")
    assert not missing, "\n".join(missing)


def test_the_ontology_declares_no_term_that_vocab_lacks(ontology):
    assert _declared(ontology) - set(VOCAB_TERMS) == set()


def test_classes_and_properties_are_typed(ontology):
    for name in VOCAB_TERMS:
        term = URIRef(NS + name)
        types = set(ontology.objects(term, RDF.type))
        assert types & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual}, (
            name
        )
        if OWL.ObjectProperty in types or OWL.DatatypeProperty in types:
            assert ontology.value(term, RDFS.domain) is not None, f"{name} has no domain"


@pytest.mark.parametrize("link", STANDARD_LINKS, ids=lambda t: t[0].split("#")[-1])
def test_links_to_standard_terms(ontology, link):
    assert link in ontology


@pytest.mark.parametrize("cls", list(VALUE_SETS), ids=lambda c: c.split("#")[-1])
def test_value_sets_are_individuals_of_their_class(ontology, cls):
    members = sorted(str(s)[len(NS) :] for s in ontology.subjects(RDF.type, cls))
    assert members == VALUE_SETS[cls]


def test_strict_parser_reads_the_ontology(tmp_path):
    serdi = need_tool("serdi", "a strict Turtle parser")
    path = tmp_path / "ontology.ttl"
    path.write_bytes(ontology_bytes())
    subprocess.run(
        [serdi, "-i", "turtle", "-o", "ntriples", str(path)], check=True, capture_output=True
    )


def test_build_writes_the_ontology_beside_the_graph(seeds_build):
    assert (seeds_build / "ontology.ttl").read_bytes() == ontology_bytes()
