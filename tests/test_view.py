"""The HTML view (issue #4) without a browser: reading the graph, focus, layout, the page."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import random
import re
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Literal, URIRef

from graphkit.cli import cli
from graphkit.errors import ConfigError
from graphkit.view import build_view, write_view
from graphkit.view.data import read_graph
from graphkit.view.focus import cap, select
from graphkit.view.layout import day_number, layout, municipal_year, sizes
from graphkit.vocab import DCTERMS, FOAF, GK, OA, ORG, RDF, SCHEMA, SKOS, TIME, XSD

BASE = "https://w3id.org/graphkit/id/"


def timeline_graph() -> Dataset:
    """A small council graph in the contract vocabulary, built by hand.

    Six meetings over four years; HAF is discussed at three of them, Family Valued
    at two; J Gregg attends, is named in items and has evidence passages; K Sandhu
    chairs and then holds a cabinet role.
    """
    ds = Dataset()
    u = lambda path: URIRef(BASE + path)  # noqa: E731
    council, board = u("council/testshire"), u("committee/testshire/childrens-board")
    d = ds.default_context
    d.add((council, RDF.type, ORG.FormalOrganization))
    d.add((council, SKOS.prefLabel, Literal("Testshire County Council")))
    d.add((board, RDF.type, ORG.OrganizationalUnit))
    d.add((board, SKOS.prefLabel, Literal("Children's Scrutiny Board")))
    d.add((board, ORG.subOrganizationOf, council))
    haf, fv, attendance = (
        u("programme/testshire/" + k) for k in ("haf", "family-valued", "school-attendance")
    )
    gregg, sandhu, smith = (u("person/testshire/" + k) for k in ("j-gregg", "k-sandhu", "m-smith"))
    ofsted = u("organisation/ofsted")
    plan = [  # date, items: (number, title, programmes, people named)
        (
            "2021-01-28",
            [
                ("13", "Declarations of Interests", [], []),
                ("15", "The Impact of Covid-19 on Schools", [attendance], [gregg]),
            ],
        ),
        (
            "2021-06-24",
            [
                ("5", "Holiday Activities and Food Programme", [haf], [gregg]),
                ("6", "Ofsted Focused Visit", [], []),
            ],
        ),
        (
            "2021-09-16",
            [
                ("4", "HAF Summer Update", [haf], [gregg, smith]),
                ("6", "Work Programme", [haf, fv], []),
            ],
        ),
        ("2022-03-17", [("3", "Family Valued Briefing", [fv], [smith])]),
        ("2023-03-16", [("7", "Family Valued Outcomes", [fv], [])]),
        ("2024-11-28", [("3", "Summer 2024 HAF Programme", [haf], [gregg])]),
    ]
    for n, (date, items) in enumerate(plan):
        doc = u(f"document/minutes-{date}.txt")
        g = ds.graph(doc)
        g.add((doc, RDF.type, FOAF.Document))
        g.add((doc, DCTERMS.source, Literal(f"minutes-{date}.txt")))
        for node, labels, cls in (
            (
                haf,
                ["Holiday Activities and Food Programme", "HAF", "Holiday Activity Fund"],
                GK.Programme,
            ),
            (fv, ["Family Valued"], GK.Programme),
            (attendance, ["School attendance"], SKOS.Concept),
            (gregg, ["John Gregg", "J Gregg", "Mr Gregg"], SCHEMA.Person),
            (sandhu, ["K Sandhu", "Councillor Sandhu", "Cllr Sandhu"], SCHEMA.Person),
            (smith, ["Mary Smith", "M Smith"], SCHEMA.Person),
            (ofsted, ["Ofsted"], ORG.Organization),
        ):
            g.add((node, RDF.type, cls))
            if cls == GK.Programme:
                g.add((node, RDF.type, SKOS.Concept))
            g.add((node, SKOS.prefLabel, Literal(labels[0])))
            for alt in labels[1:]:
                g.add((node, SKOS.altLabel, Literal(alt)))
        meeting = u(f"meeting/testshire/childrens-board/{date}")
        g.add((meeting, RDF.type, GK.Meeting))
        g.add((meeting, RDF.type, SCHEMA.Event))
        g.add((meeting, DCTERMS.date, Literal(date, datatype=XSD.date)))
        g.add((meeting, SCHEMA.name, Literal(f"Children's Scrutiny Board, {date}")))
        g.add((meeting, SCHEMA.organizer, board))
        g.add((meeting, SCHEMA.location, Literal("Committee Room 2, Council House")))
        for person, status in (
            (gregg, GK.Present),
            (sandhu, GK.Present if n % 2 else GK.Apologies),
        ):
            a = URIRef(f"{meeting}/attendance/{str(person).rsplit('/', 1)[1]}")
            g.add((a, RDF.type, GK.Attendance))
            g.add((a, GK.meeting, meeting))
            g.add((a, GK.attendee, person))
            g.add((a, GK.status, status))
            g.add((a, GK.capacity, GK.Officer if person == gregg else GK.Member))
            if person == gregg:
                g.add((a, GK.roleAsWritten, Literal("Director of Children's Services")))
        for pos, (number, title, programmes, people) in enumerate(items, 1):
            item = URIRef(f"{meeting}/item/{number}")
            g.add((item, RDF.type, GK.AgendaItem))
            g.add((item, SCHEMA.superEvent, meeting))
            g.add((item, SCHEMA.name, Literal(title)))
            g.add((item, DCTERMS.identifier, Literal(number)))
            g.add((item, SCHEMA.position, Literal(pos)))
            for p in programmes:
                g.add((item, DCTERMS.subject, p))
            for k, person in enumerate(people):
                g.add((item, SCHEMA.mentions, person))
                start = pos * 1000 + k * 100
                ann = URIRef(f"{doc}/annotation/{start}-{start + 30}")
                target, quote = URIRef(f"{ann}/target"), URIRef(f"{ann}/quote")
                g.add((ann, RDF.type, OA.Annotation))
                g.add((ann, OA.hasBody, person))
                g.add((ann, OA.hasTarget, target))
                g.add((ann, GK.inItem, item))
                g.add((target, OA.hasSource, doc))
                g.add((target, OA.hasSelector, quote))
                g.add((quote, RDF.type, OA.TextQuoteSelector))
                g.add(
                    (
                        quote,
                        OA.exact,
                        Literal(f"{title}: report of {date} presented by {labels_of(person)}"),
                    )
                )
            res = URIRef(f"{item}/resolution/1")
            g.add((res, RDF.type, GK.Resolution))
            g.add((res, DCTERMS.isPartOf, item))
            g.add((res, RDF.value, Literal(f"That the report on {title} be noted.")))
        if n == 1:
            g.add((URIRef(f"{meeting}/item/6"), SCHEMA.mentions, ofsted))
    for key, person, org, role, start, end in (
        ("chair", sandhu, board, "Chair", "2021-01-28", "2021-01-28"),
        (
            "cabinet",
            sandhu,
            council,
            "Cabinet Member for Education and Skills",
            "2021-06-24",
            "2023-03-16",
        ),
        ("director", gregg, council, "Director of Children's Services", "2021-01-28", "2024-11-28"),
    ):
        m, role_node = u(f"membership/testshire/{key}"), u(f"role/{key}")
        d.add((m, RDF.type, ORG.Membership))
        d.add((m, ORG.member, person))
        d.add((m, ORG.organization, org))
        d.add((m, ORG.role, role_node))
        d.add((role_node, RDF.type, ORG.Role))
        d.add((role_node, SKOS.prefLabel, Literal(role)))
        d.add((m, SCHEMA.startDate, Literal(start, datatype=XSD.date)))
        d.add((m, SCHEMA.endDate, Literal(end, datatype=XSD.date)))
        d.add((m, ORG.memberDuring, URIRef(f"{m}/interval")))
        d.add((URIRef(f"{m}/interval"), RDF.type, TIME.Interval))
    return ds


def labels_of(person: URIRef) -> str:
    return {"j-gregg": "J Gregg", "m-smith": "M Smith"}.get(
        str(person).rsplit("/", 1)[1], "someone"
    )


def generated_graph(n: int, *, seed: int = 1) -> Dataset:
    """A graph whose view has exactly ``n`` nodes: meetings over five and a half years,
    items, people attending and named, programmes discussed, organisations (fixed seed)."""
    rnd = random.Random(seed)
    meetings = max(3, n // 16)
    programmes = max(2, n // 14)
    orgs = max(2, n // 20) - 2  # plus the council and the committee
    people = max(3, n // 4)
    items = n - meetings - programmes - orgs - 2 - people
    ds = Dataset()
    doc = URIRef(BASE + "document/generated.txt")
    g = ds.graph(doc)
    g.add((doc, RDF.type, FOAF.Document))
    g.add((doc, DCTERMS.source, Literal("generated.txt")))
    council = URIRef(BASE + "council/gen")
    g.add((council, RDF.type, ORG.FormalOrganization))
    g.add((council, SKOS.prefLabel, Literal("Generated Council")))
    committee = URIRef(BASE + "committee/gen/board")
    g.add((committee, RDF.type, ORG.OrganizationalUnit))
    g.add((committee, SKOS.prefLabel, Literal("Generated Scrutiny Board")))
    g.add((committee, ORG.subOrganizationOf, council))
    person = [URIRef(f"{BASE}person/gen/p{i}") for i in range(people)]
    for i, p in enumerate(person):
        g.add((p, RDF.type, SCHEMA.Person))
        g.add((p, SKOS.prefLabel, Literal(f"Person {i} Surname{i % 97}")))
        g.add((p, SKOS.altLabel, Literal(f"P{i} Surname{i % 97}")))
    prog = [URIRef(f"{BASE}programme/gen/t{i}") for i in range(programmes)]
    for i, t in enumerate(prog):
        g.add((t, RDF.type, GK.Programme))
        g.add((t, SKOS.prefLabel, Literal(f"Programme {i} for Children and Families")))
        g.add((t, SKOS.altLabel, Literal(f"PCF{i}")))
    org = [URIRef(f"{BASE}organisation/o{i}") for i in range(orgs)]
    for i, o in enumerate(org):
        g.add((o, RDF.type, ORG.Organization))
        g.add((o, SKOS.prefLabel, Literal(f"Partner Organisation {i}")))
    day0 = dt.date(2019, 1, 10)
    meeting = []
    for i in range(meetings):
        m = URIRef(f"{BASE}meeting/gen/board/{i}")
        day = day0 + dt.timedelta(days=int(i * 2000 / meetings))
        meeting.append(m)
        g.add((m, RDF.type, GK.Meeting))
        g.add((m, DCTERMS.date, Literal(day.isoformat(), datatype=XSD.date)))
        g.add((m, SCHEMA.name, Literal(f"Generated Scrutiny Board, {day}")))
        g.add((m, SCHEMA.organizer, committee))
        for p in rnd.sample(person, min(10, people)):
            a = URIRef(f"{m}/attendance/{p.rsplit('/', 1)[1]}")
            g.add((a, RDF.type, GK.Attendance))
            g.add((a, GK.meeting, m))
            g.add((a, GK.attendee, p))
            g.add((a, GK.status, GK.Present if rnd.random() < 0.85 else GK.Apologies))
            g.add((m, SCHEMA.attendee, p))
    for i in range(items):
        m = meeting[i % meetings]
        it = URIRef(f"{m}/item/{i}")
        g.add((it, RDF.type, GK.AgendaItem))
        g.add((it, SCHEMA.superEvent, m))
        g.add((it, SCHEMA.name, Literal(f"Agenda item {i} on services")))
        g.add((it, SCHEMA.position, Literal(i // meetings + 1)))
        g.add((it, DCTERMS.subject, rnd.choice(prog)))
        for p in rnd.sample(person, 2):
            g.add((it, SCHEMA.mentions, p))
            ann = URIRef(f"{doc}/annotation/{i}-{p.rsplit('/', 1)[1]}")
            target, quote = URIRef(f"{ann}/target"), URIRef(f"{ann}/quote")
            g.add((ann, RDF.type, OA.Annotation))
            g.add((ann, OA.hasBody, p))
            g.add((ann, OA.hasTarget, target))
            g.add((ann, GK.inItem, it))
            g.add((target, OA.hasSource, doc))
            g.add((target, OA.hasSelector, quote))
            g.add((quote, RDF.type, OA.TextQuoteSelector))
            g.add(
                (quote, OA.exact, Literal(f"Person {p.rsplit('/p', 1)[1]} reported on item {i}."))
            )
        if org and rnd.random() < 0.3:
            g.add((it, SCHEMA.mentions, rnd.choice(org)))
    return ds


HAF_MEETINGS_QUERY = """
SELECT DISTINCT ?date WHERE {
  ?p a gk:Programme .
  { ?p skos:prefLabel ?l } UNION { ?p skos:altLabel ?l }
  FILTER (lcase(str(?l)) = "haf")
  ?item dcterms:subject ?p ; schema:superEvent ?m .
  ?m dcterms:date ?date .
} ORDER BY ?date
"""


def sparql(ds: Dataset, query: str) -> list[tuple]:
    from graphkit.vocab import PREFIXES

    ds.default_union = True
    try:
        return [tuple(str(v) for v in row) for row in ds.query(query, initNs=PREFIXES)]
    finally:
        ds.default_union = False


@pytest.fixture(scope="module")
def timeline() -> Dataset:
    return timeline_graph()


class _Scripts(HTMLParser):
    """The page's <script> elements: (attributes, text)."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[tuple[dict, str]] = []
        self.tags: list[tuple[str, dict]] = []
        self._open: dict | None = None

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._open = dict(attrs)
            self.scripts.append((self._open, ""))

    def handle_data(self, data):  # type: ignore[no-untyped-def]
        if self._open is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag):  # type: ignore[no-untyped-def]
        if tag == "script":
            self._open = None


