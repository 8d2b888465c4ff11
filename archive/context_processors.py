def script(request):
    """The display script chosen with the 简/繁 toggle (?display=hant, remembered in a cookie).

    Not ?script=: that is the facet of the script a report was written in."""
    return {"display_script": display_script(request)}


def display_script(request):
    chosen = request.GET.get("display") or request.COOKIES.get("display") or "hans"
    return "hant" if chosen == "hant" else "hans"
