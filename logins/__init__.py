"""Login protection: failed logins lock an account for one address for a while (django-axes).

The limits live in kfq_site/settings.py (KFQ_LOGIN_FAILURE_LIMIT, KFQ_LOGIN_COOLOFF_MINUTES);
this app owns what a locked-out user sees (lockout.py) and who may unlock (admin.py).
"""