def _parse(html: str) -> _Scripts:
    p = _Scripts()
    p.feed(html)
    return p


def page_data(html: str) -> dict:
    (block,) = [t for a, t in _parse(html).scripts if a.get("type") == "application/json"]
    return json.loads(block)


# -- the page ----------------------------------------------------------------------------
def test_page_is_one_self_contained_file(timeline):
    html = build_view(timeline).html
    parsed = _parse(html)
    # no element loads anything: no src, no stylesheet links, no remote url() in CSS
    for tag, attrs in parsed.tags:
        assert "src" not in attrs and tag not in ("link", "iframe", "object", "embed"), (tag, attrs)
    assert not re.search(r"url\(\s*(?!['\"]?data:)", html), "CSS may only use data: URLs"
    assert "@import" not in html
    # a Content-Security-Policy allows our two inline scripts (by hash) and no network
    (csp,) = [
        a["content"]
        for t, a in parsed.tags
        if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"
    ]
    assert "default-src 'none'" in csp and "connect-src" not in csp and "unsafe-eval" not in csp
    code = [t for a, t in parsed.scripts if "type" not in a]
    assert len(code) == 1 and len(parsed.scripts) == 2  # our script and the data; no library
    digest = base64.b64encode(hashlib.sha256(code[0].encode()).digest()).decode()
    assert f"'sha256-{digest}'" in csp
    assert "graphkitView" in code[0] and "innerHTML" not in code[0]
    assert "vis.Network" not in html


