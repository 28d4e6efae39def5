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
            self.info = {"id": m["id"], "config": m["config"]["name"], "file": self.path.name,
                         **({"steps": m["training"]["steps"]} if m.get("training", {}).get("steps") else {})}
        else:
            torch.set_num_threads(2)
            self.model, ck = model_from_checkpoint(self.path)
            self.controls, self.input_size = ck["data"]["controls"], self.model.input_size
            self.rig_hash, self.branches = ck["data"]["rigHash"], self.model.branches
            self.info = {"config": ck["config"]["name"], "steps": ck["step"],
                         "params": sum(p.numel() for p in self.model.parameters()),
                         "file": str(self.path)}

    def modes(self, has_normal: bool) -> list:
        if len(self.branches) == 1:
            return self.branches if (self.branches[0] == "rgb" or has_normal) else []
        return [m for m in MODES if has_normal or m == "rgb"]

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
    out = {"mae": float(err.mean()),
           "regions": {r: float(err[:, reg == r].mean()) for r in region_order(regions)}}
    dists = []
    with torch.no_grad():
        for s in range(0, len(pred), 64):
            p, t = torch.from_numpy(pred[s:s + 64]), torch.from_numpy(truth[s:s + 64])
            d = basis.displacement(p, basis.active) - basis.displacement(t, basis.active)
            dists.append((d.norm(dim=-1) * MM_PER_M).numpy().ravel())
    dist = np.concatenate(dists)
    out["vertex_mean_mm"] = float(dist.mean())
    out["vertex_p95_mm"] = float(np.percentile(dist, 95))
    # Sampling noise of the two headline figures: what another held-out set of the same size
    # would move them by, so "reproduces within noise" can be checked against a number.
    out["mae_ci95"] = bootstrap_half_width(err.mean(1))
    out["vertex_mean_ci95"] = bootstrap_half_width(dist.reshape(len(pred), -1).mean(1))
    return out


def bootstrap_half_width(per_sample: np.ndarray, resamples: int = 1000, seed: int = 0) -> float:
    """Half-width of the 95% bootstrap interval of the mean of per-sample figures."""
    rng = np.random.default_rng(seed)
    n = len(per_sample)
    means = per_sample[rng.integers(0, n, (resamples, n))].mean(1)
    lo, hi = np.percentile(means, [2.5, 97.5])
    return float((hi - lo) / 2)


def jitter(seq: np.ndarray) -> float:
    return float(np.abs(np.diff(seq, axis=0)).mean())


def shot_figures(pred_fn, shot, controls: list, size: int, modes: list) -> dict:
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
    out = {}
    for mode in modes:
        if mode != "rgb" and nrm is None:
            continue
        pred = np.concatenate([pred_fn(*model_inputs(rgb[s:s + 64], None if nrm is None else nrm[s:s + 64],
                                                     mode, size)) for s in range(0, len(rgb), 64)])
        fig = {"frames": len(rgb), "jitter_pred": jitter(pred)}
        if truth is not None:
            fig["jitter_truth"] = jitter(truth)
            fig["jitter_ratio"] = fig["jitter_pred"] / max(fig["jitter_truth"], 1e-12)
            fig["mae"] = float(np.abs(pred - truth).mean())
        out[mode] = fig
    return out


# Another checkpoint of the solver (the same network at another training budget): shown beside
# the shipped model, not one of the models it has to beat.
ALSO = "solver, other budget"


def row_label(p: "Predictor") -> str:
    return f"{p.info['config']} @ {p.info['steps']} steps" if p.label == ALSO else p.info["config"]


