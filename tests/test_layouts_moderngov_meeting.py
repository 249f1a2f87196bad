"""The ModernGov meeting-page layout (graphkit/layouts/moderngov_meeting.py).

Fixtures are invented pages (Northshire Council) in each rendering the platform's
"Agenda and minutes" page comes in.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from corpus import corpus_index, need_corpus

from graphkit.documents import read_document
from graphkit.layouts import moderngov_meeting as mm
from graphkit.layouts import read_layout
from graphkit.model import Document, MeetingRecord

DATA = Path(__file__).parent / "data" / "layouts" / "moderngov_meeting"
SEEDS = Path(__file__).resolve().parents[1] / "seeds"
PANEL = "Northshire Schools Scrutiny Panel"


def _doc(name: str) -> Document:
    return read_document(DATA / name, name)


def _one(name: str) -> MeetingRecord:
    records = mm.read(_doc(name))
    assert len(records) == 1
    return records[0]


def _items(rec: MeetingRecord) -> list[tuple[str | None, str]]:
    return [(i.number, i.title) for i in rec.items]


def _people(rec: MeetingRecord) -> list[tuple[str, str]]:
    return [(a.name, a.status) for a in rec.attendance]


def _refs(rec: MeetingRecord) -> list[tuple[dt.date, str]]:
    return [(r.date, r.relation) for r in rec.refs]


def _panel_headed(heading: str) -> list[MeetingRecord]:
    """The records of the Northshire page with its heading line written as ``heading``."""
    text = (DATA / "northshire-block.txt").read_text(encoding="utf-8")
    whole = "Northshire Schools Scrutiny Panel - Tuesday, 14th January, 2025 6.30 pm"
    assert whole in text
    return mm.read(Document("headed.txt", text.replace(whole, heading), "0", "web_page"))


@pytest.mark.parametrize(
    ("heading", "time"),
    [
        # wrapped, as a PDF printer or a narrow window wraps it
        ("Northshire Schools Scrutiny Panel - Tuesday, 14th\nJanuary, 2025 6.30 pm", "18:30"),
        ("Northshire Schools Scrutiny Panel - Tuesday, 14th January,\n2025 6.30 pm", "18:30"),
        # dated in numbers without a weekday, as pages copied from the platform or other
        # platforms write it
        ("Northshire Schools Scrutiny Panel\n14/01/2025 6.30 pm", "18:30"),
        ("Northshire Schools Scrutiny Panel\n14/01/2025", None),
        ("Northshire Schools Scrutiny Panel - 14/01/2025 6.30 pm", "18:30"),
        ("Agenda for Northshire Schools Scrutiny Panel on 14/01/2025, 6.30pm", "18:30"),
        ("Northshire Schools Scrutiny Panel\n14.01.2025 at 18:30", "18:30"),
        # the committee, then a comma or "on" before the weekday; a page title before it
        (
            "Meeting of Northshire Schools Scrutiny Panel, Tuesday, 14th January, 2025 6.30 pm",
            "18:30",
        ),
        ("Northshire Schools Scrutiny Panel, Tuesday 14th January 2025 18:30", "18:30"),
        ("Northshire Schools Scrutiny Panel on Tuesday 14 January 2025", None),
        ("Agenda and minutes - Northshire Schools Scrutiny Panel, Tuesday 14 January 2025", None),
    ],
)
def test_a_heading_written_another_way(heading: str, time: str | None) -> None:
    (rec,) = _panel_headed(heading)
    assert (rec.committee, rec.date) == (PANEL, dt.date(2025, 1, 14))
    assert rec.start_time == (dt.time.fromisoformat(time) if time else None)


@pytest.mark.parametrize(
    "line",
    [
        "The Panel will next meet on Tuesday 14 January 2025",
        "The Panel will next meet on Tuesday 14 January 2025 at 6.30 pm.",
    ],
)
def test_a_sentence_naming_a_day_is_no_heading(line: str) -> None:
    records = _panel_headed(f"Northshire Schools Scrutiny Panel\n{line}")
    assert all(r.committee != "The Panel will next meet" for r in records)
    assert all(r.date != dt.date(2025, 1, 14) for r in records)


def test_number_and_title_in_cells_of_one_line() -> None:
    """The items table copied cell by cell: each number and its title on one line, split by
    a tab (a "Note" column before them in the header); read as the block rendering is."""
    text = (DATA / "northshire-block.txt").read_text(encoding="utf-8")
    tabbed = re.sub(r"(?m)^(\d+[a-z]?\.?)\n\n", "\\1\t", text).replace(
        "No. Item", "Note\tNo.\tItem"
    )
    assert tabbed.count("\t") >= 5
    (rec,) = mm.read(Document("tabbed.txt", tabbed, "0", "web_page"))
    assert _items(rec) == _items(_one("northshire-block.txt"))
    assert _people(rec) == _people(_one("northshire-block.txt"))


def test_a_date_in_numbers_with_more_on_its_line_is_no_heading() -> None:
    # a line that only starts with a date is a sentence or a list entry, not the heading
    records = _panel_headed("Northshire Schools Scrutiny Panel\n14/01/2025 the panel was told")
    assert all(r.date != dt.date(2025, 1, 14) for r in records)


def test_block_rendering() -> None:
    rec = _one("northshire-block.txt")
    assert (rec.committee, rec.date, rec.start_time) == (
        PANEL,
        dt.date(2025, 1, 14),
        dt.time(18, 30),
    )
    assert rec.venue == "Room 4, Riverside House, Eastport"
    assert rec.platform_id == "northshire:5077"
    assert rec.section == "web_page"
    assert _items(rec) == [
        ("7", "Apologies and Substitutes"),
        ("8", "Minutes of the meeting held on 26 November 2024"),
        ("9", "Eastport Learning Partnership"),
        ("9a", "Bright Start Reading Scheme"),
        ("10", "Home to School Transport Contract"),  # the restricted notice is no item
        # item 11, its title cut by the page's end, is no item (the gold leaves such items out)
    ]
    assert _people(rec) == [
        ("Mr Haldane", "apologies"),
        ("Mrs Orchard", "apologies"),
        ("Mr Tewkesbury", "substitute"),
    ]
    assert _refs(rec) == [(dt.date(2024, 11, 26), "approves")]
    nine = rec.items[2]
    assert [r.text for r in nine.resolutions] == [
        "RESOLVED that the Panel notes the progress of the Eastport Learning Partnership."
    ]
    assert rec.items[3].actions and "circulate" in rec.items[3].actions[0].text


def test_pipe_cells_without_heading() -> None:
    rec = _one("northshire-tablerender.txt")
    assert (rec.date, rec.committee, rec.platform_id) == (None, "", "northshire:5077")
    assert _items(rec) == [
        ("7", "Apologies and Substitutes"),
        ("8", "Minutes of the meeting held on 26 November 2024"),  # "1." in its minutes: no item
        ("9", "Eastport Learning Partnership"),
        ("9a", "Bright Start Reading Scheme"),
    ]
    assert _people(rec) == [
        ("Mr Haldane", "apologies"),
        ("Mrs Orchard", "apologies"),
        ("Mr Tewkesbury", "substitute"),
    ]
    assert _refs(rec) == [(dt.date(2024, 11, 26), "approves")]
    assert rec.items[1].resolutions[0].text.endswith("were a correct record.")


def test_undated_page_with_minute_codes() -> None:
    rec = _one("northshire-undated.txt")
    assert (rec.date, rec.committee, rec.platform_id) == (None, "", "northshire:6120")
    assert rec.venue == "Council Chamber, Eastport Guildhall"
    assert _items(rec) == [
        ("CAB 12/24", "Declarations of Interest"),
        ("CAB 13/24", "Minutes"),
        ("CAB 14/24", "Greener Fleet Programme"),
    ]
    assert _people(rec) == [("N Fairweather", "apologies"), ("P Lomond", "apologies")]
    assert _refs(rec) == [(dt.date(2024, 10, 3), "approves")]
    assert len(rec.items[2].resolutions) == 1  # in its "Decision:" block


def test_pipe_rows_without_numbers() -> None:
    rec = _one("northshire-piperows.txt")
    assert rec.platform_id == "northshire:5002" and rec.date is None
    assert _items(rec) == [
        (None, "Apologies for Absence"),
        (None, "Minutes of Previous Meeting"),
        (None, "Youth Voice Charter"),
        (None, "Work Programme"),
    ]
    assert _people(rec) == [
        ("Councillor Ines Darrow", "apologies"),
        ("Councillor Bartholomew Kemp", "substitute"),
    ]
    assert rec.items[1].resolutions[0].text.endswith("as a correct record.")
    assert _refs(rec) == [(dt.date(2024, 7, 8), "approves")]


def test_a_substitute_after_a_title_with_a_full_stop() -> None:
    # "Cllr." ends no sentence: the substitute clause reads past its full stop
    text = (DATA / "northshire-piperows.txt").read_text(encoding="utf-8")
    text = text.replace(
        "Councillor Ines Darrow with Councillor Bartholomew Kemp",
        "Cllr. Ines Darrow with Cllr. Bartholomew Kemp",
    )
    (rec,) = mm.read(Document("dots.txt", text, "0", "web_page"))
    assert _people(rec) == [
        ("Cllr. Ines Darrow", "apologies"),
        ("Cllr. Bartholomew Kemp", "substitute"),
    ]


def test_short_lines_in_capitals() -> None:
    # the page's labels, item numbers and titles in capitals, as some printers set them
    text = (DATA / "northshire-block.txt").read_text(encoding="utf-8")
    shouted = "\n".join(ln.upper() if len(ln) < 60 else ln for ln in text.split("\n"))
    (rec,) = mm.read(Document("capitals.txt", shouted, "0", "web_page"))
    whole = _one("northshire-block.txt")
    assert (rec.date, rec.start_time) == (whole.date, whole.start_time)
    assert rec.venue is not None and whole.venue is not None
    assert rec.venue.lower() == whole.venue.lower()
    assert [(str(n).lower(), t.lower()) for n, t in _items(rec)] == [
        (str(n).lower(), t.lower()) for n, t in _items(whole)
    ]
    assert ("9A", "BRIGHT START READING SCHEME") in _items(rec)


def test_rendering_without_numbers_or_labels() -> None:
    rec = _one("northshire-unnumbered.txt")
    assert (rec.date, rec.committee) == (dt.date(2014, 10, 20), PANEL)
    assert _items(rec) == [
        (None, "Declarations of Interest"),
        (None, "Minutes of Previous Meeting"),  # "Panel held on ..." goes on a sentence
        (None, "Holiday Meals Programme"),
    ]


def test_unnumbered_items_beside_prose_wrapped_at_the_page_width() -> None:
    # minutes text wrapped as PDF text is: its long first lines are no titles
    text = (DATA / "northshire-unnumbered.txt").read_text(encoding="utf-8")
    prose = {
        "The minutes were agreed and signed as a true record.": (
            "The minutes of the meeting held on 15 September were agreed and signed\n"
            "as a true record."
        ),
        "The Panel considered a report on the Holiday Meals Programme.": (
            "The Chair welcomed everyone present to the meeting of the Schools Scrutiny\n"
            "Panel. The Panel considered a report on the Holiday Meals Programme."
        ),
    }
    for short, wrapped in prose.items():
        assert short in text
        text = text.replace(short, wrapped)
    (rec,) = mm.read(Document("wrapped.txt", text, "0", "web_page"))
    assert _items(rec) == [
        (None, "Declarations of Interest"),
        (None, "Minutes of Previous Meeting"),
        (None, "Holiday Meals Programme"),
    ]


def test_agenda_without_address() -> None:
    doc = _doc("northshire-agenda-nourl.txt")
    assert mm.detect(doc) >= 0.5
    rec = _one("northshire-agenda-nourl.txt")
    assert (rec.committee, rec.date, rec.platform_id) == (PANEL, dt.date(2025, 4, 9), None)
    assert _items(rec) == [
        ("a)", "Welcome and Introductions"),
        ("b)", "Apologies for Absence"),
        ("c)", "Minutes"),
    ]
    # an agenda proposes: its "RESOLVED –" is no decision taken
    assert all(not i.resolutions for i in rec.items)


def test_html_page() -> None:
    doc = _doc("northshire-meeting.html")
    rec = _one("northshire-meeting.html")
    assert (rec.committee, rec.date) == (PANEL, dt.date(2025, 3, 4))
    assert rec.venue == "Room 4, Riverside House, Eastport"
    assert rec.platform_id == "northshire:5120"
    assert _items(rec) == [
        ("12", "Apologies for Absence"),
        ("13", "Minutes of the previous meeting"),
        ("14", "Reading Recovery Pilot"),
    ]
    assert _people(rec) == [("T Ardley", "apologies"), ("M Quince", "apologies")]
    assert _refs(rec) == [(dt.date(2025, 1, 21), "approves")]
    assert read_layout(doc).layout == "moderngov_meeting"


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.iterdir()))
def test_registry_picks_the_layout(name: str) -> None:
    result = read_layout(_doc(name))
    assert result.layout == "moderngov_meeting"
    assert result.records and all(r.layout == "moderngov_meeting" for r in result.records)


def test_printed_minutes_not_taken() -> None:
    seed = SEEDS / "000_8ba4804ad8037bde.txt"
    doc = read_document(seed, seed.name)
    assert mm.detect(doc) == 0.0
    assert read_layout(doc).layout != "moderngov_meeting"


def test_another_platform_page_not_taken() -> None:
    doc = Document(
        "a", "Agenda item\n\nMinutes:\n", "0", "web_page", url="https://x.gov.uk/mgAi.aspx?ID=5"
    )
    assert mm.detect(doc) == 0.0


# -- the real corpus, where GRAPHKIT_CORPUS points at it ----------------------------------


def _meeting_rows() -> list[dict[str, str]]:
    return [r for r in corpus_index() if r["kind"] == "meeting-page"]


def _corpus_records() -> dict[str, tuple[MeetingRecord, ...]]:
    return {
        row["file"]: read_layout(read_document(need_corpus() / row["file"], row["file"])).records
        for row in _meeting_rows()
    }


@pytest.fixture(scope="module")
def corpus_records() -> dict[str, tuple[MeetingRecord, ...]]:
    return _corpus_records()


@pytest.mark.parametrize(
    "row",
    [r for r in _meeting_rows() if r["meeting_date"]] or [None],
    ids=lambda r: r["file"] if r else "no-corpus",
)
def test_corpus_meeting_page_dated(
    row: dict[str, str] | None, corpus_records: dict[str, tuple[MeetingRecord, ...]]
) -> None:
    """Each dated meeting page gives a record of its meeting's date; a page that does not
    show the date (a second rendering without its heading) is dated by another page of the
    same meeting through the platform's id."""
    if row is None:
        need_corpus()
        return
    want = dt.date.fromisoformat(row["meeting_date"])
    records = corpus_records[row["file"]]
    assert records, f"{row['file']}: no meeting read"
    dates = {r.date for r in records}
    ids = {r.platform_id for r in records if r.date is None and r.platform_id}
    for others in corpus_records.values():
        dates |= {o.date for o in others if o.platform_id in ids}
    assert want in dates


