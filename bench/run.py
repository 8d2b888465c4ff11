"""`make bench`: every benchmark in turn, each writing its section of docs/BENCHMARKS.md.

usage: python bench/run.py [--docs 10000] [--scale]   (--docs 73768 for the full corpus; --scale: 4× it too)
"""

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", default="10000")
    ap.add_argument("--scale", action="store_true", help="also the archive at 4× the corpus (about an hour)")
    args = ap.parse_args()
    for script, extra in (
        ("extraction.py", []),
        ("search_recall.py", []),
        ("segmenter.py", ["--docs", args.docs]),
        ("ingest.py", ["--docs", args.docs]),
        ("search_latency.py", ["--docs", args.docs]),
        ("upload.py", []),
        *([("synthetic.py", ["--all", "--scale", "4"])] if args.scale else []),
    ):
        print(f"== {script}", flush=True)
        rc = subprocess.call([sys.executable, str(HERE / script), *extra])
        if rc:
            sys.exit(rc)


if __name__ == "__main__":
    main()
