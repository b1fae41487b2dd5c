"""The project, not an app: settings read from the environment (settings.py), the root URLconf
that includes each app's urls.py (urls.py), WSGI/ASGI entry points, and what belongs to the
whole site rather than one part of the newsroom: the client's address behind a proxy
(proxy.py), the refusal of NUL in addresses (middleware.py), /healthz and the favicon (views.py).
"""
