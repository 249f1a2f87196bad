"""Every shipped query against the graph built from seeds/, checked against the gold JSON.

Expected rows are derived from the gold annotation (the ``gold`` fixture); graph labels
are mapped to gold ids with graphkit.evaluate's name keys.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

import pytest

from graphkit.evaluate import concept_key, name_keys, norm
from graphkit.graph import municipal_year
from graphkit.query import Results, list_queries, oxigraph_store, run_query

pytestmark = pytest.mark.filterwarnings(
    "ignore:Dataset.default_context is deprecated:DeprecationWarning",
    "ignore:ConjunctiveGraph is deprecated:DeprecationWarning",
)

ROOT = Path(__file__).resolve().parent.parent
CHECKS: dict[str, Callable[..., None]] = {}
# gold capacity → the local name of the gk: capacity term (the contract's value set)
CAPACITY = {
    "member": "Member",
    "co-opted": "CoOptedMember",
    "cabinet-member": "CabinetMember",
    "other-member": "OtherMember",
    "officer": "Officer",
    "invited": "Invited",
    "observer": "Observer",
}
TOPICS = ("haf", "family-valued", "saplings-programme")  # the examples


def check(name: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    def register(fn: Callable[..., None]) -> Callable[..., None]:
        CHECKS[name] = fn
        return fn

    return register


def _programme_keys(label: str) -> set[str]:
    """A programme's name with and without a trailing "Programme": "Best Start in Life"
    names the gold's "Best Start in Life Programme"."""
    key = concept_key(label)
    return {key, re.sub(r" programme$", "", key)}


class Gold:
    """Lookups over the gold JSON: label → gold id, meeting dates, attendance."""

    def __init__(self, gold: dict) -> None:
        self.data = gold
        self.meetings = gold["meetings"]
        self.date = {m["id"]: m["date"] for m in self.meetings}
        self.people = {p["id"]: p for p in gold["people"]}
        self.programmes = {p["id"]: p for p in gold["programmes"]}
        self._person = self._index(
            {
                p["id"]: [*p["variants"], p["canonical_name"], p.get("full_name")]
                for p in gold["people"]
            },
            name_keys,
        )
        self._programme = self._index(
            {
                p["id"]: [*p["variants"], p["canonical_name"], p.get("acronym")]
                for p in gold["programmes"]
            },
            _programme_keys,
        )

    @staticmethod
    def _index(names: dict, keys: Callable[[str], set[str]]) -> dict[str, str]:
        seen: dict[str, set[str]] = defaultdict(set)
        for gid, labels in names.items():
            for label in filter(None, labels):
                for k in keys(label):
                    seen[k].add(gid)
        return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}

    def person(self, label: str) -> str | None:
        ids = {self._person[k] for k in name_keys(label) if k in self._person}
        return ids.pop() if len(ids) == 1 else None

    def programme(self, label: str) -> str | None:
        ids = {self._programme[k] for k in _programme_keys(label) if k in self._programme}
        return ids.pop() if len(ids) == 1 else None

    def organisation(self, oid: str) -> str:
        return next(o["canonical_name"] for o in self.data["organisations"] if o["id"] == oid)

    def topic_param(self, pid: str) -> str:
        """The shortest name the gold gives a programme: what a user would type."""
        p = self.programmes[pid]
        return min([*p["variants"], p["canonical_name"]], key=lambda s: (len(s), s))

    def attendance(self):  # (meeting, entry) for every attendance entry
        return [(m, a) for m in self.meetings for a in m.get("attendance") or []]

    def items(self):
        return [(m, i) for m in self.meetings for i in m["items"]]


class Runner:
    """Runs a query on the seeds graph once per (name, engine, params)."""

    def __init__(self, dataset) -> None:
        self.dataset = dataset
        self.store = oxigraph_store(dataset)
        self.cache: dict = {}

    def results(self, name: str, engine: str = "rdflib", **params: str) -> Results:
        key = (name, engine, tuple(sorted(params.items())))
        if key not in self.cache:
            graph = self.store if engine == "oxigraph" else self.dataset
            self.cache[key] = run_query(name, graph, params=params, engine=engine)
        return self.cache[key]

    def __call__(self, name: str, **params: str) -> list[dict[str, str | None]]:
        # the gold checks run in pyoxigraph (fast); test_same_rows_in_pyoxigraph shows that
        # rdflib, the default engine, returns the same rows
        res = self.results(name, "oxigraph", **params)
        return [
            {v: None if t is None else str(t) for v, t in zip(res.variables, row, strict=True)}
            for row in res.rows
        ]


