from zones.naming import (
    UNKNOWN_ZONE_AT_START,
    UNKNOWN_ZONE_LINE,
    derive_aliases,
    split_official_name,
    zone_kind_for,
)


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


def test_zone_kind_is_the_full_kind_a_name_announces():
    assert zone_kind_for("祁县经济开发区") == "经济开发区"
    assert zone_kind_for("朔州经开区") == "经济技术开发区"
    assert zone_kind_for("长治高新区") == "高新技术产业开发区"
    assert zone_kind_for("某某开发区") == ""


def test_an_unknown_zone_is_recognised_only_where_the_text_bounds_it():
    assert UNKNOWN_ZONE_AT_START.match("祁县经济开发区全力打好项目建设攻坚战").group(0) == (
        "祁县经济开发区"
    )
    assert UNKNOWN_ZONE_LINE.match("祁县经济开发区")
    assert not UNKNOWN_ZONE_LINE.match("祁县经济开发区全力打好项目建设攻坚战")
