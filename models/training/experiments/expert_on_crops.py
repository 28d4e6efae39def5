"""One expert alone, on crops cut once at the true anchors: a fast way to ask which loss, crop or
layout lets a region's controls be learned at all (minutes per run instead of the full model's
hours). Used for the loss experiment in models/EVAL.md's notes.

    # cut the crops of N training samples and the first 1000 held-out ones (the shipped layout)
    python3 models/training/experiments/expert_on_crops.py cut --data DATA/train --val DATA/val \
        --config models/training/configs/staged.json --samples 16000 --out crops.npz
    # train one expert (its CNN and a head) on one crop for one head's controls, print figures
    python3 models/training/experiments/expert_on_crops.py train --crops crops.npz --crop mouth \
        --head mouth --loss huber:0.1 --steps 1500

Figures (held-out samples): skill = 1 − MAE / best-constant MAE per control and pooled, and r.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from rigsolve_training.config import load_config  # noqa: E402
from rigsolve_training.data import SynthDataset  # noqa: E402
from rigsolve_training.evaluate import model_inputs  # noqa: E402
from rigsolve_training.losses import huber  # noqa: E402
from rigsolve_training.skill import skill_figures  # noqa: E402
from rigsolve_training.staged import Expert, StagedSolver, anchors_to_normalised, assign_controls, expert_layout, sample_crop  # noqa: E402


def cut(args) -> None:
    cfg = load_config(args.config)
    train, val = SynthDataset(args.data), SynthDataset(args.val)
    model = StagedSolver(cfg["model"], train.controls, train.regions)   # only its crop grids are used
    names = list(model.crops)

    def crops(ds: SynthDataset, idx: np.ndarray) -> dict:
        out: dict = {k: [] for k in names}
        for s in range(0, len(idx), 128):
            sel = idx[s:s + 128]
            rgb, nrm, _ = ds.load(sel)
            anchors, _ = ds.load_pose(sel)
            r, n = model_inputs(rgb, nrm, "both", ds.size)
            both = torch.cat([torch.from_numpy(r), torch.from_numpy(n)], 1)
            a = anchors_to_normalised(torch.from_numpy(anchors), ds.size)
            for k in names:
                grid = getattr(model, f"grid_{k}")
                out[k].append(sample_crop(both, a, grid).half().numpy())
        return {k: np.concatenate(v) for k, v in out.items()}

    idx = np.sort(np.random.default_rng(0).choice(len(train), min(args.samples, len(train)), replace=False))
    vidx = np.arange(min(1000, len(val)))
    ct, cv = crops(train, idx), crops(val, vidx)
    np.savez(args.out, **{f"t_{k}": v for k, v in ct.items()}, **{f"v_{k}": v for k, v in cv.items()},
             yt=train.load(idx)[2], yv=val.load(vidx)[2], controls=np.array(train.controls),
             regions=np.array(train.regions), layout=json.dumps(cfg["model"]["staged"]))
    print(json.dumps({k: list(v.shape) for k, v in ct.items()}))


def per_control_loss(kind: str):
    name, _, beta = kind.partition(":")
    if name == "mse":
        return lambda a: a * a
    if name == "l1":
        return lambda a: a
    if name == "huber":
        return lambda a: huber(a, float(beta))
    raise SystemExit(f"--loss {kind!r}: mse, l1 or huber:BETA")


def train(args) -> None:
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    rng = np.random.default_rng(args.seed)
    d = np.load(args.crops)
    controls, regions = [str(c) for c in d["controls"]], [str(r) for r in d["regions"]]
    heads = assign_controls(controls, regions, expert_layout(json.loads(str(d["layout"]))))
    if args.head not in heads:
        raise SystemExit(f"--head {args.head!r}: one of {sorted(heads)}")
    idx = heads[args.head]
    x, xv = torch.from_numpy(d[f"t_{args.crop}"]), torch.from_numpy(d[f"v_{args.crop}"]).float()
    y, yv = torch.from_numpy(d["yt"][:, idx]), d["yv"][:, idx]
    net = nn.Sequential(Expert(6, tuple(x.shape[2:]), [24, 48, 96, 128], 256), nn.Linear(256, 256), nn.GELU(),
                        nn.Linear(256, len(idx)))
    opt = torch.optim.AdamW(net.parameters(), 1e-3, weight_decay=0.02)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, 1e-3, total_steps=args.steps, pct_start=0.1)
    # the shipped loss's per-control normalisation (loss.control_norm)
    w = 1 / (y - y.median(0).values).abs().mean(0).clamp_min(0.02)
    w = w / w.mean()
    per = per_control_loss(args.loss)
    t0 = time.time()
    net.train()
    for _ in range(args.steps):
        b = torch.from_numpy(rng.choice(len(x), 64, replace=False))
        loss = (per((net(x[b].float()) - y[b]).abs()) * w).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
        sched.step()
    net.eval()
    with torch.no_grad():
        pred = torch.cat([net(xv[s:s + 200]) for s in range(0, len(xv), 200)]).clamp(0, 1).numpy()
    fig = skill_figures(pred, yv, [controls[i] for i in idx], [regions[i] for i in idx])
    print(json.dumps({"crop": args.crop, "head": args.head, "loss": args.loss, "steps": args.steps,
                      "seconds": round(time.time() - t0), "figures": fig}, default=float))


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("cut")
    c.add_argument("--data", required=True)
    c.add_argument("--val", required=True)
    c.add_argument("--config", required=True)
    c.add_argument("--samples", type=int, default=16000)
    c.add_argument("--out", required=True)
    t = sub.add_parser("train")
    t.add_argument("--crops", required=True)
    t.add_argument("--crop", required=True)
    t.add_argument("--head", required=True)
    t.add_argument("--loss", default="huber:0.1")
    t.add_argument("--steps", type=int, default=1500)
    t.add_argument("--seed", type=int, default=0)
    t.add_argument("--threads", type=int, default=2)
    a = ap.parse_args(argv)
    cut(a) if a.cmd == "cut" else train(a)


if __name__ == "__main__":
    main()
