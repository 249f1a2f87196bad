"""The HTML view in a real headless Chromium (issues #4 and #14).

Each behaviour is checked on two views: a small graph built by hand in the test
(``timeline``) and the view ``graphkit build seeds/`` writes (``seeds``); the
readability checks also run on a generated 2,000-node graph. Everything is measured
from the rendered page with ``window.graphkitView.report()`` (label text, box and
font size of every node drawn). Expected values come from the graph itself (SPARQL)
and, for the seeds, from the gold annotation. The injection test feeds a dozen script
payloads through a document and straight into the graph, and checks that none runs
and all show as text.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from pathlib import Path

import pytest
from conftest import DATA
from rdflib import Dataset, Literal, URIRef
from test_view import BASE, HAF_MEETINGS_QUERY, generated_graph, sparql, timeline_graph

from graphkit.view import write_view
from graphkit.vocab import DCTERMS, FOAF, GK, OA, ORG, RDF, SCHEMA, SKOS, XSD

pytestmark = pytest.mark.browser


class ViewPage:
    """One opened view, recording console errors and every request the page makes."""

    def __init__(self, browser, path: Path, *, bypass_csp: bool = False, hash: str = "") -> None:
        self.context = browser.new_context(
            viewport={"width": 1400, "height": 900}, bypass_csp=bypass_csp
        )
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.blocked: list[str] = []
        # nothing may leave the page: anything but file: and data: is recorded and refused
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.goto(path.as_uri() + hash)
        self.wait("() => !!(window.graphkit && window.graphkit.ready)", timeout=20.0)

    def _route(self, route) -> None:  # type: ignore[no-untyped-def]
        if route.request.url.startswith(("file:", "data:")):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def js(self, script: str, arg=None):  # type: ignore[no-untyped-def]
        return self.page.evaluate(script, arg)

    def wait(self, predicate: str, arg=None, *, timeout: float = 5.0) -> None:  # type: ignore[no-untyped-def]
        """Poll ``predicate`` (a JS function). Playwright's wait_for_function evaluates
        strings with eval, which the page's Content-Security-Policy rightly refuses."""
        deadline = time.monotonic() + timeout
        while not self.page.evaluate(predicate, arg):
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {predicate}")
            time.sleep(0.02)

    def node_of(self, iri: str) -> str:
        node = self.js(
            "iri => Object.keys(graphkit.data.entities).find("
            "k => graphkit.data.entities[k].iri === iri)",
            iri,
        )
        assert node, f"{iri} is not in the view"
        return node

    def report(self) -> list[dict]:
        return self.js("graphkitView.report()")

    def drawn(self, kind: str) -> list[dict]:
        """The report's rows of one kind, faded ones left out."""
        return [r for r in self.report() if r["kind"] == kind and not r["faded"]]

    def visible_dates(self, kind: str = "meeting") -> list[str]:
        return sorted(r["date"] for r in self.drawn(kind))

    def click_node(self, node: str) -> None:
        """Bring the node's lane or mark into the picture, then click its label as a user would."""
        self.js("id => { graphkit.state.pinned[id] = true; graphkit.render(); }", node)
        (row,) = [r for r in self.report() if r["id"] == node and not r["faded"]]
        box = row["box"] or {"x": row["x"] - 3, "y": row["y"] - 3, "width": 6, "height": 6}
        self.page.mouse.click(box["x"] + min(box["width"] / 2, 20), box["y"] + box["height"] / 2)
        self.wait("id => graphkit.state.selected === id", node)

    def close(self) -> None:
        self.context.close()


def _norm(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="session")
def timeline_view(tmp_path_factory) -> tuple[Path, Dataset]:
    ds = timeline_graph()
    path = write_view(ds, tmp_path_factory.mktemp("timeline") / "view.html")
    return path, ds


@pytest.fixture(params=["timeline", "seeds"])
def view(request) -> tuple[str, Path, Dataset]:
    if request.param == "timeline":
        path, ds = request.getfixturevalue("timeline_view")
    else:
        path = request.getfixturevalue("seeds_build") / "view.html"
        ds = request.getfixturevalue("seeds_dataset")
    return request.param, path, ds


