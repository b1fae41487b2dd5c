"""The same story twice: finding pieces that are nearly the same as another piece.

A piece's text (title and body) is normalised, keeping only letters and digits in lower case
(two copies of one release differ in punctuation, spaces and line breaks without telling a
different story), and cut into overlapping runs of SHINGLE characters. Chinese needs no word
segmentation for this: five characters are as telling as a few words, and a changed word
changes only the runs that cover it. Two pieces' similarity is the Jaccard index of their sets
of runs. On the seed archive two unrelated pieces on the same theme measure at most 0.03; a
piece resubmitted with small edits measures 0.7 or more, one release rewritten by two zones
about 0.4 to 0.6. Pieces from THRESHOLD up are flagged.

Comparing a piece with every other would read the whole archive, so each piece gets a MinHash
signature (datasketch) of NUM_PERM values, whose share of equal values estimates the Jaccard
index (±0.04 at 0.3), and locality-sensitive hashing finds the candidates: BANDS bands of ROWS
values each, every band hashed into a bucket (search_fingerprintbucket, indexed). Pieces that
share a bucket are candidates; a pair at similarity s shares one with probability
1 - (1 - s^ROWS)^BANDS: 0.99 at 0.3, 0.86 at 0.2, 0.005 at 0.01. Each bucket gives at most
BUCKET_LIMIT pieces (the newest), so a text copied a thousand times costs what fifty cost.

Fingerprints are kept for every piece that reached the editors (any status but 草稿) and has
MIN_SHINGLES runs or more, and the pairs found (NearCopy, both directions) when a piece is
fingerprinted; indexing.py keeps both current as pieces are saved and published, and
`find_near_copies` fills them for an archive.
Nothing here decides what a correspondent may be told of another piece: portal does.
"""

import hashlib
import itertools
import re
import unicodedata
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from datasketch import MinHash
from django.db import connection, transaction
from django.utils import timezone

from articles.models import Article, Status
from search.models import Fingerprint, FingerprintBucket, NearCopy

SHINGLE = 5
NUM_PERM = 128
BANDS, ROWS = 48, 2
THRESHOLD = 0.3
BUCKET_LIMIT = 50
# Candidates compared by signature, the most shared buckets first; at most MAX_MATCHES kept.
CANDIDATES = 40
MAX_MATCHES = 10
REBUILD_BATCH = 500
# Texts of fewer runs (about 50 letters: a headline with a line of text) are not compared: two
# of them share a phrase or two by chance, and a phrase is a large part of a short text.
MIN_SHINGLES = 50
# The article fields that make the text compared: a change to another field changes nothing.
TEXT_FIELDS = frozenset({"title", "body"})
# Punctuation, spaces and line breaks (and the underscore, which \W leaves).
NOT_LETTERS_OR_DIGITS = re.compile(r"[\W_]+")
# A draft is the author's own until it is sent: nobody else's check ever finds it.
UNCHECKED = frozenset({Status.DRAFT})


@dataclass(frozen=True)
class Match:
    article_id: int
    similarity: float


@dataclass(frozen=True)
class Passage:
    text: str
    shared: bool


def normalised(text: str) -> str:
    return NOT_LETTERS_OR_DIGITS.sub("", unicodedata.normalize("NFKC", text).lower())


def shingles(text: str) -> set[str]:
    """The text's runs of SHINGLE characters; a text shorter than one run is one run."""
    plain = normalised(text)
    if len(plain) <= SHINGLE:
        return {plain} if plain else set()
    return {plain[start : start + SHINGLE] for start in range(len(plain) - SHINGLE + 1)}


def text_of(article: Article) -> str:
    return f"{article.title}\n{article.body}"


@lru_cache(maxsize=1)
def _permutations():
    # Drawn once per process: datasketch draws them for every new MinHash otherwise.
    return MinHash(num_perm=NUM_PERM, seed=1).permutations


def signature(text: str) -> np.ndarray | None:
    """The text's MinHash values (uint32), or None for a text too short to compare.

    crc32 hashes each run: the signature's quality comes from the permutations on top, and
    a signature costs less than half what it does with datasketch's default sha1.
    """
    runs = shingles(text)
    if len(runs) < MIN_SHINGLES:
        return None
    minhash = MinHash(
        num_perm=NUM_PERM,
        seed=1,
        permutations=_permutations(),
        scheme="affine32",
        hashfunc=zlib.crc32,
    )
    minhash.update_batch(run.encode() for run in runs)
    return minhash.hashvalues.astype(np.uint32)


