"""The admin's pages that open a login for someone: 新建通讯员账号 and 新增编辑.

Both are one form whose fields are the service's arguments, one call of that service
(add_correspondent, add_editor: both end in logins.accounts), its refusal shown on the form, and
a generated password shown once, since nobody can read it afterwards.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from logins.accounts import AccountRefused


def open_account_page(
    model_admin,
    request,
    *,
    form_class,
    title,
    create,
    done_url,
    initial=None,
    refusals=(),
    template="admin/new_account_form.html",
    context=None,
):
    """create(**the form's cleaned data) opens the login and returns (what was made, in words;
    its password). A page that does more with the new login (新建通讯员并认领 in mailroom) fills
    the form in (initial), names the refusals of what it does besides, and shows its own
    template (one that extends admin/new_account_form.html) with its context."""
    form = form_class(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            made, password = create(**{**data, "password": data["password"] or None})
        except (AccountRefused, *refusals) as refusal:
            form.add_error(None, str(refusal))
        else:
            shown = "" if data["password"] else f"，初始密码：{password}（只显示这一次）"
            model_admin.message_user(
                request, f"{made}{shown}。首次登录时须修改密码。", messages.SUCCESS
            )
            return redirect(done_url)
    return TemplateResponse(
        request,
        template,
        {
            **model_admin.admin_site.each_context(request),
            "title": title,
            "form": form,
            "opts": model_admin.model._meta,
            **(context or {}),
        },
    )
