"""The client's address behind the reverse proxy.

gunicorn sees every request come from nginx on 127.0.0.1, so the login throttle (axes, keyed on
REMOTE_ADDR) would lock every reader out together. deploy/nginx.conf sets X-Real-IP to the
address nginx itself saw, overwriting whatever the client sent; with KFQ_TRUST_X_REAL_IP=true
that address becomes REMOTE_ADDR. Off by default: without nginx in front the header is the
client's own word and must be ignored.
"""

import ipaddress

from django.conf import settings


class ClientAddressMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.KFQ_TRUST_X_REAL_IP:
            address = request.META.get("HTTP_X_REAL_IP", "").strip()
            try:
                ipaddress.ip_address(address)
            except ValueError:
                pass  # a request that did not come through nginx, e.g. a local health check
            else:
                request.META["REMOTE_ADDR"] = address
        return self.get_response(request)
