"""The suite runs against the database DATABASE_URL names (SQLite when it is unset)."""

import os

import pytest
from django.db import connection


@pytest.mark.django_db
def test_database_vendor_matches_database_url():
    url = os.environ.get("DATABASE_URL", "")
    expected = "postgresql" if url.startswith("postgres") else "sqlite"
    assert connection.vendor == expected
    if expected == "postgresql":
        # pytest-django works in its own test_ database, never the configured one.
        assert connection.settings_dict["NAME"].startswith("test_")
