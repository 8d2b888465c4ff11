"""The accuracy gate: extraction on the seeds and the dev set must stay at or above the pinned floors
(the issue's table, traps 0), scored here and by the team's own scorer."""

import io
import json
import subprocess
import sys

import pytest
from django.core.management import call_command

from archive.evaluation import FLOORS, GOLD_SETS, load_successors, score, shortfalls
from archive.ingest import run_pipeline
from archive.serializers import extraction_json
from tests.conftest import ROOT, SHARED, needs_shared


@pytest.mark.parametrize("name", list(GOLD_SETS))
def test_floors(name):
    gold_file, folder = GOLD_SETS[name]
    if not (SHARED / gold_file).exists():
        pytest.skip(f"{SHARED / gold_file} is absent")
    gold = json.loads((SHARED / gold_file).read_text("utf-8"))
    preds = [extraction_json(run_pipeline(f, (SHARED / folder / f).read_bytes())) for f in gold]
    result = score(gold, preds, load_successors(SHARED))
    assert shortfalls(result) == [], result


@needs_shared("tools", "score_extraction.py")
@pytest.mark.parametrize("name", list(GOLD_SETS))
def test_the_teams_scorer_agrees(name, tmp_path):
    gold_file, folder = GOLD_SETS[name]
    files = sorted(str(SHARED / folder / f) for f in json.loads((SHARED / gold_file).read_text("utf-8")))
    out = subprocess.run(
        [sys.executable, "manage.py", "extract", *files, "--json"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    path = tmp_path / "extract.json"
    path.write_text(out, encoding="utf-8")
    res = subprocess.run(
        [
            sys.executable,
            str(SHARED / "tools" / "score_extraction.py"),
            str(SHARED / gold_file),
            str(path),
            *(arg for k, v in FLOORS.items() for arg in (f"--min-{k}", str(v))),  # the floors, as the scorer takes them
            *("--max-trap-hits", "0"),
        ],
        capture_output=True,
        text=True,
    )
    assert res.returncode == 0, res.stdout + res.stderr


def test_extract_json_shape():
    out = io.StringIO()
    call_command("extract", str(ROOT / "fixtures" / "002_d5fa9d021a2d529c.txt"), "--json", stdout=out)
    (item,) = json.loads(out.getvalue())
    assert set(item) >= {
        "file",
        "title",
        "subtitle",
        "source",
        "published",
        "script",
        "byline",
        "editor",
        "text",
        "regions",
        "people",
        "initiatives",
        "categories",
        "metrics",
    }
    assert item["published"] == "2018-07-02" and item["source"] == "山西日报"
    assert set(item["regions"][0]) >= {"code", "name", "level", "count"}
    assert set(item["people"][0]) == {"name", "title", "kind", "region"}
    assert set(item["initiatives"][0]) == {"name", "programme", "category"}
    assert set(item["metrics"][0]) == {
        "value",
        "unit",
        "approx",
        "label",
        "year",
        "region",
        "quote",
        "sentence",
        "change",
        "vague",
        "scope",
    }
    for m in item["metrics"]:
        assert m["quote"] in m["sentence"] and m["sentence"] in item["text"]
