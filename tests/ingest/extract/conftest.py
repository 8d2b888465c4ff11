"""What the extraction tests share: one report's text through every stage, as an upload's would go."""

import pytest

from tests.ingest.extract.readers import extract_text


@pytest.fixture
def extract_one():
    return extract_text
