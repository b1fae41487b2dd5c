"""Finding a zone by any of its names: Zone.objects.named() and Zone.objects.meant_by()."""

import pytest

from tests.factories import make_zone
from zones.models import City, Zone, ZoneAlias

pytestmark = pytest.mark.django_db


@pytest.fixture
def shuozhou():
    zone = make_zone(official_name="朔州经济开发区", short_name="朔州开发区")
    ZoneAlias.objects.create(zone=zone, name="朔州经开区")
    return zone


@pytest.mark.parametrize("name", ["朔州经济开发区", "朔州开发区", "朔州经开区"])
def test_a_zone_is_found_by_its_official_name_short_name_or_alias(shuozhou, name):
    make_zone(official_name="大同经济技术开发区", short_name="大同经开区")

    assert list(Zone.objects.named(name)) == [shuozhou]
    assert Zone.objects.meant_by(name) == shuozhou


def test_spaces_around_a_name_are_ignored_but_the_name_must_match_exactly(shuozhou):
    assert Zone.objects.meant_by("  朔州经开区\t") == shuozhou
    assert list(Zone.objects.named(" 朔州经开区 ")) == [shuozhou]
    assert Zone.objects.meant_by("朔州 经开区") is None
    assert Zone.objects.meant_by("朔州经开") is None


def test_letters_in_a_name_match_in_their_own_case():
    zone = make_zone(official_name="山西TEDA产业园区", short_name="TEDA园区")

    assert Zone.objects.meant_by("TEDA园区") == zone
    assert Zone.objects.meant_by("teda园区") is None


def test_an_unknown_or_blank_name_finds_no_zone(shuozhou):
    make_zone(official_name="无简称工业园区", short_name="")

    assert not Zone.objects.named("不存在的开发区").exists()
    assert Zone.objects.meant_by("不存在的开发区") is None
    # A zone without a short name is not known by the empty name.
    assert not Zone.objects.named("", "  ").exists()
    assert Zone.objects.meant_by(" ") is None


def test_several_names_find_each_zone_once(shuozhou):
    datong = make_zone(official_name="大同经济技术开发区", short_name="大同经开区")
    ZoneAlias.objects.create(zone=datong, name="大同开发区")
    make_zone(official_name="太原高新技术产业开发区")

    found = Zone.objects.named("朔州经济开发区", "朔州经开区", "大同经开区", "大同开发区", "别处")

    assert sorted(zone.official_name for zone in found) == ["大同经济技术开发区", "朔州经济开发区"]


def test_an_official_name_wins_over_an_alias_and_an_alias_over_a_short_name():
    official = make_zone(official_name="平遥经济开发区")
    aliased = make_zone(official_name="平遥古城文旅示范区", short_name="平遥开发区")
    ZoneAlias.objects.create(zone=aliased, name="平遥经济开发区")
    shortened = make_zone(official_name="平遥工业园区", short_name="平遥园区")
    ZoneAlias.objects.create(zone=official, name="平遥园区")

    assert Zone.objects.meant_by("平遥经济开发区") == official
    assert Zone.objects.meant_by("平遥园区") == official
    assert Zone.objects.meant_by("平遥开发区") == aliased
    assert set(Zone.objects.named("平遥园区")) == {official, shortened}


def test_a_short_name_shared_by_two_zones_means_the_first_in_registry_order():
    later = make_zone(official_name="孝义经济开发区", short_name="孝义园区", city=City.LVLIANG)
    first = make_zone(official_name="孝义工业园区", short_name="孝义园区", city=City.JINZHONG)
    expected = Zone.objects.filter(pk__in=[later.pk, first.pk]).first()

    assert Zone.objects.meant_by("孝义园区") == expected


def test_names_are_every_name_a_zone_is_known_by(shuozhou):
    assert shuozhou.names == {"朔州经济开发区", "朔州开发区", "朔州经开区"}
    assert make_zone(official_name="无简称工业园区", short_name="").names == {"无简称工业园区"}


def test_a_zones_url_is_its_public_page(client, shuozhou):
    response = client.get(shuozhou.get_absolute_url())

    assert response.status_code == 200
    assert "朔州经济开发区" in response.content.decode()
