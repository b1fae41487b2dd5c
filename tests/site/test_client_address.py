"""Behind nginx the client's own address, not nginx's, is REMOTE_ADDR (axes locks by it)."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from kfq_site.proxy import ClientAddressMiddleware


def address_seen(**meta) -> str:
    seen = {}

    def view(request):
        seen["address"] = request.META["REMOTE_ADDR"]
        return HttpResponse()

    ClientAddressMiddleware(view)(RequestFactory().get("/", REMOTE_ADDR="127.0.0.1", **meta))
    return seen["address"]


def test_behind_nginx_the_address_nginx_saw_is_used(settings):
    settings.KFQ_TRUST_X_REAL_IP = True

    assert address_seen(HTTP_X_REAL_IP="203.0.113.7") == "203.0.113.7"
    assert address_seen(HTTP_X_REAL_IP="2001:db8::7") == "2001:db8::7"


def test_without_nginx_the_header_is_the_clients_own_word_and_ignored(settings):
    settings.KFQ_TRUST_X_REAL_IP = False

    assert address_seen(HTTP_X_REAL_IP="203.0.113.7") == "127.0.0.1"


@pytest.mark.parametrize("header", [None, "", "not-an-address", "203.0.113.7, 10.0.0.1"])
def test_a_missing_or_malformed_header_leaves_the_peer_address(settings, header):
    settings.KFQ_TRUST_X_REAL_IP = True
    meta = {} if header is None else {"HTTP_X_REAL_IP": header}

    assert address_seen(**meta) == "127.0.0.1"
