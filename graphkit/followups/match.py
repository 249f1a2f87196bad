"""Candidate answers to a request: later items of the same committee, and work-programme
entries that schedule one, each with the rules that found it, a score and why.

Precision over recall: only an explicit reference, or an item about the request's
subject within its due time, answers a request; everything else is shown as a candidate
and answers nothing. The rules, in order of strength:

- ``minute-reference`` (0.95): the item says "Further to Minute 3" or "minute 3/21" and
  means the request's minute (same number; the year, when written, is the request's; when
  not, the item is in the same municipal year).
- ``meeting-reference`` (0.85): the item names the date of the request's meeting and
  shares its subject.
- ``subject-in-title`` (0.75): the item's title names a programme the request concerns,
  or every word the request uses for its subject; within the due time.
- ``subject-in-text`` (0.45): the item discusses a programme the request concerns, its
  title does not; within the due time. Partly answers.
- ``late`` (score halved): the item comes after the due time: a candidate only.
- ``back-reference`` (+0.05): the item says it follows up something heard before
  ("as heard by the Board previously") without naming it: support only.
- ``scheduled`` (0.3): a later work programme plans an item on the subject. It partly
  answers a request to add something to the work programme, and answers nothing else.

Candidates scoring below ``MIN_SCORE`` (a late item that only discusses the subject) are
dropped. Information, letters and undertakings are done outside meetings: a later item on their
subject is a candidate, never an answer, unless it refers to the request's minute.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .due import municipal_year_of
from .records import Corpus, Entry, Item, Request, content_words, words_cover

__all__ = ["ANSWERS", "CANDIDATE", "PARTLY", "SCHEDULED", "Match", "candidates", "topic_words"]

ANSWERS, PARTLY, CANDIDATE, SCHEDULED = "answers", "partly answers", "candidate", "scheduled"
# kinds a later agenda item can answer by its subject alone
_ITEM_KINDS = frozenset({"report", "work-programme"})
# a request with no due time is looked for in the year after it
NO_DUE_DAYS = 365
# weaker candidates (a late item that only discusses the subject) are not shown
MIN_SCORE = 0.3


@dataclass(frozen=True)
class Match:
    """A later item or entry that may answer a request."""

    target: str  # the item's or entry's IRI
    kind: str  # "item" or "entry"
    date: dt.date | None
    title: str
    rules: tuple[str, ...]
    score: float
    verdict: str  # ANSWERS, PARTLY, CANDIDATE or SCHEDULED
    reason: str

    @property
    def rule(self) -> str:
        return "+".join(self.rules)


def topic_words(req: Request) -> frozenset[str]:
    """The words a request uses for its subject: after the colon of a list ("add the
    following to the Work Programme: Fostering"), else the whole text; without its due phrase.

    >>> from .records import Item
    >>> item = Item("i", "Board", dt.date(2021, 6, 24), "3", "Plans", "")
    >>> sorted(topic_words(Request("a", item, "Agreed to add the following: Youth provision.", "work-programme")))
    ['provision', 'youth']
    """
    text = req.text.rsplit(":", 1)[-1] if ":" in req.text else req.text
    if req.due is not None:
        text = text.replace(req.due.text, " ")
    return content_words(text) - content_words(req.item.committee)


def _refers_to_minute(req: Request, item: Item) -> str | None:
    number = re.match(r"\d+", req.item.number or "")
    if number is None:
        return None
    made = req.item.date
    for n, year, words in item.minute_refs:
        if n != number.group(0):
            continue
        if year:
            ok = int(year[-2:]) in {made.year % 100, (municipal_year_of(made) + 1) % 100}
        else:
            ok = municipal_year_of(item.date) == municipal_year_of(made)
        if ok:
            return " ".join(words.split())
    return None


def _refers_to_meeting(req: Request, item: Item) -> str | None:
    """How the item writes the date of the request's meeting (the first time), if it does:
    a date without its year is taken to be of the year the request was made in."""
    made = req.item.date
    written, yearless = item.dates
    found = [at for at in (written.get(made), yearless.get((made.month, made.day))) if at]
    return min(found)[1] if found else None


def _label(corpus: Corpus, keys: frozenset[str]) -> str:
    return ", ".join(sorted(corpus.labels.get(k, k) for k in keys))


def _subject(req: Request, item: Item, corpus: Corpus) -> tuple[str, float, str] | None:
    """Whether the item is on the request's subject: its title names it (rule, score, why),
    or only its text does; None when neither."""
    words = topic_words(req)
    in_title = req.programmes & item.title_programmes
    in_text = req.programmes & item.programmes
    if in_title:
        return "subject-in-title", 0.75, f"its title names {_label(corpus, in_title)}"
    if words_cover(words, content_words(item.title)):
        return (
            "subject-in-title",
            0.75,
            f"its title has the request's words ({', '.join(sorted(words))})",
        )
    if in_text:
        return (
            "subject-in-text",
            0.45,
            f"it discusses {_label(corpus, in_text)}, its title does not",
        )
    return None


def _item_match(req: Request, item: Item, corpus: Corpus) -> Match | None:
    """The rules on one later item (None when none holds)."""
    ref = _refers_to_minute(req, item)
    if ref:
        late = req.due is not None and item.date > req.due.end
        reason = f"refers to the request's minute ({ref!r})" + (
            ", after its due time" if late else ""
        )
        return Match(
            item.key, "item", item.date, item.title, ("minute-reference",), 0.95, ANSWERS, reason
        )
    subject = _subject(req, item, corpus)
    if subject is None:
        return None
    rule, score, why = subject
    rules, reasons = [rule], [why]
    meeting = _refers_to_meeting(req, item)
    if meeting:
        rules.insert(0, "meeting-reference")
        score = 0.85
        reasons.insert(0, f"it names the request's meeting ({meeting!r})")
    back = item.back_reference
    if back and not meeting:
        rules.append("back-reference")
        score += 0.05
        reasons.append(f"it says {back!r} without naming the meeting")
    due_end = req.due.end if req.due else req.item.date + dt.timedelta(days=NO_DUE_DAYS)
    if item.date > due_end and not meeting:
        rules.append("late")
        score /= 2
        reasons.append(f"it comes after the due time (ends {due_end.isoformat()})")
        verdict = CANDIDATE
    elif req.kind not in _ITEM_KINDS and not meeting:
        verdict = CANDIDATE
        reasons.append(f"a request for {req.kind} is answered outside meetings")
    else:
        verdict = ANSWERS if score >= 0.7 else PARTLY
    return Match(
        item.key,
        "item",
        item.date,
        item.title,
        tuple(rules),
        round(score, 2),
        verdict,
        "; ".join(reasons),
    )


def _entry_match(req: Request, entry: Entry, corpus: Corpus) -> Match | None:
    """A later work programme that plans an item on the request's subject."""
    if req.kind not in _ITEM_KINDS:
        return None
    if entry.listed_on is None or entry.listed_on <= req.item.date:
        return None  # the request's own minutes, or a programme older than the request
    if entry.date is not None and entry.date <= req.item.date:
        return None
    shared = req.programmes & entry.programmes
    words = topic_words(req)
    if not (shared or words_cover(words, content_words(entry.title))):
        return None
    when = (
        f"for {entry.date.isoformat()}"
        if entry.date
        else f"for {entry.year}/{(entry.year + 1) % 100:02d}"
    )
    what = _label(corpus, shared) if shared else ", ".join(sorted(words))
    verdict = PARTLY if req.kind == "work-programme" else SCHEDULED
    reason = f"a work programme listed on {entry.listed_on.isoformat()} plans it {when} ({what})"
    return Match(entry.key, "entry", entry.date, entry.title, ("scheduled",), 0.3, verdict, reason)


def candidates(req: Request, corpus: Corpus) -> list[Match]:
    """Every later item and entry that may answer ``req``, best first."""
    out: list[Match] = []
    # the only items a rule can hold for: those that refer to the request's minute
    # number, name one of its programmes, or share a word of its subject in their title
    number = re.match(r"\d+", req.item.number or "")
    later = corpus.later_items_on(
        req.item.committee,
        req.item.date,
        minute=number.group(0) if number else None,
        programmes=req.programmes,
        words=topic_words(req),
    )
    for item in later:
        found = _item_match(req, item, corpus)
        if found is not None and found.score >= MIN_SCORE:
            out.append(found)
    for entry in corpus.entries_of(req.item.committee):
        found = _entry_match(req, entry, corpus)
        if found is not None:
            out.append(found)
    rank = {ANSWERS: 0, PARTLY: 1, SCHEDULED: 2, CANDIDATE: 3}
    return sorted(out, key=lambda m: (rank[m.verdict], -m.score, m.date or dt.date.max, m.target))
