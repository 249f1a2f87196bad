"""Stage 4: mentions → entities, with a reason for every merge.

People: names are grouped by surname; a name joins a person when its forename
or initials agree with every name already there ("J Gregg" + "John Gregg",
"C Thomas" + "CE Thomas"); a bare surname ("Councillor Sandhu") joins the only
person with that surname. When a name fits two people equally it is kept apart
and reported. An aliases file can force or forbid a merge.

Programmes: names are compared by a normal form (case, plurals, possessives,
the council's own place name, "Programme"/"Project" dropped); acronyms join the
name they abbreviate; a short name joins the one longer name it ends
("Saplings Programme" → "Early Years Saplings Programme"); a one-word spelling
slip joins ("Family Values" → "Family Valued"); plans written in response to
the same dated event are one plan (see graphkit.responses). Curated names and
aliases are one concept each.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ConfigError
from .extract import acronym_matches, lead_names, load_curated
from .iris import slug
from .model import (
    Concept,
    Document,
    MeetingRecord,
    Membership,
    Mention,
    Organisation,
    Person,
)
from .names import ParsedName, compatible, looks_like_role, parse_name
from .responses import Event, responses

__all__ = ["Linked", "link", "load_aliases", "programme_key", "topic_of"]


@dataclass
class Linked:
    people: list[Person] = field(default_factory=list)
    concepts: list[Concept] = field(default_factory=list)
    organisations: list[Organisation] = field(default_factory=list)
    memberships: list[Membership] = field(default_factory=list)
    # every mention that was resolved: (mention, kind, key); kind is person/programme/org
    resolved: list[tuple[Mention, str, str]] = field(default_factory=list)
    # attendance or membership record (source, start) -> person key
    attendees: dict[tuple[str, int], str] = field(default_factory=dict)
    # work-programme row (source, start) -> person keys of its leads
    leads: dict[tuple[str, int], tuple[str, ...]] = field(default_factory=dict)
    # action (source, start) -> person key of its agent, where a person
    agents: dict[tuple[str, int], str] = field(default_factory=dict)
    ambiguities: list[str] = field(default_factory=list)
    merges: list[str] = field(default_factory=list)

    @classmethod
    def joined(cls, parts: Sequence[Linked]) -> Linked:
        """The links of several councils' documents, side by side (never merged)."""
        if len(parts) == 1:
            return parts[0]
        out = cls()
        for part in parts:
            out.people += part.people
            out.concepts += part.concepts
            out.organisations += part.organisations
            out.memberships += part.memberships
            out.resolved += part.resolved
            out.attendees.update(part.attendees)
            out.leads.update(part.leads)
            out.agents.update(part.agents)
            out.ambiguities += part.ambiguities
            out.merges += part.merges
        return out


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


# -- people ----------------------------------------------------------------------------------
@dataclass
class _Form:
    mention: Mention
    parsed: ParsedName
    date: dt.date | None


@dataclass
class _Cluster:
    forms: list[_Form] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)

    def fits(self, p: ParsedName) -> bool:
        return all(compatible(p, f.parsed) and _titles_agree(p, f.parsed) for f in self.forms)

    @property
    def informative(self) -> list[ParsedName]:
        return [f.parsed for f in self.forms if f.parsed.initials]


def _titles_agree(a: ParsedName, b: ParsedName) -> bool:
    male, female = {"Mr", "Sir", "Lord"}, {"Mrs", "Ms", "Miss", "Dame", "Lady"}
    ta, tb = a.title, b.title
    return not ((ta in male and tb in female) or (ta in female and tb in male))


def _norm_surface(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).lower()


