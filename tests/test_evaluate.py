"""The scorer on a tiny gold annotation and a hand-made contract-shaped graph.

``tests/data/evaluate/gold.json`` and ``perfect.trig`` describe an invented panel;
``perfect.trig`` agrees with the gold in every figure, and each test breaks it in
one way and checks that the right figure moves.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Literal, URIRef

from graphkit.cli import cli
from graphkit.evaluate import (
    PRF,
    GoldError,
    evaluate,
    format_report,
    load_gold,
    name_keys,
)
from graphkit.load import load_graph
from graphkit.vocab import DCTERMS, FOAF, GK, PROV, RDF, SCHEMA, SKOS, XSD

DATA = Path(__file__).parent / "data" / "evaluate"
GOLD = DATA / "gold.json"
GRAPH = DATA / "perfect.trig"
ID = "https://example.org/id/"


def n(local: str) -> URIRef:
    return URIRef(ID + local)


@pytest.fixture(scope="module")
def gold() -> dict:
    return load_gold(GOLD)


@pytest.fixture
def ds() -> Dataset:
    return load_graph(GRAPH)


def doc1(ds: Dataset):
    return ds.graph(n("doc1"))


def drop(ds: Dataset, node: URIRef) -> None:
    for s, p, o, c in list(ds.quads((node, None, None, None))):
        ds.remove((s, p, o, c))


def test_perfect_graph_scores_one_everywhere(ds, gold):
    ev = evaluate(ds, gold)
    assert ev.meetings["found"] == ["np-2030-02-05", "np-2030-03-12"]
    assert ev.meetings["extra"] == [] and ev.meetings["missing"] == []
    # the referred-to meeting of 2029-12-01 is not an extra meeting
    assert ev.meetings["referenced_only"] == 1
    for score in (
        ev.items["number_and_title"],
        ev.items["number"],
        ev.items["title"],
        ev.attendance["status"],
        ev.attendance["capacity"],
        ev.programmes["core_meetings"],
        ev.work_programme["entries"],
        ev.roles["pairs"],
    ):
        assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0)
    assert ev.people["found"] == ev.people["total"] == 4
    assert not ev.people["splits"] and not ev.people["merges"] and not ev.people["spurious"]
    assert ev.programmes["core_found"] == ev.programmes["core_one_concept"] == 2
    assert ev.programmes["minor_found"] == 1 and ev.programmes["merged"] == []
    # "Action Plan" is a variant of both gold programmes, so it is not evidence for either
    play = next(c for c in ev.programmes["core"] if c["id"] == "play-streets")
    assert play["concepts"] == ["Play Streets Programme"]
    # gss is in 2030-03-12 only by an annotation outside any item (document rule)
    gss = next(c for c in ev.programmes["core"] if c["id"] == "gss")
    assert gss["graph_meetings"] == ["np-2030-02-05", "np-2030-03-12"]
    assert ev.chairs["correct"] == ev.chairs["total"] == 2
    assert ev.resolutions["exact"] == ev.resolutions["items_compared"] == 4
    assert ev.actions["gold_total"] == ev.actions["graph_total"] == 1
    assert ev.organisations["found"] == ev.organisations["total"] == 1
    assert ev.attendance["excluded_meetings"] == ["np-2030-03-12"]


def test_missing_attendance_row_lowers_recall_only(ds, gold):
    drop(ds, n("att-chen"))
    att = evaluate(ds, gold).attendance
    assert att["status"] == PRF.of(3, 0, 1)
    assert att["status"].recall == 0.75 and att["status"].precision == 1.0
    assert att["missed"] == ["np-2030-02-05 m-chen apologies (member)"]


def test_wrong_status_is_both_a_miss_and_a_false_positive(ds, gold):
    ds.remove((n("att-chen"), GK.status, GK.Apologies, None))
    doc1(ds).add((n("att-chen"), GK.status, GK.Present))
    att = evaluate(ds, gold).attendance
    assert att["status"] == PRF.of(3, 1, 1)


def test_wrong_capacity_counts_only_with_capacity(ds, gold):
    ds.remove((n("att-patel"), GK.capacity, GK.Officer, None))
    doc1(ds).add((n("att-patel"), GK.capacity, GK.Invited))
    att = evaluate(ds, gold).attendance
    assert att["status"].f1 == 1.0
    assert att["capacity"] == PRF.of(3, 1, 1)
    assert att["capacity_wrong"] == ["np-2030-02-05 r-patel: gold officer, graph invited"]


def test_attendance_on_a_membership_meeting_is_excluded_not_scored(ds, gold):
    g = ds.graph(n("doc2"))
    g.add((n("att2"), RDF.type, GK.Attendance))
    g.add((n("att2"), GK.meeting, n("m2")))
    g.add((n("att2"), GK.attendee, n("brook")))
    g.add((n("att2"), GK.status, GK.Present))
    att = evaluate(ds, gold).attendance
    assert att["excluded_graph_rows"] == 1
    assert att["status"].precision == 1.0


def test_false_merge_is_detected(ds, gold):
    # Chen's node also carries Ortiz's full name: one graph person, two gold people
    doc1(ds).add((n("chen"), SKOS.altLabel, Literal("Lena Ortiz")))
    people = evaluate(ds, gold).people
    assert people["merges"] == [{"label": "M Chen", "gold": ["l-ortiz", "m-chen"]}]
    report = format_report(evaluate(ds, gold))
    assert "people falsely merged (1):\n  M Chen: l-ortiz, m-chen" in report


def test_split_is_detected(ds, gold):
    g = doc1(ds)
    g.add((n("brook2"), RDF.type, SCHEMA.Person))
    g.add((n("brook2"), RDF.type, FOAF.Person))
    g.add((n("brook2"), SKOS.prefLabel, Literal("Cllr. Brook")))
    g.remove((n("att-brook"), GK.attendee, n("brook")))
    g.add((n("att-brook"), GK.attendee, n("brook2")))
    ev = evaluate(ds, gold)
    assert ev.people["splits"] == {"a-brook": ["A Brook", "Cllr. Brook"]}
    assert ev.people["merges"] == []
    # both halves are the same gold person, so attendance still matches
    assert ev.attendance["status"].f1 == 1.0
    assert "people split (1):\n  a-brook: A Brook | Cllr. Brook" in format_report(ev)


def test_spurious_person_is_listed(ds, gold):
    g = doc1(ds)
    g.add((n("nobody"), RDF.type, SCHEMA.Person))
    g.add((n("nobody"), SKOS.prefLabel, Literal("Q Nobody")))
    ev = evaluate(ds, gold)
    assert ev.people["spurious"] == ["Q Nobody"]
    assert ev.people["found"] == 4
    assert "people spurious (1):\n  Q Nobody" in format_report(ev)


def test_missing_person_is_listed(ds, gold):
    drop(ds, n("patel"))
    assert evaluate(ds, gold).people["missing"] == ["r-patel"]


def test_programme_split_and_wrong_meeting(ds, gold):
    g = doc1(ds)
    g.add((n("gss2"), RDF.type, SKOS.Concept))
    g.add((n("gss2"), SKOS.prefLabel, Literal("the Green Spaces strategy")))
    g.add((n("m1-i2"), DCTERMS.subject, n("play")))
    progs = evaluate(ds, gold).programmes
    by_id = {c["id"]: c for c in progs["core"]}
    assert by_id["gss"]["found"] and not by_id["gss"]["one_concept"]
    assert progs["core_one_concept"] == 1
    assert by_id["play-streets"]["meetings"] == PRF.of(1, 1, 0)
    assert progs["core_meetings"].recall == 1.0 and progs["core_meetings"].precision == 0.75
    report = format_report(evaluate(ds, gold))
    assert "gss: 2 concepts (Green Spaces Strategy | the Green Spaces strategy)" in report
    assert "play-streets: meetings gold ['np-2030-03-12'], graph" in report


def test_concept_matching_two_programmes_is_reported(ds, gold):
    doc1(ds).add((n("gss"), SKOS.altLabel, Literal("Tree Wardens")))
    progs = evaluate(ds, gold).programmes
    assert progs["merged"] == [{"label": "Green Spaces Strategy", "gold": ["gss", "tree-wardens"]}]


def test_item_number_and_title_figures_move_separately(ds, gold):
    ds.remove((n("m1-i1"), DCTERMS.identifier, None, None))
    doc1(ds).add((n("m1-i1"), DCTERMS.identifier, Literal("7")))
    items = evaluate(ds, gold).items
    assert items["title"].f1 == 1.0
    assert items["number"] == PRF.of(2, 1, 1)
    assert items["number_and_title"] == PRF.of(3, 1, 1)
    assert items["missed"] == ["np-2030-02-05 1 apologies"]


def test_committee_mismatch_means_meeting_missing(ds, gold):
    ds.remove((n("m1"), SCHEMA.organizer, None, None))
    g = doc1(ds)
    g.add((n("m1"), SCHEMA.organizer, n("other")))
    g.add((n("other"), SKOS.prefLabel, Literal("Parks Panel")))
    ev = evaluate(ds, gold)
    assert ev.meetings["missing"][0]["id"] == "np-2030-02-05"
    assert "'Parks Panel'" in ev.meetings["missing"][0]["why"]
    # its items and attendance no longer count, and its chair cannot be right
    assert ev.items["number_and_title"].recall == 0.25
    assert ev.attendance["status"] == PRF.of(0, 4, 4)
    assert ev.chairs["correct"] == 1
    # it has minutes (items, attendance) and is not in the gold: an extra meeting
    assert [x["date"] for x in ev.meetings["extra"]] == ["2030-02-05"]


def test_extra_recorded_meeting_is_listed(ds, gold):
    g = ds.graph(n("doc3"))
    g.add((n("m9"), RDF.type, GK.Meeting))
    g.add((n("m9"), DCTERMS.date, Literal("2030-05-01", datatype=XSD.date)))
    g.add((n("m9"), SCHEMA.organizer, n("panel")))
    g.add((n("m9"), PROV.wasDerivedFrom, n("doc3")))
    g.add((n("m9-i1"), RDF.type, GK.AgendaItem))
    g.add((n("m9-i1"), SCHEMA.superEvent, n("m9")))
    g.add((n("m9-i1"), SCHEMA.name, Literal("Minutes")))
    ev = evaluate(ds, gold)
    assert [x["date"] for x in ev.meetings["extra"]] == ["2030-05-01"]
    assert ev.items["number_and_title"] == PRF.of(4, 1, 0)


def test_wrong_chair(ds, gold):
    ds.remove((n("m1"), GK.chair, None, None))
    doc1(ds).add((n("m1"), GK.chair, n("ortiz")))
    chairs = evaluate(ds, gold).chairs
    assert chairs["correct"] == 1
    assert chairs["meetings"][0]["graph"] == ["Lena Ortiz"] and not chairs["meetings"][0]["ok"]


def test_resolution_and_action_counts(ds, gold):
    drop(ds, n("m1-i2-act1"))
    doc1(ds).add((n("m1-i1-res"), RDF.type, GK.Resolution))
    doc1(ds).add((n("m1-i1-res"), DCTERMS.isPartOf, n("m1-i1")))
    ev = evaluate(ds, gold)
    assert ev.actions["exact"] == 3 and ev.actions["graph_total"] == 0
    assert ev.resolutions["differences"] == ["1 Apologies: gold 0, graph 1"]


def test_roles_and_organisations(ds, gold):
    ds.remove((n("role-director"), SKOS.prefLabel, None, None))
    doc1(ds).add((n("role-director"), SKOS.prefLabel, Literal("Director of Gardens")))
    drop(ds, n("trust"))
    ev = evaluate(ds, gold)
    assert ev.roles["pairs"] == PRF.of(1, 1, 1)
    assert ev.roles["missed"] == ["r-patel: director of parks"]
    assert ev.organisations["missing"] == ["parks-trust"]


def test_empty_graph_scores_zero(gold):
    ev = evaluate(Dataset(), gold)
    assert ev.items["number_and_title"].f1 == 0.0
    assert ev.people["found"] == 0 and ev.chairs["correct"] == 0
    assert json.loads(json.dumps(ev.as_dict()))["attendance"]["status"]["fn"] == 4


def test_name_keys_strip_titles_and_roles():
    assert "k jones" in name_keys("Mrs K. Jones (Co-opted Member)")
    assert "ann lee" in name_keys("Dr Ann Lee, Director of Public Health")
    assert name_keys("Councillor") == {"councillor"}


def test_gold_errors(tmp_path):
    with pytest.raises(GoldError, match="no such gold file"):
        load_gold(tmp_path / "nope.json")
    bad = tmp_path / "bad.json"
    bad.write_text('{"meetings": [{"id": "x"}]}', encoding="utf-8")
    with pytest.raises(GoldError, match="missing top-level key 'people'"):
        load_gold(bad)
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(GoldError, match="not readable JSON"):
        load_gold(bad)


# -- the command ----------------------------------------------------------------------------
def test_cli_scores_a_graph_file():
    result = CliRunner().invoke(cli, ["evaluate", "--gold", str(GOLD), "--graph", str(GRAPH)])
    assert result.exit_code == 0, result.output
    assert "found (date + committee)        2/2" in result.output
    assert "F1 1.00" in result.output


def test_cli_scores_a_build_folder(tmp_path):
    (tmp_path / "graph.trig").write_bytes(GRAPH.read_bytes())
    result = CliRunner().invoke(cli, ["evaluate", "--gold", str(GOLD), "--graph", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "chairs          right                           2/2" in result.output


def test_cli_json_output():
    result = CliRunner().invoke(
        cli, ["evaluate", "--gold", str(GOLD), "--graph", str(GRAPH), "--json"]
    )
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["people"]["found"] == 4
    assert figures["items"]["number_and_title"]["f1"] == 1.0


def test_cli_builds_documents_on_the_fly():
    result = CliRunner().invoke(
        cli, ["evaluate", "--gold", str(GOLD), "--quiet", str(DATA / "panel-minutes.txt")]
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith("category")
    assert "meetings" in result.output and "attendance" in result.output


@pytest.mark.parametrize("args", [[], ["--graph", str(GRAPH), str(DATA / "panel-minutes.txt")]])
def test_cli_needs_exactly_one_source(args):
    result = CliRunner().invoke(cli, ["evaluate", "--gold", str(GOLD), *args])
    assert result.exit_code == 2
    assert "either --graph" in result.output


def test_cli_reports_a_bad_gold_file(tmp_path):
    bad = tmp_path / "gold.json"
    bad.write_text("[]", encoding="utf-8")
    result = CliRunner().invoke(cli, ["evaluate", "--gold", str(bad), "--graph", str(GRAPH)])
    # main() turns a GraphkitError into "graphkit: error: ..." and exit status 2
    assert isinstance(result.exception, GoldError)
    assert "'meetings' and 'people'" in str(result.exception)
