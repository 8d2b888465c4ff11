from haystack.signals import BaseSignalProcessor


class ReportSignalProcessor(BaseSignalProcessor):
    """Placeholder until the serialised index writer exists."""