def _cluster_people(forms: list[_Form], aliases: Aliases, linked: Linked) -> list[_Cluster]:
    forbidden: set[frozenset[str]] = set()
    for group in aliases.different:
        apart = [_norm_surface(n) for n in group]
        forbidden.update(frozenset((x, y)) for x in apart for y in apart if x != y)

    def allowed(cluster: _Cluster, form: _Form) -> bool:
        a = _norm_surface(form.mention.text)
        b = _norm_surface(form.parsed.bare)
        return not any(
            frozenset((x, y)) in forbidden
            for f in cluster.forms
            for x in (a, b)
            for y in (_norm_surface(f.mention.text), _norm_surface(f.parsed.bare))
        )

    by_surname: dict[str, list[_Form]] = defaultdict(list)
    for f in forms:
        by_surname[f.parsed.surname.lower().replace("’", "'")].append(f)
    clusters: list[_Cluster] = []
    for surname in sorted(by_surname):
        same_surname = by_surname[surname]
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
        for f in same_surname:
            p = f.parsed
            fitting = [c for c in mine if c.fits(p) and allowed(c, f)]
            if not p.initials:
                fitting = [c for c in fitting if c.informative] or fitting
            if len(fitting) == 1:
                c = fitting[0]
                if _norm_surface(p.bare) not in {_norm_surface(x.parsed.bare) for x in c.forms}:
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
            elif len(fitting) > 1 and len(_exact(fitting, p)) != 1:
                linked.ambiguities.append(
                    f"'{f.mention.text}' ({f.mention.source}) could be "
                    + " or ".join(sorted({c.forms[0].parsed.bare for c in fitting}))
                    + "; kept apart"
                )
                mine.append(_Cluster([f]))
            elif fitting:
                # an exact repeat of one cluster's written initials beats a looser fit
                _exact(fitting, p)[0].forms.append(f)
            else:
                mine.append(_Cluster([f]))
        clusters.extend(mine)
    # forced merges from the aliases file
    for group in aliases.same:
        names = {_norm_surface(n) for n in group}
        hit = [
            c
            for c in clusters
            if any(
                _norm_surface(f.mention.text) in names or _norm_surface(f.parsed.bare) in names
                for f in c.forms
            )
        ]
        if len(hit) > 1:
            keep = hit[0]
            for other in hit[1:]:
                keep.forms.extend(other.forms)
                keep.reasons.extend(other.reasons)
                clusters.remove(other)
            keep.reasons.append(f"aliases file: {', '.join(group)} are one person")
    return clusters


def _exact(clusters: list[_Cluster], p: ParsedName) -> list[_Cluster]:
    """Clusters where ``p``'s initials were written as initials (not read off a forename)."""
    want = (p.initials or "").upper()
    return [
        c
        for c in clusters
        if want
        and any(
            x.parsed.initials and not x.parsed.given and x.parsed.initials.upper() == want
            for x in c.forms
        )
    ]


def _person(cluster: _Cluster, taken: set[str]) -> Person:
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


# -- programmes and organisations ------------------------------------------------------------
_PROGRAMME_WORD = re.compile(
    r"\b(?:programmes?|programs?|projects?|strateg(?:y|ies)|plans?|schemes?|academy|framework"
    r"|initiative|pathway|toolkit|fund|campaign|pilot|model|service|training|roadmap|week|offer"
    r"|operation|grant)\b",
    re.I,
)
# a name's last word when it is a head: "(KAMCYP)" spells the name before "Programme"
_HEADLESS = re.compile(rf"\s+{_PROGRAMME_WORD.pattern}$", re.I)
_DROP_HEADS = {"programme", "program", "project", "scheme", "initiative"}
_SMALL = {"and", "of", "for", "in", "the", "to", "on", "with", "at", "by", "from", "a", "an"}


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def programme_key(text: str, place: str = "") -> str:
    """The normal form two names of one programme share.

    >>> programme_key("Coventry Holiday Activities and Food (HAF) Programme", "coventry")
    'holiday activity and food'
    >>> programme_key("Holiday Activity and Food Programme")
    'holiday activity and food'
    >>> programme_key("Children & Young People's Plan") == programme_key("Children and Young People Plan")
    True
    """
    t = text.replace("’", "'").replace("&", " and ").lower()
    t = re.sub(r"\([^)]*\)", " ", t)
    t = re.sub(r"'s\b|s'(?=\s|$)|'", "", t)
    words = [_singular(w) for w in re.findall(r"[a-z0-9]+", t)]
    while words and (
        words[0] in ("the", "a", "an") or (place and words[0] in (place, place + "s"))
    ):
        words = words[1:]
    while len(words) > 1 and words[-1] in _DROP_HEADS:
        words = words[:-1]
    return " ".join(words)


def _subsequence(short: list[str], long: list[str]) -> bool:
    """Whether ``short``'s words appear in ``long`` in the same order.

    >>> _subsequence("ofsted action plan".split(), "child service ofsted area for development action plan".split())
    True
    """
    it = iter(long)
    return all(w in it for w in short)


