"""The 4× benchmark's synthetic corpus (bench/synthetic.py): real paragraphs recombined, each report
with an id and a date of its own, each real paragraph used once a pass."""

from collections import Counter

from bench.synthetic import FIRST_DAY, LAST_DAY, paragraphs, synthetic


def corpus(n=300):
    return [
        {
            "id": f"VIDE{i:05d}",
            "date": "20200101",
            "title": f"标题{i}",
            "text": "\r\n".join(f"第{i}条第{k}段。" for k in range(1 + i % 5)),
        }
        for i in range(n)
    ]


def made(scale, pool_items=50):
    items = corpus()
    return items, list(synthetic(lambda: iter(items), scale, pool_items=pool_items))


def test_each_pass_gives_one_report_an_item_with_an_id_of_its_own():
    items, out = made(4)
    assert len(out) == 4 * len(items)
    assert len({r["id"] for r in out}) == len(out)


def test_each_report_has_a_date_of_its_own_within_the_corpus_range():
    _items, out = made(4)
    days = [r["date"] for r in out]
    assert all(FIRST_DAY.strftime("%Y%m%d") <= d <= LAST_DAY.strftime("%Y%m%d") for d in days)
    assert len(set(days)) > len(out) // 2  # drawn, not copied from the source (all 20200101 here)


def test_every_real_paragraph_is_used_once_a_pass_and_reports_keep_their_source_length():
    items, out = made(2)
    real = Counter(p for it in items for p in paragraphs(it["text"]))
    for rnd in range(2):
        this = [r for r in out if r["id"].startswith(f"S{rnd}-")]
        assert Counter(p for r in this for p in paragraphs(r["text"])) == real
        by_source = {r["id"].split("-", 1)[1]: r for r in this}
        for it in items:
            assert len(paragraphs(by_source[it["id"]]["text"])) == len(paragraphs(it["text"]))
            assert by_source[it["id"]]["title"] == it["title"]


def test_reports_recombine_paragraphs_of_other_items_and_passes_differ():
    items, out = made(2)
    mixed = sum(
        len({p.split("段")[0].split("第")[1] for p in paragraphs(r["text"])}) > 1
        for r in out
        if len(paragraphs(r["text"])) > 1
    )
    assert mixed > 0.9 * sum(len(paragraphs(r["text"])) > 1 for r in out)
    first = {r["id"][3:]: r["text"] for r in out if r["id"].startswith("S0-")}
    second = {r["id"][3:]: r["text"] for r in out if r["id"].startswith("S1-")}
    assert sum(first[k] != second[k] for k in first) > 0.9 * len(first)
