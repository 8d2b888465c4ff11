"""Precision judged by a reader: entities of a fresh corpus build, each shown in its sentence.

Draws --items corpus items with a recorded seed (as bench/probes.py: none a gold file or an earlier
sample holds), extracts them as an upload would, and picks at random 50 people, 50 places, 60
figures and 40 programmes (200 entities). Writes DIR/items.json: for each entity what the archive
would show (a person's name, title and region; a place; a figure's value, unit, label, year and
region; a programme and its category) and the sentence it was read from, for a reader who judges
each field right or wrong in DIR/verdicts.json:

    {"1": {"name": true, "title": false, "region": null}, "2": {"place": true}, ...}

(null: the field is empty, nothing to judge; "missing": ["title"] lists the empty fields the
sentence does give). `--score DIR` prints the precision table docs/EXTRACTION.md
keeps. The sample is never used to tune: the next round draws a new seed.

usage: python bench/judge.py --seed 20261204 --items 3000 --out var/judge/20261204
       python bench/judge.py --score var/judge/20261204
"""

import argparse
import json
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

QUOTA = {"person": 50, "place": 50, "figure": 60, "programme": 40}
FIELDS = {
    "person": ("name", "title", "region"),
    "place": ("place",),
    "figure": ("value", "label", "year", "region"),
    "programme": ("programme", "category"),
}


def sentence_of(text, needle):
    """The first sentence of text that holds needle (the report's own words around an entity)."""
    for m in re.finditer(r"[^。！？；\n]+[。！？；]?", text):
        if needle in m.group():
            return m.group().strip()
    return ""


def collect(docs, gz, t2s):
    pools = defaultdict(list)
    for doc in docs:
        head = "\n".join(x for x in (doc.title, doc.subtitle) if x)
        text = t2s(head + "\n" + doc.clean_text)
        name = lambda code: gz.places[code].name if code and code in gz.places else None  # noqa: E731
        for p in doc.people:
            pools["person"].append(
                {
                    "report": doc.name,
                    "name": p["name"],
                    "title": p.get("title") or None,
                    "region": name(p.get("region")),
                    "sentence": sentence_of(text, p["name"]),
                }
            )
        for r in doc.regions:
            key = r["name"] if r["name"] in text else gz.places[r["code"]].short_name if r["code"] in gz.places else ""
            pools["place"].append(
                {
                    "report": doc.name,
                    "place": r["name"],
                    "code": r["code"],
                    "primary": bool(r.get("primary")),
                    "sentence": sentence_of(text, key) if key else "",
                }
            )
        for f in doc.metrics:
            pools["figure"].append(
                {
                    "report": doc.name,
                    "published": str(doc.published) if doc.published else None,
                    "quote": f.quote,
                    "value": f.value,
                    "unit": f.unit,
                    "approx": f.approx,
                    "label": f.label,
                    "year": f.year,
                    "region": name(f.region),
                    "sentence": t2s(f.sentence),
                }
            )
        for i in doc.initiatives:
            pools["programme"].append(
                {
                    "report": doc.name,
                    "programme": i["name"],
                    "category": i.get("category") or None,
                    "sentence": sentence_of(text, i["name"]),
                }
            )
    return pools


def draw_items(seed, n):
    from bench.harness import setup_django
    from bench.probes import draw

    setup_django()
    from archive.ingest import Document, run_pipeline_many
    from archive.ingest.extract.gazetteer_index import default_gazetteer
    from archive.ingest.normalize import t2s

    files = draw(seed, n)
    docs = []
    for k in range(0, len(files), 256):
        docs += [d for d in run_pipeline_many(files[k : k + 256]) if isinstance(d, Document)]
    pools = collect(docs, default_gazetteer(), t2s)
    rng = random.Random(seed)
    items = []
    for kind, k in QUOTA.items():
        for e in rng.sample(pools[kind], min(k, len(pools[kind]))):
            items.append({"n": len(items) + 1, "kind": kind, **e})
    return len(docs), {kind: len(v) for kind, v in pools.items()}, items


def score(folder):
    items = {str(e["n"]): e for e in json.loads((folder / "items.json").read_text(encoding="utf-8"))["items"]}
    verdicts = json.loads((folder / "verdicts.json").read_text(encoding="utf-8"))
    right, judged, missing = defaultdict(int), defaultdict(int), defaultdict(int)
    for n, e in items.items():
        v = verdicts.get(n)
        if v is None:
            continue
        for f in FIELDS[e["kind"]]:
            if f in v.get("missing", ()):
                missing[(e["kind"], f)] += 1
            if v.get(f) is not None:
                judged[(e["kind"], f)] += 1
                right[(e["kind"], f)] += bool(v[f])
    print("| kind | field | precision | missing where the sentence gives it |")
    print("|---|---|---|---|")
    for kind, fields in FIELDS.items():
        for f in fields:
            j = judged[(kind, f)]
            share = f"{right[(kind, f)] / j:.3f} ({right[(kind, f)]}/{j})" if j else "–"
            print(f"| {kind} | {f} | {share} | {missing[(kind, f)] or ''} |")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int)
    ap.add_argument("--items", type=int, default=3000)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--score", type=Path)
    args = ap.parse_args()
    if args.score:
        return score(args.score)
    if args.seed is None or args.out is None:
        ap.error("--seed and --out (or --score DIR)")
    reports, pools, items = draw_items(args.seed, args.items)
    args.out.mkdir(parents=True, exist_ok=True)
    out = {"seed": args.seed, "items_drawn": args.items, "reports": reports, "extracted": pools, "items": items}
    (args.out / "items.json").write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"seed {args.seed}: {reports} reports, extracted {pools}; {len(items)} entities in {args.out / 'items.json'}")


if __name__ == "__main__":
    main()
