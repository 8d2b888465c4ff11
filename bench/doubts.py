"""The review queue's doubts at corpus scale: the share of the reports each doubt filter marks.

A doubt is there to narrow the queue to the reports that most need a look: each should mark at most
about a tenth of an archive (docs/DECISIONS.md). Builds (or reuses, --var) an archive of the first
--docs poverty items of the news corpus (those that say 扶贫 or 脱贫) through the product's ingest and
prints each filter's count and share, most severe first; exits 1 when one marks more than --most.

usage: python bench/doubts.py [--docs 3000] [--var DIR] [--most 0.12]
"""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.harness import as_file, require_corpus, setup_django, xwlb  # noqa: E402


def poverty_items(limit):
    out = []
    for item in xwlb():
        if "扶贫" in item["text"] or "脱贫" in item["text"]:
            out.append(as_file(item))
            if len(out) >= limit:
                break
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=3000)
    ap.add_argument("--var", default=None, help="reuse the archive a previous run left in this folder")
    ap.add_argument("--most", type=float, default=0.12, help="the largest share a doubt may mark")
    args = ap.parse_args()
    require_corpus("xwlb.jsonl.gz")
    setup_django(args.var)
    from archive import curation
    from archive.intake.batch import ingest_many
    from archive.models import Report

    if not Report.objects.exists():
        ingest_many(poverty_items(args.docs))
    total = Report.objects.count()
    worst = 0.0
    print(f"{total} reports")
    for key, q in curation.doubt_filters().items():
        n = Report.objects.filter(q).count()
        worst = max(worst, n / total)
        print(f"{curation.DOUBTS[key]}（{curation.SEVERITY[key]}） {n} {n / total:.1%}")
    sys.exit(1 if worst > args.most else 0)


if __name__ == "__main__":
    main()
