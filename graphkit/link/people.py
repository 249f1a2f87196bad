"""People: names clustered into persons, with a reason for every merge.

Names are grouped by surname; a name joins a person when its forename or initials
agree with every name already there ("J Gregg" + "John Gregg", "C Thomas" + "CE
Thomas"); a bare surname ("Councillor Sandhu") joins the only person with that
surname. When a name fits two people equally it is kept apart and reported. An
aliases file can force or forbid a merge.
"""

from __future__ import annotations

import datetime as dt
import heapq
import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from operator import itemgetter
from pathlib import Path

from ..errors import ConfigError
from ..iris import slug
from ..model import AttendanceRecord, MeetingRecord, Mention, Person
from ..names import ParsedName, compatible, parse_name, surname_key
from .evidence import Evidence
from .linked import Linked
from .roles import Sighting

__all__ = ["Aliases", "link_people", "load_aliases"]


# -- aliases file ----------------------------------------------------------------------------
@dataclass(frozen=True)
class Aliases:
    same: tuple[tuple[str, ...], ...] = ()
    different: tuple[tuple[str, ...], ...] = ()


def load_aliases(path: str | Path | None) -> Aliases:
    """Read a YAML aliases file::

    same:        # these names are one person
      - [Kellie Jones, Mrs K Jones]
    different:   # these names are never merged
      - [J Smith, John Smith]
    """
    if path is None:
        return Aliases()
    import yaml

    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as err:
        raise ConfigError(f"{path}: cannot read the aliases file ({err})") from err
    if not isinstance(data, dict) or set(data) - {"same", "different"}:
        raise ConfigError(
            f"{path}: an aliases file is a mapping with keys 'same' and/or 'different', "
            "each a list of lists of names"
        )
    out = {}
    for key in ("same", "different"):
        groups = data.get(key) or []
        if not isinstance(groups, list) or not all(
            isinstance(g, list) and len(g) >= 2 and all(isinstance(n, str) for n in g)
            for g in groups
        ):
            raise ConfigError(f"{path}: '{key}' must be a list of lists of two or more names")
        out[key] = tuple(tuple(g) for g in groups)
    return Aliases(**out)


# -- the names seen --------------------------------------------------------------------------
# compared by identity: a form is one sighting of a name, and two sightings are two forms
@dataclass(frozen=True, eq=False)
class _Form:
    mention: Mention
    parsed: ParsedName
    date: dt.date | None


class _Forms:
    """Every person form, with where and when it was seen; one form per span of text."""

    def __init__(self, meetings: Sequence[MeetingRecord]) -> None:
        self.all: list[_Form] = []
        self.at: dict[tuple[str, int, int], _Form] = {}  # (source, start, end) -> its form
        self.first_at: dict[tuple[str, int], _Form] = {}  # (source, start) -> its first form
        spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for r in meetings:
            for a in (*r.attendance, *r.membership):
                spans[r.source].append((a.start, a.end))
        # source -> the listed spans' starts in order, and the furthest end up to each
        self.listed: dict[str, tuple[list[int], list[int]]] = {}
        for source, found in spans.items():
            found.sort()
            ends = accumulate((e for _, e in found), max)
            self.listed[source] = ([s for s, _ in found], list(ends))

    def _overlaps_listed(self, source: str, start: int, end: int) -> bool:
        """Whether ``start``-``end`` overlaps an attendance or membership entry's span."""
        if source not in self.listed:
            return False
        starts, reach = self.listed[source]
        before = bisect_left(starts, end)  # the spans that start before ``end``
        return before > 0 and reach[before - 1] > start

    def add(self, m: Mention, date: dt.date | None) -> _Form | None:
        """The new form of ``m``; None if it is no name, or its words already have a form
        (an attendance entry stands for the span it overlaps)."""
        key = (m.source, m.start, m.end)
        p = parse_name(m.text)
        if p is None or key in self.at or self._overlaps_listed(m.source, m.start, m.end):
            return None
        return self._keep(_Form(m, p, date))

    def add_listed(self, r: MeetingRecord, a: AttendanceRecord) -> _Form | None:
        """The form of an attendance or membership entry; the same words listed twice
        (under two headings) are one form."""
        p = parse_name(a.name)
        if p is None and re.fullmatch(r"[A-Z][\w'’-]+", a.name.strip()):
            p = ParsedName(a.name, a.start, a.end, None, None, None, a.name.strip())
        if p is None:
            return None
        m = Mention("PERSON", a.name, a.start, a.end, r.source, honorific=p.title, role=a.role)
        return self.at.get((m.source, m.start, m.end)) or self._keep(_Form(m, p, r.date))

    def starting_at(self, source: str, start: int) -> _Form | None:
        return self.first_at.get((source, start))

    def _keep(self, f: _Form) -> _Form:
        self.at[(f.mention.source, f.mention.start, f.mention.end)] = f
        self.first_at.setdefault((f.mention.source, f.mention.start), f)
        self.all.append(f)
        return f


