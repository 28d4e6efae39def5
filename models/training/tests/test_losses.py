import math

import numpy as np
import pytest
import torch

from rigsolve_training.data import RigBasisArrays
from rigsolve_training.losses import RigBasis, SolverLoss

REGIONS = ["brow", "gaze", "jaw"]


def hand_basis() -> RigBasis:
    """3 vertices, 3 controls, one corrective on the pair (brow, jaw); vertex 2 never moves."""
    neutral = np.array([[0, 0, 0], [1, 0, 0], [0, 1, 0]], np.float32)
    d = np.zeros((3, 3, 3), np.float32)
    d[0, 0] = (0.001, 0, 0)        # brow: vertex 0 +1 mm x
    d[1, 1] = (0, 0.002, 0)        # gaze: vertex 1 +2 mm y
    d[2, 0] = (0, 0, 0.003)        # jaw: vertex 0 +3 mm z, vertex 1 +1 mm z
    d[2, 1] = (0, 0, 0.001)
    corr = np.zeros((1, 3, 3), np.float32)
    corr[0, 0] = (0, 0.004, 0)     # w_brow * w_jaw moves vertex 0 +4 mm y
    return RigBasis(RigBasisArrays(neutral, d, corr, np.array([[0, 2]])))


def cfg(**kw):
    base = {"param_weight": 1.0, "param_loss": "smooth_l1", "param_beta": 0.1, "mesh": 0.1,
            "mesh_beta_mm": 1.0, "mesh_vertices": 16, "region_weights": {"gaze": 4.0}}
    return {**base, **kw}


def test_vertices_follow_the_rig_formula():
    b = hand_basis()
    w = torch.tensor([[0.5, 1.0, 0.25]])
    v = b.vertices(w)[0].double().numpy()
    expect = [[0.0005, 0.5 * 0.25 * 0.004, 0.25 * 0.003], [1.0, 0.002, 0.25 * 0.001], [0.0, 1.0, 0.0]]
    np.testing.assert_allclose(v, expect, atol=1e-9)
    assert b.active.tolist() == [0, 1]
    sub = b.vertices(w, torch.tensor([1]))[0, 0].double().numpy()
    np.testing.assert_allclose(sub, expect[1], atol=1e-9)


def test_losses_by_hand():
    loss = SolverLoss(hand_basis(), REGIONS, cfg())
    pred, target = torch.tensor([[0.5, 1.0, 0.25]]), torch.zeros(1, 3)
    total, parts = loss(pred, target, torch.tensor([0, 1]))
    # param: control weights (1, 4, 1); Huber beyond beta 0.1 is |e| - 0.05
    l1 = (0.5 + 4 * 1.0 + 0.25) / 6
    hub = (0.45 + 4 * 0.95 + 0.2) / 6
    # mesh: per-vertex distances in mm; vertex weights = |Δ|-weighted control weights: v0 1, v1 3
    d0, d1 = math.sqrt(0.5**2 + 0.5**2 + 0.75**2), math.sqrt(2.0**2 + 0.25**2)
    assert loss.vw.tolist() == pytest.approx([1.0, 3.0, 1.0])
    mesh_mm = (d0 + 3 * d1) / 4
    mesh_hub = ((d0 - 0.5) + 3 * (d1 - 0.5)) / 4
    assert float(parts["l1"]) == pytest.approx(l1, rel=1e-6)
    assert float(parts["mesh_mm"]) == pytest.approx(mesh_mm, rel=1e-5)
    assert float(total) == pytest.approx(hub + 0.1 * mesh_hub, rel=1e-5)


def test_quadratic_zone_and_plain_l1_option():
    pred, target = torch.tensor([[0.05, 0.0, 0.0], [0.0, 0.0, 0.0]]), torch.zeros(2, 3)
    smooth = SolverLoss(hand_basis(), REGIONS, cfg(mesh=0.0))
    total, _ = smooth(pred, target, torch.tensor([0, 1]))
    assert float(total) == pytest.approx((0.5 * 0.05**2 / 0.1) / 6 / 2, rel=1e-5)  # batch mean
    plain = SolverLoss(hand_basis(), REGIONS, cfg(mesh=0.0, param_loss="l1"))
    total, _ = plain(pred, target, torch.tensor([0, 1]))
    assert float(total) == pytest.approx(0.05 / 6 / 2, rel=1e-5)


def test_region_weights_change_the_balance():
    pred, target = torch.tensor([[0.0, 0.5, 0.0]]), torch.zeros(1, 3)       # a gaze error only
    heavy = SolverLoss(hand_basis(), REGIONS, cfg(mesh=0.0, param_loss="l1"))
    flat = SolverLoss(hand_basis(), REGIONS, cfg(mesh=0.0, param_loss="l1", region_weights={}))
    assert float(heavy(pred, target, None)[0]) == pytest.approx(4 * 0.5 / 6)
    assert float(flat(pred, target, None)[0]) == pytest.approx(0.5 / 3)
    with pytest.raises(ValueError):
        SolverLoss(hand_basis(), REGIONS, cfg(region_weights={"lips": 2.0}))


def test_region_beta_makes_that_region_quadratic_over_the_whole_range():
    pred, target = torch.tensor([[0.5, 0.5, 0.0]]), torch.zeros(1, 3)       # brow and gaze off by 0.5
    loss = SolverLoss(hand_basis(), REGIONS, cfg(mesh=0.0, region_weights={}, region_beta={"gaze": 1.0}))
    brow_huber = 0.5 - 0.5 * 0.1                     # beta 0.1: linear above 0.1
    gaze_square = 0.5 * 0.5 * 0.5 / 1.0              # beta 1: 0.5 a^2 / beta
    assert float(loss(pred, target, None)[0]) == pytest.approx((brow_huber + gaze_square) / 3)
    assert loss.beta.tolist() == pytest.approx([0.1, 1.0, 0.1])
    with pytest.raises(ValueError, match="region_beta"):
        SolverLoss(hand_basis(), REGIONS, cfg(region_beta={"lips": 1.0}))


def test_vertex_subsample_draws_only_moving_vertices():
    loss = SolverLoss(hand_basis(), REGIONS, cfg(mesh_vertices=1))
    rng = np.random.default_rng(0)
    seen = {int(loss.sample_vertices(rng)[0]) for _ in range(50)}
    assert seen == {0, 1}


def test_mesh_gradient_is_finite_at_zero_error():
    loss = SolverLoss(hand_basis(), REGIONS, cfg())
    pred = torch.zeros(1, 3, requires_grad=True)
    total, _ = loss(pred, torch.zeros(1, 3), torch.tensor([0, 1]))
    total.backward()
    assert torch.isfinite(pred.grad).all()
