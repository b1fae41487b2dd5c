from django.conf import settings
from django.urls import path

from editorial import media

app_name = "editorial"

urlpatterns = [
    # Not static(): uploads are served in every mode, and only to those who may see them.
    path(f"{settings.MEDIA_URL.strip('/')}/<path:name>", media.photo_file, name="media"),
]
