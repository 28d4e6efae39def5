"""The calibrated output: a per-control deadzone chosen on held-out renders."""
import numpy as np
import torch

from rigsolve_training.calibrate import apply_deadzone, choose_deadzone
from rigsolve_training.staged import calibrated_output


def test_deadzone_zeroes_a_hedge_and_keeps_a_learned_control():
    rng = np.random.default_rng(0)
    learned = rng.uniform(0, 1, 500)
    idle = np.zeros(500)
    truth = np.stack([learned, idle], 1)
    raw = np.stack([learned + rng.normal(0, 0.002, 500), 0.03 + rng.normal(0, 0.005, 500)], 1)
    t = choose_deadzone(raw, truth)
    assert t[0] == 0.0, "a control solved to 0.002 must not lose its small values"
    assert t[1] >= 0.04
    assert (apply_deadzone(raw, t)[:, 1] == 0).mean() > 0.95
    assert np.abs(apply_deadzone(raw, t) - truth).mean() < np.abs(np.clip(raw, 0, 1) - truth).mean()


def test_calibrated_output_keeps_the_range_and_is_the_clamp_at_zero():
    x = torch.tensor([[-0.2, 0.02, 0.5, 1.0, 1.3]])
    assert torch.equal(calibrated_output(x, torch.zeros(5)), x.clamp(0, 1))
    y = calibrated_output(x, torch.full((5,), 0.05))
    assert y[0, 1] == 0 and y[0, 3] == 1 and y[0, 4] == 1
    assert abs(float(y[0, 2]) - 0.45 / 0.95) < 1e-6
    np.testing.assert_allclose(apply_deadzone(x.numpy(), np.full(5, 0.05, np.float32)), y.numpy(), atol=1e-7)
