"""The follow-up rules look a request's candidate items up in an index of its committee's
items (``Corpus.later_items_on``) and read each item's text once (``Item.minute_refs``,
``Item.dates``, ``Item.back_reference``). Both must find exactly what reading every later
item's text afresh for every request finds: checked here on invented corpora."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from graphkit.dates import find_dates
from graphkit.followups import match
from graphkit.followups.records import Corpus, Item, Request
from graphkit.lexicon import is_procedural_title

COMMITTEES = ["Parks Scrutiny Board (2)", "Housing Panel"]
TITLES = [
    "Tree Planting Scheme",
    "Allotment Waiting Lists",
    "Apologies for Absence",
    "Playground Strategy Update",
    "Street Lighting",
    "Trees and Allotments",
    "Minutes of the last meeting",
]
PROGRAMMES = ["p-trees", "p-allotments", "p-lighting"]
# sentences an item's text is made of: minute references, dates with and without their
# year, a back-reference, and words of nothing in particular
SENTENCES = [
    "Further to Minute {n} the Board heard an update.",
    "Further to minute {n}/{yy}, officers reported back.",
    "The report to the meeting on {d} {month} {year} was noted.",
    "At the meeting of {d} {month} members asked for figures.",
    "As heard by the Board previously, the scheme continues.",
    "Members discussed the plans and thanked officers.",
]
MONTHS = ["January", "March", "June", "September", "December"]


@st.composite
def items(draw: st.DrawFn, n: int) -> Item:
    day = draw(st.dates(dt.date(2019, 1, 1), dt.date(2022, 12, 31)))
    sentences = draw(st.lists(st.sampled_from(SENTENCES), max_size=4))
    text = " ".join(
        s.format(
            n=draw(st.integers(1, 4)),
            yy=draw(st.sampled_from(["19", "20", "21", "22"])),
            d=draw(st.integers(1, 28)),
            month=draw(st.sampled_from(MONTHS)),
            year=draw(st.integers(2019, 2022)),
        )
        for s in sentences
    )
    programmes = frozenset(draw(st.lists(st.sampled_from(PROGRAMMES), max_size=2)))
    return Item(
        key=f"item-{n}",
        committee=draw(st.sampled_from(COMMITTEES)),
        date=day,
        number=draw(st.sampled_from([None, "1", "2", "3", "4", "12"])),
        title=draw(st.sampled_from(TITLES)),
        text=text,
        programmes=programmes,
        title_programmes=frozenset(p for p in programmes if draw(st.booleans())),
    )


@st.composite
def corpora(draw: st.DrawFn) -> tuple[Corpus, list[Request]]:
    made = [draw(items(n)) for n in range(draw(st.integers(2, 25)))]
    requests = [
        Request(
            key=f"request-{n}",
            item=made[draw(st.integers(0, len(made) - 1))],
            text=draw(st.sampled_from(["Agreed to receive a report on", "Asked for"]))
            + " "
            + draw(st.sampled_from(TITLES[:2] + TITLES[3:6])).lower(),
            kind=draw(st.sampled_from(["report", "information", "work-programme"])),
            programmes=frozenset(draw(st.lists(st.sampled_from(PROGRAMMES), max_size=2))),
        )
        for n in range(draw(st.integers(1, 5)))
    ]
    return Corpus(tuple(made), labels={p: p[2:] for p in PROGRAMMES}), requests


def _every_later_item(req: Request, corpus: Corpus) -> list[match.Match]:
    """The item rules applied to every later item of the committee, as they once were."""
    out = []
    for item in corpus.later_items(req.item.committee, req.item.date):
        if is_procedural_title(item.title):
            continue
        found = match._item_match(req, item, corpus)
        if found is not None and found.score >= match.MIN_SCORE:
            out.append(found)
    return out


@settings(max_examples=100, deadline=None)
@given(corpora())
def test_the_index_finds_what_reading_every_later_item_finds(
    case: tuple[Corpus, list[Request]],
) -> None:
    corpus, requests = case
    for req in requests:
        found = [m for m in match.candidates(req, corpus) if m.kind == "item"]
        assert sorted(found, key=lambda m: m.target) == sorted(
            _every_later_item(req, corpus), key=lambda m: m.target
        )


@settings(max_examples=100, deadline=None)
@given(corpora())
def test_an_items_dates_read_once_answer_as_finding_them_again_does(
    case: tuple[Corpus, list[Request]],
) -> None:
    corpus, requests = case
    for req in requests:
        for item in corpus.items:
            again = next(
                (
                    f.text
                    for f in find_dates(item.text, default_year=req.item.date.year)
                    if f.date == req.item.date
                ),
                None,
            )
            assert match._refers_to_meeting(req, item) == again


def test_the_rules_see_a_minute_reference_a_date_and_a_back_reference() -> None:
    made = Item("m", "Housing Panel", dt.date(2021, 6, 10), "2", "Street Lighting", "")
    later = Item(
        "l",
        "Housing Panel",
        dt.date(2021, 9, 9),
        "5",
        "Street Lighting",
        "Further to Minute 2 and the meeting on 10 June, as heard by the Board previously.",
    )
    req = Request("r", made, "Agreed to receive a report on street lighting", "report")
    (found,) = match.candidates(req, Corpus((made, later)))
    assert found.rules == ("minute-reference",)
    assert match._refers_to_meeting(req, later) == "10 June"
    assert later.back_reference == "as heard by the Board previously"
