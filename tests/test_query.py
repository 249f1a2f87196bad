"""graphkit.query: headers, parameters, binding safety, engines and output formats.

Runs against tests/data/queries/mini.trig, a small hand-written graph in the contract
vocabulary; its expected rows are in tests/data/queries/mini-expected.json.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF

from graphkit.errors import GraphkitError, QueryError
from graphkit.load import load_graph
from graphkit.query import (
    FORMATS,
    Param,
    Query,
    Results,
    bind_params,
    fold_filters,
    format_results,
    list_queries,
    load_query,
    oxigraph_store,
    parse_query,
    queries_dir,
    run_query,
    with_values,
)
from graphkit.sparqltext import lateral_optionals
from graphkit.vocab import GK

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data" / "queries"
MINI = DATA / "mini.trig"
EXPECTED = json.loads((DATA / "mini-expected.json").read_text(encoding="utf-8"))
pytestmark = pytest.mark.filterwarnings(
    "ignore:Dataset.default_context is deprecated:DeprecationWarning",
    "ignore:ConjunctiveGraph is deprecated:DeprecationWarning",
)
NASTY = [
    'x" } ; DROP ALL ; SELECT * { ?s ?p ?o } #',
    'back\\slash "quote" \n newline \t tab',
    "} FILTER(true) VALUES ?topic { 'SPS' } {",
    "\u0000\u2028\ufeff",
    "<https://w3id.org/graphkit/id/programme/exampleton/summer-play-scheme>",
]


@pytest.fixture(scope="module")
def mini():
    return load_graph(MINI)


@pytest.fixture(scope="module")
def mini_store(mini):
    return oxigraph_store(mini)


def _plain(rows) -> list[list[str]]:
    return [["" if t is None else str(t) for t in row] for row in rows]


def _case_id(case: dict) -> str:
    params = ",".join(f"{k}={v}" for k, v in case["params"].items())
    return f"{case['query']}[{params}]"


# -- the shipped library -----------------------------------------------------------------------
def test_every_shipped_query_has_a_mini_case():
    assert {q.name for q in list_queries()} == {c["query"] for c in EXPECTED}


@pytest.mark.parametrize("case", EXPECTED, ids=_case_id)
@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_mini_rows(case, engine, mini, mini_store):
    graph = mini_store if engine == "oxigraph" else mini
    res = run_query(case["query"], graph, params=case["params"], engine=engine)
    assert list(res.variables) == case["columns"]
    assert _plain(res.rows) == case["rows"]


FIRST_CASES = list({c["query"]: c for c in reversed(EXPECTED)}.values())


@pytest.mark.parametrize("case", FIRST_CASES, ids=_case_id)
def test_mini_rows_with_values_binding_in_rdflib(case, mini):
    """Binding by a VALUES block (as for engines without a binding API) gives the same rows
    as rdflib's initBindings: parameters are used only where both mean the same."""
    q = load_query(case["query"])
    bound = bind_params(q, case["params"])
    text = with_values(q.text, {k: v.n3() for k, v in bound.items()})
    plain = Query(q.name, q.title, q.description, (), text)
    res = run_query(plain, mini)
    assert _plain(res.rows) == case["rows"]


def test_queries_dir_is_the_checkout_folder():
    assert queries_dir() == ROOT / "queries"
    assert len(list_queries()) == len(list((ROOT / "queries").glob("*.rq")))


def test_load_by_path_and_by_name(tmp_path):
    by_name = load_query("who-held-role")
    copy = tmp_path / "mine.rq"
    copy.write_text(by_name.text, encoding="utf-8")
    by_path = load_query(str(copy))
    assert by_path.name == "mine" and by_path.path == copy
    assert by_path.params == by_name.params and by_path.title == by_name.title


def test_a_local_file_does_not_shadow_a_shipped_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "who-held-role").write_text("# title: Mine\nASK {}\n", encoding="utf-8")
    assert load_query("who-held-role").path == ROOT / "queries" / "who-held-role.rq"
    assert load_query("./who-held-role").title == "Mine"


