"""Model-input preprocessing: the single definition the TypeScript solver mirrors.

    out[c, y, x] = float32( (image[y, x, c] / 255 - MEAN[kind][c]) / STD[kind][c] )

- image: uint8, HWC, channels R,G,B, row 0 at the top, already at the model's input size
  (resizing/cropping happens before, in the app: sharp on the TS side).
- The arithmetic is done in float64 (JavaScript numbers) in exactly that order and rounded to
  float32 once at the end, so a TS loop `f32[i] = (v / 255 - mean[c]) / std[c]` into a
  Float32Array is bit-identical. tests/fixtures/preprocess-reference.json pins it.
- Normal maps: camera space, rgb = (n + 1) / 2 * 255 (+X right, +Y up, +Z toward the camera).
  With mean = std = 0.5 the normalised normal input is the decoded normal vector itself.
- Absent modality: feed an all-zero float tensor (ABSENT_VALUE) for that input. No uint8 image
  can produce an all-zero tensor (it would need v = 127.5 or 255*mean exactly), so the model
  detects the sentinel unambiguously and swaps in a learned "absent" feature.
"""
from __future__ import annotations

import json
import sys

import numpy as np

RGB_MEAN = (0.485, 0.456, 0.406)
RGB_STD = (0.229, 0.224, 0.225)
NORMAL_MEAN = (0.5, 0.5, 0.5)
NORMAL_STD = (0.5, 0.5, 0.5)
NORMALISATION = {
    "rgb": {"mean": list(RGB_MEAN), "std": list(RGB_STD)},
    "normal": {"mean": list(NORMAL_MEAN), "std": list(NORMAL_STD)},
}
ABSENT_VALUE = 0.0
FORMULA = ("out[c,y,x] = float32((u8[y,x,c] / 255 - mean[c]) / std[c]), computed in float64 in "
           "that order, rounded to float32 once; HWC uint8 RGB in, CHW float32 out")


def preprocess(image: np.ndarray, kind: str) -> np.ndarray:
    """uint8 [..., H, W, 3] -> float32 [..., 3, H, W]; kind is 'rgb' or 'normal'.
    Works on one image or a batch (leading axes are kept)."""
    if image.dtype != np.uint8:
        raise TypeError(f"preprocess expects uint8, got {image.dtype}")
    if image.ndim < 3 or image.shape[-1] != 3:
        raise ValueError(f"preprocess expects [..., H, W, 3], got {image.shape}")
    lut = _lut(kind)
    out = np.empty(image.shape[:-3] + (3,) + image.shape[-3:-1], np.float32)
    for c in range(3):
        # a table of the 256 values the formula gives: the same float32s, computed once
        np.take(lut[c], image[..., c], out=out[..., c, :, :])
    return out


_LUTS: dict = {}


def _lut(kind: str) -> np.ndarray:
    """[3, 256] float32: the formula evaluated (in float64, rounded once) for every uint8 value."""
    if kind not in _LUTS:
        norm = NORMALISATION[kind]
        mean = np.asarray(norm["mean"], dtype=np.float64)[:, None]
        std = np.asarray(norm["std"], dtype=np.float64)[:, None]
        _LUTS[kind] = ((np.arange(256, dtype=np.float64)[None, :] / 255.0 - mean) / std).astype(np.float32)
    return _LUTS[kind]


def absent(batch: int, size: int) -> np.ndarray:
    """The input to feed for a missing modality."""
    return np.full((batch, 3, size, size), ABSENT_VALUE, dtype=np.float32)


def reference_image() -> np.ndarray:
    """A fixed 4x4 image touching 0, 255, mid-grey and odd values in every channel."""
    v = np.arange(48, dtype=np.int64).reshape(4, 4, 3)
    img = (v * 37 + 11) % 256
    img[0, 0] = (0, 0, 0)
    img[0, 1] = (255, 255, 255)
    img[0, 2] = (128, 128, 255)  # the flat "facing the camera" normal
    img[0, 3] = (127, 128, 129)
    return img.astype(np.uint8)


def reference_fixture() -> dict:
    img = reference_image()
    return {
        "description": "Reference vectors for the model-input preprocessing (rigsolve_training/"
                       "preprocess.py). Each value is a float32 written as its exact double; "
                       "Math.fround(result) must equal it.",
        "formula": FORMULA,
        "normalisation": NORMALISATION,
        "absentValue": ABSENT_VALUE,
        "imageHWC": img.tolist(),
        "expectedCHW": {k: [[[float(v) for v in row] for row in ch] for ch in preprocess(img, k)]
                        for k in ("rgb", "normal")},
    }


if __name__ == "__main__":
    # python -m rigsolve_training.preprocess OUT.json  -- (re)writes the reference fixture
    out = sys.argv[1]
    fx = reference_fixture()
    with open(out, "w") as f:  # one line per key: diffable, and short
        f.write("{\n" + ",\n".join(f" {json.dumps(k)}: {json.dumps(v)}" for k, v in fx.items()) + "\n}\n")
    print(f"wrote {out}")
