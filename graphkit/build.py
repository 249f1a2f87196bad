"""``graphkit.build``: the whole flow, documents → segment → extract → link → graph.

Each stage is a plain function in its own module; this one only wires them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from rdflib import Dataset

from . import councils, layouts
from . import documents as documents_stage
from . import extract as extract_stage
from . import graph as graph_stage
from . import link as link_stage
from .errors import DocumentError
from .layouts import LayoutResult
from .model import Document, MeetingRecord, Mention
from .vocab import DEFAULT_BASE

__all__ = ["BuildResult", "build", "write_outputs"]

Progress = Callable[[str], None]


@dataclass
class BuildResult:
    """What a build made: the graph, and what it read, found and could not read."""

    dataset: Dataset
    documents: list[Document]
    meetings: list[MeetingRecord]
    mentions: list[Mention]
    linked: link_stage.Linked
    problems: list[DocumentError] = field(default_factory=list)
    council: str = ""  # the councils read, "; "-separated
    layouts: dict[str, str | None] = field(default_factory=dict)  # source -> layout or None
    councils: dict[str, str] = field(default_factory=dict)  # source -> council
    undated: list[str] = field(default_factory=list)  # meetings no document dates

    def summary(self) -> dict[str, object]:
        """Counts for the build report, in a stable order."""
        from .stats import summarise

        return summarise(self)


def build(
    paths: Sequence[str | Path] | str | Path,
    *,
    base: str = DEFAULT_BASE,
    council: str | None = None,
    aliases: str | Path | None = None,
    progress: Progress | None = None,
) -> BuildResult:
    """Read documents under ``paths`` and build the graph.

    Each document's council is read from the document (its web address, its own
    words) unless ``council`` is given; documents of different councils are
    linked apart, so two councillors of one surname in two councils stay two
    people. Unreadable documents are reported in ``BuildResult.problems``; the
    rest of the build completes.
    """
    say = progress or (lambda _msg: None)
    if isinstance(paths, (str, Path)):
        paths = [paths]
    docs, problems = documents_stage.read_paths(paths, progress=say)
    say(f"read {len(docs)} document(s)")
    laid: list[LayoutResult] = []
    for doc in docs:
        try:
            laid.append(layouts.read_layout(doc))
        except DocumentError as err:  # a malformed document must not stop the build
            problems.append(err)
            laid.append(LayoutResult(doc.source, None, ()))
    meetings, undated = join_by_platform_id([r for lay in laid for r in lay.records])
    say(f"found {len(meetings)} meeting record(s)")
    council_of = _councils(docs, council)
    parts = []
    for name in sorted(set(council_of.values())):
        group = [d for d in docs if council_of[d.source] == name]
        sources = {d.source for d in group}
        recs = [m for m in meetings if m.source in sources]
        mentions = extract_stage.extract(group, recs)
        linked = link_stage.link(group, recs, mentions, aliases=aliases, council=name)
        dataset = graph_stage.to_dataset(group, recs, linked, base=base, council=name)
        parts.append((mentions, linked, dataset))
    say("graph built")
    return BuildResult(
        dataset=_union([ds for _, _, ds in parts]),
        documents=docs,
        meetings=meetings,
        mentions=[m for ms, _, _ in parts for m in ms],
        linked=link_stage.Linked.joined([lk for _, lk, _ in parts]),
        problems=problems,
        council="; ".join(sorted(set(council_of.values()))),
        layouts={lay.source: lay.layout for lay in laid},
        councils=council_of,
        undated=undated,
    )


def _councils(docs: Sequence[Document], given: str | None) -> dict[str, str]:
    """Each document's council: ``given``, else what the document shows (web address,
    letterhead), else the council the documents name most. Names of one place are one
    council, called by its fullest name ("Kent County Council" over "Kent Council")."""
    if given:
        return {d.source: given for d in docs}
    shown = {d.source: councils.council_of(d) for d in docs}
    # a document that does not show its council is of the council the others show, when
    # they show one; among several councils' documents it is of none that can be told
    several = len({councils.place_key(councils.place_of(n)) for n in shown.values() if n}) > 1
    fallback = "Unknown Council" if several else documents_stage.guess_council(docs)
    named = {src: name or fallback for src, name in shown.items()}
    by_place: dict[str, Counter[str]] = defaultdict(Counter)
    for name in named.values():
        by_place[councils.place_key(councils.place_of(name))][name] += 1

    def best(names: Counter[str]) -> str:
        return sorted(names, key=lambda n: (not councils.councils_in_text(n), -names[n], n))[0]

    chosen = {place: best(names) for place, names in by_place.items()}
    return {src: chosen[councils.place_key(councils.place_of(n))] for src, n in named.items()}


def join_by_platform_id(
    records: Sequence[MeetingRecord],
) -> tuple[list[MeetingRecord], list[str]]:
    """Date the records of a meeting some page leaves undated from another page of the
    same meeting (the same ``platform_id``); also its committee where missing.

    Returns the records and the platform ids (or sources) of meetings still undated.
    """
    dated: dict[str, MeetingRecord] = {}
    for r in records:
        if r.platform_id and r.date is not None and r.platform_id not in dated:
            dated[r.platform_id] = r
    out: list[MeetingRecord] = []
    undated: list[str] = []
    for r in records:
        known = dated.get(r.platform_id) if r.platform_id and r.date is None else None
        if known is not None:
            r = replace(r, date=known.date, committee=r.committee or known.committee)
        elif r.date is None:
            undated.append(r.platform_id or r.source)
        out.append(r)
    return out, sorted(set(undated))


def _union(datasets: Sequence[Dataset]) -> Dataset:
    if len(datasets) == 1:
        return datasets[0]
    out = Dataset()
    for ds in datasets:
        for prefix, ns in ds.namespaces():
            out.bind(prefix, ns, override=False)
        for s, p, o, g in ds.quads((None, None, None, None)):
            out.add((s, p, o, out.graph(g) if g is not None else None))
    return out


def write_outputs(
    result: BuildResult,
    out: str | Path,
    *,
    formats: Iterable[str] = ("turtle", "trig"),
    view: bool = True,
    with_ontology: bool = False,
    progress: Progress | None = None,
) -> list[Path]:
    """Write the graph in each format, the HTML view and the summary into ``out``.

    ``void.ttl`` beside them describes the graph (VoID) and the build (PROV); it
    holds the build time, so it is kept out of the graph files, which stay
    byte-identical across runs.

    Every file is written to a temporary name and renamed, so an interrupted
    build never leaves a half-written file in place of a good one.
    """
    from . import serialise, stats
    from . import void as void_mod

    say = progress or (lambda _msg: None)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = serialise.write_formats(result.dataset, out, formats=formats)
    for path in written:
        say(f"wrote {path}")
    if with_ontology:
        written.append(serialise.write_ontology(out))
    written.append(void_mod.write_void(result, out))
    if view:
        from . import view as view_mod

        path = view_mod.write_view(result.dataset, out / "view.html", on_warning=say)
        say(f"wrote {path}")
        written.append(path)
    written.extend(stats.write_summary(result, out))
    return written
