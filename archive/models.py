"""The archive's records: regions, sources, reports and what was extracted from them."""

from django.db import models
from django.urls import reverse

from .taxonomy import CATEGORIES


class Region(models.Model):
    """A GB/T 2260 division: province, prefecture or county."""

    PROVINCE, PREFECTURE, COUNTY = "province", "prefecture", "county"
    LEVELS = [(PROVINCE, "省级"), (PREFECTURE, "地级"), (COUNTY, "县级")]

    code = models.CharField(max_length=6, unique=True)
    name = models.CharField(max_length=64, db_index=True)
    short_name = models.CharField(max_length=32, db_index=True)
    level = models.CharField(max_length=10, choices=LEVELS, db_index=True)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children")
    longitude = models.FloatField(null=True, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    poverty_county = models.BooleanField(default=False, db_index=True)
    exit_year = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["code"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("archive:region", args=[self.code])

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
    name = models.CharField(max_length=128, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Report(models.Model):
    """One report as published: its metadata, its text in three forms, and its original file."""

    HANS, HANT = "hans", "hant"
    SCRIPTS = [(HANS, "简体"), (HANT, "繁體")]
    OK, REVIEW = "ok", "review"
    STATUSES = [(OK, "已入库"), (REVIEW, "需复核")]

    title = models.CharField(max_length=300)
    title_is_fallback = models.BooleanField(default=False, help_text="No title was printed; this one was made from the first sentence.")
    subtitle = models.CharField(max_length=300, blank=True)
    byline = models.CharField(max_length=200, blank=True)
    editor = models.CharField(max_length=64, blank=True)
    source = models.ForeignKey(Source, null=True, blank=True, on_delete=models.SET_NULL, related_name="reports")
    published = models.DateField(null=True, blank=True, db_index=True)
    original = models.FileField(upload_to="originals/%Y/%m/", blank=True)
    original_name = models.CharField(max_length=255, blank=True)
    sha256 = models.CharField(max_length=64, db_index=True)
    raw_text = models.TextField(blank=True)
    clean_text = models.TextField()
    normalized_text = models.TextField()
    text_hash = models.CharField(max_length=64, unique=True, help_text="sha256 of the normalised text without spaces or punctuation")
    minhash = models.JSONField(default=list, blank=True, help_text="MinHash signature for near-duplicate lookup")
    script = models.CharField(max_length=4, choices=SCRIPTS, db_index=True)
    status = models.CharField(max_length=8, choices=STATUSES, default=OK, db_index=True)
    error = models.TextField(blank=True, help_text="What the pipeline could not read in this report.")
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    regions = models.ManyToManyField(Region, through="RegionMention", related_name="reports")
    people = models.ManyToManyField("Person", through="PersonMention", related_name="reports")
    initiatives = models.ManyToManyField("Initiative", related_name="reports", blank=True)

    class Meta:
        ordering = ["-published", "-id"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("archive:report", args=[self.pk])

    @property
    def categories(self):
        return sorted({c.category for c in self.category_links.all()}, key=CATEGORIES.index)


class ReportCategory(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="category_links")
    category = models.CharField(max_length=16, choices=[(c, c) for c in CATEGORIES], db_index=True)

    class Meta:
        unique_together = [("report", "category")]


class Fingerprint(models.Model):
    """MinHash bands of a report's normalised text, for near-duplicate lookup."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="fingerprints")
    band = models.PositiveSmallIntegerField()
    value = models.BigIntegerField()

    class Meta:
        indexes = [models.Index(fields=["band", "value"])]


class Upload(models.Model):
    """Every distinct file a user gave, kept as given (one row per content: sha256), with what became
    of it; nothing is lost. Who gave it and when is in BatchItem."""

    PENDING, CREATED, DUPLICATE, FAILED, UNPACKED = "pending", "created", "duplicate", "failed", "unpacked"
    STATUSES = [(PENDING, "待处理"), (CREATED, "已入库"), (DUPLICATE, "重复"), (FAILED, "失败"), (UNPACKED, "已解压")]

    file = models.FileField("原始文件", upload_to="uploads/%Y/%m/")
    original_name = models.CharField("文件名", max_length=255)
    sha256 = models.CharField(max_length=64, unique=True)
    size = models.PositiveBigIntegerField("大小（字节）", default=0)
    status = models.CharField("状态", max_length=10, choices=STATUSES, default=PENDING, db_index=True)
    error = models.TextField("原因", blank=True)
    report = models.ForeignKey(Report, null=True, blank=True, on_delete=models.SET_NULL, related_name="uploads",
                               verbose_name="报道")
    created = models.DateTimeField("上传时间", auto_now_add=True)

    class Meta:
        ordering = ["-created"]
        verbose_name = verbose_name_plural = "上传文件"

    def __str__(self):
        return self.original_name


class UploadBatch(models.Model):
    """The files one admin sent at once, processed by one background job; its page shows progress."""

    QUEUED, RUNNING, DONE = "queued", "running", "done"
    STATUSES = [(QUEUED, "排队中"), (RUNNING, "处理中"), (DONE, "已完成")]

    created = models.DateTimeField("提交时间", auto_now_add=True)
    created_by = models.ForeignKey("auth.User", null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="upload_batches", verbose_name="提交人")
    status = models.CharField("状态", max_length=8, choices=STATUSES, default=QUEUED, db_index=True)
    task_id = models.CharField(max_length=64, blank=True)
    finished = models.DateTimeField("完成时间", null=True, blank=True)

    class Meta:
        ordering = ["-created"]
        verbose_name = verbose_name_plural = "上传批次"

    def __str__(self):
        return f"批次 #{self.pk}"


class BatchItem(models.Model):
    """One file of a batch (a zip's members are items of their own, under it), and what became of it."""

    QUEUED, CREATED, DUPLICATE, FAILED, UNPACKED = "queued", "created", "duplicate", "failed", "unpacked"
    STATUSES = [(QUEUED, "排队中"), (CREATED, "已入库"), (DUPLICATE, "重复"), (FAILED, "未能入库"), (UNPACKED, "已解压")]

    batch = models.ForeignKey(UploadBatch, on_delete=models.CASCADE, related_name="items", verbose_name="批次")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="members",
                               verbose_name="所在压缩包")
    name = models.CharField("文件名", max_length=255)
    upload = models.ForeignKey(Upload, null=True, blank=True, on_delete=models.SET_NULL, related_name="items",
                               verbose_name="上传文件")
    status = models.CharField("结果", max_length=10, choices=STATUSES, default=QUEUED, db_index=True)
    report = models.ForeignKey(Report, null=True, blank=True, on_delete=models.SET_NULL, related_name="batch_items",
                               verbose_name="报道")
    message = models.TextField("说明", blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = verbose_name_plural = "批次文件"

    def __str__(self):
        return self.name


class Person(models.Model):
    OFFICIAL, CADRE, RESIDENT, ENTREPRENEUR, JOURNALIST, OTHER = (
        "official", "cadre", "resident", "entrepreneur", "journalist", "other")
    KINDS = [
        (OFFICIAL, "官员"), (CADRE, "村干部"), (RESIDENT, "群众/受益人"),
        (ENTREPRENEUR, "企业家"), (JOURNALIST, "记者/编辑"), (OTHER, "其他"),
    ]

    name = models.CharField(max_length=32, db_index=True)
    title = models.CharField(max_length=64, blank=True)
    kind = models.CharField(max_length=12, choices=KINDS, default=OTHER, db_index=True)
    region = models.ForeignKey(Region, null=True, blank=True, on_delete=models.SET_NULL, related_name="people")

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["name", "region"], name="person_name_region")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("archive:person", args=[self.pk])


class PersonMention(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="person_mentions")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="mentions")
    title = models.CharField(max_length=64, blank=True, help_text="The title as printed in this report.")

    class Meta:
        unique_together = [("report", "person")]


class RegionMention(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="region_mentions")
    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="mentions")
    count = models.PositiveIntegerField(default=1)
    primary = models.BooleanField(default=False)

    class Meta:
        unique_together = [("report", "region")]


class Initiative(models.Model):
    name = models.CharField(max_length=64)
    programme = models.CharField(max_length=64, blank=True, db_index=True,
                                 help_text="The thesaurus programme it names (archive/programmes.py), if any.")
    category = models.CharField(max_length=16, choices=[(c, c) for c in CATEGORIES], blank=True, db_index=True)
    region = models.ForeignKey(Region, null=True, blank=True, on_delete=models.SET_NULL, related_name="initiatives")

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["name", "region"], name="initiative_name_region")]

    def __str__(self):
        return self.name


class Metric(models.Model):
    """A figure, normalised to a canonical unit, with the exact words it came from."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="metrics")
    region = models.ForeignKey(Region, null=True, blank=True, on_delete=models.SET_NULL, related_name="metrics")
    label = models.CharField(max_length=64, blank=True)
    value = models.FloatField()
    unit = models.CharField(max_length=16, db_index=True)
    approx = models.BooleanField(default=False)
    year = models.PositiveSmallIntegerField(null=True, blank=True, db_index=True)
    quote = models.CharField(max_length=64)
    sentence = models.TextField()
    position = models.PositiveIntegerField(default=0, help_text="Character offset of the quote in the clean text.")
    BEFORE, AFTER = "before", "after"
    CHANGES = [(BEFORE, "变化前"), (AFTER, "变化后")]
    change = models.CharField(max_length=6, blank=True, choices=CHANGES,
                              help_text="One end of a change printed as 由…到… (贫困发生率由45%降至0.74%).")

    class Meta:
        ordering = ["report", "position"]

    def __str__(self):
        return f"{self.label} {self.value:g} {self.unit}"
