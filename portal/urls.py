from django.urls import path, re_path

from portal import views

app_name = "portal"

urlpatterns = [
    path("my/", views.my_submissions, name="my_submissions"),
    path("my/<int:pk>/", views.my_submission, name="my_submission"),
    path("my/<int:pk>/edit/", views.revise, name="revise"),
    path("my/<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("my/<int:pk>/reopen/", views.reopen, name="reopen"),
    path("my/<int:pk>/proof/", views.proof, name="proof"),
    re_path(r"^my/published/(?P<year>[1-9]\d{3})/$", views.published_list, name="published_list"),
    path("submit/", views.submit, name="submit"),
    path("my/autosave/", views.autosave, name="autosave_new"),
    path("my/<int:pk>/autosave/", views.autosave, name="autosave"),
    path("my/mail/", views.mail_settings, name="mail_settings"),
]
