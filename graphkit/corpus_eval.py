"""Score a built graph against the hand-annotated gold for the real-council corpus.

The gold (``tests/data/corpus/gold.json``, described in ``tests/data/corpus/README.md``)
records, per document of the corpus (kept outside the repository), the meetings, agenda
items, attendance, people, programmes and meeting references that a careful reader finds
in the (often truncated) text.
This module reads only the RDF graph, through the vocabulary contract: each document's facts
sit in a named graph whose IRI is ``base + "document/" + quote(source)``.

>>> normalise("Children’s, Young People & Education")
'childrens young people and education'
>>> names_match("Mr B Fryer", "Ben Fryer"), names_match("B Fryer", "A Fryer")
(True, False)
>>> labels_match_programme("Holiday Activities and Food Programme", ["HAF"])
True
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, RDF, SDO, SKOS
from rdflib.term import Node

from . import lexicon

__all__ = [
    "CATEGORIES",
    "DEFAULT_BASE",
    "Counts",
    "council_matches",
    "document_iri",
    "format_table",
    "load_gold",
    "names_match",
    "normalise",
    "labels_match_programme",
    "score_by_document",
    "score_corpus",
]

DEFAULT_BASE = "https://w3id.org/graphkit/id/"
GK = Namespace("https://w3id.org/graphkit/ns#")  # open namespace: new terms need no release
OA = Namespace("http://www.w3.org/ns/oa#")
SCHEMA = SDO

CATEGORIES = ("meetings", "council", "items", "attendance", "people", "programmes", "refs")
STATUSES = {"present": GK.Present, "apologies": GK.Apologies, "absent": GK.Absent}
STATUSES["substitute"] = GK.Substitute
RELATIONS = {"approves": GK.approvesMinutesOf, "references": DCTERMS.references}

Counts = dict[str, int]

# --------------------------------------------------------------------------- strings

_PUNCT = re.compile(r"[^\w\s]|_")
_SPACES = re.compile(r"\s+")


def normalise(text: str | None) -> str:
    """NFKC, casefold, ’→', &→and, apostrophes dropped, other punctuation as spaces.

    >>> normalise("  Minutes of the meeting ( 9.9.2020 ) pdf ")
    'minutes of the meeting 9 9 2020 pdf'
    >>> normalise("Children’s,Young People & Families")
    'childrens young people and families'
    """
    if not text:
        return ""
    s = unicodedata.normalize("NFKC", text).casefold()
    s = s.replace("’", "'").replace("‘", "'").replace("&", " and ").replace("'", "")
    s = _PUNCT.sub(" ", s)
    return _SPACES.sub(" ", s).strip()


def _words(text: str | None) -> list[str]:
    return normalise(text).split()


def _committee_key(text: str | None) -> str:
    words = _words(text)
    if words[:1] == ["the"]:
        words = words[1:]
    return " ".join(words)


def _contains(longer: Sequence[str], shorter: Sequence[str]) -> bool:
    n = len(shorter)
    return n > 0 and any(
        list(longer[i : i + n]) == list(shorter) for i in range(len(longer) - n + 1)
    )


# --------------------------------------------------------------------------- people

_TITLES = lexicon.words("scoring_titles.txt")
_POSTNOMINALS = lexicon.words("scoring_postnominals.txt")


def _name_words(name: str | None) -> list[str]:
    words = _words(name)
    while words and words[0] in _TITLES:
        words = words[1:]
    while len(words) > 1 and words[-1] in _POSTNOMINALS:
        words = words[:-1]
    return words


@dataclass(frozen=True)
class _Person:
    """A person as the graph gives it: every label, and family names where stated."""

    labels: tuple[str, ...]
    family: tuple[str, ...] = ()


def _given_initial(words: Sequence[str], family: Sequence[str]) -> str | None:
    given = list(words[: len(words) - len(family)])
    return given[0][0] if given else None


def _person_matches(gold_name: str, person: _Person) -> bool:
    gold = _name_words(gold_name)
    if not gold:
        return False
    labels = [w for w in (_name_words(label) for label in person.labels) if w]
    if any(label == gold for label in labels):
        return True
    families = {tuple(_name_words(f)) for f in person.family if _name_words(f)}
    families |= {(label[-1],) for label in labels}
    for family in families:
        n = len(family)
        if tuple(gold[-n:]) != family:
            continue
        gold_initial = _given_initial(gold, family)
        graph_initials = {
            _given_initial(label, family) for label in labels if tuple(label[-n:]) == family
        } - {None}
        if gold_initial is None or not graph_initials or gold_initial in graph_initials:
            return True
    return False


def names_match(gold_name: str, graph_name: str, family_name: str | None = None) -> bool:
    """Same family name and compatible given names or initials; titles are ignored.

    >>> names_match("Peter Douglas Osborn", "Cllr Peter Douglas Osborn", "Douglas Osborn")
    True
    >>> names_match("Kemp", "Ms Kemp"), names_match("J T Hehir", "John Hehir")
    (True, True)
    """
    family = (family_name,) if family_name else ()
    return _person_matches(gold_name, _Person((graph_name,), family))


# --------------------------------------------------------------------------- programmes

_HEADS = lexicon.words("scoring_programme_heads.txt")
_GENERIC = _HEADS | lexicon.words("scoring_generic_words.txt")
_ACRONYM_SKIP = lexicon.words("scoring_acronym_skip.txt")


def _programme_forms(name: str) -> tuple[list[list[str]], list[list[str]], set[str]]:
    """Word forms of a name (whole, brackets removed), the same without a trailing
    "programme"/"plan"/..., and the acronyms it states in brackets."""
    whole = [_words(name)]
    acronyms: set[str] = set()
    for inner in re.findall(r"\(([^()]*)\)", name):
        if re.fullmatch(r"[A-Za-z]{2,8}", inner.strip()):
            acronyms.add(inner.strip().casefold())
    stripped = re.sub(r"\s*\([^()]*\)", "", name)
    if stripped != name:
        whole.append(_words(stripped))
    headless = [f[:-1] for f in whole if len(f) > 1 and f[-1] in _HEADS]
    return [f for f in whole if f], whole + headless, acronyms


def _initials(words: Sequence[str]) -> str:
    return "".join(w[0] for w in words if w not in _ACRONYM_SKIP)


def _is_acronym_of(short: str, form: Sequence[str]) -> bool:
    return bool(re.fullmatch(r"[a-z]{2,8}", short)) and _initials(form) == short


def _programme_pair(a: str, b: str) -> bool:
    whole_a, forms_a, acronyms_a = _programme_forms(a)
    whole_b, forms_b, acronyms_b = _programme_forms(b)
    if acronyms_a & acronyms_b:
        return True
    if any(fa == fb for fa in forms_a for fb in forms_b):
        return True
    for fa in whole_a:
        for fb in whole_b:
            longer, shorter = (fa, fb) if len(fa) >= len(fb) else (fb, fa)
            if set(shorter) - _GENERIC and _contains(longer, shorter):
                return True
    for short_forms, long_forms, long_acronyms in (
        (forms_a, forms_b, acronyms_b),
        (forms_b, forms_a, acronyms_a),
    ):
        for short in (f[0] for f in short_forms if len(f) == 1):
            if short in long_acronyms or any(_is_acronym_of(short, f) for f in long_forms):
                return True
    return False


def labels_match_programme(gold_name: str, labels: Iterable[str]) -> bool:
    """Whether a gold programme name matches a concept with these labels.

    Equal after normalising; equal once a trailing "programme"/"project"/"scheme"/
    "strategy"/"plan" is dropped; one containing the other as a whole word sequence; or one
    an acronym of the other.

    >>> labels_match_programme("Holiday Activities and Food (HAF)", ["HAF Programme"])
    True
    >>> labels_match_programme("Family Hubs Programme", ["Family Hubs"])
    True
    >>> labels_match_programme("Local Transport Plan", ["Local Plan"])
    False
    """
    return any(_programme_pair(gold_name, label) for label in labels)


# --------------------------------------------------------------------------- councils

_COUNCIL_LEAD = lexicon.lines("scoring_council_leads.txt")
_COUNCIL_TAIL = lexicon.lines("scoring_council_words.txt")


def _council_key(text: str) -> str:
    words = [w for w in _words(text.replace("-", " ")) if w not in {"and", "the"}]
    joined = " ".join(words)
    for lead in _COUNCIL_LEAD:
        lead_key = " ".join(w for w in lead.split() if w not in {"and", "the"})
        if joined.startswith(lead_key + " "):
            joined = joined[len(lead_key) + 1 :]
            break
    return joined.replace(" ", "")


def council_matches(gold: str, label: str) -> bool:
    """Letters-only forms, one a prefix of the other, the rest a council word.

    >>> council_matches("brighton-hove", "Brighton and Hove City Council")
    True
    >>> council_matches("derby", "Derbyshire County Council")
    False
    >>> council_matches("durham", "County Durham Council")  # the place is "County Durham"
    True
    """
    a, b = _council_key(gold), _council_key(label)
    if not a or not b:
        return False
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if not long_.startswith(short):
        return False
    rest = long_[len(short) :]
    return not rest or rest.startswith(_COUNCIL_TAIL)


# --------------------------------------------------------------------------- matching


def _max_matching(
    golds: Sequence[Any], graphs: Sequence[Any], fits: Callable[[Any, Any], bool]
) -> int:
    """Size of a maximum one-to-one matching (Kuhn's augmenting paths)."""
    edges = [[j for j, g in enumerate(graphs) if fits(x, g)] for x in golds]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    return sum(1 for i in range(len(golds)) if augment(i, set()))


def _counts(tp: int, n_gold: int, n_graph: int) -> Counts:
    return {"tp": tp, "fp": n_graph - tp, "fn": n_gold - tp}


# --------------------------------------------------------------------------- reading the graph


@dataclass
class _GraphMeeting:
    node: Node
    date: str | None
    committees: list[str] = field(default_factory=list)
    councils: list[str] = field(default_factory=list)
    platform_ids: list[str] = field(default_factory=list)


class _Reader:
    """Look-ups over one document's named graph, with labels from any graph."""

    def __init__(self, dataset: Dataset, doc_iri: URIRef) -> None:
        self.dataset = dataset
        self.doc = doc_iri
        self.g = Graph(store=dataset.store, identifier=doc_iri)

    def anywhere(self, s: Node, p: URIRef) -> Iterator[Node]:
        for _s, _p, o, _c in self.dataset.quads((s, p, None, None)):
            yield o

    def types(self, s: Node) -> set[Node]:
        return set(self.anywhere(s, RDF.type))

    def labels(self, s: Node) -> list[str]:
        found = [str(o) for p in (SKOS.prefLabel, SKOS.altLabel) for o in self.anywhere(s, p)]
        return sorted(set(found), key=found.index)

    def date(self, s: Node) -> str | None:
        for o in list(self.g.objects(s, DCTERMS.date)) + list(self.anywhere(s, DCTERMS.date)):
            if isinstance(o, Literal):
                return str(o)[:10]
        return None

    def meetings(self) -> list[_GraphMeeting]:
        nodes: list[Node] = []
        for cls in (GK.Meeting, GK.UndatedMeeting):
            nodes += [n for n in self.g.subjects(RDF.type, cls) if n not in nodes]
        referred = {o for p in RELATIONS.values() for o in self.g.objects(None, p)}
        out = []
        for node in nodes:
            derived = (node, PROV.wasDerivedFrom, self.doc) in self.g
            has_items = any(True for _ in self.g.subjects(SCHEMA.superEvent, node))
            if node in referred and not derived and not has_items:
                continue
            committees = list(self.g.objects(node, SCHEMA.organizer))
            committees += [c for c in self.anywhere(node, SCHEMA.organizer) if c not in committees]
            councils = [u for c in committees for u in self.anywhere(c, ORG.subOrganizationOf)]
            # a meeting whose committee is unknown may name the council itself as organizer
            councils += [c for c in committees if ORG.FormalOrganization in self.types(c)]
            out.append(
                _GraphMeeting(
                    node=node,
                    date=self.date(node),
                    committees=[label for c in committees for label in self.labels(c)],
                    councils=[str(o) for u in councils for o in self.anywhere(u, SKOS.prefLabel)],
                    platform_ids=[str(o) for o in self.g.objects(node, GK.platformId)],
                )
            )
        return out

    def person(self, node: Node) -> _Person:
        labels = self.labels(node)
        labels += [str(o) for o in self.anywhere(node, SCHEMA.name) if str(o) not in labels]
        family = tuple(str(o) for o in self.anywhere(node, SCHEMA.familyName))
        return _Person(tuple(labels), family)

    def annotation_bodies(self) -> list[Node]:
        bodies: list[Node] = []
        for body in self.g.objects(None, OA.hasBody):
            if body not in bodies:
                bodies.append(body)
        return bodies


# --------------------------------------------------------------------------- categories


def _platform_key(platform_id: str) -> str:
    """A platform id without a namespace prefix: "coventry:12480" → "12480"."""
    return platform_id.strip().rsplit(":", 1)[-1].strip()


def _meeting_fits(gold: Mapping[str, Any], m: _GraphMeeting) -> bool:
    committee = gold.get("committee")
    same_committee = committee is not None and any(
        _committee_key(c) == _committee_key(committee) for c in m.committees
    )
    if gold.get("date"):
        return m.date == gold["date"] and (committee is None or same_committee)
    meeting_id = gold.get("meeting_id")
    if meeting_id and m.platform_ids:
        return str(meeting_id).strip() in {_platform_key(p) for p in m.platform_ids}
    if committee is not None:
        return same_committee
    return m.date is None


def _item_fits(gold: tuple[str | None, str], graph: tuple[list[str], list[str]]) -> bool:
    number, title = gold
    numbers, titles = graph
    gold_number = normalise(number)
    if gold_number:
        if gold_number not in {normalise(n) for n in numbers}:
            return False
    elif any(normalise(n) for n in numbers):
        return False
    want = normalise(title).split()
    for t in titles:
        have = normalise(t).split()
        if have == want:
            return True
        shorter, longer = (have, want) if len(have) <= len(want) else (want, have)
        if len(shorter) >= 4 and longer[: len(shorter)] == shorter:
            return True
    return False


def _score_document(reader: _Reader, doc: Mapping[str, Any]) -> dict[str, Counts]:
    gold_meetings: list[Mapping[str, Any]] = list(doc.get("meetings") or [])
    graph_meetings = reader.meetings()
    out: dict[str, Counts] = {}
    out["meetings"] = _counts(
        _max_matching(gold_meetings, graph_meetings, _meeting_fits),
        len(gold_meetings),
        len(graph_meetings),
    )
    council = doc.get("council")
    if gold_meetings and council:
        found = [c for m in graph_meetings for c in m.councils]
        hit = any(council_matches(council, c) for c in found)
        out["council"] = {"tp": int(hit), "fp": int(bool(found) and not hit), "fn": int(not hit)}
    else:
        out["council"] = {"tp": 0, "fp": 0, "fn": 0}
    out["items"] = _score_items(reader.g, gold_meetings)
    out["attendance"], attendees = _score_attendance(reader, gold_meetings)
    bodies = reader.annotation_bodies()
    out["people"] = _score_people(reader, doc, bodies, attendees)
    out["programmes"] = _score_programmes(reader, doc, bodies)
    out["refs"] = _score_refs(reader, gold_meetings)
    return out


def _score_items(g: Graph, gold_meetings: list[Mapping[str, Any]]) -> Counts:
    gold_items = [
        (item.get("number"), item.get("title") or "")
        for m in gold_meetings
        for item in m.get("items") or []
    ]
    graph_items = [
        (
            [str(o) for o in g.objects(node, DCTERMS.identifier)],
            [str(o) for o in g.objects(node, SCHEMA.name)],
        )
        for node in sorted(set(g.subjects(RDF.type, GK.AgendaItem)), key=str)
    ]
    return _counts(
        _max_matching(gold_items, graph_items, _item_fits), len(gold_items), len(graph_items)
    )


def _score_attendance(
    reader: _Reader, gold_meetings: list[Mapping[str, Any]]
) -> tuple[Counts, list[Node]]:
    """Attendance counts, and the attendees in the graph (in order of first sight)."""
    g = reader.g
    gold_attendance = [
        (a["name"], STATUSES.get(a.get("status", "")))
        for m in gold_meetings
        for a in m.get("attendance") or []
    ]
    graph_attendance: list[tuple[_Person, Node]] = []
    attendees: list[Node] = []
    for node in sorted(set(g.subjects(RDF.type, GK.Attendance)), key=str):
        for person in g.objects(node, GK.attendee):
            if person not in attendees:
                attendees.append(person)
            for status in g.objects(node, GK.status):
                graph_attendance.append((reader.person(person), status))
    counts = _counts(
        _max_matching(
            gold_attendance,
            graph_attendance,
            lambda x, y: x[1] == y[1] and _person_matches(x[0], y[0]),
        ),
        len(gold_attendance),
        len(graph_attendance),
    )
    return counts, attendees


def _score_people(
    reader: _Reader, doc: Mapping[str, Any], bodies: list[Node], attendees: list[Node]
) -> Counts:
    people_nodes = [b for b in bodies if SCHEMA.Person in reader.types(b)]
    people_nodes += [a for a in attendees if a not in people_nodes]
    gold_people = list(doc.get("people") or [])
    graph_people = [reader.person(p) for p in people_nodes]
    return _counts(
        _max_matching(gold_people, graph_people, _person_matches),
        len(gold_people),
        len(graph_people),
    )


def _score_programmes(reader: _Reader, doc: Mapping[str, Any], bodies: list[Node]) -> Counts:
    g = reader.g
    concept_nodes = list(bodies)
    for item in g.subjects(RDF.type, GK.AgendaItem):
        concept_nodes += [s for s in g.objects(item, DCTERMS.subject) if s not in concept_nodes]
    concepts = [
        reader.labels(c) for c in concept_nodes if reader.types(c) & {GK.Programme, SKOS.Concept}
    ]
    gold_programmes = list(doc.get("programmes") or [])
    return _counts(
        _max_matching(gold_programmes, concepts, labels_match_programme),
        len(gold_programmes),
        len(concepts),
    )


def _score_refs(reader: _Reader, gold_meetings: list[Mapping[str, Any]]) -> Counts:
    gold_refs = {(r["date"], r["relation"]) for m in gold_meetings for r in m.get("refs") or []}
    graph_refs: set[tuple[str, str]] = set()
    for relation, predicate in RELATIONS.items():
        for _s, target in reader.g.subject_objects(predicate):
            date = reader.date(target)
            if date:
                graph_refs.add((date, relation))
    tp = len(gold_refs & graph_refs)
    return _counts(tp, len(gold_refs), len(graph_refs))


# --------------------------------------------------------------------------- public API


def load_gold(path: str | Path) -> dict[str, Any]:
    """Read a gold file (``{"version": 1, "documents": {...}}``)."""
    from .errors import ConfigError

    data: dict[str, Any] = json.loads(Path(path).read_text(encoding="utf-8"))
    if not is_corpus_gold(data):
        raise ConfigError(f"{path}: not a corpus gold file (version 1, with 'documents')")
    return data


def is_corpus_gold(data: Any) -> bool:
    """Whether parsed JSON is a corpus gold file (rather than the seeds' annotation).

    >>> is_corpus_gold({"version": 1, "documents": {}}), is_corpus_gold({"meetings": []})
    (True, False)
    """
    return (
        isinstance(data, dict)
        and data.get("version") == 1
        and isinstance(data.get("documents"), dict)
    )


def document_iri(source: str, base: str = DEFAULT_BASE) -> URIRef:
    """The named graph of a document, by the contract's rule.

    >>> str(document_iri("pages/a b.txt"))
    'https://w3id.org/graphkit/id/document/pages/a%20b.txt'
    """
    return URIRef(base + "document/" + quote(source, safe="/._-~"))


def score_by_document(
    dataset: Dataset, gold: Mapping[str, Any], *, base: str = DEFAULT_BASE
) -> dict[str, dict[str, Counts]]:
    """tp/fp/fn per category for each gold document (a missing graph scores all fn)."""
    documents: Mapping[str, Any] = gold.get("documents", gold)
    return {
        source: _score_document(_Reader(dataset, document_iri(source, base)), doc)
        for source, doc in sorted(documents.items())
    }


def _rates(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall, "f1": f1}


def score_corpus(
    dataset: Dataset, gold: Mapping[str, Any], *, base: str = DEFAULT_BASE
) -> dict[str, dict[str, float | int]]:
    """Totals per category with precision, recall and F1 (0.0 where undefined)."""
    per_doc = score_by_document(dataset, gold, base=base)
    totals = {c: {"tp": 0, "fp": 0, "fn": 0} for c in CATEGORIES}
    for counts in per_doc.values():
        for category, c in counts.items():
            for key in ("tp", "fp", "fn"):
                totals[category][key] += c[key]
    return {c: _rates(**totals[c]) for c in CATEGORIES}


def format_table(scores: Mapping[str, Mapping[str, float | int]]) -> str:
    """A Markdown table: category, tp, fp, fn, precision, recall, F1.

    >>> print(format_table({"refs": {"tp": 1, "fp": 1, "fn": 0}}))
    | category | tp | fp | fn | precision | recall | F1 |
    |---|---:|---:|---:|---:|---:|---:|
    | refs | 1 | 1 | 0 | 0.500 | 1.000 | 0.667 |
    """
    lines = [
        "| category | tp | fp | fn | precision | recall | F1 |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for category, row in scores.items():
        rates = _rates(int(row["tp"]), int(row["fp"]), int(row["fn"]))
        lines.append(
            f"| {category} | {rates['tp']} | {rates['fp']} | {rates['fn']} | "
            f"{rates['precision']:.3f} | {rates['recall']:.3f} | {rates['f1']:.3f} |"
        )
    return "\n".join(lines)
