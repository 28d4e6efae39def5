"""Entry point: python3 models/training/train.py --help (runs rigsolve_training.train)."""
from rigsolve_training.train import main  # this file's folder is on sys.path when run as a script

if __name__ == "__main__":
    raise SystemExit(main())
