"""The client address behind nginx: the site believes nginx's X-Real-IP, never the client's."""

import pytest

from tests.deploy.served_site import log_in

pytestmark = pytest.mark.nginx


def test_a_client_cannot_dodge_the_login_lockout_by_claiming_another_address(site):
    # Failures sent with a made-up X-Real-IP: nginx replaces it with the address it saw, so
    # they count against this client, whose next login is refused even with the right password.
    # Were the client's header believed, the lockout would hit 203.0.113.9 and this one pass.
    username = site.data["lockout_username"]
    for _ in range(5):
        failed = log_in(site, username, "wrong-password", headers={"X-Real-IP": "203.0.113.9"})
        assert failed.status in (200, 429)

    answer = log_in(site, username, site.data["password"])

    assert answer.status == 429
    assert "sessionid" not in (answer.headers["Set-Cookie"] or "")
