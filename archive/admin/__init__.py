"""The admin: upload reports, review what was extracted, correct it; the index follows.

Customised through get_* methods and @admin.action; every parse goes through archive.ingest (no
parsing code here) and every review rule through archive/curation.py: the inlines mark what a person
accepts, corrects, adds or rejects (a rejected extraction is kept, hidden, so extracting again does
not bring it back), re-extraction keeps those decisions, and django-simple-history records each
change with its user.

reports.py   the review queue and a report's review page, its actions and its change history
inlines.py   the extracted records of a report as inlines whose rows are saved as decisions
merging.py   people and programmes: merge and split
uploads.py   the upload and batch pages, uploaded files and batches
lookups.py   regions and sources (what the choosers look up)

The site itself (Chinese titles, choosers labelled by name and code) is archive/admin_site.py, outside
this package: settings.INSTALLED_APPS imports it before the models are ready, and importing this
package registers ModelAdmins, which needs them.
"""

from . import lookups, merging, reports, uploads  # noqa: F401 (importing them registers their ModelAdmins)
