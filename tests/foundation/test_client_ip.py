"""Rate limits behind a proxy count each visitor, not the proxy."""

from django.test import RequestFactory

from foundation.client_address import client_ip


def test_the_visitor_address_is_read_behind_one_proxy(settings):
    settings.PROXY_COUNT = 1
    request = RequestFactory().get(
        "/", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7", REMOTE_ADDR="10.0.0.1"
    )
    assert client_ip(request) == "203.0.113.7"


def test_without_a_proxy_the_connection_address_counts(settings):
    settings.PROXY_COUNT = 0
    request = RequestFactory().get("/", HTTP_X_FORWARDED_FOR="6.6.6.6", REMOTE_ADDR="198.51.100.2")
    assert client_ip(request) == "198.51.100.2"