def test_queries_are_installed_with_the_package(tmp_path):
    """setup.py's build step copies queries/*.rq into graphkit/queries/ of the built package,
    and an installed graphkit (no checkout beside it) finds them there."""
    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md"):
        shutil.copy(ROOT / name, src / name)
    for folder in ("graphkit", "queries"):
        shutil.copytree(ROOT / folder, src / folder, ignore=shutil.ignore_patterns("__pycache__"))
    lib = tmp_path / "lib"
    subprocess.run(
        [sys.executable, "setup.py", "-q", "build_py", "--build-lib", str(lib)],
        cwd=src,
        check=True,
        capture_output=True,
    )
    shipped = sorted(p.name for p in (ROOT / "queries").glob("*.rq"))
    built = lib / "graphkit" / "queries"
    assert sorted(p.name for p in built.glob("*.rq")) == shipped
    for name in shipped:
        assert (built / name).read_bytes() == (ROOT / "queries" / name).read_bytes()
    probe = (
        "import graphkit.query as q; print(q.queries_dir()); "
        "print(','.join(x.name for x in q.list_queries()))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(lib)},
    ).stdout
    where, names = out.splitlines()
    assert Path(where) == built
    assert names.split(",") == [n[:-3] for n in shipped]


# -- headers ---------------------------------------------------------------------------------
def test_header_parsing():
    q = parse_query(
        "# title: T\n"
        "# description: D.\n"
        "# param: who — a person\n"
        "# param: asof (date) = — a day\n"
        "# param: n (integer) = 3 -- how many\n"
        "# a free comment: param: not a declaration\n"
        "SELECT * WHERE { ?s ?p ?o }\n"
        "# param: late = 1 — after the header, ignored\n",
        name="t",
    )
    assert (q.title, q.description) == ("T", "D.")
    assert q.params == (
        Param("who", "text", None, "a person"),
        Param("asof", "date", "", "a day"),
        Param("n", "integer", "3", "how many"),
    )
    assert [p.required for p in q.params] == [True, False, False]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("# param: topic HAF", "bad param line"),
        ("# param: n (number) = 1 — x", "unknown parameter kind 'number'"),
        ("# param: d (date) = soon — x", "must be a date"),
    ],
)
def test_bad_headers(line, message):
    with pytest.raises(QueryError, match=message):
        parse_query(f"# title: T\n{line}\nSELECT * {{}}", name="t")


def test_duplicate_param_is_an_error():
    with pytest.raises(QueryError, match="declared twice"):
        parse_query("# param: a — x\n# param: a = 1 — y\nASK {}", name="t")


# -- parameters ----------------------------------------------------------------------------------
def test_missing_parameter_lists_the_parameters():
    with pytest.raises(QueryError) as err:
        bind_params(load_query("person-meetings"), {})
    assert "needs --param person=VALUE" in str(err.value)
    assert "person (required)" in str(err.value)


def test_unknown_parameter_lists_the_parameters():
    with pytest.raises(QueryError, match=r"no parameter colour; its parameters: role, asof"):
        bind_params(load_query("who-held-role"), {"colour": "red"})


def test_defaults_types_and_empty_values():
    q = load_query("co-attendance")
    assert bind_params(q, {}) == {"min": Literal(2)}
    assert bind_params(q, {"min": "3", "person": ""}) == {"min": Literal(3)}
    assert bind_params(load_query("who-held-role"), {"asof": "2022-01-31"})["asof"] == Literal(
        "2022-01-31", datatype=URIRef("http://www.w3.org/2001/XMLSchema#date")
    )
    for bad in ({"min": "two"}, {"min": "2.5"}):
        with pytest.raises(QueryError, match="whole number"):
            bind_params(q, bad)
    for day in ("31/01/2022", "2022-02-30", "20220131"):
        with pytest.raises(QueryError, match="YYYY-MM-DD"):
            bind_params(load_query("who-held-role"), {"asof": day})
    with pytest.raises(QueryError, match="needs --param entity"):
        bind_params(load_query("evidence"), {"entity": ""})


