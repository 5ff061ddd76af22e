from django.urls import path

from harbour.common import views

urlpatterns = [
    path("contact/", views.contact, name="contact"),
    path("privacy/", views.privacy, name="privacy"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("donate/", views.donate, name="donate"),
    path("healthz", views.health, name="health"),
]
