"""Programmes: names grouped into concepts, generic names resolved, plans answering one event.

Names are compared by a normal form (case, plurals, possessives, the council's own
place name, "Programme"/"Project" dropped); acronyms join the name they abbreviate;
a short name joins the one longer name it ends ("Saplings Programme" → "Early Years
Saplings Programme"); a one-word spelling slip joins ("Family Values" → "Family
Valued"); plans written in response to the same dated event are one plan (see
graphkit.responses). Curated names and aliases are one concept each. Agenda-item
titles name topics, which group with the programmes they name.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from ..find import PROGRAMME_WORD, ResponseMention, topic_of, topic_window
from ..iris import slug
from ..model import Concept, MeetingRecord, Mention
from ..responses import Event
from .evidence import Evidence
from .linked import Linked
from .partition import least, partition
from .programme_grouping import CURATED, group_programmes
from .programme_names import endings, programme_key

__all__ = ["link_programmes"]

Span = tuple[int, int]


def link_programmes(
    meetings: Sequence[MeetingRecord],
    mentions: Sequence[Mention],
    evidence: Evidence,
    place: str,
    linked: Linked,
) -> None:
    """Group programme names and item topics into concepts; add them to ``linked``."""
    named = [m for m in mentions if m.label == "PROGRAMME" and not m.generic]
    topic_items = _topic_items(meetings, evidence)
    covered = {(m.source, m.start, m.end) for m in named}
    topics = [m for m, _ in topic_items if (m.source, m.start, m.end) not in covered]
    roots = group_programmes(named + topics, place, linked, topic_items)
    by_root: dict[str, list[Mention]] = defaultdict(list)
    for m in named + topics:
        by_root[roots[m.text]].append(m)
    spans = _item_spans(meetings)
    ending = _by_ending(named, place)
    for m in mentions:
        if m.label == "PROGRAMME" and m.generic:
            root = _resolve_generic(m, ending, roots, place, evidence, spans[m.source])
            if root is not None:
                by_root[root].append(m)
    for keep, gone, reason in _plans_answering_one_event(by_root, evidence.responses, linked):
        by_root[keep].extend(by_root.pop(gone))
        roots = {t: (keep if r == gone else r) for t, r in roots.items()}
        linked.merges.append(reason)
    curated = {roots[k]: k.split(":", 1)[1] for k in roots if k.startswith(CURATED)}
    used: set[str] = set()
    for root in sorted(by_root):
        ms = by_root[root]
        concept = _concept(ms, curated.get(root), place, evidence.kinds_after, used)
        linked.concepts.append(concept)
        linked.resolved.extend((m, "programme", concept.key) for m in ms)
    linked.concepts.sort(key=lambda c: c.key)


def _topic_items(
    meetings: Sequence[MeetingRecord], evidence: Evidence
) -> list[tuple[Mention, list[Span]]]:
    """Each agenda item's topic where its title writes it, with the item's spans."""
    out = []
    for r in meetings:
        for item in r.items:
            topic = topic_of(item.title)
            if not topic:
                continue
            at = evidence.topic_at(r.source, topic, *topic_window(item.title, item.title_start))
            if at is not None:
                out.append((at, [(item.start, item.end), *item.extra_spans]))
    return out


def _item_spans(meetings: Sequence[MeetingRecord]) -> dict[str, list[Span]]:
    """Every agenda item's span and attached papers, by document."""
    out: dict[str, list[Span]] = defaultdict(list)
    for r in meetings:
        for item in r.items:
            out[r.source].extend([(item.start, item.end), *item.extra_spans])
    return out


def _by_ending(named: Sequence[Mention], place: str) -> dict[str, list[Mention]]:
    """Each ending of the named mentions' normal forms after a space ("plan" and
    "strategic plan" of "city strategic plan") -> those mentions, in order: a generic
    name's candidates are looked up rather than every name tried against each generic
    one (quadratic: 200 copies of a document 2.7 s to link).

    >>> names = [Mention("PROGRAMME", t, 0, 1, "a.txt") for t in ("City Strategic Plan", "Plan")]
    >>> {k: [m.text for m in v] for k, v in _by_ending(names, "").items()}
    {'strategic plan': ['City Strategic Plan'], 'plan': ['City Strategic Plan']}
    """
    out: dict[str, list[Mention]] = defaultdict(list)
    for n in named:
        for e in endings(programme_key(n.text, place)):
            out[e].append(n)
    return out


