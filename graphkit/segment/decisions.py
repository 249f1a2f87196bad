"""Resolutions: what a meeting decided ("RESOLVED that ...", "AGREED", "DECISION"), as
written, each to the end of its decision."""

from __future__ import annotations

import re

from ..model import ActionRecord
from .text import clean, lines, paragraphs

__all__ = ["find_resolutions"]

# a line that opens a list entry: "- ", "1.", "(a)", "iv. ", "that ..."
LIST_LINE = re.compile(
    r"^[ \t]*(?:[-•·▪*]|\d{1,2}[.)]|\(?[A-Za-z0-9]{1,3}\)[ \t]*\S|(?:[ivx]{1,4}|[a-zA-Z])\.[ \t]+\S"
    r"|(?i:that)\b)",
    re.M,
)
# what opens a decision: "RESOLVED", "It was resolved", "Resolved that" starting a sentence,
# and the labels other councils use: "AGREED:", "DECISION:", "RECOMMENDED to Council that"
_DECIDED = re.compile(
    r"\bRESOLVED\b"
    r"|(?:^|(?<=[.;:]\s)|(?<=[.;:]))[ \t]*(?i:it\s+was\s+(?:\w+\s+)?resolved)\b"
    r"|\b(?i:it\s+was\s+(?:\w+\s+)?)(?:AGREED|RESOLVED)\b"
    r"|^[ \t]*Resolved\b(?=\s*(?:that|to|:|[-–—]|,|\(|unanimously|$))"
    # after a sentence, not a field's value ("Status: Resolved")
    r"|(?:(?<=[.;]\s)|(?<=[.;:])|(?<=:\s)(?<!(?i:status):\s)(?<!(?i:outcome):\s)(?<!(?i:progress):\s))[ \t]*Resolved\b"
    r"(?=\s*(?:that|to|:|,|\(|unanimously))"
    # a label starts a line or sentence; "It is RECOMMENDED that" in a report proposes only
    r"|(?:^|(?<=[.;:]\s)|(?<=[.;:])|(?<=\bwas\s))[ \t]*(?:AGREED|RECOMMENDED)\b"
    r"(?=\s*(?:that|to|:|[-–—]|\(|$))"
    r"|^[ \t]*(?:DECISIONS?|Decisions?)[ \t]*(?:[:–—-]|$)",
    re.M,
)
_SECONDARY = re.compile(r"AGREED|RECOMMENDED|DECISION|Decision")
# where a decision's own text stops: the reasons and options that follow a decision notice
_AFTER = re.compile(
    r"^[ \t]*(?:Reasons?\s+for\s+(?:the\s+)?decision|Alternative\s+options|Options\s+considered"
    r"|ACTIONS?\b|Action\s*:)",
    re.I,
)


def _shouting(text: str) -> bool:
    """Text written wholly in capitals, where a capitalised label is no label."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 20 and sum(c.isupper() for c in letters) > 0.8 * len(letters)


def _decision_end(plain: str, s: int, end: int) -> int:
    """Where the decision starting at ``s`` ends: its paragraph, without a following sentence
    on a line of its own ("... be approved.\nThe Clerk was asked ..."); a label alone or ending
    in a colon or dash ("RESOLVED –", "DECISION:") takes the list or "That ..." paragraphs
    after it."""
    para_end = next(paragraphs(plain, s, end), (s, end))[1]
    e = para_end
    prev = ""
    for ls, _le, line in lines(plain, s, para_end):
        first = line.strip()[:1]
        if (
            prev.endswith(".")
            and not LIST_LINE.match(line)
            and (first.isupper() or first.isdigit())
        ):
            e = ls
            while e > s and plain[e - 1].isspace():
                e -= 1
            return e
        prev = line.rstrip()
    head = plain[s:para_end].rstrip()
    if head.endswith((":", "–", "—", "-")) or _DECIDED.fullmatch(head.strip()):
        for ps, pe in paragraphs(plain, para_end, end):
            para = plain[ps:pe]
            if not LIST_LINE.match(para) or _DECIDED.search(para) or _AFTER.match(para):
                break
            e = pe
    return e


def find_resolutions(text: str, plain: str, start: int, end: int) -> list[ActionRecord]:
    """Each decision ("RESOLVED that ...", "AGREED:", "DECISION:", "RECOMMENDED to Council
    that ...") with its text (and its list of parts, where it has one)."""
    out: list[ActionRecord] = []
    for m in _DECIDED.finditer(plain, start, end):
        s = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
        label = m.group(0).strip()
        if _SECONDARY.search(label):
            line_s = plain.rfind("\n", 0, s) + 1
            line_e = plain.find("\n", s)
            if any(r.start <= s < r.end for r in out) or _shouting(
                plain[line_s : line_e if line_e != -1 else end]
            ):
                continue  # "RESOLVED that it be RECOMMENDED ...": one decision
        if label in ("Resolved", "Decision", "Decisions", "Decision:", "Decisions:"):
            # alone on its line, a label only where the decision follows ("That ...", "1. ...");
            # else a cell of a table ("Status / Resolved")
            line_end = plain.find("\n", m.end())
            after = plain[m.end() : line_end if line_end != -1 else end]
            if not after.strip() and not LIST_LINE.match(plain[m.end() : end].lstrip("\n \t")):
                continue
        e = _decision_end(plain, s, end)
        out.append(ActionRecord(text=clean(text[s:e]), start=s, end=e, kind="resolution"))
    return out
