"""ZoneDirectory: every name of every zone held in memory, for an import run.

Looking a zone up by one name is `Zone.objects.meant_by(name)`. The importer needs something
else: to find zone names inside running text (the longest name at each place, leftmost first),
for hundreds of lines per page, and to add the zones it discovers as it goes. One query per
line would be slow and a query cannot search a text for every name it contains, so the
directory reads all names once per run. Its `resolve` gives the zone `meant_by` gives.
"""

from .models import Zone, ZoneAlias
from .naming import derive_aliases, names_agree, zone_kind_for


class ZoneDirectory:
    """Every name of every zone, in memory, for resolving and finding zones in text."""

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

    def agree(self, first: str, second: str) -> bool:
        """Whether two printed names mean one zone: the same zone when both are known, else by
        the naming rules (a zone not in the registry is named in its full and short forms)."""
        first_zone, second_zone = self.resolve(first), self.resolve(second)
        if first_zone and second_zone:
            return first_zone.pk == second_zone.pk
        return names_agree(first, second)

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
