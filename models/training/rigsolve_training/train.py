"""Train the solver on a rigsolve-synth-data/1 dir.

    python3 models/training/train.py --config models/training/configs/default.json \\
        --data DATA --val HELDOUT --out models/training/runs/default [--resume] [--set k=v ...]

Determinism: every random choice of step s (batch rows, augmentation, modality dropout, mesh
vertex subsample) comes from np.random.default_rng([seed, tag, s]) and the batch order from a
per-epoch permutation seeded the same way, so an interrupted run resumed from its checkpoint
gives the same weights as an uninterrupted one (same device and thread count).

Outputs in --out: checkpoint-last.pt (every train.checkpoint_every steps and at the end),
checkpoint-best.pt (lowest validation loss, when --val is given), train-log.jsonl (one JSON
object per log/validation point: the training curve), config.json (the resolved config).
"""
from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
from pathlib import Path

import numpy as np
import torch

from .config import load_config
from .data import SynthDataset
from .losses import RigBasis, SolverLoss
from .model import build_model
from .preprocess import preprocess

CHECKPOINT_FORMAT = "rigsolve-checkpoint/1"
TAG_EPOCH, TAG_STEP = 1, 2


def resolve_device(name: str) -> torch.device:
    if name == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    return torch.device(name)


def setup_runtime(cfg: dict) -> torch.device:
    device = resolve_device(cfg["train"]["device"])
    if device.type == "cpu":
        torch.set_num_threads(int(cfg["train"]["num_threads"]))
    return device


class BatchOrder:
    """Step -> sample indices: consecutive slices of per-epoch permutations (each sample once
    per epoch), a pure function of (seed, step)."""

    def __init__(self, n: int, batch: int, seed: int):
        self.n, self.batch, self.seed = n, batch, seed
        self._cache: dict[int, np.ndarray] = {}

    def _perm(self, epoch: int) -> np.ndarray:
        if epoch not in self._cache:
            self._cache = {epoch: np.random.default_rng([self.seed, TAG_EPOCH, epoch]).permutation(self.n)}
        return self._cache[epoch]

    def indices(self, step: int) -> tuple[np.ndarray, int]:
        start = step * self.batch
        pos = np.arange(start, start + self.batch)
        epochs = pos // self.n
        out = np.empty(self.batch, np.int64)
        for e in np.unique(epochs):
            sel = epochs == e
            out[sel] = self._perm(int(e))[pos[sel] % self.n]
        return out, int(epochs[-1])


def augment_rgb(rgb: np.ndarray, rng: np.random.Generator, aug: dict) -> np.ndarray:
    """Photometric jitter on uint8 RGB (returns uint8, so the model still sees exactly what
    preprocess() makes of an image). Normal maps are geometry and are never jittered."""
    b, c, s = float(aug.get("brightness", 0)), float(aug.get("contrast", 0)), float(aug.get("noise", 0))
    if b == 0 and c == 0 and s == 0:
        return rgb
    n = rgb.shape[0]
    x = rgb.astype(np.float32) / 255
    gain = rng.uniform(1 - b, 1 + b, (n, 1, 1, 1)).astype(np.float32)
    con = rng.uniform(1 - c, 1 + c, (n, 1, 1, 1)).astype(np.float32)
    mean = x.mean(axis=(1, 2, 3), keepdims=True)
    x = (x - mean) * con + mean * gain
    if s > 0:
        x = x + rng.normal(0, s, x.shape).astype(np.float32)
    return np.clip(np.rint(x * 255), 0, 255).astype(np.uint8)


