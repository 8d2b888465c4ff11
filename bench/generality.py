"""Score the extractor on a blind sample (bench/sample.py), annotated before the extractor ran on it.

Runs stages 1-6 on the sample's files, scores them with the team's scorer
(../shared/tools/score_extraction.py, the gold rules) and adds what that scorer
does not measure: a figure's year and region against the annotator's, the share of
figures that carry a year, people's regions, primary places, and vague quantities
(数十家: approximate, never an exact value). Prints the table docs/EXTRACTION.md
keeps; the sample is never used to tune (it is drawn anew each round).

usage: python bench/generality.py var/samples/20261203 [--pred out.json] [-v]
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("SHARED_DIR", ROOT.parent / "shared"))


def extract(folder, files):
    out = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "extract", "--json", *[str(folder / f) for f in files]],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    if not out.stdout.strip():
        sys.exit(out.stderr)
    return json.loads(out.stdout)


def unit(u):
    return {"名": "人", "位": "人", "万元": "元", "亿元": "元", "万亩": "亩", "万人": "人", "万户": "户"}.get(
        u or "", u or ""
    )


def extra_measures(gold, preds, verbose=False):
    by_file = {p["file"].split("/")[-1]: p for p in preds}
    m = dict(
        matched=0,
        year_given=0,
        year_ok=0,
        gold_dated=0,
        reg_n=0,
        reg_ok=0,
        figures=0,
        dated=0,
        dated_pub=0,
        figures_pub=0,
        prim_n=0,
        prim_ok=0,
        prim_pred=0,
        prim_pred_ok=0,
        pr_n=0,
        pr_ok=0,
        vague=0,
        national_n=0,
        national_ok=0,
    )
    for fname, g in gold.items():
        p = by_file.get(fname) or {}
        pm = p.get("metrics", [])
        m["figures"] += len(pm)
        m["dated"] += sum(1 for x in pm if x.get("year"))
        if p.get("published"):
            m["figures_pub"] += len(pm)
            m["dated_pub"] += sum(1 for x in pm if x.get("year"))
        for gm in g["metrics_required"]:
            if gm.get("value") is None:
                m["vague"] += 1
                continue
            v, u = float(gm["value"]), unit(gm["unit"])
            hits = [
                x
                for x in pm
                if x["value"] is not None
                and unit(x["unit"]) == u
                and abs(float(x["value"]) - v) <= 0.005 * max(abs(v), 1e-9)
            ]
            if not hits:
                continue
            m["matched"] += 1
            if gm.get("year"):
                m["gold_dated"] += 1
                m["year_given"] += any(x.get("year") for x in hits)
                ok = any(x.get("year") == gm["year"] for x in hits)
                m["year_ok"] += ok
                if verbose and not ok:
                    print(
                        f"  {fname} year {gm['value']}{gm['unit']} want {gm['year']} got {[x.get('year') for x in hits]}"
                    )
            if gm.get("region"):
                m["reg_n"] += 1
                want = None if gm["region"] == "national" else gm["region"]
                ok = any((x.get("region") or None) == want for x in hits)
                m["reg_ok"] += ok
                if gm["region"] == "national":
                    m["national_n"] += 1
                    m["national_ok"] += ok
                if verbose and not ok:
                    print(
                        f"  {fname} region {gm['value']}{gm['unit']} want {gm['region']} got {[x.get('region') for x in hits]}"
                    )
        gp = set(g.get("primary_regions") or [])
        pp = {r["code"] for r in p.get("regions", []) if r.get("primary")}
        m["prim_n"] += len(gp)
        m["prim_ok"] += len(gp & pp)
        m["prim_pred"] += len(pp)
        m["prim_pred_ok"] += len(gp & pp)
        people = {x["name"]: x for x in p.get("people", [])}
        for gpn in g["people_required"]:
            if gpn.get("region") and gpn["name"] in people:
                m["pr_n"] += 1
                m["pr_ok"] += people[gpn["name"]].get("region") == gpn["region"]

    def share(a, b):
        return f"{m[a] / m[b]:.3f} ({m[a]}/{m[b]})" if m[b] else "–"

    return {
        "figure year right (of matched figures the annotator dated)": share("year_ok", "gold_dated"),
        "figure year given (same)": share("year_given", "gold_dated"),
        "figures dated (all extracted, reports with a date)": share("dated_pub", "figures_pub"),
        "figure region right (of matched figures with a region)": share("reg_ok", "reg_n"),
        "national figures kept off places": share("national_ok", "national_n"),
        "primary places found (recall)": share("prim_ok", "prim_n"),
        "primary places right (precision)": share("prim_pred_ok", "prim_pred"),
        "person's region right": share("pr_ok", "pr_n"),
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("sample", type=Path)
    ap.add_argument("--pred", type=Path, help="write the extraction here (default: a temporary file)")
    ap.add_argument("-v", action="store_true", help="list every miss (reading them is tuning to the sample: don't)")
    args = ap.parse_args()
    gold = json.loads((args.sample / "annotations.json").read_text(encoding="utf-8"))
    preds = extract(args.sample, sorted(gold))
    pred_path = args.pred or Path(tempfile.mkstemp(suffix=".json")[1])
    pred_path.write_text(json.dumps(preds, ensure_ascii=False), encoding="utf-8")
    exact = {
        f: {**g, "metrics_required": [x for x in g["metrics_required"] if x.get("value") is not None]}
        for f, g in gold.items()
    }
    gold_path = Path(tempfile.mkstemp(suffix=".json")[1])
    gold_path.write_text(json.dumps(exact, ensure_ascii=False), encoding="utf-8")
    scorer = [sys.executable, str(SHARED / "tools" / "score_extraction.py"), str(gold_path), str(pred_path)]
    print(subprocess.run(scorer + (["-v"] if args.v else []), capture_output=True, text=True).stdout.strip())
    for k, v in extra_measures(gold, preds, args.v).items():
        print(f"{k}: {v}")


if __name__ == "__main__":
    main()