def test_hostile_text_stays_inside_the_data_block(timeline):
    ds = timeline_graph()
    evil = "</script><script>window.__pwned=1</script><!-- \u2028\u2029 & \"'"
    node = URIRef(BASE + "person/testshire/evil")
    ds.default_context.add((node, RDF.type, SCHEMA.Person))
    ds.default_context.add((node, SKOS.prefLabel, Literal(evil)))
    html = build_view(ds, title=evil).html
    assert html.count("</script") == 2  # our two blocks close; the data never does
    assert "<!--" not in html
    (block,) = [t for a, t in _parse(html).scripts if a.get("type") == "application/json"]
    assert not re.search("[<>&\u2028\u2029]", block)
    assert "<title>&lt;/script&gt;" in html
    data = page_data(html)
    assert data["title"] == evil
    assert " ".join(evil.split()) in [e["label"] for e in data["entities"].values()]


def test_output_is_deterministic_and_write_view_keeps_its_signature(timeline, tmp_path):
    first = write_view(timeline, tmp_path / "a.html")
    second = write_view(timeline_graph(), tmp_path / "b.html")
    assert first == tmp_path / "a.html"
    assert first.read_bytes() == second.read_bytes()
    assert not list(tmp_path.glob(".*"))  # atomic write leaves no temporary file


