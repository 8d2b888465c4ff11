"""A citation for a report, in GB/T 7714 style (what Chinese researchers cite by)."""


def citation(report, request=None):
    source = report.source.name if report.source else "佚名"
    date = report.published.isoformat() if report.published else "出版日期不详"
    url = request.build_absolute_uri(report.get_absolute_url()) if request else report.get_absolute_url()
    authors = report.byline.replace("记者 ", "").replace("通讯员 ", "") if report.byline else source
    return f"{authors}. {report.title}[N/OL]. {source}, {date}. {url}."
