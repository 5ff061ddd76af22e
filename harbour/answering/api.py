"""The JSON API: POST /api/answer, GET /api/topics, and the OpenAPI schema at /api/openapi.json.

Cross-site forms cannot send `application/json`, and the API allows no other origin, so it
needs no CSRF token; it changes nothing anyway.
"""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema, Status
from ninja.errors import HttpError
from ninja.errors import ValidationError as NinjaValidationError

from harbour.answering.chat import MessageRejected, chat_reply
from harbour.answering.privacy import question_limit_reached
from harbour.content.topics import taxonomy

api = NinjaAPI(title="Harbour", version="1", description=__doc__, urls_namespace="api",
               openapi_url="/openapi.json", docs_url=None)


class AnswerIn(Schema):
    text: str
    previous: str | None = None


class ResultOut(Schema):
    topics: list[str]
    title: str
    url: str
    score: float
    snippet: str


class AnswerOut(Schema):
    danger: bool
    in_scope: bool
    results: list[ResultOut]


class TopicOut(Schema):
    id: str
    group: str
    title: str
    url: str


class ErrorOut(Schema):
    error: str


@api.exception_handler(NinjaValidationError)
def invalid_request(request: HttpRequest, exc: NinjaValidationError):
    return api.create_response(
        request, {"error": _('Please send JSON like {"text": "your question"}.')}, status=422)


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError):
    message = str(exc)
    if exc.status_code == 400:
        message = _('We could not read that. Please send JSON like {"text": "your question"}.')
    return api.create_response(request, {"error": message}, status=exc.status_code)


@api.post("/answer", response={200: AnswerOut, 422: ErrorOut, 429: ErrorOut},
          summary="Answer a question with the advice")
def answer(request: HttpRequest, payload: AnswerIn):
    if question_limit_reached(request):
        return Status(429, {"error": _("Too many questions at once. "
                                       "Please wait a minute and try again.")})
    try:
        reply = chat_reply(message=payload.text, previous=payload.previous)
    except MessageRejected as rejected:
        return Status(422, {"error": str(rejected)})
    return Status(200, reply.answer.as_dict())


@api.get("/topics", response=list[TopicOut], summary="The taxonomy's topics")
def topics(request: HttpRequest):
    return [{"id": t.id, "group": t.group, "title": t.title, "url": f"/advice/{t.group}/#{t.id}"}
            for t in taxonomy().topics if not t.retired]


def _add_tool_routes() -> None:
    from harbour.tools.api import router as tools_router

    api.add_router("/", tools_router)


_add_tool_routes()
