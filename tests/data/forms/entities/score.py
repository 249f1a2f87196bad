"""Score programmes and organisations found in this folder against expected.json.

Run: .venv/bin/python tests/data/forms/entities/score.py
A name in "either" may come out as a programme or as an organisation. A graph entity is
right when one of its labels is an expected name of either kind.
"""

import json
from pathlib import Path
from typing import Any

import graphkit
from graphkit.evaluate import concept_key

HERE = Path(__file__).parent


def score() -> dict[str, dict[str, Any]]:
    want = json.loads((HERE / "expected.json").read_text("utf-8"))
    docs = sorted(p for p in HERE.iterdir() if p.suffix in (".txt", ".md"))
    linked = graphkit.build(docs).linked
    got = {
        "programmes": [[c.pref_label, *c.alt_labels] for c in linked.concepts if c.is_programme],
        "organisations": [[o.pref_label, *o.alt_labels] for o in linked.organisations],
    }
    everything = {concept_key(x) for names in want.values() for x in names}
    out = {}
    for kind, entities in got.items():
        keys = {concept_key(x) for labels in entities for x in labels}
        out[kind] = {
            "expected": want[kind],
            "found": [n for n in want[kind] if concept_key(n) in keys],
            "ambiguous": [n for n in want["either"] if concept_key(n) in keys],
            "graph": entities,
            "wrong": [ls for ls in entities if not any(concept_key(x) in everything for x in ls)],
        }
    return out


def main() -> None:
    for kind, r in score().items():
        right = len(r["graph"]) - len(r["wrong"])
        print(
            f"{kind}: recall {len(r['found'])}/{len(r['expected'])}, "
            f"precision {right}/{len(r['graph'])} (+{len(r['ambiguous'])} ambiguous found here)"
        )
        for n in r["expected"]:
            if n not in r["found"]:
                print("   missed:", n)
        for ls in r["wrong"]:
            print("   wrong:", " | ".join(ls))


if __name__ == "__main__":
    main()