def _date_at(records: Sequence[MeetingRecord], pos: int) -> dt.date | None:
    """The date of the innermost meeting section (or attached paper) containing ``pos``."""
    best: tuple[int, dt.date | None] | None = None
    for r in records:
        spans = [(r.start, r.end)] + [s for i in r.items for s in i.extra_spans]
        for s, e in spans:
            if s <= pos < e and (best is None or s >= best[0]):
                best = (s, r.date)
    return best[1] if best else None


@dataclass(frozen=True)
class _Seen:
    forms: list[_Form]
    listed: dict[tuple[str, int], _Form]  # attendance or membership (source, start) -> form
    leads: dict[tuple[str, int], list[_Form]]  # work-programme row (source, start) -> forms


def _seen(
    meetings: Sequence[MeetingRecord], mentions: Sequence[Mention], evidence: Evidence
) -> _Seen:
    """The names records list first (attendance, membership, leads), then those mentioned."""
    forms = _Forms(meetings)
    listed: dict[tuple[str, int], _Form] = {}
    leads: dict[tuple[str, int], list[_Form]] = defaultdict(list)
    for r in meetings:
        for a in (*r.attendance, *r.membership):
            f = forms.add_listed(r, a)
            if f is not None:
                listed[(r.source, a.start)] = f
        for row in r.work_programme:
            if not row.lead or row.lead_start is None:
                continue
            for n in evidence.leads_in(r.source, row.lead_start, row.end):
                m = Mention("PERSON", n.text, n.start, n.end, r.source, honorific=n.honorific)
                lead = forms.add(m, row.date or r.date) or forms.starting_at(r.source, n.start)
                if lead is not None:
                    leads[(r.source, row.start)].append(lead)
    records: dict[str, list[MeetingRecord]] = defaultdict(list)
    for r in meetings:
        records[r.source].append(r)
    for m in mentions:
        if m.label == "PERSON":
            forms.add(m, _date_at(records.get(m.source, []), m.start))
    return _Seen(forms.all, listed, leads)


# -- clustering ------------------------------------------------------------------------------
@dataclass(eq=False)
class _Cluster:
    forms: list[_Form] = field(default_factory=list)  # only ever added to
    reasons: list[str] = field(default_factory=list)
    # what the forms say, brought up to date with forms[_read:] when asked (a surname's
    # forms are many; the distinct ways of writing it few)
    _read: int = 0
    _names: dict[tuple[str | None, str | None, str | None, str], ParsedName] = field(
        default_factory=dict
    )  # (title, given, initials, surname): all a comparison of two names looks at
    _bares: set[str] = field(default_factory=set)  # each form's bare name, normalised
    _written: set[str] = field(default_factory=set)  # initials written as initials, upper
    _informative: bool = False  # some form has initials

    def _catch_up(self) -> None:
        for f in self.forms[self._read :]:
            p = f.parsed
            self._names.setdefault((p.title, p.given, p.initials, p.surname), p)
            self._bares.add(_norm_surface(p.bare))
            if p.initials:
                self._informative = True
                if not p.given:
                    self._written.add(p.initials.upper())
        self._read = len(self.forms)

    def fits(self, p: ParsedName) -> bool:
        self._catch_up()
        return all(compatible(p, q) and _titles_agree(p, q) for q in self._names.values())

    @property
    def informative(self) -> bool:
        self._catch_up()
        return self._informative

    def has_bare(self, bare: str) -> bool:
        """Whether a form's bare name, normalised, is ``bare``."""
        self._catch_up()
        return bare in self._bares

    def wrote_initials(self, initials: str) -> bool:
        """Whether a form wrote these initials (upper case) as initials, not a forename."""
        self._catch_up()
        return initials in self._written


def _titles_agree(a: ParsedName, b: ParsedName) -> bool:
    """Whether two names' titles could be one person's ("Mr" and "Mrs" cannot)."""
    male, female = {"Mr", "Sir", "Lord"}, {"Mrs", "Ms", "Miss", "Dame", "Lady"}
    ta, tb = a.title, b.title
    return not ((ta in male and tb in female) or (ta in female and tb in male))


