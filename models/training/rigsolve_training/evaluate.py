"""Evaluate a solver on a held-out rigsolve-synth-data/1 dir, with baselines and ablations.

    python3 models/training/evaluate.py --model RUN/checkpoint-best.pt --data HELDOUT \\
        --train-data TRAIN --cnn CNN_RUN/checkpoint-best.pt \\
        --ablation RGB_RUN/checkpoint-best.pt --ablation NORMAL_RUN/checkpoint-best.pt \\
        --shot SHOT_DIR --out models/EVAL.md --json RUN/eval.json

--model / --cnn / --ablation take a training checkpoint (.pt) or an exported .onnx (with its
manifest beside it: evaluates exactly what ships, via onnxruntime).

Modes: (a) rgb: the normal input is absent (all-zero sentinel), (b) normal: rgb absent,
(c) both. The shipped model covers all three through modality dropout: that is what the app
does with a shot that lacks normal maps. The paper's ablation is separate single-modality
models; pass those as --ablation (configs/ablation-rgb.json, ablation-normal.json) for the
faithful comparison. The ridge baseline fits one model per mode.

Figures: mean absolute error of the controls (0..1) overall and per region (controls.tsv
regions, from the data manifest); vertex error in mm (basis in metres) over the *active*
vertices (those some control moves): mean and 95th percentile over all (sample, vertex) pairs;
on a natural-motion shot, jitter = mean |Δ| between consecutive frames of the prediction next to
the same figure for the truth.
"""
from __future__ import annotations

import argparse
import json
import shlex
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
import torch

from .baselines import RidgeBaseline
from .controls import region_order
from .data import SynthDataset, read_shot
from .losses import MM_PER_M, RigBasis
from .preprocess import preprocess
from .skill import skill_figures
from .train import model_from_checkpoint

MODES = ("rgb", "normal", "both")


class Predictor:
    """A checkpoint or an exported ONNX model behind one interface."""

    def __init__(self, path: str, label: str):
        self.path, self.label = Path(path), label
        if self.path.suffix == ".onnx":
            from .export import manifest_path, session_for
            m = json.loads(manifest_path(self.path).read_text())
            self.session = session_for(self.path)
            self.controls, self.input_size = m["controls"], m["inputSize"]
            self.rig_hash, self.branches = m["rigHash"], ["rgb", "normal"]
            self.needs_rgb = "stages" in m
            self.info = {"id": m["id"], "config": m["config"]["name"], "file": self.path.name,
                         **({"steps": m["training"]["steps"]} if m.get("training", {}).get("steps") else {})}
        else:
            torch.set_num_threads(2)
            self.model, ck = model_from_checkpoint(self.path)
            self.controls, self.input_size = ck["data"]["controls"], self.model.input_size
            self.rig_hash, self.branches = ck["data"]["rigHash"], self.model.branches
            self.needs_rgb = ck["config"]["model"]["type"] == "staged"
            self.info = {"config": ck["config"]["name"], "steps": ck["step"],
                         "params": sum(p.numel() for p in self.model.parameters()),
                         "file": str(self.path)}

    def modes(self, has_normal: bool) -> list:
        if len(self.branches) == 1:
            return self.branches if (self.branches[0] == "rgb" or has_normal) else []
        # the staged solver's pose stage reads the RGB plate: it has no normal-only mode
        return [m for m in MODES if (has_normal or m == "rgb") and not (self.needs_rgb and m == "normal")]

    def __call__(self, rgb: np.ndarray, nrm: np.ndarray) -> np.ndarray:
        if hasattr(self, "session"):
            return self.session.run(["params"], {"rgb": rgb, "normal": nrm})[0]
        with torch.no_grad():
            return self.model(torch.from_numpy(rgb), torch.from_numpy(nrm))[0].numpy()


