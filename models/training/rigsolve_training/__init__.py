"""RigSolve solver training: dual Hiera (RGB + normal map) -> rig controls, after "Image-based
Facial Rig Inversion" (arXiv 2510.13933). See models/README.md."""
import os

# OpenMP threads that spin while waiting collapse under CPU contention (measured on a shared
# 2-core box: 2 threads went from ~300 to 4 samples/s). Passive waiting costs little when the
# machine is idle. Only effective if set before torch loads, hence here; override by exporting it.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
