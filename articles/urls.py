from django.urls import path

from . import portal, views
from .search import views as search_views

app_name = "articles"

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", search_views.search, name="search"),
    path("call-for-papers/", views.call_for_papers, name="call_for_papers"),
    path("my/", portal.my_submissions, name="my_submissions"),
    path("my/<int:pk>/", portal.my_submission, name="my_submission"),
    path("my/<int:pk>/edit/", portal.revise, name="revise"),
    path("my/<int:pk>/withdraw/", portal.withdraw, name="withdraw"),
    path("submit/", portal.submit, name="submit"),
    path("my/mail/", portal.mail_settings, name="mail_settings"),
]