def _initials(key: str) -> str:
    return "".join(w[0] for w in key.split() if w not in _SMALL).upper()


def _edit1(a: str, b: str) -> int:
    if abs(len(a) - len(b)) > 2:
        return 3
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _typo_pair(a: str, b: str) -> bool:
    """One-word spelling slip, or one qualifier word inserted in a long name.

    >>> _typo_pair("family value", "family valued"), _typo_pair("youth hub", "youth club")
    (True, False)
    >>> _typo_pair("child service area for development action plan",
    ...            "child service ofsted area for development action plan")
    True
    """
    wa, wb = a.split(), b.split()
    if abs(len(wa) - len(wb)) == 1 and min(len(wa), len(wb)) >= 5:
        short, long = sorted((wa, wb), key=len)
        return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))
    if len(wa) != len(wb) or len(wa) < 2 or any(ch.isdigit() for ch in a + b):
        return False
    diff = [(x, y) for x, y in zip(wa, wb, strict=True) if x != y]
    if len(diff) != 1 or min(len(diff[0][0]), len(diff[0][1])) < 4:
        return False
    x, y = diff[0]
    # one slipped letter; or an inflection ("work"/"worker", "value"/"valued"), never two
    # different words of the same length ("Northside"/"Southside")
    return _edit1(x, y) == 1 or (_edit1(x, y) == 2 and (x.startswith(y) or y.startswith(x)))


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _group_programmes(
    mentions: list[Mention],
    place: str,
    linked: Linked,
    topic_items: Sequence[tuple[Mention, list[tuple[int, int]]]] = (),
) -> dict[str, str]:
    """Mention text → group root key."""
    uf = _UnionFind()
    curated_name: dict[str, str] = {}
    for name, aliases in load_curated("programmes"):
        root = programme_key(name, place)
        curated_name[root] = name
        for alias in aliases:
            uf.union(root, programme_key(alias, place) if not alias.isupper() else alias.lower())
    keys: dict[str, str] = {}
    acronyms: dict[str, str] = {}
    sources: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        k = programme_key(m.text, place)
        bare = re.sub(r"\s+(?:programme|project|scheme|service)$", "", m.text, flags=re.I).strip()
        if bare.isupper() and len(bare) <= 6:
            k = bare.lower()
        keys[m.text] = k
        sources[k].add(m.source)
        uf.find(k)
        defined = re.search(r"\(([A-Z][A-Za-z]{1,6})\)", m.text)
        long = re.sub(r"\s*\(.*", "", m.text)
        if defined and any(  # "... Young People Programme (KAMCYP)": the head is not spelt
            acronym_matches(defined.group(1), n) for n in (long, _HEADLESS.sub("", long))
        ):
            acronyms[defined.group(1).lower()] = k
            uf.union(k, defined.group(1).lower())
    known = sorted(set(keys.values()))
    unsure: list[tuple[str, list[str]]] = []
    for k in known:
        # a name whose initials spell a defined acronym is that acronym's programme
        acr = _initials(k).lower()
        if acr in acronyms and len(k.split()) > 1:
            uf.union(k, acr)
    for k in known:
        # a short name joins the one longer name it ends
        longer = sorted({uf.find(o) for o in known if o != k and o.endswith(" " + k)})
        if len(longer) == 1 and len(k) > 3:
            uf.union(k, longer[0])
        elif len(longer) > 1:
            unsure.append((k, [o for o in known if o != k and o.endswith(" " + k)]))
    for k in known:
        # within one document, "Ofsted Action Plan" is the one longer plan whose name holds
        # its words in order ("Children's Services Ofsted Areas for Development Action Plan")
        words = k.split()
        if len(words) < 3:
            continue
        for source in sorted(sources[k]):
            longer_in_doc = {
                uf.find(o)
                for o in known
                if o != k
                and source in sources[o]
                and o.split()[-1] == words[-1]
                and len(o.split()) > len(words)
                and _subsequence(words, o.split())
            }
            if len(longer_in_doc) == 1:
                uf.union(k, longer_in_doc.pop())
    for topic, spans in topic_items:
        # "Continuous Improvement Plan" inside the item on "... Continuous Improvement"
        tkey = programme_key(topic.text, place)
        for m in mentions:
            if m.label != "PROGRAMME" or m.source != topic.source:
                continue
            if not any(s <= m.start < e for s, e in spans):
                continue
            words = keys[m.text].split()
            if len(words) >= 3 and words[-1] in ("plan", "strategy", "programme"):
                stem = " ".join(words[:-1])
                if tkey != stem and tkey.endswith(" " + stem):
                    uf.union(keys[m.text], tkey)
    for k in known:
        # a longer name ending in a curated one is that programme ("... Family Valued Programme")
        for root in curated_name:
            if len(root.split()) >= 2 and k != root and k.endswith(" " + root):
                uf.union(k, root)
    for i, a in enumerate(known):
        for b in known[i + 1 :]:
            if _typo_pair(a, b):
                uf.union(a, b)
                linked.merges.append(f"programme '{a}' = '{b}': one-word spelling variant")
    for k, longer_names in unsure:  # said only if no later rule settled it
        roots_left = {uf.find(o) for o in longer_names}
        if len(roots_left) > 1 and uf.find(k) not in roots_left:
            linked.ambiguities.append(
                f"programme '{k}' could be part of any of: "
                + "; ".join(sorted(longer_names))
                + "; kept apart"
            )
    roots = {text: uf.find(k) for text, k in keys.items()}
    for root, name in curated_name.items():
        roots.setdefault(f"\0curated:{name}", uf.find(root))
    return roots


