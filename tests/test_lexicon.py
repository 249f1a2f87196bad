"""The lexicon: every word list loads, and no module keeps a word list of its own.

Word lists copied into several modules drift apart (issue #11). ``graphkit/lexicon/`` holds
them once; this test scans the package for set/frozenset/tuple/list literals (and
``"...".split()`` strings) of five or more short lower-case words, and for regex
alternations of five or more plain words, anywhere outside ``graphkit/lexicon/``.
"""

from __future__ import annotations

import ast
import re
from importlib import resources
from pathlib import Path

import graphkit
from graphkit import lexicon

PACKAGE = Path(graphkit.__file__).parent
MIN_WORDS = 5
_WORD = re.compile(r"[a-z][a-z'’&.-]{0,24}(?: [a-z][a-z'’-]{0,24})?|&")
# a group of five or more plain alternatives: "(?:board|committee|panel|forum|cabinet)"
_ALTERNATION = re.compile(
    r"\((?:\?:|\?i:)?((?:[A-Za-z][A-Za-z'’ -]*\|){"
    + str(MIN_WORDS - 1)
    + r",}[A-Za-z][A-Za-z'’ -]*)\)"
)

# Literals and alternations that look like word lists but are not, or that are not yet
# moved. Each entry is (path relative to graphkit/, a word the literal holds); the first
# match of that word in a flagged literal of that file lets it through.
ALLOWED: dict[tuple[str, str], str] = {
    # --- not word lists: names, formats, columns, markup, grammar ---
    ("analyse/report.py", "centrality"): "analysis kinds (command names)",
    ("analyse/paths.py", "named"): "relation names of a path",
    ("analyse/measures.py", "rank"): "table columns",
    ("analyse/measures.py", "community"): "table columns",
    ("analyse/paths.py", "step"): "table columns",
    ("analyse/timelines.py", "programme"): "table columns",
    ("cli/graphs.py", "centrality"): "analysis kinds (command names)",
    ("corpus_eval.py", "meetings"): "evaluation categories",
    ("query.py", "table"): "output formats",
    ("documents.py", "script"): "HTML elements",
    ("segment/attendance.py", "br"): "HTML elements",
    ("layouts/moderngov_pages.py", "attendance"): "layout page kinds",
    ("layouts/moderngov_meeting.py", "PDF"): "file formats",
    ("platform.py", "PDF"): "file formats",
    ("segment/actions.py", "ing"): "verb endings, not words",
    ("councils.py", "dc"): "web host suffixes",
    ("push.py", "authorization"): "secret header and field names",
    ("layouts/moderngov_pages.py", "mgmemberindex.aspx"): "page file names",
    # weekday and month stems are spellings for dates.py's parsers, not vocabulary
    ("dates.py", "Mon"): "weekday stems",
    ("documents.py", "jan"): "month abbreviations",
    ("layouts/moderngov_listing.py", "mon"): "weekday abbreviations",
    ("layouts/moderngov_meeting.py", "Mon"): "weekday stems",
    ("segment/__init__.py", "MON"): "weekday stems",
    ("segment/workprogramme.py", "Jan"): "month abbreviations",
    ("find/programmes.py", "Monday"): "weekday and month names",
    # verb and phrase alternations of one sentence pattern each: grammar, not a lexicon
    ("layouts/moderngov_apologies.py", "received"): "verbs of one phrase",
    ("layouts/moderngov_apologies.py", "sent"): "verbs of one phrase",
    ("layouts/moderngov_item.py", "received"): "verbs of one phrase",
    ("layouts/moderngov_pages.py", "receive"): "verbs of one phrase",
    ("layouts/moderngov_refs.py", "agree"): "verbs of one phrase",
    ("segment/refs.py", "confirm"): "verbs of one phrase",
    ("segment/refs.py", "resolved"): "decision markers",
    ("responses.py", "held"): "verbs of one phrase",
    ("responses.py", "in response to"): "phrases of one pattern",
    ("segment/__init__.py", "meeting"): "subjects of one phrase",
    ("segment/__init__.py", "closed"): "verbs of one phrase",
    ("segment/attendance.py", "whole"): "words of one phrase",
    ("segment/attendance.py", "sent"): "verbs of one phrase",
    ("segment/attendance.py", "reported"): "verbs of one phrase",
    ("segment/attendance.py", "received"): "verbs of one phrase",
    ("segment/actions.py", "agreed"): "verbs of one phrase",
    ("segment/actions.py", "report"): "objects of one phrase",
    ("segment/actions.py", "would"): "auxiliaries of one phrase",
    ("segment/actions.py", "be"): "auxiliaries of one phrase",
    ("segment/actions.py", "RESOLVED"): "decision markers",
    # --- still to move into the lexicon (issue #11 item 2, follow-up) ---
    ("find/programmes.py", "Room"): "TODO: not operation names",
    ("find/patterns.py", "National"): "TODO: national service prefixes",
    ("find/patterns.py", "Customer"): "TODO: not-a-service words",
    ("find/organisations.py", "Trust"): "TODO: organisation heads",
    ("find/organisations.py", "housing"): "TODO: organisation context heads",
    ("find/patterns.py", "Director"): "TODO: post words",
    ("find/organisations.py", "Member"): "TODO: cabinet post words",
    ("find/people.py", "Representative"): "TODO: post words",
    ("find/programmes.py", "Department"): "TODO: government body heads",
    ("find/people.py", "Council"): "TODO: partner body heads",
    ("find/organisations.py", "local"): "TODO: describing words of a charity",
    ("find/patterns.py", "programme"): "TODO: lower-case programme heads",
}


