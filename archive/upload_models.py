"""The files users upload and the batches that ingest them (archive/intake/, archive/tasks.py),
beside archive/models.py, which imports them (so `from archive.models import Upload` holds); the
report they became is named by its model's name, as the two modules do not import each other."""

from django.db import models


class Upload(models.Model):
    """Every distinct file a user gave, kept as given (one row per content: sha256), with what became
    of it; nothing is lost. Who gave it and when is in BatchItem."""

    PENDING, CREATED, DUPLICATE, FAILED, UNPACKED = "pending", "created", "duplicate", "failed", "unpacked"
    STATUSES = [(PENDING, "待处理"), (CREATED, "已入库"), (DUPLICATE, "重复"), (FAILED, "失败"), (UNPACKED, "已解压")]

    file = models.FileField("原始文件", upload_to="uploads/%Y/%m/")
    original_name = models.CharField("文件名", max_length=255)
    sha256 = models.CharField("文件 SHA-256", max_length=64, unique=True)
    size = models.PositiveBigIntegerField("大小（字节）", default=0)
    status = models.CharField("状态", max_length=10, choices=STATUSES, default=PENDING, db_index=True)
    error = models.TextField("原因", blank=True)
    report = models.ForeignKey(
        "Report", null=True, blank=True, on_delete=models.SET_NULL, related_name="uploads", verbose_name="报道"
    )
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
    created_by = models.ForeignKey(
        "auth.User",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="upload_batches",
        verbose_name="提交人",
    )
    status = models.CharField("状态", max_length=8, choices=STATUSES, default=QUEUED, db_index=True)
    task_id = models.CharField("后台任务编号", max_length=64, blank=True)
    finished = models.DateTimeField("完成时间", null=True, blank=True)

    class Meta:
        ordering = ["-created"]
        verbose_name = verbose_name_plural = "上传批次"

    def __str__(self):
        return f"批次 #{self.pk}"


class BatchItem(models.Model):
    """One file of a batch (a zip's members are items of their own, under it), and what became of it."""

    QUEUED, CREATED, DUPLICATE, FAILED, UNPACKED = "queued", "created", "duplicate", "failed", "unpacked"
    STATUSES = [
        (QUEUED, "排队中"),
        (CREATED, "已入库"),
        (DUPLICATE, "重复"),
        (FAILED, "未能入库"),
        (UNPACKED, "已解压"),
    ]

    batch = models.ForeignKey(UploadBatch, on_delete=models.CASCADE, related_name="items", verbose_name="批次")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="members", verbose_name="所在压缩包"
    )
    name = models.CharField("文件名", max_length=255)
    upload = models.ForeignKey(
        Upload, null=True, blank=True, on_delete=models.SET_NULL, related_name="items", verbose_name="上传文件"
    )
    status = models.CharField("结果", max_length=10, choices=STATUSES, default=QUEUED, db_index=True)
    report = models.ForeignKey(
        "Report", null=True, blank=True, on_delete=models.SET_NULL, related_name="batch_items", verbose_name="报道"
    )
    message = models.TextField("说明", blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = verbose_name_plural = "批次文件"

    def __str__(self):
        return self.name
