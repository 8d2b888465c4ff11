def script(request):
    """The display script chosen with the 简/繁 toggle (?script=hant, remembered in a cookie)."""
    chosen = request.GET.get("script") or request.COOKIES.get("script") or "hans"
    return {"display_script": "hant" if chosen == "hant" else "hans"}
