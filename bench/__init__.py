"""The benchmark of the public archive and its search (see bench/README.md)."""

from pathlib import Path

# The project directory: gunicorn runs from here, and the scratch files go under var/bench/.
BASE_DIR = Path(__file__).resolve().parent.parent
