"""The bar charts' geometry (reports.charts)."""

from reports import charts
from reports.charts import LABEL_WIDTH, MOST_ROWS, PLOT_WIDTH, bar_chart


def test_the_largest_value_fills_the_plot_and_the_others_scale():
    chart = bar_chart("按市", ["投稿", "刊发"], [("太原市", [10, 5]), ("大同市", [2, 0])])

    widths = [[bar.width for bar in row.bars] for row in chart.rows]
    assert widths == [[PLOT_WIDTH, PLOT_WIDTH // 2], [PLOT_WIDTH // 5, 0]]
    assert [row.label for row in chart.rows] == ["太原市", "大同市"]
    assert [item.series for item in chart.legend] == ["投稿", "刊发"]
    assert chart.rows[0].bars[0].value_x == LABEL_WIDTH + PLOT_WIDTH + 4


def test_rows_do_not_overlap_and_fit_the_height():
    chart = bar_chart("按月", ["投稿", "刊发"], [(f"{m}月", [m, m]) for m in range(1, 4)])

    tops = [row.bars[0].y for row in chart.rows]
    band = 2 * charts.BAR_HEIGHT + charts.ROW_GAP
    assert [b - a for a, b in zip(tops, tops[1:], strict=False)] == [band, band]
    assert chart.rows[-1].bars[-1].y + charts.BAR_HEIGHT <= chart.height


def test_one_series_has_no_legend():
    assert bar_chart("各环节", ["稿件"], [("投稿", [3])]).legend == []


def test_an_empty_or_all_zero_chart_draws_no_bars_wider_than_zero():
    assert bar_chart("按月", ["投稿"], []).rows == []
    assert bar_chart("按月", ["投稿"], [("1月", [0])]).rows[0].bars[0].width == 0


def test_a_long_list_is_cut_and_says_how_many_rows_the_table_holds_beyond():
    chart = bar_chart("按作者", ["投稿"], [(f"作者{n}", [n]) for n in range(MOST_ROWS + 7)])

    assert len(chart.rows) == MOST_ROWS and chart.left_out == 7
