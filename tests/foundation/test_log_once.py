"""An unreachable service is logged once a minute per kind, not once per request."""

import logging

from foundation import log_once


def test_a_repeat_within_a_minute_is_not_logged_but_another_kind_and_a_later_one_are(
    caplog, monkeypatch
):
    now = [1000.0]
    monkeypatch.setattr(log_once.time, "monotonic", lambda: now[0])
    monkeypatch.setattr(log_once, "_last", {})
    logger = logging.getLogger("tests.log_once")
    with caplog.at_level(logging.WARNING, logger="tests.log_once"):
        for _ in range(50):
            log_once.warn_once(logger, "page cache", "Page cache unavailable: %s", "refused")
        log_once.warn_once(logger, "site memo", "Site memo unavailable: %s", "refused")
        now[0] += log_once.QUIET_SECONDS + 1
        log_once.warn_once(logger, "page cache", "Page cache unavailable: %s", "refused")
    assert [record.getMessage() for record in caplog.records] == [
        "Page cache unavailable: refused",
        "Site memo unavailable: refused",
        "Page cache unavailable: refused",
    ]
