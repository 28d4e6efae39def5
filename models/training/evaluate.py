"""Entry point: python3 models/training/evaluate.py --help (runs rigsolve_training.evaluate)."""
from rigsolve_training.evaluate import main  # this file's folder is on sys.path when run as a script

if __name__ == "__main__":
    raise SystemExit(main())
