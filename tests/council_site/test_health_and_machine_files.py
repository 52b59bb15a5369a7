"""/healthz/, robots.txt and sitemap.xml."""

from unittest import mock

import pytest
from django.db import OperationalError

pytestmark = pytest.mark.django_db


def test_healthz_reports_each_part_as_json(client):
    response = client.get("/healthz/")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"]["ok"] is True
    assert body["checks"]["cache"]["ok"] is True
    assert body["checks"]["search"] == {"ok": True, "detail": "database"}


def test_healthz_answers_503_when_the_database_is_down(client):
    with mock.patch("council_site.views.connection.cursor", side_effect=OperationalError("down")):
        response = client.get("/healthz/")
    assert response.status_code == 503
    assert response.json()["checks"]["database"] == {"ok": False, "detail": "unavailable"}


def test_healthz_says_the_cache_is_down_but_stays_200_because_the_site_serves_without_it(client):
    with mock.patch("council_site.views.cache.set", side_effect=ConnectionError("redis down")):
        response = client.get("/healthz/")
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["down"] == ["cache"]
    assert response.json()["checks"]["cache"]["ok"] is False


def test_healthz_answers_503_when_a_part_it_is_told_to_require_is_down(client, settings):
    settings.HEALTHCHECK_REQUIRED = ["database", "cache"]
    with mock.patch("council_site.views.cache.set", side_effect=ConnectionError("redis down")):
        response = client.get("/healthz/")
    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"


def test_healthz_stays_200_when_only_elasticsearch_is_down(client, settings):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "search.database_backend"},
        "elasticsearch": {
            "BACKEND": "wagtail.search.backends.elasticsearch8",
            "URLS": ["http://127.0.0.1:9"],
            "INDEX": "test",
            "TIMEOUT": 1,
            "OPTIONS": {"max_retries": 0},
        },
    }
    response = client.get("/healthz/")
    assert response.status_code == 200
    assert response.json()["checks"]["search"]["ok"] is False


def test_a_load_balancer_probing_by_address_over_http_gets_the_health(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.ALLOWED_HOSTS = ["family.example.gov.uk"]

    response = client.get("/healthz/", HTTP_HOST="10.0.0.12:8000")

    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    # Everything else still redirects to HTTPS and checks the Host.
    assert client.get("/en/", HTTP_HOST="family.example.gov.uk").status_code == 301
    assert client.get("/en/", HTTP_HOST="10.0.0.12:8000").status_code == 400


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


def test_sitemap_lists_pages_in_every_language(client, arabic_home_page, home_page):
    response = client.get("/sitemap.xml")
    content = response.content.decode()
    assert "<loc>http://testserver/en/</loc>" in content
    assert "<loc>http://testserver/ar/</loc>" in content


def test_sitemap_links_to_the_address_the_reader_used(client, home_page):
    # The demo Site says localhost:80, but `make run` serves 127.0.0.1:8000.
    content = client.get("/sitemap.xml", HTTP_HOST="127.0.0.1:8000").content.decode()
    assert "<loc>http://127.0.0.1:8000/en/</loc>" in content
    assert "localhost" not in content
