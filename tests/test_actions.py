"""Actions (undertakings and requests in minutes): whole sentences, their agent where the
text names one, never twice. Every text here is written for these tests."""

from __future__ import annotations

from functools import cache

import pytest
from conftest import DATA
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SKOS

import graphkit
from graphkit.documents import read_document
from graphkit.model import ActionRecord, MeetingRecord
from graphkit.query import run_query
from graphkit.segment import segment
from graphkit.segment.items import find_actions
from graphkit.segment.text import clean, plain
from graphkit.vocab import GK, SCHEMA

FIXTURE = DATA / "actions" / "minutes_actions.md"


@cache
def record() -> MeetingRecord:
    (rec,) = segment(read_document(FIXTURE, FIXTURE.name))
    return rec


def actions_of(title: str) -> list[ActionRecord]:
    (item,) = [i for i in record().items if title in i.title]
    return list(item.actions)


def found(text: str) -> list[tuple[str | None, str]]:
    return [(a.agent, a.text) for a in find_actions(text, plain(text), 0, len(text))]


# -- whole sentences ---------------------------------------------------------------------------
def test_an_action_is_its_whole_sentence_unwrapped_with_offsets_into_the_document() -> None:
    doc = read_document(FIXTURE, FIXTURE.name)
    first = actions_of("Playground")[0]
    assert first.text == (
        "Officers agreed to circulate the list of playgrounds in the order they would be repaired."
    )
    # the sentence runs over two lines of the document: the text unwraps them, the offsets
    # still point at the sentence as written
    assert "\n" in doc.text[first.start : first.end]
    assert clean(doc.text[first.start : first.end]) == first.text


def test_a_list_item_is_read_with_the_sentence_that_introduces_it() -> None:
    texts = [a.text for a in actions_of("Work Programme")][:2]
    assert texts == [
        "The Board agreed to add the following to its work programme: Allotment waiting lists.",
        "The Board agreed to add the following to its work programme: Cemetery capacity.",
    ]


def test_a_sentence_that_refers_back_takes_in_the_sentence_before() -> None:
    assert found("The survey is late. This would be chased.\n") == [
        (None, "The survey is late. This would be chased.")
    ]


def test_two_requests_in_one_sentence_are_two_whole_sentences() -> None:
    text = (
        "RESOLVED that the Panel:\n\n"
        "- (a) Requests a report on bus shelters and the Cabinet Member for Transport be "
        "asked to respond to it.\n"
    )
    assert found(text) == [
        ("the Panel", "Requests a report on bus shelters."),
        (
            "the Cabinet Member for Transport",
            "The Cabinet Member for Transport be asked to respond to it.",
        ),
    ]


def test_items_added_together_are_one_whole_sentence_each() -> None:
    text = "RESOLVED that the Panel includes Bus Lanes and Cycle Hire on the Work Programme.\n"
    assert [t for _, t in found(text)] == [
        "RESOLVED that the Panel includes Bus Lanes on the Work Programme.",
        "RESOLVED that the Panel includes Cycle Hire on the Work Programme.",
    ]


# -- agents ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("Officers agreed to send the survey results to Members.", "Officers"),
        (
            "The Director of Highways and Transport undertook to write to the bus company.",
            "The Director of Highways and Transport",
        ),
        ("Councillor Adebayo agreed to contact the residents' group.", "Councillor Adebayo"),
        ("The Board requested a report on the new depot.", "The Board"),
        ("The Committee agreed to receive a further report in June.", "The Committee"),
        ("The Cabinet Member to write to the Minister about the grant.", "Cabinet Member"),
        ("It was agreed that officers would arrange a site visit.", "officers"),
        (
            "That the Head of Waste Services be requested to report back in six months.",
            "the Head of Waste Services",
        ),
        (
            "The Scrutiny Board (4) agreed to add depots to its work programme.",
            "The Scrutiny Board (4)",
        ),
        ("It was agreed that a leaflet would be circulated to households.", None),
    ],
)
def test_the_agent_the_text_names(text: str, agent: str | None) -> None:
    ((who, words),) = found(f"The Panel discussed the depot.\n\n{text}\n")
    assert (who, words) == (agent, text)


def test_a_part_of_a_decision_takes_the_decision_s_subject() -> None:
    text = (
        "RESOLVED that the Panel:\n\n1. Note the report.\n2. Agreed to receive an update in May.\n"
    )
    assert found(text) == [("the Panel", "Agreed to receive an update in May.")]


