"""Hiera backbone, written from Ryali et al. 2023, "Hiera: A Hierarchical Vision Transformer
without the Bells-and-Whistles" (arXiv 2306.00989) and the structure of its reference code.

- Stem: one strided convolution (the only convolution in the network) + a learned absolute
  position embedding.
- Tokens are "unrolled" once after the stem so that every later 2x2 max-pool and every mask
  unit is a plain reshape: the token order is [s_1, s_2, ..., s_{L-1}, h_f, w_f] where s_k is
  the (y, x) offset inside the 2x2 cell of pooling level k (s_1 = finest) and (h_f, w_f) is the
  coarsest grid. Pooling = max over the leading s-axis; a mask unit = the tokens that share
  (h_f, w_f) and the low-order offsets, which lie on the fastest-varying axis.
- Stages: plain pre-norm transformer blocks (attention + MLP, no convolutions). The first block
  of stages 2..L pools its queries (2x2 max, stride 2) and doubles the width through a linear
  projection of the residual; its attention type lags one block behind, as in the paper, so the
  pooling block still attends inside the previous stage's mask units.
- Early stages attend inside mask units (windows), later stages globally.

Every reshape uses static token counts and -1 only for the batch, so the ONNX graph has a
dynamic batch and no shape arithmetic.
"""
from __future__ import annotations

from dataclasses import dataclass, field, asdict

import torch
import torch.nn as nn
import torch.nn.functional as F


@dataclass
class HieraConfig:
    input_size: int = 128
    in_chans: int = 3
    widths: list = field(default_factory=lambda: [32, 64, 128, 256])
    depths: list = field(default_factory=lambda: [1, 2, 3, 1])
    heads: list = field(default_factory=lambda: [1, 2, 4, 8])
    patch_kernel: int = 7
    patch_stride: int = 4
    patch_padding: int = 3
    # Side of a stage-1 mask unit, in tokens (Hiera: 8x8 tokens = 32x32 px at stride 4).
    mask_unit_size: int = 8
    mask_unit_attn: list = field(default_factory=lambda: [True, True, False, False])
    mlp_ratio: float = 4.0
    # "patch": the paper's single strided convolution. "conv": a stack of 3x3 stride-2
    # convolutions (BatchNorm, ReLU) and a 1x1 projection reaching the same stride (Xiao et al.
    # 2021, "Early Convolutions Help Transformers See Better"); still only in the stem.
    stem: str = "patch"

    @classmethod
    def from_dict(cls, d: dict) -> "HieraConfig":
        known = set(cls.__dataclass_fields__)
        unknown = set(d) - known
        if unknown:
            raise ValueError(f"unknown Hiera config keys: {sorted(unknown)}")
        return cls(**d)

    def to_dict(self) -> dict:
        return asdict(self)


Q_STRIDE = 2  # query pooling is 2x2 with stride 2 (the paper's q_stride for images)


class Unroll(nn.Module):
    """[B, H*W, C] in raster order -> [B, H*W, C] in unrolled order (see module doc)."""

    def __init__(self, size: int, levels: int, dim: int):
        super().__init__()
        self.size, self.levels, self.dim = size, levels, dim

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        s, c, cur = Q_STRIDE, self.dim, self.size
        x = x.reshape(-1, cur, cur, c)
        for _ in range(self.levels):
            cur //= s
            x = x.reshape(-1, cur, s, cur, s, c).permute(0, 2, 4, 1, 3, 5)
            # the offsets join the batch axis, innermost, so the next level nests inside them
            x = x.reshape(-1, cur, cur, c)
        return x.reshape(-1, self.size * self.size, c)


def reroll(x: torch.Tensor, size: int, levels: int) -> torch.Tensor:
    """Inverse of Unroll for a stage whose grid is size x size with `levels` unrolled levels
    still pending: returns [B, size, size, C] in raster order (row 0 at the top)."""
    c, s = x.shape[-1], Q_STRIDE
    cur = size // s**levels
    x = x.reshape(-1, cur, cur, c)
    for _ in range(levels):
        x = x.reshape(-1, s, s, cur, cur, c).permute(0, 3, 1, 4, 2, 5)
        cur *= s
        x = x.reshape(-1, cur, cur, c)
    return x


