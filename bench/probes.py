"""Probes of what a researcher meets at corpus scale, on corpus items no gold file covers.

Draws --items corpus items with a recorded seed (none a gold file or an earlier sample holds),
extracts them as an upload would (plain text with the programme and date line, or the page of a
poverty item), and counts, against the issue's bars:
- places read inside another word: a short or two-character name whose place the statistical
  tagger, reading the whole sentence, does not read as a place (its word is another word: 金山银山,
  东北振兴), per 1,000 place mentions. Counted over the mentions the extractor used as evidence for a
  place (regions.find_regions, rebuilt here: the ingest path keeps nothing for the probe); the old
  count, over every printing of a name whose place the report has from elsewhere (民勤 in 人民勤劳
  of a report naming 民勤县), is printed beside it;
- fragment names: a person's name that the report prints only followed by the same character, or
  that the tagger reads inside a longer person (刘国 of 刘国中), or that is the start of another
  person's name in the report, as a share of names;
- national figures on places: a figure whose clause says 全国 (before the number) tied to a county
  or prefecture, as a share of figures;
- vague quantities taken as exact: 数十, 几百, 上千… not approximate or with a value;
- figures with a year, in reports with a publication date.
Each probe lists a few examples to read. The sample is never used to tune.

usage: python bench/probes.py --seed 5 --items 3000 [--examples 5]
"""

import argparse
import bisect
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from archive.text import is_han  # noqa: E402
from bench.harness import poverty_html, setup_django, xwlb  # noqa: E402
from bench.sample import covered, page  # noqa: E402

VAGUE = re.compile(r"(?<![0-9一二三四五六七八九十两])[数几成上好][十百千万亿]")  # 数十家, 几百人, 上千户 (not 1万余)
NATIONAL = re.compile(r"全国(?:共|已|累计|总共|范围内|各地)?(?:有|共有|已有)?[^，。；！？,;的]{0,8}$")  # 全国已有28个
NOT_NAME_AFTER = set("同总书主副说在是等和与及出来到也就都又还已将对为向从把被的了着过")


