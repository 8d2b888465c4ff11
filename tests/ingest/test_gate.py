"""The accuracy gate: extraction on the seeds must stay at or above the pinned floors."""

import io
import json
import subprocess
import sys

from django.core.management import call_command

from archive.evaluation import load_successors, score, shortfalls
from archive.serializers import extraction_json
from tests.conftest import ROOT, SHARED, needs_shared


@needs_shared("gold", "seeds.json")
def test_floors_on_the_seeds(gold, docs):
    preds = [extraction_json(doc) for doc in docs.values()]
    for p, name in zip(preds, sorted(gold)):
        p["file"] = name
    result = score(gold, preds, load_successors(SHARED))
    assert shortfalls(result) == [], result


@needs_shared("tools", "score_extraction.py")
def test_the_teams_scorer_agrees():
    out = subprocess.run([sys.executable, "manage.py", "extract", *map(str, sorted((SHARED / "seeds").glob("*.txt"))),
                          "--json"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    path = ROOT / "var" / "gate-extract.json"
    path.parent.mkdir(exist_ok=True)
    path.write_text(out, encoding="utf-8")
    res = subprocess.run([sys.executable, str(SHARED / "tools" / "score_extraction.py"), str(SHARED / "gold" / "seeds.json"),
                          str(path), "--min-region-f1", "0.95", "--min-people-f1", "0.90", "--min-title-acc", "0.90",
                          "--min-metric-recall", "0.90", "--min-initiative-recall", "0.85", "--min-category-recall",
                          "0.90", "--min-meta-acc", "1.0", "--min-clean-acc", "1.0", "--max-trap-hits", "0"],
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stdout + res.stderr


def test_extract_json_shape():
    out = io.StringIO()
    call_command("extract", str(ROOT / "fixtures" / "002_d5fa9d021a2d529c.txt"), "--json", stdout=out)
    (item,) = json.loads(out.getvalue())
    assert set(item) >= {"file", "title", "subtitle", "source", "published", "script", "byline", "editor", "text",
                         "regions", "people", "initiatives", "categories", "metrics"}
    assert item["published"] == "2018-07-02" and item["source"] == "山西日报"
    assert set(item["regions"][0]) >= {"code", "name", "level", "count"}
    assert set(item["people"][0]) == {"name", "title", "kind", "region"}
    assert set(item["metrics"][0]) == {"value", "unit", "approx", "label", "year", "region", "quote", "sentence"}
    for m in item["metrics"]:
        assert m["quote"] in m["sentence"] and m["sentence"] in item["text"]