def model_inputs(rgb_u8, nrm_u8, mode: str, size: int):
    rgb = preprocess(rgb_u8, "rgb")
    nrm = preprocess(nrm_u8, "normal") if nrm_u8 is not None else np.zeros_like(rgb)
    if mode == "rgb":
        nrm = np.zeros_like(rgb)   # absent sentinel
    elif mode == "normal":
        rgb = np.zeros_like(rgb)
    if rgb.shape[-1] != size:
        raise ValueError(f"images are {rgb.shape[-1]}², model input is {size}²")
    return rgb, nrm


def predict_dataset(fn, ds: SynthDataset, n: int, batch: int = 64):
    """fn(rgb_u8, nrm_u8) -> params for the first n samples; returns (pred, truth)."""
    preds, truths = [], []
    for start in range(0, n, batch):
        rgb, nrm, y = ds.load(np.arange(start, min(n, start + batch)))
        preds.append(fn(rgb, nrm))
        truths.append(y)
    return np.concatenate(preds), np.concatenate(truths)


def metrics(pred: np.ndarray, truth: np.ndarray, regions: list, basis: RigBasis) -> dict:
    err = np.abs(pred - truth)
    reg = np.asarray(regions)
    sk = skill_figures(pred, truth, [str(i) for i in range(truth.shape[1])], list(regions))
    out = {"mae": float(err.mean()), "const_mae": sk["const_mae"], "skill": sk["skill"], "mean_r": sk["mean_r"],
           "regions": {r: float(err[:, reg == r].mean()) for r in region_order(regions)}}
    dist = vertex_errors(pred, truth, basis)
    out["vertex_mean_mm"] = float(dist.mean())
    out["vertex_p95_mm"] = float(np.percentile(dist, 95))
    # Sampling noise of the two headline figures: what another held-out set of the same size
    # would move them by, so "reproduces within noise" can be checked against a number.
    out["mae_ci95"] = bootstrap_half_width(err.mean(1))
    out["vertex_mean_ci95"] = bootstrap_half_width(dist.reshape(len(pred), -1).mean(1))
    return out


def vertex_errors(pred: np.ndarray, truth: np.ndarray, basis: RigBasis) -> np.ndarray:
    """Distance (mm) at every active vertex of every sample, flattened [n * active]."""
    dists = []
    with torch.no_grad():
        for s in range(0, len(pred), 64):
            p, t = torch.from_numpy(pred[s:s + 64]), torch.from_numpy(truth[s:s + 64])
            d = basis.displacement(p, basis.active) - basis.displacement(t, basis.active)
            dists.append((d.norm(dim=-1) * MM_PER_M).numpy().ravel())
    return np.concatenate(dists)


def bootstrap_half_width(per_sample: np.ndarray, resamples: int = 1000, seed: int = 0) -> float:
    """Half-width of the 95% bootstrap interval of the mean of per-sample figures."""
    rng = np.random.default_rng(seed)
    n = len(per_sample)
    means = per_sample[rng.integers(0, n, (resamples, n))].mean(1)
    lo, hi = np.percentile(means, [2.5, 97.5])
    return float((hi - lo) / 2)


def jitter(seq: np.ndarray) -> float:
    return float(np.abs(np.diff(seq, axis=0)).mean())


def shot_predictions(pred_fn, shot, controls: list, size: int, modes: list) -> tuple:
    """(truth [T, C] or None, {mode: pred [T, C]}) on one shot dir, frames resized to the model's
    input as the app does."""
    from PIL import Image
    rgb, nrm = shot.rgb, shot.normal
    if rgb.shape[1] != size:   # frames at another size: box-resize (the app resizes with sharp)
        rs = lambda a: np.stack([np.asarray(Image.fromarray(f).resize((size, size), Image.BOX))  # noqa: E731
                                 for f in a])
        rgb, nrm = rs(rgb), (rs(nrm) if nrm is not None else None)
    truth = None
    if shot.truth is not None:
        missing = [c for c in controls if c not in shot.controls]
        if missing:
            raise ValueError(f"shot truth.csv lacks controls {missing[:5]}")
        truth = shot.truth[:, [shot.controls.index(c) for c in controls]]
    preds = {}
    for mode in modes:
        if mode != "rgb" and nrm is None:
            continue
        preds[mode] = np.concatenate([pred_fn(*model_inputs(rgb[s:s + 32], None if nrm is None else nrm[s:s + 32],
                                                            mode, size)) for s in range(0, len(rgb), 32)])
    return truth, preds


