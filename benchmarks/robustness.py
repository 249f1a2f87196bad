"""How the real-records figures hold when the records are written another way.

    python benchmarks/robustness.py CORPUS [--gold tests/data/corpus/gold.json] [--only wrap nbsp]

Each variant rewrites every annotated text page of the corpus of real published records
(``CORPUS``, not part of the repository; ``tests/data/corpus/README.md``) the way other
councils, platforms and PDF converters write the same facts, builds the rewritten copy
(``graphkit.build.build``, no result cache) and scores it against the same gold
annotation (``graphkit.corpus_eval``). Prints one row a variant: F1 of meetings, council,
agenda items, attendance, people and meetings referred to. The web-service XML files
are copied as they are. The variants change how the facts are written, never the facts,
so a row below the first is what the rules lose to that way of writing:

- ``as-is``: the records unchanged;
- ``wrap``: every line over 90 characters wrapped at 78, as PDF text is;
- ``capitals``: every line under 60 characters in capitals, as printed headings and
  attendance lists often are;
- ``nbsp``: the space after a title and after a day's number a no-break space, as pages
  saved from the web write ``&nbsp;``;
- ``abbreviated``: every date's month abbreviated, its ordinal dropped ("1 Jul 2020");
- ``numeric``: every date in numbers, its weekday dropped ("01/07/2020");
- ``cllr``: "Councillor" written "Cllr";
- ``cllr-dot``: "Councillor" written "Cllr." and "Councillors" "Cllrs.";
- ``councilor``: "Councillor" misspelt "Councilor";
- ``straight``: typographic quotes and apostrophes made straight;
- ``bold``: a councillor's name that starts a line set in Markdown bold
  ("**Councillor A Bell** (Chair)"), as pages converted to Markdown write attendees;
- ``html``: each page as a simple HTML page (a paragraph a line, table rows as tables).

Writing is not timed: this measures reading, not speed.
"""

from __future__ import annotations

import argparse
import html
import re
import shutil
import sys
import tempfile
import textwrap
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graphkit import corpus_eval  # noqa: E402
from graphkit.build import build  # noqa: E402

_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_DAY_MONTH_YEAR = re.compile(
    r"\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,? )?(\d{1,2})(?:st|nd|rd|th)? "
    rf"({'|'.join(_MONTHS)}),? (\d{{4}})"
)
_URL_LINE = re.compile(r"\AURL: [^\n]*\n")


def _wrap(text: str) -> str:
    out = []
    for line in text.split("\n"):
        if len(line) > 90 and "\t" not in line and not line.lstrip().startswith("|"):
            out += textwrap.wrap(line, 78) or [""]
        else:
            out.append(line)
    return "\n".join(out)


def _capitals(text: str) -> str:
    return "\n".join(
        line.upper() if 0 < len(line) < 60 and not line.startswith("URL:") else line
        for line in text.split("\n")
    )


def _nbsp(text: str) -> str:
    return re.sub(
        r"\b(Councillors?|Cllrs?|Mrs?|Ms|Dr|\d{1,2}(?:st|nd|rd|th)?) (?=\w)", "\\1\u00a0", text
    )


def _abbreviated(text: str) -> str:
    return _DAY_MONTH_YEAR.sub(
        lambda m: (
            m.group(0)[: m.start(1) - m.start(0)] + f"{m.group(1)} {m.group(2)[:3]} {m.group(3)}"
        ),
        text,
    )


def _numeric(text: str) -> str:
    return _DAY_MONTH_YEAR.sub(
        lambda m: f"{int(m.group(1)):02d}/{_MONTHS.index(m.group(2)) + 1:02d}/{m.group(3)}", text
    )


