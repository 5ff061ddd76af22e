from django.urls import path

from harbour.answering import views

urlpatterns = [
    path("search/", views.search, name="search"),
    path("search", views.search),
]
