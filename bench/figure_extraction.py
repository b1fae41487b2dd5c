"""(issue 18) How fast the figures of stories are read: indicators.extractor over synthetic
pieces made from the seed pages, against a baseline measured in the same run (splitting the
same texts into sentences, the least any reading of sentences must do).

Pure Python, no database: extraction's database side is one delete and one bulk insert per
batch of pieces (indicators/services.py), linear in the pieces. Run:

    .venv/bin/python -m bench.figure_extraction --pieces 10000
"""

import argparse
import datetime
import random
import statistics
import time
from pathlib import Path

from indicators.catalogue import FIRST_CATALOGUE
from indicators.extractor import SENTENCE_END, Extractor

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
ISSUE_DATE = datetime.date(2024, 4, 16)


def synthetic_pieces(count: int, seed: int = 18) -> list[str]:
    """Runs of 3 to 8 consecutive paragraphs of the seed pages, as bench/corpus.py builds its
    archive, so that figures occur as often as in the seeds."""
    paragraphs = [
        paragraph.strip()
        for path in sorted(SEEDS.glob("*.txt"))
        for paragraph in path.read_text().split("\n\n")
        if len(paragraph.strip()) >= 20
    ]
    rng = random.Random(seed)
    pieces = []
    for _ in range(count):
        start = rng.randrange(len(paragraphs))
        pieces.append("\n\n".join(paragraphs[start : start + rng.randint(3, 8)]))
    return pieces


def timed(function, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return times


def run(pieces: int, repeat: int) -> dict:
    texts = synthetic_pieces(pieces)
    reader = Extractor(FIRST_CATALOGUE)
    found = sum(len(reader.extract(text, issue_date=ISSUE_DATE)) for text in texts)

    def baseline():
        for text in texts:
            for paragraph in text.split("\n\n"):
                SENTENCE_END.split(paragraph)

    def extraction():
        for text in texts:
            reader.extract(text, issue_date=ISSUE_DATE)

    base = statistics.median(timed(baseline, repeat))
    extract = statistics.median(timed(extraction, repeat))
    return {
        "pieces": pieces,
        "characters": sum(map(len, texts)),
        "figures": found,
        "baseline_s": base,
        "extraction_s": extract,
        "per_piece_ms": extract / pieces * 1000,
        "ratio": extract / base if base else float("inf"),
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description="经济指标识别的速度（纯 Python，不连数据库）")
    parser.add_argument("--pieces", type=int, default=10_000, help="合成稿件篇数（默认 10000）")
    parser.add_argument("--repeat", type=int, default=3, help="每项计时次数，取中位数（默认 3）")
    args = parser.parse_args(argv)
    result = run(args.pieces, args.repeat)
    print(
        f"{result['pieces']} 篇（{result['characters']} 字），识别出 {result['figures']} 条数据\n"
        f"基准（只切分句子）：{result['baseline_s']:.3f} s\n"
        f"识别：{result['extraction_s']:.3f} s，每篇 {result['per_piece_ms']:.3f} ms，"
        f"为基准的 {result['ratio']:.1f} 倍"
    )
    return result


if __name__ == "__main__":
    main()
