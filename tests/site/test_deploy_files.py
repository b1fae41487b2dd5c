"""The deployment files agree with the code: every setting the code reads from the environment
is in deploy/kfq.env.example and in README's table, and the example passes `check --deploy`."""

import re
import secrets
import shlex

from .test_settings import PROJECT, run_manage

ENV_EXAMPLE = PROJECT / "deploy" / "kfq.env.example"
README = PROJECT / "README.md"

# A read of the environment: os.environ["X"], os.environ.get("X"), env_bool/env_list/env_int("X").
ENV_READ = re.compile(
    r"""(?:os\.environ(?:\.get)?\s*[\[(]|env_\w+\(|getenv\()\s*["']([A-Z][A-Z0-9_]+)["']"""
)

# Where the running site reads its configuration: not tests, benchmarks or the virtualenv.
NOT_CONFIGURATION = {"tests", "bench", ".venv", "migrations", "node_modules"}


def variables_the_code_reads() -> set[str]:
    names = set()
    for path in PROJECT.rglob("*.py"):
        if NOT_CONFIGURATION.intersection(path.relative_to(PROJECT).parts):
            continue
        names.update(ENV_READ.findall(path.read_text(encoding="utf-8")))
    return names


def example_lines(*, commented: bool = True) -> dict[str, str]:
    """Variable -> value of each line of the example; commented-out ones (an optional setting
    shown with its example value) only when asked."""
    values = {}
    for line in ENV_EXAMPLE.read_text(encoding="utf-8").splitlines():
        match = re.fullmatch(r"(#?)\s*([A-Z][A-Z0-9_]+)=(.*)", line.strip())
        if match and (commented or not match.group(1)):
            (value,) = shlex.split(match.group(3)) or [""]
            values[match.group(2)] = value
    return values


def test_the_scan_finds_the_settings_reads():
    # Guards the regular expression: were it broken, the tests below would pass on nothing.
    assert {
        "KFQ_SECRET_KEY",
        "DATABASE_URL",
        "KFQ_DEBUG",
        "KFQ_HTTPS",
    } <= variables_the_code_reads()


def test_every_variable_is_in_the_example_env_file():
    missing = variables_the_code_reads() - example_lines().keys()
    assert not missing, f"deploy/kfq.env.example lacks {sorted(missing)}"


def test_every_variable_is_in_the_readme_table():
    readme = README.read_text(encoding="utf-8")
    table = {
        name
        for row in readme.splitlines()
        if row.startswith("| `")
        for name in re.findall(r"`([A-Z][A-Z0-9_]+)`", row)
    }
    missing = variables_the_code_reads() - table
    assert not missing, f"README's configuration table lacks {sorted(missing)}"


def test_the_example_names_no_variable_the_code_ignores():
    unknown = example_lines().keys() - variables_the_code_reads()
    assert not unknown, f"deploy/kfq.env.example sets {sorted(unknown)}, which nothing reads"


def test_the_example_env_file_passes_the_deploy_check():
    env = {name: value for name, value in example_lines(commented=False).items() if value}
    # The one value an office must fill in itself, as the file's comment shows how.
    env["KFQ_SECRET_KEY"] = secrets.token_urlsafe(50)
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_the_example_leaves_the_secret_key_empty():
    # A key written in a public repository is no secret: the office must make its own.
    assert example_lines()["KFQ_SECRET_KEY"] == ""


def test_without_a_secret_key_the_site_refuses_to_start():
    env = {name: value for name, value in example_lines(commented=False).items() if value}
    result = run_manage("check", **env)
    assert result.returncode != 0
    assert "未设置环境变量 KFQ_SECRET_KEY" in result.stderr