@pytest.fixture
def opened(browser, view):
    name, path, ds = view
    page = ViewPage(browser, path)
    yield name, page, ds
    page.close()


def _haf(ds: Dataset) -> str:
    rows = sparql(
        ds,
        """SELECT DISTINCT ?p WHERE { ?p a gk:Programme .
        { ?p skos:prefLabel ?l } UNION { ?p skos:altLabel ?l } FILTER (lcase(str(?l)) = "haf") }""",
    )
    assert len(rows) == 1, f"expected one programme labelled HAF, found {rows}"
    return rows[0][0]


# -- behaviour on the timeline graph and the seeds view ------------------------------------
def test_opens_with_no_console_error_and_no_network_request(opened):
    _, page, ds = opened
    page.page.fill("#search", "HAF")
    page.wait("() => graphkit.state.highlight !== null")
    page.page.select_option("#topic", page.node_of(_haf(ds)))
    page.page.click("#reset")
    page.page.wait_for_timeout(100)
    assert page.errors == []
    assert page.blocked == []
    assert page.requests and all(u.startswith(("file:", "data:")) for u in page.requests), (
        page.requests
    )


def test_searching_haf_highlights_the_programme_and_its_neighbourhood(opened):
    _, page, ds = opened
    haf = page.node_of(_haf(ds))
    page.page.fill("#search", "HAF")
    page.wait("() => graphkit.state.highlight !== null")
    assert page.js("graphkit.state.highlight") == haf
    label = page.js("id => graphkit.data.entities[id].label", haf)
    assert page.page.text_content("#details h2") == label
    assert page.page.locator("#search-results li").first.inner_text().strip().endswith(label)
    near = set(page.js("graphkit.state.neighbourhood"))
    rows = [r for r in page.report() if r["id"]]
    dim = {r["id"] for r in rows if r["dim"]}
    assert haf in near and not (near & dim)
    assert dim == {r["id"] for r in rows} - near  # everything else drawn is dimmed
    page.page.keyboard.press("Escape")
    page.wait("() => graphkit.state.selected === null")
    assert not any(r["dim"] for r in page.report())


def test_topic_focus_shows_exactly_the_meetings_that_discussed_haf_in_date_order(opened, request):
    name, page, ds = opened
    expected = [d for (d,) in sparql(ds, HAF_MEETINGS_QUERY)]
    assert expected, "the graph has no agenda item whose subject is HAF"
    page.page.select_option("#topic", page.node_of(_haf(ds)))
    page.page.wait_for_selector("#trace li.trace-meeting")
    shown = page.js(
        "Array.from(document.querySelectorAll('#trace li.trace-meeting'))"
        ".map(li => li.dataset.date)"
    )
    assert shown == expected  # exactly these, in date order
    assert page.visible_dates("meeting") == expected  # and nothing else on the timeline
    items = {
        iri
        for (iri,) in sparql(
            ds, f"SELECT ?i WHERE {{ ?i dcterms:subject <{_haf(ds)}> ; a gk:AgendaItem }}"
        )
    }
    visible_items = {r["iri"] for r in page.drawn("item")}
    assert visible_items == items
    if name == "seeds":
        gold = request.getfixturevalue("gold")
        (haf,) = [p for p in gold["programmes"] if p["id"] == "haf"]
        gold_dates = sorted(
            re.search(r"\d{4}-\d{2}-\d{2}", m).group(0) for m in haf["mentioned_in_meetings"]
        )
        assert shown == gold_dates


def test_year_slider_hides_meetings_outside_the_range(opened):
    _, page, ds = opened
    dates = sorted(
        d for (d,) in sparql(ds, "SELECT DISTINCT ?d WHERE { ?m a gk:Meeting ; dcterms:date ?d }")
    )
    first, last = int(dates[0][:4]), int(dates[-1][:4])
    assert last - first >= 2, "the graph needs meetings over at least three years"
    lo, hi = first + 1, last - 1
    page.page.focus("#year-from")
    for _ in range(lo - first):
        page.page.keyboard.press("ArrowRight")
    page.page.focus("#year-to")
    for _ in range(last - hi):
        page.page.keyboard.press("ArrowLeft")
    assert page.page.text_content("#year-label") == f"{lo}\u2013{hi}"
    inside = [d for d in dates if lo <= int(d[:4]) <= hi]
    assert inside and len(inside) < len(dates)
    assert sorted(set(page.visible_dates("meeting"))) == inside
    assert all(lo <= int(d[:4]) <= hi for d in page.visible_dates("item"))
    assert page.page.text_content("#count-meeting") == str(len(page.visible_dates("meeting")))


