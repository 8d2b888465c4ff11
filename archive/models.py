"""The archive's records: regions, sources, reports and what was extracted from them."""

from functools import cache

from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from .managers import NamedQuerySet, ShownManager
from .numbers import exact_number, format_number  # noqa: F401 (where the pages and the admin import them from)
from .programmes import BY_KEY
from .taxonomy import CATEGORIES
from .upload_models import BatchItem, Upload, UploadBatch  # noqa: F401 (the upload models, imported from here)


@cache
def _url_pattern(name):
    return reverse(name, args=[987654321]).replace("987654321", "{}")


def url_of(name, arg):
    """reverse(name, args=[arg]) for a URL with one ASCII argument (an id, a region code), reversed once
    per process: reverse() costs tens of microseconds (it asks for the active language each time), and
    a page of thousands of links (the map's dots, the figures, a search's regions) spent most of its
    time in it."""
    return _url_pattern(name).format(arg)


class Region(models.Model):
    """A GB/T 2260 division: province, prefecture or county."""

    PROVINCE, PREFECTURE, COUNTY = "province", "prefecture", "county"
    LEVELS = [(PROVINCE, "省级"), (PREFECTURE, "地级"), (COUNTY, "县级")]

    code = models.CharField("区划代码", max_length=6, unique=True, help_text="GB/T 2260")
    name = models.CharField("名称", max_length=64, db_index=True)
    short_name = models.CharField("简称", max_length=32, db_index=True)
    level = models.CharField("级别", max_length=10, choices=LEVELS, db_index=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children", verbose_name="上级区划"
    )
    longitude = models.FloatField("经度", null=True, blank=True)
    latitude = models.FloatField("纬度", null=True, blank=True)
    poverty_county = models.BooleanField("国家级贫困县", default=False, db_index=True)
    exit_year = models.PositiveSmallIntegerField("脱贫摘帽年份", null=True, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = verbose_name_plural = "行政区划"

    def __str__(self):
        return self.name

    @property
    def label(self):
        """The name with its code, as the admin's choosers show it: 赫章县（520527）."""
        return f"{self.name}（{self.code}）"

    def get_absolute_url(self):
        return url_of("archive:region", self.code)

    @property
    def province_code(self):
        return self.code[:2] + "0000"

    @property
    def prefecture_code(self):
        return None if self.level == self.PROVINCE else self.code[:4] + "00"

    def ancestors(self):
        chain, node = [], self.parent
        while node is not None:
            chain.insert(0, node)
            node = node.parent
        return chain


class RegionName(models.Model):
    """A name a division had before the gazetteer's (襄樊市 of 襄阳市) or took after it (黔西市 of 黔西县),
    from the former-names facts table (archive/data/former_names.csv)."""

    FORMER, LATER = "former", "later"
    KINDS = [(FORMER, "曾用名"), (LATER, "今名")]

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="other_names", verbose_name="行政区划")
    name = models.CharField("名称", max_length=64, db_index=True)
    kind = models.CharField("类别", max_length=8, choices=KINDS)
    date = models.CharField("更名日期", max_length=10, blank=True)

    class Meta:
        ordering = ["region", "date", "name"]
        unique_together = [("region", "name")]
        verbose_name = verbose_name_plural = "曾用名"

    def __str__(self):
        return self.name


