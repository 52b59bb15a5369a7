"""Directory URLs outside the page tree (shortlist, problem reports): /<language>/directory/."""

from django.urls import path

from . import views

app_name = "services_directory"
urlpatterns = [
    path("shortlist/", views.shortlist_page, name="shortlist"),
    path("shortlist/add/", views.shortlist_add, name="shortlist_add"),
    path("shortlist/remove/", views.shortlist_remove, name="shortlist_remove"),
    path("report/<int:service_id>/", views.report_problem, name="report_problem"),
    path("report/<int:service_id>/sent/", views.report_sent, name="report_sent"),
]