_PROCEDURAL_TITLE = re.compile(
    r"^(?:declarations? of (?:interests?|pecuniary)|minutes|apologies|any other (?:urgent )?business|"
    r"work programme|exclusion of (?:the )?press|matters arising|chair'?s announcements|urgent items?|"
    r"date of (?:the )?next meeting|public questions|questions|petitions|late items|"
    r"substitut|election of|appointment of (?:chair|vice)|declarations|items? for information)",
    re.I,
)
# the sections of a report, read as numbered items in PDF text
_REPORT_SECTION = re.compile(
    r"(?:executive )?summary|purpose(?: of (?:the|this) report)?|background(?: papers)?"
    r"|introduction|recommendations?|conclusions?|(?:financial|legal|equalit(?:y|ies)|risk|other)"
    r" implications|appendices|consultation|options(?: considered)?|reasons? for (?:the )?"
    r"(?:decision|recommendations?)|next steps",
    re.I,
)
_TITLE_TAIL = re.compile(
    r"\s*(?:\([^)]*\))?\s*(?:[-–:]\s*[^-–:]*\b(?:update|report|briefing|progress)\b[^-–:]*"
    r"|\b(?:progress|update|briefing(?: note)?|report)\b.*)$",
    re.I,
)


def topic_of(title: str) -> str | None:
    """The topic an agenda item's title names, or None for procedural items.

    >>> topic_of("Homes for Children in Care - Update Report")
    'Homes for Children in Care'
    >>> topic_of("Children's Services Continuous Improvement Progress and Covid Update")
    "Children's Services Continuous Improvement"
    >>> topic_of("Declarations of Interests") is None
    True
    >>> topic_of("Recommendations") is None  # a section of a report, not a topic
    True
    """
    if _PROCEDURAL_TITLE.match(title.strip()) or _REPORT_SECTION.fullmatch(title.strip(" .:")):
        return None
    topic = _TITLE_TAIL.sub("", title).strip(" -–:")
    topic = re.sub(r"\s*\([^)]*\)$", "", topic).strip()
    return topic if len(topic) > 3 else None


