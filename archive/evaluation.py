"""Extraction scoring with the gold rules of ../shared/gold/README.md.

The same measures as ../shared/tools/score_extraction.py, computed over the
JSON that `manage.py extract --json` prints, so a test, the gate command and
the team's scorer agree.
"""

import json
import re
from pathlib import Path

from archive.ingest.normalize import t2s

UNIT_ALIASES = {"名": "人", "位": "人", "万元": "元", "亿元": "元", "万亩": "亩", "万人": "人", "万户": "户"}
FLOORS = {
    "region-f1": 0.95,
    "people-f1": 0.90,
    "title-acc": 0.90,
    "metric-recall": 0.90,
    "metric-label-acc": 0.90,
    "initiative-recall": 0.85,
    "category-recall": 0.90,
    "meta-acc": 0.95,
    "clean-acc": 1.0,
}
# The gold sets the gate scores, each with the folder of its files (relative to ../shared).
GOLD_SETS = {"seeds": ("gold/seeds.json", "seeds"), "dev": ("gold/dev.json", "gold/dev/articles")}


def _norm(s):
    s = re.sub(r"^\s*[\[【](?:视频|視頻)[\]】]", "", s or "")
    return re.sub(r"[\s“”\"'《》「」—\-–·:：,，。]", "", s)


def label_ok(gold_label, label):
    """A figure's label names what the gold label names: a common run of max(2, half the gold label)."""
    if not gold_label or not label:
        return not gold_label
    need = max(2, -(-len(gold_label) // 2)) if len(gold_label) > 1 else 1
    return any(gold_label[i : i + need] in label for i in range(len(gold_label) - need + 1))


def _f1(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return 2 * p * r / (p + r) if p + r else 0.0


def score(gold: dict, preds: list, successors: dict | None = None) -> dict:
    succ = successors or {}

    def code(c):
        c = str(c)
        for _ in range(5):
            nxt = succ.get(c)
            if not nxt or len(nxt) != 1 or nxt[0] == c:
                return c
            c = nxt[0]
        return c

    by_file = {p["file"].split("/")[-1]: p for p in preds}
    n = dict(
        rtp=0,
        rfp=0,
        rfn=0,
        ptp=0,
        pfp=0,
        pfn=0,
        tok=0,
        tn=0,
        mtp=0,
        mn=0,
        mlok=0,
        ctp=0,
        cn=0,
        itp=0,
        inn=0,
        traps=0,
        meta_ok=0,
        meta_n=0,
        clean_ok=0,
        clean_n=0,
        missing=0,
    )
    for fname, g in gold.items():
        p = by_file.get(fname)
        if p is None:
            n["missing"] += 1
            continue
        pr = {code(r["code"]) for r in p.get("regions", [])}
        req, allow = {code(c) for c in g["regions_required"]}, {code(c) for c in g.get("regions_allowed", [])}
        n["rtp"] += len(pr & req)
        n["rfn"] += len(req - pr)
        n["rfp"] += len(pr - req - allow)
        gp = {x["name"]: x for x in g["people_required"]}
        extra = set(g.get("byline") or []) | ({g["editor"]} if g.get("editor") else set())
        pp = {}
        for x in p.get("people", []):
            pp.setdefault(t2s(x["name"]), x)
        n["ptp"] += len(set(pp) & set(gp))
        n["pfn"] += len(set(gp) - set(pp))
        n["pfp"] += len(set(pp) - set(gp) - extra)
        for name in set(pp) & set(gp):
            gt = gp[name].get("title")
            if gt:
                n["tn"] += 1
                pt = t2s(pp[name].get("title") or "")
                n["tok"] += bool(pt and (gt in pt or pt in gt))
        n["traps"] += sum(1 for t in g.get("people_traps", []) if any(t in name for name in pp))
        pm = [
            (float(m["value"]), UNIT_ALIASES.get(m["unit"], m["unit"]), _norm(t2s(m.get("label") or "")))
            for m in p.get("metrics", [])
            if m["value"] is not None  # a vague quantity (数十家) has no value to match
        ]
        for m in g["metrics_required"]:
            n["mn"] += 1
            v, u, gl = float(m["value"]), UNIT_ALIASES.get(m["unit"], m["unit"]), _norm(m.get("label") or "")
            labels = [pl for pv, pu, pl in pm if u == pu and abs(pv - v) <= 0.005 * max(abs(v), 1e-9)]
            n["mtp"] += bool(labels)
            n["mlok"] += bool(labels) and any(label_ok(gl, pl) for pl in labels)
        quotes = [t2s(m.get("quote") or "") for m in p.get("metrics", [])]
        n["traps"] += sum(1 for t in g.get("metrics_traps", []) if any(t in q for q in quotes))
        names = [_norm(t2s(i.get("name"))) for i in p.get("initiatives", [])]
        for s in g.get("initiatives_required", []):
            n["inn"] += 1
            n["itp"] += any(_norm(s) in name for name in names)
        cats = set(p.get("categories", [])) | {i.get("category") for i in p.get("initiatives", [])}
        for c in g.get("categories_required", []):
            n["cn"] += 1
            n["ctp"] += c in cats
        for k in ("title", "source", "published", "script"):
            if k in g:
                n["meta_n"] += 1
                n["meta_ok"] += (_norm(p.get(k)) == _norm(g[k])) if g[k] else not p.get(k)
        text = p.get("text") or ""
        for s in g.get("absent_from_text", []):
            n["clean_n"] += 1
            n["clean_ok"] += s not in text
        for s in g.get("present_in_text", []):
            n["clean_n"] += 1
            n["clean_ok"] += s in text
    ratio = lambda a, b: n[a] / n[b] if n[b] else 1.0  # noqa: E731
    return {
        "region-f1": _f1(n["rtp"], n["rfp"], n["rfn"]),
        "people-f1": _f1(n["ptp"], n["pfp"], n["pfn"]),
        "title-acc": ratio("tok", "tn"),
        "metric-recall": ratio("mtp", "mn"),
        "metric-label-acc": ratio("mlok", "mtp"),
        "initiative-recall": ratio("itp", "inn"),
        "category-recall": ratio("ctp", "cn"),
        "meta-acc": ratio("meta_ok", "meta_n"),
        "clean-acc": ratio("clean_ok", "clean_n"),
        "traps": n["traps"],
        "missing": n["missing"],
    }


def shortfalls(scores: dict) -> list[str]:
    out = [f"{k} {scores[k]:.3f} < {floor}" for k, floor in FLOORS.items() if scores[k] < floor]
    if scores["traps"]:
        out.append(f"{scores['traps']} trap hits")
    if scores["missing"]:
        out.append(f"{scores['missing']} files not extracted")
    return out


def load_successors(shared: Path) -> dict:
    path = shared / "data" / "gazetteer" / "diff.json"
    return json.loads(path.read_text("utf-8")) if path.exists() else {}
