import io

import pytest
from django.core.management import call_command

from zones.models import Level, Zone, ZoneAlias

pytestmark = pytest.mark.django_db


def load():
    out = io.StringIO()
    call_command("load_zones", stdout=out)
    return out.getvalue()


def test_load_zones_creates_every_listed_zone_once():
    first = load()
    second = load()

    assert Zone.objects.count() == 61
    assert "新建 61 个" in first
    assert "新建 0 个" in second and "已有 61 个" in second
    assert not Zone.objects.unconfirmed().exists()


def test_registry_rows_keep_level_city_and_source():
    load()

    taiyuan = Zone.objects.get(official_name="太原高新技术产业开发区")
    qingxu = Zone.objects.get(official_name="清徐经济开发区")
    reform = Zone.objects.get(official_name="山西转型综合改革示范区")

    assert taiyuan.level == Level.NATIONAL and taiyuan.city == "太原"
    assert "kiwix" in taiyuan.source
    assert qingxu.aliases.filter(name="山西清徐经济开发区").exists()
    assert reform.level == Level.PROVINCIAL and reform.level_note.startswith("省级平台")
    assert set(reform.aliases.values_list("name", flat=True)) >= {"山西综改示范区", "综改区"}


def test_a_derived_name_shared_by_two_zones_is_not_kept():
    load()
    # 平顺 has both an 经济技术开发区 and a 生态文化旅游示范区; neither may claim 平顺示范区-like
    # short forms that fit both, and 武乡 has an 经开区 and a 农业示范区.
    assert Zone.objects.meant_by("武乡经开区").official_name == "武乡经济技术开发区"
    assert Zone.objects.meant_by("武乡示范区").official_name == "武乡现代农业产业示范区"
    assert not ZoneAlias.objects.filter(name="平顺示范区").exists() or (
        ZoneAlias.objects.get(name="平顺示范区").zone.official_name == "平顺生态文化旅游示范区"
    )


def test_reloading_keeps_an_editors_correction():
    load()
    Zone.objects.filter(official_name="孝义经济开发区").update(short_name="孝义开发区", city="晋中")

    load()

    corrected = Zone.objects.get(official_name="孝义经济开发区")
    assert (corrected.short_name, corrected.city) == ("孝义开发区", "晋中")
