"""The indicators the province and the zones track, with the names stories give them.

The first catalogue, written into the database by migration 0002 (write_first_catalogue);
editors extend it in the admin (a variant per line), and the extractor reads it from there.
"""

from indicators.extractor import AMOUNT, COUNT, IndicatorSpec

FIRST_CATALOGUE = [
    IndicatorSpec("地区生产总值", AMOUNT, ("GDP",)),
    IndicatorSpec("财政总收入", AMOUNT, ()),
    IndicatorSpec("一般公共预算收入", AMOUNT, ("一般预算收入",)),
    IndicatorSpec("税收收入", AMOUNT, ("税收",)),
    IndicatorSpec("营业收入", AMOUNT, ("营收",)),
    IndicatorSpec(
        "规上工业总产值",
        AMOUNT,
        (
            "规模以上工业总产值",
            "规上工业产值",
            "规模以上工业产值",
            "规模以上工业企业产值",
            "规上企业工业产值",
            "规上工业企业产值",
        ),
    ),
    IndicatorSpec("规上工业增加值", AMOUNT, ("规模以上工业增加值", "工业增加值")),
    IndicatorSpec("固定资产投资", AMOUNT, ("固投",)),
    IndicatorSpec("工业投资", AMOUNT, ("工业固投", "工业固定资产投资")),
    IndicatorSpec("限上社会消费品零售额", AMOUNT, ("限上社零", "社会消费品零售总额")),
    IndicatorSpec("实际利用外资", AMOUNT, ("实际使用外资",)),
    IndicatorSpec("进出口总额", AMOUNT, ("进出口",)),
    IndicatorSpec("签约项目", COUNT, (), amount_indicator="签约金额"),
    IndicatorSpec("签约金额", AMOUNT, ()),
]


def write_first_catalogue(indicator_model) -> None:
    """Write FIRST_CATALOGUE into the table of indicator_model (the migration's historical
    model, or the app's); indicators already there are left as editors made them."""
    made = {}
    for position, spec in enumerate(FIRST_CATALOGUE):
        made[spec.name], _ = indicator_model.objects.get_or_create(
            name=spec.name,
            defaults={
                "unit": spec.unit,
                "variants": "\n".join(spec.variants),
                "position": position,
            },
        )
    for spec in FIRST_CATALOGUE:
        if spec.amount_indicator:
            indicator_model.objects.filter(name=spec.name).update(
                amount_indicator=made[spec.amount_indicator]
            )
