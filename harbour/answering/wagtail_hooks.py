"""The "Questions we could not answer" report in the Wagtail admin."""

from django.contrib.auth.decorators import permission_required
from django.db.models import Count
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from harbour.answering.models import UnansweredQuestion, WebchatSettings

PERMISSION = "answering.view_unansweredquestion"


@permission_required(PERMISSION, raise_exception=True)
def unanswered_report(request):
    UnansweredQuestion.expired().delete()
    questions = UnansweredQuestion.objects.all()[:500]
    by_day = (UnansweredQuestion.objects.values("asked_on", "reason")
              .annotate(count=Count("id")).order_by("-asked_on"))
    return render(request, "answering/admin/unanswered.html", {
        "questions": questions, "by_day": by_day,
        "logging_on": WebchatSettings.load().log_unanswered,
    })


@hooks.register("register_admin_urls")
def admin_urls():
    return [path("reports/unanswered/", unanswered_report, name="unanswered_report")]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_reports_menu_item")
def report_menu_item():
    return ReportMenuItem(_("Questions we could not answer"), reverse("unanswered_report"),
                          icon_name="help", order=700)
