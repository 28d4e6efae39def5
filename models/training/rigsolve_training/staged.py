"""The staged solver: a pose stage finds the head in the plate, face-aligned crops feed region
experts and the paper's dual Hiera, and per-region heads give the controls. One ONNX graph.

    plate (rgb, normal at S²) ─▶ locator (rgb at S/4) ─▶ anchors (eyes, mouth) + head pose
        └─▶ crops in the anchors' frame (GridSample):
              face ─▶ dual Hiera (rgb, normal) ──────────────────────┐
              expert crops (model.staged.experts), e.g.              ├─▶ one head per expert
                eye ×2, brow ×2, nose ×2, mouth corner ×2, lips ×2   │   (and side) ─▶ params
                (one expert per pair, right side mirrored),          │   (expert features + face
                lips' centre, jaw ───────────────────────────────────┘    features + head pose)

Why (measured, models/EVAL.md): on the whole plate a shared network asked for 102 sparse
controls learned the jaw and nothing else; the same network learned blinks and gaze when it saw
an eye crop and had a handful of outputs. A single mouth expert with 57 outputs repeated the
failure on the lips, so every expert now has at most 17. The eyes' position in the plate jitters by more than
gaze moves the iris, so every crop is taken in the head's own frame.

The anchor frame: e = (eyeLeft + eyeRight) / 2, ax = eyeLeft − eyeRight, ay = mouth − e. A
canonical point (a, b) is the image point e + a·ax + b·ay, so the actor's left eye sits at
(0.5, 0), the right at (−0.5, 0) and the lips' centre at (0, 1) whatever the head's position,
size and roll in the plate. Coordinates are GridSample's (align_corners=False): −1 and 1 are the
outer edges of the first and last pixel.

Outputs are linear (clamped to 0..1 only in inference): a bounded output collapsed to 0 in the
measurements. Absent modality: as model.py, an all-zero input; the Hiera branch swaps in a
learned feature, the experts see zeros in their normal channels (trained with modality dropout).
"""
from __future__ import annotations

import torch
import torch.nn as nn
import torch.nn.functional as F

from .hiera import Hiera, HieraConfig
from .model import is_present

ANCHORS = ("eyeLeft", "eyeRight", "mouth")
POSE_SCALE_DEG = 10.0   # the locator predicts pose in units of 10 degrees

# The face crop in the anchor frame (a0, a1, b0, b1); its size is the Hiera's input
# (model.staged.face_size).
FACE_BOX = (-1.4, 1.4, -1.3, 2.3)

# The first staged model's experts, for checkpoints whose config predates model.staged.experts:
# one mouth expert for the whole lower face (57 outputs), which is what drowned the lips.
LEGACY_EXPERTS = {
    "eye": {"box": [0.14, 0.86, -0.30, 0.26], "size": [56, 72], "sided": True, "regions": ["eyelid", "gaze"]},
    "brow": {"box": [0.0, 1.0, -0.95, -0.05], "size": [48, 64], "sided": True, "regions": ["brow"]},
    "mouth": {"box": [-0.85, 0.85, 0.45, 1.75], "size": [64, 80], "sided": False,
              "regions": ["lips", "mouthCorner", "mouth", "jaw", "chin", "tongue"]},
}


def expert_layout(staged_cfg: dict) -> dict[str, dict]:
    """name -> {box, size, widths, sided, regions}: the config's experts, in order. Boxes of sided
    experts are the actor's left side; the right crop is its mirror (a -> -a), so one expert
    serves both sides."""
    experts = staged_cfg.get("experts") or {
        k: {**v, "widths": staged_cfg["expert_widths"][k]} for k, v in LEGACY_EXPERTS.items()}
    return {k: {"box": tuple(v["box"]), "size": tuple(v["size"]), "widths": list(v["widths"]),
                "sided": bool(v["sided"]), "regions": tuple(v["regions"])} for k, v in experts.items()}


def side_of(name: str) -> str:
    return "L" if name.endswith("_L") else "R" if name.endswith("_R") else "C"


def assign_controls(controls: list[str], regions: list[str], layout: dict[str, dict]) -> dict[str, list[int]]:
    """Head name -> control indices. A control goes to the first expert that covers its region;
    a sided expert takes only sided controls, one head per side ('eye_L', 'eye_R'). What no
    expert takes goes to the 'face' head."""
    heads: dict[str, list[int]] = {}
    for i, (name, region) in enumerate(zip(controls, regions)):
        side = side_of(name)
        expert = next((e for e, spec in layout.items()
                       if region in spec["regions"] and not (spec["sided"] and side == "C")), None)
        key = "face" if expert is None else f"{expert}_{side}" if layout[expert]["sided"] else expert
        heads.setdefault(key, []).append(i)
    return heads


def conv_bn(cin: int, cout: int, stride: int) -> nn.Sequential:
    return nn.Sequential(nn.Conv2d(cin, cout, 3, stride, 1, bias=False), nn.BatchNorm2d(cout),
                         nn.ReLU(inplace=True))


