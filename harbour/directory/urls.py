from django.urls import path

from harbour.directory import views

urlpatterns = [
    path("", views.directory, name="directory"),
]
