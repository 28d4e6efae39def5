"""Readers for the `rigsolve synth-data` format (rigsolve-synth-data/1) and synth-shot dirs.

Shards are memory-mapped (np.load(mmap_mode='r')): a 50 k-sample set at 128² is ~4.8 GB and
is never loaded whole; a batch reads only its rows.
"""
from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

DATA_FORMAT = "rigsolve-synth-data/1"


@dataclass
class RigBasisArrays:
    neutral: np.ndarray       # [V, 3] metres
    deltas: np.ndarray        # [C, V, 3]
    correctives: np.ndarray   # [K, V, 3]
    pairs: np.ndarray         # [K, 2] int64 control indices


class SynthDataset:
    def __init__(self, root: str | Path):
        self.root = Path(root)
        with open(self.root / "manifest.json") as f:
            m = json.load(f)
        if m.get("format") != DATA_FORMAT:
            raise ValueError(f"{self.root}: format {m.get('format')!r}, expected {DATA_FORMAT!r}")
        self.manifest = m
        self.size = int(m["size"])
        self.controls = list(m["controls"])
        self.regions = list(m["regions"])
        self.rig_hash = m["rigHash"]
        self.has_normal = bool(m["hasNormal"])
        self.seed = m.get("seed")
        if len(self.regions) != len(self.controls):
            raise ValueError(f"{self.root}: {len(self.controls)} controls, {len(self.regions)} regions")
        # Pose-stage labels (rigsolve synth-data writes them where the rig has eyes and lips).
        self.anchor_names = list(m.get("anchors", []))
        self.has_pose = bool(self.anchor_names) and all("anchors" in sh and "pose" in sh for sh in m["shards"])
        self._anchors, self._pose = [], []
        self._rgb, self._normal, self._params, counts = [], [], [], []
        for sh in m["shards"]:
            n = int(sh["count"])
            rgb = self._open(sh["rgb"], np.uint8, (n, self.size, self.size, 3))
            params = self._open(sh["params"], np.float32, (n, len(self.controls)))
            normal = self._open(sh["normal"], np.uint8, (n, self.size, self.size, 3)) \
                if self.has_normal else None
            self._rgb.append(rgb)
            self._normal.append(normal)
            self._params.append(params)
            if self.has_pose:
                self._anchors.append(self._open(sh["anchors"], np.float32, (n, len(self.anchor_names), 2)))
                self._pose.append(self._open(sh["pose"], np.float32, (n, 3)))
            counts.append(n)
        self.offsets = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
        self.count = int(self.offsets[-1])
        if self.count != int(m["count"]):
            raise ValueError(f"{self.root}: shards hold {self.count} samples, manifest says {m['count']}")

    def _open(self, rel: str, dtype, shape) -> np.ndarray:
        arr = np.load(self.root / rel, mmap_mode="r")
        if arr.dtype != dtype or tuple(arr.shape) != tuple(shape):
            raise ValueError(f"{self.root / rel}: {arr.dtype}{list(arr.shape)}, "
                             f"expected {np.dtype(dtype)}{list(shape)}")
        return arr

    def __len__(self) -> int:
        return self.count

    def _gather(self, idx, columns: dict) -> dict:
        """Rows idx (any order) of per-shard arrays: {name: (shards, dtype, row shape)} -> {name: array}."""
        idx = np.asarray(idx, dtype=np.int64)
        if idx.size and (idx.min() < 0 or idx.max() >= self.count):
            raise IndexError("sample index out of range")
        out = {k: np.empty((len(idx),) + shape, dtype) for k, (_, dtype, shape) in columns.items()}
        shard = np.searchsorted(self.offsets[1:], idx, side="right")
        for k in np.unique(shard):
            sel = np.nonzero(shard == k)[0]
            local = idx[sel] - self.offsets[k]
            order = np.argsort(local, kind="stable")  # ascending rows read the mmap sequentially
            sel, local = sel[order], local[order]
            for name, (shards, _, _) in columns.items():
                out[name][sel] = shards[k][local]
        return out

    def load(self, idx) -> tuple[np.ndarray, np.ndarray | None, np.ndarray]:
        """Rows idx (any order) -> (rgb uint8 [n,S,S,3], normal uint8 or None, params [n,C])."""
        s = self.size
        cols = {"rgb": (self._rgb, np.uint8, (s, s, 3)), "params": (self._params, np.float32, (len(self.controls),))}
        if self.has_normal:
            cols["normal"] = (self._normal, np.uint8, (s, s, 3))
        got = self._gather(idx, cols)
        return got["rgb"], got.get("normal"), got["params"]

    def load_pose(self, idx) -> tuple[np.ndarray, np.ndarray]:
        """Rows idx -> (anchors float32 [n, A, 2] in pixels, pose float32 [n, 3] degrees)."""
        if not self.has_pose:
            raise ValueError(f"{self.root}: no anchors/pose labels (render it again with rigsolve synth-data)")
        got = self._gather(idx, {"anchors": (self._anchors, np.float32, (len(self.anchor_names), 2)),
                                 "pose": (self._pose, np.float32, (3,))})
        return got["anchors"], got["pose"]

    def basis(self) -> RigBasisArrays:
        b = self.manifest["basis"]
        neutral = np.load(self.root / b["neutral"]).astype(np.float32)
        v = neutral.shape[0]
        deltas = np.load(self.root / b["deltas"]).astype(np.float32)
        pairs = np.asarray(b.get("correctivePairs", []), dtype=np.int64).reshape(-1, 2)
        corr_path = b.get("correctives")
        correctives = np.load(self.root / corr_path).astype(np.float32) if corr_path \
            else np.zeros((0, v, 3), np.float32)
        if neutral.shape != (v, 3) or deltas.shape != (len(self.controls), v, 3):
            raise ValueError(f"{self.root}: basis shapes neutral {neutral.shape}, deltas {deltas.shape}")
        if correctives.shape != (len(pairs), v, 3):
            raise ValueError(f"{self.root}: {correctives.shape[0]} correctives, {len(pairs)} pairs")
        if len(pairs) and (pairs.min() < 0 or pairs.max() >= len(self.controls)):
            raise ValueError(f"{self.root}: corrective pair index out of range")
        return RigBasisArrays(neutral, deltas, correctives, pairs)

    def summary(self) -> dict:
        """What a model records about the data it saw (manifest 'trainingData')."""
        return {"dir": str(self.root), "format": DATA_FORMAT, "count": self.count,
                "size": self.size, "seed": self.seed, "rigHash": self.rig_hash,
                "hasNormal": self.has_normal}