def test_clicking_a_person_shows_their_evidence_passages(opened):
    _, page, ds = opened
    (person, _count) = sparql(
        ds,
        """SELECT ?p (COUNT(DISTINCT ?a) AS ?n) WHERE {
        ?a a oa:Annotation ; oa:hasBody ?p . ?p a schema:Person }
        GROUP BY ?p ORDER BY DESC(?n) ?p LIMIT 1""",
    )[0]
    passages = sparql(  # one row per annotation: the passages the panel must list
        ds,
        f"""SELECT ?a ?q WHERE {{
        ?a oa:hasBody <{person}> ; oa:hasTarget/oa:hasSelector/oa:exact ?q }}""",
    )
    quotes = sorted(_norm(q) for _, q in passages)
    node = page.node_of(person)
    page.click_node(node)
    assert page.page.text_content("#details h2") == page.js(
        "id => graphkit.data.entities[id].label", node
    )
    shown = sorted(
        _norm(t) for t in page.page.locator("#details blockquote.evidence").all_text_contents()
    )
    if len(quotes) <= 100:
        assert shown == quotes
    else:  # the page lists the first 100 and says how many more the graph holds
        assert len(shown) == 100 and set(shown) <= set(quotes)
    docs = {
        s
        for (s,) in sparql(
            ds,
            f"""SELECT DISTINCT ?s WHERE {{ ?a oa:hasBody <{person}> ;
        oa:hasTarget/oa:hasSource/dcterms:source ?s }}""",
        )
    }
    cited = set(page.page.locator("#details .cite cite").all_text_contents())
    assert cited == docs


# -- readability, measured on the rendered page (issue #14) -------------------------------
@pytest.fixture(scope="session")
def generated_view(tmp_path_factory) -> Path:
    """A generated 2,000-node graph: 125 meetings over five and a half years."""
    return write_view(
        generated_graph(2000), tmp_path_factory.mktemp("generated") / "view.html", max_nodes=2000
    )


@pytest.fixture(params=["seeds", "generated-2000"])
def readable(request, browser):
    if request.param == "seeds":
        path = request.getfixturevalue("seeds_build") / "view.html"
    else:
        path = request.getfixturevalue("generated_view")
    started = time.monotonic()
    page = ViewPage(browser, path)
    tti = page.js("graphkitView.readyAt")
    nodes = page.js("graphkitView.data.nodes.length")
    # figures, not assertions: timings belong to benchmarks/bench_view.py
    print(
        f"\n{request.param}: {nodes} nodes, interactive after {tti:.0f} ms "
        f"(opened in {time.monotonic() - started:.2f} s)"
    )
    yield request.param, page
    page.close()


def overlaps(rows: list[dict]) -> list[tuple[str, str]]:
    """Pairs of rows whose label boxes overlap (by more than half a pixel)."""
    boxes = sorted(((r["box"], r["label"]) for r in rows if r["box"]), key=lambda b: b[0]["x"])
    found = []
    for i, (a, la) in enumerate(boxes):
        for b, lb in boxes[i + 1 :]:
            if b["x"] >= a["x"] + a["width"] - 0.5:
                break
            if b["y"] < a["y"] + a["height"] - 0.5 and a["y"] < b["y"] + b["height"] - 0.5:
                found.append((la, lb))
    return found