def shot_figures(pred_fn, shot, controls: list, regions: list, size: int, modes: list) -> tuple:
    """Per mode: jitter, and with a truth the skill figures (skill.py). Also the predictions."""
    truth, preds = shot_predictions(pred_fn, shot, controls, size, modes)
    out = {}
    for mode, pred in preds.items():
        fig = {"frames": len(pred), "jitter_pred": jitter(pred)}
        if truth is not None:
            fig["jitter_truth"] = jitter(truth)
            fig["jitter_ratio"] = fig["jitter_pred"] / max(fig["jitter_truth"], 1e-12)
            sk = skill_figures(pred, truth, controls, regions)
            fig.update({k: sk[k] for k in ("mae", "zero_mae", "const_mae", "skill", "mean_r")})
        out[mode] = fig
    return out, truth, preds


# Another checkpoint of the solver (the same network at another training budget): shown beside
# the shipped model, not one of the models it has to beat.
ALSO = "solver, other budget"


def row_label(p: "Predictor") -> str:
    if getattr(p, "name", None):
        return p.name
    return f"{p.info['config']} @ {p.info['steps']} steps" if p.label == ALSO else p.info["config"]


def evaluate(args) -> dict:
    t0 = time.perf_counter()
    ds = SynthDataset(args.data)
    n = min(args.limit or len(ds), len(ds))
    basis = RigBasis(ds.basis())
    rows, shot_rows, pooled = [], [], {}
    shots = [(str(d), read_shot(d)) for d in args.shot]

    def check(p: Predictor):
        if p.controls != ds.controls:
            raise ValueError(f"{p.path}: control set differs from the data's")
        if p.rig_hash != ds.rig_hash:
            raise ValueError(f"{p.path}: trained for rig {p.rig_hash[:12]}, data is rig {ds.rig_hash[:12]}")

    nets = [(args.model, "solver")] + ([(args.cnn, "cnn baseline")] if args.cnn else []) \
        + [(a, "ablation") for a in args.ablation] + [(a, ALSO) for a in args.also]
    models = []
    for path, kind in nets:
        # --also NAME=PATH names a run in the tables (an ablation of the same config, say)
        name, _, rest = path.partition("=") if kind == ALSO and "=" in path else ("", "", path)
        p = Predictor(rest, kind)
        p.name = name or None
        check(p)
        models.append(p)
        for mode in p.modes(ds.has_normal):
            fn = lambda r, nn_, m=mode, p=p: p(*model_inputs(r, nn_, m, p.input_size))  # noqa: E731
            pred, truth = predict_dataset(fn, ds, n)
            rows.append({"model": row_label(p), "kind": kind, "mode": mode, "n": n, "steps": p.info.get("steps"),
                         **metrics(pred, truth, ds.regions, basis)})
        for d, shot in shots:
            figs, truth, preds = shot_figures(p, shot, ds.controls, ds.regions, p.input_size, p.modes(True))
            shot_rows.append({"model": row_label(p), "kind": kind, "shot": d, **figs})
            if truth is not None:
                for mode, pred in preds.items():
                    acc = pooled.setdefault((row_label(p), kind, mode), ([], []))
                    acc[0].append(pred)
                    acc[1].append(truth)
    if args.train_data:
        tr = SynthDataset(args.train_data)
        if tr.controls != ds.controls or tr.rig_hash != ds.rig_hash:
            raise ValueError("--train-data is for another rig or control set")
        ridge = RidgeBaseline.fit(tr, limit=args.ridge_samples)
        for mode in ridge.models:
            pred, truth = predict_dataset(lambda r, nn_, m=mode: ridge.predict(r, nn_, m), ds, n)
            rows.append({"model": f"ridge {ridge.grid}x{ridge.grid} px", "kind": "ridge baseline",
                         "mode": mode, "n": n, "lambda": ridge.lambdas[mode],
                         "train_samples": min(args.ridge_samples, len(tr)),
                         **metrics(pred, truth, ds.regions, basis)})
    ref = {"mae": float(np.abs(predict_dataset(lambda r, nn_: np.zeros((len(r), len(ds.controls)), np.float32),
                                               ds, n)[1]).mean())}
    res = {
        "format": "rigsolve-eval/2",
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "command": args.command,
        "data": {**ds.summary(), "evaluated": n, "activeVertices": int(basis.active.numel()),
                 "vertexCount": basis.vertex_count},
        "models": [{"kind": p.label, **p.info} for p in models],
        "zero_predictor_mae": ref["mae"],
        "rows": rows,
        "shots": {"dirs": [d for d, _ in shots], "figures": shot_rows,
                  "pooled": [pooled_row(label, kind, mode, np.concatenate(pr), np.concatenate(tr), ds, basis)
                             for (label, kind, mode), (pr, tr) in pooled.items()]} if shots else None,
        "seconds": round(time.perf_counter() - t0, 1),
    }
    res["headline"] = headline(res)
    return res


