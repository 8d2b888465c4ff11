"""Keep the index in step with admin edits and deletes, after the transaction commits."""

import threading

from django.db import transaction
from django.db.models import signals
from haystack.signals import BaseSignalProcessor

from archive.models import Metric, PersonMention, RegionMention, Report, ReportCategory

from .indexing import index_reports, remove_reports

_local = threading.local()


class ReportSignalProcessor(BaseSignalProcessor):
    def setup(self):
        signals.post_save.connect(self.report_saved, sender=Report)
        signals.post_delete.connect(self.report_deleted, sender=Report)
        for model in (RegionMention, ReportCategory, PersonMention, Metric):
            signals.post_save.connect(self.child_changed, sender=model)
            signals.post_delete.connect(self.child_changed, sender=model)

    def teardown(self):
        signals.post_save.disconnect(self.report_saved, sender=Report)
        signals.post_delete.disconnect(self.report_deleted, sender=Report)

    @staticmethod
    def _schedule(pk):
        """One index update per report per transaction, however many of its rows changed.

        The batch belongs to the outermost atomic block it was made in, so a
        rolled-back transaction (whose on_commit never runs) leaves nothing behind.
        """
        conn = transaction.get_connection()
        if not conn.in_atomic_block:
            index_reports([pk])
            return
        block = conn.atomic_blocks[0]
        entry = getattr(_local, "entry", None)
        if entry is None or entry[0] is not block:
            entry = _local.entry = (block, set())

            def flush(entry=entry):
                if getattr(_local, "entry", None) is entry:
                    _local.entry = None
                index_reports(sorted(entry[1]))

            transaction.on_commit(flush)
        entry[1].add(pk)

    def report_saved(self, sender, instance, raw=False, **kwargs):
        if not raw and not getattr(instance, "_skip_index", False):
            self._schedule(instance.pk)

    def child_changed(self, sender, instance, raw=False, **kwargs):
        if not raw and instance.report_id:
            self._schedule(instance.report_id)

    def report_deleted(self, sender, instance, **kwargs):
        pk = instance.pk
        transaction.on_commit(lambda: remove_reports([pk]))
