import torch

from rigsolve_training.config import CONFIG_DIR, load_config
from rigsolve_training.model import build_model, is_present


def tiny(**over):
    cfg = load_config(CONFIG_DIR / "tiny.json", [f"{k}={v}" for k, v in over.items()])
    torch.manual_seed(0)
    return build_model(cfg, 102).eval()


def test_outputs_in_unit_range_even_for_extreme_inputs():
    m = tiny()
    x = torch.randn(4, 3, 32, 32) * 100
    params, feats = m(x, -x)
    assert params.shape == (4, 102) and feats.shape == (4, m.feature_dim) and m.feature_dim == 128
    assert params.min() >= 0 and params.max() <= 1
    raw, _ = m(x, -x, clamp=False)   # the training view may overshoot by the margin
    assert raw.min() >= -m.output_margin - 1e-6 and raw.max() <= 1 + m.output_margin + 1e-6


def test_default_model_size():
    cfg = load_config(CONFIG_DIR / "default.json")
    m = build_model(cfg, 102)
    n = sum(p.numel() for p in m.parameters())
    assert 3.0e6 < n < 3.4e6          # model-notes: ~3.1 M for the small dual Hiera
    assert m.feature_dim == 512


def test_branches_are_independent():
    m = tiny()
    a, b = m.backbones["rgb"], m.backbones["normal"]
    pa, pb = dict(a.named_parameters()), dict(b.named_parameters())
    assert pa.keys() == pb.keys()
    assert all(pa[k].data_ptr() != pb[k].data_ptr() for k in pa)
    assert not torch.equal(pa["pos_embed"], pb["pos_embed"])
    x, n1, n2 = torch.randn(2, 3, 32, 32), torch.randn(2, 3, 32, 32), torch.randn(2, 3, 32, 32)
    f1, f2 = m(x, n1)[1], m(x, n2)[1]
    half = m.backbones["rgb"].feature_dim
    assert torch.equal(f1[:, :half], f2[:, :half])        # rgb features ignore the normal input
    assert not torch.allclose(f1[:, half:], f2[:, half:])


def test_absent_modality_uses_the_learned_token_per_sample():
    m = tiny()
    x, n = torch.randn(3, 3, 32, 32), torch.randn(3, 3, 32, 32)
    n[1] = 0.0                                               # sample 1 has no normal map
    assert is_present(n).tolist() == [True, False, True]
    _, f = m(x, n)
    half = m.backbones["rgb"].feature_dim
    assert torch.equal(f[1, half:], m.absent["normal"].detach())
    assert not torch.equal(f[0, half:], m.absent["normal"].detach())
    x[2] = 0.0
    _, f = m(x, n)
    assert torch.equal(f[2, :half], m.absent["rgb"].detach())


def test_single_branch_ablation_model_ignores_the_other_input():
    m = tiny(**{"model.branches": '["normal"]'})
    assert list(m.backbones) == ["normal"]
    n = torch.randn(2, 3, 32, 32)
    p1, _ = m(torch.randn(2, 3, 32, 32), n)
    p2, _ = m(torch.zeros(2, 3, 32, 32), n)
    assert torch.equal(p1, p2)


def test_cnn_baseline_builds_with_the_same_contract():
    m = tiny(**{"model.type": "cnn"})
    p, f = m(torch.randn(2, 3, 32, 32), torch.zeros(2, 3, 32, 32))
    assert p.shape == (2, 102) and f.shape == (2, m.feature_dim)
    assert 0 <= p.min() and p.max() <= 1