@dataclass
class Ctx:
    run: Runner
    g: Gold
    texts: dict[str, str]
    request: pytest.FixtureRequest


@pytest.fixture(scope="module")
def g(gold) -> Gold:
    return Gold(gold)


_RUNNERS: dict[int, Runner] = {}


def runner_for(dataset) -> Runner:
    """One Runner (and its cache) per Dataset for the whole session."""
    if id(dataset) not in _RUNNERS:
        _RUNNERS[id(dataset)] = Runner(dataset)
    return _RUNNERS[id(dataset)]


@pytest.fixture(scope="module")
def run(seeds_dataset) -> Runner:
    return runner_for(seeds_dataset)


# -- the library is covered --------------------------------------------------------------------
def test_every_query_has_a_title_description_and_seeds_check():
    names = []
    for q in list_queries():
        assert q.title, f"{q.path}: no '# title:' line"
        assert q.description, f"{q.path}: no '# description:' line"
        assert all(p.description for p in q.params), f"{q.path}: a parameter has no meaning"
        names.append(q.name)
    assert sorted(CHECKS) == sorted(names), "each queries/*.rq needs a check in this file"
    assert len(names) == len(list((ROOT / "queries").glob("*.rq")))


# -- one check per query -----------------------------------------------------------------------
@check("topic-timeline")
def _topic_timeline(c: Ctx):
    run, g = c.run, c.g
    for pid in TOPICS:
        rows = [
            r
            for r in run("topic-timeline", topic=g.topic_param(pid))
            if g.programme(r["topic_name"]) == pid
        ]
        want_dates = {g.date[m] for m in g.programmes[pid]["mentioned_in_meetings"]}
        want_items = {
            (m["date"], i["number"] or "") for m, i in g.items() if pid in i["programmes"]
        }
        got_items = {(r["date"], r["item"] or "") for r in rows}
        assert {r["date"] for r in rows} == want_dates, pid
        assert got_items == want_items, (
            pid,
            sorted(want_items - got_items),
            sorted(got_items - want_items),
        )
        assert all(r["evidence"] and int(r["mentions"]) >= 1 for r in rows), pid


@check("topics-by-year")
def _topics_by_year(c: Ctx):
    run, g = c.run, c.g
    rows = run("topics-by-year")
    got: dict[str, dict[str, int]] = defaultdict(dict)
    concepts: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        pid = g.programme(r["topic_name"])
        if pid:
            got[pid][r["year"]] = int(r["meetings"])
            concepts[pid].add(r["topic_name"])
    problems = {}
    for pid, p in g.programmes.items():
        if p.get("salience") != "core":
            continue
        want = Counter(municipal_year(_day(g.date[m])) for m in p["mentioned_in_meetings"])
        if len(concepts[pid]) > 1 or dict(want) != got.get(pid, {}):
            problems[pid] = (
                f"{pid}: gold {dict(want)}, graph {got.get(pid, {})} from {sorted(concepts[pid])}"
            )
    assert not problems, "\n".join(problems.values())


@check("person-meetings")
def _person_meetings(c: Ctx):
    run, g = c.run, c.g
    seen = Counter(a["person"] for _, a in g.attendance())
    people = sorted(pid for pid, n in seen.items() if n >= 3)
    assert people
    for pid in people:
        rows = [
            r
            for r in run("person-meetings", person=g.people[pid]["canonical_name"])
            if g.person(r["name"]) == pid
        ]
        want = {(m["date"], a["status"].title()) for m, a in g.attendance() if a["person"] == pid}
        assert {(r["date"], r["status"]) for r in rows} == want, pid
        for m, a in g.attendance():
            if a["person"] != pid:
                continue
            row = next(r for r in rows if r["date"] == m["date"])
            if a.get("capacity_stated", True):
                assert row["capacity"] == CAPACITY[a["capacity"]], (pid, m["date"])
            if a.get("role_as_written"):
                assert norm(row["role"] or "") == norm(a["role_as_written"]), (pid, m["date"])
    # any name the documents use finds the same meetings
    chair = g.meetings[0]["chair"]
    base = run("person-meetings", person=g.people[chair]["canonical_name"])
    for variant in g.people[chair]["variants"]:
        if "(" not in variant and "," not in variant:
            assert run("person-meetings", person=variant) == base, variant