def make_batch(ds: SynthDataset, idx: np.ndarray, cfg: dict, device, rng=None):
    """Load rows, (train only: augment, modality dropout), preprocess -> tensors on device.
    rng=None means evaluation: no augmentation, no dropout. For the staged solver also the
    pose-stage labels: anchors (normalised coordinates) and pose (units of POSE_SCALE_DEG)."""
    rgb_u8, nrm_u8, params = ds.load(idx)
    if rng is not None:
        rgb_u8 = augment_rgb(rgb_u8, rng, cfg["augment"])
    rgb = preprocess(rgb_u8, "rgb")
    if nrm_u8 is not None:
        nrm = preprocess(nrm_u8, "normal")
    else:
        nrm = np.zeros_like(rgb)  # the 'absent' sentinel
    if rng is not None:
        md = cfg["modality_dropout"]
        n = len(idx)
        drop_n = rng.uniform(0, 1, n) < float(md["normal"])
        # never drop both; with no normal map at all, rgb must stay
        drop_r = (~drop_n) & (nrm_u8 is not None) & (rng.uniform(0, 1, n) < float(md["rgb"]))
        if cfg["model"]["type"] == "staged":
            drop_r[:] = False  # the pose stage reads rgb: the staged solver always has it
        nrm[drop_n] = 0.0
        rgb[drop_r] = 0.0
    t = lambda a: torch.from_numpy(a).to(device)  # noqa: E731
    if cfg["model"]["type"] != "staged":
        return t(rgb), t(nrm), t(params)
    from .staged import POSE_SCALE_DEG, anchors_to_normalised
    anchors, pose = ds.load_pose(idx)
    labels = {"anchors": anchors_to_normalised(t(anchors), ds.size), "pose": t(pose) / POSE_SCALE_DEG}
    return t(rgb), t(nrm), t(params), labels


def control_norm_weights(ds: SynthDataset, floor: float, seed: int, rows: int = 4000) -> torch.Tensor:
    """Per-control loss weights 1 / max(mean |y - median|, floor), mean 1: every control's error
    counts relative to what the best constant would get wrong on it, so the few big controls (the
    jaw) cannot drown the many small ones."""
    idx = np.sort(np.random.default_rng([seed, 7]).choice(len(ds), min(rows, len(ds)), replace=False))
    _, _, y = ds.load(idx)
    mad = np.abs(y - np.median(y, axis=0)).mean(0)
    w = 1.0 / np.maximum(mad, floor)
    return torch.from_numpy((w / w.mean()).astype(np.float32))


def init_locator(model, ds: SynthDataset, seed: int, rows: int = 2000):
    """Start the pose stage at the data's mean anchors and pose (its last layer's bias)."""
    from .staged import POSE_SCALE_DEG
    idx = np.sort(np.random.default_rng([seed, 8]).choice(len(ds), min(rows, len(ds)), replace=False))
    anchors, pose = ds.load_pose(idx)
    mean = np.concatenate([(anchors * (2.0 / ds.size) - 1.0).mean(0).ravel(), pose.mean(0) / POSE_SCALE_DEG])
    last = model.locator.fc[-1]
    with torch.no_grad():
        model.mean_anchors.copy_(torch.from_numpy(mean[: anchors.shape[1] * 2].reshape(-1, 2).astype(np.float32)))
        last.bias.copy_(torch.from_numpy(mean.astype(np.float32)))
        last.weight.mul_(0.1)


def init_from(model, path, skip: list[str] = ()) -> tuple[list[str], list[str]]:
    """Start from another checkpoint's weights wherever names and shapes match (a changed
    layout keeps the stages it shares: pose stage, face Hiera, eye and brow experts), except
    names starting with a prefix in skip (a part to learn again from its initialisation: an
    expert whose features collapsed). Returns (loaded, left at their initialisation)."""
    theirs = load_checkpoint(path)["model"]
    mine = model.state_dict()
    skip = [*skip, "deadzone"]  # a calibration belongs to the model it was measured on
    loaded = [k for k, v in theirs.items() if k in mine and mine[k].shape == v.shape
              and not any(k.startswith(p) for p in skip)]
    model.load_state_dict({**mine, **{k: theirs[k] for k in loaded}})
    return loaded, sorted(set(mine) - set(loaded))


def staged_loss(model, loss_fn, rgb, nrm, y, labels, vidx, rng, cfg):
    """Controls from crops at the true anchors plus noise of the pose stage's size (so the
    experts learn on what the pose stage will hand them), and the pose stage's own terms."""
    lc = cfg["loss"]
    sigma = float(cfg["model"]["staged"]["crop_noise"])
    noise = torch.from_numpy(rng.normal(0, sigma, tuple(labels["anchors"].shape)).astype(np.float32))
    pred, anchors, pose, _ = model.forward_train(rgb, nrm, labels["anchors"] + noise.to(rgb.device))
    loss, parts = loss_fn(pred, y, vidx)
    a_loss = (anchors - labels["anchors"]).abs().mean()
    p_loss = (pose - labels["pose"]).abs().mean()
    total = loss + float(lc["anchor_weight"]) * a_loss + float(lc["pose_weight"]) * p_loss
    return total, {**parts, "anchor": a_loss.detach(), "pose": p_loss.detach()}


