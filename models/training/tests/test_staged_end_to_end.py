"""The staged pipeline end to end at smoke-test size, on real renders of the default head: render
training data and a natural-motion shot with the app's own renderer (rigsolve synth-data and
synth-shot), train the tiny staged configuration, and require that it beats the best constant
per control on the held-out shot (skill > 0). A solver that collapses to a constant, as the first
shipped model did, fails here."""
import subprocess
from pathlib import Path

import numpy as np
import pytest
import torch

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