def pooled_row(label: str, kind: str, mode: str, pred, truth, ds: SynthDataset, basis: RigBasis) -> dict:
    """Skill figures over all the shots' frames at once, with the vertex error."""
    v = vertex_errors(pred.astype(np.float32), truth.astype(np.float32), basis)
    return {"model": label, "kind": kind, "mode": mode,
            **skill_figures(pred, truth, ds.controls, ds.regions),
            "vertex_mean_mm": float(v.mean()), "vertex_p95_mm": float(np.percentile(v, 95))}


def headline(res: dict) -> dict | None:
    """What the model's manifest leads with (the app's model card): the shipped model on the
    held-out shots, both inputs, in the manifest's camelCase."""
    if not res.get("shots"):
        return None
    pooled = {(r["kind"], r["mode"]): r for r in res["shots"]["pooled"]}
    row = pooled.get(("solver", "both"))
    if row is None:
        return None
    names = ", ".join(Path(d).name for d in res["shots"]["dirs"])
    by = {c["control"]: c for c in row["controls"]}
    rgb = pooled.get(("solver", "rgb"))
    return {"set": f"{len(res['shots']['dirs'])} held-out natural-motion shots, {row['frames']} frames ({names})",
            "mode": "both", "mae": row["mae"], "zeroMae": row["zero_mae"], "constMae": row["const_mae"],
            "skill": row["skill"], "meanR": row["mean_r"],
            "regions": {g: {"mae": f["mae"], "constMae": f["const_mae"], "skill": f["skill"], "meanR": f["mean_r"]}
                        for g, f in row["regions"].items()},
            "vertexMeanMm": row["vertex_mean_mm"],
            "eyeBlinkR": min((by[c]["r"] for c in ("eyeBlink_L", "eyeBlink_R") if c in by and by[c]["r"] is not None), default=None),
            "jawOpenR": by.get("jawOpen", {}).get("r"),
            "rgbOnlyMae": rgb["mae"] if rgb else None}


# Issue #14's targets for the shipped model on held-out natural-motion shots, both inputs.
TARGETS = {"mae": 0.03, "skill": 0.6, "region_skill": 0.4, "region_mae": 0.06, "blink_r": 0.95,
           "jaw_r": 0.97, "vertex_mean_mm": 0.5, "rgb_mae": 0.05}


