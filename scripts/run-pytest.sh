#!/usr/bin/env bash
# Run the project's pytest suite from .venv with the given arguments.
# pytest's exit code 5 ("no tests collected") counts as a failure here: a suite that ran
# nothing has proved nothing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

python=${KFQ_VENV_PYTHON:-.venv/bin/python}

set +e
"$python" -m pytest "$@"
rc=$?
set -e

if [ "$rc" -eq 5 ]; then
    echo "error: pytest collected no tests (exit code 5); treating this as a failure" >&2
    exit 1
fi
exit "$rc"