class Expert(nn.Module):
    """A small CNN over one crop. The last map is flattened (not averaged): where the iris or
    a lip corner sits in the crop is the signal."""

    def __init__(self, in_chans: int, size: tuple[int, int], widths: list[int], feature_dim: int):
        super().__init__()
        layers, c = [], in_chans
        for i, w in enumerate(widths):
            # the first stage is one strided conv: at full crop resolution a second costs the most
            layers += [conv_bn(c, w, 2)] + ([conv_bn(w, w, 1)] if i > 0 else [])
            c = w
        layers.append(nn.Sequential(nn.Conv2d(c, 32, 1, bias=False), nn.BatchNorm2d(32), nn.ReLU(inplace=True)))
        self.net = nn.Sequential(*layers)
        h, w = size
        for _ in widths:
            h, w = (h + 1) // 2, (w + 1) // 2
        self.proj = nn.Sequential(nn.Linear(32 * h * w, feature_dim), nn.GELU())
        self.feature_dim = feature_dim

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.proj(self.net(x).flatten(1))


class Locator(nn.Module):
    """The pose stage: rgb at reduced resolution -> anchors (normalised coordinates) and pose."""

    def __init__(self, widths: list[int], n_anchors: int, half_size: int):
        super().__init__()
        layers, c = [], 3
        for i, w in enumerate(widths):
            layers.append(conv_bn(c, w, 2))
            if 0 < i < len(widths) - 1:
                layers.append(conv_bn(w, w, 1))
            c = w
        self.net = nn.Sequential(*layers)
        self.n_anchors = n_anchors
        side = half_size
        for _ in widths:
            side = (side + 1) // 2
        self.fc = nn.Sequential(nn.Linear(c * side * side, 256), nn.ReLU(inplace=True), nn.Linear(256, n_anchors * 2 + 3))

    def forward(self, rgb_half: torch.Tensor):
        out = self.fc(self.net(rgb_half).flatten(1))
        return out[:, : self.n_anchors * 2].reshape(-1, self.n_anchors, 2), out[:, self.n_anchors * 2:]


def canonical_grid(box, size, mirror: bool) -> torch.Tensor:
    """[h, w, 2] canonical (a, b) of each output pixel's centre."""
    a0, a1, b0, b1 = box
    h, w = size
    a = a0 + (torch.arange(w, dtype=torch.float32) + 0.5) / w * (a1 - a0)
    b = b0 + (torch.arange(h, dtype=torch.float32) + 0.5) / h * (b1 - b0)
    if mirror:
        a = -a
    return torch.stack(torch.meshgrid(a, b, indexing="xy"), dim=-1)


def sample_crop(image: torch.Tensor, anchors: torch.Tensor, grid: torch.Tensor) -> torch.Tensor:
    """image [N,C,H,W], anchors [N,3,2] (normalised), grid [h,w,2] canonical -> [N,C,h,w]."""
    el, er, m = anchors[:, 0], anchors[:, 1], anchors[:, 2]
    e = (el + er) * 0.5
    ax, ay = el - er, m - e
    g = e[:, None, None, :] + grid[None, :, :, 0:1] * ax[:, None, None, :] + grid[None, :, :, 1:2] * ay[:, None, None, :]
    return F.grid_sample(image, g, mode="bilinear", padding_mode="border", align_corners=False)


