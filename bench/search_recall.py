"""Search recall for 40 common words of the domain, typed in simplified and in traditional.

Ingests the 3,493 poverty items of ../shared/corpus (their real HTML) through the
product's own pipeline into a temporary archive, then for each word compares the
reports the search engine returns (through search/query.py's SearchQuerySet path)
with the substring oracle: the reports whose normalised text contains the word.
Writes the result into docs/BENCHMARKS.md.

usage: python bench/search_recall.py [--limit N]
"""

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.harness import machine, poverty_html, require_corpus, setup_django, write_section  # noqa: E402

WORDS = (
    "扶贫 脱贫 搬迁 合作社 第一书记 贫困发生率 电商 光伏 易地 建档立卡 贫困户 精准扶贫 产业 就业 扶贫车间 "
    "小额信贷 贫困县 摘帽 脱贫攻坚 乡村振兴 驻村 帮扶 对口 东西部 消费扶贫 教育扶贫 健康扶贫 生态 旅游 兜底 "
    "低保 危房改造 饮水 农村公路 致富 增收 贫困人口 深度贫困 返贫 移民"
).split()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args()
    require_corpus("xwlb_poverty_html.jsonl.gz")
    setup_django()
    from archive.ingest.normalize import s2t, t2s
    from archive.intake.service import ingest_bytes
    from archive.models import Report
    from search.indexing import deferred
    from search.query import matching_ids

    items = list(poverty_html())[: args.limit]
    t = time.perf_counter()
    with deferred():
        for it in items:
            ingest_bytes(f"{it['id']}.html", (f"<h1>{it['title']}</h1>" + it["content_html"]).encode("utf-8"))
    took = time.perf_counter() - t
    texts = dict(Report.objects.values_list("pk", "normalized_text"))
    titles = dict(Report.objects.values_list("pk", "title"))
    rows, worst = [], 1.0
    for word in WORDS:
        oracle = {pk for pk, text in texts.items() if word in text or word in t2s(titles[pk])}
        line = [word, len(oracle)]
        for typed in (word, s2t(word)):
            found = set(matching_ids(typed))
            recall = len(found & oracle) / len(oracle) if oracle else 1.0
            worst = min(worst, recall)
            line += [typed, len(found), recall]
        rows.append(line)
    table = [
        "| word | oracle | simplified hits | recall | traditional | hits | recall |",
        "|---|---|---|---|---|---|---|",
    ]
    table += [f"| {w} | {n} | {h1} | {r1:.3f} | {t2} | {h2} | {r2:.3f} |" for w, n, _t1, h1, r1, t2, h2, r2 in rows]
    mean = sum(r[4] + r[7] for r in rows) / (2 * len(rows))
    body = (
        f"Machine: {machine()}.\n\n{len(items)} poverty items (real HTML) ingested end to end in {took:.0f} s. "
        f"Recall against the substring oracle (reports whose normalised title or text contains the word), "
        f"the word typed in simplified and in traditional (OpenCC s2t): **minimum {worst:.3f}, mean {mean:.3f}** "
        f"(floor 0.98).\n\n" + "\n".join(table)
    )
    write_section("Search recall: 40 domain words, both scripts", body)
    print(f"min recall {worst:.3f}, mean {mean:.3f}")


if __name__ == "__main__":
    main()