def target_lines(res: dict) -> list:
    """The shipped model's targets against this run, judged on the pooled held-out shots."""
    h = res.get("headline")
    if not h:
        return []
    pooled = {(r["kind"], r["mode"]): r for r in res["shots"]["pooled"]}
    T = TARGETS
    le = lambda v, t, d=4: ("met" if v <= t else f"missed by {v - t:.{d}f}") if v is not None else "not measured"  # noqa: E731
    ge = lambda v, t, d=3: ("met" if v >= t else f"missed by {t - v:.{d}f}") if v is not None else "not measured"  # noqa: E731
    fmt = lambda v, d=4: "—" if v is None else f"{v:.{d}f}"  # noqa: E731
    # a region whose truth never moves in these shots has no skill (its constant is exact)
    worst_skill = min((g for g in h["regions"] if h["regions"][g]["skill"] is not None),
                      key=lambda g: h["regions"][g]["skill"])
    worst_mae = max(h["regions"], key=lambda g: h["regions"][g]["mae"])
    fused = pooled[("solver", "both")]
    others = [r for (k, m), r in pooled.items() if k in ("ablation", "cnn baseline") or (k == "solver" and m != "both")]
    beaten = [r for r in others if fused["mae"] < r["mae"]]
    compared = ", ".join(f"{r['model']} {r['mode']}" for r in others) or "none evaluated"
    return ["## Targets (shipped model, both inputs, on the held-out shots)", "",
            f"Judged on {h['set']}. Best constant = each control's median over those frames (an oracle); "
            "skill = 1 − MAE / constant MAE.", "",
            "| target | this model | |", "|---|---|---|",
            f"| overall MAE ≤ {T['mae']} | {fmt(h['mae'])} (zeros {fmt(h['zeroMae'])}, constant {fmt(h['constMae'])}) | {le(h['mae'], T['mae'])} |",
            f"| skill ≥ {T['skill']} | {fmt(h['skill'], 3)} | {ge(h['skill'], T['skill'])} |",
            f"| every region's skill ≥ {T['region_skill']} | worst: {worst_skill} {fmt(h['regions'][worst_skill]['skill'], 3)} | "
            f"{ge(h['regions'][worst_skill]['skill'], T['region_skill'])} |",
            f"| every region's MAE ≤ {T['region_mae']} | worst: {worst_mae} {fmt(h['regions'][worst_mae]['mae'])} | "
            f"{le(h['regions'][worst_mae]['mae'], T['region_mae'])} |",
            f"| eyeBlink r ≥ {T['blink_r']} (lower of L, R) | {fmt(h['eyeBlinkR'], 3)} | {ge(h['eyeBlinkR'], T['blink_r'])} |",
            f"| jawOpen r ≥ {T['jaw_r']} | {fmt(h['jawOpenR'], 3)} | {ge(h['jawOpenR'], T['jaw_r'])} |",
            f"| mean vertex error ≤ {T['vertex_mean_mm']} mm | {fmt(h['vertexMeanMm'], 3)} mm | {le(h['vertexMeanMm'], T['vertex_mean_mm'], 3)} |",
            f"| RGB-only MAE ≤ {T['rgb_mae']} (same file, normal map absent) | {fmt(h['rgbOnlyMae'])} | {le(h['rgbOnlyMae'], T['rgb_mae'])} |",
            f"| fused better than RGB-only, normal-only and a CNN baseline at equal budget | beats {len(beaten)} of "
            f"{len(others)} rows ({compared}) | "
            + ("met" if others and len(beaten) == len(others) and any(r["kind"] == "cnn baseline" for r in others)
               and any(r["kind"] == "ablation" for r in others) else "not met: separately trained rgb-only, "
               "normal-only and CNN baseline networks at equal budget are needed (see the notes)")
            + " |", ""]


def budget_note(fused: dict, others: list) -> str:
    """Says so when the networks compared were not trained for the same number of steps."""
    steps = sorted({r["steps"] for r in others if r.get("steps")})
    if not fused.get("steps") or not steps or steps == [fused["steps"]]:
        return ""
    return (f" (unequal budgets: this model {fused['steps']} steps, the other networks "
            f"{', '.join(map(str, steps))})")


def ci(row: dict, key: str, digits: int) -> str:
    return f" ± {row[key]:.{digits}f}" if key in row else ""