def grad_clip_groups(model: torch.nn.Module, apart: list[str]) -> list[list[torch.nn.Parameter]]:
    """Parameters clipped together: one group per prefix in apart, then the rest. Measured: the
    pose stage's anchor term was 99.9% of the global gradient norm, so one global clip scaled
    every expert's gradient by whatever the locator happened to do that step."""
    groups: list[list[torch.nn.Parameter]] = [[] for _ in range(len(apart) + 1)]
    for name, p in model.named_parameters():
        i = next((j for j, pre in enumerate(apart) if name.startswith(pre)), len(apart))
        groups[i].append(p)
    return [g for g in groups if g]


def lr_at(step: int, tc: dict) -> float:
    base, warm, total = float(tc["lr"]), int(tc["warmup_steps"]), int(tc["steps"])
    if step < warm:
        return base * (step + 1) / warm
    prog = min(1.0, (step - warm) / max(1, total - warm))
    lo = float(tc["min_lr_ratio"])
    return base * (lo + (1 - lo) * 0.5 * (1 + math.cos(math.pi * prog)))


def param_groups(model: torch.nn.Module, wd: float, lr_scale: dict | None = None) -> list:
    """No weight decay on biases, norms, position embeddings and the absent tokens. lr_scale maps
    a parameter-name prefix to a learning-rate factor (the staged solver's Hiera learns slower
    than its CNN experts: at the experts' rate its features collapse, as measured in EVAL.md)."""
    groups: dict = {}
    for name, p in model.named_parameters():
        no_decay = p.ndim <= 1 or "pos_embed" in name or name.startswith("absent") or ".absent" in name
        scale = next((float(v) for k, v in (lr_scale or {}).items() if name.startswith(k)), 1.0)
        g = groups.setdefault((no_decay, scale), {"params": [], "weight_decay": 0.0 if no_decay else wd,
                                                  "lr_scale": scale})
        g["params"].append(p)
    return list(groups.values())


def fmt_time(sec: float) -> str:
    sec = int(max(0, sec))
    return f"{sec // 3600}:{sec % 3600 // 60:02d}:{sec % 60:02d}"


@torch.no_grad()
def validate(model, loss_fn, ds: SynthDataset, cfg: dict, device, limit: int, batch: int = 64) -> dict:
    """Held-out figures with the model's own pose stage (what solving does)."""
    model.eval()
    n = min(limit, len(ds))
    tot = {"loss": 0.0, "l1": 0.0, "mesh_mm": 0.0, "mae": 0.0}
    staged = cfg["model"]["type"] == "staged"
    if staged:
        tot["anchor_px"] = 0.0
    active = loss_fn.basis.active
    for start in range(0, n, batch):
        idx = np.arange(start, min(n, start + batch))
        rgb, nrm, y, *extra = make_batch(ds, idx, cfg, device)
        if staged:
            pred, anchors, _, _ = model.forward_train(rgb, nrm)
            pred = pred.clamp(0, 1)
            err = (anchors - extra[0]["anchors"]).norm(dim=-1).mean() * ds.size / 2
            tot["anchor_px"] += float(err) * len(idx)
        else:
            pred, _ = model(rgb, nrm)
        loss, parts = loss_fn(pred, y, active)
        k = len(idx)
        tot["loss"] += float(loss) * k
        tot["l1"] += float(parts["l1"]) * k
        tot["mesh_mm"] += float(parts["mesh_mm"]) * k
        tot["mae"] += float((pred - y).abs().mean()) * k
    model.train()
    return {f"val_{k}": v / n for k, v in tot.items()}


def save_checkpoint(path: Path, state: dict):
    tmp = path.with_suffix(".tmp")
    torch.save(state, tmp)
    os.replace(tmp, path)  # a crash mid-write never leaves a truncated checkpoint


