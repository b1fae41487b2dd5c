"""The public site's 用稿通报 (/bulletins/): those the editors chose to publish."""

from django.shortcuts import get_object_or_404, render

from .bulletin import bulletin_of
from .models import Bulletin


def bulletin_list(request):
    return render(request, "reports/bulletin_list.html", {"bulletins": Bulletin.objects.public()})


def bulletin_detail(request, pk: int):
    public = get_object_or_404(Bulletin.objects.public(), pk=pk)
    return render(
        request,
        "reports/bulletin_detail.html",
        {"public": public, "bulletin": bulletin_of(public.report)},
    )
