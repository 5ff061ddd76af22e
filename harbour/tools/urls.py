from django.urls import path

from harbour.tools import deadline_views, views

urlpatterns = [
    path("", views.tool_index, name="tools"),
    path("protection/", views.protection_finder, name="protection-finder"),
    path("process/", views.process_stage, name="process-stage"),
    path("deadlines/", deadline_views.deadlines, name="deadlines"),
    path("advice-line/", deadline_views.advice_line, name="advice-line"),
]
