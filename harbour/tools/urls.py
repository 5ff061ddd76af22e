from django.urls import path

from harbour.tools import views

urlpatterns = [
    path("", views.tool_index, name="tools"),
]
