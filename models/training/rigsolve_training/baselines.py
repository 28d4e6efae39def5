"""Ridge regression on downsampled pixels: the cheapest honest baseline (numpy, closed form).

Features: each modality preprocessed exactly as the network's input, block-averaged to
grid x grid, flattened. One ridge model per evaluation mode (rgb / normal / both), all read
off one pass of sufficient statistics (Σx, Σxxᵀ, Σxyᵀ) over the training data, so memory is
O(D²) however many samples there are. λ is picked on a 10 % hold-out of the training data,
then the model is refitted on everything.
"""
from __future__ import annotations

import numpy as np

from .data import SynthDataset
from .preprocess import preprocess

LAMBDAS = (1e-3, 1e-2, 1e-1, 1.0, 10.0, 100.0)  # per-sample scale (multiplied by n)
MODES = {"rgb": ("rgb",), "normal": ("normal",), "both": ("rgb", "normal")}


def pick_grid(size: int, target: int = 16) -> int:
    return max(g for g in range(1, min(size, target) + 1) if size % g == 0)


def pixel_features(u8: np.ndarray, kind: str, grid: int) -> np.ndarray:
    x = preprocess(u8, kind).astype(np.float64)
    n, c, s, _ = x.shape
    k = s // grid
    return x.reshape(n, c, grid, k, grid, k).mean(axis=(3, 5)).reshape(n, -1)


class RidgeBaseline:
    def __init__(self, grid: int):
        self.grid = grid
        self.models: dict = {}   # mode -> (columns, mean_x, W, mean_y)
        self.lambdas: dict = {}

    def _features(self, rgb, nrm) -> np.ndarray:
        parts = [pixel_features(rgb, "rgb", self.grid)]
        parts.append(pixel_features(nrm, "normal", self.grid) if nrm is not None
                     else np.zeros_like(parts[0]))
        return np.concatenate(parts, axis=1)

    def _columns(self, mode: str, d1: int) -> np.ndarray:
        cols = {"rgb": np.arange(d1), "normal": np.arange(d1, 2 * d1)}
        return np.concatenate([cols[m] for m in MODES[mode]])

    @classmethod
    def fit(cls, ds: SynthDataset, limit: int = 20000, grid: int | None = None,
            chunk: int = 512) -> "RidgeBaseline":
        self = cls(grid or pick_grid(ds.size))
        n_all = min(limit, len(ds))
        n_fit = n_all - max(1, n_all // 10)
        modes = [m for m in MODES if ds.has_normal or m == "rgb"]
        stats = None
        hold_x, hold_y = [], []
        for start in range(0, n_all, chunk):
            idx = np.arange(start, min(n_all, start + chunk))
            rgb, nrm, y = ds.load(idx)
            x = self._features(rgb, nrm)
            y = y.astype(np.float64)
            if stats is None:
                d, c = x.shape[1], y.shape[1]
                stats = {"fit": [0, np.zeros(d), np.zeros((d, d)), np.zeros((d, c)), np.zeros(c)],
                         "hold": [0, np.zeros(d), np.zeros((d, d)), np.zeros((d, c)), np.zeros(c)]}
            is_fit = idx < n_fit
            for part, sel in (("fit", is_fit), ("hold", ~is_fit)):
                if sel.any():
                    st, xs, ys = stats[part], x[sel], y[sel]
                    st[0] += len(xs)
                    st[1] += xs.sum(0)
                    st[2] += xs.T @ xs
                    st[3] += xs.T @ ys
                    st[4] += ys.sum(0)
            if (~is_fit).any():
                hold_x.append(x[~is_fit])
                hold_y.append(y[~is_fit])
        hx, hy = np.concatenate(hold_x), np.concatenate(hold_y)
        d1 = stats["fit"][1].shape[0] // 2
        total = [a + b for a, b in zip(stats["fit"], stats["hold"])]
        for mode in modes:
            cols = self._columns(mode, d1)
            best = None
            for lam in LAMBDAS:
                mx, w, my = self._solve(stats["fit"], cols, lam)
                err = np.abs(np.clip((hx[:, cols] - mx) @ w + my, 0, 1) - hy).mean()
                if best is None or err < best[0]:
                    best = (err, lam)
            self.lambdas[mode] = best[1]
            self.models[mode] = (cols, *self._solve(total, cols, best[1]))
        return self

    @staticmethod
    def _solve(st, cols, lam):
        n, sx, sxx, sxy, sy = st
        mx, my = sx[cols] / n, sy / n
        cxx = sxx[np.ix_(cols, cols)] - n * np.outer(mx, mx)
        cxy = sxy[cols] - n * np.outer(mx, my)
        w = np.linalg.solve(cxx + lam * n * np.eye(len(cols)), cxy)
        return mx, w, my

    def predict(self, rgb: np.ndarray, nrm: np.ndarray | None, mode: str) -> np.ndarray:
        cols, mx, w, my = self.models[mode]
        x = self._features(rgb, nrm)[:, cols]
        return np.clip((x - mx) @ w + my, 0, 1).astype(np.float32)