@dataclass
class Shot:
    frames: list           # frame numbers, ascending
    rgb: np.ndarray        # uint8 [T, H, W, 3]
    normal: np.ndarray | None
    truth: np.ndarray | None   # float32 [T, C] in `controls` order
    controls: list


_FRAME_RE = re.compile(r"\.(\d+)\.png$", re.IGNORECASE)


def _read_png_dir(d: Path) -> tuple[list, np.ndarray]:
    from PIL import Image  # only needed for shot dirs
    files = sorted((int(_FRAME_RE.search(p.name).group(1)), p) for p in d.iterdir()
                   if _FRAME_RE.search(p.name))
    if not files:
        raise ValueError(f"{d}: no frame.NNNN.png files")
    imgs = []
    for _, p in files:
        with Image.open(p) as im:
            imgs.append(np.asarray(im.convert("RGB"), dtype=np.uint8))
    return [f for f, _ in files], np.stack(imgs)


def read_shot(root: str | Path) -> Shot:
    """A synth-shot dir: rgb/frame.NNNN.png, optional normal/frame.NNNN.png, optional truth.csv
    (header `frame,<control names>`)."""
    root = Path(root)
    frames, rgb = _read_png_dir(root / "rgb")
    normal = None
    if (root / "normal").is_dir():
        nframes, normal = _read_png_dir(root / "normal")
        if nframes != frames:
            raise ValueError(f"{root}: rgb and normal frame numbers differ")
    truth, controls = None, []
    if (root / "truth.csv").exists():
        with open(root / "truth.csv", newline="") as f:
            rows = list(csv.reader(f))
        header, body = rows[0], [r for r in rows[1:] if r]
        if header[0] != "frame":
            raise ValueError(f"{root}/truth.csv: first column must be 'frame'")
        controls = header[1:]
        by_frame = {int(r[0]): np.asarray(r[1:], dtype=np.float32) for r in body}
        missing = [f for f in frames if f not in by_frame]
        if missing:
            raise ValueError(f"{root}/truth.csv: no row for frames {missing[:5]}")
        truth = np.stack([by_frame[f] for f in frames])
    return Shot(frames, rgb, normal, truth, controls)
