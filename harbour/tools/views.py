"""Guided tools' pages: thin views over the rules evaluator (the deadline tools are in deadline_views).

The tools post their answers back as hidden fields, so nothing is kept on the server and nothing
a person chooses appears in an address. They change nothing on the server and readers have no
cookies, so they are exempt from CSRF checks, like search (decision 0014).
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from harbour.tools.flow import findings_weighed, timeline_for
from harbour.tools.guided import (
    ANSWER_PREFIX,
    advice_links,
    answered_summary,
    guided_tool,
    next_stages,
    tool_start,
    tool_step,
)


@require_safe
def tool_index(request: HttpRequest) -> HttpResponse:
    tools = {tool_id: guided_tool(tool_id) for tool_id in ("protection", "process")}
    return render(request, "tools/index.html", {"tools": tools})


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def protection_finder(request: HttpRequest) -> HttpResponse:
    return _guided(request, "protection", url_name="protection-finder")


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def process_stage(request: HttpRequest) -> HttpResponse:
    return _guided(request, "process", url_name="process-stage")


def _guided(request: HttpRequest, tool_id: str, *, url_name: str) -> HttpResponse:
    tool = guided_tool(tool_id)
    step = (
        tool_step(tool=tool, form=dict(request.POST.lists()))
        if request.method == "POST"
        else tool_start(tool)
    )
    context = {
        "tool": tool,
        "step": step,
        "url_name": url_name,
        "answer_prefix": ANSWER_PREFIX,
        "hidden_answers": [
            (question, option) for question, options in step.answers.items() for option in options
        ],
    }
    question = step.position.question
    if question is not None:
        context["is_first"] = not step.position.answered
        return render(request, "tools/guided_question.html", context, status=400 if step.error else 200)
    outcome = step.position.outcome
    context.update(
        {
            "outcome": outcome,
            "outcome_links": advice_links(outcome.topics),
            "findings": [
                (weighed, advice_links(weighed.finding.topics))
                for weighed in findings_weighed(tool, step.answers)
            ],
            "timeline": timeline_for(tool, step.answers),
            "next_stages": next_stages(tool, outcome),
            "summary": answered_summary(tool, step.answers),
        }
    )
    return render(request, "tools/guided_outcome.html", context)