def buckets(values: np.ndarray) -> list[int]:
    """One signed 64-bit bucket per band: the band's number and values, hashed."""
    found = []
    for band in range(BANDS):
        key = band.to_bytes(1, "little") + values[band * ROWS : (band + 1) * ROWS].tobytes()
        digest = hashlib.blake2b(key, digest_size=8).digest()
        found.append(int.from_bytes(digest, "little", signed=True))
    return found


def similar_to(text: str, *, exclude: int | None = None) -> list[Match]:
    """Fingerprinted pieces nearly the same as `text`, the most similar first."""
    values = signature(text)
    if values is None:
        return []
    return _matches(values, buckets(values), exclude=exclude)


def _matches(values: np.ndarray, keys: list[int], *, exclude: int | None) -> list[Match]:
    ids, signatures = [], []
    for article_id, blob in _candidates(keys):
        if article_id != exclude:
            ids.append(article_id)
            signatures.append(np.frombuffer(blob, dtype=np.uint32))
    if not ids:
        return []
    estimates = (np.vstack(signatures) == values).mean(axis=1)
    matches = [
        Match(article_id, round(float(estimate), 3))
        for article_id, estimate in zip(ids, estimates, strict=True)
        if estimate >= THRESHOLD
    ]
    matches.sort(key=lambda match: (-match.similarity, -match.article_id))
    return matches[:MAX_MATCHES]


def _candidates(keys: list[int]) -> list[tuple[int, bytes]]:
    """(article id, signature) of the pieces sharing the most buckets with `keys`.

    One statement: each bucket's newest BUCKET_LIMIT pieces straight from the index, counted,
    and the best CANDIDATES (one more, for the piece itself) read with their signatures.
    """
    buckets_table = FingerprintBucket._meta.db_table
    arm = (
        f"SELECT article_id FROM (SELECT article_id FROM {buckets_table} WHERE bucket = %s "
        f"ORDER BY article_id DESC LIMIT {BUCKET_LIMIT}) AS band_{{n}}"
    )
    arms = " UNION ALL ".join(arm.format(n=n) for n in range(len(keys)))
    sql = (
        f"SELECT article_id, signature FROM {Fingerprint._meta.db_table} WHERE article_id IN "
        f"(SELECT article_id FROM ({arms}) AS hits GROUP BY article_id "
        f"ORDER BY COUNT(*) DESC, article_id DESC LIMIT {CANDIDATES + 1})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, keys)
        return cursor.fetchall()


def remember(articles: Iterable[Article]) -> int:
    """Fingerprint the pieces as they now stand and find their near copies again.

    A draft, or a piece too short to compare, is forgotten instead. Returns how many were
    fingerprinted. The pieces are fingerprinted together, then each is compared with every
    fingerprinted piece, the others of the same call included: a few statements per call
    and one per piece, whatever the number of pairs.
    """
    articles = list(articles)
    with transaction.atomic():
        forget([article.pk for article in articles])
        signed = []
        for article in articles:
            values = None if article.status in UNCHECKED else signature(text_of(article))
            if values is not None:
                signed.append((article.pk, values, buckets(values)))
        Fingerprint.objects.bulk_create(
            Fingerprint(article_id=pk, signature=values.tobytes()) for pk, values, _ in signed
        )
        _insert(
            FingerprintBucket,
            ["article_id", "bucket"],
            [(pk, key) for pk, _, keys in signed for key in keys],
        )
        # Keyed by the pair in order: a pair within the call is found from both of its pieces.
        found = {}
        for pk, values, keys in signed:
            for match in _matches(values, keys, exclude=pk):
                found[min(pk, match.article_id), max(pk, match.article_id)] = match.similarity
        now = timezone.now()
        _insert(
            NearCopy,
            ["article_id", "other_id", "similarity", "found_at"],
            [
                (article_id, other_id, similarity, now)
                for (first, second), similarity in found.items()
                for article_id, other_id in ((first, second), (second, first))
            ],
        )
    return len(signed)


def _insert(model, columns: list[str], rows: list[tuple]) -> None:
    # Rows of plain values: bulk_create builds and prepares a model instance per row, which
    # cost more than the fingerprints themselves (48 buckets a piece).
    if not rows:
        return
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(column) for column in columns)
    values = ", ".join(["%s"] * len(columns))
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({values})", rows)


def checked_pieces():
    """Every piece that reached the editors: the ones fingerprinted."""
    return Article.objects.exclude(status__in=UNCHECKED)


