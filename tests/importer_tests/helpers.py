"""Plain helpers shared by the importer tests (no factories: files and commands only)."""

import io
import json
import re
import shutil
from collections import Counter
from pathlib import Path

from django.conf import settings
from django.core.management import call_command

SEEDS = Path(settings.BASE_DIR) / "seeds"
MANIFEST = SEEDS / "manifest.json"

PAGE_000 = "000_348f9ff567085a62.txt"
PAGE_001 = "001_1b07e200d7a8fda7.txt"
PAGE_002 = "002_024298f67657aba1.txt"
PAGE_003 = "003_b7f01e996f61cad8.txt"
PAGE_004 = "004_de106ce09a9acb19.txt"
SEED_FILES = [PAGE_000, PAGE_001, PAGE_002, PAGE_003, PAGE_004]

CJK = re.compile(r"[\u4e00-\u9fff]")


def seed_path(name: str) -> Path:
    return SEEDS / name


def seed_text(name: str) -> str:
    return seed_path(name).read_text(encoding="utf-8")


def manifest_data() -> dict:
    return json.loads(MANIFEST.read_text(encoding="utf-8"))


def manifest_entry(name: str) -> dict:
    for entry in manifest_data()["pages"]:
        if entry["file"] == name:
            return entry
    raise KeyError(name)


def write_manifest(folder: Path, entries: list[dict]) -> Path:
    data = manifest_data()
    data["pages"] = entries
    path = folder / "manifest.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def bad_entry(name: str, date: str = "2031-01-07") -> dict:
    """A manifest entry in the seed manifest's format, for a file made up by a test."""
    return {
        "file": name,
        "page": 1,
        "issue": {
            "date": date,
            "date_inferred": False,
            "date_basis": "",
            "number": None,
            "title": "",
            "is_special": False,
        },
    }


def copy_seed(name: str, folder: Path, *, with_manifest: bool = True) -> Path:
    """Copy one seed page, and its own manifest entry, into folder."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    shutil.copyfile(seed_path(name), target)
    if with_manifest:
        write_manifest(folder, [manifest_entry(name)])
    return target


def load_zones() -> None:
    call_command("load_zones", stdout=io.StringIO())


def run_import(*paths) -> tuple[str, str]:
    """import_seeds on paths (default: seeds/); returns (stdout, stderr). Raises CommandError."""
    out, err = io.StringIO(), io.StringIO()
    call_command("import_seeds", *[str(p) for p in paths], stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def non_space(text: str) -> Counter:
    return Counter(ch for ch in text if not ch.isspace())


def non_space_count(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace())