def test_meeting_and_programme_labels_are_readable_at_the_default_zoom(readable):
    name, page = readable
    rows = page.report()
    meetings = [r for r in rows if r["kind"] == "meeting"]
    lanes = [r for r in rows if r["kind"] == "programme"]
    assert meetings and lanes
    labelled = [r for r in meetings + lanes if r["box"]]
    sizes = sorted({r["fontSize"] for r in labelled})
    print(f"{name}: label font sizes {sizes} px, {len(labelled)} labels")
    assert min(sizes) >= 12
    assert overlaps(meetings + lanes) == []
    # every meeting has its label, or is counted in its neighbour's "+N"
    heads = {r["iri"]: r for r in meetings if r["box"]}
    for r in meetings:
        assert r["box"] or heads[r["cluster"]]["label"].rsplit(" +", 1)[1].isdigit()
    # every lane is labelled, the labels sit inside the window
    assert all(r["box"] for r in lanes)
    width = page.js("window.innerWidth")
    assert all(r["box"]["x"] >= 0 and r["box"]["x"] + r["box"]["width"] <= width for r in labelled)
    if name == "seeds":  # the seeds are few enough for every meeting to carry its own label
        assert sum(1 for r in meetings if r["box"]) >= len(meetings) - 3


def test_meetings_sit_on_a_proportional_time_axis(readable):
    name, page = readable
    meetings = sorted(page.drawn("meeting"), key=lambda r: r["x"])
    days = [dt.date.fromisoformat(r["date"]).toordinal() for r in meetings]
    assert days == sorted(days)
    x0, x1, d0, d1 = meetings[0]["x"], meetings[-1]["x"], days[0], days[-1]
    worst = max(
        abs((r["x"] - x0) / (x1 - x0) - (d - d0) / (d1 - d0))
        for r, d in zip(meetings, days, strict=True)
    )
    print(f"{name}: worst x error {worst:.3%} of the axis")
    assert worst <= 0.02
    # the axis shows calendar years and council years (May to April)
    bands = page.js(
        "Array.from(document.querySelectorAll('#network .band-label')).map(t => t.textContent)"
    )
    first, last = int(meetings[0]["date"][:4]), int(meetings[-1]["date"][:4])
    assert str(last) in bands and f"{last - 1}/{last % 100:02d}" in bands or first == last


def _haf_connected(ds: Dataset, haf: str) -> set[str]:
    """HAF, its items and their meetings, and who and what those name, attend or organise."""
    record = sparql(
        ds, f"SELECT ?i ?m WHERE {{ ?i dcterms:subject <{haf}> ; schema:superEvent ?m }}"
    )
    around = sparql(
        ds,
        f"""SELECT DISTINCT ?x WHERE {{
        ?i dcterms:subject <{haf}> ; schema:superEvent ?m .
        {{ ?i schema:mentions ?x }} UNION {{ ?a oa:hasBody ?x ; gk:inItem ?i }}
        UNION {{ ?m schema:organizer ?x }} UNION {{ ?t gk:meeting ?m ; gk:attendee ?x }}
        UNION {{ ?m schema:attendee ?x }} UNION {{ ?m gk:chair ?x }}
        UNION {{ ?r dcterms:isPartOf ?i ; schema:agent ?x }} }}""",
    )
    return {x for row in record for x in row} | {x for (x,) in around} | {haf}


def test_a_trace_of_haf_is_its_own_picture_fitted_to_the_screen(opened):
    _name, page, ds = opened
    haf = _haf(ds)
    assert page.js("graphkitView.trace('HAF')") == [haf]
    rows = page.report()
    drawn = {r["iri"] for r in rows if r["iri"]}
    assert drawn <= _haf_connected(ds, haf)  # only what is connected to HAF
    assert {r["iri"] for r in rows if r["kind"] == "programme"} == {haf}
    assert page.visible_dates("meeting") == [d for (d,) in sparql(ds, HAF_MEETINGS_QUERY)]
    # fitted: every mark and label inside the timeline's box, nothing scrolled away
    box = page.js(
        "(() => { const r = document.getElementById('network').getBoundingClientRect();"
        " return {x: r.left, y: r.top, right: r.right, bottom: r.bottom}; })()"
    )
    for r in rows:
        for x, y in [(r["x"], r["y"])] + (
            [
                (r["box"]["x"], r["box"]["y"]),
                (r["box"]["x"] + r["box"]["width"], r["box"]["y"] + r["box"]["height"]),
            ]
            if r["box"]
            else []
        ):
            if x is None:
                continue
            assert box["x"] - 0.5 <= x <= box["right"] + 0.5, (r["label"], x, box)
            assert box["y"] - 0.5 <= y <= box["bottom"] + 0.5, (r["label"], y, box)
    meetings = page.drawn("meeting")
    xs = [r["x"] for r in meetings]
    axis = page.js("graphkitView.axis()")
    if len(xs) > 1:  # the traced meetings span most of the axis: the trace fills the screen
        assert max(xs) - min(xs) >= 0.8 * (axis["right"] - axis["left"])
    assert overlaps([r for r in rows if r["kind"] in ("meeting", "programme", "person")]) == []
    # the rest can come back, faded; and goes again
    page.page.check("#show-rest")
    assert any(r["faded"] for r in page.report())
    page.page.uncheck("#show-rest")
    assert not any(r["faded"] for r in page.report())
    # the address keeps the trace
    assert "trace=HAF" in page.js("location.hash")