def test_iri_parameters_are_checked():
    q = parse_query("# param: x (iri) — a node\nSELECT ?p WHERE { ?x ?p ?o }", name="t")
    assert bind_params(q, {"x": "https://e.org/a"}) == {"x": URIRef("https://e.org/a")}
    for bad in ("https://e.org/a> } DROP ALL", "not an iri", "https://e.org/a b"):
        with pytest.raises(QueryError, match="absolute IRI"):
            bind_params(q, {"x": bad})


@pytest.mark.parametrize("value", NASTY)
@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_parameter_values_cannot_change_the_query(value, engine, mini, mini_store):
    """A hostile value is one literal: it matches no label, adds no pattern, drops nothing."""
    graph = mini_store if engine == "oxigraph" else mini
    before = len(mini_store.union), len(mini_store.store)
    res = run_query("topic-timeline", graph, params={"topic": value}, engine=engine)
    assert res.rows == ()
    res = run_query("evidence", graph, params={"entity": value}, engine=engine)
    assert res.rows == ()
    assert (len(mini_store.union), len(mini_store.store)) == before


@pytest.mark.parametrize("value", NASTY)
def test_parameter_values_arrive_intact(value, mini, mini_store, tmp_path):
    """The bound term is exactly the given text, through every binding route:
    rdflib initBindings, pyoxigraph substitutions (a projected variable) and VALUES."""
    echo = tmp_path / "echo.rq"
    echo.write_text("# title: Echo\n# param: v — anything\nSELECT ?v ?n WHERE { BIND(1 AS ?n) }\n")
    hidden = tmp_path / "hidden.rq"  # ?v not projected: pyoxigraph falls back to VALUES
    hidden.write_text(
        "# title: Hidden\n# param: v — anything\nSELECT ?w WHERE { BIND(?v AS ?w) }\n"
    )
    for path, engine, graph in (
        (echo, "rdflib", mini),
        (echo, "oxigraph", mini_store),
        (hidden, "rdflib", mini),
        (hidden, "oxigraph", mini_store),
    ):
        res = run_query(path, graph, params={"v": value}, engine=engine)
        assert res.rows[0][0] == Literal(value), (path.name, engine)


def test_with_values_ignores_braces_in_strings_comments_and_iris():
    text = 'PREFIX e: <http://e/x#>\n# a { comment\nSELECT ?x (":{" AS ?y)\nWHERE { ?x e:p "{" }'
    out = with_values(text, {"p": '"v"'})
    assert out.endswith('WHERE {\nVALUES (?p) { ("v") }\n ?x e:p "{" }')
    construct = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
    assert with_values(construct, {"s": "<http://e/s>"}) == (
        "CONSTRUCT { ?s ?p ?o } WHERE {\nVALUES (?s) { (<http://e/s>) }\n ?s ?p ?o }"
    )
    with pytest.raises(QueryError, match="no WHERE group"):
        with_values("DESCRIBE <http://e/s>", {"s": "<http://e/s>"})


def test_fold_filters_writes_terms_only_in_the_where_groups_own_filters():
    text = (
        "SELECT ?t (?t AS ?u) WHERE { ?x ?p ?t . FILTER(!BOUND(?t) || ?x = $t)\n"
        '  FILTER regex(?l, "?t", ?t) # FILTER(?t)\n'
        "  OPTIONAL { ?x ?q ?l FILTER(?l = ?t) }\n"
        "  FILTER NOT EXISTS { ?x ?r ?t FILTER(?t) }\n"
        "  FILTER(EXISTS { ?t ?r ?x } && ?tt = ?t)\n"
        "  { SELECT ?t WHERE { ?t ?p ?o FILTER(?t) } }\n"
        "} GROUP BY ?t HAVING(?t)"
    )
    assert fold_filters(text, {"t": '"v"'}) == (
        'SELECT ?t (?t AS ?u) WHERE { ?x ?p ?t . FILTER(!BOUND(?t) || ?x = "v")\n'
        '  FILTER regex(?l, "?t", "v") # FILTER(?t)\n'
        "  OPTIONAL { ?x ?q ?l FILTER(?l = ?t) }\n"
        "  FILTER NOT EXISTS { ?x ?r ?t FILTER(?t) }\n"
        '  FILTER(EXISTS { ?t ?r ?x } && ?tt = "v")\n'
        "  { SELECT ?t WHERE { ?t ?p ?o FILTER(?t) } }\n"
        "} GROUP BY ?t HAVING(?t)"
    )
    assert fold_filters(text, {}) == text


