"""The province's naming rules for zones: how a name is written, shortened and recognised.

Reports name a zone in many ways (朔州经济开发区, 朔州经开区, 山西朔州经济开发区); the rules
here derive those other names from an official one, split an official name that carries a
second name in brackets, and tell the kind of zone a name announces. Pure string rules: no
database, so the loader, the directory and the importer share them.
"""

import re

# Longest first, so 经济技术开发区 wins over 开发区.
ZONE_SUFFIXES = (
    "农业高新技术产业示范区",
    "高新技术产业开发区",
    "现代农业产业示范区",
    "生态文化旅游示范区",
    "综合改革示范区",
    "经济技术开发区",
    "新兴产业园区",
    "综合保税区",
    "经济开发区",
    "产业园区",
    "工业园区",
    "农业示范区",
    "文旅示范区",
    "高新区",
    "经开区",
    "综改区",
    "开发区",
    "示范区",
)

# Official suffix → shorter forms used in reports. Cross forms (经济技术开发区 ↔ 经济开发区) are
# included because papers use both for the same zone (运城经济开发区 for 运城经济技术开发区).
_SUFFIX_VARIANTS = {
    "经济技术开发区": ("经开区", "经济开发区"),
    "经济开发区": ("经开区", "经济技术开发区"),
    "高新技术产业开发区": ("高新区",),
    "高新技术产业园区": ("高新区",),
    "现代农业产业示范区": ("农业示范区", "示范区"),
    "生态文化旅游示范区": ("文旅示范区",),
    "综合改革示范区": ("综改示范区", "综改区"),
    "农业高新技术产业示范区": ("农高区",),
}

_PROVINCE_PREFIXES = ("山西省", "山西")

_CJK = "\u4e00-\u9fff"
# A name starting with one of these is about many zones (全省开发区, 省级开发区), not one place.
_NOT_A_PLACE = ("全省", "全市", "全县", "全国", "我省", "我市", "本省", "本市", "省级", "国家级")
# A zone name not yet in the registry: a short place name followed by a zone suffix. Only used
# where the text itself bounds the name: UNKNOWN_ZONE_AT_START at the start of a title (the
# shortest such name, so the rest of the title is left alone), UNKNOWN_ZONE_LINE for a whole
# line that is nothing but a zone name.
_A_PLACE = rf"(?!{'|'.join(_NOT_A_PLACE)})"
UNKNOWN_ZONE_AT_START = re.compile(rf"^{_A_PLACE}[{_CJK}]{{2,6}}?(?:{'|'.join(ZONE_SUFFIXES)})")
UNKNOWN_ZONE_LINE = re.compile(rf"^{_A_PLACE}[{_CJK}]{{2,8}}(?:{'|'.join(ZONE_SUFFIXES)})$")


def zone_kind_for(name: str) -> str:
    """The kind of zone its name announces, e.g. 经济技术开发区; '' when the name says none."""
    for suffix in ZONE_SUFFIXES:
        if name.endswith(suffix) and suffix not in ("开发区", "示范区", "经开区", "高新区"):
            return suffix
    if name.endswith("经开区"):
        return "经济技术开发区"
    if name.endswith("高新区"):
        return "高新技术产业开发区"
    return ""


def derive_aliases(official_name: str) -> set[str]:
    """Other names reports use for a zone, by the province's naming conventions."""
    bases = {official_name}
    for prefix in _PROVINCE_PREFIXES:
        if official_name.startswith(prefix) and len(official_name) > len(prefix) + 3:
            bases.add(official_name[len(prefix) :])
    names = set(bases)
    for base in bases:
        for suffix, variants in _SUFFIX_VARIANTS.items():
            if base.endswith(suffix):
                stem = base[: -len(suffix)]
                names.update(stem + variant for variant in variants)
                break
    names.discard(official_name)
    return {name for name in names if len(name) >= 4}


def names_agree(first: str, second: str) -> bool:
    """Whether two printed names may mean one zone by the naming rules: the same name, or one
    a shorter form of the other (介休经济技术开发区 / 介休经开区)."""
    return first == second or first in derive_aliases(second) or second in derive_aliases(first)


def longer_forms(name: str) -> set[str]:
    """The names of which name is a shorter form by the naming rules: 介休经开区 →
    {介休经济技术开发区, 介休经济开发区, 山西介休经济技术开发区, …}."""
    forms = set()
    for suffix, variants in _SUFFIX_VARIANTS.items():
        for variant in variants:
            if name.endswith(variant) and len(suffix) > len(variant):
                forms.add(name[: -len(variant)] + suffix)
    forms |= {prefix + form for prefix in _PROVINCE_PREFIXES for form in forms | {name}}
    return {form for form in forms if name in derive_aliases(form)}


def split_official_name(raw: str) -> tuple[str, set[str]]:
    """'清徐经济开发区 (山西清徐经济开发区)' → ('清徐经济开发区', {'山西清徐经济开发区'})."""
    match = re.fullmatch(r"\s*(.+?)\s*[(（](.+?)[)）]\s*", raw)
    if not match:
        return raw.strip(), set()
    return match.group(1), {match.group(2).strip()}