def test_compare_two_topics_in_lanes_one_above_the_other(opened):
    _name, page, ds = opened
    haf = _haf(ds)
    fv = page.js("graphkitView.trace(['HAF', 'Family Valued'])")
    assert fv[0] == haf and len(fv) == 2
    lanes = [r for r in page.report() if r["kind"] == "programme"]
    assert [r["iri"] for r in lanes] == fv and lanes[0]["y"] < lanes[1]["y"]
    both = sparql(
        ds,
        f"""SELECT DISTINCT ?date WHERE {{ VALUES ?p {{ <{fv[0]}> <{fv[1]}> }}
        ?i dcterms:subject ?p ; schema:superEvent ?m . ?m dcterms:date ?date }} ORDER BY ?date""",
    )
    assert page.visible_dates("meeting") == [d for (d,) in both]


def test_the_address_restores_a_trace_and_a_time_window(browser, view):
    _name, path, ds = view
    page = ViewPage(browser, path, hash="#trace=HAF&from=2021&to=2021-12")
    try:
        assert page.js(
            "graphkitView.state.topics.map(id => graphkitView.data.entities[id].iri)"
        ) == [_haf(ds)]
        axis = page.js("graphkitView.axis()")
        assert (axis["from"], axis["to"]) == ("2021-01-01", "2021-12-31")
        expected = [d for (d,) in sparql(ds, HAF_MEETINGS_QUERY) if d.startswith("2021")]
        assert page.visible_dates("meeting") == expected
        assert page.errors == []
    finally:
        page.close()


def test_keyboard_tab_enter_and_escape(opened):
    _name, page, _ds = opened
    page.page.focus("#search")
    for _ in range(60):  # through the controls to the first node on the timeline
        page.page.keyboard.press("Tab")
        if page.js("!!(document.activeElement && document.activeElement.closest('g.node'))"):
            break
    node = page.js("document.activeElement.closest('g.node').dataset.node")
    assert page.page.is_visible("#tip")  # the full title shows on focus, too
    page.page.keyboard.press("Enter")
    page.wait("id => graphkit.state.selected === id", node)
    assert page.page.text_content("#details h2") == page.js(
        "id => graphkit.data.entities[id].label", node
    )
    # the panel's links are reachable by Tab and open with Enter
    link = page.page.locator("#details button.link").first
    target = link.get_attribute("data-node")
    link.focus()
    page.page.keyboard.press("Enter")
    page.wait("id => graphkit.state.selected === id", target)
    page.page.keyboard.press("Escape")
    page.wait("() => graphkit.state.selected === null")


def test_a_person_focus_shows_their_meetings_and_roles_over_time(opened):
    _name, page, ds = opened
    person, _n = sparql(
        ds,
        """SELECT ?p (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m a org:Membership ; org:member ?p }
        GROUP BY ?p ORDER BY DESC(?n) ?p LIMIT 1""",
    )[0]
    node = page.node_of(person)
    # collapsed by default: people are many and rarely where a reader starts
    assert not [r for r in page.report() if r["kind"] == "person"]
    page.js("id => graphkitView.focusPerson(id)", node)
    rows = page.report()
    roles = [r for r in rows if r["kind"] == "role"]
    expected_roles = sparql(
        ds,
        f"SELECT ?m WHERE {{ ?m a org:Membership ; org:member <{person}> ; schema:startDate ?s }}",
    )
    assert len(roles) == len(expected_roles) and all(r["box"] for r in roles)
    meetings = {
        d
        for (d,) in sparql(
            ds,
            f"""SELECT DISTINCT ?d WHERE {{ ?m a gk:Meeting ; dcterms:date ?d .
            {{ ?a gk:meeting ?m ; gk:attendee <{person}> ; gk:status ?s
               FILTER (?s NOT IN (gk:Apologies, gk:Absent)) }}
            UNION {{ ?m schema:attendee <{person}> }} UNION {{ ?m gk:chair <{person}> }}
            UNION {{ ?i schema:superEvent ?m ; schema:mentions <{person}> }} }}""",
        )
    }
    assert set(page.visible_dates("meeting")) == meetings
    assert [r["iri"] for r in rows if r["kind"] == "person"] == [person]


