"""The public verification of a certificate: anyone with a number can check it.

Only what the certificate itself says is shown (name, zone, year, award), never contact
details or the score.
"""

from django.shortcuts import redirect, render

from .forms import CertificateLookupForm
from .models import Award


def certificate_lookup(request):
    form = CertificateLookupForm(request.GET or None)
    if form.is_valid():
        return redirect("awards:certificate", number=form.cleaned_data["number"])
    return render(request, "awards/certificate_lookup.html", {"form": form})


def certificate(request, number: str):
    award = Award.objects.filter(number=number.strip().upper()).first()
    if award is None:
        return render(
            request,
            "awards/certificate_not_found.html",
            {"number": number, "form": CertificateLookupForm(initial={"number": number})},
            status=404,
        )
    return render(request, "awards/certificate_detail.html", {"award": award})
