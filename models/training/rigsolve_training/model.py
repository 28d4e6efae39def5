"""The solver: one backbone per modality (independent weights), features concatenated, an MLP
head with sigmoid outputs (controls run 0..1).

Absent modality: the caller feeds an all-zero tensor for that input (preprocess.ABSENT_VALUE).
Each branch tests its input for that sentinel per sample and, where it is absent, replaces the
backbone's features with a learned "absent" vector. The test is part of the graph, so the
ONNX model keeps exactly two inputs (`rgb`, `normal`) and the app needs no mask input.
Training applies modality dropout by feeding the same sentinel, so training and inference take
the same path.

Output: params = clamp(sigmoid(z)·(1 + 2m) − m, 0, 1), m = model.output_margin. A plain
sigmoid reaches 0 only at z = −∞; rig controls sit at exactly 0 most of the time, so an L1
loss drives those logits to −∞ where the sigmoid's gradient vanishes, and the whole head
collapses to a constant (observed on sparse synthetic data). With the margin 0 and 1 are
reached at finite logits; training takes the loss on the unclamped value (forward(...,
clamp=False)) so the gradient never dies, inference and ONNX return the clamped value.

`branches` may name one modality only: the single-modality models of the paper's ablation.
They keep the two-input signature and ignore the other input.
"""
from __future__ import annotations

import torch
import torch.nn as nn

from .cnn import SmallCNN
from .hiera import Hiera, HieraConfig

MODALITIES = ("rgb", "normal")


def make_backbone(model_cfg: dict) -> nn.Module:
    kind = model_cfg["type"]
    if kind == "hiera":
        return Hiera(HieraConfig.from_dict({"input_size": model_cfg["input_size"],
                                            **model_cfg["hiera"]}))
    if kind == "cnn":
        c = model_cfg["cnn"]
        return SmallCNN(tuple(c["widths"]), tuple(c["blocks"]))
    raise ValueError(f"unknown model type {kind!r} (hiera or cnn)")


def is_present(x: torch.Tensor) -> torch.Tensor:
    """[B] bool: False where the whole input is the all-zero 'absent' sentinel."""
    return x.flatten(1).abs().amax(dim=1) > 0


class RigSolver(nn.Module):
    def __init__(self, model_cfg: dict, n_controls: int):
        super().__init__()
        branches = list(model_cfg["branches"])
        if not branches or any(b not in MODALITIES for b in branches) or len(set(branches)) != len(branches):
            raise ValueError(f"branches must be a non-empty subset of {MODALITIES}, got {branches}")
        self.branches = [b for b in MODALITIES if b in branches]
        self.input_size = int(model_cfg["input_size"])
        self.backbones = nn.ModuleDict({b: make_backbone(model_cfg) for b in self.branches})
        self.absent = nn.ParameterDict({
            b: nn.Parameter(torch.zeros(self.backbones[b].feature_dim)) for b in self.branches})
        for p in self.absent.values():
            nn.init.trunc_normal_(p, std=0.02)
        self.feature_dim = sum(self.backbones[b].feature_dim for b in self.branches)
        layers, d = [], self.feature_dim
        for h in model_cfg["head_hidden"]:
            layers += [nn.Linear(d, h), nn.GELU(), nn.Dropout(model_cfg["head_dropout"])]
            d = h
        layers.append(nn.Linear(d, n_controls))
        self.head = nn.Sequential(*layers)
        self.n_controls = n_controls
        self.output_margin = float(model_cfg["output_margin"])

    def branch_features(self, name: str, x: torch.Tensor) -> torch.Tensor:
        f = self.backbones[name](x)
        # broadcast [F] against [B, F] (no expand_as): keeps F static in the ONNX graph
        return torch.where(is_present(x)[:, None], f, self.absent[name])

    def forward(self, rgb: torch.Tensor, normal: torch.Tensor, clamp: bool = True):
        inputs = {"rgb": rgb, "normal": normal}
        fused = torch.cat([self.branch_features(b, inputs[b]) for b in self.branches], dim=1)
        m = self.output_margin
        params = torch.sigmoid(self.head(fused)) * (1 + 2 * m) - m
        return (params.clamp(0.0, 1.0) if clamp else params), fused


def build_model(config: dict, n_controls: int, controls: list | None = None,
                regions: list | None = None) -> nn.Module:
    """The network a config describes; the staged solver needs the control names and regions
    (its region heads are chosen by them)."""
    if config["model"]["type"] == "staged":
        from .staged import StagedSolver
        if controls is None or regions is None or len(controls) != n_controls:
            raise ValueError("the staged solver needs the data's controls and regions")
        return StagedSolver(config["model"], list(controls), list(regions))
    return RigSolver(config["model"], n_controls)
