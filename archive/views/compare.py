from django.http import HttpResponse


def compare(request, **kw):
    return HttpResponse("todo")