def test_meetings_and_items_carry_days_and_agenda_order(timeline):
    data = page_data(build_view(timeline).html)
    ents = data["entities"]
    assert sorted(data["nodes"]) == sorted(ents)
    for e in ents.values():
        if e["type"] in ("meeting", "item"):
            assert e["day"] == day_number(e["date"])
        if e["type"] == "item":
            assert ents[e["meeting"]]["type"] == "meeting" and e["order"] >= 0
        assert 8 <= e["w"] <= 30
    assert data["span"] == [day_number("2021-01-28"), day_number("2024-11-28")]


# -- reading the graph -------------------------------------------------------------------
def test_read_graph_types_labels_roles_and_evidence(timeline):
    g = read_graph(timeline)
    by_type: dict[str, int] = {}
    for e in g.entities.values():
        by_type[e.type] = by_type.get(e.type, 0) + 1
    assert by_type == {"meeting": 6, "item": 9, "person": 3, "programme": 3, "organisation": 3}
    haf = g.entities[BASE + "programme/testshire/haf"]
    assert haf.label == "Holiday Activities and Food Programme" and "HAF" in haf.labels
    assert g.entities[BASE + "programme/testshire/school-attendance"].topic
    sandhu = g.entities[BASE + "person/testshire/k-sandhu"]
    roles = {(r["role"], r["start"], r["end"]) for r in sandhu.details["roles"]}
    assert ("Chair", "2021-01-28", "2021-01-28") in roles
    gregg = g.entities[BASE + "person/testshire/j-gregg"]
    quotes = sparql(
        timeline,
        f"""SELECT ?q ?src WHERE {{ ?a oa:hasBody <{gregg.iri}> ; oa:hasTarget ?t .
        ?t oa:hasSelector/oa:exact ?q ; oa:hasSource/dcterms:source ?src }}""",
    )
    assert sorted((r["quote"], r["doc"]) for r in gregg.details["evidence"]) == sorted(quotes)
    status = {r["meeting"][-10:]: r["status"] for r in sandhu.details["attendance"]}
    assert status["2021-01-28"] == "apologies" and status["2021-06-24"] == "present"
    kinds = {e.kind for e in g.edges}
    assert {"part-of", "subject", "mentions", "organizer", "attended", "member", "sub-org"} <= kinds
    assert g.title.startswith("Testshire County Council")


