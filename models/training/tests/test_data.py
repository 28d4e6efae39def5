import json

import numpy as np
import pytest

from rigsolve_training.controls import CONTROLS_TSV, load_controls
from rigsolve_training.data import SynthDataset, read_shot
from rigsolve_training.fakedata import write_dataset


def test_fake_writer_obeys_the_synth_data_contract(fake_data):
    train, _, _ = fake_data
    m = json.loads((train / "manifest.json").read_text())
    assert set(m) == {"format", "count", "size", "seed", "controls", "regions", "rigHash", "hasNormal",
                      "shards", "basis"}
    rows = load_controls()
    assert m["format"] == "rigsolve-synth-data/1" and m["count"] == 1024 and m["size"] == 32
    assert m["controls"] == [r["name"] for r in rows] and m["regions"] == [r["region"] for r in rows]
    assert len(m["controls"]) == 102 and len(m["rigHash"]) == 64 and m["hasNormal"] is True
    assert sum(s["count"] for s in m["shards"]) == 1024 and len(m["shards"]) == 3
    for s in m["shards"]:
        assert set(s) == {"count", "rgb", "normal", "params"}
        rgb, nrm, par = (np.load(train / s[k]) for k in ("rgb", "normal", "params"))
        assert rgb.dtype == np.uint8 and rgb.shape == (s["count"], 32, 32, 3)
        assert nrm.dtype == np.uint8 and nrm.shape == rgb.shape
        assert par.dtype == np.float32 and par.shape == (s["count"], 102)
        assert par.min() >= 0 and par.max() <= 1
        # camera-space normals: facing the camera means z > 0 -> blue channel above 127
        assert (nrm[..., 2] > 127).mean() > 0.95
    b = m["basis"]
    neutral, deltas, corr = (np.load(train / b[k]) for k in ("neutral", "deltas", "correctives"))
    assert neutral.dtype == deltas.dtype == corr.dtype == np.float32
    assert deltas.shape == (102,) + neutral.shape and neutral.shape[1] == 3
    assert corr.shape[0] == len(b["correctivePairs"]) and all(a != c for a, c in b["correctivePairs"])


def test_images_depend_on_the_params(tmp_path):
    d = write_dataset(tmp_path / "d", 8, 32, seed=4)
    ds = SynthDataset(d)
    rgb, nrm, p = ds.load(np.arange(8))
    assert len({r.tobytes() for r in rgb}) == 8 and len({n.tobytes() for n in nrm}) == 8


def test_reader_memory_maps_and_keeps_rows_aligned_across_shards(fake_data):
    train, _, _ = fake_data
    ds = SynthDataset(train)
    assert isinstance(ds._rgb[0], np.memmap)
    idx = np.array([1000, 3, 383, 384, 767, 768, 3])         # crosses all shard boundaries
    rgb, nrm, par = ds.load(idx)
    m = json.loads((train / "manifest.json").read_text())
    for out_i, gi in enumerate(idx):
        k, local = int(gi // 384), int(gi % 384)
        sh = m["shards"][k]
        assert np.array_equal(rgb[out_i], np.load(train / sh["rgb"])[local])
        assert np.array_equal(nrm[out_i], np.load(train / sh["normal"])[local])
        assert np.array_equal(par[out_i], np.load(train / sh["params"])[local])
    with pytest.raises(IndexError):
        ds.load([1024])


def test_reader_rejects_a_wrong_shard(tmp_path):
    d = write_dataset(tmp_path / "d", 4, 16, seed=0)
    np.save(d / "shard-00000.params.npy", np.zeros((4, 101), np.float32))
    with pytest.raises(ValueError, match="expected float32"):
        SynthDataset(d)


def test_shot_reader(fake_data):
    _, _, shot_dir = fake_data
    shot = read_shot(shot_dir)
    assert shot.frames == list(range(1, 25))
    assert shot.rgb.shape == (24, 32, 32, 3) and shot.normal.shape == shot.rgb.shape
    assert shot.truth.shape == (24, 102) and shot.controls[0] == "browInnerUp_L"


def test_control_table_is_the_design_cards():
    rows = load_controls()
    assert CONTROLS_TSV.exists() and len(rows) == 102
    assert rows[84]["name"] == "jawOpen" and rows[20]["region"] == "gaze"
