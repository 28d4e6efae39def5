"""The evaluation table's helpers that need no trained model."""
import numpy as np

from rigsolve_training.evaluate import bootstrap_half_width, budget_note


def test_budget_note_only_when_the_budgets_differ():
    assert budget_note({"steps": 3000}, [{"steps": 3000}, {"steps": None}]) == ""
    assert budget_note({}, [{"steps": 3000}]) == ""
    note = budget_note({"steps": 15000}, [{"steps": 3000}, {"steps": None}])
    assert "15000 steps" in note and "3000" in note


def test_bootstrap_half_width_matches_the_normal_approximation():
    x = np.random.default_rng(1).normal(0.0, 1.0, 4000)
    # 95% half-width of a mean of n unit-variance samples: 1.96 / sqrt(n)
    assert abs(bootstrap_half_width(x) - 1.96 / np.sqrt(len(x))) < 0.004
    assert bootstrap_half_width(np.full(100, 0.5)) == 0.0