# -- layout ------------------------------------------------------------------------------
def test_days_are_proportional_to_dates_and_items_keep_agenda_order(timeline):
    g = read_graph(timeline)
    lay = layout(g, frozenset(g.entities))
    meetings = sorted((e.date, e.iri) for e in g.entities.values() if e.type == "meeting")
    days = [lay.days[iri] for _, iri in meetings]
    # a month is a month: the gap in days is the gap in the calendar
    assert days[1] - days[0] == (dt.date(2021, 6, 24) - dt.date(2021, 1, 28)).days
    assert days == sorted(days) and lay.span == (days[0], days[-1])
    first = [e for e in g.entities.values() if e.type == "item" and e.date == "2021-01-28"]
    assert sorted((lay.order[e.iri], e.label) for e in first) == [
        (0, "13. Declarations of Interests"),
        (1, "15. The Impact of Covid-19 on Schools"),
    ]
    assert municipal_year("2021-04-30") == "2020/21" and municipal_year("2021-05-01") == "2021/22"
    size = sizes(g, frozenset(g.entities))
    assert max(size, key=size.get) == BASE + "person/testshire/j-gregg"  # the most links
    between = sizes(g, frozenset(g.entities), measure="betweenness")
    assert min(between.values()) >= 8 and max(between.values()) == 30
    with pytest.raises(ConfigError, match="choose one of degree, betweenness"):
        sizes(g, frozenset(g.entities), measure="pagerank")


