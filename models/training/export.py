"""Entry point: python3 models/training/export.py --help (runs rigsolve_training.export)."""
from rigsolve_training.export import main  # this file's folder is on sys.path when run as a script

if __name__ == "__main__":
    raise SystemExit(main())
