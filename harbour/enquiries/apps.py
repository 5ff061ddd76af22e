from django.apps import AppConfig


class EnquiriesConfig(AppConfig):
    name = "harbour.enquiries"
    label = "enquiries"
    verbose_name = "Enquiries and call-backs"