# -- injection ------------------------------------------------------------------------------
PAYLOADS = {  # where it goes -> the text; each would set window.__pwned if it ever ran
    "council": '"><title>x</title><script>window.__pwned="council"</script> Council',
    "programme": '<img src=x onerror=window.__pwned="programme"> Programme',
    "programme_alt": '<svg onload=window.__pwned="programme-alt">',
    "person": '"><script>window.__pwned="person"</script> Mallory',
    "person_alt": "javascript:window.__pwned='person-alt'",
    "organisation": '</script><script>window.__pwned="organisation"</script> Trust',
    "meeting": "<body onload=window.__pwned='meeting'> Board, 5 May 2022",
    "venue": "<iframe src=\"javascript:window.__pwned='venue'\"></iframe> Room 1",
    "item": "<a href=\"javascript:window.__pwned='item'\">Click me</a> Item",
    "number": '<b onmouseover=window.__pwned="number">7</b>',
    "resolution": "<details open ontoggle=window.__pwned='resolution'>noted</details>",
    "role": "<input autofocus onfocus=window.__pwned='role'> Chair",
    "attendance": "<marquee onstart=window.__pwned='attendance'>Observer</marquee>",
    "quote": "<video><source onerror=window.__pwned='quote'></video> said Mallory \u2028 <!--",
    "document": "<img src=http://127.0.0.1:9/leak.png>.txt",
    "work_programme": "<math><mtext><table><mglyph><style><img src=x onerror=window.__pwned='wp'>",
    "entity": "&lt;img src=x onerror=window.__pwned='entity'&gt; &amp;",
}