def test_refs_in_the_platform_forms() -> None:
    """Listed dates share a year, proposals and notes refer, records approve (also from a
    later sentence), a body's meeting or decision on a date and the next meeting in
    brackets are referred to, and a stray number in a table inside the minutes is no item."""
    rec = _one("northshire-refs.txt")
    assert [i.number for i in rec.items] == ["21", "22", "23", "24", "25", "26"]
    assert _refs(rec) == [
        (dt.date(2025, 3, 4), "approves"),
        (dt.date(2025, 4, 22), "approves"),
        (dt.date(2025, 5, 2), "references"),
        (dt.date(2025, 5, 14), "approves"),
        (dt.date(2025, 6, 19), "references"),
        (dt.date(2025, 2, 3), "references"),
        (dt.date(2025, 7, 15), "references"),
        (dt.date(2025, 4, 1), "references"),
    ]


def test_agenda_recommendation_refers() -> None:
    """An agenda's "Recommended - That the minutes ... be signed" is a proposal."""
    rec = _one("northshire-agenda-refs.txt")
    assert _refs(rec) == [(dt.date(2025, 6, 10), "references")]


def test_pipe_row_cut_by_the_page_end() -> None:
    """A last row cut by the page's end, its title not told from its text, is no item."""
    rec = _one("northshire-piperows-cut.txt")
    assert _items(rec) == [
        (None, "Apologies for Absence"),
        (None, "Minutes of Previous Meeting"),
    ]


