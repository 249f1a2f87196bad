"""gk:TopicTakenUp: the item that first took a work-programme entry's topic, decided by
graphkit build (graphkit.graph.workprogramme.TopicsTaken) and read by the
work-programme query.

The rule was first written in SPARQL; that query is kept as the oracle
(tests/data/queries/work-programme-rule.rq) and the build's nodes must give its rows,
on the seeds and on generated documents."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import URIRef
from test_generate import generate

import graphkit
from graphkit.graph.workprogramme import TopicsTaken
from graphkit.load import load_store
from graphkit.query import load_query, run_query

RULE = Path(__file__).parent / "data" / "queries" / "work-programme-rule.rq"

TOPIC, OTHER = URIRef("x:topic"), URIRef("x:other")
ENTRY = URIRef("x:entry")


def _items(t: TopicsTaken, *items: tuple[str, str, str, int]) -> None:
    """(item, date, title, mentions of TOPIC) for each item."""
    for n, (name, date, title, mentions) in enumerate(items):
        node = URIRef(f"x:{name}")
        t.item(node, date, title)
        for m in range(mentions):
            t.mention(node, TOPIC, ("a.txt", 100 * n + m, 100 * n + m + 1))


def _taken(t: TopicsTaken) -> list[tuple[str, str, str]]:
    return [(str(e), str(c), str(i)) for e, c, i in t.taken()]


def test_the_first_meeting_on_or_after_the_planned_date() -> None:
    t = TopicsTaken()
    _items(t, ("before", "2021-05-31", "A", 9), ("on", "2021-06-01", "B", 1))
    _items(t, ("after", "2021-07-01", "C", 5))
    t.entry(ENTRY, "2021-06-01")
    t.entry_topic(ENTRY, TOPIC)
    assert _taken(t) == [("x:entry", "x:topic", "x:on")]


def test_an_undated_entry_takes_the_earliest_meeting() -> None:
    t = TopicsTaken()
    _items(t, ("later", "2022-01-01", "A", 3), ("earliest", "2020-01-01", "B", 1))
    t.entry(ENTRY, None)
    t.entry_topic(ENTRY, TOPIC)
    assert _taken(t) == [("x:entry", "x:topic", "x:earliest")]


def test_of_one_meetings_items_the_one_that_mentions_the_topic_most_then_by_title() -> None:
    t = TopicsTaken()
    _items(t, ("once", "2021-06-01", "A", 1), ("twice", "2021-06-01", "Z", 2))
    _items(t, ("twice-too", "2021-06-01", "B", 2))
    t.entry(ENTRY, None)
    t.entry_topic(ENTRY, TOPIC)
    assert _taken(t) == [("x:entry", "x:topic", "x:twice-too")]


def test_no_topic_no_later_meeting_or_an_undated_meeting_take_nothing() -> None:
    t = TopicsTaken()
    _items(t, ("early", "2021-01-01", "A", 2))
    # an item of a meeting no document dates is never told to TopicsTaken: its mentions
    # alone do not count
    t.mention(URIRef("x:undated"), TOPIC, ("a.txt", 999, 1000))
    t.entry(ENTRY, "2021-06-01")
    t.entry_topic(ENTRY, TOPIC)
    t.entry(URIRef("x:no-topic"), None)
    t.entry(URIRef("x:elsewhere"), None)
    t.entry_topic(URIRef("x:elsewhere"), OTHER)
    assert _taken(t) == []


def _rows(
    path: Path | str, store: object, params: dict[str, str], engine: str
) -> list[tuple[str, ...]]:
    result = run_query(load_query(path), store, params=params, engine=engine)
    return [tuple("" if v is None else str(v) for v in row) for row in result.rows]


def _same_rows_as_the_rule(out: Path, engines: tuple[str, ...]) -> int:
    """Both queries' rows on a build's output, every entry and one topic; the rows with a
    match."""
    store = load_store(out)
    library = load_query("work-programme")
    every = _rows(library.path, store, {}, "oxigraph")
    topics = sorted({row[3] for row in every if row[4]})
    assert topics, "the build took no entry's topic: nothing to compare"
    for engine in engines:
        target = store if engine == "oxigraph" else str(out / "graph.trig")
        for params in ({}, {"topic": topics[0]}):
            got = _rows(library.path, target, params, engine)
            assert got == _rows(RULE, target, params, engine), (engine, params)
    return sum(1 for row in every if row[4])


def test_the_seeds_build_gives_the_rules_rows(seeds_build: Path) -> None:
    assert _same_rows_as_the_rule(seeds_build, ("oxigraph", "rdflib")) > 0


@pytest.mark.slow
def test_generated_documents_give_the_rules_rows(tmp_path: Path) -> None:
    # several councils, hundreds of entries: ties, undated entries, entries planned after
    # every meeting on their topic
    generate.generate(150, tmp_path / "in", seed=3)
    result = graphkit.build([tmp_path / "in"], jobs=1, cache=False)
    graphkit.write_outputs(result, tmp_path / "out", view=False)
    assert _same_rows_as_the_rule(tmp_path / "out", ("oxigraph",)) >= 10
