"""Logins: the login and password pages (urls.py, views.py, templates/registration/), the
first-login password change (passwords.py, middleware.py), and login protection: failed logins
lock an account for one address for a while (django-axes).

The limits live in kfq_site/settings.py (KFQ_LOGIN_FAILURE_LIMIT, KFQ_LOGIN_COOLOFF_MINUTES);
this app owns what a locked-out user sees (lockout.py); the editors' page that unlocks an
account is editorial/admin/logins.py.
"""
