"""Where uploaded photos are kept when several servers share them through an S3-compatible
object store (KFQ_S3_BUCKET in kfq_site/settings.py).

The bucket is private and every photo keeps its address under MEDIA_URL, so each request for a
file still passes editorial/media.py's access check (a draft's photo is not public) and pages
never carry a signed bucket address that would outlive the check.
"""

from urllib.parse import urljoin

from django.conf import settings
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage


class PrivateBucketStorage(S3Storage):
    def url(self, name, parameters=None, expire=None, http_method=None):
        return urljoin(settings.MEDIA_URL, filepath_to_uri(name))
