"""Which programme names are one programme: rules applied in turn to the names' normal forms.

Each rule merges sets of normal forms (see graphkit.link.partition); the order of the
rules matters, since a later rule counts the sets the earlier ones left.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence

from .. import lexicon
from ..find import PROGRAMME_WORD, acronym_matches, load_curated
from ..model import Mention
from .linked import Linked
from .partition import Partition, least_members, partition
from .programme_names import acronym_of_key, endings, programme_key, subsequence, typo_pair

__all__ = ["CURATED", "group_programmes"]

# the roots returned also hold, under this prefix and its curated name, each curated
# programme's group
CURATED = "\0curated:"
# a name's last word when it is a head: "(KAMCYP)" spells the name before "Programme"
_HEADLESS = re.compile(rf"\s+{PROGRAMME_WORD.pattern}$", re.I)
_BARE_HEAD = re.compile(r"\s+(?:programme|project|scheme|service)$", re.I)

Span = tuple[int, int]


def group_programmes(
    mentions: Sequence[Mention],
    place: str,
    linked: Linked,
    topic_items: Sequence[tuple[Mention, Sequence[Span]]] = (),
) -> dict[str, str]:
    """Mention text → the root (least normal form) of its group.

    Merges found by a spelling slip are added to ``linked.merges``; short names that
    could be part of several longer ones, to ``linked.ambiguities``.
    """
    g = _Grouping(place, mentions)
    g.by_acronym_initials()
    g.by_acronym_and_its_words()
    g.by_same_words()
    unsure = g.by_longer_name_ending()
    g.by_longer_name_in_document()
    g.by_item_topic(topic_items)
    g.by_curated_ending()
    linked.merges.extend(g.by_spelling_slip())
    for k, longer_names in unsure:  # said only if no later rule settled it
        roots_left = {g.sets[o] for o in longer_names}
        if len(roots_left) > 1 and g.sets[k] not in roots_left:
            linked.ambiguities.append(
                f"programme '{k}' could be part of any of: "
                + "; ".join(sorted(longer_names))
                + "; kept apart"
            )
    for root in g.curated_name:
        g.sets.union(root)  # a curated name no document uses is a group of its own
    least = least_members(g.sets)
    roots = {text: least[k] for text, k in g.keys.items()}
    for root, name in g.curated_name.items():
        roots.setdefault(f"{CURATED}{name}", least[root])
    return roots


class _Grouping:
    """The normal forms of the names seen, and the sets the rules have merged them into."""

    def __init__(self, place: str, mentions: Sequence[Mention]) -> None:
        self.place = place
        self.mentions = mentions
        self.sets: Partition = partition()
        self.curated_name: dict[str, str] = {}  # normal form -> curated name
        self.curated_acronyms: dict[str, str] = {}  # curated acronym -> its normal form
        for name, aliases in load_curated("programmes"):
            root = programme_key(name, place)
            self.curated_name[root] = name
            for alias in aliases:
                self.sets.union(
                    root, programme_key(alias, place) if not alias.isupper() else alias.lower()
                )
                if alias.isupper():
                    self.curated_acronyms[alias.lower()] = root
        self.keys: dict[str, str] = {}  # name as written -> normal form
        self.acronyms: dict[str, str] = {}  # acronym defined -> normal form of its name
        self.sources: dict[str, set[str]] = defaultdict(set)  # normal form -> documents
        for m in mentions:
            self._add(m)
        self.known = sorted(set(self.keys.values()))

    def _add(self, m: Mention) -> None:
        k = programme_key(m.text, self.place)
        bare = _BARE_HEAD.sub("", m.text).strip()
        if bare.isupper() and len(bare) <= 6:
            k = bare.lower()  # an acronym is its own normal form: "HAF Programme" is "haf"
        self.keys[m.text] = k
        self.sources[k].add(m.source)
        self.sets.union(k)  # every name is a set, merged or not
        defined = re.search(r"\(([A-Z][A-Za-z]{1,6})\)", m.text)
        long = re.sub(r"\s*\(.*", "", m.text)
        if defined and any(  # "... Young People Programme (KAMCYP)": the head is not spelt
            acronym_matches(defined.group(1), n) for n in (long, _HEADLESS.sub("", long))
        ):
            self.acronyms[defined.group(1).lower()] = k
            self.sets.union(k, defined.group(1).lower())

    def by_acronym_initials(self) -> None:
        """A name whose initials spell a defined acronym is that acronym's programme."""
        for k in self.known:
            acr = acronym_of_key(k).lower()
            if acr in self.acronyms and len(k.split()) > 1:
                self.sets.union(k, acr)

    def by_acronym_and_its_words(self) -> None:
        """ "HAF and Food Programme": a defined acronym beside words of its own name is
        that acronym's programme."""
        spelling = {**self.curated_acronyms, **self.acronyms}
        minor = lexicon.minor_words()
        for k in self.known:
            words = k.split()
            acronyms = [w for w in words if w in spelling]
            if len(words) < 2 or len(acronyms) != 1:
                continue
            spelt = set(spelling[acronyms[0]].split())
            rest = [w for w in words if w != acronyms[0] and w not in minor]
            if rest and all(w in spelt for w in rest):
                self.sets.union(k, acronyms[0])

    def by_same_words(self) -> None:
        """ "Holiday and Activity Food" and "Holiday Activity and Food": three or more words
        written in another order are one name."""
        by_words: dict[tuple[str, ...], list[str]] = defaultdict(list)
        for k in self.known:
            words = k.split()
            if len(words) >= 3:
                by_words[tuple(sorted(words))].append(k)
        for names in by_words.values():
            for other in names[1:]:
                self.sets.union(names[0], other)

    def by_longer_name_ending(self) -> list[tuple[str, list[str]]]:
        """A short name joins the one longer name it ends; returns those that end several."""
        unsure: list[tuple[str, list[str]]] = []
        # what follows each space of each name -> the names, in order: ``o`` ends with
        # " " + ``k`` exactly when ``k`` is one of these endings of ``o``
        ending_in: dict[str, list[str]] = defaultdict(list)
        for o in self.known:
            for e in endings(o):
                ending_in[e].append(o)
        for k in self.known:
            ending = [o for o in ending_in.get(k, ()) if o != k]
            longer = sorted({self.sets[o] for o in ending})
            if len(longer) == 1 and len(k) > 3:
                self.sets.union(k, longer[0])
            elif len(longer) > 1:
                unsure.append((k, ending))
        return unsure

    def by_longer_name_in_document(self) -> None:
        """Within one document, "Ofsted Action Plan" is the one longer plan whose name holds
        its words in order ("Children's Services Ofsted Areas for Development Action Plan")."""
        # (document, last word) -> the names of the document ending in it, with their words:
        # each name is compared with its own document's names only (with every name ending
        # in its last word, a council's thousands of "... plan"s made it quadratic)
        in_doc: dict[tuple[str, str], list[tuple[str, list[str]]]] = defaultdict(list)
        for o in self.known:
            o_words = o.split()
            if o_words:
                for source in self.sources[o]:
                    in_doc[(source, o_words[-1])].append((o, o_words))
        for k in self.known:
            words = k.split()
            if len(words) < 3:
                continue
            for source in sorted(self.sources[k]):
                longer_in_doc = {
                    self.sets[o]
                    for o, o_words in in_doc[(source, words[-1])]
                    if len(o_words) > len(words) and subsequence(words, o_words)
                }
                if len(longer_in_doc) == 1:
                    self.sets.union(k, longer_in_doc.pop())

    def by_item_topic(self, topic_items: Sequence[tuple[Mention, Sequence[Span]]]) -> None:
        """ "Continuous Improvement Plan" inside the item on "... Continuous Improvement"."""
        # source -> its programme mentions named "... plan/strategy/programme" in three or
        # more words (the only ones this rule can merge), in order, and their starts sorted
        in_source: dict[str, list[tuple[Mention, str]]] = defaultdict(list)
        for m in self.mentions:
            if m.label != "PROGRAMME":
                continue
            words = self.keys[m.text].split()
            if len(words) >= 3 and words[-1] in ("plan", "strategy", "programme"):
                in_source[m.source].append((m, " ".join(words[:-1])))
        starts = {
            src: sorted((m.start, i) for i, (m, _) in enumerate(found))
            for src, found in in_source.items()
        }
        for topic, spans in topic_items:
            found = in_source.get(topic.source)
            if not found:
                continue
            tkey = programme_key(topic.text, self.place)
            at = starts[topic.source]
            inside: set[int] = set()  # the mentions starting within one of the spans
            for s, e in spans:
                first = bisect_left(at, (s, -1))
                for start, i in at[first:]:
                    if start >= e:
                        break
                    inside.add(i)
            for i in sorted(inside):  # in the mentions' own order
                m, stem = found[i]
                if tkey != stem and tkey.endswith(" " + stem):
                    self.sets.union(self.keys[m.text], tkey)

    def by_curated_ending(self) -> None:
        """A longer name ending in a curated one is that programme ("... Family Valued
        Programme")."""
        for k in self.known:
            for root in self.curated_name:
                if len(root.split()) >= 2 and k != root and k.endswith(" " + root):
                    self.sets.union(k, root)

    def by_spelling_slip(self) -> list[str]:
        """Names one spelling slip apart are one; returns the reasons."""
        reasons = []
        for i, j in _slip_candidates(self.known):
            a, b = self.known[i], self.known[j]
            if typo_pair(a, b):
                self.sets.union(a, b)
                reasons.append(f"programme '{a}' = '{b}': one-word spelling variant")
        return reasons


def _slip_candidates(names: Sequence[str]) -> list[tuple[int, int]]:
    """The pairs ``(i, j)``, ``i < j``, in order, of names that could be one spelling slip
    apart (:func:`typo_pair`): as many words and all but one the same, or one word more
    and the rest the same. Every pair ``typo_pair`` accepts is among them.

    >>> _slip_candidates(["youth hub", "youth club", "care plan", "a b c d e", "a b c x d e"])
    [(0, 1), (3, 4)]
    """
    keys: dict[tuple[object, ...], list[int]] = defaultdict(list)
    for n, name in enumerate(names):
        words = tuple(name.split())
        for i in range(len(words)):  # one word not compared, or one word left out
            keys[("same", len(words), words[:i], words[i + 1 :])].append(n)
            keys[("fewer", words[:i] + words[i + 1 :])].append(n)
        keys[("fewer", words)].append(n)
    pairs: set[tuple[int, int]] = set()
    for found in keys.values():
        for x, a in enumerate(found):
            pairs.update((min(a, b), max(a, b)) for b in found[x + 1 :] if a != b)
    return sorted(pairs)
