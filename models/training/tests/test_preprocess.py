import json
from pathlib import Path

import numpy as np
import pytest

from rigsolve_training.preprocess import NORMALISATION, preprocess, reference_fixture, reference_image

FIXTURE = Path(__file__).parent / "fixtures" / "preprocess-reference.json"


def test_matches_committed_reference_vectors_exactly():
    # the fixture is the cross-language contract: changing preprocessing must change it knowingly
    fx = json.loads(FIXTURE.read_text())
    img = np.asarray(fx["imageHWC"], dtype=np.uint8)
    assert np.array_equal(img, reference_image())
    assert fx["normalisation"] == NORMALISATION
    for kind in ("rgb", "normal"):
        got = preprocess(img, kind)
        assert got.dtype == np.float32 and got.shape == (3, 4, 4)
        assert np.array_equal(got, np.asarray(fx["expectedCHW"][kind], dtype=np.float32))
    assert fx == json.loads(json.dumps(reference_fixture()))


def test_formula_by_hand():
    img = np.zeros((2, 2, 3), np.uint8)
    img[0, 1] = (255, 0, 128)
    rgb, nrm = preprocess(img, "rgb"), preprocess(img, "normal")
    assert rgb[0, 0, 1] == np.float32((1.0 - 0.485) / 0.229)
    assert rgb[1, 0, 1] == np.float32((0.0 - 0.456) / 0.224)
    assert rgb[2, 0, 1] == np.float32((128 / 255 - 0.406) / 0.225)
    assert nrm[0, 0, 1] == np.float32(1.0) and nrm[1, 0, 1] == np.float32(-1.0)
    assert rgb[0, 1, 0] == np.float32(-0.485 / 0.229)          # CHW: channel, row, column


def test_batches_and_rejects_wrong_input():
    batch = np.random.default_rng(0).integers(0, 256, (5, 8, 8, 3), dtype=np.uint8)
    out = preprocess(batch, "normal")
    assert out.shape == (5, 3, 8, 8)
    assert np.array_equal(out[3], preprocess(batch[3], "normal"))
    with pytest.raises(TypeError):
        preprocess(batch.astype(np.float32), "rgb")
    with pytest.raises(ValueError):
        preprocess(batch[..., :2], "rgb")


def test_no_uint8_image_maps_to_the_absent_sentinel():
    # every uint8 value gives a non-zero input in every channel, so all-zero means "absent"
    levels = np.repeat(np.arange(256, dtype=np.uint8)[:, None, None], 3, axis=2)   # [256, 1, 3]
    for kind in ("rgb", "normal"):
        assert (preprocess(levels, kind) != 0).all()