def load_checkpoint(path, map_location="cpu") -> dict:
    ck = torch.load(path, map_location=map_location, weights_only=False)
    if ck.get("format") != CHECKPOINT_FORMAT:
        raise ValueError(f"{path}: not a {CHECKPOINT_FORMAT} checkpoint")
    return ck


def completed_state(model, state: dict) -> dict:
    """A checkpoint's weights with the buffers that older checkpoints lack filled in."""
    state, mine = dict(state), model.state_dict()
    if "mean_anchors" in mine and "mean_anchors" not in state and not model.fixed_crops:
        # checkpoints written before the fixed-crops ablation existed: the buffer is unused there
        state["mean_anchors"] = mine["mean_anchors"]
    if "deadzone" in mine and "deadzone" not in state:
        state["deadzone"] = mine["deadzone"]  # written before calibration existed: the plain clamp
    return state


def model_from_checkpoint(path, device="cpu"):
    ck = load_checkpoint(path, device)
    model = build_model(ck["config"], len(ck["data"]["controls"]), ck["data"]["controls"], ck["data"]["regions"])
    model.load_state_dict(completed_state(model, ck["model"]))
    return model.to(device).eval(), ck


# Operational settings that may change between a run and its resume (train.steps extends or
# shortens the run; the LR schedule then follows the new length from the current step).
RESUMABLE_KEYS = {"train.steps", "train.log_every", "train.checkpoint_every", "train.val_every",
                  "train.val_samples", "train.device", "train.num_threads"}


def _config_changes(old: dict, new: dict, path: str = "") -> list:
    out = []
    for k in sorted(set(old) | set(new)):
        p = f"{path}.{k}" if path else k
        a, b = old.get(k), new.get(k)
        if isinstance(a, dict) and isinstance(b, dict):
            out += _config_changes(a, b, p)
        elif a != b and p not in RESUMABLE_KEYS:
            out.append(p)
    return out


def _trim_log(log_path: Path, step: int):
    """On resume, drop log lines past the checkpoint: the resumed run writes them again."""
    if not log_path.exists():
        return
    keep = [ln for ln in log_path.read_text().splitlines() if ln and json.loads(ln)["step"] <= step]
    log_path.write_text("".join(ln + "\n" for ln in keep))


