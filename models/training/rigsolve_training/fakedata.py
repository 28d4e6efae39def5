"""A stand-in for `rigsolve synth-data` / `synth-shot`: writes the exact same formats with a
cheap procedural "face" whose pixels depend on the controls, so tests and throughput figures
need no renderer.

The face is a height field (a dome plus one Gaussian bump per control, placed by region),
shaded for RGB and differentiated for the normal map; pupils move with the gaze controls and a
dark mouth opens with jawOpen, so part of the mapping is non-linear. The rig basis moves
vertices near each control's bump. `rig_seed` fixes the face and basis (train and held-out
sets must share it); `seed` draws the samples.
"""
from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

import numpy as np

from .controls import load_controls

REGION_CENTRES = {  # image-plane centres in [-1, 1]², +y up; L side at +x
    "brow": (0.35, 0.55), "eyelid": (0.35, 0.28), "gaze": (0.35, 0.28), "nose": (0.1, 0.0),
    "cheek": (0.5, -0.1), "mouthCorner": (0.3, -0.42), "lips": (0.12, -0.42),
    "mouth": (0.0, -0.45), "chin": (0.15, -0.75), "jaw": (0.0, -0.62), "tongue": (0.0, -0.45),
    "neck": (0.4, -0.95),
}


class FakeRig:
    def __init__(self, rig_seed: int = 0, vertices: int = 400, correctives: int = 4):
        rows = load_controls()
        self.controls = [r["name"] for r in rows]
        self.regions = [r["region"] for r in rows]
        rng = np.random.default_rng([rig_seed, 7])
        c = len(rows)
        centres = np.empty((c, 2))
        for i, r in enumerate(rows):
            cx, cy = REGION_CENTRES[r["region"]]
            sign = {"L": 1.0, "R": -1.0}.get(r["side"], 0.0 if cx < 0.2 else 1.0)
            centres[i] = (cx * sign, cy)
        self.centres = centres + rng.normal(0, 0.06, (c, 2))
        self.sigma = rng.uniform(0.08, 0.18, c)
        self.amp = rng.uniform(0.3, 1.0, c) * rng.choice([-1.0, 1.0], c)
        self.tint = rng.uniform(-0.25, 0.25, (c, 3))
        self.idx = {n: i for i, n in enumerate(self.controls)}
        # basis: vertices on the dome, metres (head ~0.16 m across)
        xy = rng.uniform(-1, 1, (vertices, 2))
        self.vert_xy = xy
        z = 0.05 * (1 - 0.5 * (xy ** 2).sum(1))
        self.neutral = np.concatenate([xy * 0.08, z[:, None]], 1).astype(np.float32)
        d2 = ((xy[None] - self.centres[:, None]) ** 2).sum(-1)          # [C, V]
        g = np.exp(-d2 / (2 * self.sigma[:, None] ** 2))
        dirs = rng.normal(0, 1, (c, 1, 3)) * np.array([0.3, 0.3, 1.0])
        self.deltas = (0.004 * self.amp[:, None, None] * g[..., None] * dirs).astype(np.float32)
        # gaze: only the eye vertices move, a few mm (small in mesh space: the weak spot)
        eyes = self._eye_vertices()
        for name, (dx, dy) in self._gaze_dirs().items():
            i = self.idx[name]
            self.deltas[i] = 0
            side = 1 if name.endswith("_L") else -1
            self.deltas[i, eyes[side], 0] = 0.003 * dx
            self.deltas[i, eyes[side], 1] = 0.003 * dy
        self.pairs = rng.choice(c, (correctives, 2), replace=True).astype(np.int64)
        self.pairs[:, 1] = (self.pairs[:, 0] + 1 + self.pairs[:, 1] % (c - 1)) % c  # a != b
        gk = g[self.pairs[:, 0]] * g[self.pairs[:, 1]]
        self.correctives = (0.003 * gk[..., None] * rng.normal(0, 1, (correctives, 1, 3))
                            ).astype(np.float32)
        self.hash = hashlib.sha256(b"fake-rig:" + self.neutral.tobytes() + self.deltas.tobytes()
                                   + self.correctives.tobytes()).hexdigest()

    def _eye_vertices(self) -> dict:
        out = {}
        for side in (1, -1):
            d = np.hypot(self.vert_xy[:, 0] - side * 0.35, self.vert_xy[:, 1] - 0.28)
            out[side] = np.nonzero(d < 0.12)[0]
        return out

    @staticmethod
    def _gaze_dirs() -> dict:
        dirs = {}
        for s, sign in (("L", 1), ("R", -1)):
            dirs[f"eyeLookUp_{s}"] = (0, 1)
            dirs[f"eyeLookDown_{s}"] = (0, -1)
            dirs[f"eyeLookOut_{s}"] = (sign, 0)
            dirs[f"eyeLookIn_{s}"] = (-sign, 0)
        return dirs

    def render(self, w: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
        """params [n, C] -> (rgb uint8 [n,S,S,3], normal uint8 [n,S,S,3]), row 0 at the top."""
        n = len(w)
        t = (np.arange(size) + 0.5) / size * 2 - 1
        x, y = np.meshgrid(t, -t)                                        # +y up
        d2 = (x[None] - self.centres[:, 0, None, None]) ** 2 + (y[None] - self.centres[:, 1, None, None]) ** 2
        g = np.exp(-d2 / (2 * self.sigma[:, None, None] ** 2)).reshape(len(self.controls), -1)
        h = (w @ (self.amp[:, None] * g)).reshape(n, size, size) * 0.15
        h += 0.6 * np.clip(1 - x ** 2 - y ** 2, 0, None)[None]
        px = 2.0 / size
        gy, gx = np.gradient(h, px, axis=(1, 2))
        nrm = np.stack([-gx, gy, np.ones_like(h)], -1)                   # rows go down: +y = -row
        nrm /= np.linalg.norm(nrm, axis=-1, keepdims=True)
        light = np.array([0.3, 0.4, 1.0]) / np.linalg.norm([0.3, 0.4, 1.0])
        shade = 0.25 + 0.75 * np.clip(nrm @ light, 0, 1)
        tint = (w @ (self.tint[:, :, None] * g[:, None, :]).reshape(len(self.controls), -1))
        albedo = np.array([0.8, 0.6, 0.5]) + tint.reshape(n, 3, size, size).transpose(0, 2, 3, 1)
        rgb = albedo * shade[..., None]
        dark = np.zeros((n, size, size))
        for side, s in ((1, "L"), (-1, "R")):
            gaze = self._gaze_dirs()
            ox = sum(w[:, self.idx[k]] * v[0] for k, v in gaze.items() if k.endswith(s))
            oy = sum(w[:, self.idx[k]] * v[1] for k, v in gaze.items() if k.endswith(s))
            blink = w[:, self.idx[f"eyeBlink_{s}"]]
            # a dark iris the gaze moves and the blink squashes; big enough to see at 32²
            rx = (x[None] - side * 0.35 - 0.15 * ox[:, None, None]) / 0.11
            ry = (y[None] - 0.28 - 0.12 * oy[:, None, None]) / (0.11 * (1.02 - blink[:, None, None]))
            dark = np.maximum(dark, (rx ** 2 + ry ** 2 < 1) * 1.0)
        jaw = w[:, self.idx["jawOpen"]]
        mouth = (x[None] / 0.3) ** 2 + ((y[None] + 0.45) / (0.02 + 0.16 * jaw[:, None, None])) ** 2
        dark = np.maximum(dark, (mouth < 1) * 0.9)
        rgb = rgb * (1 - dark[..., None])
        to_u8 = lambda a: np.clip(np.rint(a * 255), 0, 255).astype(np.uint8)  # noqa: E731
        return to_u8(rgb), to_u8((nrm + 1) / 2)


def sample_params(rng: np.random.Generator, n: int, c: int, active=None) -> np.ndarray:
    """Sparse activations, as a FACS rig mostly sits near neutral. `active`: indices of the
    only controls that move (None: all), for small learnable test sets."""
    w = rng.uniform(0, 1, (n, c)) * (rng.uniform(0, 1, (n, c)) < 0.35)
    if active is not None:
        keep = np.zeros(c, bool)
        keep[list(active)] = True
        w[:, ~keep] = 0
    return w.astype(np.float32)


def write_dataset(root, count: int, size: int, seed: int, rig_seed: int = 0,
                  shard_size: int = 256, has_normal: bool = True, vertices: int = 400,
                  active=None) -> Path:
    root = Path(root)
    (root / "basis").mkdir(parents=True, exist_ok=True)
    rig = FakeRig(rig_seed, vertices)
    rng = np.random.default_rng([seed, 11])
    shards = []
    for k, start in enumerate(range(0, count, shard_size)):
        n = min(shard_size, count - start)
        w = sample_params(rng, n, len(rig.controls), active)
        rgb, nrm = rig.render(w, size)
        entry = {"count": n, "rgb": f"shard-{k:05d}.rgb.npy", "params": f"shard-{k:05d}.params.npy"}
        np.save(root / entry["rgb"], rgb)
        np.save(root / entry["params"], w)
        if has_normal:
            entry["normal"] = f"shard-{k:05d}.normal.npy"
            np.save(root / entry["normal"], nrm)
        shards.append(entry)
    np.save(root / "basis/neutral.npy", rig.neutral)
    np.save(root / "basis/deltas.npy", rig.deltas)
    np.save(root / "basis/correctives.npy", rig.correctives)
    manifest = {
        "format": "rigsolve-synth-data/1", "count": count, "size": size, "seed": seed,
        "controls": rig.controls, "regions": rig.regions, "rigHash": rig.hash,
        "hasNormal": has_normal, "shards": shards,
        "basis": {"neutral": "basis/neutral.npy", "deltas": "basis/deltas.npy",
                  "correctives": "basis/correctives.npy",
                  "correctivePairs": rig.pairs.tolist()},
    }
    (root / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n")
    return root


def write_shot(root, frames: int, size: int, seed: int, rig_seed: int = 0) -> Path:
    """A natural-motion shot: smooth random curves (sums of slow sinusoids) rendered to PNGs."""
    from PIL import Image
    root = Path(root)
    rig = FakeRig(rig_seed)
    c = len(rig.controls)
    rng = np.random.default_rng([seed, 13])
    t = np.arange(frames)[:, None]
    w = np.zeros((frames, c))
    for _ in range(3):
        f, ph = rng.uniform(0.01, 0.06, c), rng.uniform(0, 2 * np.pi, c)
        w += rng.uniform(0, 0.5, c) * np.sin(2 * np.pi * f * t + ph)
    w = np.clip(w - 0.1, 0, 1).astype(np.float32)
    rgb, nrm = rig.render(w, size)
    for sub, imgs in (("rgb", rgb), ("normal", nrm)):
        (root / sub).mkdir(parents=True, exist_ok=True)
        for i, img in enumerate(imgs):
            Image.fromarray(img).save(root / sub / f"frame.{i + 1:04d}.png")
    with open(root / "truth.csv", "w") as f:
        f.write("frame," + ",".join(rig.controls) + "\n")
        for i in range(frames):
            f.write(f"{i + 1}," + ",".join(f"{v:.6f}" for v in w[i]) + "\n")
    return root


def main(argv=None):
    ap = argparse.ArgumentParser(description="Write a fake rigsolve-synth-data/1 dir (or a shot)")
    ap.add_argument("out")
    ap.add_argument("--count", type=int, default=1024)
    ap.add_argument("--size", type=int, default=128)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rig-seed", type=int, default=0)
    ap.add_argument("--shard-size", type=int, default=1024)
    ap.add_argument("--active", help="comma-separated control names: only these move")
    ap.add_argument("--shot-frames", type=int, default=0, help="write a synth-shot dir instead")
    a = ap.parse_args(argv)
    if a.shot_frames:
        write_shot(a.out, a.shot_frames, a.size, a.seed, a.rig_seed)
    else:
        active = None
        if a.active:
            names = FakeRig(a.rig_seed).controls
            active = [names.index(n) for n in a.active.split(",")]
        write_dataset(a.out, a.count, a.size, a.seed, a.rig_seed, a.shard_size, active=active)
    print(f"wrote {a.out}")


if __name__ == "__main__":
    main()