def test_apologies_listed_behind_bullets_and_said_again() -> None:
    """The list after "from:" ends with its sentence (later bullets are guests); "were also
    received" and a remote attendee are read too."""
    rec = _one("northshire-apologies-piperows.txt")
    assert _people(rec) == [
        ("Cllr Wendell Ashby", "apologies"),
        ("Cllr Odette Fenwick", "apologies"),
        ("Cllr Rufus Garland", "substitute"),
        ("Councillor Selma Quist", "apologies"),
        ("Ms Cora Lindqvist", "present"),
    ]


def test_apologies_one_a_line_substitutes_and_roles() -> None:
    """ "The following Members sent their apologies:" over a list; a substitute in brackets;
    a role written before a name or in commas before the verb; "A for B" substitutions."""
    rec = _one("northshire-apologies-blocks.txt")
    assert _items(rec) == [
        ("31", "Procedural Business"),
        ("32", "Apologies and Substitutes"),
        ("33", "Work Programme"),
    ]
    assert sorted(_people(rec)) == [
        ("Councillor D Hartley", "apologies"),
        ("Councillor F Okoro", "apologies"),
        ("Councillor G Pembe", "substitute"),
        ("Councillor J Kasprzak", "apologies"),
        ("Councillor Lorna Mabry", "substitute"),
        ("H Ilves", "apologies"),
        ("Mrs K Lutz", "apologies"),
    ]


