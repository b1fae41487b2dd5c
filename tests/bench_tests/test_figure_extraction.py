"""The figure-extraction benchmark runs and reports its ratio to the baseline."""

from bench import figure_extraction


def test_the_benchmark_reports_figures_and_its_ratio(capsys):
    result = figure_extraction.main(["--pieces", "50", "--repeat", "1"])
    assert result["pieces"] == 50 and result["figures"] > 0
    assert result["ratio"] > 1  # extraction does more than splitting sentences
    assert "为基准的" in capsys.readouterr().out