def test_agents_in_minutes() -> None:
    got = {
        a.text.split(" ")[0] + " " + a.text.split(" ")[1]: a.agent
        for a in record().items[1].actions
    }
    assert got == {
        "A reply": None,
        "It was": "officers",
        "Agreed to": "the Board",
        "Requests a": "the Board",
        "The Cabinet": "the Cabinet Member for Parks",
    }


# -- no duplicates -----------------------------------------------------------------------------
def test_an_undertaking_written_again_in_a_resolution_or_a_summary_is_one_action() -> None:
    playground = [a.text for a in actions_of("Playground")]
    # the resolution repeats the officers' undertaking: a resolution, not a second action
    assert sum("circulate the list of playgrounds" in t for t in playground) == 1
    work = [a.text for a in actions_of("Work Programme")]
    # "In summary, ..." lists the allotments again
    assert sum("Allotment waiting lists" in t for t in work) == 1
    assert len(work) == 4


def test_a_repeat_lends_its_agent_to_the_first_writing() -> None:
    text = (
        "It was agreed that a map of the routes would be circulated.\n\n"
        "Officers agreed to circulate a map of the routes.\n"
    )
    assert found(text) == [
        ("Officers", "It was agreed that a map of the routes would be circulated.")
    ]


# -- the graph ---------------------------------------------------------------------------------
@cache
def built() -> graphkit.BuildResult:
    return graphkit.build(FIXTURE)


@cache
def union() -> Graph:
    g = Graph()
    for s, p, o, _ in built().dataset.quads():
        g.add((s, p, o))
    return g


def agents() -> dict[str, tuple[set[URIRef], set[str]]]:
    g = union()
    out: dict[str, tuple[set[URIRef], set[str]]] = {}
    for action in set(g.subjects(RDF.type, GK.Action)):
        text = str(g.value(action, RDF.value))
        nodes = {o for o in g.objects(action, SCHEMA.agent) if isinstance(o, URIRef)}
        written = {str(o) for o in g.objects(action, GK.agentAsWritten)}
        out[text] = (nodes, written)
    return out


def kinds(node: URIRef) -> set[str]:
    return {str(t).rsplit("#", 1)[-1].rsplit("/", 1)[-1] for t in union().objects(node, RDF.type)}


def label(node: URIRef) -> str:
    return str(union().value(node, SKOS.prefLabel))


def test_agent_nodes_and_agents_as_written() -> None:
    got = agents()
    (officers,), written = got[
        "Officers agreed to circulate the list of playgrounds in the order they would be repaired."
    ]
    assert written == {"Officers"} and label(officers) == "Wexcombe Borough Council"
    (board,), written = got["Agreed to receive an update on tree survival rates in the autumn."]
    assert written == {"the Board"}
    assert label(board) == "Parks and Open Spaces Scrutiny Board (3)"
    (person,), written = got[
        "Councillor Marsh agreed to visit the Elm Road site with ward members."
    ]
    assert written == {"Councillor Marsh"} and "Person" in kinds(person)
    # a post is kept as written: the text does not say who holds it
    nodes, written = got[
        "The Director of Parks and Leisure undertook to write to the contractor about the "
        "delays at Elm Road."
    ]
    assert nodes == set() and written == {"The Director of Parks and Leisure"}
    assert got["A reply had not yet come from the Forestry Fund. This would be chased."] == (
        set(),
        set(),
    )


def test_the_query_shows_each_action_once_with_its_agent() -> None:
    res = run_query("actions-and-requests", built().dataset)
    rows = [
        {k: str(v) if v is not None else "" for k, v in zip(res.variables, r, strict=True)}
        for r in res.rows
    ]
    assert len(rows) == len(agents()) == 12
    by_action = {r["action"]: r for r in rows}
    row = by_action["The Cabinet Member for Parks be asked to respond to it."]
    assert row["agent"] == "the Cabinet Member for Parks"
    row = by_action["Councillor Marsh agreed to visit the Elm Road site with ward members."]
    assert row["agent"] == "Councillor Marsh"
    assert sum(1 for r in rows if r["agent"]) == 11
    marsh = run_query("actions-and-requests", built().dataset, params={"person": "Marsh"})
    assert len(marsh.rows) == 1


def test_an_action_line_right_under_a_line_of_prose() -> None:
    t = (
        "The Panel received a presentation from the Head of Skills.\n"
        "ACTION: Head of Skills to circulate the learner numbers by ward.\n"
        "ACTION: Scrutiny Officer to invite the college principal.\n"
    )
    assert [a.agent for a in find_actions(t, t, 0, len(t))] == [
        "Head of Skills",
        "Scrutiny Officer",
    ]
