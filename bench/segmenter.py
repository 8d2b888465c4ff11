"""The segmenter lever: rjieba beside jieba 0.42.1, for the analyzer's use.

Checks, over every item of the corpus (or --docs N), that the analyzer's
segmentation with rjieba (search.analysis.tokenize: rjieba for blocks of
Chinese characters, jieba for the rest) is token for token what jieba alone
gives, and times on the first --sample items, one core, median of --repeat runs:
jieba search mode (the tokenisation floor), jieba accurate mode, rjieba alone,
the analyzer's tokenize, and the whole index analyzer (segment) each way.

usage: python bench/segmenter.py [--docs 73768] [--sample 5000]
"""

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.harness import machine, median, require_corpus, setup_django, write_section, xwlb  # noqa: E402


def timed_runs(fn, texts, repeat):
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        for text in texts:
            fn(text)
        runs.append(time.perf_counter() - t)
    return median(runs)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=None)
    ap.add_argument("--sample", type=int, default=5000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    require_corpus("xwlb.jsonl.gz")
    setup_django()
    import jieba
    import rjieba

    from archive.ingest.normalize import t2s
    from search import analysis

    analysis._rust = None
    analysis._ensure_jieba()
    rust = analysis._rust

    def reference(text):
        return list(jieba.dt.tokenize(text, mode="default", HMM=True))

    n = differing = tokens = 0
    first_diff = None
    sample = []
    for item in xwlb(args.docs):
        text = t2s(item["title"] + "\n" + item["text"])
        if len(sample) < args.sample:
            sample.append(text)
        ours, ref = analysis.tokenize(text), reference(text)
        n += 1
        tokens += len(ref)
        if ours != ref:
            differing += 1
            first_diff = first_diff or item["id"]
    chars = sum(map(len, sample))

    rows = []

    def row(label, fn):
        s = timed_runs(fn, sample, args.repeat)
        rows.append((label, len(sample) / s, chars / s / 1e6))

    row("jieba search mode (the tokenisation floor)", lambda t: list(jieba.cut_for_search(t)))
    row("jieba accurate mode (jieba.tokenize)", reference)
    row("rjieba alone (its own treatment of digits and Latin)", lambda t: rjieba.tokenize(t, "default", True))
    row("analyzer tokenize: rjieba for blocks of Chinese, letters and digits, jieba for the rest", analysis.tokenize)
    row("index analyzer segment() with rjieba", analysis.segment)
    analysis._rust = False
    row("index analyzer segment() with jieba alone", analysis.segment)
    analysis._rust = rust

    table = "\n".join(f"| {label} | {docs:,.0f} | {mchars:.2f} |" for label, docs, mchars in rows)
    verdict = "identical" if not differing else f"**different in {differing:,} items** (first: {first_diff})"
    body = f"""Machine: {machine()}, rjieba {getattr(rjieba, "__version__", "0.2.2")}.

Tokens of the analyzer's segmentation, rjieba way against jieba alone, over {n:,} corpus items
({tokens:,} tokens): {verdict}. (rjieba alone differs from jieba outside Chinese text: it splits
80% and 1.5, keeps TD-LTE whole, and cuts \\r\\n in two; so it gets only the blocks of Chinese characters,
Latin letters and digits, and jieba the blocks holding . % - + # & _.)

Speed on the first {len(sample):,} items ({chars / 1e6:.1f} M characters), one core, median of {args.repeat}:

| segmentation | items/s | M chars/s |
|---|---|---|
{table}
"""
    write_section("Segmenter: rjieba beside jieba", body)
    print(body)
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