@check("attendance-record")
def _attendance_record(c: Ctx):
    run, g = c.run, c.g
    want: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    minuted: dict[str, set[str]] = defaultdict(set)
    for m, a in g.attendance():
        year = municipal_year(_day(m["date"]))
        minuted[year].add(m["id"])
        if a["capacity"] in ("member", "co-opted"):
            counts = want[(year, a["person"])]
            counts[0] += 1
            counts[1] += a["status"] == "present"
            counts[2] += a["status"] == "apologies"
    got = {}
    for r in run("attendance-record"):
        got[(r["year"], g.person(r["name"]))] = [
            int(r["listed"]),
            int(r["present"]),
            int(r["apologies"]),
        ]
        assert int(r["minuted"]) == len(minuted[r["year"]]), r
        assert int(r["rate"]) == round(100 * int(r["present"]) / int(r["listed"])), r
    assert got == dict(want), (sorted(set(want) - set(got)), sorted(set(got) - set(want)))


@check("who-held-role")
def _who_held_role(c: Ctx):
    run, g = c.run, c.g
    chaired: dict[str, list[str]] = defaultdict(list)
    for m in g.meetings:
        if m["chair"]:
            chaired[m["chair"]].append(m["date"])
    want = {(pid, min(d), max(d)) for pid, d in chaired.items()}
    rows = [r for r in run("who-held-role") if _role(r["role_name"]) == "chair"]
    assert {(g.person(r["name"]), r["from"], r["to"]) for r in rows} == want
    # as of a date: only the holders whose evidence spans it
    for _, start, _ in sorted(want, key=lambda w: w[1]):
        asof = [r for r in run("who-held-role", asof=start) if _role(r["role_name"]) == "chair"]
        assert {g.person(r["name"]) for r in asof} == {p for p, a, b in want if a <= start <= b}
    first = min(w[1] for w in want)
    before = f"{int(first[:4]) - 1}{first[4:]}"
    assert [r for r in run("who-held-role", asof=before) if _role(r["role_name"]) == "chair"] == []
    # a cabinet portfolio, from the people's roles in the gold
    roles = {r["role"] for p in g.people.values() for r in p["roles"]}
    role = next(r for r in sorted(roles) if r.startswith("Cabinet Member for"))
    want = {
        (p["id"], min(r["evidence_dates"]), max(r["evidence_dates"]))
        for p in g.people.values()
        for r in p["roles"]
        if r["role"] == role
    }
    rows = [r for r in run("who-held-role", role=role) if _role(r["role_name"]) == _role(role)]
    assert {(g.person(r["name"]), r["from"], r["to"]) for r in rows} == want, role


@check("people-for-topic")
def _people_for_topic(c: Ctx):
    run, g = c.run, c.g
    pid = TOPICS[0]
    rows = run("people-for-topic", topic=g.topic_param(pid))
    named = {
        g.person(r["name"])
        for r in rows
        if int(r["named_in"]) + int(r["leads"]) + int(r["actions"]) > 0
    }
    attended = {g.person(r["name"]) for r in rows if int(r["attended"]) > 0}
    want_named = {p for _, i in g.items() if pid in i["programmes"] for p in i["people_named"]}
    meetings = {m["id"] for m, i in g.items() if pid in i["programmes"]}
    want_attended = {
        a["person"] for m, a in g.attendance() if m["id"] in meetings and a["status"] == "present"
    }
    assert named == want_named, (sorted(want_named - named), sorted(named - want_named))
    assert attended == want_attended, (
        sorted(want_attended - attended),
        sorted(attended - want_attended),
    )


@check("co-attendance")
def _co_attendance(c: Ctx):
    run, g = c.run, c.g
    present: dict[str, list[str]] = defaultdict(list)
    for m, a in g.attendance():
        if a["status"] == "present":
            present[m["date"]].append(a["person"])
    pairs: dict[frozenset, list[str]] = defaultdict(list)
    for day, people in present.items():
        for a, b in combinations(sorted(set(people)), 2):
            pairs[frozenset((a, b))].append(day)
    want = {k: (len(v), min(v), max(v)) for k, v in pairs.items() if len(v) >= 2}
    got = {
        frozenset((g.person(r["person_a"]), g.person(r["person_b"]))): (
            int(r["together"]),
            r["first"],
            r["last"],
        )
        for r in run("co-attendance")
    }
    assert got == want, (
        sorted(map(sorted, set(want) - set(got))),
        sorted(map(sorted, set(got) - set(want))),
    )


@check("actions-and-requests")
def _actions(c: Ctx):
    run, g = c.run, c.g
    rows = run("actions-and-requests")
    dates = [r["date"] for r in rows]
    assert dates == sorted(dates, reverse=True)
    got = Counter((r["date"], r["item"] or "") for r in rows)
    want = Counter(
        {(m["date"], i["number"] or ""): len(i["actions"]) for m, i in g.items() if i["actions"]}
    )
    assert got == want, f"gold {sorted(want.items())}\ngraph {sorted(got.items())}"


