"""A fresh random sample of corpus items for a blind generality check (docs/EXTRACTION.md).

Draws, with a recorded seed, items that no gold file covers: poverty items as the
minimal web pages the dev set's CCTV files are (title, pubdate meta, canonical link,
body), some of them converted to traditional script with OpenCC s2t (labelled as
converted), general evening-news items as plain-text files whose second line is the
programme and date (`新闻联播 2021年05月28日`), and county-office CMS fragments as
they were stored (no head). The files go to --out with a manifest; they are never
committed (the corpus's rights stay with its publishers) and never used to tune.

usage: python bench/sample.py --seed 20261203 --out var/samples/20261203
"""

import argparse
import html
import json
import random
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.harness import ROOT, SHARED, poverty_html, require_corpus, xwlb  # noqa: E402

MIX = {"poverty_html": 17, "poverty_html_hant": 3, "xwlb_txt": 6, "jzfupin": 4}


def covered():
    """Every item a gold file covers or an earlier sample drew (by corpus id)."""
    ids = set()
    for gold in ("seeds.json", "dev.json"):
        path = SHARED / "gold" / gold
        if path.exists():
            for name in json.loads(path.read_text(encoding="utf-8")):
                stem = Path(name).stem.removesuffix("_hant")
                ids.add(stem.split("_", 1)[1] if "_" in stem else stem)
    for manifest in (m for root in _checkouts() for m in (root / "var" / "samples").glob("*/manifest.json")):
        ids |= {e["id"] for e in json.loads(manifest.read_text(encoding="utf-8"))}
    return ids


def _checkouts():
    """This tree and, when it is a git worktree, the main checkout whose var/ keeps the samples (a draw
    made from a helper's worktree must skip them too)."""
    roots = {ROOT}
    common = subprocess.run(["git", "rev-parse", "--git-common-dir"], cwd=ROOT, capture_output=True, text=True)
    if common.returncode == 0 and common.stdout.strip():
        roots.add((ROOT / common.stdout.strip()).resolve().parent)
    return roots


def page(item, body_html):
    title = html.escape(item["title"])
    return (
        f'<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<title>{title}</title>\n'
        f'<meta name="pubdate" content="{item["pub_date"]}">\n<link rel="canonical" href="{item["url"]}">\n'
        f'</head>\n<body>\n<h1>{title}</h1>\n<div class="content">\n{body_html}\n</div>\n</body>\n</html>\n'
    )


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    if args.out.exists() and any(args.out.iterdir()):
        sys.exit(f"{args.out} exists: a sample is drawn once")
    rng = random.Random(args.seed)
    skip = covered()
    poverty = [it for it in poverty_html() if it["id"] not in skip]
    poverty_ids = {it["id"] for it in poverty_html()}
    general = [it for it in xwlb() if it["id"] not in skip and it["id"] not in poverty_ids and len(it["text"]) > 200]
    jz = [
        it
        for it in json.loads(require_corpus("jzfupin_news_2016.json").read_text(encoding="utf-8"))
        if f"jzfupin_{it['id']}" not in {f"jzfupin_{i}" for i in skip} and it["id"] not in skip
    ]
    import opencc

    s2t = opencc.OpenCC("s2t")
    args.out.mkdir(parents=True)
    manifest = []
    drawn = rng.sample(poverty, MIX["poverty_html"] + MIX["poverty_html_hant"])
    for k, it in enumerate(drawn):
        hant = k >= MIX["poverty_html"]
        doc = page(it, it["content_html"])
        name = f"xwlb_{it['id']}{'_hant' if hant else ''}.html"
        (args.out / name).write_text(s2t.convert(doc) if hant else doc, encoding="utf-8")
        manifest.append({"file": name, "id": it["id"], "kind": "poverty_html", "converted": "s2t" if hant else None})
    for it in rng.sample(general, MIX["xwlb_txt"]):
        d = it["date"]
        text = f"{it['title']}\n新闻联播 {d[:4]}年{d[4:6]}月{d[6:8]}日\n{it['text']}\n"
        name = f"xwlb_{it['id']}.txt"
        (args.out / name).write_text(text, encoding="utf-8")
        manifest.append({"file": name, "id": it["id"], "kind": "xwlb_txt", "converted": None})
    for it in rng.sample([j for j in jz if j.get("poverty")] or jz, MIX["jzfupin"]):
        name = f"jzfupin_{it['id']}.html"
        (args.out / name).write_text(it["html"], encoding="utf-8")
        manifest.append({"file": name, "id": it["id"], "kind": "jzfupin", "converted": None})
    (args.out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{len(manifest)} files in {args.out} (seed {args.seed})")


if __name__ == "__main__":
    main()
