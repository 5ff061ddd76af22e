from django.urls import path

from harbour.enquiries import deletion_views, views

urlpatterns = [
    path("email/", views.email_enquiry, name="enquiry-email"),
    path("call-back/", views.callback_request, name="enquiry-callback"),
    path("delete/", deletion_views.deletion_request, name="enquiry-delete"),
]
