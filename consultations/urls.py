"""Consultation URLs; the consultations issue adds ideas boards here."""

app_name = "consultations"
urlpatterns = []
