"""The numpy port of Baidu LAC against LAC itself.

lac_reference.json holds what LAC 2.1.2 (on PaddlePaddle 3.3.1, paddle.fluid pointed at
paddle.base) printed for every sentence of the seed reports, a third of them converted to
traditional script, and a few sentences written for the name rules: the port must give the
same words and tags for every one (7,659 corpus sentences agreed too when the port was
written; docs/DECISIONS.md).
"""

import json
from pathlib import Path

import numpy as np
import pytest

from archive.ingest.extract import lac

REFERENCE = json.loads((Path(__file__).parent / "lac_reference.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def model():
    return lac.load()


def test_the_port_tags_as_lac_does(model):
    texts = [r["text"] for r in REFERENCE]
    got = model.tag(texts)
    wrong = [
        (r["text"], list(zip(r["words"], r["tags"])), g)
        for r, g in zip(REFERENCE, got)
        if list(zip(r["words"], r["tags"])) != g
    ]
    assert not wrong, f"{len(wrong)} of {len(texts)} sentences tagged differently from LAC, first: {wrong[0]}"


def test_batches_of_any_size_and_order_give_the_same_tags(model):
    texts = [r["text"] for r in REFERENCE[:40]]
    one_by_one = [model.tag([t])[0] for t in texts]
    assert model.tag(list(reversed(texts))) == list(reversed(one_by_one))


def test_empty_and_odd_input(model):
    assert model.tag([]) == []
    assert model.tag(["", "。"]) == [[], [("。", "w")]]


def test_names_are_tagged_as_persons(model):
    (tagged,) = model.tag(["县委副书记、县长郭省军来到洋县调研。"])
    assert ("郭省军", "PER") in tagged and ("洋县", "LOC") in tagged


def test_a_paddle_parameter_file_is_read(tmp_path):
    """The format fetch() reads: version, LoD, tensor version, a TensorDesc protobuf, the values."""
    values = np.arange(6, dtype="<f4").reshape(2, 3)
    desc = bytes([0x08, 0x05, 0x10, 0x02, 0x10, 0x03])  # data_type FP32, dims 2 and 3
    blob = (
        np.uint32(0).tobytes()
        + np.uint64(0).tobytes()
        + np.uint32(0).tobytes()
        + np.int32(len(desc)).tobytes()
        + desc
        + values.tobytes()
    )
    assert np.array_equal(lac._paddle_tensor(blob), values)


def test_a_missing_model_says_what_to_run(tmp_path):
    with pytest.raises(lac.ModelMissing, match="fetch_models"):
        lac.Model(lac.model_path(tmp_path))
