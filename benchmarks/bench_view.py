"""Time to interactive of the HTML view for generated graphs of 500, 2,000 and 5,000 nodes.

    /work/venv/bin/python benchmarks/bench_view.py [--sizes 500,2000,5000] [--runs 3]

For each size: builds a synthetic graph in the contract vocabulary (meetings over
several years, agenda items, people attending, programmes discussed, organisations,
memberships and evidence), times the Python side (graph → view.html), then opens the
file in headless Chromium and times page load → data drawn and search usable
(``window.graphkit.readyAt``, measured from navigation start), and one search.
Needs /usr/bin/chromium and Playwright.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rdflib import Dataset, Literal, URIRef  # noqa: E402

from graphkit.view import build_view  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from support import CHROMIUM_ARGS  # noqa: E402

from graphkit.vocab import DCTERMS, FOAF, GK, OA, ORG, RDF, SCHEMA, SKOS, XSD  # noqa: E402

BASE = "https://w3id.org/graphkit/id/"


def generate(n: int, *, seed: int = 1) -> Dataset:
    """A graph whose view has exactly ``n`` nodes."""
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="500,2000,5000")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    sizes = [int(s) for s in args.sizes.split(",")]
    print(
        f"{'nodes':>6} {'edges':>6} {'python s':>9} {'html MB':>8} "
        f"{'TTI ms (median, runs)':>24} {'search ms':>10}"
    )
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for n in sizes:
            ds = generate(n)
            t0 = time.perf_counter()
            view = build_view(ds, max_nodes=n)
            path = view.write(Path(tmp) / f"view-{n}.html")
            python_s = time.perf_counter() - t0
            ttis, searches, edges = [], [], 0
            for _ in range(args.runs):
                page = browser.new_page(viewport={"width": 1400, "height": 900})
                page.goto(path.as_uri())
                page.wait_for_function("window.graphkit && window.graphkit.ready", timeout=120_000)
                ttis.append(page.evaluate("window.graphkit.readyAt"))
                edges = page.evaluate("window.graphkit.data.edges.length")
                t1 = time.perf_counter()
                page.fill("#search", "PCF1")
                page.press("#search", "Enter")
                page.wait_for_function("window.graphkit.state.highlight !== null")
                searches.append((time.perf_counter() - t1) * 1000)
                page.close()
            print(
                f"{view.shown:>6} {edges:>6} {python_s:>9.2f} {path.stat().st_size / 1e6:>8.2f} "
                f"{statistics.median(ttis):>10.0f} ({', '.join(f'{t:.0f}' for t in ttis)})"
                f" {statistics.median(searches):>10.0f}"
            )
        browser.close()


if __name__ == "__main__":
    main()
