"""What the search and page benchmarks ask for: the query set and each kind of page at its heaviest.

Data and one picking function, no imports of the bench package: bench/check_run.py loads this file
by its path into the code under test (a base commit's tree has a bench/ of its own).
"""

WORDS = [
    "扶贫",
    "脱贫",
    "搬迁",
    "合作社",
    "第一书记",
    "贫困发生率",
    "电商",
    "光伏",
    "易地",
    "建档立卡",
    "乡村振兴",
    "驻村",
    "消费扶贫",
    "小康",
    "疫情",
    "改革",
    "高质量发展",
    "一带一路",
    "生态",
    "教育",
]
TWO_WORDS = ["脱贫 产业", "扶贫 电商", "乡村振兴 人才", "易地 搬迁", "贫困 儿童"]
PHRASES = ['"精准扶贫"', '"脱贫攻坚"', '"乡村振兴"', '"第一书记"', '"社区工厂"']
TRADITIONAL = ["脫貧", "扶貧", "鄉村振興", "貧困戶", "電商"]
FILTERED = [
    ("扶贫", {"province": ["610000"]}),
    ("脱贫", {"category": ["产业扶贫"]}),
    ("", {"year": ["2019"]}),
    ("乡村振兴", {"year": ["2021", "2022"]}),
    ("电商", {"poverty": ["yes"]}),
    ("", {"province": ["520000"]}),
]
# the search page's own cases: a programme the thesaurus expands, no hits, a drill-down, a page past the end
PAGE_CASES = [
    ("易地搬迁", {}),
    ("扶贫车间", {}),
    ("脱贫 -教育", {}),
    ("易地般迁", {}),
    ("扶贫", {"province": ["420000"], "prefecture": ["420100"]}),
]


def queries():
    """[(q, filters)]: the benchmark's query set."""
    return [(q, {}) for q in WORDS + TWO_WORDS + PHRASES + TRADITIONAL] + FILTERED


def search_urls():
    """The search page's URLs for the query set and its own cases, as (label, url, params)."""
    out = []
    for q, filters in queries() + PAGE_CASES:
        params = {"q": q, **filters} if q else dict(filters)
        label = (q or "(browse)") + ("".join(f" {k}={'|'.join(v)}" for k, v in filters.items()))
        out.append((label, "/search/", params))
    return out


def heaviest_pages():
    """{name: url}: each kind of public page at its heaviest instance in this archive."""
    from django.db.models import Count

    from archive.models import Initiative, Person, Region, RegionMention, Report

    def busiest(level):
        row = (
            RegionMention.objects.filter(region__level=level)
            .values("region__code")
            .annotate(n=Count("report", distinct=True))
            .order_by("-n")
            .first()
        )
        return row["region__code"] if row else None

    report = Report.objects.annotate(n=Count("metrics")).order_by("-n").first()
    person = Person.objects.annotate(n=Count("mentions")).order_by("-n").first()
    programme = (
        Initiative.objects.exclude(programme="")
        .values("programme")
        .annotate(n=Count("mentions"))
        .order_by("-n")
        .first()
    )
    county = busiest(Region.COUNTY) or "110101"
    return {
        "home": "/",
        "province (busiest)": f"/region/{busiest(Region.PROVINCE) or '110000'}/",
        "prefecture (busiest)": f"/region/{busiest(Region.PREFECTURE) or '110100'}/",
        "county (busiest)": f"/region/{county}/",
        "report (most figures)": f"/report/{report.pk}/",
        "person (most mentions)": f"/person/{person.pk}/" if person else "/person/1/",
        "programme (most mentions)": f"/programme/{programme['programme'] if programme else '易地扶贫搬迁'}/",
        "category": "/category/产业扶贫/",
        "figures": "/figures/",
        "figures, a label": "/figures/?label=贫困发生率",
        "figures, a county's, by value": f"/figures/?region={county}&sort=-value",
        "search page": "/search/?q=扶贫&province=110000",
        "search page as JSON": "/search/?q=扶贫&province=110000&format=json",
        "home as JSON": "/?format=json",
        "figures as CSV (every row)": "/figures/?format=csv",
    }