def _norm_surface(text: str) -> str:
    """
    >>> _norm_surface("Mrs  K O’Neill")
    "mrs k o'neill"
    """
    return " ".join(text.replace("’", "'").split()).lower()


def _surfaces(f: _Form) -> tuple[str, str]:
    return _norm_surface(f.mention.text), _norm_surface(f.parsed.bare)


def _kept_apart(aliases: Aliases) -> Callable[[_Cluster, _Form], bool]:
    """Whether the aliases file forbids ``form`` joining ``cluster``."""
    forbidden: set[frozenset[str]] = set()
    for group in aliases.different:
        apart = [_norm_surface(n) for n in group]
        forbidden.update(frozenset((x, y)) for x in apart for y in apart if x != y)

    def kept_apart(cluster: _Cluster, form: _Form) -> bool:
        return bool(forbidden) and any(
            frozenset((x, y)) in forbidden
            for f in cluster.forms
            for x in _surfaces(form)
            for y in _surfaces(f)
        )

    return kept_apart


def _cluster_people(forms: list[_Form], aliases: Aliases, linked: Linked) -> list[_Cluster]:
    """Forms clustered into people: by surname, then the aliases file's forced merges."""
    kept_apart = _kept_apart(aliases)
    by_surname: dict[str, list[_Form]] = defaultdict(list)
    for f in forms:
        by_surname[surname_key(f.parsed.surname)].append(f)
    clusters: list[_Cluster] = []
    for surname in sorted(by_surname):
        clusters += _cluster_surname(by_surname[surname], kept_apart, linked)
    for group in aliases.same:
        names = {_norm_surface(n) for n in group}
        hit = [c for c in clusters if any(set(_surfaces(f)) & names for f in c.forms)]
        if len(hit) > 1:
            keep = hit[0]
            for other in hit[1:]:
                keep.forms.extend(other.forms)
                keep.reasons.extend(other.reasons)
                clusters.remove(other)
            keep.reasons.append(f"aliases file: {', '.join(group)} are one person")
    return clusters


def _cluster_surname(
    same_surname: list[_Form], kept_apart: Callable[[_Cluster, _Form], bool], linked: Linked
) -> list[_Cluster]:
    """The people among forms of one surname."""
    # most informative first: full forenames, then longer initials, then bare surnames
    same_surname.sort(
        key=lambda f: (
            not f.parsed.given,
            -len(f.parsed.initials or ""),
            f.mention.source,
            f.mention.start,
        )
    )
    mine: list[_Cluster] = []
    # the clusters by the first of their names' initials ("": none has initials), in the
    # order they were made: a name with initials fits only those of its letter or of none
    # (names.compatible), so it is compared with those alone (with every cluster, 4,000
    # people of one surname took 6.7 s)
    of_letter: dict[str, list[tuple[int, _Cluster]]] = defaultdict(list)
    for f in same_surname:
        p = f.parsed
        letter = p.initials[0].upper() if p.initials else ""
        pool = (
            [c for _, c in heapq.merge(of_letter[letter], of_letter[""], key=itemgetter(0))]
            if letter
            else mine
        )
        fitting = [c for c in pool if c.fits(p) and not kept_apart(c, f)]
        if not p.initials:
            fitting = [c for c in fitting if c.informative] or fitting
        if len(fitting) == 1:
            _join(fitting[0], f)
        elif len(fitting) > 1 and len(_exact(fitting, p)) != 1:
            linked.ambiguities.append(
                f"'{f.mention.text}' ({f.mention.source}) could be "
                + " or ".join(sorted({c.forms[0].parsed.bare for c in fitting}))
                + "; kept apart"
            )
            _new_cluster(f, letter, mine, of_letter)
        elif fitting:
            # an exact repeat of one cluster's written initials beats a looser fit
            _exact(fitting, p)[0].forms.append(f)
        else:
            _new_cluster(f, letter, mine, of_letter)
    return mine


def _new_cluster(
    f: _Form, letter: str, mine: list[_Cluster], of_letter: dict[str, list[tuple[int, _Cluster]]]
) -> None:
    """A cluster of ``f`` alone. A name joins a cluster only if it fits every name there,
    so the first letter of the cluster's initials stays that of its first name (the forms
    come with initials before those without)."""
    cluster = _Cluster([f])
    of_letter[letter].append((len(mine), cluster))
    mine.append(cluster)


