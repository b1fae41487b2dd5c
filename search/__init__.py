"""Chinese full-text search over the published archive. No HTTP: the search page is reader's.

This package is the only place that segments text and writes the search index:
segmentation.py (jieba and the user dictionary), indexing.py (what goes into the index and
when), backends.py (FTS5 on SQLite, tsvector/GIN on PostgreSQL), query.py (turning a reader's
words into a ranked, faceted result) and highlight.py (snippets).
"""