@pytest.mark.parametrize("case", EXPECTED, ids=_case_id)
def test_folded_filters_give_the_rows_of_the_values_block_alone(case, mini_store):
    """The terms written into the FILTERs change how fast pyoxigraph answers, never what."""
    q = load_query(case["query"])
    terms = {k: v.n3() for k, v in bind_params(q, case["params"]).items()}
    text = with_values(q.text, terms)
    plain, folded = (
        run_query(Query(q.name, q.title, q.description, (), t), mini_store, engine="oxigraph")
        for t in (text, fold_filters(text, terms))
    )
    assert _plain(folded.rows) == _plain(plain.rows) == case["rows"]


def test_lateral_optionals_wraps_only_the_where_groups_own_optionals():
    text = (
        'PREFIX e: <http://e/x#>\n# OPTIONAL { a comment\nSELECT * WHERE { ?s e:p "OPTIONAL {" .\n'
        "  optional { ?s e:q ?o OPTIONAL { ?o e:r ?r } { ?o e:s ?t } UNION { ?o e:u ?t } }\n"
        "  { SELECT ?s WHERE { ?s e:p ?x OPTIONAL { ?x e:q ?y } } }\n"
        "  FILTER NOT EXISTS { ?s e:v ?w OPTIONAL { ?w e:q ?z } }\n"
        "  OPTIONAL { ?s e:w '}' }\n"
        "} ORDER BY ?s"
    )
    assert lateral_optionals(text) == (
        'PREFIX e: <http://e/x#>\n# OPTIONAL { a comment\nSELECT * WHERE { ?s e:p "OPTIONAL {" .\n'
        "  LATERAL { optional { ?s e:q ?o OPTIONAL { ?o e:r ?r } { ?o e:s ?t } UNION { ?o e:u ?t } } }\n"
        "  { SELECT ?s WHERE { ?s e:p ?x OPTIONAL { ?x e:q ?y } } }\n"
        "  FILTER NOT EXISTS { ?s e:v ?w OPTIONAL { ?w e:q ?z } }\n"
        "  LATERAL { OPTIONAL { ?s e:w '}' } }\n"
        "} ORDER BY ?s"
    )
    plain = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
    assert lateral_optionals(plain) == plain


def test_the_lateral_hint_reaches_pyoxigraph_and_not_rdflib(mini, mini_store, tmp_path):
    """With ``# hint: lateral`` pyoxigraph matches an OPTIONAL once per row, with the
    row's terms: a group that reads a variable of the rows (the case the hint's author
    must rule out) shows which way it ran."""
    body = (
        "PREFIX schema: <https://schema.org/>\n"
        "SELECT ?meeting ?seen WHERE { ?meeting schema:attendee ?who .\n"
        "  OPTIONAL { BIND(?who AS ?seen) } } ORDER BY ?meeting ?seen LIMIT 1\n"
    )
    hinted = tmp_path / "hinted.rq"
    hinted.write_text("# title: t\n# hint: lateral\n" + body, encoding="utf-8")
    plain = tmp_path / "plain.rq"
    plain.write_text("# title: t\n" + body, encoding="utf-8")
    assert load_query(hinted).hints == ("lateral",) and load_query(plain).hints == ()
    assert run_query(plain, mini_store, engine="oxigraph").rows[0][1] is None
    assert run_query(hinted, mini_store, engine="oxigraph").rows[0][1] is not None
    assert run_query(hinted, mini, engine="rdflib").rows[0][1] is None  # rdflib reads no hint
    # and with a parameter bound by a VALUES block (not projected), as the library's are
    meeting = run_query(plain, mini_store, engine="oxigraph").rows[0][0]
    with_param = body.replace("SELECT ?meeting ?seen", "SELECT ?seen").replace(
        "?who .\n", "?who . FILTER(?meeting = ?m)\n"
    )
    hinted.write_text(
        "# title: t\n# hint: lateral\n# param: m (iri) — a meeting\n" + with_param, encoding="utf-8"
    )
    rows = run_query(hinted, mini_store, params={"m": str(meeting)}, engine="oxigraph").rows
    assert rows and rows[0][0] is not None
    # and with a parameter pyoxigraph substitutes (a projected variable)
    hinted.write_text(
        "# title: t\n# hint: lateral\n# param: meeting (iri) — a meeting\n" + body, encoding="utf-8"
    )
    rows = run_query(hinted, mini_store, params={"meeting": str(meeting)}, engine="oxigraph").rows
    assert rows and rows[0][0] == meeting and rows[0][1] is not None


