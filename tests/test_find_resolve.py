"""graphkit.find.resolve: one document's mentions once the gazetteer is known."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from graphkit.find import DocumentFindings, Gazetteer, in_a_post, resolve, unwrap
from graphkit.find.candidates import Candidate
from graphkit.find.patterns import _NOT_A_POST
from graphkit.find.resolve import mentions
from graphkit.model import Document
from graphkit.segment.text import plain

# words, and the characters that make or break a word boundary around them, including
# letters re.IGNORECASE takes for others ("ſ" for "s", the Kelvin sign for "k")
WORD = st.text(alphabet="abkKsSſK", min_size=1, max_size=4)
NAME = st.lists(WORD, min_size=1, max_size=4).map(" ".join)
FILLER = st.text(alphabet="ab _'’-.\n\té9Kſ", max_size=6)


def reference(raw: str, name: str, label: str) -> list[tuple[int, int]]:
    """Where one regular expression per name (the stage before the automaton) found it,
    in the text as the finders read it."""
    text = unwrap(plain(raw))
    if label == "PROGRAMME":
        flags = re.I if len(name.split()) >= 3 else 0
        pattern = rf"(?<![\w'’]){re.escape(name)}(?![\w]){_NOT_A_POST}"
        hits = re.finditer(pattern, text, flags)
        return [(m.start(), m.end()) for m in hits if not in_a_post(text, m.start())]
    flags = 0 if len(name) <= 5 else re.I
    return [
        (m.start(), m.end())
        for m in re.finditer(rf"(?<![\w'’]){re.escape(name)}(?![\w])", text, flags)
    ]


def found(text: str, gaz: Gazetteer, label: str) -> list[tuple[int, int]]:
    doc = Document("t.txt", text, "0" * 64, "minutes")
    return [
        (m.start, m.end)
        for m in resolve(doc, DocumentFindings("t.txt", length=len(text)), gaz)
        if m.label == label
    ]


@settings(max_examples=300, deadline=None)
@given(
    name=NAME,
    pieces=st.lists(st.tuples(FILLER, st.booleans(), st.booleans()), min_size=1, max_size=6),
    label=st.sampled_from(["PROGRAMME", "ORG"]),
)
def test_a_name_is_found_at_word_boundaries_only(
    name: str, pieces: list[tuple[str, bool, bool]], label: str
) -> None:
    """Written between random characters, in its own case or another, a gazetteer name is
    found exactly where a regular expression bounded by non-word characters finds it."""
    text = "".join(
        filler + ((name.swapcase() if swap else name) if put else "")
        for filler, put, swap in pieces
    )
    gaz = Gazetteer()
    (gaz.programmes if label == "PROGRAMME" else gaz.organisations).add(name)
    spans = found(text, gaz, label)
    assert spans == reference(text, name, label)
    text = unwrap(plain(text))
    for start, end in spans:
        assert start == 0 or not (text[start - 1].isalnum() or text[start - 1] in "_'’")
        assert end == len(text) or not (text[end].isalnum() or text[end] == "_")


def test_a_short_name_only_as_written_a_long_one_in_any_case() -> None:
    gaz = Gazetteer(programmes={"Early Help", "Kestrel Valley Renewal"})
    text = (
        "early help, Early Help, Early Helper, the kestrel valley renewal; kestrel valley renewals"
    )
    assert [text[s:e] for s, e in found(text, gaz, "PROGRAMME")] == [
        "Early Help",
        "kestrel valley renewal",
    ]


def test_a_post_named_after_a_programme_is_no_mention_of_it() -> None:
    gaz = Gazetteer(programmes={"Early Help"})
    text = "Jo Bell, Head of Service, Early Help; the Early Help Manager; the Early Help offer"
    assert found(text, gaz, "PROGRAMME") == [(text.rindex("Early Help"), text.rindex(" offer"))]


@settings(max_examples=300, deadline=None)
@given(
    spans=st.lists(
        st.tuples(st.integers(0, 30), st.integers(0, 8), st.sampled_from(["PERSON", "ORG"])),
        max_size=25,
    ),
    blanks=st.sets(st.integers(0, 39), max_size=10),
)
def test_a_span_inside_a_longer_kept_one_is_dropped(
    spans: list[tuple[int, int, str]], blanks: set[int]
) -> None:
    """The nesting check (a Fenwick tree) keeps what checking every kept span keeps."""
    text = "".join(" " if i in blanks else "x" for i in range(40))
    doc = Document("t.txt", text, "0" * 64, "minutes")
    proposed = {(s, s + n, label): Candidate(s, s + n, label) for s, n, label in spans}
    kept: list[tuple[int, int, str]] = []
    for s, e, label in sorted(proposed, key=lambda k: (k[0], -k[1])):
        while s < e and text[s] == " ":
            s += 1
        while e > s and text[e - 1] == " ":
            e -= 1
        if not any(a <= s and e <= b for a, b, _ in kept):
            kept.append((s, e, label))
    assert [(m.start, m.end, m.label) for m in mentions(doc, text, proposed)] == kept
