"""Calibrate the solver's per-control output deadzone on held-out renders.

    python3 models/training/calibrate.py --checkpoint RUN/checkpoint-last.pt --data DATA/val \\
        --out RUN/checkpoint-calibrated.pt

A control the network is unsure of comes out as a small value around 0 on every frame (the loss's
hedge); on a shot where that control never moves, the hedge is pure error. Each control gets the
deadzone t from GRID that minimises its MAE on held-out renders (never the evaluation shots),
pooled over both inputs and RGB only; the solver then returns clamp((x - t) / (1 - t), 0, 1)
(staged.calibrated_output), so small values read 0 and 1 still reads 1.
"""
from __future__ import annotations

import argparse
import math
from pathlib import Path

import numpy as np
import torch

from .data import SynthDataset
from .evaluate import model_inputs
from .train import load_checkpoint, model_from_checkpoint, save_checkpoint

GRID = (0.0, 0.005, 0.01, 0.015, 0.02, 0.03, 0.04, 0.05, 0.075, 0.1)
MODES = ("both", "rgb")


def apply_deadzone(raw: np.ndarray, t: np.ndarray) -> np.ndarray:
    return np.clip((raw - t) / (1.0 - t), 0.0, 1.0)


def choose_deadzone(raw: np.ndarray, truth: np.ndarray, grid=GRID) -> np.ndarray:
    """Per control, the grid value with the least MAE (the smallest on ties)."""
    maes = np.stack([np.abs(apply_deadzone(raw, t) - truth).mean(0) for t in grid])  # [G, C]
    return np.asarray(grid, dtype=np.float32)[maes.argmin(0)]


def raw_predictions(model, ds: SynthDataset, n: int, batch: int = 32) -> tuple[np.ndarray, np.ndarray]:
    """Unclamped outputs for the first n samples in each of MODES, and the truth repeated."""
    raws, truths = [], []
    for mode in MODES:
        for start in range(0, n, batch):
            rgb_u8, nrm_u8, y = ds.load(np.arange(start, min(n, start + batch)))
            rgb, nrm = model_inputs(rgb_u8, nrm_u8, mode, model.input_size)
            with torch.no_grad():
                raws.append(model(torch.from_numpy(rgb), torch.from_numpy(nrm), clamp=False)[0].numpy())
            truths.append(y)
    return np.concatenate(raws), np.concatenate(truths)


def calibrate(checkpoint, data, out, samples: int = 1000, say=print) -> dict:
    torch.set_num_threads(2)
    model, _ = model_from_checkpoint(checkpoint)
    if not hasattr(model, "deadzone"):
        raise SystemExit(f"{checkpoint}: only the staged solver has a calibrated output")
    ds = SynthDataset(data)
    ck = load_checkpoint(checkpoint)
    if ds.controls != ck["data"]["controls"]:
        raise SystemExit(f"{data}: its controls differ from the checkpoint's")
    n = min(samples, len(ds))
    say(f"[calibrate] {n} held-out renders from {data}, modes {', '.join(MODES)}")
    raw, truth = raw_predictions(model, ds, n)
    t = choose_deadzone(raw, truth)
    before = float(np.abs(np.clip(raw, 0, 1) - truth).mean())
    after = float(np.abs(apply_deadzone(raw, t) - truth).mean())
    ck["model"]["deadzone"] = torch.from_numpy(t)
    ck["calibration"] = {"data": Path(data).name, "samples": n, "modes": list(MODES), "grid": list(GRID),
                         "maeBefore": round(before, 6), "maeAfter": round(after, 6),
                         "deadzone": {c: float(v) for c, v in zip(ds.controls, t) if v > 0}}
    save_checkpoint(Path(out), ck)
    say(f"[calibrate] held-out MAE {before:.5f} -> {after:.5f}; {int((t > 0).sum())} of {len(t)} "
        f"controls have a deadzone (largest {t.max():.3f}); wrote {out}")
    assert math.isfinite(after)
    return ck["calibration"]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--checkpoint", required=True)
    ap.add_argument("--data", required=True, help="held-out rigsolve-synth-data/1 dir (not the evaluation shots)")
    ap.add_argument("--out", required=True, help="the calibrated checkpoint to write")
    ap.add_argument("--samples", type=int, default=1000)
    a = ap.parse_args(argv)
    calibrate(a.checkpoint, a.data, a.out, a.samples)
    return 0
