"""The public website: what a reader sees of the published archive, and nothing else.

Owns the public pages (home, issues, the filtered listing, articles, zones, contributors, the
call for papers, the search page), the RSS feeds, the sitemaps and robots.txt, their URL
converters, the listing filters they share, and the page cache for anonymous readers. It reads
the archive through articles' QuerySets and asks search for results; it writes nothing to the
archive, and no other app imports it. Its templates are templates/reader/ and the lists in
templates/includes/.
"""
