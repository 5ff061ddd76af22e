"""Site search and the webchat page: nothing a person types is stored or logged."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from harbour.answering.chat import MAX_MESSAGE_CHARS, MessageRejected, chat_reply
from harbour.answering.forms import SearchForm
from harbour.answering.passages import search_index
from harbour.answering.privacy import question_limit_reached
from harbour.content.selectors import advice_groups


# Search is read-only, so it needs no CSRF token; a token would mean a cookie for every reader.
# The form posts, so what a person searched for stays out of the address and the history.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def search(request: HttpRequest) -> HttpResponse:
    data = request.POST if request.method == "POST" else request.GET
    form = SearchForm(data)
    context: dict = {"form": form, "groups": advice_groups()}
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


# The webchat changes nothing on the server and keeps nothing, so, like search, it needs no
# CSRF token (which would mean a cookie); its JSON twin is the API.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def chat(request: HttpRequest) -> HttpResponse:
    context: dict = {}
    status = 200
    if request.method == "POST":
        if question_limit_reached(request):
            context["error"] = _("You have asked a lot of questions at once. "
                                 "Please wait a minute and try again.")
            status = 429
        else:
            try:
                context["reply"] = chat_reply(message=request.POST.get("message"),
                                              previous=request.POST.get("previous"))
            except MessageRejected as rejected:
                context["error"] = str(rejected)
                context["message"] = request.POST.get("message", "")[:MAX_MESSAGE_CHARS]
                status = 400
    fragment = request.method == "POST" and request.headers.get("X-Harbour-Fragment") == "1"
    template = "answering/chat_reply.html" if fragment else "answering/chat.html"
    return render(request, template, context, status=status)
