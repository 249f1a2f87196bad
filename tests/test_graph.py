"""graphkit.graph: a build of invented documents has every contract shape (VOCABULARY.md).

The graph is written to Turtle and TriG, parsed back with rdflib, and each shape is
queried with SPARQL.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import SDO
from stage_helpers import STAGES

import graphkit
from graphkit.errors import ConfigError
from graphkit.vocab import DCTERMS, DEFAULT_BASE, GK, OA, PREFIXES, RDF, SKOS, XSD

ROOT = Path(__file__).resolve().parent.parent
ID = DEFAULT_BASE
COMMITTEE = URIRef(f"{ID}committee/ashcombe/young-people-and-learning-scrutiny-panel")
MEETING = URIRef(f"{ID}meeting/ashcombe/young-people-and-learning-scrutiny-panel/2030-05-14")
ITEM9 = URIRef(f"{MEETING}/item/9")
PREFIX_LINES = "\n".join(f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items())


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("stages-build")
    # the invented documents carry several councils' letterheads; here they are read as one
    # council's records, as a user building one council's folder with --council would
    result = graphkit.build(STAGES, council="Ashcombe City Council")
    graphkit.write_outputs(result, out, formats=("turtle", "trig"), view=False)
    return result, out


@pytest.fixture(scope="module")
def g(built) -> Graph:
    _, out = built
    graph = Graph()
    graph.parse(out / "graph.ttl", format="turtle")
    return graph


@pytest.fixture(scope="module")
def ds(built) -> Dataset:
    _, out = built
    dataset = Dataset()
    dataset.parse(out / "graph.trig", format="trig")
    return dataset


def rows(g: Graph, query: str, **bindings) -> list[tuple]:
    return [tuple(r) for r in g.query(PREFIX_LINES + "\n" + query, initBindings=bindings)]


def ask(g: Graph, query: str, **bindings) -> bool:
    return bool(g.query(PREFIX_LINES + "\nASK {" + query + "}", initBindings=bindings).askAnswer)


def person(g: Graph, label: str) -> URIRef:
    found = rows(g, "SELECT ?p WHERE { ?p a schema:Person ; skos:prefLabel ?l }", l=Literal(label))
    assert len(found) == 1, (label, found)
    return found[0][0]


# -- council, committee, meeting -------------------------------------------------------------
def test_council_and_committee(g: Graph) -> None:
    assert ask(
        g,
        """
        ?c a org:OrganizationalUnit ; skos:prefLabel "Young People and Learning Scrutiny Panel" ;
           org:subOrganizationOf ?council .
        ?council a org:FormalOrganization ; skos:prefLabel "Ashcombe City Council" .""",
        c=COMMITTEE,
    )


def test_meeting_shape(g: Graph) -> None:
    assert ask(
        g,
        """
        ?m a gk:Meeting, schema:Event ;
           dcterms:date "2030-05-14"^^xsd:date ;
           schema:organizer ?c ;
           schema:startDate "2030-05-14T14:00:00"^^xsd:dateTime ;
           schema:endDate "2030-05-14T16:15:00"^^xsd:dateTime ;
           schema:location "Room 4, Guildhall" ;
           schema:name ?name ;
           prov:wasDerivedFrom ?doc .
        ?doc dcterms:source "minutes_numbered.md" .""",
        m=MEETING,
        c=COMMITTEE,
    )


def test_every_meeting_has_a_date_and_an_organizer(g: Graph) -> None:
    meetings = rows(g, "SELECT ?m WHERE { ?m a gk:Meeting }")
    assert len(meetings) >= 5
    bad = rows(
        g,
        """SELECT ?m WHERE { ?m a gk:Meeting .
        FILTER NOT EXISTS { ?m a schema:Event ; dcterms:date ?d ; schema:organizer ?o .
                            FILTER(datatype(?d) = xsd:date) } }""",
    )
    assert bad == []


def test_briefing_note_and_web_page_meetings(g: Graph) -> None:
    leisure = URIRef(f"{ID}meeting/ashcombe/leisure-and-culture-scrutiny-committee/2031-06-09")
    # the web page and the briefing note addressed to it are one meeting, from two documents
    sources = {
        str(s)
        for (s,) in rows(
            g,
            """SELECT ?s WHERE { ?m prov:wasDerivedFrom ?d .
                                                            ?d dcterms:source ?s }""",
            m=leisure,
        )
    }
    assert sources == {"web_page.txt", "briefing_note.txt"}


# -- agenda items --------------------------------------------------------------------------
def test_agenda_item_shape(g: Graph) -> None:
    assert ask(
        g,
        """
        ?i a gk:AgendaItem, schema:Event ;
           schema:superEvent ?m ;
           dcterms:identifier "9" ;
           schema:position 3 ;
           schema:name "Bluebell Mentoring Programme" .""",
        i=ITEM9,
        m=MEETING,
    )
    (pos,) = rows(g, "SELECT ?p WHERE { ?i schema:position ?p }", i=ITEM9)[0]
    assert pos.datatype == XSD.integer


def test_items_link_programmes_people_and_organisations(g: Graph) -> None:
    subjects = {
        str(x)
        for (x,) in rows(
            g,
            """SELECT ?l WHERE { ?i dcterms:subject ?p .
                                           ?p a gk:Programme ; skos:prefLabel ?l }""",
            i=ITEM9,
        )
    }
    assert subjects == {"Bluebell Mentoring Programme"}
    named = {
        str(x)
        for (x,) in rows(
            g,
            """SELECT ?l WHERE { ?i schema:mentions ?p .
                                        ?p skos:prefLabel ?l }""",
            i=ITEM9,
        )
    }
    assert {"Nadia Brennan", "Millbrook Primary School"} <= named
    assert ask(g, "?i schema:mentions ?o . ?o a org:Organization", i=ITEM9)


def test_unnumbered_items_have_a_position_but_no_identifier(g: Graph) -> None:
    found = rows(
        g,
        """SELECT ?name ?pos WHERE {
        ?i schema:superEvent ?m ; schema:name ?name ; schema:position ?pos .
        ?m schema:organizer ?c . ?c skos:prefLabel "Harbourside Community Safety Committee" .
        FILTER NOT EXISTS { ?i dcterms:identifier ?id } } ORDER BY ?pos""",
    )
    assert [(str(n), int(p)) for n, p in found] == [
        ("Welcome and Introductions", 1),
        ("Riverside Youth Strategy", 2),
        ("Date of Next Meeting", 3),
    ]


# -- people and attendance -----------------------------------------------------------------
def test_person_shape(g: Graph) -> None:
    okafor = person(g, "R Okafor")
    assert ask(
        g,
        """?p a schema:Person, foaf:Person ; schema:familyName "Okafor" ;
                     schema:honorificPrefix "Councillor" ; skos:altLabel "Councillor Okafor" .""",
        p=okafor,
    )
    brennan = person(g, "Nadia Brennan")
    assert ask(
        g,
        """?p skos:altLabel "Head Teacher Nadia Brennan" ; schema:familyName "Brennan" ;
                     schema:honorificPrefix "Head Teacher" .""",
        p=brennan,
    )


@pytest.mark.parametrize(
    ("label", "status", "capacity", "role"),
    [
        ("R Okafor", "Present", "Member", "Chair"),
        ("T Ferreira", "Present", "CoOptedMember", None),
        ("M Castellano", "Present", "CabinetMember", "Cabinet Member for Learning and Skills"),
        ("A Prendergast", "Present", "Officer", "Director of Adult Learning"),
        ("Nadia Brennan", "Present", "Invited", None),
        ("G Jessop", "Apologies", "Member", None),
    ],
)
def test_attendance_shape(
    g: Graph, label: str, status: str, capacity: str, role: str | None
) -> None:
    p = person(g, label)
    found = rows(
        g,
        """SELECT DISTINCT ?a WHERE { ?a a gk:Attendance ; gk:meeting ?m ; gk:attendee ?p ;
                          gk:status ?s ; gk:capacity ?c ; prov:wasDerivedFrom ?doc }""",
        m=MEETING,
        p=p,
        s=GK[status],
        c=GK[capacity],
    )
    assert len(found) == 1
    if role:
        assert ask(g, "?a gk:roleAsWritten ?r", a=found[0][0], r=Literal(role))


def test_attendance_shortcuts(g: Graph) -> None:
    okafor, jessop = person(g, "R Okafor"), person(g, "G Jessop")
    assert ask(
        g,
        "?m schema:attendee ?o ; gk:chair ?o ; gk:apologiesFrom ?j",
        m=MEETING,
        o=okafor,
        j=jessop,
    )
    assert not ask(g, "?m schema:attendee ?j", m=MEETING, j=jessop)
    present = {p for (p,) in rows(g, "SELECT ?p WHERE { ?m schema:attendee ?p }", m=MEETING)}
    # the meeting is recorded twice (its minutes, and again in the later agenda pack)
    everyone = {
        "R Okafor",
        "D Pemberton",
        "L Whitfield",
        "W Ashdown",
        "T Ferreira",
        "H Lindqvist",
        "M Castellano",
        "A Prendergast",
        "B Quilty",
        "Nadia Brennan",
        "J Kemble",
        "K Lee",
    }
    assert present == {person(g, label) for label in everyone}


# -- roles over time -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("label", "role", "on_committee", "start", "end"),
    [
        ("R Okafor", "Chair", True, "2030-05-14", "2030-10-17"),
        (
            "M Castellano",
            "Cabinet Member for Learning and Skills",
            False,
            "2030-05-14",
            "2030-05-14",
        ),
    ],
)
def test_membership_shape(
    g: Graph, label: str, role: str, on_committee: bool, start: str, end: str
) -> None:
    found = rows(
        g,
        """SELECT DISTINCT ?ms ?org WHERE {
        ?ms a org:Membership ; org:member ?p ; org:organization ?org ; org:role ?r ;
            schema:startDate ?s ; schema:endDate ?e ; org:memberDuring ?iv ;
            prov:wasDerivedFrom ?doc .
        ?r a org:Role ; skos:prefLabel ?role .
        ?iv a time:Interval ; time:hasBeginning/time:inXSDDate ?s ;
            time:hasEnd/time:inXSDDate ?e . }""",
        p=person(g, label),
        role=Literal(role),
        s=Literal(start, datatype=XSD.date),
        e=Literal(end, datatype=XSD.date),
    )
    assert len(found) == 1, found
    org = found[0][1]
    if on_committee:
        assert org == COMMITTEE
    else:
        assert ask(g, "?o a org:FormalOrganization", o=org)


# -- programmes, organisations -----------------------------------------------------------------
def test_programme_shape(g: Graph) -> None:
    for name in (
        "Bluebell Mentoring Programme",
        "Riverside Youth Strategy",
        "Acorn Skills Academy",
    ):
        assert ask(
            g,
            """?p a gk:Programme, skos:Concept ; skos:prefLabel ?l ; skos:inScheme ?s .
                         ?s a skos:ConceptScheme .""",
            l=Literal(name),
        ), name


def test_organisation_shape(g: Graph) -> None:
    for name in ("Millbrook Primary School", "Northshire County Council"):
        assert ask(g, "?o a org:Organization ; skos:prefLabel ?l", l=Literal(name)), name


# -- resolutions, actions, referenced meetings -----------------------------------------------
def test_resolution_and_action_shape(g: Graph) -> None:
    (value,) = rows(
        g, "SELECT ?v WHERE { ?r a gk:Resolution ; dcterms:isPartOf ?i ; rdf:value ?v }", i=ITEM9
    )[0]
    assert str(value).startswith("RESOLVED that the Panel:") and "Request a further report" in str(
        value
    )
    actions = [
        str(v)
        for (v,) in rows(
            g,
            """SELECT ?v WHERE { ?a a gk:Action, schema:Action ;
                                               dcterms:isPartOf ?i ; rdf:value ?v }""",
            i=ITEM9,
        )
    ]
    assert any(v.startswith("Officers agreed to circulate") for v in actions)


def test_approved_minutes_point_at_a_referenced_meeting(g: Graph) -> None:
    assert ask(
        g,
        """?m gk:approvesMinutesOf ?o .
        ?o a gk:Meeting, schema:Event ; dcterms:date "2029-05-03"^^xsd:date ;
           schema:organizer ?c .""",
        m=MEETING,
        c=COMMITTEE,
    )


def test_work_programme_entry_shape(g: Graph) -> None:
    found = rows(
        g,
        """SELECT ?e ?d ?lead WHERE { ?e a gk:WorkProgrammeEntry ; schema:name ?n ;
        dcterms:isPartOf ?doc ; dcterms:date ?d ; gk:lead ?p . ?p skos:prefLabel ?lead .
        ?doc dcterms:source "agenda_pack.txt" }""",
        n=Literal("Acorn Skills Academy"),
    )
    assert [(str(d), str(lead)) for _, d, lead in found] == [("2030-11-25", "Priya Nandakumar")]


# -- documents and evidence -----------------------------------------------------------------
@pytest.mark.parametrize(
    ("source", "kind"),
    [
        ("minutes_numbered.md", "Minutes"),
        ("minutes_unnumbered.md", "Minutes"),
        ("web_page.txt", "WebPage"),
        ("agenda_pack.txt", "AgendaPack"),
        ("briefing_note.txt", "BriefingNote"),
    ],
)
def test_document_shape(g: Graph, source: str, kind: str) -> None:
    digest = hashlib.sha256((STAGES / source).read_bytes()).hexdigest()
    assert ask(
        g,
        """?d a foaf:Document, schema:DigitalDocument ; dcterms:source ?s ;
                     gk:sha256 ?h ; dcterms:type ?t .""",
        s=Literal(source),
        h=Literal(digest),
        t=GK[kind],
    )


def test_every_annotation_quotes_its_document_exactly(built, g: Graph) -> None:
    result, _ = built
    texts = {d.source: d.text for d in result.documents}
    annotations = list(g.subjects(RDF.type, OA.Annotation))
    assert len(annotations) >= 40
    for ann in annotations:
        assert g.value(ann, OA.hasBody) is not None
        target = g.value(ann, OA.hasTarget)
        source = str(g.value(g.value(target, OA.hasSource), DCTERMS.source))
        selectors = {g.value(s, RDF.type): s for s in g.objects(target, OA.hasSelector)}
        pos, quote = selectors[OA.TextPositionSelector], selectors[OA.TextQuoteSelector]
        start, end = int(g.value(pos, OA.start)), int(g.value(pos, OA.end))
        assert texts[source][start:end] == str(g.value(quote, OA.exact)), ann


def test_annotations_in_an_item_say_so(g: Graph) -> None:
    found = rows(
        g,
        """SELECT ?a WHERE { ?a oa:hasBody ?p ; gk:inItem ?i .
                                      ?p skos:prefLabel "Bluebell Mentoring Programme" }""",
        i=ITEM9,
    )
    assert found


def test_each_document_is_a_named_graph(built, ds: Dataset) -> None:
    result, _ = built
    names = {str(c.identifier) for c in ds.graphs()}
    for doc in result.documents:
        iri = f"{ID}document/{doc.source}"
        assert iri in names
        # its annotations live in its own graph
        graph = ds.graph(URIRef(iri))
        assert any(True for _ in graph.triples((None, None, URIRef(iri))))


# -- determinism and the IRI base ----------------------------------------------------------------
def _cli_build(out: Path, seed: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONHASHSEED=seed)
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "graphkit",
            "build",
            str(STAGES),
            "--out",
            str(out),
            "--no-view",
            "--quiet",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    """Separate processes with different hash seeds, as two runs on two machines would be."""
    runs = [_cli_build(tmp_path / "one", "1"), _cli_build(tmp_path / "two", "999")]
    for run in runs:
        _, err = run.communicate(timeout=120)
        assert run.returncode == 0, err.decode()
    for name in ("graph.ttl", "graph.trig"):
        one = (tmp_path / "one" / name).read_bytes()
        two = (tmp_path / "two" / name).read_bytes()
        assert one == two, f"{name} differs between two builds of the same input"


def test_base_replaces_every_data_iri(tmp_path: Path) -> None:
    base = "https://data.example.org/ashcombe/"
    docs = tmp_path / "in"
    docs.mkdir()
    shutil.copy(STAGES / "minutes_numbered.md", docs)
    result = graphkit.build(docs, base=base)
    iris = {
        str(t)
        for q in result.dataset.quads((None, None, None, None))
        for t in q
        if isinstance(t, URIRef)
    }
    assert any(i.startswith(base + "meeting/") for i in iris)
    assert not any(i.startswith(DEFAULT_BASE) for i in iris)


@pytest.mark.parametrize(
    "base", ["not-an-iri", "https://example.org/no-trailing-slash", "example.org/"]
)
def test_bad_base_raises_config_error(tmp_path: Path, base: str) -> None:
    docs = tmp_path / "in"
    docs.mkdir()
    shutil.copy(STAGES / "minutes_unnumbered.md", docs)
    with pytest.raises(ConfigError, match="--base") as info:
        graphkit.build(docs, base=base)
    assert DEFAULT_BASE in str(info.value)  # shows a valid example


# -- which node an organisation mention names (invented names) --------------------------------
def test_a_mention_naming_the_build_council_is_the_council() -> None:
    from graphkit.graph.organisations import names_the_council

    assert names_the_council("Ashcombe City Council", "Ashcombe City Council")
    assert names_the_council("Ashcombe Council", "Ashcombe City Council")
    assert not names_the_council("Bexmoor City Council", "Ashcombe City Council")
    assert not names_the_council("Ashcombe City Council Housing Services", "Ashcombe City Council")


def test_a_variant_of_a_recorded_committee_is_that_committee() -> None:
    from graphkit.graph.organisations import committee_named

    ours = ["Young People and Learning Scrutiny Panel (2)", "Ashcombe Planning Committee"]
    # its words in order, some left out, its number kept
    assert committee_named("Scrutiny Panel (2)", ours, ()) == ours[0]
    assert committee_named("Young People Scrutiny Panel", ours, ()) == ours[0]
    assert committee_named("Young People and Learning Scrutiny Panel", ours, ()) == ours[0]
    # another number, or words the committee does not have, is another body
    assert committee_named("Scrutiny Panel (3)", ours, ()) is None
    assert committee_named("Young People Panel", ours, ()) is None  # "Scrutiny" left out
    assert committee_named("Adult Learning Scrutiny Panel", ours, ()) is None
    # a bare name only in the committee's own records
    assert committee_named("the Panel", ours, ()) is None
    assert committee_named("the Scrutiny Panel", ours, {ours[0]}) == ours[0]
    assert committee_named("the Committee", ours, {ours[1]}) == ours[1]


def test_two_committees_a_name_fits_are_never_merged() -> None:
    from graphkit.graph.organisations import committee_named

    ours = ["Ashcombe Schools Scrutiny Board (1)", "Ashcombe Health Scrutiny Board (4)"]
    assert committee_named("Ashcombe Scrutiny Board", ours, ()) is None
    assert committee_named("the Board", ours, set(ours)) is None
    assert committee_named("Scrutiny Board (4)", ours, ()) == ours[1]


def test_other_committees_of_the_council_are_its_units() -> None:
    from graphkit.graph.organisations import is_council_committee

    for name in (
        "Cabinet",
        "Scrutiny Board (3)",
        "Housing Scrutiny Committee",
        "Health and Wellbeing Board",
    ):
        assert is_council_committee(name), name
    for name in (
        "Ashcombe Leisure Trust",
        "Improvement Board",
        "Joint Scrutiny Committee",
        "Cabinet Office",
    ):
        assert not is_council_committee(name), name


def test_names_that_name_no_organisation() -> None:
    from graphkit.graph.organisations import names_no_organisation

    council = "Ashcombe City Council"
    assert names_no_organisation("Police and City Council", " guidance", council)
    assert names_no_organisation("Police and Ashcombe City Council", "", council)
    assert names_no_organisation("Expansion of Youth Mentoring Services", "", council)
    assert names_no_organisation("Government", " Act 1972", council)
    assert names_no_organisation("Ashcombe and Bexmoor Rugby Club", "", council) is None
    assert names_no_organisation("Bexmoor and Ashcombe Borough Council", "", council) is None
    assert names_no_organisation("Department of Youth Services", "", council) is None


def test_a_row_that_repeats_a_listed_row_is_one_entry() -> None:
    from graphkit.graph.workprogramme import entry_numbers
    from graphkit.model import MeetingRecord, WorkProgrammeRow

    listed = WorkProgrammeRow("Youth Mentoring Scheme Update", 10, 40, detail="progress")
    added = WorkProgrammeRow("Youth Mentoring Scheme", 300, 330)  # a resolution adds it
    other = WorkProgrammeRow("Libraries", 500, 520)  # one word: too short to match
    rec = MeetingRecord(
        "a.txt", "minutes", "Panel", None, 0, 600, work_programme=(listed, added, other)
    )
    assert entry_numbers([rec]) == {("a.txt", 10): 1, ("a.txt", 500): 2}


def test_an_item_two_documents_record_has_one_position_and_title(tmp_path: Path) -> None:
    """Two renderings of one meeting may number and word an item differently: the item
    keeps the first document's position and title, the other wording is an alternate name
    (found by the property test in tests/test_hostile_inputs.py)."""
    from graphkit.validate import validate

    head = "Minutes of the Meeting of the Audit Committee held on 5 March 2031\n\n"
    (tmp_path / "a.txt").write_text(head + "31. Internal Audit Plan\n\nNoted.\n")
    (tmp_path / "b.txt").write_text(
        head + "30. Apologies\n\nNone.\n\n31. Internal Audit Plan 2031/32\n\nNoted.\n"
    )
    result = graphkit.build(tmp_path, council="Ashcombe City Council")
    assert validate(result.dataset) == []
    union = Graph()
    for s, p, o, _ in result.dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    item = next(s for s, _, o in union.triples((None, DCTERMS.identifier, None)) if str(o) == "31")
    positions = set(union.objects(item, SDO.position))
    names = {str(n) for n in union.objects(item, SDO.name)}
    alternates = {str(n) for n in union.objects(item, SDO.alternateName)}
    assert len(positions) == 1 and names == {"Internal Audit Plan"}
    assert alternates == {"Internal Audit Plan 2031/32"}


def test_a_meeting_many_documents_record_costs_each_document_once(
    tmp_path: Path, monkeypatch
) -> None:
    """Copies of one meeting's minutes each name its attendees in their own graph, each
    way of writing a name once: twice the copies, twice the work. The names were added
    to each document's graph once for every record of the meeting, quadratic in the
    copies."""
    from graphkit.graph import builder

    calls = []
    person = builder.Builder.person

    def counted(self, g, key, surface=None):  # type: ignore[no-untyped-def]
        calls.append(key)
        return person(self, g, key, surface)

    monkeypatch.setattr(builder.Builder, "person", counted)
    text = (
        "Minutes of the Meeting of the Parks Committee held on 5 March 2031 at 6.00 pm\n\n"
        "Present:\n\nCouncillor A Byrne (Chair)\nCouncillor D Pemberton\nCouncillor L Whitfield\n\n"
        "1. Tree Strategy\n\nThe Committee noted the Tree Strategy.\n"
    )
    counts = []
    for copies in (10, 20):
        folder = tmp_path / str(copies)
        folder.mkdir()
        for n in range(copies):
            (folder / f"copy-{n:02d}.txt").write_text(text, encoding="utf-8")
        calls.clear()
        result = graphkit.build([folder], jobs=1, cache=False)
        attendees = {o for _, _, o, _ in result.dataset.quads((None, SDO.attendee, None, None))}
        assert len(attendees) == 3
        counts.append(len(calls))
    assert counts[1] == 2 * counts[0]


def test_a_committee_written_two_ways_has_one_label(tmp_path: Path) -> None:
    # two records of one meeting, one heading in capitals: one node, one prefLabel (the
    # name not in capitals), the other way of writing it an altLabel; the meeting one name
    minutes = (
        "Ashcombe Borough Council\n\nMinutes of the meeting of the {} held on 3 March 2031\n\n"
        "Present: Councillor J Smith (Chair)\n\n1. Apologies\n\nNone.\n"
    )
    (tmp_path / "a.txt").write_text(minutes.format("SCRUTINY Board (2)"), encoding="utf-8")
    (tmp_path / "b.txt").write_text(minutes.format("Scrutiny Board (2)"), encoding="utf-8")
    ds = graphkit.build(tmp_path).dataset
    union = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        union.add((s, p, o))
    board = URIRef(f"{DEFAULT_BASE}committee/ashcombe/scrutiny-board-2")
    assert set(union.objects(board, SKOS.prefLabel)) == {Literal("Scrutiny Board (2)")}
    assert set(union.objects(board, SKOS.altLabel)) == {Literal("SCRUTINY Board (2)")}
    meeting = URIRef(f"{DEFAULT_BASE}meeting/ashcombe/scrutiny-board-2/2031-03-03")
    assert set(union.objects(meeting, SDO.name)) == {Literal("Scrutiny Board (2), 3 March 2031")}


def test_a_committee_that_meets_twice_on_a_day_has_two_meetings(tmp_path: Path) -> None:
    minutes = (
        "Ashcombe Borough Council\n\nMinutes of the meeting of the Licensing Sub-Committee held"
        " on 3 March 2031{}\n\nPresent: Councillor J Smith (Chair)\n\n1. {}\n\nGranted.\n"
    )
    (tmp_path / "a.txt").write_text(minutes.format(" at 10.00 am", "Licence A"), encoding="utf-8")
    (tmp_path / "b.txt").write_text(minutes.format(" at 2.00 pm", "Licence B"), encoding="utf-8")
    ds = graphkit.build(tmp_path).dataset
    day = f"{DEFAULT_BASE}meeting/ashcombe/licensing-sub-committee/2031-03-03"
    meetings = {str(s) for s, _, _, _ in ds.quads((None, RDF.type, GK.Meeting, None))}
    assert meetings == {f"{day}T1000", f"{day}T1400"}
    # each its own start, its own item, one date
    for meeting, hour, title in (
        (f"{day}T1000", 10, "Licence A"),
        (f"{day}T1400", 14, "Licence B"),
    ):
        node = URIRef(meeting)
        starts = {o for _, _, o, _ in ds.quads((node, SDO.startDate, None, None))}
        assert starts == {Literal(f"2031-03-03T{hour}:00:00", datatype=XSD.dateTime)}
        items = {s for s, _, _, _ in ds.quads((None, SDO.superEvent, node, None))}
        names = {str(o) for i in items for _, _, o, _ in ds.quads((i, SDO.name, None, None))}
        assert names == {title}
    # one meeting a day keeps the IRI of its day alone
    (tmp_path / "b.txt").unlink()
    ds = graphkit.build(tmp_path).dataset
    assert {str(s) for s, _, _, _ in ds.quads((None, RDF.type, GK.Meeting, None))} == {day}
