"""Merging duplicate zones: one keeps its record, the others become its aliases.

Every row of every app that points at a duplicate is re-pointed at the kept zone. The apps are
found through the model registry, so this module knows nothing of them (zones is imported by
articles and awards, never the other way round); those that keep derived data, such as the
search index, listen to `zones_merged` and bring it up to date.
"""

from django.apps import apps
from django.db import IntegrityError, models, transaction
from django.dispatch import Signal

from .models import Zone, ZoneAlias

# Sent inside the merge's transaction, after the rows moved and the duplicates were deleted:
# keep (the kept Zone), merged_ids (the deleted zones' ids) and moved ({model: [pk, ...]} of the
# rows that now point at keep instead of a duplicate).
zones_merged = Signal()


class MergeRefused(Exception):
    pass


def zone_relations() -> list[models.ForeignKey]:
    """Every foreign key and one-to-one field to Zone, including those declared with
    related_name="+", which Zone._meta.related_objects leaves out. ZoneAlias is handled apart:
    its names are merged, not moved."""
    return [
        field
        for model in apps.get_models(include_auto_created=True)
        if model is not ZoneAlias
        for field in model._meta.get_fields(include_hidden=True)
        if isinstance(field, models.ForeignKey) and field.related_model is Zone
    ]


@transaction.atomic
def merge_zones(*, keep: Zone, duplicates: list[Zone]) -> int:
    """Point everything that referred to the duplicates at `keep`, then delete them.

    The duplicates' names and aliases become aliases of `keep`, so text that names them still
    finds the zone. Returns how many rows were re-pointed. Raises MergeRefused, changing
    nothing, when the merge is impossible.
    """
    duplicates = [zone for zone in duplicates if zone.pk != keep.pk]
    if not duplicates:
        raise MergeRefused("请至少选择一个要并入的开发区。")
    if keep.parent_id in {zone.pk for zone in duplicates}:
        raise MergeRefused(f"“{keep}”的上级园区正是要并入的开发区，请先修改上级园区。")
    ids = [zone.pk for zone in duplicates]
    moved: dict[type[models.Model], list] = {}
    for field in zone_relations():
        model = field.model
        rows = model._base_manager.filter(**{f"{field.name}__in": ids})
        pks = list(rows.values_list("pk", flat=True))
        if not pks:
            continue
        try:
            rows.update(**{field.name: keep})
        except IntegrityError as exc:
            # A one-to-one field or a unique constraint allows one row per zone: both zones
            # have one, and which to keep is the editors' decision, not the merge's.
            raise MergeRefused(
                f"“{keep}”和要并入的开发区都有{model._meta.verbose_name}记录，"
                f"不能自动合并，请先处理重复的{model._meta.verbose_name}。"
            ) from exc
        moved.setdefault(model, []).extend(pks)
    names = [zone.official_name for zone in duplicates] + list(
        ZoneAlias.objects.filter(zone__in=ids).values_list("name", flat=True)
    )
    ZoneAlias.objects.filter(zone__in=ids).delete()
    Zone.objects.filter(pk__in=ids).delete()
    for name in names:
        if name != keep.official_name:
            ZoneAlias.objects.update_or_create(name=name, defaults={"zone": keep, "derived": False})
    zones_merged.send(sender=Zone, keep=keep, merged_ids=ids, moved=moved)
    return sum(len(pks) for pks in moved.values())