def evaluate(args) -> dict:
    t0 = time.perf_counter()
    ds = SynthDataset(args.data)
    n = min(args.limit or len(ds), len(ds))
    basis = RigBasis(ds.basis())
    rows, shots = [], []
    shot = read_shot(args.shot) if args.shot else None

    def check(p: Predictor):
        if p.controls != ds.controls:
            raise ValueError(f"{p.path}: control set differs from the data's")
        if p.rig_hash != ds.rig_hash:
            raise ValueError(f"{p.path}: trained for rig {p.rig_hash[:12]}, data is rig {ds.rig_hash[:12]}")

    nets = [(args.model, "solver")] + ([(args.cnn, "cnn baseline")] if args.cnn else []) \
        + [(a, "ablation") for a in args.ablation] + [(a, ALSO) for a in args.also]
    models = []
    for path, kind in nets:
        p = Predictor(path, kind)
        check(p)
        models.append(p)
        for mode in p.modes(ds.has_normal):
            fn = lambda r, nn_, m=mode, p=p: p(*model_inputs(r, nn_, m, p.input_size))  # noqa: E731
            pred, truth = predict_dataset(fn, ds, n)
            rows.append({"model": row_label(p), "kind": kind, "mode": mode, "n": n, "steps": p.info.get("steps"),
                         **metrics(pred, truth, ds.regions, basis)})
        if shot is not None and kind != "ablation":
            shots.append({"model": row_label(p), "kind": kind,
                          **shot_figures(p, shot, ds.controls, p.input_size, p.modes(True))})
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
    return {
        "format": "rigsolve-eval/1",
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "command": args.command,
        "data": {**ds.summary(), "evaluated": n, "activeVertices": int(basis.active.numel()),
                 "vertexCount": basis.vertex_count},
        "models": [{"kind": p.label, **p.info} for p in models],
        "zero_predictor_mae": ref["mae"],
        "rows": rows,
        "shot": {"dir": str(args.shot), "figures": shots} if shot is not None else None,
        "seconds": round(time.perf_counter() - t0, 1),
    }


TARGETS = {"mae": 0.03, "region": 0.06, "vertex_mean_mm": 1.0}


def target_lines(res: dict) -> list:
    """The shipped model's targets (issue: fused model on the held-out set) against this run."""
    rows = res["rows"]
    fused = next((r for r in rows if r["kind"] == "solver" and r["mode"] == "both"), None)
    if fused is None:
        return []
    worst = max(fused["regions"], key=fused["regions"].get)
    others = [r for r in rows if r is not fused and r["kind"] not in ("solver", ALSO)]
    beaten = [r for r in others if fused["mae"] < r["mae"] and fused["vertex_mean_mm"] < r["vertex_mean_mm"]]
    ok = lambda v, t: "met" if v <= t else f"short by {v - t:.4f}"  # noqa: E731
    out = ["## Targets (fused model, both inputs, held-out set)", "",
           "| target | this model | |", "|---|---|---|",
           f"| overall control MAE ≤ {TARGETS['mae']} | {fused['mae']:.4f}{ci(fused, 'mae_ci95', 4)} | "
           f"{ok(fused['mae'], TARGETS['mae'])} |",
           f"| no region worse than {TARGETS['region']} | {worst} {fused['regions'][worst]:.4f} (worst) | "
           f"{ok(fused['regions'][worst], TARGETS['region'])} |",
           f"| mean vertex error ≤ {TARGETS['vertex_mean_mm']} mm | {fused['vertex_mean_mm']:.3f}"
           f"{ci(fused, 'vertex_mean_ci95', 3)} mm | "
           f"{ok(fused['vertex_mean_mm'], TARGETS['vertex_mean_mm'])} |",
           f"| beats the single-modality models and both baselines (MAE and vertex mean) | "
           f"beats {len(beaten)} of {len(others)} rows | "
           + ("met" if others and len(beaten) == len(others) else
              "not met: " + ", ".join(f"{r['model']} {r['mode']}" for r in others if r not in beaten))
           + budget_note(fused, others) + " |",
           "",
           "± : half-width of the 95% bootstrap interval over the held-out samples (sampling noise). "
           "Two independent held-out sets of this size differ by up to about √2 times it (95%): "
           "the margin within which a freshly rendered set reproduces these figures.", ""]
    return out


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
           "val loss | val MAE | val vertex mm |", "|---|---|---|---|---|---|"]
    by_step = {r["step"]: r for r in train}
    for v in val:
        t = by_step.get(v["step"], {})
        out.append(f"| {v['step']} | {t.get('loss', float('nan')):.4f} | {t.get('l1', float('nan')):.4f} | "
                   f"{v['val_loss']:.4f} | {v['val_mae']:.4f} | {v['val_mesh_mm']:.3f} |")
    if train:
        last = train[-1]
        out += ["", f"{last['step']} steps in {last['elapsed_s'] / 60:.1f} min "
                f"({last['samples_per_s']:.0f} samples/s at the end)."]
    return out + [""]