class Source(models.Model):
    name = models.CharField("名称", max_length=128, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = verbose_name_plural = "来源"

    def __str__(self):
        return self.name


class Report(models.Model):
    """One report as published: its metadata, its text in three forms, and its original file."""

    HANS, HANT = "hans", "hant"
    SCRIPTS = [(HANS, "简体"), (HANT, "繁體")]
    NEW, NEEDS_REVIEW, REVIEWED = "new", "needs", "reviewed"
    REVIEW_STATES = [(NEW, "新入库"), (NEEDS_REVIEW, "待复核"), (REVIEWED, "已审核")]
    # what extraction sets on a report, and a person may correct (then it is theirs: curated_fields)
    EXTRACTED_FIELDS = ("title", "title_is_fallback", "subtitle", "byline", "editor", "source", "published", "url")

    title = models.CharField("标题", max_length=300)
    title_is_fallback = models.BooleanField(
        "标题为代拟", default=False, help_text="原文没有标题，此标题取自正文第一句。"
    )
    subtitle = models.CharField("副标题", max_length=300, blank=True)
    byline = models.CharField("署名", max_length=200, blank=True)
    editor = models.CharField("责任编辑", max_length=64, blank=True)
    source = models.ForeignKey(
        Source, null=True, blank=True, on_delete=models.SET_NULL, related_name="reports", verbose_name="来源"
    )
    published = models.DateField("发布日期", null=True, blank=True, db_index=True)
    url = models.URLField(
        "原文链接", max_length=500, blank=True, help_text="网页自己给出的规范地址（canonical 或 og:url），引用时用它。"
    )
    original = models.FileField("原始文件", upload_to="originals/%Y/%m/", blank=True)
    original_name = models.CharField("原始文件名", max_length=255, blank=True)
    sha256 = models.CharField("文件 SHA-256", max_length=64, db_index=True)
    raw_text = models.TextField("原始文本", blank=True)
    clean_text = models.TextField("正文")
    normalized_text = models.TextField("简化字正文")
    text_hash = models.CharField(
        "正文指纹", max_length=64, unique=True, help_text="去掉空白和标点后的简化字正文的 sha256"
    )
    minhash = models.JSONField("查重签名", default=list, blank=True, help_text="用于查找近似重复报道的 MinHash 签名")
    script = models.CharField("字体", max_length=4, choices=SCRIPTS, db_index=True)
    review = models.CharField("审核状态", max_length=8, choices=REVIEW_STATES, default=NEW, db_index=True)
    reviewed_by = models.ForeignKey(
        "auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="审核人"
    )
    reviewed_at = models.DateTimeField("审核时间", null=True, blank=True)
    curated_fields = models.JSONField(
        "人工修改的字段", default=list, blank=True, help_text="重新抽取时保留这些字段的人工修改。"
    )
    error = models.TextField("读取警告", blank=True, help_text="入库时未能完整读取的内容。")
    created = models.DateTimeField("入库时间", auto_now_add=True)
    updated = models.DateTimeField("更新时间", auto_now=True)
    regions = models.ManyToManyField(Region, through="RegionMention", related_name="reports", verbose_name="地区")
    people = models.ManyToManyField("Person", through="PersonMention", related_name="reports", verbose_name="人物")
    initiatives = models.ManyToManyField(
        "Initiative", through="InitiativeMention", related_name="reports", blank=True, verbose_name="项目"
    )
    history = HistoricalRecords(excluded_fields=["raw_text", "normalized_text", "minhash", "text_hash"])

    class Meta:
        ordering = ["-published", "-id"]
        verbose_name = verbose_name_plural = "报道"

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return url_of("archive:report", self.pk)

    @property
    def categories(self):
        return sorted({c.category for c in self.category_links.all()}, key=CATEGORIES.index)


class Curated(models.Model):
    """What an extracted record carries about who decided it. Untouched, it is the extractor's and
    follows the extractor when the report is extracted again; accepted, corrected, added or
    rejected by a person, it is a fact that re-extraction keeps (a rejected one stays out of the
    public pages and is not extracted again)."""

    MACHINE, ACCEPTED, CORRECTED, ADDED, REJECTED = "", "accepted", "corrected", "added", "rejected"
    CURATIONS = [
        (MACHINE, "自动抽取"),
        (ACCEPTED, "人工确认"),
        (CORRECTED, "人工修正"),
        (ADDED, "人工添加"),
        (REJECTED, "人工删除"),
    ]

    curation = models.CharField("审核", max_length=9, choices=CURATIONS, default=MACHINE, blank=True, db_index=True)
    curated_by = models.ForeignKey(
        "auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="审核人"
    )
    curated_at = models.DateTimeField("审核时间", null=True, blank=True)

    objects = ShownManager()
    all_objects = models.Manager()

    class Meta:
        abstract = True
        base_manager_name = "all_objects"

    @property
    def by_person(self):
        return self.curation != self.MACHINE


class ReportCategory(Curated):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="category_links", verbose_name="报道")
    category = models.CharField("类别", max_length=16, choices=[(c, c) for c in CATEGORIES], db_index=True)
    history = HistoricalRecords()

    class Meta:
        unique_together = [("report", "category")]
        verbose_name = verbose_name_plural = "报道类别"
        base_manager_name = "all_objects"

    def __str__(self):
        return self.category


