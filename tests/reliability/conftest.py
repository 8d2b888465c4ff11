import shutil

import pytest

from tests.live import LiveArchive


def pytest_collection_modifyitems(items):
    for item in items:
        if "reliability" in str(item.fspath):
            item.add_marker(pytest.mark.reliability)


@pytest.fixture(scope="module")
def live():
    """An archive with the seeds, its web server and its worker running."""
    archive = LiveArchive("reliability").setup()
    archive.start_web()
    archive.start_worker()
    yield archive
    archive.close()
    shutil.rmtree(archive.var, ignore_errors=True)