def payload_graph() -> Dataset:
    """Every field the view shows, each carrying a payload."""
    ds = Dataset()
    doc = URIRef(BASE + "document/payload")
    g = ds.graph(doc)
    p = PAYLOADS
    council, programme = URIRef(BASE + "council/payload"), URIRef(BASE + "programme/x/payload")
    person, org = URIRef(BASE + "person/x/payload"), URIRef(BASE + "organisation/payload")
    meeting = URIRef(BASE + "meeting/x/payload/2022-05-05")
    item = URIRef(f"{meeting}/item/7")
    triples = [
        (doc, RDF.type, FOAF.Document),
        (doc, DCTERMS.source, Literal(p["document"])),
        (council, RDF.type, ORG.FormalOrganization),
        (council, SKOS.prefLabel, Literal(p["council"])),
        (programme, RDF.type, GK.Programme),
        (programme, SKOS.prefLabel, Literal(p["programme"])),
        (programme, SKOS.altLabel, Literal(p["programme_alt"])),
        (programme, SKOS.altLabel, Literal(p["entity"])),
        (person, RDF.type, SCHEMA.Person),
        (person, SKOS.prefLabel, Literal(p["person"])),
        (person, SKOS.altLabel, Literal(p["person_alt"])),
        (org, RDF.type, ORG.Organization),
        (org, SKOS.prefLabel, Literal(p["organisation"])),
        (meeting, RDF.type, GK.Meeting),
        (meeting, DCTERMS.date, Literal("2022-05-05", datatype=XSD.date)),
        (meeting, SCHEMA.name, Literal(p["meeting"])),
        (meeting, SCHEMA.location, Literal(p["venue"])),
        (meeting, SCHEMA.organizer, org),
        (meeting, PROV_DERIVED, doc),
        (item, RDF.type, GK.AgendaItem),
        (item, SCHEMA.superEvent, meeting),
        (item, SCHEMA.name, Literal(p["item"])),
        (item, DCTERMS.identifier, Literal(p["number"])),
        (item, DCTERMS.subject, programme),
        (item, SCHEMA.mentions, person),
        (URIRef(f"{item}/resolution/1"), RDF.type, GK.Resolution),
        (URIRef(f"{item}/resolution/1"), DCTERMS.isPartOf, item),
        (URIRef(f"{item}/resolution/1"), RDF.value, Literal(p["resolution"])),
        (URIRef(f"{meeting}/attendance/payload"), RDF.type, GK.Attendance),
        (URIRef(f"{meeting}/attendance/payload"), GK.meeting, meeting),
        (URIRef(f"{meeting}/attendance/payload"), GK.attendee, person),
        (URIRef(f"{meeting}/attendance/payload"), GK.status, GK.Present),
        (URIRef(f"{meeting}/attendance/payload"), GK.roleAsWritten, Literal(p["attendance"])),
        (URIRef(BASE + "membership/payload"), RDF.type, ORG.Membership),
        (URIRef(BASE + "membership/payload"), ORG.member, person),
        (URIRef(BASE + "membership/payload"), ORG.organization, org),
        (URIRef(BASE + "membership/payload"), ORG.role, URIRef(BASE + "role/payload")),
        (URIRef(BASE + "role/payload"), SKOS.prefLabel, Literal(p["role"])),
        (
            URIRef(BASE + "membership/payload"),
            SCHEMA.startDate,
            Literal("2022-05-05", datatype=XSD.date),
        ),
        (
            URIRef(BASE + "membership/payload"),
            SCHEMA.endDate,
            Literal("2022-05-05", datatype=XSD.date),
        ),
        (URIRef(f"{doc}/annotation/1"), RDF.type, OA.Annotation),
        (URIRef(f"{doc}/annotation/1"), OA.hasBody, person),
        (URIRef(f"{doc}/annotation/1"), GK.inItem, item),
        (URIRef(f"{doc}/annotation/1"), OA.hasTarget, URIRef(f"{doc}/annotation/1/t")),
        (URIRef(f"{doc}/annotation/1/t"), OA.hasSource, doc),
        (URIRef(f"{doc}/annotation/1/t"), OA.hasSelector, URIRef(f"{doc}/annotation/1/q")),
        (URIRef(f"{doc}/annotation/1/q"), OA.exact, Literal(p["quote"])),
        (URIRef(f"{doc}/wp/1"), RDF.type, GK.WorkProgrammeEntry),
        (URIRef(f"{doc}/wp/1"), SCHEMA.name, Literal(p["work_programme"])),
        (URIRef(f"{doc}/wp/1"), DCTERMS.subject, programme),
        (URIRef(f"{doc}/wp/1"), DCTERMS.isPartOf, doc),
    ]
    for t in triples:
        g.add(t)
    return ds


PROV_DERIVED = URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")


@pytest.fixture(scope="module")
def injection_view(tmp_path_factory) -> tuple[Path, Dataset, int]:
    import graphkit

    built = graphkit.build(DATA / "view" / "injection-minutes.txt").dataset
    from_document = sum(
        1
        for (v,) in sparql(built, "SELECT ?v WHERE { ?s ?p ?v FILTER(isLiteral(?v)) }")
        if "pwned" in v
    )
    ds = payload_graph()
    for s, p, o, _ in built.quads((None, None, None, None)):
        ds.add((s, p, o))
    path = write_view(ds, tmp_path_factory.mktemp("injection") / "view.html")
    return path, ds, from_document


