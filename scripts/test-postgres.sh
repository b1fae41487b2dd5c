#!/usr/bin/env bash
# Run the pytest suite against a throwaway PostgreSQL cluster (scripts/with-postgres.sh starts
# it, points DATABASE_URL at it, and always stops and deletes it afterwards). Arguments are
# passed on to pytest; the exit code is pytest's.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
exec scripts/with-postgres.sh scripts/run-pytest.sh "$@"
