import re
from pathlib import Path


def test_the_zones_app_does_not_import_from_the_articles_app():
    zones_dir = Path(__file__).resolve().parents[2] / "zones"
    offenders = [
        str(path)
        for path in zones_dir.rglob("*.py")
        if re.search(r"^\s*(from|import)\s+articles\b", path.read_text(), re.MULTILINE)
    ]
    assert offenders == []
