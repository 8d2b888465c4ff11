"""System checks with stable ids: the facts the archive cannot run without."""

from django.core.checks import Error, register

from .gazetteer import POVERTY_TABLE
from .ingest.extract import lac


@register()
def poverty_table_present(app_configs, **kwargs):
    if not POVERTY_TABLE.exists():
        return [
            Error(
                "The poverty-county facts table is missing.",
                hint="Run manage.py build_poverty_counties.",
                id="archive.E001",
            )
        ]
    return []


@register()
def opencc_is_official(app_configs, **kwargs):
    import opencc

    if not hasattr(opencc, "__version__") or not str(getattr(opencc, "__version__", "")).startswith("1."):
        return [
            Error(
                "The opencc module is not the official OpenCC wheel.",
                hint="pip uninstall opencc-python-reimplemented; pip install OpenCC (see docs/DECISIONS.md).",
                id="archive.E002",
            )
        ]
    return []


@register()
def name_tagger_present(app_configs, **kwargs):
    if not lac.present():
        return [
            Error(
                f"The name tagger's model (Baidu LAC {lac.VERSION}) is not in MODEL_DIR ({lac.model_path()}).",
                hint="Run manage.py fetch_models (make does); without it no report can be extracted.",
                id="archive.E003",
            )
        ]
    return []
