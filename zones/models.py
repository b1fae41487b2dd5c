"""Shanxi's development zones (开发区): the registry every article and contributor points at."""

from django.db import models
from django.db.models import Case, Exists, OuterRef, Q, Value, When
from django.urls import reverse


class City(models.TextChoices):
    """Shanxi's eleven prefecture-level cities, in the province's customary order."""

    TAIYUAN = "太原", "太原市"
    DATONG = "大同", "大同市"
    SHUOZHOU = "朔州", "朔州市"
    XINZHOU = "忻州", "忻州市"
    YANGQUAN = "阳泉", "阳泉市"
    LVLIANG = "吕梁", "吕梁市"
    JINZHONG = "晋中", "晋中市"
    CHANGZHI = "长治", "长治市"
    JINCHENG = "晋城", "晋城市"
    LINFEN = "临汾", "临汾市"
    YUNCHENG = "运城", "运城市"


class Level(models.TextChoices):
    NATIONAL = "国家级", "国家级"
    PROVINCIAL = "省级", "省级"
    UNKNOWN = "未知", "未知"


class ZoneQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed=True)

    def unconfirmed(self):
        return self.filter(confirmed=False)

    def in_city_order(self):
        """By city in the province's customary order (City's order), zones without a city
        last, then by official name."""
        city_rank = Case(
            *(When(city=city, then=Value(rank)) for rank, city in enumerate(City.values)),
            default=Value(len(City.values)),
        )
        return self.order_by(city_rank, "official_name")

    def named(self, *names: str):
        """Zones known by any of these names: official name, short name or alias.

        A name matches exactly once the spaces around it are dropped. A blank name matches
        nothing, though a zone without a short name has a blank one. Several zones can share a
        short name, so this may hold more than one zone per name; `meant_by` picks the one a
        single name means.
        """
        names = {name.strip() for name in names} - {""}
        return self.filter(
            Q(official_name__in=names) | Q(short_name__in=names) | _has_alias_in(names)
        )

    def meant_by(self, name: str) -> "Zone | None":
        """The zone a name means, or None when no zone is known by it.

        An official name wins over an alias, and an alias over a short name, because the first
        two name one zone each; of zones sharing a short name, the first in registry order.
        """
        name = name.strip()
        return (
            self.named(name)
            .annotate(
                name_rank=Case(
                    When(official_name=name, then=Value(0)),
                    When(_has_alias_in({name}), then=Value(1)),
                    default=Value(2),
                )
            )
            .order_by("name_rank", *Zone._meta.ordering)
            .first()
        )


def _has_alias_in(names) -> Exists:
    # A subquery rather than a join, so a zone with several matching aliases comes once.
    return Exists(ZoneAlias.objects.filter(zone=OuterRef("pk"), name__in=names))


class Zone(models.Model):
    official_name = models.CharField("正式名称", max_length=60, unique=True)
    short_name = models.CharField(
        "简称", max_length=30, blank=True, help_text="报道中常用的简称，如“朔州经开区”。"
    )
    kind = models.CharField(
        "类型", max_length=30, blank=True, help_text="如经济技术开发区、高新技术产业开发区。"
    )
    level = models.CharField("级别", max_length=10, choices=Level.choices, default=Level.UNKNOWN)
    level_note = models.CharField(
        "级别说明", max_length=60, blank=True, help_text="来源中对级别的原文表述。"
    )
    level_inferred = models.BooleanField(
        "级别系推断", default=False, help_text="来源只提到该开发区、未写明级别时勾选。"
    )
    city = models.CharField("所在市", max_length=4, choices=City.choices, blank=True)
    county = models.CharField("所在县区", max_length=200, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name="上级园区",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        help_text="园中园所属的开发区，如潇河新兴产业园区属于山西转型综合改革示范区。",
    )
    confirmed = models.BooleanField(
        "已核实",
        default=True,
        help_text="导入稿件时发现、尚未经编辑核实的开发区不勾选。",
    )
    source = models.TextField("资料来源", blank=True)

    objects = ZoneQuerySet.as_manager()

    class Meta:
        verbose_name = "开发区"
        verbose_name_plural = "开发区"
        ordering = ["city", "official_name"]
        constraints = [
            models.CheckConstraint(condition=Q(level__in=Level.values), name="zone_level_valid"),
            models.CheckConstraint(
                condition=Q(city__in=City.values) | Q(city=""), name="zone_city_valid"
            ),
            models.CheckConstraint(condition=~Q(parent=models.F("id")), name="zone_not_own_parent"),
        ]
        indexes = [models.Index(fields=["city", "official_name"], name="zone_city_name_idx")]

    def __str__(self):
        return self.official_name

    def get_absolute_url(self):
        return reverse("reader:zone_detail", args=[self.pk])

    @property
    def display_name(self):
        return self.short_name or self.official_name

    @property
    def names(self) -> set[str]:
        """Every name the zone is known by; prefetch `aliases` when reading it for many zones."""
        return {self.official_name, self.short_name, *(a.name for a in self.aliases.all())} - {""}


class ZoneAlias(models.Model):
    """Another name by which a zone is known; each name points at exactly one zone."""

    zone = models.ForeignKey(
        Zone, verbose_name="开发区", on_delete=models.CASCADE, related_name="aliases"
    )
    name = models.CharField("别名", max_length=60, unique=True)
    derived = models.BooleanField(
        "按命名规则生成", default=False, help_text="由“XX经济技术开发区 ↔ XX经开区”等规则生成。"
    )

    class Meta:
        verbose_name = "开发区别名"
        verbose_name_plural = "开发区别名"
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} → {self.zone}"