def train(cfg: dict, data_dir, out_dir, val_dir=None, resume: bool = False,
          stop_after: int | None = None, quiet: bool = False) -> dict:
    """Run (or resume) training; returns a summary. stop_after: save and return once that
    many total steps are done (for time-sliced training and the resume test)."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    last = out / "checkpoint-last.pt"
    if last.exists() and not resume:
        raise FileExistsError(f"{last} exists: pass --resume, or choose another --out")
    device = setup_runtime(cfg)
    say = (lambda *a: None) if quiet else (lambda *a: print(*a, flush=True))
    tc, seed = cfg["train"], int(cfg["seed"])

    ds = SynthDataset(data_dir)
    if ds.size != cfg["model"]["input_size"]:
        raise ValueError(f"data size {ds.size} != model input_size {cfg['model']['input_size']}: "
                         "render the data at the model's size")
    val = SynthDataset(val_dir) if val_dir else None
    if val is not None and (val.controls != ds.controls or val.rig_hash != ds.rig_hash):
        raise ValueError("validation data is for another rig or control set")

    torch.manual_seed(seed)
    staged = cfg["model"]["type"] == "staged"
    if staged and not ds.has_pose:
        raise ValueError(f"{data_dir}: the staged solver needs anchors and pose labels; "
                         "render the data again with rigsolve synth-data")
    model = build_model(cfg, len(ds.controls), ds.controls, ds.regions).to(device)
    basis = RigBasis(ds.basis())
    loss_fn = SolverLoss(basis, ds.regions, cfg["loss"]).to(device)
    only = cfg["loss"]["only_controls"]
    if only:
        # experiment: supervise these controls only (the 9-versus-102 comparison in EVAL.md)
        unknown = sorted(set(only) - set(ds.controls))
        if unknown:
            raise ValueError(f"loss.only_controls names controls the data lacks: {unknown}")
        loss_fn.cw *= torch.tensor([1.0 if c in only else 0.0 for c in ds.controls], device=device)
    if cfg["loss"]["control_norm"]:
        loss_fn.cw *= control_norm_weights(ds, float(cfg["loss"]["control_norm_floor"]), seed).to(device)
    if staged:
        init_locator(model, ds, seed)
    if tc["init_from"] and not (resume and last.exists()):
        loaded, fresh = init_from(model, tc["init_from"], tc.get("init_skip", []))
        say(f"[train] from {tc['init_from']}: {len(loaded)} tensors loaded, {len(fresh)} new "
            f"({', '.join(sorted({k.split('.')[0] + '.' + k.split('.')[1] for k in fresh if '.' in k}))})")
    opt = torch.optim.AdamW(param_groups(model, float(tc["weight_decay"]), tc.get("lr_scale")), lr=float(tc["lr"]))
    step, best, elapsed0 = 0, math.inf, 0.0
    # running sums for the next log line; checkpointed so a resumed run logs the same curve
    acc = {"loss": 0.0, "l1": 0.0, "mesh_mm": 0.0, "n": 0}
    log_path = out / "train-log.jsonl"
    if resume and last.exists():
        ck = load_checkpoint(last, device)
        changed = _config_changes(ck["config"], cfg)
        if changed:
            raise ValueError(f"config differs from the checkpoint's in {changed}; "
                             f"only {sorted(RESUMABLE_KEYS)} may change on resume")
        model.load_state_dict(completed_state(model, ck["model"]))
        opt.load_state_dict(ck["optimizer"])
        torch.set_rng_state(ck["torch_rng"].cpu())  # map_location may have moved it
        step, best, elapsed0 = ck["step"], ck["best_val"], ck["elapsed_s"]
        acc = dict(ck["log_acc"])
        _trim_log(log_path, step)
        say(f"[train] resumed from {last} at step {step}")
    elif log_path.exists():
        log_path.unlink()
    (out / "config.json").write_text(json.dumps(cfg, indent=1) + "\n")

    data_info = {**ds.summary(), "controls": ds.controls, "regions": ds.regions}

    def state(step_done: int, elapsed: float) -> dict:
        return {"format": CHECKPOINT_FORMAT, "config": cfg, "step": step_done,
                "model": model.state_dict(), "optimizer": opt.state_dict(),
                "torch_rng": torch.get_rng_state(), "best_val": best, "elapsed_s": elapsed,
                "log_acc": dict(acc), "data": data_info}

    clip_groups = grad_clip_groups(model, tc.get("clip_apart", []))
    total = int(tc["steps"])
    end = total if stop_after is None else min(total, stop_after)
    order = BatchOrder(len(ds), int(tc["batch_size"]), seed)
    n_params = sum(p.numel() for p in model.parameters())
    say(f"[train] {cfg['name']}: {n_params / 1e6:.2f} M params, {len(ds)} samples of {ds.size}², "
        f"device {device}, threads {torch.get_num_threads()}, steps {step}->{end} of {total}")
    model.train()
    t_start = time.perf_counter()
    t_mark, s_mark = t_start, step
    # The next batch is read and preprocessed on a thread while this step computes (numpy and
    # torch release the GIL); each step's rng is used by its batch first, then by the step, in
    # the same order as without the thread, so runs stay deterministic.
    from concurrent.futures import ThreadPoolExecutor
    loader = ThreadPoolExecutor(1)

    def fetch(s: int):
        i, ep = order.indices(s)
        r = np.random.default_rng([seed, TAG_STEP, s])
        return loader.submit(lambda: (make_batch(ds, i, cfg, device, r), r, ep))

    pending = fetch(step) if step < end else None
    with open(log_path, "a") as log:
        while step < end:
            (rgb, nrm, y, *extra), rng, epoch = pending.result()
            pending = fetch(step + 1) if step + 1 < end else None
            vidx = loss_fn.sample_vertices(rng)
            lr = lr_at(step, tc)
            for g in opt.param_groups:
                g["lr"] = lr * g.get("lr_scale", 1.0)
            if staged:
                loss, parts = staged_loss(model, loss_fn, rgb, nrm, y, extra[0], vidx, rng, cfg)
            else:
                pred, _ = model(rgb, nrm, clamp=False)  # see model.py: loss on the unclamped output
                loss, parts = loss_fn(pred, y, vidx)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            if float(tc["grad_clip"]) > 0:
                for group in clip_groups:
                    torch.nn.utils.clip_grad_norm_(group, float(tc["grad_clip"]))
            opt.step()
            step += 1
            acc["loss"] += float(loss.detach())
            acc["l1"] += float(parts["l1"])
            acc["mesh_mm"] += float(parts["mesh_mm"])
            if "anchor" in parts:
                acc["anchor"] = acc.get("anchor", 0.0) + float(parts["anchor"])
            acc["n"] += 1
            if not math.isfinite(float(loss.detach())):
                raise FloatingPointError(f"loss is {float(loss)} at step {step}")

            now = time.perf_counter()
            elapsed = elapsed0 + now - t_start
            if step % int(tc["log_every"]) == 0 or step == total:
                rate = (step - s_mark) * int(tc["batch_size"]) / max(now - t_mark, 1e-9)
                eta = (total - step) * int(tc["batch_size"]) / max(rate, 1e-9)
                k = acc["n"]
                rec = {"step": step, "epoch": epoch, "lr": lr, "loss": acc["loss"] / k,
                       "l1": acc["l1"] / k, "mesh_mm": acc["mesh_mm"] / k,
                       "samples_per_s": rate, "elapsed_s": elapsed,
                       **({"anchor_px": acc["anchor"] / k * ds.size / 2} if "anchor" in acc else {})}
                log.write(json.dumps(rec) + "\n")
                log.flush()
                say(f"[train] step {step}/{total} ({100 * step / total:.1f}%) loss {rec['loss']:.4f} "
                    f"l1 {rec['l1']:.4f} mesh {rec['mesh_mm']:.3f} mm lr {lr:.2e} | "
                    f"{rate:.1f} samples/s | elapsed {fmt_time(elapsed)} ETA {fmt_time(eta)}")
                t_mark, s_mark = now, step
                acc = {"loss": 0.0, "l1": 0.0, "mesh_mm": 0.0, "n": 0}
            if val is not None and (step % int(tc["val_every"]) == 0 or step == total):
                v = validate(model, loss_fn, val, cfg, device, int(tc["val_samples"]))
                log.write(json.dumps({"step": step, "epoch": epoch, **v}) + "\n")
                log.flush()
                say(f"[val] step {step}: loss {v['val_loss']:.4f} mae {v['val_mae']:.4f} "
                    f"mesh {v['val_mesh_mm']:.3f} mm"
                    + (f" anchors {v['val_anchor_px']:.2f} px" if "val_anchor_px" in v else ""))
                if v["val_loss"] < best:
                    best = v["val_loss"]
                    save_checkpoint(out / "checkpoint-best.pt", state(step, elapsed))
                t_mark, s_mark = time.perf_counter(), step  # validation is not training throughput
            if step % int(tc["checkpoint_every"]) == 0 or step == end:
                save_checkpoint(last, state(step, elapsed))
    elapsed = elapsed0 + time.perf_counter() - t_start
    say(f"[train] done: step {step}/{total} in {fmt_time(elapsed)}; checkpoint {last}")
    return {"step": step, "total": total, "checkpoint": str(last), "best_val": best,
            "elapsed_s": elapsed}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--config", required=True)
    ap.add_argument("--data", required=True, help="rigsolve-synth-data/1 dir")
    ap.add_argument("--val", help="held-out rigsolve-synth-data/1 dir for the validation curve")
    ap.add_argument("--out", required=True)
    ap.add_argument("--resume", action="store_true", help="continue from OUT/checkpoint-last.pt")
    ap.add_argument("--stop-after", type=int, help="stop (with a checkpoint) after this many total steps")
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                    help="override a config value, e.g. --set train.steps=100 (JSON values)")
    a = ap.parse_args(argv)
    cfg = load_config(a.config, a.set)
    train(cfg, a.data, a.out, a.val, a.resume, a.stop_after)


if __name__ == "__main__":
    sys.exit(main())