@check("resolutions")
def _resolutions(c: Ctx):
    run, g = c.run, c.g
    rows = run("resolutions")
    got = Counter((r["date"], r["item"] or "") for r in rows)
    want = Counter(
        {(m["date"], i["number"] or ""): i["resolutions"] for m, i in g.items() if i["resolutions"]}
    )
    assert got == want, f"gold {sorted(want.items())}\ngraph {sorted(got.items())}"
    assert all(r["resolution"].upper().startswith("RESOLVED") for r in rows)


@check("work-programme")
def _work_programme(c: Ctx):
    run, g = c.run, c.g
    rows = run("work-programme")
    got = {(r["planned"] or "", norm(r["entry"])): norm(r["lead"] or "") for r in rows}
    table = [w for w in g.data["work_programme"] if w.get("work_programme_year") == "2021-22"]
    want = {(w["date"] or "", norm(w["title"])): norm(w["lead_as_written"] or "") for w in table}
    assert {k: got.get(k) for k in want} == want, sorted(set(want) - set(got))
    meetings = {m["date"]: m for m in g.meetings}
    for r in rows:
        if r["taken_on"]:
            assert not r["planned"] or r["taken_on"] >= r["planned"], r
            m = meetings.get(r["taken_on"])
            assert m, r
            pid = g.programme(r["topic_name"])
            if pid:  # a topic the gold names: the taken meeting has an item on it
                assert any(pid in i["programmes"] for i in m["items"]), r
    # the items later minutes add to a work programme are entries too
    later = [w for w in g.data["work_programme"] if w not in table]
    assert {norm(w["title"]) for w in later} <= {k[1] for k in got}


@check("evidence")
def _evidence(c: Ctx):
    run, g = c.run, c.g
    texts = c.texts
    for pid in TOPICS[:1]:
        variants = {concept_key(v) for v in g.programmes[pid]["variants"]}
        rows = [
            r for r in run("evidence", entity=g.topic_param(pid)) if g.programme(r["name"]) == pid
        ]
        assert rows
        for r in rows:
            assert texts[r["source"]][int(r["start"]) : int(r["end"])] == r["exact"], r
            assert concept_key(r["exact"]) in variants, r
        sources = {
            f
            for m in g.programmes[pid]["mentioned_in_meetings"]
            for f in next(x for x in g.meetings if x["id"] == m)["source_files"]
        }
        assert {r["source"] for r in rows} == sources, pid
    person = g.people[g.meetings[0]["chair"]]
    keys = set().union(*(name_keys(v) for v in person["variants"]))
    rows = [
        r
        for r in run("evidence", entity=person["canonical_name"])
        if g.person(r["name"]) == person["id"]
    ]
    assert {r["source"] for r in rows} == set(person["appears_in"])
    for r in rows:
        assert texts[r["source"]][int(r["start"]) : int(r["end"])] == r["exact"], r
        assert name_keys(r["exact"]) & keys, r


@check("meeting-chain")
def _meeting_chain(c: Ctx):
    run, g = c.run, c.g
    rows = run("meeting-chain")
    want = {(m["date"], d) for m in g.meetings for d in m.get("approves_minutes_of") or []}
    assert {(r["date"], r["approves"]) for r in rows} == want
    recorded = set(g.date.values())
    for r in rows:
        assert r["approved_recorded"] == ("yes" if r["approves"] in recorded else "no"), r


@check("followups")
def _followups(c: Ctx):
    """The query returns the register the build wrote (one row per request and candidate),
    in the register's order; the status filter keeps only that status."""
    from graphkit.followups.report import read_followups

    register = read_followups(c.request.getfixturevalue("seeds_dataset"))
    rows = c.run("followups")
    got = [(r["status"], r["date"], r["request"]) for r in rows]
    want = [(f.status, f.date, f.request) for f in register for _ in f.candidates or [None]]
    assert sorted(got) == sorted(want)
    order = ["overdue", "open", "unknown", "partly answered", "answered"]
    assert [order.index(s) for s, _, _ in got] == sorted(order.index(s) for s, _, _ in got)
    haf = [r for r in rows if "feedback report on the programme" in r["request"]]
    assert {(r["candidate_date"], r["verdict"], r["rule"]) for r in haf} == {
        (c.date, c.verdict, c.rule)
        for f in register
        if "feedback report" in f.request
        for c in f.candidates
    }
    assert {r["status"] for r in c.run("followups", status="unknown")} == {"unknown"}


