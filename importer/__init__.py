"""The page importer: pages of the printed weekly (as text) into the archive.

Only this app knows the page layout. Its modules:
- pages.py runs an import (import_pages, parse_file); management/commands/import_seeds.py is
  its command;
- decoding.py reads a file's bytes as text;
- layout.py reads a page into a ParsedPage: the page's rules, its steps, the cut-off note;
- records.py holds the records a page is read into (Line, Draft, ParsedPage, ParsedArticle,
  ParsedCaption, Leftover);
- shapes.py tells what one line looks like (heading, zone line, dateline, byline, caption…);
- page_reader.py is the state machine that reads the lines into drafts;
- assembly.py makes articles of the drafts (joins split articles, places captions and zones);
- paragraphs.py re-joins paragraphs a column break split;
- call.py parses a call for papers;
- manifest.py holds what the seeds' MANIFEST says of each page;
- store.py writes a parsed page, keeping what editors changed.
A piece's genre is an editorial rule: editorial/genres.py decides it.
"""
