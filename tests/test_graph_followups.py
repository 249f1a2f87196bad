"""Follow-ups and plan checks in the seeds graph: where they live, what they link, and the
two requests the issue names, read by the rules without knowing the seeds."""

from __future__ import annotations

import pytest
from rdflib import Dataset, Literal, URIRef

from graphkit.followups.report import read_followups, read_plan
from graphkit.vocab import GK, RDF, TIME, XSD

pytestmark = pytest.mark.filterwarnings(
    "ignore:Dataset.default_context is deprecated:DeprecationWarning",
    "ignore:ConjunctiveGraph is deprecated:DeprecationWarning",
)


def _default(ds: Dataset):
    return ds.default_graph if hasattr(type(ds), "default_graph") else ds.default_context


def test_followups_live_in_the_default_graph_only(seeds_dataset: Dataset) -> None:
    default = _default(seeds_dataset)
    ours = {GK.FollowUp, GK.FollowUpMatch, GK.PlanCheck}
    for s, _p, o, ctx in seeds_dataset.quads((None, RDF.type, None)):
        if o in ours:
            assert ctx == default.identifier, (s, ctx)
    assert len(list(default.subjects(RDF.type, GK.FollowUp))) == 26


def _find(rows, text: str):
    (row,) = [r for r in rows if text in r.request]
    return row


def test_best_start_report_for_2023_24_is_unknown(seeds_dataset: Dataset) -> None:
    row = _find(read_followups(seeds_dataset), "regarding the Best Start in Life")
    assert (row.date, row.status, row.kind, row.topic) == (
        "2023-03-16",
        "unknown",
        "report",
        "Best Start in Life",
    )
    assert row.due == "in the 2023/24 Municipal Year (2023-05-01 to 2024-04-30)"
    assert row.reason == (
        "due by 2024-04-30; the records hold no meeting of the committee between 2023-03-16 and 2024-04-30"
    )
    assert row.candidates == ()


def test_haf_feedback_report_is_not_answered_by_the_2024_item(seeds_dataset: Dataset) -> None:
    """The HAF item of 28 November 2024 names the programme in its title and says "as heard
    by the Board previously", but comes two years after "later in the municipal year"
    ended: a candidate, not an answer. A 2021-22 work programme planned the feedback for
    a meeting the seeds do not hold, so the status is unknown."""
    row = _find(read_followups(seeds_dataset), "feedback report on the programme")
    assert (row.date, row.status, row.topic) == (
        "2021-06-24",
        "unknown",
        "Holiday Activities and Food Programme",
    )
    assert row.due == "later in the municipal year (2021-06-25 to 2022-04-30)"
    assert (
        row.reason
        == "a work programme planned it for 2021-10-21; the records hold no meeting on that date"
    )
    assert [(c.date, c.item, c.verdict, c.rule, c.score) for c in row.candidates] == [
        (
            "2024-11-28",
            "52 Coventry Holiday Activities and Food Programme",
            "candidate",
            "subject-in-title+back-reference+late",
            0.4,
        ),
        (
            "2021-10-21",
            "work programme: Education & Skills and Children's Services Covid-19 recovery update",
            "scheduled",
            "scheduled",
            0.3,
        ),
    ]
    action = URIRef(row.action)
    node = URIRef(f"{action}/follow-up")
    assert (node, GK.followedUpIn, None) not in seeds_dataset
    end = URIRef(f"{node}/due/end")
    assert (end, TIME.inXSDDate, Literal("2022-04-30", datatype=XSD.date)) in seeds_dataset


def test_every_status_in_the_seeds_has_its_reason(seeds_dataset: Dataset) -> None:
    rows = read_followups(seeds_dataset)
    assert {r.status for r in rows} == {"open", "unknown", "partly answered"}
    assert all(r.reason for r in rows)
    # only a match that answers or partly answers is a gk:followedUpIn link
    for r in rows:
        node = URIRef(f"{r.action}/follow-up")
        linked = set(seeds_dataset.objects(node, GK.followedUpIn))
        assert bool(linked) == (r.status in ("answered", "partly answered"))


def test_2021_22_work_programme_against_the_seeds(seeds_dataset: Dataset) -> None:
    rows = read_plan(seeds_dataset, "2021/22")
    dated = [(r.planned, r.entry[:20], r.status, r.taken_on) for r in rows if r.planned]
    assert dated == [
        ("2021-06-24", "Children and Young P", "held as planned", "2021-06-24"),
        ("2021-09-16", "Briefing on support ", "planned, not taken", ""),
        ("2021-09-16", "Ofsted Outcomes and ", "held as planned", "2021-09-16"),
        ("2021-10-21", "Criminal and sexual ", "meeting not in the records", ""),
        ("2021-10-21", "Education & Skills a", "meeting not in the records", ""),
        ("2021-11-25", "Library provision", "meeting not in the records", ""),
        ("2021-11-25", "Marmot, Health Inequ", "meeting not in the records", ""),
        ("2022-01-27", "Covid-19 recovery up", "meeting not in the records", ""),
    ]
    added = [(r.taken_on, r.taken_as) for r in rows if r.status == "added, not planned"]
    assert added == [("2022-03-17", "Children's Services Continuous Improvement Progress")]
    undated = [r for r in rows if not r.planned and r.entry]
    assert len(undated) == 15 and {r.status for r in undated} == {"planned, not taken"}


def test_an_item_several_documents_record_has_every_records_words_once() -> None:
    """The follow-up rules read an item's words from every document that records it, in
    order, joined once (joined a record at a time, 200 records took the square of the
    text's length)."""
    import datetime as dt

    from graphkit.followups.records import Item
    from graphkit.graph.followups import _merged

    day = dt.date(2031, 3, 5)
    records = [
        Item("x:item", "Parks", day, "4", "Trees", text, frozenset(p), frozenset(t))
        for text, p, t in (
            ("first", {"a"}, {"a"}),
            ("second", {"b"}, set()),
            ("third", set(), {"c"}),
        )
    ]
    merged = _merged(records)
    assert (merged.key, merged.title, merged.date, merged.number) == ("x:item", "Trees", day, "4")
    assert merged.text == "first\nsecond\nthird"
    assert merged.programmes == {"a", "b"} and merged.title_programmes == {"a", "c"}
    assert _merged(records[:1]) is records[0]
