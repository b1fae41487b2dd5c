"""The public reader pages, a module per part of the archive.

front: the home page, the call for papers, the browse page and robots.txt; issues: the issues
by year and one issue's contents; archive: the filtered listing and an article; directory:
the zones and the people who write from them; search: the search page; lists: what the lists
of pieces share (a page of a listing, an issue's contents). Every page shows published pieces
only.
"""
