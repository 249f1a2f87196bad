"""Organisations: names grouped by a normal form, curated aliases, acronyms and place names."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from .. import lexicon
from ..find import acronym_matches, load_curated
from ..iris import slug
from ..model import Mention, Organisation
from .evidence import Evidence
from .linked import Linked

__all__ = ["link_organisations", "organisation_key"]

_KINDS = lexicon.alternation(lexicon.council_kinds())


def organisation_key(text: str) -> str:
    """The normal form two spellings of one body's name share.

    >>> organisation_key("The Children’s Trust"), organisation_key("Children's  Trust")
    ('childrens trust', 'childrens trust')
    """
    t = text.replace("’", "").replace("'", "").lower()
    t = re.sub(r"^the\s+", "", t)
    return re.sub(r"[^a-z0-9]+", " ", t).strip()


def link_organisations(mentions: Sequence[Mention], evidence: Evidence, linked: Linked) -> None:
    """Group organisation names, with the directorates written beside officers in attendance
    lists; add the organisations to ``linked``."""
    written = [m for m in mentions if m.label == "ORG"]
    written += [Mention("ORG", d.text, d.start, d.end, d.source) for d in evidence.directorates]
    root_of: dict[str, str] = {}
    curated_pref: dict[str, str] = {}
    for name, other_names in load_curated("organisations"):
        root = organisation_key(name)
        curated_pref[root] = name
        for written_name in (name, *other_names):
            root_of[organisation_key(written_name)] = root
    by_root: dict[str, list[Mention]] = defaultdict(list)
    for m in written:
        key = organisation_key(m.text)
        by_root[root_of.get(key, key)].append(m)
    for short, long in _short_forms(by_root):
        by_root[long].extend(by_root.pop(short))
        linked.merges.append(f"organisation '{short}' = '{long}': its acronym or its place")
    for root in sorted(by_root):
        ms = by_root[root]
        counts = Counter(" ".join(m.text.split()) for m in ms)
        # a name written out beats its acronym ("Multi Agency Safeguarding Hub", not "MASH")
        pref = (
            curated_pref.get(root)
            or sorted(counts, key=lambda n: (n.isupper(), -counts[n], n[0].islower(), -len(n), n))[
                0
            ]
        )
        key = slug(pref)
        alts = tuple(sorted(set(counts) - {pref}))
        linked.organisations.append(Organisation(key=key, pref_label=pref, alt_labels=alts))
        linked.resolved.extend((m, "org", key) for m in ms)
    linked.organisations.sort(key=lambda o: o.key)


def _short_forms(by_root: Mapping[str, Sequence[Mention]]) -> list[tuple[str, str]]:
    """(short key, long key) pairs: an acronym that spells exactly one body's name ("AVFT"
    for "Ashbourne Vale Foundation Trust"), or a place that is exactly one council
    ("Leeds" for "Leeds City Council")."""
    out = []
    for short, ms in sorted(by_root.items()):
        written = ms[0].text.strip()
        if short != organisation_key(written):
            continue  # a curated body's alias is already settled
        if re.fullmatch(r"[A-Z]{2,6}", written):
            longs = [k for k in by_root if k != short and acronym_matches(written, k)]
        elif re.fullmatch(r"[A-Z][a-z]+", written):
            longs = [k for k in by_root if re.fullmatch(rf"{short} {_KINDS} council", k)]
        else:
            continue
        if len(longs) == 1:
            out.append((short, longs[0]))
    return out
