"""Loading the sourced registry of Shanxi's zones (zones/data/shanxi_zones.tsv) into the database.

The list is read into rows, then loaded without overwriting what an editor corrected, and every
zone gets the aliases the naming rules give it. A derived alias that would point at two zones is
not kept: an ambiguous name must not silently pick one.
"""

import csv
import re
from collections import defaultdict
from collections.abc import Iterable
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.dispatch import Signal

from .models import City, Level, Zone, ZoneAlias
from .naming import derive_aliases, split_official_name

REGISTRY_TSV = Path(__file__).resolve().parent / "data" / "shanxi_zones.tsv"

# Sent after names were added in bulk: derived aliases (bulk_create sends no post_save), and the
# zones and aliases load_registry() creates: names (the new names). Those who keep the names
# elsewhere, such as the search dictionary, listen to it.
aliases_derived = Signal()

# True while load_registry() creates zones and aliases row by row. Receivers that would react
# to each new name (the search dictionary) may leave them to the one aliases_derived signal
# sent at the end with every name the load added.
loading_registry: ContextVar[bool] = ContextVar("loading_registry", default=False)


@dataclass
class RegistryRow:
    official_name: str
    other_names: set[str]
    short_names: list[str]
    level: str
    level_note: str
    level_inferred: bool
    kind: str
    city: str
    county: str
    short_name_derived: bool
    source: str


def read_registry(path: Path = REGISTRY_TSV) -> list[RegistryRow]:
    rows = []
    with path.open(encoding="utf-8", newline="") as handle:
        for record in csv.DictReader(handle, delimiter="\t"):
            official, others = split_official_name(record["official_name"])
            short_names = [s.strip() for s in record["short_name"].split("/") if s.strip()]
            raw_level = record["level"].strip()
            if raw_level.startswith("国家级"):
                level = Level.NATIONAL
            elif raw_level.startswith("省级"):
                level = Level.PROVINCIAL
            else:
                level = Level.UNKNOWN
            cities = [c for c in re.split(r"[/、]", record["city"]) if c in City.values]
            rows.append(
                RegistryRow(
                    official_name=official,
                    other_names=others,
                    short_names=short_names,
                    level=level,
                    level_note="" if raw_level == level else raw_level,
                    level_inferred=record["level_inferred"].strip() == "yes",
                    kind=record["kind"].strip(),
                    city=cities[0] if cities else "",
                    county=record["county"].strip(),
                    short_name_derived=record["short_name_derived"].strip() == "yes",
                    source=record["source"].strip(),
                )
            )
    return rows


@dataclass
class LoadReport:
    created: int = 0
    existing: int = 0
    aliases_created: int = 0
    ambiguous_aliases: tuple[str, ...] = ()


@transaction.atomic
def load_registry(rows: Iterable[RegistryRow]) -> LoadReport:
    """Create the zones of the list that are missing; never overwrite an editor's corrections."""
    report = LoadReport()
    added: set[str] = set()
    token = loading_registry.set(True)
    try:
        _create_rows(rows, report, added)
    finally:
        loading_registry.reset(token)
    if added:
        aliases_derived.send(sender=ZoneAlias, names=sorted(added))
    created, ambiguous = refresh_derived_aliases()
    report.aliases_created += created
    report.ambiguous_aliases = tuple(sorted(ambiguous))
    return report


def _create_rows(rows: Iterable[RegistryRow], report: LoadReport, added: set[str]) -> None:
    for row in rows:
        zone, created = Zone.objects.get_or_create(
            official_name=row.official_name,
            defaults={
                "short_name": row.short_names[0] if row.short_names else "",
                "kind": row.kind,
                "level": row.level,
                "level_note": row.level_note,
                "level_inferred": row.level_inferred,
                "city": row.city,
                "county": row.county,
                "source": row.source,
                "confirmed": True,
            },
        )
        if created:
            report.created += 1
            added.update(name for name in (zone.official_name, zone.short_name) if name)
        else:
            report.existing += 1
        for name in row.other_names | set(row.short_names):
            if name != zone.official_name:
                _, alias_created = ZoneAlias.objects.get_or_create(
                    name=name, defaults={"zone": zone}
                )
                report.aliases_created += alias_created
                if alias_created:
                    added.add(name)


def refresh_derived_aliases() -> tuple[int, set[str]]:
    """Add the aliases the naming rules give every zone, skipping names that are ambiguous.

    Returns how many were created and which derived names were skipped as ambiguous.
    """
    official = dict(Zone.objects.values_list("official_name", "id"))
    taken = dict(ZoneAlias.objects.values_list("name", "zone_id"))
    candidates: dict[str, set[int]] = defaultdict(set)
    for name, zone_id in official.items():
        for alias in derive_aliases(name):
            candidates[alias].add(zone_id)
    for name, zone_id in taken.items():
        for alias in derive_aliases(name):
            candidates[alias].add(zone_id)

    ambiguous = set()
    new_aliases = []
    for alias, zone_ids in candidates.items():
        if alias in official or alias in taken:
            continue
        if len(zone_ids) > 1:
            ambiguous.add(alias)
            continue
        new_aliases.append(ZoneAlias(name=alias, zone_id=zone_ids.pop(), derived=True))
    ZoneAlias.objects.bulk_create(new_aliases, ignore_conflicts=True)
    if new_aliases:
        aliases_derived.send(sender=ZoneAlias, names=[alias.name for alias in new_aliases])
    return len(new_aliases), ambiguous