class Fingerprint(models.Model):
    """MinHash bands of a report's normalised text, for near-duplicate lookup."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="fingerprints", verbose_name="报道")
    band = models.PositiveSmallIntegerField("分段")
    value = models.BigIntegerField("取值")

    class Meta:
        indexes = [models.Index(fields=["band", "value"])]
        verbose_name = verbose_name_plural = "查重指纹"


class Person(models.Model):
    OFFICIAL, CADRE, RESIDENT, ENTREPRENEUR, JOURNALIST, OTHER = (
        "official",
        "cadre",
        "resident",
        "entrepreneur",
        "journalist",
        "other",
    )
    KINDS = [
        (OFFICIAL, "官员"),
        (CADRE, "村干部"),
        (RESIDENT, "群众/受益人"),
        (ENTREPRENEUR, "企业家"),
        (JOURNALIST, "记者/编辑"),
        (OTHER, "其他"),
    ]

    name = models.CharField("姓名", max_length=32, db_index=True)
    title = models.CharField("职务", max_length=64, blank=True)
    kind = models.CharField("身份", max_length=12, choices=KINDS, default=OTHER, db_index=True)
    region = models.ForeignKey(
        Region, null=True, blank=True, on_delete=models.SET_NULL, related_name="people", verbose_name="地区"
    )
    history = HistoricalRecords()
    objects = NamedQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["name", "region"], name="person_name_region")]
        verbose_name = verbose_name_plural = "人物"

    def __str__(self):
        return f"{self.name}（{self.region.name}）" if self.region_id and self.region else self.name

    def get_absolute_url(self):
        return url_of("archive:person", self.pk)


class PersonAlias(models.Model):
    """A (name, region) that extraction finds and that a person merged into this one: found again, it
    is this person, not a new one."""

    name = models.CharField("姓名", max_length=32, db_index=True)
    region = models.ForeignKey(
        Region, null=True, blank=True, on_delete=models.CASCADE, related_name="+", verbose_name="地区"
    )
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="aliases", verbose_name="人物")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["name", "region"], name="person_alias_name_region")]
        verbose_name = verbose_name_plural = "人物别名"


class PersonMention(Curated):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="person_mentions", verbose_name="报道")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="mentions", verbose_name="人物")
    title = models.CharField("职务", max_length=64, blank=True, help_text="本篇报道所写的职务。")
    history = HistoricalRecords()

    class Meta:
        unique_together = [("report", "person")]
        verbose_name = verbose_name_plural = "人物提及"
        base_manager_name = "all_objects"

    def __str__(self):
        return self.person.name


class RegionMention(Curated):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="region_mentions", verbose_name="报道")
    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="mentions", verbose_name="地区")
    count = models.PositiveIntegerField("提及次数", default=1)
    primary = models.BooleanField("主要地区", default=False)
    history = HistoricalRecords()

    class Meta:
        unique_together = [("report", "region")]
        verbose_name = verbose_name_plural = "地区提及"
        base_manager_name = "all_objects"

    def __str__(self):
        return self.region.name


class Initiative(models.Model):
    name = models.CharField("名称", max_length=64)
    programme = models.CharField(
        "规范项目", max_length=64, blank=True, db_index=True, help_text="它所指的词表项目（archive/programmes.py）。"
    )
    category = models.CharField("类别", max_length=16, choices=[(c, c) for c in CATEGORIES], blank=True, db_index=True)
    region = models.ForeignKey(
        Region, null=True, blank=True, on_delete=models.SET_NULL, related_name="initiatives", verbose_name="地区"
    )
    history = HistoricalRecords()
    objects = NamedQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["name", "region"], name="initiative_name_region")]
        verbose_name = verbose_name_plural = "扶贫项目"

    def __str__(self):
        return f"{self.name}（{self.region.name}）" if self.region_id and self.region else self.name

    def get_absolute_url(self):
        """The programme's page when it is a thesaurus programme, else the local record's own."""
        if self.programme in BY_KEY:
            return reverse("archive:programme", args=[self.programme])
        return reverse("archive:initiative", args=[self.pk])


class InitiativeAlias(models.Model):
    """A (name, region) merged into this programme by a person (see PersonAlias)."""

    name = models.CharField("名称", max_length=64, db_index=True)
    region = models.ForeignKey(
        Region, null=True, blank=True, on_delete=models.CASCADE, related_name="+", verbose_name="地区"
    )
    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="aliases", verbose_name="项目")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["name", "region"], name="initiative_alias_name_region")]
        verbose_name = verbose_name_plural = "项目别名"


class InitiativeMention(Curated):
    report = models.ForeignKey(
        Report, on_delete=models.CASCADE, related_name="initiative_mentions", verbose_name="报道"
    )
    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="mentions", verbose_name="项目")
    history = HistoricalRecords()

    class Meta:
        unique_together = [("report", "initiative")]
        verbose_name = verbose_name_plural = "项目提及"
        base_manager_name = "all_objects"

    def __str__(self):
        return self.initiative.name


class Metric(Curated):
    """A figure, normalised to a canonical unit, with the exact words it came from."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="metrics", verbose_name="报道")
    region = models.ForeignKey(
        Region, null=True, blank=True, on_delete=models.SET_NULL, related_name="metrics", verbose_name="地区"
    )
    label = models.CharField("指标", max_length=64, blank=True)
    label_key = models.CharField(
        "指标（简化字）", max_length=64, blank=True, db_index=True, help_text="指标的简化字形式：数据检索不分简繁。"
    )
    value = models.FloatField("数值", null=True, blank=True, help_text="空：不确切的约数（数十家），原文见“约数”。")
    unit = models.CharField("单位", max_length=16, db_index=True)
    approx = models.BooleanField("约数", default=False)
    vague = models.CharField("约数写法", max_length=8, blank=True, help_text="不确切的数目，照原文：数十、几百、两三。")
    NATIONAL, PROVINCE, PREFECTURE, COUNTY = "national", "province", "prefecture", "county"
    SCOPES = [(NATIONAL, "全国"), (PROVINCE, "全省"), (PREFECTURE, "全市（州）"), (COUNTY, "全县")]
    scope = models.CharField(
        "范围",
        max_length=10,
        blank=True,
        choices=SCOPES,
        help_text="原文写明的范围（全国、全省……）：全国数据不属于任何地区。",
    )
    year = models.PositiveSmallIntegerField("年份", null=True, blank=True, db_index=True)
    quote = models.CharField("原文", max_length=64)
    sentence = models.TextField("所在句子")
    position = models.PositiveIntegerField("位置", default=0, help_text="原文在正文中的字符位置。")
    BEFORE, AFTER = "before", "after"
    CHANGES = [(BEFORE, "变化前"), (AFTER, "变化后")]
    change = models.CharField(
        "变化",
        max_length=6,
        blank=True,
        choices=CHANGES,
        help_text="“由…到…”所写变化的一端（贫困发生率由45%降至0.74%）。",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["report", "position"]
        verbose_name = verbose_name_plural = "数据"
        base_manager_name = "all_objects"
        # the figures explorer's unit list and counts: an index walk instead of sorting every figure
        # (measured in docs/BENCHMARKS.md)
        indexes = [models.Index(fields=["unit", "curation"], name="metric_unit_curation")]

    def __str__(self):
        return f"{self.label} {self.vague or format_number(self.value)} {self.unit}"

    def save(self, *args, **kwargs):
        from .ingest.normalize import t2s  # here: archive.ingest's package loads the stages, which import models

        self.label_key = t2s(self.label)
        if kwargs.get("update_fields") and "label" in kwargs["update_fields"]:
            kwargs["update_fields"] = [*kwargs["update_fields"], "label_key"]
        super().save(*args, **kwargs)
