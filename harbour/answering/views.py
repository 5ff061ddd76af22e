"""Site search: results for a query, with filters; the query never goes to the logs."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from harbour.answering.forms import SearchForm
from harbour.answering.passages import search_index
from harbour.content.models import AdvicePage


# Search is read-only, so it needs no CSRF token; a token would mean a cookie for every reader.
# The form posts, so what a person searched for stays out of the address and the history.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def search(request: HttpRequest) -> HttpResponse:
    data = request.POST if request.method == "POST" else request.GET
    form = SearchForm(data)
    context: dict = {"form": form, "groups": AdvicePage.objects.live().public().order_by("path")}
    if form.is_valid() and form.cleaned_data["q"]:
        options = form.cleaned_data
        result = search_index().search(
            options["q"], group=options["group"], audience=options["audience"],
            exact=options["exact"])
        context.update(query=options["q"], result=result, shortened=form.was_shortened,
                       searched=True)
    elif form.is_valid() and "q" in data:
        context.update(searched=True, empty=True)
    return render(request, "answering/search.html", context)