def _resolve_generic(
    m: Mention,
    named: Sequence[Mention],
    roots: dict[str, str],
    place: str,
    docs: dict[str, Document],
    spans: Sequence[tuple[int, int]],
) -> str | None:
    """The programme a generic name ("the Strategic Plan") stands for, or None.

    The longer names it ends are the candidates: the one in the same document, else
    the only one in the corpus, else the one whose other words the same agenda item
    uses; when none of these settles it, the mention names no programme.
    """
    gkey = programme_key(m.text, place)
    cands: dict[str, list[Mention]] = defaultdict(list)
    for n in named:
        k = programme_key(n.text, place)
        if k.endswith(" " + gkey):
            cands[roots[n.text]].append(n)
    if not cands:
        return None
    local = {r for r, ns in cands.items() if any(n.source == m.source for n in ns)}
    if len(local) == 1:
        return local.pop()
    if len(cands) == 1 and not local:
        return next(iter(cands))
    inner = [(s, e) for s, e in spans if s <= m.start < e]
    if not inner:
        return None
    s, e = max(inner)
    context = " " + programme_key(docs[m.source].text[s:e], place) + " "
    scores = {}
    for root, ns in cands.items():
        extra = {programme_key(n.text, place)[: -len(gkey)].strip() for n in ns}
        scores[root] = sum(context.count(f" {x} ") for x in extra if x)
    best = sorted(scores.items(), key=lambda kv: -kv[1])
    if best[0][1] > 0 and (len(best) == 1 or best[0][1] > best[1][1]):
        return best[0][0]
    return None


def _plans_answering_one_event(
    by_root: dict[str, list[Mention]], docs: dict[str, Document], linked: Linked
) -> list[tuple[str, str, str]]:
    """Plans written in response to the same dated event: (kept root, merged root, reason).

    "An Action Plan was developed in response to the visit" (the visit undertaken on
    12 and 13 May 2021) in one document, and "the Improvement Plan … following the
    Focused Visit held on 12-13 May 2021" in another, are one plan. A generic mention
    speaks for the plan it was resolved to. When two plans are each named outright as
    the response to one event, the event has several plans: nothing is merged and the
    build report says so.
    """
    root_of = {(m.source, m.start): r for r, ms in by_root.items() for m in ms}
    named: dict[Event, set[str]] = defaultdict(set)
    tied: dict[Event, set[str]] = defaultdict(set)
    plan_mentions: dict[str, list[Mention]] = defaultdict(list)
    for ms in by_root.values():
        for m in ms:
            if re.search(r"\bplan$", m.text.strip(), re.I):
                plan_mentions[m.source].append(m)
    for source in sorted(plan_mentions):
        for resp in responses(docs[source].text):
            for m in plan_mentions[source]:
                if resp.start <= m.start < resp.end:
                    root = root_of[(m.source, m.start)]
                    tied[resp.event].add(root)
                    if not m.generic:
                        named[resp.event].add(root)
    out: list[tuple[str, str, str]] = []
    uf = _UnionFind()
    for event in sorted(tied, key=lambda e: (e.date, e.kind)):
        when = f"the {event.kind} of {event.date.isoformat()}"
        if len(named[event]) > 1:
            names = "', '".join(sorted(named[event]))
            linked.ambiguities.append(
                f"programmes '{names}' are each written as the response to {when}; kept apart"
            )
            continue
        group = sorted({uf.find(r) for r in tied[event]})
        for gone in group[1:]:
            uf.union(group[0], gone)
            out.append(
                (
                    group[0],
                    gone,
                    f"programme '{group[0]}' = '{gone}': both the plan answering {when}",
                )
            )
    return out


# a directorate's name: a few capitalised words, perhaps joined by "and" ("Law and Governance")
_DIRECTORATE = re.compile(r"[A-Z][\w'’]*(?: (?:(?:and|&|of|for) )?[A-Z][\w'’]*){0,5}")


def _directorates(meetings: Sequence[MeetingRecord], docs: dict[str, Document]) -> list[Mention]:
    """ "A Coles, Education and Skills", "Law and Governance G Holmes, C Taylor": the words
    beside an officer that are not a post name the officer's directorate."""
    out = []
    for r in meetings:
        text = docs[r.source].text
        for a in r.attendance:
            if a.capacity != "officer" or not a.role or looks_like_role(a.role):
                continue
            if not _DIRECTORATE.fullmatch(a.role.strip()):
                continue  # words that are not a name: "4 members of the public", "(holiday)."
            line_start = text.rfind("\n", 0, a.start) + 1
            line_end = text.find("\n", a.end)
            line_end = len(text) if line_end == -1 else line_end
            at = text.find(a.role, line_start, line_end)
            if at != -1:
                out.append(Mention("ORG", a.role, at, at + len(a.role), r.source))
    return out


