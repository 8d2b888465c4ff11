"""Extraction time for one report of about 5,000 characters, after warm-up (target: well under 50 ms).

Times stage 6 (extract_entities_many) alone and stages 1-6 together on seed 000
(4,853 characters) and on 5,000-character slices of real news, medians and p95
over many runs. Writes its section of docs/BENCHMARKS.md.
"""

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.harness import ROOT, machine, median, percentile, write_section, xwlb  # noqa: E402

RUNS = 50


def main():
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from archive.ingest import read_document, run_pipeline
    from archive.ingest.extract import extract_entities_many

    seed = next((ROOT / "fixtures").glob("000_*.txt")).read_bytes()
    samples = {"seed 000": seed}
    try:
        text = "".join(it["text"] for it in xwlb(40))
        samples["news, 5,000 chars"] = ("标题\n" + text[:5000]).encode()
    except SystemExit:
        pass
    run_pipeline("warm.txt", seed)  # jieba and the gazetteer automaton load once per process
    rows = []
    for name, data in samples.items():
        doc = read_document(name, data)
        stage6, whole = [], []
        for _ in range(RUNS):
            fresh = read_document(name, data)
            t = time.perf_counter()
            extract_entities_many([fresh])
            stage6.append(time.perf_counter() - t)
            t = time.perf_counter()
            run_pipeline(name, data)
            whole.append(time.perf_counter() - t)
        rows.append(
            f"| {name} | {len(doc.clean_text):,} | {median(stage6) * 1000:.1f} | {percentile(stage6, 95) * 1000:.1f} | "
            f"{median(whole) * 1000:.1f} | {percentile(whole, 95) * 1000:.1f} |"
        )
    body = f"""Machine: {machine()}. {RUNS} runs each, after warm-up.

| report | characters | extraction p50 ms | p95 ms | stages 1-6 p50 ms | p95 ms |
|---|---|---|---|---|---|
""" + "\n".join(rows)
    write_section("Extraction time per report", body)
    print(body)


if __name__ == "__main__":
    main()
