"""Directory URLs outside the page tree (shortlist, problem reports)."""

app_name = "services_directory"
urlpatterns = []
