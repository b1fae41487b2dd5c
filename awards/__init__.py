"""Year-end recognition of contributors: the year's list of published pieces by zone, the
scored ranking, and the 优秀撰稿人 certificates and letters of praise.

report.py gathers a year's pieces (in a fixed number of queries), scoring.py scores them
(pure functions), services.py is the only writer of Award, export.py builds the XLSX/CSV.
The pages are for editors only, by the newsroom's role (editorial.roles, editorial.admin.access).
"""
