"""The pieces tests/deploy/test_nginx_*.py look at, written into the served site's database.

Run in a subprocess with the served site's environment (`python -m tests.deploy.site_data`),
since the server reads its own database, not the test run's; prints what it made as JSON.
"""

import json

import django


def main():
    django.setup()
    from django.core.files.base import ContentFile

    from articles.models import Photo, Status
    from tests.articles_tests.photo_files import jpeg_bytes
    from tests.factories import make_article, make_correspondent, make_theme

    password = "nginx-测试-密码-2024"
    author = make_correspondent()
    author.set_password(password)
    author.save()
    # Locked out on purpose by tests/deploy/test_nginx_client_address.py, so kept apart from
    # the author.
    target = make_correspondent()
    target.set_password(password)
    target.save()

    # A call for papers, without which the submission form cannot be saved.
    make_theme()

    def piece_with_photo(status, filename):
        article = make_article(status=status, authors=[author.contributor])
        photo = Photo(article=article, caption="现场", position=1)
        photo.image.save(filename, ContentFile(jpeg_bytes()), save=False)
        photo.thumbnail.save(f"缩略-{filename}", ContentFile(jpeg_bytes((40, 30))), save=False)
        photo.save()
        return article, photo

    published, published_photo = piece_with_photo(Status.PUBLISHED, "开工现场.jpg")
    draft, draft_photo = piece_with_photo(Status.SUBMITTED, "草稿照片.jpg")
    print(
        json.dumps(
            {
                "username": author.username,
                "lockout_username": target.username,
                "password": password,
                "published_url": published.get_absolute_url(),
                "published_title": published.title,
                "published_photo": published_photo.image.name,
                "published_photo_url": published_photo.image.url,
                "published_thumbnail": published_photo.thumbnail.name,
                "published_thumbnail_url": published_photo.thumbnail.url,
                "draft_photo": draft_photo.image.name,
                "draft_photo_url": draft_photo.image.url,
            }
        )
    )


if __name__ == "__main__":
    main()
