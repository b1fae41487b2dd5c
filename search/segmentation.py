"""Turning Chinese text into search terms: the only place that calls jieba.

The index and the reader's query go through the same tokenizer and the same user dictionary,
so a word cut one way in an article is cut the same way in a query. Two modes:

- index_terms() uses jieba's search mode, which adds the dictionary sub-words of a long word
  (朔州经济开发区 → 朔州, 经济, 开发, 开发区, 朔州经济开发区),
  so a query for a part finds the whole;
- query_terms() uses the precise mode, so a query asks for the words the reader typed.

HMM guessing of unknown words is off in both: it depends on the surrounding text, and a word
guessed one way in an article and another way in a query would never match.

The user dictionary holds every zone name (official, short, alias) and contributor name, so that
each is one term. It is read from the database when first needed and topped up when those
tables grow (checked once per search or indexing run, in one query) or when a name is saved in
this process (signals in indexing.py).
"""

import logging
import os
import re
import threading
from functools import lru_cache

import jieba
from django.db import connection

from articles.models import Contributor
from zones.models import Zone, ZoneAlias

jieba.setLogLevel(logging.WARNING)

# A term is a run of letters or digits (CJK characters are letters); punctuation and
# underscores separate terms. This also keeps FTS and tsquery syntax out of every term.
TERM = re.compile(r"[^\W_]+")

# What jieba can cut out as one word: names with other characters are split by jieba anyway.
JIEBA_WORD = re.compile(r"[\u4e00-\u9fd5a-zA-Z0-9+#&._%\-]+")

# Function words that occur in nearly every article: matching them costs a full scan of a
# posting list and tells the reader nothing. Dropped from the index and from queries alike.
STOP_WORDS = frozenset("的了和与及是在对为将并等也都而从以于把被之其这那个着或又就")

_tokenizer = jieba.Tokenizer()
# jieba caches its prepared dictionary as jieba.cache in the shared temporary folder. A file of
# that name left by another user (root running a command once) can be neither read nor
# replaced by the site's own user, which then rebuilds the dictionary and logs a traceback on
# every start. One cache file per user.
_tokenizer.cache_file = f"jieba.{os.getuid()}.cache"
_lock = threading.Lock()
_known_names: set[str] = set()
_names_signature: tuple | None = None


def _terms_of_tokens(tokens) -> list[str]:
    terms = []
    for token in tokens:
        for term in TERM.findall(token.lower()):
            if term not in STOP_WORDS:
                terms.append(term)
    return terms


@lru_cache(maxsize=16384)
def _paragraph_index_terms(paragraph: str) -> str:
    return " ".join(_terms_of_tokens(_tokenizer.cut_for_search(paragraph, HMM=False)))


def index_terms(text: str) -> str:
    """The text as space-separated terms for the index, paragraph by paragraph.

    Paragraphs are cached: the same paragraph (a reprinted notice, a synthetic corpus) is
    segmented once per process.
    """
    return " ".join(
        terms for line in text.splitlines() if (terms := _paragraph_index_terms(line.strip()))
    )


def query_terms(text: str) -> list[str]:
    """The reader's words as terms, in order, without repeats."""
    terms = _terms_of_tokens(_tokenizer.cut(text, HMM=False))
    return list(dict.fromkeys(terms))


def add_names(names) -> int:
    """Make each name one term from now on; returns how many were new."""
    added = 0
    with _lock:
        for name in names:
            name = (name or "").strip()
            if name and name not in _known_names and JIEBA_WORD.fullmatch(name):
                _tokenizer.add_word(name)
                _known_names.add(name)
                added += 1
        if added:
            _paragraph_index_terms.cache_clear()
    return added


def ensure_dictionary() -> None:
    """Load zone and contributor names added since this process last looked (one query)."""
    global _names_signature
    signature = _current_signature()
    if signature == _names_signature:
        return
    names = []
    for official_name, short_name in Zone.objects.values_list("official_name", "short_name"):
        names += [official_name, short_name]
    names += ZoneAlias.objects.values_list("name", flat=True)
    names += Contributor.objects.values_list("name", flat=True)
    add_names(names)
    _names_signature = signature


def forget_dictionary_signature() -> None:
    """Make the next ensure_dictionary() read every name again (tests roll back rows)."""
    global _names_signature
    _names_signature = None


def _current_signature() -> tuple:
    tables = [model._meta.db_table for model in (Zone, ZoneAlias, Contributor)]
    columns = ", ".join(
        f"(SELECT COUNT(*) FROM {table}), (SELECT MAX(id) FROM {table})" for table in tables
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns}")
        return tuple(cursor.fetchone())
