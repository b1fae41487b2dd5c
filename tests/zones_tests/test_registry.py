import io

import pytest
from django.core.management import call_command

from zones.models import Level, Zone, ZoneAlias
from zones.registry import ZoneDirectory, derive_aliases, split_official_name

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


@pytest.mark.parametrize(
    ("name", "official"),
    [
        ("朔州经开区", "朔州经济开发区"),
        ("长治高新区", "长治高新技术产业开发区"),
        ("武乡农业示范区", "武乡现代农业产业示范区"),
        ("运城经济开发区", "运城经济技术开发区"),
        ("交城经济开发区", "山西交城经济开发区"),
        ("山西转型综改示范区", "山西转型综合改革示范区"),
    ],
)
def test_aliases_resolve_to_their_zone(name, official):
    load()
    assert ZoneDirectory().resolve(name).official_name == official


def test_a_derived_name_shared_by_two_zones_is_not_kept():
    load()
    # 平顺 has both an 经济技术开发区 and a 生态文化旅游示范区; neither may claim 平顺示范区-like
    # short forms that fit both, and 武乡 has an 经开区 and a 农业示范区.
    directory = ZoneDirectory()
    assert directory.resolve("武乡经开区").official_name == "武乡经济技术开发区"
    assert directory.resolve("武乡示范区").official_name == "武乡现代农业产业示范区"
    assert not ZoneAlias.objects.filter(name="平顺示范区").exists() or (
        ZoneAlias.objects.get(name="平顺示范区").zone.official_name == "平顺生态文化旅游示范区"
    )


def test_reloading_keeps_an_editors_correction():
    load()
    Zone.objects.filter(official_name="孝义经济开发区").update(short_name="孝义开发区", city="晋中")

    load()

    corrected = Zone.objects.get(official_name="孝义经济开发区")
    assert (corrected.short_name, corrected.city) == ("孝义开发区", "晋中")


def test_mentions_take_the_longest_name_leftmost_first():
    load()
    text = "吉林威创机电工程有限公司考察运城经济技术开发区，并到朔州经开区调研"

    names = [zone.official_name for _, _, zone in ZoneDirectory().mentions(text)]

    assert names == ["运城经济技术开发区", "朔州经济开发区"]


def test_derive_aliases_follows_the_naming_conventions():
    assert derive_aliases("盐湖高新技术产业开发区") == {"盐湖高新区"}
    assert {"广灵经开区", "广灵经济开发区"} <= derive_aliases("广灵经济技术开发区")
    assert derive_aliases("山西交城经济开发区") >= {"交城经济开发区", "交城经开区"}


def test_split_official_name_reads_the_parenthesised_other_name():
    assert split_official_name("清徐经济开发区 (山西清徐经济开发区)") == (
        "清徐经济开发区",
        {"山西清徐经济开发区"},
    )
    assert split_official_name("朔州经济开发区") == ("朔州经济开发区", set())
