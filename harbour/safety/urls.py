from django.urls import path

from harbour.safety import views

urlpatterns = [
    path("exit", views.quick_exit, name="quick-exit"),
    path("exit/", views.quick_exit),
    path("cover-your-tracks/", views.cover_your_tracks, name="cover-your-tracks"),
]
