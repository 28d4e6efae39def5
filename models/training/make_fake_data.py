"""Entry point: python3 models/training/make_fake_data.py --help (runs rigsolve_training.fakedata)."""
from rigsolve_training.fakedata import main  # this file's folder is on sys.path when run as a script

if __name__ == "__main__":
    raise SystemExit(main())
