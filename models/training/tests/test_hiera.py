import pytest
import torch
import torch.nn as nn
import torch.nn.functional as F

from rigsolve_training.hiera import Hiera, HieraConfig, MaskUnitAttention, Unroll, pool_tokens, reroll


def raster_tokens(b, side, c, seed=0):
    g = torch.Generator().manual_seed(seed)
    return torch.randn(b, side * side, c, generator=g)


def test_default_config_stage_shapes_and_single_stem_conv():
    torch.manual_seed(0)
    h = Hiera()  # the small config of model-notes.md
    assert h.cfg.widths == [32, 64, 128, 256] and h.cfg.depths == [1, 2, 3, 1]
    outs = h.forward_tokens(torch.randn(2, 3, 128, 128))
    assert [tuple(o.shape) for o in outs] == [(2, 1024, 32), (2, 256, 64), (2, 64, 128), (2, 16, 256)]
    assert h(torch.randn(3, 3, 128, 128)).shape == (3, 256)
    convs = [m for m in h.modules() if isinstance(m, (nn.Conv1d, nn.Conv2d, nn.Conv3d))]
    assert convs == [h.patch_embed]
    assert h.patch_embed.kernel_size == (7, 7) and h.patch_embed.stride == (4, 4)
    assert isinstance(h.pos_embed, nn.Parameter) and h.pos_embed.shape == (1, 1024, 32)
    # windowed attention in stages 1-2, global in 3-4; a pooling block keeps the attention type
    # of the stage it leaves (the paper's one-block lag), so the block entering stage 3 is windowed
    nw = [b.attn.num_windows for b in h.blocks]
    assert nw == [16, 16, 16, 16, 1, 1, 1]


def test_configurable_width_depth_heads_size_stride():
    cfg = HieraConfig(input_size=128, widths=[24, 48, 96, 192], depths=[2, 1, 1, 1], heads=[1, 2, 3, 4],
                      patch_kernel=8, patch_stride=8, patch_padding=0, mask_unit_size=4)
    h = Hiera(cfg)
    assert h.tokens_side == 16
    assert h(torch.randn(1, 3, 128, 128)).shape == (1, 192)
    assert len(h.blocks) == 5


def test_conv_stem_keeps_convolutions_in_the_stem_and_the_token_grid():
    cfg = HieraConfig(input_size=128, patch_stride=8, mask_unit_size=4, stem="conv")
    h = Hiera(cfg)
    stem_convs = [m for m in h.patch_embed.modules() if isinstance(m, nn.Conv2d)]
    all_convs = [m for m in h.modules() if isinstance(m, (nn.Conv1d, nn.Conv2d, nn.Conv3d))]
    assert all_convs == stem_convs  # no convolution after the stem
    assert [c.stride for c in stem_convs] == [(2, 2)] * 3 + [(1, 1)]
    assert h.forward_tokens(torch.randn(2, 3, 128, 128))[0].shape == (2, 256, 32)
    with pytest.raises(ValueError):
        Hiera(HieraConfig(input_size=96, patch_stride=6, patch_kernel=6, patch_padding=0, stem="conv"))


@pytest.mark.parametrize("kw", [dict(input_size=130), dict(mask_unit_size=3),
                                dict(mask_unit_size=16, input_size=256, mask_unit_attn=[True, True, True, False]),
                                dict(heads=[1, 2, 4, 7])])
def test_invalid_configs_are_rejected(kw):
    with pytest.raises(ValueError):
        Hiera(HieraConfig(**kw))


def test_unroll_then_reroll_is_identity():
    x = raster_tokens(2, 32, 5)
    u = Unroll(32, 3, 5)(x)
    assert not torch.equal(u, x)  # the order really changes
    assert torch.equal(reroll(u, 32, 3), x.reshape(2, 32, 32, 5))


def test_query_pooling_is_a_2x2_stride_2_max_pool():
    x = raster_tokens(2, 32, 6, seed=1)
    u = Unroll(32, 3, 6)(x)
    pooled = reroll(pool_tokens(u, 4), 16, 2)                      # [B, 16, 16, C]
    ref = F.max_pool2d(x.reshape(2, 32, 32, 6).permute(0, 3, 1, 2), 2).permute(0, 2, 3, 1)
    assert torch.equal(pooled, ref)
    pooled2 = reroll(pool_tokens(pool_tokens(u, 4), 4), 8, 1)
    assert torch.equal(pooled2, F.max_pool2d(ref.permute(0, 3, 1, 2), 2).permute(0, 2, 3, 1))


def changed_cells(attn, side_in, side_out, levels_in, levels_out, dim, at):
    """Perturb one raster token and return the [side_out, side_out] map of changed outputs."""
    x = raster_tokens(1, side_in, dim, seed=2)
    y0 = reroll(attn(Unroll(side_in, levels_in, dim)(x)), side_out, levels_out)
    x2 = x.clone().reshape(1, side_in, side_in, dim)
    x2[0, at[0], at[1]] += 5.0
    y1 = reroll(attn(Unroll(side_in, levels_in, dim)(x2.reshape(1, -1, dim))), side_out, levels_out)
    return (y1 - y0).abs().amax(-1)[0] > 1e-6


def test_mask_unit_attention_stays_inside_its_8x8_unit():
    torch.manual_seed(0)
    attn = MaskUnitAttention(16, 16, 2, tokens_in=1024, q_stride=1, window_size=64, use_mask_unit_attn=True)
    changed = changed_cells(attn, 32, 32, 3, 3, 16, at=(11, 21))   # unit (1, 2)
    expect = torch.zeros(32, 32, dtype=torch.bool)
    expect[8:16, 16:24] = True
    assert torch.equal(changed, expect)


def test_global_attention_reaches_every_token():
    torch.manual_seed(0)
    attn = MaskUnitAttention(16, 16, 2, tokens_in=64, q_stride=1, window_size=64, use_mask_unit_attn=False)
    changed = changed_cells(attn, 8, 8, 1, 1, 16, at=(0, 0))
    assert changed.all()


def test_pooling_block_pools_queries_within_the_previous_mask_unit():
    torch.manual_seed(0)
    # entering stage 2: queries max-pooled 2x2, keys/values at full resolution, 8x8 unit -> 4x4
    attn = MaskUnitAttention(16, 32, 2, tokens_in=1024, q_stride=4, window_size=16, use_mask_unit_attn=True)
    changed = changed_cells(attn, 32, 16, 3, 2, 16, at=(3, 30))    # unit (0, 3)
    expect = torch.zeros(16, 16, dtype=torch.bool)
    expect[0:4, 12:16] = True
    assert torch.equal(changed, expect)


def test_hiera_block_channel_doubling_at_stage_transitions():
    h = Hiera(HieraConfig(input_size=64, widths=[8, 16, 32, 64], depths=[1, 1, 1, 1], heads=[1, 1, 2, 2],
                          mask_unit_size=8))
    transitions = [b for b in h.blocks if b.q_stride > 1]
    assert [(b.dim, b.dim_out) for b in transitions] == [(8, 16), (16, 32), (32, 64)]
    assert all(b.proj is not None for b in transitions)
