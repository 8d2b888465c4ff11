import logging

import jieba
from django.apps import AppConfig


class ArchiveConfig(AppConfig):
    name = "archive"
    verbose_name = "扶贫案例库"

    def ready(self):
        # here, not at the top: these import the models, which the app registry loads after this module
        from . import checks  # noqa: F401  (registers system checks)
        from .curation import connect_history

        connect_history()

        jieba.setLogLevel(logging.WARNING)
