"""The advisers' pages, under /advisers/: sign-in with two factors, the queue, each enquiry."""

from django.urls import path

from harbour.enquiries import adviser_views as views
from harbour.enquiries import capacity_views

urlpatterns = [
    path("", views.queue, name="advisers-queue"),
    path("sign-in/", views.sign_in, name="advisers-sign-in"),
    path("sign-out/", views.sign_out, name="advisers-sign-out"),
    path("authenticator/", views.authenticator_setup, name="advisers-authenticator"),
    path("audit/", views.audit_log, name="advisers-audit"),
    path("capacity/", capacity_views.capacity, name="adviser-capacity"),
    path("<str:reference>/", views.enquiry_detail, name="advisers-enquiry"),
    path("<str:reference>/claim/", views.enquiry_claim, name="advisers-claim"),
    path("<str:reference>/assign/", views.enquiry_assign, name="advisers-assign"),
    path("<str:reference>/reply/", views.reply_send, name="advisers-reply"),
    path("<str:reference>/note/", views.note_add, name="advisers-note"),
    path("<str:reference>/close/", views.enquiry_close, name="advisers-close"),
    path("<str:reference>/reopen/", views.enquiry_reopen, name="advisers-reopen"),
    path("<str:reference>/call/", views.call_schedule, name="advisers-call-schedule"),
    path("<str:reference>/call/outcome/", views.call_record, name="advisers-call-record"),
]
