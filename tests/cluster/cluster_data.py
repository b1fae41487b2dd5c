"""What tests/cluster/ looks at, written into the cluster's database.

Run in a subprocess with the nodes' environment (`python -m tests.cluster.cluster_data`), since
the nodes read their own database, not the test run's; prints what it made as JSON.
"""

import datetime
import json
import secrets

import django

PASSWORD = "集群-测试-密码-2026"
CORRESPONDENTS = 16


def main():
    django.setup()
    from django.utils import timezone

    from articles.models import Status
    from tests.factories import (
        make_article,
        make_correspondent,
        make_editor,
        make_issue,
        make_theme,
        make_zone,
    )
    from zones.models import ZoneAlias

    def with_password(user):
        user.set_password(PASSWORD)
        user.save()
        return user.username

    token = secrets.token_hex(3)
    editor = with_password(make_editor())
    correspondents = [with_password(make_correspondent()) for _ in range(CORRESPONDENTS)]
    make_theme()  # a call for papers, without which the submission form cannot be saved

    zone = make_zone(official_name=f"云岭{token}经济技术开发区", short_name=f"云岭{token}经开区")
    # An alias the editor renames in tests/cluster/test_freshness.py.
    alias = ZoneAlias.objects.create(zone=zone, name=f"滇西{token}园")
    old_issue = make_issue(date=datetime.date(2026, 1, 5), published_at=timezone.now())
    old = make_article(title=f"旧刊头条{token}", zone=zone, issue=old_issue, page=1, position=1)
    new_issue = make_issue(date=datetime.date(2026, 1, 12))
    new = make_article(
        title=f"新刊头条{token}",
        status=Status.SCHEDULED,
        zone=make_zone(),
        issue=new_issue,
        page=1,
        position=1,
    )
    print(
        json.dumps(
            {
                "password": PASSWORD,
                "editor": editor,
                "correspondents": correspondents,
                "zone_id": zone.pk,
                "zone_article_title": old.title,
                "zone_article_url": old.get_absolute_url(),
                "alias": f"滇中{token}园",
                "alias_id": alias.pk,
                "renamed_alias": f"滇南{token}园",
                "old_title": old.title,
                "new_issue_id": new_issue.pk,
                "new_title": new.title,
            }
        )
    )


if __name__ == "__main__":
    main()