@pytest.mark.parametrize("csp", ["as shipped", "bypassed"])
def test_injection_payloads_never_run_and_show_as_text(browser, injection_view, csp):
    """With the page's CSP and without it: the code alone must keep payloads as text."""
    path, ds, _ = injection_view
    page = ViewPage(browser, path, bypass_csp=csp == "bypassed")
    try:
        entities = page.js("graphkit.data.entities")
        carrying = sorted(
            k for k, e in entities.items() if "pwned" in repr(e) or "leak.png" in repr(e)
        )
        assert len(carrying) >= 8
        # search for payload text and open every result, then every carrying node
        page.page.fill("#search", "pwned")
        page.wait("() => graphkit.state.results && graphkit.state.results.length > 3")
        for button in page.page.locator("#search-results button.link").all():
            button.click()
        checked = 0
        for node in carrying:
            if node == carrying[0] or entities[node]["type"] == "person":
                page.click_node(node)  # on the timeline, like a user
            else:
                page.js("id => graphkit.go(id, true)", node)
            text = _norm(page.page.inner_text("#details"))
            e = entities[node]
            assert page.page.text_content("#details h2") == e["label"]
            strings = _strings(e)
            for s in strings:
                assert _norm(s) in text, f"{s!r} is not shown as text for {e['label']!r}"
            checked += len(strings)
        assert checked >= len(PAYLOADS)
        # a tooltip: hover the payload person's lane label on the timeline
        person = page.node_of(BASE + "person/x/payload")
        page.js("id => { graphkit.state.pinned[id] = true; graphkit.render(); }", person)
        (row,) = [r for r in page.report() if r["id"] == person]
        page.page.mouse.move(row["box"]["x"] + 5, row["box"]["y"] + row["box"]["height"] / 2)
        page.page.wait_for_selector("#tip", state="visible", timeout=5_000)
        assert PAYLOADS["person"] in page.page.inner_text("#tip")
        assert PAYLOADS["person"].startswith(row["label"].rstrip("\u2026"))  # drawn as text
        # the page title and heading carry the council's payload as text
        assert page.js("document.title").startswith(PAYLOADS["council"])
        assert page.page.text_content("#title") == page.js("document.title")
        # nothing ran, nothing was parsed as markup, nothing was fetched
        page.page.wait_for_timeout(300)
        assert page.js("typeof window.__pwned") == "undefined"
        assert page.js("document.scripts.length") == 2
        risky = "img, svg, iframe, object, embed, video, audio, source, marquee, math, a, style"
        # the one <svg> is our timeline, made of our own shapes and text only
        assert page.js(f"document.body.querySelectorAll({risky!r}).length") == 1
        assert page.js("document.querySelectorAll('#network > svg.timeline').length") == 1
        kinds = page.js(
            "Array.from(new Set(Array.from(document.querySelectorAll('svg.timeline *'))"
            ".map(e => e.tagName)))"
        )
        assert set(kinds) <= {"g", "line", "rect", "path", "circle", "text"}
        assert (
            page.js("""Array.from(document.querySelectorAll('*')).filter(el =>
            Array.from(el.attributes).some(a => a.name.startsWith('on'))).length""")
            == 0
        )
        assert page.js("document.querySelectorAll('input').length") == page.js(
            "document.querySelectorAll("
            "'#search, #year-from, #year-to, #show-rest, #legend input').length"
        )
        assert page.errors == [] and page.blocked == []
        assert all(u.startswith(("file:", "data:")) for u in page.requests)
    finally:
        page.close()


def _strings(entity: dict) -> list[str]:
    """The payload-carrying strings of an entity's panel data."""
    out = []

    def walk(value):  # type: ignore[no-untyped-def]
        if isinstance(value, str):
            if ("pwned" in value or "leak.png" in value) and not value.startswith(BASE):
                out.append(value)
        elif isinstance(value, dict):
            for k, v in value.items():
                if k not in ("iri", "ref", "item"):
                    walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk({k: v for k, v in entity.items() if k != "label"})
    return out


def test_injection_document_goes_through_the_build(injection_view):
    """The test document's payloads reach the graph through the core extraction."""
    _, _, from_document = injection_view
    assert from_document >= 4, "the build kept no payload text from the test document"


def test_open_and_overdue_requests_are_marked_on_their_items(browser, followups_build):
    """The invented minutes' requests: two overdue and one open, each a dot on its item."""
    page = ViewPage(browser, followups_build / "view.html")
    try:
        marks = page.js(
            "() => Array.from(document.querySelectorAll('.request-mark')).map("
            "c => [c.getAttribute('class'), c.getAttribute('aria-label')])"
        )
        assert sorted(m[0] for m in marks) == [
            "request-mark request-open",
            "request-mark request-overdue",
            "request-mark request-overdue",
        ]
        assert sorted(m[1] for m in marks) == [
            "1 request open",
            "1 request overdue",
            "1 request overdue",
        ]
        assert page.errors == []
    finally:
        page.close()
