"""Requests whose path or query string holds a NUL character are refused with a 400 page.

No URL, search term or filter of the site can contain NUL, and PostgreSQL cannot store or
even compare a string that holds one: `/certificates/%00/` or the admin's autocomplete with
`term=%00` ended in a 500 deep inside a query. Refusing here covers every view at once.
Form fields need no help: Django's form fields already reject NUL with a form error.
"""

from django.shortcuts import render

NUL = "\x00"


def _has_nul(request) -> bool:
    # request.path and request.GET are percent-decoded: %00 arrives here as NUL.
    if NUL in request.path:
        return True
    return any(
        NUL in key or any(NUL in value for value in values) for key, values in request.GET.lists()
    )


class RefuseNulMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _has_nul(request):
            return render(request, "bad_address.html", status=400)
        return self.get_response(request)
