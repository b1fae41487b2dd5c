"""Turning Chinese text into search terms: the only place that calls jieba.

The segmenter is rjieba, the Rust port of jieba with the same dictionary: it cuts every seed
text and every text of the benchmark's corpus into the same words as jieba (checked by
`python -m bench.run`, which prints both timings) and takes a fifth of the time, which
rebuilding the index of a large archive spends mostly on segmenting.

The index and the reader's query go through the same tokenizer and the same user dictionary,
so a word cut one way in an article is cut the same way in a query. Two modes:

- index_terms() uses jieba's search mode, which adds the dictionary sub-words of a long word
  (朔州经济开发区 → 朔州, 经济, 开发, 开发区, 朔州经济开发区),
  so a query for a part finds the whole;
- query_terms() uses the precise mode, so a query asks for the words the reader typed.

HMM guessing of unknown words is off in both: it depends on the surrounding text, and a word
guessed one way in an article and another way in a query would never match.

The user dictionary holds every zone name (official, short, alias) and contributor name, so that
each is one term, and only those: a name that is deleted or renamed leaves it again, so every
process cuts every text the same way. Each process keeps its own copy and checks, once per
search or indexing run, the names' version (models.NamesVersion, one row read by its primary
key); when the version differs from the one it loaded, it reads the names again and adds and
removes the difference. Whoever changes a name writes a new version in the same transaction
(names_changed(), called by the receivers in indexing.py), so every process on every node sees
the name and the new version together, and a rolled-back change is forgotten again (a version
written on commit instead could be lost between the commit and the write).

The version is kept in the database, not in Django's cache: the database is shared by every
process and node by definition, the cache only when it is configured to be (the tests' is per
process), and the lookup costs one indexed query, what the check it replaced cost.
"""

import re
import threading
import uuid
from functools import lru_cache

import rjieba

from articles.models import Contributor
from search.models import NamesVersion
from zones.models import Zone, ZoneAlias

# A term is a run of letters or digits (CJK characters are letters); punctuation and
# underscores separate terms. This also keeps FTS and tsquery syntax out of every term.
TERM = re.compile(r"[^\W_]+")

# What jieba can cut out as one word: names with other characters are split by jieba anyway.
JIEBA_WORD = re.compile(r"[\u4e00-\u9fd5a-zA-Z0-9+#&._%\-]+")

# Function words that occur in nearly every article: matching them costs a full scan of a
# posting list and tells the reader nothing. Dropped from the index and from queries alike.
STOP_WORDS = frozenset("的了和与及是在对为将并等也都而从以于把被之其这那个着或又就")

# The segmenter holds jieba's dictionary plus _known_names. Adding a word mutates it, so every
# use holds the lock: a cut in another thread must not see the dictionary half changed.
_lock = threading.Lock()
_segmenter: rjieba.Jieba | None = None
_known_names: set[str] = set()
# The zones' names among them, so that a query names a zone only if one of its terms is here.
_zone_names: frozenset[str] = frozenset()
_NOTHING_LOADED = object()
_loaded_version = _NOTHING_LOADED


def _terms_of_tokens(tokens) -> list[str]:
    terms = []
    for token in tokens:
        for term in TERM.findall(token.lower()):
            if term not in STOP_WORDS:
                terms.append(term)
    return terms


def _loaded() -> rjieba.Jieba:
    # Loading the dictionary takes a few tenths of a second: only a process that segments.
    global _segmenter
    if _segmenter is None:
        _segmenter = rjieba.Jieba()
    return _segmenter


@lru_cache(maxsize=16384)
def _paragraph_index_terms(paragraph: str) -> str:
    with _lock:
        tokens = _loaded().cut_for_search(paragraph, False)
    return " ".join(_terms_of_tokens(tokens))


def index_terms(text: str) -> str:
    """The text as space-separated terms for the index, paragraph by paragraph.

    Paragraphs are cached: the same paragraph (a reprinted notice, a synthetic corpus) is
    segmented once per process.
    """
    return " ".join(terms for line in paragraphs(text) if (terms := _paragraph_index_terms(line)))


def paragraphs(text: str) -> list[str]:
    """The pieces of text that index_terms() segments (and caches) one by one."""
    return [stripped for line in text.splitlines() if (stripped := line.strip())]


def may_name_a_zone(terms) -> bool:
    """Whether any of the terms is a zone's name (after ensure_dictionary()): only then is the
    zone table worth a query."""
    return not _zone_names.isdisjoint(terms)


def dictionary_names() -> frozenset[str]:
    """The names this process has added to jieba's dictionary (after ensure_dictionary())."""
    return frozenset(_known_names)


def query_terms(text: str) -> list[str]:
    """The reader's words as terms, in order, without repeats."""
    with _lock:
        tokens = _loaded().cut(text, False)
    return list(dict.fromkeys(_terms_of_tokens(tokens)))


def ensure_dictionary() -> None:
    """Bring this process's names up to the current version (one query when they are)."""
    global _loaded_version, _zone_names
    current = (
        NamesVersion.objects.filter(pk=NamesVersion.ROW).values_list("stamp", flat=True).first()
    )
    if current == _loaded_version:
        return
    zone_names = set()
    for official_name, short_name in Zone.objects.values_list("official_name", "short_name"):
        zone_names.update((official_name, short_name))
    zone_names.update(ZoneAlias.objects.values_list("name", flat=True))
    _use_names(zone_names | set(Contributor.objects.values_list("name", flat=True)))
    _zone_names = frozenset(name.strip() for name in zone_names)
    _loaded_version = current


def names_changed() -> None:
    """Tell every process, this one included, that a zone, alias or contributor name was
    added, changed or removed: one write, in the caller's transaction."""
    NamesVersion.objects.bulk_create(
        [NamesVersion(pk=NamesVersion.ROW, stamp=uuid.uuid4())],
        update_conflicts=True,
        unique_fields=["id"],
        update_fields=["stamp"],
    )


def forget_dictionary_version() -> None:
    """Make the next ensure_dictionary() read every name again."""
    global _loaded_version
    _loaded_version = _NOTHING_LOADED


def _use_names(names: set[str]) -> None:
    global _segmenter
    wanted = {name.strip() for name in names if name and JIEBA_WORD.fullmatch(name.strip())}
    with _lock:
        added, removed = wanted - _known_names, _known_names - wanted
        if not (added or removed):
            return
        if removed:
            # rjieba cannot take a word out again: a fresh dictionary gets the names that stay,
            # and a name that was a jieba word keeps jieba's own frequency again.
            _segmenter, added = rjieba.Jieba(), wanted
        segmenter = _loaded()
        for name in added:
            segmenter.add_word(name, None, None)
        _known_names.clear()
        _known_names.update(wanted)
        _paragraph_index_terms.cache_clear()
