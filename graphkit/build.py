"""``graphkit.build``: the whole flow, documents → segment → extract → link → graph.

Each stage is a plain function in its own module; this one only wires them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset

from . import documents as documents_stage
from . import extract as extract_stage
from . import graph as graph_stage
from . import link as link_stage
from . import segment as segment_stage
from .errors import DocumentError
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
    council: str = ""

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

    Unreadable documents are reported in ``BuildResult.problems``; the rest of
    the build completes.
    """
    say = progress or (lambda _msg: None)
    if isinstance(paths, (str, Path)):
        paths = [paths]
    docs, problems = documents_stage.read_paths(paths, progress=say)
    say(f"read {len(docs)} document(s)")
    meetings: list[MeetingRecord] = []
    for doc in docs:
        try:
            meetings.extend(segment_stage.segment(doc))
        except DocumentError as err:  # a malformed document must not stop the build
            problems.append(err)
    say(f"found {len(meetings)} meeting record(s)")
    mentions = extract_stage.extract(docs, meetings)
    say(f"found {len(mentions)} mention(s)")
    council_name = council or documents_stage.guess_council(docs)
    linked = link_stage.link(docs, meetings, mentions, aliases=aliases, council=council_name)
    dataset = graph_stage.to_dataset(docs, meetings, linked, base=base, council=council_name)
    say("graph built")
    return BuildResult(
        dataset=dataset,
        documents=docs,
        meetings=meetings,
        mentions=mentions,
        linked=linked,
        problems=problems,
        council=council_name,
    )


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
