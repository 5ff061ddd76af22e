"""URL map: Harbour's own pages first, then the Wagtail admin, then the advice pages Wagtail serves."""

from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls

from harbour.answering import urls as answering_urls
from harbour.common import urls as common_urls
from harbour.directory import urls as directory_urls
from harbour.enquiries import adviser_urls
from harbour.enquiries import urls as enquiry_urls
from harbour.safety import urls as safety_urls
from harbour.tools import urls as tools_urls

urlpatterns = [
    path("", include(safety_urls)),
    path("", include(common_urls)),
    path("", include(answering_urls)),
    path("tools/", include(tools_urls)),
    path("directory/", include(directory_urls)),
    path("contact/", include(enquiry_urls)),
    path("advisers/", include(adviser_urls)),
    path("admin/", include(wagtailadmin_urls)),
    path("", include(wagtail_urls)),
]

handler404 = "harbour.common.views.page_not_found"
handler500 = "harbour.common.views.server_error"
handler400 = "harbour.common.views.bad_request"
