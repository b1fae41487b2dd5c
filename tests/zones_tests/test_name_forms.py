"""Two printed names of one zone (zones/naming.py, ZoneDirectory.agree): what the importer
needs to tell a title's 介休经开区 from another zone, and to name a new zone fully."""

import io

import pytest
from django.core.management import call_command

from zones.directory import ZoneDirectory
from zones.naming import UNKNOWN_ZONE_AT_START, UNKNOWN_ZONE_LINE, longer_forms, names_agree


def test_a_short_form_agrees_with_its_full_name_and_not_with_another_place():
    assert names_agree("介休经开区", "介休经济技术开发区")
    assert names_agree("介休经济技术开发区", "介休经济开发区")
    assert not names_agree("介休经开区", "灵石经济技术开发区")


def test_longer_forms_of_a_short_name():
    forms = longer_forms("介休经开区")
    assert {"介休经济技术开发区", "介休经济开发区", "山西介休经济技术开发区"} <= forms
    assert "介休经开区" not in forms
    assert longer_forms("介休经济技术开发区") >= {"山西介休经济技术开发区"}


@pytest.mark.parametrize("text", ["全省开发区改革创新工作推进会召开", "省级开发区名单公布"])
def test_a_name_about_many_zones_is_no_new_zone(text):
    assert UNKNOWN_ZONE_AT_START.match(text) is None
    assert UNKNOWN_ZONE_LINE.match(text[:5]) is None


@pytest.mark.django_db
def test_the_directory_agrees_on_known_zones_by_the_registry():
    call_command("load_zones", stdout=io.StringIO())
    zones = ZoneDirectory()
    assert zones.agree("朔州经开区", "山西朔州经济开发区")
    assert not zones.agree("朔州经开区", "祁县经济开发区")
    assert zones.agree("介休经开区", "介休经济技术开发区")
