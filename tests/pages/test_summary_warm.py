"""The summary pages' data is built again right after an index commit (archive.views.cache.warm), for
the pages read lately: the first reader after an ingest or a correction does not wait."""


def _ingest(name, text):
    from archive.intake.service import ingest_bytes

    return ingest_bytes(name, (text + "\n").encode() * 3)


def test_a_page_read_before_a_commit_is_built_again_after_it(
    client, locmem, index_rollback, django_capture_on_commit_callbacks
):
    from search.indexing import version

    first = client.get("/?format=json").json()
    region = client.get("/region/140000/?format=json").json()
    with django_capture_on_commit_callbacks(execute=True):  # the index commits, as after a real transaction
        _ingest("warm.txt", "山西省灵丘县扶贫工作取得成效，全县贫困发生率由12.5%降至0.6%。")
    v = version()
    built = locmem.get(f"summary:home:{v}")  # before any request: built by the commit
    assert built is not None
    data, _dots = built
    assert data["counts"]["reports"] == first["counts"]["reports"] + 1
    assert locmem.get(f"summary:region:140000:{v}") is not None
    after = client.get("/?format=json").json()
    assert after["counts"]["reports"] == first["counts"]["reports"] + 1  # what the reader then sees
    assert client.get("/region/140000/?format=json").json()["counts"]["reports"] == region["counts"]["reports"] + 1


def test_a_page_not_read_lately_is_not_built_again(
    client, locmem, index_rollback, django_capture_on_commit_callbacks, monkeypatch
):
    from archive.views import cache
    from search.indexing import version

    client.get("/region/140000/?format=json")
    with django_capture_on_commit_callbacks(execute=True):
        _ingest("warm-1.txt", "山西省灵丘县发展光伏扶贫，带动贫困户增收。")
    assert locmem.get(f"summary:region:140000:{version()}") is not None
    monkeypatch.setattr(cache, "WARM_WINDOW", -1)  # as if nobody had read it for the window
    with django_capture_on_commit_callbacks(execute=True):
        _ingest("warm-2.txt", "山西省灵丘县推进易地扶贫搬迁，搬迁群众稳定就业。")
    assert locmem.get(f"summary:region:140000:{version()}") is None