def draw(seed, n):
    rng = random.Random(seed)
    skip = covered()
    poverty = [it for it in poverty_html() if it["id"] not in skip]
    ids = {it["id"] for it in poverty}
    general = [it for it in xwlb() if it["id"] not in skip and it["id"] not in ids]
    k = min(len(poverty), n // 3)
    files = [(f"xwlb_{it['id']}.html", page(it, it["content_html"]).encode()) for it in rng.sample(poverty, k)]
    for it in rng.sample(general, n - k):
        d = it["date"]
        files.append(
            (f"xwlb_{it['id']}.txt", f"{it['title']}\n新闻联播 {d[:4]}年{d[4:6]}月{d[6:8]}日\n{it['text']}\n".encode())
        )
    return files


def sentence_words(text, model):
    """word_at(pos): (start, end, word, tag) of the statistical tagger's word holding pos, reading every
    sentence of text whole, or None."""
    sentences = [(m.start(), m.group()) for m in re.finditer(r"[^。！？；\n]+", text)]
    words_at = []
    for (offset, _s), words in zip(sentences, model.tag([s for _o, s in sentences])):
        for word, tag in words:
            words_at.append((offset, offset + len(word), word, tag))
            offset += len(word)
    word_starts = [w[0] for w in words_at]

    def word_at(pos):
        i = bisect.bisect_right(word_starts, pos) - 1
        return words_at[i] if i >= 0 and words_at[i][1] > pos else None

    return word_at


def used_mentions(docs, gz):
    """The place mentions the extractor used in each report: regions.find_regions over the Reading that
    extraction builds (extract._read, the tagger's proper nouns), run again here."""
    from archive.ingest.extract import _read, proper_nouns
    from archive.ingest.extract.regions import find_regions

    read = [_read(doc, gz) for doc in docs]
    nouns = proper_nouns.tag_many([r.text for r, _a in read], [r.tokens for r, _a in read], [a for _r, a in read])
    return [find_regions(r.text, gz, r.hits, r.tokens, n, r.title_end) for (r, _a), n in zip(read, nouns)]


def short_printings(text, gz, codes):
    """{start: (end, name)} of every printing of a short or two-character name (no province's) that
    may be a place of codes, used by the extractor or not (the old count)."""
    short = {}
    for start, end, key, entries in gz.scan(text):
        if {code for code, _k in entries} & codes and (len(key) <= 2 or any(k == "short" for _c, k in entries)):
            if all(gz.places[code].level != "province" for code, _k in entries):
                short[start] = (end, key)
    return short


def short_mentions(text, gz, mentions):
    """{start: (end, name)} of the mentions the extractor used that print a place (no province) by a
    short or two-character name."""
    kinds = {(s, e): entries for s, e, _key, entries in gz.scan(text)}
    short = {}
    for m in mentions:
        key, entries = text[m.start : m.end], kinds.get((m.start, m.end), ())
        if m.level != "province" and (len(key) <= 2 or any(c == m.code and k == "short" for c, k in entries)):
            short[m.start] = (m.end, key)
    return short


def inside_words(short, word_at):
    """(start, end, name, word) of the names the tagger reads inside another word: its word runs past the
    name and is no place or body."""
    out = []
    for a, (b, key) in sorted(short.items()):
        w = word_at(a)
        if w and (w[0] < a or w[1] > b + 1) and w[3] not in ("LOC", "ORG"):
            out.append((a, b, key, w))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--items", type=int, default=3000)
    ap.add_argument("--examples", type=int, default=5)
    args = ap.parse_args()
    setup_django()
    from archive.ingest import Document, run_pipeline_many
    from archive.ingest.extract import lac
    from archive.ingest.extract.gazetteer_index import default_gazetteer
    from archive.ingest.normalize import t2s

    gz, model = default_gazetteer(), lac.load()
    files = draw(args.seed, args.items)
    docs = []
    for k in range(0, len(files), 256):
        docs += [d for d in run_pipeline_many(files[k : k + 256]) if isinstance(d, Document)]
    c = dict(
        places=0,
        inside=0,
        places_old=0,
        inside_old=0,
        names=0,
        fragments=0,
        figures=0,
        national=0,
        vague=0,
        vague_exact=0,
        dated=0,
        dated_n=0,
    )
    examples = {k: [] for k in ("inside", "inside_old", "fragments", "national", "vague_exact")}

    def example(kind, text):
        if len(examples[kind]) < args.examples:
            examples[kind].append(text)

    used = [m for k in range(0, len(docs), 256) for m in used_mentions(docs[k : k + 256], gz)]
    for doc, mentions in zip(docs, used):
        head = "\n".join(x for x in (doc.title, doc.subtitle) if x)
        text = t2s((head + "\n" + doc.clean_text) if head else doc.clean_text)
        word_at = sentence_words(text, model)
        for counted, total, short in (
            ("inside_old", "places_old", short_printings(text, gz, {r["code"] for r in doc.regions})),
            ("inside", "places", short_mentions(text, gz, mentions)),
        ):
            c[total] += len(short)
            for a, b, key, w in inside_words(short, word_at):
                c[counted] += 1
                example(counted, f"{key} in …{text[max(0, a - 8) : b + 8]}… ({w[2]}/{w[3]}) {doc.name}")
        names = [p["name"] for p in doc.people if p.get("kind") != "journalist"]
        for n in names:
            c["names"] += 1
            at = [m.start() for m in re.finditer(re.escape(n), text)]
            followers = {text[i + len(n) : i + len(n) + 1] for i in at}
            longer = [o for o in names if o != n and o.startswith(n)]
            glued = (
                len(followers) == 1
                and is_han(c1 := next(iter(followers)))
                and c1 not in NOT_NAME_AFTER
                and any((w := word_at(i)) and w[3] == "PER" and w[2] == n + c1 for i in at)
            )  # 刘国 always printed 刘国中, and read so by the tagger
            if longer or glued:
                c["fragments"] += 1
                example("fragments", f"{n} ({(longer or [n + c1])[0]}) {doc.name}")
        for f in doc.metrics:
            c["figures"] += 1
            sentence = t2s(f.sentence)
            cut = sentence.find(t2s(f.quote))
            if cut > 0 and NATIONAL.search(sentence[:cut]) and f.region and gz.places[f.region].level != "province":
                c["national"] += 1
                example("national", f"{f.quote} → {gz.places[f.region].name}: {sentence[:80]} {doc.name}")
            if VAGUE.search(t2s(f.quote)):
                c["vague"] += 1
                if not f.approx or f.value is not None:
                    c["vague_exact"] += 1
                    example("vague_exact", f"{f.quote} = {f.value} ({'≈' if f.approx else 'exact'}) {doc.name}")
            if doc.published:
                c["dated_n"] += 1
                c["dated"] += f.year is not None

    def share(a, b, per=1):
        return f"{per * c[a] / c[b]:.3f} ({c[a]}/{c[b]})" if c[b] else "–"

    print(f"seed {args.seed}: {len(docs)} reports of {len(files)} files")
    print(
        "places read inside another word, per 1,000 short-name mentions the extractor used: "
        f"{share('inside', 'places', 1000)}; old count, per 1,000 printings of a short name of a place the "
        f"report has: {share('inside_old', 'places_old', 1000)}"
    )
    print(f"fragment names: {share('fragments', 'names')}")
    print(f"national figures on a county or prefecture: {share('national', 'figures')}")
    print(f"vague quantities taken as exact: {share('vague_exact', 'vague')}")
    print(f"figures with a year (reports with a date): {share('dated', 'dated_n')}")
    for kind, rows in examples.items():
        for row in rows:
            print(f"  {kind}: {row}")


if __name__ == "__main__":
    main()
