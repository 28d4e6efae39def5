"""The staged pipeline end to end at smoke-test size, on real renders of the default head: render
training data and a natural-motion shot with the app's own renderer (rigsolve synth-data and
synth-shot), train the tiny staged configuration, and require that it beats the best constant
per control on the held-out shot (skill > 0). A solver that collapses to a constant, as the first
shipped model did, fails here."""
import json
import subprocess
from pathlib import Path

import numpy as np
import pytest
import torch

from rigsolve_training.calibrate import calibrate
from rigsolve_training.config import CONFIG_DIR, load_config
from rigsolve_training.controls import REPO_ROOT
from rigsolve_training.data import read_shot
from rigsolve_training.evaluate import model_inputs
from rigsolve_training.skill import skill_figures
from rigsolve_training.train import model_from_checkpoint, train

CLI = REPO_ROOT / "bin" / "rigsolve.mjs"


def rigsolve(*args):
    done = subprocess.run(["node", str(CLI), *map(str, args)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]


@pytest.fixture(scope="module")
def renders(tmp_path_factory):
    root = tmp_path_factory.mktemp("staged")
    rigsolve("synth-data", "--out", root / "train", "--count", 2400, "--size", 64, "--seed", 31, "--shard", 800)
    rigsolve("synth-data", "--out", root / "val", "--count", 256, "--size", 64, "--seed", 32)
    rigsolve("synth-shot", "--out", root / "shot", "--frames", 150, "--size", 64, "--seed", 33)
    return root


def test_tiny_staged_solver_beats_the_best_constant_on_a_held_out_shot(renders, tmp_path):
    cfg = load_config(CONFIG_DIR / "staged-tiny.json")
    run = tmp_path / "run"
    train(cfg, renders / "train", run, renders / "val", quiet=True)
    model, ck = model_from_checkpoint(run / "checkpoint-last.pt")
    controls, regions = ck["data"]["controls"], ck["data"]["regions"]
    shot = read_shot(renders / "shot")
    truth = shot.truth[:, [shot.controls.index(c) for c in controls]]
    rgb, nrm = model_inputs(shot.rgb, shot.normal, "both", model.input_size)
    with torch.no_grad():
        pred = model(torch.from_numpy(rgb), torch.from_numpy(nrm))[0].numpy()
    fig = skill_figures(pred, truth, controls, regions)
    assert fig["skill"] > 0, f"skill {fig['skill']:.3f}: no better than the best constant"
    jaw = next(c for c in fig["controls"] if c["control"] == "jawOpen")
    assert jaw["r"] is not None and jaw["r"] > 0.5, jaw
    assert np.isfinite(pred).all() and pred.min() >= 0 and pred.max() <= 1
    # the calibrated output (calibrate.py, on the held-out renders) is no worse there, and still solves
    cal = calibrate(run / "checkpoint-last.pt", renders / "val", run / "calibrated.pt", say=lambda *a: None)
    assert cal["maeAfter"] <= cal["maeBefore"]
    model, _ = model_from_checkpoint(run / "calibrated.pt")
    with torch.no_grad():
        pred = model(torch.from_numpy(rgb), torch.from_numpy(nrm))[0].numpy()
    assert skill_figures(pred, truth, controls, regions)["skill"] > 0


def test_expert_on_crops_experiment_cuts_the_layouts_crops_and_scores_one_head(renders, tmp_path):
    """The loss experiment of EVAL.md's notes (experiments/expert_on_crops.py) at smoke size."""
    script = Path(__file__).resolve().parents[1] / "experiments" / "expert_on_crops.py"
    crops = tmp_path / "crops.npz"
    run = lambda *a: subprocess.run(["python3", str(script), *map(str, a)], capture_output=True, text=True, timeout=600)  # noqa: E731
    done = run("cut", "--data", renders / "train", "--val", renders / "val", "--config", CONFIG_DIR / "staged-tiny.json",
               "--samples", 300, "--out", crops)
    assert done.returncode == 0, done.stderr[-2000:]
    d = np.load(crops)
    assert d["t_mouth"].shape[0] == 300 and d["v_mouth"].shape[0] == 256 and d["t_mouth"].shape[1] == 6
    done = run("train", "--crops", crops, "--crop", "jaw", "--head", "jaw", "--loss", "huber:0.1", "--steps", 20)
    assert done.returncode == 0, done.stderr[-2000:]
    out = json.loads(done.stdout)
    names = [c["control"] for c in out["figures"]["controls"]]
    assert out["figures"]["frames"] == 256 and "jawOpen" in names and all(n.startswith(("jaw", "neck")) for n in names)
    bad = run("train", "--crops", crops, "--crop", "jaw", "--head", "jaw", "--loss", "cosine", "--steps", 1)
    assert bad.returncode != 0 and "--loss" in bad.stderr
