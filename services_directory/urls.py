"""Directory URLs outside the page tree (shortlist, problem reports): /<language>/directory/."""

from django.urls import path, register_converter

from . import views


class PageIdConverter:
    """A page's primary key: digits that fit the column, so a longer number is simply not found.

    Django's ``int`` converter passes any number of digits on, and SQLite cannot bind a value past
    64 bits (OverflowError, a 500). Page ids are an ``AutoField``, a 32-bit integer on PostgreSQL.
    """

    regex = "[0-9]{1,10}"
    MAX = 2**31 - 1

    def to_python(self, value):
        number = int(value)
        if number > self.MAX:
            # A ValueError here makes Django try the next pattern, and then answer 404.
            raise ValueError(value)
        return number

    def to_url(self, value):
        return str(value)


register_converter(PageIdConverter, "directory_page_id")

app_name = "services_directory"
urlpatterns = [
    path("shortlist/", views.shortlist_page, name="shortlist"),
    path("shortlist/add/", views.shortlist_add, name="shortlist_add"),
    path("shortlist/remove/", views.shortlist_remove, name="shortlist_remove"),
    path("report/<directory_page_id:service_id>/", views.report_problem, name="report_problem"),
    path("report/<directory_page_id:service_id>/sent/", views.report_sent, name="report_sent"),
]
