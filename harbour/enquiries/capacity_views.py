"""The advisers' capacity page: a table of the last twelve weeks and the same figures as a bar chart.

The chart is an SVG drawn here, on the server: no JavaScript, nothing from another site. The
table is its text alternative.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET
from django_otp.decorators import otp_required

from harbour.enquiries.capacity import Capacity
from harbour.enquiries.capacity import capacity as capacity_figures
from harbour.enquiries.roles import ANSWER

SIGN_IN = reverse_lazy("advisers-sign-in")

# The chart's geometry, in SVG units: one group of bars a week.
CHART_WIDTH, CHART_HEIGHT = 720, 280
PLOT_TOP, PLOT_BOTTOM, PLOT_LEFT = 20, 240, 40
BAR_WIDTH = 14
SERIES = (  # field, label, colour (dark enough to read against white)
    ("received", _("Enquiries received"), "#1d4f91"),
    ("answered", _("Answered by an adviser"), "#2e7d32"),
    ("webchat_answered", _("Answered by the webchat"), "#8a4b08"),
)


@dataclass(frozen=True)
class Bar:
    x: int
    y: int
    height: int
    colour: str
    label: str
    value: int
    week: dt.date


@dataclass(frozen=True)
class Tick:
    x: int
    week: dt.date


def chart(figures: Capacity) -> dict:
    plot_height = PLOT_BOTTOM - PLOT_TOP
    group = (CHART_WIDTH - PLOT_LEFT) // max(1, len(figures.weeks))
    bars, ticks = [], []
    for index, week in enumerate(figures.weeks):
        left = PLOT_LEFT + index * group + (group - BAR_WIDTH * len(SERIES)) // 2
        for offset, (field, label, colour) in enumerate(SERIES):
            value = getattr(week, field)
            height = round(plot_height * value / figures.busiest)
            bars.append(Bar(x=left + offset * BAR_WIDTH, y=PLOT_BOTTOM - height, height=height,
                            colour=colour, label=label, value=value, week=week.starts))
        ticks.append(Tick(x=PLOT_LEFT + index * group + group // 2, week=week.starts))
    return {"bars": bars, "ticks": ticks, "width": CHART_WIDTH, "height": CHART_HEIGHT,
            "top": PLOT_TOP, "bottom": PLOT_BOTTOM, "left": PLOT_LEFT, "busiest": figures.busiest,
            "series": SERIES}


@require_GET
@login_required(login_url=SIGN_IN)
@otp_required(login_url=SIGN_IN)
@permission_required(ANSWER, raise_exception=True)
def capacity(request: HttpRequest) -> HttpResponse:
    figures = capacity_figures()
    return render(request, "enquiries/advisers/capacity.html", {"capacity": figures, "chart": chart(figures)})
