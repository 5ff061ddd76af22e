from django.urls import path

from harbour.answering import views
from harbour.answering.api import api

urlpatterns = [
    path("chat/", views.chat, name="chat"),
    path("api/", api.urls),
    path("search/", views.search, name="search"),
    path("search", views.search),
]