def _resolve_generic(
    m: Mention,
    ending: Mapping[str, Sequence[Mention]],
    roots: Mapping[str, str],
    place: str,
    evidence: Evidence,
    spans: Sequence[Span],
) -> str | None:
    """The programme a generic name ("the Strategic Plan") stands for, or None.

    The longer names it ends are the candidates: the one in the same document, else
    the only one in the corpus, else the one whose other words the same agenda item
    uses; when none of these settles it, the mention names no programme.
    """
    gkey = programme_key(m.text, place)
    cands: dict[str, list[Mention]] = defaultdict(list)
    for n in ending.get(gkey, ()):  # the names whose normal form ends in " " + gkey
        cands[roots[n.text]].append(n)
    if not cands:
        return None
    local = {r for r, ns in cands.items() if any(n.source == m.source for n in ns)}
    if len(local) == 1:
        return local.pop()
    if len(cands) == 1 and not local:
        return next(iter(cands))
    inner = [(s, e) for s, e in spans if s <= m.start < e]
    words = evidence.contexts.get((m.source, *max(inner))) if inner else None
    if words is None:
        return None
    context = " " + programme_key(words, place) + " "
    scores = {}
    for root, ns in cands.items():
        extra = {programme_key(n.text, place)[: -len(gkey)].strip() for n in ns}
        scores[root] = sum(context.count(f" {x} ") for x in extra if x)
    best = sorted(scores.items(), key=lambda kv: -kv[1])
    if best[0][1] > 0 and (len(best) == 1 or best[0][1] > best[1][1]):
        return best[0][0]
    return None


def _plans_answering_one_event(
    by_root: Mapping[str, list[Mention]],
    responses: Mapping[str, Sequence[ResponseMention]],
    linked: Linked,
) -> list[tuple[str, str, str]]:
    """Plans written in response to the same dated event: (kept root, merged root, reason).

    "An Action Plan was developed in response to the visit" (the visit undertaken on
    12 and 13 May 2021) in one document, and "the Improvement Plan … following the
    Focused Visit held on 12-13 May 2021" in another, are one plan. A generic mention
    speaks for the plan it was resolved to. When two plans are each named outright as
    the response to one event, the event has several plans: nothing is merged and the
    build report says so.
    """
    named, tied = _plans_by_event(by_root, responses)
    out: list[tuple[str, str, str]] = []
    plans = partition()
    for event in sorted(tied, key=lambda e: (e.date, e.kind)):
        when = f"the {event.kind} of {event.date.isoformat()}"
        if len(named[event]) > 1:
            names = "', '".join(sorted(named[event]))
            linked.ambiguities.append(
                f"programmes '{names}' are each written as the response to {when}; kept apart"
            )
            continue
        group = sorted({least(plans, r) for r in tied[event]})
        for gone in group[1:]:
            plans.union(group[0], gone)
            reason = f"programme '{group[0]}' = '{gone}': both the plan answering {when}"
            out.append((group[0], gone, reason))
    return out


def _plans_by_event(
    by_root: Mapping[str, list[Mention]], responses: Mapping[str, Sequence[ResponseMention]]
) -> tuple[dict[Event, set[str]], dict[Event, set[str]]]:
    """For each event a response answers, the plans named outright as the response, and
    all the plans written in a response to it (generic mentions included)."""
    root_of = {(m.source, m.start): r for r, ms in by_root.items() for m in ms}
    named: dict[Event, set[str]] = defaultdict(set)
    tied: dict[Event, set[str]] = defaultdict(set)
    plan_mentions: dict[str, list[Mention]] = defaultdict(list)
    for ms in by_root.values():
        for m in ms:
            if re.search(r"\bplan$", m.text.strip(), re.I):
                plan_mentions[m.source].append(m)
    for source in sorted(plan_mentions):
        for resp in responses.get(source, ()):
            for m in plan_mentions[source]:
                if resp.start <= m.start < resp.end:
                    root = root_of[(m.source, m.start)]
                    tied[resp.event].add(root)
                    if not m.generic:
                        named[resp.event].add(root)
    return named, tied


def _concept(
    ms: Sequence[Mention],
    curated: str | None,
    place: str,
    kinds_after: frozenset[tuple[str, int]],
    used: set[str],
) -> Concept:
    """The concept one group of names stands for; its key is new to ``used``."""
    counts = Counter(" ".join(m.text.split()) for m in ms)
    # the name it is called by, not an acronym or a generic "Action Plan" standing for it
    proper = {" ".join(m.text.split()) for m in ms if not m.generic}
    names = (
        [n for n in counts if n in proper and not n.isupper()]
        or [n for n in counts if not n.isupper()]
        or list(counts)
    )
    # the normal form written most often ("Coventry X Plan" counts for "X Plan"), then
    # its most used spelling
    key_counts = Counter(programme_key(n, place) for n in counts.elements() if n in names)
    pref = (
        curated
        or sorted(
            names,
            key=lambda n: (
                -key_counts[programme_key(n, place)],
                -counts[n],
                n[0].islower(),
                -len(n),
                n,
            ),
        )[0]
    )
    key = slug(pref)
    while key in used:
        key += "-2"
    used.add(key)
    # a named programme carries a programme word somewhere, or is a quoted name followed
    # by its kind ("'Move More Together' campaign"); a term defined only by its acronym
    # ("Good Level of Development (GLD)") or an item title is a topic
    is_programme = curated is not None or any(
        m.label == "PROGRAMME"
        and bool(PROGRAMME_WORD.search(m.text) or (m.source, m.end) in kinds_after)
        for m in ms
    )
    alts = tuple(sorted(set(counts) - {pref}))
    return Concept(key=key, pref_label=pref, alt_labels=alts, is_programme=is_programme)
