import io

import pytest
from django.core.management import call_command

from zones.directory import ZoneDirectory
from zones.models import Zone

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry():
    call_command("load_zones", stdout=io.StringIO())


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
def test_aliases_resolve_to_their_zone(registry, name, official):
    assert ZoneDirectory().resolve(name).official_name == official


def test_the_directory_means_the_zone_the_lookup_by_name_means(registry):
    directory = ZoneDirectory()
    zones = Zone.objects.prefetch_related("aliases")
    names = {name for zone in zones for name in zone.names}

    disagreements = {
        name: (directory.resolve(name), Zone.objects.meant_by(name))
        for name in names
        if directory.resolve(name) != Zone.objects.meant_by(name)
    }

    assert len(names) > 100
    assert disagreements == {}


def test_mentions_take_the_longest_name_leftmost_first(registry):
    text = "吉林威创机电工程有限公司考察运城经济技术开发区，并到朔州经开区调研"

    names = [zone.official_name for _, _, zone in ZoneDirectory().mentions(text)]

    assert names == ["运城经济技术开发区", "朔州经济开发区"]
