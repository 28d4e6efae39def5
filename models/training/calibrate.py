"""Entry point: python3 models/training/calibrate.py --help (runs rigsolve_training.calibrate)."""
from rigsolve_training.calibrate import main  # this file's folder is on sys.path when run as a script

if __name__ == "__main__":
    raise SystemExit(main())
