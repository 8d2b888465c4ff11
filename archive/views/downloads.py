"""Stored files handed back as they were given: a report's original, and (through the admin) an upload."""

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404

from ..models import Report


def download(fieldfile, name):
    """A stored file as it was given: always a download (an uploaded HTML page is never shown as a
    page of this site, where its scripts would run), its type never sniffed."""
    if not fieldfile:
        raise Http404("no stored file")
    try:
        fh = fieldfile.open("rb")
    except OSError:
        raise Http404("the stored file is missing") from None
    response = FileResponse(
        fh,
        as_attachment=True,
        filename=(name or fieldfile.name).rsplit("/", 1)[-1],
        content_type="application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def original(request, pk):
    """The file a report was made from."""
    r = get_object_or_404(Report, pk=pk)
    return download(r.original, r.original_name)