def markdown(res: dict) -> str:
    regions = list(res["rows"][0]["regions"]) if res["rows"] else []
    d = res["data"]
    lines = [
        "# Solver evaluation", "",
        f"Generated {res['date']} by:", "", "```", res["command"], "```", "",
        f"Held-out data: `{d['dir']}` ({d['evaluated']} of {d['count']} samples, {d['size']}², "
        f"rig {d['rigHash'][:12]}, normals: {'yes' if d['hasNormal'] else 'no'}). Vertex errors over "
        f"the {d['activeVertices']} of {d['vertexCount']} vertices that some control moves.", "",
        "Modes: **rgb** = normal map absent (all-zero input), **normal** = RGB absent, **both** = "
        "both inputs. A model predicting 0 for every control scores MAE "
        f"{res['zero_predictor_mae']:.4f} here.", "",
        "| model | kind | mode | MAE | " + " | ".join(regions) + " | vertex mean mm | vertex p95 mm |",
        "|---|---|---|---|" + "---|" * len(regions) + "---|---|",
    ]
    for r in res["rows"]:
        lines.append(f"| {r['model']} | {r['kind']} | {r['mode']} | {r['mae']:.4f} | "
                     + " | ".join(f"{r['regions'][g]:.4f}" for g in regions)
                     + f" | {r['vertex_mean_mm']:.3f} | {r['vertex_p95_mm']:.3f} |")
    lines += ["", "Models:", ""]
    for m in res["models"]:
        lines.append("- " + ", ".join(f"{k}: `{v}`" for k, v in m.items()))
    if res["shot"]:
        lines += ["", f"## Natural-motion shot `{res['shot']['dir']}`", "",
                  "Jitter = mean |Δ| between consecutive frames, over frames and controls.", "",
                  "| model | mode | frames | jitter pred | jitter truth | ratio | MAE |",
                  "|---|---|---|---|---|---|---|"]
        for s in res["shot"]["figures"]:
            for mode in MODES:
                if mode in s:
                    f = s[mode]
                    lines.append(f"| {s['model']} | {mode} | {f['frames']} | {f['jitter_pred']:.4f} | "
                                 f"{f.get('jitter_truth', float('nan')):.4f} | "
                                 f"{f.get('jitter_ratio', float('nan')):.2f} | {f.get('mae', float('nan')):.4f} |")
    lines += ["", f"Evaluation took {res['seconds']} s.", ""]
    held_out = next(i for i, ln in enumerate(lines) if ln.startswith("Held-out data:"))
    lines[held_out:held_out] = target_lines(res)
    if res.get("train_logs"):
        lines += ["## Training curves", ""]
        for label, path in res["train_logs"]:
            lines += curve_lines(label, path)
    if res.get("notes"):
        lines += [Path(res["notes"]).read_text().rstrip(), ""]
    return "\n".join(lines)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", required=True, help="checkpoint .pt or exported .onnx")
    ap.add_argument("--data", required=True, help="held-out rigsolve-synth-data/1 dir")
    ap.add_argument("--train-data", help="training data dir: fits the ridge baseline")
    ap.add_argument("--ridge-samples", type=int, default=20000)
    ap.add_argument("--cnn", help="CNN baseline checkpoint (configs/cnn-baseline.json)")
    ap.add_argument("--ablation", action="append", default=[],
                    help="single-modality model checkpoint (configs/ablation-*.json); repeatable")
    ap.add_argument("--also", action="append", default=[],
                    help="another checkpoint of the solver (e.g. a shorter schedule), shown for "
                         "comparison and not counted in the targets; repeatable")
    ap.add_argument("--shot", help="natural-motion synth-shot dir for the jitter figure")
    ap.add_argument("--limit", type=int, help="evaluate the first N held-out samples only")
    ap.add_argument("--train-log", action="append", default=[], metavar="LABEL=PATH",
                    help="train-log.jsonl of a run: its curve goes into the Markdown; repeatable")
    ap.add_argument("--notes", help="Markdown appended to the output (findings, run notes)")
    ap.add_argument("--out", help="write the Markdown table here (e.g. models/EVAL.md)")
    ap.add_argument("--json", help="write all figures as JSON here (export.py --eval embeds it)")
    a = ap.parse_args(argv)
    # the command as typed (called from Python, e.g. a test: the equivalent script command)
    prog, rest = (sys.argv[0], sys.argv[1:]) if argv is None else ("models/training/evaluate.py", argv)
    a.command = "python3 " + " ".join(shlex.quote(x) for x in [prog] + list(rest))
    res = evaluate(a)
    res["train_logs"] = [tuple(x.split("=", 1)) for x in a.train_log]
    res["notes"] = a.notes
    md = markdown(res)
    if a.out:
        Path(a.out).write_text(md)
    if a.json:
        Path(a.json).write_text(json.dumps(res, indent=1) + "\n")
    print(md)


if __name__ == "__main__":
    sys.exit(main())
