"""Shared fixtures: small fake datasets in the exact rigsolve-synth-data/1 format, written once
per session. OMP_WAIT_POLICY is set before torch loads (see rigsolve_training/__init__.py)."""
import os

os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

import pytest  # noqa: E402
import torch  # noqa: E402

from rigsolve_training import fakedata  # noqa: E402

torch.set_num_threads(2)

# Controls with strong visual cues in the fake face: a tiny model learns them in seconds.
LEARNABLE = ["jawOpen", "eyeBlink_L", "eyeLookUp_L", "eyeLookOut_L", "eyeLookOut_R"]


def _active(names):
    rig = fakedata.FakeRig(0)
    return [rig.controls.index(n) for n in names]


@pytest.fixture(scope="session")
def fake_data(tmp_path_factory):
    """(train_dir, heldout_dir, shot_dir) at 32², only LEARNABLE controls move."""
    root = tmp_path_factory.mktemp("fake")
    active = _active(LEARNABLE)
    train = fakedata.write_dataset(root / "train", 1024, 32, seed=1, shard_size=384, active=active)
    test = fakedata.write_dataset(root / "test", 192, 32, seed=2, shard_size=100, active=active)
    shot = fakedata.write_shot(root / "shot", 24, 32, seed=3)
    return train, test, shot
