from django.http import HttpResponse


def spread(request, **kw):
    return HttpResponse("todo")
