from django.apps import AppConfig


class ArchiveConfig(AppConfig):
    name = "archive"
    verbose_name = "扶贫案例库"

    def ready(self):
        import logging

        import jieba

        from . import checks  # noqa: F401  (registers system checks)
        from .curation import connect_history

        connect_history()

        jieba.setLogLevel(logging.WARNING)
