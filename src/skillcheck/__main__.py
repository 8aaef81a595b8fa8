"""Allow ``python -m skillcheck``."""

from skillcheck.cli import run

if __name__ == "__main__":
    run()
