"""Output shared by the benchmark's sections: the environment header, verdicts, and tables."""

import importlib.metadata
import os
import platform
import sqlite3
import unicodedata


def environment() -> dict:
    import django
    from django.db import connection

    info = {
        "python": platform.python_version(),
        "django": django.get_version(),
        "database": connection.vendor,
        "sqlite": sqlite3.sqlite_version,
        "jieba": importlib.metadata.version("jieba"),
        "rjieba": importlib.metadata.version("rjieba"),
        "gunicorn": importlib.metadata.version("gunicorn"),
        "cpus": os.cpu_count(),
        "cpus_usable": len(os.sched_getaffinity(0)),
        "platform": platform.platform(),
    }
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            info["postgresql"] = cursor.fetchone()[0]
    return info


def print_environment(info: dict):
    print("== 环境")
    database = f"PostgreSQL {info['postgresql']}" if "postgresql" in info else "SQLite"
    print(
        f"Python {info['python']}，Django {info['django']}，数据库 {database}"
        f"（Python 的 SQLite 库 {info['sqlite']}），jieba {info['jieba']}，"
        f"rjieba {info['rjieba']}，gunicorn {info['gunicorn']}"
    )
    print(f"CPU {info['cpus']} 个（可用 {info['cpus_usable']} 个）；{info['platform']}")


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def print_table(rows: list[list[str]]):
    widths = [max(display_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    for index, row in enumerate(rows):
        print(
            "  ".join(
                cell + " " * (widths[i] - display_width(cell)) for i, cell in enumerate(row)
            ).rstrip()
        )
        if index == 0:
            print("  ".join("-" * width for width in widths))