def rebuild(*, progress: Callable[[int, int], None] | None = None) -> int:
    """Forget every fingerprint and pair, then fingerprint every checked piece again, oldest
    first, in batches of REBUILD_BATCH (one transaction each); returns how many.

    While it runs, a submission is checked only against the pieces done so far.
    """
    with transaction.atomic():
        NearCopy.objects.all().delete()
        FingerprintBucket.objects.all().delete()
        Fingerprint.objects.all().delete()
    ids = list(checked_pieces().order_by("pk").values_list("pk", flat=True))
    remembered = 0
    for start in range(0, len(ids), REBUILD_BATCH):
        batch = ids[start : start + REBUILD_BATCH]
        articles = Article.objects.filter(pk__in=batch).only("title", "body", "status")
        remembered += remember(articles.order_by("pk"))
        if progress:
            progress(start + len(batch), len(ids))
    return remembered


def forget(article_ids: list[int]) -> None:
    """Drop the pieces' fingerprints and every pair they are part of."""
    Fingerprint.objects.filter(article_id__in=article_ids).delete()
    FingerprintBucket.objects.filter(article_id__in=article_ids).delete()
    NearCopy.objects.filter(article_id__in=article_ids).delete()
    NearCopy.objects.filter(other_id__in=article_ids).delete()


def piece_saved(article: Article, *, update_fields) -> None:
    """After a save: fingerprint again when the text changed, or when the piece reached the
    editors; forget a piece that went back to being a draft."""
    if article.status in UNCHECKED:
        if Fingerprint.objects.filter(article_id=article.pk).exists():
            forget([article.pk])
        return
    text_changed = update_fields is None or bool(TEXT_FIELDS & set(update_fields))
    if text_changed or not Fingerprint.objects.filter(article_id=article.pk).exists():
        remember([article])


def remember_unfingerprinted(articles: list[Article]) -> int:
    """Fingerprint those of the pieces that have none yet (published by QuerySet.update)."""
    known = set(
        Fingerprint.objects.filter(article_id__in=[a.pk for a in articles]).values_list(
            "article_id", flat=True
        )
    )
    return remember(article for article in articles if article.pk not in known)


def shared_passages(text: str, other: str) -> list[Passage]:
    """`text` cut into runs shared with `other` and runs of its own, for the side-by-side view.

    A character is shared when a run of SHINGLE letters or digits covering it (punctuation and
    spaces skipped, as for the similarity) occurs anywhere in `other`: a paragraph moved to
    another place is still marked, which an in-order comparison would miss. Punctuation
    between two shared characters counts as shared, within a paragraph. A run that crosses a
    line break may leave a few shared letters on the far side; fewer than SHINGLE are noise.
    """
    # Each normalised character with the place of the character it came from (NFKC can
    # make several of one: ① is 1, ㎡ is m2).
    plain, positions = "", []
    for index, character in enumerate(text):
        kept = normalised(character)
        plain += kept
        positions += [index] * len(kept)
    theirs = shingles(other)
    shared = [False] * len(text)
    for start in range(len(plain) - SHINGLE + 1):
        if plain[start : start + SHINGLE] in theirs:
            for index in positions[start : start + SHINGLE]:
                shared[index] = True
    _fill_gaps(text, shared, positions)
    runs = [
        Passage("".join(character for character, _ in group), is_shared)
        for is_shared, group in itertools.groupby(
            zip(text, shared, strict=True), key=lambda pair: pair[1]
        )
    ]
    passages: list[Passage] = []
    for run in runs:
        is_shared = run.shared and len(normalised(run.text)) >= SHINGLE
        if passages and passages[-1].shared == is_shared:
            passages[-1] = Passage(passages[-1].text + run.text, is_shared)
        else:
            passages.append(Passage(run.text, is_shared))
    return passages


def _fill_gaps(text: str, shared: list[bool], positions: list[int]) -> None:
    # The punctuation and spaces between two shared letters of a paragraph belong to the
    # shared passage.
    for before, after in itertools.pairwise(positions):
        gap = text[before + 1 : after]
        if gap and "\n" not in gap and shared[before] and shared[after]:
            for index in range(before + 1, after):
                shared[index] = True


def shared_share(passages: list[Passage]) -> float:
    """The share of a text's letters and digits that stand in shared passages."""
    total = sum(len(normalised(p.text)) for p in passages)
    shared = sum(len(normalised(p.text)) for p in passages if p.shared)
    return shared / total if total else 0.0
