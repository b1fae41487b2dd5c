"""The served site that tests/deploy/test_nginx_*.py share, started once for the folder."""

import pytest

from tests.deploy.served_site import Site, serve


@pytest.fixture(scope="package")
def site(tmp_path_factory) -> Site:
    # Starting nginx, gunicorn and a fresh database takes seconds: once for all the modules.
    with serve(tmp_path_factory.mktemp("nginx-site")) as served:
        yield served
