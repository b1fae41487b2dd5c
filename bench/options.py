"""The command-line options the benchmark scripts share: their scratch database and gunicorn.

bench/run.py and bench/hostile_load.py each build their parser here and add their own options.
"""

import argparse
from pathlib import Path

from bench import BASE_DIR

SCRATCH = BASE_DIR / "var" / "bench"


def benchmark_parser(
    *, prog: str, description: str, sqlite_name: str, postgres_target: str, workers: int
) -> argparse.ArgumentParser:
    """A parser with --database-from-env, --sqlite-file (under var/bench/) and --workers."""
    parser = argparse.ArgumentParser(prog=prog, description=description)
    parser.add_argument(
        "--database-from-env",
        action="store_true",
        help=f"使用环境变量 DATABASE_URL 指向的数据库（make {postgres_target} 用），"
        "而不是 --sqlite-file 指定的 SQLite 文件",
    )
    parser.add_argument(
        "--sqlite-file",
        type=Path,
        default=SCRATCH / sqlite_name,
        help=f"SQLite 数据库文件，默认 var/bench/{sqlite_name}",
    )
    parser.add_argument(
        "--workers", type=int, default=workers, help=f"gunicorn sync worker 数，默认 {workers}"
    )
    return parser