@check("workprogramme-vs-minutes")
def _workprogramme_vs_minutes(c: Ctx):
    from graphkit.followups.report import read_plan

    plan = read_plan(c.request.getfixturevalue("seeds_dataset"))
    rows = c.run("workprogramme-vs-minutes")
    got = sorted((r["year"], r["planned"] or "", r["entry"] or "", r["status"]) for r in rows)
    assert got == sorted((p.year, p.planned, p.entry, p.status) for p in plan)
    year = c.run("workprogramme-vs-minutes", year="2021/22")
    assert year and {r["year"] for r in year} == {"2021/22"}
    # the work programme's dated entries, in planned order, before the items added unplanned
    added = [r["status"] == "added, not planned" for r in year]
    assert added == sorted(added)


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_query_against_gold(name, run, g, request, seeds_result):
    texts = {d.source: d.text for d in seeds_result.documents}
    CHECKS[name](Ctx(run, g, texts, request))


def _day(iso: str):
    import datetime as dt

    return dt.date.fromisoformat(iso)


def _role(label: str) -> str:
    """Role names compare without case or apostrophes; any "Chair ..." is the chair."""
    key = norm(label).replace("'", "")
    return "chair" if key == "chair" or key.startswith("chair of") else key


# -- the same rows in pyoxigraph ----------------------------------------------------------------
ENGINE_CASES: list[tuple[str, Callable[[Gold], dict[str, str]]]] = [
    ("topic-timeline", lambda g: {"topic": g.topic_param(TOPICS[0])}),
    ("topics-by-year", lambda g: {}),
    ("person-meetings", lambda g: {"person": g.people[g.meetings[0]["chair"]]["canonical_name"]}),
    ("attendance-record", lambda g: {}),
    ("who-held-role", lambda g: {}),
    ("who-held-role", lambda g: {"role": "cabinet member", "asof": g.meetings[1]["date"]}),
    ("people-for-topic", lambda g: {"topic": g.topic_param(TOPICS[1])}),
    ("co-attendance", lambda g: {"min": "1"}),
    ("actions-and-requests", lambda g: {}),
    ("resolutions", lambda g: {}),
    ("work-programme", lambda g: {}),
    ("evidence", lambda g: {"entity": g.organisation("ofsted")}),
    ("meeting-chain", lambda g: {}),
    ("followups", lambda g: {}),
    ("workprogramme-vs-minutes", lambda g: {"year": "2021/22"}),
]


def test_engine_cases_cover_every_query():
    assert {n for n, _ in ENGINE_CASES} == {q.name for q in list_queries()}


@pytest.mark.parametrize(
    ("name", "params"), ENGINE_CASES, ids=[f"{n}-{k}" for k, (n, _) in enumerate(ENGINE_CASES)]
)
def test_same_rows_in_pyoxigraph(name, params, run, g):
    params = params(g)
    a = run.results(name, **params)
    b = run.results(name, "oxigraph", **params)
    assert a.variables == b.variables
    assert a.rows, f"{name} {params}: no rows on the seeds graph"
    as_terms = [[None if t is None else t.n3() for t in row] for row in a.rows]
    assert as_terms == [[None if t is None else t.n3() for t in row] for row in b.rows]


# -- every output format of graphkit build ---------------------------------------------------
@pytest.fixture(scope="module")
def build_files(seeds_result, tmp_path_factory) -> Path:
    """The seeds graph in every format graphkit build writes (graph files only)."""
    import graphkit

    out = tmp_path_factory.mktemp("query-formats")
    graphkit.write_outputs(
        seeds_result, out, formats=("turtle", "nt", "nquads", "trig", "json-ld"), view=False
    )
    return out


@pytest.mark.parametrize(
    "file", ["graph.ttl", "graph.trig", "graph.nt", "graph.nq", "graph.jsonld"]
)
def test_queries_on_every_build_format(file, build_files, run, g):
    from graphkit.load import load_graph

    ds = load_graph(build_files / file)
    store = oxigraph_store(ds)
    cases = [
        ("who-held-role", {}, ("rdflib", "oxigraph")),
        ("meeting-chain", {}, ("rdflib", "oxigraph")),
        ("topic-timeline", {"topic": g.topic_param(TOPICS[0])}, ("oxigraph",)),
    ]
    for name, params, engines in cases:
        expected = run.results(name, **params)
        assert expected.rows
        for engine in engines:
            got = run_query(
                name, store if engine == "oxigraph" else ds, params=params, engine=engine
            )
            assert got.rows == expected.rows, (file, name, engine)
