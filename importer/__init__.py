"""The page importer: pages of the printed weekly (as text) into the archive.

Only this app knows the page layout. pages.py runs an import (import_pages, parse_file);
decoding.py reads a file's bytes as text; layout.py parses a page into records; call.py
parses a call for papers; manifest.py holds what the seeds' MANIFEST says of each page;
store.py writes a parsed page, keeping what editors changed.
"""
