"""Merging duplicate zones: one keeps its record, the others become its aliases."""

from django.db import transaction

from .models import Zone, ZoneAlias


class MergeRefused(Exception):
    pass


@transaction.atomic
def merge_zones(*, keep: Zone, duplicates: list[Zone]) -> int:
    """Point everything that referred to the duplicates at `keep`, then delete them.

    The duplicates' names and aliases become aliases of `keep`, so text that names them still
    finds the zone. Relations are found through the model's metadata, so this module needs to
    know nothing of the apps that point at zones. Returns how many rows were re-pointed.
    """
    duplicates = [zone for zone in duplicates if zone.pk != keep.pk]
    if not duplicates:
        raise MergeRefused("请至少选择一个要并入的开发区。")
    if keep.parent_id in {zone.pk for zone in duplicates}:
        raise MergeRefused(f"“{keep}”的上级园区正是要并入的开发区，请先修改上级园区。")
    ids = [zone.pk for zone in duplicates]
    moved = 0
    for relation in Zone._meta.related_objects:
        if relation.one_to_many or relation.one_to_one:
            field = relation.field
            related = relation.related_model._default_manager
            if relation.related_model is ZoneAlias:
                continue
            moved += related.filter(**{f"{field.name}__in": ids}).update(**{field.name: keep})
    names = [zone.official_name for zone in duplicates] + list(
        ZoneAlias.objects.filter(zone__in=ids).values_list("name", flat=True)
    )
    ZoneAlias.objects.filter(zone__in=ids).delete()
    Zone.objects.filter(pk__in=ids).delete()
    for name in names:
        if name != keep.official_name:
            ZoneAlias.objects.update_or_create(name=name, defaults={"zone": keep, "derived": False})
    return moved
