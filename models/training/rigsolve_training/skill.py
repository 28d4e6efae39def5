"""Skill: a solve's error beside what ignoring the image would give.

The definitions are those of the project's yardstick (shared/tools/score_solve.cjs), so a figure
here and one from scoring an exported CSV mean the same thing:
- zero MAE: predicting 0 for every control;
- constant MAE: the best constant per control, the truth's median over the set (an oracle: no
  solver knows it); skill = 1 − MAE / constant MAE (0: no better than that constant);
- r: Pearson correlation per control, over controls whose truth moves (std > MOVING_STD); a
  prediction that does not move scores 0.
Region skill is the same ratio over the region's controls.
"""
from __future__ import annotations

import numpy as np

MOVING_STD = 0.02


def pearson(pred: np.ndarray, truth: np.ndarray) -> np.ndarray:
    """Per column; 0 where the prediction is constant."""
    p = pred - pred.mean(0)
    t = truth - truth.mean(0)
    den = np.sqrt((p * p).sum(0) * (t * t).sum(0))
    with np.errstate(invalid="ignore", divide="ignore"):
        r = (p * t).sum(0) / den
    return np.where(den > 0, r, 0.0)


def skill_figures(pred: np.ndarray, truth: np.ndarray, controls: list, regions: list) -> dict:
    """pred, truth [frames, C] in the same control order."""
    pred = np.asarray(pred, np.float64)
    truth = np.asarray(truth, np.float64)
    err = np.abs(pred - truth)
    const = np.abs(truth - np.median(truth, axis=0))
    zero = np.abs(truth)
    moving = truth.std(0) > MOVING_STD
    r = pearson(pred, truth)
    reg = np.asarray(regions)

    def summary(sel) -> dict:
        e, c = err[:, sel].mean(), const[:, sel].mean()
        mv = moving & sel
        return {"mae": float(e), "zero_mae": float(zero[:, sel].mean()), "const_mae": float(c),
                "skill": float(1 - e / c) if c > 0 else None,
                "mean_r": float(r[mv].mean()) if mv.any() else None, "moving": int(mv.sum())}

    everything = np.ones(len(controls), bool)
    per_control = []
    for i, name in enumerate(controls):
        e, c = float(err[:, i].mean()), float(const[:, i].mean())
        per_control.append({"control": name, "region": regions[i], "mae": e, "const_mae": c,
                            "skill": (1 - e / c) if c > 0 else None,
                            "r": float(r[i]) if moving[i] else None})
    return {"frames": int(len(truth)), **summary(everything),
            "regions": {g: summary(reg == g) for g in dict.fromkeys(regions)},
            "controls": per_control}