class StagedSolver(nn.Module):
    def __init__(self, model_cfg: dict, controls: list[str], regions: list[str]):
        super().__init__()
        sc = model_cfg["staged"]
        self.input_size = int(model_cfg["input_size"])
        self.branches = ["rgb", "normal"]
        self.n_controls = len(controls)
        scale = float(sc["crop_scale"])
        fs = int(sc["face_size"])
        self.layout = expert_layout(sc)
        # crop sizes scale with the plate (a smaller test model keeps the same boxes)
        self.crops = {"face": (FACE_BOX, (fs, fs))}
        for k, spec in self.layout.items():
            h, w = spec["size"]
            self.crops[k] = (spec["box"], (max(8, round(h * scale)), max(8, round(w * scale))))
        self.sided = tuple(k for k, spec in self.layout.items() if spec["sided"])
        for name, (box, size) in self.crops.items():
            self.register_buffer(f"grid_{name}", canonical_grid(box, size, False), persistent=False)
            if name in self.sided:
                self.register_buffer(f"grid_{name}_mirror", canonical_grid(box, size, True), persistent=False)
        # Ablation: crop at the training data's mean anchors (no pose stage in the loop)
        self.fixed_crops = bool(sc.get("fixed_crops", False))  # absent in configs that predate it
        self.register_buffer("mean_anchors", torch.zeros(len(ANCHORS), 2))
        # per-control output deadzone, set after training by calibrate.py (0: plain clamp)
        self.register_buffer("deadzone", torch.zeros(len(controls)))
        self.locator_pool = int(sc["locator_pool"])
        self.locator = Locator(list(sc["locator_widths"]), len(ANCHORS), self.input_size // self.locator_pool)
        hcfg = HieraConfig.from_dict({"input_size": fs, **model_cfg["hiera"]})
        self.face = nn.ModuleDict({b: Hiera(hcfg) for b in self.branches})
        self.absent = nn.ParameterDict({b: nn.Parameter(torch.zeros(self.face[b].feature_dim)) for b in self.branches})
        for p in self.absent.values():
            nn.init.trunc_normal_(p, std=0.02)
        face_dim = sum(self.face[b].feature_dim for b in self.branches)
        ef = int(sc["expert_features"])
        self.experts = nn.ModuleDict({
            name: Expert(6, self.crops[name][1], spec["widths"], ef) for name, spec in self.layout.items()})
        self.assign = assign_controls(controls, regions, self.layout)
        hidden = int(sc["head_hidden"])
        heads = {}
        for key, idx in self.assign.items():
            d_in = face_dim + 3 + (0 if key == "face" else ef)
            heads[key] = nn.Sequential(nn.Linear(d_in, hidden), nn.GELU(), nn.Linear(hidden, len(idx)))
        self.heads = nn.ModuleDict(heads)
        order = [i for key in self.heads for i in self.assign[key]]
        self.register_buffer("unpermute", torch.argsort(torch.tensor(order)), persistent=False)
        self.feature_dim = face_dim + ef * (len(self.experts) + len(self.sided))
        self.head_keys = list(self.heads)

    def locate(self, rgb: torch.Tensor):
        anchors, pose = self.locator(F.avg_pool2d(rgb, self.locator_pool))
        return anchors, pose

    def solve(self, rgb, normal, anchors, pose):
        """Controls (unclamped) and fused features from the crops in the given anchors' frame."""
        face_in = {b: sample_crop(x, anchors, self.grid_face) for b, x in (("rgb", rgb), ("normal", normal))}
        face_feats = []
        for b in self.branches:
            f = self.face[b](face_in[b])
            face_feats.append(torch.where(is_present(face_in[b])[:, None], f, self.absent[b]))
        face = torch.cat(face_feats, 1)
        both = torch.cat([rgb, normal], 1)
        ctx = torch.cat([face, pose.detach()], 1)
        feats = {"face": face}
        for name, expert in self.experts.items():
            if name in self.sided:
                for side, grid in (("L", getattr(self, f"grid_{name}")), ("R", getattr(self, f"grid_{name}_mirror"))):
                    feats[f"{name}_{side}"] = expert(sample_crop(both, anchors, grid))
            else:
                feats[name] = expert(sample_crop(both, anchors, getattr(self, f"grid_{name}")))
        outs = []
        for key in self.head_keys:
            x = ctx if key == "face" else torch.cat([feats[key], ctx], 1)
            outs.append(self.heads[key](x))
        params = torch.cat(outs, 1)[:, self.unpermute]
        fused = torch.cat([feats[k] for k in feats], 1)
        return params, fused

    def forward_train(self, rgb, normal, crop_anchors=None):
        """Training: locator outputs, and controls from crops at crop_anchors (the true anchors
        with the locator's error added) when given, else at the locator's own anchors."""
        anchors, pose = self.locate(rgb)
        use = anchors.detach() if crop_anchors is None else crop_anchors
        params, fused = self.solve(rgb, normal, self.crop_anchors(use), pose)
        return params, anchors, pose, fused

    def crop_anchors(self, anchors: torch.Tensor) -> torch.Tensor:
        return self.mean_anchors.expand_as(anchors) if self.fixed_crops else anchors

    def forward(self, rgb: torch.Tensor, normal: torch.Tensor, clamp: bool = True):
        anchors, pose = self.locate(rgb)
        params, fused = self.solve(rgb, normal, self.crop_anchors(anchors), pose)
        return (calibrated_output(params, self.deadzone) if clamp else params), fused

    def forward_export(self, rgb, normal):
        """The shipped graph: params, features, and the pose stage's anchors (pixels of the
        input) and head pose (degrees: yaw, pitch, roll)."""
        anchors, pose = self.locate(rgb)
        params, fused = self.solve(rgb, normal, self.crop_anchors(anchors), pose)
        pixels = (anchors + 1) * (self.input_size * 0.5)
        return calibrated_output(params, self.deadzone), fused, pixels, pose * POSE_SCALE_DEG


def calibrated_output(params: torch.Tensor, deadzone: torch.Tensor) -> torch.Tensor:
    """What the solver returns: each control's raw value x -> clamp((x - t) / (1 - t), 0, 1), t its
    calibrated deadzone. A value the network is unsure of (a small hedge around 0) reads exactly
    0, and 1 still reads 1. Training takes its loss on the raw value (the gradient never dies)."""
    return ((params - deadzone) / (1.0 - deadzone)).clamp(0.0, 1.0)


def anchors_to_normalised(pixels: torch.Tensor, size: int) -> torch.Tensor:
    return pixels * (2.0 / size) - 1.0
