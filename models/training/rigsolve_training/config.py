"""JSON training configs. `configs/default.json` is the complete schema; other configs name it
in "extends" and override only what differs. Unknown keys are errors (a typo must not silently
train with the default), except inside the free-form maps listed in FREEFORM (region names)."""
from __future__ import annotations

import copy
import json
from pathlib import Path

CONFIG_DIR = Path(__file__).resolve().parent.parent / "configs"
FREEFORM = {"loss.region_weights", "loss.region_beta", "train.lr_scale", "model.staged.experts"}


def _merge(base: dict, over: dict, path: str = "") -> dict:
    out = copy.deepcopy(base)
    for k, v in over.items():
        p = f"{path}.{k}" if path else k
        if k not in out and path not in FREEFORM:
            raise KeyError(f"unknown config key {p!r}")
        if isinstance(out.get(k), dict) and isinstance(v, dict):
            out[k] = _merge(out[k], v, p)   # free-form maps merge too: keys added or replaced
        else:
            out[k] = copy.deepcopy(v)
    return out


def parse_override(text: str) -> dict:
    """'train.steps=100' -> {'train': {'steps': 100}}; the value is JSON when it parses."""
    key, sep, raw = text.partition("=")
    if not sep:
        raise ValueError(f"override {text!r} is not key=value")
    try:
        value = json.loads(raw)
    except json.JSONDecodeError:
        value = raw
    out: dict = {}
    cur = out
    parts = key.split(".")
    for p in parts[:-1]:
        cur = cur.setdefault(p, {})
    cur[parts[-1]] = value
    return out


def load_config(path: str | Path, overrides: list[str] = ()) -> dict:
    path = Path(path)
    with open(path) as f:
        raw = json.load(f)
    parent = raw.pop("extends", None)
    cfg = _merge(load_config(path.parent / parent), raw) if parent else raw
    for ov in overrides:
        cfg = _merge(cfg, parse_override(ov))
    return cfg
