"""System checks with stable ids: the facts the archive cannot run without.

They run wherever the archive starts: runserver and every management command that touches the
archive (ingest, archive_worker, migrate …), gunicorn through config/wsgi.py, and extract and
evaluate_extraction (the "pipeline" ones). A library the pipeline needs that cannot be imported
stops the start with its name and the install step: left to the pipeline, a missing one (as
lxml_html_clean was in a requirements.txt-only install) is a field dropped from every report,
silently (no page's date read from its head).
"""

import importlib

import lxml.html
from django.core.checks import Error, register

from .gazetteer import POVERTY_TABLE
from .ingest.extract import lac
from .ingest.head import read_head

PIPELINE = "pipeline"  # the tag of the checks the pipeline alone needs (extract, evaluate_extraction)

# module the pipeline imports: the requirement (requirements.txt) that installs it
PIPELINE_LIBRARIES = {
    "trafilatura": "trafilatura",
    "htmldate": "htmldate",
    "lxml.html.clean": "lxml_html_clean",  # split out of lxml 5.2; trafilatura (justext) and htmldate clean with it
    "lxml_html_clean": "lxml_html_clean",
    "charset_normalizer": "charset-normalizer",
    "cn2an": "cn2an",
    "docx": "python-docx",
    "pypdf": "pypdf",
    "opencc": "OpenCC",
    "jieba": "jieba",
    "rjieba": "rjieba",
    "ahocorasick": "pyahocorasick",
    "cpca": "cpca",
    "numpy": "numpy",
}

# a page whose head states its date: the head reader must read it (2019-10-17)
PROBE_PAGE = (
    "<html><head><title>测试</title><meta property='article:published_time' content='2019-10-17T08:00:00+08:00'>"
    "</head><body><p>正文。</p></body></html>"
)


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


@register(PIPELINE)
def opencc_is_official(app_configs, **kwargs):
    try:
        import opencc  # here: a missing OpenCC is archive.E004's to say
    except ImportError:
        return []

    if not hasattr(opencc, "__version__") or not str(getattr(opencc, "__version__", "")).startswith("1."):
        return [
            Error(
                "The opencc module is not the official OpenCC wheel.",
                hint="pip uninstall opencc-python-reimplemented; pip install OpenCC (see docs/DECISIONS.md).",
                id="archive.E002",
            )
        ]
    return []


@register(PIPELINE)
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


@register(PIPELINE)
def pipeline_libraries_import(app_configs, **kwargs):
    """Every library the pipeline imports can be imported (they are imported where they are used, so a
    missing one would otherwise show only as fields missing from reports)."""
    errors = []
    for module, requirement in PIPELINE_LIBRARIES.items():
        try:
            importlib.import_module(module)
        except ImportError as exc:
            errors.append(
                Error(
                    f"The pipeline needs the library {module}, which cannot be imported ({exc}).",
                    hint=f"Install the archive's requirements: pip install -r requirements.txt (it pins {requirement}).",
                    obj=module,
                    id="archive.E004",
                )
            )
    return errors


@register(PIPELINE)
def page_head_reads_its_date(app_configs, **kwargs):
    """The head reader reads a date a page states: the field the missing lxml_html_clean dropped."""
    try:
        published = read_head(lxml.html.fromstring(PROBE_PAGE)).published
    except ImportError:
        return []  # archive.E004 says which library
    except Exception as exc:  # noqa: BLE001 (whatever breaks the reader is this check's finding)
        published = exc
    if str(published) != "2019-10-17":
        return [
            Error(
                f"The page-head reader did not read the date a page states (got {published!r}).",
                hint="Reinstall the requirements (pip install -r requirements.txt); trafilatura and htmldate "
                "must be the pinned versions.",
                id="archive.E005",
            )
        ]
    return []