def pool_tokens(x: torch.Tensor, stride: int, tokens: int | None = None, dim: int | None = None) -> torch.Tensor:
    """2x2 max-pool in unrolled order: max over the leading offset axis. Pass the static token
    count and width when tracing, so the graph has no shape arithmetic."""
    n = x.shape[1] if tokens is None else tokens
    c = x.shape[2] if dim is None else dim
    return x.reshape(-1, stride, n // stride, c).amax(dim=1)


class MaskUnitAttention(nn.Module):
    """Multi-head attention restricted to mask units (num_windows > 1) or global
    (num_windows == 1), with optional max-pooling of the queries."""

    def __init__(self, dim: int, dim_out: int, heads: int, tokens_in: int, q_stride: int,
                 window_size: int, use_mask_unit_attn: bool):
        super().__init__()
        if dim_out % heads:
            raise ValueError(f"width {dim_out} not divisible by {heads} heads")
        self.dim_out, self.heads, self.head_dim = dim_out, heads, dim_out // heads
        self.q_stride, self.tokens_in = q_stride, tokens_in
        # window_size counts tokens per window after pooling, as in the reference code
        self.num_windows = tokens_in // (q_stride * window_size) if use_mask_unit_attn else 1
        self.scale = self.head_dim ** -0.5
        self.tokens_out = tokens_in // q_stride
        self.qkv = nn.Linear(dim, 3 * dim_out)
        self.proj = nn.Linear(dim_out, dim_out)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        nw, h, hd = self.num_windows, self.heads, self.head_dim
        per_window = self.tokens_in // nw
        # window index is the fastest token axis (unrolled order)
        qkv = self.qkv(x).reshape(-1, per_window, nw, 3, h, hd).permute(3, 0, 4, 2, 1, 5)
        q, k, v = qkv.unbind(0)  # each [B, heads, windows, tokens per window, head_dim]
        if self.q_stride > 1:
            q = q.reshape(-1, h, nw, self.q_stride, per_window // self.q_stride, hd).amax(dim=3)
        if torch.onnx.is_in_onnx_export():
            # same maths with a constant scale: the exporter's SDPA lowering recomputes
            # 1/sqrt(head_dim) from tensor shapes (Shape/Gather/Cast/Sqrt per layer)
            attn = torch.softmax((q * self.scale) @ k.transpose(-2, -1), dim=-1)
            x = attn @ v
        else:
            x = F.scaled_dot_product_attention(q, k, v)  # fused kernel for training
        x = x.transpose(1, 3).reshape(-1, self.tokens_out, self.dim_out)
        return self.proj(x)


class Mlp(nn.Module):
    def __init__(self, dim: int, hidden: int):
        super().__init__()
        self.fc1, self.act, self.fc2 = nn.Linear(dim, hidden), nn.GELU(), nn.Linear(hidden, dim)

    def forward(self, x):
        return self.fc2(self.act(self.fc1(x)))


class HieraBlock(nn.Module):
    def __init__(self, dim, dim_out, heads, tokens_in, q_stride, window_size, use_mask_unit_attn,
                 mlp_ratio):
        super().__init__()
        self.dim, self.dim_out, self.q_stride = dim, dim_out, q_stride
        self.norm1 = nn.LayerNorm(dim)
        self.attn = MaskUnitAttention(dim, dim_out, heads, tokens_in, q_stride, window_size,
                                      use_mask_unit_attn)
        self.norm2 = nn.LayerNorm(dim_out)
        self.mlp = Mlp(dim_out, int(dim_out * mlp_ratio))
        # width change at a stage transition: project, then pool, the residual stream
        self.proj = nn.Linear(dim, dim_out) if dim != dim_out else None

    def forward(self, x):
        x_norm = self.norm1(x)
        if self.proj is not None:
            x = self.proj(x_norm)
        if self.q_stride > 1:
            x = pool_tokens(x, self.q_stride, self.attn.tokens_in, self.dim_out)
        x = x + self.attn(x_norm)
        return x + self.mlp(self.norm2(x))


def make_stem(cfg: HieraConfig) -> nn.Module:
    if cfg.stem == "patch":
        return nn.Conv2d(cfg.in_chans, cfg.widths[0], cfg.patch_kernel, cfg.patch_stride,
                         cfg.patch_padding)
    if cfg.stem != "conv":
        raise ValueError(f"stem {cfg.stem!r}: 'patch' or 'conv'")
    n = cfg.patch_stride.bit_length() - 1
    if n < 1 or 2**n != cfg.patch_stride:
        raise ValueError("a conv stem needs a power-of-two patch_stride >= 2")
    layers, cin = [], cfg.in_chans
    for i in range(n):
        # widths grow toward widths[0], the last 3x3 layer reaching it
        cout = max(cfg.widths[0] // 2 ** (n - 1 - i), 8)
        layers += [nn.Conv2d(cin, cout, 3, 2, 1, bias=False), nn.BatchNorm2d(cout), nn.ReLU()]
        cin = cout
    layers.append(nn.Conv2d(cin, cfg.widths[0], 1))
    return nn.Sequential(*layers)


class Hiera(nn.Module):
    """Image -> feature vector [B, widths[-1]] (mean of the last stage's tokens, LayerNorm)."""

    def __init__(self, cfg: HieraConfig | None = None):
        super().__init__()
        cfg = cfg or HieraConfig()
        self.cfg = cfg
        stages = len(cfg.depths)
        if not (len(cfg.widths) == len(cfg.heads) == len(cfg.mask_unit_attn) == stages):
            raise ValueError("widths, depths, heads and mask_unit_attn need one entry per stage")
        if cfg.input_size % cfg.patch_stride:
            raise ValueError("input_size must be a multiple of patch_stride")
        tokens_side = cfg.input_size // cfg.patch_stride
        levels = stages - 1
        if tokens_side % Q_STRIDE**levels:
            raise ValueError(f"token grid {tokens_side} must divide by {Q_STRIDE**levels} "
                             f"({levels} pooling stages)")
        mu = cfg.mask_unit_size
        for s, windowed in enumerate(cfg.mask_unit_attn):
            if windowed:
                self._check_mask_unit(mu, s, levels, tokens_side // Q_STRIDE**s)
        self.tokens_side, self.levels = tokens_side, levels
        self.feature_dim = cfg.widths[-1]

        self.patch_embed = make_stem(cfg)
        self.pos_embed = nn.Parameter(torch.zeros(1, tokens_side * tokens_side, cfg.widths[0]))
        self.unroll = Unroll(tokens_side, levels, cfg.widths[0])

        blocks, tokens, flat_mu = [], tokens_side * tokens_side, mu * mu
        q_area = Q_STRIDE * Q_STRIDE
        dim = cfg.widths[0]
        self.stage_ends = []
        for s in range(stages):
            for i in range(cfg.depths[s]):
                pooling = s > 0 and i == 0
                if pooling:
                    flat_mu = max(flat_mu // q_area, 1)
                # the pooling block keeps the previous stage's attention type (paper: lag by 1)
                windowed = cfg.mask_unit_attn[s - 1 if pooling else s]
                blocks.append(HieraBlock(dim, cfg.widths[s], cfg.heads[s], tokens,
                                         q_area if pooling else 1, flat_mu, windowed,
                                         cfg.mlp_ratio))
                if pooling:
                    tokens //= q_area
                dim = cfg.widths[s]
            self.stage_ends.append(len(blocks) - 1)
        self.blocks = nn.ModuleList(blocks)
        self.norm = nn.LayerNorm(dim)
        self._init_weights()

    @staticmethod
    def _check_mask_unit(mu: int, stage: int, levels: int, grid: int):
        side = mu // Q_STRIDE**stage
        ok = side >= 1 and mu % Q_STRIDE**stage == 0 and side & (side - 1) == 0
        # the window must consist of pending offset levels only, else it is not contiguous
        ok = ok and (side <= Q_STRIDE**(levels - stage) or side == grid)
        # a windowed stage followed by a pooling block needs >= 2x2 tokens per window
        ok = ok and (side >= Q_STRIDE or stage == levels)
        if not ok:
            raise ValueError(f"mask_unit_size {mu} does not tile stage {stage + 1} "
                             f"({grid}x{grid} tokens)")

    def _init_weights(self):
        nn.init.trunc_normal_(self.pos_embed, std=0.02)
        for m in self.modules():
            if isinstance(m, nn.Linear):
                nn.init.trunc_normal_(m.weight, std=0.02)
                nn.init.zeros_(m.bias)
            elif isinstance(m, nn.LayerNorm):
                nn.init.ones_(m.weight)
                nn.init.zeros_(m.bias)

    def stage_sides(self) -> list:
        return [self.tokens_side // Q_STRIDE**s for s in range(len(self.cfg.depths))]

    def forward_tokens(self, x: torch.Tensor) -> list:
        """Unrolled token tensors at the end of each stage (for tests and inspection)."""
        x = self.patch_embed(x).flatten(2).transpose(1, 2) + self.pos_embed
        x = self.unroll(x)
        outs = []
        for i, blk in enumerate(self.blocks):
            x = blk(x)
            if i in self.stage_ends:
                outs.append(x)
        return outs

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self.patch_embed(x).flatten(2).transpose(1, 2) + self.pos_embed
        x = self.unroll(x)
        for blk in self.blocks:
            x = blk(x)
        return self.norm(x.mean(dim=1))


def count_params(module: nn.Module) -> int:
    return sum(p.numel() for p in module.parameters())


__all__ = ["Hiera", "HieraConfig", "Unroll", "reroll", "pool_tokens", "MaskUnitAttention",
           "count_params", "Q_STRIDE"]
