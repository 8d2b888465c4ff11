"""Search and page latency at the page level, beside SQLite LIKE and FTS5 (trigram) in the same run.

Builds a temporary archive of the first --docs news items (through the product's
ingest), then times search/query.py's search() (what the search page does: query,
count, facets, hits with snippets) over a fixed list of real queries, each beside
(a) a SQLite LIKE '%word%' scan over the normalised text (count + first 20) and
(b) SQLite FTS5 with the trigram tokenizer over the same text; recall of each
against the substring oracle. Then page latency for the main pages.

usage: python bench/search_latency.py [--docs 10000] [--repeat 5]
"""

import argparse
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.harness import as_file, machine, median, percentile, require_corpus, setup_django, write_section, xwlb  # noqa: E402
from bench.workload import FILTERED, PHRASES, TRADITIONAL, TWO_WORDS, WORDS  # noqa: E402
from bench.workload import queries as query_set


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=10000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument("--var", default=None, help="reuse the archive a previous benchmark left in this folder")
    args = ap.parse_args()
    require_corpus("xwlb.jsonl.gz")
    setup_django(args.var)
    from django.db import connection
    from django.test import Client

    from archive.ingest.normalize import t2s
    from archive.intake.batch import ingest_many
    from archive.models import Region, Report
    from search.indexing import rebuild, schema_is_current
    from search.query import matching_ids, search

    t = time.perf_counter()
    if not Report.objects.exists():
        ingest_many([as_file(it) for it in xwlb(args.docs)], workers=args.workers)
    elif not schema_is_current():
        rebuild()
    ingest_s = time.perf_counter() - t
    n_docs = Report.objects.count()
    rows = list(Report.objects.values_list("pk", "title", "normalized_text"))
    db_path = connection.settings_dict["NAME"]

    # FTS5 trigram over the same normalised text, in the same database file
    lite = sqlite3.connect(db_path)
    t = time.perf_counter()
    lite.execute("DROP TABLE IF EXISTS bench_fts")
    lite.execute("CREATE VIRTUAL TABLE bench_fts USING fts5(body, tokenize='trigram')")
    lite.executemany(
        "INSERT INTO bench_fts(rowid, body) VALUES (?, ?)", ((pk, t2s(ti) + "\n" + tx) for pk, ti, tx in rows)
    )
    lite.commit()
    fts_build = time.perf_counter() - t

    # tantivy (Rust; no haystack backend): the speed of light for the same tokens. Each report's text
    # is given as this project's index tokens, so both engines look up the same terms.
    tv = None
    try:
        import tantivy
    except ImportError:
        tantivy = None
    if tantivy is not None:
        from search.analysis import query_terms, segment

        t = time.perf_counter()
        sb = tantivy.SchemaBuilder()
        sb.add_integer_field("id", stored=True, indexed=True)
        sb.add_text_field("body", stored=False, tokenizer_name="whitespace", index_option="position")
        tv_schema = sb.build()
        tv_index = tantivy.Index(tv_schema, path=tempfile.mkdtemp(prefix="fupin-tantivy-"))
        writer = tv_index.writer(heap_size=200_000_000, num_threads=1)
        for pk, ti, tx in rows:
            body = " ".join(w for w, _s, _e, _p in segment(ti + "\n" + tx) if " " not in w)
            writer.add_document(tantivy.Document(id=pk, body=body))
        writer.commit()
        tv_index.reload()
        tv = tv_index.searcher()
        tv_build = time.perf_counter() - t

        def tv_query(q):
            terms = [w for word in q.split() for w in query_terms(word.strip('"'))]
            return tantivy.Query.boolean_query(
                [(tantivy.Occur.Must, tantivy.Query.term_query(tv_schema, "body", w)) for w in terms]
            )

        def tantivy_search(q, limit=20):
            result = tv.search(tv_query(q), limit, count=True)
            return result.count, [tv.doc(addr)["id"][0] for _score, addr in result.hits]

    def oracle(q):
        words = [t2s(w.strip('"')) for w in q.split()]
        return {pk for pk, ti, tx in rows if all(w in tx or w in t2s(ti) for w in words)}

    def like(q):
        words = [t2s(w.strip('"')) for w in q.split()]
        where = " AND ".join("(normalized_text LIKE ? OR title LIKE ?)" for _ in words)
        params = [p for w in words for p in (f"%{w}%", f"%{w}%")]
        n = lite.execute(f"SELECT count(*) FROM archive_report WHERE {where}", params).fetchone()[0]
        ids = [
            r[0]
            for r in lite.execute(
                f"SELECT id FROM archive_report WHERE {where} ORDER BY published DESC LIMIT 20", params
            )
        ]
        return n, ids

    def fts(q):
        words = [t2s(w.strip('"')) for w in q.split()]
        match = " AND ".join('"' + w.replace('"', "") + '"' for w in words)
        n = lite.execute("SELECT count(*) FROM bench_fts WHERE bench_fts MATCH ?", (match,)).fetchone()[0]
        ids = {r[0] for r in lite.execute("SELECT rowid FROM bench_fts WHERE bench_fts MATCH ?", (match,))}
        return n, ids

    queries = query_set()
    search("扶贫")  # load jieba and open the searcher once, as a running server has
    table, ours_all, like_all, fts_all, tv_all, recalls = [], [], [], [], [], {"ours": [], "fts": [], "tv": []}
    for q, filters in queries:
        ours_t, like_t, fts_t, tv_t = [], [], [], []
        for _ in range(args.repeat):
            t = time.perf_counter()
            page = search(q, filters)
            ours_t.append(time.perf_counter() - t)  # noqa: E702
            if not filters:
                t = time.perf_counter()
                like(q)
                like_t.append(time.perf_counter() - t)  # noqa: E702
                t = time.perf_counter()
                fts(q)
                fts_t.append(time.perf_counter() - t)  # noqa: E702
                if tv is not None and q:
                    t = time.perf_counter()
                    tantivy_search(q)
                    tv_t.append(time.perf_counter() - t)  # noqa: E702
        ours_all += ours_t
        like_all += like_t
        fts_all += fts_t
        tv_all += tv_t
        rec_ours = rec_fts = ""
        if q and not filters:
            truth = oracle(q)
            if truth:
                got = set(matching_ids(q))
                r1 = len(got & truth) / len(truth)
                r2 = len(fts(q)[1] & truth) / len(truth)
                recalls["ours"].append(r1)
                recalls["fts"].append(r2)
                if tv is not None:
                    recalls["tv"].append(len(set(tantivy_search(q, limit=n_docs)[1]) & truth) / len(truth))
                rec_ours, rec_fts = f"{r1:.3f}", f"{r2:.3f}"
        label = q or "(browse)"
        if filters:
            label += " + " + ", ".join(f"{k}={'|'.join(v)}" for k, v in filters.items())
        table.append(
            f"| {label} | {page.total} | {median(ours_t) * 1000:.0f} | "
            f"{median(like_t) * 1000:.0f} | {median(fts_t) * 1000:.0f} | {rec_ours} | {rec_fts} |"
            if like_t
            else f"| {label} | {page.total} | {median(ours_t) * 1000:.0f} | – | – | | |"
        )

    # pages
    client = Client()
    report = Report.objects.order_by("pk").first()
    county = Region.objects.filter(level="county", mentions__isnull=False).first()
    from django.db.models import Count

    from archive.models import Person

    person = Person.objects.annotate(n=Count("mentions")).order_by("-n").first()
    pages = {
        "home": "/",
        "province": "/region/110000/",
        "county": f"/region/{county.code}/" if county else "/region/110101/",
        "report": f"/report/{report.pk}/",
        "figures": "/figures/",
        "search page": "/search/?q=扶贫&province=110000",
        "figures, a label": "/figures/?label=贫困发生率",
        "person": f"/person/{person.pk}/" if person else "/person/1/",
        "programme": "/programme/易地扶贫搬迁/",
        "category": "/category/产业扶贫/",
    }
    page_rows = []
    for name, url in pages.items():
        client.get(url)
        ts = []
        for _ in range(args.repeat * 2):
            t = time.perf_counter()
            status = client.get(url).status_code
            ts.append(time.perf_counter() - t)
        page_rows.append(f"| {name} | `{url}` | {status} | {median(ts) * 1000:.0f} | {percentile(ts, 95) * 1000:.0f} |")

    def pct(xs, p):
        return percentile(xs, p) * 1000

    mean = lambda xs: sum(xs) / len(xs) if xs else float("nan")  # noqa: E731
    body = (
        f"""Machine: {machine()}.
Archive: {n_docs:,} reports (first items of xwlb.jsonl.gz), prepared in {ingest_s:.0f} s ({"ingested" if not args.var else "reused, re-indexed if its analyzer was older"}). FTS5 trigram table built in {fts_build:.0f} s.
{len(queries)} queries ({len(WORDS)} one-word, {len(TWO_WORDS)} two-word, {len(PHRASES)} phrases, {len(TRADITIONAL)} traditional, {len(FILTERED)} with filters), {args.repeat} runs each.
"This project" is `search/query.py:search()` as the search page calls it: query, total, 9 facets (OR within a facet), 20 hits with snippets.

| engine | p50 ms | p95 ms | mean recall vs substring oracle |
|---|---|---|---|
| this project (Whoosh + jieba/OpenCC analyzer, page level, with facets) | {pct(ours_all, 50):.0f} | {pct(ours_all, 95):.0f} | {mean(recalls["ours"]):.3f} (min {min(recalls["ours"]):.3f}) |
| SQLite LIKE '%word%' scan (count + first 20, no facets) | {pct(like_all, 50):.0f} | {pct(like_all, 95):.0f} | 1.000 (it is the oracle) |
| SQLite FTS5 trigram (count + ids, no facets) | {pct(fts_all, 50):.0f} | {pct(fts_all, 95):.0f} | {mean(recalls["fts"]):.3f} (min {min(recalls["fts"]):.3f}) |
"""
        + (
            f"""| tantivy 0.27 (Rust, no haystack backend; the same index tokens; count + first 20, no facets), the speed of light | {pct(tv_all, 50):.1f} | {pct(tv_all, 95):.1f} | {mean(recalls["tv"]):.3f} (min {min(recalls["tv"]):.3f}) |
"""
            if tv_all
            else ""
        )
        + f"""
Ratio LIKE p95 / ours p95: {pct(like_all, 95) / pct(ours_all, 95):.2f}×.{f" tantivy index built in {tv_build:.0f} s (segmenting included)." if tv_all else ""}

| query | hits | ours ms | LIKE ms | FTS5 ms | our recall | FTS5 recall |
|---|---|---|---|---|---|---|
"""
        + "\n".join(table)
        + """

Pages (Django test client, p50/p95 over repeated requests):

| page | url | status | p50 ms | p95 ms |
|---|---|---|---|---|
"""
        + "\n".join(page_rows)
    )
    write_section(f"Search and page latency, {n_docs:,} reports", body)
    print(body)


if __name__ == "__main__":
    main()