def curve_lines(label: str, path: str, every: int = 500) -> list:
    recs = [json.loads(ln) for ln in Path(path).read_text().splitlines() if ln.strip()]
    val = [r for r in recs if "val_loss" in r]
    train = [r for r in recs if "loss" in r and "val_loss" not in r]
    out = [f"### {label} (`{path}`)", "", "| step | train loss (mean over the last log window) | train L1 | "
           "val loss | val MAE | val vertex mm | val anchor error px |", "|---|---|---|---|---|---|---|"]
    by_step = {r["step"]: r for r in train}
    for v in val:
        t = by_step.get(v["step"], {})
        out.append(f"| {v['step']} | {t.get('loss', float('nan')):.4f} | {t.get('l1', float('nan')):.4f} | "
                   f"{v['val_loss']:.4f} | {v['val_mae']:.4f} | {v['val_mesh_mm']:.3f} | {f4(v.get('val_anchor_px'), 2)} |")
    if train:
        last = train[-1]
        out += ["", f"{last['step']} steps in {last['elapsed_s'] / 60:.1f} min "
                f"({last['samples_per_s']:.0f} samples/s at the end)."]
    return out + [""]


def f4(v, d: int = 4) -> str:
    return "—" if v is None else f"{v:.{d}f}"


def shot_lines(res: dict, figure: str | None) -> list:
    """The shots: every model beside the all-zeros predictor and the best constant, the shipped
    model per region and per control, and each shot on its own."""
    sh = res["shots"]
    lines = ["## Held-out natural-motion shots", "",
             "Shots rendered by `rigsolve synth-shot` with seeds no training or test uses (the shots' own "
             "sensor: 2× supersampled, blur, noise), solved frame by frame. zeros = predicting 0 everywhere; "
             "constant = each control's median over the frames (an oracle); skill = 1 − MAE / constant MAE; "
             "mean r = mean Pearson r over the controls whose truth moves (std > 0.02).", "",
             "| model | kind | mode | frames | MAE | zeros | constant | skill | mean r | vertex mean mm |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for r in sh["pooled"]:
        lines.append(f"| {r['model']} | {r['kind']} | {r['mode']} | {r['frames']} | {f4(r['mae'])} | {f4(r['zero_mae'])} | "
                     f"{f4(r['const_mae'])} | {f4(r['skill'], 3)} | {f4(r['mean_r'], 3)} | {f4(r['vertex_mean_mm'], 3)} |")
    main_row = next((r for r in sh["pooled"] if r["kind"] == "solver" and r["mode"] == "both"), None)
    if main_row:
        lines += ["", "### Per region (shipped model, both inputs)", "",
                  "| region | MAE | zeros | constant | skill | mean r | moving controls |", "|---|---|---|---|---|---|---|"]
        for g, f in main_row["regions"].items():
            lines.append(f"| {g} | {f4(f['mae'])} | {f4(f['zero_mae'])} | {f4(f['const_mae'])} | {f4(f['skill'], 3)} | "
                         f"{f4(f['mean_r'], 3)} | {f['moving']} |")
        lines += ["", "### Per control (shipped model, both inputs)", ""]
        if figure:
            lines += [f"![skill and r per control]({figure})", ""]
        lines += ["r is blank where the truth does not move in these shots (std ≤ 0.02); skill is blank where "
                  "the constant is exact.", "",
                  "| control | region | r | MAE | constant | skill |", "|---|---|---|---|---|---|"]
        for c in main_row["controls"]:
            lines.append(f"| {c['control']} | {c['region']} | {f4(c['r'], 3)} | {f4(c['mae'])} | {f4(c['const_mae'])} | "
                         f"{f4(c['skill'], 3)} |")
    lines += ["", "### Each shot", "", "Jitter = mean |Δ| between consecutive frames, over frames and controls.", "",
              "| shot | model | mode | frames | MAE | constant | skill | mean r | jitter pred | jitter truth |",
              "|---|---|---|---|---|---|---|---|---|---|"]
    for s in sh["figures"]:
        for mode in MODES:
            if mode in s:
                f = s[mode]
                lines.append(f"| {Path(s['shot']).name} | {s['model']} | {mode} | {f['frames']} | {f4(f.get('mae'))} | "
                             f"{f4(f.get('const_mae'))} | {f4(f.get('skill'), 3)} | {f4(f.get('mean_r'), 3)} | "
                             f"{f4(f['jitter_pred'])} | {f4(f.get('jitter_truth'))} |")
    return lines + [""]


def control_figure(res: dict, path: Path) -> bool:
    """A picture of the per-control table: skill (bar) and r (dot) for each control, grouped by
    region; red bars are controls worse than their constant."""
    row = next((r for r in (res.get("shots") or {}).get("pooled", []) if r["kind"] == "solver" and r["mode"] == "both"), None)
    if row is None:
        return False
    from PIL import Image, ImageDraw
    cs = row["controls"]
    bar, left, top, h = 7, 40, 30, 240
    img = Image.new("RGB", (left + bar * len(cs) + 20, top + h + 36), "white")
    d = ImageDraw.Draw(img)
    y0 = top + h * 2 // 3            # skill 0; the axis runs from −0.5 to 1
    ys = lambda v: y0 - int(max(-0.5, min(1.0, v)) * (h * 2 // 3))  # noqa: E731
    for v in (-0.5, 0, 0.5, 1):
        d.line([(left, ys(v)), (img.width - 10, ys(v))], fill=(200, 200, 200) if v else (0, 0, 0))
        d.text((4, ys(v) - 6), f"{v:+.1f}", fill="black")
    d.text((left, 6), f"skill (bars) and Pearson r (dots) per control: {res['headline']['set'] if res.get('headline') else ''}", fill="black")
    prev = None
    for i, c in enumerate(cs):
        x = left + i * bar
        if c["region"] != prev:
            d.line([(x, top), (x, top + h)], fill=(150, 150, 220))
            d.text((x + 1, top + h + 4 + (i % 2) * 12), c["region"], fill=(60, 60, 160))
            prev = c["region"]
        if c["skill"] is not None:
            sk = c["skill"]
            d.rectangle([x + 1, min(ys(sk), y0), x + bar - 2, max(ys(sk), y0)], fill=(40, 140, 60) if sk >= 0 else (200, 40, 40))
        if c["r"] is not None:
            d.ellipse([x + 2, ys(c["r"]) - 2, x + 5, ys(c["r"]) + 2], fill=(20, 20, 20))
    path.parent.mkdir(parents=True, exist_ok=True)
    img.save(path)
    return True


def markdown(res: dict, figure: str | None = None) -> str:
    regions = list(res["rows"][0]["regions"]) if res["rows"] else []
    d = res["data"]
    lines = ["# Solver evaluation", "", f"Generated {res['date']} by:", "", "```", res["command"], "```", ""]
    lines += target_lines(res)
    if res.get("shots"):
        lines += shot_lines(res, figure)
    lines += [
        "## Held-out independent samples", "",
        f"`{d['dir']}` ({d['evaluated']} of {d['count']} samples, {d['size']}², "
        f"rig {d['rigHash'][:12]}, normals: {'yes' if d['hasNormal'] else 'no'}): single renders with the training "
        "data's randomisation (lighting, camera, pose, identity tone), not shots. Vertex errors over "
        f"the {d['activeVertices']} of {d['vertexCount']} vertices that some control moves.", "",
        "Modes: **rgb** = normal map absent (all-zero input), **normal** = RGB absent, **both** = "
        f"both inputs. Predicting 0 for every control scores MAE {res['zero_predictor_mae']:.4f} here.", "",
        "| model | kind | mode | MAE | constant | skill | mean r | " + " | ".join(regions) + " | vertex mean mm | vertex p95 mm |",
        "|---|---|---|---|---|---|---|" + "---|" * len(regions) + "---|---|",
    ]
    for r in res["rows"]:
        lines.append(f"| {r['model']} | {r['kind']} | {r['mode']} | {r['mae']:.4f}{ci(r, 'mae_ci95', 4)} | {f4(r.get('const_mae'))} | "
                     f"{f4(r.get('skill'), 3)} | {f4(r.get('mean_r'), 3)} | "
                     + " | ".join(f"{r['regions'][g]:.4f}" for g in regions)
                     + f" | {r['vertex_mean_mm']:.3f} | {r['vertex_p95_mm']:.3f} |")
    lines += ["", "± : half-width of the 95% bootstrap interval over the samples.", "", "Models:", ""]
    for m in res["models"]:
        lines.append("- " + ", ".join(f"{k}: `{v}`" for k, v in m.items()))
    lines += ["", f"Evaluation took {res['seconds']} s.", ""]
    if res.get("train_logs"):
        lines += ["## Training curves", ""]
        for label, path in res["train_logs"]:
            lines += curve_lines(label, path)
    if res.get("notes"):
        lines += [Path(res["notes"]).read_text().rstrip(), ""]
    return "\n".join(lines)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", help="checkpoint .pt or exported .onnx")
    ap.add_argument("--data", help="held-out rigsolve-synth-data/1 dir")
    ap.add_argument("--from-json", help="render the Markdown again from an earlier --json (new --notes, no "
                                        "evaluation run); the command it records stays the one that measured")
    ap.add_argument("--train-data", help="training data dir: fits the ridge baseline")
    ap.add_argument("--ridge-samples", type=int, default=20000)
    ap.add_argument("--cnn", help="CNN baseline checkpoint (configs/cnn-baseline.json)")
    ap.add_argument("--ablation", action="append", default=[],
                    help="single-modality model checkpoint (configs/ablation-*.json); repeatable")
    ap.add_argument("--also", action="append", default=[],
                    help="another checkpoint of the solver (a shorter schedule, an ablation), shown for "
                         "comparison and not counted in the targets; NAME=PATH names its rows; repeatable")
    ap.add_argument("--shot", action="append", default=[],
                    help="held-out natural-motion synth-shot dir (truth.csv beside rgb/): skill, "
                         "per-control figures and jitter; repeatable, the targets are judged on all of them")
    ap.add_argument("--limit", type=int, help="evaluate the first N held-out samples only")
    ap.add_argument("--train-log", action="append", default=[], metavar="LABEL=PATH",
                    help="train-log.jsonl of a run: its curve goes into the Markdown; repeatable")
    ap.add_argument("--notes", help="Markdown appended to the output (findings, run notes)")
    ap.add_argument("--out", help="write the Markdown table here (e.g. models/EVAL.md)")
    ap.add_argument("--json", help="write all figures as JSON here (export.py --eval embeds it)")
    a = ap.parse_args(argv)
    if a.from_json:
        res = json.loads(Path(a.from_json).read_text())
        res["notes"] = a.notes or res.get("notes")
        write_outputs(res, a.out, None)
        return 0
    if not (a.model and a.data):
        ap.error("--model and --data are required (or --from-json)")
    # the command as typed (called from Python, e.g. a test: the equivalent script command)
    prog, rest = (sys.argv[0], sys.argv[1:]) if argv is None else ("models/training/evaluate.py", argv)
    a.command = "python3 " + " ".join(shlex.quote(x) for x in [prog] + list(rest))
    res = evaluate(a)
    res["train_logs"] = [tuple(x.split("=", 1)) for x in a.train_log]
    res["notes"] = a.notes
    write_outputs(res, a.out, a.json)
    return 0


def write_outputs(res: dict, out: str | None, json_path: str | None):
    figure = None
    if out and res.get("headline"):
        png = Path(out).with_name(Path(out).stem.lower() + "-controls.png")
        if control_figure(res, png):
            figure = png.name
    md = markdown(res, figure)
    if out:
        Path(out).write_text(md)
    if json_path:
        Path(json_path).write_text(json.dumps(res, indent=1) + "\n")
    print(md)


if __name__ == "__main__":
    sys.exit(main())