def _strings(node: ast.AST) -> list[str] | None:
    """The strings of a literal collection or a ``"...".split()`` call, else None."""
    if isinstance(node, (ast.Set, ast.List, ast.Tuple)):
        if node.elts and all(
            isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts
        ):
            return [e.value for e in node.elts if isinstance(e, ast.Constant)]
        return None
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "split"
        and not node.args
        and isinstance(node.func.value, ast.Constant)
        and isinstance(node.func.value.value, str)
    ):
        return node.func.value.value.split()
    return None


def _exported(tree: ast.Module) -> set[int]:
    """Ids of ``__all__`` literals: names of the module, not words."""
    return {
        id(n.value)
        for n in ast.walk(tree)
        if isinstance(n, ast.Assign)
        and any(isinstance(t, ast.Name) and t.id == "__all__" for t in n.targets)
    }


def word_lists() -> list[tuple[str, int, list[str]]]:
    """(file, line, words) of each word list outside the lexicon."""
    found: list[tuple[str, int, list[str]]] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel.startswith("lexicon/"):
            continue
        tree = ast.parse(path.read_text("utf-8"))
        skip = _exported(tree)
        for node in ast.walk(tree):
            if id(node) in skip:
                continue
            words = _strings(node)
            if words is not None:
                plain = [w for w in words if _WORD.fullmatch(w)]
                if len(plain) >= MIN_WORDS and len(plain) == len(words):
                    found.append((rel, getattr(node, "lineno", 0), words))
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                for m in _ALTERNATION.finditer(node.value):
                    found.append((rel, node.lineno, m.group(1).split("|")))
    return found


def test_every_list_loads() -> None:
    names = [
        n
        for n in lexicon.__all__
        if n not in {"alternation", "is_procedural_title", "lines", "table", "words"}
    ]
    for name in names:
        value = getattr(lexicon, name)()
        assert value, name
    files = [f.name for f in resources.files(lexicon.__name__).iterdir() if f.name.endswith(".txt")]
    assert len(files) >= 10
    for name in files:
        words = lexicon.lines(name)
        assert words, name
        assert len(set(words)) == len(words), f"{name} repeats a word"
        assert all(w == w.strip() and "#" not in w for w in words), name


def test_lists_agree() -> None:
    small = lexicon.small_words()
    assert set(lexicon.name_connectives()) <= small
    assert not small & lexicon.articles()  # "A" is an initial too
    assert lexicon.generic_programme_heads() <= {h.lower() for h in lexicon.programme_heads()}
    assert {t.lower() for t in lexicon.personal_titles()} <= set(lexicon.honorifics())
    assert lexicon.programme_heads_pattern().fullmatch("Programmes")
    assert lexicon.committee_words_pattern().search("the AUDIT COMMITTEE")


def test_no_word_list_outside_the_lexicon() -> None:
    stray = []
    for rel, line, words in word_lists():
        if (rel, words[0].strip()) not in ALLOWED:
            stray.append(f"graphkit/{rel}:{line}: {words[:8]}")
    assert not stray, "word lists outside graphkit/lexicon/:\n" + "\n".join(stray)


def test_allow_list_is_current() -> None:
    used = {(rel, words[0].strip()) for rel, _, words in word_lists()}
    stale = sorted(k for k in ALLOWED if k not in used)
    assert not stale, f"allow-list entries that match nothing: {stale}"
