"""The zone registry: naming rules, loading the sourced list, and finding zones named in text.

Reports name a zone in many ways (朔州经济开发区, 朔州经开区, 山西朔州经济开发区), so every
lookup goes through the names and aliases kept here. A derived alias that would point at two
zones is not kept: an ambiguous name must not silently pick one.
"""

import csv
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from .models import City, Level, Zone, ZoneAlias

REGISTRY_TSV = Path(__file__).resolve().parent / "data" / "shanxi_zones.tsv"

# Longest first, so 经济技术开发区 wins over 开发区.
ZONE_SUFFIXES = (
    "农业高新技术产业示范区",
    "高新技术产业开发区",
    "现代农业产业示范区",
    "生态文化旅游示范区",
    "综合改革示范区",
    "经济技术开发区",
    "新兴产业园区",
    "综合保税区",
    "经济开发区",
    "产业园区",
    "工业园区",
    "农业示范区",
    "文旅示范区",
    "高新区",
    "经开区",
    "综改区",
    "开发区",
    "示范区",
)

# Official suffix → shorter forms used in reports. Cross forms (经济技术开发区 ↔ 经济开发区) are
# included because papers use both for the same zone (运城经济开发区 for 运城经济技术开发区).
_SUFFIX_VARIANTS = {
    "经济技术开发区": ("经开区", "经济开发区"),
    "经济开发区": ("经开区", "经济技术开发区"),
    "高新技术产业开发区": ("高新区",),
    "高新技术产业园区": ("高新区",),
    "现代农业产业示范区": ("农业示范区", "示范区"),
    "生态文化旅游示范区": ("文旅示范区",),
    "综合改革示范区": ("综改示范区", "综改区"),
    "农业高新技术产业示范区": ("农高区",),
}

_PROVINCE_PREFIXES = ("山西省", "山西")

_CJK = "\u4e00-\u9fff"
# A zone name not yet in the registry: a short place name followed by a zone suffix. Only used
# where the text itself bounds the name (a zone line, the start of a title).
UNKNOWN_ZONE_AT_START = re.compile(rf"^[{_CJK}]{{2,6}}?(?:{'|'.join(ZONE_SUFFIXES)})")
UNKNOWN_ZONE_LINE = re.compile(rf"^[{_CJK}]{{2,8}}(?:{'|'.join(ZONE_SUFFIXES)})$")


def zone_kind_for(name: str) -> str:
    """The kind of zone its name announces, e.g. 经济技术开发区; '' when the name says none."""
    for suffix in ZONE_SUFFIXES:
        if name.endswith(suffix) and suffix not in ("开发区", "示范区", "经开区", "高新区"):
            return suffix
    if name.endswith("经开区"):
        return "经济技术开发区"
    if name.endswith("高新区"):
        return "高新技术产业开发区"
    return ""


def derive_aliases(official_name: str) -> set[str]:
    """Other names reports use for a zone, by the province's naming conventions."""
    bases = {official_name}
    for prefix in _PROVINCE_PREFIXES:
        if official_name.startswith(prefix) and len(official_name) > len(prefix) + 3:
            bases.add(official_name[len(prefix) :])
    names = set(bases)
    for base in bases:
        for suffix, variants in _SUFFIX_VARIANTS.items():
            if base.endswith(suffix):
                stem = base[: -len(suffix)]
                names.update(stem + variant for variant in variants)
                break
    names.discard(official_name)
    return {name for name in names if len(name) >= 4}


def split_official_name(raw: str) -> tuple[str, set[str]]:
    """'清徐经济开发区 (山西清徐经济开发区)' → ('清徐经济开发区', {'山西清徐经济开发区'})."""
    match = re.fullmatch(r"\s*(.+?)\s*[(（](.+?)[)）]\s*", raw)
    if not match:
        return raw.strip(), set()
    return match.group(1), {match.group(2).strip()}


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
        else:
            report.existing += 1
        for name in row.other_names | set(row.short_names):
            if name != zone.official_name:
                _, alias_created = ZoneAlias.objects.get_or_create(
                    name=name, defaults={"zone": zone}
                )
                report.aliases_created += alias_created
    created, ambiguous = refresh_derived_aliases()
    report.aliases_created += created
    report.ambiguous_aliases = tuple(sorted(ambiguous))
    return report


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
    return len(new_aliases), ambiguous


class ZoneDirectory:
    """Every name of every zone, in memory, for resolving and finding zones in text.

    Built once per import run: resolving hundreds of names with a query each would be slow.
    """

    def __init__(self):
        self._by_name: dict[str, Zone] = {}
        zones = {zone.pk: zone for zone in Zone.objects.all()}
        for zone in zones.values():
            self._by_name[zone.official_name] = zone
        for name, zone_id in ZoneAlias.objects.values_list("name", "zone_id"):
            self._by_name.setdefault(name, zones[zone_id])
        for zone in zones.values():
            if zone.short_name:
                self._by_name.setdefault(zone.short_name, zone)
        self._names_longest_first = sorted(self._by_name, key=len, reverse=True)

    def resolve(self, name: str) -> Zone | None:
        return self._by_name.get(name.strip())

    def mentions(self, text: str) -> list[tuple[int, int, Zone]]:
        """Non-overlapping zone names in text, leftmost first, longest name at each place."""
        found = []
        taken = [False] * len(text)
        for name in self._names_longest_first:
            start = text.find(name)
            while start != -1:
                end = start + len(name)
                if not any(taken[start:end]):
                    found.append((start, end, self._by_name[name]))
                    for i in range(start, end):
                        taken[i] = True
                start = text.find(name, end)
        return sorted(found, key=lambda item: item[0])

    def first_mentioned(self, text: str) -> Zone | None:
        mentions = self.mentions(text)
        return mentions[0][2] if mentions else None

    def add_unconfirmed(self, name: str, *, source: str, parent: Zone | None = None) -> Zone:
        """Create a zone the registry lacks, flagged for an editor to confirm."""
        zone, _ = Zone.objects.get_or_create(
            official_name=name,
            defaults={
                "kind": zone_kind_for(name),
                "confirmed": False,
                "parent": parent,
                "source": source,
            },
        )
        self._by_name[name] = zone
        for alias in derive_aliases(name):
            if alias not in self._by_name:
                ZoneAlias.objects.get_or_create(
                    name=alias, defaults={"zone": zone, "derived": True}
                )
                self._by_name[alias] = zone
        self._names_longest_first = sorted(self._by_name, key=len, reverse=True)
        return zone