def test_purpose_lines_as_titles_and_text_before_the_first_title() -> None:
    """Without numbers, a "To ..." line set apart after an item's text is the next item's
    title (not under "Resolved –"); apologies before the first title are still read."""
    rec = _one("northshire-unnumbered-purpose.txt")
    assert _items(rec) == [
        (None, "Declarations of Interest"),
        (None, "To confirm the minutes of the previous meeting"),
        (None, "Youth Voice Charter"),
        (None, "Work Programme"),
    ]
    assert _people(rec) == [("Tobias Wren", "apologies"), ("Elsa Morrow", "apologies")]
    assert _refs(rec) == [(dt.date(2025, 3, 4), "approves")]


def test_who_came_listed_in_an_items_minutes() -> None:
    """A "Present:" list in an item's minutes, as councils that minute attendance as their
    first item write it; the apologies sentence after it is still read as apologies."""
    text = (DATA / "northshire-block.txt").read_text(encoding="utf-8")
    said = "Apologies had been received from"
    assert said in text
    text = text.replace(
        said,
        "Present: Councillors Ines Harvey (Chair), Omar Iqbal and Ruth Jenkins.\n" + said,
        1,
    )
    (rec,) = mm.read(Document("present.txt", text, "0", "web_page"))
    people = _people(rec)
    assert people[:3] == [
        ("Ines Harvey", "present"),
        ("Omar Iqbal", "present"),
        ("Ruth Jenkins", "present"),
    ]
    assert ("Mr Haldane", "apologies") in people and ("Mr Tewkesbury", "substitute") in people
