"""The public verification of a certificate or a proof of publication (用稿证明): anyone with
a number can check it.

Only what the paper itself says is shown (name, zone, year, award; or the piece, its issue and
authors), never contact details or the score.
"""

from django.shortcuts import redirect, render

from articles.models import PublicationProof

from .forms import CertificateLookupForm
from .models import Award


def certificate_lookup(request):
    form = CertificateLookupForm(request.GET or None)
    if form.is_valid():
        return redirect("awards:certificate", number=form.cleaned_data["number"])
    return render(request, "awards/certificate_lookup.html", {"form": form})


def certificate(request, number: str):
    number = number.strip().upper()
    award = Award.objects.filter(number=number).first()
    if award is None:
        proof = (
            PublicationProof.objects.select_related("article__issue", "contributor__zone")
            .filter(number=number)
            .first()
        )
        if proof is not None:
            return render(request, "awards/proof_detail.html", {"proof": proof})
        return render(
            request,
            "awards/certificate_not_found.html",
            {"number": number, "form": CertificateLookupForm(initial={"number": number})},
            status=404,
        )
    return render(request, "awards/certificate_detail.html", {"award": award})