def test_library_queries_with_the_lateral_hint_give_the_rows_without_it(mini_store):
    """Each shipped query that asks for the hint gives, in pyoxigraph, the rows it gives
    without it (and the expected rows, checked in both engines by test_mini_rows)."""
    hinted = [case for case in EXPECTED if "lateral" in load_query(case["query"]).hints]
    assert {c["query"] for c in hinted} >= {"evidence", "followups", "topic-timeline"}
    for case in hinted:
        q = load_query(case["query"])
        bare = Query(q.name, q.title, q.description, q.params, q.text, q.path)
        got = run_query(q, mini_store, params=case["params"], engine="oxigraph")
        without = run_query(bare, mini_store, params=case["params"], engine="oxigraph")
        assert _plain(got.rows) == _plain(without.rows) == case["rows"], case


@pytest.mark.parametrize(
    "line, message",
    [("# hint: lateral sideways", "unknown hint 'sideways'"), ("# hint: LATERAL", "unknown hint")],
)
def test_unknown_hints_are_named(line, message):
    with pytest.raises(QueryError, match=message):
        parse_query(f"# title: t\n{line}\nSELECT * {{}}", name="q")


# -- errors ----------------------------------------------------------------------------------------
def test_unknown_name_lists_what_is_available():
    with pytest.raises(QueryError) as err:
        load_query("topic-timline")
    message = str(err.value)
    assert "did you mean topic-timeline" in message
    for q in list_queries():
        assert q.name in message


def test_missing_file_and_unknown_engine(mini):
    with pytest.raises(QueryError, match="no such query file"):
        load_query("nowhere/mine.rq")
    with pytest.raises(QueryError, match="choose from rdflib, oxigraph"):
        run_query("meeting-chain", mini, engine="jena")


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_syntax_error_names_the_file(engine, mini, tmp_path):
    bad = tmp_path / "bad.rq"
    bad.write_text("# title: Bad\nSELECT ?x WHERE { ?x ?p }\n")
    with pytest.raises(QueryError, match=r"bad\.rq: SPARQL syntax error") as err:
        run_query(bad, mini, engine=engine)
    assert isinstance(err.value, GraphkitError)


# -- engines and graph inputs --------------------------------------------------------------------
def test_union_of_graphs_counts_each_fact_once(mini, mini_store):
    """Facts repeated in several document graphs (labels, memberships) come back once."""
    for graph, engine in ((mini, "rdflib"), (mini_store, "oxigraph")):
        res = run_query("who-held-role", graph, params={"role": "director"}, engine=engine)
        assert len(res.rows) == 1


@pytest.mark.parametrize("case", EXPECTED, ids=_case_id)
def test_a_plain_pyoxigraph_store_gives_the_same_rows(case):
    """A Store the caller made (not a UnionStore) is asked in pyoxigraph's union mode."""
    import pyoxigraph as ox

    plain = ox.Store()
    plain.bulk_load(path=str(MINI), format=ox.RdfFormat.TRIG)
    got = run_query(case["query"], plain, params=case["params"], engine="oxigraph")
    assert _plain(got.rows) == case["rows"]


def test_a_union_store_keeps_each_document_graph(mini_store, tmp_path):
    """The default graph holds the union; GRAPH patterns still see the documents' graphs."""
    mine = tmp_path / "graphs.rq"
    mine.write_text(
        "PREFIX gk: <https://w3id.org/graphkit/ns#>\n"
        "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?m a gk:Meeting } } ORDER BY ?g\n"
    )
    expected = sorted(
        str(g.identifier) for g in load_graph(MINI).graphs() if (None, RDF.type, GK.Meeting) in g
    )
    expected = [g for g in expected if g != "urn:x-rdflib:default"]
    assert expected
    got = run_query(mine, mini_store, engine="oxigraph")
    assert [str(row[0]) for row in got.rows] == expected