# -- focused views -----------------------------------------------------------------------
def test_topic_focus_keeps_the_meetings_that_discussed_it(timeline):
    g = read_graph(timeline)
    focus = select(g, topic="haf")
    meetings = sorted(g.entities[i].date for i in focus.keep if g.entities[i].type == "meeting")
    assert meetings == [d for (d,) in sparql(timeline, HAF_MEETINGS_QUERY)]
    assert BASE + "person/testshire/j-gregg" in focus.keep
    assert focus.topic == BASE + "programme/testshire/haf"
    assert "Holiday Activities and Food Programme" in focus.description


def test_person_and_date_focus(timeline):
    g = read_graph(timeline)
    smith = select(g, person="Mary Smith")
    assert sorted(g.entities[i].date for i in smith.keep if g.entities[i].type == "meeting") == [
        "2021-09-16",
        "2022-03-17",
    ]
    span = select(g, start="2022", end="2023-06")
    assert sorted(g.entities[i].date for i in span.keep if g.entities[i].type == "meeting") == [
        "2022-03-17",
        "2023-03-16",
    ]
    both = select(g, topic="Family Valued", start="2022")
    assert sorted(g.entities[i].date for i in both.keep if g.entities[i].type == "meeting") == [
        "2022-03-17",
        "2023-03-16",
    ]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            {"topic": "Holiday Actvities"},
            "close matches: Holiday Activity Fund; Holiday Activities",
        ),
        ({"person": "Gregory"}, "no person matches 'Gregory'"),
        ({"person": "Smith"}, None),  # one match: fine
        ({"topic": "a"}, "matches 3 programmes and topics"),
        ({"start": "2021-13"}, "not a date"),
        ({"start": "2023", "end": "2021"}, "after --to"),
    ],
)
def test_focus_errors_say_what_to_do(timeline, options, message):
    g = read_graph(timeline)
    if message is None:
        select(g, **options)
        return
    with pytest.raises(ConfigError, match=re.escape(message)):
        select(g, **options)


def test_a_large_graph_is_capped_with_a_warning(timeline):
    view = build_view(timeline, max_nodes=12)
    assert view.shown <= 12 and view.total == 24
    assert view.warnings and "--topic" in view.warnings[0]
    data = page_data(view.html)
    assert data["notice"] == view.warnings[0]
    assert data["counts"] == {"shown": view.shown, "total": 24}
    g = read_graph(timeline)
    focus, left_out = cap(g, select(g, topic="HAF"), max_nodes=3)
    assert BASE + "programme/testshire/haf" in focus.keep and left_out > 0


# -- the command -------------------------------------------------------------------------
def test_cli_view_writes_a_focused_view(timeline, tmp_path):
    graph = tmp_path / "graph.trig"
    graph.write_bytes(timeline.serialize(format="trig", encoding="utf-8"))
    runner = CliRunner()
    result = runner.invoke(
        cli, ["view", str(graph), "--out", str(tmp_path / "v.html"), "--topic", "HAF"]
    )
    assert result.exit_code == 0, result.output
    assert "v.html" in result.output
    data = page_data((tmp_path / "v.html").read_text(encoding="utf-8"))
    assert data["focus"]["topic"] and data["description"].startswith("Focused on")
    result = runner.invoke(
        cli, ["view", str(tmp_path), "--out", str(tmp_path / "w.html"), "--max-nodes", "5", "-q"]
    )
    assert result.exit_code == 0 and "warning:" in result.output and "--person" in result.output
    result = runner.invoke(cli, ["view", str(graph), "--topic", "Nothing Like It"])
    assert isinstance(result.exception, ConfigError)
    assert "view" in runner.invoke(cli, ["view", "--help"]).output
