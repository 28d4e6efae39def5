"""The TINY configuration, end to end on fake data in the synth-data format: train (and learn),
export with parity and int8, evaluate with baselines and the jitter figure."""
import json
import time

import numpy as np
import torch

from conftest import LEARNABLE
from rigsolve_training import evaluate as ev
from rigsolve_training.config import CONFIG_DIR, load_config
from rigsolve_training.data import SynthDataset
from rigsolve_training.export import PARITY_TOL, export, manifest_path, session_for
from rigsolve_training.preprocess import preprocess
from rigsolve_training.train import model_from_checkpoint, train

# The tiny Hiera sits on a plateau for ~300-400 steps on this data, then learns quickly
# (measured: error/median-predictor ratio ~1.1 at step 250, 0.2-0.6 at 500, ~0.15 at 750).
STEPS = 700
CNN_STEPS = 150


def learned_ratio(ckpt, data_dir) -> float:
    """Held-out MAE on the moving controls divided by that of the best constant (the median)."""
    model, _ = model_from_checkpoint(ckpt)
    ds = SynthDataset(data_dir)
    rgb, nrm, y = ds.load(np.arange(len(ds)))
    with torch.no_grad():
        p = model(torch.from_numpy(preprocess(rgb, "rgb")), torch.from_numpy(preprocess(nrm, "normal")))[0].numpy()
    cols = [ds.controls.index(c) for c in LEARNABLE]
    err = np.abs(p[:, cols] - y[:, cols]).mean()
    return float(err / np.abs(y[:, cols] - np.median(y[:, cols], axis=0)).mean())


def test_tiny_trains_exports_and_evaluates(fake_data, tmp_path, capsys):
    t0 = time.perf_counter()
    data, heldout, shot = fake_data
    run, cnn_run = tmp_path / "tiny", tmp_path / "cnn"
    cfg = load_config(CONFIG_DIR / "tiny.json")
    assert cfg["train"]["steps"] == STEPS
    train(cfg, data, run, heldout)
    out = capsys.readouterr().out
    assert "ETA" in out and "samples/s" in out                    # progress lines
    ratio = learned_ratio(run / "checkpoint-last.pt", heldout)
    assert ratio < 0.7, f"tiny model did not learn: error ratio {ratio:.2f} vs the median predictor"
    curve = [json.loads(ln) for ln in (run / "train-log.jsonl").read_text().splitlines()]
    losses = [r["loss"] for r in curve if "loss" in r]
    assert losses[-1] < 0.5 * losses[0]
    assert (run / "checkpoint-best.pt").exists()

    cnn_cfg = load_config(CONFIG_DIR / "tiny.json", ['model.type="cnn"', f"train.steps={CNN_STEPS}"])
    train(cnn_cfg, data, cnn_run, quiet=True)

    eval_json, eval_md = tmp_path / "eval.json", tmp_path / "EVAL.md"
    ev.main(["--model", str(run / "checkpoint-best.pt"), "--data", str(heldout), "--train-data", str(data),
             "--cnn", str(cnn_run / "checkpoint-last.pt"), "--shot", str(shot),
             "--also", str(run / "checkpoint-last.pt"),
             "--train-log", f"tiny={run / 'train-log.jsonl'}",
             "--out", str(eval_md), "--json", str(eval_json)])
    res = json.loads(eval_json.read_text())
    rows = {(r["kind"], r["mode"]): r for r in res["rows"]}
    assert set(rows) == {(k, m) for k in ("solver", "cnn baseline", "ridge baseline", "solver, other budget")
                         for m in ("rgb", "normal", "both")}
    # another budget of the solver is shown, labelled with its steps, and is not a competitor
    assert rows[("solver, other budget", "both")]["model"].startswith("hiera-tiny-32 @ ")
    both = rows[("solver", "both")]
    assert set(both["regions"]) == {"brow", "eyelid", "gaze", "nose", "cheek", "mouthCorner", "lips", "mouth",
                                    "chin", "jaw", "tongue", "neck"}
    assert 0 < both["vertex_mean_mm"] <= both["vertex_p95_mm"]
    assert both["mae"] < res["zero_predictor_mae"]
    shot_fig = {s["kind"]: s for s in res["shots"]["figures"]}
    assert shot_fig["solver"]["both"]["frames"] == 24 and shot_fig["solver"]["both"]["jitter_truth"] > 0
    pooled = {(r["kind"], r["mode"]): r for r in res["shots"]["pooled"]}
    fused = pooled[("solver", "both")]
    assert len(fused["controls"]) == 102 and fused["const_mae"] > 0
    assert abs(fused["skill"] - (1 - fused["mae"] / fused["const_mae"])) < 1e-9
    assert res["headline"]["mode"] == "both" and res["headline"]["skill"] == fused["skill"]
    md = eval_md.read_text()
    assert "python3 models/training/evaluate.py --model" in md and "--train-data" in md and "| hiera-tiny-32 | solver | rgb |" in md
    assert "## Held-out natural-motion shots" in md and "### Per control" in md
    assert 0 < both["mae_ci95"] < both["mae"] and 0 < both["vertex_mean_ci95"] < both["vertex_mean_mm"]
    assert "## Targets (shipped model" in md and f"| skill ≥ 0.6 | {fused['skill']:.3f} |" in md
    assert (tmp_path / "eval-controls.png").exists() and "![skill and r per control](eval-controls.png)" in md
    assert "## Training curves" in md and "| 700 |" in md   # the tiny run's last validation point

    res_exp = export(run / "checkpoint-best.pt", tmp_path / "solver.onnx", evaluation_json=eval_json, quantize=True)
    assert max(res_exp["parity"].values()) <= PARITY_TOL
    man = json.loads(manifest_path(tmp_path / "solver.onnx").read_text())
    assert man["evaluation"]["rows"] == res["rows"] and man["evaluation"]["headline"] == res["headline"]
    assert man["rigHash"] == SynthDataset(data).rig_hash and man["trainingData"]["count"] == 1024

    # the exported graph (what ships) evaluates like the checkpoint, mode by mode
    ev.main(["--model", str(tmp_path / "solver.onnx"), "--data", str(heldout), "--json", str(tmp_path / "e2.json")])
    onnx_rows = json.loads((tmp_path / "e2.json").read_text())["rows"]
    assert [r["mode"] for r in onnx_rows] == ["rgb", "normal", "both"]
    for r in onnx_rows:
        assert abs(r["mae"] - rows[("solver", r["mode"])]["mae"]) < 1e-5
    assert session_for(tmp_path / "solver.int8.onnx").get_inputs()[0].name == "rgb"
    assert time.perf_counter() - t0 < 170
