"""经济指标: the economic figures stories state, as data.

The extractor (extractor.py, periods.py; pure, no Django) reads a piece's figures when the
workflow publishes it (receivers.py) or for the whole archive (`extract_figures`); editors keep
the catalogue of indicators and review every figure in the admin (admin.py, services.py); a
zone's page shows its confirmed figures (templatetags/indicators.py, charts.py), a public page
compares zones on one indicator and period and the confirmed figures download as CSV or XLSX
(views.py, export.py).
"""