def _straight(text: str) -> str:
    return text.translate(str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'}))


def _bold(text: str) -> str:
    return re.sub(r"(?m)^([ \t]*)(Councillor [A-Z][^\n,(]{2,30})", r"\1**\2**", text)


def _html(text: str) -> str:
    url_line = _URL_LINE.match(text)
    url = url_line.group(0)[5:].strip() if url_line else ""
    body: list[str] = []
    rows: list[str] = []

    def table() -> None:
        if rows:
            cells = (
                "".join(
                    f"<td>{html.escape(c.strip())}</td>" for c in r.strip().strip("|").split("|")
                )
                for r in rows
            )
            body.append("<table>" + "".join(f"<tr>{c}</tr>" for c in cells) + "</table>")
            rows.clear()

    for line in text[url_line.end() if url_line else 0 :].split("\n"):
        if line.count("|") >= 2:
            rows.append(line)
            continue
        table()
        if line.strip():
            body.append(f"<p>{html.escape(line.strip())}</p>")
    table()
    return (
        f'<!DOCTYPE html><html><head><link rel="canonical" href="{html.escape(url)}"></head>'
        "<body>" + "\n".join(body) + "</body></html>"
    )


#: name -> (rewrite of a page's text, the suffix it is saved with)
VARIANTS: dict[str, tuple[Callable[[str], str], str]] = {
    "as-is": (lambda t: t, ".txt"),
    "wrap": (_wrap, ".txt"),
    "capitals": (_capitals, ".txt"),
    "nbsp": (_nbsp, ".txt"),
    "abbreviated": (_abbreviated, ".txt"),
    "numeric": (_numeric, ".txt"),
    "cllr": (lambda t: re.sub(r"\bCouncillor\b", "Cllr", t), ".txt"),
    "cllr-dot": (
        lambda t: re.sub(r"\bCouncillor\b", "Cllr.", re.sub(r"\bCouncillors\b", "Cllrs.", t)),
        ".txt",
    ),
    "councilor": (lambda t: re.sub(r"\bCouncill(?=ors?\b)", "Council", t), ".txt"),
    "straight": (_straight, ".txt"),
    "bold": (_bold, ".txt"),
    "html": (_html, ".html"),
}
CATEGORIES = ("meetings", "council", "items", "attendance", "people", "refs")


def rewrite(corpus: Path, gold: dict[str, object], variant: str, out: Path) -> dict[str, object]:
    """The gold documents of ``corpus`` rewritten as ``variant`` into ``out``; returns the
    gold annotation keyed by the rewritten files' names."""
    change, suffix = VARIANTS[variant]
    documents: dict[str, object] = {}
    for name, facts in gold["documents"].items():  # type: ignore[attr-defined]
        source = corpus / name
        if source.suffix != ".txt":  # the web service's XML: as it is
            target = out / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, target)
        else:
            name = str(Path(name).with_suffix(suffix))
            target = out / name
            target.parent.mkdir(parents=True, exist_ok=True)
            text = source.read_text(encoding="utf-8", errors="replace")
            target.write_text(change(text), encoding="utf-8")
        documents[name] = facts
    return {**gold, "documents": documents}


def score(corpus: Path, gold: dict[str, object], variant: str, jobs: int) -> dict[str, float]:
    """F1 per category of ``variant`` of the corpus."""
    with tempfile.TemporaryDirectory(prefix=f"graphkit-robustness-{variant}-") as tmp:
        folder = Path(tmp)
        renamed = rewrite(corpus, gold, variant, folder)
        result = build([folder], jobs=jobs, cache=False)
        scores = corpus_eval.score_corpus(result.dataset, renamed)
    return {c: float(scores[c]["f1"]) for c in CATEGORIES}


def main() -> None:
    parser = argparse.ArgumentParser(description=" ".join(__doc__.split("\n\n")[0].split()))
    parser.add_argument("corpus", type=Path, help="the folder of real published records")
    parser.add_argument("--gold", type=Path, default=Path("tests/data/corpus/gold.json"))
    parser.add_argument("--only", nargs="+", choices=sorted(VARIANTS), help="these variants")
    parser.add_argument("--jobs", type=int, default=None)
    args = parser.parse_args()
    gold = corpus_eval.load_gold(args.gold)
    print("| variant | " + " | ".join(CATEGORIES) + " |")
    print("|---|" + "---:|" * len(CATEGORIES))
    for variant in args.only or list(VARIANTS):
        f1 = score(args.corpus, gold, variant, args.jobs)
        print(f"| {variant} | " + " | ".join(f"{f1[c]:.3f}" for c in CATEGORIES) + " |", flush=True)


if __name__ == "__main__":
    main()
