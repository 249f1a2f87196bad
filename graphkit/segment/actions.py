"""Actions and requests: who is to do what, one sentence at a time ("Officers agreed to
circulate ...", "RESOLVED that the Board requests a report ..."), from prose, labelled
lines and action tables."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .. import lexicon
from ..model import ActionRecord
from ..names import COUNCILLOR
from .decisions import LIST_LINE as _LIST_LINE
from .text import clean, lines, paragraphs, table_cells

_SMALL = lexicon.small_words()

__all__ = ["find_actions"]

_VERBS = (
    r"circulate|provide|look|bring|report|share|send|write|add|include|arrange|investigate"
    r"|consider|follow|feed|update|receive|explore|review|respond|contact|check|confirm|supply"
    r"|forward|present|meet|raise|seek|invite|produce|prepare|exclude|refer|defer|recommend"
    r"|establish|monitor|hold|obtain|chase|liaise|clarify|ascertain|draft|organise|organize"
    r"|publish|notify|inform|advise|distribute|pursue|speak|email|compile|identify|approach"
    r"|book|order|purchase|repair|install|set\s+up|visit"
)
_DONE = (
    r"circulated|provided|sent|shared|arranged|brought|added|reported|presented|included"
    r"|investigated|forwarded|supplied|prepared|produced|organised|organized|scheduled|written"
    r"|made\s+available|followed\s+up|invited|contacted|obtained|published|distributed"
)
_ACTION = re.compile(
    r"\b(?:agreed|agree|agrees|undertook|undertake|undertakes|were asked|was asked|be asked"
    r"|were requested|was requested|be requested)\b[^.;]{0,40}?"
    rf"\bto\s+(?:{_VERBS})\b"
    # "It was agreed that a briefing note would be circulated", "... that the Chair would write"
    rf"|\b(?:agreed|undertook)\s+that\b[^.;]{{0,150}}?\b(?:would|will|should)\s+"
    rf"(?:be\s+(?:{_DONE})|(?:{_VERBS}))\b"
    r"|\brequest(?:s|ed)?\s+(?:that\b|a\s+(?:report|briefing|letter|further|update))"
    r"|\basked\s+that\b"
    r"|\baddition\s+of\s+(?:an?\s+)?(?:item|report|briefing)\b"
    r"|\bincludes?\b[^.;:]{0,160}?\b(?:on|in)\s+the\s+(?:[\w/ -]{0,30}\s+)?work\s+programme\b"
    r"|\bwould\s+be\s+(?:writing|sending|providing|circulating|arranging|reporting|followed\s+up"
    r"|chased|pursued)\b"
    r"|\b(?:send|sends)\s+a\s+letter\b|\bletter\s+be\s+sent\b"
    r"|\bbe\s+added\s+to\s+the\s+(?:\w+\s+)?work\s+programme\b"
    r"|\b(?:agreed|agrees)\s+to\s+add\b",
    re.I,
)
# "ACTION: Director of Place to circulate ...", or after a sentence, "ACTION: Clerk"
_ACTION_LABEL = re.compile(
    r"^\s*(?:ACTIONS?|Actions?(?:\s+point)?)(?:\s+by)?[ \t]*[:–—-][ \t]*(?P<rest>\S[^\n]*)"
)
_OWNER = re.compile(
    r"^(?P<o>(?:[A-Z][\w'’.-]*|of|and|&|the)(?:\s+(?:[A-Z][\w'’.-]*|of|and|&|the)){0,7})"
    r"(?:\s+to\s+(?P<v>\w+))?"
)
# "Officers to circulate ...", "Clerk to book ...", "Director of Place to report back ..."
_OWNED = re.compile(
    r"(?:The\s+)?(?P<o>Officers?|Clerk|Chair(?:man)?|Board|Committee|Panel|Members"
    r"|Cabinet\s+Member(?:\s+for(?:\s+[A-Z][\w&'’-]*|\s+and|\s+&)+?)?"
    rf"|{COUNCILLOR}\.?\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?"
    r"|(?:[A-Z][\w&'’-]*\s+){0,3}(?:Manager|Officer|Clerk)"
    r"|(?:Director|Head|Chief\s+Executive)(?:\s+of(?:\s+(?:[A-Z][\w&'’-]*|and|&))+)?"
    r"|[A-Z][a-z]+\s+[A-Z][a-z'’-]+)"
    rf"\s+to\s+(?:{_VERBS})\b"
)
_ACTIONS_HEADING = re.compile(
    r"\s*(?:Agreed\s+)?Actions?(?:\s+(?:agreed|arising|points?))?\s*:\s*$", re.I
)
_LIST_ITEM = re.compile(r"^[ \t]*(?:[-•·▪*]|\d{1,2}[.)])[ \t]*(?P<t>\S[^\n]*)$")
# who an action names as the one to act, as written: officers, a post, a councillor, the
# committee itself (by a bare head word, "Members", or by its name)
_WHO = (
    r"Officers?|Members"
    r"|(?:the\s+)?Cabinet\s+Member(?:\s+for(?:\s+(?-i:[A-Z][\w&'’-]*)|\s+and|\s+&)+)?"
    r"|(?:the\s+)?(?:Chair(?:man)?|Clerk|Vice[\s-]Chair)"
    r"|(?:the\s+)?(?:Director|Head|Chief\s+Executive)(?:\s+of(?:\s+(?-i:[A-Z][\w&'’-]*)|\s+and|\s+&)+)?"
    r"|(?:the\s+)?(?-i:(?:[A-Z][\w&'’-]*\s+){0,3})(?i:Manager|Officer)"
    rf"|{COUNCILLOR}\.?\s+(?-i:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]+)?)"
    # a body: "the Board", "the Scrutiny Board (2)", "The Education and Children's Services
    # Scrutiny Board (2)"; not a post named after one ("Board Member")
    r"|(?:the\s+)?(?:(?-i:[A-Z][\w&'’-]*|\(\d+\))\s+|(?-i:and|of|for)\s+){0,8}?"
    r"(?-i:Board|Committee|Sub-Committee|Panel|Cabinet|Forum|Commission|Council|Group)"
    r"(?:\s+\(\d+\))?(?!\s+(?i:member|officer|manager|report)|[\w'’-])"
)
_AGENT = re.compile(rf"^(?:In response[^,]*,\s*)?(?P<a>{_WHO})(?![\w'’])", re.I)
# "It was agreed that officers would ...", "... resolved that the Clerk should write"
_AGENT_AFTER_THAT = re.compile(
    rf"\b(?:agreed|resolved|requested|asked|noted|decided)\s+that\s+(?P<a>{_WHO})\s+"
    r"(?:would|will|should|shall|be|to|was|were|is|are)\b",
    re.I,
)
# "... and officers be requested to report back", "the Clerk was asked to ..."
_AGENT_BEFORE_ASKED = re.compile(
    rf"(?:^|(?<=\s))(?P<a>{_WHO})\s+(?:be|were|was|are|is)\s+(?:requested|asked|instructed)\b",
    re.I,
)
# what opens a decision, before its subject: "RESOLVED that,", "AGREED:", "That"
_DECISION_LEAD = re.compile(
    r"^(?:(?:RESOLVED|Resolved|AGREED|DECISION|Decision)\b[ \t]*[:–—-]?[ \t]*)?"
    r"(?:(?i:that)\b[ \t]*,?[ \t]*)?"
)
# a decision whose subject its list of parts shares: "RESOLVED that the Board:"
_DECISION_HEAD = re.compile(
    rf"(?:RESOLVED|Resolved|AGREED|DECISION)\b[ \t]*[:–—-]?[ \t]*(?i:that)\b[ \t]*,?[ \t]*"
    rf"(?P<a>{_WHO})",
    re.I,
)
# a sentence whose subject refers back: "This would be followed up."
_REFERS_BACK = re.compile(r"^(?:This|These|They|It)\s+(?:would|will|should|shall)\b")


def _agent(plain: str, s: int, e: int, start: int) -> str | None:
    """Who a sentence names as the one to act, as written.

    The subject that opens it ("Officers agreed to ...", "The Director of Children's Services
    undertook to ...", "RESOLVED that the Board requests ..."); in a passive sentence the
    agent after "that" ("It was agreed that officers would ...") or before "be requested"
    ("... officers be requested to report back"); and for a part of a decision with no
    subject of its own ("2. Agreed to receive ...") the subject of the decision it is listed
    under ("RESOLVED that the Board:"). ``start`` is where the item begins.

    >>> p = "It was agreed that the Clerk would write to the school."
    >>> _agent(p, 0, len(p), 0)
    'the Clerk'
    >>> p = "RESOLVED that the Panel:\\n\\n1. Requests a report in June."
    >>> _agent(p, p.index("Requests"), len(p), 0)
    'the Panel'
    """
    sentence = " ".join(plain[s:e].split())
    sentence = _DECISION_LEAD.sub("", sentence, count=1)  # the lead is optional: always matches
    for pattern in (_AGENT, _AGENT_AFTER_THAT, _AGENT_BEFORE_ASKED):
        m = pattern.match(sentence) if pattern is _AGENT else pattern.search(sentence)
        if m:
            return m.group("a")
    return _decision_subject(plain, s, start)


def _decision_subject(plain: str, s: int, start: int) -> str | None:
    """The subject of the decision whose list of parts holds ``s``: the nearest "RESOLVED
    that <subject>" above it, with only list lines and blank lines between."""
    nl = plain.rfind("\n", start, s)
    pos = start if nl == -1 else nl + 1
    while pos > start:
        nl = plain.rfind("\n", start, pos - 1)
        prev_s = start if nl == -1 else nl + 1
        line = plain[prev_s : pos - 1] if pos - 1 >= prev_s else ""
        head = _DECISION_HEAD.search(line)
        if head:
            return " ".join(head.group("a").split())
        if line.strip() and not _LIST_LINE.match(line):
            return None
        if prev_s <= start:
            break
        pos = prev_s
    return None


# the header of a table of actions: "Action | Owner | Deadline"
_ACTION_COLUMN = re.compile(r"^(?:agreed\s+)?actions?(?:\s+(?:agreed|required|arising))?$", re.I)
_OWNER_COLUMN = re.compile(
    r"^(?:owner|responsible(?:\s+officer)?|lead(?:\s+officer)?|by\s+whom|who|action\s+by)$", re.I
)
_OTHER_COLUMN = re.compile(
    r"^(?:no\.?|ref\.?|item|minute(?:\s+no\.?)?|deadline|by\s+when|due(?:\s+date)?|date"
    r"|target\s+date|timescale|when)?$",
    re.I,
)


def find_actions(text: str, plain: str, start: int, end: int) -> list[ActionRecord]:
    """Undertakings and requests in ``plain[start:end]``, each a whole sentence or list item.

    Sentence by sentence; a sentence that introduces a list ("officers undertook to circulate
    the following:") gives one action per list item, its text the sentence and the item; an
    "ACTION:" line; each row of a table of actions ("Action | Owner | Deadline"). A sentence
    whose subject refers back ("This would be followed up.") takes in the sentence before it.
    Each action carries its agent as written (see :func:`_agent`), and the same undertaking
    written twice in the item is one action (see :func:`_distinct`). Text values are cleaned
    (line breaks unwrapped); offsets point into the document.

    >>> t = "Officers agreed to circulate the figures.\\n\\nRESOLVED that officers circulate the figures."
    >>> [(a.agent, a.text) for a in find_actions(t, t, 0, len(t))]
    [('Officers', 'Officers agreed to circulate the figures.')]
    """
    reading = _Reading(text, plain, start, end)
    for ps, pe in paragraphs(plain, start, end):
        reading.previous = reading.before = None
        for sm in _SENTENCE_RUN.finditer(plain[ps:pe]):
            _sentence_actions(reading, ps + sm.start(), ps + sm.end())
    out = reading.out + _table_actions(text, plain, start, end)
    return _distinct(sorted(out, key=lambda a: a.start))


# a full stop between digits ("2.1") does not end a sentence; a colon ending a line (a list
# follows) does
_SENTENCE_RUN = re.compile(r"(?:(?!:[ \t]*\n)[^.!?]|(?<=\d)\.(?=\d))+(?:[.!?]+|:(?=[ \t]*\n)|$)")
_NUMBERING = re.compile(r"[\s\-•·]*(?:(?:\d+(?:\.\d+)*[.)]?|\(?[a-z0-9]{1,3}\))\s+)?")


@dataclass
class _Reading:
    """:func:`find_actions` reading one item: its texts and span, the actions so far, and
    the sentences before the one being read (within one paragraph)."""

    text: str
    plain: str
    start: int
    end: int
    out: list[ActionRecord] = field(default_factory=list)
    previous: tuple[int, int] | None = None  # the last sentence that could hold an action
    before: tuple[int, int] | None = None  # the sentence before, whatever it was


def _sentence_actions(r: _Reading, s: int, e: int) -> None:
    """The actions of the sentence ``r.plain[s:e]``, added to ``r.out``."""
    sentence = r.plain[s:e]
    label = _ACTION_LABEL.match(sentence)
    if label:  # "ACTION: ..."
        r.out.extend(_labelled(r.text, r.plain, s + label.start("rest"), e, r.previous, r.out))
        r.previous = r.before = None
        return
    s += _heading_lines(sentence)
    sentence = r.plain[s:e]
    r.previous = (s, e)
    if _ACTIONS_HEADING.match(sentence):  # "Actions agreed:" above a list of them
        for a, b in _listed_after(r.plain, e, r.end):
            owner = _OWNED.match(r.plain[a:b])
            agent = owner.group("o") if owner else None
            r.out.append(ActionRecord(text=clean(r.text[a:b]), start=a, end=b, agent=agent))
        return
    owned = _OWNED.match(sentence.lstrip(" \t-•·"))
    if owned and not _ACTION.search(sentence):  # "Officers to circulate the figures."
        s += len(sentence) - len(sentence.lstrip(" \t-•·"))
        r.out.append(ActionRecord(text=clean(r.text[s:e]), start=s, end=e, agent=owned.group("o")))
        r.before = (s, e)
        return
    if not _ACTION.search(sentence):
        r.before = (s, e)
        return
    _request(r, s, e, sentence)


def _request(r: _Reading, s: int, e: int, sentence: str) -> None:
    """A sentence that asks or undertakes: one action per listed item it introduces, else
    one per clause."""
    numbering = _NUMBERING.match(sentence)
    s += numbering.end() if numbering else 0
    r.previous = (s, e)
    if r.before is not None and _REFERS_BACK.match(r.plain[s:e].lstrip()):
        s = r.before[0]  # "This would be followed up": what "this" is, is before it
    r.before = (s, e)
    who = _agent(r.plain, s, e, r.start)
    listed = _listed_after(r.plain, e, r.end) if sentence.rstrip().endswith(":") else []
    if listed:
        # "... undertook to circulate the following: <item>": the item alone is no sentence
        head = clean(r.text[s:e]) + ":"
        for a, b in listed:
            # the item's own marker ("(a)") numbers the list, not the sentence
            item = re.sub(r"^\(?[a-z0-9]{1,3}\)\s+", "", clean(r.text[a:b]))
            r.out.append(ActionRecord(text=_sentence(f"{head} {item}"), start=a, end=b, agent=who))
        return
    clauses = _clauses(r.text, r.plain, s, e)
    for a, b, words in clauses:
        # two requests in one sentence may name two agents ("Requests a report and the
        # Cabinet Member be asked to respond"); a clause naming none has the sentence's
        own = _agent(r.plain, a, b, r.start) if len(clauses) > 1 else None
        r.out.append(ActionRecord(text=words, start=a, end=b, agent=own or who))


def _sentence(words: str) -> str:
    """Words made a sentence: a capital first letter and a closing full stop.

    >>> _sentence("the plan be added to the work programme"), _sentence("Done?")
    ('The plan be added to the work programme.', 'Done?')
    """
    words = words.strip()
    if not words:
        return words
    words = words[0].upper() + words[1:]
    return words if re.search(r"[.!?][\"'’)]*$", words) else words + "."


_STOP = lexicon.words("function_words.txt")
# the words that say an action is one, not what it is about: two writings of one undertaking
# differ in them ("Officers agreed to circulate ..." and "RESOLVED that officers circulate ...")
_FRAME = lexicon.words("action_frame_words.txt")


def _gist(words: str) -> frozenset[str]:
    """The words of an action that say what is to be done.

    >>> sorted(_gist("RESOLVED that officers circulate the figures to Members."))
    ['circulat', 'figur']
    """
    found = re.findall(r"[a-z0-9]+", words.lower())
    # "circulate" and "circulated", "route" and "routes" are one word here
    return frozenset(
        re.sub(r"(?:ing|ed|es|e|s)$", "", w) if len(w) > 4 else w
        for w in found
        if w not in _STOP and w not in _FRAME
    )


def _distinct(actions: list[ActionRecord]) -> list[ActionRecord]:
    """One action for each undertaking: a later action whose gist (:func:`_gist`) is the
    same as an earlier one's, or holds it or is held by it with at most one word to spare
    either way, is the same undertaking written again (in the minutes and in a resolution,
    or in a summary), and only adds its agent when the first had none.

    >>> a = ActionRecord("Officers agreed to circulate the figures.", 0, 40, "Officers")
    >>> b = ActionRecord("RESOLVED that officers circulate the figures to Members.", 50, 99)
    >>> c = ActionRecord("Officers agreed to circulate the budget.", 100, 140, "Officers")
    >>> [x.text for x in _distinct([a, b, c])]
    ['Officers agreed to circulate the figures.', 'Officers agreed to circulate the budget.']
    """
    kept: list[ActionRecord] = []
    gists: list[frozenset[str]] = []
    for act in actions:
        gist = _gist(act.text)
        for k, seen in enumerate(gists):
            small, large = sorted((gist, seen), key=len)
            if small and small <= large and len(large) - len(small) <= 1:
                if kept[k].agent is None and act.agent is not None:
                    kept[k] = replace(kept[k], agent=act.agent)
                break
        else:
            kept.append(act)
            gists.append(gist)
    return kept


def _heading_lines(sentence: str) -> int:
    r"""Length of the item heading lines a sentence starts with ("7. Village Green Project"
    above the first sentence of the item's text), which belong to no sentence.

    >>> _heading_lines("7. Village Green Project\nIt was agreed that ...")
    25
    >>> _heading_lines("3. The Board agreed to ask officers\nto circulate the report.")
    0
    """
    skip = 0
    for line in sentence.splitlines(keepends=True)[:-1]:
        m = re.match(r"[ \t]*(?:\d{1,3}(?:/\d{2,4})?\.?|\(?[a-z]\))?[ \t]*(?P<t>\S[^\n]*)", line)
        words = re.findall(r"[\w'’&-]+", m.group("t")) if m else []
        content = [w for w in words if w.lower() not in _SMALL]
        if not words or len(words) > 12 or re.search(r"[.!?;:,]\s*$", line):
            break
        if sum(w[0].isupper() or w[0].isdigit() for w in content) < 0.7 * max(len(content), 1):
            break
        skip += len(line)
    return skip


def _labelled(
    text: str,
    plain: str,
    s: int,
    e: int,
    previous: tuple[int, int] | None,
    found: list[ActionRecord],
) -> list[ActionRecord]:
    """The action an "ACTION:" label marks: the words after it ("Director of Place to
    circulate ..."), or, where they only name its owner ("ACTION: Clerk"), the sentence
    before it."""
    rest = clean(plain[s:e]).rstrip(".")
    owner = _OWNER.match(rest)
    if owner and owner.group("v"):
        return [ActionRecord(text=clean(text[s:e]), start=s, end=e, agent=owner.group("o"))]
    if owner and owner.end() == len(rest) and previous is not None:
        a, b = previous
        for k, act in enumerate(found):
            if a <= act.start < b:  # the sentence was an action already: it gains its owner
                found[k] = replace(act, agent=act.agent or rest)
                return []
        return [ActionRecord(text=clean(text[a:b]), start=a, end=b, agent=rest)]
    if not owner or owner.end() < len(rest):
        return [ActionRecord(text=clean(text[s:e]), start=s, end=e)]
    return []


def _table_actions(text: str, plain: str, start: int, end: int) -> list[ActionRecord]:
    """One action per row of a table whose columns are the action, its owner and when."""
    out = []
    cols: tuple[int, int] | None = None
    for s, _e, line in lines(plain, start, end):
        split = table_cells(line)
        if split is None or re.fullmatch(r"[\s|:-]*", line):
            if line.strip() and split is None:
                cols = None
            continue
        cells, offsets = split
        labels = [clean(c) for c in cells]
        what = [i for i, c in enumerate(labels) if _ACTION_COLUMN.match(c)]
        who = [i for i, c in enumerate(labels) if _OWNER_COLUMN.match(c)]
        if what and who:
            others = set(range(len(labels))) - {what[0], who[0]}
            cols = (
                (what[0], who[0]) if all(_OTHER_COLUMN.match(labels[i]) for i in others) else None
            )
            continue
        if cols is None or len(labels) <= max(cols) or not labels[cols[0]]:
            continue
        raw = cells[cols[0]]
        a = s + offsets[cols[0]] + len(raw) - len(raw.lstrip())
        b = a + len(raw.strip())
        out.append(
            ActionRecord(text=clean(text[a:b]), start=a, end=b, agent=labels[cols[1]] or None)
        )
    return out


def _clauses(text: str, plain: str, s: int, e: int) -> list[tuple[int, int, str]]:
    """One (start, end, text) per request in a sentence, each text a whole sentence.

    "Requests a report ... and X be added to the Work Programme" holds two requests: each
    is its clause, without the "and" that joins them. "Includes A and B on the Work
    Programme" adds two items: each is the sentence with one of them in the list's place
    ("Includes A on the Work Programme."). A sentence with one request is itself.

    >>> t = "Includes Parks and Libraries on the Work Programme."
    >>> [w for _, _, w in _clauses(t, t, 0, len(t))]
    ['Includes Parks on the Work Programme.', 'Includes Libraries on the Work Programme.']
    """
    sentence = plain[s:e]
    inline = _INLINE_ADD.search(sentence)
    if inline:
        listed = inline.group("list")
        parts = [p for p in _split_and(listed) if p.strip()]
        if len(parts) > 1:
            base = s + inline.start("list")
            before = clean(text[s:base])
            after = clean(text[s + inline.end("list") : e])
            spans, pos = [], 0
            for part in parts:
                at = listed.index(part, pos)
                lead = len(part) - len(part.lstrip())
                a, b = base + at + lead, base + at + len(part.rstrip())
                words = " ".join(w for w in (before, clean(text[a:b]), after) if w)
                spans.append((a, b, _sentence(words)))
                pos = at + len(part)
            return spans
    hits = list(_ACTION.finditer(sentence))
    cuts = [(0, 0)]  # (where a clause ends, where the next begins)
    for prev, h in zip(hits, hits[1:], strict=False):
        # a second request joined by "and" ("... and X be added to the Work Programme")
        joint = sentence.rfind(" and ", prev.end(), h.start())
        if joint != -1:
            cuts.append((joint, joint + 5))
    cuts.append((len(sentence), len(sentence)))
    if len(cuts) == 2:
        return [(s, e, clean(text[s:e]))]
    return [
        (s + a, s + b, _sentence(clean(text[s + a : s + b])))
        for (_, a), (b, _) in zip(cuts, cuts[1:], strict=False)
        if sentence[a:b].strip()
    ]


_INLINE_ADD = re.compile(
    r"\b(?:includes?|add(?:s|ed)?)\s+(?P<list>(?!the following)[^:;]+?)\s+(?:on|to|in)\s+the\s+"
    r"(?:[\w/ -]{0,30}\s+)?work\s+programme\b",
    re.I,
)


def _split_and(text: str) -> list[str]:
    """Split at " and " and commas outside parentheses.

    >>> _split_and("Fostering and the Family Project (including a Reunification and Care Project)")
    ['Fostering', 'the Family Project (including a Reunification and Care Project)']
    """
    parts, depth, cur, i = [], 0, "", 0
    while i < len(text):
        ch = text[i]
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        if depth == 0 and (text.startswith(" and ", i) or ch == ","):
            parts.append(cur)
            cur = ""
            i += 1 if ch == "," else 5
            continue
        cur += ch
        i += 1
    parts.append(cur)
    return parts


def _listed_after(plain: str, pos: int, end: int) -> list[tuple[int, int]]:
    items = []
    for s, e, line in lines(plain, pos, end):
        if not line.strip():
            continue
        m = _LIST_ITEM.match(line)
        if not m:
            break
        items.append((s + m.start("t"), e))
    return items
