"""graphkit evaluate and explain: figures against a gold annotation, and why people were
merged."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..errors import GraphkitError
from .group import cli, progress

if TYPE_CHECKING:
    from rdflib import Dataset


# -- evaluate (issue #2: figures against a gold annotation) ------------------------------
@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--gold",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="Gold annotation JSON: the seeds' (tests/data/gold/README.md) or a corpus gold "
    "(tests/data/corpus/README.md).",
)
@click.option(
    "--graph",
    "graph_path",
    type=click.Path(path_type=Path),
    default=None,
    help="Score an existing graph file (any output format) or build folder "
    "instead of building PATHS.",
)
@click.option("--council", default=None, help="Council name, when building PATHS.")
@click.option(
    "--aliases",
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    default=None,
    help="YAML file of forced or forbidden merges, when building PATHS.",
)
@click.option("--json", "as_json", is_flag=True, help="Print every figure as JSON.")
@click.option(
    "--limit",
    type=int,
    default=10,
    show_default=True,
    help="Longest list of misses printed per category (0: all).",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress messages.")
def evaluate(
    paths: tuple[Path, ...],
    gold: Path,
    graph_path: Path | None,
    council: str | None,
    aliases: Path | None,
    as_json: bool,
    limit: int,
    quiet: bool,
) -> None:
    """Compare a graph with a gold annotation and print the figures per category.

    Either build the documents under PATHS first, or score an existing graph:

      graphkit evaluate --gold tests/data/gold/seeds.json seeds/

      graphkit evaluate --gold tests/data/gold/seeds.json --graph build/

    A corpus gold file (tests/data/corpus/gold.json: facts of real published
    documents, by file name) is scored by category (meetings, council, items,
    attendance, people, programmes, meetings referred to), then the documents
    with misses are listed; build the folder of published records its file names
    are relative to (not part of the repository; CORPUS below):

      graphkit evaluate --gold tests/data/corpus/gold.json CORPUS/

    Figures: meetings found, agenda items, attendance and role P/R/F1, people
    found / split / falsely merged / spurious, programmes found as one concept
    in the right meetings, chairs, resolutions, actions, work programme,
    organisations. The matching rules are in docs/evaluate.md.
    """
    import json

    from .. import corpus_eval
    from ..evaluate import evaluate as run_evaluate
    from ..evaluate import format_report, load_gold

    if bool(paths) == bool(graph_path):
        raise click.UsageError("give either --graph GRAPH or document PATHS to build (not both)")
    say = progress(quiet)
    try:
        raw = json.loads(gold.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise GraphkitError(f"{gold}: not a readable JSON gold file ({err})") from err
    dataset = _dataset_to_score(paths, graph_path, council, aliases, say)
    if corpus_eval.is_corpus_gold(raw):
        _print_corpus_scores(dataset, corpus_eval.load_gold(gold), as_json=as_json, limit=limit)
        return
    figures = run_evaluate(dataset, load_gold(gold))
    if as_json:
        click.echo(json.dumps(figures.as_dict(), indent=2, ensure_ascii=False, sort_keys=True))
    else:
        click.echo(format_report(figures, limit=limit), nl=False)


def _dataset_to_score(
    paths: tuple[Path, ...],
    graph_path: Path | None,
    council: str | None,
    aliases: Path | None,
    say: Callable[[str], None],
) -> Dataset:
    """The graph ``graphkit evaluate`` scores: the one given, or one built from ``paths``."""
    if graph_path is not None:
        from ..load import load_graph

        say(f"loading {graph_path}")
        return load_graph(graph_path)
    from ..build import build as run_build

    return run_build(list(paths), council=council, aliases=aliases, progress=say).dataset


def _print_corpus_scores(
    dataset: object, gold: dict[str, object], *, as_json: bool, limit: int
) -> None:
    import json

    from rdflib import Dataset

    from .. import corpus_eval

    if not isinstance(dataset, Dataset):
        raise GraphkitError("a corpus gold scores a graph with named graphs (TriG, N-Quads)")
    scores = corpus_eval.score_corpus(dataset, gold)
    per_doc = corpus_eval.score_by_document(dataset, gold)
    if as_json:
        click.echo(json.dumps({"totals": scores, "documents": per_doc}, indent=2, sort_keys=True))
        return
    click.echo(corpus_eval.format_table(scores))
    missed = [
        (source, category, c)
        for source, counts in per_doc.items()
        for category, c in counts.items()
        if c["fp"] or c["fn"]
    ]
    if missed:
        click.echo("\ndocuments with misses (category: tp/fp/fn):")
        for source, category, c in missed[: limit or None]:
            click.echo(f"  {source}  {category}: {c['tp']}/{c['fp']}/{c['fn']}")
        if limit and len(missed) > limit:
            click.echo(f"  ... and {len(missed) - limit} more (--limit 0 shows all)")


# -- explain (issue #2: why people were merged) ------------------------------------------
@cli.command()
@click.argument("name")
@click.option(
    "--build",
    "build_dir",
    type=click.Path(path_type=Path),
    default=Path("build"),
    show_default=True,
    help="A folder written by graphkit build.",
)
def explain(name: str, build_dir: Path) -> None:
    """Say why the surface forms of a person were merged into one (NAME: any part of a name)."""
    import json

    from ..stats import explain as explain_name

    report = build_dir / "summary.json"
    if not report.exists():
        raise GraphkitError(
            f"{report}: no build report here; run graphkit build --out {build_dir} first"
        )
    hits = explain_name(json.loads(report.read_text(encoding="utf-8")), name)
    if not hits:
        raise GraphkitError(f"no person matching {name!r} in {report}")
    for person in hits:
        click.echo(f"{person['label']}  <person/{person['key']}>")
        for alt in person["alt_labels"]:
            click.echo(f"  also written: {alt}")
        for why in person["why_merged"] or ["seen in one form only: nothing was merged"]:
            click.echo(f"  merged: {why}")
        for amb in person["ambiguities"]:
            click.echo(f"  ambiguous: {amb}")