def _organisation_short_forms(
    org_mentions: dict[str, list[Mention]],
) -> list[tuple[str, str]]:
    """(short key, long key) pairs: an acronym that spells exactly one body's name ("AVFT"
    for "Ashbourne Vale Foundation Trust"), or a place that is exactly one council
    ("Leeds" for "Leeds City Council")."""
    out = []
    for short, ms in sorted(org_mentions.items()):
        written = ms[0].text.strip()
        if short != _organisation_key(written):
            continue  # a curated body's alias is already settled
        if re.fullmatch(r"[A-Z]{2,6}", written):
            longs = [k for k in org_mentions if k != short and acronym_matches(written, k)]
        elif re.fullmatch(r"[A-Z][a-z]+", written):
            longs = [
                k
                for k in org_mentions
                if re.fullmatch(rf"{short} (?:city|county|borough|district|town|parish) council", k)
            ]
        else:
            continue
        if len(longs) == 1:
            out.append((short, longs[0]))
    return out


def _organisation_key(text: str) -> str:
    t = text.replace("’", "").replace("'", "").lower()
    t = re.sub(r"^the\s+", "", t)
    return re.sub(r"[^a-z0-9]+", " ", t).strip()


# -- the stage -------------------------------------------------------------------------------
def _date_at(records: list[MeetingRecord], pos: int) -> dt.date | None:
    """The date of the innermost meeting section (or attached paper) containing ``pos``."""
    best: tuple[int, dt.date | None] | None = None
    for r in records:
        spans = [(r.start, r.end)] + [s for i in r.items for s in i.extra_spans]
        for s, e in spans:
            if s <= pos < e and (best is None or s >= best[0]):
                best = (s, r.date)
    return best[1] if best else None


def _role_after(doc: Document, end: int) -> str | None:
    m = re.match(r",[ \t]*([A-Z][^,\n.;()]{3,70})", doc.text[end : end + 90])
    if m and looks_like_role(m.group(1)):
        return " ".join(m.group(1).split())
    return None


_COUNCIL_ROLE = re.compile(
    r"^(?:Deputy )?Cabinet Member\b|^(?:Executive |Assistant |Deputy )?Director\b|^Chief Executive"
    r"|^Leader of the Council|^(?:Deputy )?Leader\b|^Head of\b|^Strategic Lead|^Programme Manager"
    r"|Manager$|Officer$|^Lord Mayor",
    re.I,
)