def test_ask_and_construct_queries(mini, tmp_path):
    ask = tmp_path / "ask.rq"
    ask.write_text("PREFIX gk: <https://w3id.org/graphkit/ns#>\nASK { ?m a gk:Meeting }\n")
    construct = tmp_path / "construct.rq"
    construct.write_text(
        "PREFIX gk: <https://w3id.org/graphkit/ns#>\n"
        "CONSTRUCT { ?m a gk:Meeting } WHERE { ?m a gk:Meeting }\n"
    )
    for engine in ("rdflib", "oxigraph"):
        res = run_query(ask, mini, engine=engine)
        assert res.boolean is True and json.loads(format_results(res, "json"))["boolean"] is True
        assert format_results(res, "csv") == "boolean\r\ntrue\r\n"
        res = run_query(construct, mini, engine=engine)
        assert res.variables == ("subject", "predicate", "object") and len(res.rows) == 4


def test_runs_from_a_file_or_build_folder(tmp_path, mini):
    (tmp_path / "graph.trig").write_bytes(MINI.read_bytes())
    direct = run_query("meeting-chain", mini)
    assert run_query("meeting-chain", tmp_path).rows == direct.rows
    via_file = run_query("meeting-chain", tmp_path / "graph.trig", engine="oxigraph")
    assert via_file.rows == direct.rows


# -- output formats ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def sample(mini):
    return run_query("person-meetings", mini, params={"person": "Evans"})


def test_table(sample):
    text = format_results(sample, "table")
    lines = text.splitlines()
    assert lines[0].split() == list(sample.variables)
    assert set(lines[1]) == {"-", " "}
    assert lines[-1] == "(2 rows)"
    starts = [lines[0].index(v) for v in sample.variables]
    assert lines[2].index("D Evans") == starts[2]  # columns line up under their headings
    cut = format_results(sample, "table", width=8)
    assert "Childre…" in cut and "Children's" not in cut


def test_csv_round_trips(sample):
    text = format_results(sample, "csv")
    assert "\r\n" in text
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == list(sample.variables)
    assert rows[1:] == _plain(sample.rows)


def test_tsv_writes_rdf_terms(sample):
    lines = format_results(sample, "tsv").splitlines()
    assert lines[0].split("\t") == [f"?{v}" for v in sample.variables]
    first = lines[1].split("\t")
    assert first[0] == '"2022-01-20"^^<http://www.w3.org/2001/XMLSchema#date>'
    assert first[2] == '"D Evans"'
    assert first[5] == ""  # unbound


def test_json_is_sparql_results_json(sample):
    doc = json.loads(format_results(sample, "json"))
    assert doc["head"]["vars"] == list(sample.variables)
    first = doc["results"]["bindings"][0]
    assert first["date"] == {
        "type": "literal",
        "value": "2022-01-20",
        "datatype": "http://www.w3.org/2001/XMLSchema#date",
    }
    assert first["name"] == {"type": "literal", "value": "D Evans"}
    assert "role" not in first  # unbound variables are left out


def test_markdown(sample):
    lines = format_results(sample, "markdown").splitlines()
    assert lines[0] == "| " + " | ".join(sample.variables) + " |"
    assert lines[1] == "|---" * len(sample.variables) + "|"
    assert len(lines) == 2 + len(sample.rows)
    odd = Results(("a",), ((Literal("x|y\nz"),),))
    assert format_results(odd, "markdown").splitlines()[2] == "| x\\|y z |"


def test_unknown_format():
    with pytest.raises(QueryError, match="choose from table, csv, tsv, json, markdown"):
        format_results(Results((), ()), "xlsx")


@pytest.mark.parametrize("fmt", FORMATS)
def test_output_is_deterministic(fmt, mini):
    outs = {format_results(run_query("attendance-record", mini), fmt) for _ in range(2)}
    assert len(outs) == 1
