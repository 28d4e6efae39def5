import json

import numpy as np
import onnx
import pytest
import torch

from rigsolve_training.config import CONFIG_DIR, load_config
from rigsolve_training.export import PARITY_TOL, export, manifest_path, max_diff, parity_inputs, session_for
from rigsolve_training.train import model_from_checkpoint, train


@pytest.fixture(scope="module")
def checkpoint(fake_data, tmp_path_factory):
    data, _, _ = fake_data
    out = tmp_path_factory.mktemp("run")
    cfg = load_config(CONFIG_DIR / "tiny.json", ["train.steps=2", "train.batch_size=4"])
    train(cfg, data, out, quiet=True)
    return out / "checkpoint-last.pt"


def test_onnx_contract_and_parity(checkpoint, tmp_path):
    res = export(checkpoint, tmp_path / "solver.onnx", quiet=True)
    m = onnx.load(str(tmp_path / "solver.onnx"))
    assert m.opset_import[0].version == 17
    dims = lambda v: [d.dim_param or d.dim_value for d in v.type.tensor_type.shape.dim]  # noqa: E731
    assert [(i.name, dims(i)) for i in m.graph.input] == [("rgb", ["N", 3, 32, 32]), ("normal", ["N", 3, 32, 32])]
    assert [(o.name, dims(o)) for o in m.graph.output] == [("params", ["N", 102]), ("features", ["N", 128])]
    convs = [n.name for n in m.graph.node if n.op_type == "Conv"]
    assert len(convs) == 2 and all("patch_embed" in c for c in convs)   # one stem per branch, nothing else
    assert max(res["parity"].values()) <= PARITY_TOL

    model, _ = model_from_checkpoint(checkpoint)
    sess = session_for(tmp_path / "solver.onnx")
    for n in (1, 5, 17):                                   # dynamic batch
        rgb = np.random.default_rng(n).normal(size=(n, 3, 32, 32)).astype(np.float32)
        nrm = np.zeros_like(rgb)                            # absent normals
        p, f = sess.run(None, {"rgb": rgb, "normal": nrm})
        with torch.no_grad():
            tp, tf = model(torch.from_numpy(rgb), torch.from_numpy(nrm))
        assert p.shape == (n, 102) and f.shape == (n, 128)
        assert np.abs(p - tp.numpy()).max() <= PARITY_TOL and np.abs(f - tf.numpy()).max() <= PARITY_TOL


def test_parity_check_detects_a_different_model(checkpoint, tmp_path):
    export(checkpoint, tmp_path / "solver.onnx", quiet=True)
    other = load_config(CONFIG_DIR / "tiny.json", ["seed=99"])
    torch.manual_seed(99)
    from rigsolve_training.model import build_model
    wrong = build_model(other, 102).eval()
    diff = max_diff(session_for(tmp_path / "solver.onnx"), wrong, parity_inputs(32))
    assert diff["params"] > PARITY_TOL


def test_manifest_and_int8(checkpoint, tmp_path):
    res = export(checkpoint, tmp_path / "m.onnx", quantize=True, quiet=True)
    man = json.loads(manifest_path(tmp_path / "m.onnx").read_text())
    for key in ("format", "id", "inputSize", "inputs", "normalisation", "scale", "normalConvention",
                "absentNormal", "controls", "rigHash", "trainingData", "config", "evaluation", "featureSize"):
        assert key in man
    assert man["format"] == "rigsolve-model/1" and man["inputSize"] == 32 and man["featureSize"] == 128
    assert man["normalConvention"] == "opengl-camera rgb=(n+1)/2"
    assert man["absentNormal"]["feed"] == "zeros" and man["evaluation"] is None
    assert len(man["controls"]) == 102 and man["controls"][84] == "jawOpen"
    assert man["normalisation"]["rgb"]["mean"] == [0.485, 0.456, 0.406]
    q = json.loads(manifest_path(tmp_path / "m.int8.onnx").read_text())
    assert q["quantisation"]["type"].startswith("onnxruntime dynamic int8")
    assert q["id"] != man["id"]
    assert res["int8_diff"]["params"] < 0.05                # quantisation error, bounded
    p, _ = session_for(tmp_path / "m.int8.onnx").run(None, {"rgb": np.ones((2, 3, 32, 32), np.float32),
                                                            "normal": np.zeros((2, 3, 32, 32), np.float32)})
    assert p.shape == (2, 102) and 0 <= p.min() and p.max() <= 1