def _join(c: _Cluster, f: _Form) -> None:
    """``f`` joins ``c``, with the reason when it is a new way of writing the name."""
    p = f.parsed
    if not c.has_bare(_norm_surface(p.bare)):
        first = c.forms[0]
        why = (
            "a bare surname: the only person with this surname"
            if not p.initials
            else "the full name expands the initial"
            if bool(p.given) != bool(first.parsed.given)
            else "the initials agree"
        )
        c.reasons.append(
            f"'{f.mention.text}' ({f.mention.source}) = '{first.mention.text}' "
            f"({first.mention.source}): {why}"
        )
    c.forms.append(f)


def _exact(clusters: list[_Cluster], p: ParsedName) -> list[_Cluster]:
    """Clusters where ``p``'s initials were written as initials (not read off a forename)."""
    want = (p.initials or "").upper()
    return [c for c in clusters if want and c.wrote_initials(want)]


# -- people ----------------------------------------------------------------------------------
def _person(cluster: _Cluster, taken: set[str]) -> Person:
    """The person a cluster is, under a key new to ``taken``."""
    parsed = [f.parsed for f in cluster.forms]
    # the fullest form seen: a forename beats initials, more initials beat fewer
    counts = Counter(p.bare for p in parsed)
    best = sorted(
        parsed, key=lambda p: (not p.given, -len(p.initials or ""), -counts[p.bare], p.bare)
    )[0]
    pref = best.bare
    given_name = best.given
    initials = best.initials or max((p.initials or "" for p in parsed), key=len) or None
    surname = best.surname
    key = slug(f"{initials[0]} {surname}") if initials else slug(surname)
    if key in taken:
        key = slug(f"{given_name or initials or ''} {surname}")
    n = 2
    base = key
    while key in taken:
        key, n = f"{base}-{n}", n + 1
    taken.add(key)
    surfaces = sorted({" ".join(f.mention.text.split()) for f in cluster.forms} - {pref})
    honorifics = sorted({p.title for p in parsed if p.title})
    return Person(
        key=key,
        pref_label=pref,
        alt_labels=tuple(surfaces),
        family_name=surname,
        given_name=given_name,
        initials=initials,
        honorifics=tuple(honorifics),
        explanation=tuple(cluster.reasons),
    )


def _name_people(clusters: list[_Cluster], linked: Linked) -> dict[_Form, str]:
    """Each cluster's person added to ``linked``; returns each form's person key."""
    taken: set[str] = set()
    key_of: dict[_Form, str] = {}
    for c in sorted(
        clusters,
        key=lambda c: (
            c.forms[0].parsed.surname,
            -len(c.forms),
            c.forms[0].mention.source,
            c.forms[0].mention.start,
        ),
    ):
        person = _person(c, taken)
        linked.people.append(person)
        linked.merges.extend(f"{person.key}: {r}" for r in c.reasons)
        for f in c.forms:
            key_of[f] = person.key
            linked.resolved.append((f.mention, "person", person.key))
    linked.people.sort(key=lambda p: p.key)
    return key_of


def _agents(
    meetings: Sequence[MeetingRecord], forms: Sequence[_Form], key_of: Mapping[_Form, str]
) -> dict[tuple[str, int], str]:
    """Action agents written as a person ("Councillor Sandhu agreed to ...") that fit exactly
    one person."""
    out = {}
    by_surname: dict[str, list[_Form]] = defaultdict(list)  # compatible names share a surname
    for f in forms:
        by_surname[surname_key(f.parsed.surname)].append(f)
    for r in meetings:
        for item in r.items:
            for act in item.actions:
                p = parse_name(act.agent) if act.agent else None
                if p is None:
                    continue
                same = by_surname.get(surname_key(p.surname), [])
                hits = {key_of[f] for f in same if compatible(p, f.parsed)}
                if len(hits) == 1:
                    out[(r.source, act.start)] = hits.pop()
    return out


def link_people(
    meetings: Sequence[MeetingRecord],
    mentions: Sequence[Mention],
    evidence: Evidence,
    aliases: Aliases,
    linked: Linked,
) -> list[Sighting]:
    """Resolve the names records list and mentions to people, added to ``linked``; returns
    every name seen with its person, for roles over time."""
    seen = _seen(meetings, mentions, evidence)
    clusters = _cluster_people(seen.forms, aliases, linked)
    key_of = _name_people(clusters, linked)
    linked.attendees.update({k: key_of[f] for k, f in seen.listed.items()})
    linked.leads.update(
        {k: tuple(dict.fromkeys(key_of[f] for f in fs)) for k, fs in seen.leads.items()}
    )
    linked.agents.update(_agents(meetings, seen.forms, key_of))
    return [Sighting(key_of[f], f.mention, f.date) for f in seen.forms]