def link(
    docs: Sequence[Document],
    meetings: Sequence[MeetingRecord],
    mentions: Sequence[Mention],
    *,
    aliases: str | Path | None = None,
    council: str = "",
) -> Linked:
    """Resolve mentions to people, programmes and organisations; derive roles over time."""
    linked = Linked()
    alias_data = load_aliases(aliases)
    place = re.sub(
        r"\s+(?:city|county|borough|district|metropolitan|town|parish).*$|\s+council$",
        "",
        council.lower(),
    ).strip()
    docs_by_source = {d.source: d for d in docs}
    records_by_source: dict[str, list[MeetingRecord]] = defaultdict(list)
    for r in meetings:
        records_by_source[r.source].append(r)

    # 1. every person form, with where and when it was seen
    forms: list[_Form] = []
    form_at: dict[tuple[str, int, int], _Form] = {}  # (source, start, end) -> its form

    def add(m: Mention, date: dt.date | None) -> _Form | None:
        key = (m.source, m.start, m.end)
        p = parse_name(m.text)
        if (
            p is None
            or key in form_at
            or any(src == m.source and s < m.end and m.start < e for src, s, e in structured)
        ):
            return None  # an attendance entry already stands for this span
        f = _Form(m, p, date)
        form_at[key] = f
        forms.append(f)
        return f

    attendance_forms: dict[tuple[str, int], _Form] = {}
    structured: list[tuple[str, int, int]] = [
        (r.source, a.start, a.end) for r in meetings for a in (*r.attendance, *r.membership)
    ]
    lead_forms: dict[tuple[str, int], list[_Form]] = defaultdict(list)
    for r in meetings:
        for a in (*r.attendance, *r.membership):
            p = parse_name(a.name)
            if p is None and re.fullmatch(r"[A-Z][\w'’-]+", a.name.strip()):
                p = ParsedName(a.name, a.start, a.end, None, None, None, a.name.strip())
            if p is None:
                continue
            m = Mention("PERSON", a.name, a.start, a.end, r.source, honorific=p.title, role=a.role)
            # the same words listed twice (under two headings) are one form
            f = form_at.setdefault((m.source, m.start, m.end), _Form(m, p, r.date))
            if f.mention is m:
                forms.append(f)
            attendance_forms[(r.source, a.start)] = f
        for row in r.work_programme:
            if row.lead and row.lead_start is not None:
                for n in lead_names(row.lead):
                    # lead cells are cleaned copies; find the name's place in the document text
                    pos = docs_by_source[r.source].text.find(n.text, row.lead_start)
                    if pos == -1 or pos > row.end:
                        continue
                    m = Mention(
                        "PERSON", n.text, pos, pos + len(n.text), r.source, honorific=n.title
                    )
                    lead = add(m, row.date or r.date)
                    if lead is None:
                        lead = next(
                            (
                                x
                                for x in forms
                                if (x.mention.source, x.mention.start) == (r.source, pos)
                            ),
                            None,
                        )
                    if lead:
                        lead_forms[(r.source, row.start)].append(lead)
    for m in mentions:
        if m.label == "PERSON":
            add(m, _date_at(records_by_source.get(m.source, []), m.start))

    clusters = _cluster_people(forms, alias_data, linked)
    taken: set[str] = set()
    form_key: dict[int, str] = {}
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
            form_key[id(f)] = person.key
            linked.resolved.append((f.mention, "person", person.key))
    linked.people.sort(key=lambda p: p.key)
    for k, f in attendance_forms.items():
        linked.attendees[k] = form_key[id(f)]
    for k, fs in lead_forms.items():
        linked.leads[k] = tuple(dict.fromkeys(form_key[id(f)] for f in fs))

    # action agents written as a person ("Councillor Sandhu agreed to ...")
    for r in meetings:
        for item in r.items:
            for act in item.actions:
                if act.agent and parse_name(act.agent):
                    p = parse_name(act.agent)
                    hits = {form_key[id(f)] for f in forms if p and compatible(p, f.parsed)}
                    if len(hits) == 1:
                        linked.agents[(r.source, act.start)] = hits.pop()

    # 2. roles over time
    evidence: dict[tuple[str, str, str, str | None], list[tuple[dt.date, str, str]]] = defaultdict(
        list
    )
    for r in meetings:
        if r.date is None:  # a role over time needs the date that shows it
            continue
        for a in (*r.attendance, *r.membership):
            key = linked.attendees.get((r.source, a.start))
            if not key:
                continue
            role = a.role or ""
            if a.chair:
                evidence[(key, "chair", "committee", r.committee)].append(
                    (r.date, r.source, "Chair")
                )
            if a.status == "present" and a.capacity in ("member", "co-opted") and a.heading:
                label = "Co-opted Member" if a.capacity == "co-opted" else "Member"
                evidence[(key, label.lower(), "committee", r.committee)].append(
                    (r.date, r.source, label)
                )
            if role and _COUNCIL_ROLE.search(role):
                evidence[(key, slug(role), "council", None)].append((r.date, r.source, role))
    for f in forms:
        written = f.mention.role or _role_after(docs_by_source[f.mention.source], f.mention.end)
        if written and f.date and _COUNCIL_ROLE.search(written) and f.mention.role is None:
            evidence[(form_key[id(f)], slug(written), "council", None)].append(
                (f.date, f.mention.source, written)
            )
    for (person_key, _, org, committee), ev in sorted(
        evidence.items(), key=lambda kv: tuple(str(x) for x in kv[0])
    ):
        labels = Counter(label for _, _, label in ev)
        # the most used spelling; "Children's" beats "Childrens" on a tie
        label = sorted(labels, key=lambda x: (-labels[x], "'" not in x and "’" not in x, -len(x)))[
            0
        ]
        dates = [d for d, _, _ in ev]
        linked.memberships.append(
            Membership(
                person=person_key,
                role=label,
                organisation=org,
                committee=committee,
                start=min(dates),
                end=max(dates),
                sources=tuple(sorted({s for _, s, _ in ev})),
            )
        )

    # 3. programmes, and topics named by agenda-item titles
    prog_mentions = [m for m in mentions if m.label == "PROGRAMME" and not m.generic]
    generic_mentions = [m for m in mentions if m.label == "PROGRAMME" and m.generic]
    topic_items: list[tuple[Mention, list[tuple[int, int]]]] = []
    for r in meetings:
        text = docs_by_source[r.source].text
        for item in r.items:
            topic = topic_of(item.title)
            if not topic:
                continue
            at = text.find(topic, item.title_start, item.title_start + len(item.title) + 200)
            if at == -1:
                continue
            m = Mention("TOPIC", topic, at, at + len(topic), r.source)
            topic_items.append((m, [(item.start, item.end), *item.extra_spans]))
    covered = {(m.source, m.start, m.end) for m in prog_mentions}
    topic_mentions = [m for m, _ in topic_items if (m.source, m.start, m.end) not in covered]
    roots = _group_programmes(prog_mentions + topic_mentions, place, linked, topic_items)
    by_root: dict[str, list[Mention]] = defaultdict(list)
    for m in prog_mentions + topic_mentions:
        by_root[roots[m.text]].append(m)
    item_spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for r in meetings:
        for item in r.items:
            item_spans[r.source].extend([(item.start, item.end), *item.extra_spans])
    for m in generic_mentions:
        root = _resolve_generic(
            m, prog_mentions, roots, place, docs_by_source, item_spans[m.source]
        )
        if root is not None:
            by_root[root].append(m)
    for keep, gone, reason in _plans_answering_one_event(by_root, docs_by_source, linked):
        by_root[keep].extend(by_root.pop(gone))
        roots = {t: (keep if r == gone else r) for t, r in roots.items()}
        linked.merges.append(reason)
    curated = {roots[k]: k.split(":", 1)[1] for k in roots if k.startswith("\0curated:")}
    concept_key: dict[str, str] = {}
    used: set[str] = set()
    for root in sorted(by_root):
        ms = by_root[root]
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
            curated.get(root)
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
        concept_key[root] = key
        alts = sorted(set(counts) - {pref})
        # a named programme carries a programme word somewhere; a term defined only by its
        # acronym ("Good Level of Development (GLD)") or an item title is a topic
        is_programme = (
            root in curated
            or any(
                m.label == "PROGRAMME"
                and (
                    _PROGRAMME_WORD.search(m.text)
                    # a quoted name followed by its kind: "'Move More Together' campaign"
                    or _PROGRAMME_WORD.match(
                        re.sub(
                            r"^['’\"”]\s*", "", docs_by_source[m.source].text[m.end : m.end + 30]
                        )
                    )
                )
                for m in ms
            )
        )
        linked.concepts.append(
            Concept(key=key, pref_label=pref, alt_labels=tuple(alts), is_programme=is_programme)
        )
        for m in ms:
            linked.resolved.append((m, "programme", key))
    linked.concepts.sort(key=lambda c: c.key)

    # 4. organisations, with the directorates written beside officers in attendance lists
    mentions = list(mentions) + _directorates(meetings, docs_by_source)
    org_root: dict[str, str] = {}
    org_pref: dict[str, str] = {}
    for name, other_names in load_curated("organisations"):
        root = _organisation_key(name)
        org_pref[root] = name
        for written_name in (name, *other_names):
            org_root[_organisation_key(written_name)] = root
    org_mentions: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.label != "ORG":
            continue
        org_key = _organisation_key(m.text)
        org_mentions[org_root.get(org_key, org_key)].append(m)
    for short, long in _organisation_short_forms(org_mentions):
        org_mentions[long].extend(org_mentions.pop(short))
        linked.merges.append(f"organisation '{short}' = '{long}': its acronym or its place")
    for root in sorted(org_mentions):
        ms = org_mentions[root]
        counts = Counter(" ".join(m.text.split()) for m in ms)
        pref = (
            org_pref.get(root)
            # a name written out beats its acronym ("Multi Agency Safeguarding Hub", not "MASH")
            or sorted(counts, key=lambda n: (n.isupper(), -counts[n], n[0].islower(), -len(n), n))[
                0
            ]
        )
        key = slug(pref)
        linked.organisations.append(
            Organisation(key=key, pref_label=pref, alt_labels=tuple(sorted(set(counts) - {pref})))
        )
        for m in ms:
            linked.resolved.append((m, "org", key))
    linked.organisations.sort(key=lambda o: o.key)
    linked.resolved.sort(key=lambda t: (t[0].source, t[0].start, t[0].end, t[1], t[2]))
    linked.ambiguities.sort()
    return linked
